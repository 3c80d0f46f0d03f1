"""Entry point of `kg`: builds the parser from command modules and turns errors into one line."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import warnings
from collections.abc import Sequence

from kg import __version__
from kg.errors import KgError

# Each module defines `register(subparsers)`; a command sets `func(args) -> int` as default.
COMMAND_MODULES = (
    "kg.cli.extract_cmd",
    "kg.cli.store_cmds",
    "kg.cli.network_cmds",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kg",
        description="Chinese trade-union news as a knowledge graph: extract, store, query, map.",
    )
    parser.add_argument("--version", action="version", version=f"union-kg {__version__}")
    parser.add_argument(
        "--store",
        default=os.environ.get("KG_STORE", "kg-store"),
        help="store location: a directory (embedded, default ./kg-store or $KG_STORE) "
        "or sparql+http://HOST:PORT/ for a SPARQL 1.1 server",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:  # a command group not built yet
                continue
            raise
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except KgError as exc:
        print(f"kg: error: {exc.message}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except MemoryError:
        print("kg: error: out of memory (input too large?)", file=sys.stderr)
        return 1
    except OSError as exc:
        where = f" {exc.filename}" if getattr(exc, "filename", None) else ""
        print(f"kg: error:{where}: {exc.strerror or exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
