"""What an input is: ``--input`` arguments expanded into files, their ids, and how one is opened.

``expand_inputs`` turns ``--input`` arguments (files, directories, glob patterns; local or on an
object store such as ``s3://``) into a sorted, duplicate-free list of ``InputFile``, each numbered and
named by ``number_inputs``: on the launcher, for its checks, and again in the pipeline, on a worker,
from the arguments ``absolute_inputs`` made independent of the launcher's working directory (the job
carries those, never the file list).

Everything a reader derives from a file's identity lives here too (``derived_id``): the record id of a
whole file or of a position in it, the opaque reference that names a file in quarantine rows (never its
name), the quarantine row itself, and opening a file (through ``transforms.storage``, decompressing a
gzip stream).

A derived id must not let anyone who holds the output confirm a guessed path (file names are data):
under the state key it is an HMAC of where the file is; without one it is the file's ordinal in the
run's listing, which no path can be hashed into.
"""

from __future__ import annotations

import glob
import gzip
import io
import os
import posixpath
import re
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import PurePath
from typing import BinaryIO, cast

from transforms import storage
from transforms.output.keyed import DERIVED_ID, StateKeyRef, keyed_hex, load_state_key
from transforms.records import DERIVED_ID_MARK, IdKind, QuarantineReason, QuarantineRecord

__all__ = [
    "DECOMPRESS_ERRORS",
    "InputError",
    "InputFile",
    "Opener",
    "absolute_inputs",
    "derived_id",
    "expand_inputs",
    "file_record_id",
    "number_inputs",
    "opaque_source",
    "open_input",
    "position_id",
    "quarantine_record",
    "root_names",
    "stored_size",
    "with_state_key",
]

# How a reader opens the stored bytes of a file: ``storage.open_read``, or a ``storage.ReadOnce``'s
# ``open`` that digests them on the way.
Opener = Callable[[str], BinaryIO]

_GLOB_MAGIC = re.compile(r"[*?[]")
# Decompression failures: bad content, not an environment failure (BadGzipFile is an OSError).
DECOMPRESS_ERRORS = (gzip.BadGzipFile, EOFError, zlib.error)


class InputError(ValueError):
    """An input argument names nothing readable; the message quotes only the argument as given."""


@dataclass(frozen=True)
class InputFile:
    """One file to read, or one member of an archive.

    ``root_index`` is the position of an input argument it came from (informational: ids, sources and
    order never depend on it), ``root`` the absolute directory (or object-store folder) that ``relpath``
    (posix separators) is relative to, ``path`` the absolute path (or ``scheme://`` location) of the
    file. For a file named directly, ``root`` is its directory and ``relpath`` its base name. For an
    archive member, ``path`` is the archive's, ``relpath`` is ``<archive relpath>!<member>``,
    ``member`` the member's name ("" for a file) and ``member_index`` its 1-based position among the
    archive's members read.

    What its ids derive from (``derived_id``): ``namespace``, the root's name among the run's roots
    (``root_names``), and ``ordinal``, the file's position in the run's listing (``number_inputs``);
    ``state_key`` names the state key ids are keyed with (the variable and the key's id, never the key:
    each worker reads the key from its own environment), None for a run without one.
    """

    root_index: int
    root: str
    path: str
    relpath: str
    member: str = ""
    namespace: str = ""
    ordinal: int = 0
    member_index: int = 0
    state_key: StateKeyRef | None = None


# ---------------------------------------------------------------------------------------------------
# Identifiers


def derived_id(kind: IdKind, f: InputFile) -> str:
    """The identifier scrubline derives for ``f`` from where it is, never from what it says.

    With a state key: ``~<kind>-<32 hex>`` (``src-<16 hex>`` for ``SOURCE``), an HMAC-SHA256 under
    the key's ``derived-id`` subkey of the kind, the root's ``namespace``, ``relpath`` and member name
    (each length-prefixed): unguessable without the key, one namespace per kind and per root, and the
    same wherever the inputs are stored as long as their roots keep their names. Without a key:
    ``~<kind>-<ordinal>`` (``src-<ordinal>``), the file's 6-digit ordinal in the run's listing, with
    ``.<member_index>`` for an archive member: unique in the run and computable from no path, but
    stable only for the same set of inputs. Every path-derived id and reference is made here.
    """
    key = load_state_key(f.state_key)
    if key is None:
        anchor = f"{f.ordinal:06d}" + (f".{f.member_index}" if f.member else "")
    else:
        digest = keyed_hex(key, DERIVED_ID, kind.value, f.namespace, f.relpath, f.member)
        anchor = digest[:16] if kind is IdKind.SOURCE else digest[:32]
    return f"src-{anchor}" if kind is IdKind.SOURCE else f"{DERIVED_ID_MARK}{kind.value}-{anchor}"


