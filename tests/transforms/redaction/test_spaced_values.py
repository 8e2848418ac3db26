"""Tabs, several spaces and other blanks between the digit groups of a value are seen through the way
one space is (issue 15), and the columns of number tables are not glued into values.

All values are made up: test card numbers, the documentation IBANs, fictional phone numbers.
No spaCy model: pattern, credential and checksum detectors."""

from __future__ import annotations

import pytest

from transforms.config import parse_config
from transforms.detectors import build_detectors
from transforms.operators import build_operators
from transforms.records import Document
from transforms.redaction.engine import RedactionEngine
from transforms.redaction.normalize import joined_view, normalize
from transforms.redaction.spaced_values import spaced_values

CFG = parse_config({"detectors": ["presidio", "credentials", "provider_tokens", "context", "labelled_values"]})
ENGINE = RedactionEngine(CFG, build_detectors(CFG), build_operators(CFG, {}))


def _luhn(digits: str) -> bool:
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


# (case id, text, the value in it, the entity type it must be redacted as)
POSITIVES = [
    ("card-double-space", "card 4111  1111  1111  1111 ok", "4111  1111  1111  1111", "CREDIT_CARD"),
    ("card-tab", "card 5145\t4420\t3380\t2215 thanks", "5145\t4420\t3380\t2215", "CREDIT_CARD"),
    (
        "card-mixed-blanks",
        "paid with 4111\u00a0 1111\u2009\u20091111\t1111.",
        "4111\u00a0 1111\u2009\u20091111\t1111",
        "CREDIT_CARD",
    ),
    (
        "card-ideographic",
        "card 4111\u3000\u30001111\u3000\u30001111\u3000\u30001111 ok",
        "4111\u3000\u30001111\u3000\u30001111\u3000\u30001111",
        "CREDIT_CARD",
    ),
    ("card-amex-4-6-5", "amex 3759  876502  43210 ok", "3759  876502  43210", "CREDIT_CARD"),
    ("card-one-wide-gap", "card 4111 1111\t1111 1111 ok", "4111 1111\t1111 1111", "CREDIT_CARD"),
    ("iban-double-space", "pay GB82  WEST  1234  5698  7654  32 ok", "GB82  WEST  1234  5698  7654  32", "IBAN_CODE"),
    ("iban-tab", "pay DE38\t5021\t0417\t8830\t4612\t07 now", "DE38\t5021\t0417\t8830\t4612\t07", "IBAN_CODE"),
    ("phone-national-tab", "sent from 415\t555\t0176 yesterday", "415\t555\t0176", "PHONE_NUMBER"),
    ("phone-national-parens-tab", "sent from (415)\t555\t0176 yesterday", "(415)\t555\t0176", "PHONE_NUMBER"),
    ("phone-international-tab", "sent from +44\t20\t7946\t0958 yesterday", "+44\t20\t7946\t0958", "PHONE_NUMBER"),
    ("ssn-tab", "my ssn is 536\t22\t8145", "536\t22\t8145", "US_SSN"),
    ("ssn-double-space", "SSN  536  22  8145 on file", "536  22  8145", "US_SSN"),
    ("tsv-cell", "ref\tnote\tcity\nr7\tpaid 4111  1111  1111  1111\tLeeds\n", "4111  1111  1111  1111", "CREDIT_CARD"),
    (
        "aligned-row",
        "Ref   Note                          City\nr7    paid 4111  1111  1111  1111   Leeds\n",
        "4111  1111  1111  1111",
        "CREDIT_CARD",
    ),
]


def test_the_positive_values_pass_their_checks() -> None:
    for case_id, _, value, entity in POSITIVES:
        if entity == "CREDIT_CARD":
            assert _luhn("".join(ch for ch in value if ch.isdigit())), case_id


