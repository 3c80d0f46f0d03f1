"""Entity recognition and resolution inside one article, on short invented texts."""

from __future__ import annotations

from extract_helpers import entity_types, facts, run


def _entity(ex, label):  # type: ignore[no-untyped-def]
    found = ex.entity(label)
    assert found is not None, f"{label} not among {[e.label for e in ex.entities]}"
    return found


def test_level_anaphor_points_to_full_union() -> None:
    ex = run("惠州市惠城区总工会开展职工技能比武。该区总工会表示，区总工会将继续做好服务。")
    union = _entity(ex, "惠州市惠城区总工会")
    assert {"该区总工会", "区总工会"} <= set(union.aliases)
    assert "区总工会" not in entity_types(ex)


def test_introduced_abbreviation_is_alias_of_full_name() -> None:
    ex = run("珠海市交通建设投资有限责任公司近日为职工建成书屋。珠海交投公司表示将持续投入。")
    company = [e for e in ex.entities if e.type == "Organization"]
    assert company and company[0].label == "珠海市交通建设投资有限责任公司"
    assert "珠海交投公司" in company[0].aliases


def test_coordinated_unions_are_split() -> None:
    ex = run("近日，湛江市、赤坎区总工会联合开展送温暖活动。")
    types = entity_types(ex)
    assert types.get("湛江市总工会") == "Union"
    assert types.get("赤坎区总工会") == "Union"


def test_bare_site_head_refers_to_named_site() -> None:
    ex = run("“青柠驿家”骑手公寓今年投用。公寓提供床位60个。")
    site = _entity(ex, "“青柠驿家”骑手公寓")
    assert site.type == "Site"
    assert "公寓" in site.aliases


def test_worker_group_back_reference_is_alias() -> None:
    ex = run("12名京东快递员参加活动。快递员们纷纷点赞。")
    group = _entity(ex, "京东快递员")
    assert group.type == "WorkerGroup"
    assert "快递员们" in group.aliases


def test_song_titles_are_no_entities() -> None:
    ex = run("选手演唱了《在希望的田野上》和《江门之歌》。")
    assert not any("田野" in e.label or "江门" in e.label for e in ex.entities)


def test_reprint_source_is_organization_with_quoted_mention() -> None:
    ex = run("某县总工会开展活动。\n转自《南方工运网》", reprint_source="南方工运网")
    source = _entity(ex, "南方工运网")
    assert source.type == "Organization"
    assert "《南方工运网》" in source.aliases
    assert not [t for t in ex.triples if t.predicate == "author"]


def test_traditional_text_keeps_original_labels() -> None:
    text = "臺南市總工會理事長陳志明出席活動。"
    from kg.extract import extract
    from kg.model import Article
    article = Article(text=text, source="t.txt", analysis_text="台南市总工会理事长陈志明出席活动。")
    ex = next(iter(extract([article])))
    assert entity_types(ex).get("臺南市總工會") == "Union"
    roles = {(t.subject, t.object): t.role for t in ex.triples if t.predicate == "holdsPosition"}
    assert roles.get(("陳志明", "臺南市總工會")) == "理事長"


def test_bracketed_short_form_is_alias_everywhere() -> None:
    ex = run("韶关市武江区总工会（以下简称“武江区总工会”）近日开展慰问。武江区总工会副主席李明带队来到西河镇。")
    union = _entity(ex, "韶关市武江区总工会")
    assert "武江区总工会" in union.aliases
    roles = {(t.subject, t.object) for t in ex.triples if t.predicate == "holdsPosition"}
    assert ("李明", "韶关市武江区总工会") in roles


def test_quoted_name_with_site_head_is_a_site() -> None:
    ex = run("“梅江骑手之家”位于江南街道，面向外卖骑手提供休息服务。")
    assert entity_types(ex).get("“梅江骑手之家”") == "Site"


def test_union_department_is_a_union() -> None:
    ex = run("揭阳市总工会权益保障部部长郑志坚介绍了有关情况。")
    assert entity_types(ex).get("揭阳市总工会权益保障部") == "Union"


def test_site_named_only_by_kind_keeps_its_place() -> None:
    ex = run("招聘会在潮南区职工服务中心举行。")
    assert entity_types(ex).get("潮南区职工服务中心") == "Site"


def test_verb_is_no_group_qualifier() -> None:
    ex = run("工会要把这项工作作为服务职工的实事抓好。")
    assert all(e.type != "WorkerGroup" for e in ex.entities)


