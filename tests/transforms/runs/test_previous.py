"""Unit tests for transforms.runs.previous: loading the run ``--previous`` names, checked intact."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from transforms.runs.previous import PreviousRunError, load_previous_run


def publish(root: Path, files: dict[str, bytes]) -> dict:
    """A published run: ``files`` written under ``root`` and listed with their sha256 in manifest.json."""
    entries = []
    for rel, data in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
        entries.append({"path": rel, "sha256": hashlib.sha256(data).hexdigest()})
    manifest = {"ruleset": "r1", "files": entries}
    (root / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return manifest


def test_a_published_run_gives_its_manifest_and_sorted_shard_paths(tmp_path: Path) -> None:
    manifest = publish(
        tmp_path,
        {
            "records/part-00001-of-00002.parquet": b"r1",
            "records/part-00000-of-00002.parquet": b"r0",
            "fingerprints/part-00000-of-00001.parquet": b"f0",
            "quarantine/part-00000-of-00001.parquet": b"q0",
            "report.html": b"<html></html>",
        },
    )
    assert load_previous_run(str(tmp_path)) == (
        manifest,
        [str(tmp_path / "fingerprints/part-00000-of-00001.parquet")],
        [str(tmp_path / "records/part-00000-of-00002.parquet"), str(tmp_path / "records/part-00001-of-00002.parquet")],
    )


def test_no_manifest(tmp_path: Path) -> None:
    with pytest.raises(PreviousRunError) as info:
        load_previous_run(str(tmp_path))
    assert str(info.value) == "--previous holds no published run (no manifest.json)"


def test_unreadable_manifest(tmp_path: Path) -> None:
    (tmp_path / "manifest.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(PreviousRunError) as info:
        load_previous_run(str(tmp_path))
    assert str(info.value) == "--previous manifest.json cannot be read (JSONDecodeError)"


def test_a_missing_shard(tmp_path: Path) -> None:
    publish(tmp_path, {"records/part-00000-of-00001.parquet": b"r0"})
    (tmp_path / "records/part-00000-of-00001.parquet").unlink()
    with pytest.raises(PreviousRunError) as info:
        load_previous_run(str(tmp_path))
    assert str(info.value) == "--previous is incomplete: records/part-00000-of-00001.parquet is missing"


def test_a_shard_changed_after_publishing(tmp_path: Path) -> None:
    publish(tmp_path, {"fingerprints/part-00000-of-00001.parquet": b"f0"})
    (tmp_path / "fingerprints/part-00000-of-00001.parquet").write_bytes(b"f1")
    with pytest.raises(PreviousRunError) as info:
        load_previous_run(str(tmp_path))
    assert str(info.value) == (
        "--previous was modified after it was published: fingerprints/part-00000-of-00001.parquet differs"
    )
