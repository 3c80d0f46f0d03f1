"""From one Extraction to the RDF content of its article's named graph (docs/DESIGN.md)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef

from kg.graph.iris import article_iri, entity_iri, entity_key, fact_iri, post_iri
from kg.graph.signatures import signatures
from kg.graph.vocab import ORG, PROV, SCHEMA, SKOS, UKG, prefixes
from kg.model import Article, Entity, Extraction, Triple, name_key

__all__ = ["article_iri", "extraction_to_graph"]


def _zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def _date_literal(value: str) -> Literal:
    """xsd:date for YYYY-MM-DD, xsd:gYearMonth for YYYY-MM, else the text as written."""
    try:
        return Literal(dt.date.fromisoformat(value[:10]).isoformat(), datatype=XSD.date) \
            if len(value) == 10 else _year_month(value)
    except ValueError:
        return Literal(value)


def _year_month(value: str) -> Literal:
    year, month = value.split("-")
    if len(year) == 4 and 1 <= int(month) <= 12 and len(month) == 2:
        return Literal(value, datatype=XSD.gYearMonth)
    raise ValueError(value)


class _Resolver:
    """Finds the entity a triple's end names: exact label, then name key, then alias or mention."""

    def __init__(self, entities: list[Entity]) -> None:
        self._by_form: dict[str, list[Entity]] = {}
        for ent in entities:
            self._add(ent.label, ent)
        for ent in entities:  # aliases after labels so that a label always wins
            for form in [*ent.aliases, *(m.text for m in ent.mentions)]:
                self._add(form, ent)

    def _add(self, form: str, ent: Entity) -> None:
        for key in dict.fromkeys((form, name_key(form), entity_key(form))):
            bucket = self._by_form.setdefault(key, [])
            if ent not in bucket:
                bucket.append(ent)

    def resolve(self, label: str, allowed: frozenset[str]) -> tuple[Entity | None, str]:
        candidates: list[Entity] = []
        for key in dict.fromkeys((label, name_key(label), entity_key(label))):
            candidates += [e for e in self._by_form.get(key, []) if e not in candidates]
        fitting = [e for e in candidates if e.type in allowed]
        if fitting:
            return fitting[0], ""
        if candidates:
            return None, f"{label!r} is a {candidates[0].type}, expected {'/'.join(sorted(allowed))}"
        return None, f"{label!r} is not among the article's entities"


@dataclass
class _Builder:
    ex: Extraction
    graph: Graph
    node: URIRef

    def add_article(self) -> None:
        art, g, node = self.ex.article, self.graph, self.node
        g.add((node, RDF.type, UKG.Article))
        g.add((node, UKG.sourceFile, Literal(art.source)))
        g.add((node, UKG.articleIndex, Literal(art.index)))
        g.add((node, UKG.text, _zh(art.text)))
        if art.title:
            g.add((node, SCHEMA.headline, _zh(art.title)))
        if art.date:
            g.add((node, SCHEMA.datePublished, _date_literal(art.date)))
        if art.url:
            g.add((node, SCHEMA.url, Literal(art.url, datatype=XSD.anyURI)))

    def add_entity(self, ent: Entity) -> URIRef:
        g, iri = self.graph, entity_iri(ent.type, ent.label)
        g.add((iri, RDF.type, UKG[ent.type]))
        g.add((iri, RDFS.label, _zh(ent.label)))
        g.add((self.node, UKG.mention, iri))
        for form in dict.fromkeys([*ent.aliases, *(m.text for m in ent.mentions)]):
            if form and form != ent.label:
                g.add((iri, SKOS.altLabel, _zh(form)))
        return iri

    def add_fact(self, subject: URIRef, predicate: str, obj: URIRef, triple: Triple) -> None:
        g, prop = self.graph, UKG[predicate]
        role = triple.role if predicate == "holdsPosition" else None
        fact = fact_iri(self.node, subject, prop, obj, role)
        if (fact, RDF.type, UKG.Fact) in g:  # the same fact read twice: keep the first evidence
            return
        g.add((subject, prop, obj))
        if predicate == "author":
            g.add((subject, SCHEMA.author, obj))
        g.add((fact, RDF.type, UKG.Fact))
        g.add((fact, RDF.type, RDF.Statement))
        g.add((fact, RDF.subject, subject))
        g.add((fact, RDF.predicate, prop))
        g.add((fact, RDF.object, obj))
        g.add((fact, PROV.wasDerivedFrom, self.node))
        g.add((fact, UKG.evidence, _zh(triple.evidence)))
        span = self._span(triple)
        if span:
            g.add((fact, UKG.evidenceStart, Literal(span[0])))
            g.add((fact, UKG.evidenceEnd, Literal(span[1])))
        confidence = min(max(float(triple.confidence), 0.0), 1.0)
        g.add((fact, UKG.confidence, Literal(confidence, datatype=XSD.double)))
        if role:
            g.add((fact, UKG.roleTitle, _zh(role)))
            self.add_post(subject, obj, role)

    def add_post(self, person: URIRef, organization: URIRef, role: str) -> None:
        g, post = self.graph, post_iri(person, organization, role)
        g.add((person, ORG.holds, post))
        g.add((post, RDF.type, ORG.Post))
        g.add((post, ORG.postIn, organization))
        g.add((post, UKG.roleTitle, _zh(role)))
        g.add((post, RDFS.label, _zh(role)))

    def _span(self, triple: Triple) -> tuple[int, int] | None:
        """The evidence offsets when they are right; found again in the text when they are not."""
        text = self.ex.article.text
        if 0 <= triple.start <= triple.end <= len(text) and text[triple.start:triple.end] == triple.evidence:
            return triple.start, triple.end
        at = text.find(triple.evidence) if triple.evidence else -1
        return (at, at + len(triple.evidence)) if at >= 0 else None


