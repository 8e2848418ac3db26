"""Cues that say what a bare value is: a possessive before a local phone number, "is from" before an employer."""

from __future__ import annotations

import pytest

from transforms.detectors.context import ContextDetector

CONTEXT = ContextDetector()


def context(text: str, entity: str) -> list[str]:
    (found,) = CONTEXT.detect([text])
    return [text[f.start : f.end] for f in found if f.entity_type == entity]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("no text reached my registered 555 0143 today", ["555 0143"]),
        ("call her cell 555-0143 after six", ["555-0143"]),
        ("his number: 555 0143", ["555 0143"]),
        ("my order 555 0143 has not shipped", []),  # an identifier noun before it
        ("our top 500 2019 albums", []),  # a count and a year
        ("my account id 123-4567", []),
        ("my 555-01434", []),  # too many digits for a local number
    ],
)
def test_local_phone_numbers_after_a_possessive(text: str, expected: list[str]) -> None:
    assert context(text, "PHONE_NUMBER") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Luiza is from Quorvane", ["Quorvane"]),
        ("Ana Lima was from Persint Labs, and", ["Persint Labs"]),
        ("Maria is from Brazil", []),  # a country
        ("John is from Springfield", []),  # a town
        ("This is from Stack Overflow", []),  # common words
        ("This is from Kubernetes docs", []),  # technical vocabulary
    ],
)
def test_where_a_person_is_from_names_an_organisation_only_when_it_is_no_place(text: str, expected: list[str]) -> None:
    assert context(text, "ORGANIZATION") == expected
