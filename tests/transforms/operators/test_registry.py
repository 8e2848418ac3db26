"""The operator set built from the config, applied by the engine with exact output offsets."""

from __future__ import annotations

import pytest

from tests.transforms.operators.helpers import operators
from transforms.records import Finding, Redaction
from transforms.redaction.engine import apply_operators


def test_apply_operators_offsets() -> None:
    text = "Mail Ada at ada@example.com now"
    findings = [Finding("PERSON", 5, 8, 0.85, "ner"), Finding("EMAIL_ADDRESS", 12, 27, 1.0, "presidio")]
    cleaned, log = apply_operators(text, findings, operators({"default": {"type": "replace"}}))
    assert cleaned == "Mail <PERSON> at <EMAIL_ADDRESS> now"
    assert log == [
        Redaction("PERSON", 5, 8, 5, 13, "ner", 0.85, "replace"),
        Redaction("EMAIL_ADDRESS", 12, 27, 17, 32, "presidio", 1.0, "replace"),
    ]
    for r in log:
        assert cleaned[r.out_start : r.out_end] == f"<{r.entity_type}>"


def test_apply_operators_rejects_overlaps() -> None:
    with pytest.raises(ValueError):
        apply_operators(
            "abcdef",
            [Finding("A", 0, 4, 1, "d"), Finding("B", 2, 5, 1, "d")],
            operators({"default": {"type": "replace"}}),
        )
