"""One behaviour per test, each on a short invented text written for it."""

from __future__ import annotations

import pytest
from extract_helpers import entity_types, facts, run

from kg.model import Triple


def _roles(triples: list[Triple]) -> dict[tuple[str, str], str | None]:
    return {(t.subject, t.object): t.role for t in triples if t.predicate == "holdsPosition"}


def test_delegation_visit_credits_leader_and_union() -> None:
    ex = run("5月8日，河源市总工会党组书记、副主席陈立伟带队赴龙川县，先后来到城南物流园和东江大厦，"
             "为货车司机送上清凉物资。")
    got = facts(ex)
    assert ("陈立伟", "visits", "龙川县") in got
    assert ("河源市总工会", "visits", "东江大厦") in got
    assert ("河源市总工会", "serves", "货车司机") in got


def test_other_delegation_members_get_no_visit() -> None:
    ex = run("河源市总工会副主席陈立伟带队来到东江大厦，河源市总工会副主席罗小燕参加慰问。")
    got = facts(ex)
    assert ("陈立伟", "visits", "东江大厦") in got
    assert ("罗小燕", "visits", "东江大厦") not in got


def test_title_gives_position_with_whole_role() -> None:
    ex = run("会上，潮州市总工会党组书记、常务副主席吴海波作工作报告。")
    assert _roles(ex.triples)[("吴海波", "潮州市总工会")] == "党组书记、常务副主席"


def test_titles_at_two_bodies_give_one_position_each() -> None:
    ex = run("汕尾市人大常委会副主任、市总工会主席黄伟明出席活动。")
    roles = _roles(ex.triples)
    assert roles[("黄伟明", "汕尾市人大常委会")] == "副主任"
    assert ("黄伟明", "市总工会") in roles


def test_elected_person_holds_the_post() -> None:
    ex = run("大会选举产生新一届委员会，林思远当选为梅县总工会主席。")
    assert _roles(ex.triples)[("林思远", "梅县总工会")] == "主席"


def test_partner_of_union_co_organizes() -> None:
    ex = run("近日，茂名市总工会联合茂名市人力资源和社会保障局举办了第三届职工电工技能大赛。")
    got = facts(ex)
    assert ("茂名市总工会", "hosts", "第三届职工电工技能大赛") in got
    assert ("茂名市人力资源和社会保障局", "coOrganizes", "第三届职工电工技能大赛") in got
    assert ("茂名市人力资源和社会保障局", "hosts", "第三届职工电工技能大赛") not in got


def test_passive_host_and_listed_co_organizers() -> None:
    ex = run("“匠心茂名”职工摄影大赛日前揭晓。本次大赛由茂名市总工会主办，茂名市摄影家协会、茂名日报社协办。")
    got = facts(ex)
    assert ("茂名市总工会", "hosts", "“匠心茂名”职工摄影大赛") in got
    assert ("茂名市摄影家协会", "coOrganizes", "“匠心茂名”职工摄影大赛") in got
    assert ("茂名日报社", "coOrganizes", "“匠心茂名”职工摄影大赛") in got


def test_facing_list_gives_one_serves_per_group() -> None:
    ex = run("“暖蜂驿站”面向快递员、外卖骑手、环卫工人等户外劳动者提供饮水和充电服务。")
    got = facts(ex)
    for group in ("快递员", "外卖骑手", "环卫工人", "户外劳动者"):
        assert ("“暖蜂驿站”", "serves", group) in got


def test_plain_workers_are_no_group() -> None:
    ex = run("江门市总工会为广大职工送上节日祝福。")
    assert all(e.type != "WorkerGroup" for e in ex.entities)
    assert not [t for t in ex.triples if t.predicate == "serves"]


def test_located_at_gives_site_in_each_unit() -> None:
    ex = run("位于蓬江区白沙街道的“江门工友”驿站由区总工会建设。")
    got = facts(ex)
    assert ("“江门工友”驿站", "locatedIn", "蓬江区") in got
    assert ("“江门工友”驿站", "locatedIn", "白沙街道") in got


def test_event_held_at_address_chain() -> None:
    ex = run("近日，韶关市总工会在武江区西联镇的韶关职工文化中心举办了职工乒乓球比赛。")
    got = facts(ex)
    assert ("职工乒乓球比赛", "locatedIn", "武江区") in got
    assert ("职工乒乓球比赛", "locatedIn", "韶关职工文化中心") in got
    assert ("韶关职工文化中心", "locatedIn", "西联镇") in got


def test_parent_before_affiliation_cue() -> None:
    ex = run("阳江市教育工会下属阳江市第一中学工会近日召开会员大会。")
    assert ("阳江市第一中学工会", "subOrganizationOf", "阳江市教育工会") in facts(ex)


def test_child_belongs_to_parent() -> None:
    ex = run("该联合会隶属于云浮市总工会，由阳光镇工会联合会组建。")
    assert ("阳光镇工会联合会", "subOrganizationOf", "云浮市总工会") not in facts(ex)
    ex = run("阳光镇工会联合会隶属于云浮市总工会。")
    assert ("阳光镇工会联合会", "subOrganizationOf", "云浮市总工会") in facts(ex)


def test_responsible_persons_credit_their_bodies() -> None:
    ex = run("清远市总工会开展“夏送清凉”活动。清远市交通运输局、清远市邮政管理局有关负责人参加活动。")
    got = facts(ex)
    assert ("清远市交通运输局", "participatesIn", "“夏送清凉”活动") in got
    assert ("清远市邮政管理局", "participatesIn", "“夏送清凉”活动") in got


def test_host_is_not_also_participant() -> None:
    ex = run("肇庆市总工会举办“职工健步走”活动，肇庆市总工会有关负责人参加活动。")
    got = facts(ex)
    assert ("肇庆市总工会", "hosts", "“职工健步走”活动") in got
    assert ("肇庆市总工会", "participatesIn", "“职工健步走”活动") not in got


def test_bylines_give_author_triples_on_the_headline() -> None:
    ex = run("本报讯（记者 温嘉禾 通讯员 邓小路）近日，揭阳市总工会举办职工书法展。",
             title="揭阳职工书法展开幕", authors=["温嘉禾", "邓小路"])
    got = facts(ex)
    assert ("揭阳职工书法展开幕", "author", "温嘉禾") in got
    assert ("揭阳职工书法展开幕", "author", "邓小路") in got


def test_every_triple_cites_its_sentence() -> None:
    text = "近日，宜宾市总工会在南岸街道举办了职工篮球联赛。比赛吸引了多支队伍。"
    ex = run(text)
    assert ex.triples
    for t in ex.triples:
        assert text[t.start:t.end] == t.evidence
        assert 0.0 < t.confidence <= 1.0


def test_tour_gifts_go_to_the_group_met() -> None:
    ex = run("清远市总工会副主席黄志强带队来到城东物流园。慰问组一行与正在休息的货车司机交流，并送上慰问品。")
    assert ("清远市总工会", "serves", "货车司机") in facts(ex)


def test_co_hosts_of_the_toured_event_visit_too() -> None:
    ex = run("云浮市、郁南县总工会联合开展“冬日暖心”慰问活动。云浮市总工会副主席陈海带队，先后来到都城镇和西江大厦。")
    got = facts(ex)
    assert ("郁南县总工会", "visits", "西江大厦") in got
    assert ("陈海", "participatesIn", "“冬日暖心”慰问活动") in got


def test_passive_host_with_partner() -> None:
    ex = run("由汕尾市总工会联合汕尾市文化广电旅游体育局举办的“汕尾好声音”职工歌手大赛落幕。")
    got = facts(ex)
    assert ("汕尾市总工会", "hosts", "“汕尾好声音”职工歌手大赛") in got
    assert ("汕尾市文化广电旅游体育局", "coOrganizes", "“汕尾好声音”职工歌手大赛") in got


def test_department_title_gives_position_at_the_body() -> None:
    ex = run("潮州市总工会党组成员、组织部部长林晓东出席活动。")
    assert _roles(ex.triples).get(("林晓东", "潮州市总工会")) == "党组成员、组织部部长"


@pytest.mark.parametrize("text, person, role", [
    ("韶关市南岭物流有限公司装卸班班长邓志强参加了比赛。", "邓志强", "装卸班班长"),
    ("韶关市南岭物流有限公司二车间主任罗卫东参加了比赛。", "罗卫东", "二车间主任"),
    ("韶关市南岭物流有限公司质检组组长黄丽萍参加了比赛。", "黄丽萍", "质检组组长"),
])
def test_team_title_gives_position_at_the_body(text: str, person: str, role: str) -> None:
    """A team or workshop of a company before its head's title: the post is at the company."""
    assert _roles(run(text).triples).get((person, "韶关市南岭物流有限公司")) == role


def test_body_named_inside_an_event_is_kept_and_affiliated() -> None:
    ex = run("10月20日，南澳县后宅镇工会联合会成立大会在后宅镇文化站召开。该联合会隶属于南澳县总工会。")
    assert ("南澳县后宅镇工会联合会", "subOrganizationOf", "南澳县总工会") in facts(ex)


