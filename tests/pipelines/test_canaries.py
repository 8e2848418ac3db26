"""Issue 3.2: canary leak test. Unique canary values of every entity type are planted in bodies,
kept metadata and file names of 2,000+ records, some forced down every error path; with logging at
DEBUG, no canary may appear anywhere: clean records, redaction logs, quarantine, manifest, logs,
console output."""

from __future__ import annotations

import hashlib
import json
import logging
import re
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import yaml

from pipelines.cli import main
from transforms.detectors.base import DetectionTimeout
from transforms.detectors.terms import ProprietaryTermDetector


def luhn_card(n: int) -> str:
    digits = [4, 5, 3, 9] + [int(c) for c in f"{n:011d}"]
    total = 0
    for i, d in enumerate(reversed(digits)):
        total += sum(divmod(d * 2, 10)) if i % 2 == 0 else d
    digits.append((10 - total % 10) % 10)
    s = "".join(map(str, digits))
    return " ".join(s[i : i + 4] for i in range(0, 16, 4))


def gb_iban(n: int) -> str:
    bban = f"WEST{n:014d}"
    rearranged = "".join(str(int(c, 36)) for c in bban + "GB00")
    check = 98 - int(rearranged) % 97
    return f"GB{check:02d}{bban}"


def canaries(i: int) -> dict[str, str]:
    """Unique values, one per entity type, for record ``i``."""
    return {
        "EMAIL_ADDRESS": f"cnry{i:05d}.mail@example.com",
        "PHONE_NUMBER": f"(212) 555-{i % 10000:04d}",
        "CREDIT_CARD": luhn_card(i),
        "IBAN_CODE": gb_iban(i),
        "IP_ADDRESS": f"10.{i // 250 % 250}.{i % 250}.{(i * 7) % 250 + 1}",
        "URL": f"https://cnryurl{i:05d}.example.com/users/cnry{i:05d}",
        "API_KEY": f"AKIA{i:06d}CNRYQZXWVU",
        "PASSWORD": f"Cnry!pw{i:05d}x",
        "INTERNAL_HOST": f"cnryhost{i:05d}.corp.example.net",
        "CODENAME": f"Cnryterm{i:05d}",
        "TICKET_ID": f"CNRY-{i:06d}",
    }


def body(i: int) -> str:
    c = canaries(i)
    return (
        f"Hi, write to {c['EMAIL_ADDRESS']} or call {c['PHONE_NUMBER']}. Card {c['CREDIT_CARD']}, "
        f"IBAN {c['IBAN_CODE']}. Server {c['IP_ADDRESS']}, profile {c['URL']}.\n"
        f'aws_access_key_id = "{c["API_KEY"]}"\npassword = "{c["PASSWORD"]}"\n'
        f"Deploy to {c['INTERNAL_HOST']} for project {c['CODENAME']} ({c['TICKET_ID']})."
    )


N_JSONL = 1900
N_RAW = 150


def _config(tmp_path: Path) -> Path:
    cfg = {
        "detectors": ["presidio", "credentials", "proprietary_terms", "internal_domains", "patterns"],
        "input": {"keep_fields": ["language"]},
        "proprietary": {
            "terms": {"CODENAME": [f"Cnryterm{i:05d}" for i in range(N_JSONL + N_RAW)]},
            "internal_domains": ["corp.example.net"],
        },
        "patterns": [{"entity": "TICKET_ID", "regex": r"\bCNRY-\d{6}\b", "score": 0.9}],
        "limits": {"max_quarantine_ratio": 1.0, "max_record_chars": 5000},
        "output": {"num_shards": 2},
    }
    path = tmp_path / "c.yaml"
    path.write_text(yaml.safe_dump(cfg))
    return path


def test_no_canary_leaves_through_any_door(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture
) -> None:
    src = tmp_path / "uploads"
    (src / "raw").mkdir(parents=True)
    planted: list[str] = []
    lines = []
    for i in range(N_JSONL):
        planted.extend(canaries(i).values())
        text = body(i)
        if i % 100 == 1:
            text = f"EXPLODE {text}"  # detector error path
        elif i % 100 == 2:
            text = f"SLOWDOWN {text}"  # timeout path
        elif i % 100 == 3:
            text = text + " pad" * 2000  # over max_record_chars
        lines.append(json.dumps({"id": f"r{i}", "text": text, "language": canaries(i)["EMAIL_ADDRESS"]}))
    (src / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for j in range(N_RAW):
        i = N_JSONL + j
        planted.extend(canaries(i).values())
        name = f"{canaries(i)['CODENAME']}_{canaries(i)['EMAIL_ADDRESS']}.txt"
        data = body(i).encode()
        if j % 3 == 0:
            data = data + b"\xff\xfe undecodable"  # decode error path
        (src / "raw" / name).write_bytes(data)

    real_detect = ProprietaryTermDetector.detect

    def hostile_detect(self, texts):
        for t in texts:
            if "EXPLODE" in t:
                raise RuntimeError(f"cannot handle {t}")  # a message that quotes the input
            if "SLOWDOWN" in t:
                raise DetectionTimeout(f"too slow on {t}")
        return real_detect(self, texts)

    monkeypatch.setattr(ProprietaryTermDetector, "detect", hostile_detect)
    monkeypatch.setenv("SCRUBLINE_STATE_KEY", "state-key-for-canary-tests-001")  # every digest keyed
    caplog.set_level(logging.DEBUG)
    out = tmp_path / "out"
    code = main(
        ["run", "--input", str(src), "--output", str(out), "--config", str(_config(tmp_path)), "--log-level", "DEBUG"]
    )
    assert code == 0
    console = capfd.readouterr()

    manifest = json.loads((out / "manifest.json").read_text())
    counts = manifest["counts"]
    assert counts["read"] == N_JSONL + N_RAW >= 2000
    assert counts["read"] == counts["written"] + counts["quarantined"]
    reasons = counts["quarantine_reasons"]
    assert reasons == {"decode_error": 50, "detector_error": 19, "timeout": 19, "too_large": 19}

    surfaces = {
        "manifest": (out / "manifest.json").read_text(),
        "logs": caplog.text,
        "stdout": console.out,
        "stderr": console.err,
        "file names": "\n".join(str(p.relative_to(out)) for p in out.rglob("*")),
    }
    for kind in ("records", "quarantine", "fingerprints"):
        rows = [r for f in sorted((out / kind).glob("*.parquet")) for r in pq.read_table(f).to_pylist()]
        surfaces[kind] = json.dumps(rows, ensure_ascii=False)
    assert "<EMAIL_ADDRESS>" in surfaces["records"]  # the records are there, redacted
    for where, text in surfaces.items():
        folded = text.casefold()
        leaked = [c for c in planted if c.casefold() in folded]
        assert leaked == [], f"leak through {where}: " + _debug_where(text, leaked[0])
    # No plain sha256 of a canary, an input line or an input file confirms a guess (issue 15.1).
    raw = [
        line for p in sorted(src.rglob("*")) if p.is_file() for line in (p.read_bytes(), *p.read_bytes().splitlines())
    ]
    digests = {hashlib.sha256(v.encode()).hexdigest() for v in planted} | {hashlib.sha256(b).hexdigest() for b in raw}
    shown = {m for text in surfaces.values() for m in re.findall(r"[0-9a-f]{16,64}", text)}
    assert not {d for d in digests if d in shown or d[:16] in shown}


def _debug_where(caplog_text: str, needle: str) -> str:
    return "\n".join(line[:300] for line in caplog_text.splitlines() if needle in line)[:3000]
