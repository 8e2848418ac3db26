"""Beam options and runner selection for ``scrubline run``.

Beam 2.77's DirectRunner first tries its Prism runner, which downloads a Prism binary from the
network when none is installed. scrubline never reaches the network at run time, so for the
DirectRunner (the default) we run Beam's FnApiRunner directly: the same in-process / multi-process
engine the DirectRunner falls back to, honouring ``--direct_num_workers`` and ``--direct_running_mode``.
Any other ``--runner`` (Dataflow, Flink, Spark, PortableRunner) is passed through unchanged.

``make_pipeline`` checks the runner and builds the ``Pipeline`` before anything is read or written: a
runner that cannot start here (an unknown name, a Beam extra that is not installed, a missing job
endpoint, options the runner rejects) is a ``RunnerError`` whose message says what to install or pass.
Those messages are readable because nothing but options and package names exists at that point;
every failure after it is reported by ``transforms.logsafety`` (classes and code locations only).
``ScrublineOptions`` declares scrubline's own options (``--input``, ``--output``, ``--config``...) as
Beam options, so a Flex Template, an orchestrator or code building ``PipelineOptions`` passes them
like any other; ``make_options`` leaves their values out of the job's options (paths are data, and
every SDK worker logs its options at start-up; workers get everything they need inside the job).
"""

from __future__ import annotations

import argparse
import importlib
import os
from collections.abc import Sequence

import apache_beam as beam
from apache_beam.options.pipeline_options import DirectOptions, PipelineOptions, PortableOptions, StandardOptions
from apache_beam.runners.runner import PipelineRunner, create_runner

from pipelines.arguments import add_run_arguments

__all__ = [
    "BALANCE_MAX_INPUT_BYTES",
    "LOCAL_RUNNER_NAMES",
    "RunnerError",
    "ScrublineOptions",
    "balance_workers",
    "check_runner",
    "make_options",
    "make_pipeline",
    "make_runner",
]

LOCAL_RUNNER_NAMES = frozenset({None, "DirectRunner", "direct", "FnApiRunner"})
# Up to this much input, a local run with several workers gives each worker one bin of equal work
# (each worker then holds its bin's records at once); above it, records are spread at random, which
# holds memory flat and balances well anyway when there are many records.
BALANCE_MAX_INPUT_BYTES = 256 * 1024 * 1024
# Runners (by class, subclasses too) whose Python side needs a Beam extra scrubline does not install:
# the module Beam imports only when the job is submitted, and the extra that provides it.
_RUNNER_EXTRAS = {"DataflowRunner": ("apache_beam.runners.dataflow.internal.apiclient", "gcp")}


class RunnerError(Exception):
    """The runner cannot start with these options or this installation; the message says what to fix.

    Raised before anything is read, so it quotes options and package names only, never data.
    """


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

    from pipelines.local_runner import LocalRunner

    encoded = JobServiceHandle.encode_pipeline_options(options.get_all_options())
    provision = fn_runner.ExtendedProvisionInfo(beam_provision_api_pb2.ProvisionInfo(pipeline_options=encoded))
    return LocalRunner(provision_info=provision)  # Beam's FnApiRunner without its lossy input flush


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def _check_extras(name: str, runner: PipelineRunner) -> None:
    for cls in type(runner).__mro__:
        if cls.__name__ in _RUNNER_EXTRAS:
            module, extra = _RUNNER_EXTRAS[cls.__name__]
            try:
                importlib.import_module(module)
            except ImportError as exc:
                raise RunnerError(
                    f"--runner {name} needs Beam's {extra} extra, which is not installed "
                    f"({type(exc).__name__}: {_one_line(exc)}): pip install 'apache-beam[{extra}]=={beam.__version__}'"
                ) from None


def check_runner(options: PipelineOptions) -> None:
    """Raise ``RunnerError`` when the named runner cannot start here: an unknown name, a runner whose
    Beam extra is missing (``DataflowRunner`` needs ``apache-beam[gcp]``), or ``PortableRunner``
    without ``--job_endpoint``. Local runs (the default) always pass."""
    name = options.view_as(StandardOptions).runner
    if name in LOCAL_RUNNER_NAMES:
        return
    try:
        runner = create_runner(name)
    except Exception as exc:  # an unknown name, a missing or broken runner module: no data exists yet
        raise RunnerError(f"--runner {name}: {type(exc).__name__}: {_one_line(exc)}") from None
    _check_extras(name, runner)
    if type(runner).__name__ == "PortableRunner" and not options.view_as(PortableOptions).job_endpoint:
        raise RunnerError(
            "--runner PortableRunner needs --job_endpoint HOST:PORT (a running Beam job service); "
            "--runner FlinkRunner or SparkRunner start one themselves"
        )


def make_pipeline(options: PipelineOptions) -> beam.Pipeline:
    """``check_runner``, then the ``Pipeline`` for ``options`` (the local FnApiRunner for local runs).

    Raises ``RunnerError`` with the runner's own message on one line when it rejects the options (for
    example Dataflow's missing project or region): no input has been read yet, so it can quote no data.
    """
    check_runner(options)
    try:
        return beam.Pipeline(runner=make_runner(options), options=options)
    except Exception as exc:  # options and runner only: no record, no file name exists here yet
        runner = options.view_as(StandardOptions).runner or "DirectRunner"
        raise RunnerError(f"--runner {runner}: {_one_line(exc)}") from None


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
