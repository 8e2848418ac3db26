"""Zip containers opened within the archive limits: uploaded ``.zip`` files and office packages.

The whole central directory is checked against ``limits.max_archive_*`` before any member is
inflated, and a member is never read past what it declares, so a zip bomb or a member flood costs one
``DocumentTooLarge`` and no memory. Used by the zip reader (``archives``) and by the office formats
(``formats.ooxml``), whose files are zip packages too.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from transforms.config import LimitsConfig
from transforms.readers.errors import CorruptDocument, DocumentTooLarge, UnsupportedDocument

__all__ = [
    "ARCHIVE_RATIO_MIN_BYTES",
    "ArchiveMember",
    "archive_members",
    "check_archive",
    "member_name",
    "open_zip",
    "read_member",
]

# Compression ratio is only checked for members that inflate past this size: a small member of
# repeated characters may legitimately compress far better than any bomb threshold.
ARCHIVE_RATIO_MIN_BYTES = 1 << 20


# General purpose bit 11: the member's name is UTF-8. Without it, zipfile decodes the name as CP437.
_UTF8_NAME = 0x800


@dataclass(frozen=True)
class ArchiveMember:
    """One file in an archive: its name (data: never log it), the entry it is stored under and its
    declared sizes."""

    name: str
    file_size: int
    compress_size: int
    encrypted: bool
    entry: str  # the name zipfile lists it under (differs from ``name`` when that was re-decoded)


def member_name(info: zipfile.ZipInfo) -> str:
    """The member's name as its writer meant it.

    A name stored without the UTF-8 flag is decoded by ``zipfile`` as code page 437, but many tools
    write UTF-8 there without setting the flag; read as CP437, ``Jürgen_CV.txt`` becomes
    ``J├╝rgen_CV.txt``, which no detector recognises and anyone can decode back. Such a name is read
    as UTF-8 when its bytes are valid UTF-8 (a real CP437 name with non-ASCII letters rarely is).
    """
    if info.flag_bits & _UTF8_NAME or info.filename.isascii():
        return info.filename
    try:
        return info.filename.encode("cp437").decode("utf-8")
    except UnicodeError:
        return info.filename


def check_archive(zf: zipfile.ZipFile, limits: LimitsConfig) -> list[zipfile.ZipInfo]:
    """Every entry of ``zf``, after checking the whole directory against the archive limits.

    Raises ``DocumentTooLarge`` (``TooManyMembers``, ``MemberTooLarge``, ``ArchiveTooLarge``,
    ``CompressionRatioTooHigh``) on the first limit exceeded, in that order of checks.
    """
    infos = zf.infolist()
    if len(infos) > limits.max_archive_members:
        raise DocumentTooLarge("TooManyMembers")
    total = 0
    for info in infos:
        if info.file_size > limits.max_archive_member_bytes:
            raise DocumentTooLarge("MemberTooLarge")
        total += info.file_size
        if total > limits.max_archive_total_bytes:
            raise DocumentTooLarge("ArchiveTooLarge")
        if info.file_size > ARCHIVE_RATIO_MIN_BYTES and info.file_size > limits.max_archive_ratio * max(
            info.compress_size, 1
        ):
            raise DocumentTooLarge("CompressionRatioTooHigh")
    return infos


def _skipped_member(info: zipfile.ZipInfo) -> bool:
    """Directories, hidden entries and macOS resource forks, like the hidden files a directory walk skips."""
    if info.is_dir():
        return True
    return any(part.startswith(".") or part == "__MACOSX" for part in info.filename.split("/"))


def open_zip(data: bytes) -> zipfile.ZipFile:
    """``data`` opened as a zip archive; not one: ``CorruptDocument(<exception class name>)``."""
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except MemoryError:
        raise
    except Exception as exc:  # BadZipFile, or ValueError/struct.error/OSError on a damaged directory
        raise CorruptDocument(type(exc).__name__) from None


def archive_members(data: bytes, limits: LimitsConfig) -> tuple[zipfile.ZipFile, list[ArchiveMember]]:
    """Open a zip archive and list the members to read, in central-directory order.

    The whole archive is checked before any member is read: more than ``max_archive_members`` entries,
    a member declaring more than ``max_archive_member_bytes``, more than ``max_archive_total_bytes`` in
    all, or a member over ``ARCHIVE_RATIO_MIN_BYTES`` inflating more than ``max_archive_ratio`` times
    raise ``DocumentTooLarge`` (``TooManyMembers``, ``MemberTooLarge``, ``ArchiveTooLarge``,
    ``CompressionRatioTooHigh``). Declared sizes bound what is read: ``zipfile`` never returns more
    than a member declares, and a member whose data disagrees fails its CRC check. Directories,
    hidden entries (a path component starting with ``.``) and ``__MACOSX/`` are not listed. A name
    stored as UTF-8 without the UTF-8 flag is read as UTF-8 (``member_name``).
    Not a zip archive: ``CorruptDocument``.
    """
    zf = open_zip(data)
    infos = check_archive(zf, limits)
    members = [
        ArchiveMember(member_name(i), i.file_size, i.compress_size, bool(i.flag_bits & 0x1), i.filename)
        for i in infos
        if not _skipped_member(i)
    ]
    return zf, members


def read_member(zf: zipfile.ZipFile, member: ArchiveMember, limits: LimitsConfig) -> bytes:
    """The bytes of one member listed by ``archive_members``.

    Encrypted: ``UnsupportedDocument("EncryptedMember")``; a compression method ``zipfile`` lacks:
    ``UnsupportedDocument("UnsupportedCompression")``; damaged data or a CRC mismatch:
    ``CorruptDocument``; more bytes than the per-member limit: ``DocumentTooLarge("MemberTooLarge")``.
    """
    if member.encrypted:
        raise UnsupportedDocument("EncryptedMember")
    try:
        with zf.open(member.entry) as fh:
            data = fh.read(limits.max_archive_member_bytes + 1)
    except NotImplementedError:
        raise UnsupportedDocument("UnsupportedCompression") from None
    except MemoryError:
        raise
    except Exception as exc:  # BadZipFile (CRC), zlib.error, EOFError, lzma/bz2 errors
        raise CorruptDocument(type(exc).__name__) from None
    if len(data) > limits.max_archive_member_bytes:
        raise DocumentTooLarge("MemberTooLarge")
    return data