def test_shorter_name_missing_a_level_is_another_union() -> None:
    ex = run("梅州市梅江区总工会举办活动，梅州市总工会副主席李强出席。")
    types = entity_types(ex)
    assert types.get("梅州市梅江区总工会") == "Union"
    assert types.get("梅州市总工会") == "Union"


def test_quoted_place_word_names_a_facility() -> None:
    ex = run("慰问组来到元龙街道“梅城骑士港湾”，看望外卖骑手。")
    assert entity_types(ex).get("“梅城骑士港湾”") == "Site"


def test_company_name_may_describe_its_trade() -> None:
    ex = run("韶关迅达即时配送有限公司工会成立。韶关迅达即时配送有限公司负责人表示支持。")
    assert entity_types(ex).get("韶关迅达即时配送有限公司") == "Organization"


def test_no_name_longer_than_a_real_one() -> None:
    ex = run("工会" * 300)
    assert all(len(e.label) <= 72 for e in ex.entities)


def test_name_cut_in_two_by_the_tagger_is_one_person() -> None:
    ex = run("自治区总工会副主席宝音德力格尔出席活动。")  # the tagger reads 宝音德|力格尔
    assert [e.label for e in ex.entities if e.type == "Person"] == ["宝音德力格尔"]


def test_quoted_event_title_is_no_site() -> None:
    ex = run("河源市总工会举办“劳模工匠进校园”活动。")
    types = entity_types(ex)
    assert types.get("“劳模工匠进校园”活动") == "Event"
    assert "“劳模工匠进校园”" not in types


def test_kind_words_alone_name_no_event_or_union() -> None:
    ex = run("首场比赛在上午举行，新一届工会委员会随后召开会议。")
    assert not any(e.type in ("Event", "Union") for e in ex.entities)


def test_festival_opens_an_event_name() -> None:
    ex = run("1月15日，云浮市总工会开展春节送温暖活动。")
    assert entity_types(ex).get("春节送温暖活动") == "Event"


def test_ceremony_with_the_title_of_an_activity_is_that_activity() -> None:
    ex = run("8月20日，韶关市总工会在韶关市工人文化宫举行“助学圆梦”助学金发放仪式。"
             "今年的“助学圆梦”活动由韶关市总工会联合韶关农村商业银行股份有限公司开展。")
    events = [e.label for e in ex.entities if e.type == "Event"]
    assert events == ["“助学圆梦”活动"]


def test_routine_training_is_no_event_but_a_quoted_one_is() -> None:
    ex = run("市总工会定期开展技能培训。今年将开展“技能直通车”培训。")
    events = [e.label for e in ex.entities if e.type == "Event"]
    assert events == ["“技能直通车”培训"]


def test_title_glued_to_a_name_is_split_before_a_family_name() -> None:
    from kg.extract.lexicon import load_lexicon
    from kg.extract.recognize import Recognizer

    rec = Recognizer(load_lexicon())
    assert rec._title_then_name("副主席林晓梅") == "副主席"
    assert rec._title_then_name("会长单位") is None
    assert rec._title_then_name("主任委员") is None


def test_a_meeting_room_is_a_site_and_attending_a_meeting_names_no_event() -> None:
    ex = run("茂名市总工会在茂名市会议中心召开第九次代表大会。茂名市委副书记林海出席会议。")
    types = entity_types(ex)
    assert types.get("茂名市会议中心") == "Site"
    assert "出席会议" not in types


def test_unions_under_the_city_as_a_class_are_no_entity() -> None:
    ex = run("市直产业工会负责人参加会议。")
    assert "市直产业工会" not in entity_types(ex)


def test_names_lac_cuts_in_two_are_joined() -> None:
    from kg.extract.lexicon import load_lexicon
    from kg.extract.recognize import Recognizer

    rec = Recognizer(load_lexicon())
    text = "由某市科技和工业局主办"
    words = [(0, 1, "p"), (1, 6, "ORG"), (6, 9, "vn"), (9, 11, "v")]  # 某市科技和 | 工业局
    assert rec._join_cut_names(text, words)[1] == (1, 9, "ORG")
    text = "前往那大镇"
    words = [(0, 2, "v"), (2, 3, "r"), (3, 5, "LOC")]
    assert rec._join_cut_names(text, words)[1] == (2, 5, "LOC")
    text = "来到海珠区江南中街道"
    words = [(0, 2, "v"), (2, 5, "LOC"), (5, 7, "LOC"), (7, 10, "LOC")]  # 海珠区 | 江南 | 中街道
    assert rec._join_cut_names(text, words)[2] == (5, 10, "LOC")