def test_level_and_sector_union_resolves_to_full_name() -> None:
    ex = run("开幕式由广东省金融工会承办。省金融工会主席周敏主持。")
    roles = {(t.subject, t.object) for t in ex.triples if t.predicate == "holdsPosition"}
    assert ("周敏", "广东省金融工会") in roles


def test_attending_a_tour_without_event_gives_no_participation() -> None:
    ex = run("肇庆市体育局举办“职工健步走”活动。次日，肇庆市总工会副主席何伟带队来到端州区调研，端州区总工会主席林芳参加调研。")
    assert ("林芳", "participatesIn", "“职工健步走”活动") not in facts(ex)


def test_institution_used_as_venue_is_a_site_and_partner_still_co_organizes() -> None:
    ex = run("5月20日，河源市总工会联合河源市教育局在河源职业技术学院举办“劳模工匠进校园”活动。")
    got = facts(ex)
    assert ("河源市总工会", "hosts", "“劳模工匠进校园”活动") in got
    assert ("河源市教育局", "coOrganizes", "“劳模工匠进校园”活动") in got
    assert ("“劳模工匠进校园”活动", "locatedIn", "河源职业技术学院") in got


def test_stated_plan_with_partner() -> None:
    ex = run("市总工会副主席谢明介绍，茂名市总工会将联合茂名市中级人民法院开展“护薪行动”专项行动。")
    got = facts(ex)
    assert ("茂名市总工会", "hosts", "“护薪行动”专项行动") in got
    assert ("茂名市中级人民法院", "coOrganizes", "“护薪行动”专项行动") in got


def test_professional_title_at_a_company_is_a_position() -> None:
    ex = run("韶关钢铁有限公司首席技师陈大勇讲述了攻关经历。")
    assert _roles(ex.triples).get(("陈大勇", "韶关钢铁有限公司")) == "首席技师"


def test_triple_ends_have_the_types_the_schema_allows() -> None:
    allowed = {
        "hosts": ({"Union", "Organization"}, {"Event"}),
        "visits": ({"Union", "Organization", "Person"}, {"Union", "Organization", "Site", "Place"}),
        "serves": ({"Union", "Organization", "Site"}, {"WorkerGroup"}),
        "locatedIn": ({"Site", "Event"}, {"Site", "Place"}),
        "participatesIn": ({"Union", "Organization", "Person"}, {"Event"}),
    }
    ex = run("近日，韶关市总工会联合韶关市交通运输局在浈江区东河街道举办“平安驿路”货车司机关爱活动，"
             "韶关市总工会副主席刘军带队来到韶关物流园，为货车司机送上防暑用品。韶关市邮政管理局有关负责人参加活动。")
    types = {e.label: e.type for e in ex.entities}
    assert ex.triples
    for t in ex.triples:
        if t.predicate in allowed:
            subjects, objects = allowed[t.predicate]
            assert types[t.subject] in subjects and types[t.object] in objects, t


def test_short_verb_between_host_cue_and_event() -> None:
    ex = run("4月28日，梅州市委、市政府在梅州市工人文化宫剧场召开庆祝“五一”国际劳动节暨劳动模范表彰大会。")
    got = facts(ex)
    assert any(s == "梅州市委" and p == "hosts" for s, p, _ in got)
    assert any(p == "locatedIn" and o == "梅州市工人文化宫剧场" for _, p, o in got)


def test_site_named_inside_a_ceremony_is_kept() -> None:
    ex = run("近日，潮州市总工会举行“和美”职工调解工作室揭牌仪式。工作室位于湘桥区太平街道，面向外卖骑手提供调解服务。")
    got = facts(ex)
    assert ("“和美”职工调解工作室", "serves", "外卖骑手") in got
    assert ("“和美”职工调解工作室", "locatedIn", "太平街道") in got


def test_a_remark_about_sending_is_no_tour_gift() -> None:
    ex = run("汕头市总工会副主席蔡明带队来到龙湖区。蔡明表示，户外劳动者十分辛苦，要把清凉送到一线。")
    assert ("汕头市总工会", "serves", "户外劳动者") not in facts(ex)


def test_parent_affiliation_before_child_with_de() -> None:
    ex = run("驿站由端州区总工会所属的城东商圈工会联合会负责运营。")
    assert ("城东商圈工会联合会", "subOrganizationOf", "端州区总工会") in facts(ex)


def test_body_fielding_a_team_takes_part() -> None:
    ex = run("4月9日，清远市第二届职工拔河比赛在清城区体育馆举行。佛冈县总工会代表队获得男子组第一名。")
    assert ("佛冈县总工会", "participatesIn", "清远市第二届职工拔河比赛") in facts(ex)


def test_bodies_as_subject_of_taking_part() -> None:
    ex = run("揭西县总工会举办“春暖揭西”职工招聘会。揭阳美达电器有限公司等30家企业参加招聘。"
             "揭西县人力资源和社会保障局也派员参加。")
    got = facts(ex)
    assert ("揭阳美达电器有限公司", "participatesIn", "“春暖揭西”职工招聘会") in got
    assert ("揭西县人力资源和社会保障局", "participatesIn", "“春暖揭西”职工招聘会") in got
    assert ("揭西县总工会", "participatesIn", "“春暖揭西”职工招聘会") not in got  # the host


def test_bodies_invited_to_take_part() -> None:
    ex = run("普宁市总工会启动“清凉普宁”服务月活动。应邀参加活动的普宁市人民医院在现场设立义诊台。")
    assert ("普宁市人民医院", "participatesIn", "“清凉普宁”服务月活动") in facts(ex)


def test_reading_out_and_unveiling_are_taking_part() -> None:
    ex = run("阳春市总工会召开“五一”劳模表彰大会。阳春市总工会主席蔡文涛宣读表彰决定。"
             "阳春市委副书记梁海峰、阳春市总工会主席蔡文涛共同为劳模创新工作室揭牌。")
    got = facts(ex)
    assert ("蔡文涛", "participatesIn", "“五一”劳模表彰大会") in got
    assert ("梁海峰", "participatesIn", "“五一”劳模表彰大会") in got


def test_host_of_each_listed_event() -> None:
    ex = run("读书月期间，肇庆市总工会将开展“职工讲书”分享会、“书香班组”评选活动。")
    got = facts(ex)
    assert ("肇庆市总工会", "hosts", "“职工讲书”分享会") in got
    assert ("肇庆市总工会", "hosts", "“书香班组”评选活动") in got


def test_host_with_partner_at_an_addressed_company() -> None:
    ex = run("4月2日，封开县总工会联合封开县人民医院，在江口街道的封开华润水泥有限公司开展“安心守护”职工健康关爱活动。")
    got = facts(ex)
    assert ("封开县总工会", "hosts", "“安心守护”职工健康关爱活动") in got
    assert ("封开县人民医院", "coOrganizes", "“安心守护”职工健康关爱活动") in got


def test_visit_to_a_site_said_to_lie_somewhere() -> None:
    ex = run("揭阳市总工会副主席郑志平带队慰问环卫工人。随后，慰问组前往位于榕城区东兴街道的“榕江暖心驿站”查看设施。")
    got = facts(ex)
    assert ("郑志平", "visits", "“榕江暖心驿站”") in got
    assert ("揭阳市总工会", "visits", "“榕江暖心驿站”") in got
    assert ("郑志平", "visits", "东兴街道") not in got


def test_visit_list_with_a_place_of_and_an_aside() -> None:
    ex = run("汕头市总工会副主席许文强带队，先后走访了金平区的汕头顺达物流有限公司（简称“顺达物流”）和龙湖区快递行业工会联合会。")
    got = facts(ex)
    assert ("许文强", "visits", "汕头顺达物流有限公司") in got
    assert ("许文强", "visits", "金平区") in got
    assert ("汕头市总工会", "visits", "龙湖区快递行业工会联合会") in got


def test_official_who_attended_then_leads_the_visit() -> None:
    ex = run("梅州市总工会副主席李卫东出席启动仪式，随后带队来到“客都小站”，与正在歇脚的快递员交流。")
    got = facts(ex)
    assert ("李卫东", "visits", "“客都小站”") in got
    assert ("梅州市总工会", "visits", "“客都小站”") in got


def test_co_host_goes_along_only_where_the_delegation_goes() -> None:
    ex = run("云浮市、郁南县总工会联合开展“冬日暖心”慰问活动。云浮市总工会副主席陈海带队来到西江大厦。"
             "次日，陈海一行来到南江物流园。")
    got = facts(ex)
    assert ("郁南县总工会", "visits", "西江大厦") in got
    assert ("陈海", "visits", "南江物流园") in got
    assert ("云浮市总工会", "visits", "南江物流园") in got
    assert ("郁南县总工会", "visits", "南江物流园") not in got


def test_a_bodys_numbered_meeting_is_held_by_that_body() -> None:
    ex = run("3月5日，韶关市总工会十届三次全委（扩大）会议在韶关市工人文化宫召开。韶关市总工会副主席何丽主持会议。")
    got = facts(ex)
    event = "韶关市总工会十届三次全委（扩大）会议"
    assert ("韶关市总工会", "hosts", event) in got
    assert ("何丽", "participatesIn", event) in got


