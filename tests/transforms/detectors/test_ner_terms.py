"""Software names, job titles, fields of work and technical texts as ``ner_terms`` judges them."""

from __future__ import annotations

import pytest

from transforms.detectors.ner_terms import (
    acronym_expansion,
    certification_phrase,
    degree_before_subject,
    degree_subject,
    field_phrase,
    job_title,
    rare_word,
    skill_word_phrase,
    software_phrase,
    technical_text,
    title_continues,
    title_domain,
)

NAMES = {"priya", "ruby", "rose", "jenkins"}


def plain(word: str) -> bool:
    """A stand-in for the NER detector's test: lower-case letters only and no name of ``NAMES``."""
    core = word.strip(".,").casefold()
    return core.isalpha() and core not in NAMES and len(core) > 2


@pytest.mark.parametrize(
    "value, expected",
    [
        ("SQL Server", True),
        ("Core Python", True),
        ("Windows XP", True),
        ("Visual Studio Code", True),
        ("Photoshop CS6", True),
        ("Ruby Rose", False),  # a language and a name: a person
        ("Kotlin Software", False),  # the company
        ("Clean Power Finance", False),  # "power" is an everyday word, no software name
        ("Microsoft", False),  # a vendor alone is a company
        ("Quarterly Review", False),  # no software word
    ],
)
def test_software_phrase(value: str, expected: bool) -> None:
    assert software_phrase(value, plain) is expected


@pytest.mark.parametrize(
    "value, expected",
    [
        ("Lecturer", True),
        ("Assistant Harbour Master Trainee", True),
        ("Junior Kotlin Developer", True),
        ("Priya Manager", False),
        ("Manager Priya", False),
        ("Harbour Office", False),
    ],
)
def test_job_title(value: str, expected: bool) -> None:
    assert job_title(value, plain) is expected


@pytest.mark.parametrize(
    "value, expected",
    [
        ("Teamwork", True),
        ("Risk Management", True),
        ("Marine Engineering", True),
        ("Rose Engineering", False),
        ("Harbour Trade Alliance", False),  # a body named with plain words
        ("School of Marine Navigation", False),
        ("Harbour Office", False),
        ("Engineering 2", False),
    ],
)
def test_field_phrase(value: str, expected: bool) -> None:
    assert field_phrase(value, plain) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Run pip install then call load_rows() and cache.get_item() in the worker with tox.", True),
        ("See you at the harbour on Friday, bring the kids and the dog!", False),
        ("pip install", False),  # too few hits
        ("Run pip install. " + "Then we walked along the shore and talked about the weather. " * 40, False),
    ],
)
def test_technical_text(text: str, expected: bool) -> None:
    assert technical_text(text) is expected


@pytest.mark.parametrize("word, expected", [("Quorvex", True), ("harbour", False), ("Table", False)])
def test_rare_word(word: str, expected: bool) -> None:
    assert rare_word(word) is expected


@pytest.mark.parametrize(
    "value, expected",
    [
        ("HACCP Certification", True),
        ("Forklift Operator Certificate", True),
        ("Certified Kotlin Developer", True),
        ("Certificate in Bookkeeping", True),
        ("Doctor of Nursing Practice", True),
        ("Teaching Credential", True),
        ("Ohio Teaching Licence", True),  # a place names whose licence it is
        ("Certified Priya Rose", False),  # a name among the words
        ("Doctor Priya", False),  # a title before a name, no degree
        ("Certification", False),  # one word: nothing to say what it is
        ("Quarterly Review", False),  # no qualification word
    ],
)
def test_certification_phrase(value: str, expected: bool) -> None:
    assert certification_phrase(value, plain) is expected


@pytest.mark.parametrize(
    "value, after, expected",
    [
        ("Regional Sales", " Manager at a bank", True),
        ("Social Media", " Coordinator", True),
        ("Harbour Office", "\nManager", False),  # another line
        ("Priya", " Manager", False),  # a name before the title
        ("Regional Sales", " team", False),  # no title noun after it
    ],
)
def test_title_continues(value: str, after: str, expected: bool) -> None:
    assert title_continues(value, after, plain) is expected


@pytest.mark.parametrize(
    "before, value, expected",
    [
        ("she was Director of ", "Student Services", True),
        ("Member of the ", "Advisory Board", True),
        ("CFO of ", "Rose Holdings", False),  # a named employer
        ("a map of ", "Harbour Services", False),  # no title before "of"
        ("Director of ", "Priya Services", False),  # a name among the words
    ],
)
def test_title_domain(before: str, value: str, expected: bool) -> None:
    assert title_domain(before, value, plain) is expected


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("BSc, Marine Biology, 2014", "BSc", True),
        ("MS  Statistics", "MS", True),  # a column gap
        ("BE (CS)", "BE", True),
        ("MSc - Physics", "MSc", True),
        ("Jackson, MS, USA", "MS", False),  # a state code before a country
        ("Ms, Jackson", "Ms", False),  # no degree abbreviation in title case
        ("MBA", "MBA", False),  # no subject after it
    ],
)
def test_degree_before_subject(text: str, word: str, expected: bool) -> None:
    start = text.index(word)
    assert degree_before_subject(text, start, start + len(word)) is expected


@pytest.mark.parametrize(
    "before, value, expected",
    [
        ("BA, ", "Marine Biology", True),
        ("Bachelor of Music  ", "Jazz Performance", True),
        ("EDUCATION  MSc - ", "Applied Statistics", True),
        ("BA, ", "Valmora University", False),  # the school
        ("BA, ", "Priya Rose", False),  # a name
        ("Sales, ", "Marine Biology", False),  # no degree before it
    ],
)
def test_degree_subject(before: str, value: str, expected: bool) -> None:
    assert degree_subject(before, value, plain) is expected


@pytest.mark.parametrize(
    "value, expected",
    [("Pyspark", True), ("Pyspark API", True), ("Sitecore 9", True), ("Pyspark Rose", False), ("Priya", False)],
)
def test_skill_word_phrase(value: str, expected: bool) -> None:
    assert skill_word_phrase(value, plain) is expected


@pytest.mark.parametrize(
    "text, acronym, expected",
    [
        ("holds Certified Harbour Pilot (CHP) since", "CHP", "Certified Harbour Pilot"),
        ("Master of Marine Surveying (MMS), 2012", "MMS", "Master of Marine Surveying"),
        ("Harbour Pilot Licence ( HPL )", "HPL", "Harbour Pilot Licence"),
        ("Something Else (CHP)", "CHP", None),  # the initials do not spell it
        ("the CHP exam", "CHP", None),  # not in brackets
    ],
)
def test_acronym_expansion(text: str, acronym: str, expected: str | None) -> None:
    start = text.index(acronym)
    assert acronym_expansion(text, start, start + len(acronym)) == expected
