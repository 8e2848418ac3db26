"""The HTML report from plain data: exact numbers, escaping, nothing fetched, opaque references only."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from transforms.output.manifest import MANIFEST_NAME
from transforms.output.schemas import QUARANTINE_SCHEMA, quarantine_row, record_row, records_schema
from transforms.output.shards import write_shard
from transforms.records import QuarantineReason, QuarantineRecord, RedactedDocument, Redaction
from transforms.runs.report import (
    ENTITY_COLOUR,
    REASON_COLOUR,
    REPORT_NAME,
    QuarantineBySource,
    QuarantinedSource,
    RuleFindings,
    findings_by_rule,
    quarantine_by_source,
    render_report,
    write_report,
)
from transforms.runs.stats import RUN_STATS_NAME

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


def test_numbers_and_sections_are_on_the_page() -> None:
    page = render_report(MANIFEST, RUN_STATS, QUARANTINED)
    text = text_of(page)
    for expected in [
        "Records read 12,345",
        "Records written 12,000",
        "Records quarantined 345 2.79% of read",
        "Entities redacted 991,982",  # 987,654 + 4,321 + 7
        "read = written + quarantined (12,345 = 12,000 + 345)",
        "PERSON 987,654",
        "EMAIL_ADDRESS 4,321",
        "CODENAME 7",
        "decode_error 300",
        "timeout 45",
        f"{REF_B} 300 decode_error 290, timeout 10",
        "The 2 source files of 3, most quarantined records first.",
        "2 source files, 12,100 records through detection: 30,000 redactions in 4,000,000 characters of text, "
        "7.50 per 1,000 characters overall.",
        f"{REF_A} 100 20,000 900 45.00 0",
        f"{REF_B}#L17 2,500,000 41.500 60,241 1 yes",
        f"{REF_A}#row3 900 0.250 3,600 8 no",
        "records/part-00000-of-00001.parquet 12,000 1,234,567",
        "spacy 3.8.18",
        "Key SCRUBLINE_HMAC_KEY k-feedface",
    ]:
        assert expected in text, expected
    # One bar per entity type, per reason; entity bars ordered by count.
    assert page.count(f'fill="{ENTITY_COLOUR}"') == 3
    assert page.count(f'fill="{REASON_COLOUR}"') == 2
    assert text.index("PERSON 987,654") < text.index("EMAIL_ADDRESS 4,321") < text.index("CODENAME 7")


def test_everything_is_escaped_and_nothing_is_fetched() -> None:
    page = render_report(MANIFEST, RUN_STATS, QUARANTINED)
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "http://" not in page and "https://" not in page
    assert re.search(r"\b(src|href)\s*=", page) is None
    assert "url(" not in page and "@import" not in page and "@font-face" not in page
    assert "default-src 'none'" in page


def test_only_opaque_references_reach_the_page() -> None:
    page = render_report(MANIFEST, RUN_STATS, QUARANTINED)
    assert "ada-lovelace" not in page and "uploads/" not in page
    assert "unrecognised" in text_of(page)
    refs = set(re.findall(r"src-[0-9a-f]{16}[#\w]*", page))
    assert refs == {REF_A, REF_B, f"{REF_A}#row3", f"{REF_B}#L17"}


def test_a_run_without_stats_quarantine_or_entities() -> None:
    manifest = {
        "ruleset": "r",
        "counts": {"read": 0, "written": 0, "quarantined": 0, "quarantine_reasons": {}, "entities": {}},
        "versions": {},
        "files": [],
    }
    text = text_of(render_report(manifest))
    assert "No entity was redacted." in text
    assert "No redaction was logged in the text of the written records." in text
    assert text.count("No record was quarantined.") == 2
    assert text.count(f"Not available: this run has no {RUN_STATS_NAME}.") == 2
    assert "nothing read" in text


def test_counts_that_do_not_add_up_are_flagged() -> None:
    manifest = {**MANIFEST, "counts": {**MANIFEST["counts"], "written": 1}}
    assert "read != written + quarantined (12,345 != 1 + 345)" in text_of(render_report(manifest))


def _quarantine_dir(tmp_path: Path) -> tuple[str, list[str]]:
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
        write_shard(str(tmp_path), "quarantine", i, 2, [quarantine_row(r) for r in rows[i::2]], QUARANTINE_SCHEMA).path
        for i in range(2)
    ]
    return str(tmp_path), paths


def test_quarantine_by_source_groups_by_file(tmp_path: Path) -> None:
    out, paths = _quarantine_dir(tmp_path)
    assert quarantine_by_source(out, paths, top=2) == QuarantineBySource(
        count=3,
        top=(
            QuarantinedSource(REF_A, 3, {"decode_error": 2, "timeout": 1}),
            QuarantinedSource("src-00000000000000cc", 2, {"invalid_record": 2}),
        ),
    )


def test_findings_by_rule_are_a_table_in_the_order_given() -> None:
    page = render_report(MANIFEST, RUN_STATS, QUARANTINED, RULES)
    text = text_of(page)
    rows = [
        "spacy_ner.PERSON PERSON 987,000",
        "context.greeting_name PERSON 654",
        "presidio.EmailRecognizer EMAIL_ADDRESS 4,321",
        "pattern.&lt;b&gt;bold&lt;/b&gt; TICKET_ID 7",
    ]
    assert [text.index(row) for row in rows] == sorted(text.index(row) for row in rows)
    assert text.index("Findings by rule Rule id Entity type Findings") < text.index(rows[0])
    assert "991,982 redactions in the text of the written records" in text
    assert "<b>" not in page


def _records_dir(tmp_path: Path) -> tuple[str, list[str]]:
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


def test_findings_by_rule_counts_every_shard_most_first(tmp_path: Path) -> None:
    out, paths = _records_dir(tmp_path)
    assert findings_by_rule(out, paths) == (
        RuleFindings("context.greeting_name", "PERSON", 3),
        RuleFindings("spacy_ner.PERSON", "PERSON", 2),
        RuleFindings("context.greeting_name", "LOCATION", 1),
        RuleFindings("presidio.EmailRecognizer", "EMAIL_ADDRESS", 1),
    )
    assert findings_by_rule(out, []) == ()


@pytest.mark.parametrize("with_stats", [True, False])
def test_write_report_reads_the_published_run(tmp_path: Path, with_stats: bool) -> None:
    out, paths = _quarantine_dir(tmp_path)
    _, records = _records_dir(tmp_path)
    files = [{"path": p, "sha256": "00", "rows": 3, "bytes": 1} for p in paths + records]
    manifest = {**MANIFEST, "counts": {**MANIFEST["counts"], "read": 12006, "quarantined": 6}, "files": files}
    (tmp_path / MANIFEST_NAME).write_text(json.dumps(manifest), encoding="utf-8")
    if with_stats:
        (tmp_path / RUN_STATS_NAME).write_text(json.dumps(RUN_STATS), encoding="utf-8")
    path = write_report(out)
    assert path == str(tmp_path / REPORT_NAME)
    page = Path(path).read_text(encoding="utf-8")
    rules = findings_by_rule(out, records)
    assert page == render_report(manifest, RUN_STATS if with_stats else None, quarantine_by_source(out, paths), rules)
    assert f"{REF_A} 3 decode_error 2, timeout 1" in text_of(page)
    assert "context.greeting_name PERSON 3" in text_of(page)
    assert not list(tmp_path.glob(".*.tmp"))
