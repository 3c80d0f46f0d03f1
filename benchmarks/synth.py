"""Synthetic union news for benchmarks: articles from our own templates, or their RDF directly.

    python benchmarks/synth.py corpus OUT_DIR --articles 1000 [--seed 1] [--format txt|jsonl]
    python benchmarks/synth.py nquads OUT.nq --triples 1000000 [--seed 1]

Deterministic for a given seed. Every article comes with the Extraction that
describes it exactly (entities with offsets, triples with evidence), so store
benchmarks can run at sizes the extractor would take hours to reach.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.model import Article, Entity, EntityType, Extraction, Mention, Triple

LEXICON_PATH = Path(__file__).with_name("synth_lexicon.toml")
SLOT = re.compile(r"\{(\w+)\}")
SLOT_TYPES: dict[str, EntityType] = {
    "person": "Person", "person2": "Person", "author": "Person", "author2": "Person",
    "union": "Union", "union2": "Union", "org": "Organization", "site": "Site",
    "place": "Place", "event": "Event", "group": "WorkerGroup",
}


def load_lexicon(path: Path = LEXICON_PATH) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


class Namer:
    """Draws names of each entity type from the lexicon with one random generator."""

    def __init__(self, lexicon: dict[str, Any], rng: random.Random) -> None:
        self.lex = lexicon
        self.rng = rng

    def pick(self, items: list[str]) -> str:
        return items[self.rng.randrange(len(items))]

    def person(self) -> str:
        given = self.lex["person"]["given"]
        return self.pick(self.lex["person"]["surnames"]) + "".join(
            self.pick(given) for _ in range(self.rng.choice((1, 2, 2))))

    def place_stem(self) -> str:
        return self.pick(self.lex["place"]["first"]) + self.pick(self.lex["place"]["second"])

    def place(self) -> str:
        return self.place_stem() + self.pick(self.lex["place"]["suffixes"])

    def company(self) -> str:
        org = self.lex["organization"]
        return self.place_stem() + self.pick(org["company_words"]) + self.pick(org["company_kinds"])

    def organization(self) -> str:
        if self.rng.random() < 0.5:
            return self.place_stem() + self.pick(self.lex["organization"]["bodies"])
        return self.company()

    def union(self) -> str:
        if self.rng.random() < 0.2:
            return self.company() + self.lex["union"]["company_head"]
        return self.place_stem() + "区" + self.pick(self.lex["union"]["heads"])

    def site(self) -> str:
        return self.place_stem() + self.pick(self.lex["site"]["heads"])

    def event(self) -> str:
        return self.pick(self.lex["event"]["themes"]) + self.pick(self.lex["event"]["heads"])

    def group(self) -> str:
        return self.pick(self.lex["worker_group"]["names"])

    def cast(self) -> dict[str, str]:
        """One name per slot: the entities (and titles, date) an article talks about."""
        year, month, day = self.rng.randrange(2019, 2026), self.rng.randrange(1, 13), self.rng.randrange(1, 29)
        return {
            "person": self.person(), "person2": self.person(), "author": self.person(),
            "author2": self.person(), "union": self.union(), "union2": self.union(),
            "org": self.organization(), "site": self.site(), "place": self.place(),
            "event": self.event(), "group": self.group(),
            "title_u": self.pick(self.lex["title"]["union"]),
            "title_o": self.pick(self.lex["title"]["organization"]),
            "date": f"{year}年{month}月{day}日", "iso_date": f"{year:04d}-{month:02d}-{day:02d}",
        }


@dataclass
class TextBuilder:
    """Appends template text while recording where each entity slot landed."""

    text: str = ""
    spans: list[tuple[str, int, int]] = field(default_factory=list)

    def add(self, template: str, cast: dict[str, str], rng: random.Random) -> tuple[int, int]:
        start = len(self.text)
        pos = 0
        for match in SLOT.finditer(template):
            self.text += template[pos:match.start()]
            slot = match.group(1)
            value = str(rng.randrange(3, 500)) if slot == "number" else cast[slot]
            if slot in SLOT_TYPES:
                self.spans.append((slot, len(self.text), len(self.text) + len(value)))
            self.text += value
            pos = match.end()
        self.text += template[pos:]
        return start, len(self.text)


def synth_extraction(index: int, namer: Namer, seed: int) -> Extraction:
    """One article of 3-8 template sentences and a byline, with its exact Extraction."""
    lex, rng = namer.lex, namer.rng
    cast = namer.cast()
    headline = TextBuilder()
    headline.add(namer.pick([t["text"] for t in lex["titles"]]), cast, rng)
    body = TextBuilder(text=headline.text + "\n" + cast["date"] + "\n", spans=list(headline.spans))
    triples: list[Triple] = []
    for spec in rng.sample(lex["sentences"], rng.randrange(3, 9)):
        start, end = body.add(spec["text"], cast, rng)
        for subject, predicate, obj, *role in spec["triples"]:
            triples.append(Triple(cast[subject], predicate, cast[obj], body.text[start:end], start, end,
                                  confidence=0.9, role=cast[role[0]] if role else None))
    body.text += "\n"
    start, end = body.add("（记者 {author} 通讯员 {author2}）", cast, rng)
    for slot in ("author", "author2"):
        triples.append(Triple(headline.text, "author", cast[slot], body.text[start:end], start, end))
    article = Article(text=body.text, source=f"synth-{seed}-{index:06d}.txt", index=0,
                      title=headline.text, date=cast["iso_date"], authors=[cast["author"], cast["author2"]],
                      url=f"https://example.org/synth/{seed}/{index}")
    return Extraction(article, _entities(cast, body.spans, triples), triples)


def _entities(cast: dict[str, str], spans: list[tuple[str, int, int]], triples: list[Triple]) -> list[Entity]:
    used = {slot for slot, _, _ in spans}
    labels = {t.subject for t in triples} | {t.object for t in triples}
    used |= {slot for slot in SLOT_TYPES if cast[slot] in labels}
    entities: dict[str, Entity] = {}
    for slot in sorted(used):
        label = cast[slot]
        entity = entities.setdefault(label, Entity(label, SLOT_TYPES[slot]))
        entity.mentions.extend(Mention(label, s, e) for name, s, e in spans if name == slot)
    return list(entities.values())


def synth_extractions(n: int, seed: int = 1) -> Iterator[Extraction]:
    namer = Namer(load_lexicon(), random.Random(seed))
    for index in range(n):
        yield synth_extraction(index, namer, seed)


def write_corpus(out_dir: Path, n: int, seed: int = 1, fmt: str = "txt") -> int:
    """N articles as .txt files (one per article) or one corpus.jsonl; returns characters written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    chars = 0
    if fmt == "jsonl":
        with (out_dir / "corpus.jsonl").open("w", encoding="utf-8") as handle:
            for ex in synth_extractions(n, seed):
                a = ex.article
                handle.write(json.dumps({"title": a.title, "text": a.text, "date": a.date, "url": a.url},
                                        ensure_ascii=False) + "\n")
                chars += len(a.text)
        return chars
    for ex in synth_extractions(n, seed):
        (out_dir / ex.article.source).write_text(ex.article.text + "\n", encoding="utf-8")
        chars += len(ex.article.text)
    return chars


