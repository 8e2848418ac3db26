"""Canary values: made-up, valid-shaped values of each kind, unique per case number.

Every value is derived from the case number ``n`` alone (no randomness), so the same case always
plants the same canary and a leak names the case it came from. Numbers pass their checksums (Luhn
for cards, mod 97 for IBANs); names, code names and hosts are invented words.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

__all__ = ["KINDS", "Canary", "alpha", "canary", "luhn_digit"]

_CONSONANTS = "bdfgklmnprstvz"
_VOWELS = "aeiou"
# NANP area codes in service, so the phone parser accepts the numbers; 555-01xx style lines are
# not used because they repeat across cases. Every number here is made up.
_AREA_CODES = ("212", "312", "415", "617", "646", "718", "202", "305", "404", "503")
_FIRST_NAMES = ("Marit", "Oskar", "Lucinda", "Teodor", "Ysolde", "Anselm", "Brigida", "Casimir")
# Names with letters outside ASCII: their UTF-8 bytes look nothing like them (b'S\xc3\xb8lvi').
_INTL_FIRST_NAMES = ("S\u00f8lvi", "Bj\u00f6rn", "Zo\u00eb", "\u0141ucja", "J\u00fcrgen", "In\u00e9s")


def alpha(n: int, width: int = 4) -> str:
    """``n`` written in base 26 with the letters a-z, ``width`` letters (unique for n < 26**width)."""
    letters = []
    for _ in range(width):
        n, r = divmod(n, 26)
        letters.append(chr(ord("a") + r))
    return "".join(reversed(letters))


def _syllables(n: int, count: int) -> str:
    out = []
    for _ in range(count):
        n, r = divmod(n, len(_CONSONANTS) * len(_VOWELS))
        out.append(_CONSONANTS[r // len(_VOWELS)] + _VOWELS[r % len(_VOWELS)])
    return "".join(out)


def _digits(label: str, n: int, count: int) -> str:
    """``count`` digits that look random but are a fixed function of ``label`` and ``n``."""
    value = int.from_bytes(hashlib.sha256(f"{label}:{n}".encode()).digest()[:12], "big")
    return f"{value % 10**count:0{count}d}"


def luhn_digit(digits: str) -> str:
    """The Luhn check digit that makes ``digits + check`` valid."""
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c)
        total += sum(divmod(d * 2, 10)) if i % 2 == 0 else d
    return str((10 - total % 10) % 10)


@dataclass(frozen=True)
class Canary:
    """One planted value.

    Attributes:
        kind: the value kind (``card``, ``email``, ...).
        entity: the entity type the redacted output must show in its place.
        value: the value as a person would write it, without any evasion.
        pieces: ``value`` cut where a writer could split it (groups of digits, parts of an address);
            ``sep.join(pieces) == value`` for the kind's natural separator ``sep``.
        sep: the natural separator between pieces ("" where the pieces touch).
        core: the part that is unique to the case; a leak of it alone is a leak.
        numeric: whether the value is carried by its digits (then its digits alone must not leak).
    """

    kind: str
    entity: str
    value: str
    pieces: tuple[str, ...]
    sep: str
    core: str
    numeric: bool


def _card(n: int) -> Canary:
    body = "4539" + f"{n:04d}" + _digits("card", n, 7)
    digits = body + luhn_digit(body)
    groups = tuple(digits[i : i + 4] for i in range(0, 16, 4))
    return Canary("card", "CREDIT_CARD", " ".join(groups), groups, " ", digits[4:], True)


def _iban(n: int) -> Canary:
    bban = "WEST" + f"{n:04d}" + _digits("iban", n, 10)
    check = 98 - int("".join(str(int(c, 36)) for c in bban + "GB00")) % 97
    iban = f"GB{check:02d}{bban}"
    groups = tuple(iban[i : i + 4] for i in range(0, len(iban), 4))
    return Canary("iban", "IBAN_CODE", " ".join(groups), groups, " ", bban[4:], True)


def _phone(n: int) -> Canary:
    area = _AREA_CODES[n % len(_AREA_CODES)]
    line = f"{(n // len(_AREA_CODES)) % 10000:04d}"
    exchange = str(300 + n // (len(_AREA_CODES) * 10000) % 600)
    groups = ("+1", area, exchange, line)
    return Canary("phone", "PHONE_NUMBER", " ".join(groups), groups, " ", area + exchange + line, True)


def _email(n: int) -> Canary:
    local = f"vq{alpha(n)}.{_syllables(n, 2)}"
    pieces = (local[:4], local[4:], "@exam", "ple.com")
    return Canary("email", "EMAIL_ADDRESS", "".join(pieces), pieces, "", local, False)


def _aws_key(n: int) -> Canary:
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
    seed = hashlib.sha256(f"aws:{n}".encode()).digest()
    tail = "".join(alphabet[b % 32] for b in seed[:12])
    key = "AKIA" + alpha(n).upper() + tail
    pieces = (key[:8], key[8:14], key[14:])
    return Canary("aws_key", "API_KEY", key, pieces, "", key[4:], False)


def _codename(n: int) -> Canary:
    word = "Qorv" + alpha(n) + "ix"
    return Canary("codename", "CODENAME", word, (word[:5], word[5:]), "", word, False)


def _person(n: int) -> Canary:
    surname = "Vex" + _syllables(n, 3)
    first = _FIRST_NAMES[n % len(_FIRST_NAMES)]
    name = f"{first} {surname}"
    return Canary("person", "PERSON", name, (first, surname), " ", surname, False)


def _person_intl(n: int) -> Canary:
    surname = "V\u00ebx" + _syllables(n, 3)
    first = _INTL_FIRST_NAMES[n % len(_INTL_FIRST_NAMES)]
    name = f"{first} {surname}"
    return Canary("person_intl", "PERSON", name, (first, surname), " ", surname, False)


def _host(n: int) -> Canary:
    label = f"bld{alpha(n)}"
    host = f"{label}.corp.example.net"
    return Canary("host", "INTERNAL_HOST", host, (label, "corp", "example", "net"), ".", label, False)


KINDS = {
    "card": _card,
    "iban": _iban,
    "phone": _phone,
    "email": _email,
    "aws_key": _aws_key,
    "codename": _codename,
    "person": _person,
    "person_intl": _person_intl,
    "host": _host,
}


def canary(kind: str, n: int) -> Canary:
    """The canary of ``kind`` for case number ``n``."""
    return KINDS[kind](n)
