"""``RecordsSchema``: the one records schema every shard is written with, kept columns typed.

Each record knows only its own kept types; the schema joins them over all records with
``transforms.metadata.unify_types`` (commutative and associative, so the schema does not depend on how
records are spread over workers or the order they arrive in). Wiring only.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import apache_beam as beam
import pyarrow as pa

from transforms.metadata import NULL, unify_types
from transforms.output.schemas import metadata_types_of, records_schema
from transforms.records import RedactedDocument

__all__ = ["RecordsSchema"]

_Types = dict[str, pa.DataType]


class _JoinTypesFn(beam.CombineFn):
    """Joins the kept types of records into ``{name: type}``; outputs the records schema."""

    def __init__(self, keep_fields: Sequence[str]) -> None:
        self._keep_fields = sorted(set(keep_fields))

    def create_accumulator(self) -> _Types:
        return {}

    def add_input(self, acc: _Types, doc: RedactedDocument) -> _Types:
        for name, t in metadata_types_of(doc):
            acc[name] = unify_types(acc.get(name, NULL), t)
        return acc

    def merge_accumulators(self, accumulators: Iterable[_Types]) -> _Types:
        merged: _Types = {}
        for acc in accumulators:
            for name, t in acc.items():
                merged[name] = unify_types(merged.get(name, NULL), t)
        return merged

    def extract_output(self, acc: _Types) -> pa.Schema:
        return records_schema(self._keep_fields, acc)


class RecordsSchema(beam.PTransform):
    """Clean records (``RedactedDocument``) in; one ``pa.Schema`` out, for a singleton side input: the
    records schema whose kept columns have the joined type of every record's values (``string`` for a
    field no record gave a value, and when there are no records)."""

    def __init__(self, keep_fields: Sequence[str]) -> None:
        super().__init__()
        self._keep_fields = list(keep_fields)

    def expand(self, docs: beam.PCollection) -> beam.PCollection:
        """A single schema, whatever the number of records."""
        return docs | "JoinKeptTypes" >> beam.CombineGlobally(_JoinTypesFn(self._keep_fields))
