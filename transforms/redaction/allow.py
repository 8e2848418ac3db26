r"""The allow list: findings that are never redacted.

``allow`` entries are plain strings (a finding whose whole text, trimmed, equals the entry in any
letter case, whatever its type), ``{value, entities}`` (the same, for findings of those types only) and
``{pattern, entities}`` (an RE2 pattern searched in the trimmed finding, case-sensitive unless it says
``(?i)``; without ``entities`` for every type). A finding written as a handle (``@jdoe``: user names are
redacted with their ``@``) is allowed when the handle or the name without its ``@`` is, so an entry
written either way (``jdoe``, ``@jdoe``, ``^build-\d+$``) keeps working. Entries loaded from files are
plain values like inline ones, so a list of 100,000 costs one set lookup per finding.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import re2

from transforms.config import AllowEntry

__all__ = ["AllowList"]


def _options() -> re2.Options:
    options = re2.Options()
    options.log_errors = False
    return options


class AllowList:
    """Decides whether a finding of a given type and text is allowed. Build once per engine."""

    def __init__(self, entries: Sequence[str | AllowEntry]) -> None:
        words: set[str] = set()
        typed: dict[str, set[str]] = {}
        self._patterns: list[tuple[Any, frozenset[str] | None]] = []  # (compiled RE2, types or None)
        for entry in entries:
            if isinstance(entry, str):
                words.add(entry.strip().casefold())
            elif entry.value is not None and entry.entities is None:
                words.add(entry.value.strip().casefold())
            elif entry.value is not None:
                for entity in entry.entities or ():
                    typed.setdefault(entity, set()).add(entry.value.strip().casefold())
            elif entry.pattern is not None:
                types = frozenset(entry.entities) if entry.entities else None
                self._patterns.append((re2.compile(entry.pattern, _options()), types))
        self.words = frozenset(words)
        self._typed = {entity: frozenset(values) for entity, values in typed.items()}

    def allows(self, entity_type: str, text: str) -> bool:
        """True if a finding of ``entity_type`` whose matched text is ``text`` must not be redacted."""
        trimmed = text.strip()
        if trimmed.startswith("@") and len(trimmed) > 1 and self._allows(entity_type, trimmed[1:]):
            return True
        return self._allows(entity_type, trimmed)

    def _allows(self, entity_type: str, trimmed: str) -> bool:
        folded = trimmed.casefold()
        if folded in self.words or folded in self._typed.get(entity_type, ()):
            return True
        return any(
            (types is None or entity_type in types) and pattern.search(trimmed) is not None
            for pattern, types in self._patterns
        )
