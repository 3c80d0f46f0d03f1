"""A sentence with each mention replaced by one private-use character per entity type, for regex rules.

The placeholder says the type only, so a rule's regex is the same for every sentence and is
compiled once; the mention behind a placeholder is found by its position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from kg.extract.lexicon import Lexicon
from kg.extract.resolve import Resolved

# One placeholder per entity type.
MARK = {"Union": "\ue000", "Organization": "\ue001", "Person": "\ue002", "Site": "\ue003",
        "Place": "\ue004", "Event": "\ue005", "WorkerGroup": "\ue006"}
# Placeholder classes: letters of the pattern language -> entity types.
CLASSES = {
    "U": ("Union",), "O": ("Organization",), "UO": ("Union", "Organization"), "P": ("Person",),
    "S": ("Site",), "L": ("Place",), "SL": ("Site", "Place"), "E": ("Event",), "W": ("WorkerGroup",),
    "V": ("Site", "Place", "Organization", "Union"), "M": tuple(MARK),
}
_SEP = "(?:[、和及与]|以及)"
_W_SEP = "(?:[、和及与,，]|以及|等)"
_ASIDE = r"(?:[（(][^（）()。]{1,20}[）)])?"  # 某公司（简称“某某”）inside a list
_NEGATED = re.compile(r"\[\^([^\]]*)\]")
_CLASS_TOKEN = re.compile(r"\{([A-Z]+)\}")
_TOKEN = re.compile(r"\{([A-Z]+)([+*]?)\}|\{cue\.([a-z_]+)\}|\{title\+\}")


def char_class(types: tuple[str, ...]) -> str:
    return "[" + "".join(MARK[t] for t in types) + "]"


@dataclass
class MaskedSentence:
    """`masked[i]` is a character of the sentence or the placeholder of the mention `at[i]`."""

    start: int
    end: int
    masked: str
    offsets: list[int]             # masked index -> article offset
    mentions: list[Resolved]
    at: dict[int, Resolved] = field(default_factory=dict)

    @classmethod
    def build(cls, analysis: str, start: int, end: int, resolved: list[Resolved]) -> MaskedSentence:
        inside = sorted((r for r in resolved if r.start >= start and r.end <= end and r.end > r.start),
                        key=lambda r: (r.start, r.start - r.end))  # an event before a body named inside it
        parts: list[str] = []
        offsets: list[int] = []
        at: dict[int, Resolved] = {}
        pos = start
        for mention in inside:
            if mention.start < pos:          # inside (or the same start as) one already placed
                continue
            if mention.start > pos:          # plain text up to the mention, copied as one slice
                parts.append(analysis[pos:mention.start])
                offsets.extend(range(pos, mention.start))
            at[len(offsets)] = mention
            parts.append(MARK[mention.type])
            offsets.append(mention.start)
            pos = mention.end
        if pos < end:
            parts.append(analysis[pos:end])
            offsets.extend(range(pos, end))
        return cls(start, end, "".join(parts), offsets, list(at.values()), at)

    def mentions_in(self, span: tuple[int, int]) -> list[Resolved]:
        """The mentions whose placeholders lie in a span of `masked`, in order."""
        return [self.at[i] for i in range(span[0], span[1]) if i in self.at]

    def mention_at(self, index: int) -> Resolved | None:
        return self.at.get(index)

    def position(self, mention: Resolved) -> int:
        return next(i for i, m in self.at.items() if m is mention)

    def expand(self, template: str, lexicon: Lexicon) -> str:
        return expand(template, lexicon)


@lru_cache(maxsize=256)
def expand(template: str, lexicon: Lexicon) -> str:
    """The pattern language of data/patterns.toml as a regex (the same for every sentence)."""

    def one(match: re.Match[str]) -> str:
        if match.group(3):
            return "(?:" + "|".join(re.escape(w) for w in lexicon.words("cue", match.group(3))) + ")"
        if match.group(0) == "{title+}":
            titles = "|".join(re.escape(w) for w in lexicon.words("title", "words"))
            # 第六届理事长; 组织部部长, 桥吊班班长, 二车间主任: a department or team of the body
            # before its head's title
            term = (r"(?:第[一二三四五六七八九十\d]+届|"
                    r"[\u4e00-\u9fff]{1,6}?(?:[部处科室班组队]|车间)(?=[\u4e00-\u9fff]{0,2}[长任管监]))?")
            return f"{term}(?:{titles})(?:[、和]{term}(?:{titles}))*"
        letters, mark = match.group(1), match.group(2)
        cls = char_class(CLASSES[letters])
        if mark == "+":
            sep = _W_SEP if letters == "W" else _SEP
            item = f"{cls}{_ASIDE}"
            return f"(?:{item}(?:{sep}?{item})*)"
        if mark == "*":
            return f"(?:{cls}(?:的?{cls})*)"
        return cls

    def negated(match: re.Match[str]) -> str:
        inner = _CLASS_TOKEN.sub(lambda m: "".join(MARK[t] for t in CLASSES[m.group(1)]), match.group(1))
        return "[^" + inner + "]"

    return _TOKEN.sub(one, _NEGATED.sub(negated, template))
