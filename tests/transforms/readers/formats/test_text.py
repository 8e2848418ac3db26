"""Unit tests for transforms.readers.formats.text: binary content refused, text decoded exactly."""

from __future__ import annotations

import codecs

import pytest

from tests.transforms.readers.office import LIMITS, assert_fails_with_code, fixture
from transforms.readers.errors import CorruptDocument, UnsupportedDocument
from transforms.readers.formats.text import binary_signature, decode_text, plain_text


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


@pytest.mark.parametrize(
    "data, text",
    [
        (b"caf\xc3\xa9\r\n", "café\r\n"),
        (codecs.BOM_UTF8 + b"x", "x"),
        (codecs.BOM_UTF8 + codecs.BOM_UTF8 + b"x", "\ufeffx"),  # only the first BOM is a mark
        (codecs.BOM_UTF16_BE + "Zoë".encode("utf-16-be"), "Zoë"),
        (b"", ""),
    ],
)
def test_decode_text(data: bytes, text: str) -> None:
    assert decode_text(data) == text


def test_plain_text_refuses_binary_and_undecodable_content() -> None:
    assert plain_text(b"line\r\n\tindented\n", LIMITS) == "line\r\n\tindented\n"
    assert_fails_with_code(plain_text, b"\x7fELF\x02", UnsupportedDocument, "ElfExecutable")
    assert_fails_with_code(plain_text, b"a\x00b", UnsupportedDocument, "BinaryContent")
    assert_fails_with_code(plain_text, b"\xff", CorruptDocument, "UnicodeDecodeError")
    assert_fails_with_code(plain_text, codecs.BOM_UTF16_LE + b"a\x00\x00\x00", CorruptDocument, "NulByte")
