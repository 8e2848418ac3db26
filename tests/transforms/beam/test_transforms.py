"""Beam transforms under TestPipeline: every document comes out exactly once, as record or quarantine."""

from __future__ import annotations

import itertools
from pathlib import Path

import apache_beam as beam
import pyarrow.parquet as pq
import pytest
from apache_beam.testing.test_pipeline import TestPipeline as BeamTestPipeline
from apache_beam.testing.util import assert_that, equal_to

from transforms.beam.io import DOCUMENTS, QUARANTINE, ReadUploads, WriteShards
from transforms.beam.redact import RedactEntities
from transforms.output.schemas import QUARANTINE_SCHEMA, quarantine_row
from transforms.output.shards import Sharding, row_size, shard_name, shard_of
from transforms.readers.inputs import expand_inputs
from transforms.records import Document


def _inputs(tmp_path: Path) -> None:
    (tmp_path / "batch.jsonl").write_text(
        '{"id": "a", "text": "Write to ada@example.com about Bluefin", "language": "en"}\n'
        "{not json}\n"
        '{"id": "b", "text": "nothing here"}\n',
        encoding="utf-8",
    )
    (tmp_path / "notes.txt").write_bytes(b"ok \xff\xfe broken")


def test_read_and_redact(tmp_path: Path, no_ner_config) -> None:
    _inputs(tmp_path)
    with BeamTestPipeline() as p:
        read = p | ReadUploads([str(tmp_path)], no_ner_config.input, no_ner_config.limits)
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


KEY = "state-key-for-split-reads"


def _split_inputs(tmp_path: Path) -> list:
    import pyarrow as pa

    n = 40
    table = pa.table({"id": [f"p{i}" for i in range(n)], "text": [f"line {i}" for i in range(n)], "x": ["y"] * n})
    pq.write_table(table, tmp_path / "rows.parquet", row_group_size=6)  # 7 row groups
    (tmp_path / "junk.parquet").write_bytes(b"not parquet")
    (tmp_path / "a.jsonl").write_text('{"id": "j", "text": "t"}\n', encoding="utf-8")
    return expand_inputs([str(tmp_path)])


def _expected_entries(tmp_path: Path, files: list) -> list[dict]:
    """Each file's manifest entry, computed from its bytes: a plain digest for files read whole, the
    digest of its ranges' lines for the Parquet file read by row groups."""
    import hashlib

    from transforms.output.keyed import INPUT, keyed_sha256
    from transforms.readers.inputs import opaque_source

    key = KEY.encode()
    entries = []
    for f in files:
        data = Path(f.path).read_bytes()
        if f.relpath != "rows.parquet":
            digest = hashlib.sha256(data).hexdigest()
        else:
            metadata = pq.read_metadata(f.path)
            starts = [
                min(o for o in (c.dictionary_page_offset, c.data_page_offset) if o)
                for c in (metadata.row_group(i).column(0) for i in range(metadata.num_row_groups))
            ]
            cuts = [0, *starts, len(data) - 8 - int.from_bytes(data[-8:-4], "little"), len(data)]
            lines = "".join(
                f"{a} {b} {keyed_sha256(key, INPUT, hashlib.sha256(data[a:b]).hexdigest())}\n"
                for a, b in itertools.pairwise(cuts)
            )
            digest = hashlib.sha256(lines.encode()).hexdigest()
        entries.append({"source": opaque_source(f), "bytes": len(data), "hmac": keyed_sha256(key, INPUT, digest)})
    return entries


