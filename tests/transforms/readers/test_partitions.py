"""Unit tests for transforms.readers.partitions: Hive-style ``key=value`` directories as kept columns."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.transforms.readers.helpers import INVALID, fid, opq, qrec, read, sha
from transforms.config import InputConfig
from transforms.readers.inputs import InputFile
from transforms.readers.partitions import PartitionValueError, partition_values
from transforms.records import Document


def test_kept_keys_are_read_from_every_directory_innermost_last() -> None:
    cfg = InputConfig(keep_fields=["date", "region", "team name"])
    relpath = "region=us/date=2024-01-01/region=eu/team%20name=a%2Fb%3Dc/kind=x/part-0.parquet"
    assert partition_values(relpath, cfg) == {
        "date": ("2024-01-01", pa.string()),
        "region": ("eu", pa.string()),
        "team name": ("a/b=c", pa.string()),
    }


def test_the_file_name_and_unkept_keys_are_not_partitions() -> None:
    cfg = InputConfig(keep_fields=["k"])
    assert partition_values("dir/k=v.parquet", cfg) == {}
    assert partition_values("other=1/=2/plain/x.jsonl", cfg) == {}


@pytest.mark.parametrize(
    "kind, text, expected",
    [
        ("string", "007", ("007", pa.string())),
        ("int64", "-42", (-42, pa.int64())),
        ("double", "2.5", (2.5, pa.float64())),
        ("bool", "TRUE", (True, pa.bool_())),
        ("date", "2024-02-29", (datetime.date(2024, 2, 29), pa.date32())),
        ("timestamp", "2024-01-01 10:00:00", (datetime.datetime(2024, 1, 1, 10), pa.timestamp("us"))),
        ("timestamp", "2024-01-01T12:00:00+02:00", (datetime.datetime(2024, 1, 1, 10), pa.timestamp("us"))),
        ("int64", "__HIVE_DEFAULT_PARTITION__", (None, pa.int64())),
    ],
)
def test_configured_types(kind: str, text: str, expected: tuple) -> None:
    cfg = InputConfig(keep_fields=["p"], partition_types={"p": kind})
    assert partition_values(f"p={text}/f.jsonl", cfg) == {"p": expected}


@pytest.mark.parametrize(
    "kind, text",
    [
        ("int64", "1.5"),
        ("int64", "9223372036854775808"),
        ("double", "nan"),
        ("double", "x"),
        ("bool", "yes"),
        ("date", "2024-02-30"),
        ("timestamp", "noon"),
    ],
)
def test_a_value_not_of_its_type_is_an_error(kind: str, text: str) -> None:
    cfg = InputConfig(keep_fields=["p"], partition_types={"p": kind})
    with pytest.raises(PartitionValueError):
        partition_values(f"p={text}/f.jsonl", cfg)


def test_records_of_every_kind_get_the_partition_columns(tmp_path: Path) -> None:
    cfg = InputConfig(keep_fields=["day", "n", "region"], partition_types={"day": "date"})
    folder = tmp_path / "day=2024-05-06" / "region=eu"
    folder.mkdir(parents=True)
    line = json.dumps({"id": "j1", "text": "t", "region": "own", "n": 3}).encode()
    (folder / "a.jsonl").write_bytes(line + b"\n")
    (folder / "b.txt").write_bytes(b"plain")
    pq.write_table(pa.table({"id": ["p1"], "text": ["t"], "n": pa.array([4], pa.int16())}), folder / "c.parquet")
    day = ("day", datetime.date(2024, 5, 6))
    out = [
        read(InputFile(0, str(tmp_path), str(folder / n), f"day=2024-05-06/region=eu/{n}"), cfg)
        for n in ("a.jsonl", "b.txt", "c.parquet")
    ]
    jsonl, raw, parquet = (docs[0] for docs in out)
    assert isinstance(jsonl, Document) and isinstance(raw, Document) and isinstance(parquet, Document)
    # a field the record holds wins over a partition key of the same name
    assert jsonl.metadata == (day, ("n", 3), ("region", "own"))
    assert jsonl.metadata_types == (("day", pa.date32()), ("n", pa.int64()))
    assert raw.metadata == (day, ("n", None), ("region", "eu"))
    assert raw.metadata_types == (("day", pa.date32()),)
    assert parquet.metadata == (day, ("n", 4), ("region", "eu"))
    assert parquet.metadata_types == (("day", pa.date32()), ("n", pa.int16()))


def test_a_bad_partition_value_quarantines_every_record_of_the_file(tmp_path: Path) -> None:
    cfg = InputConfig(keep_fields=["year"], partition_types={"year": "int64"})
    folder = tmp_path / "year=soon"
    folder.mkdir()
    line = json.dumps({"id": "j1", "text": "t"}).encode()
    (folder / "a.jsonl").write_bytes(line + b"\n")
    (folder / "b.txt").write_bytes(b"plain")
    fa = InputFile(0, str(tmp_path), str(folder / "a.jsonl"), "year=soon/a.jsonl")
    fb = InputFile(0, str(tmp_path), str(folder / "b.txt"), "year=soon/b.txt")
    jsonl, raw = read(fa, cfg), read(fb, cfg)
    assert jsonl == [qrec(fa, INVALID, "InvalidPartitionValue", suffix="#L1", record_id="j1", raw=line)]
    assert raw == [qrec(fb, INVALID, "InvalidPartitionValue", record_id=fid(fb), raw=b"plain")]
    assert raw[0].source == opq(fb) and raw[0].input_sha256 == sha(b"plain")
