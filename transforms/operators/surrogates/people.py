"""Names and handles: a person's name, a username or an e-mail local part, drawn from the census name pools.

Each name word is keyed on the word alone (casefolded), so "Dana Kowalski", "dana" and "dana_kowalski"
share their surrogate parts.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from transforms.operators.surrogates.draws import Draws, pick
from transforms.operators.surrogates.pools import FEMALE_FIRST_NAMES, FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES
from transforms.operators.surrogates.text import DIGITS, LOWER, UPPER, case_like

__all__ = ["handle", "name_word", "person", "username"]

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]{2,})*")
_TITLES = frozenset("mr mrs ms miss mx dr prof sir dame rev jr sr herr frau mme mlle sra dott ing".split())
_PARTICLES = frozenset("van von de da del della der den di du le la bin binti al el ben dos das ter y".split())
_HANDLE_RUN = re.compile(r"[^\W\d_]+|\d+")


@cache
def _census_gender() -> dict[str, str]:
    """Casefolded first name -> "female" or "male": the US Census 1990 list that gives it the higher frequency."""
    import names  # the census files' carrier; a project dependency (the name detector reads them too)

    freq: dict[str, dict[str, float]] = {}
    for gender in ("female", "male"):
        for line in (Path(names.__file__).parent / f"dist.{gender}.first").read_text().splitlines():
            parts = line.split()
            if len(parts) >= 2:
                freq.setdefault(parts[0].casefold(), {})[gender] = float(parts[1])
    return {
        name: "female" if by.get("female", 0.0) > by.get("male", 0.0) else "male"
        for name, by in freq.items()
        if by.get("female", 0.0) != by.get("male", 0.0)
    }


def name_word(key: bytes, role: str, word: str) -> str:
    """A first or last name for one name word, keyed on the word alone so it maps the same everywhere.

    A first name known to the census keeps its usual gender; others draw from both lists.
    """
    if len(word) == 1:
        letters = UPPER if word.isupper() else LOWER
        return pick(tuple(letters), Draws(key, "initial", word.casefold()), word)
    if role == "first":
        gender = _census_gender().get(word.casefold())
        pool = FEMALE_FIRST_NAMES if gender == "female" else MALE_FIRST_NAMES if gender == "male" else FIRST_NAMES
    else:
        pool = LAST_NAMES
    return case_like(word, pick(pool, Draws(key, "name", role, word.casefold()), word))


def person(value: str, key: bytes, attempt: int) -> str | None:
    """A PERSON surrogate: each name word replaced; titles, particles and a possessive "s" kept.

    None if ``value`` has no name word.
    """
    words = list(_WORD.finditer(value))
    # Titles stay; so does a possessive "s" ("Ada's" -> "Nora's").
    name_words = [
        m
        for m in words
        if m.group().casefold() not in _TITLES
        and not (m.group() in ("s", "S") and value[m.start() - 1 : m.start()] in ("'", "’"))
    ]
    name_words = [
        m for m in name_words if not (m.group().islower() and m.group() in _PARTICLES and len(name_words) > 1)
    ]
    if not name_words:
        return None
    # Words joined by a hyphen form one name token ("Smith-Jones") with one role.
    tokens: list[list[re.Match[str]]] = []
    for m in name_words:
        if tokens and value[tokens[-1][-1].end() : m.start()] in {"-", "‐"}:
            tokens[-1].append(m)
        else:
            tokens.append([m])
    comma = value.find(",")
    roles: list[str]
    if 0 < comma and tokens[0][-1].end() <= comma < tokens[-1][0].start():
        # "Lovelace, Ada": family name first.
        roles = ["last" if t[0].end() <= comma else "first" for t in tokens]
    elif len(tokens) == 1:
        roles = ["first"]
    else:
        roles = ["first"] * (len(tokens) - 1) + ["last"]
    replace = {m.start(): (m, role) for t, role in zip(tokens, roles, strict=True) for m in t}
    out = []
    cursor = 0
    for start, (m, role) in sorted(replace.items()):
        out.append(value[cursor:start])
        out.append(name_word(key, role, m.group()))
        cursor = m.end()
    out.append(value[cursor:])
    return "".join(out)


def handle(value: str, key: bytes, attempt: int) -> str:
    """A username-like string: letter runs become names (first, ..., last), short runs initials, digits digits."""
    runs = list(_HANDLE_RUN.finditer(value))
    alpha = [m for m in runs if not m.group().isdecimal()]
    digit_draws = Draws(key, "handle-digits", value.casefold(), attempt)
    out = []
    cursor = 0
    for m in runs:
        out.append(value[cursor : m.start()])
        run = m.group()
        if run.isdecimal():
            new = digit_draws.digits(len(run))
            if new == run:
                new = new[:-1] + DIGITS[(int(new[-1]) + 1) % 10]
            out.append(new)
        elif len(run) <= 2:
            out.append("".join(name_word(key, "first", c) for c in run))
        else:
            role = "last" if len(alpha) > 1 and m is alpha[-1] else "first"
            out.append(name_word(key, role, run))
        cursor = m.end()
    out.append(value[cursor:])
    return "".join(out)


def username(value: str, key: bytes, attempt: int) -> str | None:
    """A USERNAME surrogate (see ``handle``); None if ``value`` has no letter or digit run."""
    if not _HANDLE_RUN.search(value):
        return None
    return handle(value, key, attempt)
