"""One behaviour per test, each on a short text written for it."""

from __future__ import annotations

from extract_helpers import facts, run


def test_delegation_visit_credits_leader_and_union() -> None:
    ex = run("5月8日，河源市总工会党组书记、副主席陈立伟带队赴龙川县，先后来到城南物流园和东江大厦，"
             "为货车司机送上清凉物资。")
    got = facts(ex)
    assert ("陈立伟", "visits", "龙川县") in got
    assert ("河源市总工会", "visits", "东江大厦") in got
    assert ("陈立伟", "holdsPosition", "河源市总工会") in got


def test_every_triple_cites_its_sentence() -> None:
    text = "近日，宜宾市总工会在南岸街道举办了职工篮球联赛。比赛吸引了多支队伍。"
    ex = run(text)
    assert ex.triples
    for t in ex.triples:
        assert text[t.start:t.end] == t.evidence
