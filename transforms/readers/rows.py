"""One JSON object or Parquet row onto a record: its id, its text fields, its kept metadata, exclusion.

Shared by the JSONL and Parquet readers (a zip member's JSONL lines too). ``record_from_row`` checks,
in this order: an ``input.exclude`` rule (an excluded row goes nowhere, not even to quarantine), the
id, the text fields, the record length, the kept fields, and (when the source may hold them) lone
surrogates, and says with a fixed code why a row cannot be a record.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from transforms.config import InputConfig, LimitsConfig
from transforms.metadata import Metadata, MetadataTypes, declared_types, json_value, parquet_value, strings_in
from transforms.readers.inputs import InputFile, opaque_source, position_id, quarantine_record
from transforms.readers.partitions import PartitionValueError, partition_values
from transforms.records import Document, Excluded, QuarantineReason, QuarantineRecord, supplied_id

__all__ = ["Metadata", "empty_metadata", "encodable", "file_metadata", "kept_metadata", "record_from_row"]


class _Refused(Exception):
    """Why a row is not a record: a quarantine reason and a fixed code."""

    def __init__(self, reason: QuarantineReason, code: str) -> None:
        super().__init__(code)
        self.reason, self.code = reason, code


def encodable(s: str) -> bool:
    """Whether ``s`` encodes as UTF-8 (it holds no lone surrogate)."""
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _decoded(value: Any) -> Any:
    """``value`` with every bytes value in it decoded as UTF-8 (strict: raises ``UnicodeDecodeError``)."""
    if isinstance(value, bytes):
        return value.decode("utf-8")
    if isinstance(value, dict):
        return {k: _decoded(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_decoded(v) for v in value]
    return value


def _render(value: Any) -> str | None:
    """A string as is, bytes as their UTF-8 text, another value as sorted JSON (bytes in it decoded):
    how an ``input.exclude`` rule compares a field."""
    value = _decoded(value)
    if value is None:
        return None
    if isinstance(value, str):
        return value
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def empty_metadata(cfg: InputConfig) -> Metadata:
    """Every kept field, sorted by name, with no value: the metadata of a record that is a whole file."""
    return tuple((name, None) for name in sorted(set(cfg.keep_fields)))


def _excluded(obj: dict[str, Any], cfg: InputConfig) -> bool:
    for rule in cfg.exclude:
        try:
            value = _render(obj.get(rule.field))
        except (TypeError, ValueError):
            continue
        if value is not None and value in rule.values:
            return True
    return False


def _excluded_record(f: InputFile, raw_id: Any, suffix: str) -> Excluded:
    """The row's own id (as ``supplied_id`` writes it) when it has a usable one, else its position's id."""
    valid_id = isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool) and str(raw_id) != ""
    return Excluded(supplied_id(str(raw_id)) if valid_id else position_id(f, suffix), opaque_source(f, suffix))


def _record_id(raw_id: Any, check_surrogates: bool) -> str:
    if raw_id is None:
        raise _Refused(QuarantineReason.INVALID_RECORD, "MissingId")
    if isinstance(raw_id, bool) or not isinstance(raw_id, (str, int)):
        raise _Refused(QuarantineReason.INVALID_RECORD, "InvalidIdType")
    record_id = str(raw_id)
    if not record_id:
        raise _Refused(QuarantineReason.INVALID_RECORD, "EmptyId")
    if check_surrogates and not encodable(record_id):
        raise _Refused(QuarantineReason.DECODE_ERROR, "UnicodeEncodeError")
    return supplied_id(record_id)


def _record_text(obj: dict[str, Any], cfg: InputConfig, limits: LimitsConfig) -> str:
    """The text fields present, in configured order, joined by a blank line."""
    parts: list[str] = []
    for name in cfg.text_fields:
        value = obj.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            raise _Refused(QuarantineReason.INVALID_RECORD, "InvalidTextType")
        parts.append(value)
    if not parts:
        raise _Refused(QuarantineReason.INVALID_RECORD, "MissingText")
    text = "\n\n".join(parts)
    if len(text) > limits.max_record_chars:
        raise _Refused(QuarantineReason.TOO_LARGE, "RecordTooLarge")
    return text


def kept_metadata(
    obj: dict[str, Any], cfg: InputConfig, relpath: str, column_types: Mapping[str, Any] | None = None
) -> tuple[Metadata, MetadataTypes]:
    """Every kept field, sorted by name, with its value and type (``transforms.metadata``): a Parquet
    column's value by its column type (``column_types``), a JSON value by ``json_value``, a field the
    row lacks from a partition key of ``relpath``, else None.

    Raises ``_Refused``: bytes that are not UTF-8 (anywhere in the value) are ``DECODE_ERROR``, a
    partition value not of its configured type or a value that cannot be mapped ``INVALID_RECORD``.
    """
    try:
        partitions = partition_values(relpath, cfg)
        entries = [_kept_entry(obj, name, column_types, partitions) for name in sorted(set(cfg.keep_fields))]
    except UnicodeDecodeError:
        raise _Refused(QuarantineReason.DECODE_ERROR, "UnicodeDecodeError") from None
    except PartitionValueError:
        raise _Refused(QuarantineReason.INVALID_RECORD, "InvalidPartitionValue") from None
    except (TypeError, ValueError, RecursionError) as exc:
        raise _Refused(QuarantineReason.INVALID_RECORD, type(exc).__name__) from None
    return tuple((name, value) for name, value, _ in entries), declared_types(entries)


def _kept_entry(
    obj: dict[str, Any], name: str, column_types: Mapping[str, Any] | None, partitions: Mapping[str, Any]
) -> tuple[str, Any, Any]:
    if name not in obj and name in partitions:
        value, arrow_type = partitions[name]
        return name, value, arrow_type
    if column_types is not None and name in column_types:
        return (name, *parquet_value(obj.get(name), column_types[name]))
    return (name, *json_value(obj.get(name)))


def file_metadata(f: InputFile, cfg: InputConfig) -> tuple[Metadata, MetadataTypes] | None:
    """The kept metadata of a record that is a whole file: its partition keys, every other kept field
    None; None when a partition value is not of its configured type (``InvalidPartitionValue``)."""
    if not cfg.keep_fields:
        return (), ()
    try:
        return kept_metadata({}, cfg, f.relpath)
    except _Refused:
        return None


def _check_encodable(text: str, metadata: Metadata) -> None:
    if not (encodable(text) and all(encodable(s) for _, v in metadata for s in strings_in(v))):
        raise _Refused(QuarantineReason.DECODE_ERROR, "UnicodeEncodeError")


def record_from_row(
    f: InputFile,
    obj: Any,
    cfg: InputConfig,
    limits: LimitsConfig,
    *,
    suffix: str,
    sha: str,
    size: int,
    check_surrogates: bool,
    column_types: Mapping[str, Any] | None = None,
) -> Document | QuarantineRecord | Excluded:
    """Map one JSON object / Parquet row onto a Document, or say why it cannot be one (or that an
    ``input.exclude`` rule removes it).

    ``suffix`` is the row's position (``#L3``, ``#row2``), ``sha``/``size`` describe its bytes;
    ``column_types`` are a Parquet file's column types (None: the row is a JSON object).
    The record's id is its own, as ``supplied_id`` writes it (so it never equals a derived id).
    A quarantined row carries its own id once that id is valid, else the id of its position. With
    ``check_surrogates`` (a JSON line holding a surrogate escape), a lone surrogate in the id, text or
    kept fields is ``DECODE_ERROR`` (``UnicodeEncodeError``).
    """

    def bad(reason: QuarantineReason, code: str, record_id: str | None = None) -> QuarantineRecord:
        return quarantine_record(f, reason, code, suffix=suffix, record_id=record_id, sha=sha, size=size)

    if not isinstance(obj, dict):
        return bad(QuarantineReason.INVALID_RECORD, "NotAnObject")
    raw_id = obj.get(cfg.id_field)
    if cfg.exclude and _excluded(obj, cfg):
        # Withdrawn before anything else is checked: its content goes nowhere, not even to quarantine.
        return _excluded_record(f, raw_id, suffix)
    try:
        record_id = _record_id(raw_id, check_surrogates)
    except _Refused as refused:
        return bad(refused.reason, refused.code)
    try:
        text = _record_text(obj, cfg, limits)
        metadata, metadata_types = kept_metadata(obj, cfg, f.relpath, column_types)
        if check_surrogates:
            _check_encodable(text, metadata)
    except _Refused as refused:
        return bad(refused.reason, refused.code, record_id)
    return Document(
        id=record_id,
        text=text,
        source=f"{f.relpath}{suffix}",
        metadata=metadata,
        source_ref=opaque_source(f, suffix),
        input_sha256=sha,
        size_bytes=size,
        metadata_types=metadata_types,
    )
