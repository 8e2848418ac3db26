"""Unit tests for transforms.readers.formats.pptx: the text of a PowerPoint presentation, exactly."""

from __future__ import annotations

import pytest

from tests.transforms.readers.office import LIMITS, PPTX_TEXT, assert_fails_with_code, fixture
from transforms.config import LimitsConfig
from transforms.readers.errors import CorruptDocument, DocumentTooLarge
from transforms.readers.formats.pptx import pptx_text


def test_extracted_text_is_exact_and_includes_metadata() -> None:
    data = fixture("hiring.pptx")
    assert pptx_text(data, LIMITS) == PPTX_TEXT
    assert pptx_text(data, LIMITS) == PPTX_TEXT  # no state carried between calls


@pytest.mark.parametrize(
    "data, exc_type, code, limits",
    [
        (fixture("review.docx"), CorruptDocument, "ValueError", LIMITS),  # a Word package under a .pptx name
        (fixture("hiring.pptx"), DocumentTooLarge, "ArchiveTooLarge", LimitsConfig(max_archive_total_bytes=1000)),
    ],
)
def test_failures_raise_a_fixed_code_and_no_message(
    data: bytes, exc_type: type, code: str, limits: LimitsConfig
) -> None:
    assert_fails_with_code(pptx_text, data, exc_type, code, limits)


def test_a_line_break_inside_a_paragraph_does_not_split_a_value() -> None:
    import io

    import pptx
    from pptx.util import Inches

    deck = pptx.Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    frame = slide.shapes.add_textbox(Inches(1), Inches(1), Inches(6), Inches(1)).text_frame
    frame.paragraphs[0].add_run().text = "card "
    for i, group in enumerate(["4111", "1111", "1111", "1111"]):
        if i:
            frame.paragraphs[0].add_line_break()
        frame.paragraphs[0].add_run().text = group
    frame.add_paragraph().text = "next paragraph"
    buffer = io.BytesIO()
    deck.save(buffer)
    assert pptx_text(buffer.getvalue(), LIMITS).endswith("Slide 1:\ncard 4111 1111 1111 1111\nnext paragraph")
