"""The labelled-value checks, each on the value span a rule would hand it."""

from __future__ import annotations

import pytest

from transforms.detectors.label_checks import (
    birth_date,
    case_number,
    label_identifier,
    label_password,
    label_username,
    month_number,
)
from transforms.detectors.rules import RuleMatch


def _match(text: str, value: str, sep: str | None = ": ") -> RuleMatch:
    start = text.index(value)
    groups = {} if sep is None else {"sep": (start - len(sep), start)}
    return RuleMatch(text, start, start + len(value), 0, len(text), groups)


def _value(result: object, text: str) -> str | None:
    return text[result[0] : result[1]] if isinstance(result, tuple) else None


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        ("pw: Tr0ub4dor9.", "Tr0ub4dor9.", "Tr0ub4dor9"),
        ("pw: hunter22!", "hunter22!", "hunter22!"),
        ("pw: 'Quiet Lake 7'", "'Quiet Lake 7'", None),  # a space: not one literal
        ("PIN: 4417", "4417", "4417"),
        ("pw: ********", "********", None),
        ("pw: ${DB_PASS}", "${DB_PASS}", None),
        ("pw: os.environ['X']", "os.environ['X']", None),
        ("pw: Sommer", "Sommer", None),
        ("pw: username", "username", None),
        ("pw: your-password-here", "your-password-here", None),
        ("pw: !vault |", "!vault", None),  # a YAML tag on the node after it
        ("pw: !Tulip9x", "!Tulip9x", "!Tulip9x"),
        ("pw: (see the vault)", "(see", None),
        ("pw: (Tulip9x)", "(Tulip9x)", "(Tulip9x)"),
        ("password https://ci.example.com", "//ci.example.com", None),  # the qualifier took the scheme
        ("pw: Winter(2024)", "Winter(2024)", "Winter(2024)"),
        ("pw: DB_PASSWORD", "DB_PASSWORD", None),  # a constant's name
        ("pw: SUMMER_2024", "SUMMER_2024", "SUMMER_2024"),
    ],
)
def test_label_password(text: str, value: str, expected: str | None) -> None:
    assert _value(label_password(_match(text, value), min_chars=4, max_chars=64), text) == expected


def test_label_password_needs_quotes_after_blanks_alone() -> None:
    text = "password Xk29fLq"
    assert label_password(_match(text, "Xk29fLq", sep=" "), min_chars=4, max_chars=64) is False


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("jdoe", "jdoe"),
        ("k.okafor", "k.okafor"),
        ("root", "root"),
        ("required", None),
        ("Alle", None),
        ("<name>", None),
        ("SERVICE_USER", None),
    ],
)
def test_label_username(value: str, expected: str | None) -> None:
    text = f"user: {value}"
    assert _value(label_username(_match(text, value)), text) == expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        ("no. KR-4471 of 2020", "KR-4471 of 2020", "KR-4471"),
        ("NI: QQ 12 34 56 C", "QQ 12 34 56 C", "QQ 12 34 56 C"),
        ("no. X8812230 issued", "X8812230 issued", "X8812230"),
        ("no. 7", "7", None),
        ("no. unknown", "unknown", None),
    ],
)
def test_label_identifier(text: str, value: str, expected: str | None) -> None:
    result = label_identifier(_match(text, value), min_chars=3, max_chars=40, min_digits=1)
    assert _value(result, text) == expected


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("03.04.1979", True),
        ("12/31/1980", True),
        ("1975-02-28", True),
        ("31/02/1980", False),
        ("01.01.2399", False),
        ("3. März 1981", True),
        ("12 maja 1990", True),
        ("5 de mayo de 1992", True),
        ("March 9, 1988", True),
        ("40 March 1988", False),
    ],
)
def test_birth_date(value: str, ok: bool) -> None:
    text = f"dob: {value}"
    assert (_value(birth_date(_match(text, value)), text) == value) is ok


def test_month_number_reads_every_language() -> None:
    assert [month_number(w) for w in ("Jan.", "märz", "kwietnia", "août", "dez", "nope")] == [1, 3, 4, 8, 12, None]


def test_label_identifier_glued_to_a_letter_is_no_value() -> None:
    glued = _match("QARV2016", "V2016", sep="")
    assert label_identifier(glued, min_chars=3, max_chars=40, min_digits=1) is False
    after_sign = _match("order #5581", "5581", sep="")
    assert _value(label_identifier(after_sign, min_chars=3, max_chars=40, min_digits=1), "order #5581") == "5581"


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        ("user mbianchi, password", "mbianchi,", "mbianchi"),  # a plain word that ends a list item
        ("user fverdi_22 and", "fverdi_22", "fverdi_22"),
        ("user biuro.gosc now", "biuro.gosc", "biuro.gosc"),
        ("user mbianchi and", "mbianchi", None),  # a plain word in running text
        ("user web-based tools", "web-based", None),  # a hyphen alone joins words
        ("user Kbauer7,", "Kbauer7,", None),
        ("user experience,", "experience,", None),  # a common word
    ],
)
def test_label_username_after_a_blank_alone(text: str, value: str, expected: str | None) -> None:
    match = _match(text, value, sep=" ")
    assert _value(label_username(match, allow_bare=True), text) == expected
    assert label_username(match) is False  # only where the rule allows it


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2 BvR 1187/19 -", "2 BvR 1187/19"),
        ("VI ZR 455/19", "VI ZR 455/19"),
        ("5Ob123/19k", "5Ob123/19k"),
        ("3 O 112/21 LG Bonn", "3 O 112/21"),  # the court's letters after the number are not part of it
        ("I C 1187/21 WYROK", "I C 1187/21"),
        ("C/13/712290 / HA ZA 22-118", "C/13/712290 / HA ZA 22-118"),
        ("21/04471", "21/04471"),
        ("20-14.771.", "20-14.771"),
        ("2021/AR/1187", "2021/AR/1187"),
        ("HQ19X01187", "HQ19X01187"),
        ("10001:", None),  # digits alone: a switch's case
        ("12/03/2024", None),  # a date
        ("2019-2020", None),  # years
        ("2.4.1", None),  # a version
        ("1.250 euros", None),  # an amount
        ("Mar 2011", None),
        ("http://example.org/a1/b2", None),
        ("de l'avocat", None),
        ("12", None),
    ],
)
def test_case_number(value: str, expected: str | None) -> None:
    text = f"Az. {value}"
    assert _value(case_number(_match(text, value, sep=" ")), text) == expected
