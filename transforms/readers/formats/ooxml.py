"""What the Office Open XML formats (.docx, .pptx, .xlsx) share: the package check and core properties."""

from __future__ import annotations

from typing import Any

from transforms.config import LimitsConfig
from transforms.readers.errors import UnsupportedDocument
from transforms.readers.formats.base import property_lines
from transforms.readers.zipsafe import check_archive, open_zip

__all__ = ["CORE_PROPERTIES", "check_package", "core_properties"]


def check_package(data: bytes, limits: LimitsConfig) -> None:
    """An office package is a zip archive: hold it to the archive limits before a library inflates it.

    An OLE compound file (a password-protected package, or a legacy binary Office file under a new
    name): ``UnsupportedDocument("OleCompoundFile")``; an encrypted member:
    ``UnsupportedDocument("EncryptedMember")``; over the limits: ``DocumentTooLarge``; not a zip:
    ``CorruptDocument``.
    """
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # password-protected OOXML, or a legacy file renamed
        raise UnsupportedDocument("OleCompoundFile")
    zf = open_zip(data)
    with zf:
        infos = check_archive(zf, limits)
    if any(i.flag_bits & 0x1 for i in infos):
        raise UnsupportedDocument("EncryptedMember")


# Core properties of .docx and .pptx (python-docx and python-pptx use the same attribute names).
CORE_PROPERTIES = (
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


def core_properties(props: Any) -> str:
    """One ``Label: value`` line per non-empty core property of a .docx or .pptx (``CORE_PROPERTIES`` order)."""
    return property_lines((label, getattr(props, attr, None)) for attr, label in CORE_PROPERTIES)
