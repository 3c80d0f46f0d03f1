"""pyoxigraph answers become the same rdflib terms a SPARQL server's JSON gives."""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import XSD, BNode, Literal, URIRef

from kg.graph.ox_results import term_converter, to_result


def _store() -> ox.Store:
    store = ox.Store()
    s, g = ox.NamedNode("https://x.org/s"), ox.NamedNode("https://x.org/g")
    for p, o in [("label", ox.Literal("工会", language="zh")), ("note", ox.Literal("plain")),
                 ("day", ox.Literal("2025-01-02", datatype=ox.NamedNode(str(XSD.date)))),
                 ("link", ox.NamedNode("https://x.org/o")), ("blank", ox.BlankNode("b1"))]:
        store.add(ox.Quad(s, ox.NamedNode(f"https://x.org/{p}"), o, g))
    return store


def _answer(query: str) -> dict[str, object]:
    result = to_result(_store().query(query, use_default_graph_as_union=True))
    return {str(row["p"]).rsplit("/", 1)[1]: row["o"] for row in result.rows}


def test_each_kind_of_term_converts_to_its_rdflib_twin() -> None:
    found = _answer("SELECT ?p ?o { ?s ?p ?o }")
    assert found["label"] == Literal("工会", lang="zh")
    assert found["note"] == Literal("plain") and found["note"].datatype is None  # type: ignore[union-attr]
    assert found["day"] == Literal("2025-01-02", datatype=XSD.date)
    assert found["link"] == URIRef("https://x.org/o")
    assert isinstance(found["blank"], BNode)


def test_unbound_values_stay_none_and_ask_and_construct_answer() -> None:
    rows = to_result(_store().query("SELECT ?x ?s { ?s <https://x.org/note> ?o }",
                                    use_default_graph_as_union=True)).rows
    assert rows == [{"x": None, "s": URIRef("https://x.org/s")}]
    ask = to_result(_store().query("ASK { ?s ?p ?o }", use_default_graph_as_union=True))
    assert ask.rows == [{"ask": Literal(True)}]
    built = to_result(_store().query("CONSTRUCT { ?s ?p ?o } WHERE { ?s <https://x.org/link> ?o BIND(<https://x.org/p> AS ?p) }",
                                     use_default_graph_as_union=True))
    assert built.vars == ["subject", "predicate", "object"] and len(built.rows) == 1


def test_a_repeated_term_is_converted_once() -> None:
    convert = term_converter()
    first = convert(ox.Literal("工会", language="zh"))
    assert convert(ox.Literal("工会", language="zh")) is first


def test_string_literals_made_directly_equal_rdflibs_own_slot_by_slot() -> None:
    from kg.graph.ox_results import string_literal

    for text, lang in [("工会", "zh"), ("工會", "zh-Hant"), ("plain", None), ("", None), ("a b", "en")]:
        made, own = string_literal(text, lang), Literal(text, lang=lang)
        assert made == own and hash(made) == hash(own) and made.n3() == own.n3()
        for slot in ("_language", "_datatype", "_value", "_ill_typed"):
            assert getattr(made, slot) == getattr(own, slot), (text, lang, slot)


def test_iris_made_directly_equal_rdflibs_own() -> None:
    from kg.graph.ox_results import checked_iri

    # checked_iri relies on a URIRef being its string alone: no class on the way sets a slot.
    assert all(getattr(k, "__slots__", ()) == () for k in URIRef.__mro__ if k not in (str, object))
    for iri in ["https://union-kg.org/id/workergroup/女职工", "https://x.org/a%20b#frag",
                "http://www.w3.org/2001/XMLSchema#integer", "urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e"]:
        made, own = checked_iri(iri), URIRef(iri)
        assert type(made) is URIRef and made == own and hash(made) == hash(own)
        assert made.n3() == own.n3() and str(made) == str(own) and made.__reduce__() == own.__reduce__()
        assert not hasattr(made, "__dict__")


def test_typed_literals_made_directly_equal_rdflibs_own_slot_by_slot() -> None:
    from kg.graph.ox_results import typed_literal

    cases = [("2022-04-02", XSD.date), ("0001-01-01", XSD.date), ("2024-02-29", XSD.date),
             ("2022-02-30", XSD.date), ("2022-04-02Z", XSD.date), ("2022-04-02+08:00", XSD.date),
             ("２０２２-０４-０２", XSD.date), ("42", XSD.integer), ("2022-04-02T10:00:00", XSD.dateTime)]
    for text, datatype in cases:
        made, own = typed_literal(text, str(datatype)), Literal(text, datatype=datatype)
        assert type(made) is Literal and str(made) == str(own) and made.n3() == own.n3(), (text, datatype)
        assert made == own and hash(made) == hash(own)
        for slot in ("_language", "_datatype", "_value", "_ill_typed"):
            assert getattr(made, slot) == getattr(own, slot), (text, datatype, slot)
