"""Bytes -> text: BOMs, strict UTF-8, then GB18030 or Big5, whichever reads as real Chinese."""

from __future__ import annotations

import codecs

import charset_normalizer

from kg.errors import KgError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),   # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_LEGACY = ("gb18030", "big5")
_SAMPLE = 100_000          # characters scored when both legacy encodings decode
# Control characters other than tab, newline, carriage return, form feed, escape.
_CONTROL = frozenset(range(32)) - {9, 10, 12, 13, 27}


def _common_cjk(text: str, encoding: str) -> int:
    """How many CJK characters of `text` are frequent ones in its encoding.

    Big5 bytes decode cleanly as GB18030 and the reverse, but into rare characters:
    GB2312 holds the frequent simplified characters, Big5 lead bytes A4-C6 the
    frequent traditional ones.
    """
    count = 0
    for ch in text:
        if not "\u4e00" <= ch <= "\u9fff":
            continue
        if encoding == "gb18030":
            try:
                ch.encode("gb2312")
                count += 1
            except UnicodeEncodeError:
                pass
        else:
            try:
                lead = ch.encode("big5")[0]
            except UnicodeEncodeError:
                continue
            count += 0xA4 <= lead <= 0xC6
    return count


def _legacy(data: bytes, name: str) -> str:
    decoded: dict[str, str] = {}
    for encoding in _LEGACY:
        try:
            decoded[encoding] = data.decode(encoding)
        except UnicodeDecodeError:
            continue
    if not decoded:
        raise KgError(f"{name}: cannot decode the text as UTF-8, GB18030 (GBK) or Big5")
    if len(decoded) == 1:
        return next(iter(decoded.values()))
    guess = charset_normalizer.from_bytes(data, cp_isolation=list(_LEGACY)).best()
    guessed = (guess.encoding if guess else "").replace("_", "")
    scores = {enc: _common_cjk(text[:_SAMPLE], enc) for enc, text in decoded.items()}
    best = max(scores, key=lambda enc: (scores[enc], enc == guessed))
    return decoded[best]


def decode_bytes(data: bytes, name: str) -> str:
    """The text of a file's bytes; KgError naming `name` for binary or undecodable content."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError as exc:
                raise KgError(f"{name}: starts with a {encoding} byte-order mark but is not valid {encoding} "
                              f"(byte {exc.start})") from None
    if b"\x00" in data:
        raise KgError(f"{name}: binary file (contains NUL bytes), not text; UTF-16 text needs a byte-order mark")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
            text = data[:exc.start].decode("utf-8")     # UTF-8 cut off inside its last character
        else:
            text = _legacy(data, name)
    controls = sum(1 for ch in text[:4096] if ord(ch) in _CONTROL)
    if controls > 8 and controls * 20 > min(len(text), 4096):
        raise KgError(f"{name}: binary file (full of control characters), not text")
    return text
