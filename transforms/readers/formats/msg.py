"""Outlook messages (``.msg``): an OLE compound file of MAPI properties (MS-OXMSG), laid out like an .eml."""

from __future__ import annotations

import codecs
import io
import struct
from typing import Any

from transforms.config import LimitsConfig
from transforms.readers.errors import CorruptDocument, UnsupportedDocument
from transforms.readers.formats.base import guarded, join_blocks, property_lines
from transforms.readers.formats.html import html_to_text
from transforms.readers.formats.text import decode_text

__all__ = ["msg_text"]

_PT_STRING8, _PT_UNICODE, _PT_BINARY, _PT_LONG = 0x001E, 0x001F, 0x0102, 0x0003
_PR_SUBJECT = 0x0037
_PR_SENT_REPRESENTING_NAME, _PR_SENT_REPRESENTING_EMAIL, _PR_SENT_REPRESENTING_SMTP = 0x0042, 0x0065, 0x5D02
_PR_SENDER_NAME, _PR_SENDER_EMAIL, _PR_SENDER_SMTP = 0x0C1A, 0x0C1F, 0x5D01
_PR_DISPLAY_BCC, _PR_DISPLAY_CC, _PR_DISPLAY_TO = 0x0E02, 0x0E03, 0x0E04
_PR_BODY, _PR_RTF_COMPRESSED, _PR_HTML = 0x1000, 0x1009, 0x1013
_PR_DISPLAY_NAME, _PR_EMAIL_ADDRESS, _PR_SMTP_ADDRESS = 0x3001, 0x3003, 0x39FE
_PR_ATTACH_FILENAME, _PR_ATTACH_LONG_FILENAME = 0x3704, 0x3707
_PR_MESSAGE_CODEPAGE, _PR_INTERNET_CPID = 0x3FFD, 0x3FDE
_PROPERTIES_STREAM = "__properties_version1.0"
_CODEPAGES = {20127: "ascii", 28591: "latin-1", 65001: "utf-8", 1200: "utf-16-le"}


class _MsgStorage:
    """The property streams of one storage (the message, a recipient or an attachment)."""

    def __init__(self, ole: Any, path: list[str], codepage: str) -> None:
        self.ole, self.path, self.codepage = ole, path, codepage

    def _stream(self, prop: int, ptype: int) -> bytes | None:
        name = [*self.path, f"__substg1.0_{prop:04X}{ptype:04X}"]
        if not self.ole.exists("/".join(name)):
            return None
        return self.ole.openstream(name).read()

    def string(self, prop: int) -> str:
        raw = self._stream(prop, _PT_UNICODE)
        if raw is not None:
            return raw.decode("utf-16-le").rstrip("\x00").strip()
        raw = self._stream(prop, _PT_STRING8)
        if raw is not None:
            return raw.decode(self.codepage).rstrip("\x00").strip()
        return ""

    def binary(self, prop: int) -> bytes | None:
        return self._stream(prop, _PT_BINARY)


def _msg_codepage(ole: Any) -> str:
    """The codec of the message's 8-bit strings: PR_MESSAGE_CODEPAGE, else PR_INTERNET_CPID, else cp1252."""
    raw = ole.openstream(_PROPERTIES_STREAM).read()
    found: dict[int, int] = {}
    for offset in range(32, len(raw) - 15, 16):  # 32-byte header, then 16-byte fixed-size entries
        tag, _flags, value = struct.unpack_from("<IIQ", raw, offset)
        if tag & 0xFFFF == _PT_LONG and tag >> 16 in (_PR_MESSAGE_CODEPAGE, _PR_INTERNET_CPID):
            found[tag >> 16] = value & 0xFFFFFFFF
    number = found.get(_PR_MESSAGE_CODEPAGE, found.get(_PR_INTERNET_CPID, 1252))
    name = _CODEPAGES.get(number, f"cp{number}")
    try:
        codecs.lookup(name)
    except LookupError:
        raise UnsupportedDocument("UnknownCodepage") from None
    return name


def _address(name: str, address: str) -> str:
    if name and address and name != address:
        return f"{name} <{address}>"
    return name or address


def _msg_children(ole: Any, prefix: str) -> list[str]:
    names = {entry[0] for entry in ole.listdir(streams=True, storages=True) if entry[0].startswith(prefix)}
    return sorted(names)


@guarded
def msg_text(data: bytes, limits: LimitsConfig) -> str:
    """Text of an Outlook message, laid out like an .eml.

    Layout: header lines ``From: <name> <address>`` (sent-representing, else sender), ``To:``,
    ``Cc:``, ``Bcc:`` (the display lists), ``Subject:``; then ``Recipient: <name> <address>`` per
    recipient and ``Attachment: <file name>`` per attachment; a blank line; the plain-text body, or,
    when there is none, the HTML body rendered as text. A message whose only body is compressed RTF
    is ``UnsupportedDocument("RtfOnlyBody")``.

    Dropped: dates, transport headers (the original Internet headers), attachment contents (like
    non-text .eml attachments), embedded messages, named properties.
    """
    import olefile

    if not data.startswith(olefile.MAGIC):
        raise CorruptDocument("NotOleFile")
    ole = olefile.OleFileIO(io.BytesIO(data))
    with ole:
        if not ole.exists(_PROPERTIES_STREAM):
            raise CorruptDocument("NotOutlookMessage")
        codepage = _msg_codepage(ole)
        msg = _MsgStorage(ole, [], codepage)
        sender = _address(
            msg.string(_PR_SENT_REPRESENTING_NAME) or msg.string(_PR_SENDER_NAME),
            msg.string(_PR_SENT_REPRESENTING_SMTP)
            or msg.string(_PR_SENT_REPRESENTING_EMAIL)
            or msg.string(_PR_SENDER_SMTP)
            or msg.string(_PR_SENDER_EMAIL),
        )
        headers = [
            ("From", sender),
            ("To", msg.string(_PR_DISPLAY_TO)),
            ("Cc", msg.string(_PR_DISPLAY_CC)),
            ("Bcc", msg.string(_PR_DISPLAY_BCC)),
            ("Subject", msg.string(_PR_SUBJECT)),
        ]
        for storage in _msg_children(ole, "__recip_version1.0_"):
            r = _MsgStorage(ole, [storage], codepage)
            address = r.string(_PR_SMTP_ADDRESS) or r.string(_PR_EMAIL_ADDRESS)
            headers.append(("Recipient", _address(r.string(_PR_DISPLAY_NAME), address)))
        for storage in _msg_children(ole, "__attach_version1.0_"):
            a = _MsgStorage(ole, [storage], codepage)
            headers.append(("Attachment", a.string(_PR_ATTACH_LONG_FILENAME) or a.string(_PR_ATTACH_FILENAME)))
        body = msg.string(_PR_BODY)
        if not body:
            html = msg.binary(_PR_HTML)
            if html is None:
                raw = msg.string(_PR_HTML)  # some writers store the HTML body as a string
                body = html_to_text(raw) if raw else ""
            else:
                body = html_to_text(_decode_html_body(html, codepage))
            if not body and msg.binary(_PR_RTF_COMPRESSED) is not None:
                raise UnsupportedDocument("RtfOnlyBody")
    return join_blocks(property_lines(headers), body)


def _decode_html_body(raw: bytes, codepage: str) -> str:
    try:
        return decode_text(raw)
    except UnicodeDecodeError:
        return raw.decode(codepage)
