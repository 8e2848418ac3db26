"""``scrubline diff`` from two small published runs: findings per rule id move with exact counts."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

import pytest

from tests.transforms.runs.helpers import STATE_KEY
from transforms.output.keyed import seal_manifest, state_key_id
from transforms.output.manifest import build_manifest, write_manifest
from transforms.output.schemas import FINGERPRINT_SCHEMA, record_fingerprint, record_row, records_schema
from transforms.output.shards import write_shard
from transforms.records import RedactedDocument, Redaction
from transforms.runs.diff import RunDiffError, diff_runs, render_diff

GREETING = ("context.greeting_name", "PERSON")
EMAIL = ("presidio.EmailRecognizer", "EMAIL_ADDRESS")
NER = ("spacy_ner.PERSON", "PERSON")
TOKEN = ("credentials.bearer_token", "SECRET")


def redacted(record_id: str, *findings: tuple[str, str]) -> RedactedDocument:
    """A clean record whose text redaction log holds one entry per ``(rule id, entity type)`` given."""
    log = [
        Redaction(entity, 2 * i, 2 * i + 1, 2 * i, 2 * i + 1, rule, 0.9, "replace")
        for i, (rule, entity) in enumerate(findings)
    ]
    return RedactedDocument(
        id=record_id,
        text="x " * len(findings),
        source="src-0000000000000001",
        metadata=(),
        redactions=log,
        entity_counts=tuple(sorted(Counter(entity for _, entity in findings).items())),
        content_sha256=hashlib.sha256(record_id.encode()).hexdigest(),
        rules=tuple(sorted(set(findings))),
    )


def publish(root: Path, docs: list[RedactedDocument], ruleset: str, key: bytes | None = STATE_KEY) -> str:
    """Write ``docs`` as a published run under state key ``key``: one records shard, one fingerprints
    shard, the manifest."""
    files = [
        write_shard(str(root), "records", 0, 1, [record_row(d, ruleset) for d in docs], records_schema([])),
        write_shard(
            str(root), "fingerprints", 0, 1, [record_fingerprint(d, ruleset, key) for d in docs], FINGERPRINT_SCHEMA
        ),
    ]
    entities: Counter[str] = Counter()
    for d in docs:
        entities.update(dict(d.entity_counts))
    manifest = build_manifest(
        read=len(docs),
        files=files,
        entities=entities,
        quarantine_reasons={},
        ruleset=ruleset,
        versions={},
        key_ids={},
        num_shards=1,
        config={},
        state_key=state_key_id(key),
    )
    write_manifest(str(root), seal_manifest(manifest, key))
    return str(root)


@pytest.fixture
def runs(tmp_path: Path) -> tuple[str, str]:
    old = publish(tmp_path / "old", [redacted("r1", GREETING, EMAIL), redacted("r2", NER, TOKEN)], "rs-old")
    new = publish(
        tmp_path / "new",
        [redacted("r1", GREETING, EMAIL, GREETING), redacted("r2", NER), redacted("r3", GREETING)],
        "rs-new",
    )
    return old, new


def test_findings_by_rule_count_both_runs(runs: tuple[str, str]) -> None:
    result = diff_runs(*runs)
    assert result["findings_by_rule"] == [
        {"rule": "context.greeting_name", "entity_type": "PERSON", "old": 1, "new": 3},
        {"rule": "credentials.bearer_token", "entity_type": "SECRET", "old": 1, "new": 0},
        {"rule": "presidio.EmailRecognizer", "entity_type": "EMAIL_ADDRESS", "old": 1, "new": 1},
        {"rule": "spacy_ner.PERSON", "entity_type": "PERSON", "old": 1, "new": 1},
    ]
    assert result["records"] == {"added": 1, "removed": 0, "changed": 2, "unchanged": 0}
    assert json.loads(json.dumps(result)) == result


def test_render_lists_the_rules_that_moved(runs: tuple[str, str]) -> None:
    lines = render_diff(diff_runs(*runs)).splitlines()
    start = lines.index("findings by rule (old -> new; 2 unchanged):")
    assert lines[start + 1 : start + 4] == [
        "  context.greeting_name (PERSON)                      1 -> 3        (+2)",
        "  credentials.bearer_token (SECRET)                   1 -> 0        (-1)",
        "rule changes: none",
    ]


def test_unchanged_runs_move_no_rule(runs: tuple[str, str]) -> None:
    old, _ = runs
    result = diff_runs(old, old)
    assert [(r["old"], r["new"]) for r in result["findings_by_rule"]] == [(1, 1)] * 4
    assert "findings by rule (old -> new; 4 unchanged):\nrule changes: none" in render_diff(result)


def test_an_unreadable_records_shard_is_named_by_argument(runs: tuple[str, str]) -> None:
    old, new = runs
    (Path(new) / "records" / "part-00000-of-00001.parquet").write_bytes(b"not parquet")
    with pytest.raises(RunDiffError) as exc:
        diff_runs(old, new)
    assert str(exc.value) == "NEW_DIR records shards cannot be read (ArrowInvalid)"


def test_runs_without_a_state_key_are_not_compared(runs: tuple[str, str], tmp_path: Path) -> None:
    old, _ = runs
    keyless = publish(tmp_path / "keyless", [redacted("r1", GREETING)], "rs-x", key=None)
    with pytest.raises(RunDiffError) as exc:
        diff_runs(old, keyless)
    assert str(exc.value) == (
        "NEW_DIR was made without a state key, so its records cannot be compared; set SCRUBLINE_STATE_KEY "
        "for the runs to diff"
    )


def test_runs_under_two_state_keys_are_not_compared(runs: tuple[str, str], tmp_path: Path) -> None:
    old, _ = runs
    other = publish(tmp_path / "other", [redacted("r1", GREETING)], "rs-x", key=b"state-key-for-tests-0002")
    with pytest.raises(RunDiffError) as exc:
        diff_runs(old, other)
    assert str(exc.value) == (
        "OLD_DIR and NEW_DIR were made with different state keys, so their records cannot be compared"
    )


def test_allow_entries_of_every_form_are_counted_as_rule_changes() -> None:
    from transforms.config import parse_config
    from transforms.runs.diff import config_changes
    from transforms.runs.sanitize import sanitized_config

    def manifest(allow: list) -> dict:
        return {"config": sanitized_config(parse_config({"allow": allow}), b"state-key-for-diff-tests-001")}

    old = manifest(["Excel", {"value": "Jira", "entities": ["ORGANIZATION"]}])
    new = manifest([{"value": "excel"}, {"pattern": "^build-\\d+$", "entities": ["USERNAME"]}])
    assert config_changes(old, new) == ["allow: +1 -1"]
    assert config_changes(old, old) == []
