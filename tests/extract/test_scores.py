"""The scorer's figures on the seed page and on our own corpus must not fall below the bars reached.

Bars are the figures measured when the test was written (lenient micro-F1), rounded down:
seed page all 0.99 / core 0.99 / entities 0.96; dev set all 0.97 / entities 0.96;
own corpus (tests/corpus) all 0.94; bundled sample (data/sample) all 0.96; held-out set all 0.97 / entities 0.95.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "eval"
SCORER = SHARED / "score.py"


def _score(gold: Path, inputs: list[Path], tmp_path: Path) -> dict:
    pred = tmp_path / "pred.jsonl"
    kg = Path(sys.executable).with_name("kg")
    with pred.open("w", encoding="utf-8") as out:
        subprocess.run([str(kg), "extract", *map(str, inputs), "--format", "jsonl"],
                       stdout=out, check=True, cwd=ROOT)
    done = subprocess.run([sys.executable, str(SCORER), str(gold), str(pred), "--json"],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)["lenient"]


@pytest.mark.slow
@pytest.mark.skipif(not SCORER.exists(), reason="the shared scorer is not beside the project")
def test_seed_page_scores_at_least_the_bar(tmp_path: Path) -> None:
    scores = _score(SHARED / "seed-gold.jsonl", sorted((ROOT.parent / "shared" / "seed").glob("*.txt")), tmp_path)
    assert scores["triples_all"]["f1"] >= 0.99
    assert scores["triples_core"]["f1"] >= 0.99
    assert scores["entities"]["f1"] >= 0.96


@pytest.mark.slow
@pytest.mark.skipif(not SCORER.exists(), reason="the shared scorer is not beside the project")
def test_own_corpus_scores_at_least_the_bar(tmp_path: Path) -> None:
    corpus = ROOT / "tests" / "corpus"
    inputs = sorted(p for p in corpus.iterdir() if p.name.startswith("t-"))
    scores = _score(corpus / "gold.jsonl", inputs, tmp_path)
    assert scores["triples_all"]["f1"] >= 0.95


@pytest.mark.slow
@pytest.mark.skipif(not SCORER.exists(), reason="the shared scorer is not beside the project")
def test_dev_set_scores_at_least_the_bar(tmp_path: Path) -> None:
    dev = SHARED / "dev"
    gold = tmp_path / "dev-gold.jsonl"
    gold.write_text("".join(p.read_text("utf-8") for p in sorted(dev.glob("gold-*.jsonl"))), encoding="utf-8")
    scores = _score(gold, sorted(p for p in dev.iterdir() if p.name[:2] in ("d-", "e-")), tmp_path)
    assert scores["triples_all"]["f1"] >= 0.97
    assert scores["entities"]["f1"] >= 0.96


@pytest.mark.slow
@pytest.mark.skipif(not SCORER.exists(), reason="the shared scorer is not beside the project")
def test_bundled_sample_scores_at_least_the_bar(tmp_path: Path) -> None:
    scores = _score(ROOT / "tests" / "sample-gold.jsonl", [ROOT / "data" / "sample"], tmp_path)
    assert scores["triples_all"]["f1"] >= 0.96


# The held-out sets, each written with gold by someone who never saw the extractor, kept out of
# the tree while the rules were tuned on every other set, and scored once: that first figure is
# the honest one for unseen text. Each has been tuned on since (general patterns only, no
# names), so the bars below are development bars.
# - tests/holdout: 8 articles; first all 0.831 / core 0.772 / entities 0.911. Since tuned on
#   (misses studied for participatesIn, hosts, visits): all 0.976 / entities 0.951.
# - tests/holdout2: 10 articles (10 new cities, one page of two articles, one in traditional
#   characters), scored once on 2026-11-25: all 0.832 / core 0.742 / entities 0.928 (precision
#   0.932, recall 0.752). Since tuned on: all 0.969 / core 0.973 / entities 0.951 (precision
#   0.987, recall 0.952).
# - tests/holdout3: 10 files, 11 articles (11 new cities, one page of two articles, one in
#   traditional characters), scored once on 2026-11-25 at 04:23 UTC: all 0.813 / core 0.855 /
#   entities 0.933 (precision 0.952, recall 0.710; misses: locatedIn 0.63, participatesIn 0.74,
#   visits 0.75). Since tuned on: all 0.979 / core 0.994 / entities 0.964 (precision 0.995,
#   recall 0.964); 0.982 since team titles (桥吊班班长); 0.991 since the fourth round (园区内的S,
#   下场/颁发); holdout2 0.979 by then.
# - tests/holdout4: 10 files, 11 articles (new cities, one page of two articles, one in
#   traditional characters), scored once on 2026-11-25 at 07:12 UTC: all 0.793 / core 0.790 /
#   entities 0.921 (precision 0.941, recall 0.684; misses: subOrganizationOf 0.50, visits 0.63,
#   locatedIn 0.68, participatesIn 0.71). Since tuned on: all 0.987 / core 0.985 / entities
#   0.976 (precision 0.989, recall 0.984).
# - tests/holdout5: 10 files, 11 articles (new cities, one page of two articles, one in
#   traditional characters, one HTML page with site chrome, one GBK file with no declaration),
#   scored once on 2026-11-25 at 09:20 UTC: all 0.876 / core 0.885 / entities 0.922 (precision
#   0.973, recall 0.797; misses: coOrganizes 0.67, hosts 0.80, locatedIn 0.81, participatesIn
#   0.81). Since tuned on: all 0.986 / core 0.985 / entities 0.974 (precision 1.000, recall
#   0.973); holdout 0.983, holdout2 0.985 / entities 0.962, holdout3 0.993 / entities 0.978 by then.
# - tests/holdout6: 10 files, 12 articles (new cities, one page of two articles, a JSONL file of
#   two, one Big5 file in traditional characters, one HTML page), written while holdout5 was
#   tuned on and scored once at the end of that round, on 2026-11-25 at 10:25 UTC: all 0.900 /
#   core 0.833 / entities 0.941 (precision 0.955, recall 0.851; misses: serves 0.78, visits
#   0.83, locatedIn 0.88). Since tuned on: all 0.993 / core 0.993 / entities 0.964 (precision
#   0.995, recall 0.990); corpus 0.951 by then.
HELD_OUT = [  # (folder, its article files, bar for all triples, bar for entities)
    ("holdout", "h-*.txt", 0.98, 0.95),
    ("holdout2", "h2-*.txt", 0.98, 0.96),
    ("holdout3", "h3-*.txt", 0.99, 0.97),
    ("holdout4", "h4-*.txt", 0.98, 0.97),
    ("holdout5", "h5-*", 0.98, 0.97),
    ("holdout6", "h6-*", 0.99, 0.96),
]


@pytest.mark.slow
@pytest.mark.skipif(not SCORER.exists(), reason="the shared scorer is not beside the project")
@pytest.mark.parametrize("folder, files, all_bar, entity_bar", HELD_OUT, ids=[h[0] for h in HELD_OUT])
def test_held_out_set_scores_at_least_the_bar(tmp_path: Path, folder: str, files: str,
                                              all_bar: float, entity_bar: float) -> None:
    holdout = ROOT / "tests" / folder
    scores = _score(holdout / "gold.jsonl", sorted(holdout.glob(files)), tmp_path)
    assert scores["triples_all"]["f1"] >= all_bar
    assert scores["entities"]["f1"] >= entity_bar