def test_bodies_giving_a_talk_take_part() -> None:
    ex = run("汕尾市总工会召开第八次代表大会。城区总工会、海丰县总工会作交流发言。")
    got = facts(ex)
    assert ("城区总工会", "participatesIn", "第八次代表大会") in got
    assert ("海丰县总工会", "participatesIn", "第八次代表大会") in got


def test_judges_and_guests_take_part() -> None:
    ex = run("“唱响湛江”职工歌手大赛决赛日前举行。湛江市文化广电旅游体育局副局长黄晓玲担任主礼嘉宾。"
             "评委会由音乐人李志成及声乐教师邓佩仪组成。")
    got = facts(ex)
    for person in ("黄晓玲", "李志成", "邓佩仪"):
        assert (person, "participatesIn", "“唱响湛江”职工歌手大赛决赛") in got, person


def test_person_at_the_event_takes_part() -> None:
    ex = run("清远市总工会举办“春风送岗”专场招聘会。清远市总工会副主席罗志坚在招聘会现场介绍了今年的就业帮扶计划。")
    assert ("罗志坚", "participatesIn", "“春风送岗”专场招聘会") in facts(ex)


def test_team_leader_takes_part() -> None:
    ex = run("茂名市第三届职工运动会开幕。信宜市总工会代表队领队陈丽华说，队员练了两个月。")
    got = facts(ex)
    assert ("陈丽华", "participatesIn", "茂名市第三届职工运动会") in got
    assert ("信宜市总工会", "participatesIn", "茂名市第三届职工运动会") in got


def test_official_speaking_for_his_company_makes_it_take_part() -> None:
    ex = run("阳江市总工会启动“匠心助企”专项行动。阳江南方电机有限公司董事长刘明辉代表企业发言。")
    assert ("阳江南方电机有限公司", "participatesIn", "“匠心助企”专项行动") in facts(ex)


def test_co_organizer_introduced_with_a_short_form() -> None:
    ex = run("“云浮好声音”职工歌手大赛决赛落幕。本次大赛由云浮市职工文化体育协会（以下简称“文体协会”）承办。")
    got = facts(ex)
    assert ("云浮市职工文化体育协会", "coOrganizes", "“云浮好声音”职工歌手大赛决赛") in got
    assert not any(s.startswith("“文体协会") for s, _, _ in got)


def test_the_acting_body_gives_not_a_place_it_built_in() -> None:
    ex = run("过去五年，韶关市总工会在风度、东堤等商圈建成户外劳动者服务站30个，累计为户外劳动者提供服务20万人次。")
    got = facts(ex)
    assert ("韶关市总工会", "serves", "户外劳动者") in got
    assert not any(p == "serves" and s != "韶关市总工会" for s, p, _ in got)


def test_a_site_under_a_union_gives() -> None:
    ex = run("清远市总工会辖下的“北江驿站”位于清城区，面向外卖骑手和快递员提供饮水服务。")
    got = facts(ex)
    assert ("“北江驿站”", "serves", "外卖骑手") in got
    assert ("清远市总工会", "serves", "外卖骑手") not in got


def test_the_clause_subject_gives() -> None:
    ex = run("阳江海景酒店工会隶属于阳江市旅游行业工会联合会，阳江海景酒店今年为一线员工增设了休息室。")
    got = facts(ex)
    assert ("阳江海景酒店", "serves", "一线员工") in got
    assert ("阳江市旅游行业工会联合会", "serves", "一线员工") not in got


def test_who_is_told_to_give_is_not_the_tour() -> None:
    ex = run("汕尾市总工会副主席黄海带队来到红海湾渔港。黄海叮嘱企业为渔船船员配齐救生衣。")
    assert ("汕尾市总工会", "serves", "渔船船员") not in facts(ex)


def test_activity_nouns_qualify_a_group() -> None:
    ex = run("霞浦县总工会为养殖工人和失业职工送去慰问金。")
    got = facts(ex)
    assert ("霞浦县总工会", "serves", "养殖工人") in got
    assert ("霞浦县总工会", "serves", "失业职工") in got


def test_speaking_of_others_taking_part_is_no_participation() -> None:
    ex = run("湛江市第五届职工羽毛球比赛落幕。湛江港集团有限公司工会主席吴海明表示，将组织更多职工参加体育锻炼。")
    assert ("吴海明", "participatesIn", "湛江市第五届职工羽毛球比赛") not in facts(ex)


def test_sports_federation_co_organizes() -> None:
    ex = run("由茂名市总工会主办、茂名市体育总会协办的茂名市第二届职工篮球赛开幕。")
    assert ("茂名市体育总会", "coOrganizes", "茂名市第二届职工篮球赛") in facts(ex)


def test_visit_to_a_stop_with_a_short_description() -> None:
    ex = run("揭牌仪式后，河源市总工会副主席钟伟一行来到附近的顺丰速运东埔营业部，看望快递员。")
    got = facts(ex)
    assert ("钟伟", "visits", "顺丰速运东埔营业部") in got


def test_one_after_another_to() -> None:
    ex = run("贵港市总工会副主席韦明带队，先后到港南区“暖心驿站”和江南物流园看望环卫工人。")
    got = facts(ex)
    assert ("韦明", "visits", "江南物流园") in got


def test_elected_chair_of_the_union_named_by_its_kind() -> None:
    ex = run("4月8日，湛江市霞山区物流行业工会联合会成立。大会选举产生第一届委员会，黄伟当选联合会主席。")
    assert ("黄伟", "holdsPosition", "湛江市霞山区物流行业工会联合会") in facts(ex)


def test_chair_of_the_union_named_by_its_kind_in_a_title_list() -> None:
    ex = run("潮州市家政服务行业工会联合会近日成立。联合会主席、潮州市家庭服务业协会会长林静说，将发展更多会员。")
    roles = _roles(ex.triples)
    assert roles.get(("林静", "潮州市家政服务行业工会联合会")) == "主席"
    assert roles.get(("林静", "潮州市家庭服务业协会")) == "会长"


def test_deputy_head_of_a_broadcaster_holds_a_position() -> None:
    ex = run("汕头广播电视台副台长许文出席颁奖仪式。")
    assert _roles(ex.triples).get(("许文", "汕头广播电视台")) == "副台长"


def test_bodies_that_hold_an_event_together_both_host() -> None:
    ex = run("9月14日，江门市总工会与江门市人力资源和社会保障局在江门技师学院合办“安全上岗”培训课程。")
    got = facts(ex)
    assert ("江门市总工会", "hosts", "“安全上岗”培训课程") in got
    assert ("江门市人力资源和社会保障局", "hosts", "“安全上岗”培训课程") in got


def test_delegation_goes_deep_into_a_border_port() -> None:
    ex = run("由崇左市总工会副主席黄国强带队的慰问组深入凭祥市友谊关口岸，看望坚守一线的货车司机。")
    got = facts(ex)
    assert ("黄国强", "visits", "凭祥市友谊关口岸") in got
    assert ("崇左市总工会", "visits", "凭祥市友谊关口岸") in got


def test_helping_a_group_serves_it() -> None:
    ex = run("近日，肇庆市总工会帮助12名外卖骑手追回被拖欠的劳动报酬。")
    assert ("肇庆市总工会", "serves", "外卖骑手") in facts(ex)


def test_visit_to_a_stop_inside_a_place_named_before() -> None:
    ex = run("清远市总工会副主席黄志强带队来到清城物流园。随后，黄志强一行走访了园区内的“暖心小站”，"
             "又来到清城区的清远顺捷物流有限公司。")
    got = facts(ex)
    assert ("黄志强", "visits", "“暖心小站”") in got
    assert ("黄志强", "visits", "清远顺捷物流有限公司") in got
    assert ("黄志强", "visits", "清城区") in got


def test_taking_part_in_an_event_referred_back_to() -> None:
    ex = run("韶关市总工会举办“丹霞杯”职工象棋比赛。韶关市总工会副主席邓立新、韶关市体育局副局长陈红参加此次活动。")
    got = facts(ex)
    assert ("邓立新", "participatesIn", "“丹霞杯”职工象棋比赛") in got
    assert ("陈红", "participatesIn", "“丹霞杯”职工象棋比赛") in got


def test_union_named_by_its_kind_gives() -> None:
    ex = run("云浮市新兴县簕竹镇工会联合会近日成立。联合会将为旅游服务从业人员提供技能培训和维权服务。")
    assert ("云浮市新兴县簕竹镇工会联合会", "serves", "旅游服务从业人员") in facts(ex)


def test_finalists_from_companies_take_part_in_the_final() -> None:
    ex = run("由丽水市总工会主办的“瓯江杯”叉车司机技能大赛决赛在丽水市举行。"
             "来自丽水宏远物流有限公司、丽水安达仓储有限公司等8家企业的20名选手进入决赛。")
    got = facts(ex)
    event = "“瓯江杯”叉车司机技能大赛决赛"
    assert ("丽水宏远物流有限公司", "participatesIn", event) in got
    assert ("丽水安达仓储有限公司", "participatesIn", event) in got
    assert not any(o == "选手进入决赛" for _, _, o in got)


