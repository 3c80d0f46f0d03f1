"""Resolution inside one article: names, abbreviations and anaphors become entities."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.lexicon import Lexicon
from kg.extract.recognize import ANAPHOR, Candidate
from kg.model import Entity, Mention, name_key


@dataclass
class Resolved:
    """A mention tied to its entity (label = the entity's fullest name, from Article.text)."""

    start: int
    end: int
    type: str
    label: str


# 全称（简称）or 全称（以下简称“简称”）: the short form is introduced as an alias.
_INTRODUCED = re.compile(r"[（(](?:以下简称|下称|简称)?[“\"「]?([^（）()“”「」\"，。、]{2,10})[”\"」]?[）)]")


_LEVEL_CHARS = "省市区县"
_UNITS = ("市", "县", "区")
_PARK_WORDS = ("园区", "港区")
_PARK_HEADS = ("园", "园区", "物流港", "港", "港区")
_WHOLE_NAMES = ("Site", "Organization", "Union")
_QUOTED_TITLE = re.compile(r"[“「『][^”」』]{2,20}[”」』]")
_LEADING_QUOTE = re.compile(r"^[“「『][^”」』]{2,12}[”」』]")


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


class Resolver:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon

    def resolve(self, analysis: str, original: str, cands: list[Candidate]) -> list[Resolved]:
        """Each candidate that refers to something, with the label of what it refers to."""
        names = [c for c in cands if c.kind != ANAPHOR]
        # Longest names first so that shorter forms find their full name.
        endings = self.lex.words("worker", "backref_endings")
        order = sorted(names, key=lambda c: (analysis[c.start:c.end].endswith(endings), -(c.end - c.start)))
        canon: dict[tuple[str, str], str] = {}          # (type, key) -> label
        firsts: dict[str, Candidate] = {}                # label -> first candidate naming it
        out: list[Resolved] = []
        for cand in order:
            key = name_key(analysis[cand.start:cand.end] + cand.suffix)
            label = canon.get((cand.type, key))
            if label is None:
                label = self._full_name(analysis, original, cand, canon, firsts)
                if cand.type == "WorkerGroup" and label == original[cand.start:cand.end] \
                        and analysis[cand.start:cand.end].endswith("们"):
                    continue  # 队员们 with no group named before it
                if cand.type == "WorkerGroup" and label == original[cand.start:cand.end] \
                        and label.endswith("群体") and len(label) > 4:
                    label = label[:-2]  # 一线劳动者群体 names the group 一线劳动者
                if cand.type == "Place" and label == original[cand.start:cand.end]:
                    label = self._place_with_unit(analysis, original, cand) or label
                canon[(cand.type, key)] = label
                firsts.setdefault(label, cand)
            out.append(Resolved(cand.start, cand.end, cand.type, label))
        out.sort(key=lambda r: r.start)
        out = self._ceremonies_join_events(analysis, out)
        out = self._repeated_names(analysis, out)
        out = self._repeated_bodies(analysis, original, out)
        out = self._company_short_forms(analysis, original, out)
        out = self._introduced_forms(analysis, original, out)
        out = self._quoted_short_forms(analysis, out)
        for cand in (c for c in cands if c.kind == ANAPHOR):
            label = self._antecedent(analysis, cand, out)
            if label is not None:
                kinds = [r.type for r in out if r.label == label]
                out.append(Resolved(cand.start, cand.end, kinds[0] if kinds else cand.type, label))
                out.sort(key=lambda r: r.start)
        return out

    def _repeated_names(self, analysis: str, out: list[Resolved]) -> list[Resolved]:
        """A person named once is the same person wherever the name recurs, also where the tagger
        missed it or cut it short (某某新 read as 某某 + 新)."""
        names: dict[str, str] = {}
        seen: dict[str, int] = {}
        for r in out:
            if r.type == "Person" and r.end - r.start >= 2:
                name = analysis[r.start:r.end]
                names[name] = r.label
                seen[name] = seen.get(name, 0) + 1
        for name, label in sorted(names.items(), key=lambda kv: -len(kv[0])):
            if analysis.count(name) == seen[name]:
                continue  # every occurrence is already a mention
            at = analysis.find(name)
            while at >= 0:
                end = at + len(name)
                clash = [r for r in out if r.start < end and at < r.end]
                if all(r.type == "Person" and at <= r.start and r.end <= end for r in clash):
                    out = [r for r in out if r not in clash] + [Resolved(at, end, "Person", label)]
                at = analysis.find(name, end)
        return sorted(out, key=lambda r: r.start)

    def _place_with_unit(self, analysis: str, original: str, cand: Candidate) -> str | None:
        """基隆 in a dateline is 基隆市 when the article writes 基隆市 anywhere (in 基隆市总工会 too)."""
        name = analysis[cand.start:cand.end]
        if name.endswith(tuple(self.lex.words("place", "suffixes"))):
            return None
        for unit in _UNITS:
            at = analysis.find(name + unit)
            if at >= 0:
                return original[at:at + len(name) + len(unit)]
        return None

    def _company_short_forms(self, analysis: str, original: str, out: list[Resolved]) -> list[Resolved]:
        """台椒药业 for 浙江台椒药业股份有限公司 (also when only its union, 某公司工会, is named): a company's
        name without its legal form, and without a two-character place before it, written alone."""
        done: set[str] = set()
        for r in [r for r in out if r.type in ("Union", "Organization")]:
            name = analysis[r.start:r.end]
            if r.type == "Union":
                name = name[: -len(self.lex.ends_with(name, "union", "suffixes") or "")] or name
            head = self.lex.ends_with(name, "organization", "company_heads")
            if head is None or name in done:
                continue
            done.add(name)
            core = name[: -len(head)]
            label = r.label if r.type == "Organization" else original[r.start:r.start + len(name)]
            for short in (core, core[2:]):
                if len(short) < 4 or len(self._without_trade_words(short)) < 2:
                    continue
                spans = [(m.start(), m.end()) for m in re.finditer(re.escape(short), analysis)]
                free = [(a, b) for a, b in spans if not any(x.start < b and a < x.end for x in out)]
                if free:
                    out = out + [Resolved(a, b, "Organization", label) for a, b in free]
                    break
        return sorted(out, key=lambda x: x.start)

    def _without_trade_words(self, name: str) -> str:
        """The name less the trade words it ends with (蜀丰药业 -> 蜀丰, 电力工程 -> nothing)."""
        while trade := self.lex.ends_with(name, "organization", "trade_words"):
            name = name[: -len(trade)]
        return name

    def _repeated_bodies(self, analysis: str, original: str, out: list[Resolved]) -> list[Resolved]:
        """A site or body named whole once is the same one where its name recurs and the tagger read
        the recurrence as smaller pieces (某某|职工 as a group, then 疗休养基地)."""
        names = {analysis[r.start:r.end]: r for r in out
                 if r.type in _WHOLE_NAMES and r.end - r.start >= 5 and original[r.start:r.end] == r.label}
        for name, first in sorted(names.items(), key=lambda kv: -len(kv[0])):
            at = analysis.find(name)
            while at >= 0:
                end = at + len(name)
                clash = [r for r in out if r.start < end and at < r.end]
                if clash and not any(r.start == at and r.end == end for r in clash) \
                        and all(at <= r.start and r.end <= end for r in clash):
                    out = [r for r in out if r not in clash] + [Resolved(at, end, first.type, first.label)]
                at = analysis.find(name, end)
        return sorted(out, key=lambda r: r.start)

    def _ceremonies_join_events(self, analysis: str, out: list[Resolved]) -> list[Resolved]:
        """“甲乙”助学金发放仪式 is part of the article's “甲乙”活动: one event, named as the activity."""
        events = {r.label: analysis[r.start:r.end] for r in out if r.type == "Event"}
        endings = self.lex.words("event", "ceremony_endings")
        renamed: dict[str, str] = {}
        for label, text in events.items():
            title = _QUOTED_TITLE.search(text)
            if not text.endswith(endings) or title is None:
                continue
            owners = {other for other, t in events.items()
                      if other != label and title.group(0) in t and not t.endswith(endings)}
            if len(owners) == 1:
                renamed[label] = owners.pop()
        return [Resolved(r.start, r.end, r.type, renamed.get(r.label, r.label)) for r in out]

    def _introduced_forms(self, analysis: str, original: str, out: list[Resolved]) -> list[Resolved]:
        """Every occurrence of a short form introduced in brackets after a name refers to that name."""
        by_end = {r.end: r for r in out}
        for m in _INTRODUCED.finditer(analysis):
            named = by_end.get(m.start())
            if named is None or named.type in ("Person", "Place"):
                continue
            short = m.group(1)
            kept = [r for r in out if name_key(analysis[r.start:r.end]) != name_key(short)]  # also “short”
            at = analysis.find(short)
            while at >= 0:
                if not any(r.start < at + len(short) and at < r.end for r in kept):
                    kept.append(Resolved(at, at + len(short), named.type, named.label))
                at = analysis.find(short, at + len(short))
            out = sorted(kept, key=lambda r: r.start)
            by_end = {r.end: r for r in out}
        return out

    def _quoted_short_forms(self, analysis: str, out: list[Resolved]) -> list[Resolved]:
        """“甲乙小驿” alone refers to the site named “甲乙小驿”户外劳动者服务站 (its quoted title)."""
        for r in list(out):
            if r.type != "Site":
                continue
            name = analysis[r.start:r.end]
            m = _LEADING_QUOTE.match(name)
            if not m or m.end() == len(name):
                continue
            short = m.group(0)
            at = analysis.find(short)
            while at >= 0:
                end = at + len(short)
                inside = [x for x in out if at <= x.start and x.end <= end]
                if not any(x.start < end and at < x.end for x in out if x not in inside):
                    out = [x for x in out if x not in inside]  # a person misread inside “甲乙小驿”
                    out.append(Resolved(at, end, r.type, r.label))
                at = analysis.find(short, end)
        return sorted(out, key=lambda x: x.start)

    def _full_name(self, analysis: str, original: str, cand: Candidate,
                   canon: dict[tuple[str, str], str], firsts: dict[str, Candidate]) -> str:
        """The label of a longer name this one abbreviates, else its own text."""
        short = name_key(analysis[cand.start:cand.end] + cand.suffix)
        best: tuple[int, str] | None = None
        for (etype, key), label in canon.items():
            if etype != cand.type or key == short or not self._abbreviates(cand.type, short, key):
                continue
            first = firsts[label]
            distance = abs(cand.start - first.start) + (0 if first.start < cand.start else 100000)
            if best is None or distance < best[0]:
                best = (distance, label)
        return best[1] if best else original[cand.start:cand.end] + cand.suffix

    def _abbreviates(self, etype: str, short: str, full: str) -> bool:
        if etype == "Place":
            rest = full[len(short):]
            return full.startswith(short) and rest in self.lex.words("place", "suffixes")
        if etype == "Person":
            return False
        if etype == "Event":
            return full.startswith(short) or full.endswith(short)
        if etype == "WorkerGroup":
            for ending in self.lex.words("worker", "backref_endings"):
                if short.endswith(ending) and len(short) > len(ending):
                    short = short[: -len(ending)]
                    if short == full:
                        return True
            bare = short in self.lex.words("worker", "self_heads") + self.lex.words("worker", "generic_heads")
            return full.endswith(short) and (bare or len(full) - len(short) >= 3)
        if len(short) < 3:
            return False
        if etype == "Organization" and len(short) >= 4 and short[0] in _LEVEL_CHARS and short[0] in full[1:]:
            rest = full[full.index(short[0], 1):]  # 市人社局 for 某市人力资源和社会保障局, 市府劳工处 for 某市政府劳工处
            if rest[-1] == short[-1] and _is_subsequence(short, rest) and not self._drops_a_level(short, rest):
                return True
        return full.endswith(short) or (short[0] == full[0] and short[-2:] == full[-2:]
                                        and _is_subsequence(short, full)
                                        and not self._drops_a_level(short, full))

    def _drops_a_level(self, short: str, full: str) -> bool:
        """甲市总工会 is not 甲市乙区总工会: the dropped 乙区 is a unit of its own."""
        suffixes = self.lex.words("place", "suffixes")
        gap, j = "", 0
        for ch in full:
            if j < len(short) and ch == short[j]:
                if len(gap) >= 2 and gap.endswith(suffixes):
                    return True
                gap, j = "", j + 1
            else:
                gap += ch
        return len(gap) >= 2 and gap.endswith(suffixes)

    def _antecedent(self, analysis: str, cand: Candidate, resolved: list[Resolved]) -> str | None:
        text = analysis[cand.start:cand.end]
        core = text
        markers = self.lex.words("stop", "anaphor_markers") + self.lex.words("event", "anaphor_prefixes")
        for marker in sorted(markers, key=len, reverse=True):
            if core.startswith(marker) and len(core) > len(marker):
                core = core[len(marker):]
                break
        bodies = ("Union", "Organization")
        same = [r for r in resolved if r.label and (r.type == cand.type or (cand.type in bodies and r.type in bodies))]
        if cand.type == "Event":
            fitting = [r for r in same if core in name_key(analysis[r.start:r.end])]
        else:
            fitting = [r for r in same if name_key(analysis[r.start:r.end]).endswith(core)
                       or r.label.endswith(core)]
        if cand.type == "Site" and not fitting and core in _PARK_WORDS:
            # 园区 after 某某物流园: the park named last before it
            parks = [r for r in same if r.start < cand.start and analysis[r.start:r.end].endswith(_PARK_HEADS)]
            return parks[-1].label if parks else None
        if cand.type == "Site" and not fitting and len(core) >= 2:
            # 驿站 alone after “某某驿站”户外劳动者服务站: the one site whose name holds the word
            holding = {r.label for r in same if r.start < cand.start and core in analysis[r.start:r.end]}
            return holding.pop() if len(holding) == 1 else None
        if cand.type == "Event" and not fitting:
            labels = {r.label for r in same}
            return labels.pop() if len(labels) == 1 else None
        if not fitting:
            if cand.type == "Union" and core == text and text != "总工会":
                return text  # 市总工会 with no fuller name in the article keeps its bare text
            return None
        before = [r for r in fitting if r.start < cand.start]
        unions = [r for r in before if r.type == "Union"]
        if cand.type == "Union" and core != text and unions:
            return unions[-1].label  # 该会: the union named last, before any association (某协会)
        if before:
            return before[-1].label
        if cand.type == "Union" and core == text and len({r.label for r in fitting}) == 1:
            return fitting[0].label  # 市总工会 before the one fuller name the article gives
        return None  # other anaphors point back, never forward


def build_entities(original: str, resolved: list[Resolved]) -> list[Entity]:
    """Entities in order of first mention, each with all its mentions and aliases."""
    entities: dict[tuple[str, str], Entity] = {}
    for r in resolved:
        ent = entities.get((r.type, r.label))
        if ent is None:
            ent = entities[(r.type, r.label)] = Entity(label=r.label, type=r.type)  # type: ignore[arg-type]
        text = original[r.start:r.end]
        ent.mentions.append(Mention(text, r.start, r.end))
        if text != r.label and text not in ent.aliases:
            ent.aliases.append(text)
    return list(entities.values())
