"""Kept metadata values and their Arrow types, from the reader to the records shard.

A kept field (``input.keep_fields``) keeps its type: a Parquet column its Arrow type, a JSON value
the type it maps to (``json_value``), a Hive partition key in the input path ``string`` or the type
``input.partition_types`` names. Types are normalised so files that differ only in representation
agree (``normalize_type``: every level nullable, binary and large types as their plain forms,
dictionaries as their values); a type scrubline cannot carry is rendered as text.

Detection reads every string, map key and number inside a value on its own (``value_parts``), and
the value is rebuilt from the cleaned texts (``rebuild_value``): strings take their cleaned text, a
number that a detector found becomes null (its column cannot hold a tag), booleans, dates, times and
timestamps are not read. Struct field names are schema, not data, and are not read.

Shards must agree on one schema while each record only knows its own types: ``unify_types`` is the
join of a lattice (commutative and associative, so the result does not depend on the order records
arrive in), ``output_type`` turns a field no record ever gave a value into ``string``, and
``fit_value`` converts a value to its column's type (strings where the types disagreed).
"""

from __future__ import annotations

import datetime
import decimal
import json
from collections.abc import Iterator, Sequence
from functools import reduce
from typing import Any

import pyarrow as pa

__all__ = [
    "MAX_LIST_DEPTH",
    "NULL",
    "STRING",
    "Metadata",
    "MetadataTypes",
    "declared_types",
    "fit_value",
    "json_value",
    "metadata_entries",
    "metadata_json",
    "normalize_type",
    "output_type",
    "parquet_value",
    "rebuild_string",
    "rebuild_value",
    "render_text",
    "string_parts",
    "strings_in",
    "unify_types",
    "value_parts",
]

# ``(name, value)`` per kept field, sorted by name; ``(name, Arrow type)`` per field whose type is
# neither ``string`` nor ``null`` (a missing entry: ``string`` for a value, ``null`` for None).
Metadata = tuple[tuple[str, Any], ...]
MetadataTypes = tuple[tuple[str, pa.DataType], ...]

STRING = pa.string()
NULL = pa.null()
# JSON arrays nested deeper than this are kept as their JSON text (a string) rather than as lists.
MAX_LIST_DEPTH = 16
_INT64_MIN, _INT64_MAX = -(2**63), 2**63 - 1
_UNITS = ("s", "ms", "us", "ns")


# ---------------------------------------------------------------------------------------------------
# Types


def _normalize_nested(t: pa.DataType) -> pa.DataType | None:
    if pa.types.is_list(t) or pa.types.is_large_list(t) or pa.types.is_fixed_size_list(t):
        inner = normalize_type(t.value_type)
        return None if inner is None else pa.list_(inner)
    if pa.types.is_map(t):
        key, item = normalize_type(t.key_type), normalize_type(t.item_type)
        return None if key is None or item is None or pa.types.is_null(key) else pa.map_(key, item)
    if pa.types.is_struct(t):
        names = [t.field(i).name for i in range(t.num_fields)]
        inner_types = [normalize_type(t.field(i).type) for i in range(t.num_fields)]
        if not names or len(set(names)) != len(names) or any(x is None for x in inner_types):
            return None  # Parquet cannot hold an empty struct; a dict cannot hold a repeated name
        return pa.struct([pa.field(n, x) for n, x in zip(names, inner_types, strict=True)])
    return None


def normalize_type(t: pa.DataType) -> pa.DataType | None:
    """The type a kept value of Arrow type ``t`` has in scrubline, or None if it is rendered as text.

    Binary and string variants are ``string`` (bytes are decoded as UTF-8), large and fixed-size lists
    ``list``, dictionaries their value type, ``date64`` ``date32``, ``float16`` ``float32``; every
    nested field is nullable. Intervals, unions, extension types, empty structs, structs with a
    repeated field name and anything holding one are not carried (None).
    """
    if pa.types.is_dictionary(t):
        return normalize_type(t.value_type)
    if (
        pa.types.is_binary(t)
        or pa.types.is_large_binary(t)
        or pa.types.is_fixed_size_binary(t)
        or pa.types.is_string(t)
        or pa.types.is_large_string(t)
        or pa.types.is_string_view(t)
        or pa.types.is_binary_view(t)
    ):
        return STRING
    if pa.types.is_float16(t):
        return pa.float32()
    if pa.types.is_date64(t):
        return pa.date32()
    if (
        pa.types.is_null(t)
        or pa.types.is_boolean(t)
        or pa.types.is_integer(t)
        or pa.types.is_floating(t)
        or pa.types.is_decimal(t)
        or pa.types.is_date32(t)
        or pa.types.is_timestamp(t)
        or pa.types.is_time(t)
        or pa.types.is_duration(t)
    ):
        return t
    return _normalize_nested(t)