def test_a_station_referred_back_to_by_its_word_serves_groups() -> None:
    ex = run("10月8日，“榕荫驿站”户外劳动者服务站在福州市台江区启用。驿站配有饮水机和微波炉，"
             "面向环卫工人、快递员全天开放。")
    got = facts(ex)
    assert ("“榕荫驿站”户外劳动者服务站", "serves", "环卫工人") in got
    assert ("“榕荫驿站”户外劳动者服务站", "serves", "快递员") in got


def test_a_site_named_again_by_its_kind_serves_groups() -> None:
    ex = run("1月5日，农民工在鼓楼区总工会职工法律援助工作站领到欠薪。"
             "位于鼓楼区东街街道的职工法律援助工作站面向农民工、家政服务员提供免费法律咨询。")
    got = facts(ex)
    assert ("鼓楼区总工会职工法律援助工作站", "serves", "家政服务员") in got
    assert ("鼓楼区总工会职工法律援助工作站", "locatedIn", "东街街道") in got


def test_a_site_keeps_its_city_and_lies_in_it() -> None:
    ex = run("台中市总工会9月3日在北屯区台中市劳工育乐中心召开第五届第二次会员代表大会。来自台中市各区的代表出席。")
    got = facts(ex)
    assert ("台中市劳工育乐中心", "locatedIn", "台中市") in got
    assert ("台中市劳工育乐中心", "locatedIn", "北屯区") in got


def test_a_station_opened_at_an_address_lies_there() -> None:
    ex = run("5月6日，“汀江驿站”户外劳动者服务站在长汀县汀州镇兆征路正式启用。")
    got = facts(ex)
    assert ("“汀江驿站”户外劳动者服务站", "locatedIn", "汀州镇") in got
    assert ("“汀江驿站”户外劳动者服务站", "locatedIn", "兆征路") in got


def test_companion_of_a_delegation_takes_part_in_its_event() -> None:
    ex = run("2月3日，漳州市总工会副主席林海涛带领慰问组，在芗城区总工会主席郑秀兰的陪同下，"
             "来到漳州港物流园，开展“春风暖途”慰问活动。")
    got = facts(ex)
    assert ("郑秀兰", "participatesIn", "“春风暖途”慰问活动") in got
    assert ("郑秀兰", "visits", "漳州港物流园") not in got


def test_visit_reaches_a_named_stop_after_an_unnamed_one() -> None:
    ex = run("3月9日，南平市总工会副主席吴建平带领调研组走进南平铝业有限公司。"
             "调研组先后来到公司熔铸车间和“张明华劳模创新工作室”，与职工座谈。")
    got = facts(ex)
    assert ("吴建平", "visits", "“张明华劳模创新工作室”") in got


def test_a_stage_of_a_contest_is_no_event() -> None:
    ex = run("3月2日，“赣江杯”南昌市职工篮球赛在南昌市体育馆开幕。经过三轮淘汰赛，南昌铁路局代表队获得冠军。")
    got = facts(ex)
    assert ("南昌铁路局", "participatesIn", "“赣江杯”南昌市职工篮球赛") in got
    assert not any(o == "淘汰赛" for _, _, o in got)


def test_second_person_elected_joins_the_same_body() -> None:
    ex = run("南宁市快递行业工会联合会近日成立。南宁顺丰速运有限公司工会主席黄志明当选联合会主席，快递员代表韦丽当选兼职副主席。")
    got = facts(ex)
    assert ("韦丽", "holdsPosition", "南宁市快递行业工会联合会") in got
    assert ("韦丽", "holdsPosition", "南宁顺丰速运有限公司工会") not in got


def test_sites_after_zai_are_where_not_who_gives() -> None:
    ex = run("联合会计划在南宁东站、朝阳广场周边建成休息点，为快递员提供饮水服务。")
    got = facts(ex)
    assert ("朝阳广场", "serves", "快递员") not in got


def test_union_named_by_its_kind_zong_gonghui() -> None:
    ex = run("新竹市总工会昨日召开会员代表大会。理事互选中，新竹市电子业产业工会理事长陈志明当选总工会理事长，"
             "新竹市客运业职业工会常务理事林美玲当选常务监事。陈志明表示，总工会将面向快递员提供免费法律咨询。")
    got = facts(ex)
    assert ("陈志明", "holdsPosition", "新竹市总工会") in got
    assert ("林美玲", "holdsPosition", "新竹市总工会") in got
    assert ("新竹市总工会", "serves", "快递员") in got


def test_bodies_whose_site_heads_attend_take_part() -> None:
    ex = run("4月2日，厦门市思明区总工会举行新就业形态劳动者入会仪式。"
             "厦门顺达速运有限公司、厦门飞鸟配送有限公司等5家平台企业站点负责人参加仪式。")
    got = facts(ex)
    assert ("厦门顺达速运有限公司", "participatesIn", "新就业形态劳动者入会仪式") in got
    assert ("厦门飞鸟配送有限公司", "participatesIn", "新就业形态劳动者入会仪式") in got


def test_founding_congress_is_not_hosted_by_the_body_it_founds() -> None:
    founding = run("6月3日，柳州市外卖行业工会联合会第一次会员代表大会在柳州市职工服务中心召开，该联合会正式成立。")
    assert not any(p == "hosts" for _, p, _ in facts(founding))
    ordinary = run("6月3日，柳州市鱼峰区总工会第一次会员代表大会在鱼峰区召开。")
    assert ("柳州市鱼峰区总工会", "hosts", "柳州市鱼峰区总工会第一次会员代表大会") in facts(ordinary)


def test_official_visit_counts_for_a_union_already_visiting() -> None:
    ex = run("连日来，绍兴市越城区总工会组织机关干部深入府山街道、塔山街道，走访困难职工家庭。"
             "3月5日，越城区总工会副主席钱玉芳来到府山街道仓桥社区，看望因病致困的职工。")
    got = facts(ex)
    assert ("钱玉芳", "visits", "仓桥社区") in got
    assert ("绍兴市越城区总工会", "visits", "仓桥社区") in got


def test_official_visit_alone_gives_the_union_nothing() -> None:
    ex = run("3月5日，越城区总工会副主席钱玉芳来到府山街道仓桥社区，看望因病致困的职工。")
    assert ("越城区总工会", "visits", "仓桥社区") not in facts(ex)


def test_a_bodys_choir_team_credits_the_body() -> None:
    ex = run("“红棉之声”广州市海珠区第二届职工合唱比赛在海珠区文化馆举行。海珠区第二人民医院合唱队获得一等奖。")
    got = facts(ex)
    assert ("海珠区第二人民医院", "participatesIn", "“红棉之声”广州市海珠区第二届职工合唱比赛") in got


def test_a_site_at_an_address_with_de_lies_in_each_unit() -> None:
    ex = run("在江城区南河街道的“暖冬小屋”户外劳动者驿站，市总工会副主席李明为环卫工人送上手套。")
    got = facts(ex)
    assert ("“暖冬小屋”户外劳动者驿站", "locatedIn", "江城区") in got
    assert ("“暖冬小屋”户外劳动者驿站", "locatedIn", "南河街道") in got


def test_an_event_held_at_a_located_venue_lies_there() -> None:
    ex = run("11月2日，江城区总工会在位于江城区的南河物流园举办“送法进园区”主题活动。")
    got = facts(ex)
    assert ("“送法进园区”主题活动", "locatedIn", "南河物流园") in got
    assert ("“送法进园区”主题活动", "locatedIn", "江城区") in got


def test_an_event_opens_at_a_venue_after_its_date() -> None:
    ex = run("由江城市总工会主办的“2026江城市职工篮球联赛”，10月4日上午在北区的江城体育馆揭幕。")
    got = facts(ex)
    assert ("“2026江城市职工篮球联赛”", "locatedIn", "江城体育馆") in got
    assert ("江城体育馆", "locatedIn", "北区") in got


def test_the_first_official_listed_before_yixing_leads() -> None:
    ex = run("7月2日，河源市总工会启动“清凉一夏”送清凉活动。市总工会党组书记、主席陈立伟，"
             "副主席罗小燕一行深入龙川县，为环卫工人送去防暑物资。")
    got = facts(ex)
    assert ("陈立伟", "visits", "龙川县") in got
    assert ("罗小燕", "visits", "龙川县") not in got
    assert ("陈立伟", "participatesIn", "“清凉一夏”送清凉活动") in got
    assert ("罗小燕", "participatesIn", "“清凉一夏”送清凉活动") in got


def test_an_official_who_escorts_the_tour_takes_part() -> None:
    ex = run("7月2日，河源市总工会启动“清凉一夏”送清凉活动。市总工会主席陈立伟带队来到东江大厦。"
             "龙川县总工会主席黄志明陪同慰问。")
    assert ("黄志明", "participatesIn", "“清凉一夏”送清凉活动") in facts(ex)


