"""Zip uploads (``.zip``): one record per member, each read as if it were a file with the member's name.

A member's ``source`` is ``relpath!member``; its id (an archive member's, a namespace apart from
files') and opaque ``source_ref`` derive from the archive's place and the member's name (keyed) or
position (without a state key), see ``inputs.derived_id``. The archive is read
whole and checked against the archive limits before any member is inflated (``zipsafe``). Nested
archives (``.zip`` and ``.gz`` members, a ``.zip.gz`` file) and Parquet members are not opened.
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from transforms import storage
from transforms.config import InputConfig, LimitsConfig
from transforms.readers.errors import DocumentError, quarantine_reason
from transforms.readers.files import file_record, read_whole
from transforms.readers.inputs import InputFile, Opener, quarantine_record
from transforms.readers.jsonl import read_jsonl_bytes
from transforms.readers.kinds import kind_of_name
from transforms.readers.zipsafe import ArchiveMember, archive_members, read_member
from transforms.records import QuarantineReason, QuarantineRecord

__all__ = ["member_file", "read_zip"]


def member_file(f: InputFile, name: str, index: int) -> InputFile:
    """A zip member seen as a file of its own: ``relpath`` is ``<archive relpath>!<member name>``,
    ``member`` the name and ``member_index`` its 1-based ``index`` among the members read, so its
    record id (of kind ``MEMBER``), ``source`` and opaque ``source_ref`` derive from the archive's
    and its own."""
    return replace(f, relpath=f"{f.relpath}!{name}", member=name, member_index=index)


def _unopened(kind: str, nested: bool) -> str:
    """The code of a member kind that is not opened, or "" for one that is."""
    if nested or kind == "zip":
        return "NestedArchive"
    if kind == "parquet":
        return "ParquetInArchive"
    return ""


def _member_records(
    mf: InputFile, zf: zipfile.ZipFile, member: ArchiveMember, cfg: InputConfig, limits: LimitsConfig
) -> Iterator[Any]:
    try:
        mdata = read_member(zf, member, limits)
    except DocumentError as exc:
        yield quarantine_record(mf, quarantine_reason(exc), exc.error_class, size=member.file_size)
        return
    kind, nested = kind_of_name(member.name)
    code = _unopened(kind, nested)
    if code:
        sha = hashlib.sha256(mdata).hexdigest()
        yield quarantine_record(mf, QuarantineReason.UNSUPPORTED_TYPE, code, sha=sha, size=len(mdata))
    elif kind == "jsonl":
        yield from read_jsonl_bytes(mf, mdata, cfg, limits)
    else:
        yield file_record(mf, kind, mdata, cfg, limits)


def read_zip(
    f: InputFile, compressed: bool, cfg: InputConfig, limits: LimitsConfig, opener: Opener = storage.open_read
) -> Iterator[Any]:
    """Every member's records, in central-directory order (directories and hidden members skipped); the
    archive is opened with ``opener``.

    A gzipped archive is one ``UNSUPPORTED_TYPE`` (``NestedArchive``); an archive over the limits or
    not a zip is one record for the whole archive (``TOO_LARGE`` or ``DECODE_ERROR``). A member that
    cannot be read (encrypted, damaged, too large) is one record; the other members are still read.
    """
    if compressed:
        yield quarantine_record(f, QuarantineReason.UNSUPPORTED_TYPE, "NestedArchive")
        return
    data = read_whole(f, False, limits, opener)
    if isinstance(data, QuarantineRecord):
        yield data
        return
    try:
        zf, members = archive_members(data, limits)
    except DocumentError as exc:
        sha, size = hashlib.sha256(data).hexdigest(), len(data)
        yield quarantine_record(f, quarantine_reason(exc), exc.error_class, sha=sha, size=size)
        return
    with zf:
        for index, member in enumerate(members, 1):
            yield from _member_records(member_file(f, member.name, index), zf, member, cfg, limits)
