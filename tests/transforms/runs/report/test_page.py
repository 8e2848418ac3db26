"""The HTML report from plain data: exact numbers, escaping, nothing fetched, opaque references only."""

from __future__ import annotations

import re

from tests.transforms.runs.report.helpers import MANIFEST, QUARANTINED, REF_A, REF_B, RULES, RUN_STATS, text_of
from transforms.runs.report import ENTITY_COLOUR, REASON_COLOUR, render_report
from transforms.runs.stats import RUN_STATS_NAME


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