def test_a_second_title_after_a_comma_is_at_the_same_union() -> None:
    ex = run("河源市总工会党组书记、主席陈立伟，副主席罗小燕来到东江大厦。")
    roles = _roles(ex.triples)
    assert roles.get(("罗小燕", "河源市总工会")) == "副主席"


def test_a_site_pointed_back_at_after_its_address_lies_there() -> None:
    ex = run("骑手在江城区总工会职工法律援助工作站领到了欠薪。他们找到了位于江城区南河街道建设路的这家工作站。")
    got = facts(ex)
    assert ("江城区总工会职工法律援助工作站", "locatedIn", "南河街道") in got
    assert ("江城区总工会职工法律援助工作站", "locatedIn", "建设路") in got


def test_teams_meeting_in_a_match_take_part() -> None:
    ex = run("江城市总工会主办的江城市职工篮球联赛开幕。揭幕战由江城市港务工会对阵江城市纺织工会。")
    got = facts(ex)
    assert ("江城市港务工会", "participatesIn", "江城市职工篮球联赛") in got
    assert ("江城市纺织工会", "participatesIn", "江城市职工篮球联赛") in got


def test_a_union_named_by_its_kind_clauses_before_gives() -> None:
    ex = run("江城市总工会举办职工篮球联赛。陈立伟表示，总工会近年结合各类赛事，在场边设置服务点，"
             "为外卖骑手、网约车司机提供免费体检。")
    got = facts(ex)
    assert ("江城市总工会", "serves", "外卖骑手") in got
    assert ("江城市总工会", "serves", "网约车司机") in got


def test_a_sentence_naming_no_giver_goes_on_about_the_last_giver() -> None:
    ex = run("江城市总工会向困难职工发放助学金。今年的助学首次面向快递员、货车司机提供资助。")
    got = facts(ex)
    assert ("江城市总工会", "serves", "快递员") in got
    assert ("江城市总工会", "serves", "货车司机") in got


def test_a_union_pointed_back_at_with_this_is_affiliated() -> None:
    ex = run("江城市江城区总工会召开代表大会。江城区网约车行业工会联合会主席陈立伟发言。"
             "她说，这个行业工会联合会是区总工会所属的行业工会。")
    assert ("江城区网约车行业工会联合会", "subOrganizationOf", "江城市江城区总工会") in facts(ex)


def test_arranging_something_for_a_group_serves_it() -> None:
    ex = run("江城市总工会每年优先为劳模工匠安排专项疗休养。")
    assert ("江城市总工会", "serves", "劳模工匠") in facts(ex)


def test_an_official_at_the_scene_takes_part() -> None:
    ex = run("江城市总工会组织的2026年劳模疗休养活动今天出发。江城市总工会副主席陈立伟到现场为学员送行。")
    assert ("陈立伟", "participatesIn", "2026年劳模疗休养活动") in facts(ex)


def test_a_venue_that_co_organizes_is_a_body() -> None:
    ex = run("由江城市总工会主办、江城市群众艺术馆承办的江城市职工歌咏比赛在江城大剧院举行。")
    assert ("江城市群众艺术馆", "coOrganizes", "江城市职工歌咏比赛") in facts(ex)


def test_a_department_head_named_with_and_holds_his_post() -> None:
    ex = run("江城市总工会主席陈立伟，江城市文化和旅游局局长王志斌观看决赛。")
    assert _roles(ex.triples).get(("王志斌", "江城市文化和旅游局")) == "局长"


def test_a_stop_described_by_its_builder_opens_the_sentence() -> None:
    ex = run("7月2日，河源市总工会党组书记、主席陈立伟带队深入龙川县慰问一线职工。"
             "在河源建工集团有限公司承建的东江花园三期项目，慰问组一行走进工人生活区。")
    got = facts(ex)
    assert ("陈立伟", "visits", "东江花园三期项目") in got
    assert ("河源市总工会", "visits", "东江花园三期项目") in got
    assert ("陈立伟", "visits", "河源建工集团有限公司") not in got


def test_the_leader_talking_with_workers_at_a_site_visits_it() -> None:
    ex = run("7月2日，河源市总工会主席陈立伟带队深入龙川县慰问一线职工。"
             "“东江暖心驿站”户外劳动者服务站位于龙川县老隆镇。陈立伟在“东江暖心驿站”户外劳动者服务站里和环卫工人拉起家常。")
    assert ("陈立伟", "visits", "“东江暖心驿站”户外劳动者服务站") in facts(ex)


def test_a_union_that_goes_into_a_company_to_hold_an_event_hosts_it() -> None:
    ex = run("近日，铜仁市总工会组织律师走进碧江区的梵净山食品有限公司，开展“法律援助进企业”活动。")
    got = facts(ex)
    assert ("铜仁市总工会", "hosts", "“法律援助进企业”活动") in got
    assert ("梵净山食品有限公司", "hosts", "“法律援助进企业”活动") not in got


def test_an_institution_at_an_address_where_an_event_opens_is_its_venue() -> None:
    ex = run("8月22日，2026年遵义市职工职业技能大赛电工决赛在汇川区的遵义职业技术学院开赛。")
    got = facts(ex)
    assert ("2026年遵义市职工职业技能大赛电工决赛", "locatedIn", "遵义职业技术学院") in got
    assert ("遵义职业技术学院", "locatedIn", "汇川区") in got


def test_each_stop_of_a_tour_list_is_visited() -> None:
    ex = run("柳州市总工会党组书记、常务副主席韦春林带领慰问组走访慰问困难职工。"
             "慰问组先后前往柳州钢铁集团有限公司、柳州市环境卫生管理处和城中区潭中街道，为困难职工送去慰问金。")
    got = facts(ex)
    assert ("韦春林", "visits", "柳州市环境卫生管理处") in got
    assert ("柳州市总工会", "visits", "潭中街道") in got


def test_a_speech_in_traditional_characters_is_taking_part() -> None:
    ex = run("嘉義市總工會11月2日在東區的蘭潭風景區舉辦「2026嘉義市勞工健行活動」。嘉義市總工會理事長陳志明致詞。")
    assert ("陳志明", "participatesIn", "「2026嘉義市勞工健行活動」") in facts(ex)


def test_meetings_of_a_body_referred_to_as_relevant_are_no_event() -> None:
    ex = run("2月18日，安阳市总工会召开十届五次全委（扩大）会议。会议传达学习了河南省总工会有关会议精神。"
             "安阳市总工会党组书记、常务副主席赵国强作工作报告。")
    got = facts(ex)
    assert ("赵国强", "participatesIn", "十届五次全委（扩大）会议") in got
    assert not [e for e in ex.entities if e.type == "Event" and "有关" in e.label]


def test_going_to_a_district_to_look_into_work_is_a_visit() -> None:
    ex = run("3月12日，盐城市总工会党组书记、常务副主席徐卫东一行到亭湖区调研新就业形态劳动者入会工作。"
             "调研组先后走访了美团盐城亭湖站点和文峰街道“暖新驿站”。")
    got = facts(ex)
    assert ("徐卫东", "visits", "亭湖区") in got
    assert ("盐城市总工会", "visits", "美团盐城亭湖站点") in got
    assert ("盐城市总工会", "visits", "“暖新驿站”") in got


def test_a_quoted_campaign_title_ending_like_a_site_is_no_site() -> None:
    ex = run("区总工会还将联合市司法局开展“送法进站点”系列活动。")
    assert "“送法进站点”" not in {e.label for e in ex.entities if e.type == "Site"}


def test_a_site_at_a_gate_of_a_located_place_lies_in_it() -> None:
    ex = run("位于龙潭公园北门的“龙潭暖心驿站”面向环卫工人提供热水。")
    assert ("“龙潭暖心驿站”", "locatedIn", "龙潭公园") in facts(ex)


def test_a_site_on_a_floor_of_a_building_gets_no_chain_through_the_floor() -> None:
    ex = run("据了解，位于泉州东海湾商业广场一楼的“海湾暖心驿站”由街道总工会建设。泉州是一座古城。")
    assert ("“海湾暖心驿站”", "locatedIn", "泉州") not in facts(ex)


def test_the_delegation_talking_with_workers_at_a_site_visits_it() -> None:
    ex = run("1月20日，湖南省总工会副主席龙建华带领慰问组来到凤凰县。"
             "慰问组一行在“沱江驿站”与刚结束清扫的保洁员拉家常，送上保暖手套。")
    got = facts(ex)
    assert ("龙建华", "visits", "“沱江驿站”") in got
    assert ("湖南省总工会", "visits", "“沱江驿站”") in got


def test_a_contest_raising_its_curtain_at_a_venue_lies_there() -> None:
    ex = run("8月5日，鄂尔多斯市第五届职工篮球赛在康巴什区体育馆拉开帷幕。")
    assert ("鄂尔多斯市第五届职工篮球赛", "locatedIn", "康巴什区体育馆") in facts(ex)


