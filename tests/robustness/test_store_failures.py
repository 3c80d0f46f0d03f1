"""Store-side trouble never hurts: missing or locked store, bad SPARQL, updates, unwritable or full outputs."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from .conftest import Result, assert_clean_failure, run_kg

# Every command that reads a store, with the arguments it needs.
STORE_READERS = {
    "query": ["query", "articles"],
    "export": ["export", "--format", "turtle"],
    "stats": ["stats"],
    "validate": ["validate"],
    "remove": ["remove", "0123456789abcdef"],
    "map": ["map", "-o", "MAP"],
    "network": ["network", "stats"],
}


def argv(command: str, tmp_path: Path) -> list[str]:
    return [str(tmp_path / "map.html") if a == "MAP" else a for a in STORE_READERS[command]]


@pytest.mark.parametrize("command", STORE_READERS)
def test_missing_store_is_one_line_and_not_created(command: str, tmp_path: Path) -> None:
    missing = tmp_path / "no-store-here"
    result = run_kg(*argv(command, tmp_path), store=missing)
    assert_clean_failure(result, str(missing))
    assert not missing.exists()


@pytest.fixture
def locked(store_copy: Path) -> Iterator[Path]:
    """The store held open for writing by another process (as a running `kg ingest` would)."""
    code = "import sys, pyoxigraph; s = pyoxigraph.Store(sys.argv[1]); print('ready', flush=True); sys.stdin.read()"
    holder = subprocess.Popen([sys.executable, "-c", code, str(store_copy)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
    yield store_copy
    holder.communicate("", timeout=30)


@pytest.mark.parametrize("command", ["ingest", "remove"])
def test_writing_to_a_locked_store_says_it_is_in_use(command: str, locked: Path, bad_inputs: Path,
                                                     unchanged: Callable[[], None]) -> None:
    args = ["ingest", str(bad_inputs / "big5.txt")] if command == "ingest" else ["remove", "0123456789abcdef"]
    result = run_kg(*args, store=locked)
    assert_clean_failure(result, str(locked), "in use")
    unchanged()


def test_reading_a_locked_store_works_or_says_why(locked: Path) -> None:
    result = run_kg("query", "articles", store=locked)
    assert "Traceback" not in result.out + result.err
    if result.code != 0:
        assert_clean_failure(result, str(locked))
    else:
        assert "青川区总工会慰问环卫工人" in result.out


def test_sparql_syntax_error_is_one_line(store_copy: Path) -> None:
    result = run_kg("query", "--sparql", "SELEC ?s WHERE { ?s ?p ?o }", store=store_copy)
    assert_clean_failure(result, "syntax")


@pytest.mark.parametrize("sparql", [
    "INSERT DATA { <https://x.org/a> <https://x.org/b> <https://x.org/c> }",
    "LOAD <https://x.org/data.ttl>",
    "SELECT * WHERE { SERVICE <https://x.org/sparql> { ?s ?p ?o } }",
    "CLEAR ALL",
])
def test_query_refuses_anything_but_reading(sparql: str, store_copy: Path, unchanged: Callable[[], None]) -> None:
    result = run_kg("query", "--sparql", sparql, store=store_copy)
    assert_clean_failure(result, "refused")
    unchanged()


@pytest.mark.parametrize("command", ["export", "map"])
def test_unwritable_output_path_is_one_line(command: str, store_copy: Path, tmp_path: Path,
                                            unchanged: Callable[[], None]) -> None:
    not_a_folder = tmp_path / "plain-file"
    not_a_folder.write_text("x")
    target = not_a_folder / "out.html"          # as root, only a file-as-folder stops a write
    extra = ["--format", "turtle"] if command == "export" else []
    result = run_kg(command, *extra, "-o", str(target), store=store_copy)
    assert_clean_failure(result, str(target))
    unchanged()


HALF_WRITTEN = ("export", "map")  # commands that write an output file: whole or not at all
_full_disk: dict[str, tuple[Result, Path, list[str]]] = {}


def write_to_full_disk(command: str, store: Path, tmp_path: Path, unchanged: Callable[[], None]
                       ) -> tuple[Result, Path, list[str]]:
    """Run `kg COMMAND -o FILE` once with file writes capped at 2 KB: (result, FILE, files left)."""
    if command not in _full_disk:
        out_dir = tmp_path / "out"
        out_dir.mkdir()
        target = out_dir / "result.out"
        extra = ["--format", "nquads"] if command == "export" else []
        result = run_kg(command, *extra, "-o", str(target), store=store, fsize_limit=2048)
        unchanged()
        _full_disk[command] = (result, target, sorted(p.name for p in out_dir.iterdir()))
    return _full_disk[command]


@pytest.mark.parametrize("command", HALF_WRITTEN)
def test_full_disk_output_is_one_line_and_store_unchanged(command: str, store_copy: Path, tmp_path: Path,
                                                         unchanged: Callable[[], None]) -> None:
    result, target, _left = write_to_full_disk(command, store_copy, tmp_path, unchanged)
    assert_clean_failure(result, str(target))


@pytest.mark.parametrize("command", HALF_WRITTEN)
def test_full_disk_leaves_no_half_written_output(command: str, store_copy: Path, tmp_path: Path,
                                                 unchanged: Callable[[], None]) -> None:
    _result, _target, left = write_to_full_disk(command, store_copy, tmp_path, unchanged)
    assert left == [], f"a half-written file was left: {left}"


@pytest.mark.parametrize("args", [["query", "articles"], ["export", "--format", "turtle"], ["stats"]],
                         ids=lambda a: a[0])
def test_full_disk_on_standard_output_is_one_line(args: list[str], store_copy: Path) -> None:
    result = run_kg(*args, store=store_copy, stdout_path="/dev/full")
    assert_clean_failure(result)
