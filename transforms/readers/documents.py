"""Beam-free text extraction from office documents, web pages, Outlook messages and zip archives.

Every extractor is a pure function ``bytes -> str``: the same bytes give the same text whatever the
locale, time zone, dict order or library logging setup. Failures raise a ``DocumentError`` subclass
whose only content is a fixed code (``error_class``: a library exception class name or one of this
module's codes), never a message, so nothing a document contains can reach a log or the quarantine:

- ``CorruptDocument``: the bytes are not a valid document of the kind its name says (``decode_error``);
- ``UnsupportedDocument``: a kind scrubline does not read, an encrypted document or member, a nested
  archive (``unsupported_type``);
- ``DocumentTooLarge``: an archive or office package over the configured archive limits (``too_large``).

Document properties are text too. Each extractor either puts a property in the text it returns (so it
is redacted like the body) or drops it; nothing is passed through raw. What each one keeps is listed in
its docstring. Text is laid out as blocks separated by one blank line; a labelled block starts with its
label on a line of its own (``Comments:``), and empty blocks and empty properties are left out.

Libraries: python-docx (.docx), python-pptx (.pptx), openpyxl (.xlsx, with defusedxml installed so it
parses XML defensively), pypdf (.pdf), olefile (.msg, read per MS-OXMSG), beautifulsoup4 (.html),
zipfile from the standard library (.zip). pypdf's loggers are silenced at import because its warnings
can quote document content.
"""

from __future__ import annotations

import codecs
import functools
import io
import logging
import math
import re
import struct
import warnings
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from transforms.config import LimitsConfig

__all__ = [
    "ARCHIVE_RATIO_MIN_BYTES",
    "DOCUMENT_KINDS",
    "ArchiveMember",
    "CorruptDocument",
    "DocumentError",
    "DocumentTooLarge",
    "UnsupportedDocument",
    "archive_members",
    "binary_signature",
    "decode_text",
    "docx_text",
    "extract_text",
    "html_document_text",
    "html_to_text",
    "msg_text",
    "pdf_text",
    "pptx_text",
    "read_member",
    "xlsx_text",
]

# File name suffix (lower case) -> document kind handled by ``extract_text``.
DOCUMENT_KINDS = {
    ".docx": "docx",
    ".pdf": "pdf",
    ".pptx": "pptx",
    ".xlsx": "xlsx",
    ".html": "html",
    ".htm": "html",
    ".msg": "msg",
}

# Compression ratio is only checked for members that inflate past this size: a small member of
# repeated characters may legitimately compress far better than any bomb threshold.
ARCHIVE_RATIO_MIN_BYTES = 1 << 20

# Leading bytes of binary formats that a text file cannot start with (NUL-free prefixes mostly:
# formats whose header contains a NUL byte are caught by the NUL rule anyway).
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "PngImage"),
    (b"\xff\xd8\xff", "JpegImage"),
    (b"%PDF-", "PdfDocument"),
    (b"PK\x03\x04", "ZipArchive"),
    (b"PK\x05\x06", "ZipArchive"),
    (b"\x1f\x8b", "GzipStream"),
    (b"\xfd7zXZ\x00", "XzStream"),
    (b"7z\xbc\xaf\x27\x1c", "SevenZipArchive"),
    (b"Rar!\x1a\x07", "RarArchive"),
    (b"\x7fELF", "ElfExecutable"),
    (b"\xcf\xfa\xed\xfe", "MachOExecutable"),
    (b"\xce\xfa\xed\xfe", "MachOExecutable"),
    (b"\xca\xfe\xba\xbe", "MachOExecutable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OleCompoundFile"),
)
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)

# pypdf reports repaired defects through these loggers, with object contents in the message.
for _name in ("pypdf", "PyPDF2"):
    _logger = logging.getLogger(_name)
    _logger.setLevel(logging.CRITICAL + 1)
    _logger.propagate = False
    _logger.addHandler(logging.NullHandler())
for _module in ("pypdf", "openpyxl", "docx", "pptx", "olefile", "bs4"):
    warnings.filterwarnings("ignore", module=_module + r"(\.|$)")


