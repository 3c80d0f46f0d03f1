"""Property: any text written to a file reads to articles or raises KgError, nothing else."""

from __future__ import annotations

import itertools
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import KgError
from kg.reading import read_path

# Pieces of newspaper pages, so that generated text exercises headlines, bylines and breaks.
_PIECES = ["\n", "\n\n", "本报讯", "（记者 ", "通讯员 ", "）", "■", ">> ", " <<", "转自《", "》", "来源：",
           "。", "，", "、", "摄", "編輯：", "1月20日", "2025年", "<p>", "</p>", "<html>", "{\"text\": \"",
           "\"}", "總工會", "工会", "驿站", "·", "\u3000", "\r\n", "\x00"]
_news = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(min_size=1, max_size=12)), max_size=40).map("".join)
_counter = itertools.count()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(st.text(), _news), suffix=st.sampled_from([".txt", ".html", ".jsonl"]))
def test_any_text_reads_to_articles_or_raises_kg_error(tmp_path: Path, text: str, suffix: str) -> None:
    path = tmp_path / f"f{next(_counter)}{suffix}"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    try:
        articles = read_path(path, [])
    except KgError as exc:
        assert str(path) in exc.message or "KG_MAX_BYTES" in exc.message
        assert "\n" not in exc.message
        return
    for article in articles:
        assert article.text.strip()
        assert article.analysis_text is None or len(article.analysis_text) == len(article.text)
