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

from transforms.beam import memprobe
from transforms.config import InputConfig, LimitsConfig
from transforms.logsafety import install_log_safety, safe_step
from transforms.output.keyed import INPUT, StateKeyRef, keyed_sha256, load_state_key
from transforms.output.shards import OutputFile, Sharding, row_size, shard_of, write_shard
from transforms.readers.dispatch import plan_input_file, read_input_file
from transforms.readers.inputs import InputFile, expand_inputs, opaque_source, with_state_key
from transforms.readers.parquet import PARQUET_SPLIT_BYTES, RowGroupSpan, file_digest, read_row_groups
from transforms.records import Document, Excluded, QuarantineRecord
from transforms.storage import ReadOnce, ReadRanges

__all__ = ["DOCUMENTS", "EXCLUDED", "INPUTS", "QUARANTINE", "ReadUploads", "WriteShards"]

DOCUMENTS = "documents"
QUARANTINE = "quarantine"
EXCLUDED = "excluded"
INPUTS = "inputs"


# Internal: digests of the byte ranges of Parquet files read in parts, by opaque source, to be combined.
_PARTS = "parts"
# One file's part of the digests: its ParquetPlan's cuts and size (from the planner only), and the
# keyed digest of some of its ranges by index ("" without a state key, None when unreadable).
_Part = tuple[tuple[int, ...] | None, int | None, dict[int, str | None]]


def _input_entry(f: InputFile, read: tuple[int, str] | None, key: bytes | None) -> dict[str, Any]:
    """An input file as the manifest lists it: opaque source, size and a keyed digest of its bytes (the
    HMAC of their sha256 under the state key; None without a key, both None if unreadable)."""
    if read is None:
        return {"source": opaque_source(f), "bytes": None, "hmac": None}
    size, digest = read
    return {"source": opaque_source(f), "bytes": size, "hmac": keyed_sha256(key, INPUT, digest) or None}


def _split_input_entry(source: str, parts: Iterable[_Part], key: bytes | None) -> dict[str, Any]:
    """The manifest entry of a Parquet file read in parts: its size and the HMAC of ``file_digest`` over
    its ranges' keyed digests; both None unless every range was read (None without a key)."""
    cuts, size, digests = None, None, {}
    for part_cuts, part_size, part_digests in parts:
        cuts, size = (part_cuts, part_size) if part_cuts is not None else (cuts, size)
        digests.update(part_digests)
    combined = file_digest(cuts, digests) if cuts is not None else None
    if combined is None:
        return {"source": source, "bytes": None, "hmac": None}
    return {"source": source, "bytes": size, "hmac": keyed_sha256(key, INPUT, combined) if key else None}


def _keyed_ranges(first: int, count: int, digests: list[str] | None, key: bytes | None) -> dict[int, str | None]:
    if digests is None:
        return dict.fromkeys(range(first, first + count))
    return {first + i: keyed_sha256(key, INPUT, d) for i, d in enumerate(digests)}


class _ListInputsFn(beam.DoFn):
    """The input arguments -> every ``InputFile`` they name, listed here, at run time, through
    ``transforms.storage`` (no lineage, nothing logged: file names are data), carrying the state key's
    reference so their derived ids are keyed like every other digest (ordinals without a key)."""

    def __init__(self, state_key: StateKeyRef | None) -> None:
        self._state_key = state_key

    def setup(self) -> None:
        install_log_safety()

    @safe_step
    def process(self, inputs: tuple[str, ...]) -> Iterable[InputFile]:
        yield from with_state_key(expand_inputs(inputs), self._state_key)


class _PlanReadsFn(beam.DoFn):
    """An input file -> ``(file, None)`` to read it whole, or one ``(file, span)`` per ``RowGroupSpan`` of a
    Parquet file plus its plan's part of the digests (``_PARTS``)."""

    def __init__(self, state_key: StateKeyRef | None, split_bytes: int) -> None:
        self._state_key = state_key
        self._split_bytes = split_bytes

    def setup(self) -> None:
        install_log_safety()
        self._key = load_state_key(self._state_key)

    @safe_step
    def process(self, f: InputFile) -> Iterable[Any]:
        plan = plan_input_file(f, split_bytes=self._split_bytes)
        if plan is None:
            yield f, None
            return
        last = len(plan.cuts) - 2
        edges = {
            0: keyed_sha256(self._key, INPUT, plan.edge_digests[0]),
            last: keyed_sha256(self._key, INPUT, plan.edge_digests[1]),
        }
        yield beam.pvalue.TaggedOutput(_PARTS, (opaque_source(f), (plan.cuts, plan.size, edges)))
        for span in plan.spans:
            yield f, span


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

    def _routed(self, records: Iterable[Any]) -> Iterable[Any]:
        for item in records:
            if isinstance(item, QuarantineRecord):
                self._bad.inc()
                yield beam.pvalue.TaggedOutput(QUARANTINE, item)
            elif isinstance(item, Excluded):
                self._excluded.inc()
                yield beam.pvalue.TaggedOutput(EXCLUDED, item)
            else:
                self._read.inc()
                yield item

    @safe_step
    def process(self, task: tuple[InputFile, RowGroupSpan | None]) -> Iterable[Any]:
        f, span = task
        if span is not None:
            yield from self._read_span(f, span)
            return
        once = ReadOnce(f.path, hashlib.sha256())  # the manifest's digest, taken while the reader reads
        try:
            yield from self._routed(read_input_file(f, self._input, self._limits, once.open))
        except BaseException:
            once.close()
            raise
        # Keyed here: a plain digest of an input never leaves this worker's memory.
        yield beam.pvalue.TaggedOutput(INPUTS, _input_entry(f, once.finish(), self._key))

    def _read_span(self, f: InputFile, span: RowGroupSpan) -> Iterable[Any]:
        ranges = ReadRanges(f.path, span.cuts)  # its row groups' digests, taken while the reader reads
        try:
            yield from self._routed(read_row_groups(f, span, self._input, self._limits, ranges.open))
        except BaseException:
            ranges.close()
            raise
        digests = _keyed_ranges(span.first_range, len(span.cuts) - 1, ranges.finish(), self._key)
        yield beam.pvalue.TaggedOutput(_PARTS, (opaque_source(f), (None, None, digests)))


