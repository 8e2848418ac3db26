"""The end of a run: ``SplitDuplicateIds``, the tallies, and ``PublishManifest`` written after every shard."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

import apache_beam as beam

from transforms.beam.io import QUARANTINE
from transforms.logsafety import safe_step
from transforms.output.keyed import load_state_key, seal_manifest
from transforms.output.manifest import build_manifest, write_manifest
from transforms.records import QuarantineReason, QuarantineRecord, RedactedDocument
from transforms.runs.sanitize import sanitized_config
from transforms.runs.spec import RunSpec

__all__ = ["PublishManifest", "SplitDuplicateIds", "tally"]


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


class _SplitDuplicateIdsFn(beam.DoFn):
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


def _repeated(item: tuple[str, Iterable[None]]) -> Iterable[tuple[str, int]]:
    """``(id, copies)`` for an id grouped with more than one copy; nothing for an id seen once."""
    record_id, copies = item
    n = sum(1 for _ in copies)  # read once: a runner may page a large group
    if n > 1:
        yield record_id, n


class SplitDuplicateIds(beam.PTransform):
    """Every copy of an id seen more than once -> ``quarantine`` (``duplicate_id``); the rest -> ``unique``.

    The copies are counted by a ``GroupByKey`` on the id, not a ``CombinePerKey``: Beam lifts a
    combine into the SDK worker, which keeps a table of every key of its bundle (up to a million for
    ``sum``) until the bundle ends, and Flink's batch mode hands a worker a whole partition as one
    bundle, so that table held an entry per record. Grouped, the worker holds one id at a time.
    """

    def expand(self, redacted: beam.PCollection) -> beam.pvalue.DoOutputsTuple:
        """``unique`` (main) and ``quarantine`` outputs; every input element goes to exactly one."""
        duplicated = (
            redacted
            | "IdOnce" >> beam.Map(lambda d: (d.id, None))
            | "GroupIds" >> beam.GroupByKey()
            | "Repeated" >> beam.FlatMap(_repeated)
        )
        return redacted | "Split" >> beam.ParDo(_SplitDuplicateIdsFn(), beam.pvalue.AsDict(duplicated)).with_outputs(
            QUARANTINE, main="unique"
        )


def tally(pcoll: beam.PCollection, key: str, label: str) -> beam.PCollection:
    """One ``((key, 1),)`` per element of ``pcoll``, for ``PublishManifest``'s counts."""
    return pcoll | label >> beam.Map(lambda _, k=key: ((k, 1),))


def _reuse_summary(run: RunSpec, counts: dict[str, int]) -> dict[str, Any] | None:
    if run.previous is None:
        return None
    plan = run.previous.plan
    return {
        "previous_ruleset": run.previous.ruleset,
        "mode": "incremental" if plan.incremental else "full",
        "full_rerun_reason": plan.full_rerun_reason,
        "changes": list(plan.changes),
        "carried_over": counts.get("carried", 0),
        "redetected": counts.get("detected", 0),
    }


@safe_step
def _publish(
    _: Any,
    run: RunSpec,
    files: list[Any],
    counts: dict[str, int],
    entities: dict,
    reasons: dict,
    inputs: list[dict[str, Any]],
) -> str:
    key = load_state_key(run.state_key)
    manifest = build_manifest(
        read=counts.get("read", 0),
        excluded=counts.get("excluded", 0),
        files=files,
        entities=entities,
        quarantine_reasons=reasons,
        ruleset=run.ruleset,
        versions=run.versions,
        key_ids=run.key_ids,
        num_shards=sum(1 for f in files if f.path.startswith("records/")),  # at least output.num_shards
        config=sanitized_config(run.config, key),
        inputs=inputs,
        reuse=_reuse_summary(run, counts),
        state_key=run.state_key.key_id if run.state_key is not None else None,
    )
    return write_manifest(run.output_dir, seal_manifest(manifest, key))


class PublishManifest(beam.PTransform):
    """Write ``manifest.json`` once every shard is written; yields its path.

    The input is a dict of PCollections: ``files`` (every ``OutputFile`` written), ``tallies``
    (``((key, 1),)`` tuples from ``tally``), ``redacted`` (clean records), ``quarantine`` and ``inputs``
    (``ReadUploads``' entry for every input file). The manifest fails the run if
    ``read != written + quarantined + excluded``.
    """

    def __init__(self, run: RunSpec) -> None:
        super().__init__()
        self._run = run

    def expand(self, parts: dict[str, beam.PCollection]) -> beam.PCollection:
        """The path of ``manifest.json``, written after every file in ``parts["files"]``."""
        p = parts["files"].pipeline
        counts = parts["tallies"] | "SumTallies" >> beam.CombineGlobally(_SumCounts())
        entities = (
            parts["redacted"]
            | "EntityCounts" >> beam.Map(lambda d: d.entity_counts)
            | "SumEntities" >> beam.CombineGlobally(_SumCounts())
        )
        reasons = (
            parts["quarantine"]
            | "ReasonOf" >> beam.Map(lambda q: ((q.reason.value, 1),))
            | "SumReasons" >> beam.CombineGlobally(_SumCounts())
        )
        return (
            p
            | "ManifestTrigger" >> beam.Create([None])
            | "Write"
            >> beam.Map(
                _publish,
                self._run,
                beam.pvalue.AsList(parts["files"]),
                beam.pvalue.AsSingleton(counts),
                beam.pvalue.AsSingleton(entities),
                beam.pvalue.AsSingleton(reasons),
                beam.pvalue.AsList(parts["inputs"]),
            )
        )
