"""Relations of one article: pattern rules (data/patterns.toml) plus the few that need state."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from kg.extract.lexicon import Lexicon
from kg.extract.masked import CLASSES, MARK, MaskedSentence, char_class, expand
from kg.extract.resolve import Resolved
from kg.extract.text import QUOTE_OPEN, split_sentences
from kg.model import Article, Triple

_BODIES = ("Union", "Organization")
_GIVERS = ("Union", "Organization", "Site")
# SCHEMA.md's relations table: the entity types allowed at each end of a predicate.
_ENDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "hosts": (_BODIES, ("Event",)),
    "coOrganizes": (_BODIES, ("Event",)),
    "visits": (_BODIES + ("Person",), _BODIES + ("Site", "Place")),
    "serves": (_GIVERS, ("WorkerGroup",)),
    "holdsPosition": (("Person",), _BODIES),
    "subOrganizationOf": (_BODIES, _BODIES),
    "locatedIn": (("Site", "Event"), ("Site", "Place")),
    "participatesIn": (_BODIES + ("Person",), ("Event",)),
}


@lru_cache(maxsize=1)
def load_rules() -> list[dict[str, Any]]:
    raw = resources.files("kg.extract").joinpath("data/patterns.toml").read_text("utf-8")
    return list(tomllib.loads(raw)["rule"])


_MARKS = tuple(MARK.values())
_PREFIX_UNITS = ("省", "市", "区", "區", "县", "縣", "州")  # units a site's name may start with (not 街道: 某街道某路)
_NUMBERED = re.compile(r"第?[一二三四五六七八九十\d]+[届次]")
_FOUNDING = ("第一次", "首次", "第1次")  # 某联合会第一次会员代表大会…正式成立 founds the body: no host yet
_ASIDE = r"(?:[（(][^（）()。]{1,20}[）)])?"  # 某公司（简称“某某”） inside a list of stops
_THIS_SITE = re.compile("(?:这个|这家|这处|这座|该)(?:服务点|驿站|站点|服务站|之家|书屋|中心)")
_AFTERWARDS = ("结束后", "结束之后", "之后", "后，", "后,")
_ASIDES = re.compile(r"[（(][^（）()。]{1,20}[）)]")
_GROUP = re.compile(r"\(\?P<([so])>([^()]*)\)")
_CLASS = re.compile(r"\{([A-Z]+)[+*]?\}")


@dataclass(frozen=True)
class Rule:
    """A pattern rule of data/patterns.toml with its regex compiled once, when the data is loaded."""

    spec: dict[str, Any]
    regex: re.Pattern[str]
    needs: tuple[frozenset[str], ...]   # the sentence holds one placeholder of each set, or cannot match

    @classmethod
    def compile(cls, spec: dict[str, Any], lexicon: Lexicon) -> Rule:
        needs = []
        for m in _GROUP.finditer(spec["pattern"]):
            if (m.group(1) == "s" and spec.get("subject")) or (m.group(1) == "o" and spec.get("object")):
                continue
            marks = {MARK[t] for letters in _CLASS.findall(m.group(2)) for t in CLASSES[letters]}
            if marks:
                needs.append(frozenset(marks))
        return cls(spec, re.compile(expand(spec["pattern"], lexicon)), tuple(needs))

    def may_match(self, present: frozenset[str]) -> bool:
        """Whether a sentence holding the placeholders `present` can match at all."""
        return all(not marks.isdisjoint(present) for marks in self.needs)


@dataclass
class Tour:
    """A delegation visit: its leader, the union it is credited to, and the event it carries out."""

    leader: str | None = None
    union: str | None = None
    partners: list[str] = field(default_factory=list)   # unions that hold the toured event with it
    events: list[str] = field(default_factory=list)

    joint: bool = False                                   # this sentence's visits are the whole delegation's

    def unions(self) -> list[str]:
        return [u for u in (self.union, *self.partners) if u]

    def visitors(self) -> list[str]:
        """The unions credited with this sentence's visits: the partners only on a joint leg."""
        return self.unions() if self.joint else [self.union] if self.union else []


