"""Unit tests for transforms.output.shards: deterministic sharding and atomic Parquet shard writing."""

from __future__ import annotations

import hashlib
import os
import random
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.objectstore import S3
from transforms.output.schemas import REDACTION_TYPE
from transforms.output.shards import (
    OutputFile,
    Sharding,
    publish_text,
    row_groups,
    row_size,
    shard_name,
    shard_of,
    sort_key,
    write_shard,
)
from transforms.records import Redaction
from transforms.redaction.log import RedactionLog

SCHEMA = pa.schema(
    [
        pa.field("id", pa.string(), nullable=False),
        pa.field("text", pa.string(), nullable=False),
        pa.field("reason", pa.string(), nullable=True),
    ]
)
REDACTION = REDACTION_TYPE  # the redaction log's struct, as records carry it
LOGGED = pa.schema(
    [
        pa.field("id", pa.string(), nullable=False),
        pa.field("redactions", pa.list_(pa.field("item", REDACTION, nullable=False)), nullable=False),
    ]
)


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("record_id", ["a", "f-0123", "Zoë", "x\udc80y", ""])
def test_shard_of_is_the_sha256_prefix_modulo_the_shard_count(record_id: str) -> None:
    digest = hashlib.sha256(record_id.encode("utf-8", "surrogatepass")).digest()
    for n in (1, 3, 16):
        assert shard_of(record_id, n) == int.from_bytes(digest[:8], "big") % n


def test_shard_of_spreads_ids_over_every_shard() -> None:
    counts = [0] * 4
    for i in range(400):
        counts[shard_of(f"rec-{i}", 4)] += 1
    assert all(70 <= c <= 130 for c in counts), counts


def test_shard_name() -> None:
    assert shard_name(0, 1) == "part-00000-of-00001.parquet"
    assert shard_name(12, 128) == "part-00012-of-00128.parquet"


def test_sort_key_is_the_id_then_the_small_columns_by_name() -> None:
    row = {"text": "large", "source": "s", "id": 7, "redactions": [1], "ruleset": "r", "lang": None}
    assert sort_key(row) == ("7", "lang=None", "ruleset=r", "source=s")


def test_publish_text_replaces_the_file_whole(tmp_path: Path) -> None:
    final = tmp_path / "manifest.json"
    final.write_text("old", encoding="utf-8")
    assert publish_text(final, "new ✓") == str(final)
    assert final.read_text(encoding="utf-8") == "new ✓"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["manifest.json"]


def test_write_shard_sorts_rows_and_describes_the_file(tmp_path: Path) -> None:
    rows = [{"id": "b", "text": "two", "reason": None}, {"id": "a", "text": "one", "reason": "x"}]
    out = write_shard(str(tmp_path), "quarantine", 1, 3, rows, SCHEMA)
    path = tmp_path / "quarantine" / "part-00001-of-00003.parquet"
    assert out == OutputFile("quarantine/part-00001-of-00003.parquet", file_sha256(path), 2, os.path.getsize(path))
    assert pq.read_table(path).to_pylist() == [rows[1], rows[0]]
    assert pq.read_schema(path).equals(SCHEMA)
    assert sorted(p.name for p in (tmp_path / "quarantine").iterdir()) == ["part-00001-of-00003.parquet"]


def test_publish_text_and_write_shard_on_an_object_store(tmp_path: Path, s3: S3) -> None:
    """The same bytes as on a local disk, under the same names, with no temporary object left."""
    base = f"s3://{s3.buckets['out']}/run"
    rows = [{"id": "b", "text": "two", "reason": None}, {"id": "a", "text": "one", "reason": "x"}]
    assert publish_text(f"{base}/manifest.json", "new ✓") == f"{base}/manifest.json"
    remote = write_shard(base, "quarantine", 1, 3, rows, SCHEMA)
    local = write_shard(str(tmp_path), "quarantine", 1, 3, rows, SCHEMA)
    assert remote == local
    assert s3.objects(base) == {
        "manifest.json": "new ✓".encode(),
        "quarantine/part-00001-of-00003.parquet": (tmp_path / local.path).read_bytes(),
    }


