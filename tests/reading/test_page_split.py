"""Newspaper pages: articles split at headlines, section labels dropped, layout breaks repaired."""

from __future__ import annotations

from kg.reading import read_path

PAGE = """■基层动态

东湖区总工会为环卫工人送清凉

本报讯（记者 周明哲 通讯员 吴佳琪）7月10日，东湖区总工会在滨江街道开展夏季慰问活动，为一线环卫工人送去

绿豆、毛巾等防暑物资。

区总工会有关负责人表示，将持续做好户外劳动者服务工作。

>> 工会风采 <<

南岭县职工篮球赛落幕

南岭县总工会主办的第三届职工篮球赛日前落幕，共有十六支代表队参赛。
"""


def test_page_splits_at_each_headline(write) -> None:
    articles = read_path(write("page.txt", PAGE))
    assert [a.title for a in articles] == ["东湖区总工会为环卫工人送清凉", "南岭县职工篮球赛落幕"]
    assert [a.index for a in articles] == [0, 1]


def test_section_labels_are_neither_headlines_nor_text(write) -> None:
    articles = read_path(write("page.txt", PAGE))
    text = "\n".join(a.text for a in articles)
    assert "基层动态" not in text and "工会风采" not in text


def test_line_broken_mid_sentence_is_joined_across_a_blank_line(write) -> None:
    first = read_path(write("page.txt", PAGE))[0]
    assert "为一线环卫工人送去绿豆、毛巾等防暑物资。" in first.text


def test_separate_paragraphs_stay_separate_lines(write) -> None:
    first = read_path(write("page.txt", PAGE))[0]
    assert first.text.split("\n")[1] == "区总工会有关负责人表示，将持续做好户外劳动者服务工作。"


def test_headline_is_not_part_of_the_article_text(write) -> None:
    first = read_path(write("page.txt", PAGE))[0]
    assert first.text.startswith("本报讯（记者 周明哲")


def test_headline_over_two_lines_is_joined_with_a_space(write) -> None:
    text = "暑期托管暖人心\n西岗区总工会开办职工子女爱心班\n\n7月3日，西岗区总工会在区工人文化宫开办职工子女爱心托管班。\n"
    article = read_path(write("two.txt", text))[0]
    assert article.title == "暑期托管暖人心 西岗区总工会开办职工子女爱心班"
    assert article.text == "7月3日，西岗区总工会在区工人文化宫开办职工子女爱心托管班。"


def test_short_broken_line_that_cuts_a_word_is_joined_not_taken_for_a_headline(write) -> None:
    text = ("新区总工会举办职工书法展\n\n本报讯（记者 高远）近日，新区总工会举办职工书法展。\n\n"
            "本次展览为广大职工提供展\n\n示才华的舞台，共展出作品百余件。\n")
    articles = read_path(write("cut.txt", text))
    assert len(articles) == 1
    assert "提供展示才华的舞台" in articles[0].text


def test_short_subheading_that_cuts_no_word_stays_its_own_line(write) -> None:
    text = ("北山区总工会推进企业建会\n\n本报讯（记者 高远）北山区总工会今年新建企业工会三十家。\n\n"
            "摸清底数建台账\n\n区总工会组织专人逐户走访辖区企业。\n")
    article = read_path(write("sub.txt", text))[0]
    assert article.text.split("\n") == [
        "本报讯（记者 高远）北山区总工会今年新建企业工会三十家。", "摸清底数建台账", "区总工会组织专人逐户走访辖区企业。",
    ]


def test_broken_line_does_not_swallow_the_next_headline(write) -> None:
    text = ("河口镇工会驿站投用\n\n本报讯 6月1日，河口镇工会驿站正式投用，为快递员提供饮水和充电服务。\n\n"
            "青山区总工会开展安全培训\n\n6月2日，青山区总工会为货车司机开展交通安全培训。\n")
    articles = read_path(write("two-articles.txt", text))
    assert [a.title for a in articles] == ["河口镇工会驿站投用", "青山区总工会开展安全培训"]
    assert articles[0].text.endswith("充电服务。")


def test_headline_confirmed_by_its_lead_sharing_words(write) -> None:
    text = ("石门县总工会发布第一季度工作通报\n\n本报讯（记者 高远）石门县总工会召开会议。\n\n"
            "临江区总工会以技能竞赛带动职工成长\n\n临江区总工会今年组织技能竞赛十二场，参赛职工逾千人。\n")
    articles = read_path(write("overlap.txt", text))
    assert [a.title for a in articles][1] == "临江区总工会以技能竞赛带动职工成长"


def test_text_without_headline_is_one_untitled_article(write) -> None:
    text = "近日，某街道工会为辖区外卖骑手送去防暑用品，并开展了安全骑行宣讲。\n"
    articles = read_path(write("body.txt", text))
    assert len(articles) == 1
    assert articles[0].title is None
    assert articles[0].text == text.strip()


def test_windows_line_endings_read_like_unix_ones(write) -> None:
    unix = read_path(write("unix.txt", PAGE))
    windows = read_path(write("windows.txt", PAGE.replace("\n", "\r\n")))
    assert [(a.title, a.text) for a in unix] == [(a.title, a.text) for a in windows]


