"""Unit tests for transforms.readers.rows: a JSON object or Parquet row onto a record, and exclusion."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.transforms.readers.helpers import DECODE, INVALID, opq, rid
from transforms.config import InputConfig, LimitsConfig
from transforms.readers.dispatch import read_input_file
from transforms.readers.inputs import InputFile, expand_inputs, opaque_source
from transforms.readers.rows import empty_metadata, encodable, record_from_row
from transforms.records import Document, Excluded, QuarantineRecord

F = InputFile(0, "/up", "/up/rows.jsonl", "rows.jsonl")


def row(obj: object, cfg: InputConfig, *, check_surrogates: bool = True) -> object:
    return record_from_row(
        F, obj, cfg, LimitsConfig(), suffix="#L5", sha="d1", size=12, check_surrogates=check_surrogates
    )


def test_a_row_becomes_a_document_with_its_position_and_digest() -> None:
    cfg = InputConfig(text_fields=["body", "title"], keep_fields=["lang", "tags"])
    assert row({"id": 41, "title": "T", "body": "B", "tags": ["x", 1], "lang": "pt"}, cfg) == Document(
        id="41",
        text="B\n\nT",
        source="rows.jsonl#L5",
        metadata=(("lang", "pt"), ("tags", '["x", 1]')),
        input_sha256="d1",
        size_bytes=12,
        source_ref=opq(F, "#L5"),
    )


@pytest.mark.parametrize(
    "obj, values, excluded_id",
    [
        ({"id": "a", "text": "t", "by": "u7"}, ["u7"], "a"),
        ({"id": "~a", "text": "t", "by": "u7"}, ["u7"], "~~a"),  # written as supplied_id writes it
        ({"id": 9, "by": 8}, ["8"], "9"),  # rendered as a string; no text needed
        ({"id": True, "by": ["u7", "u8"]}, ['["u7", "u8"]'], rid(F, "#L5")),  # no usable id
        ({"id": "a", "text": "t", "by": None}, ["None", "null"], None),  # absent or null never matches
        ({"id": "a", "text": "t"}, ["u7"], None),
    ],
)
def test_exclusion_comes_before_any_other_check(obj: dict, values: list[str], excluded_id: str | None) -> None:
    cfg = InputConfig(exclude=[{"field": "by", "values": values}])
    out = row(obj, cfg)
    if excluded_id is None:
        assert isinstance(out, Document)
    else:
        assert out == Excluded(excluded_id, opq(F, "#L5"))


def test_lone_surrogates_are_refused_only_when_the_source_can_hold_them() -> None:
    cfg = InputConfig(keep_fields=["note"])
    obj = {"id": "s1", "text": "fine", "note": "bad \ud800"}
    assert row(obj, cfg) == QuarantineRecord(
        id="s1",
        source=opq(F, "#L5"),
        reason=DECODE,
        error_class="UnicodeEncodeError",
        input_sha256="d1",
        size_bytes=12,
    )
    assert isinstance(row(obj, cfg, check_surrogates=False), Document)


def test_a_row_that_is_not_an_object_is_invalid() -> None:
    assert row(["id", "text"], InputConfig()) == QuarantineRecord(
        id=rid(F, "#L5"),
        source=opq(F, "#L5"),
        reason=INVALID,
        error_class="NotAnObject",
        input_sha256="d1",
        size_bytes=12,
    )


def test_helpers() -> None:
    assert empty_metadata(InputConfig(keep_fields=["b", "a", "b"])) == (("a", None), ("b", None))
    assert empty_metadata(InputConfig()) == ()
    assert encodable("Grüße 😀") and not encodable("x\udc00")


def test_readers_exclude_matching_records_before_checking_anything_else(tmp_path: Path) -> None:
    cfg = InputConfig(exclude=[{"field": "uploader", "values": ["u7", "8"]}])
    lines = [
        {"id": "a", "text": "keep", "uploader": "u1"},
        {"id": "b", "text": "withdrawn", "uploader": "u7"},
        {"id": 3, "uploader": 8},  # no text: excluded all the same, never quarantined
        {"uploader": "u7"},  # no id either
    ]
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    pq.write_table(pa.Table.from_pylist(lines[:2]), tmp_path / "in.parquet")
    jsonl, parquet = expand_inputs([str(tmp_path / "in.jsonl"), str(tmp_path / "in.parquet")])
    out = list(read_input_file(jsonl, cfg, LimitsConfig()))
    assert [type(x).__name__ for x in out] == ["Document", "Excluded", "Excluded", "Excluded"]
    assert out[1:3] == [Excluded("b", opaque_source(jsonl, "#L2")), Excluded("3", opaque_source(jsonl, "#L3"))]
    assert out[3].id.endswith("#L4") and out[3].source == opaque_source(jsonl, "#L4")
    assert [type(x).__name__ for x in read_input_file(parquet, cfg, LimitsConfig())] == ["Document", "Excluded"]
