"""Values whose digit groups are set apart by more than one space: a tab, several spaces, mixed blanks.

A card number, IBAN, phone number or SSN written with one space between its groups is found by the
detectors as it stands. Written with a tab or a run of blanks between the groups it is not, and
widening every pattern to any run of blanks would glue the columns of number tables (amounts, years,
ids, timestamps, TSV rows) into values. So a run of blanks counts as a group separator only here, for
the groups of a value whose shape and check say what it is:

- a payment card: groups 4-4-4-4 (or 4-4-4-4-3), 4-6-5 or 4-6-4, a first digit 2 to 6, and the Luhn
  check;
- an IBAN: a country code and two check digits, then groups of four letters or digits (the last one
  shorter), and the mod-97 check;
- a phone number in international form: ``+`` and a country code, then groups of digits, 8 to 15
  digits in all;
- a US SSN, 3-2-4, only after ``SSN`` or ``social security`` (the shape alone is any three numbers).

Each separating run is 1 to ``MAX_GAP`` blanks (space or tab; every other space separator is a
space in the normalised text) within one line, at least one of them wider than a single space; and
no other number stands next to the value across blanks on its line, as a column beside it would.
The joined view writes each such run as one space, so the detectors see the value the way they see
it with single spaces.
"""

from __future__ import annotations

import re

__all__ = ["MAX_GAP", "spaced_values"]

MAX_GAP = 4  # blanks in one separating run; wider is a column gap or layout, not a separator
_G = rf"[ \t]{{1,{MAX_GAP}}}"
_BEFORE = r"(?<![0-9A-Za-z+])"
_AFTER = r"(?![0-9A-Za-z])(?![.,][0-9])"
_CARD = re.compile(
    rf"{_BEFORE}(?:[2-6][0-9]{{3}}(?:{_G}[0-9]{{4}}){{3}}(?:{_G}[0-9]{{3}})?|3[0-9]{{3}}{_G}[0-9]{{6}}{_G}[0-9]{{4,5}}){_AFTER}"
)
_IBAN = re.compile(rf"{_BEFORE}[A-Z]{{2}}[0-9]{{2}}(?:{_G}[0-9A-Z]{{4}}){{2,7}}(?:{_G}[0-9A-Z]{{1,3}})?{_AFTER}")
_PHONE = re.compile(rf"{_BEFORE}\+[0-9]{{1,3}}(?:{_G}[0-9]{{2,8}}){{1,5}}{_AFTER}")
_SSN = re.compile(rf"{_BEFORE}[0-9]{{3}}{_G}[0-9]{{2}}{_G}[0-9]{{4}}{_AFTER}")
_SSN_CUE = re.compile(r"(?<![A-Za-z])(?:ssn|social[ \t]+security)(?![A-Za-z])", re.IGNORECASE)
_CUE_BEFORE = 48  # characters before an SSN in which its cue must stand
_WIDE_GAP = re.compile(r"[ \t]{2,}|\t")
_BLANKS = " \t"


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


def _phone_ok(text: str, m: re.Match[str]) -> bool:
    return 8 <= sum(ch.isdigit() for ch in m.group()) <= 15


def _ssn_ok(text: str, m: re.Match[str]) -> bool:
    return _SSN_CUE.search(text, max(0, m.start() - _CUE_BEFORE), m.start()) is not None


_SHAPES = ((_CARD, _card_ok), (_IBAN, _iban_ok), (_PHONE, _phone_ok), (_SSN, _ssn_ok))


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


def spaced_values(text: str) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """(value start, value end, the wide separating runs inside it) for every value found, in order.

    Only values with at least one run wider than a single space are given (the others are seen as
    they stand); runs are ``(start, end)`` offsets in ``text``; values never overlap.
    """
    if "\t" not in text and "  " not in text:
        return []
    found: list[tuple[int, int, list[tuple[int, int]]]] = []
    for pattern, check in _SHAPES:
        for m in pattern.finditer(text):
            gaps = [g.span() for g in _WIDE_GAP.finditer(text, m.start(), m.end())]
            if gaps and check(text, m) and not _number_beside(text, m.start(), m.end()):
                found.append((m.start(), m.end(), gaps))
    found.sort()
    kept: list[tuple[int, int, list[tuple[int, int]]]] = []
    for value in found:
        if not kept or value[0] >= kept[-1][1]:
            kept.append(value)
    return kept