def test_a_name_that_swallowed_a_preposition_is_split() -> None:
    ex = run("应邀参加活动的阳江市人民医院、阳江南海律师事务所在现场设立服务台。")
    assert entity_types(ex).get("阳江南海律师事务所") == "Organization"


def test_migrant_workers_alone_are_a_group() -> None:
    ex = run("潮州市总工会为困难职工、农民工送去慰问金。")
    assert entity_types(ex).get("农民工") == "WorkerGroup"
    assert ("潮州市总工会", "serves", "农民工") in {(t.subject, t.predicate, t.object) for t in ex.triples}


def test_group_before_its_delegates_is_listed() -> None:
    ex = run("本届代表中，一线职工代表占比超过六成。")
    assert entity_types(ex).get("一线职工") == "WorkerGroup"


def test_facing_is_not_part_of_a_group_name() -> None:
    ex = run("市总工会面向一线职工、新就业形态劳动者开放职工书屋。")
    types = entity_types(ex)
    assert types.get("一线职工") == "WorkerGroup"
    assert types.get("新就业形态劳动者") == "WorkerGroup"
    assert not any(label.startswith("市总工会面向") for label in types)


def test_occupations_are_groups() -> None:
    ex = run("韶关市总工会为景区导游、酒店厨师和渔船船员送上清凉物资。")
    types = entity_types(ex)
    for group in ("景区导游", "酒店厨师", "渔船船员"):
        assert types.get(group) == "WorkerGroup", group


def test_a_group_word_before_one_persons_name_is_no_group() -> None:
    ex = run("在东风路，清扫工人王桂兰正在扫雪。")
    assert "清扫工人" not in entity_types(ex)


def test_company_followed_by_union_word_is_the_companys_union() -> None:
    from kg.extract.lexicon import load_lexicon
    from kg.extract.recognize import Candidate, Recognizer

    rec = Recognizer(load_lexicon())
    text = "某某配送有限公司工会主席"
    company = Candidate(0, 8, "Organization", head="有限公司")
    union = rec._company_unions(text, [company])[0]
    assert (union.type, text[union.start:union.end]) == ("Union", "某某配送有限公司工会")


def test_a_first_contest_keeps_its_place_and_ordinal() -> None:
    ex = run("10月20日，由河源市总工会主办的河源市首届快递员技能大赛在河源职业技术学院开赛。")
    types = entity_types(ex)
    assert types.get("河源市首届快递员技能大赛") == "Event"
    assert types.get("河源职业技术学院") == "Site"


def test_a_name_recurring_where_the_tagger_missed_it_is_the_same_person() -> None:
    from kg.extract.lexicon import load_lexicon
    from kg.extract.resolve import Resolved, Resolver

    text = "陈海新带队。陈海新详细了解情况。"
    found = Resolver(load_lexicon())._repeated_names(text, [Resolved(0, 3, "Person", "陈海新"),
                                                           Resolved(6, 8, "Person", "陈海")])
    assert [(r.start, r.end, r.label) for r in found] == [(0, 3, "陈海新"), (6, 9, "陈海新")]


def test_a_third_name_character_read_apart_before_a_cue_is_joined() -> None:
    from kg.extract.lexicon import load_lexicon
    from kg.extract.recognize import Recognizer

    rec = Recognizer(load_lexicon())
    text = "副主席陈海新带队"
    words = [(0, 3, "n"), (3, 5, "PER"), (5, 6, "a"), (6, 8, "v")]
    assert (3, 6, "PER") in rec._join_cut_names(text, words)


def test_a_district_tagged_as_organisation_before_a_named_site_is_apart() -> None:
    from kg.extract.lexicon import load_lexicon
    from kg.extract.recognize import Recognizer

    rec = Recognizer(load_lexicon())
    text = "在金湾新区大港港区职工文化中心召开"
    words = [(0, 1, "p"), (1, 5, "ORG"), (5, 15, "ORG"), (15, 17, "v")]
    found = {(text[c.start:c.end], c.type) for c in rec.candidates(text, rec.refine(text, words))}
    assert ("金湾新区", "Place") in found
    assert ("大港港区职工文化中心", "Site") in found


