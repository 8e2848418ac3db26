"""Unit tests for transforms.output.schemas: the column layout of every output and the rows that fill it."""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import json

import pyarrow as pa
import pytest

from transforms.output.schemas import (
    FINGERPRINT_SCHEMA,
    QUARANTINE_SCHEMA,
    REDACTION_TYPE,
    excluded_fingerprint,
    fit_metadata,
    metadata_types_of,
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


def test_kept_columns_take_their_joined_type_and_null_parts_are_strings() -> None:
    types = {"n": pa.int64(), "tags": pa.list_(pa.null()), "never": pa.null(), "unkept": pa.int8()}
    schema = records_schema(["tags", "n", "never", "absent", "n"], types)
    assert schema.names == ["id", "text", "source", "absent", "n", "never", "tags", "ruleset", "redactions"]
    assert [schema.field(n).type for n in ("absent", "n", "never", "tags")] == [
        pa.string(),
        pa.int64(),
        pa.string(),
        pa.list_(pa.string()),
    ]


TYPED = dataclasses.replace(
    DOC,
    metadata=(("at", datetime.datetime(2024, 1, 1, 10)), ("language", "en"), ("n", 5), ("tags", [1, None])),
    metadata_types=(("at", pa.timestamp("ms")), ("n", pa.int32()), ("tags", pa.list_(pa.int64()))),
)


def test_metadata_types_of_a_record_and_fitting_it_to_the_joined_schema() -> None:
    assert metadata_types_of(TYPED) == [
        ("at", pa.timestamp("ms")),
        ("language", pa.string()),
        ("n", pa.int32()),
        ("tags", pa.list_(pa.int64())),
    ]
    assert metadata_types_of(DOC) == [("language", pa.string()), ("license", pa.null())]
    joined = {"at": pa.timestamp("us"), "language": pa.string(), "n": pa.float64(), "tags": pa.string()}
    schema = records_schema(["at", "language", "n", "tags"], joined)
    fitted = fit_metadata(TYPED, schema)
    assert fitted.metadata == (
        ("at", datetime.datetime(2024, 1, 1, 10)),
        ("language", "en"),
        ("n", 5),
        ("tags", "[1, null]"),
    )
    assert fitted.metadata_types == tuple(joined.items())
    kept = ["at", "language", "n", "tags"]
    row = record_row(fitted, "rs1")
    table = pa.Table.from_pylist([{k: row[k] for k in kept}], schema=pa.schema([schema.field(k) for k in kept]))
    assert table.to_pylist() == [
        {"at": datetime.datetime(2024, 1, 1, 10), "language": "en", "n": 5.0, "tags": "[1, null]"}
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


def test_output_sha256_names_the_type_of_typed_metadata() -> None:
    expected = json.dumps(
        [
            "Hello <PERSON>, café",
            "in/a.txt",
            [
                ["at", "2024-01-01T10:00:00", "timestamp[ms]"],
                ["language", "en"],
                ["n", 5, "int32"],
                ["tags", [1, None], "list<item: int64>"],
            ],
            [["PERSON", 6, 10, 6, 14, "ner.PERSON", 0.85, "replace"]],
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    assert output_sha256(TYPED) == hashlib.sha256(expected.encode()).hexdigest()


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
