"""``assert_linear``: a detector's time grows linearly with its input, checked as a ratio measured in one run.

Not a time limit: shared CI machines are noisy (speed targets live in ``benchmarks/``).
"""

from __future__ import annotations

import time

from transforms.detectors.base import Detector


def _seconds(detector: Detector, text: str) -> float:
    """The best of two timings of ``detect`` on ``text`` (the smaller is less disturbed by other work)."""
    best = float("inf")
    for _ in range(2):
        started = time.perf_counter()
        detector.detect([text])
        best = min(best, time.perf_counter() - started)
    return best


def assert_linear(detector: Detector, unit: str, chars: int) -> None:
    """``unit`` repeated to ``chars`` characters takes well under sixteen times as long as a quarter of it
    (a quadratic scan would take sixteen)."""
    small = _seconds(detector, unit * (chars // 4 // len(unit)))
    large = _seconds(detector, unit * (chars // len(unit)))
    assert large < 8 * small + 0.5, f"{unit!r}: {small:.2f} s for a quarter, {large:.2f} s for all"
