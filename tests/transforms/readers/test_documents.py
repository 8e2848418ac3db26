"""Unit tests for transforms.readers.documents and the archive dispatch of transforms.readers.uploads (no Beam).

The inputs are the committed fixtures in tests/fixtures/office (made by make_office_fixtures.py) and
small archives built here. Every expectation is exact: the extracted text, the reason and error class.
"""

from __future__ import annotations

import hashlib
import io
import logging
import zipfile
from datetime import date, datetime, time
from pathlib import Path

import pytest

from transforms.config import InputConfig, LimitsConfig
from transforms.readers.documents import (
    CorruptDocument,
    DocumentError,
    DocumentTooLarge,
    UnsupportedDocument,
    _cell_text,
    archive_members,
    binary_signature,
    extract_text,
    read_member,
)
from transforms.readers.uploads import InputFile, expand_inputs, read_input_file
from transforms.records import Document, QuarantineReason, QuarantineRecord

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "office"
LIMITS = LimitsConfig()


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def sha(data: bytes | str) -> str:
    return hashlib.sha256(data.encode() if isinstance(data, str) else data).hexdigest()


def make_zip(members: list[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as zf:
        for name, blob in members:
            zf.writestr(zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0)), blob, method)
    return out.getvalue()


def rezip(data: bytes, member: str, change) -> bytes:
    """``data`` (a zip) with one member's bytes replaced by ``change(old bytes)``."""
    src = zipfile.ZipFile(io.BytesIO(data))
    return make_zip(
        [(i.filename, change(src.read(i)) if i.filename == member else src.read(i)) for i in src.infolist()]
    )


# --- exact text per format ------------------------------------------------------------------------------

DOCX_TEXT = """\
Title: Quarterly review for Priya Raman
Author: Margaret Okafor
Last modified by: Daniel Whitcombe
Keywords: review
Comments: Draft shared with tobias.lindqvist@example.org

Performance review
Priya Raman met every target this quarter. Contact her at priya.raman@example.net.
The budget was approved by the board.
Name
Phone
Helen Castellano
(212) 555-0199

Headers:
Confidential: prepared by Helen Castellano

Footers:
Call +1 415 555 0142 with questions

Comments:
Comment by Margaret Okafor (MO): Check this with Daniel Whitcombe first

Tracked changes:
Inserted by Daniel Whitcombe: by the board
Deleted by Tobias Lindqvist: after a call with d.whitcombe@example.com"""

PPTX_TEXT = """\
Title: Hiring plan
Author: Daniel Whitcombe
Last modified by: Helen Castellano
Comments: Numbers from priya.raman@example.net

Slide 1:
Hiring plan
Owner: Tobias Lindqvist
Escalate to helen.castellano@example.com
Notes:
Mention that Margaret Okafor is leaving in May.

Slide 2:
Candidates
Candidate
Phone
Priya Raman
+1 415 555 0142"""

XLSX_TEXT = """\
Title: Payroll
Author: Helen Castellano
Last modified by: Margaret Okafor

Sheet: Staff
Name\tEmail\tSalary\tStart
Daniel Whitcombe\td.whitcombe@example.com\t81250.5\t2021-03-01T00:00:00
Priya Raman\tpriya.raman@example.net\t90000
Header: Prepared for Helen Castellano
Comment on A3 by Margaret Okafor: Ask Tobias Lindqvist about the raise

Sheet: Contacts Okafor
Margaret Okafor\t(212) 555-0199\tTRUE"""

PDF_TEXT = """\
Author: Margaret Okafor
Creator: Hand-written fixture
Subject: Reference
Title: Reference for Tobias Lindqvist

Reference letter
Tobias Lindqvist worked with us for four years.
Phone: (212) 555-0199

Write to tobias.lindqvist@example.org for details.

Annotations:
Annotation by Daniel Whitcombe: Confirm dates with margaret.okafor@example.org

Form fields:
Referee: Helen Castellano"""

HTML_TEXT = """\
Team page of Helen Castellano
Team
Lead: Helen Castellano,
helen.castellano@example.com
Phone: (212) 555-0199"""

MSG_TEXT = """\
From: Margaret Okafor <margaret.okafor@example.org>
To: Priya Raman
Cc: Zoë Castellano
Subject: Offer for Priya Raman
Recipient: Priya Raman <priya.raman@example.net>
Attachment: notes for Tobias Lindqvist.txt

Hi Priya,\r
\r
The offer is attached. Call me on +1 415 555 0142.\r
\r
Margaret"""

