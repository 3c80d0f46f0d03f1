"""A sentence with each mention replaced by one private-use character, for regex rules."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.lexicon import Lexicon
from kg.extract.resolve import Resolved

_BASE = 0xE000
# Placeholder classes: letters of the pattern language -> entity types.
CLASSES = {
    "U": ("Union",), "O": ("Organization",), "UO": ("Union", "Organization"), "P": ("Person",),
    "S": ("Site",), "L": ("Place",), "SL": ("Site", "Place"), "E": ("Event",), "W": ("WorkerGroup",),
    "V": ("Site", "Place", "Organization", "Union"), "M": ("Union", "Organization", "Person", "Site",
                                                          "Place", "Event", "WorkerGroup"),
}
_SEP = "(?:[、和及与]|以及)"
_W_SEP = "(?:[、和及与,，]|以及|等)"
_NEGATED = re.compile(r"\[\^([^\]]*)\]")
_CLASS_TOKEN = re.compile(r"\{([A-Z]+)\}")
_ASIDE = r"(?:[（(][^（）()。]{1,20}[）)])?"  # 某公司（简称“某某”）inside a list
_TOKEN = re.compile(r"\{([A-Z]+)([+*]?)\}|\{cue\.([a-z_]+)\}|\{title\+\}")


@dataclass
class MaskedSentence:
    """`masked[i]` is either a character of the sentence or the placeholder of `mentions[j]`."""

    start: int
    end: int
    masked: str
    offsets: list[int]             # masked index -> article offset
    mentions: list[Resolved]

    @classmethod
    def build(cls, analysis: str, start: int, end: int, resolved: list[Resolved]) -> MaskedSentence:
        inside = [r for r in resolved if r.start >= start and r.end <= end]
        chars: list[str] = []
        offsets: list[int] = []
        pos, j = start, 0
        while pos < end:
            if j < len(inside) and inside[j].start == pos:
                chars.append(chr(_BASE + j))
                offsets.append(pos)
                pos = inside[j].end
                j += 1
                continue
            while j < len(inside) and inside[j].start < pos:
                j += 1
            chars.append(analysis[pos])
            offsets.append(pos)
            pos += 1
        return cls(start, end, "".join(chars), offsets, inside)

    def char_class(self, types: tuple[str, ...]) -> str:
        chars = [chr(_BASE + i) for i, m in enumerate(self.mentions) if m.type in types]
        return "[" + "".join(chars) + "]" if chars else "(?!x)x"

    def mentions_in(self, text_span: tuple[int, int]) -> list[Resolved]:
        """The mentions whose placeholders lie in a span of `masked`."""
        out = []
        for ch in self.masked[text_span[0]:text_span[1]]:
            code = ord(ch) - _BASE
            if 0 <= code < len(self.mentions):
                out.append(self.mentions[code])
        return out

    def mention_at(self, index: int) -> Resolved | None:
        code = ord(self.masked[index]) - _BASE if 0 <= index < len(self.masked) else -1
        return self.mentions[code] if 0 <= code < len(self.mentions) else None

    def expand(self, template: str, lexicon: Lexicon) -> str:
        """The pattern language of data/patterns.toml, made into a regex for this sentence."""

        def one(match: re.Match[str]) -> str:
            if match.group(3):
                return "(?:" + "|".join(re.escape(w) for w in lexicon.words("cue", match.group(3))) + ")"
            if match.group(0) == "{title+}":
                titles = "|".join(re.escape(w) for w in lexicon.words("title", "words"))
                term = r"(?:第[一二三四五六七八九十\d]+届)?"  # 第六届理事长
                return f"{term}(?:{titles})(?:[、和]{term}(?:{titles}))*"
            letters, mark = match.group(1), match.group(2)
            cls = self.char_class(CLASSES[letters])
            if mark == "+":
                sep = _W_SEP if letters == "W" else _SEP
                item = f"{cls}{_ASIDE}"
                return f"(?:{item}(?:{sep}?{item})*)"
            if mark == "*":
                return f"(?:{cls}(?:的?{cls})*)"
            return cls

        def raw(match: re.Match[str]) -> str:
            letters = match.group(1)
            return "".join(chr(_BASE + i) for i, m in enumerate(self.mentions) if m.type in CLASSES[letters])

        def negated(match: re.Match[str]) -> str:
            return "[^" + _CLASS_TOKEN.sub(raw, match.group(1)) + "]"

        return _TOKEN.sub(one, _NEGATED.sub(negated, template))
