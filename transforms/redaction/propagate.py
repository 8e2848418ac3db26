"""Mention propagation: a name found once in a record is redacted wherever it recurs in that record.

Detectors see each mention on its own, and the context that gives a name away is often there only
once: "Brightwater Homes Limited ("Brightwater")" and later "Counsel for Brightwater"; "Mrs Okonkwo"
and later "OKONKWO" in a header; "@jdoe" and later "jdoe pushed the fix". After detection, the
distinctive words of every PERSON, ORGANIZATION and USERNAME finding (the types listed in
``entities.propagate``) become keys, and every other occurrence of a key in the same record is
redacted with the same entity type.

A key must be distinctive, so one wrong finding cannot spread over a record: at least three letters,
not a title ("Mr", "Lord"), not on the allow list or in the technical vocabulary ("Docker"), not a
word of ordinary English (a person's word may be a known first name
up to a higher frequency: "Kevin" is a key, "Will" is not). Names and organisations match a
capitalised or all-capitals occurrence ("Pryce", "PRYCE", and "Pryce" in "Pryce's"), never a
lower-case word; usernames match exactly. Adjacent propagated words of one type become one span.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from transforms.lexicon.thresholds import int_threshold, threshold
from transforms.records import Finding

__all__ = ["DEFAULT_PROPAGATED_TYPES", "Propagator"]

DEFAULT_PROPAGATED_TYPES = ("ORGANIZATION", "PERSON", "USERNAME")
DETECTOR_PREFIX = "propagation."

# A word: letters, inner apostrophes and hyphens ("O'Brien", "Fenwick-Hall"), digits inside handles.
_WORD = re.compile(r"[^\W_][\w'’\-]*[^\W_]|[^\W\d_]")
_POSSESSIVE = ("'s", "’s", "'S", "’S")
_TITLES = frozenset(
    "mr mrs ms miss mx dr prof sir lord lady dame judge justice hon rev fr st jr sr esq mme mlle herr frau".split()
)
_GAP = re.compile(r"[ \t]{1,2}")
MIN_KEY_CHARS = int_threshold("propagation_min_key_chars")
# Words at least this frequent in English are never keys, except known first names up to the second, for PERSON.
COMMON_WORD_ZIPF = threshold("common_word_zipf")
FIRST_NAME_MAX_ZIPF = threshold("propagation_first_name_max_zipf")
USERNAME_MIN_CHARS = int_threshold("propagation_username_min_chars")


@dataclass(frozen=True)
class _Key:
    entity_type: str
    score: float
    exact: str | None  # usernames: the exact spelling to match; None: any capitalised spelling


class Propagator:
    """Builds keys from a record's findings and finds the uncovered recurrences of those keys."""

    def __init__(
        self,
        types: Iterable[str],
        first_names: frozenset[str],
        english: Mapping[str, float],
        allow: frozenset[str],
        vocabulary: frozenset[str] = frozenset(),
    ) -> None:
        self._types = frozenset(types)
        self._first = first_names
        self._english = english
        self._allow = allow | vocabulary

    def _distinctive(self, word: str, entity_type: str) -> bool:
        folded = word.casefold()
        if len(folded) < MIN_KEY_CHARS or folded in _TITLES or folded in self._allow:
            return False
        if any(c.isdigit() for c in word) and entity_type != "USERNAME":
            return False
        zipf = self._english.get(folded, 0.0)
        if zipf < COMMON_WORD_ZIPF:
            return True
        return entity_type == "PERSON" and folded in self._first and zipf <= FIRST_NAME_MAX_ZIPF

    def keys(self, texts: Sequence[str], findings: Sequence[Sequence[Finding]]) -> dict[str, _Key]:
        """Keys (casefolded word -> type and score) from the PERSON/ORGANIZATION/USERNAME findings."""
        keys: dict[str, _Key] = {}
        for text, found in zip(texts, findings, strict=True):
            for f in found:
                if f.entity_type not in self._types:
                    continue
                for m in _WORD.finditer(text, f.start, f.end):
                    word = _strip_possessive(m.group())
                    if f.entity_type == "USERNAME":
                        if len(word) < USERNAME_MIN_CHARS or not self._distinctive(word, "USERNAME"):
                            continue
                        key = _Key("USERNAME", f.score, word)
                    elif word[0].isupper() and self._distinctive(word, f.entity_type):
                        key = _Key(f.entity_type, f.score, None)
                    else:
                        continue
                    folded = word.casefold()
                    old = keys.get(folded)
                    # One type per word: the higher score wins; ties go to the smaller type name.
                    if old is None or (key.score, old.entity_type) > (old.score, key.entity_type):
                        keys[folded] = key
        return keys

    def recurrences(self, text: str, found: Sequence[Finding], keys: Mapping[str, _Key]) -> list[Finding]:
        """Findings for occurrences of ``keys`` in ``text`` that no finding in ``found`` touches."""
        if not keys:
            return []
        spans = sorted((f.start, f.end) for f in found)
        starts = [s for s, _ in spans]
        ends = _running_max_ends(spans)
        out: list[Finding] = []
        for m in _WORD.finditer(text):
            word = _strip_possessive(m.group())
            key = keys.get(word.casefold())
            if key is None:
                continue
            if key.exact is not None:
                if word != key.exact:
                    continue
            elif not (word[0].isupper() and (word.isupper() or not word[1:].isupper())):
                continue  # "pryce" or "pRYCE": not this name
            start, end = m.start(), m.start() + len(word)
            if _touches(starts, ends, start, end):
                continue
            out.append(Finding(key.entity_type, start, end, key.score, DETECTOR_PREFIX + key.entity_type))
        return _merge_adjacent(text, out)


def _strip_possessive(word: str) -> str:
    return word[:-2] if len(word) > 3 and word.endswith(_POSSESSIVE) else word


def _running_max_ends(spans: Sequence[tuple[int, int]]) -> list[int]:
    ends, best = [], -1
    for _, end in spans:
        best = max(best, end)
        ends.append(best)
    return ends


def _touches(starts: list[int], ends: list[int], start: int, end: int) -> bool:
    """Whether any span (sorted by start; ``ends`` their running maximum) overlaps [start, end)."""
    i = bisect.bisect_left(starts, end) - 1
    return i >= 0 and ends[i] > start


def _merge_adjacent(text: str, findings: Iterable[Finding]) -> list[Finding]:
    merged: list[Finding] = []
    for f in findings:
        last = merged[-1] if merged else None
        if last is not None and last.entity_type == f.entity_type and _GAP.fullmatch(text[last.end : f.start]):
            merged[-1] = Finding(f.entity_type, last.start, f.end, max(last.score, f.score), last.detector)
        else:
            merged.append(f)
    return merged
