"""Unit tests for transforms.readers.formats.msg: Outlook messages laid out like an .eml."""

from __future__ import annotations

import pytest

from tests.transforms.readers.office import LIMITS, MSG_TEXT, assert_fails_with_code, fixture
from transforms.readers.errors import CorruptDocument
from transforms.readers.formats.msg import msg_text


def test_extracted_text_is_exact_and_includes_metadata() -> None:
    data = fixture("offer.msg")
    assert msg_text(data, LIMITS) == MSG_TEXT
    assert msg_text(data, LIMITS) == MSG_TEXT  # no state carried between calls


def test_attachment_contents_are_dropped() -> None:
    assert "attachment contents" not in msg_text(fixture("offer.msg"), LIMITS)


@pytest.mark.parametrize(
    "data, code",
    [
        (b"From: someone\n\nnot an OLE file", "NotOleFile"),
        (fixture("legacy.doc"), "NotOutlookMessage"),
        (fixture("offer.msg")[:1024], "OleFileError"),
    ],
)
def test_failures_raise_a_fixed_code_and_no_message(data: bytes, code: str) -> None:
    assert_fails_with_code(msg_text, data, CorruptDocument, code)
