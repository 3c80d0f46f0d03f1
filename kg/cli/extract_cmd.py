"""`kg extract`: files -> entities and triples (SCHEMA.md JSONL, JSON or a table), without storing."""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kg.errors import KgError

FORMATS = ("jsonl", "json", "table")


def register(sub: Any) -> None:
    p = sub.add_parser(
        "extract", help="extract entities and triples from files (no store)",
        description="Read files (.txt .html .jsonl or folders), extract entities and triples, "
        "print one object per input file as SCHEMA.md describes.",
        epilog="example:\n  kg extract page.txt --format jsonl > pred.jsonl\n  kg extract news/ --format table",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    p.add_argument("--format", choices=FORMATS, default="jsonl", help="output format (default jsonl)")
    p.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    p.set_defaults(func=cmd_extract)


def _files(paths: list[str], failed: list[str]) -> Iterator[tuple[Path, list[Any]]]:
    """Each readable file with its articles. A file that cannot be read is reported on stderr
    (and in `failed`) and the others are still extracted; so is each broken JSONL line."""
    from kg.reading import iter_paths, read_path

    for path in iter_paths(paths):
        problems: list[str] = []
        try:
            articles = read_path(path, problems)
        except KgError as exc:
            failed.append(exc.message)
            continue
        for problem in problems:
            print(f"kg: skipped {problem}", file=sys.stderr)
        yield path, articles


def cmd_extract(args: argparse.Namespace) -> int:
    if args.jobs < 1:
        raise KgError(f"--jobs {args.jobs}: give a number of processes of at least 1")
    from kg.extract import extract, to_contract

    failed: list[str] = []
    files = list(_files(args.paths, failed))
    for message in failed[:-1] if not files else failed:
        print(f"kg: error: {message}", file=sys.stderr)
    if failed and not files:
        raise KgError(failed[-1])  # nothing readable: the last problem is the command's error
    articles = itertools.chain.from_iterable(arts for _, arts in files)
    results = extract(articles, jobs=args.jobs)
    rows = []
    for path, arts in files:
        try:
            done = list(itertools.islice(results, len(arts)))
        except KgError:
            raise
        except Exception as exc:  # a bug met on this input: one line naming it, not a traceback
            raise KgError(f"{path}: extraction failed ({type(exc).__name__}: {exc}); please report it", 1) from exc
        row = to_contract(str(path), done)
        if args.format == "jsonl":
            print(json.dumps(row, ensure_ascii=False), flush=False)
        else:
            rows.append(row)
    if args.format == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        print()
    elif args.format == "table":
        for row in rows:
            _print_table(row)
    return 2 if failed else 0


def _print_table(row: dict[str, Any]) -> None:
    print(f"== {row['file']}: {len(row['entities'])} entities, {len(row['triples'])} triples")
    for t in row["triples"]:
        role = f" [{t['role']}]" if t.get("role") else ""
        print(f"  {t['subject']}\t{t['predicate']}{role}\t{t['object']}")
