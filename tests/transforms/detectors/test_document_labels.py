"""Identity-document numbers introduced by their label, the way people write them in forms, tables and prose.

Eight languages; every value is invented, and those with a check digit are completed here by their country's
algorithm, so a test never depends on a real number. Each positive case asserts that the whole value is
redacted as its family; each negative case that no document family is reported at all.
"""

from __future__ import annotations

import pytest
from presidio_analyzer import predefined_recognizers

from transforms.config import load_config
from transforms.records import Document, RedactedDocument
from transforms.redaction.engine import RedactionEngine

_FAMILIES = frozenset({"NATIONAL_ID", "US_SSN", "UK_NINO", "PASSPORT", "DRIVER_LICENSE", "VEHICLE_REGISTRATION"})


def _luhn(body: str) -> str:
    total = 0
    for i, c in enumerate(reversed(body)):
        d = int(c) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return body + str((10 - total % 10) % 10)


def _mod11(body: str, weights: range | tuple[int, ...]) -> str:
    check = 11 - sum(int(d) * w for d, w in zip(body, weights, strict=False)) % 11
    assert check != 10, "pick another stem"
    return body + str(0 if check == 11 else check)


def _dni(eight: str) -> str:
    return eight + "TRWAGMYFPDXBNJZSQVHLCKE"[int(eight) % 23]


def _nie(prefix: str, seven: str) -> str:
    return prefix + seven + "TRWAGMYFPDXBNJZSQVHLCKE"[int(str("XYZ".index(prefix)) + seven) % 23]


def _pesel(ten: str) -> str:
    total = sum(int(d) * w for d, w in zip(ten, (1, 3, 7, 9, 1, 3, 7, 9, 1, 3), strict=True))
    return ten + str((10 - total % 10) % 10)


def _bsn(eight: str) -> str:
    check = sum(int(d) * w for d, w in zip(eight, range(9, 1, -1), strict=True)) % 11
    assert check < 10, "pick another stem"
    return eight + str(check)


def _nir(thirteen: str) -> str:
    return thirteen + f"{97 - int(thirteen) % 97:02d}"


def _ahv(nine: str) -> str:
    twelve = "756" + nine
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(twelve))
    return twelve + str((10 - total % 10) % 10)


# The codice fiscale's values of a character in an odd position: digits as the letters A-J, then K-Z.
_CF_ODD_LETTERS = (1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23)
_CF_ODD = dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", _CF_ODD_LETTERS, strict=True)) | dict(
    zip("0123456789", _CF_ODD_LETTERS[:10], strict=True)
)


def _codice_fiscale(fifteen: str) -> str:
    total = sum(_CF_ODD[c] if i % 2 == 0 else (int(c) if c.isdigit() else ord(c) - 65) for i, c in enumerate(fifteen))
    return fifteen + chr(65 + total % 26)


def _de_document(eight: str) -> str:
    """A German identity card or passport number: the 7-3-1 check digit over letters (A=10...) and digits."""
    values = [int(c) if c.isdigit() else ord(c) - 55 for c in eight]
    return eight + str(sum(v * (7, 3, 1)[i % 3] for i, v in enumerate(values)) % 10)


def _pl_id_card(letters: str, five: str) -> str:
    values = [ord(c) - 55 for c in letters] + [int(d) for d in five]
    check = sum(v * w for v, w in zip(values, (7, 3, 1, 7, 3, 1, 7, 3), strict=True)) % 10
    return letters + str(check) + five


SIN = _luhn("27381946")
NHS = _mod11("485777345", range(10, 1, -1))
DNI = _dni("48261937")
NIE = _nie("Y", "3819274")
PESEL = _pesel("8503142718")
BSN = _bsn("27481936")
NIR = _nir("1850375120123")
AHV = _ahv("481273649")
AHV_DOTTED = f"{AHV[:3]}.{AHV[3:7]}.{AHV[7:11]}.{AHV[11:]}"
CF = _codice_fiscale("RSSGNN82L41F205")
PT_NIF = _mod11("24819372", range(9, 1, -1))
PL_ID = _pl_id_card("AXR", "48213")
DE_ID = _de_document("L01X00T4")
DE_PASS = _de_document("C7XJ4K82")
SSN = "412-71-9385"
NIR_SPACED = f"{NIR[0]} {NIR[1:3]} {NIR[3:5]} {NIR[5:7]} {NIR[7:10]} {NIR[10:13]} {NIR[13:]}"

