"""The named checks of the street-address rules, each on its own."""

from __future__ import annotations

import pytest

from tests.transforms.detectors.matches import at
from transforms.detectors.address_checks import (
    address_bounds_check,
    address_like,
    bare_intersection,
    lower_case_line,
    no_vocabulary_lead,
    no_year_column,
    not_a_date,
    not_http_status,
    rare_name_words,
    rare_street_words_check,
    street_corner,
    street_en,
    street_lower,
    street_name,
    street_words,
)
from transforms.detectors.addresses import premises_start


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        ("at 4417 Larkspur Drive", "4417 Larkspur Drive", True),
        ("We run 3 API Gateway stages", "3 API Gateway", False),  # a count before a technical noun
        ("the best 5 Park Avenue hotels", "5 Park Avenue", False),  # a ranking
        ("at 15 Maple Street", "15 Maple Street", True),  # not a technical street word
        ("2011    Harrow Mill Court", "2011    Harrow Mill Court", False),  # a CV's year column
        ("at 2011 Harrow Mill Court", "2011 Harrow Mill Court", True),
        ("Step 3 Tests Pass", "3 Tests Pass", False),  # an everyday street type after common words
        ("at 3 Larkspur Pass", "3 Larkspur Pass", True),
        ("2 MEGA Deal Bonus Key", "2 MEGA Deal Bonus Key", False),  # capitals beside capitalised words
        ("at 2 FOXHOLLOW Key", "2 FOXHOLLOW Key", False),
        ("at 12 Sandpiper Key, Naples, FL 34102", "12 Sandpiper Key", True),  # guarded word, a tail follows
    ],
)
def test_street_en(text: str, value: str, expected: bool) -> None:
    assert street_en(at(text, value)) is expected


@pytest.mark.parametrize(
    ("text", "value", "type_first", "expected"),
    [
        ("in der Lindenstraße 14", "Lindenstraße 14", False, True),
        ("the Summer 2023 release", "Summer 2023", False, False),  # common English words
        ("in Via Garibaldi 18", "Via Garibaldi 18", True, True),
        ("send it Via Email 3 times", "Via Email 3", True, False),  # only vocabulary after the street word
        ("Vellacott et Via Roma 3", "Via Roma 3", True, False),  # "et" before it, as in "et al."
    ],
)
def test_street_name(text: str, value: str, type_first: bool, expected: bool) -> None:
    assert street_name(at(text, value), type_first=type_first) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("Lindenhof 3, 1012 AB Amsterdam", True), ("Ohio  2004  2009  Case Manager", False), ("Ye 1\t2016\tAward", False)],
)
def test_no_year_column(value: str, expected: bool) -> None:
    assert no_year_column(at(value, value)) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("Am Mühlbach 7, 80331 München", True), ("Windows 11, 2022 Server", False)],
)
def test_no_vocabulary_lead(value: str, expected: bool) -> None:
    assert no_vocabulary_lead(at(value, value)) is expected


@pytest.mark.parametrize(("value", "expected"), [("Koivukatu 14 Apt 3B", True), ("version 4 unit 2", False)])
def test_street_words(value: str, expected: bool) -> None:
    assert street_words(at(value, value)) is expected


@pytest.mark.parametrize(
    ("text", "until_comma", "expected"),
    [
        ("22 Odos Kallidromiou", False, True),
        ("9 Am Tomorrow", False, False),
        ("Zelená 4, Frankfurt am Main", True, True),
        ("Total 12, Frankfurt am Main", True, False),
    ],
)
def test_rare_name_words(text: str, until_comma: bool, expected: bool) -> None:
    assert rare_name_words(at(text, text), until_comma=until_comma) is expected


@pytest.mark.parametrize(
    ("text", "expected"), [("the shop is on kalevankatu 15", True), ("The shop is on kalevankatu 15", False)]
)
def test_lower_case_line(text: str, expected: bool) -> None:
    assert lower_case_line(at(text, "kalevankatu 15")) is expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        ("send it to 42 korkeavuorenkatu 7, helsinki, finland", "42 korkeavuorenkatu 7", True),
        ("send it to 42 korkeavuorenkatu 7 soon", "42 korkeavuorenkatu 7", False),  # nothing postal after it
    ],
)
def test_street_lower(text: str, value: str, expected: bool) -> None:
    assert street_lower(at(text, value)) is expected