def file_record_id(f: InputFile) -> str:
    """The record id of a file (or archive member) read whole: ``derived_id`` of kind ``FILE`` (``MEMBER``)."""
    return derived_id(IdKind.MEMBER if f.member else IdKind.FILE, f)


def position_id(f: InputFile, suffix: str) -> str:
    """The id of a position (``suffix`` such as ``"#L3"``) in a JSONL or Parquet file whose record has no
    usable id of its own: ``derived_id`` of kind ``ROW``, then the suffix."""
    return derived_id(IdKind.ROW, f) + suffix


def opaque_source(f: InputFile, suffix: str = "") -> str:
    """An opaque reference to a file (plus ``suffix`` such as ``"#L3"``) that never reveals its name.

    ``derived_id`` of kind ``SOURCE`` then the suffix: different for the same relative path under two
    roots, and independent of the order the inputs were given in.
    """
    return derived_id(IdKind.SOURCE, f) + suffix


def _root_name(root: str) -> str:
    return posixpath.basename(root.rstrip("/")) if not storage.is_local(root) else os.path.basename(root)


def root_names(roots: Iterable[str]) -> dict[str, str]:
    """The namespace of each input root in derived ids: its last path component (``uploads`` for
    ``/data/uploads`` and ``s3://bucket/uploads`` alike), or the whole location when another of
    ``roots`` has the same last component (or it has none).

    So two roots of one run never share a namespace (a location contains a separator that a last
    component cannot), and a root keeps its namespace when the inputs move elsewhere, unless the move
    brings two roots of the same name together.
    """
    unique = sorted(set(roots))
    last = {root: _root_name(root) for root in unique}
    count = Counter(last.values())
    return {root: name if name and count[name] == 1 else root for root, name in last.items()}


def number_inputs(files: Sequence[InputFile]) -> list[InputFile]:
    """The run's listing: ``files`` sorted by ``(namespace, relpath)`` with their ``namespace`` and
    ``ordinal`` (0-based position) set.

    The one place ordinals are given, over the whole listing of a run, so ids without a state key
    depend only on the set of files and on the roots' names: never on the order of ``--input``, the
    listing order or the number of workers.
    """
    names = root_names(f.root for f in files)
    ordered = sorted(files, key=lambda f: (names[f.root], f.relpath))
    return [replace(f, namespace=names[f.root], ordinal=i) for i, f in enumerate(ordered)]


def with_state_key(files: Sequence[InputFile], state_key: StateKeyRef | None) -> list[InputFile]:
    """``files`` whose derived ids are keyed under ``state_key`` (ordinals when it is None)."""
    return [replace(f, state_key=state_key) for f in files]


# ---------------------------------------------------------------------------------------------------
# Input expansion


def _has_magic(s: str) -> bool:
    return _GLOB_MAGIC.search(s) is not None


def _within(path: str, root: str) -> bool:
    return os.path.commonpath([path, root]) == root


def _posix_rel(path: str, root: str) -> str:
    return PurePath(os.path.relpath(path, root)).as_posix()


def _walk(directory: str, real_root: str, arg: str) -> Iterator[str]:
    """Absolute paths of the files under ``directory`` that the walk rules admit.

    Hidden entries (name starts with '.') are skipped; symbolic links to directories are not
    descended; a symbolic link to a file is kept only when it resolves inside ``real_root``;
    special files (FIFOs, sockets, devices) are skipped because reading them could block.
    """

    def fail(_exc: OSError) -> None:
        raise InputError(f"input not readable: {arg}") from None

    for dirpath, dirnames, filenames in os.walk(directory, onerror=fail, followlinks=False):
        dirnames[:] = sorted(
            d for d in dirnames if not d.startswith(".") and not os.path.islink(os.path.join(dirpath, d))
        )
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            full = os.path.join(dirpath, name)
            if _admissible_file(full, real_root):
                yield full


