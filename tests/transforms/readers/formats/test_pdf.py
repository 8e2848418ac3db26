"""Unit tests for transforms.readers.formats.pdf: the text layer and properties of a PDF, exactly."""

from __future__ import annotations

import io
import logging

import pytest

from tests.transforms.readers.office import LIMITS, PDF_TEXT, assert_fails_with_code, fixture
from transforms.readers.errors import CorruptDocument, UnsupportedDocument
from transforms.readers.formats.pdf import pdf_text


def test_extracted_text_is_exact_and_includes_metadata() -> None:
    data = fixture("reference.pdf")
    assert pdf_text(data, LIMITS) == PDF_TEXT
    assert pdf_text(data, LIMITS) == PDF_TEXT  # no state carried between calls


def test_dates_are_dropped() -> None:
    assert "2024" not in pdf_text(fixture("reference.pdf"), LIMITS)


@pytest.mark.parametrize(
    "data, code",
    [
        (b"%PDF-1.7\n garbage", "PdfStreamError"),
        (b"", "EmptyFileError"),
    ],
)
def test_failures_raise_a_fixed_code_and_no_message(data: bytes, code: str) -> None:
    assert_fails_with_code(pdf_text, data, CorruptDocument, code)


def test_encrypted_pdf_is_unsupported() -> None:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(fixture("reference.pdf")))
    writer.encrypt(user_password="Okafor-1", owner_password="o", algorithm="RC4-128")
    locked = io.BytesIO()
    writer.write(locked)
    with pytest.raises(UnsupportedDocument) as info:
        pdf_text(locked.getvalue(), LIMITS)
    assert info.value.error_class == "Encrypted"

    writer = pypdf.PdfWriter(clone_from=io.BytesIO(fixture("reference.pdf")))
    writer.encrypt(user_password="", owner_password="o", algorithm="RC4-128")  # restrictions only
    readable = io.BytesIO()
    writer.write(readable)
    assert "Tobias Lindqvist worked with us" in pdf_text(readable.getvalue(), LIMITS)


def test_pdf_repairs_are_not_logged(caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]) -> None:
    """pypdf warns, quoting the file, when it repairs a PDF; none of it may reach a log or the console."""
    data = fixture("reference.pdf")
    broken = data[: data.rindex(b"startxref")] + b"startxref\n9\n%%EOF\n"  # wrong xref offset: repaired
    caplog.set_level(logging.DEBUG)
    assert pdf_text(broken, LIMITS) == PDF_TEXT
    assert caplog.records == []
    assert capfd.readouterr() == ("", "")
