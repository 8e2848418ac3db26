"""The worker memory probe: off unless SCRUBLINE_RSS_PROBE_DIR is set; names, counts and sizes only."""

from __future__ import annotations

from pathlib import Path

import pytest

from transforms.beam import memprobe
from transforms.logsafety import safe_step


def test_off_by_default_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memprobe, "_DIR", str(tmp_path))
    monkeypatch.setattr(memprobe, "ENABLED", False)
    memprobe.sample("Step", 3)
    memprobe.tick("Step")
    assert list(tmp_path.iterdir()) == []


def test_samples_the_first_and_every_200th_call_of_a_step(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memprobe, "_DIR", str(tmp_path))
    monkeypatch.setattr(memprobe, "ENABLED", True)
    monkeypatch.setattr(memprobe, "_calls", memprobe.Counter())

    @safe_step
    def probed_step(x: int) -> int:
        return x + 1

    assert [probed_step(i) for i in range(401)] == list(range(1, 402))
    (log,) = tmp_path.iterdir()
    lines = [line.split() for line in log.read_text(encoding="utf-8").splitlines()]
    label = probed_step.__qualname__
    assert [(fields[2], fields[3]) for fields in lines] == [(label, "0"), (label, "200"), (label, "400")]
    # time pid label count rss_kb hwm_kb, then the data channels' queued KB (none outside a worker)
    assert all(len(fields) == 10 and int(fields[4]) > 0 and int(fields[5]) >= int(fields[4]) for fields in lines)
    assert all(fields[6:] == ["0", "0", "0", "0"] for fields in lines)
