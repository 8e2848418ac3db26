"""Word documents (``.docx``): the body, headers, footers, notes, comments and tracked changes."""

from __future__ import annotations

import io
from typing import Any

from transforms.config import LimitsConfig
from transforms.readers.formats.base import guarded, join_blocks, natural_key, section
from transforms.readers.formats.ooxml import check_package, core_properties

__all__ = ["docx_text"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W_P, _W_T, _W_DELTEXT, _W_TAB, _W_BR, _W_CR = (_W + t for t in ("p", "t", "delText", "tab", "br", "cr"))
_W_NOBREAKHYPHEN = _W + "noBreakHyphen"
_W_INS, _W_DEL, _W_MOVE_TO, _W_MOVE_FROM = (_W + t for t in ("ins", "del", "moveTo", "moveFrom"))
_W_COMMENT, _W_AUTHOR, _W_INITIALS = _W + "comment", _W + "author", _W + "initials"
_CHANGE_LABELS = {_W_INS: "Inserted", _W_MOVE_TO: "Moved to", _W_DEL: "Deleted", _W_MOVE_FROM: "Moved from"}
# Part content types read besides the main document, by the suffix that names them, in output order.
_DOCX_PARTS = (
    ("header+xml", "Headers"),
    ("footer+xml", "Footers"),
    ("footnotes+xml", "Footnotes"),
    ("endnotes+xml", "Endnotes"),
)
_DOCX_COMMENTS = "wordprocessingml.comments+xml"


def _run_text(el: Any, out: list[str], *, deleted: bool) -> None:
    """Append the text under ``el`` (not under nested paragraphs), with or without deleted runs."""
    for child in el:
        tag = child.tag
        if tag == _W_P:
            continue  # a text box paragraph: read as a paragraph of its own
        if tag in (_W_DEL, _W_MOVE_FROM):
            if deleted:
                _run_text(child, out, deleted=deleted)
            continue
        if tag == _W_T or (deleted and tag == _W_DELTEXT):
            # Text after an unresolved entity reference is that node's tail; the reference itself is dropped.
            out.append((child.text or "") + "".join(sub.tail or "" for sub in child))
        elif tag == _W_TAB:
            out.append("\t")
        elif tag in (_W_BR, _W_CR):
            # A line break inside a paragraph (Shift+Enter) splits no value: a space, like the line
            # wrap it asks for; a page or column break ends a line.
            out.append("\n" if child.get(_W + "type") in ("page", "column") else " ")
        elif tag == _W_NOBREAKHYPHEN:
            out.append("-")
        else:
            _run_text(child, out, deleted=deleted)


def _paragraph_text(p: Any) -> str:
    out: list[str] = []
    _run_text(p, out, deleted=False)
    return "".join(out)


def _paragraphs(root: Any) -> list[str]:
    """The visible text of every paragraph under ``root``, in document order (tracked insertions in,
    tracked deletions out), one entry per paragraph, empty paragraphs left out."""
    return [t for t in (_paragraph_text(p) for p in root.iter(_W_P)) if t.strip()]


def _tracked_changes(root: Any) -> list[str]:
    lines = []
    for el in root.iter(*_CHANGE_LABELS):
        out: list[str] = []
        _run_text(el, out, deleted=True)
        text = "".join(out)
        if text.strip():
            author = (el.get(_W_AUTHOR) or "").strip()
            by = f" by {author}" if author else ""
            lines.append(f"{_CHANGE_LABELS[el.tag]}{by}: {text.strip()}")
    return lines


def _docx_comments(root: Any) -> list[str]:
    lines = []
    for comment in root.iter(_W_COMMENT):
        author = (comment.get(_W_AUTHOR) or "").strip()
        initials = (comment.get(_W_INITIALS) or "").strip()
        who = f" by {author}" if author else ""
        who += f" ({initials})" if initials else ""
        text = "\n".join(_paragraphs(comment))
        if text or who:
            lines.append(f"Comment{who}: {text}")
    return lines


@guarded
def docx_text(data: bytes, limits: LimitsConfig) -> str:
    """Text of a Word document.

    Layout: core properties (Title, Subject, Author, Last modified by, Keywords, Comments, Category,
    Status, Identifier, Language, Version; one ``Label: value`` line each); the body, one line per
    paragraph in document order (table cells, content controls and text boxes included; tracked
    insertions included, tracked deletions not); then labelled blocks ``Headers:``, ``Footers:``,
    ``Footnotes:``, ``Endnotes:`` (parts in natural part-name order), ``Comments:`` (``Comment by
    <author> (<initials>): <text>``) and ``Tracked changes:`` (``Inserted by <author>: <text>``,
    ``Deleted by ...``, ``Moved to/from by ...``, from every part read).

    Dropped: dates and revision number, extended and custom properties (company, manager...), field
    codes (the instructions behind hyperlinks and fields; their displayed result is kept), the
    authors of formatting changes, charts, SmartArt, embedded objects and images.
    """
    import docx
    from docx.oxml.parser import parse_xml

    check_package(data, limits)
    document = docx.Document(io.BytesIO(data))
    body = document.element
    extra = sorted(
        (p for p in document.part.package.iter_parts() if p is not document.part),
        key=lambda p: natural_key(str(p.partname)),
    )
    roots = [body]
    blocks = [core_properties(document.core_properties), "\n".join(_paragraphs(body))]
    for suffix, label in _DOCX_PARTS:
        lines = []
        for part in extra:
            if part.content_type.endswith("wordprocessingml." + suffix):
                root = parse_xml(part.blob)
                roots.append(root)
                lines.extend(_paragraphs(root))
        blocks.append(section(label, lines))
    comments = []
    for part in extra:
        if part.content_type.endswith(_DOCX_COMMENTS):
            root = parse_xml(part.blob)
            roots.append(root)
            comments.extend(_docx_comments(root))
    blocks.append(section("Comments", comments))
    blocks.append(section("Tracked changes", [line for root in roots for line in _tracked_changes(root)]))
    return join_blocks(*blocks)