def test_write_shard_is_byte_identical_whatever_the_row_order(tmp_path: Path) -> None:
    rows = [{"id": f"r{i}", "text": f"text {i}", "reason": None} for i in range(50)]
    first = write_shard(str(tmp_path / "1"), "records", 0, 1, rows, SCHEMA)
    second = write_shard(str(tmp_path / "2"), "records", 0, 1, list(reversed(rows)), SCHEMA)
    assert first == second


def test_write_shard_skips_statistics_only_for_columns_with_huge_values(tmp_path: Path) -> None:
    rows = [{"id": "big", "text": "x" * 1_000_001, "reason": "r"}, {"id": "small", "text": "y", "reason": None}]
    write_shard(str(tmp_path), "records", 0, 1, rows, SCHEMA)
    meta = pq.ParquetFile(tmp_path / "records" / "part-00000-of-00001.parquet").metadata.row_group(0)
    stats = {meta.column(i).path_in_schema: meta.column(i).is_stats_set for i in range(meta.num_columns)}
    assert stats == {"id": True, "text": False, "reason": True}
    write_shard(str(tmp_path / "small"), "records", 0, 1, rows[1:], SCHEMA)
    meta = pq.ParquetFile(tmp_path / "small" / "records" / "part-00000-of-00001.parquet").metadata.row_group(0)
    assert all(meta.column(i).is_stats_set for i in range(meta.num_columns))


def test_redaction_logs_are_written_from_their_arrays(tmp_path: Path) -> None:
    r1 = Redaction("PERSON", 0, 4, 0, 8, "ner.PERSON", 0.85, "replace")
    r2 = Redaction("EMAIL_ADDRESS", 10, 25, 14, 29, "presidio.EmailRecognizer", 1.0, "pseudonymize")
    rows = [{"id": "b", "redactions": RedactionLog([r1, r2])}, {"id": "a", "redactions": RedactionLog([])}]
    plain = [{"id": "b", "redactions": [r1, r2]}, {"id": "a", "redactions": []}]
    logged = write_shard(str(tmp_path / "log"), "records", 0, 1, rows, LOGGED)
    as_objects = write_shard(
        str(tmp_path / "plain"),
        "records",
        0,
        1,
        [{"id": r["id"], "redactions": [vars_of(x) for x in r["redactions"]]} for r in plain],
        LOGGED,
    )
    assert logged.sha256 == as_objects.sha256
    table = pq.read_table(tmp_path / "log" / "records" / "part-00000-of-00001.parquet")
    assert table.to_pylist() == [
        {"id": "a", "redactions": []},
        {"id": "b", "redactions": [vars_of(r1), vars_of(r2)]},
    ]


def vars_of(r: Redaction) -> dict[str, object]:
    return {name: getattr(r, name) for name in REDACTION.names}


def test_row_size_counts_characters_logged_redactions_and_scalars() -> None:
    r = Redaction("PERSON", 0, 4, 0, 8, "ner.PERSON", 0.85, "replace")
    row = {"id": "ab", "text": "Zoë", "n": 5, "none": None, "tags": ["xy", "z"], "meta": {"k": "vw"}}
    assert row_size(row) == 2 + 3 + 8 + 8 + (8 + 2 + 1) + (1 + 2)
    assert row_size({"redactions": RedactionLog([r, r])}) == 96


@pytest.mark.parametrize(("total", "expected"), [(0, 4), (400, 4), (401, 5), (1000, 10), (1001, 11), (10**12, 10**10)])
def test_shard_count_is_enough_shards_of_at_most_max_bytes_never_fewer_than_the_minimum(
    total: int, expected: int
) -> None:
    assert Sharding(4, max_shard_bytes=100).count(total) == expected


