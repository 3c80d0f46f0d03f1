"""An Article built by a caller in traditional characters is analysed like one read from a file."""

from __future__ import annotations

from pathlib import Path

from kg.extract import extract
from kg.model import Article
from kg.reading import read_path

TEXT = ("本報訊 11月3日，新竹市總工會副主席林美華帶隊來到新竹科學園區職工驛站，"
        "走訪慰問堅守崗位的外賣騎手和快遞員，為他們送上保暖用品。")


def _facts(article: Article) -> set[tuple[str, str, str]]:
    (ex,) = list(extract([article]))
    return {(t.subject, t.predicate, t.object) for t in ex.triples}


def test_traditional_text_without_reading_gives_the_facts_reading_gives(tmp_path: Path) -> None:
    path = tmp_path / "trad.txt"
    path.write_text(TEXT, encoding="utf-8")
    (read,) = read_path(path)
    assert read.analysis_text is not None
    built = Article(text=read.text, source="built-by-caller")
    from_reading = _facts(read)
    assert from_reading, "the reading path finds facts in this text"
    assert _facts(built) == from_reading
    assert any(p == "visits" for _, p, _ in from_reading)
