"""Any label at all gives an IRI that Oxigraph and Turtle accept, stable under re-normalisation."""

from __future__ import annotations

import pyoxigraph as ox
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from kg.graph.iris import entity_iri, entity_key
from kg.model import ENTITY_TYPES

labels = st.text(min_size=1, max_size=40)


@settings(max_examples=300, deadline=None)
@given(label=labels, etype=st.sampled_from(ENTITY_TYPES))
def test_every_label_makes_a_valid_iri(label: str, etype: str) -> None:
    iri = str(entity_iri(etype, label))
    ox.NamedNode(iri)  # raises on an invalid IRI
    turtle = f"<{iri}> <https://union-kg.org/ontology#p> 1 .".encode()
    [triple] = list(ox.parse(turtle, format=ox.RdfFormat.TURTLE))
    assert triple.subject.value == iri


@settings(max_examples=200, deadline=None)
@given(label=labels)
def test_key_of_a_key_is_the_same_key(label: str) -> None:
    assert entity_key(entity_key(label)) == entity_key(label)


@settings(max_examples=200, deadline=None)
@given(label=labels)
def test_quotes_and_spaces_do_not_change_the_iri(label: str) -> None:
    assume(entity_key(label))  # a label of quotes alone has no name; it gets a hashed IRI
    assert entity_iri("Union", f"“{label}” ") == entity_iri("Union", label)


@settings(max_examples=200, deadline=None)
@given(label=labels)
def test_any_label_argument_binds_to_a_query_oxigraph_runs(label: str) -> None:
    from kg.graph.named_queries import IRI_LIKE, bind_params, get_query
    from kg.graph.sparql_guard import ensure_read_only

    assume(not IRI_LIKE.match(label))  # IRIs are checked on their own (test_named_queries)

    text = bind_params(get_query("about"), [label], "about")
    ensure_read_only(text)  # a label is data, never an update
    assert list(ox.Store().query(text)) == []
