"""The config's named regular expressions, compiled with RE2 so no pattern can hang a job."""

from __future__ import annotations

from collections.abc import Sequence

import re2

from transforms.config import PatternConfig, ScrublineConfig
from transforms.detectors.base import Detector, register_detector
from transforms.detectors.terms import re2_options
from transforms.records import Finding

__all__ = ["ConfigPatternDetector"]


class ConfigPatternDetector(Detector):
    """Each ``patterns`` entry yields its entity for every non-empty match (the whole match)."""

    name = "patterns"

    @classmethod
    def entity_types_for(cls, config: ScrublineConfig) -> frozenset[str]:
        """The entity types of the config's ``patterns`` entries."""
        return frozenset(p.entity for p in config.patterns)

    def __init__(self, patterns: Sequence[PatternConfig]) -> None:
        options = re2_options()
        self._rules = [
            (p.entity, p.score, p.name or f"{p.entity}_{i}", re2.compile(p.regex, options))
            for i, p in enumerate(patterns)
        ]

    def detect(self, texts: Sequence[str]) -> list[list[Finding]]:
        """One list of findings per text, in input order; raises rather than skip a text."""
        return [self._detect_one(t) for t in texts]

    def _detect_one(self, text: str) -> list[Finding]:
        found = set()
        for entity, score, rule, compiled in self._rules:
            for match in compiled.finditer(text):
                start, end = match.span()
                if end > start:
                    found.add(Finding(entity, start, end, score, f"{self.name}.{rule}"))
        return sorted(found, key=lambda f: (f.start, f.end, f.entity_type, f.detector))


@register_detector("patterns")
def _build(config: ScrublineConfig) -> Detector:
    return ConfigPatternDetector(config.patterns)
