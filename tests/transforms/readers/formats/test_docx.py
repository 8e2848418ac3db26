"""Unit tests for transforms.readers.formats.docx: the text of a Word document, exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.transforms.readers.helpers import rezip
from tests.transforms.readers.office import DOCX_TEXT, LIMITS, assert_fails_with_code, fixture, with_external_entity
from transforms.config import LimitsConfig
from transforms.readers.errors import CorruptDocument, DocumentTooLarge, UnsupportedDocument
from transforms.readers.formats.docx import docx_text


def test_extracted_text_is_exact_and_includes_metadata() -> None:
    data = fixture("review.docx")
    assert docx_text(data, LIMITS) == DOCX_TEXT
    assert docx_text(data, LIMITS) == DOCX_TEXT  # no state carried between calls


def test_dates_are_dropped() -> None:
    assert "2024" not in docx_text(fixture("review.docx"), LIMITS)


@pytest.mark.parametrize(
    "data, exc_type, code, limits",
    [
        (fixture("corrupt.docx"), CorruptDocument, "BadZipFile", LIMITS),
        (b"not a zip at all", CorruptDocument, "BadZipFile", LIMITS),
        (fixture("legacy.doc"), UnsupportedDocument, "OleCompoundFile", LIMITS),
        (fixture("review.docx"), DocumentTooLarge, "TooManyMembers", LimitsConfig(max_archive_members=5)),
    ],
)
def test_failures_raise_a_fixed_code_and_no_message(
    data: bytes, exc_type: type, code: str, limits: LimitsConfig
) -> None:
    assert_fails_with_code(docx_text, data, exc_type, code, limits)


def test_external_entities_are_never_resolved(tmp_path: Path) -> None:
    # python-docx's parser leaves entities unresolved: the reference is dropped, the text around it kept
    secret = tmp_path / "secret.txt"
    secret.write_text("SERVER-SIDE-SECRET", encoding="utf-8")
    change = with_external_entity(secret, lambda b: b.replace(b"Performance review", b"Performance &xxe; review"))
    data = rezip(fixture("review.docx"), "word/document.xml", change)
    assert docx_text(data, LIMITS) == DOCX_TEXT.replace("Performance review", "Performance  review")


def test_a_line_break_inside_a_paragraph_does_not_split_a_value() -> None:
    import io

    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    paragraph = document.add_paragraph("card ")
    for i, group in enumerate(["4111", "1111", "1111", "1111"]):
        run = paragraph.add_run(group)
        if i < 3:
            run.add_break()
    paragraph.add_run().add_break(WD_BREAK.PAGE)
    paragraph.add_run("next page")
    buffer = io.BytesIO()
    document.save(buffer)
    assert docx_text(buffer.getvalue(), LIMITS).endswith("\n\ncard 4111 1111 1111 1111\nnext page")
