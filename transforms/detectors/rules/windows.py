"""Where a rule's pattern runs: windows around its keyword hits, widened to whole lines and merged.

Pure functions over offsets, so the windowing can be tested without patterns.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["merge_spans", "plan_windows", "widen_to_lines"]


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, disjoint spans covering ``spans``; spans that overlap or touch become one."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def widen_to_lines(text: str, start: int, end: int, cap: int) -> tuple[int, int]:
    """Move ``(start, end)`` out to the start of its first line and the end of its last line.

    The end stops before the line break. Each side moves by at most ``cap`` characters, so a line of
    megabytes still gives a bounded window.
    """
    floor = max(0, start - cap)
    newline = text.rfind("\n", floor, start)
    new_start = newline + 1 if newline >= 0 else floor
    ceiling = min(len(text), end + cap)
    newline = text.find("\n", end, ceiling)
    new_end = newline if newline >= 0 else ceiling
    return new_start, new_end


def plan_windows(text: str, hits: Iterable[tuple[int, int]], radius: int) -> list[tuple[int, int]]:
    """Disjoint, sorted windows of ``text`` holding every hit with ``radius`` characters on each side.

    Windows are widened to whole lines (see ``widen_to_lines``, at most ``radius`` more per side).
    """
    length = len(text)
    raw = merge_spans((max(0, s - radius), min(length, e + radius)) for s, e in hits)
    # widening is monotone in both ends, so the widened spans stay sorted (and sorting them again is linear)
    return merge_spans(widen_to_lines(text, s, e, radius) for s, e in raw)
