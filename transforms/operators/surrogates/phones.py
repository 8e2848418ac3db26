"""Phone numbers: new digits poured into the original's separators, in a fictional range where one exists.

North American numbers land on 555-01XX, UK numbers in Ofcom's drama ranges (07700 900XXX,
020 7946 0XXX, ...); the country prefix, trunk prefix and extension are kept. ``is_fictional_phone``
recognises those ranges.
"""

from __future__ import annotations

import re

from transforms.operators.surrogates.draws import Draws
from transforms.operators.surrogates.text import DIGITS, only_digits, pour

__all__ = ["is_fictional_phone", "phone_number"]

# ITU-T E.164 country codes of one and two digits; every other code has three.
_CC_1 = frozenset("17")
_CC_2 = frozenset(
    "20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 "
    "81 82 84 86 90 91 92 93 94 95 98".split()
)
_EXTENSION = re.compile(r"(?i)(?:ext\.?|extension|x|#)\s*\d{1,6}\s*$")
_UK_GEOGRAPHIC = ("113", "114", "115", "116", "117", "118", "121", "131", "141", "151", "161")
_NANP_FICTIONAL = re.compile(r"55501\d\d$")
_UK_FICTIONAL = re.compile(r"(?:7700900|2079460|1632960|(?:11[3-8]|1[2-6]1)4960)\d{3}$")


def _country_code(digits: str) -> str:
    if digits[:1] in _CC_1:
        return digits[:1]
    if digits[:2] in _CC_2:
        return digits[:2]
    return digits[:3]


def _phone_national(nsn: str, cc: str, trunk: str, draws: Draws) -> str:
    """New national significant digits, in a reserved fictional range where the format has one."""
    n = len(nsn)
    nanp = cc == "1" or (cc == "" and trunk in ("", "1") and (n == 7 or (n == 10 and nsn[0] in "23456789")))
    if nanp and n == 10:
        area = draws.choice("23456789") + draws.choice("012345678") + draws.choice(DIGITS)
        if area[1:] == "11":  # N11 codes are service numbers, not area codes
            area = area[:2] + "2"
        return area + "55501" + draws.digits(2)
    if nanp and n == 7:
        return "55501" + draws.digits(2)
    uk = cc == "44" or (cc == "" and trunk == "0" and nsn[:1] in ("1", "2", "7"))
    if uk and n == 10:
        if nsn.startswith("7"):
            return "7700900" + draws.digits(3)
        if nsn.startswith("20"):
            return "2079460" + draws.digits(3)
        if nsn.startswith("1"):
            return draws.choice(_UK_GEOGRAPHIC) + "4960" + draws.digits(3)
        return "1632960" + draws.digits(3)
    return draws.choice("123456789") + draws.digits(n - 1)


def phone_number(value: str, key: bytes, attempt: int) -> str | None:
    """A PHONE_NUMBER surrogate with the same separators; None unless ``value`` holds 5 to 15 digits."""
    ext = _EXTENSION.search(value)
    main = value[: ext.start()] if ext else value
    digits = only_digits(main)
    if not 5 <= len(digits) <= 15:
        return None
    kept = ""
    if main.lstrip(" \t([").startswith("+"):
        kept = _country_code(digits)
        cc = kept
    elif digits.startswith("00") and len(digits) > 10:
        cc = _country_code(digits[2:])
        kept = "00" + cc
    else:
        cc = ""
    rest = digits[len(kept) :]
    trunk = ""
    if rest.startswith("0") and cc != "1":
        trunk = "0"
    elif cc == "" and len(rest) == 11 and rest.startswith("1"):
        trunk = "1"
    nsn = rest[len(trunk) :]
    if not nsn:
        return None
    draws = Draws(key, "phone", nsn, attempt)
    new = kept + trunk + _phone_national(nsn, cc, trunk, draws)
    if ext:
        ext_digits = only_digits(value[ext.start() :])
        new += Draws(key, "phone-ext", nsn, ext_digits, attempt).digits(len(ext_digits))
    return pour(value, new)


def is_fictional_phone(value: str) -> bool:
    """True if ``value`` (extension ignored) ends in NANP 555-01XX or a UK drama range."""
    digits = only_digits(_EXTENSION.sub("", value))
    return bool(_NANP_FICTIONAL.search(digits)) or bool(_UK_FICTIONAL.search(digits))
