"""``pipelines/airflow_dag.py`` parsed with stand-ins for Airflow, and the exact command line Airflow's
``BeamRunPythonPipelineOperator`` builds from it, run for real.

The provider (``apache-airflow-providers-apache-beam``) needs Airflow itself, far too heavy for a test
environment, so the command is built here the way the provider's source builds it
(``airflow/providers/apache/beam/operators/beam.py``: ``execute`` adds an ``airflow-version`` label,
merges ``default_pipeline_options`` and ``pipeline_options`` and snake-cases the keys;
``hooks/beam.py``: ``start_python_pipeline`` turns the labels into ``key=value`` strings and runs
``[py_interpreter, *py_options, py_file, "--runner=<runner>", *beam_options_to_args(options)]``).
"""

from __future__ import annotations

import json
import os
import re
import runpy
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.pipelines.test_cli import NO_NER, make_inputs

ROOT = Path(__file__).resolve().parents[2]
DAG_FILE = ROOT / "pipelines" / "airflow_dag.py"
AIRFLOW_VERSION = "2.10.5"


class _Dag:
    def __init__(self, dag_id: str, **kwargs: Any) -> None:
        self.dag_id, self.kwargs, self.tasks = dag_id, kwargs, []

    def __enter__(self) -> _Dag:
        _Dag.current = self
        return self

    def __exit__(self, *exc: object) -> None:
        _Dag.current = None


class _BeamRunPythonPipelineOperator:
    def __init__(
        self,
        *,
        task_id: str,
        py_file: str,
        runner: str = "DirectRunner",
        default_pipeline_options: dict | None = None,
        pipeline_options: dict | None = None,
        py_interpreter: str = "python3",
        py_options: list[str] | None = None,
    ) -> None:
        self.task_id, self.py_file, self.runner = task_id, py_file, runner
        self.default_pipeline_options = default_pipeline_options or {}
        self.pipeline_options = pipeline_options or {}
        self.py_interpreter, self.py_options = py_interpreter, py_options or []
        _Dag.current.tasks.append(self)


def _load_dag(monkeypatch: pytest.MonkeyPatch) -> _Dag:
    airflow = types.ModuleType("airflow")
    airflow.DAG = _Dag
    operators = types.ModuleType("airflow.providers.apache.beam.operators.beam")
    operators.BeamRunPythonPipelineOperator = _BeamRunPythonPipelineOperator
    for name in ("airflow.providers", "airflow.providers.apache", "airflow.providers.apache.beam"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "airflow", airflow)
    monkeypatch.setitem(sys.modules, "airflow.providers.apache.beam.operators", types.ModuleType("x"))
    monkeypatch.setitem(sys.modules, "airflow.providers.apache.beam.operators.beam", operators)
    return runpy.run_path(str(DAG_FILE))["dag"]


def _render(value: Any, context: dict[str, str]) -> Any:
    """Airflow's rendering of a templated field, for the ``{{ name }}`` forms the DAG uses."""
    if isinstance(value, str):
        return re.sub(r"\{\{\s*(\w+)\s*\}\}", lambda m: context[m.group(1)], value)
    if isinstance(value, list):
        return [_render(v, context) for v in value]
    if isinstance(value, dict):
        return {k: _render(v, context) for k, v in value.items()}
    return value


def _options_to_args(options: dict[str, Any]) -> list[str]:
    """The provider's ``beam_options_to_args``: True -> ``--k``, False and None skipped, a list repeats
    ``--k=v``, a dict is JSON, anything else ``--k=v``."""
    args: list[str] = []
    for key, value in options.items():
        if isinstance(value, bool):
            args += [f"--{key}"] if value else []
        elif isinstance(value, list):
            args += [f"--{key}={v}" for v in value]
        elif isinstance(value, dict):
            args.append(f"--{key}={json.dumps(value)}")
        elif value is not None:
            args.append(f"--{key}={value}")
    return args


def operator_command(op: _BeamRunPythonPipelineOperator, context: dict[str, str]) -> list[str]:
    """The command ``BeamRunPythonPipelineOperator.execute`` runs (DirectRunner, no ``py_requirements``)."""
    pipeline_options = _render(op.pipeline_options, context)
    label = "v" + AIRFLOW_VERSION.replace(".", "-").replace("+", "-")
    pipeline_options.setdefault("labels", {}).update({"airflow-version": label})
    merged = {**_render(op.default_pipeline_options, context), **pipeline_options}
    variables = {re.sub(r"(?!^)([A-Z]+)", r"_\1", k).lower(): v for k, v in merged.items()}
    variables["labels"] = [f"{k}={v}" for k, v in variables["labels"].items()]
    return [op.py_interpreter, *op.py_options, op.py_file, f"--runner={op.runner}", *_options_to_args(variables)]


@pytest.fixture
def dag_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    policy = tmp_path / "policy.yaml"
    policy.write_text(yaml.safe_dump(NO_NER), encoding="utf-8")
    env = {
        "SCRUBLINE_UPLOADS": str(make_inputs(tmp_path)),
        "SCRUBLINE_RUNS": str(tmp_path / "runs"),
        "SCRUBLINE_POLICY": str(policy),
        "SCRUBLINE_PYTHON": sys.executable,
    }
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return env


def test_the_dag_parses_and_its_operator_command_runs_scrubline(
    dag_env: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dag = _load_dag(monkeypatch)
    assert dag.dag_id == "scrubline_nightly" and [t.task_id for t in dag.tasks] == ["scrub_uploads"]
    command = operator_command(dag.tasks[0], {"ds_nodash": "20240102"})
    out = Path(dag_env["SCRUBLINE_RUNS"]) / "20240102"
    assert command == [
        sys.executable,
        "-m",
        "pipelines.run",
        "--runner=DirectRunner",
        f"--input={dag_env['SCRUBLINE_UPLOADS']}",
        f"--output={out}",
        f"--config={dag_env['SCRUBLINE_POLICY']}",
        "--overwrite",
        "--progress_seconds=60",
        "--labels=airflow-version=v2-10-5",
    ]
    # The hook runs it with no shell, from Airflow's own working directory: not the repository.
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert (manifest["counts"]["read"], manifest["counts"]["written"], manifest["counts"]["quarantined"]) == (4, 3, 1)
    assert f"scrubline: output in {out}" in done.stdout
