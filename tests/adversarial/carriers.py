"""Bytes of the files that carry canaries: HTML, e-mail, Word, zip, gzip and Parquet.

Every builder is deterministic (fixed zip timestamps, fixed document properties), so a case plants
the same bytes on every run.
"""

from __future__ import annotations

import base64
import gzip
import io
import json
import zipfile
from collections.abc import Callable, Sequence
from email.header import Header

import pyarrow as pa
import pyarrow.parquet as pq

__all__ = [
    "DOCX_STYLES",
    "HTML_STYLES",
    "docx_bytes",
    "docx_with_properties",
    "eml_bytes",
    "encrypted_zip",
    "gz_bytes",
    "html_bytes",
    "html_value",
    "jsonl_line",
    "parquet_bytes",
    "pptx_bytes",
    "zip_bytes",
    "zip_without_utf8_flag",
]

_ZIP_DATE = (2024, 1, 2, 3, 4, 6)


def jsonl_line(record: dict[str, object]) -> str:
    """One JSONL line; non-ASCII characters (NEL, U+2028, ...) are written raw, not escaped."""
    return json.dumps(record, ensure_ascii=False)


def _wrap(open_tag: str, close_tag: str) -> Callable[[str], str]:
    return lambda piece: f"{open_tag}{piece}{close_tag}"


def _entities(piece: str) -> str:
    return "".join(f"&#{ord(ch)};" for ch in piece)


def _hex_entities(piece: str) -> str:
    return "".join(f"&#x{ord(ch):x};" for ch in piece)


# Inline markup around each piece of a value; the pieces are joined by the value's own separator.
HTML_WRAPS: dict[str, Callable[[str], str]] = {
    "b": _wrap("<b>", "</b>"),
    "span": _wrap('<span class="x">', "</span>"),
    "em": _wrap("<em>", "</em>"),
    "a": _wrap('<a href="#n">', "</a>"),
    "code": _wrap("<code>", "</code>"),
    "font": _wrap('<font color="red">', "</font>"),
    "nested": _wrap("<span><b><i>", "</i></b></span>"),
    "mark": _wrap("<mark>", "</mark>"),
    "dec_entities": _entities,
    "hex_entities": _hex_entities,
}
# Markup between the pieces, in place of the separator.
HTML_JOINS: dict[str, str] = {
    "wbr": "<wbr>",
    "comment": "<!-- x -->",
    "shy_entity": "&shy;",
    "zwsp_entity": "&#8203;",
    "empty_span": "<span></span>",
}
HTML_STYLES = tuple(HTML_WRAPS) + tuple(HTML_JOINS)


def html_value(pieces: Sequence[str], sep: str, style: str) -> str:
    """The value as HTML in ``style``: each piece wrapped, or the pieces joined by markup."""
    if style in HTML_JOINS:
        return HTML_JOINS[style].join(pieces)
    wrap = HTML_WRAPS[style]
    return sep.join(wrap(p) for p in pieces)


def html_bytes(body_html: str) -> bytes:
    """A small HTML page holding ``body_html`` in one paragraph."""
    return f"<!doctype html><html><head><title>t</title></head><body><p>{body_html}</p></body></html>".encode()


def eml_bytes(subject: str, body: str, ctype: str = "text/html", encoding: str = "8bit", sender: str = "") -> bytes:
    """A one-part e-mail; ``encoding`` is ``8bit``, ``quoted-printable`` (body given encoded) or ``base64``."""
    payload = base64.encodebytes(body.encode()).decode() if encoding == "base64" else body
    head = [f"From: {sender}"] if sender else []
    head += [
        f"Subject: {subject}",
        "MIME-Version: 1.0",
        f"Content-Type: {ctype}; charset=utf-8",
        f"Content-Transfer-Encoding: {encoding}",
    ]
    return ("\r\n".join(head) + "\r\n\r\n" + payload + "\r\n").encode()


def encoded_word(text: str) -> str:
    """``text`` as an RFC 2047 encoded word (base64), the way mail clients write non-ASCII subjects."""
    return Header(text, "utf-8").encode()


def _fixed_properties(document: object) -> None:
    import datetime as dt

    props = document.core_properties  # type: ignore[attr-defined]
    when = dt.datetime(2024, 1, 2, 3, 4, 5)
    props.created, props.modified, props.last_printed = when, when, when
    props.revision = 1


def _save(document: object) -> bytes:
    _fixed_properties(document)
    buffer = io.BytesIO()
    document.save(buffer)  # type: ignore[attr-defined]
    return buffer.getvalue()


