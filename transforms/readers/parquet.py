"""Parquet uploads (``.parquet``): one record per row, streamed in small batches.

A record's ``source`` is ``relpath#row<n>`` (0-based, counted across batches); only the id, text,
kept and exclusion columns are read; ``input_sha256``/``size_bytes`` describe the row's canonical
JSON. Each row is mapped by ``rows.record_from_row``. Parquet needs random access, so a gzipped
``.parquet.gz`` is not read (``DECODE_ERROR``, ``UnsupportedCompression``).

A file is read row group by row group, whole (``read_parquet``) or in parts: ``plan_parquet`` reads
the footer and gathers the row groups into ``RowGroupSpan``s that ``read_row_groups`` reads on their
own, on any worker, with the same records; ``file_digest`` names the file by the digests of its byte
ranges, each taken where it is read.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, BinaryIO

from transforms import storage
from transforms.config import InputConfig, LimitsConfig
from transforms.readers.inputs import InputFile, Opener, quarantine_record
from transforms.readers.rows import record_from_row
from transforms.records import Document, Excluded, QuarantineReason, QuarantineRecord

__all__ = [
    "PARQUET_BATCH_ROWS",
    "PARQUET_SPLIT_BYTES",
    "ParquetPlan",
    "RowGroupSpan",
    "column_types_of",
    "file_digest",
    "plan_parquet",
    "read_parquet",
    "read_row_groups",
]

# Rows per Parquet batch: small, because a single row may hold a very large text.
PARQUET_BATCH_ROWS = 64
# A work item of a split Parquet read: consecutive row groups up to about this many stored bytes.
PARQUET_SPLIT_BYTES = 64 * 1024 * 1024
_MAGIC = b"PAR1"


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


def _batches(pf: Any, cfg: InputConfig, row_groups: list[int]) -> Iterator[Any]:
    """The record batches of some row groups of a ``ParquetFile``, holding only the configured columns
    that are present."""
    present = set(pf.schema_arrow.names)
    wanted = dict.fromkeys(
        [cfg.id_field, *cfg.text_fields, *sorted(set(cfg.keep_fields)), *(r.field for r in cfg.exclude)]
    )
    return pf.iter_batches(
        batch_size=PARQUET_BATCH_ROWS, row_groups=row_groups, columns=[c for c in wanted if c in present]
    )


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
    f: InputFile, batches: Iterator[Any], first_row: int, cfg: InputConfig, limits: LimitsConfig
) -> Iterator[Document | QuarantineRecord | Excluded]:
    """Every row's record, numbered from ``first_row``; a batch that cannot be read ends ``batches``
    with one ``DECODE_ERROR`` for the first row not read."""
    n = first_row
    while True:
        try:
            batch = next(batches)
        except StopIteration:
            return
        except MemoryError:
            raise
        except Exception as exc:  # the rest of the row group is unreadable
            yield quarantine_record(f, QuarantineReason.DECODE_ERROR, type(exc).__name__, suffix=f"#row{n}")
            return
        column_types = column_types_of(batch.schema)
        for row in _batch_rows(batch):
            yield _row_record(f, row, n, cfg, limits, column_types)
            n += 1


def _row_group_records(
    f: InputFile, pf: Any, groups: range, first_row: int, cfg: InputConfig, limits: LimitsConfig
) -> Iterator[Document | QuarantineRecord | Excluded]:
    """The records of the row groups ``groups`` of an open ``ParquetFile``, in row order, each row group
    read on its own: one that fails to decode is one ``DECODE_ERROR`` for its first row not read, and
    the next row group is read all the same. Rows are numbered from ``first_row``, by the footer's row
    counts, so a row's number never depends on which row groups were read with it."""
    n = first_row
    for group in groups:
        try:
            batches = _batches(pf, cfg, [group])
        except MemoryError:
            raise
        except Exception as exc:  # this row group cannot be read at all
            yield quarantine_record(f, QuarantineReason.DECODE_ERROR, type(exc).__name__, suffix=f"#row{n}")
        else:
            yield from _batch_records(f, batches, n, cfg, limits)
        n += pf.metadata.row_group(group).num_rows