class RelationFinder:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self.rules = [Rule.compile(spec, lexicon) for spec in load_rules()]
        self._by_marks: dict[frozenset[str], list[Rule]] = {}
        self._own_body_words = lexicon.words("organization", "own_body")
        self._company_heads = tuple(lexicon.words("organization", "company_heads")) + ("公司",)
        self._modifier_words = ("的", "辖下", "下属", "所属", "旗下", "直属", "内的", "里的", "内新建", "新建的")
        self._belongs = tuple(lexicon.words("cue", "belongs_to")) + ("属于",)
        self._says = re.compile("|".join(map(re.escape, lexicon.words("speech", "say"))))
        self._instructed = re.compile("|".join(map(re.escape, lexicon.words("speech", "instruct"))))
        self._alts: dict[str, str] = {}
        self._partners = frozenset(lexicon.words("cue", "partner"))
        self._build_regexes()

    def _build_regexes(self) -> None:
        """The fixed regexes of the stateful rules, compiled once per finder."""
        person, body = char_class(("Person",)), char_class(_BODIES)
        titles = expand("{title+}", self.lex)
        self._tail = re.compile(f"({body})({titles})\\s?$")
        elided = "|".join(map(re.escape, self.lex.words("union", "elided")))
        # 甲(以218票)当选(公司)工会主席; 大会选举乙、丙为工会副主席: a post at the union that elects
        kinds = f"{elided}|工会"
        people = f"((?:{person})(?:[、和](?:{person}))*)"
        marks = "".join(MARK.values())
        # 经委员投票，甲任区总工会主席，乙、丙任副主席: 任 right after the names says the same
        self._elected = re.compile(f"(?:{people}(?:[^。，,{marks}]{{0,8}}?当选为?|担任|出任|任)|选举{people}为)"
                                   f"(?:({body})|({kinds}))?({titles})")
        # 联合会主席、某协会会长某某: a union named only by its kind, at the head of a title list
        self._elided_subject = re.compile(f"(?:该|本)?({elided})")
        self._elided_tail = re.compile(f"(?:^|[、，,])({elided})({titles})\\s?$")
        chain, plain, listed = expand("{V*}", self.lex), expand("{V}", self.lex), expand("{V+}", self.lex)
        marks_all = "".join(MARK.values())
        # 前往A B开展为期四天的疗休养。此次E…: the trip, its event named only in the next sentence
        event_mark = MARK["Event"]
        self._trip = re.compile(f"(?:前往|赴|奔赴)({chain})[^。，,{marks_all}]{{0,2}}?(?:开展|参加|进行)(?!{event_mark})")
        self._this_event = re.compile(f"(?:此次|本次|这次){event_mark}")
        self._located = re.compile(f"在({listed})|(?:位于|地处|坐落于)((?:{plain})+(?:[与和]{plain})?)|(?:赴|来到|前往|走进)({listed})")
        lead = self._alt("lead")
        # 某某带队; 某某一行; 某某出席活动，随后带队来到…: the leader is the person the lead word follows
        # 某某…，在某区总工会主席某某的陪同下，来到…: the one escorted leads the tour
        self._leader = re.compile(f"({person})(?:({lead})|一行)|({person})[^。{MARK['Person']}]{{0,30}}?(?:随后|之后|会后|结束后|并)({lead})"
                                  f"|({person})[^。{MARK['Person']}]{{0,60}}?[，,]在[^。，,{MARK['Person']}]{{0,30}}{person}的?陪同下")
        site_or_place = char_class(("Site", "Place"))
        scene = "|".join(map(re.escape, self.lex.words("site", "scene_words")))
        stop = f"(?:{site_or_place}的)?{char_class(('Site', 'Place', 'Organization', 'Union'))}(?:{scene})?{_ASIDE}"
        stops = f"(?:{stop}(?:(?:[、和及与]|以及)?{stop})*)"  # 走访了甲街道某驿站、乙镇的某公司（简称…）和…
        marks = "".join(MARK.values())
        # 来到位于甲街道(北门)的某驿站; 来到附近的某网点; 走访了园区内的某站: a locative or a short
        # description before the stop
        # ...; 先后来到公司装配车间和某工作室: an unnamed first stop, then the named ones
        # 到某区调研: 到 moves a visitor only when the place is followed by what the visitor does there
        arrive = f"到(?={stops}(?:{self._alt('arrive_for')}))"
        self._visit = re.compile(f"(?:{self._alt('visit')}|{arrive})了?(?:位于{chain}[^。，,{marks}]{{0,4}}的|{site_or_place}(?:内|里|旁|附近|周边)的|[^。，,、{marks}]{{1,6}}?的|[^。，,、{marks}]{{2,10}}?(?:和|及|以及|、))?({stops})")
        self._inside = re.compile(f"(?:{self._alt('visit')})(站|驿站|馆|中心|公寓|书屋|之家)(?:内|里)")
        # 在某区总工会主席某某的陪同下: the companions of a delegation take part in what it carries out
        # 两人在大会上…, 三人均参加了…: a count of the people just named, then the event they were at
        self._counted = re.compile(f"(?:^|[，,])([两二三四])(?:人|位)(?:都|均|也|分别)?(在)(?={char_class(('Event',))}(?:上|现场|期间))")
        self._escort = re.compile("在([^。，,]{1,40}?)的?陪同下")
        self._escorting = re.compile(f"({person})(?:全程|一同|一起|共同)?陪同")  # 某区总工会主席某某陪同慰问
        # 市总工会副主席甲，副主席乙一行: the officials listed before 一行, each after its own title
        self._fellow = re.compile(f"({person})[，,、](?:{body})?(?:{titles})$")
        self._same_body = re.compile(f"({person})[，,、]({titles})\\s?$")
        # 在某区某驿站，…; 在某公司承建的某项目，…: a stop of the tour opening the sentence
        self._stop = re.compile(f"在(?:[^。，,{marks}]{{0,4}}{plain}[^。，,{marks}]{{1,6}}的)?({chain})[,，]"
                                # 在位于某街道的某某家中，…: the home of one visited lies in the units named
                                f"|在位于({chain})的(?:{person}|[^。，,{marks}]){{1,8}}?家(?:中|里)?[,，]")
        # 某某在某驿站里和…拉起家常: the leader at a site on the tour
        self._leader_at = re.compile(f"在({chain})(?:里|内|中)?[^。，,{marks}]{{0,2}}(?:和|与|同|为|向|给)")
        delegation = self.lex.words("cue", "delegation")
        self._delegations = tuple(f"{d}{tail}在" for d in delegation for tail in ("", "一行"))
        self._tour_gift = re.compile(self._alt("tour_gift"))
        group = MARK["WorkerGroup"]
        # 与A交流，并为B送上…: the gift names whom it is for; A, only met, gets nothing
        self._gift_to = re.compile(f"[为向给][^。，,{group}]{{0,10}}?{group}[^。{group}，,]{{0,12}}?(?:{self._alt('tour_gift')})")
        self._host_event = re.compile(f"(?:{self._alt('host')})了?({char_class(('Event',))})")
        self._participate = re.compile(f"(?:{self._alt('participate')})")
        self._representative = re.compile(f"({expand('{UO+}', self.lex)})(?:{self._alt('representative')})")

    def _alt(self, cue: str) -> str:
        """The cue words of one list as a regex alternation (built once)."""
        found = self._alts.get(cue)
        if found is None:
            found = self._alts[cue] = "|".join(re.escape(w) for w in self.lex.words("cue", cue))
        return found

    def find(self, article: Article, analysis: str, resolved: list[Resolved]) -> list[Triple]:
        found = _Found(article.text)
        self._found: _Found | None = found
        unions = [r for r in resolved if r.type == "Union"]
        self._article_union = unions[0] if unions else None
        self._unions = unions
        self._analysis = analysis
        self._authors_now = set(article.authors)
        self._last_event: Resolved | None = None
        self._last_site: Resolved | None = None
        self._sites_seen: list[Resolved] = []
        sentences = [MaskedSentence.build(analysis, s.start, s.end, resolved)
                     for s in split_sentences(analysis)]
        own = self._own_meetings(analysis, resolved)
        tour = Tour()
        trip: list[Resolved] = []
        for sent in sentences:
            for event in (m for m in sent.mentions if m.label in own):
                found.add(own[event.label], "hosts", event.label, sent, 0.8)
            self._positions(sent, found)
            self._tour(sent, tour, found, resolved)
            for rule in self._rules_for(sent.masked):
                self._apply(rule, sent, tour, found)
            if tour.leader and tour.union and not tour.events:
                self._tour_event_named_later(sent, tour, found)
            events = [m for m in sent.mentions if m.type == "Event"]
            if events:
                self._last_event = events[-1]
            sites = [m for m in sent.mentions if m.type == "Site"]
            if sites:
                self._last_site = sites[-1]
                self._sites_seen.extend(sites)
            self._participants(sent, tour, found, resolved)
            trip = self._trip_to_event_named_next(sent, trip, found)
            self._counted_people_at_event(sent, found, resolved)
        self._prefix_places(sentences, resolved, found)
        self._authors(article, found)
        types = {r.label: r.type for r in resolved}
        return [t for t in found.finish() if _ends_fit(t, types)]

    def _trip_to_event_named_next(self, sent: MaskedSentence, trip: list[Resolved], found: _Found) -> list[Resolved]:
        """Where the last sentence's trip went (前往A B开展疗休养) is where this one's 此次E takes place;
        returns this sentence's trip for the next."""
        this = self._this_event.match(sent.masked)
        event = sent.mention_at(this.end() - 1) if this else None
        if event is not None:
            for place in trip:
                found.add(event.label, "locatedIn", place.label, sent, 0.7)
        if any(m.type == "Event" for m in sent.mentions):
            return []
        went = self._trip.search(sent.masked)
        return [m for m in sent.mentions_in(went.span(1)) if m.type in ("Site", "Place")] if went else []

    def _prefix_places(self, sentences: list[MaskedSentence], resolved: list[Resolved], found: _Found) -> None:
        """某市劳工活动中心 lies in 某市 when the article also names 某市 on its own (DECISIONS)."""
        places = {r.label for r in resolved if r.type == "Place" and r.label.endswith(_PREFIX_UNITS)}
        if not places:
            return
        # 基隆文化中心 lies in 基隆市 where the article also writes 基隆 alone (a dateline's 基隆报导)
        forms: dict[str, set[str]] = {place: {place} for place in places}
        for r in resolved:
            if r.label in forms and r.end - r.start >= 2:
                forms[r.label].add(found.text[r.start:r.end])  # as written, like the labels
        for sent in sentences:
            for m in sent.mentions:
                if m.type == "Site":
                    for place in places:
                        if any(m.label.startswith(f) and len(m.label) > len(f) for f in forms[place]):
                            found.add(m.label, "locatedIn", place, sent, 0.8)

    def _own_meetings(self, analysis: str, resolved: list[Resolved]) -> dict[str, str]:
        """某总工会第七次代表大会, 某总工会十届四次全委会议: a body's numbered meeting is held by that body."""
        bodies = {r.start: r for r in resolved if r.type in _BODIES}
        own: dict[str, str] = {}
        ends = {r.end: r for r in resolved if r.type in _BODIES}
        for r in resolved:
            body = ends.get(r.start) if r.type == "Event" and analysis[r.start] in QUOTE_OPEN else None
            if body is not None:
                own.setdefault(r.label, body.label)  # 某区总工会“某某”行动: the union's own campaign
            body = bodies.get(r.start) if r.type == "Event" else None
            if body is not None and body.end < r.end and _NUMBERED.match(analysis, body.end) \
                    and not (analysis.startswith(_FOUNDING, body.end) and "成立" in analysis[r.end:r.end + 60]):
                own.setdefault(r.label, body.label)
        return own

    # -- generic rules ---------------------------------------------------------------------------
    def _rules_for(self, masked: str) -> list[Rule]:
        """The rules that can match a sentence, by the placeholder types it holds (cached per set)."""
        present = frozenset(mark for mark in _MARKS if mark in masked)
        rules = self._by_marks.get(present)
        if rules is None:
            rules = self._by_marks[present] = [r for r in self.rules if r.may_match(present)]
        return rules

    def _apply(self, compiled: Rule, sent: MaskedSentence, tour: Tour, found: _Found) -> None:
        rule = compiled.spec
        for match in compiled.regex.finditer(sent.masked):
            objects = self._objects(rule, sent, match)
            if rule.get("object_types"):
                objects = [o for o in objects if o.type in rule["object_types"]]
            subjects = self._subjects(rule, sent, match, tour)
            if pred_hosts(rule["predicate"]):
                placed = self._located_objects(sent)
                subjects = [x for x in subjects if x not in placed]
            conf = float(rule.get("confidence", 0.8))
            pred = rule["predicate"]
            for s in subjects:
                for o in objects:
                    if s.label != o.label:
                        found.add(s.label, pred, o.label, sent, conf)
            if rule.get("chain"):
                self._chain(objects, subjects, sent, conf, found)
            if "x" in match.groupdict() and match.group("x"):
                for x in sent.mentions_in(match.span("x")):
                    for o in objects:
                        found.add(x.label, rule["x_predicate"], o.label, sent, conf)

    def _objects(self, rule: dict[str, Any], sent: MaskedSentence, match: re.Match[str]) -> list[Resolved]:
        if rule.get("object") == "event":
            events = [m for m in sent.mentions if m.type == "Event"]
            if events:
                return events[:1]
            return [self._last_event] if self._last_event else []
        if rule.get("object") == "site":  # 在这里: the site named last before this sentence
            return [self._last_site] if self._last_site else []
        return sent.mentions_in(match.span("o"))

    def _subjects(self, rule: dict[str, Any], sent: MaskedSentence, match: re.Match[str],
                  tour: Tour) -> list[Resolved]:
        kind = rule.get("subject")
        if kind == "giver":
            return self._giver(sent, match.start(), tour)
        if kind == "site":
            placed = self._located_objects(sent)
            sites = [m for m in sent.mentions if m.type == "Site" and m not in placed]
            return sites[:1]
        return sent.mentions_in(match.span("s"))

    def _giver(self, sent: MaskedSentence, before: int, tour: Tour) -> list[Resolved]:
        """Who gives: the tour's union on a delegation visit, else the sentence's first body or site."""
        head = sent.masked[:before]
        clause = max(head.rfind(c) for c in "，,；") + 1
        if head.startswith(("这里", "此处"), clause) or _THIS_SITE.match(head, clause):
            # 来到某驿站，这里面向…提供; 在某村设立某之家，这个服务点将为…提供: the site just named gives
            sites = [m for m in sent.mentions_in((0, clause)) if m.type == "Site"] or \
                ([self._last_site] if self._last_site else [])
            return sites[-1:]
        in_tour = tour.union and (self._mentions_delegation(head) or self._names(sent, tour.leader, before))
        placed = self._located_objects(sent)
        candidates = [m for m in sent.mentions_in((0, before)) if m.type in _GIVERS and m not in placed]
        if self._instructed.search(head):
            return []  # 叮嘱企业为胶工配齐…: whoever is told to give, not the one who tells
        if in_tour and tour.union:
            return [Resolved(0, 0, "Union", u) for u in tour.unions()]
        clause = max(head.rfind(c) for c in "，,；")
        own = [m for m in candidates if sent.position(m) > clause]
        candidates = own or candidates  # 某工会…，某酒店今年为一线员工增设…: the clause's own subject
        subjects = [m for m in candidates if self._acts(sent, m)]
        if candidates and self._someone_else_acts(sent, before, candidates[0]):
            return []  # 某工会举办了活动，项目总工程师某某为工友讲解: the engineer gives, not the union
        if subjects and subjects[0].type == "Site":
            return subjects[:1]
        sites = [m for m in candidates if m.type == "Site"]
        if sites and not subjects:
            return sites[:1]
        if candidates:
            first = (subjects or candidates)[0]
            index = sent.mentions.index(first)
            group = [first]
            for m in sent.mentions[index + 1:]:
                gap = sent.masked[sent.position(group[-1]) + 1:sent.position(m)]
                if m.type in _BODIES and gap in ("、", "和", "与", "及"):
                    group.append(m)
                else:
                    break
            return group
        union = self._elided_giver(sent, head)
        if union is not None:
            return [union]  # 联合会将为…提供: the union of that kind the article named
        held = self._event_holders(sent, before)
        if held:
            return held  # 行动启动以来，…为货车司机提供…: the event's holder gives
        if any(m.type == "Person" for m in sent.mentions_in((0, before))):
            return []
        if tour.union:
            return [Resolved(0, 0, "Union", u) for u in tour.unions()]
        return self._last_giver()

    def _someone_else_acts(self, sent: MaskedSentence, before: int, body: Resolved) -> bool:
        """A later clause before the gift opens with a person holding no post at the body named before."""
        head = sent.masked[:before]
        at = sent.position(body)
        ends = [i for i in (head.find(c, at) for c in "，,；") if i >= 0]
        if not ends:
            return False
        clause = min(ends) + 1
        people = [m for m in sent.mentions_in((clause, before)) if m.type == "Person"]
        if not people or any(m.type in _GIVERS for m in sent.mentions_in((clause, sent.position(people[0])))):
            return False
        held = {t.object for t in self._found.triples if t.subject == people[0].label
                and t.predicate == "holdsPosition"} if self._found else set()
        return body.label not in held and not (held and body.type == "Union")

    def _event_holders(self, sent: MaskedSentence, before: int) -> list[Resolved]:
        """The bodies that hold the event a sentence opens with."""
        first = sent.mention_at(0)
        if first is None or first.type != "Event" or self._found is None or first not in sent.mentions_in((0, before)):
            return []
        return [Resolved(0, 0, "Union", t.subject) for t in self._found.triples
                if t.predicate == "hosts" and t.object == first.label]

    def _last_giver(self) -> list[Resolved]:
        """今年的助学首次面向…提供资助: a sentence naming no giver goes on about the union that gave last."""
        if self._found is None:
            return []
        served = [t.subject for t in self._found.triples if t.predicate == "serves"]
        unions = {u.label for u in self._unions}
        return [Resolved(0, 0, "Union", served[-1])] if served and served[-1] in unions else []

    def _elided_giver(self, sent: MaskedSentence, head: str) -> Resolved | None:
        """某某表示，总工会近年…，在场边设置…，为…提供: a clause of the head opening with a union's kind
        (the latest such clause) names the giver; a clause opening with a name of its own ends the search."""
        starts = [0] + [i + 1 for i, ch in enumerate(head) if ch in "，,；"]
        for at in reversed(starts):
            kind = self._elided_subject.match(head, at)
            if kind:
                return self._union_named(kind.group(1), sent)
            if head[at:at + 1] in _MARKS:
                return None
        return None

    def _acts(self, sent: MaskedSentence, mention: Resolved) -> bool:
        """A body or site that is the subject of what follows, not a modifier (某工会辖下的驿站) nor
        the body of a speaker's title (某工会副主席某某介绍)."""
        at = sent.position(mention) + 1
        if sent.masked.startswith(self._modifier_words, at) or sent.masked.endswith(self._belongs, 0, at - 1):
            return False  # 某工会辖下的驿站; 隶属于某总工会
        nxt = sent.masked[at:at + 12]
        person = MARK["Person"]
        return not (person in nxt and not any(ch in nxt[:nxt.index(person)] for ch in "，,。；" + "".join(_MARKS)))

    def _located_objects(self, sent: MaskedSentence) -> list[Resolved]:
        """Mentions that only say where (位于A B的…, 在A, 赴A): never the giver."""
        out: list[Resolved] = []
        for m in self._located.finditer(sent.masked):
            group = next(g for g in (1, 2, 3) if m.group(g))
            out.extend(sent.mentions_in(m.span(group)))
        return out

    def _mentions_delegation(self, text: str) -> bool:
        return any(w in text for w in self.lex.words("cue", "delegation"))

    def _names(self, sent: MaskedSentence, label: str | None, before: int) -> bool:
        return label is not None and any(m.label == label for m in sent.mentions_in((0, before)))

    def _chain(self, objects: list[Resolved], subjects: list[Resolved], sent: MaskedSentence,
               conf: float, found: _Found) -> None:
        """In an address chain each site lies in every larger unit written before it (not in a street
        it crosses: A路与B路交叉口)."""
        chain = list(objects)
        for i, inner in enumerate(chain):
            if inner.type != "Site":
                continue
            at = sent.position(inner)
            for outer in chain[:i]:
                if sent.masked[sent.position(outer) + 1:at] not in ("与", "和"):
                    found.add(inner.label, "locatedIn", outer.label, sent, conf)

    # -- holdsPosition -------------------------------------------------------------------------
    def _positions(self, sent: MaskedSentence, found: _Found) -> None:
        tail = self._tail
        for i, ch in enumerate(sent.masked):
            p = sent.mention_at(i)
            if p is None or p.type != "Person":
                continue
            pos = i
            before = sent.masked.rfind(MARK["Person"], 0, i)
            same = self._same_body.match(sent.masked, before, i) if before >= 0 else None
            if same:  # 市总工会主席甲，副主席乙: 乙's title is at the union of 甲's
                self._shared_union(sent, found, p, same)
            while True:
                m = tail.search(sent.masked, 0, pos)
                if not m:
                    break
                org = sent.mention_at(m.start(1))
                role = found.original(sent, m.span(2))
                if org is not None and not (role == "记者" and org.type == "Union"):
                    found.add(p.label, "holdsPosition", org.label, sent, 0.9, role=role)
                pos = m.start(1)
                if pos > 0 and sent.masked[pos - 1] in "、,，":
                    pos -= 1
                    continue
                break
            elided = self._elided_tail.search(sent.masked, 0, pos)
            union = self._union_named(elided.group(1), sent) if elided else None
            if elided and union is not None:
                found.add(p.label, "holdsPosition", union.label, sent, 0.8, role=found.original(sent, elided.span(2)))
        elected_into: Resolved | None = None
        for m in self._elected.finditer(sent.masked):
            if m.group(3):
                org = sent.mention_at(m.start(3))
            elif m.group(4):
                org = self._union_named(m.group(4), sent)
            elif "当选" not in m.group(0) and "选举" not in m.group(0):
                org = elected_into  # 乙任副主席: only after a body the sentence named (不是 调研组由某某任组长)
            else:  # 甲当选联合会主席，乙当选副主席: the body the sentence elected into before
                org = elected_into or self._last_union(sent, m.start())
            elected_into = org or elected_into
            if org is None:
                continue
            people = m.span(1) if m.group(1) else m.span(2)
            for p in sent.mentions_in(people):
                found.add(p.label, "holdsPosition", org.label, sent, 0.8, role=found.original(sent, m.span(5)))

    def _shared_union(self, sent: MaskedSentence, found: _Found, person: Resolved, same: re.Match[str]) -> None:
        before = sent.mention_at(same.start(1))
        # a union or a company: 某公司车间主任甲、质量部主管乙 (not 市委书记甲、市长乙: the mayor is not the committee's)
        unions = {m.label for m in sent.mentions if m.type == "Union"
                  or (m.type == "Organization" and m.label.endswith(self._company_heads))}
        held = [t.object for t in found.triples if before is not None and t.subject == before.label
                and t.predicate == "holdsPosition" and t.object in unions and t.start == sent.start]
        if held:
            found.add(person.label, "holdsPosition", held[-1], sent, 0.8, role=found.original(sent, same.span(2)))

    def _union_named(self, kind: str, sent: MaskedSentence) -> Resolved | None:
        """联合会 alone: the last union of that kind named before (or in) this sentence."""
        # compared on the analysed (simplified) text: a label keeps the article's own characters (總工會)
        fitting = [u for u in self._unions if self._analysis[u.start:u.end].endswith(kind) and u.start < sent.end]
        return fitting[-1] if fitting else None

    def _last_union(self, sent: MaskedSentence, before: int) -> Resolved | None:
        unions = [m for m in sent.mentions_in((0, before)) if m.type == "Union"]
        return unions[-1] if unions else self._article_union

    # -- delegations and visits --------------------------------------------------------------------
    def _tour(self, sent: MaskedSentence, tour: Tour, found: _Found, resolved: list[Resolved]) -> None:
        leader_match = self._leader.search(sent.masked)
        members: list[str] = []
        if leader_match:
            at = next(leader_match.start(g) for g in (1, 3, 5) if leader_match.group(g))
            if leader_match.group(1) and not leader_match.group(2):  # 甲，副主席乙一行: 甲 leads
                while (fellow := self._fellow.search(sent.masked, 0, at)) is not None:
                    members.append(sent.mentions_in((at, at + 1))[0].label)
                    at = fellow.start(1)
            leader = sent.mention_at(at)
            assert leader is not None
            tour.leader = leader.label
            tour.union = self._leader_union(sent, at, found, resolved) or tour.union
            self._join_co_hosts(tour, found, sent)
        # co-hosting unions go along where the leader leads the whole delegation (带队), not where
        # one official goes on alone (某某一行, 在X，某某…)
        tour.joint = bool(leader_match and (leader_match.group(2) or leader_match.group(4)))
        active = leader_match is not None or self._mentions_delegation(sent.masked)
        inside = self._inside.search(sent.masked)
        site = next((r for r in reversed(self._sites_seen) if inside
                     and self._analysis[r.start:r.end].rstrip("”」』").endswith(inside.group(1))), None)
        if inside and site is not None:
            for s in self._visitor(sent, inside.start(), tour, active):  # 一行来到站内: into the last such site
                found.add(s, "visits", site.label, sent, 0.75)
        for m in self._visit.finditer(sent.masked):
            subject = self._visitor(sent, m.start(), tour, active)
            asides = [a.span() for a in _ASIDES.finditer(sent.masked, *m.span(1))]
            stops = [o for i, o in sent.at.items()
                     if m.start(1) <= i < m.end(1) and not any(a <= i < b for a, b in asides)
                     and not self._names_the_next_site(sent, i, o)]
            for s in subject:
                for o in stops:
                    if o.label != s:
                        found.add(s, "visits", o.label, sent, 0.85)
        if tour.leader and (active or self._names(sent, tour.leader, len(sent.masked))):
            stop = self._stop.match(sent.masked)
            if stop is None and (first := sent.mention_at(0)) is not None and first.label == tour.leader:
                stop = self._leader_at.match(sent.masked, 1)
            elif stop is None and sent.masked.startswith(self._delegations):
                stop = self._leader_at.match(sent.masked, sent.masked.index("在"))  # 慰问组一行在某驿站与…
            if stop:
                for o in sent.mentions_in(stop.span(2) if stop.lastindex == 2 and stop.group(2) else stop.span(1)):
                    for s in (tour.leader, *tour.visitors()):
                        if s:
                            found.add(s, "visits", o.label, sent, 0.75)
        if tour.union and (active or self._names(sent, tour.leader, len(sent.masked))) \
                and self._tour_gift.search(sent.masked) and not self._gift_to.search(sent.masked):
            for group in (m for m in sent.mentions if m.type == "WorkerGroup"):
                for union in tour.unions():  # 与骑手交流…并送上慰问品: the tour's gifts go to the group met
                    found.add(union, "serves", group.label, sent, 0.7)
        if leader_match:
            for m in self._host_event.finditer(sent.masked):
                ev = sent.mention_at(m.start(1))
                if ev is None or sent.masked.startswith(_AFTERWARDS, m.end()):
                    continue  # 启动活动结束后，某某一行走进…: the event only dates the tour
                tour.events.append(ev.label)
                if tour.union:
                    found.add(tour.union, "hosts", ev.label, sent, 0.8)
                if tour.leader:
                    found.add(tour.leader, "participatesIn", ev.label, sent, 0.8)
        if tour.events:
            for member in members:  # named members of a delegation take part in what it carries out
                found.add(member, "participatesIn", tour.events[-1], sent, 0.7)
        if tour.events and "陪同" in sent.masked:
            escorts = [p for m in self._escort.finditer(sent.masked) for p in sent.mentions_in(m.span(1))]
            escorts += [sent.mentions_in(m.span(1))[0] for m in self._escorting.finditer(sent.masked)]
            for p in escorts:
                if p.type == "Person" and p.label != tour.leader:
                    found.add(p.label, "participatesIn", tour.events[-1], sent, 0.7)

    def _names_the_next_site(self, sent: MaskedSentence, i: int, stop: Resolved) -> bool:
        """某区|人民公园某服务站: a district glued to a site's plain name opens that name, no stop of its
        own (某镇|某某村 is two stops, a village being a unit of the town; so is 某街道|“某某驿站”)."""
        after = sent.at.get(i + 1)
        return stop.type == "Place" and after is not None and after.type == "Site" \
            and self._analysis[after.start] not in QUOTE_OPEN \
            and not self._analysis[after.start:after.end].endswith(self.lex.words("site", "smallest_units"))

    def _tour_event_named_later(self, sent: MaskedSentence, tour: Tour, found: _Found) -> None:
        """某某带队走进…, then 今年开展E，某工会…: the tour's union holds E later on, so the tour was E's
        and its leader took part."""
        held = [t.object for t in found.triples if t.predicate == "hosts" and t.subject == tour.union
                and t.start == sent.start]
        if held and tour.leader and not self._says.search(sent.masked) and "将" not in sent.masked:  # not a plan told
            tour.events.append(held[0])
            found.add(tour.leader, "participatesIn", held[0], sent, 0.7)

    def _join_co_hosts(self, tour: Tour, found: _Found, sent: MaskedSentence) -> None:
        """甲市、乙区总工会联合开展X, then 甲's official leads: the tour is both unions' and X's."""
        hosted = [t.object for t in found.triples if t.predicate == "hosts" and t.subject == tour.union]
        if not hosted:
            return
        event = hosted[-1]
        tour.partners = [t.subject for t in found.triples if t.predicate == "hosts" and t.object == event
                         and t.subject != tour.union and t.subject not in tour.partners] + tour.partners
        if event not in tour.events:
            tour.events.append(event)
            if tour.leader:
                found.add(tour.leader, "participatesIn", event, sent, 0.7)

    def _leader_union(self, sent: MaskedSentence, at: int, found: _Found,
                      resolved: list[Resolved]) -> str | None:
        leader = sent.mention_at(at)
        for t in found.triples:
            if t.subject == (leader.label if leader else None) and t.predicate == "holdsPosition" \
                    and any(r.label == t.object and r.type == "Union" for r in resolved):
                return t.object
        after = [m for m in sent.mentions_in((at, len(sent.masked))) if m.type == "Union"]
        before = [m for m in sent.mentions_in((0, at)) if m.type == "Union"]
        nearby = before or after or [r for r in resolved if r.type == "Union" and r.start < sent.start]
        return nearby[0].label if nearby else None

    def _visitor(self, sent: MaskedSentence, at: int, tour: Tour, active: bool) -> list[str]:
        head = [m for m in sent.mentions_in((0, at)) if m.type in ("Person", "Union", "Organization")]
        if active and tour.leader:
            return [s for s in (tour.leader, *tour.visitors()) if s]
        if len(head) >= 2 and head[-2].type in _BODIES \
                and sent.masked[sent.position(head[-2]) + 1:sent.position(head[-1])] in self._partners:
            return [head[-2].label, head[-1].label]  # 甲总工会联合乙局，走进某公司: both go
        if head:
            return [head[-1].label] + self._union_of_visitor(sent, head[-1])
        return []

    def _union_of_visitor(self, sent: MaskedSentence, person: Resolved) -> list[str]:
        """某区总工会副主席某某来到…, where that union has gone visiting before in the article
        (组织干部深入…): the official's visit is one more of the union's."""
        if person.type != "Person" or self._found is None:
            return []
        triples = self._found.triples
        titled = {t.object for t in triples if t.subject == person.label and t.predicate == "holdsPosition"
                  and t.start == sent.start}
        return [u.label for u in sent.mentions if u.type == "Union" and u.label in titled
                and any(t.subject == u.label and t.predicate == "visits" for t in triples)]

    # -- participatesIn --------------------------------------------------------------------------
    def _participants(self, sent: MaskedSentence, tour: Tour, found: _Found, resolved: list[Resolved]) -> None:
        cues = list(self._participate.finditer(sent.masked))
        if not cues:
            return
        last = cues[-1]
        events = [e for e in sent.mentions_in((cues[0].end(), len(sent.masked))) if e.type == "Event"]
        if events:
            target = events[0].label
        elif tour.events:
            target = tour.events[-1]
        elif tour.leader:
            return  # 参加调研: the tour itself, with no event named, is nothing to take part in
        else:
            earlier = [r for r in resolved if r.type == "Event" and r.start < sent.start]
            anywhere = [r for r in resolved if r.type == "Event"]
            if not anywhere:
                return
            target = (earlier or anywhere)[-1 if earlier else 0].label
        for p in sent.mentions_in((0, last.start())):
            at = sent.position(p)
            cue = next(c for c in cues if c.start() > at)
            if self._says.search(sent.masked, at, cue.start()):
                continue  # 某某表示，将组织职工参加…: speaking of others taking part
            if p.type == "Person" and p.label not in self._authors_now:
                found.add(p.label, "participatesIn", target, sent, 0.75)
                if self._speaks_for(sent, p):  # 某公司董事长某某代表企业发言: his company takes part
                    for t in [t for t in found.triples if t.subject == p.label and t.predicate == "holdsPosition"]:
                        found.add(t.object, "participatesIn", target, sent, 0.7)
        for r in self._representative.finditer(sent.masked, 0, last.start()):
            for b in sent.mentions_in(r.span(1)):
                found.add(b.label, "participatesIn", target, sent, 0.75)

    def _counted_people_at_event(self, sent: MaskedSentence, found: _Found, resolved: list[Resolved]) -> None:
        """甲…、乙…进入名单，两人在大会上作了演讲: 两人 are the last two people named."""
        m = self._counted.search(sent.masked)
        if m is None:
            return
        event = sent.mention_at(m.end(2))
        if event is None or event.type != "Event":
            return
        at = sent.offsets[m.start()]
        people: list[str] = []
        for r in reversed([r for r in resolved if r.type == "Person" and r.end <= at]):
            if r.label not in people:
                people.append(r.label)
        count = "一两二三四".index(m.group(1)) if m.group(1) != "两" else 2
        if len(people) >= count:
            for label in people[:count]:
                found.add(label, "participatesIn", event.label, sent, 0.7)

    def _speaks_for(self, sent: MaskedSentence, person: Resolved) -> bool:
        at = sent.position(person) + 1
        return sent.masked.startswith("代表", at) and sent.masked.startswith(self._own_body_words, at + 2)

    # -- author --------------------------------------------------------------------------------
    def _authors(self, article: Article, found: _Found) -> None:
        if not article.title:
            return
        for name in article.authors:
            at = article.text.find(name)
            span = _sentence_around(article.text, at, len(name)) if at >= 0 else (0, 0)
            found.add_raw(article.title, "author", name, span, 1.0)


