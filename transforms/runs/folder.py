"""The output folder of ``scrubline run``: what a run may write into and what ``--overwrite`` may delete.

scrubline deletes only what it wrote. ``--overwrite`` replaces a folder that holds nothing but a scrubline
run (its ``manifest.json``, of the shape scrubline writes, and only its own entries: ``records/``,
``quarantine/``, ``fingerprints/`` holding shards, ``run_stats.json``, ``report.html`` and the temp files
of their atomic writes), the leftovers of a run that failed before publishing (the same entries without
``manifest.json``), or an empty folder. Anything else is refused, and so is an output
folder that overlaps an input (after resolving symbolic links and relative paths): a run would read its
own outputs as inputs, or ``--overwrite`` would delete uploads. Errors never name an entry of the folder
(file names are data).

The output may be on an object store (``s3://bucket/run``): there a folder is a key prefix, its entries
are listed and deleted through ``transforms.storage``, and overlap is decided on the locations as written.
"""

from __future__ import annotations

import json
import os
import posixpath
import re
from collections.abc import Sequence
from dataclasses import dataclass

from transforms import storage
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


@dataclass(frozen=True)
class _Entry:
    """One entry at the top of the output folder: a plain file, a folder, or something else (a symbolic
    link, a special file); for a folder, the names of what it holds (``sub/x`` for deeper files) and
    whether each is a plain file."""

    location: str
    kind: str  # "file", "dir" or "other"
    children: tuple[tuple[str, bool], ...] = ()


def check_separate(inputs: Sequence[str], output: str | os.PathLike[str]) -> None:
    """Raise OutputFolderError when ``output`` is inside an input or an input is inside ``output``.

    Paths are compared after resolving symbolic links and relative paths; a glob pattern counts as its
    longest directory prefix without glob characters (everything under it may match). Object-store
    locations are compared as written; a local path never overlaps one.
    """
    output = os.fspath(output)
    local = storage.is_local(output)
    out = os.path.realpath(output) if local else output.rstrip("/")
    for arg in inputs:
        if storage.is_local(arg) != local:
            continue
        root = _input_root(arg) if local else _remote_root(arg)
        if _within(root, out):
            raise OutputFolderError("an --input is inside --output (--overwrite would delete it); use another folder")
        if (not local or os.path.isdir(root)) and _within(out, root):
            raise OutputFolderError(
                "--output is inside an --input (a run would read its own outputs); use a folder outside the inputs"
            )


def prepare_output(output: str | os.PathLike[str], *, overwrite: bool) -> None:
    """Make ``output`` ready for a run: create it, or with ``overwrite`` empty a folder holding a scrubline run.

    Without ``overwrite`` a folder holding any scrubline entry is refused. With it, the folder's entries
    are deleted only when every one of them is scrubline's (see the module docstring), the manifest
    first so that no reader sees a half-replaced run; otherwise nothing is deleted and
    OutputFolderError is raised.
    """
    output = os.fspath(output)
    local = storage.is_local(output)
    if (os.path.exists(output) and not os.path.isdir(output)) if local else storage.exists(output.rstrip("/")):
        raise OutputFolderError("--output exists and is not a directory")
    entries = _local_entries(output) if local else _remote_entries(output)
    if not overwrite:
        if any(name in _SHARD_DIRS or name in _PUBLISHED for name in entries):
            raise OutputFolderError("--output already holds a scrubline run; pass --overwrite to replace it")
    elif entries and not _holds_only_a_run(entries):
        raise OutputFolderError(
            "--output holds files scrubline did not write, and --overwrite replaces only a scrubline run; "
            "choose an empty folder or clear it yourself"
        )
    else:
        _delete(entries, local)
    if local:
        os.makedirs(output, exist_ok=True)


def _delete(entries: dict[str, _Entry], local: bool) -> None:
    """The manifest first, then the rest: a local folder whole, an object-store folder object by object."""
    for name in sorted(entries, key=lambda n: n != MANIFEST_NAME):
        entry = entries[name]
        if local or entry.kind != "dir":
            storage.delete([entry.location])
        else:
            storage.delete([posixpath.join(entry.location, child) for child, _ in entry.children])


def _kind(entry: os.DirEntry[str]) -> str:
    if entry.is_symlink():
        return "other"
    if entry.is_dir(follow_symlinks=False):
        return "dir"
    return "file" if entry.is_file(follow_symlinks=False) else "other"


def _local_entries(output: str) -> dict[str, _Entry]:
    if not os.path.isdir(output):
        return {}
    entries = {}
    with os.scandir(output) as top:
        for e in top:
            kind = _kind(e)
            children: tuple[tuple[str, bool], ...] = ()
            if kind == "dir":
                with os.scandir(e.path) as inner:
                    children = tuple(sorted((c.name, _kind(c) == "file") for c in inner))
            entries[e.name] = _Entry(e.path, kind, children)
    return entries


def _remote_entries(output: str) -> dict[str, _Entry]:
    prefix = output.rstrip("/") + "/"
    grouped: dict[str, list[str]] = {}
    for location, _ in storage.list_tree(output):
        head, _, rest = location[len(prefix) :].partition("/")
        grouped.setdefault(head, [])
        if rest:
            grouped[head].append(rest)
    return {
        name: _Entry(prefix + name, "dir", tuple((c, True) for c in sorted(rest)))
        if rest
        else _Entry(prefix + name, "file")
        for name, rest in grouped.items()
    }


def _holds_only_a_run(entries: dict[str, _Entry]) -> bool:
    manifest = entries.get(MANIFEST_NAME)
    # Without a manifest: the leftovers of a run that failed before publishing.
    return (manifest is None or _is_scrubline_manifest(manifest)) and all(
        _is_run_entry(name, e) for name, e in entries.items()
    )


def _is_run_entry(name: str, entry: _Entry) -> bool:
    if name in _SHARD_DIRS:
        return entry.kind == "dir" and all(plain and _SHARD_FILE.fullmatch(n) for n, plain in entry.children)
    return entry.kind == "file" and (name in _PUBLISHED or _TEMP_FILE.fullmatch(name) is not None)


def _is_scrubline_manifest(entry: _Entry) -> bool:
    if entry.kind != "file":
        return False
    try:
        manifest = json.loads(storage.read_text(entry.location))
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


def _remote_root(arg: str) -> str:
    root = arg.rstrip("/")
    while _GLOB_MAGIC.search(root):
        root = posixpath.dirname(root)
    return root


def _within(path: str, root: str) -> bool:
    if not storage.is_local(root):
        return path == root or path.startswith(root + "/")
    return os.path.commonpath([path, root]) == root