def test_a_service_provider_noun_serves_no_group() -> None:
    ex = run("首批已有江城畅途出行科技有限公司等14家平台企业和运营服务商的2100余名网约车司机入会。")
    assert not [t for t in ex.triples if t.predicate == "serves"]


def test_a_union_and_its_partner_going_into_a_company_both_visit() -> None:
    ex = run("1月25日，赣州市章贡区总工会联合章贡区人力资源和社会保障局，走进赣州华坚鞋业有限公司开展送岗位活动。")
    got = facts(ex)
    assert ("赣州市章贡区总工会", "visits", "赣州华坚鞋业有限公司") in got
    assert ("章贡区人力资源和社会保障局", "visits", "赣州华坚鞋业有限公司") in got


def test_the_official_escorted_by_a_local_one_leads_the_tour() -> None:
    ex = run("7月9日，宜宾市总工会副主席卢振东带着一车防暑药品，在翠屏区总工会主席温晓梅的陪同下，"
             "先后来到金沙江大桥项目和宜宾临港物流园，开展“送清凉进工地”慰问活动。")
    got = facts(ex)
    assert ("卢振东", "visits", "宜宾临港物流园") in got
    assert ("宜宾市总工会", "visits", "宜宾临港物流园") in got
    assert ("温晓梅", "visits", "宜宾临港物流园") not in got
    assert ("宜宾市总工会", "hosts", "“送清凉进工地”慰问活动") in got
    assert ("温晓梅", "participatesIn", "“送清凉进工地”慰问活动") in got


def test_an_activity_carried_out_after_going_into_a_district_lies_there() -> None:
    ex = run("3月2日，遂宁市总工会副主席沈建平带队走进船山区，开展“春风送岗”招聘活动。")
    assert ("“春风送岗”招聘活动", "locatedIn", "船山区") in facts(ex)


def test_a_union_founded_then_affiliated_in_the_next_clause_is_a_child() -> None:
    ex = run("今年3月，遂宁顺达物流有限公司工会挂牌成立，隶属于船山区交通运输行业工会联合会。")
    assert ("遂宁顺达物流有限公司工会", "subOrganizationOf", "船山区交通运输行业工会联合会") in facts(ex)


def test_a_union_affiliated_to_a_parent_before_its_name_is_a_child() -> None:
    ex = run("目前已有300余名货车司机加入隶属于遂宁市船山区总工会的船山区货运行业工会联合会。")
    assert ("船山区货运行业工会联合会", "subOrganizationOf", "遂宁市船山区总工会") in facts(ex)


def test_a_contest_whose_ground_is_set_at_a_venue_lies_there() -> None:
    ex = run("本届遂宁市职工电工技能大赛由遂宁市总工会主办，比赛场地设在船山区的遂宁职业技术学院实训楼。")
    got = facts(ex)
    assert ("遂宁市职工电工技能大赛", "locatedIn", "遂宁职业技术学院实训楼") in got
    assert ("遂宁市职工电工技能大赛", "locatedIn", "船山区") in got


def test_a_body_a_singer_stands_for_on_stage_takes_part() -> None:
    ex = run("遂宁市第二届职工歌手大赛决赛昨晚举行。来自码头的周海川代表遂宁港务集团有限公司工会登台，"
             "拿下个人组第一名。")
    got = facts(ex)
    assert ("遂宁港务集团有限公司工会", "participatesIn", "遂宁市第二届职工歌手大赛决赛") in got
    assert ("周海川", "participatesIn", "遂宁市第二届职工歌手大赛决赛") in got


def test_a_union_sending_a_team_takes_part() -> None:
    ex = run("遂宁市首届职工龙舟赛在涪江开赛。船山区快递行业工会联合会派出一支由快递员组成的队伍。")
    assert ("船山区快递行业工会联合会", "participatesIn", "遂宁市首届职工龙舟赛") in facts(ex)
    ex = run("遂宁市首届职工龙舟赛在涪江开赛。船山区总工会还组建了一支职工志愿服务队伍。")
    assert ("船山区总工会", "participatesIn", "遂宁市首届职工龙舟赛") not in facts(ex)


def test_a_site_set_up_on_a_street_lies_there() -> None:
    ex = run("“涪江驿站”设在滨江北路，面向环卫工人开放。")
    assert ("“涪江驿站”", "locatedIn", "滨江北路") in facts(ex)


def test_a_union_president_elected_by_votes_and_vice_presidents_chosen_by_the_congress() -> None:
    ex = run("11月5日，眉山东坡酿造有限公司工会召开第二次会员代表大会。最终，周若兰以96票当选公司工会主席，"
             "大会还选举唐明远、冯小禾为工会副主席。")
    roles = _roles(ex.triples)
    assert roles[("周若兰", "眉山东坡酿造有限公司工会")] == "主席"
    assert roles[("唐明远", "眉山东坡酿造有限公司工会")] == "副主席"
    assert roles[("冯小禾", "眉山东坡酿造有限公司工会")] == "副主席"


def test_the_previous_term_of_a_union_is_the_same_union_opening_a_line_for_a_group() -> None:
    ex = run("眉山东坡酿造有限公司工会换届完成。上一届公司工会为夜班工人开通了两条班车线路。")
    assert [e.label for e in ex.entities if e.type == "Union"] == ["眉山东坡酿造有限公司工会"]
    assert ("眉山东坡酿造有限公司工会", "serves", "夜班工人") in facts(ex)


def test_a_clause_naming_the_event_before_its_holder_gives_hosts() -> None:
    ex = run("今年开展“金秋助学”活动，宜宾市叙州区总工会改集中发放为入户送达。")
    assert ("宜宾市叙州区总工会", "hosts", "“金秋助学”活动") in facts(ex)


def test_a_bare_company_before_a_title_is_the_company_just_named() -> None:
    ex = run("在宜宾顺丰网约车服务有限公司，公司总经理何立群介绍了司机入会情况。")
    assert ("何立群", "holdsPosition", "宜宾顺丰网约车服务有限公司") in facts(ex)


def test_a_worker_telling_his_story_at_the_event_takes_part() -> None:
    ex = run("宜宾港务集团有限公司工会举办“书香港城”职工读书分享会。桥吊司机组组长杨振川和工友们围坐在一起，"
             "讲述自己读书练技的故事。")
    assert ("杨振川", "participatesIn", "“书香港城”职工读书分享会") in facts(ex)


def test_the_tour_leader_takes_part_in_the_event_its_union_holds_later() -> None:
    ex = run("8月20日上午，翠屏区总工会主席曾德明带队走进西郊街道，来到困难职工家中送上助学金。"
             "今年开展“金秋助学”活动，宜宾市翠屏区总工会改集中发放为入户送达。")
    assert ("曾德明", "participatesIn", "“金秋助学”活动") in facts(ex)


def test_the_tour_leader_takes_no_part_in_an_event_only_planned() -> None:
    ex = run("4月8日，翠屏区总工会主席曾德明带队走进宜宾丝丽雅集团有限公司开展调研。"
             "曾德明表示，区总工会将于5月启动“匠心翠屏”选树活动。")
    assert ("曾德明", "participatesIn", "“匠心翠屏”选树活动") not in facts(ex)


def test_a_site_newly_built_inside_the_park_lies_in_the_park_named_before() -> None:
    ex = run("8月3日，泸州市总工会来到泸州临港物流园。园区内新建的“川南司机之家”为货车司机提供休息、饮水服务。")
    got = facts(ex)
    park = next(e.label for e in ex.entities if e.label.endswith("临港物流园"))
    assert ("“川南司机之家”", "locatedIn", park) in got
    assert ("“川南司机之家”", "serves", "货车司机") in got
    assert (park, "serves", "货车司机") not in got


def test_playing_a_half_or_handing_out_cups_is_taking_part() -> None:
    ex = run("资阳市总工会举办首届职工篮球赛。资阳市出租汽车驾驶员职业工会副主席曾凡宇也亲自下场打了半场。"
             "资阳市总工会副主席姚书琴为获奖队伍颁发奖杯。")
    got = facts(ex)
    assert ("曾凡宇", "participatesIn", "首届职工篮球赛") in got
    assert ("姚书琴", "participatesIn", "首届职工篮球赛") in got


def test_partners_a_union_joins_for_the_campaign_just_named_co_organize_it() -> None:
    ex = run("这是高坪区总工会“夜行守护”货车司机服务行动的第五十个夜晚。为方便司机，区总工会联合高坪区交通运输局、"
             "南充顺通物流有限公司，把入会登记搬到了夜里。")
    got = facts(ex)
    assert ("高坪区交通运输局", "coOrganizes", "“夜行守护”货车司机服务行动") in got
    assert ("南充顺通物流有限公司", "coOrganizes", "“夜行守护”货车司机服务行动") in got


def test_a_sentence_opening_with_the_campaign_credits_its_holder_with_the_service() -> None:
    ex = run("高坪区总工会今年4月启动“夜行守护”服务行动。行动启动以来，已开展夜间服务46场次，"
             "为货车司机提供免费体检1800余人次。")
    assert ("高坪区总工会", "serves", "货车司机") in facts(ex)


