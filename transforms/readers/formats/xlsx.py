"""Excel workbooks (``.xlsx``): every sheet's cell values, headers, footers and comments."""

from __future__ import annotations

import io
import math
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from typing import Any

from transforms.config import LimitsConfig
from transforms.readers.formats.base import guarded, join_blocks, property_lines
from transforms.readers.formats.ooxml import check_package

__all__ = ["cell_text", "xlsx_text"]

_XLSX_PROPERTIES = (
    ("title", "Title"),
    ("subject", "Subject"),
    ("creator", "Author"),
    ("lastModifiedBy", "Last modified by"),
    ("keywords", "Keywords"),
    ("description", "Comments"),
    ("category", "Category"),
    ("contentStatus", "Status"),
    ("identifier", "Identifier"),
    ("language", "Language"),
    ("version", "Version"),
)
_HEADER_FOOTERS = (
    ("oddHeader", "Header"),
    ("oddFooter", "Footer"),
    ("evenHeader", "Even page header"),
    ("evenFooter", "Even page footer"),
    ("firstHeader", "First page header"),
    ("firstFooter", "First page footer"),
)


def cell_text(value: Any) -> str:
    """A cell value as text, independent of locale: ISO dates, ``repr`` floats, TRUE/FALSE."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    return str(value)


def _header_footer_lines(ws: Any) -> Iterator[str]:
    for attr, label in _HEADER_FOOTERS:
        item = getattr(ws, attr, None)
        if item is None:
            continue
        parts = [getattr(getattr(item, side, None), "text", None) for side in ("left", "center", "right")]
        text = "\t".join(p for p in parts if p)
        if text.strip():
            yield f"{label}: {text}"


@guarded
def xlsx_text(data: bytes, limits: LimitsConfig) -> str:
    """Text of an Excel workbook.

    Layout: core properties (as for .docx); then one block per sheet, in workbook order (hidden sheets
    included): ``Sheet: <name>``, one line per non-empty row with cell values separated by tabs
    (trailing empty cells dropped; values as last computed by the spreadsheet application, dates in
    ISO 8601, whole floats without ``.0``, booleans TRUE/FALSE), then header and footer lines
    (``Header: ...``, ``Footer: ...``, even and first page variants; Excel's ``&`` format codes kept)
    and cell comments (``Comment on <cell> by <author>: <text>``).

    Dropped: formulas (their cached values are kept; a formula never computed by a spreadsheet
    application has no value), dates and revision number, extended and custom properties, defined
    names, data validation lists, charts, images and pivot caches.
    """
    import openpyxl

    check_package(data, limits)
    wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True, keep_links=False, rich_text=False)
    p = wb.properties
    blocks = [property_lines((label, getattr(p, attr, None)) for attr, label in _XLSX_PROPERTIES)]
    for name in wb.sheetnames:
        ws = wb[name]
        lines = [f"Sheet: {name}"]
        comments = []
        for row in ws.iter_rows() if hasattr(ws, "iter_rows") else ():
            values = [cell_text(cell.value) for cell in row]
            while values and not values[-1].strip():
                values.pop()
            if values:
                lines.append("\t".join(values))
            for cell in row:
                comment = getattr(cell, "comment", None)
                if comment is not None and (comment.text or "").strip():
                    by = f" by {comment.author.strip()}" if (comment.author or "").strip() else ""
                    comments.append(f"Comment on {cell.coordinate}{by}: {comment.text.strip()}")
        lines.extend(_header_footer_lines(ws))
        lines.extend(comments)
        blocks.append("\n".join(lines))
    wb.close()
    return join_blocks(*blocks)
