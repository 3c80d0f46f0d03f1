"""`kg load FILE`: another store's export loads whole, each graph replaced atomically; a bad file changes nothing."""

from __future__ import annotations

import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.cli.main import main
from kg.graph.export import export_bytes
from kg.graph.iris import article_iri
from kg.graph.rdf import extraction_to_graph
from kg.graph.store import open_store
from kg.model import Extraction

from .conftest import song_contest, winter_visit

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from synth import synth_extractions


def _fill(location: Path, extractions: list[Extraction]) -> None:
    with open_store(str(location)) as store:
        for ex in extractions:
            store.put_article(str(article_iri(ex.article)), extraction_to_graph(ex))


def _export(location: Path, fmt: str) -> bytes:
    with open_store(str(location), read_only=True) as store:
        return export_bytes(store, fmt)


def _quads(location: Path) -> set[ox.Quad]:
    opened = ox.Store.read_only(str(location))
    quads = set(opened)
    del opened
    return quads


def _kg(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def dump(tmp_path: Path) -> Path:
    """`kg export --format nquads` of a store holding 20 synthetic articles and the two hand-built ones."""
    source = tmp_path / "source"
    _fill(source, [winter_visit(), song_contest(), *synth_extractions(20, seed=4)])
    path = tmp_path / "dump.nq"
    path.write_bytes(_export(source, "nquads"))
    return path


@pytest.mark.parametrize("fmt", ["nquads", "trig"])
def test_export_then_load_into_an_empty_store_gives_the_same_export(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    source = tmp_path / "source"
    _fill(source, [winter_visit(), song_contest(), *synth_extractions(20, seed=4)])
    path = tmp_path / f"dump.{'nq' if fmt == 'nquads' else 'trig'}"
    path.write_bytes(_export(source, fmt))
    target = tmp_path / "target"
    code, out, err = _kg(capsys, "--store", str(target), "load", str(path), "--batch-triples", "500")
    assert code == 0, err
    assert "graphs: 22" in out
    assert _export(target, fmt) == _export(source, fmt)
    assert _quads(target) == _quads(source)


def test_loading_twice_changes_nothing(tmp_path: Path, dump: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "target"
    assert _kg(capsys, "--store", str(target), "load", str(dump))[0] == 0
    before = _quads(target)
    assert _kg(capsys, "--store", str(target), "load", str(dump))[0] == 0
    assert _quads(target) == before


def test_a_loaded_graph_replaces_the_stored_one_and_leaves_the_others(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "target"
    _fill(target, [winter_visit(), song_contest()])
    shorter = winter_visit()
    shorter.triples = shorter.triples[:1]
    source = tmp_path / "source"
    _fill(source, [shorter])
    path = tmp_path / "shorter.nq"
    path.write_bytes(_export(source, "nquads"))
    assert _kg(capsys, "--store", str(target), "load", str(path))[0] == 0
    expected = _quads(source) | {q for q in _quads(target) if q.graph_name.value == str(article_iri(song_contest().article))}
    assert _quads(target) == expected


def test_verbose_reports_every_graph_after_its_commit(tmp_path: Path, dump: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "target"
    code, out, _err = _kg(capsys, "--store", str(target), "load", "-v", "--batch-triples", "300", str(dump))
    assert code == 0
    reported = {line.split()[1]: int(line.split()[2]) for line in out.splitlines() if line.startswith("loaded ")}
    by_graph: dict[str, int] = {}
    for quad in _quads(target):
        by_graph[quad.graph_name.value] = by_graph.get(quad.graph_name.value, 0) + 1  # type: ignore[union-attr]
    assert reported == by_graph and len(reported) == 22


BAD_FILES = {
    "cut.nq": ("cut", "not valid nquads"),
    "default.nq": (b'<https://union-kg.org/id/person/x> <http://www.w3.org/2000/01/rdf-schema#label> "x" .\n',
                   "outside any named graph"),
    "foreign.nq": (b'<http://a.example/s> <http://a.example/p> "x" <http://a.example/g> .\n', "not an article graph"),
    "split.nq": ("split", "are not together"),
    "empty.nq": (b"", "no quads"),
    "binary.nq": (bytes(range(256)) * 8, "not valid nquads"),
}


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_a_bad_file_is_one_line_and_changes_nothing(tmp_path: Path, dump: Path, name: str,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    content, expected = BAD_FILES[name]
    lines = dump.read_bytes().splitlines(keepends=True)
    if content == "cut":      # a dump that breaks off in the middle of a line, far into the file
        content = b"".join(lines[: len(lines) * 2 // 3]) + lines[len(lines) * 2 // 3][:40]
    elif content == "split":  # one graph's quads in two places
        content = b"".join(lines[:3] + lines[-200:] + lines[3:10])
    path = tmp_path / name
    path.write_bytes(content)  # type: ignore[arg-type]
    target = tmp_path / "target"
    _fill(target, [winter_visit()])
    before = _quads(target)
    code, _out, err = _kg(capsys, "--store", str(target), "load", str(path))
    assert code != 0
    assert len(err.strip().splitlines()) == 1 and name in err and expected in err, err
    assert _quads(target) == before


def test_a_bad_file_does_not_create_a_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "default.nq"
    path.write_bytes(BAD_FILES["default.nq"][0])  # type: ignore[arg-type]
    assert _kg(capsys, "--store", str(tmp_path / "new"), "load", str(path))[0] != 0
    assert not (tmp_path / "new").exists()


@pytest.mark.parametrize("argv, expected", [
    (["missing.nq"], "no such file"),
    (["."], "not a file"),
    (["dump.ttl"], "--format nquads or --format trig"),
])
def test_unusable_arguments_are_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str],
                                         expected: str, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "dump.ttl").write_text("")
    code, _out, err = _kg(capsys, "--store", str(tmp_path / "store"), "load", *argv)
    assert code != 0 and expected in err and len(err.strip().splitlines()) == 1


def test_a_busy_store_is_reported_in_use(tmp_path: Path, dump: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with open_store(str(tmp_path / "target")):
        code, _out, err = _kg(capsys, "--store", str(tmp_path / "target"), "load", str(dump))
    assert code != 0 and "in use by another kg process" in err
