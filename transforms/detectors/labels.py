"""Labelled values: a value introduced by its label, in any syntax (``packs/labels_*.yaml``).

The labels are data (``transforms/lexicon/data/labels.yaml``, eight languages); the packs hold the grammar
of how a label introduces its value (forms and key/value lines, config files, prose connectors, code and
command lines) and name the value checks (``label_checks``). Entity types: ``PASSWORD``, ``USERNAME``,
``DATE_OF_BIRTH``, ``ID`` (customer, contract, case, employee, order, policy... numbers), ``PASSPORT``,
``DRIVER_LICENSE``, ``NATIONAL_ID`` (identity cards, social security, tax, VAT and health-insurance
numbers) and ``VEHICLE_REGISTRATION``, plus ``API_KEY`` for secrets given as environment-lookup defaults.

Findings cover the value only (not the label, quotes or trailing punctuation), carry
``labelled_values.<rule id>``, and are sorted by (start, end, entity type, detector); a span of one type is
reported once, by the highest score (ties: the smallest rule id). ``detect`` returns findings for every
text or raises.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import transforms.detectors.credential_checks
import transforms.detectors.label_checks  # noqa: F401  (registers the checks the packs name)
from transforms.detectors.base import Detector, register_detector
from transforms.detectors.packs import pack_files
from transforms.detectors.rules import RuleEngine
from transforms.records import Finding

if TYPE_CHECKING:
    from transforms.config import ScrublineConfig

__all__ = ["LabelledValueDetector"]


class LabelledValueDetector(Detector):
    """Finds values after their labels with the ``labels_*`` packs (compiled once, linear-time RE2)."""

    name = "labelled_values"
    entity_types = frozenset(
        "API_KEY DATE_OF_BIRTH DRIVER_LICENSE ID NATIONAL_ID PASSPORT PASSWORD USERNAME VEHICLE_REGISTRATION".split()
    )

    def __init__(self, packs: Sequence[str | Path] | None = None) -> None:
        """Load and compile ``packs`` (default: every ``labels_*`` pack shipped in ``packs/``)."""
        self._engine = RuleEngine.from_files(list(packs) if packs is not None else pack_files("labels_"))

    @property
    def engine(self) -> RuleEngine:
        """The rule engine running the packs (to list rules or run one alone)."""
        return self._engine

    def detect(self, texts: Sequence[str]) -> list[list[Finding]]:
        """One sorted list of findings per text, in input order; raises rather than skip a text."""
        return [self._detect_one(text) for text in texts]

    def _detect_one(self, text: str) -> list[Finding]:
        best: dict[tuple[str, int, int], Finding] = {}
        for f in self._engine.scan(text):
            key = (f.entity_type, f.start, f.end)
            current = best.get(key)
            if current is None or (f.score, current.detector) > (current.score, f.detector):
                best[key] = Finding(f.entity_type, f.start, f.end, f.score, f.detector)
        return sorted(best.values(), key=lambda f: (f.start, f.end, f.entity_type, f.detector))


@register_detector("labelled_values")
def build_labelled_value_detector(config: ScrublineConfig) -> Detector:
    """Build the labelled-value detector; it takes nothing from the config."""
    del config
    return LabelledValueDetector()
