"""kg load's listing views, filled by a second process from the same file while the first writes the store.

Filling the views (running their queries on the graphs just written, writing the rows to
SQLite) took half of a 1M-triple `kg load` when the loading process did it between its
batches, and a thread cannot overlap it: pyoxigraph holds the GIL through its bulk loader.
The views of a load depend on the file alone (each of its graphs replaces the stored one),
so a second process reads the file again and fills them on the other core. It starts with
the load, works out its first batch while the writer checks the file, and writes nothing
until the writer has opened the store and marked the views stale: then it is told the
store's directory on its standard input (an empty line or none: stop, the load never began).

The writer keeps its part of the consistency rule: it commits the stale mark before this
process writes, waits for it before it closes, and marks the views fresh only when both
have succeeded. Any failure leaves them stale, and the next writer rebuilds them from the
store. This process dies with its parent (PR_SET_PDEATHSIG on Linux; elsewhere it checks
between batches), so a killed load leaves nobody writing the views file.

    python -m kg.graph.view_fill FILE FORMAT PARENT_PID     (then STORE_DIR on stdin)
"""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
from collections.abc import Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.errors import KgError

if TYPE_CHECKING:
    from kg.graph.views import Filled, ListingViews

PR_SET_PDEATHSIG = 1


class Filler:
    """The second process of one `kg load`, seen from the writer."""

    def __init__(self, path: Path, fmt: str) -> None:
        command = [sys.executable, "-m", "kg.graph.view_fill", str(path), fmt, str(os.getpid())]
        self._process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                         stderr=subprocess.PIPE, text=True)

    def go(self, directory: Path) -> None:
        """The store is open and its views marked stale: fill those of `directory`."""
        assert self._process.stdin is not None
        try:
            self._process.stdin.write(f"{directory.resolve()}\n")
            self._process.stdin.close()
        except OSError:
            pass  # it has stopped already: finish() says why

    def finish(self) -> str | None:
        """Wait for the filler; what went wrong in one line, or None when it filled every row."""
        errors = self._wait()
        if self._process.returncode == 0:
            return None
        lines = [line.strip() for line in (errors or "").splitlines() if line.strip()]
        return lines[-1] if lines else f"the filling process stopped with exit status {self._process.returncode}"

    def stop(self) -> None:
        """The load stopped: so does the filler, whatever it was doing."""
        self._process.kill()
        self._wait()

    def _wait(self) -> str:
        """Its standard error, once it has stopped (its input may be closed already)."""
        assert self._process.stderr is not None
        if self._process.stdin is not None and not self._process.stdin.closed:
            self._process.stdin.close()
        errors = self._process.stderr.read()
        self._process.stderr.close()
        self._process.wait()
        return errors


def _die_with_parent(parent: int) -> None:
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # it died before the line above
        os._exit(1)


def batches(path: Path, fmt: str, parent: int, size: int = 0) -> Iterator[tuple[list[str], list[ox.Quad]]]:
    """The file's article graphs in batches of about `size` quads (FLUSH_QUADS by default), only
    the quads the views' queries can see; stops this process when `parent` is gone."""
    from kg.graph.load import graph_runs
    from kg.graph.views import FLUSH_QUADS, fill_terms

    size = size or FLUSH_QUADS
    terms = fill_terms()
    graphs: list[str] = []
    quads: list[ox.Quad] = []
    for name, run in graph_runs(path, fmt, lenient=True):
        if not isinstance(name, ox.NamedNode):
            continue  # the writer's check pass lets only article graphs through
        graphs.append(name.value)
        quads += [quad for quad in run if quad.predicate.value in terms]
        if len(quads) >= size:
            if os.getppid() != parent:
                os._exit(1)
            yield graphs, quads
            graphs, quads = [], []
    if graphs:
        yield graphs, quads


def fill_views(views: ListingViews, parts: Iterable[tuple[list[str], Filled]]) -> None:
    """Replace the rows of each part's graphs, then make the rows of the entities they name."""
    for graphs, filled in parts:
        views.replace_parts(graphs, filled)
    views.make_entity_rows()


def main(argv: list[str]) -> int:
    path, fmt, parent = Path(argv[0]), argv[1], int(argv[2])
    _die_with_parent(parent)
    from kg.graph.views import ListingViews, fill

    parts = ((graphs, fill(quads, filtered=True)) for graphs, quads in batches(path, fmt, parent))
    try:
        first = next(parts, None)   # worked out while the writer checks the file
        directory = sys.stdin.readline().strip()
        if not directory or first is None:
            return 0
        views = ListingViews(Path(directory), read_only=False)
        fill_views(views, chain([first], parts))
        views.close()
    except KgError as exc:
        print(exc.message, file=sys.stderr)
        return exc.exit_code
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
