"""The one owner of scrubline's pyarrow schemas (records and quarantine shards)."""

from __future__ import annotations

from collections.abc import Sequence

import pyarrow as pa

from transforms.records import QuarantineRecord, RedactedDocument

__all__ = ["QUARANTINE_SCHEMA", "REDACTION_TYPE", "quarantine_row", "record_row", "records_schema"]

REDACTION_TYPE = pa.struct(
    [
        pa.field("entity_type", pa.string(), nullable=False),
        pa.field("start", pa.int64(), nullable=False),
        pa.field("end", pa.int64(), nullable=False),
        pa.field("out_start", pa.int64(), nullable=False),
        pa.field("out_end", pa.int64(), nullable=False),
        pa.field("detector", pa.string(), nullable=False),
        pa.field("score", pa.float64(), nullable=False),
        pa.field("operator", pa.string(), nullable=False),
    ]
)

QUARANTINE_SCHEMA = pa.schema(
    [
        pa.field("id", pa.string(), nullable=False),
        pa.field("source", pa.string(), nullable=False),
        pa.field("reason", pa.string(), nullable=False),
        pa.field("error_class", pa.string(), nullable=False),
        pa.field("input_sha256", pa.string(), nullable=False),
        pa.field("size_bytes", pa.int64(), nullable=False),
    ]
)


def records_schema(keep_fields: Sequence[str]) -> pa.Schema:
    """``id, text, source``, one nullable string column per kept field (sorted), ``ruleset, redactions``."""
    return pa.schema(
        [
            pa.field("id", pa.string(), nullable=False),
            pa.field("text", pa.string(), nullable=False),
            pa.field("source", pa.string(), nullable=False),
            *(pa.field(name, pa.string(), nullable=True) for name in sorted(keep_fields)),
            pa.field("ruleset", pa.string(), nullable=False),
            pa.field("redactions", pa.list_(pa.field("item", REDACTION_TYPE, nullable=False)), nullable=False),
        ]
    )


def record_row(doc: RedactedDocument, ruleset: str) -> dict[str, object]:
    """The Parquet row for one clean record."""
    row: dict[str, object] = {"id": doc.id, "text": doc.text, "source": doc.source}
    row.update(dict(doc.metadata))
    row["ruleset"] = ruleset
    # Tuples in REDACTION_TYPE's field order: a large document can carry a million of them.
    row["redactions"] = [
        (r.entity_type, r.start, r.end, r.out_start, r.out_end, r.detector, r.score, r.operator) for r in doc.redactions
    ]
    return row


def quarantine_row(q: QuarantineRecord) -> dict[str, object]:
    """The Parquet row for one quarantined record: ids, codes and sizes only."""
    return {
        "id": q.id,
        "source": q.source,
        "reason": q.reason.value,
        "error_class": q.error_class,
        "input_sha256": q.input_sha256,
        "size_bytes": q.size_bytes,
    }
