"""The store commands end to end, with the reader and extractor replaced by hand-built extractions."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import pytest

from kg.cli.main import main
from kg.errors import KgError
from kg.model import Article

from .conftest import song_contest, winter_visit

BY_FILE = {"winter.txt": winter_visit, "contest.txt": song_contest}


@pytest.fixture
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    """kg.reading and kg.extract stand-ins: a file named in BY_FILE yields its hand-built article."""

    def iter_paths(paths):  # type: ignore[no-untyped-def]
        for p in paths:
            path = Path(p)
            yield from sorted(path.iterdir()) if path.is_dir() else [path]

    def read_path(path, problems=None):  # type: ignore[no-untyped-def]
        if Path(path).name not in BY_FILE:
            raise KgError(f"{path}: binary file, not text")
        return [BY_FILE[Path(path).name]().article]

    def extract(articles, jobs=1):  # type: ignore[no-untyped-def]
        made = {f().article.key: f for f in BY_FILE.values()}
        for article in articles:
            yield made[article.key]()

    monkeypatch.setitem(sys.modules, "kg.reading", types.SimpleNamespace(iter_paths=iter_paths, read_path=read_path))
    monkeypatch.setitem(sys.modules, "kg.extract", types.SimpleNamespace(extract=extract))


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    for name in [*BY_FILE, "photo.txt"]:
        (folder / name).write_text("见 conftest", encoding="utf-8")
    return folder


def kg(store: Path, *argv: str) -> int:
    return main(["--store", str(store), *argv])


@pytest.fixture
def filled(tmp_path: Path, corpus: Path, fake_pipeline: None, capsys: pytest.CaptureFixture[str]) -> Path:
    store = tmp_path / "store"
    assert kg(store, "ingest", str(corpus)) == 0
    capsys.readouterr()
    return store


def test_ingest_summary_counts_articles_and_names_skipped_files(
        tmp_path: Path, corpus: Path, fake_pipeline: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert kg(tmp_path / "store", "ingest", str(corpus)) == 0
    out = capsys.readouterr().out
    assert "articles: 2" in out and "skipped: 1" in out
    assert "photo.txt: binary file" in out


def test_reingest_is_idempotent(filled: Path, corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    kg(filled, "export", "--format", "nquads")
    before = capsys.readouterr().out
    assert kg(filled, "ingest", str(corpus)) == 0
    capsys.readouterr()
    kg(filled, "export", "--format", "nquads")
    assert sorted(capsys.readouterr().out.splitlines()) == sorted(before.splitlines())


def test_who_visited_where_table_lists_visits_with_evidence(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert kg(filled, "query", "who-visited-where", "--full") == 0
    out = capsys.readouterr().out
    assert "陈立华" in out and "青河区职工服务中心" in out and "为一线环卫工人送上棉衣和慰问品" in out
    assert "(2 rows)" in out


def test_about_takes_a_label_and_lists_facts_both_ways(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert kg(filled, "query", "about", "青河区总工会", "--format", "json") == 0
    rows = json.loads(capsys.readouterr().out)["results"]["bindings"]
    relations = {(r["relation"]["value"], r["direction"]["value"]) for r in rows}
    assert ("hosts", "→") in relations and ("subOrganizationOf", "→") in relations
    assert all(r["evidence"]["value"] for r in rows)


def test_about_accepts_an_iri(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert kg(filled, "query", "about", "https://union-kg.org/id/person/陈立华", "--format", "csv") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("entity,relation") and len(lines) > 3


def test_query_refuses_updates_with_a_clear_line(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert kg(filled, "query", "--sparql", "DROP ALL") == 2
    assert "read-only" in capsys.readouterr().err


def test_query_syntax_error_is_one_line(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert kg(filled, "query", "--sparql", "SELECT WHERE {") != 0
    err = capsys.readouterr().err
    assert err.startswith("kg: error: SPARQL syntax error") and err.count("\n") == 1


def test_query_from_a_file(filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rq = tmp_path / "unions.rq"
    rq.write_text("SELECT DISTINCT ?u WHERE { ?u a <https://union-kg.org/ontology#Union> }", encoding="utf-8")
    assert kg(filled, "query", str(rq), "--format", "csv") == 0
    assert len(capsys.readouterr().out.splitlines()) == 3  # header and the two unions


def test_unknown_query_name_lists_the_known_ones(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert kg(filled, "query", "who-is-who") == 2
    assert "who-visited-where" in capsys.readouterr().err


def test_read_commands_on_a_missing_store_say_what_to_do(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for command in (["query", "positions"], ["stats"], ["export"], ["validate"]):
        assert kg(tmp_path / "none", *command) == 3
        assert "kg ingest" in capsys.readouterr().err


def test_stats_counts_entities_per_type_and_facts_per_relation(
        filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert kg(filled, "stats") == 0
    out = capsys.readouterr().out
    assert "articles: 2" in out
    assert any(line.split()[:2] == ["Union", "2"] for line in out.splitlines())
    assert any(line.split()[:3] == ["participatesIn", "3", "3"] for line in out.splitlines())


def test_validate_passes_on_a_conforming_store(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert kg(filled, "validate") == 0
    assert capsys.readouterr().out.startswith("conforms")


def test_remove_by_source_file_removes_exactly_that_article(
        filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert kg(filled, "remove", "pages/winter.txt") == 0
    assert capsys.readouterr().out.count("removed ") == 1
    kg(filled, "query", "articles", "--format", "csv")
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and "青河区职工歌手大赛落幕" in lines[1]


def test_remove_of_unknown_article_fails_and_keeps_everything(
        filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert kg(filled, "remove", "0123456789abcdef") == 2
    assert "no such article" in capsys.readouterr().err
    kg(filled, "stats")
    assert "articles: 2" in capsys.readouterr().out


def test_export_to_unwritable_path_is_one_line(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert kg(filled, "export", "-o", "/nonexistent-dir/kg.ttl") == 2
    assert "cannot write" in capsys.readouterr().err


def test_ingest_of_missing_path_is_one_line(tmp_path: Path, fake_pipeline: None,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    def iter_paths(paths):  # type: ignore[no-untyped-def]
        raise KgError("nowhere.txt: no such file or folder")
        yield  # pragma: no cover

    sys.modules["kg.reading"].iter_paths = iter_paths  # type: ignore[attr-defined]
    assert kg(tmp_path / "store", "ingest", "nowhere.txt") == 2
    assert "no such file" in capsys.readouterr().err


def test_every_store_command_help_has_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("ingest", "query", "export", "stats", "validate", "remove"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        assert "example:" in capsys.readouterr().out


def test_reading_errors_do_not_stop_other_files(tmp_path: Path, corpus: Path, fake_pipeline: None) -> None:
    store = tmp_path / "store"
    assert kg(store, "ingest", str(corpus / "photo.txt"), str(corpus / "winter.txt")) == 0
    from kg.graph.store import open_store

    with open_store(str(store), read_only=True) as opened:
        assert len(opened.article_iris()) == 1


def test_article_from_model_is_unchanged_by_ingest() -> None:
    # the hand-built fixtures must stay stable for the key-based fake extractor above
    assert winter_visit().article.key == winter_visit().article.key != Article(text="x", source="y").key


def test_summary_lists_at_most_ten_skip_reasons() -> None:
    from kg.graph.ingest import IngestSummary

    summary = IngestSummary(skipped=[f"big.jsonl:{n}: no text" for n in range(25)])
    lines = summary.lines()
    assert "skipped: 25" in lines[0]
    assert sum("skipped big.jsonl" in line for line in lines) == 10
    assert lines[-1] == "  ... and 15 more skipped"


def test_extractor_crash_keeps_stored_articles_and_reports_one_line(
        tmp_path: Path, corpus: Path, fake_pipeline: None, capsys: pytest.CaptureFixture[str]) -> None:
    def extract(articles, jobs=1):  # type: ignore[no-untyped-def]
        articles = iter(articles)
        next(articles)
        yield song_contest()
        raise RuntimeError("tagger fell over")

    sys.modules["kg.extract"].extract = extract  # type: ignore[attr-defined]
    store = tmp_path / "store"
    assert kg(store, "ingest", str(corpus)) == 1
    captured = capsys.readouterr()
    assert "articles: 1" in captured.out
    assert captured.err.count("\n") == 1 and "tagger fell over" in captured.err
    from kg.graph.store import open_store

    with open_store(str(store), read_only=True) as opened:
        assert len(opened.article_iris()) == 1


def test_remove_on_a_missing_store_does_not_create_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert kg(tmp_path / "none", "remove", "0123456789abcdef") == 3
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "none").exists()


def test_misspelt_query_name_gets_a_suggestion(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert kg(filled, "query", "who-visited-were") == 2
    assert "did you mean who-visited-where?" in capsys.readouterr().err


def test_ingest_storing_nothing_fails_with_the_reason_on_one_line(
        tmp_path: Path, corpus: Path, fake_pipeline: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert kg(tmp_path / "store", "ingest", str(corpus / "photo.txt")) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nothing stored" in err and "photo.txt: binary file" in err
