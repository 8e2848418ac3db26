"""The scheduling recipe (pipelines/scheduled_run.sh) as cron would run it: first run, an incremental
run after a rule change that is published with its diff, and a run held back by the review gate."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

SCRIPT = Path(__file__).resolve().parents[2] / "pipelines" / "scheduled_run.sh"
CONFIG = {
    "detectors": ["presidio", "credentials", "proprietary_terms", "patterns"],
    "proprietary": {"terms": {"CODENAME": ["Bluefin"]}},
    "output": {"num_shards": 1},
}

pytestmark = pytest.mark.skipif(shutil.which("flock") is None, reason="flock (util-linux) not installed")


def _recipe(runs: Path, inputs: Path, cfg: dict, run_id: str, **env: str) -> subprocess.CompletedProcess[str]:
    config = runs.parent / f"{run_id}.yaml"
    config.write_text(yaml.safe_dump(cfg), encoding="utf-8")
    environ = {
        **os.environ,
        "SCRUBLINE": str(Path(sys.executable).parent / "scrubline"),
        "SCRUBLINE_RUN_ID": run_id,
        "SCRUBLINE_STATE_KEY": "state-key-for-scheduled-runs-01",  # --previous and diff need it
        **env,
    }
    args = [str(SCRIPT), str(inputs), str(runs), str(config), "--progress-seconds", "0"]
    return subprocess.run(args, env=environ, capture_output=True, text=True, timeout=300)


def test_cron_recipe_runs_incrementally_diffs_and_publishes(tmp_path: Path) -> None:
    inputs = tmp_path / "uploads"
    inputs.mkdir()
    records = [{"id": f"r{i}", "text": f"note {i} about Nightjar" if i < 2 else f"note {i}"} for i in range(10)]
    (inputs / "batch.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    runs = tmp_path / "runs"

    first = _recipe(runs, inputs, CONFIG, "day1")
    assert first.returncode == 0, first.stderr
    assert os.readlink(runs / "current") == "runs/day1"

    added = json.loads(json.dumps(CONFIG))
    added["proprietary"]["terms"]["CODENAME"].append("Nightjar")
    second = _recipe(runs, inputs, added, "day2")
    assert second.returncode == 0, second.stderr
    assert os.readlink(runs / "current") == "runs/day2"
    reuse = json.loads((runs / "runs" / "day2" / "manifest.json").read_text())["reuse"]
    assert (reuse["mode"], reuse["redetected"], reuse["carried_over"]) == ("incremental", 2, 8)
    diff = json.loads((runs / "diffs" / "day2.json").read_text())
    assert diff["records"] == {"added": 0, "removed": 0, "changed": 2, "unchanged": 8}
    assert "records: 0 added, 0 removed, 2 changed, 8 unchanged" in (runs / "diffs" / "day2.txt").read_text()

    removed = json.loads(json.dumps(added))
    removed["proprietary"]["terms"]["CODENAME"] = ["Bluefin"]
    held = _recipe(runs, inputs, removed, "day3", SCRUBLINE_MAX_CHANGED_SHARE="0.1")
    assert held.returncode == 4, held.stderr
    assert "held back for review" in held.stderr
    assert os.readlink(runs / "current") == "runs/day2"  # not published
    assert (runs / "runs" / "day3" / "manifest.json").exists()