class _SplitInputEntryFn(beam.DoFn):
    def __init__(self, state_key: StateKeyRef | None) -> None:
        self._state_key = state_key

    def setup(self) -> None:
        install_log_safety()
        self._key = load_state_key(self._state_key)

    @safe_step
    def process(self, item: tuple[str, Iterable[_Part]]) -> Iterable[dict[str, Any]]:
        yield _split_input_entry(item[0], item[1], self._key)


class ReadUploads(beam.PTransform):
    """Reads every file the input arguments ``inputs`` name into ``Document``s; undecodable, invalid or
    oversize input becomes a ``QuarantineRecord``; records an ``input.exclude`` rule removes are ``Excluded``.
    Returns ``{"documents": ..., "quarantine": ..., "excluded": ..., "inputs": ...}``; nothing is dropped
    silently. ``inputs`` holds one ``{source, bytes, hmac}`` per file for the manifest, digested while
    the file was read (each file is read once) and keyed with the state key ``state_key`` names.
    A Parquet file is read in parts, spans of row groups of about ``split_bytes`` stored bytes each, on
    any worker: its digest is ``transforms.readers.parquet.file_digest`` over its ranges.

    The job carries the arguments (made absolute by ``transforms.readers.inputs.absolute_inputs``), not
    the file list: ``expand_inputs`` lists them on a worker when the job runs, with the same rules, ids
    and sources as on the launcher. An argument that names nothing then fails the run."""

    def __init__(
        self,
        inputs: Sequence[str],
        input_cfg: InputConfig,
        limits: LimitsConfig,
        state_key: StateKeyRef | None = None,
        split_bytes: int = PARQUET_SPLIT_BYTES,
    ) -> None:
        super().__init__()
        self._inputs = tuple(inputs)
        self._input_cfg = input_cfg.model_dump(mode="json")
        self._limits = limits.model_dump(mode="json")
        self._state_key = state_key
        self._split_bytes = split_bytes

    def expand(self, pbegin: beam.pvalue.PBegin) -> dict[str, beam.PCollection]:
        """The four outputs by name; every record read lands in exactly one of the first three."""
        planned = (
            pbegin
            | "Inputs" >> beam.Create([self._inputs], reshuffle=False)
            | "ListFiles" >> beam.ParDo(_ListInputsFn(self._state_key))
            | "SpreadFiles" >> beam.Reshuffle()
            | "PlanReads"
            >> beam.ParDo(_PlanReadsFn(self._state_key, self._split_bytes)).with_outputs(_PARTS, main="tasks")
        )
        out = (
            planned["tasks"]
            | "SpreadReads" >> beam.Reshuffle()
            | "ReadFiles"
            >> beam.ParDo(_ReadFileFn(self._input_cfg, self._limits, self._state_key)).with_outputs(
                QUARANTINE, EXCLUDED, INPUTS, _PARTS, main=DOCUMENTS
            )
        )
        split_inputs = (
            (planned[_PARTS], out[_PARTS])
            | "AllParts" >> beam.Flatten()
            | "PartsByFile" >> beam.GroupByKey()
            | "SplitInputDigests" >> beam.ParDo(_SplitInputEntryFn(self._state_key))
        )
        inputs = (out[INPUTS], split_inputs) | "AllInputs" >> beam.Flatten()
        return {DOCUMENTS: out[DOCUMENTS], QUARANTINE: out[QUARANTINE], EXCLUDED: out[EXCLUDED], INPUTS: inputs}


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
    memprobe.sample(f"WriteShard:{kind}:start:{type(items).__name__}", len(items) if isinstance(items, list) else -1)
    # Read once, lazily: a runner that pages a large group (Dataflow) never has it whole in memory here.
    rows = (to_row(x) for x in items if x is not None)  # None: the seed that makes an empty shard exist
    written = write_shard(output_dir, kind, index, num_shards, rows, schema)
    memprobe.sample(f"WriteShard:{kind}:end", written.rows)
    return written


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
