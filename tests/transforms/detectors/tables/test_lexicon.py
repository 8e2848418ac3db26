"""The field-name lexicon: spellings of one name, languages, the generic "name" rule, key patterns."""

from __future__ import annotations

import pytest
import re2

from transforms.detectors.tables.lexicon import (
    FIELD_ENTITIES,
    FieldKind,
    field_entity,
    field_kind,
    header_kinds,
    key_pattern,
    normal,
)


@pytest.mark.parametrize(
    "field, entity",
    [
        ("first_name", "PERSON"),
        ("FirstName", "PERSON"),
        ("Date Of Birth", "DATE_OF_BIRTH"),
        ("DateOfBirth", "DATE_OF_BIRTH"),
        ("DATE-OF-BIRTH", "DATE_OF_BIRTH"),
        ("`dob`", "DATE_OF_BIRTH"),
        ("Date of birth (DD/MM/YYYY)", None),  # a unit after the name is another field name
        ("user-name", "USERNAME"),
        ("e-mail", "EMAIL_ADDRESS"),
        ("E_Mail", "EMAIL_ADDRESS"),
        ("Passwort", "PASSWORD"),
        ("Geburtsdatum", "DATE_OF_BIRTH"),
        ("Straße", "STREET_ADDRESS"),
        ("nom", "PERSON"),
        ("prénom", "PERSON"),
        ("PRENOM", "PERSON"),
        ("date de naissance", "DATE_OF_BIRTH"),
        ("apellido", "PERSON"),
        ("contraseña", "PASSWORD"),
        ("telefone", "PHONE_NUMBER"),
        ("data di nascita", "DATE_OF_BIRTH"),
        ("achternaam", "PERSON"),
        ("wachtwoord", "PASSWORD"),
        ("Hasło", "PASSWORD"),
        ("data urodzenia", "DATE_OF_BIRTH"),
        ("Kundennummer", "ID"),
        ("ssn", "NATIONAL_ID"),
        ("passport_no", "PASSPORT"),
        ("IBAN", "IBAN_CODE"),
        ("card", "CREDIT_CARD"),
        ("ip_address", "IP_ADDRESS"),
        ("zip", "STREET_ADDRESS"),
        ("city", None),
        ("country", None),
        ("id", None),
        ("price", None),
    ],
)
def test_field_names_in_every_spelling_and_language(field: str, entity: str | None) -> None:
    assert field_entity(field) == entity


@pytest.mark.parametrize(
    "name, expected",
    [("Date_Of-Birth", "dateofbirth"), ("Prénom", "prenom"), ("Straße", "strasse"), ("hasło", "haslo"), ("", "")],
)
def test_normal_form(name: str, expected: str) -> None:
    assert normal(name) == expected


@pytest.mark.parametrize(
    "header, entities",
    [
        (["name", "email"], ["PERSON", "EMAIL_ADDRESS"]),
        (["Name", "price", "sku"], [None, None, None]),  # a product table
        (["name", "url", "username", "password"], [None, None, "USERNAME", "PASSWORD"]),  # a password manager's sites
        (["nombre", "fecha_nacimiento"], ["PERSON", "DATE_OF_BIRTH"]),
        (["naam", "company"], ["PERSON", "ORGANIZATION"]),
    ],
)
def test_a_generic_name_column_needs_another_personal_column(header: list[str], entities: list[str | None]) -> None:
    assert [k.entity if k else None for k in header_kinds(header)] == entities


def test_kinds_carry_their_check_and_whether_they_count_as_keys() -> None:
    assert field_kind("pwd") == FieldKind("PASSWORD", "password", in_keys=False)
    assert field_kind("password") == FieldKind("PASSWORD", "password")
    assert field_kind("name") == FieldKind("PERSON", "person", generic=True)
    assert field_kind("postcode") == FieldKind("STREET_ADDRESS", "postcode")


def test_every_entity_type_of_the_lexicon() -> None:
    assert set(FIELD_ENTITIES.values()) == set(
        "ACCOUNT_NUMBER CREDIT_CARD DATE_OF_BIRTH DRIVER_LICENSE EMAIL_ADDRESS IBAN_CODE ID IP_ADDRESS NATIONAL_ID "
        "ORGANIZATION PASSPORT PASSWORD PERSON PHONE_NUMBER STREET_ADDRESS USERNAME".split()
    )


@pytest.mark.parametrize(
    "key, matches",
    [
        ("dateOfBirth", True),
        ("date of birth", True),
        ("Geburtsdatum", True),
        ("prénom", True),
        ("prenom", True),
        ("STRASSE", True),
        ("straße", True),
        ("nom d'usage", True),
        ("pwd", False),  # header only: PWD is the shell's working directory
        ("cap", False),
        ("colour", False),
    ],
)
def test_the_key_pattern_spells_names_as_keys_do(key: str, matches: bool) -> None:
    assert (re2.compile(f"(?i)(?:{key_pattern()})").fullmatch(key) is not None) is matches
