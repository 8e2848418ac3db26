"""Unit tests for transforms.metadata: kept values, their Arrow types, how types join and values fit."""

from __future__ import annotations

import datetime
import decimal
import itertools
from functools import reduce

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.metadata import (
    MAX_LIST_DEPTH,
    NULL,
    STRING,
    fit_value,
    json_value,
    metadata_json,
    normalize_type,
    output_type,
    parquet_value,
    rebuild_value,
    render_text,
    unify_types,
    value_parts,
)

TS = datetime.datetime(2024, 1, 1, 10, 0, 0)


@pytest.mark.parametrize(
    "given_type, expected",
    [
        (pa.int32(), pa.int32()),
        (pa.binary(), STRING),
        (pa.large_string(), STRING),
        (pa.dictionary(pa.int8(), pa.string()), STRING),
        (pa.date64(), pa.date32()),
        (pa.float16(), pa.float32()),
        (pa.timestamp("ns", "UTC"), pa.timestamp("ns", "UTC")),
        (pa.large_list(pa.field("element", pa.binary(), nullable=False)), pa.list_(STRING)),
        (pa.list_(pa.field("element", pa.int64())), pa.list_(pa.int64())),
        (
            pa.struct([pa.field("b", pa.int8(), nullable=False), ("a", pa.large_binary())]),
            pa.struct([("b", pa.int8()), ("a", STRING)]),
        ),
        (pa.map_(pa.string(), pa.large_list(pa.int16())), pa.map_(STRING, pa.list_(pa.int16()))),
        (pa.month_day_nano_interval(), None),
        (pa.struct([]), None),
        (pa.struct([("a", pa.int8()), ("a", pa.int8())]), None),
        (pa.list_(pa.month_day_nano_interval()), None),
    ],
)
def test_normalize_type(given_type: pa.DataType, expected: pa.DataType | None) -> None:
    assert normalize_type(given_type) == expected


@pytest.mark.parametrize(
    "a, b, expected",
    [
        (pa.int64(), pa.int64(), pa.int64()),
        (NULL, pa.date32(), pa.date32()),
        (pa.int8(), pa.int32(), pa.int64()),
        (pa.uint32(), pa.int8(), pa.int64()),
        (pa.int32(), pa.float32(), pa.float64()),
        (pa.float32(), pa.float64(), pa.float64()),
        (pa.uint64(), pa.int64(), STRING),
        (pa.uint64(), pa.float64(), STRING),
        (pa.int64(), STRING, STRING),
        (pa.bool_(), pa.int8(), STRING),
        (pa.decimal128(5, 2), pa.decimal128(4, 4), pa.decimal128(7, 4)),
        (pa.decimal128(38, 0), pa.decimal128(3, 2), pa.decimal256(40, 2)),
        (pa.decimal256(76, 0), pa.decimal128(3, 2), STRING),
        (pa.decimal128(5, 2), pa.int64(), STRING),
        (pa.timestamp("ms"), pa.timestamp("us"), pa.timestamp("us")),
        (pa.timestamp("s", "UTC"), pa.timestamp("ns", "UTC"), pa.timestamp("ns", "UTC")),
        (pa.timestamp("us"), pa.timestamp("us", "UTC"), STRING),
        (pa.date32(), pa.timestamp("us"), STRING),
        (pa.duration("s"), pa.duration("ms"), pa.duration("ms")),
        (pa.time32("s"), pa.time64("us"), pa.time64("us")),
        (pa.list_(pa.int8()), pa.list_(pa.int16()), pa.list_(pa.int64())),
        (pa.list_(NULL), pa.list_(pa.int8()), pa.list_(pa.int8())),
        (pa.list_(pa.int8()), pa.list_(STRING), pa.list_(STRING)),
        (pa.list_(pa.int8()), pa.int8(), STRING),
        (
            pa.struct([("b", pa.int8()), ("a", STRING)]),
            pa.struct([("c", pa.bool_()), ("b", pa.float64())]),
            pa.struct([("a", STRING), ("b", pa.float64()), ("c", pa.bool_())]),
        ),
        (
            pa.struct([("b", pa.int8()), ("a", STRING)]),
            pa.struct([("b", pa.int8()), ("a", STRING)]),
            pa.struct([("b", pa.int8()), ("a", STRING)]),
        ),
        (pa.map_(STRING, pa.int8()), pa.map_(STRING, pa.float32()), pa.map_(STRING, pa.float64())),
    ],
)
def test_unify_types(a: pa.DataType, b: pa.DataType, expected: pa.DataType) -> None:
    assert unify_types(a, b) == expected
    assert unify_types(b, a) == expected


