"""`kg load` and `kg export` on a SPARQL server: same bytes as the embedded store, the dataset in one request."""

from __future__ import annotations

import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.cli.main import main
from kg.graph.export import export_bytes
from kg.graph.iris import article_iri
from kg.graph.rdf import extraction_to_graph
from kg.graph.sparql_store import SparqlStore
from kg.graph.store import open_store

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from synth import synth_extractions

pytestmark = pytest.mark.server
FORMATS = ["nquads", "trig", "turtle", "nt"]


@pytest.fixture
def embedded(tmp_path: Path) -> str:
    location = str(tmp_path / "embedded")
    with open_store(location) as store:
        for ex in synth_extractions(15, seed=9):
            store.put_article(str(article_iri(ex.article)), extraction_to_graph(ex))
    return location


def _export(location: str, fmt: str) -> bytes:
    with open_store(location, read_only=True) as store:
        return export_bytes(store, fmt)


@pytest.mark.parametrize("fmt", ["nquads", "trig"])
def test_an_embedded_export_loaded_into_the_server_exports_the_same_bytes(
        embedded: str, server_store_url: str, tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    dump = tmp_path / f"dump.{'nq' if fmt == 'nquads' else 'trig'}"
    dump.write_bytes(_export(embedded, fmt))
    assert main(["--store", server_store_url, "load", str(dump)]) == 0, capsys.readouterr().err
    assert "graphs: 15" in capsys.readouterr().out
    for out_fmt in FORMATS:
        assert _export(server_store_url, out_fmt) == _export(embedded, out_fmt), out_fmt


def test_loading_twice_into_the_server_changes_nothing(embedded: str, server_store_url: str, tmp_path: Path) -> None:
    dump = tmp_path / "dump.nq"
    dump.write_bytes(_export(embedded, "nquads"))
    assert main(["--store", server_store_url, "load", str(dump)]) == 0
    before = _export(server_store_url, "nquads")
    assert main(["--store", server_store_url, "load", str(dump)]) == 0
    assert _export(server_store_url, "nquads") == before


def test_a_bad_file_leaves_the_server_unchanged(embedded: str, server_store_url: str, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    good = _export(embedded, "nquads")
    dump = tmp_path / "good.nq"
    dump.write_bytes(good)
    assert main(["--store", server_store_url, "load", str(dump)]) == 0
    before = _export(server_store_url, "nquads")
    broken = tmp_path / "broken.nq"
    broken.write_bytes(good[: len(good) // 2] + b"<https://union-kg.org/id/x> <broken")
    capsys.readouterr()
    assert main(["--store", server_store_url, "load", str(broken)]) != 0
    assert "not valid nquads" in capsys.readouterr().err
    assert _export(server_store_url, "nquads") == before


def test_export_reads_the_dataset_in_one_request(embedded: str, server_store_url: str, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    dump = tmp_path / "dump.nq"
    dump.write_bytes(_export(embedded, "nquads"))
    assert main(["--store", server_store_url, "load", str(dump)]) == 0
    with open_store(server_store_url, read_only=True) as store:
        assert isinstance(store, SparqlStore)
        sent: list[str] = []
        real = store.client.request

        def counting(method: str, path: str, what: str, **kwargs):  # type: ignore[no-untyped-def]
            sent.append(f"{method} {path}")
            return real(method, path, what, **kwargs)

        monkeypatch.setattr(store.client, "request", counting)
        export_bytes(store, "nquads")
    assert len(sent) == 1 and sent[0].startswith("GET ")


@pytest.mark.parametrize("refused", [["dump"], ["dump", "select"]], ids=["select", "graph-by-graph"])
def test_export_falls_back_when_the_server_offers_less(embedded: str, server_store_url: str, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch, refused: list[str]) -> None:
    dump = tmp_path / "dump.nq"
    dump.write_bytes(_export(embedded, "nquads"))
    assert main(["--store", server_store_url, "load", str(dump)]) == 0
    if "dump" in refused:
        monkeypatch.setattr(SparqlStore, "_load_dump", lambda self, copy: False)
    if "select" in refused:
        monkeypatch.setattr(SparqlStore, "_select_all", lambda self: None)
    for fmt in ("nquads", "turtle"):
        assert _export(server_store_url, fmt) == _export(embedded, fmt)


def test_graphs_that_are_not_articles_stay_out_of_the_export(embedded: str, server_store_url: str,
                                                             tmp_path: Path) -> None:
    import urllib.request

    dump = tmp_path / "dump.nq"
    dump.write_bytes(_export(embedded, "nquads"))
    assert main(["--store", server_store_url, "load", str(dump)]) == 0
    base = server_store_url.removeprefix("sparql+").rstrip("/")
    update = b"update=" + b"INSERT%20DATA%20%7B%20GRAPH%20%3Chttp%3A%2F%2Fother.example%2Fg%3E%20%7B%20%3Chttp%3A%2F%2Fa%3E%20%3Chttp%3A%2F%2Fb%3E%20%22c%22%20%7D%20%7D"
    urllib.request.urlopen(urllib.request.Request(f"{base}/update", data=update, method="POST"), timeout=10).read()
    exported = _export(server_store_url, "nquads")
    assert b"other.example" not in exported
    assert {q.graph_name.value for q in ox.parse(exported, format=ox.RdfFormat.N_QUADS)} == \
        {q.graph_name.value for q in ox.parse(_export(embedded, "nquads"), format=ox.RdfFormat.N_QUADS)}


def test_a_broken_dataset_dump_is_one_line_naming_the_server(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    import http.server
    import threading

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = b'<https://union-kg.org/id/article/a> <http://a.example/p> "cut off'
            self.send_response(200)
            self.send_header("Content-Type", "application/n-quads")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        url = f"sparql+http://127.0.0.1:{httpd.server_address[1]}/"
        code = main(["--store", url, "export", "--format", "nquads", "-o", str(tmp_path / "out.nq")])
    finally:
        httpd.shutdown()
        httpd.server_close()
    err = capsys.readouterr().err
    assert code == 4 and "not valid N-Quads" in err and len(err.strip().splitlines()) == 1, err
    assert not (tmp_path / "out.nq").exists()