def test_a_term_of_a_committee_and_generic_activities_are_no_entities() -> None:
    ex = run("大会选举产生第二届委员会。今年市总工会还将开展读书活动和车间演出。")
    types = entity_types(ex)
    for label in ("第二届委员会", "读书活动", "车间演出"):
        assert label not in types, label


def test_a_site_named_only_by_kind_words_keeps_its_city() -> None:
    from kg.extract.lexicon import load_lexicon
    from kg.extract.recognize import Recognizer

    rec = Recognizer(load_lexicon())
    text = "在茂名市体育中心体育馆开赛"
    words = rec.refine(text, [(0, 1, "p"), (1, 11, "LOC"), (11, 13, "v")])
    assert (1, 11, "LOC") in words  # not 茂名市 | 体育中心体育馆
    text = "在信宜镇东坑村举办"
    words = rec.refine(text, [(0, 1, "p"), (1, 7, "LOC"), (7, 9, "v")])
    assert (1, 4, "LOC") in words and (4, 7, "LOC") in words  # 信宜镇 | 东坑村


def test_a_name_cut_inside_a_place_named_whole_elsewhere_is_mended() -> None:
    from kg.extract.lexicon import load_lexicon
    from kg.extract.recognize import Candidate, Recognizer

    rec = Recognizer(load_lexicon())
    text = "位于定王台街道。定王台街道总工会成立。"
    place = Candidate(2, 7, "Place", head="街道")
    union = Candidate(9, 16, "Union", head="总工会")  # 王台街道总工会, the tagger cut 定 off
    mended = rec._places_made_whole(text, [place, union])[1]
    assert text[mended.start:mended.end] == "定王台街道总工会"


def test_a_quoted_home_for_drivers_is_one_site() -> None:
    ex = run("市总工会慰问组先后来到南港物流园、“汴水驿家”货车司机之家和开封顺达快运有限公司。")
    assert entity_types(ex).get("“汴水驿家”货车司机之家") == "Site"


def test_an_event_name_opens_with_its_year_and_festivals() -> None:
    ex = run("2027年1月6日，宜宾市总工会启动2027年元旦春节送温暖活动。")
    assert entity_types(ex).get("2027年元旦春节送温暖活动") == "Event"


def test_a_municipal_venue_keeps_its_city() -> None:
    ex = run("比赛10月2日在北区的新竹市立北区体育馆揭幕。")
    assert entity_types(ex).get("新竹市立北区体育馆") == "Site"


def test_a_department_named_with_and_is_one_body() -> None:
    ex = run("比赛由绵阳市总工会与绵阳市文化和旅游局联合主办。")
    assert entity_types(ex).get("绵阳市文化和旅游局") == "Organization"


def test_attending_the_meeting_names_no_event() -> None:
    ex = run("区总工会第五次代表大会在区会堂召开。120名代表肩负全区职工的重托出席会议。")
    assert not [e.label for e in ex.entities if e.type == "Event" and "出席" in e.label]


def test_a_group_after_facing_keeps_its_whole_name() -> None:
    ex = run("市总工会今年首次面向网约车司机、快递员开放疗休养报名。")
    assert entity_types(ex).get("网约车司机") == "WorkerGroup"


def test_a_unions_sanatorium_is_one_site() -> None:
    ex = run("本期活动安排在大连市的辽宁省总工会金石滩职工疗养院举行。")
    assert entity_types(ex).get("辽宁省总工会金石滩职工疗养院") == "Site"


def test_a_rarer_family_name_after_a_list_is_kept_whole() -> None:
    ex = run("经过角逐，储晓东、巢立新分获第二、三名。")
    assert {"储晓东", "巢立新"} <= {e.label for e in ex.entities if e.type == "Person"}


def test_a_city_council_is_a_body() -> None:
    ex = run("江城市议会议员陈立伟到场致辞。")
    assert entity_types(ex).get("江城市议会") == "Organization"


def test_many_is_no_qualifier_of_a_group() -> None:
    ex = run("很多劳工下了班就去球场。")
    assert "很多劳工" not in entity_types(ex)


def test_a_family_name_read_apart_before_a_given_name_is_joined() -> None:
    ex = run("经过两天角逐，芮子谦摘得第一名，储佳敏、巢文斌分获第二、三名。")
    people = {e.label for e in ex.entities if e.type == "Person"}
    assert "储佳敏" in people and "佳敏" not in people


