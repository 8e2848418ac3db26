"""Unit tests for transforms.readers.parquet: Parquet uploads row by row, in small batches (no Beam)."""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.transforms.readers.helpers import DECODE, INVALID, TOO_LARGE, opq, put, qrec, read, sha
from transforms.config import InputConfig, LimitsConfig
from transforms.readers.inputs import InputFile
from transforms.readers.parquet import file_digest, plan_parquet, read_parquet, read_row_groups
from transforms.records import Document, QuarantineRecord


def test_parquet_rows_with_kept_fields_of_other_types(tmp_path: Path) -> None:
    table = pa.table(
        {
            "id": pa.array([1, 2, None], pa.int64()),
            "text": pa.array(["hello", None, "orphan"]),
            "text2": pa.array([None, None, "x"]),
            "lang": pa.array(["en", "de", None]),
            "score": pa.array([0.5, None, 1.0]),
            "tags": pa.array([["a", "b"], [], None], pa.list_(pa.string())),
            "created": pa.array([date(2024, 1, 2), None, None], pa.date32()),
            "blob": pa.array([b"ab", None, None], pa.binary()),
            "meta": pa.array([{"k": 1}, None, None], pa.struct([("k", pa.int32())])),
            "secret": pa.array(["never read", "x", "y"]),
        }
    )
    pq.write_table(table, tmp_path / "rows.parquet")
    f = InputFile(0, str(tmp_path), str(tmp_path / "rows.parquet"), "rows.parquet")
    cfg = InputConfig(
        text_fields=["text", "text2"], keep_fields=["tags", "score", "meta", "lang", "created", "blob", "absent"]
    )
    row0 = (
        b'{"blob":"b\'ab\'","created":"2024-01-02","id":1,"lang":"en","meta":{"k":1},"score":0.5,'
        b'"tags":["a","b"],"text":"hello","text2":null}'
    )
    row1 = (
        b'{"blob":null,"created":null,"id":2,"lang":"de","meta":null,"score":null,"tags":[],"text":null,"text2":null}'
    )
    row2 = (
        b'{"blob":null,"created":null,"id":null,"lang":null,"meta":null,"score":1.0,"tags":null,'
        b'"text":"orphan","text2":"x"}'
    )
    assert read(f, cfg) == [
        Document(
            id="1",
            text="hello",
            source="rows.parquet#row0",
            metadata=(
                ("absent", None),
                ("blob", "ab"),
                ("created", date(2024, 1, 2)),
                ("lang", "en"),
                ("meta", {"k": 1}),
                ("score", 0.5),
                ("tags", ["a", "b"]),
            ),
            input_sha256=sha(row0),
            size_bytes=len(row0),
            source_ref=opq(f, "#row0"),
            metadata_types=(
                ("created", pa.date32()),
                ("meta", pa.struct([("k", pa.int32())])),
                ("score", pa.float64()),
                ("tags", pa.list_(pa.string())),
            ),
        ),
        qrec(f, INVALID, "MissingText", suffix="#row1", record_id="2", raw=row1),
        qrec(f, INVALID, "MissingId", suffix="#row2", raw=row2),
    ]


def test_binary_kept_values_are_read_as_utf8_text(tmp_path: Path) -> None:
    table = pa.table(
        {
            "id": pa.array(["b1", "b2", "b3"]),
            "text": pa.array(["t", "t", "t"]),
            "author": pa.array(["Björn Tallqvist".encode(), b"\xff\xfeBj", None], pa.binary()),
            "owners": pa.array([["Åsa Lindqvær".encode(), b"x"], None, [b"ok", b"\xc3"]], pa.list_(pa.binary())),
        }
    )
    pq.write_table(table, tmp_path / "bin.parquet")
    f = InputFile(0, str(tmp_path), str(tmp_path / "bin.parquet"), "bin.parquet")
    out = read(f, InputConfig(keep_fields=["author", "owners"]))
    assert [r.metadata if isinstance(r, Document) else (r.id, r.reason, r.error_class) for r in out] == [
        (("author", "Björn Tallqvist"), ("owners", ["Åsa Lindqvær", "x"])),
        ("b2", DECODE, "UnicodeDecodeError"),
        ("b3", DECODE, "UnicodeDecodeError"),
    ]


