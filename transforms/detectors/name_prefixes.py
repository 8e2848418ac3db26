"""Prefixes that belong to a name: stage names, peers and deities ("DJ Khaled", "lil wayne", "Lord Shiva").

A name found by the detector takes in such a prefix just before it; a capitalised name word after one is a
name even when no list holds it.
"""

from __future__ import annotations

from collections.abc import Sequence

from transforms.detectors.name_judges import titled_name_word
from transforms.detectors.name_tokens import Token, glued, word_style
from transforms.records import Finding

__all__ = ["with_prefixes"]

# Prefixes that are part of a stage name or of a peer's or deity's name: "DJ Khaled", "lil wayne", "Lord Shiva".
_NAME_PREFIXES = frozenset("lil dj mc lord lady".split())


def with_prefixes(
    text: str, tokens: Sequence[Token], found: Sequence[Finding], score: float, detector: str
) -> list[Finding]:
    """``found`` with each name after a stage-name, peerage or deity prefix ("DJ Khaled", "lil wayne", "Lord
    Shiva") taking the prefix in, in the same order; then a capitalised name word after such a prefix, with
    it, as a name even when no list holds it (``score``, ``detector`` the id the new findings carry).
    Honorifics ("Dr. Okafor") are the context detector's."""
    out = _take_prefixes(text, tokens, found)
    taken = {f.start for f in out} | {f.end for f in out}
    return out + _prefixed_words(text, tokens, taken, score, detector)


def _take_prefixes(text: str, tokens: Sequence[Token], found: Sequence[Finding]) -> list[Finding]:
    """Each finding, extended back over a name prefix one space before it."""
    index = {t[0]: k for k, t in enumerate(tokens)}
    out = []
    for f in found:
        k = index.get(f.start, 0)
        prev = tokens[k - 1] if k else None
        if (
            prev is not None
            and prev[2].casefold() in _NAME_PREFIXES
            and text[prev[1] : f.start] == " "
            and not glued(text, prev[0], prev[1])
        ):
            f = Finding(f.entity_type, prev[0], f.end, f.score, f.detector)
        out.append(f)
    return out


def _prefixed_words(text: str, tokens: Sequence[Token], taken: set[int], score: float, detector: str) -> list[Finding]:
    """Capitalised name words after a prefix, with it, where no finding starts or ends."""
    out = []
    for k in range(len(tokens) - 1):
        folded = tokens[k][2].casefold()
        gap = text[tokens[k][1] : tokens[k + 1][0]]
        _, n_end, n_tok = tokens[k + 1]
        if n_end in taken or word_style(n_tok) not in ("title", "upper") or not titled_name_word(n_tok):
            continue
        if folded in _NAME_PREFIXES and gap == " " and word_style(tokens[k][2]) != "lower":
            out.append(Finding("PERSON", tokens[k][0], n_end, score, detector))
    return out
