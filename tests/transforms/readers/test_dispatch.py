"""Unit tests for transforms.readers.dispatch: every input file through ``read_input_file`` (no Beam)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.transforms.readers.helpers import READ, file_doc, line_doc, member, opq, put, qrec, read, sha
from tests.transforms.readers.office import (
    DOCX_TEXT,
    FIXTURES,
    HTML_TEXT,
    MSG_TEXT,
    PDF_TEXT,
    PPTX_TEXT,
    XLSX_TEXT,
    fixture,
)
from transforms.config import InputConfig, LimitsConfig
from transforms.readers.dispatch import read_input_file
from transforms.readers.inputs import InputFile, expand_inputs
from transforms.records import Document, QuarantineReason, QuarantineRecord


def test_the_file_name_on_disk_chooses_the_reader(tmp_path: Path) -> None:
    line = b'{"id": "n1", "text": "t"}'
    (tmp_path / "rows.JSONL").write_bytes(line + b"\n")
    f = InputFile(0, str(tmp_path), str(tmp_path / "rows.JSONL"), "rows.JSONL")
    assert read(f) == [line_doc(f, 1, "n1", "t", line)]


@pytest.mark.parametrize(
    "name, make, error_class",
    [
        ("gone.txt", None, "FileNotFoundError"),
        ("gone.jsonl", None, "FileNotFoundError"),
        ("gone.parquet", None, "FileNotFoundError"),
        ("gone.eml", None, "FileNotFoundError"),
        ("adir.txt", "dir", "IsADirectoryError"),
        ("adir.jsonl.gz", "dir", "IsADirectoryError"),
    ],
)
def test_environment_failures_are_read_errors(tmp_path: Path, name: str, make: str | None, error_class: str) -> None:
    if make == "dir":
        (tmp_path / name).mkdir()
    f = InputFile(0, str(tmp_path), str(tmp_path / name), name)
    assert read(f) == [qrec(f, READ, error_class)]


def _fixture_file(relpath: str) -> InputFile:
    """The fixture as the run's listing numbers it (its ids without a key are its ordinal)."""
    return next(f for f in expand_inputs([str(FIXTURES)]) if f.relpath == relpath)


def test_every_fixture_is_a_record_or_quarantined_with_the_expected_reason() -> None:
    limits = LimitsConfig(max_archive_members=100)
    at = _fixture_file
    bundle_zip = at("bundle.zip")
    out = {f.relpath: list(read_input_file(f, InputConfig(), limits)) for f in expand_inputs([str(FIXTURES)])}
    bundle = zipfile.ZipFile(FIXTURES / "bundle.zip")
    inner = {n: bundle.read("bundle/" + n) for n in ("review.docx", "reference.pdf", "team.html", "minutes.txt")}
    rows = bundle.read("bundle/rows.jsonl").split(b"\n")
    U, D, T = QuarantineReason.UNSUPPORTED_TYPE, QuarantineReason.DECODE_ERROR, QuarantineReason.TOO_LARGE
    assert out == {
        "bomb.zip": [qrec(at("bomb.zip"), T, "CompressionRatioTooHigh", raw=fixture("bomb.zip"))],
        "bundle.zip": [
            file_doc(member(bundle_zip, "bundle/review.docx", 1), DOCX_TEXT, inner["review.docx"]),
            file_doc(member(bundle_zip, "bundle/reference.pdf", 2), PDF_TEXT, inner["reference.pdf"]),
            file_doc(member(bundle_zip, "bundle/team.html", 3), HTML_TEXT, inner["team.html"]),
            file_doc(
                member(bundle_zip, "bundle/minutes.txt", 4),
                "Minutes taken by Helen Castellano, (212) 555-0199.\n",
                inner["minutes.txt"],
            ),
            Document(
                "bundle-row-1",
                "Ping margaret.okafor@example.org",
                "bundle.zip!bundle/rows.jsonl#L1",
                (),
                sha(rows[0]),
                len(rows[0]),
                opq(member(bundle_zip, "bundle/rows.jsonl", 5), "#L1"),
            ),
            Document(
                "bundle-row-2",
                "Ask Daniel Whitcombe",
                "bundle.zip!bundle/rows.jsonl#L2",
                (),
                sha(rows[1]),
                len(rows[1]),
                opq(member(bundle_zip, "bundle/rows.jsonl", 5), "#L2"),
            ),
            qrec(member(bundle_zip, "bundle/inner.zip", 6), U, "NestedArchive", raw=bundle.read("bundle/inner.zip")),
            qrec(member(bundle_zip, "bundle/locked.txt", 7), U, "EncryptedMember", size=25),
        ],
        "corrupt.docx": [qrec(at("corrupt.docx"), D, "BadZipFile", raw=fixture("corrupt.docx"))],
        "hiring.pptx": [file_doc(at("hiring.pptx"), PPTX_TEXT, fixture("hiring.pptx"))],
        "legacy.doc": [qrec(at("legacy.doc"), U, "OleCompoundFile", raw=fixture("legacy.doc"))],
        "many-members.zip": [qrec(at("many-members.zip"), T, "TooManyMembers", raw=fixture("many-members.zip"))],
        "offer.msg": [file_doc(at("offer.msg"), MSG_TEXT, fixture("offer.msg"))],
        "payroll.xlsx": [file_doc(at("payroll.xlsx"), XLSX_TEXT, fixture("payroll.xlsx"))],
        "photo.png": [qrec(at("photo.png"), U, "PngImage", raw=fixture("photo.png"))],
        "random.bin": [qrec(at("random.bin"), U, "BinaryContent", raw=fixture("random.bin"))],
        "reference.pdf": [file_doc(at("reference.pdf"), PDF_TEXT, fixture("reference.pdf"))],
        "review.docx": [file_doc(at("review.docx"), DOCX_TEXT, fixture("review.docx"))],
        "team.html": [file_doc(at("team.html"), HTML_TEXT, fixture("team.html"))],
    }


