"""The map as a person sees it, in Debian's Chromium: offline, searchable, escaped, Chinese glyphs."""

from __future__ import annotations

import textwrap
from pathlib import Path

import networkx as nx
import pytest

from kg.graph.store import open_store
from kg.network.projection import load_network
from kg.network.render import write_map
from kg.network.synthetic import synthetic_network

from .conftest import MapPage, build_store
from .helpers import iri

pytestmark = pytest.mark.browser

STATION = iri("site", "晨光驿站")
COURIERS = iri("workergroup", "快递员")


@pytest.fixture
def sample_map(sample_graph: nx.MultiDiGraph, tmp_path: Path) -> Path:
    return write_map(sample_graph, tmp_path / "map.html")


def _hover_node(view: MapPage, page_id: str) -> None:
    box = view.page.locator("#kg-network").bounding_box()
    assert box
    x, y = view.page.evaluate(
        "id => { const p = kgMap.network.canvasToDOM(kgMap.network.getPosition(id)); return [p.x, p.y]; }",
        page_id)
    view.page.mouse.move(box["x"] + x, box["y"] + y)


def test_sample_map_opens_offline_without_console_errors(map_page: MapPage, sample_map: Path) -> None:
    map_page.open(sample_map)
    assert map_page.outside_requests == []
    assert [text for kind, text in map_page.console if kind in ("error", "warning")] == []
    assert map_page.errors == []


def test_page_holds_as_many_nodes_and_edges_as_the_graph(map_page: MapPage, sample_map: Path,
                                                         sample_graph: nx.MultiDiGraph) -> None:
    map_page.open(sample_map)
    counts = map_page.page.evaluate("[kgMap.nodes.length, kgMap.edges.length]")
    assert counts == [sample_graph.number_of_nodes(), sample_graph.number_of_edges()]
    drawn = map_page.page.evaluate("Object.keys(kgMap.network.body.nodes).length")
    assert drawn == sample_graph.number_of_nodes()


def test_search_focuses_the_entity(map_page: MapPage, sample_map: Path) -> None:
    map_page.open(sample_map)
    station = map_page.page_id(STATION)
    map_page.page.fill("#kg-search", "晨光驿站")
    map_page.page.press("#kg-search", "Enter")
    assert map_page.page.evaluate("kgMap.network.getSelectedNodes()") == [station]
    centre = map_page.page.evaluate("kgMap.network.getViewPosition()")
    where = map_page.page.evaluate("id => kgMap.network.getPosition(id)", station)
    assert abs(centre["x"] - where["x"]) < 1 and abs(centre["y"] - where["y"]) < 1
    assert map_page.page.locator("#kg-info h3").inner_text() == "晨光驿站"


def test_search_for_an_unknown_name_says_so(map_page: MapPage, sample_map: Path) -> None:
    map_page.open(sample_map)
    map_page.page.fill("#kg-search", "不存在的单位")
    map_page.page.press("#kg-search", "Enter")
    assert map_page.page.locator("#kg-search-message").inner_text() == "未找到：不存在的单位"


def test_hovering_a_node_shows_its_type_aliases_and_evidence(map_page: MapPage, sample_map: Path) -> None:
    map_page.open(sample_map)
    _hover_node(map_page, map_page.page_id(STATION))
    info = map_page.page.locator("#kg-info")
    info.get_by_text("晨光驿站面向外卖骑手提供休息场所。").wait_for(timeout=5000)
    text = info.inner_text()
    assert "类型：场所" in text and "别名：驿站" in text
    assert "来源：驿站暖了骑手的心" in text


HIDDEN = "kgMap.nodes.get({filter: n => n.hidden}).map(n => kgMap.data.details.nodes[n.id].label).sort()"


