"""The product as a user runs it: kg commands on the bundled sample and on the seed page."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest
import rdflib

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"
SEED = ROOT.parent / "shared" / "seed"
KG = [sys.executable, "-m", "kg.cli.main"]


def kg(store: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*KG, "--store", str(store), *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=600, check=False)


def ok(store: Path, *args: str) -> str:
    done = kg(store, *args)
    assert done.returncode == 0, f"kg {' '.join(args)} failed: {done.stderr}"
    assert "Traceback" not in done.stderr
    return done.stdout


def rows(store: Path, *args: str) -> list[dict[str, str]]:
    data = json.loads(ok(store, "query", *args, "--format", "json"))
    return [{k: v["value"] for k, v in row.items()} for row in data["results"]["bindings"]]


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("sample") / "store"
    out = ok(store, "ingest", str(SAMPLE))
    assert "skipped: 0" in out, out
    return store


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not SEED.is_dir():
        if os.environ.get("CI"):
            pytest.fail("../shared/seed is missing in CI; the seed end-to-end test must run there")
        pytest.skip("../shared/seed is not beside this checkout")
    store = tmp_path_factory.mktemp("seed") / "store"
    ok(store, "ingest", str(SEED))
    return store


def test_sample_covers_every_predicate(sample_store: Path) -> None:
    found = {r["p"].rsplit("#", 1)[-1] for r in rows(sample_store, "--sparql",
             "PREFIX ukg: <https://union-kg.org/ontology#> "
             "SELECT DISTINCT ?p WHERE { ?f a ukg:Fact ; <http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> ?p }")}
    assert {"hosts", "visits", "serves", "holdsPosition", "locatedIn", "author"} <= found


def test_sample_named_queries_answer(sample_store: Path) -> None:
    for name in ("who-visited-where", "who-hosted-what", "who-serves-whom", "positions"):
        assert rows(sample_store, name), f"{name} gave no rows on the sample"


def test_sample_graph_conforms_to_shapes(sample_store: Path) -> None:
    assert "conforms" in ok(sample_store, "validate").lower()


def test_turtle_export_reparses_to_the_same_graph(sample_store: Path, tmp_path: Path) -> None:
    ttl = tmp_path / "kg.ttl"
    ok(sample_store, "export", "--format", "turtle", "-o", str(ttl))
    with_rdflib = rdflib.Graph().parse(ttl, format="turtle")
    with_oxigraph = list(pyoxigraph.parse(path=str(ttl), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(with_rdflib) == len(set(with_oxigraph)) > 1000


def test_reingest_changes_nothing(sample_store: Path, tmp_path: Path) -> None:
    before = ok(sample_store, "export", "--format", "nquads")
    ok(sample_store, "ingest", str(SAMPLE))
    after = ok(sample_store, "export", "--format", "nquads")
    assert sorted(before.splitlines()) == sorted(after.splitlines())


def test_remove_takes_out_one_article_and_its_orphans(tmp_path: Path) -> None:
    store = tmp_path / "store"
    ok(store, "ingest", str(SAMPLE))
    articles = rows(store, "articles")
    victim = articles[0]["iri"]
    only_there = f"""PREFIX ukg: <https://union-kg.org/ontology#>
        SELECT DISTINCT ?e WHERE {{ GRAPH <{victim}> {{ ?a ukg:mention ?e }}
          FILTER NOT EXISTS {{ GRAPH ?g {{ ?b ukg:mention ?e }} FILTER(?g != <{victim}>) }} }}"""
    orphans = {r["e"] for r in rows(store, "--sparql", only_there)}
    assert orphans, "the first sample article should mention something no other article does"
    ok(store, "remove", victim)
    left = rows(store, "articles")
    assert {r["iri"] for r in left} == {r["iri"] for r in articles} - {victim}
    still_typed = {r["e"] for r in rows(store, "--sparql", "SELECT DISTINCT ?e WHERE { ?e a ?t }")}
    assert not orphans & still_typed


def test_seed_lists_every_visit_of_the_leading_official(seed_store: Path) -> None:
    visits = [r for r in rows(seed_store, "who-visited-where") if r["visitor"] == "张良"]
    places = {r["place"] for r in visits}
    assert places >= {"东城区", "北京市国有资产经营有限责任公司", "中轴·成贤暖心驿站",
                      "“安驿家”暖新公寓", "东四工人文化宫", "隆福大厦"}
    for r in visits:
        assert "张良" in r["evidence"] or "慰问组" in r["evidence"], r
        assert r["evidence"] and r["article"]


def test_seed_export_validates(seed_store: Path, tmp_path: Path) -> None:
    assert kg(seed_store, "validate").returncode == 0
    ttl = tmp_path / "seed.ttl"
    ok(seed_store, "export", "--format", "turtle", "-o", str(ttl))
    assert "张良" in ttl.read_text(encoding="utf-8")


def test_labels_follow_the_script_of_their_article(sample_store: Path) -> None:
    # The sample has one article in traditional characters about unions also named elsewhere.
    visits = rows(sample_store, "who-visited-where")
    traditional = [r for r in visits if "總工會" in r["article"]]
    simplified = [r for r in visits if "总工会" in r["article"]]
    assert traditional and simplified
    assert all("总" not in r["visitor"] for r in traditional)
    assert all("總" not in r["visitor"] and "龍" not in r["visitor"] for r in simplified)