POSITIVES = [
    # forms
    ("Passport No.: 548217396", "548217396", "PASSPORT"),
    ("Passport #: P4827193", "P4827193", "PASSPORT"),
    ("Travel document no. PA1048273", "PA1048273", "PASSPORT"),
    (f"Reisepassnummer: {DE_PASS}", DE_PASS, "PASSPORT"),
    ("Nummer des Reisepasses: C4R9XKT31", "C4R9XKT31", "PASSPORT"),
    ("N° de passeport : 19FV48213", "19FV48213", "PASSPORT"),
    ("Nº de pasaporte: PAA482193", "PAA482193", "PASSPORT"),
    ("N.º do passaporte: CB482193", "CB482193", "PASSPORT"),
    ("passaporto n. YA4827193", "YA4827193", "PASSPORT"),
    ("Documentnummer paspoort: NXP71R2K9", "NXP71R2K9", "PASSPORT"),
    ("seria i numer paszportu: EA 4827193", "EA 4827193", "PASSPORT"),
    (f"Personalausweis-Nr.: {DE_ID}", DE_ID, "NATIONAL_ID"),
    ("Steuerliche Identifikationsnummer: 48 27 19 36 50 3", "48 27 19 36 50 3", "NATIONAL_ID"),
    (f"AHV-Nummer: {AHV_DOTTED}", AHV_DOTTED, "NATIONAL_ID"),
    (f"AHV-Nr. {AHV}", AHV, "NATIONAL_ID"),
    (f"NIR : {NIR_SPACED}", NIR_SPACED, "NATIONAL_ID"),
    (f"N° de sécu : {NIR}", NIR, "NATIONAL_ID"),
    (f"numéro de sécurité sociale (NIR) : {NIR[:13]} {NIR[13:]}", f"{NIR[:13]} {NIR[13:]}", "NATIONAL_ID"),
    (f"mon numéro AVS est {AHV_DOTTED}", AHV_DOTTED, "NATIONAL_ID"),
    (f"N.I.E.: {NIE[0]}-{NIE[1:8]}-{NIE[8]}", f"{NIE[0]}-{NIE[1:8]}-{NIE[8]}", "NATIONAL_ID"),
    (f"D.N.I. nº {DNI}", DNI, "NATIONAL_ID"),
    ("Nº de la Seguridad Social: 28 48213749 51", "28 48213749 51", "NATIONAL_ID"),
    ("número de afiliación a la Seguridad Social: 281234567840", "281234567840", "NATIONAL_ID"),
    ("Cartão de Cidadão n.º 14827193 4 ZX8", "14827193 4 ZX8", "NATIONAL_ID"),
    (f"N.º de contribuinte: {PT_NIF}", PT_NIF, "NATIONAL_ID"),
    (f"cod. fisc. {CF.lower()}", CF.lower(), "NATIONAL_ID"),
    ("Carta d'identità n. CA48213XK", "CA48213XK", "NATIONAL_ID"),
    (f"Burgerservicenummer {BSN[:4]}.{BSN[4:6]}.{BSN[6:]}", f"{BSN[:4]}.{BSN[4:6]}.{BSN[6:]}", "NATIONAL_ID"),
    ("Nummer identiteitskaart: IXP71R2K4", "IXP71R2K4", "NATIONAL_ID"),
    (f"Nr dowodu osobistego: {PL_ID}", PL_ID, "NATIONAL_ID"),
    (f"numer PESEL: {PESEL}", PESEL, "NATIONAL_ID"),
    (f"Social Security Number {SSN.replace('-', ' ')}", SSN.replace("-", " "), "NATIONAL_ID"),
    (f"Social Insurance Number: {SIN[:3]}-{SIN[3:6]}-{SIN[6:]}", f"{SIN[:3]}-{SIN[3:6]}-{SIN[6:]}", "NATIONAL_ID"),
    (f"NHS no: {NHS[:3]} {NHS[3:6]} {NHS[6:]}", f"{NHS[:3]} {NHS[3:6]} {NHS[6:]}", "NATIONAL_ID"),
    ("NI No. qt482719c", "qt482719c", "NATIONAL_ID"),
    ("Medicare card number: 2948 17269 1", "2948 17269 1", "NATIONAL_ID"),
    ("Car reg: KT19 XRW (silver estate)", "KT19 XRW", "VEHICLE_REGISTRATION"),
    # tables whose header names the column
    ("Name,Passport No,Nationality\nA. Kowal,EA4827193,PL", "EA4827193", "PASSPORT"),
    (f"Nom;N° de sécurité sociale;Ville\nDupont;{NIR};Lyon", NIR, "NATIONAL_ID"),
    (f"naam\tBSN\tplaats\nJansen\t{BSN}\tUtrecht", BSN, "NATIONAL_ID"),
    # the value on the line after its caption
    ("Passport:\n  X4R8T2219", "X4R8T2219", "PASSPORT"),
    ("Numéro de passeport :\n21CK07715", "21CK07715", "PASSPORT"),
    (f"**Codice fiscale**\n{CF}", CF, "NATIONAL_ID"),
    (f"NHS number:\n{NHS[:3]}-{NHS[3:6]}-{NHS[6:]}", f"{NHS[:3]}-{NHS[3:6]}-{NHS[6:]}", "NATIONAL_ID"),
    ("- Führerscheinnummer\n  B072RRE2I55", "B072RRE2I55", "DRIVER_LICENSE"),
    # prose
    ("Her passport (no. 19AB48213) expires next May.", "19AB48213", "PASSPORT"),
    ("Mein Reisepass hat die Nummer C4R9XKT31.", "C4R9XKT31", "PASSPORT"),
    (f"Il mio codice fiscale è {CF}.", CF, "NATIONAL_ID"),
    (f"Mój numer PESEL to {PESEL}.", PESEL, "NATIONAL_ID"),
    ("Mijn paspoortnummer is NXP71R2K9.", "NXP71R2K9", "PASSPORT"),
    (f"O meu NIF é {PT_NIF}.", PT_NIF, "NATIONAL_ID"),
]

