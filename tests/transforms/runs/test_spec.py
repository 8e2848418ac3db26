"""Unit tests for transforms.runs.spec: what a run needs, as plain frozen data that pickles to workers."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from transforms.config import parse_config
from transforms.runs.reprocess import ReusePlan
from transforms.runs.spec import PreviousRun, RunSpec

INPUTS = ("/up", "s3://bucket/more/*.txt")


def test_defaults() -> None:
    config = parse_config({})
    run = RunSpec(INPUTS, "/out", config, "rs1")
    assert (run.versions, run.key_ids, run.progress_seconds, run.previous, run.balance_workers) == (
        {},
        {},
        30.0,
        None,
        0,
    )
    assert run.inputs == INPUTS and run.config is config and run.ruleset == "rs1"


def test_specs_are_frozen_and_pickle_whole() -> None:
    plan = ReusePlan(changes=("input.exclude changed",), added_terms={"CUSTOMER": ("Bluefin",)})
    previous = PreviousRun(plan, "rs0", ("/prev/fingerprints/part-00000-of-00001.parquet",), ())
    run = RunSpec(INPUTS, "/out", parse_config({}), "rs1", {"scrubline": "0.1"}, {"K": "k1"}, 0.0, previous, 4)
    assert pickle.loads(pickle.dumps(run)) == run
    with pytest.raises(dataclasses.FrozenInstanceError):
        run.ruleset = "other"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        previous.ruleset = "other"  # type: ignore[misc]
