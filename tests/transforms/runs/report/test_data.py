"""Reading the published run: the quarantine by source file and the findings by rule, from the shards alone."""

from __future__ import annotations

from pathlib import Path

from tests.transforms.runs.report.helpers import REF_A, quarantine_dir, records_dir
from transforms.runs.report import (
    QuarantineBySource,
    QuarantinedSource,
    RuleFindings,
    findings_by_rule,
    quarantine_by_source,
)


def test_quarantine_by_source_groups_by_file(tmp_path: Path) -> None:
    out, paths = quarantine_dir(tmp_path)
    assert quarantine_by_source(out, paths, top=2) == QuarantineBySource(
        count=3,
        top=(
            QuarantinedSource(REF_A, 3, {"decode_error": 2, "timeout": 1}),
            QuarantinedSource("src-00000000000000cc", 2, {"invalid_record": 2}),
        ),
    )


def test_findings_by_rule_counts_every_shard_most_first(tmp_path: Path) -> None:
    out, paths = records_dir(tmp_path)
    assert findings_by_rule(out, paths) == (
        RuleFindings("context.greeting_name", "PERSON", 3),
        RuleFindings("spacy_ner.PERSON", "PERSON", 2),
        RuleFindings("context.greeting_name", "LOCATION", 1),
        RuleFindings("presidio.EmailRecognizer", "EMAIL_ADDRESS", 1),
    )
    assert findings_by_rule(out, []) == ()
