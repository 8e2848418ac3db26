"""Parquet uploads (``.parquet``): one record per row, streamed in small batches.

A record's ``source`` is ``relpath#row<n>`` (0-based, counted across batches); only the id, text,
kept and exclusion columns are read; ``input_sha256``/``size_bytes`` describe the row's canonical
JSON. Each row is mapped by ``rows.record_from_row``. Parquet needs random access, so a gzipped
``.parquet.gz`` is not read (``DECODE_ERROR``, ``UnsupportedCompression``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from typing import Any

from transforms import storage
from transforms.config import InputConfig, LimitsConfig
from transforms.readers.inputs import InputFile, Opener, quarantine_record
from transforms.readers.rows import record_from_row
from transforms.records import Document, Excluded, QuarantineReason, QuarantineRecord

__all__ = ["PARQUET_BATCH_ROWS", "column_types_of", "read_parquet"]

# Rows per Parquet batch: small, because a single row may hold a very large text.
PARQUET_BATCH_ROWS = 64


def _canonical_row(row: dict[str, Any]) -> bytes:
    return json.dumps(row, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")


def _batch_rows(batch: Any) -> list[dict[str, Any] | BaseException]:
    """Rows of a record batch as Python dicts; a row that cannot be converted becomes its exception."""
    try:
        return batch.to_pylist()
    except Exception:  # fall back to row by row to isolate the bad value
        pass
    rows: list[dict[str, Any] | BaseException] = []
    names = batch.schema.names
    for i in range(batch.num_rows):
        try:
            rows.append({name: batch.column(j)[i].as_py() for j, name in enumerate(names)})
        except Exception as exc:  # bad content becomes a quarantine record
            rows.append(exc)
    return rows


def column_types_of(schema: Any) -> dict[str, Any]:
    """``column -> Arrow type`` of a record batch's schema: how its kept values keep their types."""
    return {field.name: field.type for field in schema}


def _batches(pf: Any, cfg: InputConfig) -> Iterator[Any]:
    """The record batches of a ``ParquetFile``, holding only the configured columns that are present."""
    present = set(pf.schema_arrow.names)
    wanted = dict.fromkeys(
        [cfg.id_field, *cfg.text_fields, *sorted(set(cfg.keep_fields)), *(r.field for r in cfg.exclude)]
    )
    return pf.iter_batches(batch_size=PARQUET_BATCH_ROWS, columns=[c for c in wanted if c in present])


def _row_record(
    f: InputFile,
    row: dict[str, Any] | BaseException,
    n: int,
    cfg: InputConfig,
    limits: LimitsConfig,
    column_types: dict[str, Any] | None = None,
) -> Document | QuarantineRecord | Excluded:
    suffix = f"#row{n}"
    if isinstance(row, BaseException):
        return quarantine_record(f, QuarantineReason.DECODE_ERROR, type(row).__name__, suffix=suffix)
    try:
        canonical = _canonical_row(row)
    except (TypeError, ValueError) as exc:
        return quarantine_record(f, QuarantineReason.INVALID_RECORD, type(exc).__name__, suffix=suffix)
    sha = hashlib.sha256(canonical).hexdigest()
    size = len(canonical)
    return record_from_row(
        f, row, cfg, limits, suffix=suffix, sha=sha, size=size, check_surrogates=False, column_types=column_types
    )


def _batch_records(
    f: InputFile, batches: Iterator[Any], cfg: InputConfig, limits: LimitsConfig
) -> Iterator[Document | QuarantineRecord | Excluded]:
    """Every row's record; a batch that cannot be read ends the file with one ``DECODE_ERROR``."""
    n = 0
    while True:
        try:
            batch = next(batches)
        except StopIteration:
            return
        except MemoryError:
            raise
        except Exception as exc:  # the rest of the file is unreadable
            yield quarantine_record(f, QuarantineReason.DECODE_ERROR, type(exc).__name__, suffix=f"#row{n}")
            return
        column_types = column_types_of(batch.schema)
        for row in _batch_rows(batch):
            yield _row_record(f, row, n, cfg, limits, column_types)
            n += 1


def read_parquet(
    f: InputFile, compressed: bool, cfg: InputConfig, limits: LimitsConfig, opener: Opener = storage.open_read
) -> Iterator[Document | QuarantineRecord | Excluded]:
    """Every record of a Parquet file (opened with ``opener``, read by random access), in row order.

    Gzipped: one ``DECODE_ERROR`` (``UnsupportedCompression``); cannot be opened: one ``READ_ERROR``;
    not Parquet: one ``DECODE_ERROR`` with the library's exception class name.
    """
    import pyarrow.parquet as pq

    if compressed:  # Parquet needs random access; a gzip stream has none.
        yield quarantine_record(f, QuarantineReason.DECODE_ERROR, "UnsupportedCompression")
        return
    try:
        source = opener(f.path)
    except OSError as exc:
        yield quarantine_record(f, QuarantineReason.READ_ERROR, type(exc).__name__)
        return
    with source:
        try:
            batches = _batches(pq.ParquetFile(source), cfg)
        except MemoryError:
            raise
        except Exception as exc:  # any failure to parse the file is bad content
            yield quarantine_record(f, QuarantineReason.DECODE_ERROR, type(exc).__name__)
            return
        yield from _batch_records(f, batches, cfg, limits)
