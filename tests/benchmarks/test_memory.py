"""benchmarks.memory without running a pipeline: its input generator (the same arguments give the
same records), its arguments and launcher command, and the process-tree sampler it reads the worker
pool with."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.memory import generate_records, launch_command, parse_args, pool_role
from benchmarks.throughput import TreeSampler, _cmdline, _tree


def test_generated_records_are_repeatable_and_about_the_size_asked(tmp_path: Path) -> None:
    size = generate_records(tmp_path / "a.jsonl", 30, 200)
    generate_records(tmp_path / "b.jsonl", 30, 200)
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()
    rows = [json.loads(line) for line in (tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == [f"rec-{i:08d}" for i in range(30)]
    assert all(199 <= len(r["text"]) <= 206 for r in rows)  # words of up to 7 letters, one blank apart
    assert size == (tmp_path / "a.jsonl").stat().st_size


def test_runner_defaults_to_direct_and_accepts_flink_only() -> None:
    assert parse_args([]).runner == "direct"
    assert parse_args(["--runner", "flink", "--records", "2000"]).runner == "flink"
    with pytest.raises(SystemExit):
        parse_args(["--runner", "spark"])


def test_launch_command_uses_two_direct_workers_or_the_engines_flags(tmp_path: Path) -> None:
    inp, out, config = tmp_path / "in.jsonl", tmp_path / "out", tmp_path / "config.json"
    direct = launch_command(parse_args([]), inp, out, config, ["--ignored"])
    assert direct[-4:] == ["--direct_running_mode", "multi_processing", "--direct_num_workers", "2"]
    assert "--ignored" not in direct
    flags = ["--runner=FlinkRunner", "--environment_type=EXTERNAL", "--environment_config=localhost:1"]
    flink = launch_command(parse_args(["--runner", "flink"]), inp, out, config, flags)
    assert flink[-3:] == flags
    assert not any(a.startswith("--direct_") for a in flink)
    # Both: scrubline run on the input, bins off (limit 0) unless --balance.
    for cmd in (direct, flink):
        i = cmd.index("run")
        assert cmd[i - 1] == "0"
        assert cmd[i + 1 : i + 8] == ["--input", str(inp), "--output", str(out), "--overwrite", "--config", str(config)]
    assert launch_command(parse_args(["--balance"]), inp, out, config, [])[cmd.index("run") - 1] == str(
        256 * 1024 * 1024
    )


def test_tree_sampler_sees_a_process_and_its_children_with_their_roles() -> None:
    # A parent that starts two sleeping children and waits; the sampler follows the tree from the parent.
    code = "import subprocess, sys, time; [subprocess.Popen(['sleep', '60']) for _ in range(2)]; time.sleep(60)"
    parent = subprocess.Popen([sys.executable, "-c", code], start_new_session=True)
    try:
        for _ in range(400):  # until both children have become `sleep` (a child is python until it execs)
            kids = [pid for pid in _tree(parent.pid)[0] if pid != parent.pid]
            if len(kids) == 2 and all(_cmdline(pid) == "sleep 60" for pid in kids):
                break
            time.sleep(0.05)
        sampler = TreeSampler(parent.pid, pool_role(parent.pid))
        sampler.sample()
        peaks = sampler.start().stop()
    finally:
        os.killpg(parent.pid, signal.SIGKILL)
        parent.wait()
    assert [p.pid for p in peaks] == sorted(sampler.peaks)
    assert {p.pid: p.role for p in peaks}[parent.pid] == "pool"
    children = [p for p in peaks if p.pid != parent.pid]
    assert [(p.role, p.cmd) for p in children] == [("worker", "sleep 60"), ("worker", "sleep 60")]
    assert all(p.peak_rss_mb > 0 for p in peaks)
    assert sampler.tree_peak_kb > 0


def test_records_split_into_files_are_the_same_records(tmp_path: Path) -> None:
    whole = generate_records(tmp_path / "one.jsonl", 7, 50)
    split = generate_records(tmp_path / "parts", 7, 50, file_records=3)
    files = sorted((tmp_path / "parts").iterdir())
    assert [f.name for f in files] == ["part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl"]
    assert [len(f.read_text(encoding="utf-8").splitlines()) for f in files] == [3, 3, 1]
    assert b"".join(f.read_bytes() for f in files) == (tmp_path / "one.jsonl").read_bytes()
    assert split == whole
    assert parse_args(["--file-records", "2000"]).file_records == 2000
    assert parse_args([]).file_records == 0
