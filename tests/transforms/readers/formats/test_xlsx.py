"""Unit tests for transforms.readers.formats.xlsx: the text of an Excel workbook, exactly."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from tests.transforms.readers.helpers import rezip
from tests.transforms.readers.office import LIMITS, XLSX_TEXT, assert_fails_with_code, fixture, with_external_entity
from transforms.readers.errors import CorruptDocument
from transforms.readers.formats.xlsx import cell_text, xlsx_text


def test_extracted_text_is_exact_and_includes_metadata() -> None:
    data = fixture("payroll.xlsx")
    assert xlsx_text(data, LIMITS) == XLSX_TEXT
    assert xlsx_text(data, LIMITS) == XLSX_TEXT  # no state carried between calls


@pytest.mark.parametrize(
    "value, text",
    [
        (None, ""),
        (True, "TRUE"),
        (False, "FALSE"),
        (90000, "90000"),
        (90000.0, "90000"),
        (81250.5, "81250.5"),
        (0.1, "0.1"),
        (1e20, "1e+20"),
        (float("nan"), "nan"),
        (datetime(2021, 3, 1, 9, 30), "2021-03-01T09:30:00"),
        (date(2021, 3, 1), "2021-03-01"),
        (time(9, 30), "09:30:00"),
        (timedelta(hours=26, minutes=5), "1 day, 2:05:00"),
        ("#N/A", "#N/A"),
    ],
)
def test_cell_values_render_without_locale(value: object, text: str) -> None:
    assert cell_text(value) == text


@pytest.mark.parametrize(
    "data, code",
    [
        (fixture("review.docx"), "OSError"),  # a Word package under an .xlsx name
        (b"PK\x03\x04 truncated", "BadZipFile"),
    ],
)
def test_failures_raise_a_fixed_code_and_no_message(data: bytes, code: str) -> None:
    assert_fails_with_code(xlsx_text, data, CorruptDocument, code)


def test_external_entities_are_never_resolved(tmp_path: Path) -> None:
    # openpyxl parses through defusedxml, which refuses the entity declaration: the workbook is corrupt
    secret = tmp_path / "secret.txt"
    secret.write_text("SERVER-SIDE-SECRET", encoding="utf-8")
    change = with_external_entity(secret, lambda b: b.replace(b"<t>Name</t>", b"<t>&xxe;</t>"))
    data = rezip(fixture("payroll.xlsx"), "xl/worksheets/sheet1.xml", change)
    with pytest.raises(CorruptDocument) as info:
        xlsx_text(data, LIMITS)
    assert info.value.error_class == "ValueError"