@pytest.mark.parametrize("case_id, text, value, entity", POSITIVES, ids=[c[0] for c in POSITIVES])
def test_value_with_blanks_between_groups_is_found_with_original_offsets(
    case_id: str, text: str, value: str, entity: str
) -> None:
    (out,) = ENGINE.redact([Document("1", text, "s")])
    start = text.index(value)
    assert [(r.entity_type, r.start, r.end) for r in out.redactions] == [(entity, start, start + len(value))], case_id
    assert out.text == f"{text[:start]}<{entity}>{text[start + len(value) :]}", case_id


def test_a_table_of_card_numbers_with_tabs_is_found_row_by_row() -> None:
    rows = ["4111\t1111\t1111\t1111", "5145\t4420\t3380\t2215", "5160\t4420\t3380\t2215"]
    text = "\n".join(rows) + "\n"
    (out,) = ENGINE.redact([Document("1", text, "s")])
    assert out.text == "<CREDIT_CARD>\n<CREDIT_CARD>\n<CREDIT_CARD>\n"
    starts = [text.index(row) for row in rows]
    assert [(r.start, r.end) for r in out.redactions] == [(s, s + len(rows[0])) for s in starts]


def test_spaced_values_gives_value_spans_and_wide_runs() -> None:
    text = "card 4111  1111\t1111 1111 ok"
    assert spaced_values(text) == [(5, 25, [(9, 11), (15, 16)])]
    view = joined_view(normalize(text))
    assert view is not None and view.text == "card 4111 1111 1111 1111 ok"
    assert view.joins == (9, 14)


# A row of four 4-digit amounts that passes the Luhn check, as one row in ten does.
LUHN_ROW = ("4470", "3150", "2260", "5120")
NEGATIVES = [
    ("tsv-amounts", "units\n4500\t3200\t1875\t6120\n" + "\t".join(LUHN_ROW) + "\n4510\t3270\t1805\t6125\n"),
    ("aligned-amounts", "Q1    Q2    Q3    Q4\n4500  3200  1875  6120\n" + "  ".join(LUHN_ROW) + "\n"),
    ("amounts-last-row", "4500  3200  1875  6120\n" + "  ".join(LUHN_ROW)),
    ("label-and-amounts", "widgets\t" + "\t".join(LUHN_ROW) + "\t17"),
    ("five-columns", "5145\t4420\t3380\t2215\t4000"),
    ("id-columns", "ticket 12\t4111\t1111\t1111\t1111"),
    ("years", "2016  2019  2010  2011"),  # passes the Luhn check; no card network opens with 2016
    ("year-range", "Experience  2013  2016  2019  2020"),
    ("log-line", "2024-05-01 12:00:01\t200\t4111\t1111\t1111\t1111\t35ms"),
    ("versions", "numpy  1.26.4  2.0.1  2.1.3"),
    ("ssn-shape-without-cue", "rows  536  22  8145 read"),
    ("ssn-cue-in-a-table", "SSN counts by state\n536  22  8145\n412  31  9000\n"),
    ("nanp-shape-in-a-table", "415\t555\t0176\n300\t120\t4410\n"),
    ("iban-failing-check", "pay GB82  WEST  1234  5698  7654  33 ok"),
    ("card-failing-luhn", "card 4111  1111  1111  1112 ok"),
    ("gap-too-wide", "4111      1111      1111      1111"),
    ("groups-over-lines", "4111\n1111\n1111\n1111"),
    ("timestamps", "12:00:01  4532  0151  1283  0366"),
]


def test_the_table_row_passes_the_luhn_check() -> None:
    assert _luhn("".join(LUHN_ROW)) and _luhn("2016201920102011")
    assert _luhn("51454420" + "33802215") and not _luhn("4111111111111112")


@pytest.mark.parametrize("case_id, text", NEGATIVES, ids=[c[0] for c in NEGATIVES])
def test_number_tables_and_logs_are_not_joined(case_id: str, text: str) -> None:
    assert spaced_values(normalize(text).text) == [], case_id
    assert joined_view(normalize(text)) is None, case_id
