"""Plain text files: binary content is refused, text is decoded as UTF-8 or BOM-marked UTF-16.

The fallback format: any file whose name selects no other reader. Its text is kept exactly as decoded
(no newline or Unicode normalisation).
"""

from __future__ import annotations

import codecs

from transforms.config import LimitsConfig
from transforms.readers.errors import CorruptDocument, UnsupportedDocument

__all__ = ["binary_signature", "decode_text", "plain_text"]

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


def plain_text(data: bytes, limits: LimitsConfig) -> str:
    """The text of a plain text file, exactly as decoded.

    Binary content: ``UnsupportedDocument(<binary_signature code>)``; undecodable:
    ``CorruptDocument("UnicodeDecodeError")``; decoded text holding U+0000 (UTF-16 with a BOM):
    ``CorruptDocument("NulByte")``.
    """
    signature = binary_signature(data)
    if signature is not None:
        raise UnsupportedDocument(signature)
    try:
        text = decode_text(data)
    except UnicodeDecodeError:
        raise CorruptDocument("UnicodeDecodeError") from None
    if "\x00" in text:
        raise CorruptDocument("NulByte")
    return text