def test_type_filter_hides_and_shows_a_kind_of_node(map_page: MapPage, sample_map: Path) -> None:
    map_page.open(sample_map)
    map_page.page.check("#kg-isolated")  # 李华 has no fact: hidden until isolated entities are shown
    assert map_page.page.evaluate(HIDDEN) == []
    map_page.page.uncheck("input[data-type=Person]")
    assert map_page.page.evaluate(HIDDEN) == ["李华", "王明"]
    map_page.page.check("input[data-type=Person]")
    assert map_page.page.evaluate(HIDDEN) == []


def test_entities_shown_again_keep_their_type_colour(map_page: MapPage, sample_map: Path) -> None:
    map_page.open(sample_map)
    colour = "id => kgMap.network.body.nodes[id].options.color.background"
    station, lone = map_page.page_id(STATION), map_page.page_id(iri("person", "李华"))
    map_page.page.uncheck("input[data-type=Site]")
    map_page.page.check("input[data-type=Site]")
    map_page.page.check("#kg-isolated")
    assert map_page.page.evaluate(colour, station) == "#2ca02c"  # style.toml's Site, not a vis group's
    assert map_page.page.evaluate(colour, lone) == "#ff7f0e"


def test_isolated_entities_wait_behind_a_checkbox_and_are_counted(map_page: MapPage, sample_map: Path) -> None:
    map_page.open(sample_map)
    assert "1 个孤立实体" in map_page.page.locator("#kg-summary").inner_text()
    assert map_page.page.evaluate(HIDDEN) == ["李华"]
    drawn = "id => kgMap.network.body.nodeIndices.indexOf(id) >= 0"
    assert not map_page.page.evaluate(drawn, map_page.page_id(iri("person", "李华")))
    assert map_page.page.evaluate("kgMap.nodes.length") == 12  # still in the data, counted in the legend
    map_page.page.check("#kg-isolated")
    assert map_page.page.evaluate(HIDDEN) == []
    map_page.page.uncheck("#kg-isolated")
    assert map_page.page.evaluate(HIDDEN) == ["李华"]


def test_searching_an_isolated_entity_shows_it(map_page: MapPage, sample_map: Path) -> None:
    map_page.open(sample_map)
    map_page.page.fill("#kg-search", "李华")
    map_page.page.press("#kg-search", "Enter")
    assert map_page.page.evaluate(HIDDEN) == []
    assert map_page.page.evaluate("kgMap.network.getSelectedNodes()") == [map_page.page_id(iri("person", "李华"))]
    assert not map_page.page.is_checked("#kg-isolated")


ALL_SHOWN_IN_VIEW = """() => {
    const box = document.getElementById('kg-network').getBoundingClientRect();
    return kgMap.nodes.get({filter: n => !n.hidden}).every(n => {
      const p = kgMap.network.canvasToDOM(kgMap.network.getPosition(n.id));
      return p.x >= 0 && p.y >= 0 && p.x <= box.width && p.y <= box.height; }); }"""


def test_whole_map_button_brings_every_shown_entity_into_view(map_page: MapPage, sample_map: Path) -> None:
    map_page.open(sample_map)
    map_page.page.check("#kg-isolated")
    map_page.page.evaluate("kgMap.network.moveTo({position: {x: 5000, y: 5000}, scale: 3})")
    assert not map_page.page.evaluate(ALL_SHOWN_IN_VIEW)
    map_page.page.click("#kg-fit")
    assert map_page.page.evaluate(ALL_SHOWN_IN_VIEW)


def test_main_component_opens_with_labels_at_readable_size(map_page: MapPage, tmp_path: Path) -> None:
    # A hub with 30 leaves and 40 entities without facts: the old page fitted all of them and
    # drew the names under 8 pixels high.
    graph = nx.MultiDiGraph()
    for number in range(30):
        graph.add_edge("甲工会", f"乙驿站{number}", key="visits", predicate="visits", articles=1,
                       article_iris=[], evidence=[], roles=[])
    graph.add_nodes_from(f"记者{number}" for number in range(40))
    for node in graph:
        graph.nodes[node].update(label=node, type="Union" if node == "甲工会" else "Person", articles=1, aliases=[])
    map_page.open(write_map(graph, tmp_path / "hub.html"))
    scale = map_page.page.evaluate("kgMap.network.getScale()")
    font = map_page.page.evaluate("kgMap.data.options.nodes.font.size")
    assert font * scale >= 10
    assert map_page.page.evaluate(ALL_SHOWN_IN_VIEW), "a node of the main component is outside the opening view"


