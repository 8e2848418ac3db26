"""Why a file cannot become text, as exceptions that carry a fixed code and nothing else.

Every reader and format extractor fails with a ``DocumentError`` subclass whose only content is
``error_class`` (a library exception class name or one of our codes), never a message, so nothing a
file contains can reach a log or the quarantine. ``quarantine_reason`` maps each kind onto the
quarantine reason it is reported under.
"""

from __future__ import annotations

from transforms.records import QuarantineReason

__all__ = [
    "CorruptDocument",
    "DocumentError",
    "DocumentTooLarge",
    "UnsupportedDocument",
    "quarantine_reason",
]


class DocumentError(Exception):
    """A document that cannot become text. ``error_class`` is a fixed code, never a message."""

    def __init__(self, error_class: str) -> None:
        super().__init__(error_class)
        self.error_class = error_class


class CorruptDocument(DocumentError):
    """The bytes are not a valid document of the kind the file name says (``decode_error``)."""


class UnsupportedDocument(DocumentError):
    """A kind scrubline does not read: binary content, encryption, a nested archive (``unsupported_type``)."""


class DocumentTooLarge(DocumentError):
    """An archive (or office package) over the configured member count, size or ratio limits (``too_large``)."""


def quarantine_reason(exc: DocumentError) -> QuarantineReason:
    """The quarantine reason of a failure: ``DECODE_ERROR``, ``TOO_LARGE``, else ``UNSUPPORTED_TYPE``."""
    if isinstance(exc, CorruptDocument):
        return QuarantineReason.DECODE_ERROR
    if isinstance(exc, DocumentTooLarge):
        return QuarantineReason.TOO_LARGE
    return QuarantineReason.UNSUPPORTED_TYPE
