"""An Airflow DAG that runs scrubline every night with the Apache Beam provider's operator.

Copy this file into Airflow's DAGs folder. The Airflow worker needs ``apache-airflow-providers-apache-beam``
and an interpreter with scrubline installed (``pip install dist/scrubline-0.1.0.tar.gz``): that
interpreter is ``py_interpreter``. The operator runs
``<py_interpreter> -m pipelines.run --runner=<runner> --input=... --output=... --labels=airflow-version=...``
(``pipelines/run.py``: ``scrubline run`` without the sub-command), so every ``pipeline_options`` key is
a ``scrubline run`` option or a Beam option, written as ``--key=value`` (a list repeats the option, ``True``
gives the bare flag). The exit status is scrubline's: 2 (bad config or input) and 3 (too much
quarantined) fail the task like 1 does. ``tests/pipelines/test_airflow_dag.py`` loads this file and
runs the exact command the operator builds.
"""

from __future__ import annotations

import os
from datetime import datetime

from airflow import DAG
from airflow.providers.apache.beam.operators.beam import BeamRunPythonPipelineOperator

# Where the uploads are, where each night's run goes (one folder per run date), the policy file and
# the interpreter with scrubline installed. Read from the environment here so the example runs as is.
UPLOADS = os.environ.get("SCRUBLINE_UPLOADS", "/data/uploads")
RUNS = os.environ.get("SCRUBLINE_RUNS", "/data/scrubbed")
POLICY = os.environ.get("SCRUBLINE_POLICY", "/etc/scrubline/policy.yaml")
PYTHON = os.environ.get("SCRUBLINE_PYTHON", "/opt/scrubline/.venv/bin/python")

with DAG(
    dag_id="scrubline_nightly",
    schedule="15 2 * * *",
    start_date=datetime(2024, 1, 1),
    catchup=False,
    tags=["scrubline"],
) as dag:
    BeamRunPythonPipelineOperator(
        task_id="scrub_uploads",
        py_file="pipelines.run",
        py_options=["-m"],
        py_interpreter=PYTHON,
        runner="DirectRunner",  # or DataflowRunner, FlinkRunner... with their options below
        pipeline_options={
            "input": [UPLOADS],
            "output": RUNS + "/{{ ds_nodash }}",  # templated: one folder per run date
            "config": POLICY,
            # A retried task replaces what its failed try left (never a folder holding other files).
            "overwrite": True,
            "progress_seconds": 60,
        },
    )
