"""Presidio's identity-document families: reported under scrubline's types, and only next to their own names.

Every number here is invented; those with a check digit were completed so that Presidio's validator accepts them.
"""

from __future__ import annotations

import pytest

from transforms.detectors.presidio import PresidioPatternDetector, default_recognizers
from transforms.detectors.presidio_ids import (
    GATED_FAMILIES,
    NATIONAL_ID_RECOGNIZERS,
    WEAK_CONTEXT,
    ContextGate,
    context_words,
    gated_entity_type,
)

PRESIDIO = PresidioPatternDetector(default_recognizers(), timeout_seconds=10)


def gated(text: str) -> list[tuple[str, str]]:
    """(entity type, value) of every finding of a gated family, once each, in order."""
    found = PRESIDIO.detect([text])[0]
    return sorted({(f.entity_type, text[f.start : f.end]) for f in found if f.entity_type in GATED_FAMILIES})


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Passport number: QX4820193, issued in Leeds", [("PASSPORT", "QX4820193")]),
        ("Please renew passport 518204731 before March", [("PASSPORT", "518204731")]),
        ("Both passports (QX4820193, QJ7730418) expire", [("PASSPORT", "QJ7730418"), ("PASSPORT", "QX4820193")]),
        ("Reisepass C7XJ4K825", [("PASSPORT", "C7XJ4K825")]),
        ("Führerschein: BX48201937K", [("DRIVER_LICENSE", "BX48201937K")]),
        ("driver's license number D4820193", [("DRIVER_LICENSE", "D4820193")]),
        ("number plate KT19 XRW", [("VEHICLE_REGISTRATION", "KT19 XRW")]),
        ("Kennzeichen M-QZ 4821", [("VEHICLE_REGISTRATION", "M-QZ 4821")]),
        ("PAN: BXKPR4821M", [("NATIONAL_ID", "BXKPR4821M")]),
        ("USt-IdNr.: DE482719356", [("NATIONAL_ID", "DE482719356")]),
        ("My social insurance number is 273 819 466", [("NATIONAL_ID", "273 819 466")]),
        ("Partita IVA 04827193568", [("NATIONAL_ID", "04827193568")]),
        ("외국인등록번호 850317-5827311", [("NATIONAL_ID", "850317-5827311")]),
        ("Personalausweis L9RT3X718", [("NATIONAL_ID", "L9RT3X718")]),
        ("VAT number 4827193560", [("NATIONAL_ID", "4827193560")]),
        ("UEN 20194827C", [("NATIONAL_ID", "20194827C")]),
        ("bank account 4820193756", [("ACCOUNT_NUMBER", "4820193756")]),
        ("Handelsregister: HRB 48213", [("ID", "HRB 48213")]),
        ("claim # 48201937", [("ID", "48201937")]),
        ("QX4820193 (passport)", [("PASSPORT", "QX4820193")]),  # the name after the number
    ],
)
def test_a_family_is_found_next_to_its_name(text: str, expected: list[tuple[str, str]]) -> None:
    assert gated(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ticket QX4820193 was reopened yesterday",  # the shape of a passport number, but no passport
        "Released under the MIT license, build D4820193",  # "license" alone is any software's
        "The car parked outside had KT19 XRW on it",  # "car" alone vouches for nothing
        "Account Manager, phone 0301 4820193",  # a job title, not an account
        "Offices at 12 Bank Street, fax 4820193756",
        "order 04827193568 shipped",  # a valid VAT checksum, but nothing says it is one
        "passport " + "." * 70 + " QX4820193",  # the name more than 60 characters before
        "QX4820193" + " " * 31 + "passport",  # the name more than 30 characters after
        "my passportQX4820193",  # the name glued to a word is not the name
        "Personalausweis L9RT3X719",  # the check digit fails
    ],
)
def test_a_family_needs_its_name_nearby(text: str) -> None:
    assert gated(text) == []


@pytest.mark.parametrize(
    "recognizer, expected",
    [
        ("UsPassportRecognizer", "PASSPORT"),
        ("UkDrivingLicenceRecognizer", "DRIVER_LICENSE"),
        ("InVehicleRegistrationRecognizer", "VEHICLE_REGISTRATION"),
        ("DeHealthInsuranceRecognizer", "NATIONAL_ID"),
        ("ZaVatNumberRecognizer", "NATIONAL_ID"),
        ("PlPeselRecognizer", "NATIONAL_ID"),
        ("UsBankRecognizer", "ACCOUNT_NUMBER"),
        ("UsNpiRecognizer", "ID"),
        ("CreditCardRecognizer", None),
    ],
)
def test_each_recognizer_has_one_family(recognizer: str, expected: str | None) -> None:
    (rec,) = [r for r in default_recognizers() if r.name == recognizer]
    assert gated_entity_type(rec) == expected


def test_no_recognizer_is_in_two_families() -> None:
    classes = [cls for family in GATED_FAMILIES.values() for cls in family]
    assert len(classes) == len(set(classes)) == 74


def test_the_first_national_ids_keep_their_context_words() -> None:
    first_weak = {"id", "identity", "us", "united", "states", "travel", "document", "canada", "ssn"}
    for cls in NATIONAL_ID_RECOGNIZERS[:17]:
        rec = cls()
        assert context_words(rec) == {w.casefold() for w in rec.context} - first_weak, rec.name


@pytest.mark.parametrize(
    "recognizer, present, absent",
    [
        ("UsLicenseRecognizer", "driver's license", "license"),
        ("UkVehicleRegistrationRecognizer", "number plate", "car"),
        ("UsBankRecognizer", "account number", "account"),
        ("UsHealthInsuranceMemberIdRecognizer", "member id", "member"),
        ("UsProviderTaxIdRecognizer", "tin", "ein"),
    ],
)
def test_general_words_give_way_to_the_family_name(recognizer: str, present: str, absent: str) -> None:
    (rec,) = [r for r in default_recognizers() if r.name == recognizer]
    assert present in context_words(rec)
    assert absent not in context_words(rec) and absent in WEAK_CONTEXT


def test_the_gate_finds_whole_words_in_one_pass() -> None:
    gate = ContextGate([cls() for cls in GATED_FAMILIES["PASSPORT"]])
    hits = gate.hits("PASSPORTS: see passport number; passportal")
    assert hits["UkPassportRecognizer"] == [(0, 8), (15, 23), (15, 30)]


@pytest.mark.parametrize(
    "start, end, expected",
    [
        (160, 170, True),  # the word (100, 108) starts 60 characters before the number
        (161, 170, False),  # 61 characters before
        (60, 78, True),  # the word ends 30 characters after the number
        (60, 77, False),  # 31 characters after
        (104, 112, False),  # the word overlaps the number
    ],
)
def test_a_word_vouches_within_its_reach(start: int, end: int, expected: bool) -> None:
    assert ContextGate.vouches([(100, 108)], start, end) is expected


def test_windows_around_words_merge_and_stop_at_the_text() -> None:
    assert ContextGate.windows([(10, 18), (100, 108), (400, 408)], 500) == [(0, 232), (306, 500)]
