"""Finds entity candidates: a head word from the lexicon, extended left over the words of its name."""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from kg.extract.lac_model import Word
from kg.extract.lexicon import Lexicon
from kg.extract.text import QUOTE_CLOSE, QUOTE_OPEN

# Kinds of candidate: a name, a form that refers back (该区总工会, 公寓), an unnamed thing.
NAME, ANAPHOR, GENERIC = "name", "anaphor", "generic"

# Head classes by lexicon list, with the type they give; ties in suffix length go to the first.
_HEAD_LISTS = (
    ("Union", "union", "suffixes"),
    ("WorkerGroup", "worker", "self_heads"),
    ("WorkerGroup", "worker", "generic_heads"),
    ("Event", "event", "heads"),
    ("Event", "event", "quoted_heads"),
    ("Site", "site", "heads"),
    ("Organization", "organization", "suffixes"),
    ("Place", "place", "suffixes"),
)
# POS tags (lac) that may stand inside a name, per entity type.
_NAME_TAGS = {"LOC", "ORG", "n", "nz", "nw", "s", "j", "an", "vn", "a", "f", "DOT"}
_EXTRA_TAGS = {
    "Event": {"v", "m", "TIME", "ad"},
    "WorkerGroup": {"v"},
    "Site": {"v", "m", "PER"},
    "Organization": {"PER", "m"},
    "Union": {"m"},
    "Place": set(),
}
_MAX_WORDS = {"Event": 14, "Union": 9, "Organization": 9, "Site": 9, "WorkerGroup": 7, "Place": 1}
_ORDINAL = re.compile(r"^(第[一二三四五六七八九十百\d]+[届次期]?|[一二三四五六七八九十\d]+[期号届次]|首[届次期])$")
_HAPPENS_NEXT = re.compile(r"[^，。,；]{0,4}?(举办|举行|召开|开幕|启动|开展|落幕|进行|开赛|闭幕|开班|揭幕)")
_LONGEST_NAME, _LONGEST_EVENT = 36, 72
_QUOTED = re.compile(r"[“「『]([^”」』“「『。，\n]{2,14})[”」』]")
_YEAR = re.compile(r"^\d{4}年(度)?$")
_YEAR_START = re.compile(r"^\d{4}年(度)?")
_FUNCTION_CHARS = set("的了在为和与及等是将也并又还都就对向从到把被让给由之其")
_COUNTED = re.compile(r"[一两二三四五六七八九十\d]+[座家处个间所]$")
_CUT_HEADS = {("之", "家"), ("总工", "会")}
_REPORTED_FROM = re.compile(r"[/／]([\u4e00-\u9fff]{2,4}?)(?:报导|报道)")  # 【记者某某/基隆报导】: where from
_SEGMENTS = tuple(d + p for d in "东西南北中" for p in ("段", "侧", "口"))
_DURATION = re.compile(r"^[一两二三四五六七八九十百\d]+(?:年|个月|天|周)(?:来|以来|内)?")  # 五年|区总工会: how long, then the name
_PERSON = re.compile(r"^[\u4e00-\u9fff]{2,6}$|^[\u4e00-\u9fff]{1,8}[·・][\u4e00-\u9fff]{1,8}$")


@dataclass
class Candidate:
    start: int
    end: int
    type: str
    kind: str = NAME
    head: str = ""          # the lexicon word the name ends with
    suffix: str = ""        # an ending the name borrows from a coordinated name (甲市、乙区总工会)


