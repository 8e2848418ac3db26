"""Cards, IBANs, SSNs and NINOs: grouping kept, check digits that mark them fictional."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.transforms.operators.surrogates.helpers import KEY_A, KEY_B
from transforms.operators.surrogates import surrogate
from transforms.operators.surrogates.identifiers import _luhn_check_digit

# (entity type, original, surrogate under KEY_A, surrogate under KEY_B)
EXPECTED = [
    ("CREDIT_CARD", "4111 1111 1111 1111", "4251 3591 6864 0231", "4762 2909 1048 5033"),
    ("CREDIT_CARD", "3782-822463-10005", "3485-537451-40391", "3983-076493-19786"),
    ("IBAN_CODE", "GB82 WEST 1234 5698 7654 32", "GB44 RQOA 9429 4117 3495 53", "GB05 SVGX 2969 7952 7730 97"),
    ("US_SSN", "123-45-6789", "976-36-9828", "935-29-7368"),
    ("UK_NINO", "AB 12 34 56 C", "QQ 07 77 60 A", "QQ 90 87 07 A"),
]


@pytest.mark.parametrize("entity, value, under_a, under_b", EXPECTED)
def test_exact_surrogates_for_two_keys(entity: str, value: str, under_a: str, under_b: str) -> None:
    assert surrogate(entity, value, KEY_A) == under_a
    assert surrogate(entity, value, KEY_A) == under_a  # deterministic: no state between calls
    assert surrogate(entity, value, KEY_B) == under_b


@settings(max_examples=200, deadline=None)
@given(digits=st.from_regex(r"[3-6][0-9]{14,15}", fullmatch=True), sep=st.sampled_from(["", " ", "-"]))
def test_cards_keep_grouping_and_first_digit_and_pass_luhn(digits: str, sep: str) -> None:
    value = sep.join(digits[i : i + 4] for i in range(0, len(digits), 4))
    out = surrogate("CREDIT_CARD", value, KEY_A)
    out_digits = out.replace(sep, "") if sep else out
    assert re.sub(r"\d", "9", out) == re.sub(r"\d", "9", value) and out_digits[0] == digits[0]
    assert _luhn_check_digit(out_digits[:-1]) == out_digits[-1]


def test_luhn_check_digit_matches_known_numbers() -> None:
    for number in ("4111111111111111", "5555555555554444", "378282246310005", "6011111111111117"):
        assert _luhn_check_digit(number[:-1]) == number[-1]


@settings(max_examples=200, deadline=None)
@given(key=st.binary(min_size=16, max_size=32))
def test_iban_surrogates_fail_the_checksum_and_keep_the_country(key: bytes) -> None:
    out = surrogate("IBAN_CODE", "GB82 WEST 1234 5698 7654 32", key)
    assert out.startswith("GB") and re.fullmatch(r"GB\d\d [A-Z]{4}( \d{4}){3} \d\d", out)
    alnum = out.replace(" ", "")
    moved = alnum[4:] + alnum[:4]
    assert int("".join(str(int(c, 36)) for c in moved)) % 97 != 1