TYPES = [
    NULL,
    STRING,
    pa.bool_(),
    pa.int8(),
    pa.int32(),
    pa.int64(),
    pa.uint8(),
    pa.uint64(),
    pa.float32(),
    pa.float64(),
    pa.decimal128(5, 2),
    pa.decimal128(38, 1),
    pa.decimal256(60, 30),
    pa.date32(),
    pa.timestamp("ms"),
    pa.timestamp("us"),
    pa.timestamp("us", "UTC"),
    pa.time32("s"),
    pa.time64("ns"),
    pa.duration("s"),
    pa.list_(pa.int8()),
    pa.list_(pa.float64()),
    pa.list_(NULL),
    pa.list_(STRING),
    pa.map_(STRING, pa.int32()),
    pa.struct([("b", pa.int8()), ("a", STRING)]),
    pa.struct([("a", pa.float32())]),
    pa.struct([("c", pa.list_(pa.uint64()))]),
]


def test_unify_types_is_commutative_and_associative_over_every_triple() -> None:
    for a, b in itertools.product(TYPES, repeat=2):
        assert unify_types(a, b) == unify_types(b, a), (a, b)
    for a, b, c in itertools.product(TYPES, repeat=3):
        assert unify_types(unify_types(a, b), c) == unify_types(a, unify_types(b, c)), (a, b, c)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(TYPES), min_size=1, max_size=8), st.randoms(use_true_random=False))
def test_the_joined_type_does_not_depend_on_the_order(types: list[pa.DataType], rnd) -> None:
    shuffled = list(types)
    rnd.shuffle(shuffled)
    assert reduce(unify_types, shuffled, NULL) == reduce(unify_types, types, NULL)


def test_output_type_writes_null_parts_as_strings() -> None:
    assert output_type(NULL) == STRING
    assert output_type(pa.list_(NULL)) == pa.list_(STRING)
    assert output_type(pa.struct([("a", NULL), ("b", pa.int8())])) == pa.struct([("a", STRING), ("b", pa.int8())])
    assert output_type(pa.map_(STRING, NULL)) == pa.map_(STRING, STRING)
    assert output_type(pa.timestamp("us")) == pa.timestamp("us")


@pytest.mark.parametrize(
    "value, expected",
    [
        (None, (None, NULL)),
        (True, (True, pa.bool_())),
        (5, (5, pa.int64())),
        (-(2**63), (-(2**63), pa.int64())),
        (2**63, ("9223372036854775808", STRING)),
        (2.5, (2.5, pa.float64())),
        ("x", ("x", STRING)),
        ({"b": [1], "a": "é"}, ('{"a": "é", "b": [1]}', STRING)),
        ([], ([], pa.list_(NULL))),
        (["a", "b"], (["a", "b"], pa.list_(STRING))),
        ([1, None, 2.5], ([1, None, 2.5], pa.list_(pa.float64()))),
        ([1, "a", True], (["1", "a", "true"], pa.list_(STRING))),
        ([[1], [], None], ([[1], [], None], pa.list_(pa.list_(pa.int64())))),
        ([{"k": 1}, {"k": 2}], (['{"k": 1}', '{"k": 2}'], pa.list_(STRING))),
    ],
)
def test_json_values_map_onto_arrow_types(value: object, expected: tuple) -> None:
    assert json_value(value) == expected


def test_json_arrays_nested_too_deep_are_their_text() -> None:
    deep: list = [1]
    for _ in range(MAX_LIST_DEPTH):
        deep = [deep]
    value, t = json_value(deep)  # MAX_LIST_DEPTH lists, then the innermost array as its text
    expected_type, expected_value = STRING, "[1]"
    for _ in range(MAX_LIST_DEPTH):
        expected_type, expected_value = pa.list_(expected_type), [expected_value]
    assert (value, t) == (expected_value, expected_type)


def test_parquet_values_decode_bytes_and_render_what_is_not_carried() -> None:
    assert parquet_value([b"ab", None], pa.list_(pa.binary())) == (["ab", None], pa.list_(STRING))
    assert parquet_value([(b"k", b"v")], pa.map_(pa.binary(), pa.binary())) == ([("k", "v")], pa.map_(STRING, STRING))
    assert parquet_value(TS, pa.timestamp("ms")) == (TS, pa.timestamp("ms"))
    assert parquet_value(7, pa.dictionary(pa.int8(), pa.int32())) == (7, pa.int32())
    interval = pa.MonthDayNano([1, 2, 3])
    assert parquet_value(interval, pa.month_day_nano_interval()) == ("[1, 2, 3]", STRING)
    with pytest.raises(UnicodeDecodeError):
        parquet_value({"a": b"\xff"}, pa.struct([("a", pa.binary())]))


