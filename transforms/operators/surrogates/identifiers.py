"""Payment and government identifiers: cards, IBANs, US SSNs and UK NINOs, kept checkably fictional.

Cards keep their grouping and first digit and pass the Luhn check; IBANs keep their country and fail
their mod-97 check; US SSNs have area 9XX with group 01-49 (never issued as an SSN or ITIN); UK NINOs
start with QQ.
"""

from __future__ import annotations

import re

from transforms.operators.surrogates.draws import Draws
from transforms.operators.surrogates.shape import shape
from transforms.operators.surrogates.text import DIGITS, only_digits, pour

__all__ = ["card_number", "iban", "uk_nino", "us_ssn"]

_NINO = re.compile(r"[A-Za-z]{2}\d{6}[A-Za-z]?")


def _luhn_check_digit(payload: str) -> str:
    total = 0
    for i, c in enumerate(reversed(payload)):
        d = int(c)
        if i % 2 == 0:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return str((10 - total % 10) % 10)


def card_number(value: str, key: bytes, attempt: int) -> str | None:
    """A CREDIT_CARD surrogate that passes the Luhn check; None unless ``value`` holds 12 to 19 digits."""
    digits = only_digits(value)
    if not 12 <= len(digits) <= 19:
        return None
    draws = Draws(key, "card", digits, attempt)
    payload = digits[0] + draws.digits(len(digits) - 2)
    return pour(value, payload + _luhn_check_digit(payload))


def _iban_valid(alnum: str) -> bool:
    moved = (alnum[4:] + alnum[:4]).upper()
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def iban(value: str, key: bytes, attempt: int) -> str | None:
    """An IBAN_CODE surrogate that fails the checksum; None unless ``value`` starts with a country code."""
    m = re.match(r"\s*([A-Za-z]{2})", value)
    if m is None:
        return None
    new = value[: m.end()] + shape(value[m.end() :], key, attempt, "iban")
    alnum = "".join(c for c in new if c.isascii() and c.isalnum())
    if len(alnum) >= 5 and _iban_valid(alnum):
        # A surrogate IBAN must not pass the checksum, so it can never be a real account.
        i = next((i for i, c in enumerate(new) if i >= m.end() and c in DIGITS), None)
        if i is None:
            return None
        new = new[:i] + DIGITS[(int(new[i]) + 1) % 10] + new[i + 1 :]
    return new


def us_ssn(value: str, key: bytes, attempt: int) -> str | None:
    """A US_SSN surrogate in the never-issued area 9XX, group 01-49; None unless ``value`` holds 9 digits."""
    digits = only_digits(value)
    if len(digits) != 9:
        return None
    draws = Draws(key, "ssn", digits, attempt)
    group = f"{1 + draws.below(49):02d}"
    serial = f"{1 + draws.below(9999):04d}"
    return pour(value, "9" + draws.digits(2) + group + serial)


def uk_nino(value: str, key: bytes, attempt: int) -> str | None:
    """A UK_NINO surrogate with the never-issued prefix QQ; None unless ``value`` is NINO-shaped."""
    alnum = "".join(c for c in value if c.isascii() and c.isalnum())
    if _NINO.fullmatch(alnum) is None:
        return None
    draws = Draws(key, "nino", alnum.upper(), attempt)
    new = "QQ" + draws.digits(6) + (draws.choice("ABCD") if len(alnum) == 9 else "")
    it = iter(new)
    return "".join((next(it).lower() if c.islower() else next(it)) if c.isascii() and c.isalnum() else c for c in value)