def test_headline_with_a_colon_is_taken_when_a_dateline_follows(write) -> None:
    text = ("某县总工会召开全委会\n\n本报讯 5月1日，某县总工会召开全委会。\n\n"
            "新春走基层：工会驿站里的年夜饭\n\n本报讯（记者 高远）除夕夜，河口镇工会驿站里摆起了年夜饭。\n")
    assert [a.title for a in read_path(write("colon.txt", text))] == [
        "某县总工会召开全委会", "新春走基层：工会驿站里的年夜饭"]


def test_numbered_subheading_inside_an_article_is_not_a_headline(write) -> None:
    text = ("北山区总工会推进企业建会\n\n本报讯（记者 高远）北山区总工会今年新建企业工会三十家。\n\n"
            "一、摸清底数建台账\n\n近日，区总工会组织专人逐户走访辖区企业。\n")
    articles = read_path(write("numbered.txt", text))
    assert len(articles) == 1
    assert "一、摸清底数建台账" in articles[0].text.split("\n")


def test_masthead_before_the_first_headline_is_dropped(write) -> None:
    text = ("海港职工报 第3版 基层\n\n东湖区总工会为环卫工人送清凉\n\n本报讯（记者 周明哲）7月10日，东湖区总工会开展慰问。\n\n"
            "南岭县职工篮球赛落幕\n\n本报讯 南岭县职工篮球赛日前落幕。\n")
    articles = read_path(write("masthead.txt", text))
    assert [a.title for a in articles] == ["东湖区总工会为环卫工人送清凉", "南岭县职工篮球赛落幕"]


def test_short_lines_that_are_not_a_headline_are_all_kept(write) -> None:
    text = "本报讯 近日，某街道工会举办读书会。\n\n读书分享\n好书推荐\n\n职工们踊跃发言。\n"
    article = read_path(write("kept.txt", text))[0]
    assert "读书分享" in article.text and "好书推荐" in article.text


def test_bracket_that_is_not_a_byline_does_not_confirm_a_headline(write) -> None:
    text = ("东湖区总工会为环卫工人送清凉\n\n本报讯（记者 周明哲）7月10日，东湖区总工会开展慰问。\n\n"
            "慰问物资清单\n\n（上接第一版）区总工会还为职工准备了药品。\n")
    articles = read_path(write("bracket.txt", text))
    assert [a.title for a in articles] == ["东湖区总工会为环卫工人送清凉"]
    assert "慰问物资清单" in articles[0].text


MASTHEAD_PAGE = """海港职工报　2025年3月8日　星期六　第2版

◆女职工工作

滨海区总工会举办“巾帼建功”

技能竞赛

本报讯（记者 苏明远 通讯员 陈一帆）3月6日，滨海区总工会举办“巾帼建功”技能竞赛，来自全区
28家企业的160名女职工参加

比赛。

■ 短讯

西岗区总工会日前为环卫工人送去护膝和手套二百余副。（通讯员 孙浩）
"""


def test_headline_split_by_a_blank_line_after_a_section_label_is_one_headline(write) -> None:
    first = read_path(write("page.txt", MASTHEAD_PAGE))[0]
    assert first.title == "滨海区总工会举办“巾帼建功” 技能竞赛"
    assert first.text.endswith("来自全区28家企业的160名女职工参加比赛。")


def test_section_label_ends_the_article_before_it(write) -> None:
    articles = read_path(write("page.txt", MASTHEAD_PAGE))
    assert len(articles) == 2
    assert articles[0].authors == ["苏明远", "陈一帆"]
    assert (articles[1].title, articles[1].authors) == (None, ["孙浩"])


def test_masthead_date_gives_the_year_of_lead_dates(write) -> None:
    assert read_path(write("page.txt", MASTHEAD_PAGE))[0].date == "2025-03-06"


def test_hard_wrapped_page_with_indented_paragraphs(write) -> None:
    text = ("东湖区总工会为环卫工人送清凉\n　　本报讯（记者 周明哲）7月10日，东湖区总工\n会在滨江街道开展夏季慰问活动，为一线环卫\n"
            "工人送去绿豆、毛巾等防暑物资。\n　　区总工会有关负责人表示，将持续做好户外\n劳动者服务工作。\n\n"
            "南岭县职工篮球赛落幕\n　　南岭县总工会主办的第三届职工篮球赛日前落\n幕，共有十六支代表队参赛。\n")
    first, second = read_path(write("wrapped.txt", text))
    assert first.text.split("\n") == [
        "本报讯（记者 周明哲）7月10日，东湖区总工会在滨江街道开展夏季慰问活动，为一线环卫工人送去绿豆、毛巾等防暑物资。",
        "区总工会有关负责人表示，将持续做好户外劳动者服务工作。",
    ]
    assert second.title == "南岭县职工篮球赛落幕"
    assert second.text == "南岭县总工会主办的第三届职工篮球赛日前落幕，共有十六支代表队参赛。"
