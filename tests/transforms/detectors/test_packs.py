"""The shipped rule packs: every rule's own examples, and a snapshot of every rule id."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import transforms.detectors.context
import transforms.detectors.credentials
import transforms.detectors.labels  # noqa: F401  (registers the checks the labels packs name)
from tests.transforms.detectors.rules.cases import check_example_case, example_cases
from transforms.detectors.packs import pack_files
from transforms.detectors.rules import RuleEngine

RULE_IDS = Path(__file__).with_name("rule_ids.json")


@pytest.mark.parametrize(("pack", "rule_id", "text", "expected"), example_cases(pack_files()))
def test_rule_examples(pack: str, rule_id: str, text: str | None, expected: str | None) -> None:
    check_example_case(pack, rule_id, text, expected)


def test_rule_ids_snapshot() -> None:
    engine = RuleEngine.from_files(pack_files())
    ids = [rule.qualified_id for rule in engine.rules()]
    assert ids == json.loads(RULE_IDS.read_text(encoding="utf-8")), (
        "rule ids changed, and they appear in redaction logs. If the change is intended, write the list this "
        f"test computes (one qualified id per entry, sorted as RuleEngine.rules() sorts them) to {RULE_IDS}"
    )
