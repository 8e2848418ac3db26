"""Issue 15.1: nothing a run publishes confirms a guessed value without the state key.

An attacker who holds the output and knows scrubline's code computes the plain SHA-256 of what they
guess (a record's id, source and text as the old content fingerprint hashed them, an uploaded file's
bytes, one JSONL line, a row of a Parquet upload, an exclusion value or a proprietary term in several
encodings, the old rule-digest construction) and looks for it anywhere in the output folder (every
file's bytes and every Parquet table decoded), the console and the logs. None may appear, with the
state key set (every content digest is then an HMAC) and without it (they are then left out).
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import unicodedata
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
from transforms.readers.inputs import expand_inputs
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
    return src


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
        "read": 8,
        "written": 5,
        "quarantined": 2,
        "excluded": 1,
        "quarantine_reasons": {"invalid_record": 1, "unsupported_type": 1},
        "entities": None,
    }
    # The digests are there, keyed: 64 hex digits each (16 for rule digests), none of them plain.
    assert len(manifest["state_key"]) == 16 and len(manifest["hmac"]) == 64
    assert all(len(i["hmac"]) == 64 for i in manifest["inputs"]) and len(manifest["inputs"]) == 4
    recorded = manifest["config"]
    assert [len(d) for d in recorded["proprietary"]["terms"]["CODENAME"]] == [16, 16]
    assert [len(d) for d in recorded["input"]["exclude"][0]["values"]] == [16, 16]
    fingerprints = _rows(out, "fingerprints")
    assert sorted(r["status"] for r in fingerprints) == ["excluded", *["quarantined"] * 2, *["written"] * 5]
    for r in fingerprints:
        assert len(r["fingerprint_hmac"]) == 64
        assert (len(r["content_hmac"]), len(r["output_hmac"])) == ((64, 64) if r["status"] == "written" else (0, 0))
    assert [len(r["input_hmac"]) for r in _rows(out, "quarantine")] == [64, 64]
    assert "note:" not in console.out


def test_without_the_state_key_content_digests_are_left_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture
) -> None:
    monkeypatch.delenv("SCRUBLINE_STATE_KEY", raising=False)
    out, console = _run(tmp_path, caplog, capfd)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert (manifest["state_key"], manifest["hmac"]) == (None, None)
    assert [i["hmac"] for i in manifest["inputs"]] == [None] * 4
    assert manifest["config"]["proprietary"] == {"terms": {"CODENAME": 2}, "internal_domains": 1}
    assert manifest["config"]["input"]["exclude"] == [{"field": "uploader", "values": 2}]
    assert manifest["config"]["patterns"][0]["regex_hmac"] is None
    digests = {(r["content_hmac"], r["output_hmac"], r["fingerprint_hmac"]) for r in _rows(out, "fingerprints")}
    assert digests == {("", "", "")}
    assert [r["input_hmac"] for r in _rows(out, "quarantine")] == ["", ""]
    assert console.out.splitlines()[-1] == (
        "scrubline: note: SCRUBLINE_STATE_KEY is not set, so no content digests were written (fingerprints, "
        "quarantine and manifest input digests are empty, rule digests left out); --previous and diff need "
        "runs made with it"
    )
