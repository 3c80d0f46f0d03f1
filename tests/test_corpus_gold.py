"""The hand-written gold of our own corpora is consistent with its texts and with the schema."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from charset_normalizer import from_bytes

from kg.model import ENTITY_TYPES, PREDICATES

ROOT = Path(__file__).resolve().parent.parent
CORPORA = {
    "corpus": (ROOT / "tests" / "corpus" / "gold.jsonl", ROOT / "tests" / "corpus"),
    "sample": (ROOT / "tests" / "sample-gold.jsonl", ROOT / "data" / "sample"),
    **{name: (ROOT / "tests" / name / "gold.jsonl", ROOT / "tests" / name)
       for name in ("holdout", "holdout2", "holdout3", "holdout4", "holdout5", "holdout6")},
}

# Which entity types may stand at each end of a predicate (SCHEMA.md, relations table).
ORGS = {"Union", "Organization"}
ALLOWED: dict[str, tuple[set[str], set[str]]] = {
    "hosts": (ORGS, {"Event"}),
    "coOrganizes": (ORGS, {"Event"}),
    "visits": (ORGS | {"Person"}, ORGS | {"Site", "Place"}),
    "serves": (ORGS | {"Site"}, {"WorkerGroup"}),
    "holdsPosition": ({"Person"}, ORGS),
    "subOrganizationOf": (ORGS, ORGS),
    "locatedIn": ({"Site", "Event"}, {"Site", "Place"}),
    "participatesIn": (ORGS | {"Person"}, {"Event"}),
    "author": (set(), {"Person"}),
}


def article_text(path: Path) -> str:
    """The readable text of a corpus file: decoded, HTML unescaped, JSONL titles and texts joined."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:  # our GBK and Big5 files
        best = from_bytes(raw).best()
        assert best is not None, f"{path}: encoding not recognised"
        text = str(best)
    if path.suffix == ".jsonl":
        rows = [json.loads(line) for line in text.splitlines() if line.strip()]
        text = "\n".join(f"{row['title']}\n{row['text']}" for row in rows)
    elif path.suffix in (".html", ".htm"):
        text = html.unescape(text)
    return text


def occurs(needle: str, text: str) -> bool:
    """True if needle is in text, also across layout line breaks (a name split over two lines)."""
    return needle in text or needle in re.sub(r"[ \t\u3000]*\r?\n\s*", "", text)


def gold_rows() -> list[tuple[str, dict, Path]]:
    rows = []
    for name, (gold, folder) in CORPORA.items():
        if not gold.exists():
            continue
        for line in gold.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                rows.append((f"{name}:{row['file']}", row, folder / row["file"]))
    return rows


ROWS = gold_rows()


def test_both_gold_files_exist_and_cover_their_folders() -> None:
    for gold, folder in CORPORA.values():
        assert gold.exists(), gold
        listed = {json.loads(line)["file"] for line in gold.read_text(encoding="utf-8").splitlines() if line}
        articles = {p.name for p in folder.iterdir() if p.suffix in (".txt", ".html", ".htm", ".jsonl")}
        articles.discard("gold.jsonl")
        assert listed == articles


@pytest.mark.parametrize("row,path", [(r, p) for _, r, p in ROWS], ids=[i for i, _, _ in ROWS])
def test_entity_texts_and_aliases_occur_in_their_file(row: dict, path: Path) -> None:
    text = article_text(path)
    missing = [name for ent in row["entities"] for name in [ent["text"], *ent["aliases"]]
               if not occurs(name, text)]
    assert missing == []


@pytest.mark.parametrize("row", [r for _, r, _ in ROWS], ids=[i for i, _, _ in ROWS])
def test_entity_types_are_from_schema_and_names_are_unambiguous(row: dict) -> None:
    names: list[str] = []
    for ent in row["entities"]:
        assert ent["type"] in ENTITY_TYPES, ent
        names += [ent["text"], *[a for a in ent["aliases"] if a != ent["text"]]]
    duplicated = sorted({n for n in names if names.count(n) > 1})
    assert duplicated == []


@pytest.mark.parametrize("row,path", [(r, p) for _, r, p in ROWS], ids=[i for i, _, _ in ROWS])
def test_triples_join_entities_of_the_right_types(row: dict, path: Path) -> None:
    types = {ent["text"]: ent["type"] for ent in row["entities"]}
    text = article_text(path)
    seen = set()
    for t in row["triples"]:
        key = (t["s"], t["p"], t["o"], t.get("role"))
        assert key not in seen, f"duplicate {t}"
        seen.add(key)
        assert t["p"] in PREDICATES, t
        subj_types, obj_types = ALLOWED[t["p"]]
        assert types.get(t["o"]) in obj_types, t
        if t["p"] == "author":  # a headline set on two lines is one title joined by a space
            assert occurs(t["s"], text) or occurs(t["s"].replace(" ", ""), text), f"headline not in file: {t}"
        else:
            assert types.get(t["s"]) in subj_types, t
        if t["p"] == "holdsPosition":
            assert t.get("role") and occurs(t["role"].split("、")[-1], text), t
        else:
            assert "role" not in t, t


def test_corpus_covers_every_predicate_many_times() -> None:
    counts = {p: 0 for p in PREDICATES}
    for name, row, _ in ROWS:
        if name.startswith("corpus:"):
            for t in row["triples"]:
                counts[t["p"]] += 1
    assert min(counts.values()) >= 5, counts


def test_sample_covers_every_predicate() -> None:
    used = {t["p"] for name, row, _ in ROWS if name.startswith("sample:") for t in row["triples"]}
    assert used == set(PREDICATES)
