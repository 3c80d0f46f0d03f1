"""Node labels as drawn on the canvas: wrapped, cut with an ellipsis, and the box they take."""

from __future__ import annotations

from kg.network.labels import ELLIPSIS, LabelStyle, label_box, wrap_label

LOOK = LabelStyle(font_size=14, line_width=8, max_lines=3, narrow=0.6)


def test_short_name_stays_on_one_line() -> None:
    assert wrap_label("江河市总工会", LOOK) == ["江河市总工会"]


def test_long_name_wraps_into_lines_of_the_line_width() -> None:
    lines = wrap_label("江河市青山区白沙镇职工服务中心站", LOOK)
    assert lines == ["江河市青山区白沙", "镇职工服务中心站"]


def test_name_longer_than_the_lines_ends_in_an_ellipsis() -> None:
    lines = wrap_label("第" * 30, LOOK)
    assert len(lines) == 3 and lines[-1].endswith(ELLIPSIS) and len(lines[-1]) == 8


def test_latin_letters_take_less_room_than_chinese() -> None:
    assert wrap_label("ABCDEFGHIJKL", LOOK) == ["ABCDEFGHIJKL"]  # 12 x 0.6 < 8
    assert label_box(["ABCD"], 10, LOOK)[0] < label_box(["甲乙丙丁"], 10, LOOK)[0]


def test_box_grows_with_the_lines_and_hangs_below_the_node() -> None:
    one, two = label_box(["甲乙"], 10, LOOK), label_box(["甲乙", "丙丁"], 10, LOOK)
    assert two[1] > one[1] and two[2] > one[2] > 0
    assert label_box([], 30, LOOK)[0] == 60  # no label: as wide as the shape
