"""``RecordsSchema`` under TestPipeline: one records schema joined over every record's kept types."""

from __future__ import annotations

import datetime

import pyarrow as pa
from apache_beam import Create
from apache_beam.testing.test_pipeline import TestPipeline as BeamTestPipeline
from apache_beam.testing.util import assert_that, equal_to

from transforms.beam.schema import RecordsSchema
from transforms.output.schemas import records_schema
from transforms.records import RedactedDocument


def _doc(i: int, metadata: tuple, types: tuple = ()) -> RedactedDocument:
    return RedactedDocument(f"d{i}", "t", "s", metadata, (), metadata_types=types)


DOCS = [
    _doc(
        0,
        (("at", datetime.datetime(2024, 1, 1)), ("n", 1), ("tag", None)),
        (("at", pa.timestamp("ms")), ("n", pa.int32())),
    ),
    _doc(1, (("at", None), ("n", 2), ("tag", None)), (("at", pa.timestamp("us")), ("n", pa.int64()))),
    _doc(2, (("at", None), ("n", "two"), ("tag", None))),
    _doc(3, (("at", None), ("n", None), ("tag", [1])), (("tag", pa.list_(pa.int64())),)),
]
KEEP = ["tag", "n", "at"]
EXPECTED = records_schema(KEEP, {"at": pa.timestamp("us"), "n": pa.string(), "tag": pa.list_(pa.int64())})


def test_one_schema_joined_over_every_record_in_any_order() -> None:
    for order in (DOCS, DOCS[::-1], [DOCS[2], DOCS[0], DOCS[3], DOCS[1]]):
        with BeamTestPipeline() as p:
            schema = p | Create(order) | RecordsSchema(KEEP)
            assert_that(schema, equal_to([EXPECTED]))


def test_no_records_gives_string_columns() -> None:
    with BeamTestPipeline() as p:
        schema = p | Create([]) | RecordsSchema(KEEP)
        assert_that(schema, equal_to([records_schema(KEEP)]))
    assert [records_schema(KEEP).field(n).type for n in KEEP] == [pa.string()] * 3
