"""Addresses, places and organisations: name words drawn from the place-word pool, structure words kept.

Street types, particles and region codes ("Road", "de", "NW", "NSW") and legal forms ("Ltd", "GmbH")
identify no one and stay; house numbers and postcodes are shape-substituted.
"""

from __future__ import annotations

import re

from transforms.operators.surrogates.draws import Draws, pick
from transforms.operators.surrogates.people import name_word
from transforms.operators.surrogates.pools import PLACE_WORDS
from transforms.operators.surrogates.shape import shape
from transforms.operators.surrogates.text import case_like, same

__all__ = ["address", "organization"]

_ADDRESS_WORDS = frozenset(
    """street st road rd avenue ave av lane ln drive dr boulevard blvd way court ct place pl square sq terrace
    close crescent cres highway hwy parkway pkwy circle cir row mews grove apt apartment suite ste unit floor fl
    flat building bldg po p o box rue de la le du des del della via calle carrera plaza str n s e w ne nw se sw
    north south east west and the of no nr upon on""".split()
)
_STREET_SUFFIX = re.compile(r"(?i)(.{2,}?)(straße|strasse|weg|gasse|platz|allee|vej|gade|laan|straat|gatan|vägen)")
_ORG_WORDS = frozenset(
    """inc incorporated ltd limited llc llp plc corp corporation co company gmbh ag kg sa sas sarl srl spa bv nv
    ab as oy kk pty pvt group holdings partners associates solutions systems technologies technology services
    consulting labs laboratories logistics foundation trust bank university college school institute hospital
    clinic agency council ministry department of the and for""".split()
)
_PLACE_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def _place_word(word: str, key: bytes, kind: str) -> str:
    if (m := _STREET_SUFFIX.fullmatch(word)) is not None:
        stem = pick(PLACE_WORDS, Draws(key, kind, m.group(1).casefold()), m.group(1))
        return case_like(m.group(1), stem) + m.group(2)
    if len(word) == 1:
        return name_word(key, "first", word)
    return case_like(word, pick(PLACE_WORDS, Draws(key, kind, word.casefold()), word))


def _words(value: str, key: bytes, attempt: int, keep: frozenset[str], kind: str) -> str | None:
    """Each word replaced by a place word (or, for acronyms and codes, same-shape characters); keep-words kept."""
    out = []
    cursor = 0
    changed = False
    for m in _PLACE_TOKEN.finditer(value):
        out.append(value[cursor : m.start()])
        word = m.group()
        if word.casefold() in keep or (word.isalpha() and word.isupper() and len(word) in (2, 3) and kind == "place"):
            new = word  # street types, particles and region codes ("NW", "OR", "NSW") identify no one
        elif word.isalpha() and word.isupper() and 1 < len(word) <= 5:
            new = shape(word, key, attempt, kind + "-acronym")
        elif word.isalpha():
            new = _place_word(word, key, kind)
        else:
            new = shape(word, key, attempt, kind + "-code")
        changed = changed or not same(new, word)
        out.append(new)
        cursor = m.end()
    out.append(value[cursor:])
    return "".join(out) if changed else None


def address(value: str, key: bytes, attempt: int) -> str | None:
    """A STREET_ADDRESS or LOCATION surrogate; None if no word changed."""
    return _words(value, key, attempt, _ADDRESS_WORDS, "place")


def organization(value: str, key: bytes, attempt: int) -> str | None:
    """An ORGANIZATION surrogate with its legal form and generic words kept; None if no word changed."""
    return _words(value, key, attempt, _ORG_WORDS, "org")
