"""Evidence sentences start where the news does, not at the dateline and byline."""

from kg.extract.text import split_sentences


def _parts(text: str) -> list[str]:
    return [text[s.start:s.end] for s in split_sentences(text)]


def test_dateline_with_byline_is_its_own_segment() -> None:
    text = "本报讯（记者 林晓雯 通讯员 周启明）3月2日，南岭市总工会来到青河驿站。"
    assert _parts(text) == ["本报讯（记者 林晓雯 通讯员 周启明）", "3月2日，南岭市总工会来到青河驿站。"]


def test_traditional_and_web_datelines_are_cut_too() -> None:
    assert _parts("本報訊（記者 黃詠琪）5日，甲。")[1] == "5日，甲。"
    assert _parts("南岭职工网讯 近日，乙。")[1] == "近日，乙。"


def test_words_ending_in_xun_inside_sentences_are_not_datelines() -> None:
    assert _parts("喜讯传来，丙。") == ["喜讯传来，丙。"]
    assert _parts("他说：“资讯很多。”") == ["他说：“资讯很多。”"]
    assert _parts("通讯员 王某 摄") == ["通讯员 王某 摄"]
