"""``LocalRunner``: Beam's FnApiRunner, which runs ``scrubline run`` locally, without its lossy input flush.

The FnApiRunner sends each bundle's input to its SDK workers (``multi_processing`` and
``multi_threading`` modes) through output streams that a background thread flushes every second
(``worker_handlers.DATA_BUFFER_TIME_LIMIT_MS``, 1000 in Beam 2.77). That flush hands the buffered
bytes to the send queue and only then clears the buffer, without holding off the runner thread that
keeps writing the bundle's input into it: whatever was written while the send queue blocked (it holds
at most 100 MB) is cleared unsent. The worker never sees those records, the run loses them silently,
and only the manifest's count check (``read != written + quarantined + excluded``) notices. It takes
a bundle input large enough to fill the queue, or a loaded machine: seen with 50,000 records of
2,000 characters (100 MB), never with 20,000.

``LocalRunner`` runs its pipelines with that time limit at 0, Beam's own default for SDK workers:
each input stream is then sent once, whole, when the runner closes it, and no other thread touches
the buffer. gRPC messages of any size are allowed on these channels (Beam sets no limit on them).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from typing import Any

from apache_beam.runners.portability.fn_api_runner import fn_runner, worker_handlers

__all__ = ["LocalRunner", "no_time_flush"]

_LOCK = threading.Lock()
_runs_open = 0  # runs inside no_time_flush at once (threads)
_limit_before = worker_handlers.DATA_BUFFER_TIME_LIMIT_MS


@contextlib.contextmanager
def no_time_flush() -> Iterator[None]:
    """While open, data channels the FnApiRunner starts flush on close or size only, never on a timer.

    Beam reads the limit when a run starts its gRPC server, so it holds for the runs started inside;
    Beam's value comes back when the last of the runs open at once ends.
    """
    global _runs_open, _limit_before
    with _LOCK:
        if _runs_open == 0:
            _limit_before = worker_handlers.DATA_BUFFER_TIME_LIMIT_MS
        _runs_open += 1
        worker_handlers.DATA_BUFFER_TIME_LIMIT_MS = 0
    try:
        yield
    finally:
        with _LOCK:
            _runs_open -= 1
            if _runs_open == 0:
                worker_handlers.DATA_BUFFER_TIME_LIMIT_MS = _limit_before


class LocalRunner(fn_runner.FnApiRunner):
    """``FnApiRunner`` whose runs send every bundle's input whole (see the module docstring)."""

    def run_pipeline(self, pipeline: Any, options: Any) -> Any:
        """Run ``pipeline`` to completion, as the FnApiRunner does, inside ``no_time_flush``."""
        with no_time_flush():
            return super().run_pipeline(pipeline, options)
