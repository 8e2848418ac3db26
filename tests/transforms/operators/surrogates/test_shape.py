"""Same-shape substitution: digits to digits, letters to letters of the same case, hex stays hex."""

from __future__ import annotations

import pytest

from tests.transforms.operators.surrogates.helpers import KEY_A
from transforms.operators.surrogates.shape import shape


@pytest.mark.parametrize(
    "value, attempt, expected",
    [("deadbeef01", 0, "faeefabe45"), ("OPS-1234", 0, "NHB-4400"), ("Ab_9", 3, "An_2"), ("٣٤", 0, "75")],
)
def test_shape(value: str, attempt: int, expected: str) -> None:
    assert shape(value, KEY_A, attempt) == expected