TEXTS = [
    ("review.docx", "docx", DOCX_TEXT),
    ("hiring.pptx", "pptx", PPTX_TEXT),
    ("payroll.xlsx", "xlsx", XLSX_TEXT),
    ("reference.pdf", "pdf", PDF_TEXT),
    ("team.html", "html", HTML_TEXT),
    ("offer.msg", "msg", MSG_TEXT),
]


@pytest.mark.parametrize("name, kind, expected", TEXTS)
def test_extracted_text_is_exact_and_includes_metadata(name: str, kind: str, expected: str) -> None:
    data = fixture(name)
    assert extract_text(kind, data, LIMITS) == expected
    assert extract_text(kind, data, LIMITS) == expected  # no state carried between calls


def test_dropped_properties_never_appear() -> None:
    """What the extractors drop (dates, HTML attributes and comments, scripts, attachment bodies)."""
    assert "2024" not in extract_text("docx", fixture("review.docx"), LIMITS)
    assert "2024" not in extract_text("pdf", fixture("reference.pdf"), LIMITS)
    html = extract_text("html", fixture("team.html"), LIMITS)
    for dropped in ("Daniel Whitcombe", "Tobias Lindqvist", "Priya Raman", "mailto", "color"):
        assert dropped not in html
    assert "attachment contents" not in extract_text("msg", fixture("offer.msg"), LIMITS)


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
        ("#N/A", "#N/A"),
    ],
)
def test_cell_values_render_without_locale(value: object, text: str) -> None:
    assert _cell_text(value) == text


# --- failures: exact class and code, never a message ----------------------------------------------------

FAILURES = [
    ("docx", fixture("corrupt.docx"), CorruptDocument, "BadZipFile"),
    ("docx", b"not a zip at all", CorruptDocument, "BadZipFile"),
    ("pptx", fixture("review.docx"), CorruptDocument, "ValueError"),
    ("xlsx", fixture("review.docx"), CorruptDocument, "OSError"),
    ("xlsx", b"PK\x03\x04 truncated", CorruptDocument, "BadZipFile"),
    ("docx", fixture("legacy.doc"), UnsupportedDocument, "OleCompoundFile"),
    ("pdf", b"%PDF-1.7\n garbage", CorruptDocument, "PdfStreamError"),
    ("pdf", b"", CorruptDocument, "EmptyFileError"),
    ("msg", b"From: someone\n\nnot an OLE file", CorruptDocument, "NotOleFile"),
    ("msg", fixture("legacy.doc"), CorruptDocument, "NotOutlookMessage"),
    ("msg", fixture("offer.msg")[:1024], CorruptDocument, "OleFileError"),
    ("html", b"caf\xe9 <b>Okafor</b>", CorruptDocument, "UnicodeDecodeError"),
    ("docx", fixture("review.docx"), DocumentTooLarge, "TooManyMembers"),  # with the small limits below
]


@pytest.mark.parametrize("kind, data, exc_type, code", FAILURES)
def test_failures_raise_a_fixed_code_and_no_message(kind: str, data: bytes, exc_type: type, code: str) -> None:
    limits = LimitsConfig(max_archive_members=5) if exc_type is DocumentTooLarge else LIMITS
    with pytest.raises(DocumentError) as info:
        extract_text(kind, data, limits)
    exc = info.value
    assert (type(exc), exc.error_class, exc.args, str(exc)) == (exc_type, code, (code,), code)
    # a library's exception (and its message) is neither the cause nor shown as the context
    assert exc.__cause__ is None and (exc.__context__ is None or exc.__suppress_context__)


def test_encrypted_pdf_is_unsupported() -> None:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(fixture("reference.pdf")))
    writer.encrypt(user_password="Okafor-1", owner_password="o", algorithm="RC4-128")
    locked = io.BytesIO()
    writer.write(locked)
    with pytest.raises(UnsupportedDocument) as info:
        extract_text("pdf", locked.getvalue(), LIMITS)
    assert info.value.error_class == "Encrypted"

    writer = pypdf.PdfWriter(clone_from=io.BytesIO(fixture("reference.pdf")))
    writer.encrypt(user_password="", owner_password="o", algorithm="RC4-128")  # restrictions only
    readable = io.BytesIO()
    writer.write(readable)
    assert "Tobias Lindqvist worked with us" in extract_text("pdf", readable.getvalue(), LIMITS)