def _open_parquet(f: InputFile, opener: Opener, suffix: str = "") -> tuple[BinaryIO, Any] | QuarantineRecord:
    """The file opened with ``opener`` and its ``ParquetFile`` (the footer read), or the quarantine row
    saying why not: ``READ_ERROR`` if it cannot be opened, ``DECODE_ERROR`` if it is not Parquet."""
    import pyarrow.parquet as pq

    try:
        source = opener(f.path)
    except OSError as exc:
        return quarantine_record(f, QuarantineReason.READ_ERROR, type(exc).__name__, suffix=suffix)
    try:
        return source, pq.ParquetFile(source)
    except MemoryError:
        source.close()
        raise
    except Exception as exc:  # any failure to parse the file is bad content
        source.close()
        return quarantine_record(f, QuarantineReason.DECODE_ERROR, type(exc).__name__, suffix=suffix)


def read_parquet(
    f: InputFile, compressed: bool, cfg: InputConfig, limits: LimitsConfig, opener: Opener = storage.open_read
) -> Iterator[Document | QuarantineRecord | Excluded]:
    """Every record of a Parquet file (opened with ``opener``, read by random access), in row order.

    Gzipped: one ``DECODE_ERROR`` (``UnsupportedCompression``); cannot be opened: one ``READ_ERROR``;
    not Parquet: one ``DECODE_ERROR`` with the library's exception class name. Each row group is read
    on its own: one that fails to decode is one ``DECODE_ERROR`` (``#row<n>``, its first row not read)
    and the next row group is still read. ``read_row_groups`` over every ``RowGroupSpan`` of the file's
    ``ParquetPlan`` gives the same records.
    """
    if compressed:  # Parquet needs random access; a gzip stream has none.
        yield quarantine_record(f, QuarantineReason.DECODE_ERROR, "UnsupportedCompression")
        return
    opened = _open_parquet(f, opener)
    if isinstance(opened, QuarantineRecord):
        yield opened
        return
    source, pf = opened
    with source:
        yield from _row_group_records(f, pf, range(pf.metadata.num_row_groups), 0, cfg, limits)


# ---------------------------------------------------------------------------------------------------
# Split reads: one work item per run of row groups


@dataclass(frozen=True)
class RowGroupSpan:
    """Consecutive row groups ``[first_group, stop_group)`` of one Parquet file, read as one work item.

    ``first_row`` is the file-wide index of its first row (from the footer's row counts); ``cuts`` are the
    byte boundaries of its row groups' ranges (``stop_group - first_group + 1`` offsets, see
    ``ParquetPlan``) and ``first_range`` the index of its first range among the file's ranges.
    """

    first_group: int
    stop_group: int
    first_row: int
    first_range: int
    cuts: tuple[int, ...]


@dataclass(frozen=True)
class ParquetPlan:
    """How one Parquet file is read in parts, from its footer, and how its digest is formed.

    The file's bytes ``[0, size)`` are cut into consecutive ranges at ``cuts``: the leading magic
    (``[0, s_0)``), each row group ``i`` (``[s_i, s_i+1)``, where ``s_i`` is the offset of its first column
    chunk), the last one up to the footer, and the footer (``[footer_start, size)``). The work item of
    a ``RowGroupSpan`` digests its row groups' ranges while it reads them; the planner digests the
    first and the last (``edge_digests``). ``file_digest`` combines them.
    """

    size: int
    cuts: tuple[int, ...]
    spans: tuple[RowGroupSpan, ...]
    edge_digests: tuple[str, str]


def _chunk_start(chunk: Any) -> int | None:
    """A column chunk's first byte: its dictionary page, else its first data page."""
    offsets = [o for o in (chunk.dictionary_page_offset, chunk.data_page_offset) if o is not None and o > 0]
    return min(offsets, default=None)