def _byline_triples(article: Article, stated: set[str]) -> list[Triple]:
    """Author facts for bylines the extractor gave only in Article.authors, with their line as evidence."""
    found = []
    for name in article.authors:
        at = article.text.find(name) if name not in stated else -1
        if at < 0:
            continue
        start = article.text.rfind("\n", 0, at) + 1
        end = article.text.find("\n", at)
        end = len(article.text) if end < 0 else end
        found.append(Triple(article.title or "", "author", name, article.text[start:end], start, end))
    return found


def extraction_to_graph(ex: Extraction, problems: list[str] | None = None) -> Graph:
    """The named-graph content of one article: article node, entities, facts, fact nodes, posts.

    Triples whose ends are not entities of the article or do not fit the relation's types
    are left out; a reason for each goes into `problems` when given.
    """
    graph = Graph(bind_namespaces="none")
    for prefix, ns in prefixes().items():
        graph.bind(prefix, ns)
    build = _Builder(ex, graph, article_iri(ex.article))
    build.add_article()
    entities = list(ex.entities)
    for ent in entities:
        build.add_entity(ent)
    resolver = _Resolver(entities)
    sigs = signatures()
    stated_authors = {t.object for t in ex.triples if t.predicate == "author"}
    for triple in [*ex.triples, *_byline_triples(ex.article, stated_authors)]:
        sig = sigs.get(triple.predicate)
        if sig is None:
            _note(problems, f"unknown predicate {triple.predicate!r}")
            continue
        if triple.predicate == "author":
            subject: URIRef = build.node
            author, _why = resolver.resolve(triple.object, sig.object_types)
            if author is None:  # a byline name the extractor did not list: it is still a person
                author = Entity(triple.object, "Person")
                entities.append(author)
                resolver = _Resolver(entities)
            obj = build.add_entity(author)
        else:
            subj_ent, why_s = resolver.resolve(triple.subject, sig.subject_types)
            obj_ent, why_o = resolver.resolve(triple.object, sig.object_types)
            if subj_ent is None or obj_ent is None:
                _note(problems, f"{triple.predicate} left out: {why_s or why_o}")
                continue
            subject = entity_iri(subj_ent.type, subj_ent.label)
            obj = entity_iri(obj_ent.type, obj_ent.label)
        build.add_fact(subject, triple.predicate, obj, triple)
    return graph


def _note(problems: list[str] | None, message: str) -> None:
    if problems is not None:
        problems.append(message)
