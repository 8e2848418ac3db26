"""``build_pipeline()``: ReadUploads -> RedactEntities -> WriteShards -> manifest. Wiring only."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import apache_beam as beam

from transforms.config import ScrublineConfig
from transforms.io import DOCUMENTS, QUARANTINE, ReadUploads, WriteShards
from transforms.manifest import build_manifest, write_manifest
from transforms.readers import InputFile
from transforms.records import QuarantineReason, QuarantineRecord, RedactedDocument
from transforms.redact import RedactEntities
from transforms.schemas import QUARANTINE_SCHEMA, quarantine_row, record_row, records_schema
from transforms.shards import OutputFile

__all__ = ["RunSpec", "build_pipeline"]


@dataclass(frozen=True)
class RunSpec:
    """Everything a run needs, resolved and validated before the pipeline is built."""

    files: tuple[InputFile, ...]
    output_dir: str
    config: ScrublineConfig
    ruleset: str
    versions: Mapping[str, str] = field(default_factory=dict)
    key_ids: Mapping[str, str] = field(default_factory=dict)


class _SumCounts(beam.CombineFn):
    def create_accumulator(self) -> Counter[str]:
        return Counter()

    def add_input(self, acc: Counter[str], item: Iterable[tuple[str, int]]) -> Counter[str]:
        for key, n in item:
            acc[key] += n
        return acc

    def merge_accumulators(self, accs: Iterable[Counter[str]]) -> Counter[str]:
        total: Counter[str] = Counter()
        for acc in accs:
            total.update(acc)
        return total

    def extract_output(self, acc: Counter[str]) -> dict[str, int]:
        return dict(sorted(acc.items()))


class _SplitDuplicateIds(beam.DoFn):
    """Records whose id occurs more than once go to quarantine (all copies): ids must be unique."""

    def process(self, doc: RedactedDocument, duplicated: dict[str, int]) -> Iterable[Any]:
        if doc.id in duplicated:
            yield beam.pvalue.TaggedOutput(
                QUARANTINE,
                QuarantineRecord(
                    doc.id, doc.source_ref, QuarantineReason.DUPLICATE_ID, "", doc.input_sha256, doc.size_bytes
                ),
            )
        else:
            yield doc


def _publish(_: Any, run: RunSpec, files: list[OutputFile], read: int, entities: dict, reasons: dict) -> str:
    manifest = build_manifest(
        read=read,
        files=files,
        entities=entities,
        quarantine_reasons=reasons,
        ruleset=run.ruleset,
        versions=run.versions,
        key_ids=run.key_ids,
        num_shards=run.config.output.num_shards,
    )
    return write_manifest(run.output_dir, manifest)


def build_pipeline(p: beam.Pipeline, run: RunSpec) -> beam.PCollection:
    """Add the whole run to ``p``; returns the PCollection holding the published manifest's path.

    Every document read ends in exactly one of ``records/`` or ``quarantine/``; the manifest is
    written after every shard and fails the run if ``read != written + quarantined``.
    """
    cfg = run.config
    read = p | "ReadUploads" >> ReadUploads(run.files, cfg.input, cfg.limits)
    redacted = read[DOCUMENTS] | "RedactEntities" >> RedactEntities(cfg, run.ruleset)
    duplicated = (
        redacted["redacted"]
        | "IdOnce" >> beam.Map(lambda d: (d.id, 1))
        | "CountIds" >> beam.CombinePerKey(sum)
        | "Repeated" >> beam.Filter(lambda kv: kv[1] > 1)
    )
    unique = redacted["redacted"] | "SplitDuplicateIds" >> beam.ParDo(
        _SplitDuplicateIds(), beam.pvalue.AsDict(duplicated)
    ).with_outputs(QUARANTINE, main="unique")
    quarantine = (read[QUARANTINE], redacted[QUARANTINE], unique[QUARANTINE]) | "AllQuarantine" >> beam.Flatten()

    ruleset = run.ruleset
    record_files = unique["unique"] | "WriteRecords" >> WriteShards(
        run.output_dir,
        "records",
        cfg.output.num_shards,
        records_schema(cfg.input.keep_fields),
        lambda d: record_row(d, ruleset),
    )
    quarantine_files = quarantine | "WriteQuarantine" >> WriteShards(
        run.output_dir, "quarantine", cfg.output.num_shards, QUARANTINE_SCHEMA, quarantine_row
    )

    read_count = (
        (read[DOCUMENTS], read[QUARANTINE])
        | "AllRead" >> beam.Flatten()
        | "One" >> beam.Map(lambda _: 1)
        | "CountRead" >> beam.CombineGlobally(sum)
    )
    entities = (
        redacted["redacted"]
        | "EntityCounts" >> beam.Map(lambda d: d.entity_counts)
        | "SumEntities" >> beam.CombineGlobally(_SumCounts())
    )
    reasons = (
        quarantine
        | "ReasonOf" >> beam.Map(lambda q: ((q.reason.value, 1),))
        | "SumReasons" >> beam.CombineGlobally(_SumCounts())
    )
    files = (record_files, quarantine_files) | "AllFiles" >> beam.Flatten()
    return (
        p
        | "ManifestTrigger" >> beam.Create([None])
        | "PublishManifest"
        >> beam.Map(
            _publish,
            run,
            beam.pvalue.AsList(files),
            beam.pvalue.AsSingleton(read_count),
            beam.pvalue.AsSingleton(entities),
            beam.pvalue.AsSingleton(reasons),
        )
    )
