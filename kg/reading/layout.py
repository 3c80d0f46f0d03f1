"""Layout repair: join lines that a page layout broke inside a sentence."""

from __future__ import annotations

from kg.reading.lines import Line
from kg.reading.patterns import Patterns, patterns
from kg.reading.words import cuts_word


def ends_sentence(text: str, pat: Patterns) -> bool:
    return bool(text) and text[-1] in pat.final_punctuation


def headline_shape(text: str, pat: Patterns) -> str | None:
    """"strict" for a short line without sentence punctuation, "relaxed" for a shorter one
    with a comma, colon, ! or ? inside, None for a line no headline looks like."""
    if not pat.headline_min_length <= len(text) <= pat.headline_max_length:
        return None
    if text[-1] in "，,、；;：:（(。．…" or text[-1] in pat.headline_non_final:
        return None
    if any(r.match(text) for r in pat.dateline) or any(r.match(text) for r in pat.not_headline):
        return None
    inner = {ch for ch in text[:-1] if ch in pat.headline_inner_punctuation}
    if not inner:
        return "strict"
    if inner <= pat.headline_relaxed_punctuation and len(text) <= pat.headline_relaxed_max_length:
        return "relaxed"
    return None


def headline_shaped(text: str, pat: Patterns) -> bool:
    """Short, without sentence punctuation, not ending on a word that needs a follower."""
    return headline_shape(text, pat) == "strict"


def continues(left: str, right: str, pat: Patterns) -> bool:
    """Does `right` carry on the sentence that `left` leaves open?"""
    if ends_sentence(left, pat):
        return False
    if len(left) <= pat.headline_max_length and any(r.match(left) for r in pat.not_headline):
        return False         # a numbered subheading (一、…)
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
