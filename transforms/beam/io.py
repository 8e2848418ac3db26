"""Beam I/O: ``ReadUploads`` (inputs -> documents + quarantine) and ``WriteShards`` (rows -> Parquet).

Wiring only: the reading logic lives in ``transforms.readers`` and the writing in ``transforms.output.shards``,
both through Beam's file systems (``transforms.storage``). We read files with our own DoFn rather than
Beam's file IOs so no input path is recorded as lineage or logged: file names are data too.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import apache_beam as beam
import pyarrow as pa
from apache_beam.metrics import Metrics

from transforms.config import InputConfig, LimitsConfig
from transforms.logsafety import install_log_safety, safe_step
from transforms.output.keyed import INPUT, StateKeyRef, keyed_sha256, load_state_key
from transforms.output.shards import OutputFile, Sharding, row_size, shard_of, write_shard
from transforms.readers.dispatch import read_input_file
from transforms.readers.inputs import InputFile, opaque_source
from transforms.records import Document, Excluded, QuarantineRecord
from transforms.storage import ReadOnce

__all__ = ["DOCUMENTS", "EXCLUDED", "INPUTS", "QUARANTINE", "ReadUploads", "WriteShards"]

DOCUMENTS = "documents"
QUARANTINE = "quarantine"
EXCLUDED = "excluded"
INPUTS = "inputs"


def _input_entry(f: InputFile, read: tuple[int, str] | None, key: bytes | None) -> dict[str, Any]:
    """An input file as the manifest lists it: opaque source, size and a keyed digest of its bytes (the
    HMAC of their sha256 under the state key; None without a key, both None if unreadable)."""
    if read is None:
        return {"source": opaque_source(f), "bytes": None, "hmac": None}
    size, digest = read
    return {"source": opaque_source(f), "bytes": size, "hmac": keyed_sha256(key, INPUT, digest) or None}


class _ReadFileFn(beam.DoFn):
    def __init__(self, input_cfg: dict[str, Any], limits: dict[str, Any], state_key: StateKeyRef | None) -> None:
        self._input_cfg = input_cfg
        self._limits_cfg = limits
        self._state_key = state_key

    def setup(self) -> None:
        install_log_safety()  # this worker process logs failures by where, never by message
        self._key = load_state_key(self._state_key)
        self._input = InputConfig.model_validate(self._input_cfg)
        self._limits = LimitsConfig.model_validate(self._limits_cfg)
        self._read = Metrics.counter("scrubline", "records_read")
        self._bad = Metrics.counter("scrubline", "read_quarantined")
        self._excluded = Metrics.counter("scrubline", "records_excluded")

    @safe_step
    def process(self, f: InputFile) -> Iterable[Any]:
        once = ReadOnce(f.path, hashlib.sha256())  # the manifest's digest, taken while the reader reads
        try:
            for item in read_input_file(f, self._input, self._limits, once.open):
                if isinstance(item, QuarantineRecord):
                    self._bad.inc()
                    yield beam.pvalue.TaggedOutput(QUARANTINE, item)
                elif isinstance(item, Excluded):
                    self._excluded.inc()
                    yield beam.pvalue.TaggedOutput(EXCLUDED, item)
                else:
                    self._read.inc()
                    yield item
        except BaseException:
            once.close()
            raise
        # Keyed here: a plain digest of an input never leaves this worker's memory.
        yield beam.pvalue.TaggedOutput(INPUTS, _input_entry(f, once.finish(), self._key))


class ReadUploads(beam.PTransform):
    """Reads every input file into ``Document``s; undecodable, invalid or oversize input becomes a
    ``QuarantineRecord``; records an ``input.exclude`` rule removes are ``Excluded``.
    Returns ``{"documents": ..., "quarantine": ..., "excluded": ..., "inputs": ...}``; nothing is dropped
    silently. ``inputs`` holds one ``{source, bytes, hmac}`` per file for the manifest, digested while
    the file was read (each file is read once, except the columns a Parquet file's rows skip) and keyed
    with the state key ``state_key`` names."""

    def __init__(
        self,
        files: Sequence[InputFile],
        input_cfg: InputConfig,
        limits: LimitsConfig,
        state_key: StateKeyRef | None = None,
    ) -> None:
        super().__init__()
        self._files = list(files)
        self._input_cfg = input_cfg.model_dump(mode="json")
        self._limits = limits.model_dump(mode="json")
        self._state_key = state_key

    def expand(self, pbegin: beam.pvalue.PBegin) -> dict[str, beam.PCollection]:
        """The four outputs by name; every record read lands in exactly one of the first three."""
        out = (
            pbegin
            | "ListFiles" >> beam.Create(self._files, reshuffle=False)
            | "SpreadFiles" >> beam.Reshuffle()
            | "ReadFiles"
            >> beam.ParDo(_ReadFileFn(self._input_cfg, self._limits, self._state_key)).with_outputs(
                QUARANTINE, EXCLUDED, INPUTS, main=DOCUMENTS
            )
        )
        return {name: out[name] for name in (DOCUMENTS, QUARANTINE, EXCLUDED, INPUTS)}


@safe_step
def _write(
    item: tuple[int, Iterable[Any]],
    num_shards: int,
    output_dir: str,
    kind: str,
    schema: pa.Schema,
    to_row: Callable[[Any], dict[str, Any]],
) -> OutputFile:
    install_log_safety()
    index, items = item
    # Read once, lazily: a runner that pages a large group (Dataflow) never has it whole in memory here.
    rows = (to_row(x) for x in items if x is not None)  # None: the seed that makes an empty shard exist
    return write_shard(output_dir, kind, index, num_shards, rows, schema)


def _key_by_shard(item: Any, num_shards: int, to_row: Callable[[Any], dict[str, Any]]) -> tuple[int, Any]:
    return shard_of(str(to_row(item)["id"]), num_shards), item


class WriteShards(beam.PTransform):
    """Writes rows to ``DIR/<kind>/part-SSSSS-of-NNNNN.parquet``: every shard exists (empty ones too),
    a row's shard depends on its id and the shard count only, rows are sorted. The shard count is
    ``sharding.count(total row bytes)`` (an int ``n``: ``Sharding(n)``), so a shard holds about
    ``max_shard_bytes`` of rows or less whatever the input size; each shard is sorted in a bounded
    buffer and written in row groups. Returns the ``OutputFile``s written."""

    def __init__(
        self,
        output_dir: str,
        kind: str,
        sharding: Sharding | int,
        schema: pa.Schema,
        to_row: Callable[[Any], dict[str, Any]],
    ) -> None:
        super().__init__()
        self._output_dir = output_dir
        self._kind = kind
        self._sharding = sharding if isinstance(sharding, Sharding) else Sharding(sharding)
        self._schema = schema
        self._to_row = to_row

    def expand(self, items: beam.PCollection) -> beam.PCollection:
        """One ``OutputFile`` per shard, at least ``min_shards`` of them whatever the input."""
        to_row, sharding = self._to_row, self._sharding
        count = (
            items
            | "RowBytes" >> beam.Map(safe_step(lambda x: row_size(to_row(x))))
            | "TotalBytes" >> beam.CombineGlobally(sum)
            | "ShardCount" >> beam.Map(sharding.count)
        )
        n = beam.pvalue.AsSingleton(count)
        # Items, not rows, cross the shuffle: records pickle compact (transforms.records), their rows would not.
        keyed = items | "KeyByShard" >> beam.Map(safe_step(_key_by_shard), n, to_row)
        seeds = count | "ShardIndexes" >> beam.FlatMap(lambda k: [(i, None) for i in range(k)])
        return (
            (keyed, seeds)
            | "WithEveryShard" >> beam.Flatten()
            | "GroupByShard" >> beam.GroupByKey()
            | "WriteShard" >> beam.Map(_write, n, self._output_dir, self._kind, self._schema, to_row)
        )


def is_document(item: object) -> bool:
    return isinstance(item, Document)
