"""Addresses, places and organisations: name words from the place pool, street types and legal forms kept."""

from __future__ import annotations

import pytest

from tests.transforms.operators.surrogates.helpers import KEY_A, KEY_B
from transforms.operators.surrogates import surrogate

# (entity type, original, surrogate under KEY_A, surrogate under KEY_B)
EXPECTED = [
    (
        "STREET_ADDRESS",
        "912 Juniper Road, Springfield, OR 97403",
        "739 Pinehurst Road, Sherwood, OR 75764",
        "404 Cedarbrook Road, Kingsbrook, OR 85090",
    ),
    (
        "STREET_ADDRESS",
        "Hauptstraße 5, 10115 Berlin",
        "Valleyviewstraße 6, 66290 Valleyview",
        "Hillcreststraße 9, 53265 Southgate",
    ),
    ("LOCATION", "Paris", "Summit", "Parkside"),
    ("ORGANIZATION", "Hexacore Logistics Ltd", "Wyndham Logistics Ltd", "Fairview Logistics Ltd"),
]


@pytest.mark.parametrize("entity, value, under_a, under_b", EXPECTED)
def test_exact_surrogates_for_two_keys(entity: str, value: str, under_a: str, under_b: str) -> None:
    assert surrogate(entity, value, KEY_A) == under_a
    assert surrogate(entity, value, KEY_A) == under_a  # deterministic: no state between calls
    assert surrogate(entity, value, KEY_B) == under_b
