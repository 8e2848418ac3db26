"""``build_pipeline()``: ReadUploads -> [CarryOver] -> RedactEntities -> WriteShards -> PublishManifest. Wiring only."""

from __future__ import annotations

import apache_beam as beam

from transforms.beam.carryover import CARRIED, REDO, CarryOver
from transforms.beam.io import DOCUMENTS, EXCLUDED, QUARANTINE, ReadUploads, WriteShards
from transforms.beam.publish import PublishManifest, SplitDuplicateIds, tally
from transforms.beam.redact import RUN_STATS, RedactEntities, WriteRunStats, config_side_input
from transforms.output.schemas import (
    FINGERPRINT_SCHEMA,
    QUARANTINE_SCHEMA,
    excluded_fingerprint,
    quarantine_fingerprint,
    quarantine_row,
    record_fingerprint,
    record_row,
    records_schema,
)
from transforms.runs.spec import PreviousRun, RunSpec

__all__ = ["PreviousRun", "RunSpec", "build_pipeline"]


def build_pipeline(p: beam.Pipeline, run: RunSpec) -> beam.PCollection:
    """Add the whole run to ``p``; returns the PCollection holding the published manifest's path.

    Every record read ends in exactly one of ``records/``, ``quarantine/`` or the excluded count, and
    has one row in ``fingerprints/``; the manifest is written after every shard and fails the run if
    ``read != written + quarantined + excluded``. With ``run.previous``, unchanged records the rule
    change cannot affect are carried over instead of detected again (``transforms.beam.carryover``).
    """
    cfg, out, shards, ruleset = run.config, run.output_dir, run.config.output.num_shards, run.ruleset
    read = p | "ReadUploads" >> ReadUploads(run.files, cfg.input, cfg.limits)
    to_detect, carried = read[DOCUMENTS], None
    if run.previous is not None and run.previous.plan.incremental:
        prev = run.previous
        split = to_detect | "CarryOver" >> CarryOver(prev.plan, prev.fingerprint_files, prev.record_files)
        to_detect, carried = split[REDO], split[CARRIED]
    config = config_side_input(p, cfg)  # read by RedactEntities and PublishManifest: its lists once in the graph
    redacted = to_detect | "RedactEntities" >> RedactEntities(
        cfg, ruleset, run.progress_seconds, run.balance_workers, config_input=config
    )
    redacted[RUN_STATS] | "WriteRunStats" >> WriteRunStats(out)  # for people, not deterministic
    all_redacted = redacted["redacted"]
    if carried is not None:
        all_redacted = (all_redacted, carried) | "WithCarriedOver" >> beam.Flatten()
    unique = all_redacted | "DuplicateIds" >> SplitDuplicateIds()
    quarantine = (read[QUARANTINE], redacted[QUARANTINE], unique[QUARANTINE]) | "AllQuarantine" >> beam.Flatten()

    records_table = records_schema(cfg.input.keep_fields)
    files = (
        unique["unique"]
        | "WriteRecords" >> WriteShards(out, "records", shards, records_table, lambda d: record_row(d, ruleset)),
        quarantine | "WriteQuarantine" >> WriteShards(out, "quarantine", shards, QUARANTINE_SCHEMA, quarantine_row),
        (
            unique["unique"] | "FingerprintWritten" >> beam.Map(record_fingerprint, ruleset),
            quarantine | "FingerprintQuarantined" >> beam.Map(quarantine_fingerprint, ruleset),
            read[EXCLUDED] | "FingerprintExcluded" >> beam.Map(excluded_fingerprint, ruleset),
        )
        | "AllFingerprints" >> beam.Flatten()
        | "WriteFingerprints" >> WriteShards(out, "fingerprints", shards, FINGERPRINT_SCHEMA, lambda row: row),
    ) | "AllFiles" >> beam.Flatten()

    tallies = [
        tally(read[DOCUMENTS], "read", "CountDocuments"),
        tally(read[QUARANTINE], "read", "CountUnreadable"),
        tally(read[EXCLUDED], "read", "CountExcludedRead"),
        tally(read[EXCLUDED], "excluded", "CountExcluded"),
        tally(to_detect, "detected", "CountDetected"),
    ]
    if carried is not None:
        tallies.append(tally(carried, "carried", "CountCarried"))
    parts = {
        "files": files,
        "tallies": tuple(tallies) | "AllTallies" >> beam.Flatten(),
        "redacted": all_redacted,
        "quarantine": quarantine,
    }
    return parts | "PublishManifest" >> PublishManifest(run, config_input=config)
