"""Building a ``RuleMatch`` by hand, to test a named check on its own."""

from __future__ import annotations

from transforms.detectors.rules import RuleMatch

__all__ = ["at"]


def at(text: str, value: str, occurrence: int = 0) -> RuleMatch:
    """The match of ``value`` in ``text`` (its ``occurrence``-th appearance, from 0)."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(value, start + 1)
    return RuleMatch(text, start, start + len(value), start, start + len(value))
