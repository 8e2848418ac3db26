"""Beam options and runner selection for ``scrubline run``.

Beam 2.77's DirectRunner first tries its Prism runner, which downloads a Prism binary from the
network when none is installed. scrubline never reaches the network at run time, so for the
DirectRunner (the default) we run Beam's FnApiRunner directly: the same in-process / multi-process
engine the DirectRunner falls back to, honouring ``--direct_num_workers`` and ``--direct_running_mode``.
Any other ``--runner`` (Dataflow, Flink, Spark, PortableRunner) is passed through unchanged.

``ScrublineOptions`` declares scrubline's own options (``--input``, ``--output``, ``--config``...) as
Beam options, so a Flex Template, an orchestrator or code building ``PipelineOptions`` passes them
like any other; ``make_options`` leaves their values out of the job's options (paths are data, and
every SDK worker logs its options at start-up; workers get everything they need inside the job).
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence

from apache_beam.options.pipeline_options import DirectOptions, PipelineOptions, StandardOptions
from apache_beam.runners.runner import PipelineRunner

from pipelines.arguments import add_run_arguments

__all__ = [
    "BALANCE_MAX_INPUT_BYTES",
    "LOCAL_RUNNER_NAMES",
    "ScrublineOptions",
    "balance_workers",
    "make_options",
    "make_runner",
]

LOCAL_RUNNER_NAMES = frozenset({None, "DirectRunner", "direct", "FnApiRunner"})
# Up to this much input, a local run with several workers gives each worker one bin of equal work
# (each worker then holds its bin's records at once); above it, records are spread at random, which
# holds memory flat and balances well anyway when there are many records.
BALANCE_MAX_INPUT_BYTES = 256 * 1024 * 1024


class ScrublineOptions(PipelineOptions):
    """scrubline's own options as Beam options: ``--input`` (repeatable), ``--output``, ``--config``,
    ``--overwrite``, ``--previous``, ``--progress_seconds``, ``--log_level``
    (``pipelines.arguments.add_run_arguments``). None is required here, because Beam parses every options
    class for every job; ``scrubline run`` checks that ``--input`` and ``--output`` are given."""

    @classmethod
    def _add_argparse_args(cls, parser: argparse.ArgumentParser) -> None:
        add_run_arguments(parser, required=False)


def make_options(beam_args: Sequence[str]) -> PipelineOptions:
    """The job's PipelineOptions: the arguments scrubline's own parser did not consume, so scrubline's
    options keep their defaults there (no input or output path travels with the job)."""
    return PipelineOptions(list(beam_args))


def make_runner(options: PipelineOptions) -> PipelineRunner | None:
    """The runner object for local runs (never Prism), or None to let Beam pick the named runner."""
    if options.view_as(StandardOptions).runner not in LOCAL_RUNNER_NAMES:
        return None
    from apache_beam.portability.api import beam_provision_api_pb2
    from apache_beam.runners.portability.fn_api_runner import fn_runner
    from apache_beam.runners.portability.portable_runner import JobServiceHandle

    encoded = JobServiceHandle.encode_pipeline_options(options.get_all_options())
    provision = fn_runner.ExtendedProvisionInfo(beam_provision_api_pb2.ProvisionInfo(pipeline_options=encoded))
    return fn_runner.FnApiRunner(provision_info=provision)


def balance_workers(options: PipelineOptions, input_bytes: int) -> int:
    """How many equal-work bins to deal records into: the local runner's worker count when it runs
    several and the input is at most ``BALANCE_MAX_INPUT_BYTES``; 0 (spread at random) otherwise."""
    if options.view_as(StandardOptions).runner not in LOCAL_RUNNER_NAMES or input_bytes > BALANCE_MAX_INPUT_BYTES:
        return 0
    direct = options.view_as(DirectOptions)
    workers = direct.direct_num_workers or os.cpu_count() or 1  # 0: one per CPU, as the runner does
    if direct.direct_running_mode == "in_memory" or workers < 2:
        return 0
    return workers
