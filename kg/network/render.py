"""The map: a pyvis network written through our own template into one offline HTML file.

Everything the page needs is inside it: vis-network (from pyvis's package), our CSS and
script, and the data as JSON in a non-executing <script type="application/json"> block.
Article text is untrusted: it only reaches the page as JSON with <, > and & escaped, and
the page script puts it into the DOM with textContent; node labels are drawn on a canvas.
"""

from __future__ import annotations

import json
import math
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
import networkx as nx
import pyvis
from markupsafe import Markup
from pyvis.network import Network

from kg.errors import KgError
from kg.model import ENTITY_TYPES, PREDICATES
from kg.network.labels import label_box, label_style, wrap_label
from kg.network.layout import Layout, layout, unconnected
from kg.network.style import Lang, predicate_style, type_style, ui_words
from kg.outfile import write_atomic

# Above these sizes the map is a hairball and slow to open: the user is asked to focus.
MAX_NODES = 6000
MAX_EDGES = 25000
# Edge labels are drawn only on maps this small; bigger ones show them in the info panel.
EDGE_LABEL_LIMIT = 1500
# Above this many edges they are drawn thin and without arrow heads: a frame of 20,000 edges
# with arrows and widths took 1 s in software-rendered Chromium here, without them 0.3 s.
# The info panel still reads each fact in its direction.
PLAIN_EDGE_LIMIT = 3000
# Fact labels: canvas font size, and the smallest size on screen they are drawn at.
EDGE_FONT = 11
EDGE_LABEL_PIXELS = 10
# Fonts with Chinese glyphs on Windows, macOS and Linux, then the generic fallback.
FONT_FACE = "'Microsoft YaHei', 'PingFang SC', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif"
VIS_DIR = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"


def check_size(graph: nx.MultiDiGraph, suggestions: list[str] | None = None) -> None:
    """Refuse a map too big to read, naming the options that narrow it."""
    nodes, edges = graph.number_of_nodes(), graph.number_of_edges()
    if nodes <= MAX_NODES and edges <= MAX_EDGES:
        return
    hint = f" (most connected: {', '.join(suggestions)})" if suggestions else ""
    raise KgError(f"the network has {nodes} entities and {edges} facts, more than a readable map holds "
                  f"({MAX_NODES} / {MAX_EDGES}): pick a part with --focus ENTITY --radius N{hint}, "
                  "or with --types, --predicates or --min-articles")


def build_pyvis(graph: nx.MultiDiGraph, lang: Lang = "zh") -> tuple[Network, Layout]:
    """The pyvis Network of the graph: laid out, styled per type and predicate, physics off;
    and the layout, whose focus is the view the page opens on.

    Nodes are `n0, n1, ...` in the order of `graph` (short ids keep big pages small); the
    IRI is in the page's details. Nodes without facts are marked `isolated` and hidden,
    unless no node has one.
    """
    net = Network(directed=True, cdn_resources="in_line")
    net.options = _options(graph)
    # Nodes and edges go straight into pyvis's lists: add_edge looks each end up in a list,
    # 3 s for 20,000 edges here, and the graph is already consistent.
    degree = dict(graph.degree())
    page_id = {node: f"n{number}" for number, node in enumerate(graph)}
    text = label_style()
    size = {node: round(min(10 + 3 * math.sqrt(degree[node]), 40), 1) for node in graph}
    lines = {node: wrap_label(data["label"], text) for node, data in graph.nodes(data=True)}
    placed = layout(graph, {node: label_box(lines[node], size[node], text) for node in graph})
    where = placed.positions
    alone = unconnected(graph)
    if len(alone) == graph.number_of_nodes():  # nothing else to show: hiding them would leave a blank map
        alone = set()
    for node, data in graph.nodes(data=True):
        kind = type_style(data["type"])
        x, y = where[node]
        # "kind", not vis-network's "group": a grouped node shown again takes its group's colour.
        shown: dict[str, Any] = {
            "id": page_id[node], "label": "\n".join(lines[node]), "kind": data["type"], "shape": kind["shape"],
            "color": kind["color"], "x": x, "y": y, "size": size[node],
        }
        if node in alone:  # hidden until the page's "show isolated entities" box is ticked
            shown["isolated"] = True
            shown["hidden"] = True
        net.nodes.append(shown)
        net.node_ids.append(page_id[node])
        net.node_map[page_id[node]] = net.nodes[-1]
    parallel: dict[frozenset[str], int] = {}
    show_labels = graph.number_of_edges() <= EDGE_LABEL_LIMIT
    plain = graph.number_of_edges() > PLAIN_EDGE_LIMIT
    for number, (u, v, data) in enumerate(graph.edges(data=True)):
        look = predicate_style(data["predicate"])
        edge: dict[str, Any] = {"id": f"e{number}", "from": page_id[u], "to": page_id[v], "color": look["color"]}
        if not plain:
            edge["width"] = min(1 + data["articles"], 6)
        if show_labels:
            edge["label"] = look[lang]
        pair = frozenset((u, v))
        parallel[pair] = parallel.get(pair, -1) + 1
        if parallel[pair]:  # a second fact between the same two entities bends away from the first
            edge["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.25 * parallel[pair]}
        net.edges.append(edge)
    return net, placed


def _options(graph: nx.MultiDiGraph) -> dict[str, Any]:
    large = graph.number_of_nodes() > 1000
    arrows = graph.number_of_edges() <= PLAIN_EDGE_LIMIT
    return {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": large,
                        "hideEdgesOnZoom": large, "navigationButtons": False},
        # A white outline keeps a name readable where edges cross it.
        "nodes": {"font": {"face": FONT_FACE, "size": label_style().font_size, "strokeWidth": 3,
                           "strokeColor": "#ffffff"}, "borderWidth": 1},
        # Fact names appear once zoomed in past the opening view (below EDGE_LABEL_PIXELS on
        # screen they are not drawn): there they would only cover the entities' names.
        # Labels stay horizontal: Chinese reads badly turned, and vis-network 9.1.2 draws a turned
        # label at the origin when its edge runs exactly right to left (visjs/vis-network#2044).
        "edges": {"smooth": False, "font": {"face": FONT_FACE, "size": EDGE_FONT, "align": "horizontal"},
                  "scaling": {"label": {"drawThreshold": EDGE_LABEL_PIXELS + 1}},
                  "arrows": {"to": {"enabled": arrows, "scaleFactor": 0.5}}},
    }


