r"""Phrase lists from the lexicon as pattern fragments and keywords, so a pack can say ``{{password_label}}``.

A pack's ``lexicon`` maps a fragment name to a phrase list (``labels.yaml#password``, see
``transforms.lexicon.phrases``). The fragment is an alternation of the phrases, longest first, where:

* words are separated by blanks, one of ``_ . -``, or nothing (``date of birth`` also matches
  ``date_of_birth``, ``date-of-birth`` and ``dateOfBirth``); a hyphen in a phrase separates words too;
* an apostrophe is optional and matches ``'`` or ``’`` (``driver's``, ``drivers``, ``driver’s``);
* a word in capitals (``PIN``, ``NIE``) matches only as written, every other word in any case;
* the ordinal indicators ``º`` and ``ª`` (``nº``, ``n.º``) also match ``o`` and ``a``: detectors read the
  NFKC-normalised text, where they are written so;
* a phrase that starts with an ASCII letter or digit starts at a word boundary or after an underscore
  (``DB_PASSWORD``: identifiers join words with ``_``). Where a phrase ends is for the pattern using the
  fragment to say (what must follow it), so ``customerId`` and ``customer_id`` stay possible.

A rule's keyword ``{{name}}`` stands for one keyword per phrase: its longest word (one without an ordinal
indicator where the phrase has such a word), which every text the fragment matches contains
(case-insensitively), so the keyword prefilter never hides a match.
"""

from __future__ import annotations

import re

__all__ = ["phrase_fragment", "phrase_keywords", "phrase_pattern", "word_fragment"]

_WORD_SPLIT = re.compile(r"[ \t\-]+")
_APOSTROPHES = "'’"
_SEPARATOR = r"(?:[ \t]+|[_.\-])?"


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


_ORDINALS = {"º": "[ºo]", "ª": "[ªa]"}


def _escape(piece: str) -> str:
    return "".join(_ORDINALS.get(c) or re.escape(c) for c in piece)


def _word_pattern(word: str) -> str:
    pieces = [_escape(piece) for piece in re.split(f"[{_APOSTROPHES}]", word)]
    body = f"[{_APOSTROPHES}]?".join(pieces)
    return body if _is_acronym(word) else f"(?i:{body})"


def _ascii_word_char(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char == "_")


def phrase_pattern(phrase: str) -> str:
    """The RE2 pattern of one phrase (see the module docstring)."""
    words = [w for w in _WORD_SPLIT.split(phrase.strip()) if w]
    if not words:
        raise ValueError("an empty phrase")
    body = _SEPARATOR.join(_word_pattern(w) for w in words)
    start = r"(?:\b|_)" if _ascii_word_char(phrase.strip()[0]) else ""
    return f"{start}{body}"


def phrase_fragment(phrases: tuple[str, ...] | list[str]) -> str:
    """An alternation of ``phrases``, longest first (RE2 prefers the earlier of two matches at one place)."""
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(f"(?:{phrase_pattern(p)})" for p in ordered)


def phrase_keywords(phrases: tuple[str, ...] | list[str]) -> list[str]:
    """One keyword per phrase, its longest word (apostrophes split words), case-folded, unique, sorted."""
    keywords = set()
    for phrase in phrases:
        pieces = [p for p in re.split(f"[ \t\\-{_APOSTROPHES}]+", phrase.strip()) if p]
        plain = [p for p in pieces if not any(c in _ORDINALS for c in p)] or pieces
        keywords.add(max(plain, key=lambda p: (len(p), p)).casefold())
    return sorted(keywords)


def word_fragment(words: frozenset[str] | list[str]) -> str:
    """An alternation of ``words`` matched exactly as written (case included), longest first.

    The fragment of a ``.txt`` word list (``street_types/``): its entries are literal spellings ("St",
    "Ave", "Cul-de-sac"), so a capital or a hyphen in an entry means that capital or hyphen.
    """
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) for w in ordered)
