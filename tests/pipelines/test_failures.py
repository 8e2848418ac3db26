"""A failing worker is reported by where it failed, never by what its exception said."""

from __future__ import annotations

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