@pytest.mark.parametrize(
    "value, expected",
    [
        (None, None),
        ("x", "x"),
        (5, "5"),
        (2.5, "2.5"),
        (True, "true"),
        (TS, "2024-01-01T10:00:00"),
        (datetime.date(2024, 1, 2), "2024-01-02"),
        (decimal.Decimal("1.50"), "1.50"),
        (["a", 1], '["a", 1]'),
        ({"b": TS, "a": None}, '{"a": null, "b": "2024-01-01T10:00:00"}'),
    ],
)
def test_render_text(value: object, expected: str | None) -> None:
    assert render_text(value) == expected


def test_fit_value_converts_to_the_joined_type() -> None:
    assert fit_value(5, STRING) == "5"
    assert fit_value(5, pa.float64()) == 5
    assert fit_value([1, None], pa.list_(STRING)) == ["1", None]
    struct = pa.struct([("a", STRING), ("b", pa.int64()), ("c", pa.bool_())])
    assert fit_value({"b": 2, "a": 1}, struct) == {"a": "1", "b": 2, "c": None}
    assert fit_value([("k", 1)], pa.map_(STRING, STRING)) == [("k", "1")]
    assert fit_value(None, STRING) is None
    # pyarrow widens what fit_value leaves as it is
    assert pa.array([fit_value(5, pa.float64())], pa.float64()).to_pylist() == [5.0]


STRUCT = pa.struct([("who", STRING), ("n", pa.int64()), ("ok", pa.bool_()), ("at", pa.timestamp("us"))])
NESTED = pa.struct([("names", pa.list_(STRING)), ("by", pa.map_(STRING, pa.float64())), ("inner", STRUCT)])


def test_value_parts_reads_every_string_map_key_and_number_in_order() -> None:
    value = {
        "names": ["Ada", None, "Cleo"],
        "by": [("Bob", 1.5), ("x", 2.0)],
        "inner": {"who": '["Dee", 7]', "n": 2125550123, "ok": True, "at": TS},
    }
    assert list(value_parts(value, NESTED)) == ["Ada", "Cleo", "Bob", "1.5", "x", "2.0", "Dee", "7", "2125550123"]
    assert list(value_parts(decimal.Decimal("3.10"), pa.decimal128(5, 2))) == ["3.10"]
    assert list(value_parts(True, pa.bool_())) == []
    assert list(value_parts(TS, pa.timestamp("us"))) == []
    assert list(value_parts(None, STRING)) == []


def test_rebuild_value_takes_cleaned_strings_and_nulls_found_numbers() -> None:
    value = {
        "names": ["Ada", None, "Cleo"],
        "by": [("Bob", 1.5), ("x", 2.0)],
        "inner": {"who": '["Dee", 7]', "n": 2125550123, "ok": True, "at": TS},
    }
    cleaned = ["<P>", "Cleo", "<P>", "<PHONE>", "x", "2.0", "<P>", "7", "<PHONE>"]
    assert rebuild_value(value, NESTED, iter(cleaned)) == {
        "names": ["<P>", None, "Cleo"],
        "by": [("<P>", None), ("x", 2.0)],
        "inner": {"who": '["<P>", 7]', "n": None, "ok": True, "at": TS},
    }


def test_a_map_key_a_detector_found_goes_with_its_value() -> None:
    t = pa.map_(pa.int64(), STRING)
    assert rebuild_value([(4111111111111111, "card"), (2, "b")], t, iter(["<CARD>", "card", "2", "b"])) == [(2, "b")]


def test_metadata_json_keeps_strings_as_before_and_names_other_types() -> None:
    metadata = (("a", "x"), ("b", None), ("c", TS), ("d", [("k", decimal.Decimal("1.5"))]))
    types = (("c", pa.timestamp("us")), ("d", pa.map_(STRING, pa.decimal128(3, 1))))
    assert metadata_json(metadata, types) == [
        ["a", "x"],
        ["b", None],
        ["c", "2024-01-01T10:00:00", "timestamp[us]"],
        ["d", [["k", "1.5"]], "map<string, decimal128(3, 1)>"],
    ]