def test_a_guild_is_a_body() -> None:
    ex = run("嘉義市醫師公會派出醫護人員在現場提供服務。")
    assert entity_types(ex).get("嘉義市醫師公會") == "Organization"


def test_a_drill_contest_is_an_event() -> None:
    ex = run("9月18日，潍坊市首届快递员职业技能比武在奎文区开赛。")
    assert entity_types(ex).get("潍坊市首届快递员职业技能比武") == "Event"


def test_an_activity_centre_after_located_is_no_event() -> None:
    ex = run("近日，衢州市总工会为“元立书香”职工书屋授牌。书屋位于公司职工活动中心二楼，面向一线职工全天开放。")
    assert not [e.label for e in ex.entities if e.type == "Event" and "位于" in e.label]
    assert ("“元立书香”职工书屋", "serves", "一线职工") in {(t.subject, t.predicate, t.object) for t in ex.triples}


def test_a_group_head_cut_over_three_words_is_one_group() -> None:
    ex = run("现场为200余名快递员、外卖骑手、网约车司机办理入会手续。")
    assert entity_types(ex).get("网约车司机") == "WorkerGroup"
    assert "车司机" not in entity_types(ex)


def test_the_staff_of_a_named_body_are_no_group() -> None:
    ex = run("活动现场，章贡区人力资源和社会保障局工作人员为前来咨询的农民工讲解政策。")
    types = entity_types(ex)
    assert "章贡区人力资源和社会保障局工作人员" not in types
    assert types.get("农民工") == "WorkerGroup"


def test_a_site_named_whole_once_is_the_same_site_where_its_name_recurs() -> None:
    ex = run("6月3日，泸州市总工会组织的“康养行”职工疗休养活动在位于叙永县的丹山职工疗休养基地举行。"
             "5日，泸州市总工会副主席罗建川来到丹山职工疗休养基地看望学员。")
    assert ("罗建川", "visits", "丹山职工疗休养基地") in facts(ex)
    assert [e.label for e in ex.entities if e.type == "WorkerGroup"] == []


def test_a_bare_ceremony_is_part_of_the_articles_event() -> None:
    ex = run("泸州市总工会举办“匠心筑梦”青年职工培训班。6日，泸州市总工会副主席罗建川出席结业仪式。")
    assert "结业仪式" not in entity_types(ex)
    assert ("罗建川", "participatesIn", "“匠心筑梦”青年职工培训班") in facts(ex)


def test_a_beach_is_a_site_and_a_street_keeps_no_segment() -> None:
    ex = run("泸州市首届职工沙滩运动会在张坝沙滩开赛。张坝沙滩位于江阳区滨江路南段。")
    types = entity_types(ex)
    assert types.get("张坝沙滩") == "Site"
    assert types.get("滨江路") == "Site"
    assert "泸州市首届职工沙滩" not in types
    got = facts(ex)
    assert ("泸州市首届职工沙滩运动会", "locatedIn", "张坝沙滩") in got
    assert ("张坝沙滩", "locatedIn", "滨江路") in got


def test_lifeguards_and_machine_operators_are_groups() -> None:
    ex = run("区总工会为沙滩周边的救生员和一线操作工送去防暑用品。")
    types = entity_types(ex)
    assert types.get("救生员") == "WorkerGroup"
    assert types.get("一线操作工") == "WorkerGroup"


def test_a_technical_director_holds_a_post_at_the_company() -> None:
    ex = run("泸州长江汽车服务有限公司技术总监杨云帆获得第一名。")
    assert ("杨云帆", "holdsPosition", "泸州长江汽车服务有限公司") in facts(ex)


def test_a_campaign_named_for_where_it_goes_keeps_the_verb() -> None:
    ex = run("10月8日上午，“安薪行动”送法进工地活动在城郊街道举行。")
    assert entity_types(ex).get("“安薪行动”送法进工地活动") == "Event"


def test_a_union_before_a_quoted_campaign_holds_it_and_is_no_part_of_its_name() -> None:
    ex = run("这是绵阳市游仙区总工会“暖冬行”环卫工人关爱行动的第三个夜晚。")
    assert entity_types(ex).get("“暖冬行”环卫工人关爱行动") == "Event"
    assert ("绵阳市游仙区总工会", "hosts", "“暖冬行”环卫工人关爱行动") in facts(ex)


