"""Beam transforms under TestPipeline: every document comes out exactly once, as record or quarantine."""

from __future__ import annotations

from pathlib import Path

import apache_beam as beam
import pyarrow.parquet as pq
from apache_beam.testing.test_pipeline import TestPipeline as BeamTestPipeline
from apache_beam.testing.util import assert_that, equal_to

from transforms.beam.io import DOCUMENTS, QUARANTINE, ReadUploads, WriteShards
from transforms.beam.redact import RedactEntities
from transforms.output.schemas import QUARANTINE_SCHEMA, quarantine_row
from transforms.output.shards import Sharding, row_size, shard_name, shard_of
from transforms.readers.inputs import expand_inputs
from transforms.records import Document


def _inputs(tmp_path: Path) -> list:
    (tmp_path / "batch.jsonl").write_text(
        '{"id": "a", "text": "Write to ada@example.com about Bluefin", "language": "en"}\n'
        "{not json}\n"
        '{"id": "b", "text": "nothing here"}\n',
        encoding="utf-8",
    )
    (tmp_path / "notes.txt").write_bytes(b"ok \xff\xfe broken")
    return expand_inputs([str(tmp_path)])


def test_read_and_redact(tmp_path: Path, no_ner_config) -> None:
    files = _inputs(tmp_path)
    with BeamTestPipeline() as p:
        read = p | ReadUploads(files, no_ner_config.input, no_ner_config.limits)
        redacted = read[DOCUMENTS] | RedactEntities(no_ner_config, "r1")
        assert_that(
            redacted["redacted"] | "Texts" >> beam.Map(lambda d: (d.id, d.text)),
            equal_to([("a", "Write to <EMAIL_ADDRESS> about <CODENAME>"), ("b", "nothing here")]),
            label="clean",
        )
        assert_that(
            read[QUARANTINE] | "Reasons" >> beam.Map(lambda q: (q.reason.value, q.error_class)),
            equal_to([("invalid_record", "JSONDecodeError"), ("decode_error", "UnicodeDecodeError")]),
            label="read quarantine",
        )
        assert_that(redacted[QUARANTINE], equal_to([]), label="no detector failures")


def test_write_shards_round_trip(tmp_path: Path) -> None:
    from transforms.records import QuarantineReason, QuarantineRecord

    items = [QuarantineRecord(f"id{i}", f"in0/x#L{i}", QuarantineReason.DECODE_ERROR, "E", "", i) for i in range(20)]
    with BeamTestPipeline() as p:
        to_row = lambda q: quarantine_row(q, None)  # noqa: E731
        _ = p | beam.Create(items) | WriteShards(str(tmp_path), "quarantine", 3, QUARANTINE_SCHEMA, to_row)
    for index in range(3):
        rows = pq.read_table(tmp_path / "quarantine" / shard_name(index, 3)).to_pylist()
        expected = sorted((to_row(q) for q in items if shard_of(q.id, 3) == index), key=lambda r: r["id"])
        assert rows == expected


def test_write_shards_chooses_more_shards_for_a_larger_output(tmp_path: Path) -> None:
    from transforms.records import QuarantineReason, QuarantineRecord

    items = [QuarantineRecord(f"id{i}", f"in0/x#L{i}", QuarantineReason.DECODE_ERROR, "E", "", i) for i in range(20)]
    to_row = lambda q: quarantine_row(q, None)  # noqa: E731
    assert sum(row_size(to_row(q)) for q in items) == 660  # so 7 shards of at most 100 bytes
    with BeamTestPipeline() as p:
        written = (
            p
            | beam.Create(items)
            | WriteShards(str(tmp_path), "quarantine", Sharding(2, max_shard_bytes=100), QUARANTINE_SCHEMA, to_row)
        )
        assert_that(
            written | beam.Map(lambda f: f.path), equal_to([f"quarantine/{shard_name(i, 7)}" for i in range(7)])
        )
    assert sorted(p.name for p in (tmp_path / "quarantine").iterdir()) == [shard_name(i, 7) for i in range(7)]
    for index in range(7):
        rows = pq.read_table(tmp_path / "quarantine" / shard_name(index, 7)).to_pylist()
        assert rows == sorted((to_row(q) for q in items if shard_of(q.id, 7) == index), key=lambda r: r["id"])


def test_write_shards_writes_every_shard_of_an_empty_output(tmp_path: Path) -> None:
    with BeamTestPipeline() as p:
        _ = (
            p
            | beam.Create([])
            | WriteShards(
                str(tmp_path), "quarantine", Sharding(3), QUARANTINE_SCHEMA, lambda q: quarantine_row(q, None)
            )
        )
    names = sorted(p.name for p in (tmp_path / "quarantine").iterdir())
    assert names == [shard_name(i, 3) for i in range(3)]
    assert [pq.read_table(tmp_path / "quarantine" / n).num_rows for n in names] == [0, 0, 0]


def test_documents_pickle_cleanly() -> None:
    import pickle

    d = Document("x", "t", "s", (("k", None),), "", 0, "in0/abc")
    assert pickle.loads(pickle.dumps(d)) == d
