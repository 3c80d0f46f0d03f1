"""kg query pages a table, gives csv and json whole, and --limit/--offset walk the answer in order."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from kg.cli import store_cmds

from . import test_cli_store as cli

kg = cli.kg
corpus, fake_pipeline, filled = cli.corpus, cli.fake_pipeline, cli.filled  # the store commands' fixtures


def _csv(filled: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> list[list[str]]:
    assert kg(filled, "query", *argv, "--format", "csv") == 0
    return list(csv.reader(io.StringIO(capsys.readouterr().out)))[1:]


def test_csv_gives_every_row_and_pages_put_it_back_together(
        filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    every = _csv(filled, capsys, "entities")
    pages = [_csv(filled, capsys, "entities", "--limit", "3", "--offset", str(k)) for k in range(0, len(every), 3)]
    assert len(every) > 6 and [row for rows in pages for row in rows] == every


def test_a_table_shows_one_page_and_says_how_to_get_the_rest(
        filled: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_cmds, "TABLE_PAGE", 4)
    assert kg(filled, "query", "entities") == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 + 4 + 1
    assert lines[-1].startswith("(rows 1-4; more: --offset 4") and "--all" in lines[-1]
    assert kg(filled, "query", "entities", "--all") == 0
    every = capsys.readouterr().out.splitlines()
    assert every[-1] == f"({len(every) - 3} rows)"


def test_the_last_page_says_it_is_the_last(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    total = len(_csv(filled, capsys, "entities"))
    assert kg(filled, "query", "entities", "--offset", str(total - 2)) == 0
    assert capsys.readouterr().out.splitlines()[-1] == f"(rows {total - 1}-{total}, the last)"


def test_paging_a_named_query_with_an_argument(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    every = _csv(filled, capsys, "about", "南岭市总工会")
    assert _csv(filled, capsys, "about", "南岭市总工会", "--limit", "1", "--offset", "1") == every[1:2]


@pytest.mark.parametrize("argv, message", [
    (["--limit", "0"], "--limit 0"), (["--offset", "-1"], "--offset -1"),
    (["--limit", "5", "--all"], "either --limit or --all"),
])
def test_bad_paging_options_are_one_line_errors(filled: Path, capsys: pytest.CaptureFixture[str],
                                                argv: list[str], message: str) -> None:
    assert kg(filled, "query", "entities", *argv) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and len(err.splitlines()) == 1


def test_own_sparql_with_its_own_limit_is_left_alone_unless_paged_again(
        filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sparql = "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 3"
    assert kg(filled, "query", "--sparql", sparql) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "(3 rows)"
    assert kg(filled, "query", "--sparql", sparql, "--offset", "1") == 2
    assert "already ends with LIMIT" in capsys.readouterr().err


def test_unsorted_pages_hold_the_same_rows_in_the_stores_order(
        filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("who-visited-where", "positions", "entities"):
        every = _csv(filled, capsys, name)
        loose = _csv(filled, capsys, name, "--unsorted")
        pages = [_csv(filled, capsys, name, "--unsorted", "--limit", "2", "--offset", str(k))
                 for k in range(0, len(loose), 2)]
        assert sorted(loose) == sorted(every) and [r for rows in pages for r in rows] == loose


def test_unordered_drops_only_the_final_order_by() -> None:
    from kg.graph.named_queries import unordered

    text = "SELECT * { { SELECT ?s { ?s ?p ?o } ORDER BY ?s LIMIT 3 } }\nORDER BY DESC(?s)\n"
    assert unordered(text).rstrip() == "SELECT * { { SELECT ?s { ?s ?p ?o } ORDER BY ?s LIMIT 3 } }"
    assert unordered("SELECT * { ?s ?p ?o }") == "SELECT * { ?s ?p ?o }"
