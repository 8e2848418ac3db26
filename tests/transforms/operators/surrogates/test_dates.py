"""Dates: numbers and calendar words redrawn within their ranges, separators and ordinals kept."""

from __future__ import annotations

import pytest

from tests.transforms.operators.surrogates.helpers import KEY_A, KEY_B
from transforms.operators.surrogates import surrogate

# (entity type, original, surrogate under KEY_A, surrogate under KEY_B)
EXPECTED = [
    ("DATE_OF_BIRTH", "14/02/1979", "15/12/1952", "19/04/1992"),
    ("DATE_OF_BIRTH", "3rd of March 1990", "1st of January 1961", "2nd of July 1965"),
]


@pytest.mark.parametrize("entity, value, under_a, under_b", EXPECTED)
def test_exact_surrogates_for_two_keys(entity: str, value: str, under_a: str, under_b: str) -> None:
    assert surrogate(entity, value, KEY_A) == under_a
    assert surrogate(entity, value, KEY_A) == under_a  # deterministic: no state between calls
    assert surrogate(entity, value, KEY_B) == under_b