def _add_between(paragraph: object, style: str) -> None:
    from docx.enum.text import WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    p = paragraph._p  # type: ignore[attr-defined]
    if style == "br":
        paragraph.add_run().add_break(WD_BREAK.LINE)  # type: ignore[attr-defined]
    elif style == "tab":
        paragraph.add_run("\t")  # type: ignore[attr-defined]
    elif style == "proof_err":
        p.append(OxmlElement("w:proofErr"))
        p[-1].set(qn("w:type"), "spellStart")
    elif style == "bookmark":
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), "0")
        start.set(qn("w:name"), "b0")
        p.append(start)


# How the pieces of a value are laid out in a Word paragraph.
DOCX_STYLES = ("runs", "bold_runs", "br", "tab", "proof_err", "bookmark")


def docx_bytes(before: str, pieces: Sequence[str], sep: str, after: str, style: str) -> bytes:
    """A .docx whose one paragraph holds ``before``, the pieces in ``style``, then ``after``."""
    import docx

    document = docx.Document()
    paragraph = document.add_paragraph(before)
    for i, piece in enumerate(pieces):
        if i:
            if style in ("runs", "bold_runs", "proof_err", "bookmark") and sep:
                paragraph.add_run(sep)
            _add_between(paragraph, style)
        run = paragraph.add_run(piece)
        run.bold = style == "bold_runs" and i % 2 == 0
    paragraph.add_run(after)
    return _save(document)


def docx_with_properties(body: str, **properties: str) -> bytes:
    """A .docx with ``body`` and the given core properties (author, title, comments, keywords, subject)."""
    import docx

    document = docx.Document()
    document.add_paragraph(body)
    for name, value in properties.items():
        setattr(document.core_properties, name, value)
    return _save(document)


def docx_with_header(body: str, header: str) -> bytes:
    """A .docx with ``body`` and ``header`` as the section's header text."""
    import docx

    document = docx.Document()
    document.add_paragraph(body)
    document.sections[0].header.paragraphs[0].text = header
    return _save(document)


PPTX_STYLES = ("runs", "br")


def pptx_bytes(before: str, pieces: Sequence[str], sep: str, after: str, style: str) -> bytes:
    """A .pptx with one text box whose paragraph holds ``before``, the pieces (one run each, or with
    a line break ``<a:br/>`` between them), then ``after``."""
    import datetime as dt

    import pptx
    from pptx.util import Inches

    deck = pptx.Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    paragraph = slide.shapes.add_textbox(Inches(1), Inches(1), Inches(6), Inches(1)).text_frame.paragraphs[0]
    paragraph.add_run().text = before
    for i, piece in enumerate(pieces):
        if i and style == "br":
            paragraph.add_line_break()
        elif i and sep:
            paragraph.add_run().text = sep
        paragraph.add_run().text = piece
    paragraph.add_run().text = after
    when = dt.datetime(2024, 1, 2, 3, 4, 5)
    deck.core_properties.created, deck.core_properties.modified = when, when
    deck.core_properties.revision = 1
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def zip_bytes(members: Sequence[tuple[str, bytes]]) -> bytes:
    """A zip archive of ``members`` (name, bytes), deflated, with fixed timestamps."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members:
            zf.writestr(zipfile.ZipInfo(name, date_time=_ZIP_DATE), data)
    return buffer.getvalue()


def zip_without_utf8_flag(name: str, data: bytes) -> bytes:
    """A zip whose member name is UTF-8 without the UTF-8 flag, as older zip tools write it (readers
    then decode the name as code page 437)."""
    encoded = name.encode()
    placeholder = b"q" * len(encoded)
    raw = zip_bytes([(placeholder.decode(), data)])
    assert raw.count(placeholder) == 2  # the local header and the central directory
    return raw.replace(placeholder, encoded)


def encrypted_zip(name: str, data: bytes) -> bytes:
    """A zip whose one member is flagged as encrypted (general purpose bit 0, local and central)."""
    raw = bytearray(zip_bytes([(name, data)]))
    for signature, flag_offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = raw.index(signature) + flag_offset
        raw[at] |= 0x01
    return bytes(raw)


def gz_bytes(data: bytes) -> bytes:
    """``data`` gzip-compressed with a fixed header time."""
    return gzip.compress(data, mtime=0)


def parquet_bytes(record_id: str, text: str, meta: object, meta_type: pa.DataType) -> bytes:
    """A one-row Parquet file: ``id`` and ``text`` strings and a ``meta`` column of ``meta_type``."""
    table = pa.table(
        {
            "id": pa.array([record_id], pa.string()),
            "text": pa.array([text], pa.string()),
            "meta": pa.array([meta], meta_type),
        }
    )
    buffer = io.BytesIO()
    pq.write_table(table, buffer)
    return buffer.getvalue()
