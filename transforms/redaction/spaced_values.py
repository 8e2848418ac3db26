"""Values whose digit groups are set apart by more than one space: a tab, several spaces, mixed blanks.

A card number, IBAN, phone number or SSN written with one space between its groups is found by the
detectors as it stands. Written with a tab or a run of blanks between the groups it is not, and
widening every pattern to any run of blanks would glue the columns of number tables (amounts, years,
ids, timestamps, TSV rows) into values. So a run of blanks counts as a group separator only here, for
the groups of a value whose shape and check say what it is:

- a payment card: groups 4-4-4-4 (or 4-4-4-4-3), 4-6-5 or 4-6-4, a card network's prefix (2221-2720,
  3, 4, 5, 6), and the Luhn check;
- an IBAN: a country code and two check digits, then groups of four letters or digits (the last one
  shorter), and the mod-97 check;
- a phone number in international form (``+`` and a country code, then groups of digits, 8 to 15
  digits in all) or a North American one (3-3-4, the area code possibly in parentheses);
- a US SSN, 3-2-4, only after ``SSN`` or ``social security`` (the shape alone is any three numbers).

An IBAN (mod 97) and, after a card word, a card number (Luhn) are also taken when their groups run on over
a line break (a wrapped mail, a narrow table cell, text taken from a PDF); the break, with the blanks
around it, is written as one space.

Each separating run is 1 to ``MAX_GAP`` blanks (space or tab; every other space separator is a
space in the normalised text) within one line, at least one of them wider than a single space. No
other number may stand next to the value across blanks on its line, as a column beside it would; and
where shape and check are weak (cards: one random number in ten passes Luhn; North American phones;
SSNs), neither the line above nor the line below may be a row of as many numbers that is no such
value, as the other rows of a table of numbers are.
The joined view writes each such run as one space, so the detectors see the value the way they see
it with single spaces.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["MAX_GAP", "spaced_values"]

MAX_GAP = 4  # blanks in one separating run; wider is a column gap or layout, not a separator
_G = rf"[ \t]{{1,{MAX_GAP}}}"
_BEFORE = r"(?<![0-9A-Za-z+])"
_AFTER = r"(?![0-9A-Za-z])(?![.,][0-9])"
# Issuer prefixes of the card networks (Mastercard's 2221-2720, Amex, Diners, JCB, Visa, Mastercard and
# Maestro, Discover and UnionPay): a year such as 2009 opens no card.
_CARD_PREFIX = r"(?:22(?:2[1-9]|[3-9][0-9])|2[3-6][0-9]{2}|27(?:[01][0-9]|20)|[3-6][0-9]{3})"
_CARD = re.compile(
    rf"{_BEFORE}{_CARD_PREFIX}(?:(?:{_G}[0-9]{{4}}){{3}}(?:{_G}[0-9]{{3}})?|{_G}[0-9]{{6}}{_G}[0-9]{{4,5}}){_AFTER}"
)
_IBAN = re.compile(rf"{_BEFORE}[A-Z]{{2}}[0-9]{{2}}(?:{_G}[0-9A-Z]{{4}}){{2,7}}(?:{_G}[0-9A-Z]{{1,3}})?{_AFTER}")
# An IBAN whose groups run on over a line break (a wrapped mail, a narrow table cell, a PDF's text): the break,
# with any indentation around it, separates two groups; the groups themselves may be written apart or not.
_BREAK = r"[ \t]*\r?\n[ \t]*"
_GL = rf"(?:{_G}|{_BREAK})?"
_IBAN_LINES = re.compile(
    rf"{_BEFORE}[A-Za-z]{{2}}[0-9]{{2}}(?:{_GL}[0-9A-Za-z]{{4}}){{2,7}}(?:{_GL}[0-9A-Za-z]{{1,3}})?{_AFTER}"
)
# A card number whose groups run on over a line break, after a card word: 16 digits (4-4-4-4), 19 (4-4-4-4-3) or
# 15 or 14 (4-6-5 Amex, 4-6-4 Diners), each with the Luhn check. Only after the word: one number in ten passes Luhn.
_CARD_LINES = tuple(
    re.compile(rf"{_BEFORE}{_CARD_PREFIX}{groups}{_AFTER}")
    for groups in (
        rf"(?:{_GL}[0-9]{{4}}){{3}}{_GL}[0-9]{{3}}",
        rf"(?:{_GL}[0-9]{{4}}){{3}}",
        rf"{_GL}[0-9]{{6}}{_GL}[0-9]{{4,5}}",
    )
)
_CARD_CUE = re.compile(
    r"(?<![A-Za-z])(?:card|cc|visa|mastercard|amex|maestro|discover|jcb|diners|unionpay|pan)(?![A-Za-z])"
    r"|karte|carte|tarjeta|carta|cart[ãa]o|kaart|karty|karta",
    re.IGNORECASE,
)
_PHONE = re.compile(rf"{_BEFORE}\+[0-9]{{1,3}}(?:{_G}[0-9]{{2,8}}){{1,5}}{_AFTER}")
_NANP = re.compile(rf"{_BEFORE}\(?[2-9][0-8][0-9]\)?{_G}[2-9][0-9]{{2}}{_G}[0-9]{{4}}{_AFTER}")
_SSN = re.compile(rf"{_BEFORE}[0-9]{{3}}{_G}[0-9]{{2}}{_G}[0-9]{{4}}{_AFTER}")
_SSN_CUE = re.compile(r"(?<![A-Za-z])(?:ssn|social[ \t]+security)(?![A-Za-z])", re.IGNORECASE)
_CUE_BEFORE = 48  # characters before an SSN in which its cue must stand
_WIDE_GAP = re.compile(r"[ \t]{2,}|\t")
_LINE_GAP = re.compile(_BREAK)
_NUMBER_FIELD = re.compile(r"[-+(]?[0-9][0-9.,:/%)-]*")
_BLANKS = " \t"
_ROW_REACH = 512  # characters around a value in which the lines above and below it are read


def _luhn(digits: str) -> bool:
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c)
        total += (d * 2 - 9 if d > 4 else d * 2) if i % 2 else d
    return total % 10 == 0


def _card_ok(text: str, m: re.Match[str]) -> bool:
    return _luhn("".join(ch for ch in m.group() if ch.isdigit()))


def _iban_ok(text: str, m: re.Match[str]) -> bool:
    alnum = "".join(ch for ch in m.group() if ch.isalnum())
    moved = alnum[4:] + alnum[:4]
    return 15 <= len(alnum) <= 34 and int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def _iban_lines_end(text: str, m: re.Match[str]) -> int | None:
    """Where the IBAN that ``m`` opens ends: the longest run of its groups that passes mod 97 and spans a line
    break (the groups' pattern also takes in a word or a BIC on the next line)."""
    for end in range(m.end(), m.start() + 15, -1):
        if end < m.end() and not (text[end] in " \t\r\n" and text[end - 1].isalnum()):
            continue
        value = text[m.start() : end]
        alnum = "".join(ch for ch in value if ch.isalnum())
        if "\n" in value and 15 <= len(alnum) <= 34 and _mod97(alnum):
            return end
    return None


def _mod97(alnum: str) -> bool:
    moved = (alnum[4:] + alnum[:4]).upper()
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def _phone_ok(text: str, m: re.Match[str]) -> bool:
    return 8 <= sum(ch.isdigit() for ch in m.group()) <= 15


def _nanp_ok(text: str, m: re.Match[str]) -> bool:
    return True  # the shape is the check; the phone detectors validate the number itself


def _ssn_ok(text: str, m: re.Match[str]) -> bool:
    return _SSN_CUE.search(text, max(0, m.start() - _CUE_BEFORE), m.start()) is not None


@dataclass(frozen=True)
class _Shape:
    pattern: re.Pattern[str]
    check: Callable[[str, re.Match[str]], bool]
    strong: bool  # whether shape and check together are rare enough in a table of numbers to trust there


_SHAPES = (
    _Shape(_CARD, _card_ok, strong=False),  # one row of four 4-digit numbers in ten passes the Luhn check
    _Shape(_IBAN, _iban_ok, strong=True),
    _Shape(_PHONE, _phone_ok, strong=True),
    _Shape(_NANP, _nanp_ok, strong=False),
    _Shape(_SSN, _ssn_ok, strong=False),
)


def _number_beside(text: str, start: int, end: int) -> bool:
    """Whether a digit stands next to ``text[start:end]`` across blanks only (a neighbouring column)."""
    before = start
    while before > 0 and text[before - 1] in _BLANKS:
        before -= 1
    after = end
    while after < len(text) and text[after] in _BLANKS:
        after += 1
    return (before < start and text[before - 1 : before].isdigit()) or (
        after > end and text[after : after + 1].isdigit()
    )


def _number_row(line: str, count: int) -> bool:
    """Whether ``line`` holds ``count`` or more numbers in a row with only blanks between them."""
    streak = 0
    for field in line.split():
        streak = streak + 1 if _NUMBER_FIELD.fullmatch(field) else 0
        if streak >= count:
            return True
    return False


def _lines_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The line above and the line below the one that holds ``text[start:end]`` ("" where there is none)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    above = "" if line_start == 0 else text[text.rfind("\n", 0, line_start - 1) + 1 : line_start - 1]
    if line_end < 0:
        return above, ""
    below_end = text.find("\n", line_end + 1)
    return above, text[line_end + 1 : len(text) if below_end < 0 else below_end]


def _in_number_table(text: str, start: int, end: int, shape: _Shape) -> bool:
    """Whether the line above or below is a row of as many numbers that is no value of ``shape``: then
    the value is one row of a table of numbers that happened to pass the check."""
    count = len(text[start:end].split())
    # Lines are read within a bounded window, so a huge record of one line costs no more per value.
    offset = max(0, start - _ROW_REACH)
    local = text[offset : end + _ROW_REACH]
    for line in _lines_around(local, start - offset, end - offset):
        if _number_row(line, count) and not any(shape.check(line, m) for m in shape.pattern.finditer(line)):
            return True
    return False


def _found(text: str, shape: _Shape) -> list[tuple[int, int, list[tuple[int, int]]]]:
    out = []
    for m in shape.pattern.finditer(text):
        gaps = [g.span() for g in _WIDE_GAP.finditer(text, m.start(), m.end())]
        if not gaps or not shape.check(text, m) or _number_beside(text, m.start(), m.end()):
            continue
        if shape.strong or not _in_number_table(text, m.start(), m.end(), shape):
            out.append((m.start(), m.end(), gaps))
    return out


def _iban_over_lines(text: str) -> list[tuple[int, int, list[tuple[int, int]]]]:
    out = []
    for m in _IBAN_LINES.finditer(text):
        end = _iban_lines_end(text, m)
        if end is None or _number_beside(text, m.start(), end):
            continue
        gaps = [g.span() for g in _LINE_GAP.finditer(text, m.start(), end)]
        gaps += [g.span() for g in _WIDE_GAP.finditer(text, m.start(), end) if "\n" not in g.group()]
        out.append((m.start(), end, _disjoint(gaps)))
    return out


def _cards_over_lines(text: str) -> list[tuple[int, int, list[tuple[int, int]]]]:
    out = []
    for pattern in _CARD_LINES:
        for m in pattern.finditer(text):
            if "\n" not in m.group() or not _card_ok(text, m) or _number_beside(text, m.start(), m.end()):
                continue
            if _CARD_CUE.search(text, max(0, m.start() - _CUE_BEFORE), m.start()) is None:
                continue
            gaps = [g.span() for g in _LINE_GAP.finditer(text, m.start(), m.end())]
            gaps += [g.span() for g in _WIDE_GAP.finditer(text, m.start(), m.end()) if "\n" not in g.group()]
            out.append((m.start(), m.end(), _disjoint(gaps)))
    return out


def _disjoint(gaps: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for gap in sorted(set(gaps)):
        if not out or gap[0] >= out[-1][1]:
            out.append(gap)
    return out


def spaced_values(text: str) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """(value start, value end, the wide separating runs inside it) for every value found, in order.

    Only values with at least one run wider than a single space, or an IBAN with a line break between
    its groups, are given (the others are seen as they stand); runs are ``(start, end)`` offsets in
    ``text``, a line break with the blanks around it one run; values never overlap.
    """
    found = _iban_over_lines(text) + _cards_over_lines(text) if "\n" in text else []
    if "\t" in text or "  " in text:
        found += [value for shape in _SHAPES for value in _found(text, shape)]
    found.sort()
    kept: list[tuple[int, int, list[tuple[int, int]]]] = []
    for value in found:
        if not kept or value[0] >= kept[-1][1]:
            kept.append(value)
    return kept
