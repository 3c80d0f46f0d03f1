"""Reading speed: kg.reading.read_path on newspaper pages, JSONL and HTML of growing size.

Sizes: BENCH_READ_MB (default 1,5) megabytes of UTF-8 text. The pages are the seed and
dev texts of ../shared joined over and over (so every article shape is met); without
../shared the run stops with a note.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from common import emit, log, peak_rss_mb, sizes, stopwatch

from kg.reading import read_path

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _texts() -> list[str]:
    files = sorted((SHARED / "eval" / "dev").glob("*.txt")) + sorted((SHARED / "seed").glob("*.txt"))
    texts = []
    for path in files:
        try:
            texts.append(path.read_text("utf-8"))
        except UnicodeDecodeError:
            continue          # the GBK and Big5 samples
    return texts


def _repeat(unit: str, megabytes: int) -> str:
    count = max(1, megabytes * 1_000_000 // len(unit.encode("utf-8")))
    return unit * count


def _measure(kind: str, path: Path, size: str) -> None:
    read_path(path, [])                    # warm: jieba's dictionary, trafilatura, OpenCC
    with stopwatch() as elapsed:
        articles = read_path(path, [])
    seconds = elapsed()
    megabytes = path.stat().st_size / 1e6
    emit("read", size, f"{kind} throughput", round(megabytes / seconds, 2), "MB/s",
         f"{len(articles)} articles in {seconds:.2f} s")
    if len(articles) > 1:
        emit("read", size, f"{kind} articles", round(len(articles) / seconds), "articles/s")


def main() -> None:
    texts = _texts()
    if not texts:
        log("bench_read: ../shared is absent, nothing to read")
        return
    page_unit = "\n\n".join(texts) + "\n\n"
    jsonl_unit = "".join(json.dumps({"title": f"t{i}", "text": t}, ensure_ascii=False) + "\n"
                         for i, t in enumerate(texts))
    html_unit = "<p>" + "</p>\n<p>".join(line for t in texts for line in t.splitlines() if line.strip()) + "</p>\n"
    with tempfile.TemporaryDirectory(prefix="kg-bench-read-") as tmp:
        for megabytes in sizes("read_mb", "1,5"):
            size = f"{megabytes} MB"
            for kind, unit, suffix in (("page", page_unit, ".txt"), ("jsonl", jsonl_unit, ".jsonl")):
                path = Path(tmp) / f"input{suffix}"
                path.write_text(_repeat(unit, megabytes), "utf-8")
                log(f"reading a {size} {kind}")
                _measure(kind, path, size)
                path.unlink()
        html = Path(tmp) / "page.html"
        html.write_text(f"<html><head><title>x</title></head><body><div>{_repeat(html_unit, 1)}</div></body></html>")
        log("reading a 1 MB HTML page")
        _measure("html", html, "1 MB")
    emit("read", "all", "peak memory", round(peak_rss_mb()), "MB")


if __name__ == "__main__":
    main()
