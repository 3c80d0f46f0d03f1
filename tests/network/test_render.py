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


def test_entities_without_facts_are_hidden_and_counted_in_the_header(sample_graph: nx.MultiDiGraph) -> None:
    html = map_html(sample_graph)
    data = _data_block(html)
    hidden = [data["details"]["nodes"][n["id"]]["label"] for n in data["nodes"] if n.get("hidden")]
    assert hidden == ["李华"]
    assert all(n.get("isolated") for n in data["nodes"] if n.get("hidden"))
    facts = sample_graph.number_of_edges()
    assert f"12 个实体 · {facts} 条关系 · 1 个孤立实体" in html
    assert 'id="kg-isolated"' in html


def test_a_map_without_isolated_entities_has_no_checkbox() -> None:
    graph = nx.MultiDiGraph()
    for name in ("甲工会", "乙驿站"):
        graph.add_node(name, label=name, type="Union", articles=1, aliases=[])
    graph.add_edge("甲工会", "乙驿站", key="visits", predicate="visits", articles=1, article_iris=[],
                   evidence=[], roles=[])
    html = map_html(graph)
    assert 'id="kg-isolated"' not in html and "孤立" not in html.split('id="kg-data"')[0]


def test_long_names_wrap_on_the_canvas_but_stay_whole_in_the_details() -> None:
    graph = nx.MultiDiGraph()
    name = "江河市青山区白沙镇职工服务中心站"
    graph.add_node(name, label=name, type="Site", articles=1, aliases=[])
    data = _data_block(map_html(graph))
    assert data["nodes"][0]["label"] == "江河市青山区白沙\n镇职工服务中心站"
    assert data["details"]["nodes"]["n0"]["label"] == name


def test_page_opens_on_the_main_component(sample_graph: nx.MultiDiGraph) -> None:
    data = _data_block(map_html(sample_graph))
    left, top, right, bottom = data["view"]
    nine = [n for n in data["nodes"] if not n.get("hidden")]
    inside = [left <= n["x"] <= right and top <= n["y"] <= bottom for n in nine]
    assert sum(inside) == 9  # the component of nine, not the pair beside it


def test_a_map_of_only_unlinked_entities_shows_them_all() -> None:
    graph = nx.MultiDiGraph()
    for name in ("甲记者", "乙记者"):
        graph.add_node(name, label=name, type="Person", articles=1, aliases=[])
    html = map_html(graph)
    assert not any(n.get("hidden") for n in _data_block(html)["nodes"])
    assert 'id="kg-isolated"' not in html
