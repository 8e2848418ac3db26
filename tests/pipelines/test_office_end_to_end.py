"""End to end: ``scrubline run`` over the committed folder of made-up office documents.

Every document is either cleaned (in records/) or quarantined with the expected reason, the counts add
up, and none of the invented people's names, e-mail addresses or phone numbers reaches the output.
Runs without the trained spaCy model: every detector but ``spacy_ner``.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import yaml

from pipelines.cli import main
from tests.fixtures.make_office_fixtures import EMAILS, PEOPLE, PHONES
from tests.pipelines.test_cli import listed
from transforms.config import LimitsConfig
from transforms.readers.archives import member_file
from transforms.readers.inputs import file_record_id
from transforms.readers.zipsafe import archive_members

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "office"

CONFIG = {
    "detectors": ["presidio", "credentials", "context", "person_names", "proprietary_terms", "internal_domains"],
    "limits": {"max_quarantine_ratio": 1.0, "max_archive_members": 100},
    "output": {"num_shards": 2},
}

RECORDS = [
    "review.docx",
    "hiring.pptx",
    "payroll.xlsx",
    "reference.pdf",
    "team.html",
    "offer.msg",
    "bundle.zip!bundle/review.docx",
    "bundle.zip!bundle/reference.pdf",
    "bundle.zip!bundle/team.html",
    "bundle.zip!bundle/minutes.txt",
]
QUARANTINED = {
    "bomb.zip": ("too_large", "CompressionRatioTooHigh"),
    "many-members.zip": ("too_large", "TooManyMembers"),
    "corrupt.docx": ("decode_error", "BadZipFile"),
    "photo.png": ("unsupported_type", "PngImage"),
    "random.bin": ("unsupported_type", "BinaryContent"),
    "legacy.doc": ("unsupported_type", "OleCompoundFile"),
    "bundle.zip!bundle/inner.zip": ("unsupported_type", "NestedArchive"),
    "bundle.zip!bundle/locked.txt": ("unsupported_type", "EncryptedMember"),
}


def record_id(root: Path, relpath: str) -> str:
    """The id of the file (``a.zip!member``: archive member) at ``relpath`` under the input ``root``."""
    archive, _, member = relpath.partition("!")
    f = listed(root, archive)
    if not member:
        return file_record_id(f)
    _, members = archive_members((root / archive).read_bytes(), LimitsConfig(max_archive_members=100))
    return file_record_id(member_file(f, member, [m.name for m in members].index(member) + 1))


def read_rows(out: Path, kind: str) -> list[dict]:
    rows = []
    for f in sorted((out / kind).glob("*.parquet")):
        rows.extend(pq.read_table(f).to_pylist())
    return sorted(rows, key=lambda r: r["id"])


def test_office_documents_end_to_end(tmp_path: Path) -> None:
    src = tmp_path / "uploads"
    shutil.copytree(FIXTURES, src)
    cfg = tmp_path / "config.yaml"
    cfg.write_text(yaml.safe_dump(CONFIG), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", "--input", str(src), "--output", str(out), "--config", str(cfg)]) == 0

    records = read_rows(out, "records")
    quarantine = read_rows(out, "quarantine")
    expected_records = sorted([record_id(src, p) for p in RECORDS] + ["bundle-row-1", "bundle-row-2"])
    assert [r["id"] for r in records] == expected_records
    assert sorted((q["id"], q["reason"], q["error_class"]) for q in quarantine) == sorted(
        (record_id(src, p), *outcome) for p, outcome in QUARANTINED.items()
    )

    counts = json.loads((out / "manifest.json").read_text())["counts"]
    assert (counts["read"], counts["written"], counts["quarantined"]) == (20, 12, 8)
    assert counts["read"] == counts["written"] + counts["quarantined"]
    assert counts["quarantine_reasons"] == {"decode_error": 1, "too_large": 2, "unsupported_type": 5}

    by_id = {r["id"]: r for r in records}
    assert by_id[record_id(src, "offer.msg")]["text"].startswith("From: <PERSON> <<EMAIL_ADDRESS>>\n")
    assert by_id[record_id(src, "bundle.zip!bundle/minutes.txt")]["source"] == "bundle.zip!bundle/minutes.txt"
    for row in records:
        assert row["redactions"], row["source"]  # every document carried personal data
        for value in (*PEOPLE, *EMAILS, *PHONES):
            assert value not in row["text"], (row["source"], value)
            assert value not in row["source"]
    for row in quarantine:
        assert not any(word in json.dumps(row) for word in ("bundle", "zip", "docx", "png", "Okafor"))
