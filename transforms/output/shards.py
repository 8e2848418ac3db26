"""Deterministic sharding and Parquet shard writing, Beam-free.

A record's shard is a function of its id and the shard count alone, the shard count a function of the
total size of the rows (``Sharding``), and rows inside a shard are sorted, so the same input and
config give byte-identical files whatever the worker count or input order. A shard is sorted within a
bounded buffer (``transforms.output.sorting.ExternalSort``) and written as row groups of at most
``ROW_GROUP_ROWS`` rows or ``ROW_GROUP_BYTES`` bytes, so the writer never holds a whole shard. Files are
written through ``transforms.storage`` (local folders and object stores alike) under a temporary
name beside the final one, then renamed.
"""

from __future__ import annotations

import functools
import hashlib
import os
import posixpath
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO, cast

import pyarrow as pa
import pyarrow.parquet as pq

from transforms import storage
from transforms.output.sorting import SORT_BUFFER_BYTES, ExternalSort

__all__ = [
    "DEFAULT_MAX_SHARD_BYTES",
    "ROW_GROUP_BYTES",
    "ROW_GROUP_ROWS",
    "OutputFile",
    "Sharding",
    "publish_text",
    "row_groups",
    "row_size",
    "shard_name",
    "shard_of",
    "sort_key",
    "write_shard",
]

# A string column holding a value longer than this is written without statistics (see write_shard).
_STATS_MAX_CHARS = 1_000_000
# A row group closes at this many rows or once it holds this many bytes (by row_size), whichever
# comes first: fixed numbers, so the cuts depend on the sorted rows alone.
ROW_GROUP_ROWS = 65_536
ROW_GROUP_BYTES = 64 * 2**20


@dataclass(frozen=True)
class OutputFile:
    """One written output file, as the manifest lists it (path relative to the output dir)."""

    path: str
    sha256: str
    rows: int
    bytes: int


def shard_of(record_id: str, num_shards: int) -> int:
    """The shard a record id belongs to: stable across runs, machines and Python hash seeds."""
    digest = hashlib.sha256(record_id.encode("utf-8", "surrogatepass")).digest()
    return int.from_bytes(digest[:8], "big") % num_shards


def row_size(row: dict[str, object]) -> int:
    """About how many bytes ``row`` takes in a shard: characters of its strings, 48 per logged redaction,
    8 per other scalar. A deterministic estimate (the same row always counts the same), cheap to take."""
    return sum(_value_size(v) for v in row.values())


