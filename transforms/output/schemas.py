"""The one owner of scrubline's pyarrow schemas (records and quarantine shards)."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import pyarrow as pa

from transforms.metadata import NULL, fit_value, metadata_entries, metadata_json, output_type
from transforms.output.keyed import CONTENT, FINGERPRINT, INPUT, OUTPUT, keyed_hasher, keyed_sha256
from transforms.records import Excluded, QuarantineRecord, RedactedDocument
from transforms.redaction.log import RedactionLog

__all__ = [
    "FINGERPRINT_SCHEMA",
    "QUARANTINE_SCHEMA",
    "REDACTION_TYPE",
    "excluded_fingerprint",
    "fingerprint_hmac",
    "fit_metadata",
    "metadata_types_of",
    "output_hmac",
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
        pa.field("input_hmac", pa.string(), nullable=False),  # keyed digest of the raw bytes; "" without a key
        pa.field("size_bytes", pa.int64(), nullable=False),
    ]
)


# One row per record read, whatever became of it: what a later run (``--previous``) and
# ``scrubline diff`` need to know about it, without any of its content. The three digests are HMACs
# under the state key (``transforms.output.keyed``), "" without one.
FINGERPRINT_SCHEMA = pa.schema(
    [
        pa.field("id", pa.string(), nullable=False),
        pa.field("status", pa.string(), nullable=False),  # written | quarantined | excluded
        pa.field("reason", pa.string(), nullable=False),  # the quarantine reason, else ""
        pa.field("ruleset", pa.string(), nullable=False),
        pa.field("content_hmac", pa.string(), nullable=False),  # of id, source, text, metadata; "" unless written
        pa.field("output_hmac", pa.string(), nullable=False),  # of the written row less its ruleset; else ""
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
        pa.field("fingerprint_hmac", pa.string(), nullable=False),  # of this row's other columns; else ""
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


def quarantine_row(q: QuarantineRecord, key: bytes | None) -> dict[str, object]:
    """The Parquet row for one quarantined record: ids, codes, sizes and a keyed digest of its bytes only."""
    return {
        "id": q.id,
        "source": q.source,
        "reason": q.reason.value,
        "error_class": q.error_class,
        "input_hmac": keyed_sha256(key, INPUT, q.input_sha256),
        "size_bytes": q.size_bytes,
    }


_HASH_BATCH = 4096
_TEXT_PIECE = 1 << 20


def _put_output(
    put: Callable[[str], None],
    parts: tuple[str, str, str, list[list[Any]]],
    redactions: Iterable[list[object]],
) -> None:
    """``put`` the compact JSON ``[id, text, source, metadata_json, [[entity_type, start, end, out_start,
    out_end, detector, score, operator], ...]]`` piece by piece (a 50 MB text is never serialised whole)."""
    record_id, text, source, metadata = parts
    put("[" + _dumps(record_id) + ",")
    _put_json_string(put, text)
    put(",")
    _put_json_string(put, source)
    put("," + _dumps(metadata) + ",[")
    rows: list[str] = []
    separator = ""
    for r in redactions:
        rows.append(_dumps(r))
        if len(rows) == _HASH_BATCH:
            put(separator + ",".join(rows))
            rows.clear()
            separator = ","
    if rows:
        put(separator + ",".join(rows))
    put("]]")


def output_hmac(doc: RedactedDocument, key: bytes | None) -> str:
    """A keyed digest of a record's output less its ruleset (id, text, source, typed metadata, redactions).

    The HMAC-SHA256, under the state key's ``output`` subkey, of the compact JSON ``_put_output``
    describes (UTF-8, lone surrogates passed through; kept values as ``metadata_json`` writes them,
    with their types); "" without a key. ``--previous`` rebuilds a carried record from its row and
    checks it against this digest.
    """
    if key is None:
        return ""
    redactions = (
        [r.entity_type, r.start, r.end, r.out_start, r.out_end, r.detector, r.score, r.operator] for r in doc.redactions
    )
    h = keyed_hasher(key, OUTPUT)
    parts = (doc.id, doc.text, doc.source, metadata_json(doc.metadata, doc.metadata_types))
    _put_output(lambda s: h.update(s.encode("utf-8", "surrogatepass")), parts, redactions)
    return h.hexdigest()


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


def _pairs(items: Iterable[Any], first: str, second: str) -> list[list[object]]:
    """``[[a, b], ...]`` from tuples (as built) or ``{first: a, second: b}`` dicts (as read back)."""
    return [[i[first], i[second]] if isinstance(i, Mapping) else [i[0], i[1]] for i in items]


def fingerprint_hmac(row: Mapping[str, Any], key: bytes | None) -> str:
    """A keyed digest of a fingerprint row (every column but this one); "" without a key.

    It binds the row's id, status, ruleset, digests, entity counts and rules, so ``--previous`` can
    tell a fingerprint row it may act on from an edited one.
    """
    if key is None:
        return ""
    payload = [
        *(row[c] for c in ("id", "status", "reason", "ruleset", "content_hmac", "output_hmac")),
        _pairs(row["entity_counts"], "entity_type", "count"),
        _pairs(row["rules"], "detector", "entity_type"),
    ]
    h = keyed_hasher(key, FINGERPRINT)
    h.update(_dumps(payload).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _sealed(row: dict[str, object], key: bytes | None) -> dict[str, object]:
    row["fingerprint_hmac"] = fingerprint_hmac(row, key)
    return row


def record_fingerprint(doc: RedactedDocument, ruleset: str, key: bytes | None) -> dict[str, object]:
    """The fingerprint row of a clean record (its digests keyed under ``key``, "" without one)."""
    return _sealed(
        {
            "id": doc.id,
            "status": "written",
            "reason": "",
            "ruleset": ruleset,
            "content_hmac": keyed_sha256(key, CONTENT, doc.content_sha256),
            "output_hmac": output_hmac(doc, key),
            "entity_counts": list(doc.entity_counts),
            "rules": list(doc.rules),
        },
        key,
    )


def _without_content(record_id: str, status: str, reason: str, ruleset: str, key: bytes | None) -> dict[str, object]:
    row: dict[str, object] = {"id": record_id, "status": status, "reason": reason, "ruleset": ruleset}
    row.update({"content_hmac": "", "output_hmac": "", "entity_counts": [], "rules": []})
    return _sealed(row, key)


def quarantine_fingerprint(q: QuarantineRecord, ruleset: str, key: bytes | None) -> dict[str, object]:
    """The fingerprint row of a quarantined record."""
    return _without_content(q.id, "quarantined", q.reason.value, ruleset, key)


def excluded_fingerprint(e: Excluded, ruleset: str, key: bytes | None) -> dict[str, object]:
    """The fingerprint row of a record an ``input.exclude`` rule removed."""
    return _without_content(e.id, "excluded", "", ruleset, key)
