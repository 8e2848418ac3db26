"""The named checks of the person-name rules, each on its own."""

from __future__ import annotations

import pytest

from tests.transforms.detectors.matches import at
from transforms.detectors.person_checks import (
    case_party,
    counsel,
    dash_signature,
    field_list_item,
    name_before_gap,
    name_handle,
    not_senior_title,
    person_name,
    person_words,
    signoff_handle,
    signoff_name,
    titled_person,
    with_given_name,
)
from transforms.detectors.rules import RuleMatch


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        ("Lord Pemberton agreed", "Pemberton", True),
        ("Baroness Ashdown of Kelby", "Ashdown of Kelby", True),  # the designation after "of" is not judged
        ("the Lord Chief Justice", "Chief Justice", False),
        ("Master Eastwick said", "Eastwick", True),
        ("the Master Plan", "Plan", False),  # after a weak title only a name that is no everyday word
    ],
)
def test_titled_person(text: str, value: str, expected: bool) -> None:
    assert titled_person(at(text, value)) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("Odile Marchetti", True), ("On The Road", False), ("Monday", False), ("Tomasz", True)],
)
def test_person_name(value: str, expected: bool) -> None:
    assert person_name(at(f"my name is {value}", value)) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("Okonkwo", True), ("State", False), ("Secretary of State", False), ("Harlow", True)],
)
def test_case_party(value: str, expected: bool) -> None:
    assert case_party(at(f"{value} v Brandt", value)) is expected


@pytest.mark.parametrize(("value", "expected"), [("T R Vellacott", True), ("A Plan", False), ("I Smith", False)])
def test_counsel(value: str, expected: bool) -> None:
    assert counsel(at(f"{value} QC", value)) is expected


_HEADERS = "people_fields.yaml#mail_headers"
_ATTENDANCE = "people_fields.yaml#attendance"


@pytest.mark.parametrize(
    ("text", "value", "fields", "expected"),
    [
        ("To: Haverkamp, Ingrid; Moravec, Tomas", "Moravec, Tomas", _HEADERS, True),
        ('> Cc: "Brennagh, Ruairi" <rb@example.org>', "Brennagh, Ruairi", _HEADERS, True),
        ("Von: Overbeck, Jannik (Vertrieb)\n", "Overbeck, Jannik", _HEADERS, True),
        ("Subject: Haverkamp, Ingrid", "Haverkamp, Ingrid", _HEADERS, False),  # no address field
        ("To: Haverkamp, Ingrid about the plan", "Haverkamp, Ingrid", _HEADERS, False),  # the item goes on
        ("Aanwezig: Femke Dijkhuizen en Joost Verbeek", "Femke Dijkhuizen", _ATTENDANCE, True),
        ("Attendees: A. Holloway, B. Reinholt", "B. Reinholt", _ATTENDANCE, True),
        ("Attendees: A. Holloway, B. Reinholt", "B. Reinholt", _HEADERS, False),
    ],
)
def test_field_list_item(text: str, value: str, fields: str, expected: bool) -> None:
    assert field_list_item(at(text, value), fields=fields) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Haverkamp, Ingrid", True),
        ("Adeyemi, KO", True),  # initials beside a name word
        ("Okonjo", True),  # no English word: a surname alone
        ("Deploy", False),  # an English word alone is no name
        ("Sales Team", False),
        ("All Staff", False),
        ("KO", False),  # initials alone
    ],
)
def test_person_words(value: str, expected: bool) -> None:
    assert person_words(at(f"To: {value}", value)) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("JR", True), ("T.B.", True), ("Mo", True), ("Will", True), ("HR", False), ("OK", False), ("Everyone", False)],
)
def test_signoff_name(value: str, expected: bool) -> None:
    assert signoff_name(at(f"Thanks, {value}", value)) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("tobias.wendland", True), ("mirela_dragomir", True), ("deploy.bot", False), ("tobias", False)],
)
def test_name_handle(value: str, expected: bool) -> None:
    assert name_handle(at(f"{value}  10:42 AM", value)) is expected


@pytest.mark.parametrize(
    ("value", "expected"), [("Achterberg, Lotte", True), ("Benedikt", True), ("Daily Standup", False)]
)
def test_with_given_name(value: str, expected: bool) -> None:
    assert with_given_name(at(f"{value}  10:42", value)) is expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        ("Dr Tamsin Okafor  Visiting Lecturer", "Tamsin Okafor  Visiting Lecturer", "Tamsin Okafor"),
        ("Dr Tamsin Okafor\tLecturer", "Tamsin Okafor\tLecturer", "Tamsin Okafor"),
        ("Dr Tamsin Okafor", "Tamsin Okafor", "Tamsin Okafor"),
    ],
)
def test_name_before_gap(text: str, value: str, expected: str) -> None:
    start, end = name_before_gap(at(text, value))
    assert text[start:end] == expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        ("Sr. Network Engineer", "Network Engineer", False),  # Senior: a job title
        ("Sr Analyst", "Analyst", False),
        ("Sr. Quintero", "Quintero", True),  # Señor: a name
        ("Sr. Rosa Quintero", "Rosa Quintero", True),
        ("Dr. Network", "Network", True),  # only "Sr" is both a rank and an honorific
    ],
)
def test_not_senior_title(text: str, value: str, expected: bool) -> None:
    start = text.index(value)
    assert not_senior_title(RuleMatch(text, start, start + len(value), 0, len(text))) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("quorvath_7", True),
        ("xVelka", True),
        ("zbyszko", True),
        ("m.ferrante", True),
        ("everyone", False),
        ("v2.3", False),
        ("notes.txt", False),
        ("Tomasz", False),
        ("lol", False),
    ],
)
def test_signoff_handle(value: str, expected: bool) -> None:
    assert signoff_handle(at(f"Any ideas?\nCheers, {value}", value)) is expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        ("works now\n-Radka", "Radka", True),
        ("works now\n— jkw\n\n", "jkw", True),
        ("works now\n— rkb\n\nOn Fri, 2 May, Ines wrote:\n> and?", "rkb", True),
        ("works now\n— ok", "ok", False),
        ("cc -O2 main.c\n-Wall", "Wall", False),
        ("works now\n-Radka\nand one more thing", "Radka", False),
    ],
)
def test_dash_signature(text: str, value: str, expected: bool) -> None:
    assert dash_signature(at(text, value)) is expected
