"""Deterministic sharding and Parquet shard writing, Beam-free.

A record's shard is a function of its id alone, and rows inside a shard are sorted, so the same
input and config give byte-identical files whatever the worker count or input order.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

__all__ = ["OutputFile", "shard_name", "shard_of", "sort_key", "write_shard"]


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
    return f"part-{index:05d}-of-{num_shards:05d}.parquet"


def sort_key(row: dict[str, object]) -> tuple[str, ...]:
    """Rows sort by id, then by every other small column, so rows that share an id still order stably.

    Record ids are unique (duplicates are quarantined), so the text and redaction log, which can be
    large, never need to take part.
    """
    rest = tuple(f"{k}={row[k]!s}" for k in sorted(row) if k not in ("id", "text", "redactions"))
    return (str(row["id"]), *rest)


def write_shard(
    output_dir: str, kind: str, index: int, num_shards: int, rows: Iterable[dict[str, object]], schema: pa.Schema
) -> OutputFile:
    """Write ``DIR/kind/part-...parquet`` atomically (temp file then rename) and return its description."""
    ordered = sorted(rows, key=sort_key)
    rel = f"{kind}/{shard_name(index, num_shards)}"
    final = Path(output_dir) / rel
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = final.with_name(f".{final.name}.tmp")
    table = pa.Table.from_pylist(ordered, schema=schema)
    pq.write_table(table, tmp, compression="zstd", write_statistics=True, store_schema=True)
    os.replace(tmp, final)
    data = final.read_bytes()
    return OutputFile(rel, hashlib.sha256(data).hexdigest(), len(ordered), len(data))
