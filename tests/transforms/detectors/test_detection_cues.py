"""Cues that say what a bare value is: a possessive before a local phone number, "is from" before an employer."""

from __future__ import annotations

import pytest

from transforms.detectors.context import ContextDetector
from transforms.detectors.presidio import _plausible_url

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


@pytest.mark.parametrize(
    "text, expected",
    [
        ("In Donoghue v Stevenson [1932] AC 562 the House held", ["Donoghue", "Stevenson"]),
        ("See Brown v. Board of Education, 347 U.S. 483", ["Brown"]),  # a public body is no person
        ("R v Chaytor [2010] UKSC 52", ["Chaytor"]),  # the Crown is no person
        ("State v. Mahlangu, 2015 (2) SACR 1", ["Mahlangu"]),
        ("Pepper (Inspector of Taxes) v Hart [1993] AC 593", ["Hart"]),
        ("Following Caparo Industries plc v Dickman [1990]", ["Dickman"]),
        ("in Okafor v Lagos State Government", ["Okafor"]),
        ("we use v2 of the API and Python v 3.11", []),
    ],
)
def test_the_parties_of_a_case_name_are_people_unless_public_bodies(text: str, expected: list[str]) -> None:
    assert context(text, "PERSON") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Asked by tomek.w on Stack Overflow", ["tomek.w"]),
        ("Originally posted by nightowl88", ["nightowl88"]),
        ("posted by u/throwaway_dev99 3 hours ago", ["throwaway_dev99"]),
        ("see u/qwertz_lab's comment", ["qwertz_lab"]),
        ("reply from user dave_k:", ["dave_k"]),
        ("ssh jdoe@10.2.14.7 -p 22", ["jdoe"]),
        ("scp -P 2222 backup.tar ops_user@bastion.internal:/tmp", ["ops_user"]),
        ("git clone git@github.com:org/repo.git", []),  # git's own account
        ("set the user config.yaml and user name_2", []),
        ("edit the r/python wiki", []),
    ],
)
def test_account_names_in_forum_metadata_and_remote_shell_commands(text: str, expected: list[str]) -> None:
    assert context(text, "USERNAME") == expected


@pytest.mark.parametrize(
    "text, plausible",
    [
        ('git config --global user.name "A B"', False),
        ("git config user.email", False),
        ("git config core.editor vim", False),
        ("see alice.name", True),
        ("mail bob.email.com", True),
    ],
)
def test_git_settings_are_not_host_names(text: str, plausible: bool) -> None:
    start = text.index(next(w for w in text.split() if "." in w and not w.startswith("-")))
    end = start + len(next(w for w in text.split() if "." in w and not w.startswith("-")))
    assert _plausible_url(text, start, end) is plausible


@pytest.mark.parametrize(
    "text, expected",
    [
        ("S P Donaghue QC, Solicitor-General, with G A Hill for the appellant", ["S P Donaghue", "G A Hill"]),
        ("J. R. Okafor, SC appeared", ["J. R. Okafor"]),
        ("A. Sharma QC for the Crown", ["A. Sharma"]),
        ("Section A Main for the respondents", []),  # "A" is an article
        ("The API for the appellant", []),
    ],
)
def test_counsel_written_with_initials(text: str, expected: list[str]) -> None:
    assert context(text, "PERSON") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Invoice from Mazur and\nSons for the work", ["Mazur and\nSons"]),  # wrapped at the line's end
        ("Counsel: Al-Masri, Al-Sayed and Habib.", ["Al-Masri, Al-Sayed and Habib"]),  # Arabic article
        ("Alpha, Beta and Gamma", []),
        ("Black & White", []),
    ],
)
def test_family_and_partner_firms(text: str, expected: list[str]) -> None:
    assert context(text, "ORGANIZATION") == expected
