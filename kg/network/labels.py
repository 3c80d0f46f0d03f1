"""Node labels as the canvas draws them: long names wrapped into short lines, and the box they take."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from kg.network.layout import Box
from kg.network.style import style

ELLIPSIS = "…"
LINE_HEIGHT = 1.25   # of the font size, between two lines of a label
LABEL_GAP = 6.0      # pixels between a node's shape and its label, and around the label


@dataclass(frozen=True)
class LabelStyle:
    """How labels are cut (style.toml [labels])."""

    font_size: float
    line_width: float
    max_lines: int
    narrow: float


def label_style() -> LabelStyle:
    table = style()["labels"]
    return LabelStyle(float(table["font_size"]), float(table["line_width"]), int(table["max_lines"]),
                      float(table["narrow"]))


def char_width(char: str, look: LabelStyle) -> float:
    """Width of one character in full-width characters: Chinese 1, Latin letters and digits less."""
    return 1.0 if unicodedata.east_asian_width(char) in ("W", "F") else look.narrow


def wrap_label(text: str, look: LabelStyle) -> list[str]:
    """The lines a label is drawn in; text past the last line ends in an ellipsis."""
    lines: list[str] = []
    line, width = "", 0.0
    for char in " ".join(text.split()):
        step = char_width(char, look)
        if line and width + step > look.line_width:
            lines.append(line)
            line, width = "", 0.0
        if not line and char == " ":
            continue
        line += char
        width += step
    if line:
        lines.append(line)
    if len(lines) > look.max_lines:
        last = lines[look.max_lines - 1]
        lines = lines[:look.max_lines - 1] + [last[:-1] + ELLIPSIS]
    return lines


def label_box(lines: list[str], node_size: float, look: LabelStyle) -> Box:
    """The space a node of radius `node_size` with these label lines under it takes on the canvas."""
    text_width = max((sum(char_width(c, look) for c in line) for line in lines), default=0.0) * look.font_size
    text_height = len(lines) * look.font_size * LINE_HEIGHT
    width = max(text_width + 2 * LABEL_GAP, 2 * node_size)
    height = 2 * node_size + text_height + LABEL_GAP
    return width, height, (text_height + LABEL_GAP) / 2
