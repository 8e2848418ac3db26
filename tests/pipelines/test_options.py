"""``ScrublineOptions``: scrubline's own options parsed by Beam like any other; never shipped with the job."""

from __future__ import annotations

import argparse

import pytest
from apache_beam.options.pipeline_options import PipelineOptions, StandardOptions

from pipelines.arguments import RUN_OPTION_NAMES, add_run_arguments
from pipelines.options import ScrublineOptions, make_options

ARGV = [
    "--runner=DirectRunner",
    "--input=uploads/a",
    "--input",
    "uploads/b",
    "--output=out",
    "--config=policy.yaml",
    "--overwrite",
    "--previous=runs/current",
    "--progress_seconds=0",
    "--log-level=INFO",
    "--labels=airflow-version=v2-10-5",
]


def test_beam_parses_scrublines_options_like_any_other() -> None:
    own = PipelineOptions(ARGV).view_as(ScrublineOptions)
    assert own.get_all_options(drop_default=True, retain_unknown_options=True) | {"runner": None} == {
        "runner": None,
        "input": ["uploads/a", "uploads/b"],
        "output": "out",
        "config": "policy.yaml",
        "overwrite": True,
        "previous": "runs/current",
        "progress_seconds": 0.0,
        "log_level": "INFO",
        "labels": ["airflow-version=v2-10-5"],
    }
    # as keyword arguments too, as code that builds its options passes them
    kw = PipelineOptions(input=["x"], output="o", progress_seconds=5.0).view_as(ScrublineOptions)
    assert (kw.input, kw.output, kw.progress_seconds, kw.overwrite) == (["x"], "o", 5.0, False)


def test_nothing_is_required_by_beam_and_bad_values_are_refused() -> None:
    assert PipelineOptions([]).view_as(ScrublineOptions).input is None  # workers parse every options class
    with pytest.raises(SystemExit):
        PipelineOptions(["--progress_seconds=-1"]).view_as(ScrublineOptions)


def test_the_job_gets_only_beams_options() -> None:
    parser = argparse.ArgumentParser()
    add_run_arguments(parser, required=True)
    own, rest = parser.parse_known_args(ARGV)
    assert {n: getattr(own, n) for n in RUN_OPTION_NAMES} == {
        "input": ["uploads/a", "uploads/b"],
        "output": "out",
        "config": "policy.yaml",
        "overwrite": True,
        "log_level": "INFO",
        "progress_seconds": 0.0,
        "previous": "runs/current",
    }
    assert rest == ["--runner=DirectRunner", "--labels=airflow-version=v2-10-5"]
    job = make_options(rest)
    assert job.view_as(StandardOptions).runner == "DirectRunner"
    shipped = job.get_all_options()
    assert {n: shipped[n] for n in RUN_OPTION_NAMES} == {
        "input": None,
        "output": None,
        "config": None,
        "overwrite": False,
        "log_level": "WARNING",
        "progress_seconds": 30.0,
        "previous": None,
    }