def _finer(a: str, b: str) -> str:
    return a if _UNITS.index(a) >= _UNITS.index(b) else b


def _is_int_or_float(t: pa.DataType) -> bool:
    return pa.types.is_integer(t) or pa.types.is_floating(t)


def _unify_numbers(a: pa.DataType, b: pa.DataType) -> pa.DataType | None:
    """Integers -> int64, integers and floats -> float64; uint64 joins nothing else; decimals widen."""
    numeric = (pa.types.is_integer(a) or pa.types.is_floating(a)) and (
        pa.types.is_integer(b) or pa.types.is_floating(b)
    )
    if numeric:
        if pa.types.is_uint64(a) or pa.types.is_uint64(b):
            return STRING  # no signed or floating type holds every uint64
        return pa.int64() if pa.types.is_integer(a) and pa.types.is_integer(b) else pa.float64()
    if pa.types.is_decimal(a) and pa.types.is_decimal(b):
        scale = max(a.scale, b.scale)
        precision = max(a.precision - a.scale, b.precision - b.scale) + scale
        wide = pa.types.is_decimal256(a) or pa.types.is_decimal256(b) or precision > 38
        if precision > 76:
            return STRING
        return pa.decimal256(precision, scale) if wide else pa.decimal128(precision, scale)
    return None


def _unify_temporal(a: pa.DataType, b: pa.DataType) -> pa.DataType | None:
    """Timestamps (same time zone), durations and times: the finer unit."""
    if pa.types.is_timestamp(a) and pa.types.is_timestamp(b):
        return pa.timestamp(_finer(a.unit, b.unit), a.tz) if a.tz == b.tz else STRING
    if pa.types.is_duration(a) and pa.types.is_duration(b):
        return pa.duration(_finer(a.unit, b.unit))
    if pa.types.is_time(a) and pa.types.is_time(b):
        unit = _finer(a.unit, b.unit)
        return pa.time32(unit) if unit in ("s", "ms") else pa.time64(unit)
    return None


def _unify_nested(a: pa.DataType, b: pa.DataType) -> pa.DataType | None:
    """Lists and maps by their parts; structs: every field of either, sorted by name."""
    if pa.types.is_list(a) and pa.types.is_list(b):
        return pa.list_(unify_types(a.value_type, b.value_type))
    if pa.types.is_map(a) and pa.types.is_map(b):
        return pa.map_(unify_types(a.key_type, b.key_type), unify_types(a.item_type, b.item_type))
    if pa.types.is_struct(a) and pa.types.is_struct(b):
        fields: dict[str, pa.DataType] = {}
        for t in (a, b):
            for i in range(t.num_fields):
                f = t.field(i)
                fields[f.name] = unify_types(fields.get(f.name, NULL), f.type)
        return pa.struct([pa.field(name, fields[name]) for name in sorted(fields)])
    return None


def unify_types(a: pa.DataType, b: pa.DataType) -> pa.DataType:
    """The one type two records' values of a field are written as (both normalised).

    Equal types stay; ``null`` gives way to anything; integers join as ``int64``, integers and floats
    as ``float64`` (``uint64`` with any other number: ``string``); decimals widen to hold both;
    timestamps of the same time zone, durations and times take the finer unit; lists and maps join
    their parts; structs take the fields of both, sorted by name. Anything else is ``string``, the
    top: values are then written as text (``render_text``). Commutative and associative.
    """
    if a == b or pa.types.is_null(b):
        return a
    if pa.types.is_null(a):
        return b
    for rule in (_unify_numbers, _unify_temporal, _unify_nested):
        joined = rule(a, b)
        if joined is not None:
            return joined
    return STRING


def output_type(t: pa.DataType) -> pa.DataType:
    """``t`` with ``null`` (a field, element or map value no record gave a value) as ``string``."""
    if pa.types.is_null(t):
        return STRING
    if pa.types.is_list(t):
        return pa.list_(output_type(t.value_type))
    if pa.types.is_map(t):
        return pa.map_(output_type(t.key_type), output_type(t.item_type))
    if pa.types.is_struct(t):
        return pa.struct([pa.field(t.field(i).name, output_type(t.field(i).type)) for i in range(t.num_fields)])
    return t


# ---------------------------------------------------------------------------------------------------
# Values


def _json_default(value: object) -> object:
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, (decimal.Decimal, datetime.timedelta)):
        return str(value)
    raise TypeError(type(value).__name__)


def _canonical_json(value: object) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=_json_default)


