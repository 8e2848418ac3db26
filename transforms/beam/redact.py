"""``RedactEntities``: batched detection and replacement on Beam workers, failures to quarantine.

One ``RedactionEngine`` (and so one spaCy model) per worker process, built in ``setup()`` and shared
between DoFn instances through ``apache_beam.utils.shared.Shared``. The engine never raises for a bad
record; if it raised anyway the bundle fails and Beam retries it, so no record is lost or passed through.

Each worker process also logs a progress line every ``progress_seconds`` (counts and rates only), and
every record yields a ``RecordStat`` (opaque source reference, characters, redactions, seconds) on
the ``run_stats`` output, which ``WriteRunStats`` turns into ``DIR/run_stats.json`` for people.
"""

from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import apache_beam as beam
from apache_beam.metrics import Metrics
from apache_beam.utils.shared import Shared

from transforms.config import ScrublineConfig
from transforms.logsafety import install_log_safety
from transforms.records import Document, QuarantineReason, QuarantineRecord, RedactedDocument
from transforms.runs.stats import (
    DEFAULT_PROGRESS_SECONDS,
    DEFAULT_TOP,
    Progress,
    RecordStat,
    SourceSummary,
    build_run_stats,
    file_ref,
    share_seconds,
    write_run_stats,
)

if TYPE_CHECKING:
    from transforms.redaction.engine import RedactionEngine

__all__ = ["QUARANTINE", "RUN_STATS", "RedactEntities", "WriteRunStats", "config_side_input"]

QUARANTINE = "quarantine"
RUN_STATS = "run_stats"
# How often the progress thread looks whether a line is due (at most this late).
_PROGRESS_TICK_SECONDS = 5.0


class _EngineHandle:
    """Weak-referenceable holder so ``Shared`` keeps one engine and one progress counter per process.

    A daemon thread polls the progress counter, so a worker busy with one long batch still reports;
    it stops when the handle is garbage collected.
    """

    def __init__(self, engine: RedactionEngine, progress_seconds: float) -> None:
        self.engine = engine
        self.progress = Progress(progress_seconds)
        if progress_seconds > 0:
            stop = threading.Event()
            tick = min(_PROGRESS_TICK_SECONDS, progress_seconds)
            progress = self.progress

            def poll() -> None:
                while not stop.wait(tick):
                    progress.poll()

            threading.Thread(target=poll, name="scrubline-progress", daemon=True).start()
            weakref.finalize(self, stop.set)


def _record_stats(docs: Sequence[Document], outputs: Sequence[Any], seconds: float) -> list[RecordStat]:
    # Records quarantined as too large never reach a detector: they take no share of the time.
    detected = [not (isinstance(o, QuarantineRecord) and o.reason is QuarantineReason.TOO_LARGE) for o in outputs]
    shares = share_seconds(seconds, [len(d.text) if ran else 0 for d, ran in zip(docs, detected, strict=True)])
    return [
        RecordStat(
            source_ref=doc.source_ref,
            chars=len(doc.text),
            redactions=len(out.redactions) if isinstance(out, RedactedDocument) else 0,
            seconds=share if ran else 0.0,
            batch_records=len(docs),
            quarantined=isinstance(out, QuarantineRecord),
        )
        for doc, out, share, ran in zip(docs, outputs, shares, detected, strict=True)
    ]