class Recognizer:
    """Turns the lac words of one text into typed candidates (non-overlapping)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        cues = lexicon.sections["cue"]
        self.stop = set(lexicon.words("stop", "words")) | {w for ws in cues.values() for w in ws}
        self.cue_words = frozenset(w for ws in cues.values() for w in ws)
        self.stop -= {"服务", "组织", "保障", "关爱"}  # also nouns inside names (服务中心)
        self.titles = set(lexicon.words("title", "words"))
        self._types: dict[str, tuple[str | None, str]] = {}
        self.build_cues = set(lexicon.words("cue", "build"))
        self._locatives = frozenset(lexicon.words("cue", "located"))
        self._split_words = frozenset(x for x in self.stop if len(x) >= 2 or x == "赴")
        self._split_lengths = tuple(sorted({len(x) for x in self._split_words}, reverse=True))
        self._split_starts = frozenset(x[:2] for x in self._split_words if len(x) >= 2)
        self.serve_cues = set(lexicon.words("cue", "serve_after_group")) - set(lexicon.words("stop", "words"))
        self.host_cues = set(lexicon.words("cue", "host")) | set(lexicon.words("cue", "participate")) \
            | set(lexicon.words("stop", "words"))
        self.partners = tuple(lexicon.words("cue", "partner"))
        self._co_organize = tuple(lexicon.words("cue", "co_organize"))
        self._act_cues = frozenset(w for name in ("lead", "participate", "visit") for w in lexicon.words("cue", name)) \
            | frozenset(lexicon.words("speech", "say"))
        self._union_words = frozenset(lexicon.words("union", "suffixes"))
        self._kind_words = tuple(sorted(set(lexicon.words("site", "heads")) | set(lexicon.words("site", "generic_modifiers")),
                                        key=len, reverse=True))
        self._body_nouns = frozenset(lexicon.words("organization", "own_body"))
        self._company_heads = frozenset(lexicon.words("organization", "company_heads"))
        self._union_lengths = tuple(sorted({len(x) for x in self._union_words}, reverse=True))
        self.festivals = set(lexicon.words("event", "festivals"))
        self._event_heads = frozenset(lexicon.words("event", "heads"))
        self._generic_group_heads = frozenset({"工作人员", "干部职工"})  # a body's own staff
        self._event_openers = tuple(self._event_heads) + ("系列", "主题", "专项")
        self._event_breaks = frozenset(lexicon.words("event", "verbs_before"))
        self._street_heads = frozenset(lexicon.words("site", "street_heads"))
        self._units = lexicon.words("site", "smallest_units")
        self._not_sites = tuple(lexicon.words("site", "not_sites"))
        self._title_words = tuple(sorted(self.titles, key=len, reverse=True))
        self._campaign_verbs = frozenset(lexicon.words("event", "campaign_verbs"))
        self._ceremony_endings = tuple(lexicon.words("event", "ceremony_endings"))
        self._ceremony_kinds = frozenset(lexicon.words("event", "ceremony_kinds"))
        self.teams = set(lexicon.words("cue", "team"))
        self.surnames = set(lexicon.words("person", "surnames"))
        self._group_heads = frozenset(h for h in lexicon.words("worker", "self_heads") if len(h) >= 4)
        # head words the tagger may cut: long group heads (网|约|车司机), event heads (分享|会)
        joined = self._group_heads | {h for h in lexicon.words("event", "heads") + lexicon.words("event", "quoted_heads")
                                      if len(h) >= 3}
        self._group_head_re = re.compile("|".join(map(re.escape, sorted(joined, key=len, reverse=True))))

    # -- words -----------------------------------------------------------------------------------
    def refine(self, text: str, words: list[Word]) -> list[Word]:
        """Split names that swallowed a following verb; mend tags lac gets wrong for names."""
        out: list[Word] = []
        for s, e, tag in words:
            out.extend(self._split(text, s, e, tag))
        out = self._recut_villages(text, out) if "村" in text else out
        return self._join_dots(text, self._join_home(text, self._join_group_heads(text, self._join_cut_names(text, out))))

    def _recut_villages(self, text: str, words: list[Word]) -> list[Word]:
        """某某镇西|辛庄村: lac gives a town the first character of the village after it; give it back."""
        for i in range(len(words) - 1):
            (ps, pe, ptag), (s, e, tag) = words[i], words[i + 1]
            if ptag == tag == "LOC" and pe == s and pe - ps >= 4 and text[pe - 2] in "镇乡" \
                    and text[e - 1] == "村" and e - s >= 2:
                words[i], words[i + 1] = (ps, pe - 1, "LOC"), (pe - 1, e, "LOC")
        return words

    def _join_group_heads(self, text: str, words: list[Word]) -> list[Word]:
        """网|约|车司机, 分享|会: a group's or an event's head word the tagger cut over up to three words is one word."""
        spans = [m.span() for m in self._group_head_re.finditer(text)]
        if not spans:
            return words
        merge = {}
        for a, b in spans:
            i = bisect.bisect_left(words, a, key=lambda w: w[0])
            if i < len(words) and words[i][0] == a and words[i][1] < b:
                j = next((j for j in range(i + 1, min(i + 3, len(words))) if words[j][1] == b), None)
                if j is not None:
                    merge[i] = j
        if not merge:
            return words
        out: list[Word] = []
        i = 0
        while i < len(words):
            j = merge.get(i)
            if j is None:
                out.append(words[i])
                i += 1
            else:
                out.append((words[i][0], words[j][1], "n"))
                i = j + 1
        return out

    def _join_home(self, text: str, words: list[Word]) -> list[Word]:
        """司机|之|家, 总工|会: lac reads a head (之家, 总工会) as two words; join them so the name has its head
        (and 该|会, the union just named)."""
        if "之家" not in text and "总工会" not in text and "该会" not in text and "本会" not in text:
            return words
        out: list[Word] = []
        for w in words:
            if out and out[-1][1] == w[0] and (text[out[-1][0]:out[-1][1]], text[w[0]:w[1]]) in _CUT_HEADS:
                out[-1] = (out[-1][0], w[1], "n")
            elif out and out[-1][1] == w[0] and out[-1][2] == "r" and text[out[-1][0]:w[1]] in ("该会", "本会"):
                out[-1] = (out[-1][0], w[1], "r")  # 该|会将继续…: the union just named, not "will"
            else:
                out.append(w)
        return out

    def _join_cut_names(self, text: str, words: list[Word]) -> list[Word]:
        """Names lac cut in two: 某市经济和|信息化局 (a 和 inside a department's name), 那|大镇 (a town
        whose first character lac read as a pronoun), 某某|新|带队 (a name's third character read apart)."""
        joins: dict[int, Word] = {}  # first word index -> the joined word (it replaces that word and the next)
        for i in [i for i, w in enumerate(words[:-1]) if w[2] in ("PER", "ORG", "r", "LOC")
                  or (w[1] - w[0] == 1 and w[2] in ("v", "n", "a") and text[w[0]] in self.surnames)]:
            (ps, pe, ptag), (s, e, tag) = words[i], words[i + 1]
            if pe != s or i - 1 in joins:
                continue
            if ptag in ("v", "n", "a"):
                # ，储|佳琪、: a rarer family name read as a word of its own before a two-character name
                if tag == "PER" and pe - ps == 1 and e - s == 2 and text[ps] in self.surnames \
                        and text[ps] not in _FUNCTION_CHARS and (i == 0 or words[i - 1][2] == "w"):
                    joins[i] = (ps, e, "PER")
            elif ptag == "PER":
                if pe - ps == 2 and e - s == 1 and text[s] not in _FUNCTION_CHARS and i + 2 < len(words) \
                        and text[words[i + 2][0]:words[i + 2][1]] in self._act_cues:
                    joins[i] = (ps, e, "PER")
            elif ptag == "ORG":
                prev = text[ps:pe]
                if prev[-1] in "和与" and len(prev) > 3 and self._type_of(prev[:-1])[0] is None \
                        and self._type_of(text[s:e])[0] in ("Organization", "Union"):
                    joins[i] = (ps, e, "ORG")
            elif ptag == "LOC":
                suffix = self.lex.ends_with(text[s:e], "place", "suffixes") if tag == "LOC" else None
                if suffix and e - s - len(suffix) == 1 and self._type_of(text[ps:pe])[0] is None:
                    joins[i] = (ps, e, "LOC")  # 江南|中街道: a one-character remainder is no name
            elif pe - ps == 1 and tag == "LOC" and e - s == 2 and text[e - 1] in "镇乡村":
                joins[i] = (ps, e, "LOC")
        if not joins:
            return words
        out: list[Word] = []
        for i, w in enumerate(words):
            if i - 1 in joins:
                continue
            out.append(joins.get(i, w))
        return out

    def _split(self, text: str, s: int, e: int, tag: str) -> list[Word]:
        w = text[s:e]
        duration = _DURATION.match(w) if tag in ("ORG", "LOC") else None
        if duration and duration.end() < len(w) and self._type_of(w[duration.end():])[0] is not None:
            return [(s, s + duration.end(), "m")] + self._split(text, s + duration.end(), e, tag)
        if len(w) > 2 and w[-1] in "和及与等在为向对由将" and self._type_of(w[:-1])[0] is not None:
            return self._split(text, s, e - 1, tag) + [(e - 1, e, "c")]  # 环卫工人|和
        if len(w) > 3 and w[-1] == "讯" and self._type_of(w[:-1])[0] == "Organization":
            return [(s, e - 1, "ORG"), (e - 1, e, "n")]  # 某某日报|讯: the outlet of a dateline
        if len(w) > 3 and w[-1] == "所" and self._type_of(w[:-1])[0] == "Union":
            return self._split(text, s, e - 1, "ORG") + [(e - 1, e, "v")]  # 某区总工会|所(属)
        if len(w) > 4 and (tag in ("v", "vd", "vn", "d", "p") or w.startswith(self.partners)):
            cue = self.lex.starts_with(w, self._split_words, self._split_lengths)
            kind = self._type_of(w[len(cue):])[0] if cue else None
            if cue and kind in ("Union", "Organization", "Site", "Place"):
                tail_tag = "ORG" if kind in ("Union", "Organization") else "LOC"  # 联合|某县人民医院
                return [(s, s + len(cue), "v")] + self._split(text, s + len(cue), e, tail_tag)
        if tag == "c" and len(w) > 2 and w[0] in "和与" and self._type_of(w[1:])[0] == "Organization":
            return [(s, s + 1, "c"), (s + 1, e, "nz")]  # 文化|和旅游局: the 和 read with the department's head
        if tag in ("v", "vn") and len(w) in (3, 4) and w[:2] in self._split_starts:
            lead = self.lex.starts_with(w, self._split_words, self._split_lengths) or ""
            rest = w[len(lead):] if len(lead) >= 2 else ""
            if rest and (rest in self._event_heads or (len(rest) == 1 and rest not in self.stop)):
                return [(s, s + len(lead), "v"), (s + len(lead), e, "n")]  # 出席|会议, 面向|网(约车司机)
        if tag in ("ORG", "LOC", "n", "nz", "PER") and len(w) > 3:
            whole = self._type_of(w)[1]
            for cut in range(len(w) - len(whole) - 1, 1, -1):
                rest = w[cut:]
                if self.lex.starts_with(rest, self._split_words, self._split_lengths) \
                        and self._type_of(w[:cut])[0] in ("Union", "Organization", "Site", "Place"):
                    return self._split(text, s, s + cut, "ORG") + self._split_stop(text, s + cut, e)
        if tag in ("LOC", "ORG") and len(w) > 6 and self._type_of(w)[0] in ("Organization", "Site"):
            for i in range(3, len(w) - 3):
                if w[:i].endswith(("区", "县", "镇", "街道")) and self._type_of(w[:i])[0] == "Place" \
                        and self._type_of(w[i:])[0] in ("Organization", "Site") and self._opens_with_a_city(text, s + i):
                    return [(s, s + i, "LOC")] + self._split(text, s + i, e, "ORG")  # 某区|常德技师学院
        if tag in ("LOC", "ORG") and self._type_of(w)[0] in ("Place", "Site"):
            for i in range(3, len(w) - 2):
                if w[:i].endswith(("省", "市", "区", "县", "镇", "乡", "街道")) and w[i] != "立" \
                        and self._type_of(w[i:])[0] in ("Place", "Site") and not self._kind_only(w[i:]) \
                        and not self.lex.starts_with(w[i:], self._union_words, self._union_lengths):
                    return [(s, s + i, "LOC")] + self._split(text, s + i, e, tag)
        if tag in ("n", "nz") and len(w) >= 4:
            union = self.lex.starts_with(w, self._union_words, self._union_lengths)
            if union and w[len(union):] in self.titles:
                return [(s, s + len(union), "n"), (s + len(union), e, "n")]  # 工会|主席 after a company's name
            named = self._title_then_name(w)
            if named:
                return [(s, s + len(named), "n"), (s + len(named), e, "PER")]  # 副主席|某某: title and name glued
        title = self.lex.ends_with(w, "title", "words") if tag in ("n", "nz", "ORG") else None
        if title and len(w) > len(title) and tag in ("n", "nz", "ORG") and self._type_of(w[: -len(title)])[0] in ("Union", "Organization"):
            return self._split(text, s, e - len(title), "ORG") + [(e - len(title), e, "n")]  # 市委|书记
        if tag == "LOC" and len(w) > 4 and w.endswith(_SEGMENTS) and self._type_of(w[:-2])[0] == "Site":
            return [(s, e - 2, "LOC"), (e - 2, e, "f")]  # 某某路|东段: the street, then which part of it
        counted = _COUNTED.search(w) if tag == "LOC" and len(w) > 4 else None
        if counted and self._type_of(w[:counted.start()])[0]:
            return [(s, s + counted.start(), "LOC"), (s + counted.start(), e, "m")]  # 某某大道|一座(加油站)
        if tag == "PER" and (self._type_of(w)[0] not in (None, "Place") or not _PERSON.match(w)):
            return [(s, e, "nz")]
        return [(s, e, tag)]

    def _opens_with_a_city(self, text: str, at: int) -> bool:
        """常德技师学院 opens with 常德 where the article writes 常德市 (or a county, 某某县)."""
        return any(text.find(text[at:at + n] + unit) >= 0 for n in (2, 3) for unit in ("市", "县"))

    def _title_then_name(self, w: str) -> str | None:
        """The title a word starts with when the rest is a two- or three-character name after a family name."""
        for n in range(min(len(w) - 2, 6), 1, -1):
            title, rest = w[:n], w[n:]
            if title in self.titles and len(rest) <= 3 and _PERSON.match(rest) \
                    and (rest[0] in self.surnames or rest[:2] in self.surnames) \
                    and self._type_of(rest)[0] is None and not any(rest.startswith(t) for t in self.titles):
                return title
        return None

    def _starts_with_stop(self, rest: str) -> bool:
        return any(rest.startswith(w) for w in self.stop if len(w) >= 1)

    def _split_stop(self, text: str, s: int, e: int) -> list[Word]:
        rest = text[s:e]
        for w in sorted(self.stop, key=len, reverse=True):
            if rest.startswith(w):
                tail = self._split(text, s + len(w), e, "ORG") if s + len(w) < e else []
                return [(s, s + len(w), "v")] + tail
        return [(s, e, "ORG")]

    def _join_dots(self, text: str, words: list[Word]) -> list[Word]:
        """Names joined by a middle dot: 某某·某某 (a person), 某郡·某田间 (a named venue)."""
        out: list[Word] = []
        i = 0
        while i < len(words):
            s, e, tag = words[i]
            if tag == "PER" and i + 1 < len(words) and words[i + 1][2] == "PER" and words[i + 1][1] - s <= 6:
                out.append((s, words[i + 1][1], "PER"))  # 苏和|巴特尔: one name lac cut in two
                i += 2
                continue
            if i + 2 < len(words) and text[words[i + 1][0]:words[i + 1][1]] in "·・" \
                    and words[i + 2][2] in ("PER", "nz", "n", "LOC", "ORG"):
                end = words[i + 2][1]
                if tag == "PER" and _PERSON.match(text[s:end]):
                    out.append((s, end, "PER"))
                    i += 3
                    continue
                if tag in ("LOC", "ORG", "nz") and self._type_of(text[words[i + 2][0]:end])[0] is None:
                    j = i + 3
                    if j < len(words) and words[j][1] - words[j][0] == 1 and words[j][2] in ("f", "n"):
                        end, j = words[j][1], j + 1
                    out.append((s, end, "DOT"))
                    i = j
                    continue
            out.append((s, e, tag))
            i += 1
        return out

    # -- heads -----------------------------------------------------------------------------------
    def _type_of(self, w: str) -> tuple[str | None, str]:
        found = self._types.get(w)
        if found is None:
            found = self._types[w] = self._type_of_uncached(w)
        return found

    def _type_of_uncached(self, w: str) -> tuple[str | None, str]:
        best: tuple[str | None, str] = (None, "")
        for etype, section, name in _HEAD_LISTS:
            head = self.lex.ends_with(w, section, name)
            if head and len(head) > len(best[1]):
                best = (etype, head)
        if best[0] == "Site" and w.endswith(self._not_sites):
            return (None, "")  # 记者某某报道: the byline's verb, no street
        if best[0] is None:
            for ending in self.lex.words("worker", "backref_endings"):
                if w.endswith(ending) and len(w) > len(ending):
                    inner = self._type_of(w[: -len(ending)])
                    if inner[0] == "WorkerGroup":
                        return ("WorkerGroup", inner[1] + ending)  # 骑手们, 劳动者群体
        return best

    def candidates(self, text: str, words: list[Word]) -> list[Candidate]:
        found: list[Candidate] = []
        for i, (s, e, tag) in enumerate(words):
            w = text[s:e]
            if tag == "PER" and _PERSON.match(w):
                found.append(Candidate(s, e, "Person"))
                continue
            if tag == "DOT":
                found.append(Candidate(s, e, "Site"))  # a dotted proper name with no head: a venue
                continue
            if w in self.lex.words("union", "anaphors"):
                found.append(Candidate(s, e, "Union", ANAPHOR, w[1:]))  # 该会: the union just named
                continue
            if tag in ("w", "p", "c", "u", "d", "r", "q", "xc", "TIME", "m") or w in self.stop:
                continue
            etype, head = self._type_of(w)
            if i > 0 and words[i - 1][2] not in ("w", "p", "c", "u"):
                joined = self._type_of(text[words[i - 1][0]:e])  # 快递|小哥: a head over two words
                if joined[0] is not None and len(joined[1]) > len(w) and joined[1] == text[words[i - 1][0]:e]:
                    etype, head = joined
            if etype == "Event" and i + 1 < len(words):
                ahead = self._type_of(text[s:words[i + 1][1]])  # 会议|中心, 活动|中心: the head of a site name
                if ahead[0] not in (None, "Event") and (len(ahead[1]) > len(w)
                                                        or ahead[1] == text[words[i + 1][0]:words[i + 1][1]]):
                    continue
            if etype == "Site" and tag == "LOC" and len(w) - len(head) <= 1 \
                    and self.lex.ends_with(w, "place", "suffixes"):
                etype, head = "Place", self.lex.ends_with(w, "place", "suffixes") or ""  # 某园区 as a LOC word: a district
            if etype is None and tag == "LOC" and 0 < s and e < len(text) and text[s - 1] in "“「『" \
                    and text[e] in "”」』":
                found.append(Candidate(s - 1, e + 1, "Site", NAME, ""))  # “某某港湾”: a named facility
                continue
            if etype is None:
                if tag == "LOC" and len(w) >= 2:
                    found.append(Candidate(s, e, "Place", NAME, ""))
                continue
            if etype == "Place":
                if tag == "LOC" or (tag in ("ORG", "n", "nz") and len(w) > len(head) + 1):
                    found.append(Candidate(s, e, "Place", NAME, head))
                continue
            if etype == "Organization" and len(head) == 1 and tag not in ("ORG", "nz") and w != head \
                    and w[:-1] not in self.lex.words("stop", "levels") and not self._after_and(text, words, i) \
                    and not (i > 0 and words[i - 1][2] == "ORG" and words[i - 1][1] == s and w not in self.titles
                             and self._type_of(text[words[i - 1][0]:s])[0] in ("Organization", None)):
                continue  # (某市政府)劳工处, 潇湘|职工报: named after a body's or a proper name lac marks ORG
            if etype == "Organization" and w == "处":
                continue  # 两路交会|处: where, not an office
            cand = self._extend(text, words, i, etype, head)
            if cand is not None:
                found.append(cand)
        found.extend(self._quoted_sites(text))
        # the place a report is filed from comes first, so that it wins over a person read there
        found[:0] = [Candidate(m.start(1), m.end(1), "Place") for m in _REPORTED_FROM.finditer(text)]
        chosen = self._places_made_whole(text, self._company_unions(text, self._descriptors_out(text, self._choose(text, found))))
        return self._venues(text, self._coordinated_unions(text, chosen))

    def _after_and(self, text: str, words: list[Word], i: int) -> bool:
        """某区文化体育|和|旅游局: a department whose name joins two fields with 和 (its head is one word)."""
        return i > 1 and text[words[i - 1][0]:words[i - 1][1]] == "和" and words[i - 2][2] in ("LOC", "ORG") \
            and self._type_of(text[words[i - 2][0]:words[i - 2][1]])[0] is None

    def _places_made_whole(self, text: str, cands: list[Candidate]) -> list[Candidate]:
        """定|王台街道总工会: a name that starts inside a place the article names whole elsewhere
        (定王台街道) takes back the characters the tagger cut off."""
        places = {text[c.start:c.end] for c in cands if c.type == "Place" and c.end - c.start >= 4}
        if not places:
            return cands
        ends = {c.end for c in cands}
        for c in cands:
            for place in places:
                for k in (1, 2):
                    if c.start >= k and c.start not in ends and c.start - k not in ends \
                            and text.startswith(place, c.start - k) and c.end >= c.start - k + len(place) \
                            and not any(o.start < c.start and c.start - k < o.end for o in cands):
                        c.start -= k
                        break
        return cands

    def _company_unions(self, text: str, cands: list[Candidate]) -> list[Candidate]:
        """某配送有限公司|工会 where lac split the name: the company's union, not the company."""
        starts = {c.start for c in cands}
        for c in cands:
            if c.type != "Organization" or c.kind != NAME or c.head not in self._company_heads:
                continue
            union = self.lex.starts_with(text[c.end:c.end + 8], self._union_words, self._union_lengths)
            if union and c.end + len(union) not in starts:
                c.end, c.type, c.head = c.end + len(union), "Union", union
        return cands

    def _descriptors_out(self, text: str, cands: list[Candidate]) -> list[Candidate]:
        """快递员张某: a group word right before one person's name describes that person; it names a
        group only where it also stands on its own in the article."""
        people = {c.start for c in cands if c.type == "Person"}
        described = [c for c in cands if c.type == "WorkerGroup" and c.end in people]
        alone = {text[c.start:c.end] for c in cands if c.type == "WorkerGroup" and c.end not in people}
        return [c for c in cands if c not in described or text[c.start:c.end] in alone]

    def _venues(self, text: str, cands: list[Candidate]) -> list[Candidate]:
        """在某学院举办: an institution named only as the place of an event is a Site there; a venue
        that 承办 an event (某市群众艺术馆承办) acts as a body (DECISIONS: typed by its role)."""
        partners: set[str] = set()
        for i, c in enumerate(cands):
            if c.type == "Organization" and _HAPPENS_NEXT.match(text, c.end) \
                    and text.endswith("在", 0, self._address_start(text, cands, i)):
                c.type = "Site"
            elif c.type == "Site" and c.kind == NAME and (text.startswith(self._co_organize, c.end) or (
                    i > 0 and cands[i - 1].type == "Union" and text[cands[i - 1].end:c.start] in self.partners)):
                c.type = "Organization"  # 某区总工会联合某图书馆举办: a partner in holding the event is a body
                if not text.startswith(self._co_organize, c.end):
                    partners.add(text[c.start:c.end])
        if partners:  # the partner stays a body where named again (某图书馆馆长某某)
            for c in cands:
                if c.type == "Site" and text[c.start:c.end] in partners:
                    c.type = "Organization"
        return cands

    def _address_start(self, text: str, cands: list[Candidate], i: int) -> int:
        """Where the address ending at cands[i] starts: 在某区(的)某学院 reads back over the places."""
        start = cands[i].start
        for c in reversed(cands[:i]):
            if c.type not in ("Place", "Site") or text[c.end:start] not in ("", "的", "位于"):
                break
            start = c.start
        return start

    def _quoted_sites(self, text: str) -> list[Candidate]:
        """“某某之家”: a quoted name that ends with a site head is a site even when lac splits the head."""
        out = []
        for m in _QUOTED.finditer(text):
            inner = m.group(1)
            if text.startswith(self._event_openers, m.end()):
                continue  # “送法进站点”系列活动: the quoted title names a campaign
            etype, head = self._type_of(inner)
            if etype == "Site" and len(head) >= 2 and len(inner) > len(head):
                out.append(Candidate(m.start(), m.end(), "Site", NAME, head))
        return out

    def _coordinated_unions(self, text: str, cands: list[Candidate]) -> list[Candidate]:
        """甲市、乙区总工会 names two unions: the place before 、 borrows the union ending."""
        for a, b in itertools.pairwise(cands):
            if a.type == "Place" and b.type == "Union" and b.kind == NAME and text[a.end:b.start] == "、" \
                    and a.head and self._type_of(text[b.start:b.end][: -len(b.head)])[0] == "Place":
                a.type, a.suffix = "Union", b.head
        return cands

    def _extend(self, text: str, words: list[Word], i: int, etype: str, head: str) -> Candidate | None:
        start = words[i][0]
        end = words[i][1]
        if etype in ("Site", "Organization", "Union", "Event") and end < len(text) and text[end] in QUOTE_CLOSE:
            opening = self._quote_start(text, end)
            after = text[end + 1:end + 6]
            if opening is not None and opening < start and not (
                    etype != "Event" and after.startswith(self._event_openers)):
                return Candidate(opening, end + 1, etype, NAME, head)  # “某某驿站”: quoted whole name
        if etype == "Site" and i + 1 < len(words) and words[i + 1][0] == end and words[i + 1][2] in ("n", "nz") \
                and self._type_of(text[words[i + 1][0]:words[i + 1][1]])[0] == "Event":
            return None  # 职工沙滩|运动会: the place word only says what kind of event
        if etype == "Union" and i + 1 < len(words):
            follower = text[words[i + 1][0]:words[i + 1][1]]
            ftype, fhead = self._type_of(follower)
            modifies = ftype in ("Site", "WorkerGroup", "Event") or (
                ftype == "Organization" and fhead not in self.lex.words("union", "department_suffixes"))
            if modifies and follower not in self.teams:  # 某区总工会代表队: the team's union is named
                return None  # 工会驿站, 工会会员: the union word only modifies the next noun
        allowed = _NAME_TAGS | _EXTRA_TAGS[etype]
        trade = etype == "Organization" and head in self.lex.words("organization", "company_heads")
        if trade:
            allowed = allowed | {"v", "d"}  # 某某即时配送有限公司: a company name says its trade
        anchor = text[words[i][0]:words[i][1]]
        self_named = etype == "Site" and words[i][2] in ("LOC", "ORG") and len(anchor) > len(head) \
            and not self._generic_modifier(anchor[: len(anchor) - len(head)])
        k, used = i - 1, 0
        dotted = False
        street = etype == "Site" and head in self._street_heads
        while k >= 0 and used < _MAX_WORDS[etype]:
            s, e, tag = words[k]
            w = text[s:e]
            if e != start:
                break  # a sentence or line boundary lies between
            if etype in ("Site", "Organization") and w == "立" and k > 0 and words[k - 1][2] == "LOC" \
                    and text[words[k - 1][1] - 1] in "省市县区":
                start, k, used = words[k - 1][0], k - 2, used + 2  # 某市|立|体育场: a city's own venue
                continue
            if etype == "Event" and w in self._event_breaks:
                break  # 选手进入|决赛: the verb refers to the event, the name starts after it
            if etype == "Event" and w in "）)" and k > 1 and text[words[k - 2][0]:words[k - 2][1]] in "（(" \
                    and words[k - 1][1] - words[k - 1][0] <= 4:
                start, k = words[k - 2][0], k - 3  # 全委（扩大）会议: a short aside inside the name
                continue
            if etype == "Event" and w == "——" and k > 0 and text[words[k - 1][0]:words[k - 1][1]] in QUOTE_CLOSE:
                start, k = s, k - 1
                continue
            if w in QUOTE_CLOSE and w != "》":
                opening = self._quote_start(text, s)
                if opening is None:
                    break
                if etype == "WorkerGroup":
                    break
                start = opening
                while k >= 0 and words[k][0] > opening:
                    k -= 1
                k -= 1
                used += 1
                if etype == "Site":
                    break  # a quoted title starts a site's own name; a place before it is named apart
                if etype == "Event" and k >= 0 and words[k][1] == start \
                        and (self._type_of(text[words[k][0]:words[k][1]])[0] == "Union"
                             or (words[k][2] == "LOC" and (k == 0 or words[k - 1][2] in ("w", "p", "v", "u", "c")))):
                    break  # 某区总工会“某某”行动, 某区“某某”活动: the union or place is no part of the name
                continue
            if w in "·・" and k > 0 and words[k - 1][2] in allowed:
                start, k = s, k - 1
                dotted = True
                continue
            if w == "和" and etype == "Organization" and k > 0 and words[k - 1][2] in ("n", "vn", "ORG", "LOC") \
                    and self._type_of(text[words[k - 1][0]:words[k - 1][1]])[0] is None:
                start, k = s, k - 1
                continue
            if etype == "Event" and w in self._campaign_verbs and 0 < k < i - 1 and words[k - 1][2] in ("v", "vn", "n") \
                    and text[words[k - 1][0]:words[k - 1][1]] not in self.stop:
                start, k, used = s, k - 1, used + 1  # 普法宣讲进工地活动: a campaign named for where it goes
                continue
            if etype == "Event" and (w == "暨" or self._quoted_before(text, words, k)
                                     or self._cue_inside_event(text, words, k)) and w not in "的了在为":
                start, k, used = s, k - 1, used + 1
                continue
            if etype == "WorkerGroup" and k == i - 1 and tag == "v" and e - s == 1 and head == "工" \
                    and words[i][1] - words[i][0] == 2 and (k == 0 or words[k - 1][2] in ("p", "c", "w")):
                start, k, used = s, k - 1, used + 1  # 、造|雪工、: a one-character verb names the trade with its object
                continue
            if etype == "WorkerGroup" and w in self.cue_words and (k == 0 or words[k - 1][2] in ("p", "c", "u", "w", "d")):
                break  # 把|服务|一线劳动者: a cue verb opening the phrase is what is done for the group
            if tag == "v" and (w not in self.stop or w in self.serve_cues) \
                    and etype in ("Site", "WorkerGroup", "Union") \
                    and self._inner_verb(text, words, k, i, allowed):
                start, k, used = s, k - 1, used + 1
                continue
            if tag == "vn" and w in self.build_cues and k > 0 and words[k - 1][2] in ("LOC", "ORG", "nz", "n") \
                    and etype in ("Site", "Organization"):
                start, k, used = s, k - 1, used + 1  # 某地铁线建设项目部: 建设 names the project
                continue
            if w in self.stop or tag not in allowed:
                break
            if tag == "m" and etype == "Event" and w.endswith("期"):
                break  # 首期“某某”活动: which issue of a series, not part of its name
            if tag == "m" and etype in ("Union", "Organization") and w.endswith(("届", "任")):
                break  # 上一届|公司工会: a term of the union, not part of its name
            if tag == "m" and not _ORDINAL.match(w) and not (
                    etype == "WorkerGroup" and w in self.lex.words("worker", "position_qualifiers")):
                break
            if tag == "TIME" and not _YEAR.match(w) and not (etype == "Event" and self._festival(w)):
                break
            if tag == "PER" and etype not in ("Site", "Organization"):
                break
            if tag == "f" and (etype == "WorkerGroup" or (etype == "Union" and k > 0 and words[k - 1][2] in ("TIME", "m"))):
                break  # 高温天气下|户外劳动者, 春节前|市总工会
            if tag in ("v", "d") and trade and not (k > 0 and words[k - 1][2] in ("n", "nz", "LOC", "ORG", "d", "vn")
                                                    and text[words[k - 1][0]:words[k - 1][1]] not in self.stop):
                break  # a trade word sits between name words, never at the front (来自|某公司)
            if street and tag in ("v", "vn", "a") and w not in self.stop and k > 0 \
                    and words[k - 1][2] in ("LOC", "ORG") and self._type_of(text[words[k - 1][0]:words[k - 1][1]])[0] == "Place":
                start, k, used = s, k - 1, used + 1  # 某区|科创|大道: the street's own name after the district
                continue
            if tag == "v" and etype != "Event" and not trade and not self._inner_verb(text, words, k, i, allowed):
                break
            if tag == "v" and etype == "Event" and not self._named_left(text, words, k, allowed):
                break
            if etype == "Site" and not dotted and (
                    (tag == "LOC" and self._type_of(w)[0] in ("Place", "Site"))
                    or (tag == "ORG" and self._type_of(w)[0] == "Place")) \
                    and (self_named or (street and self._type_of(w)[0] == "Place")
                         or self._is_named(text, words, start, words[i][1])) \
                    and not self._community_facility(text, words, k, head) and not self._short_city(text, w):
                break  # 某镇 before 某某村, 某新区|某港区职工文化中心, 某街道|某某路: two names of an address chain
            if etype in ("Organization", "Site") and tag in ("LOC", "ORG") and w.endswith(("区", "县", "镇", "街道")) \
                    and self._type_of(w)[0] == "Place" and self._opens_with_a_city(text, start):
                break  # 某区|常德技师学院: the institution's name opens with a city of its own
            if etype == "Organization" and w in self._body_nouns and k + 1 < i:
                break  # 承包企业|某集团有限公司: a common noun before the name describes it
            if w in self.titles and etype != "Event":
                break
            start, k, used, dotted = s, k - 1, used + 1, False
        kind = self._kind(text, words, k, start, end, etype, head)
        if kind is None:
            return None
        before = text[words[k][0]:words[k][1]] if k >= 0 else ""
        if kind == ANAPHOR and before.startswith(self.lex.words("stop", "anaphor_markers")) and len(before) <= 3:
            start = words[k][0]  # 该区总工会, also when lac reads 该区 as one word
        if etype == "Organization" and head in self.lex.words("union", "department_suffixes") \
                and any(u in text[start:end - len(head)] for u in self.lex.words("union", "suffixes")):
            etype = "Union"  # 某市总工会权益保障部, 某县总工会女职工委员会: a union's department
        if etype == "Event":
            end = self._without_ceremony(text, start, end)
        if etype == "Organization" and text[end - 1] == "队":
            for team in self.teams:  # 某医院合唱队: the body fields the team; the team is no entity
                inner = text[start:end - len(team)]
                if text.endswith(team, start, end) and len(inner) >= 3 and self._type_of(inner)[0] == "Organization":
                    end, head = end - len(team), self._type_of(inner)[1]
                    break
        if etype == "WorkerGroup" and head in self.lex.words("worker", "generic_heads") and i + 1 < len(words):
            s2, e2, tag2 = words[i + 1]
            named = self.lex.ends_with(text[start:end], "worker", "self_heads") is not None \
                or text[s2:e2] in self.lex.words("worker", "group_followers")  # 新就业形态劳动者|流动性
            if tag2 in ("n", "vn") and self._type_of(text[s2:e2])[0] != "WorkerGroup" and not named:
                return None  # 职工服务阵地, 职工文化: the group word only modifies the next noun
        if etype == "WorkerGroup" and i + 1 < len(words) and words[i + 1][0] == end \
                and self._type_of(text[words[i + 1][0]:words[i + 1][1]]) == ("Site", text[words[i + 1][0]:words[i + 1][1]]):
            return None  # 户外劳动者|服务站: the group says whom the site is for; the site is the name
        if etype == "WorkerGroup":
            stripped = self._strip_empty_qualifiers(text, words, start, end)
            if stripped is None:
                return None
            start = stripped
        return Candidate(start, end, etype, kind, head)

    def _community_facility(self, text: str, words: list[Word], k: int, head: str) -> bool:
        """某区|某某社区工会驿站: a facility named by its community keeps the district before it
        (DECISIONS: a site keeps its geographic prefix); 某镇|某某村 stays two names."""
        first = text[words[k + 1][0]:words[k + 1][1]]
        return head not in self._units and words[k][2] == "LOC" and self._type_of(text[words[k][0]:words[k][1]])[0] == "Place" \
            and self._type_of(first)[1] in self._units and len(first) > 2

    def _short_city(self, text: str, w: str) -> bool:
        """泉州|东海湾商业广场 where the article writes 泉州市: a city's short name opens the site's own name."""
        return 2 <= len(w) <= 3 and not w.endswith(("市", "区", "县", "镇", "乡", "街道", "省")) and w + "市" in text

    def _inner_verb(self, text: str, words: list[Word], k: int, anchor: int, allowed: set[str]) -> bool:
        """A verb stands inside a name only between two name words (更新改造工程建设者)."""
        if k == 0 or k + 1 >= anchor:
            return False
        left, right = words[k - 1], words[k + 1]
        return (left[2] in allowed - {"v"} and right[2] in ("n", "vn", "nz", "LOC", "ORG")
                and text[left[0]:left[1]] not in self.stop
                and self._type_of(text[left[0]:left[1]])[0] != "WorkerGroup")  # 劳动者|开放|书屋: two phrases

    def _quoted_before(self, text: str, words: list[Word], k: int) -> bool:
        """A cue word right after a quoted title belongs to the event's name (“…”慰问活动)."""
        return k > 0 and text[words[k - 1][0]:words[k - 1][1]] in QUOTE_CLOSE

    def _cue_inside_event(self, text: str, words: list[Word], k: int) -> bool:
        """工作室揭牌仪式: a cue verb between a noun and the event head is part of the name."""
        w = text[words[k][0]:words[k][1]]
        if k == 0 or w in self.host_cues or w not in self.stop or w in self._locatives:
            return False
        s, e, tag = words[k - 1]
        left = text[s:e]
        return left in QUOTE_CLOSE or (tag in ("n", "vn", "a") and left not in self.host_cues)

    def _festival(self, w: str) -> bool:
        """春节, 2026年元旦: a festival, alone or after its year, may open an event's name."""
        year = _YEAR_START.match(w)
        return w[year.end() if year else 0:] in self.festivals

    def _named_left(self, text: str, words: list[Word], k: int, allowed: set[str]) -> bool:
        if k == 0:
            return False
        s, e, tag = words[k - 1]
        w = text[s:e]
        if tag == "TIME":  # 春节送温暖活动: a festival, not a date
            return not any(ch.isdigit() for ch in w) and w not in self.stop
        return w in QUOTE_CLOSE or (tag in allowed - {"m", "v"} and w not in self.stop)  # 希望|透过|比赛: no name

    def _quote_start(self, text: str, close: int) -> int | None:
        pair = {"”": "“", "’": "‘", "」": "「", "』": "『", '"': '"'}.get(text[close])
        if pair is None:
            return None
        opening = text.rfind(pair, max(0, close - 60), close)
        if opening < 0 or any(c in text[opening:close] for c in "。\n"):
            return None
        return opening

    def _kind(self, text: str, words: list[Word], k: int, start: int, end: int,
              etype: str, head: str) -> str | None:
        name = text[start:end]
        qualifier = name[: len(name) - len(head)]
        before = text[words[k][0]:words[k][1]] if k >= 0 else ""
        markers = self.lex.words("stop", "anaphor_markers")
        if etype == "Union":
            if before == "的" and qualifier in self.lex.words("stop", "levels"):
                return None  # 下属的街道工会: a kind of union, not a name
            if not qualifier:
                if name == "总工会":
                    return ANAPHOR  # 总工会 alone: the federation the article names
                return ANAPHOR if before.startswith(markers) and len(before) <= 3 else None
            if qualifier in self.lex.words("union", "generic_prefixes") \
                    or qualifier.startswith(self.lex.words("union", "generic_starts")):
                return None
            if qualifier in self.lex.words("stop", "levels") or before in markers:
                return ANAPHOR
            if qualifier.startswith(self.lex.words("stop", "levels")) and len(qualifier) >= 3:
                return NAME  # 省金融工会, 自治区教育工会: a level and a sector, resolved to the full name
            return NAME if self._is_named(text, words, start, end) or self._type_of(qualifier)[0] else None
        if etype == "Event":
            if before in markers or qualifier in self.lex.words("event", "anaphor_prefixes") or not qualifier:
                return ANAPHOR
            if any(q in QUOTE_OPEN for q in qualifier):
                return NAME
            if qualifier.endswith(("有关", "相关")) or before == "等":
                return None  # 某总工会有关会议(精神): meetings of a body; 拔河、接力等趣味竞赛: a kind of contest
            if name.endswith(self._ceremony_endings) and name.removesuffix(head) in self._ceremony_kinds:
                return ANAPHOR  # 出席结业仪式: a ceremony of the article's event, not an event of its own
            if head in self.lex.words("event", "quoted_heads"):
                return None  # 技能培训, 案例分享会: routine work unless a quoted title names it
            rest = qualifier
            for g in self.lex.words("event", "generic_qualifiers"):
                rest = rest.replace(g, "")
            if rest in self.stop:
                return None  # 出席会议, 主持会议: a verb and the head, no name
            return NAME if len(rest) >= 2 else None
        if etype == "WorkerGroup":
            bare_head = head.removesuffix("们").removesuffix("群体")
            if qualifier and head in self._generic_group_heads and self._type_of(qualifier)[0] in ("Union", "Organization") \
                    and len(qualifier) > len(self._type_of(qualifier)[1]):
                return None  # 某局工作人员, 某部工作人员: the staff of a named body, no group of workers
            if qualifier and bare_head not in self.lex.words("worker", "self_heads") \
                    and not self._qualifies(text, words, start, end - len(head)):
                return None  # 服务职工, 好劳动者: a verb or a bare adjective is no qualifier
            if name.endswith("工") and text.startswith("会", end) and not text.startswith("会议", end):
                return None  # 会员|工会 read as 会员工|会: the union word runs across
            if qualifier or bare_head in self.lex.words("worker", "self_heads"):
                if any(name.endswith(s) for s in self.lex.words("worker", "union_staff")
                       + self.lex.words("worker", "not_groups")):
                    return None
                return NAME
            return None
        if etype == "Site":
            if not qualifier:
                return ANAPHOR
            # a kind-only site (该区总工会职工法律援助工作站) may refer back to a named one ending alike
            if self._is_named(text, words, start, end):
                return NAME
            first = next((text[a:b] for a, b, _ in words[k + 1:] if a >= start), "")
            if head in self._street_heads and k >= 0 and words[k][2] in ("LOC", "ORG") \
                    and self._type_of(before)[0] == "Place":
                return NAME  # 某街道环观南路: a street named after the district it lies in
            if before in ("位于", "地处", "坐落于") and not self._generic_modifier(qualifier) \
                    and self._type_of(first)[0] != "Site":
                return NAME  # 位于英雄中路的…: what 位于 points at is a named place (not 园区某中心)
            if before == "在" and _HAPPENS_NEXT.match(text, end) and self._own_words(qualifier) >= 3:
                return NAME  # 在某某滑雪度假区举办: the venue of an event, named by words of its own
            return ANAPHOR if before.startswith(markers) and len(before) <= 3 else GENERIC
        if etype == "Organization":
            if not qualifier and before.startswith(markers) and len(before) <= 3:
                return ANAPHOR  # 该联合会, 该公司
            if not qualifier and head in self._company_heads | {"公司"} and text.startswith(self._title_words, end):
                return ANAPHOR  # 公司总经理某某: the company just named
            if not qualifier or qualifier in self.lex.words("organization", "bare_sector_words") \
                    or _ORDINAL.match(qualifier):  # 第一届委员会: a body's term, not a body
                return None
            if not (self._is_named(text, words, start, end) or qualifier[0] in "省市区县镇乡"):
                return None  # 行业协会: a kind of body, not a named one
            if before in markers:
                return ANAPHOR
            if name in self.teams:
                return None  # 拔河队: a team named only by its sport is no body
            return NAME
        return NAME

    def _in_title(self, text: str, start: int, at: int) -> bool:
        """Whether `at` lies inside a quoted title opened after `start` (“夏日送清凉·驿路伴你行”)."""
        between = text[start:at]
        return sum(between.count(q) for q in QUOTE_OPEN) > sum(between.count(q) for q in QUOTE_CLOSE)

    def _strip_head(self, w: str) -> str:
        head = self._type_of(w)[1]
        return w[: len(w) - len(head)] if head else w

    def _qualifies(self, text: str, words: list[Word], start: int, end: int) -> bool:
        """A qualifier of a group names an occupation, sector, form or position: a noun-like word,
        or an activity noun that is no cue word (养殖工人, 失业职工; not 服务职工)."""
        starting = words[bisect.bisect_left(words, start, key=lambda w: w[0]):bisect.bisect_left(words, end, key=lambda w: w[0])]
        inside = [(s, e, tag) for s, e, tag in starting if e <= end]
        if any(tag == "vn" and text[s:e] not in self.cue_words for s, e, tag in inside):
            return True
        if not inside or any(end < e and tag == "n" for s, e, tag in starting):
            return True  # the qualifier lies (partly) inside the head word itself (环卫工人, 造|雪工)
        if len(inside) == 1 and inside[0][1] - inside[0][0] == 1 and inside[0][2] in ("a", "d", "ad"):
            return False
        return any(tag in ("n", "nz", "ORG", "LOC", "s", "a", "an", "j", "nw", "m") for _, _, tag in inside)

    def _kind_only(self, name: str) -> bool:
        """体育中心体育馆: only kind words and heads, no name of its own (the place before it names it)."""
        rest = name
        for word in self._kind_words:
            rest = rest.replace(word, "")
        return not rest

    def _own_words(self, qualifier: str) -> int:
        """How many characters of a site's qualifier are neither kind words nor the nouns of bodies (企业, 单位)."""
        return len(self._without_kind_words(qualifier, self.lex.words("organization", "own_body")))

    def _generic_modifier(self, qualifier: str) -> bool:
        """职工服务中心, 工人文化宫: the words before the head only say what kind of place it is."""
        return not self._without_kind_words(qualifier)

    def _without_kind_words(self, qualifier: str, more: tuple[str, ...] = ()) -> str:
        """The qualifier with every word that only says what kind of place it is (and `more`) taken out."""
        for word in self.lex.words("site", "generic_modifiers") + more:
            qualifier = qualifier.replace(word, "")
        return qualifier

    def _is_named(self, text: str, words: list[Word], start: int, end: int) -> bool:
        """A site is named when part of it is a proper name, a quoted title or an ordinal."""
        if any(q in text[start:end] for q in QUOTE_OPEN):
            return True
        for s, e, tag in words:
            if s >= start and e <= end and tag in ("LOC", "ORG", "PER", "nz", "nw", "m", "j") \
                    and not (tag in ("ORG", "nz", "LOC") and self._generic_modifier(self._strip_head(text[s:e]))):
                return True
            if s >= end:
                break
        return False

    def _without_ceremony(self, text: str, start: int, end: int) -> int:
        name = text[start:end]
        for ceremony in self.lex.words("event", "ceremonies"):
            rest = name[: -len(ceremony)]
            if name.endswith(ceremony) and self.lex.ends_with(rest, "event", "heads"):
                return end - len(ceremony)
        return end

    def _strip_empty_qualifiers(self, text: str, words: list[Word], start: int, end: int) -> int | None:
        empties = self.lex.words("worker", "empty_qualifiers")
        changed = True
        while changed:
            changed = False
            for q in empties:
                if text.startswith(q, start) and start + len(q) < end:
                    start += len(q)
                    changed = True
        name = text[start:end]
        generic = self.lex.words("worker", "generic_heads")
        if name.rstrip("们") in generic or name.removesuffix("群体") in generic:
            return None
        return start

    def _choose(self, text: str, found: list[Candidate]) -> list[Candidate]:
        """Longest spans first; a span inside another is dropped, generic ones included."""
        # a name longer than any real one is a misread run of text
        found = [c for c in found if c.end - c.start <= (_LONGEST_EVENT if c.type == "Event" else _LONGEST_NAME)]
        found.sort(key=lambda c: (-(c.end - c.start), c.start))
        taken: list[Candidate] = []
        for cand in found:
            clashes = [c for c in taken if c.start < cand.end and cand.start < c.end]
            if clashes and not (cand.type in ("Union", "Organization", "Site") and cand.kind == NAME and cand.head
                                and all(c.type == "Event" and c.start <= cand.start and cand.end <= c.end
                                        and not (cand.type == "Site" and self._in_title(text, c.start, cand.start))
                                        for c in clashes)):
                continue  # a body named inside an event's name (某总工会第十次代表大会) is kept
            taken.append(cand)
        named = [text[c.start:c.end] for c in taken if c.type == "Site" and c.kind == NAME]
        for c in taken:
            kind_only = text[c.start:c.end]
            if c.kind == GENERIC and c.type == "Site" and len(kind_only) >= 4 \
                    and any(n.endswith(kind_only) and len(n) > len(kind_only) for n in named):
                c.kind = ANAPHOR  # 位于某街道的职工法律援助工作站: the named 某工会职工法律援助工作站
        return sorted((c for c in taken if c.kind != GENERIC), key=lambda c: c.start)
