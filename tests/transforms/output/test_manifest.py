from __future__ import annotations

import json
from pathlib import Path

import pytest

from transforms.output.manifest import ManifestError, build_manifest, write_manifest
from transforms.output.shards import OutputFile

FILES = [
    OutputFile("records/part-00000-of-00001.parquet", "a" * 64, 3, 100),
    OutputFile("quarantine/part-00000-of-00001.parquet", "b" * 64, 1, 50),
]


def _build(read: int, **extra: object) -> dict:
    return build_manifest(
        read=read,
        files=FILES,
        entities={"PERSON": 2, "EMAIL_ADDRESS": 1},
        quarantine_reasons={"decode_error": 1},
        ruleset="r",
        versions={"x": "1"},
        key_ids={},
        num_shards=1,
        **extra,  # type: ignore[arg-type]
    )


def test_manifest_counts_and_files(tmp_path: Path) -> None:
    manifest = _build(4)
    assert manifest["counts"] == {
        "read": 4,
        "written": 3,
        "quarantined": 1,
        "excluded": 0,
        "quarantine_reasons": {"decode_error": 1},
        "entities": {"EMAIL_ADDRESS": 1, "PERSON": 2},
    }
    assert [f["path"] for f in manifest["files"]] == sorted(f.path for f in FILES)
    path = write_manifest(str(tmp_path), manifest)
    assert json.loads(Path(path).read_text()) == manifest
    assert [p.name for p in tmp_path.iterdir()] == ["manifest.json"]


def test_counts_that_do_not_add_up_publish_nothing() -> None:
    with pytest.raises(ManifestError, match="read=5 written=3 quarantined=1 excluded=0"):
        _build(5)


def test_the_state_key_is_named_by_its_id_and_inputs_by_their_keyed_digest() -> None:
    assert _build(4)["state_key"] is None and _build(4)["manifest_version"] == 3
    inputs = [{"source": "src-2", "bytes": 5, "hmac": "d2"}, {"source": "src-1", "bytes": 3, "hmac": None}]
    manifest = _build(4, state_key="0123456789abcdef", inputs=inputs)
    assert manifest["state_key"] == "0123456789abcdef"
    assert manifest["inputs"] == [inputs[1], inputs[0]]
