"""A failing worker is reported by where it failed, never by what its exception said."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.pipelines.test_cli import make_inputs, write_config
from transforms.logsafety import SafeFailureFilter, describe_failure

REPO = Path(__file__).resolve().parents[2]
SECRET = "ada@example.com Bluefin"


def _raise_with_data() -> None:
    raise KeyError(SECRET)


def test_describe_failure_names_classes_transform_and_frames_only() -> None:
    try:
        try:
            _raise_with_data()
        except KeyError as inner:
            raise RuntimeError(f"{inner} [while running 'WriteRecords/WriteShard']") from inner
    except RuntimeError as exc:
        line = describe_failure(exc)
    assert line.startswith("(RuntimeError <- KeyError) while running 'WriteRecords/WriteShard'; last frames: ")
    assert "test_failures.py:" in line and "in _raise_with_data" in line
    assert "ada@" not in line and "Bluefin" not in line


def test_describe_failure_reads_a_relayed_worker_traceback() -> None:
    relayed = (
        'Worker: severity: ERROR message: "Traceback (most recent call last):\\n  File \\"/srv/app/transforms/io.py\\",'
        " line 88, in _write\\nKeyError: 'ada@example.com' [while running 'WriteRecords/WriteShard']\""
    )
    assert describe_failure(text=relayed) == (
        "(KeyError) while running 'WriteRecords/WriteShard'; last frames: io.py:88 in _write"
    )


def test_filter_rewrites_records_with_exceptions_and_beam_errors() -> None:
    try:
        _raise_with_data()
    except KeyError:
        record = logging.LogRecord("apache_beam.runners.common", logging.ERROR, "f", 1, SECRET, (), sys.exc_info())
    assert SafeFailureFilter().filter(record)
    assert record.exc_info is None and record.args == ()
    assert record.getMessage().startswith("failure (KeyError); last frames: ")
    assert SECRET not in record.getMessage()
    plain = logging.LogRecord("scrubline.progress", logging.WARNING, "f", 1, "worker 7: 12 records", (), None)
    assert SafeFailureFilter().filter(plain) and plain.getMessage() == "worker 7: 12 records"


@pytest.mark.slow
def test_worker_processes_print_and_log_no_exception_message(tmp_path: Path) -> None:
    src = make_inputs(tmp_path)
    inject = tmp_path / "inject"
    inject.mkdir()
    # Every process, workers included, imports sitecustomize at start: break the shard writer there.
    (inject / "sitecustomize.py").write_text(
        "import transforms.beam.io as io\n"
        "def broken(*args, **kwargs):\n"
        f"    raise KeyError({SECRET!r})\n"
        "io.write_shard = broken\n",
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(inject), str(REPO)])}
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "pipelines.cli", "run", "--input", str(src), "--output", str(out)]
    cmd += ["--config", write_config(tmp_path), "--log-level", "INFO"]
    cmd += ["--direct_num_workers", "2", "--direct_running_mode", "multi_processing"]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert "ada@" not in done.stdout + done.stderr and "Bluefin" not in done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("scrubline: error: the pipeline failed (RuntimeError <- KeyError) while running 'Write")
    assert "in broken" in last
    assert not (out / "manifest.json").exists()


CANARY = "Quillon Varg 7731"  # made up; it stands for any record value an exception could quote
BREAK_A_RECORD_WRITE = f"""
import transforms.output.shards as shards
_write_shard = shards.write_shard
def broken(output_dir, kind, index, num_shards, rows, schema):
    rows = list(rows)
    if {CANARY!r} in repr(rows):
        raise ValueError(f"could not convert {{rows!r}}")  # like pyarrow's conversion errors
    return _write_shard(output_dir, kind, index, num_shards, rows, schema)
shards.write_shard = broken
"""


@pytest.mark.slow
def test_portable_runner_relays_no_record_text(tmp_path: Path) -> None:
    # Beam's PortableRunner with its embedded job service and a LOOPBACK worker: the Fn API path that
    # Flink and Spark use, offline and in one process. The launcher re-logs the job's messages (the
    # worker's error among them) through the root logger, and raises the last one.
    src = tmp_path / "uploads"
    src.mkdir()
    (src / "batch.jsonl").write_text(json.dumps({"id": "c1", "text": f"Note from {CANARY}."}) + "\n", encoding="utf-8")
    inject = tmp_path / "inject"
    inject.mkdir()
    (inject / "sitecustomize.py").write_text(BREAK_A_RECORD_WRITE, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(inject), str(REPO)])}
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "pipelines.cli", "run", "--input", str(src), "--output", str(out)]
    cmd += ["--config", write_config(tmp_path), "--log-level", "DEBUG"]
    cmd += ["--runner", "PortableRunner", "--job_endpoint", "embed", "--environment_type", "LOOPBACK"]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False, timeout=600)
    said = done.stdout + done.stderr
    assert done.returncode == 1, said[-3000:]
    assert CANARY not in said and "Quillon" not in said and "could not convert" not in said
    assert "Traceback" not in said
    # The relayed job messages were there, and rewritten.
    assert "ERROR root: failure (RuntimeError <- ValueError) while running 'WriteRecords/WriteShard'" in said
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith(
        "scrubline: error: the pipeline failed (RuntimeError <- ValueError) while running 'WriteRecords/WriteShard'"
    )
    assert "io.py:" in last and "in broken" in last
    assert not (out / "manifest.json").exists()