def test_the_games_of_the_whole_city_as_a_kind_are_no_event() -> None:
    ex = run("绵阳市第二届职工篮球赛在市体育馆开赛。这是快递员第一次站上全市职工运动会的赛场。"
             "绵阳市总工会副主席程立新和参赛职工一起上场。")
    assert "全市职工运动会" not in entity_types(ex)
    assert ("程立新", "participatesIn", "绵阳市第二届职工篮球赛") in facts(ex)


def test_a_city_bureau_shortened_after_its_level_is_the_same_bureau() -> None:
    ex = run("本次大赛由乐山市总工会联合乐山市人力资源和社会保障局举办。市人社局副局长邓可馨为获奖选手颁奖。")
    assert "市人社局" in _entity(ex, "乐山市人力资源和社会保障局").aliases
    assert ("邓可馨", "holdsPosition", "乐山市人力资源和社会保障局") in facts(ex)


def test_an_office_named_right_after_its_government_is_one_body() -> None:
    ex = run("本次比赛由新竹市总工会主办，市府劳工处协办。新竹市政府劳工处处长林雅萍到场观赏。")
    assert "市府劳工处" in _entity(ex, "新竹市政府劳工处").aliases
    assert ("林雅萍", "holdsPosition", "新竹市政府劳工处") in facts(ex)
    assert "新竹市政府" not in entity_types(ex)


def test_an_event_head_the_tagger_cut_in_two_is_one_mention() -> None:
    ex = run("高新区总工会举办“书韵同行”职工读书分享会。高新区总工会副主席简一凡在分享会上说，将推广这一做法。")
    assert ("简一凡", "participatesIn", "“书韵同行”职工读书分享会") in facts(ex)


def test_a_street_pointed_at_by_a_locative_is_a_named_site() -> None:
    ex = run("区总工会还依托位于英雄中路的潞州区职工服务中心，为困难职工办理救助。")
    assert entity_types(ex).get("英雄中路") == "Site"
    assert ("潞州区职工服务中心", "locatedIn", "英雄中路") in facts(ex)


def test_a_count_after_a_street_starts_another_noun() -> None:
    ex = run("“歇脚”司机驿站设在淮河大道一座加油站的便利店内。")
    assert entity_types(ex).get("淮河大道") == "Site"
    assert "淮河大道一座加油站" not in entity_types(ex)


def test_the_place_a_report_is_filed_from_is_the_city_the_article_names() -> None:
    ex = run("【記者王雅琪/花蓮報導】花蓮市總工會昨日在花蓮文化中心演藝廳舉辦勞工歌唱比賽。")
    place = _entity(ex, "花蓮市")
    assert place.type == "Place" and "花蓮" in place.aliases
    assert ("花蓮文化中心演藝廳", "locatedIn", "花蓮市") in facts(ex)


def test_a_place_before_a_quoted_campaign_is_named_on_its_own() -> None:
    ex = run("据了解，翠屏区“金秋助学”活动已连续开展12年。区总工会还依托位于人民路的翠屏区职工服务中心为困难职工办理救助。")
    types = entity_types(ex)
    assert types.get("翠屏区") == "Place"
    assert types.get("“金秋助学”活动") == "Event"
    assert ("翠屏区职工服务中心", "locatedIn", "翠屏区") in facts(ex)


def test_a_street_after_its_district_is_named_apart_from_it() -> None:
    ex = run("“江城骑士之家”位于观湖街道环湖北路，由区总工会打造。")
    types = entity_types(ex)
    assert types.get("观湖街道") == "Place"
    assert types.get("环湖北路") == "Site"
    got = facts(ex)
    assert ("“江城骑士之家”", "locatedIn", "环湖北路") in got
    assert ("环湖北路", "locatedIn", "观湖街道") in got


def test_a_street_named_with_a_verb_after_its_district_is_a_site() -> None:
    ex = run("9月19日晚，绵州市第二届职工运动会在涪城区科创大道的绵州市全民健身中心开幕。")
    assert entity_types(ex).get("科创大道") == "Site"
    assert ("绵州市第二届职工运动会", "locatedIn", "绵州市全民健身中心") in facts(ex)


def test_the_federation_named_bare_is_the_one_the_article_names() -> None:
    ex = run("新北市總工會舉辦勞工歌唱比賽。他表示，勞工平日輪班辛苦，總工會希望用音樂讓大家喘口氣。")
    assert "總工會" in _entity(ex, "新北市總工會").aliases
    assert [e.label for e in ex.entities if e.type == "WorkerGroup"] == []  # bare 勞工 is 劳动者: no group


