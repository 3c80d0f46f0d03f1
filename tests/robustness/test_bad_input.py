"""Bad input files never hurt: `kg extract` and `kg ingest` on each, as a user would run them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import Result, assert_clean_failure, run_kg, snapshot

UNUSABLE = {
    "empty.txt": "empty",
    "binary.txt": "binary",
    "huge.txt": "larger than",
    "invalid-utf8.txt": "decode",
}

@pytest.mark.parametrize("name", UNUSABLE)
def test_extract_refuses_unusable_file_in_one_line(bad_inputs: Path, name: str) -> None:
    result = run_kg("extract", str(bad_inputs / name))
    assert_clean_failure(result, name, UNUSABLE[name])


_ingested: dict[str, Result] = {}


def ingest_once(name: str, bad_inputs: Path, store: Path, unchanged: Callable[[], None]) -> Result:
    """`kg ingest` of one unusable file, run once per file for all the tests that judge it."""
    if name not in _ingested:
        _ingested[name] = run_kg("ingest", str(bad_inputs / name), store=store)
        unchanged()
    return _ingested[name]


@pytest.mark.parametrize("name", UNUSABLE)
def test_ingest_of_unusable_file_names_it_and_stores_nothing(bad_inputs: Path, name: str, store_copy: Path,
                                                             unchanged: Callable[[], None]) -> None:
    result = ingest_once(name, bad_inputs, store_copy, unchanged)
    assert "Traceback" not in result.out + result.err
    assert any(name in line and UNUSABLE[name] in line for line in (result.out + result.err).splitlines())


@pytest.mark.parametrize("name", ["empty.txt", "huge.txt"])
def test_ingest_of_unusable_file_exits_non_zero_with_one_line_on_stderr(
        bad_inputs: Path, name: str, store_copy: Path, unchanged: Callable[[], None]) -> None:
    assert_clean_failure(ingest_once(name, bad_inputs, store_copy, unchanged), name, UNUSABLE[name])


@pytest.mark.parametrize(("name", "expected"), [("gbk.txt", "青川区总工会"), ("big5.txt", "台川市總工會"),
                                                ("malformed.html", "石港区总工会")])
def test_undeclared_encodings_and_broken_html_are_read(bad_inputs: Path, name: str, expected: str) -> None:
    result = run_kg("extract", str(bad_inputs / name), "--format", "jsonl")
    assert result.code == 0 and "Traceback" not in result.err, result.err
    assert expected in result.out


def test_ingest_reads_big5_into_the_store(bad_inputs: Path, store_copy: Path) -> None:
    before = snapshot(store_copy)
    result = run_kg("ingest", str(bad_inputs / "big5.txt"), store=store_copy)
    assert result.code == 0, result.err
    added = snapshot(store_copy) - before
    assert any("台川市" in quad for quad in added)  # a label as written (traditional) or simplified IRI
    assert before <= snapshot(store_copy)


def test_extract_jsonl_broken_line_reported_with_its_number_and_others_processed(bad_inputs: Path) -> None:
    result = run_kg("extract", str(bad_inputs / "broken.jsonl"), "--format", "jsonl")
    assert "Traceback" not in result.out + result.err
    assert "broken.jsonl:2" in result.err
    assert "金桥区总工会" in result.out and "玉川区总工会" in result.out


def test_ingest_jsonl_broken_line_stores_the_others(bad_inputs: Path, store_copy: Path) -> None:
    before = snapshot(store_copy)
    result = run_kg("ingest", str(bad_inputs / "broken.jsonl"), store=store_copy)
    assert "Traceback" not in result.out + result.err
    assert "broken.jsonl:2" in result.out + result.err
    added = "".join(snapshot(store_copy) - before)
    assert "金桥区总工会" in added and "玉川区总工会" in added and "断行" not in added


@pytest.fixture(scope="module")
def folder_result(bad_inputs: Path) -> Result:
    return run_kg("extract", str(bad_inputs / "unreadable"), "--format", "jsonl", timeout=120)


def test_extract_folder_reads_the_rest_and_names_each_unreadable_file(folder_result: Result) -> None:
    assert "Traceback" not in folder_result.out + folder_result.err
    assert "青川区总工会" in folder_result.out
    for name in ("fifo.txt", "dangling.txt"):
        assert [line for line in folder_result.err_lines if name in line], f"{name} not reported"
    assert len(folder_result.err_lines) == 2, "one line per unreadable file"


def test_extract_to_full_disk_fails_in_one_line(bad_inputs: Path) -> None:
    result = run_kg("extract", str(bad_inputs / "gbk.txt"), stdout_path="/dev/full")
    assert_clean_failure(result)
