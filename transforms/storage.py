"""Where bytes are read and written: local paths and object stores alike, through Beam's ``FileSystems``.

Every file scrubline opens, creates, lists, renames or deletes goes through this module, so ``gs://``,
``s3://``, ``azfs://`` and ``hdfs://`` locations behave like local paths and no step assumes that a
worker shares a disk with the launcher. It is the one module outside ``transforms/beam/`` that imports
Apache Beam, and only Beam's file systems (``apache_beam.io.filesystems``), when first used.

A location is a string: a local path, or ``scheme://...`` for a scheme Beam has a file system for.
``check_location`` refuses any other scheme (``s4://``, ``gcs://``) and a known scheme whose Beam extra is
not installed, so that such a run fails before anything runs. Object stores have no directories: a
"folder" there is a key prefix ending in ``/``, and ``list_tree`` lists every object under it.
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import os
import posixpath
import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, BinaryIO, Protocol

if TYPE_CHECKING:
    from apache_beam.io.filesystems import FileSystems

__all__ = [
    "SCHEMES",
    "Hasher",
    "ReadOnce",
    "ReadRanges",
    "Scheme",
    "StorageError",
    "check_location",
    "create",
    "delete",
    "digest_ranges",
    "exists",
    "has_key",
    "is_local",
    "join",
    "list_tree",
    "match",
    "open_read",
    "read_text",
    "rename",
    "scheme_of",
    "size",
    "use_options",
]


@dataclass(frozen=True)
class Scheme:
    """A storage scheme Beam has a file system for: the module its client needs and the pip extra
    that installs it."""

    name: str
    label: str
    module: str
    extra: str


SCHEMES = {
    s.name: s
    for s in (
        Scheme("gs", "Google Cloud Storage", "google.cloud.storage", "gcp"),
        Scheme("s3", "Amazon S3", "boto3", "aws"),
        Scheme("azfs", "Azure Blob Storage", "azure.storage.blob", "azure"),
        Scheme("hdfs", "HDFS", "hdfs", "hadoop"),
    )
}
_URL = re.compile(r"(?P<scheme>[A-Za-z][-A-Za-z0-9+.]*)://")
# "s3:/bucket/x": a URL that lost a slash; as a local path it would become the folder "s3:/bucket/x".
_BROKEN_URL = re.compile(r"[A-Za-z][-A-Za-z0-9+.]*:/(?!/)")
_GLOB_MAGIC = re.compile(r"[*?[]")
_CHUNK = 1 << 20


class StorageError(ValueError):
    """A location scrubline cannot read or write; the message is one line and names only the scheme."""


class Hasher(Protocol):
    """What ``ReadOnce`` digests with: a ``hashlib`` or ``hmac`` object."""

    def update(self, data: bytes, /) -> None:
        """Add ``data`` to the digest."""

    def hexdigest(self) -> str:
        """The digest of everything added, as hex."""


def scheme_of(location: str) -> str | None:
    """The ``scheme`` of ``scheme://...``, or None for a local path."""
    m = _URL.match(location)
    return m.group("scheme") if m else None


def is_local(location: str) -> bool:
    """Whether ``location`` is a local path (no ``scheme://``)."""
    return scheme_of(location) is None


