"""``surrogate()`` by entity type: the fallbacks, key dependence, never the original, reserved ranges."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.transforms.operators.surrogates.helpers import KEY_A, KEY_B
from transforms.operators.surrogates import in_reserved_range, surrogate
from transforms.operators.surrogates.pools import FIRST_NAMES, LAST_NAMES

# (entity type, original, surrogate under KEY_A, surrogate under KEY_B): types without a generator of
# their own go by the value's form; a private key becomes its tag; a value nothing can change too.
EXPECTED = [
    ("API_KEY", "AKIAIOSFODNN7EXAMPLE", "JYCUKCZUMIVK4ZGDTKMK", "KPOVEHNREENT8BYKJWVX"),
    ("PRIVATE_KEY", "-----BEGIN KEY-----\nabc\n-----END KEY-----", "<PRIVATE_KEY>", "<PRIVATE_KEY>"),
    ("TICKET_ID", "OPS-1234", "NHB-4400", "RHI-6017"),
    ("X_CUSTOM", "---", "<X_CUSTOM>", "<X_CUSTOM>"),
]


@pytest.mark.parametrize("entity, value, under_a, under_b", EXPECTED)
def test_exact_surrogates_for_two_keys(entity: str, value: str, under_a: str, under_b: str) -> None:
    assert surrogate(entity, value, KEY_A) == under_a
    assert surrogate(entity, value, KEY_A) == under_a  # deterministic: no state between calls
    assert surrogate(entity, value, KEY_B) == under_b


def test_a_different_key_gives_different_surrogates() -> None:
    # Pools are finite, so two keys can agree on one value; over many values they almost never do.
    values = [f"{first} {last}" for first, last in zip(FIRST_NAMES, reversed(LAST_NAMES), strict=False)]
    same = sum(surrogate("PERSON", v, KEY_A) == surrogate("PERSON", v, KEY_B) for v in values)
    assert len(values) == 220 and same == 0
    digits = [f"+1 415 555 {n:04d}" for n in range(200)]
    assert sum(surrogate("PHONE_NUMBER", v, KEY_A) == surrogate("PHONE_NUMBER", v, KEY_B) for v in digits) == 0


ENTITY_TYPES = [
    "PERSON",
    "EMAIL_ADDRESS",
    "PHONE_NUMBER",
    "STREET_ADDRESS",
    "LOCATION",
    "ORGANIZATION",
    "USERNAME",
    "IP_ADDRESS",
    "URL",
    "INTERNAL_URL",
    "INTERNAL_HOST",
    "CREDIT_CARD",
    "IBAN_CODE",
    "US_SSN",
    "UK_NINO",
    "DATE_OF_BIRTH",
    "PRIVATE_KEY",
    "API_KEY",
    "CUSTOMER",
]
VALUES = st.one_of(
    st.text(max_size=40),
    st.text(alphabet="aA0 .-@+/:()'", max_size=25),
    st.from_regex(r"\+?[0-9 ()\-.]{5,20}", fullmatch=True),
    st.from_regex(r"[a-z]{1,8}([._][a-z]{1,8})?[0-9]{0,3}@[a-z]{1,8}\.(com|org|net|de)", fullmatch=True),
    st.sampled_from(
        ["555-0101", "192.0.2.1", "2001:db8::1", "https://example.com", "info@example.com", "Judith", "QQ123456A"]
    ),
)


@settings(max_examples=600, deadline=None)
@given(entity=st.sampled_from(ENTITY_TYPES), value=VALUES, key=st.sampled_from([KEY_A, KEY_B]))
def test_never_reproduces_the_original(entity: str, value: str, key: bytes) -> None:
    out = surrogate(entity, value, key)
    assert out.casefold() != value.casefold()
    assert out == surrogate(entity, value, key)


@pytest.mark.parametrize(
    "entity, value, reserved",
    [
        ("EMAIL_ADDRESS", "a@example.com", True),
        ("EMAIL_ADDRESS", "a@mail.example.org", True),
        ("EMAIL_ADDRESS", "a@example.co", False),
        ("PHONE_NUMBER", "(212) 555-0147", True),
        ("PHONE_NUMBER", "212-555-0247", False),
        ("PHONE_NUMBER", "+44 7700 900123", True),
        ("PHONE_NUMBER", "0161 496 0123", True),
        ("PHONE_NUMBER", "07911 123456", False),
        ("IP_ADDRESS", "203.0.113.9", True),
        ("IP_ADDRESS", "203.0.114.9", False),
        ("IP_ADDRESS", "2001:db8::1", True),
        ("URL", "https://www.example.net/a", True),
        ("URL", "https://example.com.evil.io/a", False),
        ("PERSON", "Judith", False),
    ],
)
def test_in_reserved_range(entity: str, value: str, reserved: bool) -> None:
    assert in_reserved_range(entity, value) is reserved
