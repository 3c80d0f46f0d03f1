"""A server that is down, slow or failing: one clear line, non-zero exit, nothing half-written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.errors import KgError
from kg.graph.ingest import IngestSummary, ingest_extraction
from kg.graph.iris import article_iri
from kg.graph.rdf import extraction_to_graph
from kg.graph.store import Store, open_store

from .conftest import FlakyProxy, free_port

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from synth import synth_extractions

KG = Path(sys.executable).with_name("kg")
pytestmark = pytest.mark.server


def run_kg(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "KG_STORE"}
    return subprocess.run([str(KG), *args], capture_output=True, text=True, env=env, timeout=180, check=False)


def assert_one_line_failure(proc: subprocess.CompletedProcess[str], *words: str) -> None:
    assert proc.returncode != 0
    assert "Traceback" not in proc.stdout + proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    for word in words:
        assert word in lines[0], lines[0]


def test_kg_query_on_a_server_that_is_down(tmp_path: Path) -> None:
    url = f"sparql+http://127.0.0.1:{free_port()}/"
    assert_one_line_failure(run_kg("--store", url, "query", "articles"), "127.0.0.1", "refused")


def test_kg_query_on_a_slow_server_times_out(fake_server) -> None:  # type: ignore[no-untyped-def]
    server = fake_server(status=200, delay=3.0)
    proc = run_kg("--store", f"sparql+{server.url}/?timeout=0.5", "query", "articles")
    assert_one_line_failure(proc, server.url.removeprefix("http://"), "no answer within 0.5 s")


def test_kg_ingest_on_a_failing_server(fake_server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    server = fake_server(status=500, body=b"disk on fire")
    text = tmp_path / "news.txt"
    text.write_text("青川区总工会慰问环卫工人\n青川区总工会副主席林晓红带队走访青川区户外劳动者驿站，为环卫工人送去慰问品。\n",
                    encoding="utf-8")
    proc = run_kg("--store", f"sparql+{server.url}/", "ingest", str(text))
    assert_one_line_failure(proc, "HTTP 500", "disk on fire")


def test_failure_mid_ingest_leaves_whole_articles_and_a_retry_duplicates_nothing(server_store_url: str) -> None:
    corpus = list(synth_extractions(5, seed=3))
    proxy = FlakyProxy(server_store_url.removeprefix("sparql+").rstrip("/"), fail_puts={3})
    try:
        flaky = open_store(f"sparql+{proxy.url}/")
        with pytest.raises(KgError, match="HTTP 500"):
            for ex in corpus:
                ingest_extraction(flaky, ex, IngestSummary())
        flaky.close()
    finally:
        proxy.close()
    server = open_store(server_store_url)
    written = [str(article_iri(ex.article)) for ex in corpus[:2]]
    assert server.article_iris() == sorted(written)
    assert triple_count(server) == sum(len(extraction_to_graph(ex)) for ex in corpus[:2])  # whole, no part of #3
    for ex in corpus:  # the retry: the whole corpus again, straight to the server
        ingest_extraction(server, ex, IngestSummary())
    assert triple_count(server) == sum(len(extraction_to_graph(ex)) for ex in corpus)
    server.close()


def triple_count(store: Store) -> int:
    return int(store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows[0]["n"])  # type: ignore[arg-type]
