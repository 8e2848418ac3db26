"""The leak scanner finds a canary in each form and on each surface it claims to search.

A scanner that misses a form would let the adversarial suite pass over a leak, so each form is
planted on its own in a fake output folder and must be reported exactly there.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.adversarial.cases import Case
from tests.adversarial.scan import digits, find_leaks, skeleton
from tests.adversarial.values import Canary, canary, luhn_digit

CARD = canary("card", 7)
EMAIL = canary("email", 8)
PERSON = canary("person", 9)


def _case(c: Canary, written: str = "") -> Case:
    return Case("scan", "jsonl_text", "probe", 0, c, written or c.value)


def _write_parquet(path: Path, column: pa.Array, compression: str = "zstd") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    ids = pa.array([f"r{i}" for i in range(len(column))])
    pq.write_table(pa.table({"id": ids, "text": column}), path, compression=compression)


def _leaks(case: Case, out: Path, console: dict[str, str] | None = None) -> set[tuple[str, str]]:
    return {(leak.form, leak.surface) for leak in find_leaks([case], out, console or {}) if leak.case == case.cid}


def test_canary_values_are_valid_and_distinct() -> None:
    card_digits = digits(CARD.value)
    assert len(card_digits) == 16 and luhn_digit(card_digits[:-1]) == card_digits[-1]
    assert canary("card", 7) == CARD and canary("card", 6).value != CARD.value
    assert skeleton("4539\u200b0000") == "45390000" and skeleton("\uff21\u0301B") == "ab"
    assert digits("\u0664\u0665 \U0001d7d1") == "453"


@pytest.mark.parametrize(
    "c, cell, forms",
    [
        (CARD, f"x {CARD.value} y", {"value", "as written", "NFKC value", "digits only", "skeleton"}),
        (CARD, "x " + CARD.value.replace(" ", "\u200b") + " y", {"digits only", "skeleton", "digits of unique part"}),
        (CARD, "x " + CARD.value.translate({ord(d): chr(0x0660 + int(d)) for d in "0123456789"}), {"digits only"}),
        (EMAIL, f"to {EMAIL.value.upper()}", {"lower case", "NFKC value", "skeleton", "unique part"}),
        (EMAIL, f"only {EMAIL.core} left", {"unique part", "skeleton of unique part"}),
    ],
    ids=["plain", "zero_width", "arabic_indic_digits", "upper_case", "unique_part_only"],
)
def test_each_form_is_found_in_a_decoded_parquet_cell(tmp_path: Path, c: Canary, cell: str, forms: set[str]) -> None:
    _write_parquet(tmp_path / "records" / "part-0.parquet", pa.array([cell]))
    found = {form for form, surface in _leaks(_case(c), tmp_path) if surface == "records/part-0.parquet column text"}
    assert forms <= found
    assert {form for form, _ in _leaks(_case(c), tmp_path)} >= forms


def test_binary_cells_json_files_file_names_raw_bytes_and_console_are_searched(tmp_path: Path) -> None:
    _write_parquet(tmp_path / "quarantine" / "q.parquet", pa.array([PERSON.value.encode()], pa.binary()), "none")
    (tmp_path / "manifest.json").write_text(json.dumps({"note": f"{PERSON.core} was here"}), encoding="utf-8")
    (tmp_path / "records").mkdir()
    (tmp_path / "records" / f"{PERSON.core}.txt").write_text("x", encoding="utf-8")
    found = _leaks(_case(PERSON), tmp_path, {"stderr": f"error near {PERSON.value}"})
    assert ("value", "quarantine/q.parquet column text") in found
    assert ("value (UTF-8 bytes)", "quarantine/q.parquet (raw bytes)") in found  # uncompressed page
    assert ("unique part", "manifest.json") in found
    assert ("unique part", "file names") in found
    assert ("value", "stderr") in found


def test_a_clean_output_has_no_leak_and_matches_do_not_span_two_cells(tmp_path: Path) -> None:
    half = len(CARD.value) // 2
    _write_parquet(tmp_path / "records" / "p.parquet", pa.array([CARD.value[:half], CARD.value[half:]]))
    assert find_leaks([_case(CARD)], tmp_path, {"logs": "read 1, written 1"}) == set()


INTL = canary("person_intl", 10)


@pytest.mark.parametrize(
    "cell, form",
    [
        (repr(INTL.value.encode()), "bytes literal"),
        (json.dumps(repr(INTL.value.encode())), "bytes literal in JSON"),
        (json.dumps(INTL.value), "JSON escapes"),
        (INTL.value.encode().decode("cp437"), "cp437 mojibake"),
        (INTL.core.encode().decode("latin-1"), "latin-1 mojibake of unique part"),
    ],
    ids=["bytes_literal", "bytes_literal_in_json", "json_escapes", "cp437", "latin1_unique_part"],
)
def test_escaped_spellings_of_a_non_ascii_value_are_found(tmp_path: Path, cell: str, form: str) -> None:
    _write_parquet(tmp_path / "records" / "p.parquet", pa.array([f"meta {cell} end"]))
    assert (form, "records/p.parquet column text") in _leaks(_case(INTL), tmp_path)
