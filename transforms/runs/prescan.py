"""The per-record half of ``--previous``: may a rule change affect this unchanged record?

``Prescanner`` runs on the workers, once per carried-over candidate. A record is affected when a
removed or changed rule fired in it, the operator of an entity type found in it changed, an entity
type found in it was switched off (all from its fingerprint, via ``ReusePlan.rules_affected``), it
holds a tag a new entity type makes protected, or an added rule fires in it: a pre-scan with only the
added terms, domains, patterns and allow-list entries, on the normalised text as detection sees it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import ahocorasick

from transforms.config import PatternConfig
from transforms.records import Document, document_fields
from transforms.redaction.normalize import joined_view, normalize
from transforms.runs.reprocess import ReusePlan

if TYPE_CHECKING:
    from transforms.detectors.base import Detector

__all__ = ["Prescanner"]


def _automaton(words: Sequence[str]) -> ahocorasick.Automaton | None:
    """One automaton for the allow-list values to look for (there may be 100,000 of them), or None."""
    words = [word for word in words if word]
    if not words:
        return None
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


class Prescanner:
    """Decides, for one unchanged record, whether the rule change can affect it. Build once per worker."""

    def __init__(self, plan: ReusePlan) -> None:
        from transforms.detectors.patterns import ConfigPatternDetector
        from transforms.detectors.terms import InternalDomainDetector, ProprietaryTermDetector

        self._plan = plan
        self._detectors: list[Detector] = []
        if plan.added_terms:
            self._detectors.append(ProprietaryTermDetector({k: list(v) for k, v in plan.added_terms.items()}))
        if plan.added_domains:
            self._detectors.append(InternalDomainDetector(plan.added_domains))
        if plan.added_patterns:
            self._detectors.append(
                ConfigPatternDetector([PatternConfig.model_validate(p) for p in plan.added_patterns])
            )
        self._allow = _automaton(plan.allow_changed)
        self._tags = tuple(f"<{t}" for t in plan.tags_changed)

    def affected(self, doc: Document, rules: Sequence[tuple[str, str]]) -> bool:
        """True if the config change could alter ``doc``'s output, so it must be redacted again."""
        if self._plan.rules_affected(rules):
            return True
        fields = document_fields(doc)
        if self._tags and any(tag in text for text in fields for tag in self._tags):
            return True
        if not (self._detectors or self._allow is not None):
            return False
        # The engine detects on normalised text; so must the pre-scan, or it could miss what detection finds.
        norms = [normalize(t) for t in fields]
        normalized = [n.text for n in norms]
        views = [view.text for n in norms if (view := joined_view(n)) is not None]
        if self._allow is not None:
            allow = self._allow
            if any(next(iter(allow.iter(t.casefold())), None) is not None for t in normalized):
                return True
        return any(any(found) for detector in self._detectors for found in detector.detect(normalized + views))
