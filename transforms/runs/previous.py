"""Loading the published run that ``--previous DIR`` names: its manifest and shards, checked intact."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

__all__ = ["PreviousRunError", "load_previous_run"]


class PreviousRunError(ValueError):
    """``--previous`` names no usable published run; the message names no file of the run's inputs."""


def _file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def _read_manifest(root: Path) -> dict[str, Any]:
    try:
        return json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PreviousRunError("--previous holds no published run (no manifest.json)") from None
    except (OSError, ValueError) as exc:
        raise PreviousRunError(f"--previous manifest.json cannot be read ({type(exc).__name__})") from None


def load_previous_run(directory: str) -> tuple[dict[str, Any], list[str], list[str]]:
    """Read a published run: its manifest and the paths of its fingerprint and record shards.

    Every shard the manifest lists must be there with the sha256 it lists: an earlier run whose files
    were changed or lost since is not trusted to carry anything over.
    """
    root = Path(directory)
    manifest = _read_manifest(root)
    fingerprints, records = [], []
    for entry in manifest.get("files", []):
        path = root / entry["path"]
        try:
            digest = _file_sha256(path)
        except OSError:
            raise PreviousRunError(f"--previous is incomplete: {entry['path']} is missing") from None
        if digest != entry["sha256"]:
            raise PreviousRunError(f"--previous was modified after it was published: {entry['path']} differs")
        if entry["path"].startswith("fingerprints/"):
            fingerprints.append(str(path))
        elif entry["path"].startswith("records/"):
            records.append(str(path))
    return manifest, sorted(fingerprints), sorted(records)