def _sentence_around(text: str, at: int, length: int) -> tuple[int, int]:
    for s in split_sentences(text):
        if s.start <= at < s.end:
            return s.start, s.end
    return at, at + length


def _ends_fit(t: Triple, types: dict[str, str]) -> bool:
    """Both ends have types the schema allows for the predicate (author's subject is a headline)."""
    if t.predicate not in _ENDS:
        return True
    subjects, objects = _ENDS[t.predicate]
    return types.get(t.subject) in subjects and types.get(t.object) in objects


def pred_hosts(predicate: str) -> bool:
    return predicate in ("hosts", "coOrganizes")


class _Found:
    """Triples so far, one per (subject, predicate, object, role), with their evidence."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.triples: list[Triple] = []
        self._seen: set[tuple[str, str, str]] = set()

    def add(self, s: str, p: str, o: str, sent: MaskedSentence, conf: float, role: str | None = None) -> None:
        self.add_raw(s, p, o, (sent.start, sent.end), conf, role)

    def add_raw(self, s: str, p: str, o: str, span: tuple[int, int], conf: float,
                role: str | None = None) -> None:
        key = (s, p, o)
        if key in self._seen or s == o:
            return
        self._seen.add(key)
        start, end = span
        self.triples.append(Triple(s, p, o, self.text[start:end], start, end, conf, role))  # type: ignore[arg-type]

    def original(self, sent: MaskedSentence, span: tuple[int, int]) -> str:
        """The article's own text (not the simplified copy) for a plain-text span of `masked`."""
        return self.text[sent.offsets[span[0]]:sent.offsets[span[1] - 1] + 1]

    def finish(self) -> list[Triple]:
        hosts = {(t.subject, t.object) for t in self.triples if t.predicate == "hosts"}
        return [t for t in self.triples
                if not (t.predicate == "participatesIn" and (t.subject, t.object) in hosts)]