def _admissible_file(full: str, real_root: str) -> bool:
    if os.path.islink(full) and not _within(os.path.realpath(full), real_root):
        return False
    if os.path.isdir(full):
        return False
    # A broken link inside the root is kept: reading it becomes a READ_ERROR record, not a silent gap.
    return not os.path.exists(full) or os.path.isfile(full)


def _glob_root(pattern: str) -> str:
    root = os.path.dirname(pattern)
    while _has_magic(root):
        root = os.path.dirname(root)
    return os.path.abspath(root or ".")


def _through_symlinked_dir(path: str, root: str) -> bool:
    """Whether ``path`` is reached from ``root`` through a symbolic link to a directory."""
    parent = os.path.dirname(path)
    while parent != root and _within(parent, root):
        if os.path.islink(parent):
            return True
        parent = os.path.dirname(parent)
    return False


def _expand_one(index: int, arg: str) -> list[InputFile]:
    if not storage.is_local(arg):
        return _expand_remote(index, arg)
    if os.path.lexists(arg):  # an existing literal path wins over a glob reading of the same string
        return _expand_path(index, arg)
    return _expand_glob(index, arg)


def _expand_path(index: int, arg: str) -> list[InputFile]:
    """The files of an existing path: a directory walked, a file itself."""
    path = os.path.abspath(arg)
    if os.path.isdir(path):
        real_root = os.path.realpath(path)
        return [InputFile(index, path, p, _posix_rel(p, path)) for p in _walk(path, real_root, arg)]
    if os.path.isfile(path):
        return [InputFile(index, os.path.dirname(path), path, os.path.basename(path))]
    if not os.path.exists(path):  # a broken symbolic link named directly
        raise InputError(f"input not found: {arg}")
    raise InputError(f"input is not a file or directory: {arg}")


def _expand_glob(index: int, arg: str) -> list[InputFile]:
    """The files a glob pattern matches under its root, matched directories walked."""
    matches = sorted(glob.glob(arg, recursive=True)) if _has_magic(arg) else []
    if not matches:
        raise InputError(f"input not found: {arg}")
    root = _glob_root(arg)
    real_root = os.path.realpath(root)
    paths: set[str] = set()
    for match in matches:
        full = os.path.abspath(match)
        if not _within(full, root) or _through_symlinked_dir(full, root):
            continue
        if os.path.isdir(full):
            if not os.path.islink(full):
                paths.update(_walk(full, real_root, arg))
        elif _admissible_file(full, real_root):
            paths.add(full)
    return [InputFile(index, root, p, _posix_rel(p, root)) for p in paths]


def _outermost(a: InputFile, b: InputFile) -> InputFile:
    """Of two entries for the same file, the one under the shorter (outer) root; never by argument order."""
    return min(a, b, key=lambda f: (len(f.root), f.root, f.root_index))


def _remote_files(index: int, root: str, found: list[tuple[str, int]]) -> list[InputFile]:
    """The objects under ``root`` that a walk admits: hidden ones (a path part starting with '.') and
    folder markers skipped, as a local walk skips hidden entries."""
    files = []
    for path, _ in found:
        rel = path[len(root) :].lstrip("/")
        if path.startswith(root + "/") and rel and not path.endswith("/"):
            if not any(part.startswith(".") for part in rel.split("/")):
                files.append(InputFile(index, root, path, rel))
    return files


def _expand_remote(index: int, arg: str) -> list[InputFile]:
    """An object-store input: an object itself, every object under a folder, or a pattern (Beam's rules:
    ``*`` within one level, ``**`` across levels; objects under a matched folder count too)."""
    if _has_magic(arg):
        root = posixpath.dirname(arg.rstrip("/"))
        while _has_magic(root):
            root = posixpath.dirname(root)
        found = storage.match(arg) + storage.match(arg.rstrip("/") + "/**")
    else:
        path = arg.rstrip("/")
        if not arg.endswith("/") and storage.exists(path):
            parent, name = posixpath.split(path)
            return [InputFile(index, parent, path, name)]
        root, found = path, storage.list_tree(path)
    if not found:
        raise InputError(f"input not found: {arg}")
    return _remote_files(index, root, found)


