"""Run statistics and progress lines: exact outcomes with a fake clock, no sleeping."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from transforms.runs.stats import (
    RUN_STATS_NAME,
    Progress,
    RecordStat,
    SourceSummary,
    build_run_stats,
    file_ref,
    safe_ref,
    share_seconds,
    write_run_stats,
)

REF_A = "src-00000000000000aa"
REF_B = "src-00000000000000bb"


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def make_progress(interval: float = 30.0) -> tuple[Progress, FakeClock, list[str]]:
    clock = FakeClock()
    lines: list[str] = []
    return Progress(interval, clock=clock, emit=lines.append, label="worker 7"), clock, lines


def test_progress_reports_counts_and_rates_once_per_interval() -> None:
    progress, clock, lines = make_progress()
    token = progress.start(4, 2000)
    progress.finish(token, quarantined=1)
    clock.now += 29.9
    assert progress.poll() is None
    clock.now += 0.1
    expected = "worker 7: 4 records processed, 0.1 records/s and 67 chars/s over the last 30 s, 1 quarantined so far"
    assert progress.poll() == expected
    assert lines == [expected]
    assert progress.poll() is None  # not again within the interval

    token = progress.start(1000, 1_500_000)
    progress.finish(token, quarantined=0)
    clock.now += 60
    assert progress.poll() == (
        "worker 7: 1,004 records processed, 16.7 records/s and 25,000 chars/s over the last 60 s, 1 quarantined so far"
    )


def test_progress_reports_a_long_running_batch() -> None:
    progress, clock, lines = make_progress(interval=10)
    progress.start(2, 5_000_000)
    clock.now += 95
    assert progress.poll() == (
        "worker 7: 0 records processed, 0.0 records/s and 0 chars/s over the last 95 s, 0 quarantined so far; "
        "1 batch(es) running (2 records, 5,000,000 chars), the oldest for 95 s"
    )
    assert len(lines) == 1


def test_idle_worker_stays_silent_and_abandoned_batches_do_not_count() -> None:
    progress, clock, lines = make_progress(interval=10)
    clock.now += 100
    assert progress.poll() is None
    token = progress.start(3, 30)
    progress.abandon(token)
    clock.now += 10
    assert progress.poll() is None
    assert lines == []


def test_progress_disabled_with_zero_interval() -> None:
    progress, clock, lines = make_progress(interval=0)
    progress.finish(progress.start(1, 1), quarantined=0)
    clock.now += 1e6
    assert progress.poll() is None and lines == []


@pytest.mark.parametrize(
    "seconds, chars, expected",
    [
        (3.0, [100, 200], [1.0, 2.0]),
        (2.0, [0, 0], [1.0, 1.0]),
        (1.0, [5, 0], [1.0, 0.0]),
        (1.0, [], []),
    ],
)
def test_share_seconds(seconds: float, chars: list[int], expected: list[float]) -> None:
    assert share_seconds(seconds, chars) == expected


@pytest.mark.parametrize(
    "ref, safe, file",
    [
        ("src-0123456789abcdef", "src-0123456789abcdef", "src-0123456789abcdef"),
        ("src-0123456789abcdef#L3", "src-0123456789abcdef#L3", "src-0123456789abcdef"),
        ("src-0123456789abcdef#row12", "src-0123456789abcdef#row12", "src-0123456789abcdef"),
        ("src-0123456789abcdef#invoice-ada.pdf", "src-0123456789abcdef#?", "src-0123456789abcdef"),
        ("notes/ada-lovelace.txt#L1", "unrecognised", "unrecognised"),
        ("src-0123456789ABCDEF", "unrecognised", "unrecognised"),
        ("", "unrecognised", "unrecognised"),
        # Without a state key: the file's ordinal in the listing, ``.<n>`` for an archive member.
        ("src-000042", "src-000042", "src-000042"),
        ("src-000042.3#L2", "src-000042.3#L2", "src-000042.3"),
        ("src-000042#Ada", "src-000042#?", "src-000042"),
        ("src-000042ada", "unrecognised", "unrecognised"),
        ("src-000042.ada", "unrecognised", "unrecognised"),
        ("src-42", "unrecognised", "unrecognised"),
    ],
)
def test_only_opaque_references_pass(ref: str, safe: str, file: str) -> None:
    assert safe_ref(ref) == safe
    assert file_ref(ref) == file


def test_source_summary_keeps_the_densest_and_merges() -> None:
    left = SourceSummary(top=2)
    left.add(REF_A, records=2, chars=1000, redactions=5, quarantined=0)
    left.add("src-00000000000000cc", records=1, chars=100, redactions=0, quarantined=1)
    right = SourceSummary(top=2)
    right.add(REF_B, records=3, chars=200, redactions=5, quarantined=0)
    left.merge(right)
    assert left.to_json() == {
        "count": 3,
        "records": 6,
        "chars": 1300,
        "redactions": 10,
        "quarantined": 1,
        "per_1000_chars": 7.692,
        "densest": [
            {"source": REF_B, "records": 3, "chars": 200, "redactions": 5, "quarantined": 0, "per_1000_chars": 25.0},
            {"source": REF_A, "records": 2, "chars": 1000, "redactions": 5, "quarantined": 0, "per_1000_chars": 5.0},
        ],
    }


def test_run_stats_order_slowest_first_and_hide_non_opaque_refs(tmp_path: Path) -> None:
    slow = [
        RecordStat(f"{REF_A}#L1", 10, 1, 0.5, 2, False),
        RecordStat("uploads/ada.txt", 20, 0, 2.0, 1, True),
        RecordStat(f"{REF_B}#L2", 30, 3, 1.25, 2, False),
    ]
    stats = build_run_stats(SourceSummary(), slow)
    assert [(s["source"], s["seconds"], s["chars"], s["quarantined"]) for s in stats["slowest"]] == [
        ("unrecognised", 2.0, 20, True),
        (f"{REF_B}#L2", 1.25, 30, False),
        (f"{REF_A}#L1", 0.5, 10, False),
    ]
    path = write_run_stats(str(tmp_path), stats)
    assert path == str(tmp_path / RUN_STATS_NAME)
    assert json.loads(Path(path).read_text(encoding="utf-8")) == stats
    assert sorted(p.name for p in tmp_path.iterdir()) == [RUN_STATS_NAME]
