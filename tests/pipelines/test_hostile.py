"""Issue 3.1: hostile and broken input. The job finishes, nothing is lost, every bad input is
quarantined with the expected reason, and every other one is processed."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import yaml

from pipelines.cli import main
from tests import hostile_corpus

CONFIG = {
    "detectors": ["presidio", "credentials", "proprietary_terms", "internal_domains", "patterns"],
    "input": {"keep_fields": ["language"]},
    "limits": {"max_quarantine_ratio": 1.0, "max_record_chars": 12_000_000},
    "output": {"num_shards": 3},
}


def _run(tmp_path: Path, big: bool) -> tuple[dict[str, str], dict[str, str], dict]:
    expected = hostile_corpus.build(tmp_path / "in", big=big)
    cfg = tmp_path / "c.yaml"
    cfg.write_text(yaml.safe_dump(CONFIG))
    out = tmp_path / "out"
    assert main(["run", "--input", str(tmp_path / "in"), "--output", str(out), "--config", str(cfg)]) == 0
    got: dict[str, str] = {}
    for kind in ("records", "quarantine"):
        for f in sorted((out / kind).glob("*.parquet")):
            for row in pq.read_table(f).to_pylist():
                outcome = "record" if kind == "records" else row["reason"]
                assert got.setdefault(row["id"], outcome) == outcome
    manifest = json.loads((out / "manifest.json").read_text())
    return expected, got, manifest


def test_hostile_corpus(tmp_path: Path) -> None:
    expected, got, manifest = _run(tmp_path, big=False)
    assert len(expected) >= 500
    assert got == expected
    counts = manifest["counts"]
    assert counts["read"] == counts["written"] + counts["quarantined"]
    assert counts["quarantined"] == sum(1 for v in expected.values() if v != "record") + 10  # dup ids: 2 rows each
    reasons = Counter(v for v in expected.values() if v != "record")
    reasons["duplicate_id"] = 20  # ten ids, each quarantined twice
    assert counts["quarantine_reasons"] == dict(sorted(reasons.items()))


@pytest.mark.slow
def test_hostile_corpus_with_huge_texts(tmp_path: Path) -> None:
    expected, got, _ = _run(tmp_path, big=True)
    assert got == expected
