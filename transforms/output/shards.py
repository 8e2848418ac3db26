"""Deterministic sharding and Parquet shard writing, Beam-free.

A record's shard is a function of its id alone, and rows inside a shard are sorted, so the same
input and config give byte-identical files whatever the worker count or input order. Files are
written through ``transforms.storage`` (local folders and object stores alike) under a temporary
name beside the final one, then renamed.
"""

from __future__ import annotations

import functools
import hashlib
import os
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, BinaryIO, cast

import pyarrow as pa
import pyarrow.parquet as pq

from transforms import storage

__all__ = ["OutputFile", "publish_text", "shard_name", "shard_of", "sort_key", "write_shard"]

# A string column holding a value longer than this is written without statistics (see write_shard).
_STATS_MAX_CHARS = 1_000_000


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
    output_dir: str, kind: str, index: int, num_shards: int, rows: Iterable[dict[str, object]], schema: pa.Schema
) -> OutputFile:
    """Write ``DIR/kind/part-...parquet`` atomically (temp file then rename) and return its description.

    ``output_dir`` is a local folder or an object-store location; the sha256 and size are those of the
    bytes written.
    """
    ordered = sorted(rows, key=sort_key)
    rel = f"{kind}/{shard_name(index, num_shards)}"
    final = storage.join(output_dir, kind, shard_name(index, num_shards))
    tmp = _temp_beside(final, ".tmp")
    table = _table(ordered, schema)
    huge = {
        f.name
        for f in schema
        if pa.types.is_string(f.type) and any(len(cast("str", r.get(f.name) or "")) > _STATS_MAX_CHARS for r in ordered)
    }
    del ordered
    # Parquet drops min/max statistics longer than a few KB anyway, but only after copying the values
    # to compute them (twice 50 MB for a 50 MB text): skip statistics for columns holding such values.
    statistics = True if not huge else [p for p in _leaf_paths(schema) if p.split(".")[0] not in huge]
    with storage.create(tmp) as sink:
        out = _DigestingWriter(sink)
        pq.write_table(table, out, compression="zstd", write_statistics=statistics, store_schema=True)
    rows_written = table.num_rows
    del table
    storage.rename(tmp, final)
    return OutputFile(rel, out.sha256.hexdigest(), rows_written, out.size)


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
