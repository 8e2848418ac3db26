"""Unit tests for transforms.readers.formats.ooxml: the office package check and core properties."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tests.transforms.readers.helpers import make_zip
from tests.transforms.readers.office import LIMITS, fixture
from transforms.config import LimitsConfig
from transforms.readers.errors import CorruptDocument, DocumentError, DocumentTooLarge, UnsupportedDocument
from transforms.readers.formats.ooxml import check_package, core_properties


def test_a_sound_package_passes() -> None:
    check_package(fixture("review.docx"), LIMITS)
    check_package(make_zip([("[Content_Types].xml", b"<Types/>")]), LIMITS)


def _encrypted(data: bytes) -> bytes:
    """``data`` (a zip with one member) with the member's encryption flag set in both headers."""
    out = bytearray(data)
    out[6] |= 0x1  # local file header: general purpose bit flag
    central = out.index(b"PK\x01\x02")
    out[central + 8] |= 0x1  # central directory header: general purpose bit flag
    return bytes(out)


@pytest.mark.parametrize(
    "data, limits, exc_type, code",
    [
        (fixture("legacy.doc"), LIMITS, UnsupportedDocument, "OleCompoundFile"),
        (_encrypted(make_zip([("word/document.xml", b"<w/>")])), LIMITS, UnsupportedDocument, "EncryptedMember"),
        (fixture("review.docx"), LimitsConfig(max_archive_members=5), DocumentTooLarge, "TooManyMembers"),
        (b"plain text", LIMITS, CorruptDocument, "BadZipFile"),
    ],
)
def test_package_failures(data: bytes, limits: LimitsConfig, exc_type: type, code: str) -> None:
    with pytest.raises(DocumentError) as info:
        check_package(data, limits)
    assert (type(info.value), info.value.error_class) == (exc_type, code)


def test_core_properties_in_fixed_order_empty_and_non_text_ones_dropped() -> None:
    props = SimpleNamespace(
        version="2", title=" Plan ", author="Ines Duarte", keywords="", comments=None, revision=4, category="HR"
    )
    assert core_properties(props) == "Title: Plan\nAuthor: Ines Duarte\nCategory: HR\nVersion: 2"