def test_pdf_repairs_are_not_logged(caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]) -> None:
    """pypdf warns, quoting the file, when it repairs a PDF; none of it may reach a log or the console."""
    data = fixture("reference.pdf")
    broken = data[: data.rindex(b"startxref")] + b"startxref\n9\n%%EOF\n"  # wrong xref offset: repaired
    caplog.set_level(logging.DEBUG)
    assert extract_text("pdf", broken, LIMITS) == PDF_TEXT
    assert caplog.records == []
    assert capfd.readouterr() == ("", "")


@pytest.mark.parametrize(
    "kind, member, change, expected",
    [
        # python-docx's parser leaves entities unresolved: the reference is dropped, the text around it kept
        (
            "docx",
            "word/document.xml",
            lambda b: b.replace(b"Performance review", b"Performance &xxe; review"),
            DOCX_TEXT.replace("Performance review", "Performance  review"),
        ),
        # openpyxl parses through defusedxml, which refuses the entity declaration: the workbook is corrupt
        ("xlsx", "xl/worksheets/sheet1.xml", lambda b: b.replace(b"<t>Name</t>", b"<t>&xxe;</t>"), "ValueError"),
    ],
)
def test_external_entities_are_never_resolved(tmp_path: Path, kind: str, member: str, change, expected: str) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SERVER-SIDE-SECRET", encoding="utf-8")
    doctype = f'<!DOCTYPE x [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'.encode()

    def inject(xml: bytes) -> bytes:
        body = xml.split(b"?>", 1)[1] if xml.startswith(b"<?xml") else xml
        return b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + doctype + change(body)

    data = rezip(fixture("review.docx" if kind == "docx" else "payroll.xlsx"), member, inject)
    try:
        outcome = extract_text(kind, data, LIMITS)
    except CorruptDocument as exc:
        outcome = exc.error_class
    assert outcome == expected


# --- binary content --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data, code",
    [
        (fixture("photo.png"), "PngImage"),
        (fixture("random.bin"), "BinaryContent"),
        (fixture("legacy.doc"), "OleCompoundFile"),
        (fixture("reference.pdf"), "PdfDocument"),
        (fixture("bundle.zip"), "ZipArchive"),
        (b"\xff\xd8\xff\xe0JFIF", "JpegImage"),
        (b"\x7fELF\x02\x01\x01", "ElfExecutable"),
        (b"\x1f\x8b\x08\x00", "GzipStream"),
        (b"text\x00with a NUL", "BinaryContent"),
        (b"\xff\xfeh\x00i\x00", None),  # UTF-16 text: NUL bytes are expected
        (b"plain text", None),
        (b"caf\xe9", None),  # not binary: undecodable text, a decode_error later
        (b"", None),
    ],
)
def test_binary_signature(data: bytes, code: str | None) -> None:
    assert binary_signature(data) == code


# --- archive limits --------------------------------------------------------------------------------------

SMALL = [(f"m{i}.txt", b"x" * 10) for i in range(4)]


@pytest.mark.parametrize(
    "members, limits, code",
    [
        (SMALL, LimitsConfig(max_archive_members=3), "TooManyMembers"),
        (SMALL, LimitsConfig(max_archive_member_bytes=9), "MemberTooLarge"),
        (SMALL, LimitsConfig(max_archive_total_bytes=39), "ArchiveTooLarge"),
        ([("bomb.txt", b"0" * (2 << 20))], LIMITS, "CompressionRatioTooHigh"),
    ],
)
def test_archive_limits_reject_the_whole_archive(members: list, limits: LimitsConfig, code: str) -> None:
    with pytest.raises(DocumentTooLarge) as info:
        archive_members(make_zip(members), limits)
    assert info.value.error_class == code


def test_archive_limits_are_inclusive_and_ratio_spares_small_members() -> None:
    limits = LimitsConfig(max_archive_members=4, max_archive_member_bytes=10, max_archive_total_bytes=40)
    zf, members = archive_members(make_zip(SMALL), limits)
    assert [(m.name, m.file_size, m.encrypted) for m in members] == [(f"m{i}.txt", 10, False) for i in range(4)]
    assert [read_member(zf, m, limits) for m in members] == [b"x" * 10] * 4
    zf, members = archive_members(make_zip([("zeros.txt", b"0" * (1 << 20))]), LIMITS)  # ratio ~1000, 1 MiB
    assert read_member(zf, members[0], LIMITS) == b"0" * (1 << 20)


def test_committed_bomb_and_member_flood_fixtures() -> None:
    for name, code in (("bomb.zip", "CompressionRatioTooHigh"), ("many-members.zip", "TooManyMembers")):
        with pytest.raises(DocumentTooLarge) as info:
            archive_members(fixture(name), LimitsConfig(max_archive_members=100))
        assert info.value.error_class == code


