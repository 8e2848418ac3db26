"""Value checks: placeholders, masks and references are no values; each type's shape, strict and in tables."""

from __future__ import annotations

import pytest

from transforms.detectors.tables.lexicon import FieldKind
from transforms.detectors.tables.values import CHECKS, MAX_VALUE_CHARS, is_placeholder, value_span


def check(entity: str, kind: str, value: str, strict: bool) -> str | None:
    span = value_span(FieldKind(entity, kind), value, 0, len(value), strict=strict)
    return value[span[0] : span[1]] if span else None


@pytest.mark.parametrize("value", ["NULL", "n/a", "N/A", "-", "--", "\\N", "none", "TRUE", "unknown"])
def test_placeholders(value: str) -> None:
    assert is_placeholder(value)
    assert check("PERSON", "person", value, strict=False) is None


@pytest.mark.parametrize(
    "entity, kind, value, strict, expected",
    [
        ("PERSON", "person", " Ines Okafor ", True, "Ines Okafor"),
        ("PERSON", "person", "ines okafor", True, None),
        ("PERSON", "person", "ines okafor", False, "ines okafor"),
        ("PERSON", "person", "R2-D2", False, None),
        ("DATE_OF_BIRTH", "date", "1984-07-19T00:00:00", False, "1984-07-19T00:00:00"),
        ("DATE_OF_BIRTH", "date", "19.07.1984 (verified)", True, "19.07.1984"),
        ("DATE_OF_BIRTH", "date", "19. Juli", False, None),
        ("STREET_ADDRESS", "address", "Rua Verde", False, "Rua Verde"),
        ("STREET_ADDRESS", "address", "Rua Verde", True, None),  # a label in prose needs a house number
        ("STREET_ADDRESS", "address", "see https://maps.example", False, None),
        ("STREET_ADDRESS", "postcode", "3511 LX", True, "3511 LX"),
        ("STREET_ADDRESS", "postcode", "Utrecht", False, None),
        ("EMAIL_ADDRESS", "email", "ines@example.org.", True, "ines@example.org"),
        ("EMAIL_ADDRESS", "email", "ines at home", False, None),
        ("PHONE_NUMBER", "phone", "+31 30 555 0199", False, "+31 30 555 0199"),
        ("PHONE_NUMBER", "phone", "call me", False, None),
        ("PASSWORD", "password", "correct horse battery", False, "correct horse battery"),
        ("PASSWORD", "password", "correct horse battery", True, None),
        ("PASSWORD", "password", "Vq3!", True, "Vq3!"),
        ("PASSWORD", "password", "********", False, None),
        ("PASSWORD", "password", "<PASSWORD>", False, None),
        ("PASSWORD", "password", "${DB_PASS}", False, None),
        ("PASSWORD", "password", "%APP_SECRET%", False, None),
        ("PASSWORD", "password", "{{ vault_pw }}", False, None),
        ("PASSWORD", "password", "os.environ['PW']", False, None),
        ("PASSWORD", "password", "[redacted]", False, None),
        ("PASSWORD", "password", "your-password-here", False, None),
        ("PASSWORD", "password", "#{DB_PASSWORD}", False, None),
        ("PASSWORD", "password", "$(DB_PASSWORD)", False, None),
        ("PASSWORD", "password", "{db_password}", True, None),
        ("PASSWORD", "password", "op://Ops/db/password", True, None),
        ("PASSWORD", "password", "required", True, None),
        ("PASSWORD", "password", "Winter(2024)", True, "Winter(2024)"),
        ("PASSWORD", "password", "changeme", True, "changeme"),
        # punctuation only, and a password field's own name as its value (a fixture or a column echo)
        ("PASSWORD", "password", ",.;:-*!?", True, None),
        ("PASSWORD", "password", "¿?¡!", False, None),
        ("PASSWORD", "password", "password", True, None),
        ("PASSWORD", "password", "PASSWORD", False, None),
        ("PASSWORD", "password", "Passwort", True, None),
        ("PASSWORD", "password", "db_password", True, None),
        ("PASSWORD", "password", "q,.:-@*?!", True, "q,.:-@*?!"),
        ("PASSWORD", "password", "secret", True, "secret"),
        ("NATIONAL_ID", "number", "AB 12 34 56 C", False, "AB 12 34 56 C"),
        ("NATIONAL_ID", "number", "pending", False, None),
        ("ID", "number", "KR-4471.", True, "KR-4471"),
        ("IBAN_CODE", "iban", "NL02 ABNA 0123 4567 89", False, "NL02 ABNA 0123 4567 89"),
        ("IBAN_CODE", "iban", "on file", False, None),
        ("IP_ADDRESS", "ip", "192.0.2.44", False, "192.0.2.44"),
        ("IP_ADDRESS", "ip", "2001:db8::7", False, "2001:db8::7"),
        ("IP_ADDRESS", "ip", "localhost", False, None),
        ("USERNAME", "username", "ines.o", False, "ines.o"),
        ("USERNAME", "username", "4471", False, None),
        ("ORGANIZATION", "organization", "Brightwell Foods Ltd", False, "Brightwell Foods Ltd"),
        ("ORGANIZATION", "organization", "freelance", False, None),
    ],
)
def test_value_checks(entity: str, kind: str, value: str, strict: bool, expected: str | None) -> None:
    assert check(entity, kind, value, strict) == expected


def test_long_values_are_no_single_entity() -> None:
    assert check("PASSWORD", "password", "x" * MAX_VALUE_CHARS + "y", strict=False) is None


def test_offsets_are_in_the_text() -> None:
    text = "a,  Ines Okafor ,b"
    assert value_span(FieldKind("PERSON", "person"), text, 2, 16, strict=False) == (4, 15)


def test_every_check_the_lexicon_names_exists() -> None:
    from transforms.detectors.tables.lexicon import _KINDS

    assert {k.check for k in _KINDS.values()} == set(CHECKS)
