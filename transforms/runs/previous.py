"""Loading the published run that ``--previous DIR`` names, verified under the state key before anything runs.

Nothing of an earlier run is trusted until it verifies: its manifest must carry an HMAC under the
current state key (so it was written by a run holding that key and not changed since), every file it
lists must be one of a run's shards, inside the run folder and not behind a symbolic link, with the
sha256 the manifest lists. Each row carried over is checked again as it is used (``check_carried``):
its fingerprint row's HMAC, and the record row's own HMAC against the one its fingerprint holds.
Errors are one line and name no value and no path but a shard's fixed-shape name. The run may be on
an object store (``s3://bucket/run``): it is read through ``transforms.storage``, and there the shard
paths' fixed shape is what keeps them inside the run folder (an object store has no symbolic links).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from transforms import storage
from transforms.output.keyed import manifest_verifies, same_digest, state_key_id
from transforms.output.schemas import fingerprint_hmac

__all__ = ["PreviousRunError", "check_carried", "load_previous_run"]

# The only paths a run's manifest lists: shards, relative to the run folder (no "..", no absolute path).
_SHARD_PATH = re.compile(r"(records|quarantine|fingerprints)/part-\d{5,}-of-\d{5,}\.parquet")


class PreviousRunError(ValueError):
    """``--previous`` names no usable published run; the message names no file of the run's inputs."""


def _file_sha256(path: str) -> str:
    h = hashlib.sha256()
    with storage.open_read(path) as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def _read_manifest(root: str) -> dict[str, Any]:
    try:
        manifest = json.loads(storage.read_text(storage.join(root, "manifest.json")))
    except FileNotFoundError:
        raise PreviousRunError("--previous holds no published run (no manifest.json)") from None
    except (OSError, ValueError) as exc:
        raise PreviousRunError(f"--previous manifest.json cannot be read ({type(exc).__name__})") from None
    if not isinstance(manifest, dict):
        raise PreviousRunError("--previous manifest.json cannot be read (not a run manifest)")
    return manifest


def _check_sealed(manifest: Mapping[str, Any], key: bytes | None, key_env: str) -> None:
    """Raise PreviousRunError unless ``manifest`` was sealed under ``key`` and not changed since."""
    if key is None:
        raise PreviousRunError(
            f"--previous needs the state key to verify the earlier run: set {key_env} "
            "(output.state_key_env) to the key that run was made with"
        )
    if manifest.get("state_key") is None:
        raise PreviousRunError(
            "--previous was made without a state key, so it cannot be verified; "
            f"run once without --previous, with {key_env} set"
        )
    if manifest.get("state_key") != state_key_id(key):
        raise PreviousRunError(
            f"--previous was made with another state key than {key_env} holds; "
            "run without --previous to detect everything again under this key"
        )
    if not manifest_verifies(manifest, key):
        raise PreviousRunError("--previous manifest.json does not verify under the state key (changed since)")


def _listed_shards(manifest: Mapping[str, Any]) -> list[tuple[str, str]]:
    """``(path, sha256)`` of every file the manifest lists, each a shard path inside the run folder."""
    entries = manifest.get("files")
    if not isinstance(entries, list):
        raise PreviousRunError("--previous manifest.json lists no files")
    out = []
    for entry in entries:
        path = entry.get("path") if isinstance(entry, dict) else None
        digest = entry.get("sha256") if isinstance(entry, dict) else None
        if not isinstance(path, str) or not isinstance(digest, str) or not _SHARD_PATH.fullmatch(path):
            raise PreviousRunError("--previous manifest.json lists a file that is not a shard inside the run folder")
        out.append((path, digest))
    return out


def _check_local_shard(root: str, rel: str) -> None:
    """A local shard must be a regular file inside ``root``, reached without a symbolic link."""
    path = Path(root) / rel
    if path.parent.is_symlink() or path.is_symlink():
        raise PreviousRunError(f"--previous {rel} is a symbolic link; a run's shards are plain files")
    if os.path.commonpath([os.path.realpath(path), root]) != root:
        raise PreviousRunError(f"--previous {rel} lies outside the run folder")
    if not path.is_file():  # a directory or a FIFO would not be a shard (and a FIFO would block)
        raise PreviousRunError(f"--previous is incomplete: {rel} is missing")


def _check_shard(root: str, rel: str, digest: str) -> str:
    """The shard's location, once it holds the bytes the manifest lists (and, on a local disk, is a
    regular file inside ``root`` reached without a symbolic link)."""
    if storage.is_local(root):
        _check_local_shard(root, rel)
    path = storage.join(root, rel)
    try:
        actual = _file_sha256(path)
    except OSError:
        raise PreviousRunError(f"--previous is incomplete: {rel} is missing") from None
    if actual != digest:
        raise PreviousRunError(f"--previous was modified after it was published: {rel} differs")
    return path


def load_previous_run(directory: str, key: bytes | None, key_env: str) -> tuple[dict[str, Any], list[str], list[str]]:
    """Read and verify a published run: its manifest and the paths of its fingerprint and record shards.

    ``key`` is the current state key (None when ``key_env`` is unset). The manifest must have been
    sealed under it and be unchanged; every file it lists must be a shard inside ``directory`` (no
    ``..``, no absolute path, no symbolic link) with the sha256 it lists. Raises PreviousRunError,
    with one line saying what to do, otherwise. ``directory`` is a local folder or an object-store location.
    """
    # A local --previous may itself be a link (RUNS_DIR/current).
    root = os.path.realpath(directory) if storage.is_local(directory) else directory.rstrip("/")
    manifest = _read_manifest(root)
    _check_sealed(manifest, key, key_env)
    fingerprints, records = [], []
    for rel, digest in _listed_shards(manifest):
        path = _check_shard(root, rel, digest)
        if rel.startswith("fingerprints/"):
            fingerprints.append(path)
        elif rel.startswith("records/"):
            records.append(path)
    return manifest, sorted(fingerprints), sorted(records)


def check_carried(fingerprint: Mapping[str, Any], row: Mapping[str, Any], key: bytes, ruleset: str) -> None:
    """Raise PreviousRunError unless ``row`` (a previous records row) may be carried over.

    The fingerprint row must carry a valid HMAC under ``key`` and the previous run's ``ruleset``, and
    the record row must have its id; ``carryover.reproduces`` then checks the record rebuilt from the row
    against the ``output_hmac`` the fingerprint records. The shards were verified when the run started;
    this catches a change made while the run reads them.
    """
    sealed = str(fingerprint.get("fingerprint_hmac") or "")
    if not same_digest(sealed, fingerprint_hmac(fingerprint, key)) or fingerprint["ruleset"] != ruleset:
        raise PreviousRunError("--previous changed during the run: a fingerprint row does not verify")
    if row["id"] != fingerprint["id"]:
        raise PreviousRunError("--previous changed during the run: a record row does not match its fingerprint")