def test_verbs_ending_in_work_and_a_bodys_managers_are_no_groups() -> None:
    ex = run("「做工的人也有夢。」每天记工要写清楚。慰问组叮嘱管理人员做好防火工作。")
    assert [e.label for e in ex.entities if e.type == "WorkerGroup"] == []


def test_the_park_a_group_works_in_does_not_qualify_it() -> None:
    ex = run("目前已吸纳园区装卸工、叉车司机等会员300余人。")
    assert entity_types(ex).get("装卸工") == "WorkerGroup"
    assert "园区装卸工" not in entity_types(ex)


def test_a_company_written_without_its_place_and_legal_form_is_the_company() -> None:
    ex = run("四川蜀丰药业股份有限公司工会召开会员代表大会。蜀丰药业生产二车间主任高雨桐进入候选人名单。")
    company = _entity(ex, "四川蜀丰药业股份有限公司")
    assert company.type == "Organization" and "蜀丰药业" in company.aliases
    assert ("高雨桐", "holdsPosition", "四川蜀丰药业股份有限公司") in facts(ex)


def test_an_institution_opening_with_a_city_is_named_apart_from_the_district_before_it() -> None:
    ex = run("11月2日，湘潭市第五届职工技能大赛焊工决赛在岳塘区湘潭技师学院实训楼开赛。")
    types = entity_types(ex)
    assert types.get("岳塘区") == "Place"
    assert types.get("湘潭技师学院实训楼") == "Site"
    assert ("湘潭技师学院实训楼", "locatedIn", "岳塘区") in facts(ex)
    assert entity_types(run("会议在朝阳区人民医院举行。")).get("朝阳区人民医院") is not None


def test_a_company_short_form_of_trade_words_alone_is_no_mention() -> None:
    """电力工程 says what the company does, not which one it is: elsewhere it stays plain text."""
    ex = run("湖州电力工程有限公司近日举办职工技能比武。今年全市电力工程建设任务较重，一线职工加班较多。")
    company = _entity(ex, "湖州电力工程有限公司")
    assert "电力工程" not in company.aliases


def test_a_span_of_years_before_a_union_is_no_part_of_its_name() -> None:
    ex = run("盐城市亭湖区总工会召开会员代表大会。区委书记沈国庆充分肯定了过去五年区总工会取得的成绩。")
    assert "五年区总工会" not in entity_types(ex)
    assert "区总工会" in _entity(ex, "盐城市亭湖区总工会").aliases


def test_a_cue_verb_opening_the_phrase_is_no_qualifier_of_the_group() -> None:
    ex = run("新一届区总工会将把服务一线劳动者作为工作重心。")
    types = entity_types(ex)
    assert types.get("一线劳动者") == "WorkerGroup"
    assert "服务一线劳动者" not in types


def test_the_partys_role_before_a_company_union_is_no_part_of_its_name() -> None:
    ex = run("项目施工方福建华建集团有限公司工会主席吴国强陪同慰问。")
    assert ("吴国强", "holdsPosition", "福建华建集团有限公司工会") in facts(ex)


def test_a_venue_named_by_words_of_its_own_before_held_is_a_site() -> None:
    ex = run("12月6日，承德市双桥区总工会在金山岭滑雪度假区举办“法律服务进雪场”活动。")
    assert entity_types(ex).get("金山岭滑雪度假区") == "Site"
    assert ("“法律服务进雪场”活动", "locatedIn", "金山岭滑雪度假区") in facts(ex)


def test_trades_of_a_resort_are_groups_and_are_served() -> None:
    ex = run("承德市双桥区总工会在金山岭滑雪度假区举办“法律服务进雪场”活动，为滑雪教练、造雪工、索道操作员等季节工讲解劳动法律知识。")
    got = facts(ex)
    for group in ("滑雪教练", "造雪工", "索道操作员"):
        assert ("承德市双桥区总工会", "serves", group) in got


def test_a_hall_named_only_by_kind_words_keeps_its_district() -> None:
    ex = run("12月9日，盐城市大丰区总工会第四次会员代表大会在大丰区行政中心大会堂举行。")
    assert entity_types(ex).get("大丰区行政中心大会堂") == "Site"
    assert ("盐城市大丰区总工会第四次会员代表大会", "locatedIn", "大丰区行政中心大会堂") in facts(ex)


