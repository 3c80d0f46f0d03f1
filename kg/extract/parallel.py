"""`--jobs N`: batches of articles extracted in N worker processes, results kept in input order."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from kg.model import Article, Extraction

CHUNK = 64


def _run(chunk: list[Article]) -> list[Extraction]:
    from kg.extract.extract import extract

    return list(extract(chunk, jobs=1))


def extract_parallel(articles: Iterable[Article], jobs: int) -> Iterator[Extraction]:
    it = iter(articles)
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending = []
        while True:
            chunk = list(itertools.islice(it, CHUNK))
            if chunk:
                pending.append(pool.submit(_run, chunk))
            # keep at most 2 chunks per worker in flight: memory stays flat
            while pending and (len(pending) > 2 * jobs or not chunk):
                yield from pending.pop(0).result()
            if not chunk and not pending:
                return
