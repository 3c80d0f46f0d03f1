"""Focused views: types, predicates, neighbourhood, support, organisations only; naming entities."""

from __future__ import annotations

import networkx as nx
import pytest

from kg.errors import KgError
from kg.network.resolve import find_entity
from kg.network.views import ViewOptions, apply_view

from .helpers import iri

CITY = iri("union", "江河市总工会")
DISTRICT = iri("union", "青山区总工会")
COMPANY = iri("organization", "恒达物流有限公司")
STATION = iri("site", "晨光驿站")


def test_types_keep_only_those_kinds_of_node(sample_graph: nx.MultiDiGraph) -> None:
    view = apply_view(sample_graph, ViewOptions(types=frozenset({"Union", "Site"})))
    assert {t for _, t in view.nodes(data="type")} == {"Union", "Site"}
    assert view.has_edge(DISTRICT, STATION, "visits")


def test_predicates_keep_only_those_facts(sample_graph: nx.MultiDiGraph) -> None:
    view = apply_view(sample_graph, ViewOptions(predicates=frozenset({"serves"})))
    assert {p for *_, p in view.edges(data="predicate")} == {"serves"}
    assert view.number_of_nodes() == sample_graph.number_of_nodes()


def test_focus_radius_keeps_the_neighbourhood(sample_graph: nx.MultiDiGraph) -> None:
    view = apply_view(sample_graph, ViewOptions(focus="晨光驿站", radius=1))
    assert set(view) == {STATION, CITY, DISTRICT, iri("person", "王明"), iri("place", "青山区"),
                         iri("workergroup", "外卖骑手")}


def test_min_articles_drops_entities_seen_once(sample_graph: nx.MultiDiGraph) -> None:
    view = apply_view(sample_graph, ViewOptions(min_articles=2))
    assert set(view) == {CITY, DISTRICT, STATION}


def test_organisation_view_links_unions_that_share_an_event(sample_graph: nx.MultiDiGraph) -> None:
    view = apply_view(sample_graph, ViewOptions(organisations_only=True))
    assert set(view) == {CITY, DISTRICT, COMPANY}
    shared = {frozenset((u, v)) for u, v, p in view.edges(data="predicate") if p == "sharesEvent"}
    assert shared == {frozenset(pair) for pair in [(CITY, DISTRICT), (CITY, COMPANY), (COMPANY, DISTRICT)]}
    edge = view.edges[CITY, DISTRICT, f"sharesEvent:{iri('event', '职工趣味运动会')}"]
    assert {e["text"] for e in edge["evidence"]} == {"江河市总工会有关负责人参加。",
                                                    "青山区总工会联合恒达物流有限公司举办职工趣味运动会。"}
    assert view.has_edge(DISTRICT, CITY, "subOrganizationOf")


def test_entity_is_found_by_alias(sample_graph: nx.MultiDiGraph) -> None:
    assert find_entity(sample_graph, "骑手") == iri("workergroup", "外卖骑手")


def test_unknown_entity_names_close_matches(sample_graph: nx.MultiDiGraph) -> None:
    with pytest.raises(KgError, match="close matches: .*晨光驿站"):
        find_entity(sample_graph, "晨光站")


def test_ambiguous_entity_lists_the_candidates(sample_graph: nx.MultiDiGraph) -> None:
    graph = sample_graph.copy()
    graph.add_node(iri("organization", "晨光驿站"), label="晨光驿站", type="Organization",
                   articles=1, aliases=[])
    with pytest.raises(KgError, match="ambiguous: .*Organization.*Site"):
        find_entity(graph, "晨光驿站")


def test_unknown_type_is_a_clear_error() -> None:
    with pytest.raises(KgError, match="unknown type 'Company'"):
        ViewOptions(types=frozenset({"Company"}))


def _visit(graph: nx.MultiDiGraph, who: str, where: str, article: str) -> None:
    graph.add_edge(who, where, key="visits", predicate="visits", articles=1, article_iris=[article],
                   evidence=[{"text": f"{who}来到{where}。", "article": article, "headline": ""}], roles=[])


def test_organisation_view_links_unions_visiting_together_but_not_apart() -> None:
    graph = nx.MultiDiGraph()
    for name, kind in [("甲工会", "Union"), ("乙公司", "Organization"), ("丙工会", "Union"), ("站", "Site")]:
        graph.add_node(name, label=name, type=kind, articles=1, aliases=[])
    _visit(graph, "甲工会", "站", "article-1")
    _visit(graph, "乙公司", "站", "article-1")
    _visit(graph, "丙工会", "站", "article-2")
    view = apply_view(graph, ViewOptions(organisations_only=True))
    assert [(u, v, d["via_label"]) for u, v, d in view.edges(data=True)] == [("乙公司", "甲工会", "站")]
    assert [e["text"] for e in view.edges["乙公司", "甲工会", "sharesVisit:站"]["evidence"]] == [
        "乙公司来到站。", "甲工会来到站。"]


def test_focus_outside_the_view_says_how_to_widen_it(sample_graph: nx.MultiDiGraph) -> None:
    with pytest.raises(KgError, match="'王明' \\(Person\\) is not in the view.*drop --orgs"):
        apply_view(sample_graph, ViewOptions(organisations_only=True, focus="王明"))
