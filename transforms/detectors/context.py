"""Context rules for personal data that has a shape only in context: usernames, dates of birth,
street addresses and postcodes, phone numbers after a phone word, and names after cues such as
"my name is", "Dear", a signature sign-off or an e-mail display name.

The rules are data (``packs/context_*.yaml``), run by one ``RuleEngine``: one keyword pass per text, each
rule's RE2 pattern (linear time) only where its keywords occur, its named checks on every match. A finding
covers the rule's value group ``v``, as its checks trimmed or extended it. Three procedural steps follow
the rules: values of named fields in tables, dumps and keyed text (``tables``), postal blocks
(``postal_blocks``) and the organisation line of a signature block (``signatures``). Rules are
deliberately conservative where a wrong hit destroys ordinary text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from transforms.config import ScrublineConfig

# The check modules register the checks the packs name.
from transforms.detectors import account_checks, address_checks, organisations, person_checks  # noqa: F401
from transforms.detectors.account_checks import IDENTIFIER_NOUNS
from transforms.detectors.addresses import address_bounds, leading_number
from transforms.detectors.base import Detector, register_detector
from transforms.detectors.packs import pack_files
from transforms.detectors.postal_blocks import country_blocks
from transforms.detectors.rules import RuleEngine, RuleFinding
from transforms.detectors.signatures import signature_organisations
from transforms.detectors.tables import find_field_values
from transforms.records import Finding

__all__ = ["IDENTIFIER_NOUNS", "ContextDetector"]


def _best_per_span(findings: Iterable[RuleFinding]) -> dict[tuple[str, int, int], Finding]:
    """One finding per (entity type, start, end): the one with the highest (score, detector id)."""
    found: dict[tuple[str, int, int], Finding] = {}
    for f in findings:
        key = (f.entity_type, f.start, f.end)
        if key not in found or (f.score, f.detector) > (found[key].score, found[key].detector):
            found[key] = Finding(f.entity_type, f.start, f.end, f.score, f.detector)
    return found


class ContextDetector(Detector):
    """Runs the context packs' rules, then field values, postal blocks and signature organisations.

    Findings are sorted by (start, end, entity type, detector id); a span of one entity type is reported
    once, by the rule with the highest score (then the greatest id); the procedural steps add only spans
    the rules did not find.
    """

    name = "context"
    entity_types = frozenset(
        "ACCOUNT_NUMBER CREDIT_CARD DATE_OF_BIRTH DRIVER_LICENSE EMAIL_ADDRESS IBAN_CODE ID IP_ADDRESS NATIONAL_ID "
        "ORGANIZATION PASSPORT PASSWORD PERSON PHONE_NUMBER STREET_ADDRESS USERNAME".split()
    )

    def __init__(self, packs: Sequence[str | Path] | None = None) -> None:
        """Load and compile ``packs`` (default: every ``context_*`` pack shipped in ``packs/``)."""
        self._engine = RuleEngine.from_files(list(packs) if packs is not None else pack_files("context_"))

    @property
    def engine(self) -> RuleEngine:
        """The rule engine running the packs (to list rules or run one alone)."""
        return self._engine

    def detect(self, texts: Sequence[str]) -> list[list[Finding]]:
        """The findings of every text, in the order of ``texts``."""
        return [self._detect_one(t) for t in texts]

    def _detect_one(self, text: str) -> list[Finding]:
        found = _best_per_span(self._engine.scan(text))
        for entity, start, end in find_field_values(text):
            if entity == "STREET_ADDRESS":
                start, end = address_bounds(text, start, end)
            self._add(found, entity, start, end, 0.85, "field")
        for start, end in country_blocks(text):
            self._add(found, "STREET_ADDRESS", leading_number(text, start), end, 0.75, "postal_block")
        addresses = sorted({(f.start, f.end) for f in found.values() if f.entity_type == "STREET_ADDRESS"})
        for start, end in signature_organisations(text, addresses):
            self._add(found, "ORGANIZATION", start, end, 0.75, "signature_organisation")
        return sorted(found.values(), key=lambda f: (f.start, f.end, f.entity_type, f.detector))

    def _add(
        self, found: dict[tuple[str, int, int], Finding], entity: str, start: int, end: int, score: float, step: str
    ) -> None:
        """Add a procedural step's finding unless a finding of that type already covers exactly that span."""
        key = (entity, start, end)
        if key not in found:
            found[key] = Finding(entity, start, end, score, f"{self.name}.{step}")


@register_detector("context")
def _build(config: ScrublineConfig) -> Detector:
    return ContextDetector()
