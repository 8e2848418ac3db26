"""E-mail files (``.eml``): the address and subject headers, then every text part."""

from __future__ import annotations

import email
from email import policy

from transforms.config import LimitsConfig
from transforms.readers.formats.base import guarded
from transforms.readers.formats.html import html_to_text

__all__ = ["EML_HEADERS", "eml_text"]

EML_HEADERS = ("From", "To", "Cc", "Bcc", "Reply-To", "Date", "Subject")


@guarded
def eml_text(data: bytes, limits: LimitsConfig) -> str:
    """Text of an e-mail message.

    Layout: the From/To/Cc/Bcc/Reply-To/Date/Subject header lines present (decoded), a blank line,
    then every text/plain part and every text/html part (inline or attached; HTML rendered as text by
    ``html_to_text``), separated by blank lines. Mail the ``email`` package cannot parse:
    ``CorruptDocument(<exception class name>)``.

    Dropped: every other header, and non-text attachments (neither read nor reported).
    """
    msg = email.message_from_bytes(data, policy=policy.default)
    headers = [f"{name}: {value}" for name in EML_HEADERS for value in (msg.get_all(name) or [])]
    blocks = ["\n".join(headers)] if headers else []
    for part in msg.walk():
        if part.is_multipart():
            continue
        ctype = part.get_content_type()
        if ctype == "text/plain":
            blocks.append(part.get_content())
        elif ctype == "text/html":
            blocks.append(html_to_text(part.get_content()))
    return "\n\n".join(b for b in blocks if b)
