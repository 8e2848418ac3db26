"""Postal blocks written without a street word: a street line, town lines, and a country or postcode line."""

from __future__ import annotations

import re2

from transforms.detectors.addresses import (
    ADDRESS_LINE,
    ADDRESS_LINE_LOWER,
    PARTICLES_RE,
    POSTAL_END,
    UNIT_WORDS_RE,
    rare_street_words,
)
from transforms.detectors.places import country_line_re
from transforms.detectors.terms import re2_options
from transforms.lexicon.names import load_english_words
from transforms.lexicon.wordlists import word_list

NAME_PARTICLES = word_list("context/name_particles.txt")

# The last line of a postal block without a country: a postcode alone (" 51971"), or a town, a region after a
# comma and a postcode ("Greyfield, CO 80123"), perhaps with the sentence going on.
_BLOCK_BOTTOM = re2.compile(
    r"(?m)^[ \t]*(?:[^\p{L}\p{N}\s][ \t]*){0,3}(?P<c>(?:[A-Z]{1,2}-)?\d{4,6}(?:-\d{3,4})?|"
    r"(?P<town>\p{L}[\p{L} .'’-]{0,40})(?:,[ \t]*(?:\p{L}{1,4}|\d{1,3}))[ \t]+"
    r"(?:\d{4,6}(?:-\d{3,4})?|\d{3}[ \t]\d{2}))"
    r"(?:[ \t]*$|[ \t]*[.,;!?]|[ \t]+\p{Ll})",
    re2_options(),
)


_QUOTE_MARKS = re2.compile(r"[ \t]*(?:[^\p{L}\p{N}\s][ \t]*){0,3}", re2_options())


# The street line of a postal block in the many countries that write no street word: "Kaevu 94",
# "Nocturne Lane 12 Varvik Rapids", "4 Kilnworth".
_BLOCK_STREET_PATTERN = (
    r"(?:\d{1,6}[ \t]+)?\p{Lu}[\p{L}'’.-]*(?:[ \t]+[\p{L}'’.-]+){0,4}[ \t]+\d{1,5}[a-zA-Z]?\.?"
    r"(?:[ \t]+(?:(?:van|von|de|der|den|da|di|du|la|le|del)[ \t]+)?\p{Lu}[\p{L}'’.-]*){0,3}[ \t]*,?|"
    r"\d{1,6}[ \t]+\p{Lu}[\p{L}'’.-]*(?:[ \t]+[\p{L}'’.-]+){0,4}"
)


_BLOCK_STREET = re2.compile(_BLOCK_STREET_PATTERN, re2_options())


_BLOCK_STREET_LOWER = re2.compile(_BLOCK_STREET_PATTERN.replace(r"\p{Lu}", r"\p{L}"), re2_options())


# A secondary unit at the end of a street line ("... 25 Apt. 971").
_UNIT_AT_END = re2.compile(rf"[ \t]+(?i:{UNIT_WORDS_RE})\.?[ \t]*#?[ \t]*\d[\w-]{{0,6}}[ \t]*,?[ \t]*$", re2_options())


# Where a street may start inside a sentence: a building number, or a capitalised word after a lower-case word
# or a colon ("... it is 812 Lepa 17", "... address with Nocturne Lane 12 Varvik Rapids").
_STREET_OPENING = re2.compile(r"(?:^|[ \t])(\d{1,6}[ \t]+\p{L}|\p{Lu})", re2_options())


def _street_head_ok(street: str) -> bool:
    """The words of a street's name (after a building number, before the house number) are capitalised, name
    particles or no English words ("Merineitsi põik 87"), not a sentence ("It is in Kaevu 94")."""
    head = street.split()
    if head and head[0][0].isdigit():
        head = head[1:]
    words = head[: next((k for k, w in enumerate(head) if w[0].isdigit()), len(head))]
    english = load_english_words()
    return all(w[0].isupper() or w in _HEAD_PARTICLES or w.casefold() not in english for w in words)


_HEAD_PARTICLES = frozenset(PARTICLES_RE.split("|")) | NAME_PARTICLES | frozenset("den ten ter y i e a".split())


def _block_street_start(line: str) -> int:
    """Where the street of a postal block starts on ``line`` (its last line above the town), or -1: the whole
    line, or its end after sentence text when that starts with a building number or capitalised words."""
    street = line
    m = _UNIT_AT_END.search(line)
    if m is not None:
        street = line[: m.start()]
    lower = not any(c.isupper() for c in street)
    pattern = _BLOCK_STREET_LOWER if lower else _BLOCK_STREET
    if (
        len(street) <= 60
        and pattern.fullmatch(street) is not None
        and (lower or _street_head_ok(street))
        and rare_street_words(street)
    ):
        return 0
    for m in _STREET_OPENING.finditer(street):
        i = m.start(1)
        if i == 0 or len(street) - i > 60:
            continue
        before = street[:i].split()
        if not street[i].isdigit():  # capitalised words: after a colon or a word in lower case only
            if not (before[-1].endswith(":") or before[-1].islower()):
                continue
        tail = street[i:]
        if not lower and not _street_head_ok(tail):
            continue
        if pattern.fullmatch(tail) is not None and rare_street_words(tail):
            return i
    return -1


def country_blocks(text: str) -> list[tuple[int, int]]:
    """International postal blocks: a street line with a house number, then up to four lines of unit, town
    and region, then a line with the country ("Kaevu 94 / Apt. 5 / Tartu / Estonia 50090") or a postcode
    ("Kaevu 94 / Tartu / 50090"). A block that ends in a postcode needs two lines below the street, or one
    that holds a town, a region after a comma and the postcode ("Greyfield, CO 80123"); the street may end
    a sentence ("... it is 812 Lepa 17") and the sentence may go on after the block."""
    out = []
    country, c = country_line_re(), _BLOCK_BOTTOM.groupindex["c"]
    cc = country.groupindex["c"]
    # a country that the sentence goes on after without a postcode ("Estonia is ...") needs a town line above it
    bottoms = [
        (m.start(), m.end(cc), "country" if m.end() == m.end(cc) or any(ch.isdigit() for ch in m.group(cc)) else "open")
        for m in country.finditer(text)
    ]
    bottoms += [
        (m.start(), m.end(c), "town" if m.start(c + 1) >= 0 else "postcode") for m in _BLOCK_BOTTOM.finditer(text)
    ]
    for bottom_start, bottom_end, kind in bottoms:
        pos = bottom_start
        lines_below = 1
        for _ in range(5):
            if pos == 0:
                break
            above = text.rfind("\n", max(0, pos - 601), pos - 1) + 1
            if above == 0 and pos > 601:
                break  # a paragraph, not a line of a block
            raw = text[above : pos - 1].rstrip("\r")
            lead = _QUOTE_MARKS.match(raw).end()
            line = raw[lead:].rstrip()
            if not line:
                break
            i = _block_street_start(line)
            if i >= 0 and (kind in ("country", "town") or lines_below >= 2):
                lower = not any(c.isupper() for c in line[i:])
                if lower and kind not in ("country", "open") and POSTAL_END.search(text[above:bottom_end]) is None:
                    break
                out.append((above + lead + i, bottom_end))
                break
            if len(line) > 60 or (ADDRESS_LINE.match(line) is None and ADDRESS_LINE_LOWER.match(line) is None):
                break
            pos = above
            lines_below += 1
    return out
