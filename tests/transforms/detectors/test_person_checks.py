"""The named checks of the person-name rules, each on its own."""

from __future__ import annotations

import pytest

from tests.transforms.detectors.matches import at
from transforms.detectors.person_checks import case_party, counsel, person_name, titled_person


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
