"""Countries and towns as written on envelopes: the lookups that end an address block."""

from __future__ import annotations

import unicodedata
from functools import cache

import re2

from transforms.detectors.terms import re2_options
from transforms.detectors.textlines import LINE_LEAD
from transforms.lexicon.names import load_places
from transforms.lexicon.wordlists import word_list


def place_names() -> frozenset[str]:
    """Towns, cities and regions (``data/place_names.tsv``, from phonenumbers' geocoding data), casefolded."""
    return load_places()


_COUNTRY_ALIASES = word_list("context/country_aliases.txt")


@cache
def country_names() -> frozenset[str]:
    """English names of every country and territory (the region names ``phonenumbers`` ships), plus the
    usual short and native forms written on envelopes, casefolded."""
    from phonenumbers.geodata.locale import LOCALE_DATA

    names = {v["aa"].casefold() for v in LOCALE_DATA.values() if not v.get("aa", "*").startswith("*")}
    return frozenset(names | _COUNTRY_ALIASES | {"united states of america", "northern ireland", "great britain"})


_COUNTRY_WORDS = re2.compile(
    r"\p{Lu}[\p{L}'’.-]*(?:[ \t]+(?:(?:and|of|the|And|Of|The)[ \t]+)?\p{Lu}[\p{L}'’.-]*){0,3}", re2_options()
)


_COUNTRY_WORDS_LOWER = re2.compile(r"\p{L}[\p{L}'’.-]*(?:[ \t]+\p{L}[\p{L}'’.-]*){0,3}", re2_options())


def country_at(text: str, start: int, lower: bool = False) -> int:
    """The end of a country name starting at ``start`` ("New Zealand", "Czech Republic"), or -1; with
    ``lower``, also written in lower case ("south africa")."""
    m = (_COUNTRY_WORDS_LOWER if lower else _COUNTRY_WORDS).match(text[start : start + 60])
    if m is None:
        return -1
    words = m.group(0).split()
    names = country_names()
    for n in range(len(words), 0, -1):
        phrase = " ".join(words[:n])
        for candidate in (phrase, phrase.rstrip(".,")):
            if candidate.casefold() in names:
                end = text.index(words[n - 1], start) + len(words[n - 1]) - (len(phrase) - len(candidate))
                after = text[end : end + 1]
                if not after or not (after.isalnum() or after in "@/_"):
                    return end
    return -1


PAREN_AFTER = re2.compile(r"[ \t]+\(\p{Lu}[\p{L} .'’-]{1,30}\)", re2_options())


_PAREN_AFTER_LOWER = re2.compile(r"[ \t]+\(\p{L}[\p{L} .'’-]{1,30}\)", re2_options())


_POSTCODE_AFTER = re2.compile(r",?[ \t]+(?:[A-Z]{1,2}-)?\d{3,6}(?:-\d{3,4})?", re2_options())


def country_line_end(text: str, start: int, lower: bool = False) -> int:
    """The end of a line that opens with a country and perhaps its postcode ("Denmark 8700"), or -1; with
    ``lower``, the country may be written in lower case."""
    start += LINE_LEAD.match(text[start : start + 40]).end()
    end = country_at(text, start, lower)
    if end < 0:
        return -1
    m = (_PAREN_AFTER_LOWER if lower else PAREN_AFTER).match(text[end : end + 40])  # "Belgium (Belgique)"
    if m is not None:
        end += m.end()
    m = _POSTCODE_AFTER.match(text[end : end + 20])
    if m is not None and not text[end + m.end() : end + m.end() + 1].isalnum():
        end += m.end()
    after = text[end : end + 1]
    return end if after in ("", "\n", "\r") or after in "?!.,;) \t" else -1


def ends_in_country(text: str, end: int) -> bool:
    """A country name ends at ``end`` ("..., Cyprus", "..., New Zealand")."""
    words = text[max(0, end - 40) : end].split()
    for k in range(1, min(3, len(words)) + 1):
        phrase = " ".join(words[-k:])
        start = end - len(phrase)
        if text[start:end] == phrase and country_at(text, start) == end:
            return True
    return False


_RE2_MAX_MEM = 32 << 20


@cache
def country_line_re() -> re2._Regexp:
    """Lines that hold a country as written on an envelope, perhaps after a quoting mark and before a postcode,
    also when the sentence goes on after it ("Belgium 4031 for the parcel"); group ``c`` is the country part."""
    names: set[str] = set()
    from phonenumbers.geodata.locale import LOCALE_DATA

    for v in LOCALE_DATA.values():
        name = v.get("aa", "*")
        if not name.startswith("*"):
            names.add(name)
    alternation = "|".join(sorted((re2.escape(n) for n in names), key=len, reverse=True))
    options = re2_options()
    options.max_mem = _RE2_MAX_MEM
    return re2.compile(
        rf"(?m)^[ \t]*(?:[^\p{{L}}\p{{N}}\s][ \t]*){{0,3}}(?P<c>(?i:{alternation})(?:[ \t]+\([^()\n]{{1,30}}\))?"
        rf"(?:,?[ \t]+(?:[A-Z]{{1,2}}-)?\d{{3,6}}(?:-\d{{3,4}})?)?)(?:[ \t]*$|[ \t]*[.,;!?]|[ \t]+\p{{Ll}})",
        options,
    )


def ascii_fold(word: str) -> str:
    """``word`` case-folded, with its accents and every other non-ASCII character dropped."""
    return unicodedata.normalize("NFKD", word.casefold()).encode("ascii", "ignore").decode("ascii")