@pytest.mark.parametrize(
    "ids, texts, expected",
    [
        (
            pa.array(["a", ""]),
            pa.array(["t", "t"]),
            [("doc", "a", b'{"id":"a","text":"t"}'), (INVALID, "EmptyId", None, b'{"id":"","text":"t"}')],
        ),
        (
            pa.array([True, None]),
            pa.array(["t", "t"]),
            [
                (INVALID, "InvalidIdType", None, b'{"id":true,"text":"t"}'),
                (INVALID, "MissingId", None, b'{"id":null,"text":"t"}'),
            ],
        ),
        (
            pa.array([1.0, 2.5]),
            pa.array(["t", "é"]),
            [
                (INVALID, "InvalidIdType", None, b'{"id":1.0,"text":"t"}'),
                (INVALID, "InvalidIdType", None, '{"id":2.5,"text":"é"}'.encode()),
            ],
        ),
        (
            pa.array([5, 6], pa.uint8()),
            pa.array([b"t", None], pa.binary()),
            [
                (INVALID, "InvalidTextType", "5", b'{"id":5,"text":"b\'t\'"}'),
                (INVALID, "MissingText", "6", b'{"id":6,"text":null}'),
            ],
        ),
        (
            pa.array(["a", "b"], pa.large_string()),
            pa.array(["x" * 21, "ok"], pa.large_string()),
            [
                (TOO_LARGE, "RecordTooLarge", "a", b'{"id":"a","text":"' + b"x" * 21 + b'"}'),
                ("doc", "b", b'{"id":"b","text":"ok"}'),
            ],
        ),
    ],
)
def test_parquet_row_validation(tmp_path: Path, ids: pa.Array, texts: pa.Array, expected: list[tuple]) -> None:
    pq.write_table(pa.table({"id": ids, "text": texts}), tmp_path / "v.parquet")
    f = InputFile(0, str(tmp_path), str(tmp_path / "v.parquet"), "v.parquet")
    want: list[Document | QuarantineRecord] = []
    for n, case in enumerate(expected):
        if case[0] == "doc":
            _, record_id, canonical = case
            want.append(
                Document(
                    id=record_id,
                    text=json.loads(canonical)["text"],
                    source=f"v.parquet#row{n}",
                    input_sha256=sha(canonical),
                    size_bytes=len(canonical),
                    source_ref=opq(f, f"#row{n}"),
                )
            )
        else:
            reason, error_class, record_id, canonical = case
            want.append(qrec(f, reason, error_class, suffix=f"#row{n}", record_id=record_id, raw=canonical))
    assert read(f, limits=LimitsConfig(max_record_chars=20)) == want


def test_parquet_row_numbers_run_across_batches(tmp_path: Path) -> None:
    n = 150  # more than one batch
    pq.write_table(
        pa.table({"id": [f"r{i}" for i in range(n)], "text": [str(i) for i in range(n)]}),
        tmp_path / "many.parquet",
        row_group_size=40,
    )
    f = InputFile(0, str(tmp_path), str(tmp_path / "many.parquet"), "many.parquet")
    out = read(f)
    assert [(d.id, d.text, d.source) for d in out if isinstance(d, Document)] == [
        (f"r{i}", str(i), f"many.parquet#row{i}") for i in range(n)
    ]


def test_parquet_without_any_configured_column_quarantines_every_row(tmp_path: Path) -> None:
    pq.write_table(pa.table({"other": ["a", "b"]}), tmp_path / "o.parquet")
    f = InputFile(0, str(tmp_path), str(tmp_path / "o.parquet"), "o.parquet")
    assert read(f) == [qrec(f, INVALID, "MissingId", suffix=f"#row{i}", raw=b"{}") for i in range(2)]


@pytest.mark.parametrize(
    "name, data, error_class",
    [
        ("junk.parquet", b"this is not parquet at all", "ArrowInvalid"),
        ("empty.parquet", b"", "ArrowInvalid"),
        ("z.parquet.gz", gzip.compress(b"PAR1", mtime=0), "UnsupportedCompression"),
    ],
)
def test_parquet_unreadable_file_is_one_decode_error(tmp_path: Path, name: str, data: bytes, error_class: str) -> None:
    f = put(tmp_path, name, data)
    assert read(f) == [qrec(f, DECODE, error_class)]


def test_read_parquet_refuses_a_compressed_stream_without_opening_it(tmp_path: Path) -> None:
    f = InputFile(0, str(tmp_path), str(tmp_path / "absent.parquet"), "absent.parquet")
    assert list(read_parquet(f, True, InputConfig(), LimitsConfig())) == [qrec(f, DECODE, "UnsupportedCompression")]


# --- split reads: spans of row groups ----------------------------------------------------------------------


def _many_groups(tmp_path: Path, rows: int = 50, group: int = 7, name: str = "split.parquet") -> InputFile:
    table = pa.table(
        {
            "id": [f"r{i}" if i % 9 else None for i in range(rows)],  # some rows quarantined by position
            "text": [f"row {i} " * (i % 5 + 1) for i in range(rows)],
            "lang": [["en", "de"][i % 2] for i in range(rows)],
            "unread": ["u" * 40] * rows,
        }
    )
    pq.write_table(table, tmp_path / name, row_group_size=group, compression="NONE", use_dictionary=False)
    return InputFile(0, str(tmp_path), str(tmp_path / name), name)


