"""Run statistics for people: redaction density per source, the slowest records, worker progress.

Beam-free. None of this is part of the byte-identical output contract: timings vary from run to run,
so they go to ``DIR/run_stats.json`` (and the HTML report), never to ``records/``, ``quarantine/``
or ``manifest.json``. Everything here is an opaque source reference, a count or a duration: no text,
no file name, no record id.
"""

from __future__ import annotations

import json
import logging
import os
import re
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from transforms import storage
from transforms.output.shards import publish_text

__all__ = [
    "DEFAULT_PROGRESS_SECONDS",
    "DEFAULT_TOP",
    "RUN_STATS_NAME",
    "Progress",
    "RecordStat",
    "SourceSummary",
    "build_run_stats",
    "file_ref",
    "safe_ref",
    "share_seconds",
    "write_run_stats",
]

RUN_STATS_NAME = "run_stats.json"
DEFAULT_PROGRESS_SECONDS = 30.0
DEFAULT_TOP = 20

progress_logger = logging.getLogger("scrubline.progress")

# What ``transforms.readers.inputs.opaque_source`` produces: a keyed path fingerprint (16 hex) or, without
# a state key, an ordinal (``000042``, ``000042.3`` for an archive member), then optional position
# suffixes such as ``#L3`` or ``#row5``. Anything else is not shown as given (it could be a name).
_FILE_REF = re.compile(r"src-(?:[0-9a-f]{16}|[0-9]{6,12}(?:\.[0-9]{1,9})?(?=#|$))")
_SAFE_REF = re.compile(r"src-(?:[0-9a-f]{16}|[0-9]{6,12}(?:\.[0-9]{1,9})?)(?:#[A-Za-z]{1,8}[0-9]{1,12})*")


def file_ref(source_ref: str) -> str:
    """The file part of an opaque source reference (``src-<16 hex>``, ``src-<ordinal>``) without ``#L3`` / ``#row5``."""
    return safe_ref(source_ref.split("#", 1)[0])


def safe_ref(source_ref: str) -> str:
    """``source_ref`` if it has the opaque shape ``src-<16 hex or ordinal>[#L3...]``, else a placeholder.

    A reference whose file part is opaque but whose suffix is not keeps the file part only
    (``src-0123456789abcdef#?``); anything else becomes ``unrecognised``.
    """
    if _SAFE_REF.fullmatch(source_ref):
        return source_ref
    head = _FILE_REF.match(source_ref)
    return f"{head.group(0)}#?" if head else "unrecognised"


@dataclass(frozen=True, slots=True)
class RecordStat:
    """What detection cost for one record, without any of its content.

    ``seconds`` is the wall time of the batch the record was detected in, shared out among the
    batch's records by characters (exact for a batch of one record); ``batch_records`` says how many
    records shared it. ``redactions`` counts the redactions in the record's text.
    """

    source_ref: str
    chars: int
    redactions: int
    seconds: float
    batch_records: int
    quarantined: bool


def share_seconds(seconds: float, chars: Sequence[int]) -> list[float]:
    """Split a batch's ``seconds`` among its records in proportion to their characters.

    Records with no characters share equally when the whole batch is empty. The shares sum to
    ``seconds``.
    """
    if not chars:
        return []
    total = sum(chars)
    if total == 0:
        return [seconds / len(chars)] * len(chars)
    return [seconds * n / total for n in chars]


def _density(redactions: int, chars: int) -> float:
    return 1000.0 * redactions / chars if chars else 0.0


@dataclass
class SourceSummary:
    """Totals over every source file seen by detection, plus the ``top`` files with the highest
    redaction density (redactions per 1,000 characters of original text), ties by reference.

    Per file the accumulated values are ``(records, chars, redactions, quarantined)``, where
    ``chars`` and ``redactions`` count records that were redacted (not quarantined) only.
    """

    top: int = DEFAULT_TOP
    sources: int = 0
    records: int = 0
    chars: int = 0
    redactions: int = 0
    quarantined: int = 0
    densest: tuple[tuple[str, int, int, int, int], ...] = ()

    def add(self, ref: str, records: int, chars: int, redactions: int, quarantined: int) -> None:
        """Add one file's totals (each file exactly once)."""
        self.sources += 1
        self.records += records
        self.chars += chars
        self.redactions += redactions
        self.quarantined += quarantined
        self._keep([*self.densest, (ref, records, chars, redactions, quarantined)])

    def merge(self, other: SourceSummary) -> None:
        """Fold in a summary of other files."""
        self.sources += other.sources
        self.records += other.records
        self.chars += other.chars
        self.redactions += other.redactions
        self.quarantined += other.quarantined
        self._keep([*self.densest, *other.densest])

    def _keep(self, entries: list[tuple[str, int, int, int, int]]) -> None:
        entries.sort(key=lambda e: (-_density(e[3], e[2]), e[0]))
        self.densest = tuple(entries[: self.top])

    def to_json(self) -> dict[str, Any]:
        """Counts and the densest source files (by their log-safe reference), as JSON values; never text."""
        return {
            "count": self.sources,
            "records": self.records,
            "chars": self.chars,
            "redactions": self.redactions,
            "quarantined": self.quarantined,
            "per_1000_chars": round(_density(self.redactions, self.chars), 3),
            "densest": [
                {
                    "source": safe_ref(ref),
                    "records": records,
                    "chars": chars,
                    "redactions": redactions,
                    "quarantined": quarantined,
                    "per_1000_chars": round(_density(redactions, chars), 3),
                }
                for ref, records, chars, redactions, quarantined in self.densest
            ],
        }


