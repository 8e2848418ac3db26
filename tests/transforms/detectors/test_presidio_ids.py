"""Presidio's identity-document families: reported under scrubline's types, and only next to their own names.

Every number here is invented; those with a check digit were completed so that Presidio's validator accepts them.
"""

from __future__ import annotations

import presidio_analyzer.predefined_recognizers as _R
import pytest

from transforms.detectors.presidio import PresidioPatternDetector, default_recognizers
from transforms.detectors.presidio_ids import (
    GATED_FAMILIES,
    NATIONAL_ID_RECOGNIZERS,
    WEAK_CONTEXT,
    ContextGate,
    context_words,
    family_labels,
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
        own = {w.casefold() for w in rec.context} - first_weak
        assert context_words(rec) == own | family_labels("NATIONAL_ID"), rec.name


@pytest.mark.parametrize(
    "family, present, absent",
    [
        ("PASSPORT", "numéro de passeport", "registration number"),
        ("PASSPORT", "paspoortnummer", "pass"),
        ("DRIVER_LICENSE", "rijbewijsnummer", "patente"),  # also a patent, and a plate in Argentina
        ("DRIVER_LICENSE", "patente di guida", "dl number"),  # written in capitals: an acronym
        ("VEHICLE_REGISTRATION", "kenteken", "registration number"),  # a company has one too
        ("VEHICLE_REGISTRATION", "tablica rejestracyjna", "placa"),
        ("NATIONAL_ID", "dowód osobisty", "id number"),
        ("NATIONAL_ID", "numéro de sécurité sociale", "siren"),
    ],
)
def test_a_family_takes_its_labels_in_eight_languages(family: str, present: str, absent: str) -> None:
    assert present in family_labels(family)
    assert absent not in family_labels(family)


def test_another_documents_label_does_not_vouch_for_a_shapeless_recognizer() -> None:
    (member,) = [r for r in default_recognizers() if r.name == "UsHealthInsuranceMemberIdRecognizer"]
    assert "personalausweis" not in context_words(member)
    assert "member id" in context_words(member)


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
    hits = gate.hits("PASSPORTS: see passport number; passportal, passporter")
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


# Self-evident families: values completed here with their check digit or letter, each in a text that names no
# document.
_DIGITS = "0123456789"
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def complete(recognizer: type, stem: str, alphabet: str = _DIGITS) -> str:
    """``stem`` and the first character of ``alphabet`` that the recognizer's check confirms."""
    rec = recognizer()
    return next(stem + c for c in alphabet if rec.validate_result(stem + c) is True)


def spoil(recognizer: type, stem: str, alphabet: str = _DIGITS) -> str:
    """``stem`` and the first character of ``alphabet`` that the recognizer's check rejects."""
    rec = recognizer()
    return next(stem + c for c in alphabet if not rec.validate_result(stem + c))


def nif(digits: str) -> str:
    return digits + "TRWAGMYFPDXBNJZSQVHLCKE"[int(digits) % 23]


def tckn(first_nine: str) -> str:
    d = [int(c) for c in first_nine]
    tenth = ((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10
    return first_nine + str(tenth) + str((sum(d) + tenth) % 10)


def hetu(stem: str) -> str:
    """A Finnish identity code: ``stem`` is the date, the century sign and three digits."""
    return stem + "0123456789ABCDEFHJKLMNPRSTUVWXY"[int(stem[:6] + stem[7:10]) % 31]


def de_vat(eight: str) -> str:
    product = 10
    for c in eight:
        s = (int(c) + product) % 10 or 10
        product = 2 * s % 11
    return "DE" + eight + str((11 - product) % 10)


_NIF = nif("48213067")
_NIE_Y = "Y4821306" + "TRWAGMYFPDXBNJZSQVHLCKE"[int("14821306") % 23]
_HETU = hetu("170386-472")
_PERSONNUMMER = complete(_R.SePersonnummerRecognizer, "19860317-482")
_TCKN = tckn("382176490")
_ZA_ID = complete(_R.ZaIdNumberRecognizer, "860317548208")
_PESEL = complete(_R.PlPeselRecognizer, "0523174821")  # born 17 March 2005: month 03 + 20
_KR_RRN = complete(_R.KrRrnRecognizer, "860317-125013")
_DE_VAT = de_vat("48213067")
_DE_RVNR = complete(_R.DeSocialSecurityRecognizer, "65170386K48")
_CODICE = complete(_R.ItFiscalCodeRecognizer, "BNCLRA86C57F205", _LETTERS)
_GSTIN = "29BXKPR4821M1ZQ"
_UK_DL = "HOLLO703176JW9AB"


def nric(prefix: str, digits: str) -> str:
    """A Singapore NRIC (S, T) or FIN (F, G) with its check letter."""
    total = sum(int(d) * w for d, w in zip(digits, (2, 7, 6, 5, 4, 3, 2), strict=True)) + (4 if prefix in "TG" else 0)
    return prefix + digits + ("JZIHGFEDCBA" if prefix in "ST" else "XWUTRQPNMLK")[total % 11]


_NRIC = nric("T", "0482193")
_FIN = nric("G", "4820193")


@pytest.mark.parametrize(
    "text, value",
    [
        (f"Attached is the scan ({_NIF}), please check", _NIF),
        (f"{_NIF.lower()} on the form", _NIF.lower()),
        (f"Solicitante: Ana Ruiz, {_NIE_Y}", _NIE_Y),
        (f"{_NIE_Y[:-1]}-{_NIE_Y[-1]} was entered twice", f"{_NIE_Y[:-1]}-{_NIE_Y[-1]}"),
        (f"Henkilö {_HETU} muutti", _HETU),
        (f"row 4: {_PERSONNUMMER};Lund", _PERSONNUMMER),
        (f"row 4: {_PERSONNUMMER.replace('-', '')};Lund", _PERSONNUMMER.replace("-", "")),
        (f"Ad Soyad: Deniz Kaya, {_TCKN}", _TCKN),
        (f"ID {_ZA_ID} on file", _ZA_ID),
        (f"{_PESEL}, Kraków", _PESEL),
        (f"Applicant {_KR_RRN} signed", _KR_RRN),
        (f"Rechnung an {_DE_VAT}", _DE_VAT),
        (
            f"Rechnung an DE-{_DE_VAT[2:5]}-{_DE_VAT[5:8]}-{_DE_VAT[8:]}",
            f"DE-{_DE_VAT[2:5]}-{_DE_VAT[5:8]}-{_DE_VAT[8:]}",
        ),
        (f"Versicherter {_DE_RVNR} seit 2004", _DE_RVNR),
        (f"Sig.ra Bianchi, {_CODICE}", _CODICE),
        (f"Fornitore: {_GSTIN}", _GSTIN),
        (f"holder {_UK_DL} endorsed", _UK_DL),
        (f"Employee pass {_NRIC}", _NRIC),
        (f"Employee pass {_FIN}", _FIN),
    ],
)
def test_a_self_evident_family_needs_no_name(text: str, value: str) -> None:
    assert gated(text) == [("NATIONAL_ID" if value != _UK_DL else "DRIVER_LICENSE", value)]


@pytest.mark.parametrize(
    "text",
    [
        f"Attached is the scan ({spoil(_R.EsNifRecognizer, _NIF[:-1], _LETTERS)})",  # the check letter fails
        f"Henkilö {spoil(_R.FiPersonalIdentityCodeRecognizer, _HETU[:-1], _LETTERS)} muutti",
        f"row 4: {spoil(_R.SePersonnummerRecognizer, _PERSONNUMMER[:-1])};Lund",
        f"row 4: {_PERSONNUMMER[2:].replace('-', '')};Lund",  # 10 digits without "-": any phone number's shape
        f"Ad Soyad: Deniz Kaya, {_TCKN[:-1]}{(int(_TCKN[-1]) + 1) % 10}",
        f"{complete(_R.PlPeselRecognizer, '8602314821')}, Kraków",  # checks out, but 31 February
        f"Applicant {_KR_RRN.replace('-', '')} signed",  # 13 digits: the form without "-" is any long number's
        f"call +{_TCKN} today",  # a phone number
        f"see /srv/{_NIF}/logs",  # a piece of a path
        f"build {_TCKN}.{_TCKN}",  # a piece of a version
        f"token {_CODICE.capitalize()}",  # identifiers in code mix cases
        f"checksum {_DE_VAT.lower()}7",  # glued to a longer token
        "tracking 3821764905 48213067",  # random digits
        f"Employee pass {_NRIC[:-1]}{'A' if _NRIC[-1] != 'A' else 'B'}",  # the check letter fails
        f"SKU M{_NRIC[1:]}",  # no check letter for the M series here
    ],
)
def test_a_self_evident_family_in_another_form_needs_its_name(text: str) -> None:
    assert gated(text) == []


@pytest.mark.parametrize(
    "recognizer, stem",
    [
        ("NhsRecognizer", "482019375"),  # 10 digits, mod 11
        ("InAadhaarRecognizer", "48201937561"),  # 12 digits, Verhoeff
        ("AuTfnRecognizer", "48201937"),  # 9 digits, weighted sum mod 11
    ],
)
def test_a_valid_check_digit_alone_is_no_evidence(recognizer: str, stem: str) -> None:
    value = complete(getattr(_R, recognizer), stem)
    assert gated(f"reference {value} attached") == []
    assert gated(f"{recognizer[:2].upper()} {value} attached") == []  # a country code is no name either


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mon numéro de passeport est le QX4820193.", ("PASSPORT", "QX4820193")),
        ("n.º do passaporte QX4820193", ("PASSPORT", "QX4820193")),
        ("Paspoortnummer QX4820193 (geldig tot 2031)", ("PASSPORT", "QX4820193")),
        ("numer paszportu: QX4820193", ("PASSPORT", "QX4820193")),
        ("Il numero di passaporto è QX4820193", ("PASSPORT", "QX4820193")),
        ("Führerschein-Nr. BX48201937K", ("DRIVER_LICENSE", "BX48201937K")),
        ("mijn rijbewijsnummer: BX48201937K", ("DRIVER_LICENSE", "BX48201937K")),
        ("permis de conduire n° BX48201937K", ("DRIVER_LICENSE", "BX48201937K")),
        ("patente di guida BX4820193K", ("DRIVER_LICENSE", "BX4820193K")),
        ("Driver’s licence D4820193", ("DRIVER_LICENSE", "D4820193")),  # a typographic apostrophe
        ("kenteken van de auto: KT19 XRW", ("VEHICLE_REGISTRATION", "KT19 XRW")),
        ("Kfz-Kennzeichen: M-QZ 4821", ("VEHICLE_REGISTRATION", "M-QZ 4821")),
        ("matrícula do carro KT19 XRW", ("VEHICLE_REGISTRATION", "KT19 XRW")),
        ("tablica rejestracyjna KT19 XRW", ("VEHICLE_REGISTRATION", "KT19 XRW")),
        ("numéro de sécurité sociale : 273 819 466", ("NATIONAL_ID", "273 819 466")),
        ("여권번호는 M48201937입니다", ("PASSPORT", "M48201937")),  # a particle glued to the word
        ("Die Nummer des Reisepasses lautet QX4820193", ("PASSPORT", "QX4820193")),  # a case ending
        ("Posługuję się paszportem QX4820193", ("PASSPORT", "QX4820193")),
        ("Beide paspoorten: QX4820193", ("PASSPORT", "QX4820193")),
        (f"{_NRIC} (NRIC)", ("NATIONAL_ID", _NRIC)),
    ],
)
def test_a_family_is_named_in_any_language(text: str, expected: tuple[str, str]) -> None:
    assert gated(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Registration number: KT19 XRW",  # a company's, a course's, a vehicle's
        "placa base 4820193756 rev B",  # a circuit board
        "Siren alarm test, panel 273 819 466",
        "orgnr 7556655000981234",  # a piece of a longer run of digits is no number of its own
    ],
)
def test_a_general_label_vouches_for_nothing(text: str) -> None:
    assert gated(text) == []
