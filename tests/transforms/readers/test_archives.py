"""Unit tests for transforms.readers.archives: zip uploads, one record per member (no Beam)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.transforms.readers.helpers import (
    TOO_LARGE,
    UNSUPPORTED,
    fid,
    file_doc,
    line_doc,
    make_zip,
    member,
    opq,
    put,
    qrec,
    read,
)
from tests.transforms.readers.office import fixture
from transforms.config import InputConfig, LimitsConfig
from transforms.readers.archives import member_file, read_zip
from transforms.readers.inputs import InputFile
from transforms.records import QuarantineReason, QuarantineRecord


def test_member_references_name_the_member_by_position_without_a_key(tmp_path: Path) -> None:
    f = put(tmp_path, "up.zip", make_zip([("Payroll Okafor/salaries.txt", b"x"), ("b.gz", b"\x1f\x8b")]))
    first, second = read(f)
    assert (first.id, first.source, first.source_ref) == (
        fid(member(f, "Payroll Okafor/salaries.txt", 1)),
        "up.zip!Payroll Okafor/salaries.txt",
        opq(member(f, "Payroll Okafor/salaries.txt", 1)),
    )
    assert second == qrec(member(f, "b.gz", 2), UNSUPPORTED, "NestedArchive", raw=b"\x1f\x8b")
    assert "Okafor" not in second.source + second.id


@pytest.mark.parametrize(
    "name, data, reason, code",
    [
        ("x.zip.gz", b"\x1f\x8b anything", QuarantineReason.UNSUPPORTED_TYPE, "NestedArchive"),
        ("x.zip", b"PK\x05\x06 broken directory", QuarantineReason.DECODE_ERROR, "BadZipFile"),
        ("x.zip", make_zip([("rows.parquet", b"PAR1")]), QuarantineReason.UNSUPPORTED_TYPE, "ParquetInArchive"),
        ("x.zip", make_zip([("Okafor.png", fixture("photo.png"))]), QuarantineReason.UNSUPPORTED_TYPE, "PngImage"),
        ("x.zip", make_zip([("cv.docx", b"junk")]), QuarantineReason.DECODE_ERROR, "BadZipFile"),
    ],
)
def test_archive_outcomes(tmp_path: Path, name: str, data: bytes, reason: QuarantineReason, code: str) -> None:
    (record,) = read(put(tmp_path, name, data))
    assert isinstance(record, QuarantineRecord) and (record.reason, record.error_class) == (reason, code)


def test_member_file_is_the_archive_seen_at_the_member_path() -> None:
    f = InputFile(2, "/up", "/up/batch/all.zip", "batch/all.zip", namespace="up", ordinal=7)
    assert member_file(f, "docs/a.txt", 3) == InputFile(
        2, "/up", "/up/batch/all.zip", "batch/all.zip!docs/a.txt", "docs/a.txt", "up", 7, 3
    )


def test_members_are_read_in_order_by_their_own_kind(tmp_path: Path) -> None:
    row = b'{"id": "r1", "text": "row text"}'
    eml = b"Subject: hello\nContent-Type: text/plain\n\nbody\n"
    members = [("b/notes.txt", b"plain"), ("a/rows.ndjson", row + b"\n"), ("mail.EML", eml), ("big.txt", b"x" * 26)]
    f = put(tmp_path, "up.zip", make_zip(members))
    assert list(read_zip(f, False, InputConfig(), LimitsConfig(max_record_chars=25))) == [
        file_doc(member(f, "b/notes.txt", 1), "plain", b"plain"),
        line_doc(member(f, "a/rows.ndjson", 2), 1, "r1", "row text", row),
        file_doc(member(f, "mail.EML", 3), "Subject: hello\n\nbody\n", eml),
        qrec(
            member(f, "big.txt", 4), TOO_LARGE, "RecordTooLarge", record_id=fid(member(f, "big.txt", 4)), raw=b"x" * 26
        ),
    ]


def test_archive_over_the_limits_is_one_record_with_its_digest(tmp_path: Path) -> None:
    data = make_zip([(f"m{i}.txt", b"x") for i in range(3)])
    f = put(tmp_path, "many.zip", data)
    assert list(read_zip(f, False, InputConfig(), LimitsConfig(max_archive_members=2))) == [
        qrec(f, TOO_LARGE, "TooManyMembers", raw=data)
    ]
    assert list(read_zip(f, True, InputConfig(), LimitsConfig())) == [qrec(f, UNSUPPORTED, "NestedArchive")]