def test_archive_members_skip_directories_and_hidden_entries_and_flag_encryption() -> None:
    zf, members = archive_members(fixture("bundle.zip"), LIMITS)
    assert [(m.name, m.encrypted) for m in members] == [
        ("bundle/review.docx", False),
        ("bundle/reference.pdf", False),
        ("bundle/team.html", False),
        ("bundle/minutes.txt", False),
        ("bundle/rows.jsonl", False),
        ("bundle/inner.zip", False),
        ("bundle/locked.txt", True),
    ]
    with pytest.raises(UnsupportedDocument) as info:
        read_member(zf, members[-1], LIMITS)
    assert info.value.error_class == "EncryptedMember"


def test_damaged_member_is_corrupt() -> None:
    data = bytearray(make_zip([("a.txt", b"hello world " * 50)]))
    data[40:44] = b"\x00\x00\x00\x00"  # inside the deflated data of the only member
    zf, members = archive_members(bytes(data), LIMITS)
    with pytest.raises(CorruptDocument) as info:
        read_member(zf, members[0], LIMITS)
    assert info.value.error_class in ("BadZipFile", "error")  # CRC mismatch, or zlib.error on the stream


def test_not_a_zip_is_corrupt() -> None:
    with pytest.raises(CorruptDocument) as info:
        archive_members(b"PK\x03\x04 not really", LIMITS)
    assert info.value.error_class == "BadZipFile"


# --- readers dispatch: every fixture file, exact outcome -----------------------------------------------------


def fid(relpath: str) -> str:
    return "f-" + sha(relpath)[:32]


def ref(relpath: str) -> str:
    return "src-" + sha(relpath)[:16]


def quarantined(relpath: str, reason: QuarantineReason, code: str, data: bytes | None, size: int = 0):
    return QuarantineRecord(
        id=fid(relpath),
        source=ref(relpath),
        reason=reason,
        error_class=code,
        input_sha256="" if data is None else sha(data),
        size_bytes=len(data) if data is not None else size,
    )


def doc(relpath: str, text: str, data: bytes, record_id: str | None = None) -> Document:
    return Document(
        id=record_id or fid(relpath),
        text=text,
        source=relpath,
        metadata=(),
        source_ref=ref(relpath),
        input_sha256=sha(data),
        size_bytes=len(data),
    )


def test_every_fixture_is_a_record_or_quarantined_with_the_expected_reason() -> None:
    limits = LimitsConfig(max_archive_members=100)
    out = {f.relpath: list(read_input_file(f, InputConfig(), limits)) for f in expand_inputs([str(FIXTURES)])}
    bundle = zipfile.ZipFile(FIXTURES / "bundle.zip")
    member = {n: bundle.read("bundle/" + n) for n in ("review.docx", "reference.pdf", "team.html", "minutes.txt")}
    rows = bundle.read("bundle/rows.jsonl").split(b"\n")
    U, D, T = QuarantineReason.UNSUPPORTED_TYPE, QuarantineReason.DECODE_ERROR, QuarantineReason.TOO_LARGE
    assert out == {
        "bomb.zip": [quarantined("bomb.zip", T, "CompressionRatioTooHigh", fixture("bomb.zip"))],
        "bundle.zip": [
            doc("bundle.zip!bundle/review.docx", DOCX_TEXT, member["review.docx"]),
            doc("bundle.zip!bundle/reference.pdf", PDF_TEXT, member["reference.pdf"]),
            doc("bundle.zip!bundle/team.html", HTML_TEXT, member["team.html"]),
            doc(
                "bundle.zip!bundle/minutes.txt",
                "Minutes taken by Helen Castellano, (212) 555-0199.\n",
                member["minutes.txt"],
            ),
            Document(
                "bundle-row-1",
                "Ping margaret.okafor@example.org",
                "bundle.zip!bundle/rows.jsonl#L1",
                (),
                sha(rows[0]),
                len(rows[0]),
                ref("bundle.zip!bundle/rows.jsonl") + "#L1",
            ),
            Document(
                "bundle-row-2",
                "Ask Daniel Whitcombe",
                "bundle.zip!bundle/rows.jsonl#L2",
                (),
                sha(rows[1]),
                len(rows[1]),
                ref("bundle.zip!bundle/rows.jsonl") + "#L2",
            ),
            quarantined("bundle.zip!bundle/inner.zip", U, "NestedArchive", bundle.read("bundle/inner.zip")),
            quarantined("bundle.zip!bundle/locked.txt", U, "EncryptedMember", None, size=25),
        ],
        "corrupt.docx": [quarantined("corrupt.docx", D, "BadZipFile", fixture("corrupt.docx"))],
        "hiring.pptx": [doc("hiring.pptx", PPTX_TEXT, fixture("hiring.pptx"))],
        "legacy.doc": [quarantined("legacy.doc", U, "OleCompoundFile", fixture("legacy.doc"))],
        "many-members.zip": [quarantined("many-members.zip", T, "TooManyMembers", fixture("many-members.zip"))],
        "offer.msg": [doc("offer.msg", MSG_TEXT, fixture("offer.msg"))],
        "payroll.xlsx": [doc("payroll.xlsx", XLSX_TEXT, fixture("payroll.xlsx"))],
        "photo.png": [quarantined("photo.png", U, "PngImage", fixture("photo.png"))],
        "random.bin": [quarantined("random.bin", U, "BinaryContent", fixture("random.bin"))],
        "reference.pdf": [doc("reference.pdf", PDF_TEXT, fixture("reference.pdf"))],
        "review.docx": [doc("review.docx", DOCX_TEXT, fixture("review.docx"))],
        "team.html": [doc("team.html", HTML_TEXT, fixture("team.html"))],
    }


