"""`kg extract` as a user runs it: formats, and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.cli.main import main

TEXT = "本报讯（记者 方明远）近日，汕头市总工会在龙湖区举办了职工羽毛球比赛。\n"


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text("汕头举办职工羽毛球比赛\n\n" + TEXT, encoding="utf-8")
    return path


def test_jsonl_output_is_the_schema_contract(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(article), "--format", "jsonl"]) == 0
    row = json.loads(capsys.readouterr().out.strip())
    assert row["file"] == "a.txt"
    assert {"label", "type", "mentions"} <= set(row["entities"][0])
    hosts = [t for t in row["triples"] if t["predicate"] == "hosts"]
    assert hosts and hosts[0]["subject"] == "汕头市总工会"
    assert {"evidence", "start", "end", "confidence"} <= set(hosts[0])


def test_table_output_lists_the_facts(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(article), "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert "a.txt" in out and "hosts" in out


def test_missing_file_is_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["extract", str(tmp_path / "nothing.txt")])
    err = capsys.readouterr().err
    assert code != 0
    assert err.count("\n") == 1 and "nothing.txt" in err


def test_zero_jobs_is_refused(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(article), "--jobs", "0"]) != 0
    assert "--jobs" in capsys.readouterr().err
