"""Same-shape substitution: the surrogate of last resort, and the one for codes, paths and identifiers."""

from __future__ import annotations

import re

from transforms.operators.surrogates.draws import Draws
from transforms.operators.surrogates.text import DIGITS, LOWER, digit_value, same

__all__ = ["shape"]

_HEX = re.compile(r"[0-9a-f]{8,}|[0-9A-F]{8,}")


def shape(value: str, key: bytes, attempt: int, tag: str = "shape") -> str:
    """Same-shape substitution: digits to digits, letters to ASCII letters of the same case, the rest kept.

    Hex strings stay hex. Deterministic in the exact value (identifiers are case-sensitive).
    """
    draws = Draws(key, tag, value, attempt)
    hex_only = _HEX.fullmatch(value) is not None
    out = []
    for c in value:
        if digit_value(c) is not None:
            out.append(draws.choice(DIGITS))
        elif c.isalpha():
            alphabet = "abcdef" if hex_only else LOWER
            letter = draws.choice(alphabet)
            out.append(letter.upper() if c.isupper() else letter)
        else:
            out.append(c)
    new = "".join(out)
    if same(new, value):  # the next candidate: step the first letter or digit
        for i, c in enumerate(new):
            if c in DIGITS or (c.isascii() and c.isalpha()):
                alphabet = DIGITS if c in DIGITS else "abcdef" if hex_only else LOWER
                stepped = alphabet[(alphabet.index(c.lower()) + 1) % len(alphabet)]
                return new[:i] + (stepped.upper() if c.isupper() else stepped) + new[i + 1 :]
    return new
