"""Dictionary detectors: the organisation's proprietary terms and its internal domains.

Terms are matched whole-word and case-insensitively with one Aho-Corasick automaton, so many
thousands of terms cost one pass over the text. Internal domains are found the same way, then matched
with RE2 (linear time) around each occurrence: URLs, e-mail addresses and bare host names under any
listed domain.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Iterator, Sequence
from typing import Any

import ahocorasick
import re2

from transforms.config import ScrublineConfig
from transforms.detectors.base import Detector, register_detector
from transforms.records import Finding

__all__ = ["InternalDomainDetector", "ProprietaryTermDetector", "lower_same_length", "re2_options"]


def re2_options() -> re2.Options:
    """RE2 options shared by scrubline: no logging of pattern errors to stderr."""
    options = re2.Options()
    options.log_errors = False
    return options


def lower_same_length(text: str) -> str:
    """Lower-case ``text`` keeping one character per character, so offsets still match the original."""
    lowered = text.lower()
    if len(lowered) == len(text):  # lower() never shrinks a character, so equal length means 1:1
        return lowered
    return "".join(c if len(lc := c.lower()) != 1 else lc for c in text)


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


# Texts are matched in segments of this many characters (see ProprietaryTermDetector._detect_one).
_SEGMENT_CHARS = 1 << 20

# Whitespace other than one plain space: a line break, a tab, or a run of several blanks.
_LOOSE_SPACE = re.compile(r"\s{2,}|[^\S ]")


def _squeeze(text: str) -> tuple[str, array, array]:
    """``text`` with every run of whitespace written as one space, and the map back: for a squeezed index
    ``i``, ``i + shifts[k]`` is the original index, where ``k`` is the last entry of ``starts`` <= ``i``.
    The maps are machine-integer arrays: a 50 MB text may hold millions of line breaks."""
    starts, shifts = array("q", [0]), array("q", [0])
    removed = 0
    for m in _LOOSE_SPACE.finditer(text):
        start, end = m.span()
        starts.append(start - removed + 1)  # the squeezed index just after the run's single space
        removed += end - start - 1
        shifts.append(removed)
    return _LOOSE_SPACE.sub(" ", text), starts, shifts


class ProprietaryTermDetector(Detector):
    r"""Whole-word, case-insensitive matches of ``proprietary.terms``; the blanks between a term's words
    match any run of whitespace, so a name wrapped onto the next line ("Hexacore\nLogistics") is found."""

    name = "proprietary_terms"

    @classmethod
    def entity_types_for(cls, config: ScrublineConfig) -> frozenset[str]:
        """The entity types ``proprietary.terms`` names (its keys)."""
        return frozenset(config.proprietary.terms)

    def __init__(self, terms: dict[str, list[str]], score: float = 1.0) -> None:
        self._score = score
        self._automaton: ahocorasick.Automaton | None = None
        entries: dict[str, set[str]] = {}
        for entity in sorted(terms):
            for term in terms[entity]:
                key = lower_same_length(" ".join(term.split()))
                if key:
                    entries.setdefault(key, set()).add(entity)
        if entries:
            automaton = ahocorasick.Automaton()
            for key in sorted(entries):
                automaton.add_word(key, (len(key), tuple(sorted(entries[key]))))
            automaton.make_automaton()
            self._automaton = automaton
        self._multiword = any(" " in key for key in entries)
        # How far past a segment's end a term that starts in it may reach (its blanks may be runs).
        self._margin = 8 * max((len(key) for key in entries), default=0) + 256

    def detect(self, texts: Sequence[str]) -> list[list[Finding]]:
        """One list of findings per text, in input order; raises rather than skip a text."""
        return [self._detect_one(t) for t in texts]

    def _detect_one(self, text: str) -> list[Finding]:
        if self._automaton is None or not text:
            return []
        # Segment by segment, so a 50 MB record costs a lower-cased copy of one segment, not of the whole
        # text. A segment is read on past its end by a margin, and keeps only the matches that start in it.
        found = set()
        for seg_start in range(0, len(text), _SEGMENT_CHARS):
            core_end = min(len(text), seg_start + _SEGMENT_CHARS)
            piece = text[seg_start : min(len(text), core_end + self._margin)]
            for start, end, entities in self._matches(piece):
                start, end = start + seg_start, end + seg_start
                if start >= core_end:
                    continue
                if _is_word_char(text[start]) and start > 0 and _is_word_char(text[start - 1]):
                    continue
                if _is_word_char(text[end - 1]) and end < len(text) and _is_word_char(text[end]):
                    continue
                for entity in entities:
                    found.add(Finding(entity, start, end, self._score, f"{self.name}.{entity}"))
        return sorted(found, key=lambda f: (f.start, f.end, f.entity_type))

    def _matches(self, piece: str) -> Iterator[tuple[int, int, tuple[str, ...]]]:
        """(start, end, entity types) of every term in ``piece``, case-insensitive, blanks flexible."""
        assert self._automaton is not None
        lowered = lower_same_length(piece)
        starts: array | list[int] = []
        if self._multiword and _LOOSE_SPACE.search(lowered) is not None:
            lowered, starts, shifts = _squeeze(lowered)
        for end_index, (length, entities) in self._automaton.iter(lowered):
            start, end = end_index - length + 1, end_index + 1
            if starts:  # back to the piece's offsets
                start += shifts[bisect.bisect_right(starts, start) - 1]
                end = end_index + shifts[bisect.bisect_right(starts, end_index) - 1] + 1
            yield start, end, entities


# RE2's ``\s``: no match of the domain pattern crosses one of these, so each run of other characters
# (a "token") can be matched on its own.
_BLANK = re.compile(r"[\t\n\f\r ]")
_PATTERN_CACHE_SIZE = 1024


class InternalDomainDetector(Detector):
    """URLs (INTERNAL_URL), e-mail addresses (EMAIL_ADDRESS) and hosts (INTERNAL_HOST) under the
    organisation's internal domains, any sub-domain and any letter case.

    One Aho-Corasick pass finds where any listed domain occurs; the RE2 pattern then runs only on the
    tokens (runs of non-blank characters) that hold one, with just the domains found there. A match
    never spans a blank and always contains its domain, so this finds exactly what one pattern over
    the whole text with every domain would, and 100,000 domains cost what 10 do (one RE2 alternation
    of them all is over RE2's size limit from about 10,000 on).
    """

    name = "internal_domains"
    entity_types = frozenset({"EMAIL_ADDRESS", "INTERNAL_HOST", "INTERNAL_URL"})

    def __init__(self, domains: Sequence[str], score: float = 1.0) -> None:
        self._score = score
        self._automaton: ahocorasick.Automaton | None = None
        self._patterns: dict[tuple[str, ...], Any] = {}
        lowered = sorted({d.lower() for d in domains})
        self._margin = max((len(d) for d in lowered), default=0)
        if lowered:
            automaton = ahocorasick.Automaton()
            for domain in lowered:
                automaton.add_word(domain, domain)
            automaton.make_automaton()
            self._automaton = automaton

    def detect(self, texts: Sequence[str]) -> list[list[Finding]]:
        """One list of findings per text, in input order; raises rather than skip a text."""
        return [self._detect_one(t) for t in texts]

    def _detect_one(self, text: str) -> list[Finding]:
        if self._automaton is None or not text:
            return []
        found: list[Finding] = []
        for start, end, domains in self._tokens(text):
            found.extend(self._scan(self._pattern(domains), text[start:end], start))
        return found

    def _hits(self, text: str) -> list[tuple[int, str]]:
        """(start, domain) of every occurrence of a listed domain, any letter case, by start."""
        assert self._automaton is not None
        hits = []
        for seg_start in range(0, len(text), _SEGMENT_CHARS):
            core_end = min(len(text), seg_start + _SEGMENT_CHARS)
            piece = lower_same_length(text[seg_start : min(len(text), core_end + self._margin)])
            for end_index, domain in self._automaton.iter(piece):
                start = seg_start + end_index - len(domain) + 1
                if start < core_end:
                    hits.append((start, domain))
        return sorted(hits)

    def _tokens(self, text: str) -> Iterator[tuple[int, int, tuple[str, ...]]]:
        """(start, end, domains in it) of each token holding a domain; each text character is looked at a
        bounded number of times, whatever the number of hits."""
        hits = self._hits(text)
        i, previous_end = 0, 0
        while i < len(hits):
            at = hits[i][0]
            start = max(previous_end, *(text.rfind(c, previous_end, at) + 1 for c in "\t\n\f\r "))
            blank = _BLANK.search(text, at)
            end = blank.start() if blank is not None else len(text)
            domains = set()
            while i < len(hits) and hits[i][0] < end:
                domains.add(hits[i][1])
                i += 1
            yield start, end, tuple(sorted(domains))
            previous_end = end

    def _pattern(self, domains: tuple[str, ...]) -> Any:
        """The RE2 pattern for URLs, e-mail addresses and hosts under ``domains`` (cached)."""
        pattern = self._patterns.get(domains)
        if pattern is None:
            if len(self._patterns) >= _PATTERN_CACHE_SIZE:
                self._patterns.clear()
            alternation = "|".join(re2.escape(d) for d in domains)
            host = rf"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*(?:{alternation})"
            url = rf"[a-z][a-z0-9+.-]*://(?:[^\s/@]+@)?{host}(?::\d+)?(?:[/?#][^\s<>\"'`]*)?"
            email = rf"[a-z0-9!#$%&'*+/=?^_`{{|}}~.-]+@{host}"
            pattern = re2.compile(
                rf"(?i)(?P<url>{url})|(?P<email>{email})|(?P<host>{host})(?:[^a-z0-9-]|$)", re2_options()
            )
            self._patterns[domains] = pattern
        return pattern

    def _scan(self, pattern: Any, token: str, offset: int) -> Iterator[Finding]:
        for match in pattern.finditer(token):
            for group, entity in (("url", "INTERNAL_URL"), ("email", "EMAIL_ADDRESS"), ("host", "INTERNAL_HOST")):
                start, end = match.span(pattern.groupindex[group])
                if start < 0:
                    continue
                if group == "url":  # trailing sentence punctuation is not part of a URL
                    while end > start and token[end - 1] in ".,;:!?)]}":
                        end -= 1
                if group == "host" and start > 0 and (token[start - 1].isalnum() or token[start - 1] in "-."):
                    continue
                yield Finding(entity, start + offset, end + offset, self._score, f"{self.name}.{group}")
                break


@register_detector("proprietary_terms")
def _build_terms(config: ScrublineConfig) -> Detector:
    return ProprietaryTermDetector(config.proprietary.terms)


@register_detector("internal_domains")
def _build_domains(config: ScrublineConfig) -> Detector:
    return InternalDomainDetector(config.proprietary.internal_domains)
