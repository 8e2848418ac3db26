"""See through evasions before detection, and map findings back to the original text.

Detectors run on a normalised copy of each text: zero-width and bidi control characters removed,
compatibility forms folded (full-width digits and letters, non-breaking and other exotic spaces) and
obfuscated e-mail punctuation ("name [at] domain (dot) com") written plainly. Every finding on the
copy is mapped back to the exact original span it came from, so offsets, replacements and the
redaction log always refer to the original text. Pure ASCII text without obfuscations is returned
as-is at almost no cost.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

__all__ = ["NormalizedText", "normalize"]

_INVISIBLE = frozenset(
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)
# Obfuscated "@" and "." in e-mail addresses: "[at]", "(at)", "{dot}", " at " and " dot " between words.
_OBFUSCATED = re.compile(
    r"(?P<at>\s*[\[\(\{<]\s*(?:at|@)\s*[\]\)\}>]\s*|(?<=\w)\s+at\s+(?=[\w-]+(?:\s*[\[\(\{<]?\s*dot\s*[\]\)\}>]?\s*\w+)+))"
    r"|(?P<dot>\s*[\[\(\{<]\s*(?:dot|\.)\s*[\]\)\}>]\s*|(?<=\w)\s+dot\s+(?=\w))",
    re.IGNORECASE,
)
_NEEDS_WORK = re.compile(r"[^\x00-\x7f]|[\[\(\{<]\s*(?:at|dot)|\sat\s|\sdot\s", re.IGNORECASE)


@dataclass(frozen=True)
class NormalizedText:
    """A normalised text and the mapping of its characters back to the original."""

    text: str
    # Parallel, sorted by norm_starts: segment i covers norm[norm_starts[i]:norm_ends[i]] and
    # original[orig_starts[i]:orig_ends[i]]; identity segments have equal lengths and map 1:1.
    norm_starts: tuple[int, ...] = ()
    norm_ends: tuple[int, ...] = ()
    orig_starts: tuple[int, ...] = ()
    orig_ends: tuple[int, ...] = ()
    identity: tuple[bool, ...] = ()

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original span that the normalised span ``[start, end)`` was made from."""
        if not self.norm_starts:
            return start, end
        return self._map(start, True), self._map(end - 1, False)

    def _map(self, pos: int, is_start: bool) -> int:
        i = bisect.bisect_right(self.norm_starts, pos) - 1
        if self.identity[i]:
            return self.orig_starts[i] + (pos - self.norm_starts[i]) + (0 if is_start else 1)
        return self.orig_starts[i] if is_start else self.orig_ends[i]


def _fold(c: str) -> str:
    if c in _INVISIBLE:
        return ""
    if unicodedata.category(c) == "Zs":
        return " "
    folded = unicodedata.normalize("NFKC", c)
    return folded if folded.isascii() else c


def normalize(text: str) -> NormalizedText:
    """Normalise ``text`` for detection; ``to_original`` maps spans back exactly."""
    if not _NEEDS_WORK.search(text):
        return NormalizedText(text)
    # Pass 1: per-character folding, as segments (norm_text_piece, orig_start, orig_end, identity).
    pieces: list[tuple[str, int, int, bool]] = []
    last = 0
    for m in re.finditer(r"[^\x00-\x7f]", text):
        i = m.start()
        c = text[i]
        folded = _fold(c)
        if folded == c:
            continue
        if i > last:
            pieces.append((text[last:i], last, i, True))
        pieces.append((folded, i, i + 1, False))
        last = i + 1
    if last < len(text):
        pieces.append((text[last:], last, len(text), True))
    first = _assemble(pieces)
    # Pass 2: obfuscated e-mail punctuation on the folded text.
    second: list[tuple[str, int, int, bool]] = []
    cursor = 0
    for m in _OBFUSCATED.finditer(first.text):
        if m.start() > cursor:
            second.extend(_slice(first, cursor, m.start()))
        o_start, o_end = first.to_original(m.start(), m.end())
        second.append(("@" if m.group("at") is not None else ".", o_start, o_end, False))
        cursor = m.end()
    if cursor < len(first.text):
        second.extend(_slice(first, cursor, len(first.text)))
    return _assemble(second)


def _slice(nt: NormalizedText, start: int, end: int) -> list[tuple[str, int, int, bool]]:
    """Pieces covering ``nt.text[start:end]``, keeping their original mapping."""
    if not nt.norm_starts:
        return [(nt.text[start:end], start, end, True)]
    out = []
    i = bisect.bisect_right(nt.norm_starts, start) - 1
    while i < len(nt.norm_starts) and nt.norm_starts[i] < end:
        s, e = max(start, nt.norm_starts[i]), min(end, nt.norm_ends[i])
        if nt.identity[i]:
            delta = nt.orig_starts[i] - nt.norm_starts[i]
            out.append((nt.text[s:e], s + delta, e + delta, True))
        else:  # a folded piece is indivisible: take it whole with its original span
            out.append((nt.text[s:e], nt.orig_starts[i], nt.orig_ends[i], False))
        i += 1
    return out


def _assemble(pieces: list[tuple[str, int, int, bool]]) -> NormalizedText:
    parts: list[str] = []
    ns: list[int] = []
    ne: list[int] = []
    os_: list[int] = []
    oe: list[int] = []
    ident: list[bool] = []
    pos = 0
    for piece, o_start, o_end, is_identity in pieces:
        if not piece:  # removed character: its original span joins the previous segment's end
            if oe:
                oe[-1] = max(oe[-1], o_end) if not ident[-1] else oe[-1]
            continue
        parts.append(piece)
        ns.append(pos)
        pos += len(piece)
        ne.append(pos)
        os_.append(o_start)
        oe.append(o_end)
        ident.append(is_identity)
    return NormalizedText("".join(parts), tuple(ns), tuple(ne), tuple(os_), tuple(oe), tuple(ident))
