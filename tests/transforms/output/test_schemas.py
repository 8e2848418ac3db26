"""Unit tests for transforms.output.schemas: the column layout of every output and the rows that fill it."""

from __future__ import annotations

import hashlib
import json

import pyarrow as pa
import pytest

from transforms.output.schemas import (
    FINGERPRINT_SCHEMA,
    QUARANTINE_SCHEMA,
    REDACTION_TYPE,
    excluded_fingerprint,
    output_sha256,
    quarantine_fingerprint,
    quarantine_row,
    record_fingerprint,
    record_row,
    records_schema,
)
from transforms.records import Excluded, QuarantineReason, QuarantineRecord, RedactedDocument, Redaction
from transforms.redaction.log import RedactionLog

R1 = Redaction("PERSON", 6, 10, 6, 14, "ner.PERSON", 0.85, "replace")
DOC = RedactedDocument(
    id="d1",
    text="Hello <PERSON>, café",
    source="in/a.txt",
    metadata=(("language", "en"), ("license", None)),
    redactions=(R1,),
    entity_counts=(("PERSON", 1),),
    content_sha256="c0ffee",
    rules=(("ner.PERSON", "PERSON"),),
)
QUARANTINED = QuarantineRecord("q1", "src-0123456789abcdef#L2", QuarantineReason.TOO_LARGE, "LineTooLarge", "ab", 9)


def test_column_layouts() -> None:
    assert records_schema(["license", "language"]).names == [
        "id",
        "text",
        "source",
        "language",
        "license",
        "ruleset",
        "redactions",
    ]
    assert [f.nullable for f in records_schema(["language"])] == [False, False, False, True, False, False]
    assert QUARANTINE_SCHEMA.names == ["id", "source", "reason", "error_class", "input_sha256", "size_bytes"]
    assert REDACTION_TYPE.names == [
        "entity_type",
        "start",
        "end",
        "out_start",
        "out_end",
        "detector",
        "score",
        "operator",
    ]
    assert FINGERPRINT_SCHEMA.names == [
        "id",
        "status",
        "reason",
        "ruleset",
        "content_sha256",
        "output_sha256",
        "entity_counts",
        "rules",
    ]


def test_record_row_carries_metadata_ruleset_and_a_compact_log() -> None:
    row = record_row(DOC, "rs1")
    assert list(row) == ["id", "text", "source", "language", "license", "ruleset", "redactions"]
    assert {k: v for k, v in row.items() if k != "redactions"} == {
        "id": "d1",
        "text": "Hello <PERSON>, café",
        "source": "in/a.txt",
        "language": "en",
        "license": None,
        "ruleset": "rs1",
    }
    assert isinstance(row["redactions"], RedactionLog) and list(row["redactions"]) == [R1]
    log = RedactionLog([R1])
    assert record_row(RedactedDocument("d2", "t", "s", (), log), "rs1")["redactions"] is log


def test_quarantine_row_holds_codes_and_sizes_only() -> None:
    assert quarantine_row(QUARANTINED) == {
        "id": "q1",
        "source": "src-0123456789abcdef#L2",
        "reason": "too_large",
        "error_class": "LineTooLarge",
        "input_sha256": "ab",
        "size_bytes": 9,
    }
    pa.Table.from_pylist([quarantine_row(QUARANTINED)], schema=QUARANTINE_SCHEMA)  # fits the schema


def test_output_sha256_is_the_sha256_of_the_compact_json_and_ignores_the_ruleset() -> None:
    expected = json.dumps(
        [
            "Hello <PERSON>, café",
            "in/a.txt",
            [["language", "en"], ["license", None]],
            [["PERSON", 6, 10, 6, 14, "ner.PERSON", 0.85, "replace"]],
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    assert output_sha256(DOC) == hashlib.sha256(expected.encode()).hexdigest()
    assert record_fingerprint(DOC, "rs1")["output_sha256"] == record_fingerprint(DOC, "rs2")["output_sha256"]


@pytest.mark.parametrize("n", [0, 1, 4096, 4097, 8193])
def test_output_sha256_batches_redactions_without_changing_the_digest(n: int) -> None:
    reds = tuple(Redaction("ID", i, i + 1, i, i + 1, "patterns.id", 0.5, "redact") for i in range(n))
    doc = RedactedDocument("d", "x" * (n + 1), "s", (), reds)
    expected = json.dumps(
        ["x" * (n + 1), "s", [], [["ID", i, i + 1, i, i + 1, "patterns.id", 0.5, "redact"] for i in range(n)]],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    assert output_sha256(doc) == hashlib.sha256(expected.encode()).hexdigest()


def test_fingerprint_rows() -> None:
    assert record_fingerprint(DOC, "rs1") == {
        "id": "d1",
        "status": "written",
        "reason": "",
        "ruleset": "rs1",
        "content_sha256": "c0ffee",
        "output_sha256": output_sha256(DOC),
        "entity_counts": [("PERSON", 1)],
        "rules": [("ner.PERSON", "PERSON")],
    }
    empty = {"content_sha256": "", "output_sha256": "", "entity_counts": [], "rules": []}
    assert quarantine_fingerprint(QUARANTINED, "rs1") == {
        "id": "q1",
        "status": "quarantined",
        "reason": "too_large",
        "ruleset": "rs1",
        **empty,
    }
    assert excluded_fingerprint(Excluded("e1", "src-x"), "rs1") == {
        "id": "e1",
        "status": "excluded",
        "reason": "",
        "ruleset": "rs1",
        **empty,
    }


def test_fingerprint_rows_fit_the_schema() -> None:
    rows = [
        record_fingerprint(DOC, "rs1"),
        quarantine_fingerprint(QUARANTINED, "rs1"),
        excluded_fingerprint(Excluded("e1", "src-x"), "rs1"),
    ]
    table = pa.Table.from_pylist(rows, schema=FINGERPRINT_SCHEMA)
    assert table.column("status").to_pylist() == ["written", "quarantined", "excluded"]
    assert table.column("entity_counts").to_pylist() == [[{"entity_type": "PERSON", "count": 1}], [], []]
    assert table.column("rules").to_pylist() == [[{"detector": "ner.PERSON", "entity_type": "PERSON"}], [], []]
