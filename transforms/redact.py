"""``RedactEntities``: batched detection and replacement on Beam workers, failures to quarantine.

One ``RedactionEngine`` (and so one spaCy model) per worker process, built in ``setup()`` and shared
between DoFn instances through ``apache_beam.utils.shared.Shared``. The engine never raises for a bad
record; if it raised anyway the bundle fails and Beam retries it, so no record is lost or passed through.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import apache_beam as beam
from apache_beam.metrics import Metrics
from apache_beam.utils.shared import Shared

from transforms.config import ScrublineConfig
from transforms.engine import RedactionEngine
from transforms.records import Document, QuarantineRecord

__all__ = ["QUARANTINE", "RedactEntities"]

QUARANTINE = "quarantine"


class _EngineHandle:
    """Weak-referenceable holder so ``Shared`` can keep one engine per process."""

    def __init__(self, engine: RedactionEngine) -> None:
        self.engine = engine


class _RedactBatchFn(beam.DoFn):
    def __init__(self, config: dict[str, Any], shared: Shared, tag: str) -> None:
        self._config = config
        self._shared = shared
        self._tag = tag

    def setup(self) -> None:
        config = ScrublineConfig.model_validate(self._config)
        self._engine = self._shared.acquire(
            lambda: _EngineHandle(RedactionEngine.from_config(config)), tag=self._tag
        ).engine
        self._redacted = Metrics.counter("scrubline", "records_redacted")
        self._quarantined = Metrics.counter("scrubline", "records_quarantined")

    def process(self, batch: list[Document]) -> Iterable[Any]:
        for out in self._engine.redact(batch):
            if isinstance(out, QuarantineRecord):
                self._quarantined.inc()
                yield beam.pvalue.TaggedOutput(QUARANTINE, out)
            else:
                self._redacted.inc()
                yield out


class RedactEntities(beam.PTransform):
    """Documents in; ``RedactedDocument``s (main output) and ``QuarantineRecord``s (``quarantine``) out.

    Every input document yields exactly one of the two.
    """

    def __init__(self, config: ScrublineConfig, ruleset: str) -> None:
        super().__init__()
        self._config = config.model_dump(mode="json")
        self._batch_size = config.nlp.batch_size
        self._tag = ruleset

    def expand(self, docs: beam.PCollection) -> beam.pvalue.DoOutputsTuple:
        return (
            docs
            | "SpreadDocuments" >> beam.Reshuffle()
            | "Batch" >> beam.BatchElements(min_batch_size=1, max_batch_size=self._batch_size)
            | "Redact"
            >> beam.ParDo(_RedactBatchFn(self._config, Shared(), self._tag)).with_outputs(QUARANTINE, main="redacted")
        )