def build_run_stats(sources: SourceSummary, slowest: Iterable[RecordStat]) -> dict[str, Any]:
    """The content of ``run_stats.json``: source density summary and the slowest records, slowest first."""
    ordered = sorted(slowest, key=lambda s: (-s.seconds, s.source_ref))
    return {
        "run_stats_version": 1,
        "note": (
            "For people only: timings vary from run to run, so this file and report.html are not part of "
            "the byte-identical output. Seconds per record are the batch's wall time shared out by characters."
        ),
        "sources": sources.to_json(),
        "slowest": [
            {
                "source": safe_ref(s.source_ref),
                "chars": s.chars,
                "seconds": round(s.seconds, 4),
                "batch_records": s.batch_records,
                "quarantined": s.quarantined,
            }
            for s in ordered
        ],
    }


def write_run_stats(output_dir: str, stats: Mapping[str, Any]) -> str:
    """Write ``DIR/run_stats.json`` atomically (temp file, then rename); return its path."""
    text = json.dumps(stats, indent=2, sort_keys=True, ensure_ascii=True) + "\n"
    return publish_text(storage.join(output_dir, RUN_STATS_NAME), text)


def _secs(seconds: float) -> str:
    return f"{seconds:,.1f}" if seconds < 10 else f"{seconds:,.0f}"


class Progress:
    """Counts one worker's records and, at most once every ``interval`` seconds, says how it is going.

    ``poll()`` returns (and emits) a line when ``interval`` seconds have passed since the last one and
    there was work since then (records finished or a batch still running); an idle worker stays
    silent, and ``interval <= 0`` disables it. Lines hold counts and rates only. Thread-safe; the clock
    is injectable so tests need no sleeping.
    """

    def __init__(
        self,
        interval: float,
        clock: Callable[[], float] = time.monotonic,
        emit: Callable[[str], None] = progress_logger.warning,
        label: str = "",
    ) -> None:
        self._interval = interval
        self._clock = clock
        self._emit = emit
        self._label = label or f"worker {os.getpid()}"
        self._lock = threading.Lock()
        self._records = self._chars = self._quarantined = 0
        self._since = clock()
        self._records_then = self._chars_then = 0
        self._in_flight: dict[int, tuple[float, int, int]] = {}
        self._next_token = 0

    def start(self, records: int, chars: int) -> int:
        """A batch of ``records`` records and ``chars`` characters starts; returns its token."""
        with self._lock:
            self._next_token += 1
            self._in_flight[self._next_token] = (self._clock(), records, chars)
            return self._next_token

    def finish(self, token: int, quarantined: int) -> None:
        """The batch ``token`` is done, ``quarantined`` of its records went to quarantine."""
        with self._lock:
            _, records, chars = self._in_flight.pop(token)
            self._records += records
            self._chars += chars
            self._quarantined += quarantined

    def abandon(self, token: int) -> None:
        """The batch ``token`` failed (Beam retries it): it counts as not processed."""
        with self._lock:
            self._in_flight.pop(token, None)

    def poll(self) -> str | None:
        """Emit and return a progress line if one is due, else return None."""
        if self._interval <= 0:
            return None
        with self._lock:
            now = self._clock()
            elapsed = now - self._since
            if elapsed < self._interval:
                return None
            done = self._records - self._records_then
            if not done and not self._in_flight:
                self._since = now
                return None
            chars = self._chars - self._chars_then
            line = (
                f"{self._label}: {self._records:,} records processed, {done / elapsed:,.1f} records/s and "
                f"{chars / elapsed:,.0f} chars/s over the last {_secs(elapsed)} s, "
                f"{self._quarantined:,} quarantined so far"
            )
            if self._in_flight:
                oldest = min(started for started, _, _ in self._in_flight.values())
                records = sum(r for _, r, _ in self._in_flight.values())
                in_chars = sum(c for _, _, c in self._in_flight.values())
                line += (
                    f"; {len(self._in_flight)} batch(es) running ({records:,} records, {in_chars:,} chars), "
                    f"the oldest for {_secs(now - oldest)} s"
                )
            self._since = now
            self._records_then, self._chars_then = self._records, self._chars
        self._emit(line)
        return line