class DocumentError(Exception):
    """A document that cannot become text. ``error_class`` is a fixed code, never a message."""

    def __init__(self, error_class: str) -> None:
        super().__init__(error_class)
        self.error_class = error_class


class CorruptDocument(DocumentError):
    """The bytes are not a valid document of the kind the file name says."""


class UnsupportedDocument(DocumentError):
    """A kind scrubline does not read: binary content, encryption, a nested archive."""


class DocumentTooLarge(DocumentError):
    """An archive (or office package) over the configured member count, size or ratio limits."""


# ---------------------------------------------------------------------------------------------------
# Shared helpers


def binary_signature(data: bytes) -> str | None:
    """Why ``data`` is binary rather than text, as a fixed code; None when it may be text.

    A known binary signature at the start gives its name (``"PngImage"``, ``"OleCompoundFile"``...);
    otherwise a NUL byte anywhere gives ``"BinaryContent"``, unless the data starts with a UTF-16 byte
    order mark (UTF-16 text is full of NUL bytes).
    """
    for magic, name in _SIGNATURES:
        if data.startswith(magic):
            return name
    if not data.startswith(_UTF16_BOMS) and b"\x00" in data:
        return "BinaryContent"
    return None


def decode_text(data: bytes) -> str:
    """UTF-8 (a UTF-8 BOM is stripped) or, after a UTF-16 BOM, UTF-16. Raises UnicodeDecodeError."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8")
    if data.startswith(_UTF16_BOMS):
        return data.decode("utf-16")  # the codec reads and drops the BOM
    return data.decode("utf-8")


def html_to_text(html: str) -> str:
    """Visible text of an HTML document: one line per text node, stripped; script and style dropped.

    The ``<title>`` is kept (it is a text node); attributes (``<meta>`` content, ``alt``, ``href``)
    and HTML comments are dropped.
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style"]):
        tag.decompose()
    return soup.get_text("\n", strip=True)


def _blocks(*blocks: str) -> str:
    return "\n\n".join(b for b in blocks if b)


def _section(label: str, lines: Iterable[str]) -> str:
    body = [line for line in lines if line]
    return "\n".join([f"{label}:", *body]) if body else ""


def _property_lines(pairs: Iterable[tuple[str, Any]]) -> str:
    return "\n".join(f"{label}: {value.strip()}" for label, value in pairs if isinstance(value, str) and value.strip())


def _natural_key(name: str) -> list[Any]:
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", name)]


def _guarded(extract: Callable[[bytes, LimitsConfig], str]) -> Callable[[bytes, LimitsConfig], str]:
    """Turn any library failure into ``CorruptDocument(<exception class name>)``, message discarded."""

    @functools.wraps(extract)
    def run(data: bytes, limits: LimitsConfig) -> str:
        try:
            return extract(data, limits)
        except (DocumentError, MemoryError):
            raise
        except Exception as exc:  # library failures on bad content; only the class name survives
            raise CorruptDocument(type(exc).__name__) from None

    return run


# ---------------------------------------------------------------------------------------------------
# Zip archives (and the zip packages of .docx, .pptx, .xlsx)


@dataclass(frozen=True)
class ArchiveMember:
    """One file in an archive: its name as stored (data: never log it) and its declared sizes."""

    name: str
    file_size: int
    compress_size: int
    encrypted: bool


def _check_archive(zf: zipfile.ZipFile, limits: LimitsConfig) -> list[zipfile.ZipInfo]:
    infos = zf.infolist()
    if len(infos) > limits.max_archive_members:
        raise DocumentTooLarge("TooManyMembers")
    total = 0
    for info in infos:
        if info.file_size > limits.max_archive_member_bytes:
            raise DocumentTooLarge("MemberTooLarge")
        total += info.file_size
        if total > limits.max_archive_total_bytes:
            raise DocumentTooLarge("ArchiveTooLarge")
        if info.file_size > ARCHIVE_RATIO_MIN_BYTES and info.file_size > limits.max_archive_ratio * max(
            info.compress_size, 1
        ):
            raise DocumentTooLarge("CompressionRatioTooHigh")
    return infos


