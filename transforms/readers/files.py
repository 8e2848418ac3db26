"""Uploads read whole and turned into one record: plain text, e-mail and document files.

The file is read (a ``.gz`` decompressed first) up to ``limits.max_file_bytes``, its text extracted by
the extractor of its kind (``formats``), and the text checked against ``limits.max_record_chars``.
``input_sha256``/``size_bytes`` describe the (decompressed) bytes.
"""

from __future__ import annotations

import hashlib

from transforms import storage
from transforms.config import InputConfig, LimitsConfig
from transforms.readers.errors import DocumentError, quarantine_reason
from transforms.readers.formats import extract_text
from transforms.readers.inputs import (
    DECOMPRESS_ERRORS,
    InputFile,
    Opener,
    file_record_id,
    opaque_source,
    open_input,
    quarantine_record,
    stored_size,
)
from transforms.readers.rows import encodable, file_metadata
from transforms.records import Document, QuarantineReason, QuarantineRecord

__all__ = ["file_record", "read_file_record", "read_whole"]


def read_whole(
    f: InputFile, compressed: bool, limits: LimitsConfig, opener: Opener = storage.open_read
) -> bytes | QuarantineRecord:
    """The file's (decompressed) bytes, or the quarantine record saying why they were not read.

    Cannot be opened or read: ``READ_ERROR``; a damaged gzip stream: ``DECODE_ERROR``; more than
    ``limits.max_file_bytes`` stored or once decompressed: ``TOO_LARGE`` (``FileTooLarge``).
    """
    try:
        fh = open_input(f.path, compressed, opener)
    except OSError as exc:
        return quarantine_record(f, QuarantineReason.READ_ERROR, type(exc).__name__)
    with fh:
        try:
            on_disk = stored_size(fh)
            if on_disk is not None and on_disk > limits.max_file_bytes:
                return quarantine_record(f, QuarantineReason.TOO_LARGE, "FileTooLarge", size=on_disk)
            data = fh.read(limits.max_file_bytes + 1)
        except DECOMPRESS_ERRORS as exc:
            return quarantine_record(f, QuarantineReason.DECODE_ERROR, type(exc).__name__)
        except OSError as exc:
            return quarantine_record(f, QuarantineReason.READ_ERROR, type(exc).__name__)
    if len(data) > limits.max_file_bytes:  # grew since opened, or decompresses past the limit
        return quarantine_record(f, QuarantineReason.TOO_LARGE, "FileTooLarge")
    return data


def file_record(
    f: InputFile, kind: str, data: bytes, cfg: InputConfig, limits: LimitsConfig
) -> Document | QuarantineRecord:
    """One whole-file record (raw text, e-mail or document of ``kind``) from its bytes.

    A file whose text cannot be extracted is quarantined with the reason and code of its
    ``DocumentError``; text over ``limits.max_record_chars`` is ``TOO_LARGE`` (``RecordTooLarge``);
    text holding a lone surrogate is ``DECODE_ERROR`` (``UnicodeEncodeError``). The record's id is
    ``file_record_id(f)``, its metadata its partition keys (``rows.file_metadata``), every other kept
    field with no value; a partition value not of its configured type is ``INVALID_RECORD``.
    """
    sha, size = hashlib.sha256(data).hexdigest(), len(data)
    record_id = file_record_id(f)

    def bad(reason: QuarantineReason, code: str) -> QuarantineRecord:
        return quarantine_record(f, reason, code, record_id=record_id, sha=sha, size=size)

    try:
        text = extract_text(kind, data, limits)
    except DocumentError as exc:
        return bad(quarantine_reason(exc), exc.error_class)
    if len(text) > limits.max_record_chars:
        return bad(QuarantineReason.TOO_LARGE, "RecordTooLarge")
    if not encodable(text):
        return bad(QuarantineReason.DECODE_ERROR, "UnicodeEncodeError")
    metadata = file_metadata(f, cfg)
    if metadata is None:
        return bad(QuarantineReason.INVALID_RECORD, "InvalidPartitionValue")
    return Document(
        id=record_id,
        text=text,
        source=f.relpath,
        metadata=metadata[0],
        source_ref=opaque_source(f),
        input_sha256=sha,
        size_bytes=size,
        metadata_types=metadata[1],
    )


def read_file_record(
    f: InputFile,
    kind: str,
    compressed: bool,
    cfg: InputConfig,
    limits: LimitsConfig,
    opener: Opener = storage.open_read,
) -> Document | QuarantineRecord:
    """The one record of a file read whole (opened with ``opener``): ``read_whole``, then ``file_record``."""
    data = read_whole(f, compressed, limits, opener)
    if isinstance(data, QuarantineRecord):
        return data
    return file_record(f, kind, data, cfg, limits)
