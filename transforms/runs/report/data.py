"""Reading a published run for its report: manifest, run statistics, and counts from the shards.

Of the shards only the quarantine's ``source`` and ``reason`` columns and the records' ``redactions.detector``
and ``redactions.entity_type`` leaves are read: never a record's text, offsets or any other column.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from transforms import storage
from transforms.output.manifest import MANIFEST_NAME
from transforms.runs.stats import DEFAULT_TOP, RUN_STATS_NAME, safe_ref

__all__ = [
    "PublishedRun",
    "QuarantineBySource",
    "QuarantinedSource",
    "RuleFindings",
    "findings_by_rule",
    "quarantine_by_source",
    "read_published_run",
]


@dataclass(frozen=True)
class QuarantinedSource:
    """How many records of one source file (opaque reference) were quarantined, and why."""

    source: str
    quarantined: int
    reasons: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class QuarantineBySource:
    """The source files with the most quarantined records (``top``) out of ``count`` such files."""

    count: int = 0
    top: tuple[QuarantinedSource, ...] = ()


@dataclass(frozen=True)
class RuleFindings:
    """How many redactions one rule id (a redaction log's ``detector``) logged as one entity type."""

    rule: str
    entity_type: str
    count: int


def quarantine_by_source(output_dir: str, paths: Sequence[str], top: int = DEFAULT_TOP) -> QuarantineBySource:
    """Group the quarantine shards ``paths`` (relative to ``output_dir``) by source file: reads only
    their ``source`` and ``reason`` columns."""
    tables = []
    for rel in paths:
        with storage.open_read(storage.join(output_dir, rel)) as fh:
            tables.append(pq.read_table(fh, columns=["source", "reason"]))
    tables = [t for t in tables if t.num_rows]
    if not tables:
        return QuarantineBySource()
    table = pa.concat_tables(tables)
    files = pc.replace_substring_regex(table["source"], pattern="#.*$", replacement="")
    grouped = (
        pa.table({"file": files, "reason": table["reason"]})
        .group_by(["file", "reason"])
        .aggregate([("reason", "count")])
        .to_pylist()
    )
    per_file: dict[str, dict[str, int]] = {}
    for row in grouped:
        per_file.setdefault(row["file"], {})[row["reason"]] = row["reason_count"]
    ranked = sorted(per_file.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    return QuarantineBySource(
        count=len(per_file),
        top=tuple(QuarantinedSource(safe_ref(f), sum(r.values()), dict(sorted(r.items()))) for f, r in ranked[:top]),
    )


# The parts of a records shard that findings_by_rule reads: two leaves of the redaction log.
_RULE_LEAVES = ("detector", "entity_type")


def _rule_leaf_paths(shard: pq.ParquetFile) -> list[str]:
    paths = (shard.schema.column(i).path for i in range(shard.metadata.num_columns))
    return [p for p in paths if p.startswith("redactions.") and p.rsplit(".", 1)[1] in _RULE_LEAVES]


def _count_rules(shard: pq.ParquetFile, counts: Counter[tuple[str, str]]) -> None:
    for batch in shard.iter_batches(columns=_rule_leaf_paths(shard)):
        logged = pc.list_flatten(batch.column("redactions"))
        if not len(logged):
            continue
        leaves = pa.table({leaf: pc.struct_field(logged, leaf) for leaf in _RULE_LEAVES})
        for row in leaves.group_by(list(_RULE_LEAVES)).aggregate([([], "count_all")]).to_pylist():
            counts[(row["detector"], row["entity_type"])] += row["count_all"]


def findings_by_rule(output_dir: str, paths: Sequence[str]) -> tuple[RuleFindings, ...]:
    """Count the redactions of the records shards ``paths`` (relative to ``output_dir``) per rule id and
    entity type, most first, ties by rule id then entity type.

    Reads only the ``detector`` and ``entity_type`` leaves of the ``redactions`` column, a batch of rows
    at a time: never a record's text, offsets or any other column.
    """
    counts: Counter[tuple[str, str]] = Counter()
    for rel in paths:
        with storage.open_read(storage.join(output_dir, rel)) as fh:
            _count_rules(pq.ParquetFile(fh), counts)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return tuple(RuleFindings(rule, entity_type, n) for (rule, entity_type), n in ranked)


@dataclass(frozen=True)
class PublishedRun:
    """What the report shows of one published run: its manifest, ``run_stats.json`` (if any) and shard counts."""

    manifest: Mapping[str, Any]
    run_stats: Mapping[str, Any] | None
    quarantined: QuarantineBySource
    rules: tuple[RuleFindings, ...]


def read_published_run(output_dir: str, top: int = DEFAULT_TOP) -> PublishedRun:
    """Read the published run in ``output_dir``: needs ``manifest.json``; ``run_stats.json`` is optional.

    The shards read are those the manifest lists (``quarantine/`` and ``records/``).
    """
    manifest = json.loads(storage.read_text(storage.join(output_dir, MANIFEST_NAME)))
    stats_path = storage.join(output_dir, RUN_STATS_NAME)
    run_stats = json.loads(storage.read_text(stats_path)) if storage.exists(stats_path) else None
    paths = [str(f.get("path", "")) for f in manifest.get("files", [])]
    quarantined = quarantine_by_source(output_dir, [p for p in paths if p.startswith("quarantine/")], top)
    rules = findings_by_rule(output_dir, [p for p in paths if p.startswith("records/")])
    return PublishedRun(manifest, run_stats, quarantined, rules)
