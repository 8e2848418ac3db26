"""Presidio's identity-document recognizers, grouped into scrubline's entity types, and the context gate they pass.

Presidio ships a recognizer for each country's identity, tax, VAT, health-insurance, passport, driving-licence and
vehicle-registration number. Most are a shape plus, at best, a check digit: on their own they match about one
random number in ten (a 9-digit passport number is any 9-digit number). So every one of them is reported only
next to one of its own context words ("PESEL", "Reisepass", "number plate"): one pass over the text finds every
such word of every recognizer, and a recognizer's patterns then run only in small windows around its own words.
A text that names no document costs that one pass.

A few families are written in a form that says what it is: a date of birth, a sex or century digit and a check
digit or letter ("Z1234567R", a Finnish "170386-472T", a Turkish 11-digit number with its two check digits). Those
(``SELF_EVIDENT``) are also reported without a word naming them, in their distinctive written form only, when the
recognizer's own check confirms them and the value stands apart from the characters around it.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
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
from transforms.lexicon.phrases import phrase_list

__all__ = [
    "CONTEXT_AFTER",
    "CONTEXT_BEFORE",
    "GATED_FAMILIES",
    "NATIONAL_ID",
    "NATIONAL_ID_RECOGNIZERS",
    "SELF_EVIDENT",
    "ContextGate",
    "Evidence",
    "context_words",
    "cue_windows",
    "family_labels",
    "gated_entity_type",
    "merge_windows",
    "self_evident",
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
# The families' labels in eight languages (transforms/lexicon/data/labels.yaml, shared with the labelled_values
# detector): "numéro de passeport", "Führerschein", "rijbewijs", "kenteken", "targa", "codice fiscale", "dowód
# osobisty" name a document whatever number follows. Labels written with a word in capitals ("NIE", "DL number")
# are acronyms that are also words somewhere, and the gate folds case: they are left to the labelled_values
# detector, which matches them as written.
_FAMILY_LABELS: Mapping[str, str] = MappingProxyType(
    {
        NATIONAL_ID: "labels.yaml#national_id",
        "PASSPORT": "labels.yaml#passport",
        "DRIVER_LICENSE": "labels.yaml#driver_license",
        "VEHICLE_REGISTRATION": "labels.yaml#vehicle_registration",
    }
)
# Labels too general to vouch for a number within 60 characters: any record has an "id number", a company a
# "registration number"; "plaque", "placa" and "patente" are also a plaque, a circuit board and a patent.
_GENERAL_LABELS = frozenset(
    (
        "id number",
        "identity number",
        "personal number",
        "tax number",
        "tax id",
        "registration number",
        "reg no",
        "reg number",
        "plaque",
        "placa",
        "patente",
        "contribuinte",
        "cédula",
        "cedula",
        "siren",
        "nss",
        "cif",
    )
)
_ACRONYM = re.compile(r"\b[A-Z]{2,}\b")


@cache
def family_labels(entity_type: str) -> frozenset[str]:
    """The labels of ``entity_type``'s documents in eight languages that may vouch for its numbers, case-folded."""
    reference = _FAMILY_LABELS.get(entity_type)
    if reference is None:
        return frozenset()
    labels = {label.casefold() for label in phrase_list(reference) if _ACRONYM.search(label) is None}
    return frozenset(labels - _GENERAL_LABELS - WEAK_CONTEXT)