def _skipped_member(info: zipfile.ZipInfo) -> bool:
    """Directories, hidden entries and macOS resource forks, like the hidden files a directory walk skips."""
    if info.is_dir():
        return True
    return any(part.startswith(".") or part == "__MACOSX" for part in info.filename.split("/"))


def _open_zip(data: bytes) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except MemoryError:
        raise
    except Exception as exc:  # BadZipFile, or ValueError/struct.error/OSError on a damaged directory
        raise CorruptDocument(type(exc).__name__) from None


def archive_members(data: bytes, limits: LimitsConfig) -> tuple[zipfile.ZipFile, list[ArchiveMember]]:
    """Open a zip archive and list the members to read, in central-directory order.

    The whole archive is checked before any member is read: more than ``max_archive_members`` entries,
    a member declaring more than ``max_archive_member_bytes``, more than ``max_archive_total_bytes`` in
    all, or a member over ``ARCHIVE_RATIO_MIN_BYTES`` inflating more than ``max_archive_ratio`` times
    raise ``DocumentTooLarge`` (``TooManyMembers``, ``MemberTooLarge``, ``ArchiveTooLarge``,
    ``CompressionRatioTooHigh``). Declared sizes bound what is read: ``zipfile`` never returns more
    than a member declares, and a member whose data disagrees fails its CRC check. Directories,
    hidden entries (a path component starting with ``.``) and ``__MACOSX/`` are not listed.
    Not a zip archive: ``CorruptDocument``.
    """
    zf = _open_zip(data)
    infos = _check_archive(zf, limits)
    members = [
        ArchiveMember(i.filename, i.file_size, i.compress_size, bool(i.flag_bits & 0x1))
        for i in infos
        if not _skipped_member(i)
    ]
    return zf, members


def read_member(zf: zipfile.ZipFile, member: ArchiveMember, limits: LimitsConfig) -> bytes:
    """The bytes of one member listed by ``archive_members``.

    Encrypted: ``UnsupportedDocument("EncryptedMember")``; a compression method ``zipfile`` lacks:
    ``UnsupportedDocument("UnsupportedCompression")``; damaged data or a CRC mismatch:
    ``CorruptDocument``; more bytes than the per-member limit: ``DocumentTooLarge("MemberTooLarge")``.
    """
    if member.encrypted:
        raise UnsupportedDocument("EncryptedMember")
    try:
        with zf.open(member.name) as fh:
            data = fh.read(limits.max_archive_member_bytes + 1)
    except NotImplementedError:
        raise UnsupportedDocument("UnsupportedCompression") from None
    except MemoryError:
        raise
    except Exception as exc:  # BadZipFile (CRC), zlib.error, EOFError, lzma/bz2 errors
        raise CorruptDocument(type(exc).__name__) from None
    if len(data) > limits.max_archive_member_bytes:
        raise DocumentTooLarge("MemberTooLarge")
    return data


def _check_package(data: bytes, limits: LimitsConfig) -> None:
    """An office package is a zip archive: hold it to the archive limits before a library inflates it."""
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # password-protected OOXML, or a legacy file renamed
        raise UnsupportedDocument("OleCompoundFile")
    zf = _open_zip(data)
    with zf:
        infos = _check_archive(zf, limits)
    if any(i.flag_bits & 0x1 for i in infos):
        raise UnsupportedDocument("EncryptedMember")


# ---------------------------------------------------------------------------------------------------
# Office Open XML core properties (docx, pptx: same attribute names)

_CORE_PROPERTIES = (
    ("title", "Title"),
    ("subject", "Subject"),
    ("author", "Author"),
    ("last_modified_by", "Last modified by"),
    ("keywords", "Keywords"),
    ("comments", "Comments"),
    ("category", "Category"),
    ("content_status", "Status"),
    ("identifier", "Identifier"),
    ("language", "Language"),
    ("version", "Version"),
)


def _core_properties(props: Any) -> str:
    return _property_lines((label, getattr(props, attr, None)) for attr, label in _CORE_PROPERTIES)


# ---------------------------------------------------------------------------------------------------
# .docx

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
            out.append("\n")
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


