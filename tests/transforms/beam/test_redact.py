"""``RedactEntities`` on the local runner scrubline uses for DirectRunner: its counters, read back from the
``PipelineResult``."""

from __future__ import annotations

import apache_beam as beam
from apache_beam.metrics.metric import MetricsFilter
from apache_beam.options.pipeline_options import PipelineOptions

from pipelines.options import make_runner
from transforms.beam.redact import RedactEntities
from transforms.records import Document

DOCS = [
    Document("a", "Write to ada@example.com and bo@example.org about Bluefin", "a.txt"),
    Document("b", "deploy to build01.corp.example.net, Bluefin again", "b.txt", (("lang", "Bluefin"),)),
    Document("c", "nothing here", "c.txt"),
]


def test_counters_name_entity_types_and_counts_only(no_ner_config) -> None:
    options = PipelineOptions([])
    p = beam.Pipeline(runner=make_runner(options), options=options)
    _ = p | beam.Create(DOCS) | RedactEntities(no_ner_config, "r1", progress_seconds=0)
    result = p.run()
    result.wait_until_finish()
    counters = result.metrics().query(MetricsFilter().with_namespace("scrubline"))["counters"]
    assert {c.key.metric.name: c.committed for c in counters} == {
        "records_redacted": 3,
        "entities_CODENAME": 3,  # two in texts, one in kept metadata
        "entities_EMAIL_ADDRESS": 2,
        "entities_INTERNAL_HOST": 1,
    }