# Recognizers whose patterns take almost any identifier (a US member id is 6 to 20 letters and digits, a
# Philippine TIN any 9 or 12 digits, a PAN's last pattern any 10 characters with 4 digits): another document's
# label does not make a number one of theirs, so only their own words vouch for them.
_SHAPELESS: tuple[type[EntityRecognizer], ...] = (
    InPanRecognizer,
    PhTinRecognizer,
    UsHealthInsuranceMemberIdRecognizer,
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
    """The words that vouch for ``rec``'s numbers: its own context words less the general ones, the family's
    English names where its own words are all general, and the family's labels in eight languages."""
    words = {w.casefold() for w in rec.context or []} - WEAK_CONTEXT
    entity_type = gated_entity_type(rec)
    if entity_type is not None:
        words.update(_FAMILY_CONTEXT.get(entity_type, ()))
        if not isinstance(rec, _SHAPELESS):
            words.update(family_labels(entity_type))
    if isinstance(rec, UsHealthInsuranceMemberIdRecognizer):
        words.update(_HEALTH_MEMBER_CONTEXT)
    return frozenset(words)


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


# Scripts written without spaces between words, or with particles glued to them (Korean "여권번호는", Thai):
# a context word in them counts inside a longer word.
_GLUED_SCRIPT = re.compile(r"[\u0e00-\u0e7f\u1100-\u11ff\u3130-\u318f\u4e00-\u9fff\uac00-\ud7a3]")


# Endings a word of six letters or more may take in the listed languages: plurals and cases ("paspoorten",
# "des Reisepasses", "paszportem", "passaporti"). A shorter word takes a plural "s" only.
_ENDINGS = ("s", "es", "en", "n", "e", "u", "em", "i")


def _whole_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands as a word of its own, or as one with a plural "s" ("passports") or, if
    it is six characters or longer, one of ``_ENDINGS``; a word in a script written without spaces always does."""
    if _GLUED_SCRIPT.match(text, start) is not None:
        return True
    if start > 0 and _is_word_char(text[start - 1]):
        return False
    if end >= len(text) or not _is_word_char(text[end]):
        return True
    endings = _ENDINGS if end - start >= 6 else ("s",)
    return any(
        text[end : end + len(e)].casefold() == e
        and (end + len(e) >= len(text) or not _is_word_char(text[end + len(e)]))
        for e in endings
    )


class ContextGate:
    """Finds, in one pass, where each recognizer's context words occur, and says where its patterns may run
    and which of their matches such a word vouches for."""

    def __init__(self, recognizers: Sequence[EntityRecognizer]) -> None:
        owners: dict[str, set[str]] = defaultdict(set)
        for rec in recognizers:
            for word in context_words(rec):
                owners[word].add(rec.name)
        #: The recognizers among ``recognizers`` whose numbers may also stand without a word (``SELF_EVIDENT``).
        self.self_evident_names = frozenset(rec.name for rec in recognizers if type(rec) in SELF_EVIDENT)
        self._automaton: ahocorasick.Automaton | None = None
        if owners:
            self._automaton = ahocorasick.Automaton()
            for word in sorted(owners):
                self._automaton.add_word(word, (len(word), tuple(sorted(owners[word]))))
            self._automaton.make_automaton()

    def hits(self, text: str) -> dict[str, list[tuple[int, int]]]:
        """Recognizer name -> the sorted spans of its context words in ``text``: whole words in any letter case
        (a plural "s" allowed) and with either apostrophe ("driver’s licence"), from one pass over the case-folded
        text."""
        found: dict[str, list[tuple[int, int]]] = defaultdict(list)
        if self._automaton is None:
            return found
        for last, (length, names) in self._automaton.iter(fold_case(text).replace("\u2019", "'")):
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
        return merge_windows(
            (max(0, start - CONTEXT_AFTER - _MAX_VALUE), min(text_length, end + CONTEXT_BEFORE + _MAX_VALUE))
            for start, end in spans
        )

    def search_windows(
        self, name: str, spans: Sequence[tuple[int, int]], cues: Sequence[tuple[int, int]], text_length: int
    ) -> list[tuple[int, int]]:
        """Where recognizer ``name``'s patterns run: around its context words ``spans``, and for a self-evident
        family also in ``cues`` (``cue_windows`` of the text)."""
        windows = self.windows(spans, text_length)
        if name in self.self_evident_names and cues:
            return merge_windows([*windows, *cues])
        return windows

    @staticmethod
    def whole_number(text: str, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` is not a piece of a longer run of digits (some of Presidio's patterns have
        no word boundary: "4827193568" inside "04827193568")."""
        return not ((start > 0 and text[start - 1].isdigit()) or (end < len(text) and text[end].isdigit()))

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


def _one_case(value: str) -> bool:
    """Written in capitals or in lower case throughout: identifiers in code and hashes mix the two."""
    return value in (value.upper(), value.lower())


def _pesel_birth_date(value: str) -> bool:
    """A PESEL's first six digits are a date that exists, its century in the month (+20 for the 2000s, +80 for
    the 1800s, ...)."""
    month, day = int(value[2:4]), int(value[4:6])
    century = {0: 1900, 1: 2000, 2: 2100, 3: 2200, 4: 1800}.get(month // 20)
    if century is None:
        return False
    try:
        date(century + int(value[:2]), month % 20, day)
    except ValueError:
        return False
    return True


def _nric_check_letter(value: str) -> bool:
    """A Singapore NRIC or FIN (S, T, F or G series) ends in the check letter of its seven digits."""
    total = sum(int(d) * w for d, w in zip(value[1:8], (2, 7, 6, 5, 4, 3, 2), strict=True))
    total += 4 if value[0] in "TG" else 0
    letters = "JZIHGFEDCBA" if value[0] in "ST" else "XWUTRQPNMLK"
    return letters[total % 11] == value[8].upper()


@dataclass(frozen=True)
class Evidence:
    """The written form in which a family's number is reported without a word naming it.

    Attributes:
        form: the distinctive form (the whole value must match it, in capitals or in lower case).
        confirmed: the recognizer's own check must confirm the value (True), not merely not reject it (None):
            only families without a public check digit but with a long, structured form need False.
        check: a further test of the value (a birth date that exists), or None.
    """

    form: re.Pattern[str]
    confirmed: bool = True
    check: Callable[[str], bool] | None = None


#: The families reported without context, and the form they must have then. Each was measured for false
#: positives on corpora that hold no such numbers (technical Q&A, CVs, chat, secret-scanner samples); the
#: others stay gated: a Canadian SIN, an NHS number or an Aadhaar number is any 9, 10 or 12-digit number that
#: passes a check digit, one in ten or eleven.
SELF_EVIDENT: Mapping[type[EntityRecognizer], Evidence] = MappingProxyType(
    {
        # 6 letters, 2 digits, a month letter, 2 digits, a letter, 3 digits and a check letter
        ItFiscalCodeRecognizer: Evidence(
            re.compile(r"[A-Z]{6}[0-9LMNP-V]{2}[A-Z][0-9LMNP-V]{2}[A-Z][0-9LMNP-V]{3}[A-Z]")
        ),
        # 8 digits and the check letter (mod 23)
        EsNifRecognizer: Evidence(re.compile(r"[0-9]{8}-?[A-Z]")),
        # X, Y or Z, 7 digits and the check letter
        EsNieRecognizer: Evidence(re.compile(r"[XYZ][0-9]{7}-?[A-Z]")),
        # a date of birth, the century sign, 3 digits and the check character
        FiPersonalIdentityCodeRecognizer: Evidence(re.compile(r"[0-9]{6}[-+A-FU-Y][0-9]{3}[0-9A-Y]")),
        # a date of birth (with its century, or with the "-" or "+" before the last four), Luhn
        SePersonnummerRecognizer: Evidence(re.compile(r"(?:18|19|20)[0-9]{6}[-+]?[0-9]{4}|[0-9]{6}[-+][0-9]{4}")),
        # 11 digits, two check digits
        TrNationalIdRecognizer: Evidence(re.compile(r"[1-9][0-9]{10}")),
        # a date of birth, sex, citizenship, Luhn (Presidio's check covers all of them)
        ZaIdNumberRecognizer: Evidence(re.compile(r"[0-9]{13}")),
        # a date of birth with its century in the month, a check digit
        PlPeselRecognizer: Evidence(re.compile(r"[0-9]{11}"), check=_pesel_birth_date),
        # a date of birth, "-", sex and region digits, a check digit
        KrRrnRecognizer: Evidence(re.compile(r"[0-9]{6}-[0-9]{7}")),
        KrFrnRecognizer: Evidence(re.compile(r"[0-9]{6}-[0-9]{7}")),
        # "DE" and 9 digits, ISO 7064 check digit
        DeVatIdRecognizer: Evidence(re.compile(r"DE[ .\-]?[0-9]{3}[ .\-]?[0-9]{3}[ .\-]?[0-9]{3}")),
        # area, a date of birth, the initial of the birth name, serial, check digit
        DeSocialSecurityRecognizer: Evidence(re.compile(r"[0-9]{8}[A-Z][0-9]{3}")),
        # state code, a PAN, entity number, "Z" and a last character (Presidio checks the structure, not the last
        # character): 15 characters in this order are nothing else
        InGstinRecognizer: Evidence(re.compile(r"[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][0-9A-Z]Z[0-9A-Z]")),
        # S, T, F or G, 7 digits and the check letter (Presidio has no check for it; the letter is checked here)
        SgFinRecognizer: Evidence(re.compile(r"[STFG][0-9]{7}[A-Z]"), confirmed=False, check=_nric_check_letter),
        # 5 letters of the surname, a date of birth with the sex in the month, initials, digit, 2 letters:
        # no public check digit, but no other identifier has this form
        UkDrivingLicenceRecognizer: Evidence(re.compile(r"[A-Z9]{5}[0-9]{6}[A-Z9]{2}[0-9][A-Z]{2}"), confirmed=False),
    }
)

# Where a self-evident number may be: one of the forms, standing apart. One scan of the text finds them all;
# the recognizers' own patterns then run only around these.
_CUE = re.compile(
    "(?<![0-9A-Za-z])(?:" + "|".join(e.form.pattern for e in SELF_EVIDENT.values()) + ")(?![0-9A-Za-z])",
    re.IGNORECASE,
)
# Room around a cue for the recognizers' own look-arounds and word boundaries.
_CUE_REACH = 24
# A value glued to these is part of something longer: a phone number ("+"), a path, a version, an address.
_GLUED = frozenset("+-./_@\\")


def _stands_apart(text: str, start: int, end: int) -> bool:
    """No letter, digit or joining character right before or after ``text[start:end]``."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before.isalnum() or before in _GLUED or after.isalnum() or after in "-_/@\\+":
        return False
    return not (after == "." and end + 1 < len(text) and text[end + 1].isalnum())


def self_evident(rec: EntityRecognizer, text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, matched by ``rec``, is reported without a word naming it: ``rec`` is one of
    ``SELF_EVIDENT``, the value has its family's form, passes its checks and stands apart from its neighbours."""
    evidence = SELF_EVIDENT.get(type(rec))
    if evidence is None:
        return False
    value = text[start:end]
    if not _one_case(value) or evidence.form.fullmatch(value.upper()) is None or not _stands_apart(text, start, end):
        return False
    validation = rec.validate_result(value)
    if validation is False or (evidence.confirmed and validation is not True):
        return False
    return evidence.check is None or evidence.check(value)


def merge_windows(windows: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """``windows`` sorted, overlapping or touching ones merged into one."""
    merged: list[tuple[int, int]] = []
    for ws, we in sorted(windows):
        if merged and ws <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(we, merged[-1][1]))
        else:
            merged.append((ws, we))
    return merged


def cue_windows(text: str) -> list[tuple[int, int]]:
    """Merged stretches of ``text`` that hold every number a ``SELF_EVIDENT`` family may report there."""
    return merge_windows(
        (max(0, m.start() - _CUE_REACH), min(len(text), m.end() + _CUE_REACH)) for m in _CUE.finditer(text)
    )