def _value_size(value: object) -> int:
    if isinstance(value, (str, bytes)):
        return len(value)
    if hasattr(value, "to_arrow"):  # a RedactionLog: parallel arrays, about 48 bytes per entry
        return 48 * len(value)  # type: ignore[arg-type]
    if isinstance(value, dict):
        return sum(len(str(k)) + _value_size(v) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return 8 + sum(_value_size(v) for v in value)
    return 8


DEFAULT_MAX_SHARD_BYTES = 128_000_000


@dataclass(frozen=True)
class Sharding:
    """How many shards an output gets: enough that each holds about ``max_shard_bytes`` of rows (by
    ``row_size``) or less, and never fewer than ``min_shards``. A function of the rows' total size, so
    of the input and config alone."""

    min_shards: int
    max_shard_bytes: int = DEFAULT_MAX_SHARD_BYTES

    def __post_init__(self) -> None:
        if self.min_shards < 1 or self.max_shard_bytes < 1:
            raise ValueError("min_shards and max_shard_bytes must be at least 1")

    def count(self, total_bytes: int) -> int:
        """The shard count for an output whose rows' ``row_size``s add up to ``total_bytes``."""
        return max(self.min_shards, -(-total_bytes // self.max_shard_bytes))


def row_groups(rows: Iterable[dict[str, object]], max_rows: int, max_bytes: int) -> Iterator[list[dict[str, object]]]:
    """``rows`` cut into consecutive groups of at most ``max_rows`` rows; a group also closes with the
    row that brings it to ``max_bytes`` (by ``row_size``) or more. No empty group."""
    group: list[dict[str, object]] = []
    held = 0
    for row in rows:
        group.append(row)
        held += row_size(row)
        if len(group) >= max_rows or held >= max_bytes:
            yield group
            group, held = [], 0
    if group:
        yield group


def shard_name(index: int, num_shards: int) -> str:
    """``part-SSSSS-of-NNNNN.parquet``, the file name of shard ``index``."""
    return f"part-{index:05d}-of-{num_shards:05d}.parquet"


def sort_key(row: dict[str, object]) -> tuple[str, ...]:
    """Rows sort by id, then by every other small column, so rows that share an id still order stably.

    Record ids are unique (duplicates are quarantined), so the text and redaction log, which can be
    large, never need to take part.
    """
    rest = tuple(f"{k}={row[k]!s}" for k in sorted(row) if k not in ("id", "text", "redactions"))
    return (str(row["id"]), *rest)


def _temp_beside(final: str, suffix: str) -> str:
    head, name = posixpath.split(final)
    return posixpath.join(head, f".{name}{suffix}")


def publish_text(final: str | os.PathLike[str], text: str) -> str:
    """Write a small text file atomically (a process-unique temp file beside it, then rename); return its path.

    Readers see the old file or the new one, never half of one: how the manifest, the run report and
    ``run_stats.json`` are published. ``final`` is a local path or an object-store location.
    """
    final = os.fspath(final)
    tmp = _temp_beside(final, f".{os.getpid()}.tmp")
    with storage.create(tmp) as fh:
        fh.write(text.encode("utf-8"))
    storage.rename(tmp, final)
    return final


class _DigestingWriter:
    """A write-only stream that digests and counts what it passes on (so nothing is read back)."""

    def __init__(self, sink: BinaryIO) -> None:
        self._sink = sink
        self.sha256 = hashlib.sha256()
        self.size = 0
        self.closed = False

    def write(self, data: Any) -> int:
        self.sha256.update(data)
        self.size += len(data)
        self._sink.write(data)
        return len(data)

    def tell(self) -> int:
        return self.size

    def flush(self) -> None:
        self._sink.flush()

    def writable(self) -> bool:
        return True


def write_shard(
    output_dir: str,
    kind: str,
    index: int,
    num_shards: int,
    rows: Iterable[dict[str, object]],
    schema: pa.Schema,
    *,
    sort_buffer_bytes: int = SORT_BUFFER_BYTES,
    row_group_rows: int = ROW_GROUP_ROWS,
    row_group_bytes: int = ROW_GROUP_BYTES,
) -> OutputFile:
    """Write ``DIR/kind/part-...parquet`` atomically (temp file then rename) and return its description.

    ``rows`` is read once; they are sorted by ``sort_key`` holding at most ``sort_buffer_bytes`` of them
    in memory (the rest in sorted runs on local disk) and written as row groups (``row_groups``). An
    empty shard is a file with one empty row group. ``output_dir`` is a local folder or an object-store
    location; the sha256 and size are those of the bytes written.
    """
    rel = f"{kind}/{shard_name(index, num_shards)}"
    final = storage.join(output_dir, kind, shard_name(index, num_shards))
    tmp = _temp_beside(final, ".tmp")
    strings = [f.name for f in schema if pa.types.is_string(f.type)]
    with ExternalSort(sort_key, row_size, sort_buffer_bytes) as ordered:
        huge: set[str] = set()
        for row in rows:
            ordered.add(row)
            huge.update(name for name in strings if len(cast("str", row.get(name) or "")) > _STATS_MAX_CHARS)
        # Parquet drops min/max statistics longer than a few KB anyway, but only after copying the values
        # to compute them (twice 50 MB for a 50 MB text): skip statistics for columns holding such values.
        statistics = True if not huge else [p for p in _leaf_paths(schema) if p.split(".")[0] not in huge]
        with storage.create(tmp) as sink:
            out = _DigestingWriter(sink)
            groups = row_groups(ordered.sorted(), row_group_rows, row_group_bytes)
            rows_written = _write_groups(out, groups, schema, statistics)
    storage.rename(tmp, final)
    return OutputFile(rel, out.sha256.hexdigest(), rows_written, out.size)


def _write_groups(
    out: _DigestingWriter, groups: Iterable[list[dict[str, object]]], schema: pa.Schema, statistics: bool | list[str]
) -> int:
    """Write each group as one row group (an empty table when there is none); return the row count."""
    written = 0
    with pq.ParquetWriter(out, schema, compression="zstd", write_statistics=statistics, store_schema=True) as writer:
        for group in groups:
            writer.write_table(_table(group, schema), row_group_size=len(group))
            written += len(group)
        if not written:  # what pq.write_table writes for an empty table: one empty row group
            writer.write_table(schema.empty_table())
    return written


@functools.cache
def _leaf_paths(schema: pa.Schema) -> tuple[str, ...]:
    """The Parquet column paths of ``schema``'s leaves (``redactions.list.item.start``...)."""
    buf = pa.BufferOutputStream()
    pq.write_table(schema.empty_table(), buf)
    parquet_schema = pq.ParquetFile(pa.BufferReader(buf.getvalue())).schema
    return tuple(parquet_schema.column(i).path for i in range(len(parquet_schema)))


def _table(rows: list[dict[str, object]], schema: pa.Schema) -> pa.Table:
    """``pa.Table.from_pylist(rows, schema)``, except that a list column whose cells have a
    ``to_arrow(value_type)`` method (``RedactionLog``) is built from their arrays, not from Python objects."""
    columns = []
    for field in schema:
        values = [row.get(field.name) for row in rows]
        if values and pa.types.is_list(field.type) and all(hasattr(v, "to_arrow") for v in values):
            columns.append(_list_column(values, field.type))
        else:
            columns.append(pa.array(values, type=field.type))
    return pa.Table.from_arrays(columns, schema=schema)


def _list_column(cells: list[object], list_type: pa.ListType) -> pa.Array:
    offsets = [0]
    for cell in cells:
        offsets.append(offsets[-1] + len(cell))  # type: ignore[arg-type]
    items = [cell.to_arrow(list_type.value_type) for cell in cells]  # type: ignore[attr-defined]
    values = items[0] if len(items) == 1 else pa.concat_arrays(items)
    return pa.ListArray.from_arrays(pa.array(offsets, type=pa.int32()), values, type=list_type)
