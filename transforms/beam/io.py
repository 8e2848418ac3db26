"""Beam I/O: ``ReadUploads`` (inputs -> documents + quarantine) and ``WriteShards`` (rows -> Parquet).

Wiring only: the reading logic lives in ``transforms.readers`` and the writing in ``transforms.output.shards``.
We read files with our own DoFn rather than Beam's file IOs so no input path is recorded as lineage
or logged: file names are data too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import apache_beam as beam
import pyarrow as pa
from apache_beam.metrics import Metrics

from transforms.config import InputConfig, LimitsConfig
from transforms.logsafety import install_log_safety, safe_step
from transforms.output.shards import OutputFile, shard_of, write_shard
from transforms.readers.dispatch import read_input_file
from transforms.readers.inputs import InputFile
from transforms.records import Document, Excluded, QuarantineRecord

__all__ = ["DOCUMENTS", "EXCLUDED", "QUARANTINE", "ReadUploads", "WriteShards"]

DOCUMENTS = "documents"
QUARANTINE = "quarantine"
EXCLUDED = "excluded"


class _ReadFileFn(beam.DoFn):
    def __init__(self, input_cfg: dict[str, Any], limits: dict[str, Any]) -> None:
        self._input_cfg = input_cfg
        self._limits_cfg = limits

    def setup(self) -> None:
        install_log_safety()  # this worker process logs failures by where, never by message
        self._input = InputConfig.model_validate(self._input_cfg)
        self._limits = LimitsConfig.model_validate(self._limits_cfg)
        self._read = Metrics.counter("scrubline", "records_read")
        self._bad = Metrics.counter("scrubline", "read_quarantined")
        self._excluded = Metrics.counter("scrubline", "records_excluded")

    @safe_step
    def process(self, f: InputFile) -> Iterable[Any]:
        for item in read_input_file(f, self._input, self._limits):
            if isinstance(item, QuarantineRecord):
                self._bad.inc()
                yield beam.pvalue.TaggedOutput(QUARANTINE, item)
            elif isinstance(item, Excluded):
                self._excluded.inc()
                yield beam.pvalue.TaggedOutput(EXCLUDED, item)
            else:
                self._read.inc()
                yield item


class ReadUploads(beam.PTransform):
    """Reads every input file into ``Document``s; undecodable, invalid or oversize input becomes a
    ``QuarantineRecord``; records an ``input.exclude`` rule removes are ``Excluded``.
    Returns ``{"documents": ..., "quarantine": ..., "excluded": ...}``; nothing is dropped silently."""

    def __init__(self, files: Sequence[InputFile], input_cfg: InputConfig, limits: LimitsConfig) -> None:
        super().__init__()
        self._files = list(files)
        self._input_cfg = input_cfg.model_dump(mode="json")
        self._limits = limits.model_dump(mode="json")

    def expand(self, pbegin: beam.pvalue.PBegin) -> dict[str, beam.PCollection]:
        """The three outputs by name; every record read lands in exactly one of them."""
        out = (
            pbegin
            | "ListFiles" >> beam.Create(self._files, reshuffle=False)
            | "SpreadFiles" >> beam.Reshuffle()
            | "ReadFiles"
            >> beam.ParDo(_ReadFileFn(self._input_cfg, self._limits)).with_outputs(QUARANTINE, EXCLUDED, main=DOCUMENTS)
        )
        return {DOCUMENTS: out[DOCUMENTS], QUARANTINE: out[QUARANTINE], EXCLUDED: out[EXCLUDED]}


@safe_step
def _write(
    item: tuple[int, dict[str, list[Any]]],
    output_dir: str,
    kind: str,
    num_shards: int,
    schema: pa.Schema,
    to_row: Callable[[Any], dict[str, Any]],
) -> OutputFile:
    install_log_safety()
    index, grouped = item
    return write_shard(output_dir, kind, index, num_shards, [to_row(x) for x in grouped["rows"]], schema)


class WriteShards(beam.PTransform):
    """Writes rows to ``DIR/<kind>/part-SSSSS-of-NNNNN.parquet``: every shard exists (empty ones too),
    a row's shard depends on its id only, rows are sorted. Returns the ``OutputFile``s written."""

    def __init__(
        self, output_dir: str, kind: str, num_shards: int, schema: pa.Schema, to_row: Callable[[Any], dict[str, Any]]
    ) -> None:
        super().__init__()
        self._output_dir = output_dir
        self._kind = kind
        self._num_shards = num_shards
        self._schema = schema
        self._to_row = to_row

    def expand(self, items: beam.PCollection) -> beam.PCollection:
        """One ``OutputFile`` per shard, ``num_shards`` of them whatever the input."""
        n = self._num_shards
        to_row = self._to_row
        # Items, not rows, cross the shuffle: records pickle compact (transforms.records), their rows would not.
        rows = items | "KeyByShard" >> beam.Map(safe_step(lambda x: (shard_of(str(to_row(x)["id"]), n), x)))
        seeds = items.pipeline | "ShardIndexes" >> beam.Create([(i, None) for i in range(n)], reshuffle=False)
        return (
            {"rows": rows, "seed": seeds}
            | "GroupByShard" >> beam.CoGroupByKey()
            | "WriteShard" >> beam.Map(_write, self._output_dir, self._kind, n, self._schema, to_row)
        )


def is_document(item: object) -> bool:
    return isinstance(item, Document)
