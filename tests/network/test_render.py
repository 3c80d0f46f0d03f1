"""The map file without a browser: self-contained, escaped, refuses hairballs."""

from __future__ import annotations

import json
import re

import networkx as nx
import pytest

from kg.errors import KgError
from kg.network.render import VIS_DIR, check_size, map_html, safe_json

from .helpers import iri


def _data_block(html: str) -> dict:
    block = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.DOTALL)
    assert block
    return json.loads(block.group(1))


def test_map_loads_nothing_from_outside(sample_graph: nx.MultiDiGraph) -> None:
    html = map_html(sample_graph)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "bootstrap" not in html.lower()  # pyvis's own template links it from a CDN
    assert "default-src 'none'" in html


def test_map_holds_every_node_and_edge(sample_graph: nx.MultiDiGraph) -> None:
    data = _data_block(map_html(sample_graph))
    assert {data["details"]["nodes"][n["id"]]["iri"] for n in data["nodes"]} == set(sample_graph)
    assert len(data["edges"]) == sample_graph.number_of_edges()


def test_edge_labels_follow_the_language(sample_graph: nx.MultiDiGraph) -> None:
    zh = {e["label"] for e in _data_block(map_html(sample_graph, lang="zh"))["edges"]}
    en = {e["label"] for e in _data_block(map_html(sample_graph, lang="en"))["edges"]}
    assert "走访" in zh and "visits" in en


def test_script_in_article_text_cannot_close_the_data_block() -> None:
    graph = nx.MultiDiGraph()
    name = "</script><script>alert(1)</script>"
    graph.add_node(iri("union", "x"), label=name, type="Union", articles=1, aliases=["<img src=x onerror=alert(2)>"])
    html = map_html(graph)
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert _data_block(html)["details"]["nodes"]["n0"]["label"] == name


def test_safe_json_escapes_markup_characters() -> None:
    assert safe_json({"a": "<b>&</b>"}) == '{"a":"\\u003cb\\u003e\\u0026\\u003c/b\\u003e"}'


def test_too_big_a_map_asks_for_a_focus() -> None:
    graph = nx.MultiDiGraph()
    graph.add_nodes_from(range(6001))
    with pytest.raises(KgError, match="--focus ENTITY --radius N.*most connected: 甲"):
        check_size(graph, ["甲"])


def test_vis_network_is_inlined_unchanged_but_for_its_source_map_link(sample_graph: nx.MultiDiGraph) -> None:
    original = (VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8")
    code = "\n".join(line for line in original.split("\n") if not line.startswith("//# sourceMappingURL"))
    html = map_html(sample_graph)
    assert code in html
    assert "sourceMappingURL" not in html
