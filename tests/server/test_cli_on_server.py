"""Every store command works on a SPARQL server store, and gives what it gives on the embedded store."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

KG = Path(sys.executable).with_name("kg")
NEWS = ("青川区总工会慰问环卫工人\n2024年1月15日\n"
        "青川区总工会副主席林晓红带队走访青川区户外劳动者驿站，为环卫工人送去米面油等慰问品。\n"
        "青川区总工会在青川区文化广场举办迎新春职工运动会，三百余名职工报名参加。\n（记者 何明）\n")
pytestmark = pytest.mark.server


def kg(store: str, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if k != "KG_STORE"}
    proc = subprocess.run([str(KG), "--store", store, *args], capture_output=True, text=True, env=env,
                          timeout=300, check=False)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, f"kg {' '.join(args)}: {proc.stderr}"
    return proc.stdout


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory, oxigraph_url: str) -> tuple[str, str, Path]:
    """The same article ingested by `kg ingest` into an embedded store and into the server."""
    folder = tmp_path_factory.mktemp("cli-server")
    news = folder / "news.txt"
    news.write_text(NEWS, encoding="utf-8")
    import urllib.request

    urllib.request.urlopen(urllib.request.Request(f"{oxigraph_url}/update", data=b"update=DROP%20ALL",
                                                  method="POST"), timeout=10).read()
    embedded, server = str(folder / "store"), f"sparql+{oxigraph_url}/"
    for store in (embedded, server):
        kg(store, "ingest", str(news))
    return embedded, server, folder


@pytest.mark.parametrize("args", [["query", "who-visited-where", "--format", "csv"], ["query", "articles"],
                                  ["stats"], ["validate"], ["network", "stats", "--format", "json"]],
                         ids=lambda a: "-".join(a[:2]))
def test_command_gives_the_same_output_on_both_backends(stores: tuple[str, str, Path], args: list[str]) -> None:
    embedded, server, _ = stores
    on_embedded = kg(embedded, *args).replace(embedded, "STORE")
    if args == ["stats"]:  # only the embedded store keeps listing views (kg/graph/views.py)
        views = "listing views: fresh (kg-views.sqlite:"
        assert views in on_embedded
        on_embedded = "\n".join(line for line in on_embedded.split("\n") if not line.startswith(views))
    assert kg(server, *args).replace(server, "STORE") == on_embedded


def test_export_from_server_parses_to_the_same_graph(stores: tuple[str, str, Path]) -> None:
    from rdflib import Dataset

    embedded, server, folder = stores
    exported = []
    for name, store in (("embedded", embedded), ("server", server)):
        out = folder / f"{name}.nq"
        kg(store, "export", "--format", "nquads", "-o", str(out))
        exported.append(set(Dataset().parse(out, format="nquads").quads((None, None, None, None))))
    assert exported[0] and exported[1] == exported[0]  # no blank nodes in our graphs: plain set equality


def test_map_from_server_is_written(stores: tuple[str, str, Path]) -> None:
    _, server, folder = stores
    kg(server, "map", "-o", str(folder / "map.html"))
    assert "青川区总工会" in (folder / "map.html").read_text(encoding="utf-8")


def test_remove_on_server_drops_the_article(stores: tuple[str, str, Path]) -> None:
    _, server, folder = stores
    kg(server, "remove", str(folder / "news.txt"))
    assert "青川区总工会慰问环卫工人" not in kg(server, "query", "articles")
