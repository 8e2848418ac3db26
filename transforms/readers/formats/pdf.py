"""PDF documents (``.pdf``): the text layer, the information dictionary, annotations and form fields.

pypdf's loggers are silenced at import because its warnings can quote document content.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from typing import Any

from transforms.config import LimitsConfig
from transforms.readers.errors import DocumentTooLarge, UnsupportedDocument
from transforms.readers.formats.base import guarded, join_blocks, property_lines, section

__all__ = ["pdf_text"]

# pypdf reports repaired defects through these loggers, with object contents in the message.
for _name in ("pypdf", "PyPDF2"):
    _logger = logging.getLogger(_name)
    _logger.setLevel(logging.CRITICAL + 1)
    _logger.propagate = False
    _logger.addHandler(logging.NullHandler())


@guarded
def pdf_text(data: bytes, limits: LimitsConfig) -> str:
    """Text of a PDF's text layer (no OCR: a scanned page yields no text).

    Layout: the document information dictionary (every text entry but the dates, sorted by key, as
    ``Key: value``); then the text of each page in order (pypdf's plain extraction), one block per
    page; then ``Annotations:`` (``Annotation by <author>: <contents>``, every annotation with text
    contents, page by page) and ``Form fields:`` (``<field name>: <value>`` for filled text fields).

    An encrypted PDF is read when it opens with the empty password (owner-password-only restrictions);
    otherwise ``UnsupportedDocument("Encrypted")``. pypdf's own decompression limits
    (``LimitReachedError``) give ``DocumentTooLarge``.

    Dropped: creation and modification dates, XMP metadata, bookmarks, attachments, images.
    """
    import pypdf
    from pypdf.errors import LimitReachedError

    try:
        reader = _unlocked_reader(pypdf.PdfReader(io.BytesIO(data)))
        props = _info_properties(reader)
        pages: list[str] = []
        annotations: list[str] = []
        for page in reader.pages:
            pages.append(page.extract_text().strip())
            annotations.extend(_page_annotations(page))
        fields = _form_fields(reader)
    except LimitReachedError:
        raise DocumentTooLarge("LimitReachedError") from None
    return join_blocks(
        property_lines(props), *pages, section("Annotations", annotations), section("Form fields", fields)
    )


def _unlocked_reader(reader: Any) -> Any:
    """``reader``, decrypted with the empty password when it is encrypted; else ``UnsupportedDocument``."""
    if reader.is_encrypted:
        try:
            unlocked = reader.decrypt("")
        except Exception:  # missing crypto backend, unknown algorithm: cannot read it either way
            unlocked = 0
        if not unlocked:
            raise UnsupportedDocument("Encrypted")
    return reader


def _info_properties(reader: Any) -> list[tuple[str, str]]:
    """The text entries of the information dictionary but the dates, sorted by key, ``/`` stripped."""
    info = reader.metadata or {}
    props = []
    for key in sorted(str(k) for k in info):
        if key in ("/CreationDate", "/ModDate"):
            continue
        value = info[key]
        if isinstance(value, str):
            props.append((key.lstrip("/"), value))
    return props


def _page_annotations(page: Any) -> Iterator[str]:
    """``Annotation by <author>: <contents>`` for every annotation of ``page`` with text contents."""
    annots = page.get("/Annots")
    for ref in annots.get_object() if annots is not None else ():
        annot = ref.get_object()
        contents = annot.get("/Contents")
        if isinstance(contents, str) and contents.strip():
            author = annot.get("/T")
            by = f" by {author.strip()}" if isinstance(author, str) and author.strip() else ""
            yield f"Annotation{by}: {contents.strip()}"


def _form_fields(reader: Any) -> list[str]:
    """``<field name>: <value>`` for every filled text field."""
    return [
        f"{name}: {value}"
        for name, value in (reader.get_form_text_fields() or {}).items()
        if isinstance(value, str) and value.strip()
    ]
