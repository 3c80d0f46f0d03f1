"""Traditional text gets an aligned simplified copy; dates become ISO when a year is known."""

from __future__ import annotations

from kg.reading import read_path
from kg.reading.simplify import analysis_text


def test_traditional_article_has_simplified_copy_of_the_same_length(write) -> None:
    text = "臺南市總工會舉辦勞工節表揚大會\n\n【記者陳思妤／臺南報導】臺南市總工會昨日表揚優秀勞工，理事長親自頒獎。\n"
    article = read_path(write("a.txt", text))[0]
    assert article.analysis_text is not None
    assert len(article.analysis_text) == len(article.text)
    assert "台南市总工会" in article.analysis_text and "臺南市總工會" in article.text


def test_simplified_article_has_no_analysis_text(write) -> None:
    article = read_path(write("a.txt", "某县总工会举办运动会\n\n6月1日，某县总工会举办职工运动会。\n"))[0]
    assert article.analysis_text is None


def test_analysis_text_keeps_offsets_even_where_phrases_change_length() -> None:
    # Every character maps to one character, so offsets are shared for any input.
    for text in ["著名的瞭望臺", "乾隆年間的後裔", "這裡是香港總工會"]:
        simplified = analysis_text(text)
        assert simplified is not None and len(simplified) == len(text)


def test_lead_date_without_a_year_stays_unknown(write) -> None:
    article = read_path(write("a.txt", "某县总工会举办运动会\n\n本报讯（记者 李文博）6月1日，某县总工会举办职工运动会。\n"))[0]
    assert article.date is None


def test_lead_date_takes_its_year_from_the_page_stamp(write) -> None:
    page = ("2025年6月3日 星期二\n\n某县总工会举办运动会\n\n本报讯（记者 李文博）6月1日，某县总工会举办职工运动会。\n\n"
            "某镇工会驿站投用\n\n本报讯 6月2日，某镇工会驿站投用。\n")
    articles = read_path(write("a.txt", page))
    assert [a.date for a in articles if a.title] == ["2025-06-01", "2025-06-02"]


def test_lead_date_with_its_own_year_is_used(write) -> None:
    article = read_path(write("a.txt", "某县总工会举办运动会\n\n2024年12月30日，某县总工会举办职工运动会。\n"))[0]
    assert article.date == "2024-12-30"
