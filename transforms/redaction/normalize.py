"""See through evasions before detection, and map findings back to the original text.

Detectors run on a normalised copy of each text, built by Unicode category rather than from a list:

- removed (seen through): format characters (category Cf: zero-width, bidi controls, soft hyphen,
  word joiner, tag characters U+E0000-E007F), control characters (Cc, NUL included) other than tab,
  newline and carriage return, variation selectors, and the blank letters (braille blank U+2800, the
  Hangul fillers U+115F, U+1160, U+3164, U+FFA0); combining marks (Mn, Me) on an ASCII base;
- written as a newline: the other line and page breaks (VT, FF, NEL U+0085, U+2028, U+2029);
- folded: every decimal digit (category Nd, any script) to its ASCII digit, every space separator
  (Zs) to a space, compatibility forms (full-width, mathematical) to ASCII by NFKC, and obfuscated
  e-mail punctuation ("name [at] domain (dot) com", "name&#64;domain.com", "name @ domain.com") written plainly.

Every finding on the copy is mapped back to the exact original span it came from, so offsets,
replacements and the redaction log always refer to the original text. Pure ASCII text without
controls or obfuscations is returned as-is at almost no cost.

``joined_view`` gives detectors a second look where one view cannot show a value whole: digit groups
separated by ``.``, ``/``, ``_``, ``-`` or a space (at least one of the first three), as in
``4111.1111.1111.1111``, text on both sides of a line break that stands inside a word, as in
``AKIA<U+2028>...``, and the groups of a card number, IBAN, phone number or SSN set apart by a tab or
several blanks, written there with one space between them (``spaced_values``: only validated shapes,
never the columns of a table of numbers), as are the groups of an IBAN, or of a card number after a card
word, that run on over a line break. Only findings that span such a join are taken from it.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from transforms.records import Finding
from transforms.redaction.spaced_values import spaced_values

__all__ = ["JoinedView", "NormalizedText", "joined_view", "normalize"]

# Marks that never carry meaning for detection, stripped whatever their base: combining grapheme
# joiner, Khmer inherent vowels, Mongolian variation selectors, variation selectors 1-256.
_STRIPPED_MARKS = frozenset(
    "\u034f\u17b4\u17b5\u180b\u180c\u180d\u180f"
    + "".join(map(chr, range(0xFE00, 0xFE10)))
    + "".join(map(chr, range(0xE0100, 0xE01F0)))
)
# Letters and symbols that render as blank space and exist to look like nothing.
_BLANK_LETTERS = frozenset("\u115f\u1160\u2800\u3164\uffa0")
# Line and page breaks other than \n and \r: a newline in the normalised text (see joined_view).
_LINE_BREAKS = frozenset("\x0b\x0c\x85\u2028\u2029")
_MARK = None  # _fold's answer for a combining mark: removed on an ASCII base, kept otherwise
# Obfuscated "@" and "." in e-mail addresses: "[at]", "(at)", "{dot}", " at " and " dot " between words, and
# " AT " in capitals after a lower-case local part and before a dotted domain ("j.doe AT example.com").
# Also "@" written as an HTML character reference ("jane&#64;example.com", "&#x40;", "&commat;") and an "@" set
# apart by blanks between a word and a dotted domain ("jane.doe @ example.com"; not "5 @ 3.99", not "@ noon").
_OBFUSCATED = re.compile(
    r"(?P<at>\s*[\[\(\{<]\s*(?:at|@)\s*[\]\)\}>]\s*|(?<=\w)\s+at\s+(?=[\w-]+(?:\s*[\[\(\{<]?\s*dot\s*[\]\)\}>]?\s*\w+)+)"
    r"|(?<=(?-i:[a-z0-9_]))[ \t]+(?-i:AT)[ \t]+(?=[\w-]+(?:\.[\w-]+)+\b)"
    r"|(?<=[A-Za-z0-9_])&#0*64;|(?<=[A-Za-z0-9_])&#x0*40;|(?<=[A-Za-z0-9_])&commat;"
    r"|(?<=[A-Za-z_][A-Za-z0-9_])[ \t]+@[ \t]+(?=[A-Za-z][\w-]*(?:\.[\w-]+)*\.[A-Za-z]{2,}\b))"
    r"|(?P<dot>\s*[\[\(\{<]\s*(?:dot|\.)\s*[\]\)\}>]\s*|(?<=\w)\s+dot\s+(?=\w))",
    re.IGNORECASE,
)
_SPECIAL = re.compile(r"[^\t\n\r\x20-\x7e]")
_NEEDS_WORK = re.compile(
    r"[^\t\n\r\x20-\x7e]|[\[\(\{<]\s*(?:at|dot)|\sat\s|\sdot\s|&#0*64;|&#x0*40;|&commat;|\w[ \t]+@[ \t]+[A-Za-z]",
    re.IGNORECASE,
)


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
    # Positions in ``text`` of the newlines written for line breaks other than \n and \r.
    breaks: tuple[int, ...] = ()

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


@functools.lru_cache(maxsize=16384)
def _fold(c: str) -> str | None:
    """What ``c`` becomes in the normalised text; ``_MARK`` for a combining mark (depends on its base)."""
    if c in _LINE_BREAKS:
        return "\n"
    if c in _BLANK_LETTERS or c in _STRIPPED_MARKS:
        return ""
    category = unicodedata.category(c)
    if category in ("Cc", "Cf"):
        return ""
    if category in ("Mn", "Me"):
        return _MARK
    if category == "Zs":
        return " "
    if category == "Nd":
        return str(unicodedata.decimal(c))
    folded = unicodedata.normalize("NFKC", c)
    return folded if folded.isascii() else c


def _fold_characters(text: str) -> list[tuple[str, int, int, bool]]:
    """Per-character folding, as segments (norm_text_piece, orig_start, orig_end, identity)."""
    pieces: list[tuple[str, int, int, bool]] = []
    last = 0
    base_is_ascii = True  # whether the last character that is not a mark is (or folded to) ASCII
    seen = -1  # index of the last character visited here (ASCII ones in between are not visited)
    for m in _SPECIAL.finditer(text):
        i = m.start()
        c = text[i]
        if seen != i - 1:
            base_is_ascii = True
        seen = i
        folded = _fold(c)
        if folded is _MARK:
            folded = "" if base_is_ascii else c
        elif folded:
            base_is_ascii = folded.isascii()
        if folded == c:
            continue
        if i > last:
            pieces.append((text[last:i], last, i, True))
        pieces.append((folded, i, i + 1, False))
        last = i + 1
    if last < len(text):
        pieces.append((text[last:], last, len(text), True))
    return pieces


def normalize(text: str) -> NormalizedText:
    """Normalise ``text`` for detection; ``to_original`` maps spans back exactly."""
    if not _NEEDS_WORK.search(text):
        return NormalizedText(text)
    first = _assemble(_fold_characters(text))
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
    result = _assemble(second)
    breaks = tuple(
        n_start
        for n_start, o_start, o_end, same in zip(
            result.norm_starts, result.orig_starts, result.orig_ends, result.identity, strict=True
        )
        if not same and result.text[n_start] == "\n" and text[o_start:o_end] in _LINE_BREAKS
    )
    return dataclasses.replace(result, breaks=breaks) if breaks else result


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
    """The normalised text made of ``pieces`` (text, original start, original end, identity)."""
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


# Groups of digits (and capitals, for IBANs) with one separator between them; see _is_number_run.
# A run is whole: not the head or the tail of a longer dotted or dashed thing ("255.255.255" of a netmask).
_GROUP_RUN = re.compile(
    r"(?<![0-9A-Za-z])(?<![0-9][._/-])\+?[0-9A-Z]{1,6}(?:[ ._/-][0-9A-Z]{2,6}){2,}(?![0-9A-Za-z])(?![._/-][0-9])"
)
# A run that opens with a date is a build number, a version or a time stamp ("2026.12.07.1403").
_DATE_HEAD = re.compile(r"(?:19|20)[0-9]{2}([._/-])(?:0[1-9]|1[0-2])\1(?:0[1-9]|[12][0-9]|3[01])(?![0-9])")
_GROUP_SEPARATORS = frozenset(" ._/-")
_IPV4_SHAPE = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")
_MIN_RUN_DIGITS = 9  # fewer is a date, a version or a short code, not a card, phone, IBAN or SSN
_CONTEXT_BEFORE, _CONTEXT_AFTER = 48, 16  # the keywords some detectors need stay in the window


@dataclass(frozen=True)
class JoinedView:
    """A second text for detection: windows of a normalised text with joins made, mapped back to it."""

    view: NormalizedText  # its ``to_original`` maps into the normalised text
    joins: tuple[int, ...]  # positions in ``view.text`` where a separator or break was removed, or blanks made one
    window_starts: tuple[int, ...]  # where each window starts in ``view.text`` (windows are apart)

    @property
    def text(self) -> str:
        """The text to run detectors on."""
        return self.view.text

    def to_normalized(self, findings: Sequence[Finding]) -> list[Finding]:
        """The findings that span a join, in the normalised text's offsets; the others are dropped
        (whatever lies within one group, the normalised text shows as well)."""
        out = []
        for f in findings:
            j = bisect.bisect_right(self.joins, f.start)
            if j == len(self.joins) or self.joins[j] >= f.end:
                continue
            if bisect.bisect_right(self.window_starts, f.start) != bisect.bisect_right(self.window_starts, f.end - 1):
                continue
            start, end = self.view.to_original(f.start, f.end)
            out.append(Finding(f.entity_type, start, end, f.score, f.detector))
        return out


def _is_number_run(run: str) -> bool:
    digits = sum(ch.isdigit() for ch in run)
    alnum = sum(ch.isalnum() for ch in run)
    return (
        digits >= _MIN_RUN_DIGITS
        and 2 * digits >= alnum
        and any(ch in "._/" for ch in run)
        and not _IPV4_SHAPE.fullmatch(run)
        and not _DATE_HEAD.match(run)
    )


def _edits(norm: NormalizedText) -> list[tuple[int, int, list[tuple[int, int, str]]]]:
    """(window start, window end, edits) for every place a join is needed; an edit ``(start, end, by)``
    writes ``by`` in place of ``text[start:end]``: nothing for a separator or a break, one space for a
    run of blanks between the groups of a spaced value."""
    text = norm.text
    found: list[tuple[int, int, list[tuple[int, int, str]]]] = []
    for m in _GROUP_RUN.finditer(text):
        if _is_number_run(m.group()):
            seps = [(i, i + 1, "") for i in range(m.start(), m.end()) if text[i] in _GROUP_SEPARATORS]
            found.append((max(0, m.start() - _CONTEXT_BEFORE), min(len(text), m.end() + _CONTEXT_AFTER), seps))
    for start, end, gaps in spaced_values(text):
        runs = [(g_start, g_end, " ") for g_start, g_end in gaps]
        found.append((max(0, start - _CONTEXT_BEFORE), min(len(text), end + _CONTEXT_AFTER), runs))
    for p in norm.breaks:
        if 0 < p < len(text) - 1 and not text[p - 1].isspace() and not text[p + 1].isspace():
            found.append((max(0, p - _CONTEXT_BEFORE), min(len(text), p + _CONTEXT_BEFORE), [(p, p + 1, "")]))
    found.sort()
    merged: list[tuple[int, int, list[tuple[int, int, str]]]] = []
    for start, end, edits in found:
        if merged and start <= merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], end), _apart([*last[2], *edits]))
        else:
            merged.append((start, end, edits))
    return merged


def _apart(edits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``edits`` in order, without the ones that overlap an earlier one."""
    out: list[tuple[int, int, str]] = []
    for edit in sorted(set(edits)):
        if not out or edit[0] >= out[-1][1]:
            out.append(edit)
    return out


def joined_view(norm: NormalizedText) -> JoinedView | None:
    """The joined view of a normalised text, or None when nothing in it needs joining."""
    windows = _edits(norm)
    if not windows:
        return None
    pieces: list[tuple[str, int, int, bool]] = []
    joins: list[int] = []
    window_starts: list[int] = []
    length = 0
    text = norm.text
    for start, end, edits in windows:
        if pieces:
            pieces.append(("\n\n", start, start, False))
            length += 2
        window_starts.append(length)
        cursor = start
        for e_start, e_end, by in edits:
            pieces.append((text[cursor:e_start], cursor, e_start, True))
            pieces.append((by, e_start, e_end, False))
            length += e_start - cursor
            joins.append(length)
            length += len(by)
            cursor = e_end
        pieces.append((text[cursor:end], cursor, end, True))
        length += end - cursor
    return JoinedView(_assemble(pieces), tuple(joins), tuple(window_starts))
