"""The output folder of ``scrubline run``: what a run may write into and what ``--overwrite`` may delete.

scrubline deletes only what it wrote. ``--overwrite`` replaces a folder that holds nothing but a scrubline
run (its ``manifest.json``, of the shape scrubline writes, and only its own entries: ``records/``,
``quarantine/``, ``fingerprints/`` holding shards, ``run_stats.json``, ``report.html`` and the temp files
of their atomic writes), the leftovers of a run that failed before publishing (the same entries without
``manifest.json``), or an empty folder. Anything else is refused, and so is an output
folder that overlaps an input (after resolving symbolic links and relative paths): a run would read its
own outputs as inputs, or ``--overwrite`` would delete uploads. Errors never name an entry of the folder
(file names are data).
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Sequence
from pathlib import Path

from transforms.output.manifest import MANIFEST_NAME
from transforms.runs.report.publish import REPORT_NAME
from transforms.runs.stats import RUN_STATS_NAME

__all__ = ["OutputFolderError", "check_separate", "prepare_output"]

_SHARD_DIRS = frozenset({"records", "quarantine", "fingerprints"})
_SHARD_FILE = re.compile(r"part-\d{5,}-of-\d{5,}\.parquet|\.part-\d{5,}-of-\d{5,}\.parquet\.tmp")
_PUBLISHED = (MANIFEST_NAME, RUN_STATS_NAME, REPORT_NAME)
_TEMP_FILE = re.compile("|".join(rf"\.{re.escape(name)}\.\d+\.tmp" for name in _PUBLISHED))
_GLOB_MAGIC = re.compile(r"[*?[]")
_MANIFEST_KEYS = {"manifest_version": int, "ruleset": str, "counts": dict, "files": list, "versions": dict}


class OutputFolderError(ValueError):
    """The output folder cannot be used as asked; the message is one line and names no entry in it."""


def check_separate(inputs: Sequence[str], output: Path) -> None:
    """Raise OutputFolderError when ``output`` is inside an input or an input is inside ``output``.

    Paths are compared after resolving symbolic links and relative paths; a glob pattern counts as its
    longest directory prefix without glob characters (everything under it may match).
    """
    out = os.path.realpath(output)
    for arg in inputs:
        root = _input_root(arg)
        if _within(root, out):
            raise OutputFolderError("an --input is inside --output (--overwrite would delete it); use another folder")
        if os.path.isdir(root) and _within(out, root):
            raise OutputFolderError(
                "--output is inside an --input (a run would read its own outputs); use a folder outside the inputs"
            )


def prepare_output(output: Path, *, overwrite: bool) -> None:
    """Make ``output`` ready for a run: create it, or with ``overwrite`` empty a folder holding a scrubline run.

    Without ``overwrite`` a folder holding any scrubline entry is refused. With it, the folder's entries
    are deleted only when every one of them is scrubline's (see the module docstring), the manifest
    first so that no reader sees a half-replaced run; otherwise nothing is deleted and
    OutputFolderError is raised.
    """
    if output.exists() and not output.is_dir():
        raise OutputFolderError("--output exists and is not a directory")
    entries = sorted(output.iterdir()) if output.is_dir() else []
    if not overwrite:
        if any(p.name in _SHARD_DIRS or p.name in _PUBLISHED for p in entries):
            raise OutputFolderError("--output already holds a scrubline run; pass --overwrite to replace it")
    elif entries and not _holds_only_a_run(output, entries):
        raise OutputFolderError(
            "--output holds files scrubline did not write, and --overwrite replaces only a scrubline run; "
            "choose an empty folder or clear it yourself"
        )
    else:
        for path in sorted(entries, key=lambda p: p.name != MANIFEST_NAME):
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()
    output.mkdir(parents=True, exist_ok=True)


def _holds_only_a_run(output: Path, entries: Sequence[Path]) -> bool:
    manifest = output / MANIFEST_NAME
    # Without a manifest: the leftovers of a run that failed before publishing.
    return (not manifest.exists() or _is_scrubline_manifest(manifest)) and all(_is_run_entry(p) for p in entries)


def _is_run_entry(path: Path) -> bool:
    if path.is_symlink():
        return False
    if path.name in _SHARD_DIRS:
        return path.is_dir() and all(_is_shard(p) for p in path.iterdir())
    return path.is_file() and (path.name in _PUBLISHED or _TEMP_FILE.fullmatch(path.name) is not None)


def _is_shard(path: Path) -> bool:
    return not path.is_symlink() and path.is_file() and _SHARD_FILE.fullmatch(path.name) is not None


def _is_scrubline_manifest(path: Path) -> bool:
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return False
    return (
        isinstance(manifest, dict)
        and all(isinstance(manifest.get(key), kind) for key, kind in _MANIFEST_KEYS.items())
        and "scrubline" in manifest["versions"]
        and {"read", "written", "quarantined"} <= manifest["counts"].keys()
    )


def _input_root(arg: str) -> str:
    if os.path.lexists(arg) or not _GLOB_MAGIC.search(arg):
        return os.path.realpath(arg)
    root = os.path.dirname(arg)
    while _GLOB_MAGIC.search(root):
        root = os.path.dirname(root)
    return os.path.realpath(root or ".")


def _within(path: str, root: str) -> bool:
    return os.path.commonpath([path, root]) == root