@_guarded
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

    _check_package(data, limits)
    document = docx.Document(io.BytesIO(data))
    body = document.element
    extra = sorted(
        (p for p in document.part.package.iter_parts() if p is not document.part),
        key=lambda p: _natural_key(str(p.partname)),
    )
    roots = [body]
    blocks = [_core_properties(document.core_properties), "\n".join(_paragraphs(body))]
    for suffix, label in _DOCX_PARTS:
        lines = []
        for part in extra:
            if part.content_type.endswith("wordprocessingml." + suffix):
                root = parse_xml(part.blob)
                roots.append(root)
                lines.extend(_paragraphs(root))
        blocks.append(_section(label, lines))
    comments = []
    for part in extra:
        if part.content_type.endswith(_DOCX_COMMENTS):
            root = parse_xml(part.blob)
            roots.append(root)
            comments.extend(_docx_comments(root))
    blocks.append(_section("Comments", comments))
    blocks.append(_section("Tracked changes", [line for root in roots for line in _tracked_changes(root)]))
    return _blocks(*blocks)


# ---------------------------------------------------------------------------------------------------
# .pptx


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
        text = paragraph.text.replace("\v", "\n")  # python-pptx renders a line break as a vertical tab
        if text.strip():
            yield text


@_guarded
def pptx_text(data: bytes, limits: LimitsConfig) -> str:
    """Text of a PowerPoint presentation.

    Layout: core properties (as for .docx); then one block per slide, in order: ``Slide <n>:``, the
    text of its shapes in z-order (groups descended, tables cell by cell, one line per paragraph),
    then ``Notes:`` and the speaker notes.

    Dropped: dates and revision number, extended and custom properties, comments, text on slide
    layouts and masters, charts, SmartArt, pictures' alternative text.
    """
    import pptx

    _check_package(data, limits)
    presentation = pptx.Presentation(io.BytesIO(data))
    blocks = [_core_properties(presentation.core_properties)]
    for n, slide in enumerate(presentation.slides, start=1):
        lines = [f"Slide {n}:", *_shape_lines(slide.shapes)]
        if slide.has_notes_slide and slide.notes_slide.notes_text_frame is not None:
            notes = list(_text_frame_lines(slide.notes_slide.notes_text_frame))
            if notes:
                lines += ["Notes:", *notes]
        blocks.append("\n".join(lines))
    return _blocks(*blocks)


# ---------------------------------------------------------------------------------------------------
# .xlsx

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


def _cell_text(value: Any) -> str:
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


@_guarded
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

    _check_package(data, limits)
    wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True, keep_links=False, rich_text=False)
    p = wb.properties
    blocks = [_property_lines((label, getattr(p, attr, None)) for attr, label in _XLSX_PROPERTIES)]
    for name in wb.sheetnames:
        ws = wb[name]
        lines = [f"Sheet: {name}"]
        comments = []
        for row in ws.iter_rows() if hasattr(ws, "iter_rows") else ():
            values = [_cell_text(cell.value) for cell in row]
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
    return _blocks(*blocks)


# ---------------------------------------------------------------------------------------------------
# .pdf


@_guarded
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
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                unlocked = reader.decrypt("")
            except Exception:  # missing crypto backend, unknown algorithm: cannot read it either way
                unlocked = 0
            if not unlocked:
                raise UnsupportedDocument("Encrypted")
        info = reader.metadata or {}
        props = []
        for key in sorted(str(k) for k in info):
            if key in ("/CreationDate", "/ModDate"):
                continue
            value = info[key]
            if isinstance(value, str):
                props.append((key.lstrip("/"), value))
        pages, annotations = [], []
        for page in reader.pages:
            pages.append(page.extract_text().strip())
            annots = page.get("/Annots")
            for ref in annots.get_object() if annots is not None else ():
                annot = ref.get_object()
                contents = annot.get("/Contents")
                if isinstance(contents, str) and contents.strip():
                    author = annot.get("/T")
                    by = f" by {author.strip()}" if isinstance(author, str) and author.strip() else ""
                    annotations.append(f"Annotation{by}: {contents.strip()}")
        fields = [
            f"{name}: {value}"
            for name, value in (reader.get_form_text_fields() or {}).items()
            if isinstance(value, str) and value.strip()
        ]
    except LimitReachedError:
        raise DocumentTooLarge("LimitReachedError") from None
    return _blocks(
        _property_lines(props), *pages, _section("Annotations", annotations), _section("Form fields", fields)
    )