def test_sharding_rejects_zero() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        Sharding(0)
    with pytest.raises(ValueError, match="at least 1"):
        Sharding(1, max_shard_bytes=0)


def test_row_groups_close_at_the_row_count_or_with_the_row_that_reaches_the_byte_limit() -> None:
    rows = [{"t": "x" * n} for n in (1, 1, 1, 1, 1, 5, 1, 9, 1)]
    by_rows = [[len(str(r["t"])) for r in g] for g in row_groups(rows, max_rows=4, max_bytes=100)]
    assert by_rows == [[1, 1, 1, 1], [1, 5, 1, 9], [1]]
    by_bytes = [[len(str(r["t"])) for r in g] for g in row_groups(rows, max_rows=100, max_bytes=6)]
    assert by_bytes == [[1, 1, 1, 1, 1, 5], [1, 9], [1]]
    assert list(row_groups([], max_rows=4, max_bytes=6)) == []


def _old_write(path: Path, rows: list[dict[str, object]], schema: pa.Schema) -> bytes:
    """What write_shard wrote before it streamed: the whole shard sorted, one pq.write_table."""
    table = pa.Table.from_pylist(sorted(rows, key=sort_key), schema=schema)
    pq.write_table(table, path, compression="zstd", write_statistics=True, store_schema=True)
    return path.read_bytes()


@pytest.mark.parametrize("count", [0, 1, 300])
def test_a_shard_that_fits_one_row_group_has_the_bytes_of_a_whole_table_write(tmp_path: Path, count: int) -> None:
    rows = [{"id": f"r{i:03d}", "text": f"text {i}", "reason": None if i % 2 else "x"} for i in range(count)]
    out = write_shard(str(tmp_path), "records", 0, 1, reversed(rows), SCHEMA)
    written = (tmp_path / out.path).read_bytes()
    assert written == _old_write(tmp_path / "old.parquet", rows, SCHEMA)
    assert out.rows == count and pq.ParquetFile(tmp_path / out.path).metadata.num_row_groups == 1


def test_a_shard_sorted_on_disk_in_small_row_groups_holds_the_same_rows_in_order(tmp_path: Path) -> None:
    rows = [{"id": f"r{i:03d}", "text": "t" * (i % 13), "reason": None} for i in range(250)]
    shuffled = list(rows)
    random.Random(3).shuffle(shuffled)
    small = {"sort_buffer_bytes": 64, "row_group_rows": 40, "row_group_bytes": 10**9}
    out = write_shard(str(tmp_path / "a"), "records", 0, 1, iter(shuffled), SCHEMA, **small)
    path = tmp_path / "a" / out.path
    assert pq.read_table(path).to_pylist() == rows
    meta = pq.ParquetFile(path).metadata
    assert [meta.row_group(i).num_rows for i in range(meta.num_row_groups)] == [40] * 6 + [10]
    again = write_shard(str(tmp_path / "b"), "records", 0, 1, reversed(rows), SCHEMA, **small)
    assert again == out  # the same bytes whatever the input order and however the sort spilled
    assert sorted(p.name for p in (tmp_path / "a" / "records").iterdir()) == ["part-00000-of-00001.parquet"]


def test_redaction_logs_survive_a_sort_spilled_to_disk(tmp_path: Path) -> None:
    r1 = Redaction("PERSON", 0, 4, 0, 8, "ner.PERSON", 0.85, "replace")
    rows = [{"id": f"r{i}", "redactions": RedactionLog([r1] * (i % 3))} for i in range(9)]
    in_memory = write_shard(str(tmp_path / "mem"), "records", 0, 1, rows, LOGGED)
    spilled = write_shard(str(tmp_path / "disk"), "records", 0, 1, reversed(rows), LOGGED, sort_buffer_bytes=1)
    assert spilled == in_memory
    table = pq.read_table(tmp_path / "disk" / spilled.path)
    assert [len(x) for x in table.column("redactions").to_pylist()] == [i % 3 for i in range(9)]
