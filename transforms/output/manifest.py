"""The run manifest: counts, ruleset, versions and every output file with its sha256. Written last.

It carries ids, counts, types, hashes and versions only: never a value, a file name of an input, or
a key (keys appear as fingerprints). Hashes of inputs and rule values are keyed under the state key
(``transforms.output.keyed``), and the whole manifest but its ``reuse`` section is sealed by an HMAC
under it (``seal_manifest``), which ``--previous`` checks.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, ClassVar

from transforms import __version__, storage
from transforms.logsafety import CountsFailure
from transforms.output.shards import OutputFile, publish_text

__all__ = ["MANIFEST_NAME", "ManifestError", "build_manifest", "component_versions", "write_manifest"]

MANIFEST_NAME = "manifest.json"


class ManifestError(CountsFailure, RuntimeError):
    """The run's counts do not add up; no manifest is published. Its message is counts only, so the
    CLI shows it (``transforms.logsafety.CountsFailure``)."""

    MESSAGES: ClassVar[dict[str, tuple[str, ...]]] = {
        "counts do not add up": ("read", "written", "quarantined", "excluded"),
        "fingerprints do not add up": ("read", "fingerprinted"),
    }


def _dist_version(*names: str) -> str:
    for name in names:
        try:
            return importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            continue
    return "unknown"


def code_fingerprint() -> str:
    """A digest of scrubline's own code and data files, so a code change without a version bump still
    changes the ruleset (and ``--previous`` never carries over output that other code produced)."""
    root = Path(__file__).resolve().parents[2]
    h = hashlib.sha256()
    for package in ("transforms", "pipelines"):
        for path in sorted((root / package).rglob("*")):
            if path.suffix in (".py", ".tsv", ".yaml", ".json", ".txt") and "__pycache__" not in path.parts:
                h.update(path.relative_to(root).as_posix().encode("utf-8") + b"\x00")
                h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()[:16]


def component_versions(model: str) -> dict[str, str]:
    """Versions of everything that can change the output, without importing the heavy packages."""
    return {
        "scrubline": __version__,
        "scrubline_code": code_fingerprint(),
        "presidio_analyzer": _dist_version("presidio-analyzer"),
        "presidio_anonymizer": _dist_version("presidio-anonymizer"),
        "spacy": _dist_version("spacy"),
        "spacy_model": f"{model}=={_dist_version(model, model.replace('_', '-'))}",
        "apache_beam": _dist_version("apache-beam"),
        "pyarrow": _dist_version("pyarrow"),
    }


def build_manifest(
    *,
    read: int,
    files: Iterable[OutputFile],
    entities: Mapping[str, int],
    quarantine_reasons: Mapping[str, int],
    ruleset: str,
    versions: Mapping[str, str],
    key_ids: Mapping[str, str],
    num_shards: int,
    excluded: int = 0,
    config: Mapping[str, Any] | None = None,
    inputs: Iterable[Mapping[str, Any]] = (),
    reuse: Mapping[str, Any] | None = None,
    state_key: str | None = None,
) -> dict[str, Any]:
    """Assemble the manifest; raise ManifestError unless ``read == written + quarantined + excluded``.

    ``config`` is the sanitised effective config (``transforms.runs.sanitize.sanitized_config``),
    ``inputs`` every input file as ``{source, bytes, hmac}`` (opaque source, never a name; ``hmac``
    keyed, None without a state key; for a Parquet file read by row groups, the HMAC of
    ``transforms.readers.parquet.file_digest`` over its ranges, see ``transforms.beam.io``), ``reuse``
    what ``--previous`` carried over (None for a run without it): the only part that differs between
    an incremental run and a full rerun with the same result.
    ``state_key`` is the state key's public id, None for a run without one.
    """
    ordered = sorted(files, key=lambda f: f.path)
    written = sum(f.rows for f in ordered if f.path.startswith("records/"))
    quarantined = sum(f.rows for f in ordered if f.path.startswith("quarantine/"))
    fingerprinted = sum(f.rows for f in ordered if f.path.startswith("fingerprints/"))
    if read != written + quarantined + excluded:
        raise ManifestError(
            "counts do not add up", read=read, written=written, quarantined=quarantined, excluded=excluded
        )
    if any(f.path.startswith("fingerprints/") for f in ordered) and fingerprinted != read:
        raise ManifestError("fingerprints do not add up", read=read, fingerprinted=fingerprinted)
    return {
        "manifest_version": 3,
        "ruleset": ruleset,
        "counts": {
            "read": read,
            "written": written,
            "quarantined": quarantined,
            "excluded": excluded,
            "quarantine_reasons": dict(sorted(quarantine_reasons.items())),
            "entities": dict(sorted(entities.items())),
        },
        "num_shards": num_shards,
        "layout": {"records": "records/", "quarantine": "quarantine/", "fingerprints": "fingerprints/"},
        "key_ids": dict(sorted(key_ids.items())),
        "state_key": state_key,
        "versions": dict(sorted(versions.items())),
        "config": dict(config) if config is not None else None,
        "inputs": sorted((dict(i) for i in inputs), key=lambda i: (str(i["source"]), str(i.get("hmac")))),
        "reuse": dict(reuse) if reuse is not None else None,
        "files": [{"path": f.path, "sha256": f.sha256, "rows": f.rows, "bytes": f.bytes} for f in ordered],
    }


def write_manifest(output_dir: str, manifest: Mapping[str, Any]) -> str:
    """Publish the manifest atomically (temp file, then rename); return its path."""
    text = json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=True) + "\n"
    return publish_text(storage.join(output_dir, MANIFEST_NAME), text)
