"""Unit tests for transforms.output.sorting: an external sort that spills sorted runs and merges them."""

from __future__ import annotations

import os
import random

import pytest

from transforms.output.sorting import ExternalSort


def _shuffled(n: int) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = [{"id": f"r{i:04d}", "text": "x" * (i % 7)} for i in range(n)]
    random.Random(5).shuffle(rows)
    return rows


def _size(row: dict[str, object]) -> int:
    return 10


def test_a_sort_that_fits_its_buffer_never_spills() -> None:
    rows = _shuffled(50)
    with ExternalSort(lambda r: r["id"], _size, buffer_bytes=501) as sorter:
        for row in rows:
            sorter.add(row)
        assert sorter.runs == 0
        assert [r["id"] for r in sorter.sorted()] == [f"r{i:04d}" for i in range(50)]


def test_a_full_buffer_spills_a_run_and_the_runs_merge_in_order(tmp_path: object) -> None:
    rows = _shuffled(95)
    with ExternalSort(lambda r: r["id"], _size, buffer_bytes=200, spill_dir=str(tmp_path)) as sorter:
        for row in rows:
            sorter.add(row)
        assert sorter.runs == 4  # 20 rows of 10 bytes fill the buffer: 4 runs of 20, 15 rows left in memory
        assert len(os.listdir(tmp_path)) == 1  # one private folder holding the runs
        merged = list(sorter.sorted())
    assert merged == sorted(rows, key=lambda r: str(r["id"]))
    assert os.listdir(tmp_path) == []  # close() removed the runs


def test_runs_keep_values_a_text_can_hold() -> None:
    rows = [{"id": "b", "text": "lone \udc80 surrogate"}, {"id": "a", "text": "Zoë ✓"}, {"id": "c", "text": ""}]
    with ExternalSort(lambda r: r["id"], _size, buffer_bytes=1) as sorter:
        for row in rows:
            sorter.add(row)
        assert sorter.runs == 3
        assert list(sorter.sorted()) == [rows[1], rows[0], rows[2]]


def test_the_buffer_must_hold_something() -> None:
    with pytest.raises(ValueError, match="buffer_bytes must be at least 1"):
        ExternalSort(lambda r: r, len, buffer_bytes=0)
