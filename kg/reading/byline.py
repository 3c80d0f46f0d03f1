"""Bylines: who wrote an article (记者/通讯员/作者), never photographers or editors."""

from __future__ import annotations

from kg.reading.patterns import Patterns, patterns


def _split_role(token: str, roles: tuple[str, ...], pat: Patterns) -> tuple[str, str] | None:
    """(role, rest) when the token starts with a role, perhaps after an outlet (某某报记者)."""
    for role in roles:
        at = token.find(role)
        if at < 0:
            continue
        outlet = token[:at]
        if outlet and not (outlet.endswith(pat.outlet_suffixes) and len(outlet) <= 12):
            continue
        return role, token[at + len(role):]
    return None


def _clean_name(text: str, pat: Patterns) -> str:
    """林怡君／臺中報導 -> 林怡君: drop a report suffix and a place after a slash."""
    text = text.strip("：: \u3000")
    for suffix in pat.report_suffixes:
        if text.endswith(suffix):
            text = text[: -len(suffix)]
            break
    return pat.place_separator.split(text, maxsplit=1)[0].strip()


def _is_name(text: str, pat: Patterns) -> bool:
    return bool(pat.name.match(text)) and text not in pat.not_names


def _is_photo_credit(credit: str, pat: Patterns) -> bool:
    """"邓欣然 摄", "图为现场。王某 摄", "圖：陸子軒攝": a name just before a photo suffix,
    set off by a space or introduced by a photo/editor role."""
    suffix = next((s for s in pat.photo_suffixes if credit.endswith(s)), None)
    if suffix is None:
        return False
    body = credit[: -len(suffix)]
    last = pat.name_separators.split(body.strip().replace("：", " ").replace("。", " "))[-1]
    role = _split_role(last, pat.other_roles, pat)
    name = role[1] if role else last
    spaced = body != body.rstrip()
    return (spaced or _split_role(body.strip(), pat.other_roles, pat) is not None) and _is_name(name, pat)


def _parse_credit(credit: str, pat: Patterns) -> list[str] | None:
    """Authors of one credit ("记者 X 通讯员 Y Z"); [] for a photo/editor credit; None if not a credit."""
    credit = credit.strip()
    if not credit or len(credit) > 60:
        return None
    if _is_photo_credit(credit, pat):
        return []
    dated = pat.dated_byline.match(credit)
    if dated:
        dated_names = [n for n in dated["names"].split("、") if n]
        return dated_names if all(_is_name(n, pat) for n in dated_names) else None
    tokens = [t for t in pat.name_separators.split(credit.replace("：", " ").replace(":", " ")) if t]
    names: list[str] = []
    role: str | None = None          # "author", "other" (photo, editor), None before any role
    for token in tokens:
        split = _split_role(token, pat.author_roles, pat)
        kind = "author"
        if split is None:
            split = _split_role(token, pat.other_roles, pat)
            kind = "other"
        if split is not None:
            role, token = kind, split[1]
            if not token:
                continue
        if role is None:
            return None
        name = _clean_name(token, pat)
        if not _is_name(name, pat):
            return None
        if role == "author":
            names.append(name)
    return names if role is not None else None


def parse_byline(text: str, pat: Patterns | None = None) -> list[str] | None:
    """Authors named by a whole byline ("记者 X 通讯员 Y", "記者X報導；圖：Y攝"); [] for a
    photo or editor credit; None if `text` is not a byline at all."""
    pat = pat or patterns()
    credits = [c for c in pat.credit_separators.split(text) if c.strip()]
    authors: list[str] = []
    for credit in credits:
        names = _parse_credit(credit, pat)
        if names is None:
            return None
        authors.extend(names)
    return authors if credits else None


def leading_byline(text: str, pat: Patterns | None = None) -> tuple[list[str], int]:
    """An unbracketed byline opening `text` ("记者王某报道 1月20日…"): (authors, length used)."""
    pat = pat or patterns()
    best: tuple[list[str], int] = ([], 0)
    pos = 0
    parts = []
    for piece in pat.name_separators.finditer(text + " "):
        parts.append((text[pos:piece.start()], piece.end()))
        pos = piece.end()
        if len(parts) > 8:
            break
    for count in range(1, len(parts) + 1):
        candidate = " ".join(p for p, _ in parts[:count])
        names = parse_byline(candidate, pat)
        if names:
            best = (names, min(parts[count - 1][1], len(text)))
    return best


def opening_bracket_byline(text: str, pat: Patterns | None = None) -> tuple[list[str], int] | None:
    """A bracketed byline opening `text` ("（记者 X）1月20日…"): (authors, its length), else None."""
    pat = pat or patterns()
    match = pat.brackets.match(text)
    if match is None:
        return None
    names = parse_byline(match.group(1), pat)
    return (names, match.end()) if names else None


def bracket_authors(text: str, pat: Patterns | None = None) -> list[str]:
    """Authors from every bracketed byline in `text`: (记者 X), 【記者X報導】, (通讯员 X Y)."""
    pat = pat or patterns()
    authors: list[str] = []
    for match in pat.brackets.finditer(text):
        names = parse_byline(match.group(1), pat)
        if names:
            authors.extend(names)
    return authors


def unique(names: list[str]) -> list[str]:
    """Names in first-seen order, each once."""
    return list(dict.fromkeys(names))
