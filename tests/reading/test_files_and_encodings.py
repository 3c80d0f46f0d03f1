"""Files and encodings: what is read, how it is decoded, and one-line errors for bad input."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg.errors import KgError
from kg.reading import iter_paths, read_path

ARTICLE_SIMPLIFIED = "滨海区总工会慰问一线职工\n\n本报讯（记者 李文博）5月1日，滨海区总工会走访了三家企业，为职工送去清凉饮品。\n"
ARTICLE_TRADITIONAL = "濱海區總工會慰問一線職工\n\n【記者陳思妤報導】濱海區總工會昨日走訪三家企業，為職工送上清涼飲品。\n"


@pytest.mark.parametrize("encoding,text", [
    ("gbk", ARTICLE_SIMPLIFIED),
    ("gb18030", ARTICLE_SIMPLIFIED),
    ("big5", ARTICLE_TRADITIONAL),
    ("utf-8-sig", ARTICLE_SIMPLIFIED),
    ("utf-16", ARTICLE_TRADITIONAL),
])
def test_legacy_and_bom_encodings_decode_exactly(write, encoding: str, text: str) -> None:
    article = read_path(write("a.txt", text, encoding))[0]
    assert article.title == text.split("\n")[0]
    assert article.text == text.split("\n")[2]


def test_empty_file_is_an_error_naming_the_file(write) -> None:
    path = write("empty.txt", "  \n\n")
    with pytest.raises(KgError, match="empty.txt: empty"):
        read_path(path)


def test_binary_file_is_an_error(write) -> None:
    with pytest.raises(KgError, match="binary"):
        read_path(write("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))


def test_undecodable_bytes_are_an_error(write) -> None:
    with pytest.raises(KgError, match="cannot decode"):
        read_path(write("bad.txt", b"\x80\x80\x80 abc \xff\xff"))


def test_file_over_the_size_limit_is_an_error(write) -> None:
    path = write("big.txt", ARTICLE_SIMPLIFIED)
    with pytest.raises(KgError, match="larger than the limit of 10"):
        read_path(path, max_bytes=10)


def test_size_limit_comes_from_the_environment(write, monkeypatch) -> None:
    path = write("big.txt", ARTICLE_SIMPLIFIED)
    monkeypatch.setenv("KG_MAX_BYTES", "20")
    with pytest.raises(KgError, match="limit of 20"):
        read_path(path)
    monkeypatch.setenv("KG_MAX_BYTES", "lots")
    with pytest.raises(KgError, match="KG_MAX_BYTES"):
        read_path(path)


def test_unreadable_file_is_an_error(write, monkeypatch) -> None:
    path = write("secret.txt", ARTICLE_SIMPLIFIED)

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(KgError, match="secret.txt: cannot read .Permission denied"):
        read_path(path)


def test_missing_file_and_folder_are_errors(tmp_path: Path) -> None:
    with pytest.raises(KgError, match="no-such.txt"):
        read_path(tmp_path / "no-such.txt")
    with pytest.raises(KgError, match="folder"):
        read_path(tmp_path)


def test_pipe_is_an_error_not_a_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(KgError, match="not a regular file"):
        read_path(fifo)


def test_iter_paths_expands_folders_sorted_skipping_hidden_and_other_files(tmp_path: Path) -> None:
    for name in ["b.txt", "a.html", "sub/c.jsonl", "sub/d.htm", ".hidden.txt", ".git/e.txt", "notes.md"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", "utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_paths([tmp_path])]
    assert found == ["a.html", "b.txt", "sub/c.jsonl", "sub/d.htm"]


def test_iter_paths_keeps_named_files_and_rejects_missing_ones(tmp_path: Path) -> None:
    given = tmp_path / "one.txt"
    given.write_text("x", "utf-8")
    assert list(iter_paths([given])) == [given]
    with pytest.raises(KgError, match="missing"):
        list(iter_paths([tmp_path / "missing"]))


def test_utf8_cut_inside_its_last_character_stays_utf8(write) -> None:
    data = ARTICLE_SIMPLIFIED.strip().encode("utf-8") + "职".encode()[:2]
    article = read_path(write("cut.txt", data))[0]
    assert article.text == ARTICLE_SIMPLIFIED.split("\n")[2]
