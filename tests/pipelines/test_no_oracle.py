"""Issue 15.1: nothing a run publishes confirms a guessed value without the state key.

An attacker who holds the output and knows scrubline's code computes the plain SHA-256 of what they
guess (a record's id, source and text as the old content fingerprint hashed them, an uploaded file's
bytes, one JSONL line, a row of a Parquet upload, an exclusion value or a proprietary term in several
encodings, the old rule-digest construction, a file's or zip member's path in several forms and the
old unkeyed construction of derived ids and opaque sources from root and path) and looks for it
anywhere in the output folder (every file's bytes and every Parquet table decoded), the console and
the logs. None may appear, with the state key set (every content digest and derived id is then an
HMAC) and without it (content digests are then left out, derived ids are ordinals in the listing).
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import posixpath
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import yaml

from pipelines.cli import main
from transforms.config import parse_config
from transforms.readers.dispatch import read_input_file
from transforms.readers.inputs import InputFile, expand_inputs
from transforms.records import Document, QuarantineRecord, content_sha256

STATE_KEY = "state-key-for-oracle-tests-0001"
RECORDS = [
    {"id": "n1", "text": "Call Dana Whitfield on +1 415 555 0199 about Kestrel Ridge", "uploader": "u-alpha"},
    {"id": "n2", "text": "Deploy to build07.corp.example.net, ticket OPS-44120", "uploader": "u-beta"},
    {"id": "n3", "text": "A note from a contributor who withdrew", "uploader": "u-withdrawn"},
    {"id": "n4", "text": "Bluefin budget: 12,400 for Q3", "uploader": "u-alpha", "language": "en"},
]
CONFIG = {
    "detectors": ["presidio", "credentials", "proprietary_terms", "internal_domains", "patterns"],
    "input": {
        "keep_fields": ["language"],
        "exclude": [{"field": "uploader", "values": ["u-withdrawn", "u-never-uploaded"]}],
    },
    "proprietary": {"terms": {"CODENAME": ["Bluefin", "Kestrel Ridge"]}, "internal_domains": ["corp.example.net"]},
    "patterns": [{"entity": "TICKET_ID", "regex": r"\bOPS-\d{5}\b", "score": 0.9}],
    "limits": {"max_quarantine_ratio": 1.0},
    "output": {"num_shards": 2},
}
# Rule values as the old manifest digested them: sha256("scrubline-rule" NUL parts joined by NUL).
RULE_PARTS = [
    ("CODENAME", "bluefin"),
    ("CODENAME", "kestrel ridge"),
    ("corp.example.net",),
    (r"\bOPS-\d{5}\b",),
    ("uploader", "u-withdrawn"),
    ("uploader", "u-never-uploaded"),
]


def _uploads(root: Path) -> Path:
    src = root / "uploads"
    (src / "notes").mkdir(parents=True)
    lines = [json.dumps(r) for r in RECORDS] + ['{"id": "n5", "text": unquoted}']  # the last: invalid_record
    (src / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (src / "notes" / "summary.txt").write_text("Kestrel Ridge sync with dana.whitfield@example.org\n", encoding="utf-8")
    (src / "blob.bin").write_bytes(b"\x7fELF\x02\x01\x01 not text")  # unsupported_type
    table = pa.table({"id": ["p1"], "text": ["Ring 020 7946 0958 re Bluefin"], "uploader": ["u-gamma"]})
    pq.write_table(table, src / "table.parquet")
    with zipfile.ZipFile(src / "bundle.zip", "w") as zf:  # a member named after a person, and one quarantined
        zf.writestr("people/Dana Whitfield.txt", "Quarterly notes.\n")
        zf.writestr("people/Dana Whitfield.png", b"\x89PNG\r\n\x1a\n\x00\x00 not text")
    return src


def _old_derived(kind: str, root: str, relpath: str, member: str) -> bytes:
    """A derived id before it was keyed: sha256 over kind, root, relative path and member name."""
    h = hashlib.sha256(b"scrubline-derived-id")
    for part in (kind, root, relpath, member):
        data = part.encode()
        h.update(len(data).to_bytes(8, "big") + data)
    return h.digest()


def _places(src: Path) -> Iterator[InputFile]:
    """Every file and zip member of the uploads, as a reader names it (members: ``archive!member``)."""
    for f in expand_inputs([str(src)]):
        yield f
        if f.relpath.endswith(".zip"):
            for name in zipfile.ZipFile(f.path).namelist():
                yield InputFile(0, f.root, f.path, f"{f.relpath}!{name}", name)


def _path_digests(src: Path) -> set[bytes]:
    """Plain SHA-256 of every path a guess could name, and the old unkeyed derived ids and sources."""
    digests: set[bytes] = set()
    for f in _places(src):
        roots = {f.root, f.root + "/", os.path.basename(f.root), ""}
        for root in roots:
            digests.update(_old_derived(kind, root, f.relpath, f.member) for kind in ("f", "m", "r", "src"))
        names = {f.relpath, f.member, f.path, os.path.join(f.root, f.relpath), posixpath.basename(f.relpath)}
        names |= {f"{src.name}/{f.relpath}", f.relpath.split("!")[-1], f.root, src.name}
        for name in names - {""}:
            digests.update(hashlib.sha256(e).digest() for e in _encodings(name))
    return digests


def _encodings(value: str) -> Iterator[bytes]:
    for form in {value, value.casefold(), value.upper(), unicodedata.normalize("NFKD", value)}:
        for encoding in ("utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32-le", "latin-1"):
            yield form.encode(encoding, "ignore")


def _digest_forms(digest: bytes) -> Iterator[bytes]:
    """How a digest may be written: hex (whole, 16 and 32 digits, upper case), base64, raw bytes."""
    hexed = digest.hex()
    for text in (hexed, hexed[:16], hexed[:32], hexed.upper(), base64.b64encode(digest).decode()):
        yield text.encode("ascii")
    yield base64.urlsafe_b64encode(digest).rstrip(b"=")
    yield digest


def _plain_digests(src: Path) -> set[bytes]:
    """Every plain SHA-256 an attacker could match a guess against, in every written form."""
    cfg = parse_config(CONFIG)
    digests: set[bytes] = set()
    for f in expand_inputs([str(src)]):
        data = Path(f.path).read_bytes()
        digests.add(hashlib.sha256(data).digest())
        digests.update(hashlib.sha256(line).digest() for line in data.splitlines())
        for item in read_input_file(f, cfg.input, cfg.limits):  # what the old code hashed, record by record
            if isinstance(item, Document):
                digests.add(bytes.fromhex(content_sha256(item)))
                digests.update(hashlib.sha256(e).digest() for e in _encodings(item.text))
            if isinstance(item, (Document, QuarantineRecord)) and item.input_sha256:
                digests.add(bytes.fromhex(item.input_sha256))
    values = [v for r in RECORDS for v in r.values()] + ["u-never-uploaded", "u-gamma", "Bluefin", "Kestrel Ridge"]
    values += ["corp.example.net", r"\bOPS-\d{5}\b", "Dana Whitfield", "+1 415 555 0199", "020 7946 0958"]
    for value in values:
        digests.update(hashlib.sha256(e).digest() for e in _encodings(value))
    for parts in RULE_PARTS:
        digests.add(hashlib.sha256(("scrubline-rule\x00" + "\x00".join(parts)).encode()).digest())
    digests |= _path_digests(src)
    return {form for d in digests for form in _digest_forms(d)}


def _surfaces(out: Path, console: Any, logs: str) -> dict[str, bytes]:
    """Every file of the output as bytes, every Parquet table decoded, the console and the logs."""
    found = {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    for p in sorted(out.rglob("*.parquet")):
        found[f"{p.relative_to(out)} (decoded)"] = json.dumps(pq.read_table(p).to_pylist()).encode()
    found.update(stdout=console.out.encode(), stderr=console.err.encode(), logs=logs.encode())
    return found


def _run(tmp_path: Path, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]) -> tuple[Path, Any]:
    src = _uploads(tmp_path)
    config = tmp_path / "c.yaml"
    config.write_text(yaml.safe_dump({"extends": "none", **CONFIG}), encoding="utf-8")  # CONFIG alone, no defaults
    caplog.set_level(logging.DEBUG)
    out = tmp_path / "out"
    argv = ["run", "--input", str(src), "--output", str(out), "--config", str(config), "--log-level", "DEBUG"]
    assert main([*argv, "--progress-seconds", "0"]) == 0
    console = capfd.readouterr()
    oracles = _plain_digests(src)
    surfaces = _surfaces(out, console, caplog.text)
    assert [(where, o) for where, data in surfaces.items() for o in oracles if o in data] == []
    return out, console


def _rows(out: Path, kind: str) -> list[dict[str, Any]]:
    return sorted((r for p in sorted((out / kind).glob("*.parquet")) for r in pq.read_table(p).to_pylist()), key=str)


def test_with_the_state_key_no_plain_digest_appears_and_every_digest_is_keyed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture
) -> None:
    monkeypatch.setenv("SCRUBLINE_STATE_KEY", STATE_KEY)
    out, console = _run(tmp_path, caplog, capfd)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"] | {"entities": None} == {
        "read": 10,
        "written": 6,
        "quarantined": 3,
        "excluded": 1,
        "quarantine_reasons": {"invalid_record": 1, "unsupported_type": 2},
        "entities": None,
    }
    # The digests are there, keyed: 64 hex digits each (16 for rule digests), none of them plain.
    assert len(manifest["state_key"]) == 16 and len(manifest["hmac"]) == 64
    assert all(len(i["hmac"]) == 64 for i in manifest["inputs"]) and len(manifest["inputs"]) == 5
    recorded = manifest["config"]
    assert [len(d) for d in recorded["proprietary"]["terms"]["CODENAME"]] == [16, 16]
    assert [len(d) for d in recorded["input"]["exclude"][0]["values"]] == [16, 16]
    fingerprints = _rows(out, "fingerprints")
    assert sorted(r["status"] for r in fingerprints) == ["excluded", *["quarantined"] * 3, *["written"] * 6]
    for r in fingerprints:
        assert len(r["fingerprint_hmac"]) == 64
        assert (len(r["content_hmac"]), len(r["output_hmac"])) == ((64, 64) if r["status"] == "written" else (0, 0))
    assert [len(r["input_hmac"]) for r in _rows(out, "quarantine")] == [64, 64, 64]
    # Derived ids and opaque sources are keyed too: an HMAC of where a file is, of the usual shapes.
    assert all(re.fullmatch(r"src-[0-9a-f]{16}", i["source"]) for i in manifest["inputs"])
    derived = sorted(r["id"] for r in fingerprints if r["id"].startswith("~"))
    assert [re.sub(r"[0-9a-f]{32}", "<hmac>", i) for i in derived] == [
        "~f-<hmac>",
        "~f-<hmac>",
        "~m-<hmac>",
        "~m-<hmac>",
        "~r-<hmac>#L5",
    ]
    assert "note:" not in console.out


def test_without_the_state_key_content_digests_are_left_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture
) -> None:
    monkeypatch.delenv("SCRUBLINE_STATE_KEY", raising=False)
    out, console = _run(tmp_path, caplog, capfd)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert (manifest["state_key"], manifest["hmac"]) == (None, None)
    assert [i["hmac"] for i in manifest["inputs"]] == [None] * 5
    assert manifest["config"]["proprietary"] == {"terms": {"CODENAME": 2}, "internal_domains": 1}
    assert manifest["config"]["input"]["exclude"] == [{"field": "uploader", "values": 2}]
    assert manifest["config"]["patterns"][0]["regex_hmac"] is None
    digests = {(r["content_hmac"], r["output_hmac"], r["fingerprint_hmac"]) for r in _rows(out, "fingerprints")}
    assert digests == {("", "", "")}
    assert [r["input_hmac"] for r in _rows(out, "quarantine")] == ["", "", ""]
    # Derived ids and opaque sources are ordinals in the listing (batch.jsonl, blob.bin, bundle.zip,
    # notes/summary.txt, table.parquet): nothing a guessed path can be hashed into.
    assert sorted(i["source"] for i in manifest["inputs"]) == [f"src-{n:06d}" for n in range(5)]
    assert sorted(r["id"] for r in _rows(out, "fingerprints") if r["id"].startswith("~")) == [
        "~f-000001",
        "~f-000003",
        "~m-000002.1",
        "~m-000002.2",
        "~r-000000#L5",
    ]
    assert sorted(r["source"] for r in _rows(out, "quarantine")) == ["src-000000#L5", "src-000001", "src-000002.2"]
    assert console.out.splitlines()[-1] == (
        "scrubline: note: SCRUBLINE_STATE_KEY is not set, so no content digests were written (fingerprints, "
        "quarantine and manifest input digests are empty, rule digests left out); --previous and diff need "
        "runs made with it"
    )