NEGATIVES = [
    "Passport photo: 2 copies, 35x45 mm, order 48213 at 14:32",
    "The ID card reader on door 3 logged 1284 events on 2024-03-14 09:15:22",
    "Passport fee: 142.50 EUR, paid 2024-05-11",
    "Reisepass beantragt am 12.03.2024, Gebühr 70,00 EUR",
    "Passport:\n12/03/2025",  # a date in the passport's field
    "Bring your passport\n48213 people applied last year",  # the label is no caption, the value no line
    "Passport\n48213 applications were processed",
    "## Passport\n2024 renewals: 48213",
    "My passport has the number of pages you need",
    "SSN (last four): 1234",
    "NHS number: not known",
    "Medicare Part B premium for 2025",
    "passport (see attached)",
    "numéro de sécurité sociale (à compléter) :",
    "id card reader firmware 4.2.1",
]


@pytest.fixture(scope="module")
def engine() -> RedactionEngine:
    config = load_config(None)
    config = config.model_copy(update={"detectors": [d for d in config.detectors if d != "spacy_ner"]})
    return RedactionEngine.from_config(config)


def _redact(engine: RedactionEngine, texts: list[str]) -> list[RedactedDocument]:
    outs = engine.redact([Document(id=f"d{i}", text=t, source="test") for i, t in enumerate(texts)])
    assert all(isinstance(o, RedactedDocument) for o in outs)
    return outs  # type: ignore[return-value]


def test_every_labelled_document_number_is_redacted_as_its_family(engine: RedactionEngine) -> None:
    outs = _redact(engine, [text for text, _, _ in POSITIVES])
    missed = []
    for (text, value, family), out in zip(POSITIVES, outs, strict=True):
        start = text.index(value)
        end = start + len(value)
        covering = [r for r in out.redactions if r.start <= start and r.end >= end]
        expected = {family, "US_SSN"} if family == "NATIONAL_ID" else {family}
        if not any(r.entity_type in expected for r in covering):
            missed.append(text)
    assert missed == []


def test_no_document_family_without_a_labelled_value(engine: RedactionEngine) -> None:
    outs = _redact(engine, NEGATIVES)
    found = [
        (text, text[r.start : r.end], r.entity_type)
        for text, out in zip(NEGATIVES, outs, strict=True)
        for r in out.redactions
        if r.entity_type in _FAMILIES
    ]
    assert found == []


@pytest.mark.parametrize(
    "recognizer, value",
    [
        ("CaSinRecognizer", SIN),
        ("NhsRecognizer", NHS),
        ("EsNifRecognizer", DNI),
        ("EsNieRecognizer", NIE),
        ("PlPeselRecognizer", PESEL),
        ("ItFiscalCodeRecognizer", CF),
        ("DeIdCardRecognizer", DE_ID),
        ("DePassportRecognizer", DE_PASS),
    ],
)
def test_the_invented_values_pass_their_check_digits(recognizer: str, value: str) -> None:
    assert getattr(predefined_recognizers, recognizer)().validate_result(value) is not False
