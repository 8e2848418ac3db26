"""Phones: every separator kept, new digits in NANP 555-01XX or Ofcom's drama ranges."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.transforms.operators.surrogates.helpers import KEY_A, KEY_B
from transforms.operators.surrogates import in_reserved_range, surrogate
from transforms.operators.surrogates.phones import _CC_1, _CC_2

# (entity type, original, surrogate under KEY_A, surrogate under KEY_B)
EXPECTED = [
    ("PHONE_NUMBER", "+1 (415) 555-2671", "+1 (833) 555-0193", "+1 (666) 555-0134"),
    ("PHONE_NUMBER", "415.555.2671 ext. 204", "833.555.0193 ext. 189", "666.555.0134 ext. 117"),
    ("PHONE_NUMBER", "+44 7911 123456", "+44 7700 900540", "+44 7700 900801"),
    ("PHONE_NUMBER", "020 7123 4567", "020 7946 0968", "020 7946 0688"),
    ("PHONE_NUMBER", "+49 30 12345678", "+49 21 75132770", "+49 93 90191294"),
    ("PHONE_NUMBER", "555-0101", "555-0111", "555-0181"),
]


@pytest.mark.parametrize("entity, value, under_a, under_b", EXPECTED)
def test_exact_surrogates_for_two_keys(entity: str, value: str, under_a: str, under_b: str) -> None:
    assert surrogate(entity, value, KEY_A) == under_a
    assert surrogate(entity, value, KEY_A) == under_a  # deterministic: no state between calls
    assert surrogate(entity, value, KEY_B) == under_b


@settings(max_examples=300, deadline=None)
@given(
    value=st.from_regex(
        r"(\+1 |1-)?\(?[2-9][0-9]{2}\)?[ .\-][0-9]{3}[ .\-][0-9]{4}( ext\. [0-9]{1,4})?", fullmatch=True
    )
)
def test_north_american_phones_keep_their_format_and_land_on_555_01xx(value: str) -> None:
    out = surrogate("PHONE_NUMBER", value, KEY_A)
    assert re.sub(r"\d", "9", out) == re.sub(r"\d", "9", value)
    assert in_reserved_range("PHONE_NUMBER", out)


@settings(max_examples=300, deadline=None)
@given(
    value=st.from_regex(
        r"(\+44 ?(\(0\))?|0)(7[0-9]{3} ?[0-9]{6}|20 ?[0-9]{4} ?[0-9]{4}|1[0-9]{2} ?[0-9]{3} ?[0-9]{4})", fullmatch=True
    )
)
def test_uk_phones_keep_their_format_and_land_in_ofcom_drama_ranges(value: str) -> None:
    out = surrogate("PHONE_NUMBER", value, KEY_A)
    assert re.sub(r"\d", "9", out) == re.sub(r"\d", "9", value)
    assert in_reserved_range("PHONE_NUMBER", out)


def test_country_code_table_matches_libphonenumber() -> None:
    from phonenumbers import COUNTRY_CODE_TO_REGION_CODE

    codes = {str(c) for c in COUNTRY_CODE_TO_REGION_CODE}
    assert {c for c in codes if len(c) == 1} == set(_CC_1)
    assert {c for c in codes if len(c) == 2} == set(_CC_2)