def _split_read(f: InputFile, split_bytes: int, cfg: InputConfig) -> list:
    plan = plan_parquet(f, split_bytes=split_bytes)
    assert plan is not None
    return [r for span in plan.spans for r in read_row_groups(f, span, cfg, LimitsConfig())]


@pytest.mark.parametrize("split_bytes", [1, 1500, 10**9], ids=["a span per row group", "a few per span", "one span"])
def test_split_reads_give_exactly_the_records_of_a_whole_read(tmp_path: Path, split_bytes: int) -> None:
    f = _many_groups(tmp_path)
    cfg = InputConfig(keep_fields=["lang"])
    whole = list(read_parquet(f, False, cfg, LimitsConfig()))
    assert len(whole) == 50
    assert [r.source for r in whole if isinstance(r, Document)][:3] == [f"split.parquet#row{i}" for i in (1, 2, 3)]
    assert [r.source for r in whole if isinstance(r, QuarantineRecord)] == [opq(f, f"#row{i}") for i in range(0, 50, 9)]
    assert _split_read(f, split_bytes, cfg) == whole


def test_a_plan_tiles_the_file_and_spans_cover_every_row_group(tmp_path: Path) -> None:
    f = _many_groups(tmp_path)
    data = Path(f.path).read_bytes()
    metadata = pq.read_metadata(f.path)
    plan = plan_parquet(f, split_bytes=1500)
    assert plan is not None and metadata.num_row_groups == 8
    starts = [metadata.row_group(i).column(0).data_page_offset for i in range(8)]  # no dictionary pages
    footer = len(data) - 8 - int.from_bytes(data[-8:-4], "little")
    assert plan.size == len(data) and plan.cuts == (0, *starts, footer, len(data))
    assert plan.edge_digests == (sha(data[:4]), sha(data[footer:]))
    groups = [g for s in plan.spans for g in range(s.first_group, s.stop_group)]
    assert groups == list(range(8)) and [s.stop_group - s.first_group for s in plan.spans] == [2, 2, 2, 2]
    for span in plan.spans:
        assert span.first_row == 7 * span.first_group
        assert span.cuts == plan.cuts[span.first_range : span.first_range + span.stop_group - span.first_group + 1]


def test_a_row_group_that_fails_to_decode_is_one_decode_error_and_the_next_is_read(tmp_path: Path) -> None:
    f = _many_groups(tmp_path, rows=21, group=7)
    chunk = pq.read_metadata(f.path).row_group(1).column(1)  # the text column of rows 7..13
    data = bytearray(Path(f.path).read_bytes())
    data[chunk.data_page_offset : chunk.data_page_offset + 8] = b"\xff" * 8  # its page header
    Path(f.path).write_bytes(bytes(data))
    cfg = InputConfig()
    whole = list(read_parquet(f, False, cfg, LimitsConfig()))
    assert [(type(r).__name__, r.source) for r in whole if r.source.endswith(("#row7", "#row8", "#row14"))] == [
        ("QuarantineRecord", opq(f, "#row7")),
        ("Document", "split.parquet#row14"),
    ]
    assert [r for r in whole if isinstance(r, QuarantineRecord) and r.reason == DECODE] == [
        qrec(f, DECODE, "OSError", suffix="#row7")
    ]
    assert [int(r.source.rsplit("#row", 1)[1]) for r in whole] == [*range(7), 7, *range(14, 21)]
    assert _split_read(f, 1, cfg) == whole


def test_no_plan_for_what_is_read_whole(tmp_path: Path) -> None:
    junk = put(tmp_path, "junk.parquet", b"not parquet")
    assert plan_parquet(junk) is None
    assert plan_parquet(InputFile(0, str(tmp_path), str(tmp_path / "absent.parquet"), "absent.parquet")) is None
    pq.ParquetWriter(tmp_path / "empty.parquet", pa.schema([("id", pa.string())])).close()  # no row group
    assert plan_parquet(InputFile(0, str(tmp_path), str(tmp_path / "empty.parquet"), "empty.parquet")) is None


def test_file_digest_is_the_sha256_of_its_range_lines() -> None:
    cuts = (0, 4, 90, 120)
    lines = "0 4 a\n4 90 b\n90 120 c\n"
    assert file_digest(cuts, {0: "a", 1: "b", 2: "c"}) == sha(lines)
    assert file_digest(cuts, {0: "a", 2: "c"}) is None
    assert file_digest(cuts, {0: "a", 1: None, 2: "c"}) is None
