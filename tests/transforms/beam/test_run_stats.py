"""RedactEntities' run_stats output and WriteRunStats under TestPipeline."""

from __future__ import annotations

import json
from pathlib import Path

import apache_beam as beam
from apache_beam.testing.test_pipeline import TestPipeline as BeamTestPipeline
from apache_beam.testing.util import assert_that, equal_to

from transforms.beam.redact import RUN_STATS, RedactEntities, WriteRunStats, _record_stats
from transforms.records import Document, QuarantineReason, QuarantineRecord, RedactedDocument, Redaction
from transforms.runs.stats import RUN_STATS_NAME, RecordStat

REF = "src-00000000000000aa"


def test_record_stats_share_time_by_characters_and_skip_too_large() -> None:
    docs = [
        Document("a", "x" * 100, "f", source_ref=f"{REF}#L1"),
        Document("b", "y" * 300, "f", source_ref=f"{REF}#L2"),
    ]
    docs.append(Document("c", "z" * 999, "f", source_ref=f"{REF}#L3"))
    outputs = [
        RedactedDocument("a", "x", "f", (), (Redaction("PERSON", 0, 1, 0, 8, "d", 1.0, "replace"),) * 2),
        QuarantineRecord("b", f"{REF}#L2", QuarantineReason.TIMEOUT, "DetectionTimeout", "", 0),
        QuarantineRecord("c", f"{REF}#L3", QuarantineReason.TOO_LARGE, "", "", 0),
    ]
    assert _record_stats(docs, outputs, 4.0) == [
        RecordStat(f"{REF}#L1", 100, 2, 1.0, 3, False),
        RecordStat(f"{REF}#L2", 300, 0, 3.0, 3, True),
        RecordStat(f"{REF}#L3", 999, 0, 0.0, 3, True),
    ]


def test_one_stat_per_document_and_the_stats_file(tmp_path: Path, no_ner_config) -> None:
    docs = [Document(f"d{i}", f"mail ada{i}@example.com", "f", source_ref=f"{REF}#L{i}") for i in range(1, 6)]
    with BeamTestPipeline() as p:
        redacted = p | beam.Create(docs) | RedactEntities(no_ner_config, "r1", progress_seconds=0)
        stats = redacted[RUN_STATS]
        assert_that(
            stats | beam.Map(lambda s: (s.source_ref, s.chars, s.redactions, s.quarantined)),
            equal_to([(f"{REF}#L{i}", 21, 1, False) for i in range(1, 6)]),
        )
        stats | WriteRunStats(str(tmp_path), top=3)
    written = json.loads((tmp_path / RUN_STATS_NAME).read_text(encoding="utf-8"))
    assert written["sources"] == {
        "count": 1,
        "records": 5,
        "chars": 105,
        "redactions": 5,
        "quarantined": 0,
        "per_1000_chars": 47.619,
        "densest": [
            {"source": REF, "records": 5, "chars": 105, "redactions": 5, "quarantined": 0, "per_1000_chars": 47.619}
        ],
    }
    assert len(written["slowest"]) == 3