def _installed(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ImportError:  # a parent package is missing
        return False


def check_location(location: str, what: str, *, pattern: bool = False) -> None:
    """Raise ``StorageError`` unless ``location`` is a local path or a location scrubline can reach.

    ``what`` names the argument in the message (``--input``). A scheme other than ``gs``, ``s3``,
    ``azfs`` and ``hdfs`` is unsupported; a known one whose client library is not installed names the
    pip extra that installs it. Unless ``pattern``, an object-store location must not hold ``*``, ``?``
    or ``[``: Beam lists object stores by pattern and has no way to quote them.
    """
    scheme = scheme_of(location)
    if scheme is None:
        if _BROKEN_URL.match(location):
            raise StorageError(f"{what} looks like a URL with a slash missing (write scheme://bucket/path)")
        return
    known = SCHEMES.get(scheme)
    if known is None:
        supported = ", ".join(f"{s}://" for s in SCHEMES)
        raise StorageError(f"{what}: unsupported storage scheme {scheme}:// (use a local path or {supported})")
    if not _installed(known.module) or not _registered(known.name):
        raise StorageError(
            f"{what}: {scheme}:// needs {known.label} support, which is not installed: "
            f"pip install 'scrubline[{known.extra}]' (Beam's apache-beam[{known.extra}] extra)"
        )
    if not pattern and _GLOB_MAGIC.search(location):
        raise StorageError(f"{what}: an object-store location cannot hold *, ? or [ (they would be read as a pattern)")


def _registered(scheme: str) -> bool:
    from apache_beam.io.filesystem import FileSystem

    _filesystems()
    return any(fs.scheme() == scheme for fs in FileSystem.get_all_subclasses())


def _filesystems() -> type[FileSystems]:
    from apache_beam.io.filesystems import FileSystems

    return FileSystems


def _uncompressed() -> str:
    from apache_beam.io.filesystem import CompressionTypes

    return CompressionTypes.UNCOMPRESSED


def use_options(options: Any) -> None:
    """Give Beam's file systems the run's ``PipelineOptions`` (S3 endpoint and keys, GCP project...).

    The launcher calls it before it lists or reads anything; workers never call it. An SDK worker
    started through ``sdk_worker_main`` (Beam's container boot program, or a worker pool's
    ``--container_executable`` such as ``tests/beam_boot.py``) has Beam set the job's options on its
    file systems from the runner's provision service. A plain ``worker_pool_main`` (no container
    executable) starts ``SdkHarness`` without any pipeline options: its workers read and write local
    paths, but an object store fails there (``Must provide one of client or options``).
    """
    _filesystems().set_options(options)


def join(base: str, *parts: str) -> str:
    """``base`` joined with ``parts`` by the rules of its file system (``/`` for object stores)."""
    if is_local(base):
        return posixpath.join(base, *parts)
    return _filesystems().join(base, *parts)


def has_key(location: str) -> bool:
    """Whether a ``scheme://`` location names something below its bucket (``s3://b/k``, not ``s3://b/``).

    A bucket itself is no object: asking Beam whether it exists fails (and is retried for minutes).
    """
    rest = location[len(scheme_of(location) or "") + 3 :]
    return "/" in rest.strip("/")


def open_read(location: str) -> BinaryIO:
    """The stored bytes of a file, as a seekable binary stream (never decompressed); the caller closes it.

    Raises ``OSError`` (``FileNotFoundError``, ``PermissionError``, Beam's ``BeamIOError``...) when it
    cannot be opened.
    """
    return _filesystems().open(location, compression_type=_uncompressed())


def create(location: str) -> BinaryIO:
    """A binary stream writing the file at ``location`` (local parent folders are created); the caller
    closes it, and on an object store the object appears only then, whole."""
    return _filesystems().create(location, compression_type=_uncompressed())


def rename(source: str, destination: str) -> None:
    """Move ``source`` to ``destination``, replacing it (an object store copies, then deletes)."""
    _filesystems().rename([source], [destination])


def delete(locations: Sequence[str]) -> None:
    """Delete these files (and local folders, with what they hold).

    Local paths are deleted directly: Beam's local file system reads the paths it deletes as glob
    patterns, so a folder named ``run[1]`` would be matched, not named.
    """
    remote = [loc for loc in locations if not is_local(loc)]
    for loc in locations:
        if is_local(loc):
            if os.path.isdir(loc) and not os.path.islink(loc):
                shutil.rmtree(loc)
            else:
                os.remove(loc)
    if remote:
        _filesystems().delete(remote)


def exists(location: str) -> bool:
    """Whether a file (or local folder) is at ``location``."""
    if not is_local(location) and not has_key(location):
        return False
    return bool(_filesystems().exists(location))


def size(location: str) -> int:
    """The size in bytes of the file at ``location``; raises ``OSError`` when there is none."""
    if is_local(location):
        return os.path.getsize(location)
    return int(_filesystems().get_filesystem(location).size(location))


def read_text(location: str) -> str:
    """A small UTF-8 text file's content (manifests, run statistics)."""
    with open_read(location) as fh:
        return fh.read().decode("utf-8")


def match(pattern: str) -> list[tuple[str, int]]:
    """``(location, size)`` of the files a pattern matches, by Beam's rules (``*`` within one level of
    ``/``, ``**`` across levels), sorted by location."""
    results = _filesystems().match([pattern])
    return sorted((m.path, int(m.size_in_bytes)) for r in results for m in r.metadata_list)


def list_tree(directory: str) -> list[tuple[str, int]]:
    """``(location, size)`` of every object under an object-store folder, at any depth, sorted; empty
    when there is none. Folder markers (keys ending in ``/``) are left out."""
    found = match(directory.rstrip("/") + "/**")
    return [(path, n) for path, n in found if not path.endswith("/")]


class _DigestingRaw(io.RawIOBase):
    """A raw stream over ``source`` that digests the bytes read in order from offset 0.

    Bytes read after a seek elsewhere are not digested; ``ReadOnce.finish`` reads the ones left.
    Closing it leaves ``source`` open for ``finish``.
    """

    def __init__(self, source: BinaryIO, hasher: Hasher) -> None:
        super().__init__()
        self._source = source
        self._hasher = hasher
        self.position = 0
        self.digested = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return self._source.seekable()

    def readinto(self, buffer: Any) -> int:
        data = self._source.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        if self.position == self.digested:
            self._hasher.update(data)
            self.digested += n
        self.position += n
        return n

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        self.position = self._source.seek(offset, whence)
        return self.position

    def tell(self) -> int:
        return self.position


class _DigestingOpener:
    """The opener handed to a reader that digests one stored file on the way (``ReadOnce``, ``ReadRanges``).

    The first ``open`` of the file opens it and returns ``_wrap`` of it (the digesting stream); a
    second open, or another location, reads without digesting. ``close`` releases the file.
    """

    def __init__(self, location: str) -> None:
        self._location = location
        self._source: BinaryIO | None = None

    def _wrap(self, source: BinaryIO) -> BinaryIO:
        raise NotImplementedError

    def open(self, location: str) -> BinaryIO:
        """The reader's stream; a second open (or another location) reads without digesting."""
        if self._source is not None or location != self._location:
            return open_read(location)
        self._source = open_read(location)
        return self._wrap(self._source)

    def close(self) -> None:
        """Release the file without digesting the rest (a reader failed)."""
        if self._source is not None:
            self._source.close()


class ReadOnce(_DigestingOpener):
    """One stored file read by a reader and digested on the way, so it is read once, not twice.

    ``open`` is the opener handed to the reader: the first call opens the file and digests what the
    reader reads in order from the start. ``finish`` then reads only what the reader did not (a reader
    that stopped early, seeked around, as Parquet does, or never opened the file) and returns the
    size and digest of the whole stored file, or None when it cannot be read (now).
    """

    def __init__(self, location: str, hasher: Hasher | None = None) -> None:
        super().__init__(location)
        self._hasher: Hasher = hasher if hasher is not None else hashlib.sha256()
        self._raw: _DigestingRaw | None = None

    def _wrap(self, source: BinaryIO) -> BinaryIO:
        self._raw = _DigestingRaw(source, self._hasher)
        return io.BufferedReader(self._raw)  # type: ignore[return-value]

    def finish(self) -> tuple[int, str] | None:
        """``(size, hex digest)`` of the whole stored file, reading only the bytes not digested yet."""
        try:
            if self._source is None:
                self._source = open_read(self._location)
            done = self._raw.digested if self._raw is not None else 0
            with self._source:
                if self._raw is not None and self._raw.position != done:
                    self._source.seek(done)
                while chunk := self._source.read(_CHUNK):
                    self._hasher.update(chunk)
                    done += len(chunk)
        except OSError:
            return None
        return done, self._hasher.hexdigest()


def _read_full(source: BinaryIO, n: int) -> bytes:
    """Up to ``n`` bytes from ``source``, fewer only at its end."""
    parts = []
    while n > 0 and (chunk := source.read(n)):
        parts.append(chunk)
        n -= len(chunk)
    return b"".join(parts)


class _RangeDigestingRaw(io.RawIOBase):
    """A raw stream over ``source`` that digests the consecutive byte ranges ``[cuts[i], cuts[i+1])``.

    Everything a reader reads at the digest frontier is digested as it goes; a read that starts ahead
    of it first reads the bytes between (once, for the digest only); bytes read again behind it are
    not digested twice. ``fill`` reads what no reader asked for. Closing it leaves ``source`` open.
    """

    def __init__(self, source: BinaryIO, cuts: Sequence[int]) -> None:
        super().__init__()
        self._source = source
        self._cuts = list(cuts)
        self._index = 0  # the range being digested
        self._hasher = hashlib.sha256()
        self.frontier = self._cuts[0]
        self.position = 0
        self.digests: list[str] = []
        self._close_ranges()

    @property
    def end(self) -> int:
        """Where the last range ends."""
        return self._cuts[-1]

    def _close_ranges(self) -> None:
        while self._index < len(self._cuts) - 1 and self.frontier >= self._cuts[self._index + 1]:
            self.digests.append(self._hasher.hexdigest())
            self._hasher = hashlib.sha256()
            self._index += 1

    def _digest(self, data: bytes | memoryview) -> None:
        """Digest ``data``, which starts at the frontier, up to the end of the last range."""
        view = memoryview(data)
        while view and self._index < len(self._cuts) - 1:
            take = min(len(view), self._cuts[self._index + 1] - self.frontier)
            self._hasher.update(view[:take])
            self.frontier += take
            view = view[take:]
            self._close_ranges()

    def fill(self, stop: int) -> None:
        """Read and digest everything between the frontier and ``stop`` (fewer bytes if the file ends first)."""
        if self.frontier >= stop:
            return
        self._source.seek(self.frontier)
        while self.frontier < stop and (chunk := self._source.read(min(_CHUNK, stop - self.frontier))):
            self._digest(chunk)
        self._source.seek(self.position)

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return self._source.seekable()

    def readinto(self, buffer: Any) -> int:
        start = self.position
        if self.frontier < start < self.end:
            self.fill(start)
        data = _read_full(self._source, len(buffer))
        n = len(data)
        buffer[:n] = data
        if start <= self.frontier < start + n:
            self._digest(memoryview(data)[self.frontier - start :])
        self.position = start + n
        return n

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        self.position = self._source.seek(offset, whence)
        return self.position

    def tell(self) -> int:
        return self.position


def digest_ranges(source: BinaryIO, cuts: Sequence[int]) -> list[str] | None:
    """The sha256 hex digest of each byte range ``[cuts[i], cuts[i+1])`` of an open, seekable stream
    (``len(cuts) - 1`` of them), or None when the stream ends before ``cuts[-1]``. Leaves the stream
    at an unspecified position."""
    raw = _RangeDigestingRaw(source, cuts)
    raw.fill(raw.end)
    return raw.digests if raw.frontier == raw.end else None


class ReadRanges(_DigestingOpener):
    """Byte ranges of one stored file digested while a reader reads the parts of the file it needs.

    ``cuts`` are non-decreasing offsets; range ``i`` is ``[cuts[i], cuts[i+1])``. ``open`` is the opener
    handed to the reader: the first call opens the file and digests, in order, the bytes the reader
    reads; a read ahead of what is digested first reads the bytes between (once, for the digest only),
    so each byte of the ranges is read once however the reader skips (a Parquet reader reading some
    columns of some row groups). ``finish`` reads what is left and returns one hex sha256 per range.
    """

    def __init__(self, location: str, cuts: Sequence[int]) -> None:
        super().__init__(location)
        self._cuts = list(cuts)
        self._raw: _RangeDigestingRaw | None = None

    def _wrap(self, source: BinaryIO) -> BinaryIO:
        self._raw = _RangeDigestingRaw(source, self._cuts)
        return self._raw  # type: ignore[return-value]

    def finish(self) -> list[str] | None:
        """One hex sha256 per range, reading only the bytes not digested yet; None when the file cannot
        be read (now) or ends before the last range does."""
        try:
            if self._source is None:
                self._source = open_read(self._location)
                self._wrap(self._source)
            assert self._raw is not None
            with self._source:
                self._raw.fill(self._raw.end)
        except OSError:
            return None
        return self._raw.digests if self._raw.frontier == self._raw.end else None