# ---------------------------------------------------------------------------------------------------
# .msg (Outlook): an OLE compound file of MAPI properties, MS-OXMSG

_PT_STRING8, _PT_UNICODE, _PT_BINARY, _PT_LONG = 0x001E, 0x001F, 0x0102, 0x0003
_PR_SUBJECT = 0x0037
_PR_SENT_REPRESENTING_NAME, _PR_SENT_REPRESENTING_EMAIL, _PR_SENT_REPRESENTING_SMTP = 0x0042, 0x0065, 0x5D02
_PR_SENDER_NAME, _PR_SENDER_EMAIL, _PR_SENDER_SMTP = 0x0C1A, 0x0C1F, 0x5D01
_PR_DISPLAY_BCC, _PR_DISPLAY_CC, _PR_DISPLAY_TO = 0x0E02, 0x0E03, 0x0E04
_PR_BODY, _PR_RTF_COMPRESSED, _PR_HTML = 0x1000, 0x1009, 0x1013
_PR_DISPLAY_NAME, _PR_EMAIL_ADDRESS, _PR_SMTP_ADDRESS = 0x3001, 0x3003, 0x39FE
_PR_ATTACH_FILENAME, _PR_ATTACH_LONG_FILENAME = 0x3704, 0x3707
_PR_MESSAGE_CODEPAGE, _PR_INTERNET_CPID = 0x3FFD, 0x3FDE
_PROPERTIES_STREAM = "__properties_version1.0"
_CODEPAGES = {20127: "ascii", 28591: "latin-1", 65001: "utf-8", 1200: "utf-16-le"}


class _MsgStorage:
    """The property streams of one storage (the message, a recipient or an attachment)."""

    def __init__(self, ole: Any, path: list[str], codepage: str) -> None:
        self.ole, self.path, self.codepage = ole, path, codepage

    def _stream(self, prop: int, ptype: int) -> bytes | None:
        name = [*self.path, f"__substg1.0_{prop:04X}{ptype:04X}"]
        if not self.ole.exists("/".join(name)):
            return None
        return self.ole.openstream(name).read()

    def string(self, prop: int) -> str:
        raw = self._stream(prop, _PT_UNICODE)
        if raw is not None:
            return raw.decode("utf-16-le").rstrip("\x00").strip()
        raw = self._stream(prop, _PT_STRING8)
        if raw is not None:
            return raw.decode(self.codepage).rstrip("\x00").strip()
        return ""

    def binary(self, prop: int) -> bytes | None:
        return self._stream(prop, _PT_BINARY)


def _msg_codepage(ole: Any) -> str:
    """The codec of the message's 8-bit strings: PR_MESSAGE_CODEPAGE, else PR_INTERNET_CPID, else cp1252."""
    raw = ole.openstream(_PROPERTIES_STREAM).read()
    found: dict[int, int] = {}
    for offset in range(32, len(raw) - 15, 16):  # 32-byte header, then 16-byte fixed-size entries
        tag, _flags, value = struct.unpack_from("<IIQ", raw, offset)
        if tag & 0xFFFF == _PT_LONG and tag >> 16 in (_PR_MESSAGE_CODEPAGE, _PR_INTERNET_CPID):
            found[tag >> 16] = value & 0xFFFFFFFF
    number = found.get(_PR_MESSAGE_CODEPAGE, found.get(_PR_INTERNET_CPID, 1252))
    name = _CODEPAGES.get(number, f"cp{number}")
    try:
        codecs.lookup(name)
    except LookupError:
        raise UnsupportedDocument("UnknownCodepage") from None
    return name


def _address(name: str, address: str) -> str:
    if name and address and name != address:
        return f"{name} <{address}>"
    return name or address


def _msg_children(ole: Any, prefix: str) -> list[str]:
    names = {entry[0] for entry in ole.listdir(streams=True, storages=True) if entry[0].startswith(prefix)}
    return sorted(names)


