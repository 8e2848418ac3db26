"""Unit tests for transforms.readers.files: uploads read whole into one record (raw text, e-mail, documents)."""

from __future__ import annotations

import codecs
import gzip
import os
from pathlib import Path

import pytest

from tests.transforms.readers.helpers import DECODE, READ, TOO_LARGE, fid, file_doc, put, qrec, read
from tests.transforms.readers.office import HTML_TEXT, fixture
from transforms.config import InputConfig, LimitsConfig
from transforms.readers.files import file_record, read_file_record, read_whole
from transforms.readers.inputs import InputFile
from transforms.records import Document, QuarantineReason, QuarantineRecord

# --- raw text files ----------------------------------------------------------------------------------

RAW_CASES = [
    # (name, bytes, expected text or (reason, error_class))
    ("notes.txt", b"Line one\r\nLine two\rthree\n", "Line one\r\nLine two\rthree\n"),
    ("README.md", codecs.BOM_UTF8 + "# Tïtle\n".encode(), "# Tïtle\n"),
    ("export.csv", codecs.BOM_UTF16_LE + "a,b\r\nJörg,1\r\n".encode("utf-16-le"), "a,b\r\nJörg,1\r\n"),
    ("log.log", codecs.BOM_UTF16_BE + "Zoë 😀\n".encode("utf-16-be"), "Zoë 😀\n"),
    ("app.env", b"API_KEY=abc123\n", "API_KEY=abc123\n"),
    ("main.py", b"print('\xe2\x82\xac')\n", "print('€')\n"),
    ("noext", b"", ""),
    ("NOTES.JSON", b'{"id": 1}', '{"id": 1}'),  # not JSONL: a raw file
    ("bad.txt", b"caf\xe9\n", (DECODE, "UnicodeDecodeError")),
    ("overlong.txt", b"\xc0\xaf", (DECODE, "UnicodeDecodeError")),
    ("odd.txt", codecs.BOM_UTF16_LE + b"a\x00b", (DECODE, "UnicodeDecodeError")),
    ("lone.txt", codecs.BOM_UTF16_LE + b"\x00\xd8", (DECODE, "UnicodeDecodeError")),
    ("bin.dat", b"ab\x00cd", (QuarantineReason.UNSUPPORTED_TYPE, "BinaryContent")),
    ("notes.txt", b"text\x00then more", (QuarantineReason.UNSUPPORTED_TYPE, "BinaryContent")),
    ("image.txt", b"\x89PNG\r\n\x1a\nrest", (QuarantineReason.UNSUPPORTED_TYPE, "PngImage")),
    ("utf32.txt", codecs.BOM_UTF32_LE + "x".encode("utf-32-le"), (DECODE, "NulByte")),
]


@pytest.mark.parametrize("name, data, expected", RAW_CASES)
def test_raw_file(tmp_path: Path, name: str, data: bytes, expected: str | tuple) -> None:
    cfg = InputConfig(keep_fields=["license", "language"])
    f = put(tmp_path, name, data)
    if isinstance(expected, str):
        want: Document | QuarantineRecord = file_doc(f, expected, data, (("language", None), ("license", None)))
    else:
        want = qrec(f, expected[0], expected[1], record_id=fid(f), raw=data)
    assert read(f, cfg) == [want]


def test_raw_file_limits(tmp_path: Path) -> None:
    f = put(tmp_path, "big.txt", b"x" * 11)
    assert read(f, limits=LimitsConfig(max_file_bytes=10)) == [qrec(f, TOO_LARGE, "FileTooLarge", size=11)]
    assert read(f, limits=LimitsConfig(max_record_chars=10)) == [
        qrec(f, TOO_LARGE, "RecordTooLarge", record_id=fid(f), raw=b"x" * 11)
    ]
    assert read(f, limits=LimitsConfig(max_file_bytes=11, max_record_chars=11)) == [file_doc(f, "x" * 11, b"x" * 11)]


def test_raw_gzip_file(tmp_path: Path) -> None:
    data = "Grüße\n".encode()
    f = put(tmp_path, "x.txt.gz", gzip.compress(data, mtime=0))
    assert read(f) == [file_doc(f, "Grüße\n", data)]


def test_raw_gzip_over_limit_after_decompression(tmp_path: Path) -> None:
    f = put(tmp_path, "bomb.txt.gz", gzip.compress(b"a" * 10_000, mtime=0))
    assert os.path.getsize(f.path) < 100
    assert read(f, limits=LimitsConfig(max_file_bytes=100)) == [qrec(f, TOO_LARGE, "FileTooLarge")]


def test_raw_truncated_gzip(tmp_path: Path) -> None:
    f = put(tmp_path, "x.log.gz", gzip.compress(b"some log line\n" * 50, mtime=0)[:-8])
    assert read(f) == [qrec(f, DECODE, "EOFError")]


# --- documents -------------------------------------------------------------------------------------------


def test_documents_over_the_record_limit_are_too_large(tmp_path: Path) -> None:
    f = put(tmp_path, "team.html", fixture("team.html"))
    (record,) = read(f, limits=LimitsConfig(max_record_chars=len(HTML_TEXT) - 1))
    assert (record.reason, record.error_class) == (QuarantineReason.TOO_LARGE, "RecordTooLarge")
    (record,) = read(f, limits=LimitsConfig(max_record_chars=len(HTML_TEXT)))
    assert isinstance(record, Document)


# --- the module's functions directly ---------------------------------------------------------------------


def test_file_record_quarantines_with_the_extractors_reason_and_the_bytes_digest(tmp_path: Path) -> None:
    f = InputFile(0, str(tmp_path), str(tmp_path / "cv.docx"), "cv.docx")
    assert file_record(f, "docx", b"junk", InputConfig(), LimitsConfig()) == qrec(
        f, DECODE, "BadZipFile", record_id=fid(f), raw=b"junk"
    )
    assert file_record(f, "raw", b"plain words", InputConfig(keep_fields=["b", "a"]), LimitsConfig()) == file_doc(
        f, "plain words", b"plain words", (("a", None), ("b", None))
    )


def test_read_whole_returns_bytes_or_the_reason_they_were_not_read(tmp_path: Path) -> None:
    f = put(tmp_path, "notes.txt.gz", gzip.compress(b"a" * 100, mtime=0))
    on_disk = os.path.getsize(f.path)
    assert on_disk < 50
    assert read_whole(f, True, LimitsConfig()) == b"a" * 100
    # over the limit on disk: the size is known; past it only once decompressed: it is not
    assert read_whole(f, True, LimitsConfig(max_file_bytes=on_disk - 1)) == qrec(
        f, TOO_LARGE, "FileTooLarge", size=on_disk
    )
    assert read_whole(f, True, LimitsConfig(max_file_bytes=50)) == qrec(f, TOO_LARGE, "FileTooLarge")
    gone = InputFile(0, str(tmp_path), str(tmp_path / "gone.txt"), "gone.txt")
    assert read_whole(gone, False, LimitsConfig()) == qrec(gone, READ, "FileNotFoundError")
    assert read_file_record(gone, "raw", False, InputConfig(), LimitsConfig()) == qrec(gone, READ, "FileNotFoundError")
