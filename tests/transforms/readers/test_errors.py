"""Unit tests for transforms.readers.errors: fixed failure codes and the quarantine reason of each kind."""

from __future__ import annotations

import pytest

from transforms.readers.errors import (
    CorruptDocument,
    DocumentError,
    DocumentTooLarge,
    UnsupportedDocument,
    quarantine_reason,
)
from transforms.records import QuarantineReason


@pytest.mark.parametrize(
    "exc, reason",
    [
        (CorruptDocument("BadZipFile"), QuarantineReason.DECODE_ERROR),
        (DocumentTooLarge("MemberTooLarge"), QuarantineReason.TOO_LARGE),
        (UnsupportedDocument("EncryptedMember"), QuarantineReason.UNSUPPORTED_TYPE),
        (DocumentError("Other"), QuarantineReason.UNSUPPORTED_TYPE),
    ],
)
def test_quarantine_reason(exc: DocumentError, reason: QuarantineReason) -> None:
    assert quarantine_reason(exc) is reason


def test_an_error_carries_its_code_and_nothing_else() -> None:
    exc = CorruptDocument("PdfStreamError")
    assert (exc.error_class, exc.args, str(exc)) == ("PdfStreamError", ("PdfStreamError",), "PdfStreamError")