def page_data(graph: nx.MultiDiGraph, net: Network, lang: Lang, placed: Layout | None = None) -> dict[str, Any]:
    """What the page script reads: vis nodes and edges, details for the info panel, legend, words,
    and the rectangle to open on (`view`: left, top, right, bottom; null to fit everything)."""
    details_nodes = {shown["id"]: {"iri": n, "label": d["label"], "typeName": type_style(d["type"])[lang],
                                   "aliases": d["aliases"], "articles": d["articles"]}
                     for shown, (n, d) in zip(net.nodes, graph.nodes(data=True))}
    details_edges = {}
    for edge, (_, _, d) in zip(net.edges, graph.edges(data=True)):
        details_edges[edge["id"]] = {"predicate": predicate_style(d["predicate"])[lang],
                                     "articles": d["articles"], "evidence": d["evidence"],
                                     "roles": d.get("roles", []), "via": d.get("via_label", "")}
    present_types = {d["type"] for _, d in graph.nodes(data=True)}
    present_predicates = {d["predicate"] for *_, d in graph.edges(data=True)}
    _, _, _, _, _, options = net.get_network_data()
    return {
        "nodes": net.nodes, "edges": net.edges, "options": json.loads(options),
        "details": {"nodes": details_nodes, "edges": details_edges},
        "legend": {
            "types": [{"type": t, "name": type_style(t)[lang], "color": type_style(t)["color"],
                       "shape": type_style(t)["shape"]} for t in ENTITY_TYPES if t in present_types],
            "predicates": [{"name": predicate_style(p)[lang], "color": predicate_style(p)["color"]}
                           for p in _ordered(present_predicates)],
        },
        "words": ui_words(lang),
        "view": list(placed.focus) if placed and placed.focus else None,
    }


def _ordered(predicates: set[str]) -> list[str]:
    """Predicates in the model's order, then any others (the organisation view's) by name."""
    return [p for p in PREDICATES if p in predicates] + sorted(predicates - set(PREDICATES))


def safe_json(value: Any) -> str:
    """JSON that cannot end the <script> block it sits in nor open markup."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def map_html(graph: nx.MultiDiGraph, lang: Lang = "zh", title: str | None = None) -> str:
    """The whole self-contained page for `graph`."""
    net, placed = build_pyvis(graph, lang)
    data = page_data(graph, net, lang, placed)
    words = data["words"]
    isolated = sum(1 for node in data["nodes"] if node.get("isolated"))
    templates = resources.files("kg.network").joinpath("templates")
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    page = env.from_string(templates.joinpath("map.html").read_text(encoding="utf-8"))
    return page.render(
        lang="zh-CN" if lang == "zh" else "en",
        title=title or words["title"],
        summary=_summary(graph, words, isolated),
        isolated=isolated,
        words=words,
        vis_css=Markup(_inline((VIS_DIR / "vis-network.css").read_text(encoding="utf-8"))),
        vis_js=Markup(_inline((VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8"))),
        map_css=Markup(templates.joinpath("map.css").read_text(encoding="utf-8")),
        map_js=Markup(templates.joinpath("map.js").read_text(encoding="utf-8")),
        data=Markup(safe_json(data)),
    )


def _summary(graph: nx.MultiDiGraph, words: dict[str, str], isolated: int) -> str:
    """The header's counts: entities and facts, and how many entities have no fact (hidden at first)."""
    text = f"{graph.number_of_nodes()} {words['entities']} · {graph.number_of_edges()} {words['facts']}"
    return f"{text} · {isolated} {words['isolated']}" if isolated else text


def _inline(code: str) -> str:
    """Library code fit to sit inside <script>/<style>: no source-map link, nothing closing the tag."""
    source_map = ("//# sourceMappingURL", "/*# sourceMappingURL")
    # split on "\n" only: splitlines() would also cut at the U+0085 inside vis-network's strings
    lines = [line for line in code.split("\n") if not line.startswith(source_map)]
    return "\n".join(lines).replace("</script", "<\\/script").replace("</style", "<\\/style")


def write_map(graph: nx.MultiDiGraph, path: str | Path, lang: Lang = "zh", title: str | None = None) -> Path:
    """Write the map of `graph` to `path` (one HTML file that opens offline)."""
    out = Path(path)
    html = map_html(graph, lang, title)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(out, html.encode("utf-8"))  # a failed write leaves no truncated page
    except OSError as exc:
        raise KgError(f"{out}: cannot write the map: {exc.strerror or exc}", 1) from exc
    return out