@_guarded
def msg_text(data: bytes, limits: LimitsConfig) -> str:
    """Text of an Outlook message, laid out like an .eml.

    Layout: header lines ``From: <name> <address>`` (sent-representing, else sender), ``To:``,
    ``Cc:``, ``Bcc:`` (the display lists), ``Subject:``; then ``Recipient: <name> <address>`` per
    recipient and ``Attachment: <file name>`` per attachment; a blank line; the plain-text body, or,
    when there is none, the HTML body rendered as text. A message whose only body is compressed RTF
    is ``UnsupportedDocument("RtfOnlyBody")``.

    Dropped: dates, transport headers (the original Internet headers), attachment contents (like
    non-text .eml attachments), embedded messages, named properties.
    """
    import olefile

    if not data.startswith(olefile.MAGIC):
        raise CorruptDocument("NotOleFile")
    ole = olefile.OleFileIO(io.BytesIO(data))
    with ole:
        if not ole.exists(_PROPERTIES_STREAM):
            raise CorruptDocument("NotOutlookMessage")
        codepage = _msg_codepage(ole)
        msg = _MsgStorage(ole, [], codepage)
        sender = _address(
            msg.string(_PR_SENT_REPRESENTING_NAME) or msg.string(_PR_SENDER_NAME),
            msg.string(_PR_SENT_REPRESENTING_SMTP)
            or msg.string(_PR_SENT_REPRESENTING_EMAIL)
            or msg.string(_PR_SENDER_SMTP)
            or msg.string(_PR_SENDER_EMAIL),
        )
        headers = [
            ("From", sender),
            ("To", msg.string(_PR_DISPLAY_TO)),
            ("Cc", msg.string(_PR_DISPLAY_CC)),
            ("Bcc", msg.string(_PR_DISPLAY_BCC)),
            ("Subject", msg.string(_PR_SUBJECT)),
        ]
        for storage in _msg_children(ole, "__recip_version1.0_"):
            r = _MsgStorage(ole, [storage], codepage)
            address = r.string(_PR_SMTP_ADDRESS) or r.string(_PR_EMAIL_ADDRESS)
            headers.append(("Recipient", _address(r.string(_PR_DISPLAY_NAME), address)))
        for storage in _msg_children(ole, "__attach_version1.0_"):
            a = _MsgStorage(ole, [storage], codepage)
            headers.append(("Attachment", a.string(_PR_ATTACH_LONG_FILENAME) or a.string(_PR_ATTACH_FILENAME)))
        body = msg.string(_PR_BODY)
        if not body:
            html = msg.binary(_PR_HTML)
            if html is None:
                raw = msg.string(_PR_HTML)  # some writers store the HTML body as a string
                body = html_to_text(raw) if raw else ""
            else:
                body = html_to_text(_decode_html_body(html, codepage))
            if not body and msg.binary(_PR_RTF_COMPRESSED) is not None:
                raise UnsupportedDocument("RtfOnlyBody")
    return _blocks(_property_lines(headers), body)


def _decode_html_body(raw: bytes, codepage: str) -> str:
    try:
        return decode_text(raw)
    except UnicodeDecodeError:
        return raw.decode(codepage)


# ---------------------------------------------------------------------------------------------------
# .html


@_guarded
def html_document_text(data: bytes, limits: LimitsConfig) -> str:
    """Text of a web page: decoded like a raw text file (UTF-8, or UTF-16 after a BOM; a ``<meta
    charset>`` is not honoured), then ``html_to_text``. Undecodable: ``CorruptDocument``."""
    return html_to_text(decode_text(data))


_EXTRACTORS: dict[str, Callable[[bytes, LimitsConfig], str]] = {
    "docx": docx_text,
    "pdf": pdf_text,
    "pptx": pptx_text,
    "xlsx": xlsx_text,
    "html": html_document_text,
    "msg": msg_text,
}


def extract_text(kind: str, data: bytes, limits: LimitsConfig) -> str:
    """The text of a document of ``kind`` (a value of ``DOCUMENT_KINDS``), or a ``DocumentError``.

    Never raises anything else for bad content (``MemoryError`` propagates); see each extractor for
    what it reads and drops.
    """
    return _EXTRACTORS[kind](data, limits)