PAYLOAD_TRIG = textwrap.dedent("""\
    PREFIX ukg: <https://union-kg.org/ontology#>
    PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    PREFIX schema: <https://schema.org/>
    PREFIX prov: <http://www.w3.org/ns/prov#>
    PREFIX art: <https://union-kg.org/id/article/>
    <https://union-kg.org/id/article/x1> {
      art:x1 a ukg:Article ; schema:headline "<img src=x onerror=console.log('xss-headline')>"@zh ;
          ukg:mention <https://union-kg.org/id/union/x>, <https://union-kg.org/id/site/y> .
      <https://union-kg.org/id/union/x> a ukg:Union ;
          rdfs:label "<img src=x onerror=\\"console.log('xss-name');alert(1)\\">工会"@zh .
      <https://union-kg.org/id/site/y> a ukg:Site ; rdfs:label "</script><script>alert(2)</script>驿站"@zh .
      <https://union-kg.org/id/union/x> ukg:visits <https://union-kg.org/id/site/y> .
      <https://union-kg.org/id/article/x1/fact/1> a ukg:Fact ;
          rdf:subject <https://union-kg.org/id/union/x> ; rdf:predicate ukg:visits ;
          rdf:object <https://union-kg.org/id/site/y> ; prov:wasDerivedFrom art:x1 ;
          ukg:evidence "<script>console.log('xss-sentence');alert(3)</script>走访了驿站。"@zh .
    }
    """)


def test_script_payloads_in_articles_run_nothing_and_show_as_text(map_page: MapPage, tmp_path: Path) -> None:
    with open_store(str(build_store(PAYLOAD_TRIG, tmp_path / "store")), read_only=True) as store:
        graph = load_network(store)
    map_page.open(write_map(graph, tmp_path / "payload.html"))
    map_page.page.fill("#kg-search", "<img")
    map_page.page.press("#kg-search", "Enter")
    info = map_page.page.locator("#kg-info")
    assert info.locator("h3").inner_text() == "<img src=x onerror=\"console.log('xss-name');alert(1)\">工会"
    assert "<script>console.log('xss-sentence');alert(3)</script>走访了驿站。" in info.inner_text()
    assert "来源：<img src=x onerror=console.log('xss-headline')>" in info.inner_text()
    _hover_node(map_page, map_page.page_id("https://union-kg.org/id/site/y"))
    info.locator("h3").get_by_text("</script><script>alert(2)</script>驿站").wait_for(timeout=5000)
    assert map_page.dialogs == []
    assert not [text for _, text in map_page.console if "xss" in text]
    assert map_page.page.evaluate("document.querySelectorAll('img').length") == 0
    assert map_page.page.evaluate("document.scripts.length") == 3  # data, vis-network, the map's own


# Chinese text drawn with the page's fonts, next to a character no font has (drawn as a box).
GLYPHS_JS = """
() => {
  const font = kgMap.data.options.nodes.font.face;
  function ink(text) {
    const canvas = document.createElement('canvas');
    canvas.width = 64; canvas.height = 64;
    const ctx = canvas.getContext('2d');
    ctx.font = '40px ' + font;
    ctx.fillText(text, 8, 48);
    return Array.from(ctx.getImageData(0, 0, 64, 64).data).join(',');
  }
  return {gong: ink('工'), hui: ink('会'), nochar: ink('\\u0378'), blank: ink(' ')};
}
"""


