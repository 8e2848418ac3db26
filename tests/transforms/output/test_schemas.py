"""Unit tests for transforms.output.schemas: the column layout of every output and the rows that fill it."""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import hmac
import json

import pyarrow as pa
import pytest

from transforms.output.schemas import (
    FINGERPRINT_SCHEMA,
    QUARANTINE_SCHEMA,
    REDACTION_TYPE,
    excluded_fingerprint,
    fingerprint_hmac,
    fit_metadata,
    metadata_types_of,
    output_hmac,
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
    content_sha256="c0ffee" * 8,
    rules=(("ner.PERSON", "PERSON"),),
)
QUARANTINED = QuarantineRecord("q1", "src-0123456789abcdef#L2", QuarantineReason.TOO_LARGE, "LineTooLarge", "ab", 9)
KEY = b"state-key-for-tests-0001"


def keyed(purpose: str, payload: bytes) -> str:
    """The reference HMAC: under HMAC(KEY, "scrubline-state" NUL purpose), of ``payload``."""
    subkey = hmac.new(KEY, b"scrubline-state\x00" + purpose.encode(), hashlib.sha256).digest()
    return hmac.new(subkey, payload, hashlib.sha256).hexdigest()


def keyed_parts(purpose: str, *parts: str) -> str:
    return keyed(purpose, b"".join(len(p.encode()).to_bytes(8, "big") + p.encode() for p in parts))


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
    assert QUARANTINE_SCHEMA.names == ["id", "source", "reason", "error_class", "input_hmac", "size_bytes"]
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
        "content_hmac",
        "output_hmac",
        "entity_counts",
        "rules",
        "fingerprint_hmac",
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


def test_quarantine_row_holds_codes_sizes_and_a_keyed_digest_only() -> None:
    expected = {
        "id": "q1",
        "source": "src-0123456789abcdef#L2",
        "reason": "too_large",
        "error_class": "LineTooLarge",
        "input_hmac": keyed_parts("input", "ab"),
        "size_bytes": 9,
    }
    assert quarantine_row(QUARANTINED, KEY) == expected
    assert quarantine_row(QUARANTINED, None) == {**expected, "input_hmac": ""}
    never_read = QuarantineRecord("q2", "src-x", QuarantineReason.READ_ERROR, "OSError", "", 0)
    assert quarantine_row(never_read, KEY)["input_hmac"] == ""
    pa.Table.from_pylist([quarantine_row(QUARANTINED, KEY)], schema=QUARANTINE_SCHEMA)  # fits the schema


def test_output_hmac_is_keyed_over_the_compact_json_and_ignores_the_ruleset() -> None:
    expected = json.dumps(
        [
            "d1",
            "Hello <PERSON>, café",
            "in/a.txt",
            [["language", "en"], ["license", None]],
            [["PERSON", 6, 10, 6, 14, "ner.PERSON", 0.85, "replace"]],
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    assert output_hmac(DOC, KEY) == keyed("output", expected.encode())
    assert output_hmac(DOC, None) == ""
    assert record_fingerprint(DOC, "rs1", KEY)["output_hmac"] == record_fingerprint(DOC, "rs2", KEY)["output_hmac"]
    assert output_hmac(DOC, b"another-state-key-000001") != output_hmac(DOC, KEY)


def test_output_hmac_names_the_type_of_typed_metadata() -> None:
    expected = json.dumps(
        [
            TYPED.id,
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
    assert output_hmac(TYPED, KEY) == keyed("output", expected.encode())


@pytest.mark.parametrize("n", [0, 1, 4096, 4097, 8193])
def test_output_hmac_batches_redactions_without_changing_the_digest(n: int) -> None:
    reds = tuple(Redaction("ID", i, i + 1, i, i + 1, "patterns.id", 0.5, "redact") for i in range(n))
    doc = RedactedDocument("d", "x" * (n + 1), "s", (), reds)
    expected = json.dumps(
        ["d", "x" * (n + 1), "s", [], [["ID", i, i + 1, i, i + 1, "patterns.id", 0.5, "redact"] for i in range(n)]],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    assert output_hmac(doc, KEY) == keyed("output", expected.encode())


def test_fingerprint_rows() -> None:
    written = {
        "id": "d1",
        "status": "written",
        "reason": "",
        "ruleset": "rs1",
        "content_hmac": keyed_parts("content", "c0ffee" * 8),
        "output_hmac": output_hmac(DOC, KEY),
        "entity_counts": [("PERSON", 1)],
        "rules": [("ner.PERSON", "PERSON")],
    }
    sealed = json.dumps(
        [
            "d1",
            "written",
            "",
            "rs1",
            written["content_hmac"],
            written["output_hmac"],
            [["PERSON", 1]],
            [["ner.PERSON", "PERSON"]],
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    assert record_fingerprint(DOC, "rs1", KEY) == {**written, "fingerprint_hmac": keyed("fingerprint", sealed.encode())}
    empty = {"content_hmac": "", "output_hmac": "", "entity_counts": [], "rules": []}
    quarantined = {"id": "q1", "status": "quarantined", "reason": "too_large", "ruleset": "rs1", **empty}
    assert quarantine_fingerprint(QUARANTINED, "rs1", KEY) == {
        **quarantined,
        "fingerprint_hmac": fingerprint_hmac(quarantined, KEY),
    }
    excluded = {"id": "e1", "status": "excluded", "reason": "", "ruleset": "rs1", **empty}
    assert excluded_fingerprint(Excluded("e1", "src-x"), "rs1", KEY) == {
        **excluded,
        "fingerprint_hmac": fingerprint_hmac(excluded, KEY),
    }
    assert len({fingerprint_hmac(quarantined, KEY), fingerprint_hmac(excluded, KEY)}) == 2


def test_without_a_key_every_digest_is_empty() -> None:
    rows = [
        record_fingerprint(DOC, "rs1", None),
        quarantine_fingerprint(QUARANTINED, "rs1", None),
        excluded_fingerprint(Excluded("e1", "src-x"), "rs1", None),
    ]
    assert [(r["content_hmac"], r["output_hmac"], r["fingerprint_hmac"]) for r in rows] == [("", "", "")] * 3
    assert rows[0]["entity_counts"] == [("PERSON", 1)] and rows[0]["rules"] == [("ner.PERSON", "PERSON")]


def test_fingerprint_rows_fit_the_schema_and_verify_when_read_back() -> None:
    rows = [
        record_fingerprint(DOC, "rs1", KEY),
        quarantine_fingerprint(QUARANTINED, "rs1", KEY),
        excluded_fingerprint(Excluded("e1", "src-x"), "rs1", KEY),
    ]
    table = pa.Table.from_pylist(rows, schema=FINGERPRINT_SCHEMA)
    assert table.column("status").to_pylist() == ["written", "quarantined", "excluded"]
    assert table.column("entity_counts").to_pylist() == [[{"entity_type": "PERSON", "count": 1}], [], []]
    assert table.column("rules").to_pylist() == [[{"detector": "ner.PERSON", "entity_type": "PERSON"}], [], []]
    for back, built in zip(table.to_pylist(), rows, strict=True):
        assert fingerprint_hmac(back, KEY) == built["fingerprint_hmac"]
    edited = {**table.to_pylist()[0], "rules": []}
    assert fingerprint_hmac(edited, KEY) != rows[0]["fingerprint_hmac"]