@pytest.mark.parametrize(("value", "expected"), [("Hanne and Storgata 12", True), ("Berlin and Storgata 12", False)])
def test_bare_intersection(value: str, expected: bool) -> None:
    assert bare_intersection(at(f"meet at {value} today", value)) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("the corner of 5th Avenue and 42nd Street", True),
        ("the intersection of Java and Go", False),
        ("the corner of Elm Road and Pine", True),
    ],
)
def test_street_corner(value: str, expected: bool) -> None:
    assert street_corner(at(value, value)) is expected


@pytest.mark.parametrize(("value", "expected"), [("42 korkeavuorenkatu", True), ("42 good days", False)])
def test_rare_street_words(value: str, expected: bool) -> None:
    assert rare_street_words_check(at(value, value)) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("14 Orchard Lane, Bristol", True),
        ("me@example.org 12", False),
        ("at home 12", False),
        ("https://x.io/2", False),
        ("42 Kowhai, Taupo 3330", True),  # a house number and a name
        ("Rynek Główny 12, Kraków", True),  # words, then the number
        ("Quinta do Lago 12", True),
        ("42 kowhai st, taupo", True),  # lower case with a street word
        ("Ground floor, 2 Quayside Walk", True),
        ("PSC 802 Box 74, APO AE 09499", True),
        ("12 of them arrived", False),  # a count, not a house number
        ("3 customers in Berlin", False),
        ("Version 2 is live", False),  # vocabulary before the number
        ("Paris depuis 3 ans", False),  # a lower-case word before the number
        ("10.20.30.40 blocked", False),
    ],
)
def test_address_like(value: str, expected: bool) -> None:
    assert address_like(at(value, value)) is expected


@pytest.mark.parametrize(("value", "expected"), [("502 Bad Gateway", False), ("502 Bayside Drive", True)])
def test_not_http_status(value: str, expected: bool) -> None:
    assert not_http_status(at(value, value)) is expected


@pytest.mark.parametrize(
    ("text", "value", "trim_lead", "expected"),
    [
        ("at 12 Main St Springfield IL 62704 today", "Main St", False, "12 Main St Springfield IL 62704"),
        ("Kaevu 94\nTartu\nEstonia 50090\n", "Kaevu 94", False, "Kaevu 94\nTartu\nEstonia 50090"),
        ("we visited Kossuth tér 2. then", "visited Kossuth tér 2", True, "Kossuth tér 2."),
    ],
)
def test_address_bounds(text: str, value: str, trim_lead: bool, expected: str) -> None:
    start, end = address_bounds_check(at(text, value), trim_lead=trim_lead)
    assert text[start:end] == expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        ("Let's meet on 3 April 2025 at ten", "3 April 2025", False),
        ("geöffnet ab 12. März 2024", "12. März 2024", False),
        ("The clinic is on Trubarjeva 41", "Trubarjeva 41", True),
    ],
)
def test_not_a_date(text: str, value: str, expected: bool) -> None:
    assert not_a_date(at(text, value)) is expected


@pytest.mark.parametrize(
    ("text", "start_line", "expected_start_line"),
    [
        ("Return address\nFlat 4\nLarchmont House\n27 Eddington Road\nStockport SK4 2QP", 3, 1),
        ("Adresse :\nRésidence Les Pins, Bât. C\n15 chemin de la Source", 2, 1),
        ("Head of Operations\n27 Eddington Road", 1, 1),  # a job title names no premises
        ("Flat 4\n\n27 Eddington Road", 2, 2),  # a blank line ends the block
    ],
)
def test_premises_start(text: str, start_line: int, expected_start_line: int) -> None:
    lines = text.split("\n")
    offset = sum(len(line) + 1 for line in lines[:start_line])
    expected = sum(len(line) + 1 for line in lines[:expected_start_line])
    assert premises_start(text, offset) == expected
