"""PowerPoint presentations (``.pptx``): the text of every slide and its speaker notes."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from typing import Any

from transforms.config import LimitsConfig
from transforms.readers.formats.base import guarded, join_blocks
from transforms.readers.formats.ooxml import check_package, core_properties

__all__ = ["pptx_text"]


def _shape_lines(shapes: Iterable[Any]) -> Iterator[str]:
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    for shape in shapes:
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            yield from _shape_lines(shape.shapes)
            continue
        if shape.has_text_frame:
            yield from _text_frame_lines(shape.text_frame)
        if getattr(shape, "has_table", False) and shape.has_table:
            for row in shape.table.rows:
                for cell in row.cells:
                    yield from _text_frame_lines(cell.text_frame)


def _text_frame_lines(frame: Any) -> Iterator[str]:
    for paragraph in frame.paragraphs:
        # python-pptx renders a line break (<a:br/>) as a vertical tab. Like <w:br/> in Word, it is a
        # space: a value typed over a soft break ("4111<br/>1111 ...") must reach detection whole.
        text = paragraph.text.replace("\v", " ")
        if text.strip():
            yield text


@guarded
def pptx_text(data: bytes, limits: LimitsConfig) -> str:
    """Text of a PowerPoint presentation.

    Layout: core properties (as for .docx); then one block per slide, in order: ``Slide <n>:``, the
    text of its shapes in z-order (groups descended, tables cell by cell, one line per paragraph; a
    line break inside a paragraph is a space), then ``Notes:`` and the speaker notes.

    Dropped: dates and revision number, extended and custom properties, comments, text on slide
    layouts and masters, charts, SmartArt, pictures' alternative text.
    """
    import pptx

    check_package(data, limits)
    presentation = pptx.Presentation(io.BytesIO(data))
    blocks = [core_properties(presentation.core_properties)]
    for n, slide in enumerate(presentation.slides, start=1):
        lines = [f"Slide {n}:", *_shape_lines(slide.shapes)]
        if slide.has_notes_slide and slide.notes_slide.notes_text_frame is not None:
            notes = list(_text_frame_lines(slide.notes_slide.notes_text_frame))
            if notes:
                lines += ["Notes:", *notes]
        blocks.append("\n".join(lines))
    return join_blocks(*blocks)