@pytest.mark.parametrize("split_bytes", [1, 10**9], ids=["a work item per row group", "one work item"])
def test_parquet_read_by_row_groups(tmp_path: Path, no_ner_config, monkeypatch, split_bytes: int) -> None:
    from transforms.beam.io import EXCLUDED, INPUTS
    from transforms.config import key_id
    from transforms.output.keyed import StateKeyRef
    from transforms.readers.inputs import with_state_key

    monkeypatch.setenv("SCRUBLINE_TEST_SPLIT_KEY", KEY)
    files = _split_inputs(tmp_path)
    state = StateKeyRef("SCRUBLINE_TEST_SPLIT_KEY", key_id(KEY))
    with BeamTestPipeline() as p:
        read = p | ReadUploads([str(tmp_path)], no_ner_config.input, no_ner_config.limits, state, split_bytes)
        assert_that(
            read[DOCUMENTS] | "Docs" >> beam.Map(lambda d: (d.id, d.text, d.source)),
            equal_to([(f"p{i}", f"line {i}", f"rows.parquet#row{i}") for i in range(40)] + [("j", "t", "a.jsonl#L1")]),
            label="documents",
        )
        assert_that(
            read[QUARANTINE] | "Reasons" >> beam.Map(lambda q: (q.reason.value, q.error_class)),
            equal_to([("decode_error", "ArrowInvalid")]),
            label="quarantine",
        )
        assert_that(read[EXCLUDED], equal_to([]), label="excluded")
        assert_that(read[INPUTS], equal_to(_expected_entries(tmp_path, with_state_key(files, state))), label="inputs")


def _graph(root: Path, no_ner_config) -> list[bytes]:
    """Every pickled function of a ``ReadUploads`` job graph, decompressed, then the rest of the graph."""
    import base64
    import bz2

    from apache_beam.portability import common_urns
    from apache_beam.portability.api import beam_runner_api_pb2

    p = beam.Pipeline()
    _ = p | ReadUploads([str(root)], no_ner_config.input, no_ner_config.limits)
    proto = p.to_runner_api()
    blobs = []
    for transform in proto.components.transforms.values():
        if transform.spec.urn == common_urns.primitives.PAR_DO.urn:
            payload = beam_runner_api_pb2.ParDoPayload.FromString(transform.spec.payload)
            blobs.append(bz2.decompress(base64.b64decode(payload.do_fn.payload)))  # Beam's pickler
            transform.spec.payload = b""
    return [*blobs, proto.SerializeToString(deterministic=True)]


def test_the_job_graph_carries_the_input_roots_not_the_file_list(tmp_path: Path, no_ner_config) -> None:
    root = tmp_path / "uploads"
    root.mkdir()
    for i in range(3):
        (root / f"note-{i:04d}.txt").write_text("x", encoding="utf-8")
    few = _graph(root, no_ner_config)
    for i in range(3, 300):
        (root / f"note-{i:04d}.txt").write_text("x", encoding="utf-8")
    many = _graph(root, no_ner_config)
    assert [len(b) for b in few[:-1]] == [len(b) for b in many[:-1]]  # the same functions for 3 files and 300
    assert not any(b"note-0" in b for b in many)
    assert sum(str(root).encode() in b for b in many) == 1  # the root, in the one Create


def test_inputs_are_listed_when_the_job_runs(tmp_path: Path, no_ner_config) -> None:
    (tmp_path / "early.txt").write_text("before the graph was built", encoding="utf-8")
    p = BeamTestPipeline()
    read = p | ReadUploads([str(tmp_path)], no_ner_config.input, no_ner_config.limits)
    assert_that(read[DOCUMENTS] | beam.Map(lambda d: d.source), equal_to(["early.txt", "late.txt"]))
    (tmp_path / "late.txt").write_text("after the graph was built", encoding="utf-8")
    p.run().wait_until_finish()


def test_split_duplicate_ids_quarantines_every_copy_of_a_repeated_id() -> None:
    from transforms.beam.publish import SplitDuplicateIds, _repeated
    from transforms.records import QuarantineReason, RedactedDocument

    ids = ["solo-1", "twice", "solo-2", "thrice", "twice", "thrice", "thrice"]
    docs = [RedactedDocument(rid, f"body {i}", "in.jsonl", {}, (), source_ref=f"in0#L{i}") for i, rid in enumerate(ids)]
    with BeamTestPipeline() as p:
        split = p | beam.Create(docs) | SplitDuplicateIds()
        assert_that(split["unique"] | "Ids" >> beam.Map(lambda d: d.id), equal_to(["solo-1", "solo-2"]), label="u")
        assert_that(
            split[QUARANTINE] | "Quarantined" >> beam.Map(lambda q: (q.id, q.source, q.reason)),
            equal_to([(r, f"in0#L{i}", QuarantineReason.DUPLICATE_ID) for i, r in enumerate(ids) if "solo" not in r]),
            label="q",
        )
    assert list(_repeated(("once", iter([None])))) == []
    assert list(_repeated(("three", iter([None, None, None])))) == [("three", 3)]
