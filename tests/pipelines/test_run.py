"""``pipelines/run.py``: ``scrubline run`` for launchers that run ``python <py_file> --key=value``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipelines import run
from tests.pipelines.test_cli import make_inputs, write_config

ROOT = Path(__file__).resolve().parents[2]


def test_arguments_go_to_scrubline_run_unchanged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src, out = make_inputs(tmp_path), tmp_path / "out"
    argv = ["--runner=DirectRunner", f"--input={src}", f"--output={out}", f"--config={write_config(tmp_path)}"]
    assert run.main([*argv, "--progress_seconds=0"]) == 0
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["counts"]["written"] == 3
    assert run.main(argv) == 2  # the output already holds a run: refused, as on the command line
    assert "already holds" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        run.main(["--runner=DirectRunner"])
    assert exc.value.code == 2
    assert "the following arguments are required: --input, --output" in capsys.readouterr().err


@pytest.mark.slow
def test_runs_as_a_file_from_anywhere(tmp_path: Path) -> None:
    src, out = make_inputs(tmp_path), tmp_path / "out"
    command = [sys.executable, str(ROOT / "pipelines" / "run.py"), f"--input={src}", f"--output={out}"]
    command.append(f"--config={write_config(tmp_path)}")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["counts"]["read"] == 4
