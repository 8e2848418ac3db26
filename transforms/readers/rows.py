"""One JSON object or Parquet row onto a record: its id, its text fields, its kept metadata, exclusion.

Shared by the JSONL and Parquet readers (a zip member's JSONL lines too). ``record_from_row`` checks,
in this order: an ``input.exclude`` rule (an excluded row goes nowhere, not even to quarantine), the
id, the text fields, the record length, the kept fields, and (when the source may hold them) lone
surrogates, and says with a fixed code why a row cannot be a record.
"""

from __future__ import annotations

import json
from typing import Any

from transforms.config import InputConfig, LimitsConfig
from transforms.readers.inputs import InputFile, opaque_source, position_id, quarantine_record
from transforms.records import Document, Excluded, QuarantineReason, QuarantineRecord, supplied_id

__all__ = ["Metadata", "empty_metadata", "encodable", "record_from_row"]

Metadata = tuple[tuple[str, str | None], ...]


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
    """A string as is, bytes as their UTF-8 text, another value as sorted JSON (bytes in it decoded)."""
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


def _kept_metadata(obj: dict[str, Any], cfg: InputConfig) -> Metadata:
    """Every kept field, sorted by name: a string as is, bytes as UTF-8 text, another value as sorted JSON,
    absent as None. Bytes that are not UTF-8 (anywhere in the value) are ``DECODE_ERROR``."""
    try:
        return tuple((name, _render(obj.get(name))) for name in sorted(set(cfg.keep_fields)))
    except UnicodeDecodeError:
        raise _Refused(QuarantineReason.DECODE_ERROR, "UnicodeDecodeError") from None
    except (TypeError, ValueError) as exc:
        raise _Refused(QuarantineReason.INVALID_RECORD, type(exc).__name__) from None


def _check_encodable(text: str, metadata: Metadata) -> None:
    if not (encodable(text) and all(v is None or encodable(v) for _, v in metadata)):
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
) -> Document | QuarantineRecord | Excluded:
    """Map one JSON object / Parquet row onto a Document, or say why it cannot be one (or that an
    ``input.exclude`` rule removes it).

    ``suffix`` is the row's position (``#L3``, ``#row2``), ``sha``/``size`` describe its bytes.
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
        metadata = _kept_metadata(obj, cfg)
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
    )