def test_quarantine_never_carries_names_or_content() -> None:
    limits = LimitsConfig(max_archive_members=100)
    records = [r for f in expand_inputs([str(FIXTURES)]) for r in read_input_file(f, InputConfig(), limits)]
    rows = [r for r in records if isinstance(r, QuarantineRecord)]
    assert len(rows) == 8
    for r in rows:
        blob = f"{r.id} {r.source} {r.error_class} {r.input_sha256}"
        for word in ("Okafor", "bundle", "locked", "inner", "photo", "random", "legacy", "bomb", "zip", "docx"):
            assert word not in blob


# --- no file names or content in quarantine records ----------------------------------------------------


def test_quarantine_records_never_carry_file_names_or_content(tmp_path: Path) -> None:
    name = "secret-customer-Hexacore/payroll"
    files = [
        put(tmp_path, f"{name}.txt", b"Hexacore\x00"),
        put(tmp_path, f"{name}.jsonl", b'{"id": true, "text": "Hexacore"}\n{"text": "Hexacore"\n'),
        put(tmp_path, f"{name}.parquet", b"Hexacore"),
        put(tmp_path, f"{name}.csv.gz", b"Hexacore"),
    ]
    out = [r for f in files for r in read(f)]
    assert len(out) == 5 and all(isinstance(r, QuarantineRecord) for r in out)
    for r in out:
        for value in (r.id, r.source, r.error_class, r.input_sha256):
            assert "Hexacore" not in value and "secret" not in value and "payroll" not in value


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300), suffix=st.sampled_from([".jsonl", ".txt", ".eml", ".jsonl.gz", ".parquet"]))
def test_arbitrary_bytes_never_raise_and_every_line_is_accounted_for(tmp_path: Path, data: bytes, suffix: str) -> None:
    f = put(tmp_path, "fuzz" + suffix, data)
    out = read(f, InputConfig(keep_fields=["k"]))
    assert all(isinstance(r, (Document, QuarantineRecord)) for r in out)
    if suffix == ".jsonl":
        lines = data.split(b"\n")
        assert len(out) == sum(1 for line in lines if line.strip())
    elif suffix in (".txt", ".eml"):
        assert len(out) == 1
