"""Presidio's identity-document recognizers, grouped into scrubline's entity types, and the context gate they pass.

Presidio ships a recognizer for each country's identity, tax, VAT, health-insurance, passport, driving-licence and
vehicle-registration number. Most are a shape plus, at best, a check digit: on their own they match about one
random number in ten (a 9-digit passport number is any 9-digit number). So every one of them is reported only
next to one of its own context words ("PESEL", "Reisepass", "number plate"): one pass over the text finds every
such word of every recognizer, and a recognizer's patterns then run only in small windows around its own words.
A text that names no document costs that one pass.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Mapping, Sequence
from types import MappingProxyType

import ahocorasick
from presidio_analyzer import EntityRecognizer
from presidio_analyzer.predefined_recognizers import (
    AuAbnRecognizer,
    AuAcnRecognizer,
    AuMedicareRecognizer,
    AuTfnRecognizer,
    CaSinRecognizer,
    DeBsnrRecognizer,
    DeFuehrerscheinRecognizer,
    DeHandelsregisterRecognizer,
    DeHealthInsuranceRecognizer,
    DeIdCardRecognizer,
    DeKfzRecognizer,
    DeLanrRecognizer,
    DePassportRecognizer,
    DeSocialSecurityRecognizer,
    DeTaxIdRecognizer,
    DeTaxNumberRecognizer,
    DeVatIdRecognizer,
    EsNieRecognizer,
    EsNifRecognizer,
    EsPassportRecognizer,
    FiPersonalIdentityCodeRecognizer,
    InAadhaarRecognizer,
    InGstinRecognizer,
    InPanRecognizer,
    InPassportRecognizer,
    InVehicleRegistrationRecognizer,
    InVoterRecognizer,
    ItDriverLicenseRecognizer,
    ItFiscalCodeRecognizer,
    ItIdentityCardRecognizer,
    ItPassportRecognizer,
    ItVatCodeRecognizer,
    KrBrnRecognizer,
    KrDriverLicenseRecognizer,
    KrFrnRecognizer,
    KrPassportRecognizer,
    KrRrnRecognizer,
    MedicalLicenseRecognizer,
    NgNinRecognizer,
    NgVehicleRegistrationRecognizer,
    NhsRecognizer,
    PhPassportRecognizer,
    PhTinRecognizer,
    PhUmidRecognizer,
    PlPeselRecognizer,
    SeOrganisationsnummerRecognizer,
    SePersonnummerRecognizer,
    SgFinRecognizer,
    SgUenRecognizer,
    ThTninRecognizer,
    TrLicensePlateRecognizer,
    TrNationalIdRecognizer,
    UkDrivingLicenceRecognizer,
    UkPassportRecognizer,
    UkVehicleRegistrationRecognizer,
    UsBankRecognizer,
    UsClaimNumberRecognizer,
    UsHealthInsuranceMemberIdRecognizer,
    UsLicenseRecognizer,
    UsMbiRecognizer,
    UsNpiRecognizer,
    UsPassportRecognizer,
    UsPrescriptionNumberRecognizer,
    UsPriorAuthorizationNumberRecognizer,
    UsProviderTaxIdRecognizer,
    UsReferralNumberRecognizer,
    ZaCompanyRegistrationRecognizer,
    ZaDriverLicenseRecognizer,
    ZaIdNumberRecognizer,
    ZaIncomeTaxNumberRecognizer,
    ZaLicensePlateRecognizer,
    ZaPassportRecognizer,
    ZaTrafficRegisterNumberRecognizer,
    ZaVatNumberRecognizer,
)

from transforms.detectors.rules.compiler import fold_case

__all__ = [
    "CONTEXT_AFTER",
    "CONTEXT_BEFORE",
    "GATED_FAMILIES",
    "NATIONAL_ID",
    "NATIONAL_ID_RECOGNIZERS",
    "ContextGate",
    "context_words",
    "gated_entity_type",
]

NATIONAL_ID = "NATIONAL_ID"

# Identity, tax, VAT, social-security and health-insurance numbers of people (and the tax and VAT numbers of
# businesses, which name sole traders too). The first 17 were scrubline's first set; their context words are
# Presidio's unchanged (less the general ones below).
NATIONAL_ID_RECOGNIZERS: tuple[type[EntityRecognizer], ...] = (
    AuMedicareRecognizer,
    AuTfnRecognizer,
    DeTaxIdRecognizer,
    EsNieRecognizer,
    EsNifRecognizer,
    FiPersonalIdentityCodeRecognizer,
    InAadhaarRecognizer,
    ItFiscalCodeRecognizer,
    KrRrnRecognizer,
    NgNinRecognizer,
    NhsRecognizer,
    PlPeselRecognizer,
    SePersonnummerRecognizer,
    SgFinRecognizer,
    ThTninRecognizer,
    TrNationalIdRecognizer,
    ZaIdNumberRecognizer,
    AuAbnRecognizer,
    CaSinRecognizer,
    DeHealthInsuranceRecognizer,
    DeIdCardRecognizer,
    DeSocialSecurityRecognizer,
    DeTaxNumberRecognizer,
    DeVatIdRecognizer,
    InGstinRecognizer,
    InPanRecognizer,
    InVoterRecognizer,
    ItIdentityCardRecognizer,
    ItVatCodeRecognizer,
    KrBrnRecognizer,
    KrFrnRecognizer,
    PhTinRecognizer,
    PhUmidRecognizer,
    SeOrganisationsnummerRecognizer,
    SgUenRecognizer,
    UsHealthInsuranceMemberIdRecognizer,
    UsMbiRecognizer,
    UsProviderTaxIdRecognizer,
    ZaIncomeTaxNumberRecognizer,
    ZaTrafficRegisterNumberRecognizer,
    ZaVatNumberRecognizer,
)

#: Each gated recognizer under the scrubline entity type it is reported as, in a fixed order.
GATED_FAMILIES: Mapping[str, tuple[type[EntityRecognizer], ...]] = MappingProxyType(
    {
        NATIONAL_ID: NATIONAL_ID_RECOGNIZERS,
        "PASSPORT": (
            DePassportRecognizer,
            EsPassportRecognizer,
            InPassportRecognizer,
            ItPassportRecognizer,
            KrPassportRecognizer,
            PhPassportRecognizer,
            UkPassportRecognizer,
            UsPassportRecognizer,
            ZaPassportRecognizer,
        ),
        "DRIVER_LICENSE": (
            DeFuehrerscheinRecognizer,
            ItDriverLicenseRecognizer,
            KrDriverLicenseRecognizer,
            UkDrivingLicenceRecognizer,
            UsLicenseRecognizer,
            ZaDriverLicenseRecognizer,
        ),
        "VEHICLE_REGISTRATION": (
            DeKfzRecognizer,
            InVehicleRegistrationRecognizer,
            NgVehicleRegistrationRecognizer,
            TrLicensePlateRecognizer,
            UkVehicleRegistrationRecognizer,
            ZaLicensePlateRecognizer,
        ),
        "ACCOUNT_NUMBER": (UsBankRecognizer,),
        # Numbers of a company's register entry, a doctor or practice, and a health claim, authorisation,
        # referral or prescription: identifiers of a record rather than of a person's identity document.
        "ID": (
            AuAcnRecognizer,
            DeBsnrRecognizer,
            DeHandelsregisterRecognizer,
            DeLanrRecognizer,
            MedicalLicenseRecognizer,
            UsClaimNumberRecognizer,
            UsNpiRecognizer,
            UsPrescriptionNumberRecognizer,
            UsPriorAuthorizationNumberRecognizer,
            UsReferralNumberRecognizer,
            ZaCompanyRegistrationRecognizer,
        ),
    }
)

# Context words too general to vouch for a number on their own: "id 8503126123087" is any record's id, "check",
# "account" (an "Account Manager" above a phone number), "bank" ("Bank Street"), "member", "policy", "vehicle",
# "car", "document", "license" (of software) and "pass" occur next to numbers in every kind of text; "ein" and
# "nas" are a German article and a file server, "epic" a backlog item, "sin" a function and "pi" a constant.
# What remains of a recognizer's words names its document.
WEAK_CONTEXT = frozenset(
    """id identity us united states travel document canada ssn
    check save debit account bank member subscriber insurance policy provider taxonomy billing tax payer individual
    license licence permit lic identification driver driving documento carta identità elettronica
    riconoscimento espatrio elettronico italiano viaggio viaggiare estero dogana licenza pass vehicle
    registration plate car reg mot logbook auto fahrzeug pkw lkw zulassung fahrzeugschein firma
    gesellschaft gmbh praxis arztpraxis rente medical certificate auth approval specialty infusion
    referring pharmacy medication kayıt ein nas sin epic pi cms bir seriennummer dokumentennummer
    ausweisdokument""".split()
)

# The names of a family in English, for recognizers whose own words are all general ones above
# (the US driver's licence's are "driver", "license", "permit", ...).
_FAMILY_CONTEXT: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "DRIVER_LICENSE": (
            "driver's license",
            "driver's licence",
            "drivers license",
            "drivers licence",
            "driver license",
            "driver licence",
            "driving licence",
            "driving license",
            "license number",
            "licence number",
            "dl number",
        ),
        "VEHICLE_REGISTRATION": (
            "vehicle registration",
            "registration plate",
            "number plate",
            "license plate",
            "licence plate",
            "plate number",
            "car registration",
        ),
        "ACCOUNT_NUMBER": ("account number", "account no", "bank account"),
    }
)
# Health-insurance member numbers: the recognizer's own words are "member", "subscriber", "insurance", "policy".
_HEALTH_MEMBER_CONTEXT = ("member id", "member number", "subscriber id", "insurance id", "insurance number")

#: How far before a number (from its start) and after it (from its end) one of its words may stand.
CONTEXT_BEFORE = 60
CONTEXT_AFTER = 30
# Longer than any identifier these recognizers match: a window around a word holds every number it may vouch for.
_MAX_VALUE = 64


def gated_entity_type(rec: EntityRecognizer) -> str | None:
    """The scrubline entity type ``rec`` is reported as, or None if it is not a gated (context-only) one."""
    for entity_type, classes in GATED_FAMILIES.items():
        if isinstance(rec, classes):
            return entity_type
    return None


def context_words(rec: EntityRecognizer) -> frozenset[str]:
    """The words that vouch for ``rec``'s numbers: its own context words less the general ones, plus the
    family's English names where its own words are all general."""
    words = {w.casefold() for w in rec.context or []} - WEAK_CONTEXT
    entity_type = gated_entity_type(rec)
    if entity_type is not None and entity_type in _FAMILY_CONTEXT:
        words.update(_FAMILY_CONTEXT[entity_type])
    if isinstance(rec, UsHealthInsuranceMemberIdRecognizer):
        words.update(_HEALTH_MEMBER_CONTEXT)
    return frozenset(words)


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _whole_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands as a word of its own, or as one with a plural "s" ("passports")."""
    if start > 0 and _is_word_char(text[start - 1]):
        return False
    if end < len(text) and text[end] in "sS":
        end += 1
    return end >= len(text) or not _is_word_char(text[end])


class ContextGate:
    """Finds, in one pass, where each recognizer's context words occur, and says where its patterns may run
    and which of their matches such a word vouches for."""

    def __init__(self, recognizers: Sequence[EntityRecognizer]) -> None:
        owners: dict[str, set[str]] = defaultdict(set)
        for rec in recognizers:
            for word in context_words(rec):
                owners[word].add(rec.name)
        self._automaton: ahocorasick.Automaton | None = None
        if owners:
            self._automaton = ahocorasick.Automaton()
            for word in sorted(owners):
                self._automaton.add_word(word, (len(word), tuple(sorted(owners[word]))))
            self._automaton.make_automaton()

    def hits(self, text: str) -> dict[str, list[tuple[int, int]]]:
        """Recognizer name -> the sorted spans of its context words in ``text``: whole words in any letter case
        (a plural "s" allowed), from one pass over the case-folded text."""
        found: dict[str, list[tuple[int, int]]] = defaultdict(list)
        if self._automaton is None:
            return found
        for last, (length, names) in self._automaton.iter(fold_case(text)):
            start, end = last + 1 - length, last + 1
            if _whole_word(text, start, end):
                for name in names:
                    found[name].append((start, end))
        for spans in found.values():
            spans.sort()
        return found

    @staticmethod
    def windows(spans: Sequence[tuple[int, int]], text_length: int) -> list[tuple[int, int]]:
        """Merged stretches of text that hold every number one of ``spans`` (sorted) may vouch for."""
        merged: list[tuple[int, int]] = []
        for start, end in spans:
            ws = max(0, start - CONTEXT_AFTER - _MAX_VALUE)
            we = min(text_length, end + CONTEXT_BEFORE + _MAX_VALUE)
            if merged and ws <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(we, merged[-1][1]))
            else:
                merged.append((ws, we))
        return merged

    @staticmethod
    def vouches(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
        """Whether a word of ``spans`` (sorted) lies wholly within CONTEXT_BEFORE characters before ``start``
        or within CONTEXT_AFTER characters after ``end``."""
        for ws, we in spans[bisect.bisect_left(spans, (start - CONTEXT_BEFORE, -1)) :]:
            if ws >= start:
                break
            if we <= start:
                return True
        for ws, we in spans[bisect.bisect_left(spans, (end, -1)) :]:
            if ws > end + CONTEXT_AFTER:
                break
            if we <= end + CONTEXT_AFTER:
                return True
        return False