class _RedactBatchFn(beam.DoFn):
    """Redacts batches with the worker's shared engine, built on first use from the config side input
    (a side input, so the config's term and allow lists are in the job graph once, not once per step)."""

    def __init__(self, shared: Shared, tag: str, progress_seconds: float) -> None:
        self._shared = shared
        self._tag = tag
        self._progress_seconds = progress_seconds

    def setup(self) -> None:
        install_log_safety()  # this worker process logs failures by where, never by message
        self._engine: Any = None
        self._redacted = Metrics.counter("scrubline", "records_redacted")
        self._quarantined = Metrics.counter("scrubline", "records_quarantined")

    def _start(self, config: dict[str, Any]) -> None:
        # Imported here, on the worker: the engine pulls in Presidio, spaCy and the name lists, and the
        # launcher that only builds the pipeline should not pay for them before its workers start.
        from transforms.redaction.engine import RedactionEngine

        def build() -> _EngineHandle:
            return _EngineHandle(
                RedactionEngine.from_config(ScrublineConfig.model_validate(config)), self._progress_seconds
            )

        handle = self._shared.acquire(build, tag=self._tag)
        self._engine = handle.engine
        self._progress = handle.progress

    def process(self, batch: list[Document], config: dict[str, Any]) -> Iterable[Any]:
        if self._engine is None:
            self._start(config)
        token = self._progress.start(len(batch), sum(len(d.text) for d in batch))
        started = time.perf_counter()
        try:
            outputs = self._engine.redact(batch)
            stats = _record_stats(batch, outputs, time.perf_counter() - started)
        except BaseException:
            self._progress.abandon(token)
            raise
        quarantined = 0
        for out, stat in zip(outputs, stats, strict=True):
            yield beam.pvalue.TaggedOutput(RUN_STATS, stat)
            if isinstance(out, QuarantineRecord):
                quarantined += 1
                self._quarantined.inc()
                yield beam.pvalue.TaggedOutput(QUARANTINE, out)
            else:
                self._redacted.inc()
                yield out
        self._progress.finish(token, quarantined)


# A record's detection cost, in characters: its text plus a fixed per-record share (batching, operators,
# the redaction log), so a worker given many tiny records is not counted as idle.
_RECORD_OVERHEAD_CHARS = 256


def _constant(_: Any, value: dict[str, Any]) -> dict[str, Any]:
    return value


def config_side_input(p: beam.Pipeline, config: ScrublineConfig, label: str = "Config") -> beam.PCollection:
    """The config as a one-element PCollection, for steps that take it as a side input: one copy of its
    term and allow lists in the job graph however many steps read it."""
    # Impulse then one Map, not beam.Create: Create's composite and its sub-steps each carry the value.
    return p | f"{label}Impulse" >> beam.Impulse() | label >> beam.Map(_constant, config.model_dump(mode="json"))


def document_cost(doc: Document) -> int:
    """What a document costs to redact, in characters (text length plus a fixed per-record overhead)."""
    return len(doc.text) + _RECORD_OVERHEAD_CHARS


class _AssignWorkerFn(beam.DoFn):
    """Keys each document by the worker bin with the least work so far (ties: the lowest bin).

    Greedy list scheduling over characters: each bin ends within one document of the others, where
    random keys leave the local runner's workers, which take the keys round-robin, an expected 12 %
    apart on a mixed corpus of a few MB (a few large files decide it).
    """

    def __init__(self, workers: int) -> None:
        self._workers = workers

    def setup(self) -> None:
        self._loads = [0] * self._workers

    def process(self, doc: Document) -> Iterable[tuple[int, Document]]:
        loads = self._loads
        target = loads.index(min(loads))
        loads[target] += document_cost(doc)
        yield target, doc


def _values(kv: tuple[int, Iterable[Document]]) -> Iterable[Document]:
    yield from kv[1]


