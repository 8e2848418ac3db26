"""Character helpers the surrogate generators share: alphabets, case, and decimal digits in any script."""

from __future__ import annotations

import unicodedata

__all__ = ["DIGITS", "LOWER", "UPPER", "case_like", "digit_value", "only_digits", "pour", "same"]

LOWER = "abcdefghijklmnopqrstuvwxyz"
UPPER = LOWER.upper()
DIGITS = "0123456789"


def same(a: str, b: str) -> bool:
    """True if ``a`` and ``b`` are equal ignoring case (the test for "reproduces the original")."""
    return a.casefold() == b.casefold()


def case_like(template: str, word: str) -> str:
    """``word`` in the letter case of ``template``: UPPER, lower or Title."""
    if len(template) > 1 and template.isupper():
        return word.upper()
    if template.islower():
        return word.lower()
    if template[:1].isupper():
        return word[:1].upper() + word[1:].lower()
    return word


def digit_value(c: str) -> str | None:
    """The ASCII digit a decimal character stands for ('٣' -> '3'), or None."""
    d = unicodedata.decimal(c, None)
    return None if d is None else DIGITS[d]


def pour(value: str, new_digits: str) -> str:
    """Replace the decimal digits of ``value``, in order, by ``new_digits``; keep every other character."""
    out = []
    it = iter(new_digits)
    for c in value:
        out.append(next(it) if digit_value(c) is not None else c)
    return "".join(out)


def only_digits(value: str) -> str:
    """The decimal digits of ``value`` as ASCII digits, in order."""
    return "".join(d for d in map(digit_value, value) if d is not None)
