"""The named checks of the organisation rules, each on its own."""

from __future__ import annotations

import pytest

from tests.transforms.detectors.matches import at
from transforms.detectors.organisations import (
    employer,
    institution_gap,
    institution_of,
    named_organisation,
    not_common_phrase,
    organisation_name,
    organisation_of_person,
    organisation_start,
    partnership,
    rare_head,
)


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        ("Marine Biology  Kelvedon University", "Marine Biology  Kelvedon University", "Kelvedon University"),
        ("University  of Kelvedon", "University  of Kelvedon", "University  of Kelvedon"),
        ("Kelvedon College Master of Arts", "Kelvedon College Master of Arts", "Kelvedon College"),
        ("Music  Kelvedon College Diploma", "Music  Kelvedon College Diploma", "Kelvedon College"),
    ],
)
def test_institution_gap(text: str, value: str, expected: str) -> None:
    start, end = institution_gap(at(text, value))
    assert text[start:end] == expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        ("at The Quillmark Group", "The Quillmark Group", "Quillmark Group"),  # the article goes
        ("We met in April. Our Senior Software", "April. Our Senior Software", "Senior Software"),
        ("Zentrova Labs", "Zentrova Labs", "Zentrova Labs"),
    ],
)
def test_organisation_start(text: str, value: str, expected: str) -> None:
    start, end = organisation_start(at(text, value))
    assert text[start:end] == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Harrowdale Health Ltd", True),
        ("Customer Success Software", False),
        ("The Group", False),
        ("Zentrova Inc.", True),
    ],
)
def test_organisation_name(value: str, expected: bool) -> None:
    assert organisation_name(at(value, value)) is expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        ("Community Health Counselor, 2019", "Community Health", False),  # a job title's first words
        ("Harbour Police Officer", "Harbour Police", False),
        ("Snr. Software Engineer", "Snr. Software", False),
        ("Zentrova Health Director", "Zentrova Health", True),  # a named body and its director
        ("Community Health Ltd", "Community Health Ltd", True),
    ],
)
def test_organisation_name_before_a_title_noun(text: str, value: str, expected: bool) -> None:
    assert organisation_name(at(text, value)) is expected


@pytest.mark.parametrize(("value", "expected"), [("Voltaris Transit", True), ("Customer Services", False)])
def test_rare_head(value: str, expected: bool) -> None:
    assert rare_head(at(value, value)) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("Ministry of Finance", True), ("Department of Engineering", False), ("Royal Society of Glassmakers", True)],
)
def test_institution_of(value: str, expected: bool) -> None:
    assert institution_of(at(value, value)) is expected


@pytest.mark.parametrize(("value", "expected"), [("Lexoria", True), ("Human Resources", False), ("Growth EMEA", False)])
def test_employer(value: str, expected: bool) -> None:
    assert employer(at(f"head of {value}", value)) is expected


@pytest.mark.parametrize(("value", "expected"), [("Zentrova", True), ("London", False), ("Monday", False)])
def test_named_organisation(value: str, expected: bool) -> None:
    assert named_organisation(at(f"{value} is a company", value)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Mara Quint of Quillmark", True), ("Mara Quint of London", False), ("Lord Ashdown of Quillmark", False)],
)
def test_organisation_of_person(text: str, expected: bool) -> None:
    assert organisation_of_person(at(text, text.split(" of ")[1])) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("Kowalczyk & Brandt", True), ("Black & White", False), ("Oslo, Lisbon and Riga", False)],
)
def test_partnership(value: str, expected: bool) -> None:
    assert partnership(at(value, value)) is expected


@pytest.mark.parametrize(("value", "expected"), [("Quillmark", True), ("Customer Service", False)])
def test_not_common_phrase(value: str, expected: bool) -> None:
    assert not_common_phrase(at(f"I work for {value}", value)) is expected
