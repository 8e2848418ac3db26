"""The one owner of scrubline's pyarrow schemas (records and quarantine shards)."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable, Mapping, Sequence

import pyarrow as pa

from transforms.metadata import NULL, fit_value, metadata_entries, metadata_json, output_type
from transforms.records import Excluded, QuarantineRecord, RedactedDocument
from transforms.redaction.log import RedactionLog

__all__ = [
    "FINGERPRINT_SCHEMA",
    "QUARANTINE_SCHEMA",
    "REDACTION_TYPE",
    "excluded_fingerprint",
    "fit_metadata",
    "metadata_types_of",
    "output_sha256",
    "quarantine_fingerprint",
    "quarantine_row",
    "record_fingerprint",
    "record_row",
    "records_schema",
]

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


# One row per record read, whatever became of it: what a later run (``--previous``) and
# ``scrubline diff`` need to know about it, without any of its content.
FINGERPRINT_SCHEMA = pa.schema(
    [
        pa.field("id", pa.string(), nullable=False),
        pa.field("status", pa.string(), nullable=False),  # written | quarantined | excluded
        pa.field("reason", pa.string(), nullable=False),  # the quarantine reason, else ""
        pa.field("ruleset", pa.string(), nullable=False),
        pa.field("content_sha256", pa.string(), nullable=False),  # of id, source, text, metadata; "" if unknown
        pa.field("output_sha256", pa.string(), nullable=False),  # of the written row less its ruleset; else ""
        pa.field(
            "entity_counts",
            pa.list_(
                pa.field(
                    "item",
                    pa.struct(
                        [
                            pa.field("entity_type", pa.string(), nullable=False),
                            pa.field("count", pa.int64(), nullable=False),
                        ]
                    ),
                    nullable=False,
                )
            ),
            nullable=False,
        ),
        pa.field(
            "rules",
            pa.list_(
                pa.field(
                    "item",
                    pa.struct(
                        [
                            pa.field("detector", pa.string(), nullable=False),
                            pa.field("entity_type", pa.string(), nullable=False),
                        ]
                    ),
                    nullable=False,
                )
            ),
            nullable=False,
        ),
    ]
)


def records_schema(keep_fields: Sequence[str], types: Mapping[str, pa.DataType] | None = None) -> pa.Schema:
    """``id, text, source``, one nullable column per kept field (sorted by name), ``ruleset, redactions``.

    A kept column has the type ``types`` gives it (the join of every record's type, ``unify_types``),
    with ``null`` parts as ``string`` (``output_type``); a field ``types`` does not name is ``string``.
    """
    types = types or {}
    return pa.schema(
        [
            pa.field("id", pa.string(), nullable=False),
            pa.field("text", pa.string(), nullable=False),
            pa.field("source", pa.string(), nullable=False),
            *(pa.field(name, output_type(types.get(name, NULL)), nullable=True) for name in sorted(set(keep_fields))),
            pa.field("ruleset", pa.string(), nullable=False),
            pa.field("redactions", pa.list_(pa.field("item", REDACTION_TYPE, nullable=False)), nullable=False),
        ]
    )


def record_row(doc: RedactedDocument, ruleset: str) -> dict[str, object]:
    """The Parquet row for one clean record."""
    row: dict[str, object] = {"id": doc.id, "text": doc.text, "source": doc.source}
    row.update(dict(doc.metadata))
    row["ruleset"] = ruleset
    # A compact log, not a million tuples: it crosses Beam steps pickled and becomes the Arrow column
    # directly (``transforms.output.shards.write_shard`` calls its ``to_arrow``).
    redactions = doc.redactions
    row["redactions"] = redactions if isinstance(redactions, RedactionLog) else RedactionLog(redactions)
    return row


def metadata_types_of(doc: RedactedDocument) -> list[tuple[str, pa.DataType]]:
    """``(name, type)`` of every kept value of a record (``null`` for a None without a declared type):
    what ``unify_types`` joins over all records to give each kept column its type."""
    return [(name, t) for name, _, t in metadata_entries(doc.metadata, doc.metadata_types)]


def fit_metadata(doc: RedactedDocument, schema: pa.Schema) -> RedactedDocument:
    """``doc`` with every kept value converted to its column's type in ``schema`` (``fit_value``)."""
    fitted = tuple((name, fit_value(value, schema.field(name).type)) for name, value in doc.metadata)
    types = tuple((name, schema.field(name).type) for name, _ in doc.metadata)
    return dataclasses.replace(doc, metadata=fitted, metadata_types=types)


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


def output_sha256(doc: RedactedDocument) -> str:
    """A fingerprint of a record's output (text, source, metadata, redactions), independent of the ruleset.

    The sha256 of the compact JSON ``[text, source, metadata_json, [[entity_type, start, end,
    out_start, out_end, detector, score, operator], ...]]`` (UTF-8, lone surrogates passed through),
    hashed piece by piece so a 50 MB record is never serialised whole.
    """
    h = hashlib.sha256()

    def put(s: str) -> None:
        h.update(s.encode("utf-8", "surrogatepass"))

    put("[")
    _put_json_string(put, doc.text)
    put(",")
    _put_json_string(put, doc.source)
    put(",")
    put(_dumps(metadata_json(doc.metadata, doc.metadata_types)))
    put(",[")
    rows: list[str] = []
    separator = ""
    for r in doc.redactions:
        rows.append(_dumps([r.entity_type, r.start, r.end, r.out_start, r.out_end, r.detector, r.score, r.operator]))
        if len(rows) == _HASH_BATCH:
            put(separator + ",".join(rows))
            rows.clear()
            separator = ","
    if rows:
        put(separator + ",".join(rows))
    put("]]")
    return h.hexdigest()


_HASH_BATCH = 4096
_TEXT_PIECE = 1 << 20


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _put_json_string(put: Callable[[str], None], s: str) -> None:
    """``put`` the JSON string literal of ``s`` in pieces (JSON escapes one character at a time)."""
    if len(s) <= _TEXT_PIECE:
        put(_dumps(s))
        return
    put('"')
    for i in range(0, len(s), _TEXT_PIECE):
        put(_dumps(s[i : i + _TEXT_PIECE])[1:-1])
    put('"')


def record_fingerprint(doc: RedactedDocument, ruleset: str) -> dict[str, object]:
    """The fingerprint row of a clean record."""
    return {
        "id": doc.id,
        "status": "written",
        "reason": "",
        "ruleset": ruleset,
        "content_sha256": doc.content_sha256,
        "output_sha256": output_sha256(doc),
        "entity_counts": list(doc.entity_counts),
        "rules": list(doc.rules),
    }


def quarantine_fingerprint(q: QuarantineRecord, ruleset: str) -> dict[str, object]:
    """The fingerprint row of a quarantined record."""
    return {
        "id": q.id,
        "status": "quarantined",
        "reason": q.reason.value,
        "ruleset": ruleset,
        "content_sha256": "",
        "output_sha256": "",
        "entity_counts": [],
        "rules": [],
    }


def excluded_fingerprint(e: Excluded, ruleset: str) -> dict[str, object]:
    """The fingerprint row of a record an ``input.exclude`` rule removed."""
    return {
        "id": e.id,
        "status": "excluded",
        "reason": "",
        "ruleset": ruleset,
        "content_sha256": "",
        "output_sha256": "",
        "entity_counts": [],
        "rules": [],
    }