def test_screenshot_shows_chinese_glyphs_not_boxes(map_page: MapPage, sample_map: Path, tmp_path: Path) -> None:
    map_page.open(sample_map)
    shot = tmp_path / "map.png"
    map_page.page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    # Canvas labels: two Chinese characters draw differently, and differently from a missing glyph.
    ink = map_page.page.evaluate(GLYPHS_JS)
    assert ink["gong"] != ink["blank"]
    assert ink["gong"] != ink["hui"], "工 and 会 draw the same: Chinese shows as boxes"
    assert ink["gong"] != ink["nochar"]
    # HTML text: the heading is drawn with a font that has Chinese glyphs, per Chromium itself.
    cdp = map_page.page.context.new_cdp_session(map_page.page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    heading = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "h1"})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": heading})["fonts"]
    assert sum(f["glyphCount"] for f in fonts) == len("工会关系网络")
    assert all(any(cjk in f["familyName"] for cjk in ("WenQuanYi", "Noto", "CJK", "Hei", "Ming", "Song"))
               for f in fonts), fonts
    # The heading in the screenshot: not the same picture as the same box with the text removed.
    with_text = map_page.page.locator("h1").screenshot(path=str(tmp_path / "heading.png"))
    map_page.page.evaluate("document.querySelector('h1').style.color = 'transparent'")
    assert map_page.page.locator("h1").screenshot() != with_text


def test_five_thousand_node_map_opens(map_page: MapPage, tmp_path: Path) -> None:
    graph = synthetic_network(5000, 20000)
    map_page.open(write_map(graph, tmp_path / "big.html"), timeout_ms=60_000)
    assert map_page.page.evaluate("[kgMap.nodes.length, kgMap.edges.length]") == [5000, 20000]
    assert map_page.errors == []


def test_hovering_an_edge_shows_its_evidence(map_page: MapPage, sample_map: Path) -> None:
    map_page.open(sample_map)
    city, couriers = map_page.page_id(iri("union", "江河市总工会")), map_page.page_id(COURIERS)
    box = map_page.page.locator("#kg-network").bounding_box()
    assert box
    x, y = map_page.page.evaluate("""([a, b]) => {
        const p = kgMap.network.canvasToDOM(kgMap.network.getPosition(a));
        const q = kgMap.network.canvasToDOM(kgMap.network.getPosition(b));
        return [(p.x + q.x) / 2, (p.y + q.y) / 2]; }""", [city, couriers])
    map_page.page.mouse.move(box["x"] + x, box["y"] + y)
    info = map_page.page.locator("#kg-info")
    info.get_by_text("他们为快递员带去了热饮和棉手套。").wait_for(timeout=5000)
    assert "江河市总工会 — 服务 → 快递员" in info.inner_text()


def test_english_page_names_types_and_facts_in_english(map_page: MapPage, sample_graph: nx.MultiDiGraph,
                                                       tmp_path: Path) -> None:
    map_page.open(write_map(sample_graph, tmp_path / "en.html", lang="en"))
    map_page.page.fill("#kg-search", "快递员")
    map_page.page.press("#kg-search", "Enter")
    text = map_page.page.locator("#kg-info").inner_text()
    assert "Type: Worker group" in text and "江河市总工会 — serves → 快递员" in text


def test_a_fact_from_several_articles_says_how_many(map_page: MapPage, tmp_path: Path) -> None:
    graph = nx.MultiDiGraph()
    for name, kind in [("甲工会", "Union"), ("乙驿站", "Site")]:
        graph.add_node(name, label=name, type=kind, articles=2, aliases=[])
    evidence = [{"text": f"甲工会第{n}次走访乙驿站。", "article": f"a{n}", "headline": f"报道{n}"} for n in (1, 2)]
    graph.add_edge("甲工会", "乙驿站", key="visits", predicate="visits", articles=2, article_iris=["a1", "a2"],
                   evidence=evidence, roles=[])
    map_page.open(write_map(graph, tmp_path / "two.html"))
    map_page.page.fill("#kg-search", "乙驿站")
    map_page.page.press("#kg-search", "Enter")
    text = map_page.page.locator("#kg-info").inner_text()
    assert "支持文章数：2" in text and "来源：报道1" in text and "来源：报道2" in text
