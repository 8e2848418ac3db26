"""``build_pipeline()``: ReadUploads -> [CarryOver] -> RedactEntities -> WriteShards -> PublishManifest. Wiring only."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import apache_beam as beam

from transforms.beam.carryover import CARRIED, REDO, CarryOver
from transforms.beam.io import DOCUMENTS, EXCLUDED, INPUTS, QUARANTINE, ReadUploads, WriteShards
from transforms.beam.publish import PublishManifest, SplitDuplicateIds, tally
from transforms.beam.redact import RUN_STATS, RedactEntities, WriteRunStats
from transforms.beam.schema import RecordsSchema
from transforms.logsafety import safe_step
from transforms.output.keyed import StateKeyRef, load_state_key
from transforms.output.schemas import (
    FINGERPRINT_SCHEMA,
    QUARANTINE_SCHEMA,
    excluded_fingerprint,
    fit_metadata,
    quarantine_fingerprint,
    quarantine_row,
    record_fingerprint,
    record_row,
)
from transforms.output.shards import Sharding
from transforms.runs.spec import PreviousRun, RunSpec

__all__ = ["PreviousRun", "RunSpec", "build_pipeline"]


def _keyed(row_of: Callable[..., dict[str, object]], skey: StateKeyRef | None, *args: str) -> Callable[[Any], Any]:
    """``row_of(item, *args, key)``, the state key read on the worker that builds the row (never pickled)."""
    return lambda item: row_of(item, *args, load_state_key(skey))


def build_pipeline(p: beam.Pipeline, run: RunSpec) -> beam.PCollection:
    """Add the whole run to ``p``; returns the PCollection holding the published manifest's path.

    Every record read ends in exactly one of ``records/``, ``quarantine/`` or the excluded count, and
    has one row in ``fingerprints/``; the manifest is written after every shard and fails the run if
    ``read != written + quarantined + excluded``. With ``run.previous``, unchanged records the rule
    change cannot affect are carried over instead of detected again (``transforms.beam.carryover``).
    """
    cfg, out, ruleset = run.config, run.output_dir, run.ruleset
    shards = Sharding(cfg.output.num_shards, cfg.output.max_shard_bytes)  # more shards for a larger output
    skey = run.state_key  # the variable's name and the key's id: workers read the key itself
    read = p | "ReadUploads" >> ReadUploads(run.inputs, cfg.input, cfg.limits, run.state_key)
    to_detect, carried = read[DOCUMENTS], None
    if run.previous is not None and run.previous.plan.incremental and skey is not None:  # --previous needs a key
        prev = run.previous
        split = to_detect | "CarryOver" >> CarryOver(
            prev.plan, prev.fingerprint_files, prev.record_files, skey, prev.ruleset
        )
        to_detect, carried = split[REDO], split[CARRIED]
    redacted = to_detect | "RedactEntities" >> RedactEntities(cfg, ruleset, run.progress_seconds, run.balance_workers)
    redacted[RUN_STATS] | "WriteRunStats" >> WriteRunStats(out)  # for people, not deterministic
    all_redacted = redacted["redacted"]
    if carried is not None:
        all_redacted = (all_redacted, carried) | "WithCarriedOver" >> beam.Flatten()
    unique = all_redacted | "DuplicateIds" >> SplitDuplicateIds()
    quarantine = (read[QUARANTINE], redacted[QUARANTINE], unique[QUARANTINE]) | "AllQuarantine" >> beam.Flatten()

    # One schema for every shard: kept columns typed by the join of all records' types (side input).
    records_table = beam.pvalue.AsSingleton(unique["unique"] | "RecordsSchema" >> RecordsSchema(cfg.input.keep_fields))
    files = (
        unique["unique"]
        | "FitMetadata" >> beam.Map(fit_metadata, records_table)
        | "WriteRecords" >> WriteShards(out, "records", shards, records_table, lambda d: record_row(d, ruleset)),
        quarantine
        | "WriteQuarantine" >> WriteShards(out, "quarantine", shards, QUARANTINE_SCHEMA, _keyed(quarantine_row, skey)),
        (
            unique["unique"] | "FingerprintWritten" >> beam.Map(safe_step(_keyed(record_fingerprint, skey, ruleset))),
            quarantine | "FingerprintQuarantined" >> beam.Map(safe_step(_keyed(quarantine_fingerprint, skey, ruleset))),
            read[EXCLUDED] | "FingerprintExcluded" >> beam.Map(safe_step(_keyed(excluded_fingerprint, skey, ruleset))),
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
        "inputs": read[INPUTS],
    }
    return parts | "PublishManifest" >> PublishManifest(run)