def write_nquads(path: Path, n_triples: int, seed: int = 1) -> tuple[int, int]:
    """Article graphs (kg.graph.rdf mapping) as N-Quads until n_triples; returns (articles, triples)."""
    from kg.graph.rdf import article_iri, extraction_to_graph

    articles = triples = 0
    with path.open("w", encoding="utf-8") as handle:
        for ex in synth_extractions(10**9, seed):
            graph = extraction_to_graph(ex)
            g = f"<{article_iri(ex.article)}>"
            nt = graph.serialize(format="nt")
            handle.writelines(line[:-1] + f"{g} .\n" for line in _nt_lines(nt))
            articles += 1
            triples += len(graph)
            if triples >= n_triples:
                break
    return articles, triples


def _nt_lines(nt: str) -> Iterator[str]:
    """N-Triples statements without their final '.', each ending with a space."""
    for line in nt.splitlines():
        line = line.rstrip()
        if line and not line.startswith("#"):
            yield line[:-1].rstrip() + " \n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="what", required=True)
    corpus = sub.add_parser("corpus", help="article files")
    corpus.add_argument("out", type=Path)
    corpus.add_argument("--articles", type=int, default=1000)
    corpus.add_argument("--format", choices=("txt", "jsonl"), default="txt")
    nquads = sub.add_parser("nquads", help="RDF of synthetic articles, without the extractor")
    nquads.add_argument("out", type=Path)
    nquads.add_argument("--triples", type=int, default=1_000_000)
    for p in (corpus, nquads):
        p.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.what == "corpus":
        chars = write_corpus(args.out, args.articles, args.seed, args.format)
        print(f"{args.articles} articles, {chars} characters -> {args.out}")
    else:
        articles, triples = write_nquads(args.out, args.triples, args.seed)
        print(f"{articles} articles, {triples} triples -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
