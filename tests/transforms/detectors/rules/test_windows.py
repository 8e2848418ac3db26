"""Windows around keyword hits: merging, widening to whole lines, and the cap on long lines."""

from __future__ import annotations

import pytest

from transforms.detectors.rules.windows import merge_spans, plan_windows, widen_to_lines


@pytest.mark.parametrize(
    ("spans", "merged"),
    [
        ([], []),
        ([(5, 8), (0, 2)], [(0, 2), (5, 8)]),
        ([(0, 4), (4, 6)], [(0, 6)]),  # touching spans merge
        ([(0, 10), (2, 3), (9, 12)], [(0, 12)]),
    ],
)
def test_merge_spans(spans: list[tuple[int, int]], merged: list[tuple[int, int]]) -> None:
    assert merge_spans(spans) == merged


def test_widen_to_lines() -> None:
    text = "alpha\nbravo charlie\ndelta"
    assert widen_to_lines(text, 8, 10, cap=100) == (6, 19)  # "bravo charlie"
    assert widen_to_lines(text, 6, 19, cap=100) == (6, 19)  # already whole lines
    assert widen_to_lines(text, 2, 22, cap=100) == (0, 25)  # text edges
    assert widen_to_lines(text, 12, 13, cap=3) == (9, 16)  # capped on both sides


def test_plan_windows_widens_to_the_line() -> None:
    text = "aaaa\nxx k bb\ncc"
    assert plan_windows(text, [(8, 9)], radius=2) == [(5, 12)]
    assert text[5:12] == "xx k bb"


def test_plan_windows_merges_after_widening() -> None:
    text = "aaaa\nxx k bb k xx\ncc"
    hits = [(8, 9), (13, 14)]  # raw windows (7, 10) and (12, 15) are apart; widened they touch
    assert plan_windows(text, hits, radius=1) == [(6, 16)]
    assert text[6:16] == "x k bb k x"


def test_plan_windows_unsorted_overlapping_hits() -> None:
    text = "k" * 30
    assert plan_windows(text, [(20, 21), (2, 3), (3, 4)], radius=2) == [(0, 8), (16, 25)]
