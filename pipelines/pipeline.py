"""``build_pipeline()``: ReadUploads -> RedactEntities -> WriteShards -> manifest. Wiring only."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import apache_beam as beam

from transforms.carryover import CARRIED, REDO, CarryOver
from transforms.config import ScrublineConfig
from transforms.io import DOCUMENTS, EXCLUDED, QUARANTINE, ReadUploads, WriteShards
from transforms.manifest import build_manifest, write_manifest
from transforms.readers import InputFile, opaque_source
from transforms.records import QuarantineReason, QuarantineRecord, RedactedDocument
from transforms.redact import RUN_STATS, RedactEntities, WriteRunStats
from transforms.reprocess import ReusePlan, sanitized_config
from transforms.schemas import (
    FINGERPRINT_SCHEMA,
    QUARANTINE_SCHEMA,
    excluded_fingerprint,
    quarantine_fingerprint,
    quarantine_row,
    record_fingerprint,
    record_row,
    records_schema,
)
from transforms.shards import OutputFile

__all__ = ["PreviousRun", "RunSpec", "build_pipeline"]


@dataclass(frozen=True)
class PreviousRun:
    """A published earlier run to carry unchanged output over from (``--previous``)."""

    plan: ReusePlan
    ruleset: str
    fingerprint_files: tuple[str, ...]
    record_files: tuple[str, ...]


@dataclass(frozen=True)
class RunSpec:
    """Everything a run needs, resolved and validated before the pipeline is built."""

    files: tuple[InputFile, ...]
    output_dir: str
    config: ScrublineConfig
    ruleset: str
    versions: Mapping[str, str] = field(default_factory=dict)
    key_ids: Mapping[str, str] = field(default_factory=dict)
    progress_seconds: float = 30.0  # a progress line per worker process this often; 0: never
    previous: PreviousRun | None = None
    balance_workers: int = 0  # > 1: deal records into this many equal-work bins (local runner); 0: Reshuffle


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


def _input_entry(f: InputFile) -> dict[str, Any]:
    """An input file as the manifest lists it: opaque source, size and sha256 (None if unreadable now)."""
    h = hashlib.sha256()
    size = 0
    try:
        with open(f.path, "rb") as fh:
            while chunk := fh.read(1 << 20):
                h.update(chunk)
                size += len(chunk)
    except OSError:
        return {"source": opaque_source(f), "bytes": None, "sha256": None}
    return {"source": opaque_source(f), "bytes": size, "sha256": h.hexdigest()}


def _publish(
    _: Any,
    run: RunSpec,
    files: list[OutputFile],
    counts: dict[str, int],
    entities: dict,
    reasons: dict,
    inputs: list[dict[str, Any]],
) -> str:
    reuse = None
    if run.previous is not None:
        plan = run.previous.plan
        reuse = {
            "previous_ruleset": run.previous.ruleset,
            "mode": "incremental" if plan.incremental else "full",
            "full_rerun_reason": plan.full_rerun_reason,
            "changes": list(plan.changes),
            "carried_over": counts.get("carried", 0),
            "redetected": counts.get("detected", 0),
        }
    manifest = build_manifest(
        read=counts.get("read", 0),
        excluded=counts.get("excluded", 0),
        files=files,
        entities=entities,
        quarantine_reasons=reasons,
        ruleset=run.ruleset,
        versions=run.versions,
        key_ids=run.key_ids,
        num_shards=run.config.output.num_shards,
        config=sanitized_config(run.config),
        inputs=inputs,
        reuse=reuse,
    )
    return write_manifest(run.output_dir, manifest)


def _count(pcoll: beam.PCollection, key: str, label: str) -> beam.PCollection:
    return pcoll | label >> beam.Map(lambda _, k=key: ((k, 1),))


def build_pipeline(p: beam.Pipeline, run: RunSpec) -> beam.PCollection:
    """Add the whole run to ``p``; returns the PCollection holding the published manifest's path.

    Every record read ends in exactly one of ``records/``, ``quarantine/`` or the excluded count, and
    has one row in ``fingerprints/``; the manifest is written after every shard and fails the run if
    ``read != written + quarantined + excluded``. With ``run.previous``, unchanged records the rule
    change cannot affect are carried over instead of detected again (``transforms.carryover``).
    """
    cfg = run.config
    read = p | "ReadUploads" >> ReadUploads(run.files, cfg.input, cfg.limits)
    to_detect = read[DOCUMENTS]
    carried = None
    if run.previous is not None and run.previous.plan.incremental:
        split = to_detect | "CarryOver" >> CarryOver(
            run.previous.plan, run.previous.fingerprint_files, run.previous.record_files
        )
        to_detect, carried = split[REDO], split[CARRIED]
    redacted = to_detect | "RedactEntities" >> RedactEntities(
        cfg, run.ruleset, run.progress_seconds, run.balance_workers
    )
    redacted[RUN_STATS] | "WriteRunStats" >> WriteRunStats(run.output_dir)  # for people, not deterministic
    all_redacted = redacted["redacted"]
    if carried is not None:
        all_redacted = (redacted["redacted"], carried) | "WithCarriedOver" >> beam.Flatten()
    duplicated = (
        all_redacted
        | "IdOnce" >> beam.Map(lambda d: (d.id, 1))
        | "CountIds" >> beam.CombinePerKey(sum)
        | "Repeated" >> beam.Filter(lambda kv: kv[1] > 1)
    )
    unique = all_redacted | "SplitDuplicateIds" >> beam.ParDo(
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
    fingerprints = (
        unique["unique"] | "FingerprintWritten" >> beam.Map(record_fingerprint, ruleset),
        quarantine | "FingerprintQuarantined" >> beam.Map(quarantine_fingerprint, ruleset),
        read[EXCLUDED] | "FingerprintExcluded" >> beam.Map(excluded_fingerprint, ruleset),
    ) | "AllFingerprints" >> beam.Flatten()
    fingerprint_files = fingerprints | "WriteFingerprints" >> WriteShards(
        run.output_dir, "fingerprints", cfg.output.num_shards, FINGERPRINT_SCHEMA, lambda row: row
    )

    tallies = [
        _count(read[DOCUMENTS], "read", "CountDocuments"),
        _count(read[QUARANTINE], "read", "CountUnreadable"),
        _count(read[EXCLUDED], "read", "CountExcludedRead"),
        _count(read[EXCLUDED], "excluded", "CountExcluded"),
        _count(to_detect, "detected", "CountDetected"),
    ]
    if carried is not None:
        tallies.append(_count(carried, "carried", "CountCarried"))
    counts = tuple(tallies) | "AllTallies" >> beam.Flatten() | "SumTallies" >> beam.CombineGlobally(_SumCounts())
    inputs = p | "ListInputs" >> beam.Create(list(run.files), reshuffle=False) | "HashInputs" >> beam.Map(_input_entry)
    entities = (
        all_redacted
        | "EntityCounts" >> beam.Map(lambda d: d.entity_counts)
        | "SumEntities" >> beam.CombineGlobally(_SumCounts())
    )
    reasons = (
        quarantine
        | "ReasonOf" >> beam.Map(lambda q: ((q.reason.value, 1),))
        | "SumReasons" >> beam.CombineGlobally(_SumCounts())
    )
    files = (record_files, quarantine_files, fingerprint_files) | "AllFiles" >> beam.Flatten()
    return (
        p
        | "ManifestTrigger" >> beam.Create([None])
        | "PublishManifest"
        >> beam.Map(
            _publish,
            run,
            beam.pvalue.AsList(files),
            beam.pvalue.AsSingleton(counts),
            beam.pvalue.AsSingleton(entities),
            beam.pvalue.AsSingleton(reasons),
            beam.pvalue.AsList(inputs),
        )
    )
