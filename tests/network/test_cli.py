"""`kg map` and `kg network ...` on the sample store, as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from kg.cli.main import main


def run(capsys: pytest.CaptureFixture[str], store: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--store", str(store), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_map_command_writes_the_html(capsys: pytest.CaptureFixture[str], sample_store_dir: Path,
                                     tmp_path: Path) -> None:
    code, out, _ = run(capsys, sample_store_dir, "map", "-o", str(tmp_path / "m.html"), "--lang", "en")
    assert code == 0 and "12 entities, 13 facts" in out
    assert "Union network" in (tmp_path / "m.html").read_text(encoding="utf-8")


def test_stats_command_lists_types_and_central_entities(capsys: pytest.CaptureFixture[str],
                                                        sample_store_dir: Path) -> None:
    code, out, _ = run(capsys, sample_store_dir, "network", "stats", "--top", "2")
    assert code == 0
    assert "components: 3 (largest 9)" in out and "Union 2" in out
    assert "most central by pagerank:" in out and "晨光驿站 [Site]" in out


def test_path_command_prints_hops_with_evidence(capsys: pytest.CaptureFixture[str], sample_store_dir: Path) -> None:
    code, out, _ = run(capsys, sample_store_dir, "network", "path", "王明", "外卖骑手")
    assert code == 0 and "2 hop(s)" in out
    assert "王明 [Person] --visits--> 晨光驿站 [Site]" in out
    assert "「晨光驿站面向外卖骑手提供休息场所。」 — 驿站暖了骑手的心" in out


def test_unknown_entity_is_one_line_with_close_matches(capsys: pytest.CaptureFixture[str],
                                                      sample_store_dir: Path) -> None:
    code, _, err = run(capsys, sample_store_dir, "network", "path", "江河总工会", "外卖骑手")
    assert code == 2
    assert err.startswith("kg: error: no entity named '江河总工会'; close matches: 江河市总工会")
    assert len(err.strip().splitlines()) == 1


def test_communities_command_lists_members(capsys: pytest.CaptureFixture[str], sample_store_dir: Path) -> None:
    code, out, _ = run(capsys, sample_store_dir, "network", "communities", "--orgs")
    assert code == 0 and "(Louvain, seed 42)" in out
    assert "江河市总工会 [Union]" in out and "恒达物流有限公司 [Organization]" in out


def test_export_command_writes_graphml(capsys: pytest.CaptureFixture[str], sample_store_dir: Path,
                                      tmp_path: Path) -> None:
    target = tmp_path / "n.graphml"
    code, _, _ = run(capsys, sample_store_dir, "network", "export", "--format", "graphml", "-o", str(target),
                     "--types", "Union,Site")
    assert code == 0
    assert nx.read_graphml(target).number_of_nodes() == 4


def test_export_json_to_standard_output(capsysbinary: pytest.CaptureFixture[bytes], sample_store_dir: Path) -> None:
    code = main(["--store", str(sample_store_dir), "network", "export", "--format", "json", "--focus", "白沙镇"])
    data = json.loads(capsysbinary.readouterr().out)
    assert code == 0 and {n["label"] for n in data["nodes"]} == {"白沙镇", "白沙镇工会驿站"}


def test_missing_store_is_a_clear_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, tmp_path / "nowhere", "network", "stats")
    assert code != 0 and "does not exist yet" in err


def test_stats_as_json_names_the_central_entities(capsys: pytest.CaptureFixture[str],
                                                  sample_store_dir: Path) -> None:
    code, out, _ = run(capsys, sample_store_dir, "network", "stats", "--format", "json", "--top", "1")
    data = json.loads(out)
    assert code == 0 and data["nodes"] == 12
    assert data["central"]["degree"] == [{"entity": "https://union-kg.org/id/site/晨光驿站", "label": "晨光驿站",
                                          "score": 5.0}]


def test_map_above_the_size_limit_asks_for_a_focus(capsys: pytest.CaptureFixture[str], sample_store_dir: Path,
                                                   tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("kg.network.render.MAX_NODES", 5)
    code, _, err = run(capsys, sample_store_dir, "map", "-o", str(tmp_path / "m.html"))
    assert code == 2 and "--focus ENTITY --radius N (most connected: 晨光驿站" in err
    assert not (tmp_path / "m.html").exists()
    code, out, _ = run(capsys, sample_store_dir, "map", "-o", str(tmp_path / "m.html"), "--focus", "快递员")
    assert code == 0 and "2 entities, 1 facts" in out