def expand_inputs(inputs: Sequence[str]) -> list[InputFile]:
    """Expand input arguments into the files to read, numbered and sorted by ``number_inputs``.

    Each argument is a file (``relpath`` = its base name), a directory (walked recursively, with
    ``relpath`` relative to it), or a glob pattern (``glob.glob(recursive=True)``; the root is the
    longest directory prefix without glob characters; matched directories are walked). Walks skip
    hidden files and directories, never descend symbolic links to directories, and keep a symbolic
    link to a file only when it resolves inside the root. A file reached from several arguments is
    listed once, under the outermost of their roots (the shortest normalised path). The result,
    roots, relative paths and ordinals included, depends only on the file tree and the set of
    arguments, never on their order or on listing order. On an object store (``s3://bucket/uploads``) a folder is a key
    prefix: every object under it is listed, hidden ones (a path part starting with '.') skipped; a
    pattern follows Beam's rules.

    Raises ``InputError("input not found: <arg>")`` for a missing path or a glob matching nothing.
    """
    chosen: dict[str, InputFile] = {}
    for index, arg in enumerate(inputs):
        for f in _expand_one(index, arg):
            known = chosen.get(f.path)
            chosen[f.path] = f if known is None else _outermost(known, f)
    return number_inputs(list(chosen.values()))


def absolute_inputs(inputs: Sequence[str]) -> tuple[str, ...]:
    """The input arguments as a worker expands them: a relative local path or pattern made absolute
    against this process's working directory (``expand_inputs`` of the result lists the same files
    with the same roots); object-store locations unchanged.

    Raises ``InputError`` for a relative pattern under a working directory whose path holds ``*``,
    ``?`` or ``[``: made absolute, it would match other files.
    """
    absolute = []
    for arg in inputs:
        if storage.is_local(arg) and not os.path.isabs(arg):
            if not os.path.lexists(arg) and _has_magic(arg) and _has_magic(os.getcwd()):
                raise InputError(f"give this pattern as an absolute path (the working folder holds *, ? or [): {arg}")
            arg = os.path.abspath(arg) + (os.sep if arg.endswith(os.sep) else "")
        absolute.append(arg)
    return tuple(absolute)


# ---------------------------------------------------------------------------------------------------
# Quarantine rows and opening


def quarantine_record(
    f: InputFile,
    reason: QuarantineReason,
    error_class: str,
    *,
    suffix: str = "",
    record_id: str | None = None,
    sha: str = "",
    size: int = 0,
) -> QuarantineRecord:
    """The quarantine row for ``f`` (or the position ``suffix`` in it, such as ``"#L3"``).

    Its ``source`` is ``opaque_source(f, suffix)``; its id ``record_id`` when the record's own id is
    known, else ``position_id(f, suffix)`` for a position in the file, or ``file_record_id(f)`` for the
    file as a whole. ``sha``/``size`` describe the bytes that were refused, when they were read.
    """
    if record_id is None:
        record_id = position_id(f, suffix) if suffix else file_record_id(f)
    return QuarantineRecord(
        id=record_id,
        source=opaque_source(f, suffix),
        reason=reason,
        error_class=error_class,
        input_sha256=sha,
        size_bytes=size,
    )


class _GzipInput(gzip.GzipFile):
    """A gzip stream that closes the stored stream under it too."""

    def __init__(self, stored: BinaryIO) -> None:
        super().__init__(fileobj=stored, mode="rb")
        self.stored = stored

    def close(self) -> None:
        try:
            super().close()
        finally:
            self.stored.close()


def open_input(path: str, compressed: bool, opener: Opener = storage.open_read) -> io.BufferedIOBase:
    """The file's bytes as a stream, decompressed when ``compressed`` (gzip); the caller closes it.

    The stored bytes are opened with ``opener`` (``transforms.storage.open_read`` unless the caller
    digests them while the reader reads). Raises ``OSError`` when the file cannot be opened; reading
    a damaged gzip stream raises one of ``DECOMPRESS_ERRORS``.
    """
    stored = opener(path)
    return cast("io.BufferedIOBase", _GzipInput(stored) if compressed else stored)


def stored_size(fh: io.BufferedIOBase) -> int | None:
    """The size of the stored file under a stream from ``open_input`` (before decompression), or None
    when its store cannot tell without reading it. Leaves the stream at its start."""
    stored = fh.stored if isinstance(fh, _GzipInput) else fh
    if not stored.seekable():
        return None
    end = stored.seek(0, io.SEEK_END)
    stored.seek(0)
    return end
