"""Layout repair: join lines that a page layout broke inside a sentence."""

from __future__ import annotations

from kg.reading.lines import Line
from kg.reading.patterns import Patterns, patterns
from kg.reading.words import cuts_word


def ends_sentence(text: str, pat: Patterns) -> bool:
    return bool(text) and text[-1] in pat.final_punctuation


def headline_shaped(text: str, pat: Patterns) -> bool:
    """Short, without sentence punctuation, not ending on a word that needs a follower."""
    if not pat.headline_min_length <= len(text) <= pat.headline_max_length:
        return False
    if any(ch in pat.headline_inner_punctuation for ch in text[:-1]) or text[-1] in "，,、；;：:（(":
        return False
    if any(r.match(text) for r in pat.dateline):
        return False
    return text[-1] not in pat.headline_non_final


def continues(left: str, right: str, pat: Patterns) -> bool:
    """Does `right` carry on the sentence that `left` leaves open?"""
    if ends_sentence(left, pat):
        return False
    if not headline_shaped(left, pat):
        return True          # a sentence fragment: punctuation inside, too long, or an open end
    # A short clean line may be a subheading; join only when the break cuts a word.
    return cuts_word(left, right)


def repair(lines: list[Line], pat: Patterns | None = None) -> list[str]:
    """Paragraphs of an article body: text lines broken mid-sentence are joined, also
    across blank lines; bylines, sources and credits stay lines of their own."""
    pat = pat or patterns()
    paragraphs: list[str] = []
    open_text = False        # the last paragraph is text that may continue
    for line in lines:
        if line.kind in ("blank", "section"):
            continue
        if line.kind == "text" and open_text and continues(paragraphs[-1], line.text, pat):
            paragraphs[-1] += line.text
        else:
            paragraphs.append(line.text)
        open_text = line.kind == "text"
    return paragraphs
