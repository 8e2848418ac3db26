"""Off by default: with ``SCRUBLINE_RSS_PROBE_DIR`` set, worker steps append their process's VmRSS and
VmHWM (from ``/proc/self/status``) with the step's name to ``DIR/rss-<pid>.log``, one line per sample:
``time pid step count rss_kb hwm_kb channels send_kb pending_kb received_kb``, the last four the KB
queued in Beam's gRPC data channels (Beam internals, read best-effort). Names, sizes and counts only.
``safe_step`` samples the first and every 200th call of a step (every 10th of the redaction batch),
``WriteShards`` each shard's start and end. For finding which stage's memory grows with the input
(``benchmarks.memory`` passes the variable on, one folder per size)."""

from __future__ import annotations

import os
import time
from collections import Counter
from typing import Any

__all__ = ["ENABLED", "sample", "tick"]

_DIR = os.environ.get("SCRUBLINE_RSS_PROBE_DIR", "")
ENABLED = bool(_DIR)
_EVERY = 200
_calls: Counter[str] = Counter()


def _status_kb() -> tuple[int, int]:
    rss = hwm = 0
    with open("/proc/self/status", encoding="ascii", errors="replace") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1])
            elif line.startswith("VmHWM:"):
                hwm = int(line.split()[1])
    return rss, hwm


_channels: list[Any] = []
_scans = 0


def _queued_kb() -> str:
    """KB queued in Beam's data channels: to send, pending send, received (found once by a gc scan)."""
    global _scans
    try:
        if not _channels and _scans < 3:
            import gc
            import weakref

            from apache_beam.runners.worker.data_plane import _GrpcDataChannel

            _scans += 1
            _channels.extend(weakref.ref(o) for o in gc.get_objects() if isinstance(o, _GrpcDataChannel))
        send = pending = received = 0
        for ref in _channels:
            ch = ref()
            if ch is None:
                continue
            send += ch._to_send._byte_size
            pending += ch._pending_send._byte_size
            received += sum(q._byte_size for q in list(ch._received.values()))
        return f"{len(_channels)} {send // 1024} {pending // 1024} {received // 1024}"
    except Exception as exc:  # a probe never fails a step
        return f"err:{type(exc).__name__}"


def sample(label: str, count: int = 0) -> None:
    """Append one line ``time pid label count rss_kb hwm_kb`` (no-op unless enabled)."""
    if not ENABLED:
        return
    try:
        rss, hwm = _status_kb()
        pid = os.getpid()
        with open(os.path.join(_DIR, f"rss-{pid}.log"), "a", encoding="utf-8") as f:
            f.write(f"{time.time():.2f} {pid} {label} {count} {rss} {hwm} {_queued_kb()}\n")
    except OSError:
        pass


def tick(label: str) -> None:
    """``sample(label)`` on the first call and every ``_EVERY``-th call of ``label`` in this process."""
    if not ENABLED:
        return
    n = _calls[label]
    _calls[label] = n + 1
    if n % (_EVERY // 20 if "Redact" in label else _EVERY) == 0:
        sample(label, n)