class RedactEntities(beam.PTransform):
    """Documents in; ``RedactedDocument``s (main output) and ``QuarantineRecord``s (``quarantine``) out.

    Every input document yields exactly one of the two, and one ``RecordStat`` on ``run_stats``
    (timings: not deterministic, for ``WriteRunStats`` only). Each worker process logs progress on
    the ``scrubline.progress`` logger every ``progress_seconds`` (0 turns it off).

    Documents are spread over workers with ``beam.Reshuffle`` (runners with their own work balancing),
    or, with ``balance_workers`` = N > 1, into N bins of equal characters, one per local worker.
    Which worker redacts a document never changes the output. The workers read the config from
    ``config_input`` (``config_side_input``; made here when not given).
    """

    def __init__(
        self,
        config: ScrublineConfig,
        ruleset: str,
        progress_seconds: float = DEFAULT_PROGRESS_SECONDS,
        balance_workers: int = 0,
        config_input: beam.PCollection | None = None,
    ) -> None:
        super().__init__()
        self._config = config
        self._config_input = config_input
        self._batch_size = config.nlp.batch_size
        self._tag = ruleset
        self._progress_seconds = progress_seconds
        self._balance_workers = balance_workers

    def expand(self, docs: beam.PCollection) -> beam.pvalue.DoOutputsTuple:
        """Main (redacted), ``quarantine`` and ``run_stats`` outputs, as the class describes."""
        config = self._config_input
        if config is None:
            config = config_side_input(docs.pipeline, self._config)
        if self._balance_workers > 1:
            # Beam's local runner hands the keys of a grouped collection to its workers round-robin, so
            # exactly one key per worker gives each worker one bin of equal work. Each worker then holds
            # its bin's records at once: only for bounded local runs (see pipelines.options).
            spread = (
                docs
                | "AssignWorkers" >> beam.ParDo(_AssignWorkerFn(self._balance_workers))
                | "GroupByWorker" >> beam.GroupByKey()
                | "WorkerDocuments" >> beam.FlatMap(_values)
            )
        else:
            spread = docs | "SpreadDocuments" >> beam.Reshuffle()
        return (
            spread
            | "Batch" >> beam.BatchElements(min_batch_size=1, max_batch_size=self._batch_size)
            | "Redact"
            >> beam.ParDo(
                _RedactBatchFn(Shared(), self._tag, self._progress_seconds), beam.pvalue.AsSingleton(config)
            ).with_outputs(QUARANTINE, RUN_STATS, main="redacted")
        )


def _per_file(stat: RecordStat) -> tuple[str, tuple[int, int, int, int]]:
    kept = not stat.quarantined
    return file_ref(stat.source_ref), (1, stat.chars if kept else 0, stat.redactions, int(stat.quarantined))


def _add_up(values: Iterable[tuple[int, ...]]) -> tuple[int, ...]:
    total: tuple[int, ...] = (0, 0, 0, 0)
    for v in values:
        total = tuple(a + b for a, b in zip(total, v, strict=True))
    return total


class _SummariseSources(beam.CombineFn):
    def __init__(self, top: int) -> None:
        self._top = top

    def create_accumulator(self) -> SourceSummary:
        return SourceSummary(self._top)

    def add_input(self, acc: SourceSummary, item: tuple[str, tuple[int, int, int, int]]) -> SourceSummary:
        ref, (records, chars, redactions, quarantined) = item
        acc.add(ref, records, chars, redactions, quarantined)
        return acc

    def merge_accumulators(self, accs: Iterable[SourceSummary]) -> SourceSummary:
        merged = SourceSummary(self._top)
        for acc in accs:
            merged.merge(acc)
        return merged

    def extract_output(self, acc: SourceSummary) -> SourceSummary:
        return acc


def _slowness(stat: RecordStat) -> tuple[float, str]:
    return stat.seconds, stat.source_ref


def _write(_: Any, output_dir: str, sources: SourceSummary, slowest: list[RecordStat]) -> str:
    return write_run_stats(output_dir, build_run_stats(sources, slowest))


class WriteRunStats(beam.PTransform):
    """``RecordStat``s in; writes ``DIR/run_stats.json`` (redaction density per source file, the
    ``top`` slowest records) and returns its path. Not deterministic: not part of the output contract."""

    def __init__(self, output_dir: str, top: int = DEFAULT_TOP) -> None:
        super().__init__()
        self._output_dir = output_dir
        self._top = top

    def expand(self, stats: beam.PCollection) -> beam.PCollection:
        """The path of ``run_stats.json``, written once."""
        sources = (
            stats
            | "PerFile" >> beam.Map(_per_file)
            | "SumPerFile" >> beam.CombinePerKey(_add_up)
            | "SummariseSources" >> beam.CombineGlobally(_SummariseSources(self._top))
        )
        slowest = stats | "Slowest" >> beam.combiners.Top.Of(self._top, key=_slowness)
        return (
            stats.pipeline
            | "RunStatsTrigger" >> beam.Create([None])
            | "WriteRunStatsFile"
            >> beam.Map(_write, self._output_dir, beam.pvalue.AsSingleton(sources), beam.pvalue.AsSingleton(slowest))
        )