def test_coordinated_titles_at_a_company_share_it_but_a_mayor_is_not_the_partys() -> None:
    ex = run("四川蜀丰药业股份有限公司生产二车间主任高雨桐、质量部主管龚立言进入候选人名单。")
    roles = _roles(ex.triples)
    assert roles[("龚立言", "四川蜀丰药业股份有限公司")] == "质量部主管"
    ex = run("宜宾市委书记王志远、市长李建平出席活动。")
    assert ("李建平", "宜宾市委") not in _roles(ex.triples)


def test_two_people_just_named_speaking_at_the_congress_take_part() -> None:
    ex = run("12月3日，蜀丰药业有限公司工会召开第三次会员代表大会。车间主任高雨桐、质检员龚立言进入候选人名单，"
             "两人在大会上分别作了竞职演讲。")
    got = facts(ex)
    assert ("高雨桐", "participatesIn", "第三次会员代表大会") in got
    assert ("龚立言", "participatesIn", "第三次会员代表大会") in got


def test_a_cover_widened_to_groups_serves_them() -> None:
    ex = run("眉山市总工会为困难职工家庭送去助学金。资助对象在困难职工的基础上，首次扩大到环卫工人、公交车驾驶员等一线职工。")
    got = facts(ex)
    assert ("眉山市总工会", "serves", "环卫工人") in got
    assert ("眉山市总工会", "serves", "一线职工") in got


def test_a_group_brought_into_a_service_is_served_but_not_one_brought_into_the_union() -> None:
    ex = run("这也是眉山市总工会首次将快递员纳入疗休养范围。")
    assert ("眉山市总工会", "serves", "快递员") in facts(ex)
    ex = run("眉山市总工会将快递员纳入工会会员发展重点。")
    assert ("眉山市总工会", "serves", "快递员") not in facts(ex)


def test_a_lawyer_explaining_the_law_at_the_event_takes_part() -> None:
    ex = run("9月12日，翠屏区总工会“安薪行动”普法宣讲进工地活动在南岸街道举行。"
             "四川蜀南律师事务所律师邹明远为工友们讲解劳动合同签订知识。")
    assert ("邹明远", "participatesIn", "“安薪行动”普法宣讲进工地活动") in facts(ex)


def test_an_event_held_at_a_venue_with_the_formal_jia_lies_there() -> None:
    ex = run("由香港飲食業職工會主辦的「廚藝爭鋒」職工廚藝比賽決賽，上周日晚假沙田區源禾路的沙田職工康樂中心舉行。")
    got = facts(ex)
    assert ("「廚藝爭鋒」職工廚藝比賽決賽", "locatedIn", "沙田職工康樂中心") in got
    assert ("「廚藝爭鋒」職工廚藝比賽決賽", "locatedIn", "沙田區") in got


def test_an_event_held_here_lies_at_the_site_named_before() -> None:
    ex = run("“江北骑士驿站”今年5月建成。当天，江北区总工会在这里举办“骑手开放日”集中入会活动。")
    assert ("“骑手开放日”集中入会活动", "locatedIn", "“江北骑士驿站”") in facts(ex)


def test_here_after_a_site_just_visited_makes_the_site_the_giver() -> None:
    ex = run("1月18日，南充市总工会副主席周建国带队来到位于滨江中路的“嘉陵暖心驿站”，这里面向环卫工人、外卖骑手提供休息服务。")
    got = facts(ex)
    assert ("“嘉陵暖心驿站”", "serves", "环卫工人") in got
    assert ("南充市总工会", "serves", "环卫工人") not in got


def test_going_into_the_station_visits_the_last_station_named() -> None:
    ex = run("“江城驿家”户外劳动者服务站位于凤凰街道长江路与滨河路交会处。开放当天，乐山市总工会副主席苏晓雯一行来到站内，"
             "为环卫工人送上清凉饮品。")
    got = facts(ex)
    assert ("苏晓雯", "visits", "“江城驿家”户外劳动者服务站") in got
    assert ("苏晓雯", "visits", "滨河路") not in got


def test_bodies_named_as_the_hosts_and_co_organizers_of_the_event() -> None:
    ex = run("11月2日，第二届职工厨艺大赛在惠州会展中心举行。惠州市总工会与惠州市商务局是本届大赛的主办方，"
             "惠州市餐饮协会负责承办，惠州鹏达食品有限公司提供协办支持。")
    got = facts(ex)
    assert ("惠州市总工会", "hosts", "第二届职工厨艺大赛") in got
    assert ("惠州市商务局", "hosts", "第二届职工厨艺大赛") in got
    assert ("惠州市餐饮协会", "coOrganizes", "第二届职工厨艺大赛") in got
    assert ("惠州鹏达食品有限公司", "coOrganizes", "第二届职工厨艺大赛") in got


def test_greeting_the_congress_on_behalf_of_a_union_makes_both_take_part() -> None:
    ex = run("12月3日，汕头市金平区总工会第四次会员代表大会在金平区会议中心开幕。"
             "汕头市总工会党组书记、副主席许志强代表汕头市总工会向大会致贺词。")
    got = facts(ex)
    assert ("许志强", "participatesIn", "汕头市金平区总工会第四次会员代表大会") in got
    assert ("汕头市总工会", "participatesIn", "汕头市金平区总工会第四次会员代表大会") in got


def test_a_tour_that_opens_a_campaign_holds_it_and_its_escort_takes_part() -> None:
    ex = run("1月20日，遵义市总工会党组书记、常务副主席李光明一行深入汇川区，走访困难职工家庭和环卫企业，"
             "拉开了2026年“情暖黔北”春节送温暖活动的序幕。汇川区总工会主席王丽陪同走访。")
    got = facts(ex)
    assert ("遵义市总工会", "hosts", "2026年“情暖黔北”春节送温暖活动") in got
    assert ("李光明", "participatesIn", "2026年“情暖黔北”春节送温暖活动") in got
    assert ("王丽", "participatesIn", "2026年“情暖黔北”春节送温暖活动") in got


def test_a_home_visited_on_the_tour_gives_a_visit_to_its_street() -> None:
    ex = run("当天，遵义市总工会党组书记、常务副主席李光明一行深入汇川区，走访困难职工家庭。"
             "在位于上海路街道的陈秀兰家中，李光明详细询问了孩子上学情况。")
    got = facts(ex)
    assert ("李光明", "visits", "上海路街道") in got
    assert ("遵义市总工会", "visits", "上海路街道") in got


def test_the_issue_of_a_series_is_no_part_of_the_event_name() -> None:
    ex = run("当天，北海市总工会在职工书屋举办了首期“工地夜读”活动，北海市总工会主席陈立新参加了活动。")
    got = facts(ex)
    assert ("北海市总工会", "hosts", "“工地夜读”活动") in got
    assert ("陈立新", "participatesIn", "“工地夜读”活动") in got


def test_bodies_whose_teams_win_prizes_take_part() -> None:
    ex = run("9月26日晚，三明市总工会举办的“沙溪放歌”职工合唱比赛决赛在三明大剧院举行。"
             "最终，三明钢铁有限公司、三明市第一医院和三明市实验中学的参赛队伍分获金奖、银奖和铜奖。")
    got = facts(ex)
    for body in ("三明钢铁有限公司", "三明市第一医院", "三明市实验中学"):
        assert (body, "participatesIn", "“沙溪放歌”职工合唱比赛决赛") in got


def test_appointed_with_ren_after_the_vote_holds_the_post() -> None:
    ex = run("韶关市武江区总工会召开会员代表大会。经新一届委员投票，陈建华任区总工会主席，李文、赵敏任副主席。")
    roles = _roles(ex.triples)
    assert roles[("陈建华", "韶关市武江区总工会")] == "主席"
    assert roles[("赵敏", "韶关市武江区总工会")] == "副主席"


def test_ren_a_title_with_no_body_named_gives_no_post() -> None:
    ex = run("韶关市总工会成立调研组，由张强任组长。")
    assert not any(t.subject == "张强" for t in ex.triples if t.predicate == "holdsPosition")


def test_a_list_of_sectors_before_a_group_still_serves_it() -> None:
    ex = run("今年夏季城厢区总工会计划投入防暑降温慰问资金40万元，惠及建筑、环卫、快递等行业户外劳动者8000余人。")
    assert ("城厢区总工会", "serves", "户外劳动者") in facts(ex)


def test_department_joining_two_fields_with_he_co_organizes() -> None:
    ex = run("9月26日晚，由龙岩市总工会联合龙岩市文化体育和旅游局举办的“红土放歌”职工歌咏比赛在龙岩大剧院举行。")
    assert ("龙岩市文化体育和旅游局", "coOrganizes", "“红土放歌”职工歌咏比赛") in facts(ex)


def test_a_site_at_a_crossing_lies_on_both_streets_and_each_street_in_the_district() -> None:
    ex = run("位于鼓浪街道海景路与文昌路交叉口的“暖心驿站”海景站今天投用，面向环卫工人提供免费服务。")
    got = facts(ex)
    for street in ("海景路", "文昌路"):
        assert ("“暖心驿站”海景站", "locatedIn", street) in got
        assert (street, "locatedIn", "鼓浪街道") in got
    assert ("文昌路", "locatedIn", "海景路") not in got
    assert ("“暖心驿站”海景站", "serves", "环卫工人") in got


