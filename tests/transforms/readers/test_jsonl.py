"""Unit tests for transforms.readers.jsonl: JSONL uploads line by line, streamed (no Beam)."""

from __future__ import annotations

import codecs
import gzip
import json
from pathlib import Path

import pytest

from tests.transforms.readers.helpers import (
    DECODE,
    INVALID,
    TOO_LARGE,
    line_doc,
    put,
    qrec,
    read,
)
from transforms.config import InputConfig, LimitsConfig
from transforms.readers.inputs import InputFile
from transforms.readers.jsonl import read_jsonl, read_jsonl_bytes
from transforms.records import Document, QuarantineRecord

JSONL_CASES = [
    # (line, expected: ("doc", id, text) or (reason, error_class, record id or None))
    (b'{"id": "a1", "text": "Hello"}', ("doc", "a1", "Hello")),
    (b'{"id": 7, "text": ""}', ("doc", "7", "")),
    (b'{"id": -3, "text": "x\\ny", "other": [1]}', ("doc", "-3", "x\ny")),
    (b'{"id": "a1", "text": "caf\xc3\xa9 \\u00e9"}', ("doc", "a1", "café é")),
    (b'{"id": true, "text": "x"}', (INVALID, "InvalidIdType", None)),
    (b'{"id": 1.5, "text": "x"}', (INVALID, "InvalidIdType", None)),
    (b'{"id": ["a"], "text": "x"}', (INVALID, "InvalidIdType", None)),
    (b'{"text": "x"}', (INVALID, "MissingId", None)),
    (b'{"id": null, "text": "x"}', (INVALID, "MissingId", None)),
    (b'{"id": "", "text": "x"}', (INVALID, "EmptyId", None)),
    (b'{"id": "a1", "text": 5}', (INVALID, "InvalidTextType", "a1")),
    (b'{"id": "a1", "text": {"t": "x"}}', (INVALID, "InvalidTextType", "a1")),
    (b'{"id": "a1"}', (INVALID, "MissingText", "a1")),
    (b'{"id": "a1", "text": null}', (INVALID, "MissingText", "a1")),
    (b'{"id": "a1", "text": "x"', (INVALID, "JSONDecodeError", None)),
    (b'{"id": "a1", "text": NaN}', (INVALID, "JSONDecodeError", None)),
    (b"[1, 2]", (INVALID, "NotAnObject", None)),
    (b'"just a string"', (INVALID, "NotAnObject", None)),
    (b"[" * 100_000 + b"]" * 100_000, (INVALID, "RecursionError", None)),
    (b'{"id": "a1", "text": "\xff\xfe"}', (DECODE, "UnicodeDecodeError", None)),
    (b'{"id": "a1", "text": "bad \\ud800 surrogate"}', (DECODE, "UnicodeEncodeError", "a1")),
    (b'{"id": "\\udc00", "text": "x"}', (DECODE, "UnicodeEncodeError", None)),
    (b'{"id": "a1", "text": "' + b"x" * 21 + b'"}', (TOO_LARGE, "RecordTooLarge", "a1")),
    # A record's own id never takes the shape of a derived one: a leading "~" is doubled.
    (b'{"id": "~f-0123", "text": "x"}', ("doc", "~~f-0123", "x")),
    (b'{"id": "~", "text": 5}', (INVALID, "InvalidTextType", "~~")),
]


@pytest.mark.parametrize("line, expected", JSONL_CASES)
def test_jsonl_line_mapping(tmp_path: Path, line: bytes, expected: tuple) -> None:
    f = put(tmp_path, "d/in.jsonl", b"\n" + line + b"\n")  # a leading blank line: the record is line 2
    limits = LimitsConfig(max_record_chars=20)
    if expected[0] == "doc":
        want: Document | QuarantineRecord = line_doc(f, 2, expected[1], expected[2], line)
    else:
        reason, error_class, record_id = expected
        want = qrec(f, reason, error_class, suffix="#L2", record_id=record_id, raw=line)
    assert read(f, limits=limits) == [want]


def test_jsonl_file_blank_lines_crlf_bom_and_missing_final_newline(tmp_path: Path) -> None:
    lines = [
        codecs.BOM_UTF8 + b'{"id": "a", "text": "one"}',
        b"",
        b"   \t",
        b'{"id": "b", "text": "two\\r\\n"}\r',  # CRLF line end: the \r is not part of the record
        b'{"id": "c", "text": "three"}',
    ]
    data = b"\n".join(lines)  # no newline after the last line
    f = put(tmp_path, "x.NDJSON", data)
    raw_b = b'{"id": "b", "text": "two\\r\\n"}'
    assert read(f) == [
        line_doc(f, 1, "a", "one", lines[0]),
        line_doc(f, 4, "b", "two\r\n", raw_b),
        line_doc(f, 5, "c", "three", lines[4]),
    ]


