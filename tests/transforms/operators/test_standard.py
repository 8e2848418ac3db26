"""``replace``, ``redact``, ``mask`` and ``keep``: Presidio's operators with their configured parameters."""

from __future__ import annotations

import pytest

from tests.transforms.operators.helpers import operators


@pytest.mark.parametrize(
    "spec, entity, value, expected",
    [
        ({"default": {"type": "replace"}}, "PERSON", "Ada", "<PERSON>"),
        ({"default": {"type": "replace", "new_value": "[x]"}}, "PERSON", "Ada", "[x]"),
        ({"default": {"type": "redact"}}, "PERSON", "Ada", ""),
        ({"default": {"type": "mask"}}, "PHONE_NUMBER", "555-0101", "********"),
        (
            {"default": {"type": "mask", "masking_char": "#", "chars_to_mask": 4, "from_end": True}},
            "PHONE_NUMBER",
            "555-0101",
            "555-####",
        ),
        ({"default": {"type": "keep"}}, "PERSON", "Ada", "Ada"),
        ({"default": {"type": "replace"}, "PERSON": {"type": "redact"}}, "EMAIL_ADDRESS", "a@b.co", "<EMAIL_ADDRESS>"),
    ],
)
def test_operator_outputs(spec: dict, entity: str, value: str, expected: str) -> None:
    assert operators(spec).apply(value, entity)[0] == expected