def test_a_site_said_to_lie_at_a_crossing_lies_on_both_streets() -> None:
    ex = run("“椰风驿站”位于海景路与文昌路交叉口，由某区总工会投资建设。")
    got = facts(ex)
    assert ("“椰风驿站”", "locatedIn", "海景路") in got
    assert ("“椰风驿站”", "locatedIn", "文昌路") in got


def test_a_city_venue_with_li_is_one_site_and_the_games_open_there() -> None:
    ex = run("桃园市总工会主办的第十届劳工运动会，10月5日在桃园市立体育场热闹登场。")
    assert ("第十届劳工运动会", "locatedIn", "桃园市立体育场") in facts(ex)


def test_unions_whose_teams_win_take_part_and_the_sport_team_is_no_body() -> None:
    ex = run("桃园市总工会主办的第十届劳工运动会在桃园市立体育场举行。今年新增拔河、接力等趣味竞赛。"
             "华光电子公司企业工会派出的拔河队以三战全胜夺冠，桃园客运产业工会则在大队接力中称霸。")
    got = facts(ex)
    assert ("华光电子公司企业工会", "participatesIn", "第十届劳工运动会") in got
    assert ("桃园客运产业工会", "participatesIn", "第十届劳工运动会") in got
    types = entity_types(ex)
    assert "拔河队" not in types
    assert "趣味竞赛" not in types


def test_a_winner_named_with_a_person_credits_the_person_not_the_company() -> None:
    ex = run("第三届焊工技能大赛在某市职工技能实训中心进行。经过两天角逐，长兴精工有限公司的刘振华以94分夺冠。")
    assert ("长兴精工有限公司", "participatesIn", "第三届焊工技能大赛") not in facts(ex)


def test_a_person_acting_in_a_later_clause_gives_not_the_body_before() -> None:
    ex = run("当天，钦北区总工会在职工书屋举办了“工地夜读”活动，项目总工程师黄立新结合工程实例，为到场的30多名钢筋工讲解了读图方法。")
    assert ("钦北区总工会", "serves", "钢筋工") not in facts(ex)


def test_an_official_of_the_union_acting_in_a_later_clause_still_gives_for_it() -> None:
    ex = run("当天，钦北区总工会在职工书屋举办了“工地夜读”活动，钦北区总工会主席黄立新为到场的钢筋工送上书籍。")
    assert ("钦北区总工会", "serves", "钢筋工") in facts(ex)


def test_an_event_that_only_dates_the_tour_is_not_held_by_the_tour_union() -> None:
    ex = run("7月10日，榆阳区总工会“清凉行”关爱户外劳动者活动在鼓楼街道启动。"
             "启动“清凉行”关爱户外劳动者活动结束后，榆林市总工会副主席贺文平一行走进“暖心驿站”鼓楼站。")
    got = facts(ex)
    assert ("榆林市总工会", "hosts", "“清凉行”关爱户外劳动者活动") not in got
    assert ("贺文平", "visits", "“暖心驿站”鼓楼站") in got


def test_a_lawyer_helping_on_the_spot_takes_part_in_the_event() -> None:
    ex = run("12月6日，崇仁区总工会在云顶滑雪度假区举办“法律援助进雪场”专场活动。"
             "河北正言律师事务所律师陈晓红当场帮他梳理了转账记录。")
    assert ("陈晓红", "participatesIn", "“法律援助进雪场”专场活动") in facts(ex)


def test_a_reporter_after_an_outlet_lac_cut_in_two_holds_a_post_there() -> None:
    ex = run("潇湘职工报记者 彭一鸣 通讯员 曾若兰\n9月12日，株洲市总工会举办劳模创新交流会。",
             title="株洲劳模创新交流会举行", authors=["彭一鸣", "曾若兰"])
    assert ("彭一鸣", "holdsPosition", "潇湘职工报") in facts(ex)


def test_a_site_set_up_at_a_village_lies_there_and_this_service_point_gives() -> None:
    ex = run("今年，福安市总工会将在南屿村设立“渔港职工之家”，这个服务点将为养殖工人提供热水和休息服务。")
    got = facts(ex)
    assert ("“渔港职工之家”", "locatedIn", "南屿村") in got
    assert ("“渔港职工之家”", "serves", "养殖工人") in got


def test_the_port_area_is_the_logistics_port_named_before() -> None:
    ex = run("九江市总工会在庐山国际物流港举办货车司机入会活动。港区内的“司机之家”为货车司机提供免费淋浴服务。")
    assert ("“司机之家”", "locatedIn", "庐山国际物流港") in facts(ex)


def test_tour_stops_a_work_scene_a_town_and_its_village_and_a_named_station() -> None:
    ex = run("8月2日，睢阳区总工会副主席邵文杰一行先后深入滨河路改造项目施工现场、李口镇东刘庄村和"
             "睢阳区滨湖公园骑手服务站，为建筑工人送去绿豆汤。")
    got = facts(ex)
    for stop in ("滨河路改造项目", "李口镇", "东刘庄村"):
        assert ("邵文杰", "visits", stop) in got
    station = next(s for _, p, s in got if p == "visits" and s.endswith("骑手服务站"))
    assert ("邵文杰", "visits", "睢阳区") not in got   # the district only opens the station's name
    assert ("东刘庄村", "locatedIn", "李口镇") in got
    assert station.endswith("滨湖公园骑手服务站")


def test_a_station_at_a_crossing_lies_on_both_roads() -> None:
    ex = run("位于长江大道与淮河路交叉口的睢阳区滨湖公园户外劳动者服务站已经投用，每天为环卫工人、快递员提供饮水服务。")
    got = facts(ex)
    station = next(e for e, t in entity_types(ex).items() if t == "Site" and e.endswith("服务站"))
    assert (station, "locatedIn", "长江大道") in got
    assert (station, "locatedIn", "淮河路") in got
    assert (station, "serves", "快递员") in got


def test_a_branch_station_named_again_as_fen_zhan_gives_and_is_visited() -> None:
    ex = run("由临江区总工会设立的万通物流园职工法律援助分站今天启用。分站位于城北街道万通物流园内，"
             "面向货车司机、仓储管理员等物流从业人员提供法律咨询。"
             "下午，安平市总工会副主席韩立群一行来到分站，为货车司机送上维权手册。")
    got = facts(ex)
    station = "万通物流园职工法律援助分站"
    assert (station, "locatedIn", "万通物流园") in got
    assert (station, "serves", "仓储管理员") in got
    assert ("韩立群", "visits", station) in got
    assert ("临江区总工会", "serves", "货车司机") not in got


def test_the_nurse_who_took_part_is_the_participant_not_her_hospital() -> None:
    ex = run("此次“清风暖心”女职工疗休养活动由北林区总工会主办、北林区妇幼保健院协办。"
             "“这几天身心都放松了。”参加疗休养的北林区人民医院护士长钟雪梅说。")
    got = facts(ex)
    event = "“清风暖心”女职工疗休养活动"
    assert ("北林区妇幼保健院", "coOrganizes", event) in got
    assert ("钟雪梅", "participatesIn", event) in got
    assert ("北林区人民医院", "participatesIn", event) not in got


def test_a_tour_gift_for_a_named_group_leaves_out_the_group_only_met() -> None:
    ex = run("上午，曲靖市总工会副主席杜明川一行来到“畅行司机之家”，与正在休息的网约车司机聊天，"
             "并为货车司机送上凉茶和毛巾。")
    got = facts(ex)
    assert ("曲靖市总工会", "serves", "货车司机") in got
    assert ("曲靖市总工会", "serves", "网约车司机") not in got


def test_a_union_that_will_deepen_care_for_a_group_serves_it() -> None:
    ex = run("新当选的主席罗清扬表示，铜陵市义安区总工会将持续深化困难职工帮扶，做好一线职工关爱工作。")
    got = facts(ex)
    assert ("铜陵市义安区总工会", "serves", "困难职工") in got
    assert ("铜陵市义安区总工会", "serves", "一线职工") in got


def test_a_worker_who_recites_at_the_event_takes_part() -> None:
    ex = run("5月6日，红旗区总工会举办“书香红旗”职工读书分享会。纺织厂女工孟晓岚朗诵了自己写的散文。")
    assert ("孟晓岚", "participatesIn", "“书香红旗”职工读书分享会") in facts(ex)


def test_a_trip_whose_event_is_named_in_the_next_sentence_places_that_event() -> None:
    ex = run("6月3日，40名一线女职工前往宁安市镜泊湖景区开展为期三天的疗休养。"
             "此次“清风暖心”女职工疗休养活动由东安区总工会主办。")
    got = facts(ex)
    event = "“清风暖心”女职工疗休养活动"
    assert (event, "locatedIn", "镜泊湖景区") in got
    assert (event, "locatedIn", "宁安市") in got