def test_a_station_named_by_its_community_keeps_the_district_before_it() -> None:
    ex = run("随后，慰问组走进万山区谢桥社区工会驿站，为外卖骑手送上暖心礼包。")
    assert entity_types(ex).get("万山区谢桥社区工会驿站") == "Site"


def test_the_outlet_of_a_dateline_is_an_organization() -> None:
    ex = run("临沂日报讯（记者 王晓东）10月25日，临沂市第三届职工焊工技能大赛决赛举行。")
    assert entity_types(ex).get("临沂日报") == "Organization"


def test_a_dotted_phrase_inside_a_quoted_event_title_is_no_site() -> None:
    ex = run("7月10日，榆阳区总工会“夏日送清凉·驿站伴你行”关爱户外劳动者活动在鼓楼街道启动。")
    assert not any(label.startswith("清凉") for label in entity_types(ex))


def test_an_arbitration_court_is_an_organization() -> None:
    ex = run("律师指导他向崇仁区劳动人事争议仲裁院申请仲裁。")
    assert entity_types(ex).get("崇仁区劳动人事争议仲裁院") == "Organization"


def test_heavy_industry_in_a_company_short_name_is_no_group() -> None:
    ex = run("经过两天角逐，潍柴重工的杨帆获得第二名。")
    assert "潍柴重工" not in entity_types(ex)


def test_a_short_city_name_opening_a_site_stays_in_it() -> None:
    ex = run("漳州市龙文区总工会在漳州东海湾商业广场举行入会仪式。")
    assert entity_types(ex).get("漳州东海湾商业广场") == "Site"


def test_a_town_with_its_unit_before_a_named_park_is_named_apart() -> None:
    ex = run("位于树林镇丰泰物流园的“陇上驿家”货车司机服务站今天揭牌。")
    types = entity_types(ex)
    assert types.get("树林镇") == "Place"
    assert types.get("丰泰物流园") == "Site"


def test_gaihui_points_to_the_union_named_last_even_after_an_association() -> None:
    ex = run("由香港速运业职工会主办、香港职工康体协会协办的职工歌唱比赛决赛举行。"
             "梁志伟表示，该会将继续为仓务员、速递员提供进修服务。")
    assert ("香港速运业职工会", "serves", "仓务员") in facts(ex)


def test_a_phrase_inside_a_quoted_event_title_is_no_site_even_with_a_head() -> None:
    ex = run("7月10日上午，榆阳区总工会“夏日送清凉·驿路伴你行”关爱户外劳动者活动在鼓楼街道启动。")
    assert not any("驿路" in label and t == "Site" for label, t in entity_types(ex).items())


def test_bare_laogong_is_no_group_but_a_qualified_one_is() -> None:
    ex = run("台南市总工会为外籍劳工提供法律咨询，让更多劳工有工会可以依靠。")
    types = entity_types(ex)
    assert types.get("外籍劳工") == "WorkerGroup"
    assert "劳工" not in types


def test_members_unions_read_across_by_the_tagger_give_no_group() -> None:
    ex = run("邱振明表示，运动会是会员工会之间交流情谊的重要平台。")
    assert "会员工" not in entity_types(ex)


def test_a_group_right_before_a_site_head_names_the_site_not_a_group() -> None:
    types = entity_types(run("城东公园户外劳动者服务站今天开放，环卫工人可以进站歇脚。"))
    assert not any(t == "WorkerGroup" and e.endswith("户外劳动者") for e, t in types.items())
    assert any(t == "Site" and e.endswith("户外劳动者服务站") for e, t in types.items())


def test_a_library_joining_a_union_to_hold_an_event_is_a_body_throughout() -> None:
    ex = run("4月20日，江岸区总工会联合江岸区图书馆举办“书香江岸”职工读书分享会。"
             "江岸区图书馆馆长顾明远介绍了馆藏。")
    assert entity_types(ex)["江岸区图书馆"] == "Organization"
    got = facts(ex)
    assert ("江岸区图书馆", "coOrganizes", "“书香江岸”职工读书分享会") in got
    assert ("顾明远", "holdsPosition", "江岸区图书馆") in got


def test_a_byline_ending_in_bao_dao_names_no_street() -> None:
    types = entity_types(run("江岸区总工会举办职工读书会。\n（记者林雨桐报道）"))
    assert not any(t == "Site" for t in types.values())