def test_jsonl_text_fields_joined_in_order_and_metadata_rendered(tmp_path: Path) -> None:
    cfg = InputConfig(
        id_field="doc_id", text_fields=["title", "body", "notes"], keep_fields=["zeta", "lang", "n", "absent", "nul"]
    )
    obj = {
        "doc_id": 12,
        "body": "Body",
        "title": "Title",
        "notes": None,
        "zeta": {"b": [1, True, None], "a": "é"},
        "lang": "en",
        "n": 2.5,
        "nul": None,
        "dropped": "not kept",
    }
    line = json.dumps(obj).encode()
    f = put(tmp_path, "m.jsonl", line + b"\n")
    metadata = (
        ("absent", None),
        ("lang", "en"),
        ("n", "2.5"),
        ("nul", None),
        ("zeta", '{"a": "é", "b": [1, true, null]}'),
    )
    assert read(f, cfg) == [line_doc(f, 1, "12", "Title\n\nBody", line, metadata)]


def test_jsonl_line_over_byte_limit_is_skipped_in_a_stream(tmp_path: Path) -> None:
    big = b'{"id": "big", "text": "' + b"y" * 5000 + b'"}'
    small = b'{"id": "s", "text": "ok"}'
    f = put(tmp_path, "b.jsonl", big + b"\r\n" + small + b"\n" + big)
    limits = LimitsConfig(max_file_bytes=100)
    assert read(f, limits=limits) == [
        qrec(f, TOO_LARGE, "LineTooLarge", suffix="#L1", raw=big),
        line_doc(f, 2, "s", "ok", small),
        qrec(f, TOO_LARGE, "LineTooLarge", suffix="#L3", raw=big),
    ]


def test_jsonl_gzip_is_read_like_plain(tmp_path: Path) -> None:
    lines = [b'{"id": "g1", "text": "first"}', b'{"id": "g2", "text": "second"}']
    f = put(tmp_path, "a.jsonl.gz", gzip.compress(b"\n".join(lines) + b"\n", mtime=0))
    assert read(f) == [
        line_doc(f, 1, "g1", "first", lines[0]),
        line_doc(f, 2, "g2", "second", lines[1]),
    ]


def test_jsonl_truncated_gzip_emits_lines_read_then_one_decode_error(tmp_path: Path) -> None:
    lines = [b'{"id": "t%d", "text": "line %d"}' % (i, i) for i in range(3)]
    whole = gzip.compress(b"\n".join(lines) + b"\n", mtime=0)
    f = put(tmp_path, "t.jsonl.gz", whole[:-8])  # the CRC and size trailer is missing
    assert read(f) == [
        line_doc(f, 1, "t0", "line 0", lines[0]),
        line_doc(f, 2, "t1", "line 1", lines[1]),
        line_doc(f, 3, "t2", "line 2", lines[2]),
        qrec(f, DECODE, "EOFError", suffix="#L4"),
    ]


def test_jsonl_not_gzip_content_is_decode_error(tmp_path: Path) -> None:
    f = put(tmp_path, "n.jsonl.gz", b'{"id": "a", "text": "plain"}\n')
    assert read(f) == [qrec(f, DECODE, "BadGzipFile", suffix="#L1")]


def test_jsonl_file_size_limit_does_not_apply_to_the_file(tmp_path: Path) -> None:
    lines = [b'{"id": "%d", "text": "t"}' % i for i in range(20)]
    f = put(tmp_path, "many.jsonl", b"\n".join(lines))
    out = read(f, limits=LimitsConfig(max_file_bytes=len(lines[0]) + 1))
    assert out == [line_doc(f, i + 1, str(i), "t", lines[i]) for i in range(20)]


def test_jsonl_bytes_of_an_archive_member_read_like_a_file(tmp_path: Path) -> None:
    lines = [b'{"id": "m1", "text": "first"}', b"", b'{"id": "m2", "text": "' + b"z" * 200 + b'"}']
    mf = InputFile(0, str(tmp_path), str(tmp_path / "up.zip"), "up.zip!rows.jsonl", "rows.jsonl")
    out = list(read_jsonl_bytes(mf, b"\r\n".join(lines), InputConfig(), LimitsConfig(max_file_bytes=100)))
    assert out == [
        line_doc(mf, 1, "m1", "first", lines[0]),
        qrec(mf, TOO_LARGE, "LineTooLarge", suffix="#L3", raw=lines[2]),
    ]


def test_read_jsonl_takes_compression_from_its_argument_not_the_name(tmp_path: Path) -> None:
    line = b'{"id": "z", "text": "packed"}'
    packed = put(tmp_path, "rows.jsonl", gzip.compress(line + b"\n", mtime=0))
    plain = put(tmp_path, "rows.jsonl.gz", line + b"\n")
    assert list(read_jsonl(packed, True, InputConfig(), LimitsConfig())) == [line_doc(packed, 1, "z", "packed", line)]
    assert list(read_jsonl(plain, False, InputConfig(), LimitsConfig())) == [line_doc(plain, 1, "z", "packed", line)]