def render_text(value: Any) -> str | None:
    """A value as text, for a ``string`` column: a string as is, a date, time or timestamp in ISO 8601,
    a decimal or duration as ``str``, anything else as JSON with sorted keys (``5`` -> ``"5"``)."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time, decimal.Decimal, datetime.timedelta)):
        return str(_json_default(value))
    return _canonical_json(value)


def fit_value(value: Any, t: pa.DataType) -> Any:
    """``value`` converted to column type ``t``, a type its own type unifies into (``unify_types``):
    rendered as text where ``t`` is ``string``, converted part by part inside lists, structs and maps,
    as it is otherwise (pyarrow widens numbers and time units when it writes the column)."""
    if value is None:
        return None
    if pa.types.is_string(t):
        return render_text(value)
    if pa.types.is_list(t):
        return [fit_value(v, t.value_type) for v in value]
    if pa.types.is_struct(t):
        return {t.field(i).name: fit_value(value.get(t.field(i).name), t.field(i).type) for i in range(t.num_fields)}
    if pa.types.is_map(t):
        return [(fit_value(k, t.key_type), fit_value(v, t.item_type)) for k, v in value]
    return value


def _decoded(value: Any) -> Any:
    """``value`` with every bytes value in it decoded as UTF-8 (strict: raises ``UnicodeDecodeError``)."""
    if isinstance(value, bytes):
        return value.decode("utf-8")
    if isinstance(value, dict):
        return {k: _decoded(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return tuple(_decoded(v) for v in value)
    if isinstance(value, list):
        return [_decoded(v) for v in value]
    return value


def parquet_value(value: Any, arrow_type: pa.DataType) -> tuple[Any, pa.DataType]:
    """A Parquet cell (``as_py``) and its column type as a kept value and its type: bytes decoded as
    UTF-8 (``UnicodeDecodeError`` when they are not), a type ``normalize_type`` does not carry
    rendered as text."""
    t = normalize_type(arrow_type)
    value = _decoded(value)
    if t is None:
        return render_text(value), STRING
    return value, t


def json_value(value: Any, depth: int = 0) -> tuple[Any, pa.DataType]:
    """A JSON value as a kept value and its type.

    null, booleans and strings map to themselves; an integer to ``int64`` (outside its range: its
    digits, a string); a fraction to ``float64``; an object to its JSON text with sorted keys
    (``string``: its keys are data, and a struct would put them in the file schema); an array to a
    ``list`` of its elements' joined type (``[1, "a"]`` -> ``["1", "a"]``), or its JSON text when
    nested more than ``MAX_LIST_DEPTH`` deep.
    """
    if value is None:
        return None, NULL
    if isinstance(value, bool):
        return value, pa.bool_()
    if isinstance(value, int):
        return (value, pa.int64()) if _INT64_MIN <= value <= _INT64_MAX else (str(value), STRING)
    if isinstance(value, float):
        return value, pa.float64()
    if isinstance(value, str):
        return value, STRING
    if isinstance(value, list) and depth < MAX_LIST_DEPTH:
        items = [json_value(v, depth + 1) for v in value]
        element = reduce(unify_types, (t for _, t in items), NULL)
        return [fit_value(v, element) for v, _ in items], pa.list_(element)
    return _canonical_json(value), STRING


def strings_in(value: Any) -> Iterator[str]:
    """Every string inside a value (map keys and dict keys too)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from strings_in(k)
            yield from strings_in(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from strings_in(v)


# ---------------------------------------------------------------------------------------------------
# Records: which type each kept value has


def declared_types(entries: Sequence[tuple[str, Any, pa.DataType]]) -> MetadataTypes:
    """The ``MetadataTypes`` of ``(name, value, type)`` entries: the types that are not string or null."""
    return tuple((name, t) for name, _, t in entries if not (pa.types.is_string(t) or pa.types.is_null(t)))


def metadata_entries(metadata: Metadata, types: MetadataTypes) -> list[tuple[str, Any, pa.DataType]]:
    """``(name, value, type)`` for every kept field: its declared type, else ``string`` (``null`` for None)."""
    declared = dict(types)
    return [(name, value, declared.get(name, NULL if value is None else STRING)) for name, value in metadata]


def metadata_json(metadata: Metadata, types: MetadataTypes) -> list[list[Any]]:
    """A JSON-ready form of kept metadata: ``[name, value]`` for a string or null value (as before types
    were kept), ``[name, value, type]`` for any other (dates and decimals as text)."""
    declared = dict(types)
    return [
        [name, value] if name not in declared else [name, json.loads(_canonical_json(value)), str(declared[name])]
        for name, value in metadata
    ]


# ---------------------------------------------------------------------------------------------------
# Detection: the texts inside a value, and the value rebuilt from their cleaned forms


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def _structured(value: str) -> list[object] | dict[str, object] | None:
    """The JSON list or object a string renders (sorted keys, as ``json_value`` writes one), else None."""
    if not value.startswith(("[", "{")):
        return None
    try:
        node = json.loads(value)
    except ValueError:
        return None
    if not isinstance(node, (list, dict)) or json.dumps(node, sort_keys=True, ensure_ascii=False) != value:
        return None
    return node


def _leaves(node: object) -> Iterator[str]:
    """Every key, string and number of a JSON value, in rendered order (keys sorted)."""
    if isinstance(node, list):
        for item in node:
            yield from _leaves(item)
    elif isinstance(node, dict):
        for key in sorted(node):
            yield key
            yield from _leaves(node[key])
    elif isinstance(node, str):
        yield node
    elif isinstance(node, (int, float)) and not isinstance(node, bool):
        yield _dumps(node)


def _rebuild_json(node: object, cleaned: Iterator[str]) -> str:
    """``node`` rendered as JSON text, each leaf taken from ``cleaned`` (in ``_leaves`` order);
    a number that redaction left unchanged stays a number, a changed one becomes a string."""
    if isinstance(node, list):
        return "[" + ", ".join(_rebuild_json(item, cleaned) for item in node) + "]"
    if isinstance(node, dict):
        # Pairs, not a dict: two keys redacted to the same tag must both stay.
        items = [f"{_dumps(next(cleaned))}: {_rebuild_json(node[key], cleaned)}" for key in sorted(node)]
        return "{" + ", ".join(items) + "}"
    if isinstance(node, str):
        return _dumps(next(cleaned))
    if isinstance(node, (int, float)) and not isinstance(node, bool):
        text, new = _dumps(node), next(cleaned)
        return text if new == text else _dumps(new)
    return _dumps(node)


def string_parts(value: str) -> list[str]:
    """The texts detection reads in a string value: each key, string and number of the JSON list or
    object it renders (so JSON escapes hide nothing), else the string itself."""
    node = _structured(value)
    return [value] if node is None else list(_leaves(node))


def rebuild_string(value: str, cleaned: Iterator[str]) -> str:
    """A string value rebuilt from the cleaned forms of its ``string_parts``."""
    node = _structured(value)
    return next(cleaned) if node is None else _rebuild_json(node, cleaned)


def _number_text(value: Any) -> str:
    return str(value) if isinstance(value, decimal.Decimal) else _dumps(value)


def _is_number(t: pa.DataType) -> bool:
    return pa.types.is_integer(t) or pa.types.is_floating(t) or pa.types.is_decimal(t)


def value_parts(value: Any, t: pa.DataType) -> Iterator[str]:
    """The texts detection reads in a kept value of type ``t``, in order: ``string_parts`` of each
    string, each map key and number as its decimal text; booleans and temporal values give none."""
    if value is None:
        return
    if pa.types.is_string(t):
        yield from string_parts(value)
    elif _is_number(t):
        yield _number_text(value)
    elif pa.types.is_list(t):
        for v in value:
            yield from value_parts(v, t.value_type)
    elif pa.types.is_struct(t):
        for i in range(t.num_fields):
            yield from value_parts(value.get(t.field(i).name), t.field(i).type)
    elif pa.types.is_map(t):
        for k, v in value:
            yield from value_parts(k, t.key_type)
            yield from value_parts(v, t.item_type)


def _rebuild_map(value: Any, t: pa.DataType, cleaned: Iterator[str]) -> list[tuple[Any, Any]]:
    pairs = [(rebuild_value(k, t.key_type, cleaned), rebuild_value(v, t.item_type, cleaned)) for k, v in value]
    return [(k, v) for k, v in pairs if k is not None]  # a map key a detector found goes, with its value


def rebuild_value(value: Any, t: pa.DataType, cleaned: Iterator[str]) -> Any:
    """``value`` rebuilt from the cleaned forms of its ``value_parts`` (taken from ``cleaned`` in order):
    a string takes its cleaned text, a number a detector changed becomes None, the rest stays."""
    if value is None:
        return None
    if pa.types.is_string(t):
        return rebuild_string(value, cleaned)
    if _is_number(t):
        return value if next(cleaned) == _number_text(value) else None
    if pa.types.is_list(t):
        return [rebuild_value(v, t.value_type, cleaned) for v in value]
    if pa.types.is_struct(t):
        fields = [t.field(i) for i in range(t.num_fields)]
        return {f.name: rebuild_value(value.get(f.name), f.type, cleaned) for f in fields}
    if pa.types.is_map(t):
        return _rebuild_map(value, t, cleaned)
    return value
