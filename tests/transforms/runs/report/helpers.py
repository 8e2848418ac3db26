"""A published run's data for the report tests: a manifest, run statistics, quarantine and records shards."""

from __future__ import annotations

import re
from pathlib import Path

from transforms.output.schemas import QUARANTINE_SCHEMA, quarantine_row, record_row, records_schema
from transforms.output.shards import write_shard
from transforms.records import QuarantineReason, QuarantineRecord, RedactedDocument, Redaction
from transforms.runs.report import QuarantineBySource, QuarantinedSource, RuleFindings

REF_A = "src-00000000000000aa"
REF_B = "src-00000000000000bb"

MANIFEST = {
    "ruleset": "0123456789abcdef",
    "counts": {
        "read": 12345,
        "written": 12000,
        "quarantined": 345,
        "quarantine_reasons": {"decode_error": 300, "timeout": 45},
        "entities": {"EMAIL_ADDRESS": 4321, "PERSON": 987654, "CODENAME": 7},
    },
    "num_shards": 2,
    "key_ids": {"SCRUBLINE_HMAC_KEY": "k-feedface"},
    "versions": {"scrubline": "0.1.0", "spacy": "3.8.18", "evil": "<script>alert(1)</script>"},
    "files": [
        {"path": "quarantine/part-00000-of-00001.parquet", "sha256": "ab" * 32, "rows": 345, "bytes": 5000},
        {"path": "records/part-00000-of-00001.parquet", "sha256": "cd" * 32, "rows": 12000, "bytes": 1234567},
    ],
}
RUN_STATS = {
    "sources": {
        "count": 2,
        "records": 12100,
        "chars": 4_000_000,
        "redactions": 30000,
        "quarantined": 45,
        "per_1000_chars": 7.5,
        "densest": [
            {
                "source": REF_A,
                "records": 100,
                "chars": 20000,
                "redactions": 900,
                "quarantined": 0,
                "per_1000_chars": 45.0,
            },
            {
                "source": "uploads/ada-lovelace.txt",
                "records": 1,
                "chars": 5,
                "redactions": 0,
                "quarantined": 0,
                "per_1000_chars": 0.0,
            },
        ],
    },
    "slowest": [
        {"source": f"{REF_B}#L17", "chars": 2_500_000, "seconds": 41.5, "batch_records": 1, "quarantined": True},
        {"source": f"{REF_A}#row3", "chars": 900, "seconds": 0.25, "batch_records": 8, "quarantined": False},
    ],
}
QUARANTINED = QuarantineBySource(
    count=3, top=(QuarantinedSource(REF_B, 300, {"decode_error": 290, "timeout": 10}), QuarantinedSource(REF_A, 40))
)

RULES = (
    RuleFindings("spacy_ner.PERSON", "PERSON", 987000),
    RuleFindings("context.greeting_name", "PERSON", 654),
    RuleFindings("presidio.EmailRecognizer", "EMAIL_ADDRESS", 4321),
    RuleFindings("pattern.<b>bold</b>", "TICKET_ID", 7),
)


def text_of(page: str) -> str:
    """The visible text, tags dropped, whitespace collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))


def quarantine_dir(tmp_path: Path) -> tuple[str, list[str]]:
    """Two quarantine shards under ``tmp_path``: six records of three source files."""

    def q(i: int, source: str, reason: QuarantineReason) -> QuarantineRecord:
        return QuarantineRecord(f"id{i}", source, reason, "E", "", 0)

    rows = [
        q(1, f"{REF_A}#L1", QuarantineReason.DECODE_ERROR),
        q(2, f"{REF_A}#L2", QuarantineReason.DECODE_ERROR),
        q(3, f"{REF_A}#L9", QuarantineReason.TIMEOUT),
        q(4, REF_B, QuarantineReason.DECODE_ERROR),
        q(5, "src-00000000000000cc#row1", QuarantineReason.INVALID_RECORD),
        q(6, "src-00000000000000cc#row2", QuarantineReason.INVALID_RECORD),
    ]
    paths = [
        write_shard(
            str(tmp_path), "quarantine", i, 2, [quarantine_row(r, None) for r in rows[i::2]], QUARANTINE_SCHEMA
        ).path
        for i in range(2)
    ]
    return str(tmp_path), paths


def records_dir(tmp_path: Path) -> tuple[str, list[str]]:
    """Two records shards under ``tmp_path`` whose redaction logs name a few rule ids."""

    def doc(record_id: str, *findings: tuple[str, str]) -> RedactedDocument:
        log = [Redaction(e, i, i + 1, i, i + 1, rule, 0.9, "replace") for i, (rule, e) in enumerate(findings)]
        return RedactedDocument(record_id, "y" * len(findings), REF_A, (), log)

    greeting, ner = ("context.greeting_name", "PERSON"), ("spacy_ner.PERSON", "PERSON")
    shards = [
        [doc("r1", greeting, ("presidio.EmailRecognizer", "EMAIL_ADDRESS"), greeting), doc("r2")],
        [doc("r3", ner, ("context.greeting_name", "LOCATION")), doc("r4", greeting, ner)],
    ]
    paths = [
        write_shard(str(tmp_path), "records", i, 2, [record_row(d, "rs") for d in docs], records_schema([])).path
        for i, docs in enumerate(shards)
    ]
    return str(tmp_path), paths