def put(tmp_path: Path, name: str, data: bytes) -> InputFile:
    path = tmp_path / name
    path.write_bytes(data)
    return InputFile(0, str(tmp_path), str(path), name)


def test_member_references_hash_the_member_name(tmp_path: Path) -> None:
    f = put(tmp_path, "up.zip", make_zip([("Payroll Okafor/salaries.txt", b"x"), ("b.gz", b"\x1f\x8b")]))
    first, second = read_input_file(f, InputConfig(), LIMITS)
    assert (first.id, first.source, first.source_ref) == (
        fid("up.zip!Payroll Okafor/salaries.txt"),
        "up.zip!Payroll Okafor/salaries.txt",
        ref("up.zip!Payroll Okafor/salaries.txt"),
    )
    assert second == quarantined("up.zip!b.gz", QuarantineReason.UNSUPPORTED_TYPE, "NestedArchive", b"\x1f\x8b")
    assert "Okafor" not in second.source + second.id


@pytest.mark.parametrize(
    "name, data, reason, code",
    [
        ("x.zip.gz", b"\x1f\x8b anything", QuarantineReason.UNSUPPORTED_TYPE, "NestedArchive"),
        ("x.zip", b"PK\x05\x06 broken directory", QuarantineReason.DECODE_ERROR, "BadZipFile"),
        ("x.zip", make_zip([("rows.parquet", b"PAR1")]), QuarantineReason.UNSUPPORTED_TYPE, "ParquetInArchive"),
        ("x.zip", make_zip([("Okafor.png", fixture("photo.png"))]), QuarantineReason.UNSUPPORTED_TYPE, "PngImage"),
        ("x.zip", make_zip([("cv.docx", b"junk")]), QuarantineReason.DECODE_ERROR, "BadZipFile"),
    ],
)
def test_archive_outcomes(tmp_path: Path, name: str, data: bytes, reason: QuarantineReason, code: str) -> None:
    (record,) = read_input_file(put(tmp_path, name, data), InputConfig(), LIMITS)
    assert isinstance(record, QuarantineRecord) and (record.reason, record.error_class) == (reason, code)


def test_documents_over_the_record_limit_are_too_large(tmp_path: Path) -> None:
    f = put(tmp_path, "team.html", fixture("team.html"))
    (record,) = read_input_file(f, InputConfig(), LimitsConfig(max_record_chars=len(HTML_TEXT) - 1))
    assert (record.reason, record.error_class) == (QuarantineReason.TOO_LARGE, "RecordTooLarge")
    (record,) = read_input_file(f, InputConfig(), LimitsConfig(max_record_chars=len(HTML_TEXT)))
    assert isinstance(record, Document)


def test_quarantine_never_carries_names_or_content() -> None:
    limits = LimitsConfig(max_archive_members=100)
    records = [r for f in expand_inputs([str(FIXTURES)]) for r in read_input_file(f, InputConfig(), limits)]
    rows = [r for r in records if isinstance(r, QuarantineRecord)]
    assert len(rows) == 8
    for r in rows:
        blob = f"{r.id} {r.source} {r.error_class} {r.input_sha256}"
        for word in ("Okafor", "bundle", "locked", "inner", "photo", "random", "legacy", "bomb", "zip", "docx"):
            assert word not in blob