def _group_starts(metadata: Any, low: int, high: int) -> list[int]:
    """Each row group's first byte (its first column chunk's first page), kept within ``[low, high]`` and
    non-decreasing, so the ranges tile the file whatever the footer claims."""
    starts, floor = [], low
    for i in range(metadata.num_row_groups):
        group = metadata.row_group(i)
        offsets = [_chunk_start(group.column(j)) for j in range(group.num_columns)]
        start = min((o for o in offsets if o is not None), default=floor)
        floor = min(max(floor, start), high)
        starts.append(floor)
    return starts


def _spans(metadata: Any, cuts: list[int], split_bytes: int) -> tuple[RowGroupSpan, ...]:
    """Consecutive row groups gathered into spans of at least ``split_bytes`` (the last one may be smaller)."""
    spans, first, first_row, row = [], 0, 0, 0
    for i in range(metadata.num_row_groups):
        row += metadata.row_group(i).num_rows
        if cuts[i + 2] - cuts[first + 1] >= split_bytes or i == metadata.num_row_groups - 1:
            spans.append(RowGroupSpan(first, i + 1, first_row, first + 1, tuple(cuts[first + 1 : i + 3])))
            first, first_row = i + 1, row
    return tuple(spans)


def plan_parquet(
    f: InputFile, opener: Opener = storage.open_read, split_bytes: int = PARQUET_SPLIT_BYTES
) -> ParquetPlan | None:
    """The ``ParquetPlan`` of an uncompressed Parquet file: its footer read, its row groups gathered into
    spans of about ``split_bytes`` bytes, its magic and footer digested. None when it cannot be planned
    (it cannot be opened, is not Parquet, has no row groups, or ends early): ``read_parquet`` then reads
    it whole and says why in its quarantine row."""
    opened = _open_parquet(f, opener)
    if isinstance(opened, QuarantineRecord):
        return None
    source, pf = opened
    with source:
        metadata = pf.metadata
        size = source.seek(0, io.SEEK_END)
        footer_start = max(0, size - 8 - metadata.serialized_size)
        if metadata.num_row_groups == 0:
            return None
        starts = _group_starts(metadata, min(len(_MAGIC), footer_start), footer_start)
        cuts = [0, *starts, footer_start, size]
        edges = (storage.digest_ranges(source, cuts[:2]), storage.digest_ranges(source, cuts[-2:]))
    if edges[0] is None or edges[1] is None:
        return None
    return ParquetPlan(size, tuple(cuts), _spans(metadata, cuts, split_bytes), (edges[0][0], edges[1][0]))


def read_row_groups(
    f: InputFile, span: RowGroupSpan, cfg: InputConfig, limits: LimitsConfig, opener: Opener = storage.open_read
) -> Iterator[Document | QuarantineRecord | Excluded]:
    """The records of one ``RowGroupSpan``, exactly as ``read_parquet`` gives them for those rows.

    The file (opened with ``opener``) is read only where its spans' row groups and configured columns
    are, plus its footer. A file that can no longer be opened or parsed is one quarantine row for the
    span (``#row<first_row>``).
    """
    opened = _open_parquet(f, opener, suffix=f"#row{span.first_row}")
    if isinstance(opened, QuarantineRecord):
        yield opened
        return
    source, pf = opened
    with source:
        groups = range(span.first_group, min(span.stop_group, pf.metadata.num_row_groups))
        yield from _row_group_records(f, pf, groups, span.first_row, cfg, limits)


def file_digest(cuts: Sequence[int], digests: Mapping[int, str | None]) -> str | None:
    """The digest of a Parquet file read in parts, from the digests of its ranges (``digests`` by range
    index; ``ReadUploads`` gives each range's keyed sha256): the sha256 hex digest of the lines
    ``<start> <end> <digest of range [start, end)>``, each ending in a newline, one per range of the
    file's ``ParquetPlan`` (``cuts``) in offset order. None unless every range has a digest."""
    lines = []
    for i in range(len(cuts) - 1):
        digest = digests.get(i)
        if digest is None:
            return None
        lines.append(f"{cuts[i]} {cuts[i + 1]} {digest}\n")
    return hashlib.sha256("".join(lines).encode("ascii")).hexdigest()
