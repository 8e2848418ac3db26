"""Unit tests for transforms.runs.previous: the run ``--previous`` names, verified under the state key."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from tests.transforms.runs.helpers import STATE_KEY
from transforms.beam.carryover import carried_document, reproduces
from transforms.output.keyed import seal_manifest, state_key_id
from transforms.output.schemas import FINGERPRINT_SCHEMA, record_fingerprint, record_row, records_schema
from transforms.output.shards import write_shard
from transforms.records import Document, RedactedDocument, Redaction
from transforms.runs.previous import PreviousRunError, check_carried, load_previous_run

ENV = "SCRUBLINE_STATE_KEY"
OTHER_KEY = b"state-key-for-tests-0002"
SHARDS = {
    "records/part-00001-of-00002.parquet": b"r1",
    "records/part-00000-of-00002.parquet": b"r0",
    "fingerprints/part-00000-of-00001.parquet": b"f0",
    "quarantine/part-00000-of-00001.parquet": b"q0",
}


def seal(root: Path, manifest: dict[str, Any], key: bytes | None = STATE_KEY) -> dict[str, Any]:
    """Write ``manifest`` as ``root/manifest.json``, sealed under ``key`` as a run would publish it."""
    sealed = seal_manifest({**manifest, "state_key": state_key_id(key)}, key)
    (root / "manifest.json").write_text(json.dumps(sealed, indent=2, sort_keys=True), encoding="utf-8")
    return sealed


def publish(root: Path, files: dict[str, bytes], key: bytes | None = STATE_KEY) -> dict[str, Any]:
    """A published run: ``files`` written under ``root`` and listed with their sha256 in a sealed manifest."""
    entries = []
    for rel, data in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
        entries.append({"path": rel, "sha256": hashlib.sha256(data).hexdigest()})
    return seal(root, {"ruleset": "r1", "files": entries, "reuse": None}, key)


def refused(root: Path, key: bytes | None = STATE_KEY) -> str:
    with pytest.raises(PreviousRunError) as info:
        load_previous_run(str(root), key, ENV)
    return str(info.value)


def test_a_published_run_gives_its_manifest_and_sorted_shard_paths(tmp_path: Path) -> None:
    manifest = publish(tmp_path, SHARDS)
    assert load_previous_run(str(tmp_path), STATE_KEY, ENV) == (
        manifest,
        [str(tmp_path / "fingerprints/part-00000-of-00001.parquet")],
        [str(tmp_path / "records/part-00000-of-00002.parquet"), str(tmp_path / "records/part-00001-of-00002.parquet")],
    )


def test_the_run_folder_itself_may_be_a_link(tmp_path: Path) -> None:
    publish(tmp_path / "runs" / "day1", SHARDS)
    (tmp_path / "current").symlink_to("runs/day1")
    _, fingerprints, _ = load_previous_run(str(tmp_path / "current"), STATE_KEY, ENV)
    assert fingerprints == [str(tmp_path / "runs/day1/fingerprints/part-00000-of-00001.parquet")]


def test_no_manifest(tmp_path: Path) -> None:
    assert refused(tmp_path) == "--previous holds no published run (no manifest.json)"


@pytest.mark.parametrize(
    "text, message",
    [
        ("{not json", "--previous manifest.json cannot be read (JSONDecodeError)"),
        ("[1, 2]", "--previous manifest.json cannot be read (not a run manifest)"),
    ],
)
def test_unreadable_manifest(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "manifest.json").write_text(text, encoding="utf-8")
    assert refused(tmp_path) == message


def test_no_state_key_now(tmp_path: Path) -> None:
    publish(tmp_path, SHARDS)
    assert refused(tmp_path, None) == (
        "--previous needs the state key to verify the earlier run: set SCRUBLINE_STATE_KEY "
        "(output.state_key_env) to the key that run was made with"
    )


def test_a_run_made_without_a_state_key(tmp_path: Path) -> None:
    publish(tmp_path, SHARDS, key=None)
    assert refused(tmp_path) == (
        "--previous was made without a state key, so it cannot be verified; "
        "run once without --previous, with SCRUBLINE_STATE_KEY set"
    )


def test_a_run_made_with_another_state_key(tmp_path: Path) -> None:
    publish(tmp_path, SHARDS, key=OTHER_KEY)
    assert refused(tmp_path) == (
        "--previous was made with another state key than SCRUBLINE_STATE_KEY holds; "
        "run without --previous to detect everything again under this key"
    )


def test_a_manifest_claiming_the_key_id_without_the_key(tmp_path: Path) -> None:
    sealed = publish(tmp_path, SHARDS, key=OTHER_KEY)
    sealed["state_key"] = state_key_id(STATE_KEY)  # key ids are public: anyone can write one
    (tmp_path / "manifest.json").write_text(json.dumps(sealed), encoding="utf-8")
    assert refused(tmp_path) == "--previous manifest.json does not verify under the state key (changed since)"


def test_a_shard_edited_and_its_hash_recomputed(tmp_path: Path) -> None:
    sealed = publish(tmp_path, SHARDS)
    (tmp_path / "records/part-00000-of-00002.parquet").write_bytes(b"r0 with a value put back")
    for entry in sealed["files"]:
        entry["sha256"] = hashlib.sha256((tmp_path / entry["path"]).read_bytes()).hexdigest()
    (tmp_path / "manifest.json").write_text(json.dumps(sealed), encoding="utf-8")
    assert refused(tmp_path) == "--previous manifest.json does not verify under the state key (changed since)"


@pytest.mark.parametrize(
    "path",
    [
        "records/../../x",
        "records/part-00000-of-00002.parquet/../../../x",
        "/etc/passwd",
        "{root}/records/part-00000-of-00002.parquet",
        "records\\part-00000-of-00002.parquet",
        "report.html",
        "records/part-00000-of-00002.parquet\n",
    ],
)
def test_paths_outside_the_run_are_refused_even_when_sealed(tmp_path: Path, path: str) -> None:
    sealed = publish(tmp_path, SHARDS)
    sealed["files"][0]["path"] = path.format(root=tmp_path)
    seal(tmp_path, sealed)  # a manifest with a valid seal, as only a key holder could write it
    assert refused(tmp_path) == "--previous manifest.json lists a file that is not a shard inside the run folder"


def test_a_shard_that_is_a_link_out_of_the_run(tmp_path: Path) -> None:
    root = tmp_path / "run"
    publish(root, SHARDS)
    outside = tmp_path / "elsewhere.parquet"
    outside.write_bytes(b"r0")  # the same bytes: only the link gives it away
    (root / "records/part-00000-of-00002.parquet").unlink()
    (root / "records/part-00000-of-00002.parquet").symlink_to(outside)
    assert refused(root) == (
        "--previous records/part-00000-of-00002.parquet is a symbolic link; a run's shards are plain files"
    )


def test_a_shard_folder_that_is_a_link_out_of_the_run(tmp_path: Path) -> None:
    root = tmp_path / "run"
    publish(root, SHARDS)
    os.rename(root / "records", tmp_path / "records")
    (root / "records").symlink_to(tmp_path / "records")
    assert refused(root) == (  # the first shard the manifest lists
        "--previous records/part-00001-of-00002.parquet is a symbolic link; a run's shards are plain files"
    )


def test_a_missing_shard(tmp_path: Path) -> None:
    publish(tmp_path, {"records/part-00000-of-00001.parquet": b"r0"})
    (tmp_path / "records/part-00000-of-00001.parquet").unlink()
    assert refused(tmp_path) == "--previous is incomplete: records/part-00000-of-00001.parquet is missing"


def test_a_shard_changed_after_publishing(tmp_path: Path) -> None:
    publish(tmp_path, {"fingerprints/part-00000-of-00001.parquet": b"f0"})
    (tmp_path / "fingerprints/part-00000-of-00001.parquet").write_bytes(b"f1")
    assert refused(tmp_path) == (
        "--previous was modified after it was published: fingerprints/part-00000-of-00001.parquet differs"
    )


DOC = RedactedDocument(
    id="d1",
    text="Call <PHONE_NUMBER> today",
    source="notes/a.txt",
    metadata=(("language", "en"),),
    redactions=(Redaction("PHONE_NUMBER", 5, 20, 5, 19, "presidio.PhoneRecognizer", 0.75, "replace"),),
    entity_counts=(("PHONE_NUMBER", 1),),
    content_sha256="ab" * 32,
    rules=(("presidio.PhoneRecognizer", "PHONE_NUMBER"),),
)


def read_back(tmp_path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """The fingerprint row and the records row of DOC as a later run reads them."""
    schema = records_schema(["language"])
    rows = write_shard(str(tmp_path), "records", 0, 1, [record_row(DOC, "rs1")], schema)
    fps = write_shard(
        str(tmp_path), "fingerprints", 0, 1, [record_fingerprint(DOC, "rs1", STATE_KEY)], FINGERPRINT_SCHEMA
    )
    return pq.read_table(tmp_path / fps.path).to_pylist()[0], pq.read_table(tmp_path / rows.path).to_pylist()[0]


def test_a_carried_row_that_matches_its_fingerprint(tmp_path: Path) -> None:
    fingerprint, row = read_back(tmp_path)
    check_carried(fingerprint, row, STATE_KEY, "rs1")  # does not raise


@pytest.mark.parametrize(
    "fingerprint_change, row_change, message",
    [
        ({}, {"id": "d2"}, "a record row does not match its fingerprint"),
        ({"rules": []}, {}, "a fingerprint row does not verify"),
        ({"output_hmac": "0" * 64}, {}, "a fingerprint row does not verify"),
        ({"ruleset": "rs0"}, {}, "a fingerprint row does not verify"),
        ({"fingerprint_hmac": ""}, {}, "a fingerprint row does not verify"),
    ],
)
def test_an_edited_row_or_fingerprint_is_refused(
    tmp_path: Path, fingerprint_change: dict, row_change: dict, message: str
) -> None:
    fingerprint, row = read_back(tmp_path)
    with pytest.raises(PreviousRunError) as info:
        check_carried({**fingerprint, **fingerprint_change}, {**row, **row_change}, STATE_KEY, "rs1")
    assert str(info.value) == f"--previous changed during the run: {message}"


@pytest.mark.parametrize("row_change", [{"text": "Call +1 415 555 2671 today"}, {"language": "fr"}, {"redactions": []}])
def test_a_carried_row_whose_content_was_edited_is_refused(tmp_path: Path, row_change: dict) -> None:
    fingerprint, row = read_back(tmp_path)
    doc = Document(DOC.id, "Call +1 415 555 0100 today", DOC.source, DOC.metadata)
    assert reproduces(carried_document(doc, fingerprint, row), fingerprint, STATE_KEY)
    with pytest.raises(PreviousRunError) as info:
        reproduces(carried_document(doc, fingerprint, {**row, **row_change}), fingerprint, STATE_KEY)
    assert str(info.value) == "--previous changed during the run: a record row does not match its fingerprint"


def test_a_fingerprint_of_another_run_is_refused(tmp_path: Path) -> None:
    fingerprint, row = read_back(tmp_path)
    with pytest.raises(PreviousRunError):
        check_carried(fingerprint, row, STATE_KEY, "rs2")  # an older run's row, replayed
    with pytest.raises(PreviousRunError):
        check_carried(fingerprint, row, OTHER_KEY, "rs1")
