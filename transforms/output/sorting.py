"""Sorting more rows than fit in memory, Beam-free: sorted runs spilled to local temp files, then merged.

``ExternalSort`` holds at most ``buffer_bytes`` of items (as its ``size_of`` counts them) in memory;
when the buffer is full it is sorted and written to a run file in a private temporary folder on the
worker's local disk, and ``sorted()`` merges the runs with ``heapq.merge``, reading one item of each
run at a time. A sort that never fills its buffer never touches the disk. The run files are scratch
space of one call on one worker (never inputs or outputs, so not behind Beam's file systems), written
and read back by the same process with pickle, and removed by ``close()``.
"""

from __future__ import annotations

import heapq
import os
import pickle
import tempfile
from collections.abc import Callable, Iterator
from types import TracebackType
from typing import Any, Generic, TypeVar

__all__ = ["SORT_BUFFER_BYTES", "ExternalSort"]

SORT_BUFFER_BYTES = 64 * 2**20

T = TypeVar("T")


def _read_run(path: str) -> Iterator[Any]:
    with open(path, "rb") as fh:
        while True:
            try:
                yield pickle.load(fh)
            except EOFError:
                return


class ExternalSort(Generic[T]):
    """Collects items with ``add()``, then yields them ordered by ``key`` from ``sorted()``.

    Items with equal keys come out in an unspecified order, as with any sort of an unordered input.
    Memory: at most ``buffer_bytes`` of items (by ``size_of``) plus one item per spilled run. Use it as
    a context manager (or call ``close()``) so the run files are removed.
    """

    def __init__(
        self,
        key: Callable[[T], Any],
        size_of: Callable[[T], int],
        buffer_bytes: int = SORT_BUFFER_BYTES,
        spill_dir: str | None = None,
    ) -> None:
        if buffer_bytes < 1:
            raise ValueError("buffer_bytes must be at least 1")
        self._key = key
        self._size_of = size_of
        self._limit = buffer_bytes
        self._spill_dir = spill_dir
        self._buffer: list[T] = []
        self._held = 0
        self._runs: list[str] = []
        self._tmp: tempfile.TemporaryDirectory[str] | None = None

    @property
    def runs(self) -> int:
        """How many sorted runs went to disk so far (0: everything is still in memory)."""
        return len(self._runs)

    def add(self, item: T) -> None:
        """Take one item; spill the buffer to a sorted run once it holds ``buffer_bytes`` or more."""
        self._buffer.append(item)
        self._held += self._size_of(item)
        if self._held >= self._limit:
            self._spill()

    def _spill(self) -> None:
        if self._tmp is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="scrubline-sort-", dir=self._spill_dir)
        self._buffer.sort(key=self._key)
        path = os.path.join(self._tmp.name, f"run-{len(self._runs):06d}")
        with open(path, "wb") as fh:
            for item in self._buffer:
                pickle.dump(item, fh, protocol=pickle.HIGHEST_PROTOCOL)
        self._runs.append(path)
        self._buffer, self._held = [], 0

    def sorted(self) -> Iterator[T]:
        """Every item added, ordered by ``key``; call once, after the last ``add()``."""
        self._buffer.sort(key=self._key)
        rest, self._buffer, self._held = self._buffer, [], 0
        if not self._runs:
            return iter(rest)
        return heapq.merge(*(_read_run(p) for p in self._runs), rest, key=self._key)

    def close(self) -> None:
        """Remove the run files (idempotent)."""
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None
        self._runs = []

    def __enter__(self) -> ExternalSort[T]:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
