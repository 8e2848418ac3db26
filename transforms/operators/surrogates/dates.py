"""Dates: numbers, month and weekday names replaced within their plausible ranges, separators kept."""

from __future__ import annotations

import re

from transforms.operators.surrogates.draws import Draws
from transforms.operators.surrogates.text import case_like

__all__ = ["date"]

_MONTHS = "January February March April May June July August September October November December".split()
_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_DATE_TOKEN = re.compile(r"\d+|[^\W\d_]+")
_ORDINAL = re.compile(r"(?i)st|nd|rd|th")


def _ordinal_suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _date_number(run: str, draws: Draws) -> str:
    value, width = int(run), len(run)
    if width == 4:
        low, high = 1940, 2004
    elif value > 31:
        low, high = 40, 99  # two-digit year
    elif value > 12:
        low, high = 13, 28  # a day: stays a valid day whatever the month
    elif width == 2 and not run.startswith("0"):
        low, high = 10, 12
    else:
        low, high = 1, 12 if width == 2 else 9  # could be the month: stays a valid month
    n = low + draws.below(high - low + 1)
    if n == value:
        n = low if n == high else n + 1
    return f"{n:0{width}d}"


def _calendar_word(word: str, draws: Draws) -> str | None:
    folded = word.casefold()
    for names in (_MONTHS, _WEEKDAYS):
        for i, name in enumerate(names):
            if folded == name.casefold() or (len(folded) >= 3 and name.casefold().startswith(folded)):
                j = (i + 1 + draws.below(len(names) - 1)) % len(names)
                new = names[j] if folded == name.casefold() else names[j][: len(word)]
                return case_like(word, new)
    return None


def date(value: str, key: bytes, attempt: int) -> str | None:
    """A DATE_OF_BIRTH surrogate: each number, ordinal suffix and calendar word redrawn; None if none changed."""
    draws = Draws(key, "date", value.casefold(), attempt)
    out = []
    cursor = 0
    changed = False
    tokens = list(_DATE_TOKEN.finditer(value))
    for i, m in enumerate(tokens):
        out.append(value[cursor : m.start()])
        run = m.group()
        new = run
        if run.isascii() and run.isdecimal():
            new = _date_number(run, draws)
        elif _ORDINAL.fullmatch(run) and i > 0 and tokens[i - 1].end() == m.start() and out[-2].isdecimal():
            new = case_like(run, _ordinal_suffix(int(out[-2])))
        elif (word := _calendar_word(run, draws)) is not None:
            new = word
        changed = changed or new != run
        out.append(new)
        cursor = m.end()
    out.append(value[cursor:])
    return "".join(out) if changed else None
