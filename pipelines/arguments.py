"""The arguments of ``scrubline run``, declared once for the command line and for Beam.

``add_run_arguments`` fills both the ``run`` sub-command's parser (``pipelines.cli``, where ``--input``
and ``--output`` are required) and ``ScrublineOptions._add_argparse_args`` (``pipelines.options``,
where nothing is required: Beam parses every options class for every job, including on workers).
Each option takes the command line's spelling (``--progress-seconds``) and Beam's
(``--progress_seconds``, unlisted). Beam-free, so ``scrubline validate-config`` does not import Beam.
"""

from __future__ import annotations

import argparse

from transforms.config import DEFAULT_CONFIG_PATH
from transforms.runs.stats import DEFAULT_PROGRESS_SECONDS

__all__ = ["RUN_OPTION_NAMES", "add_run_arguments", "seconds"]

# The ``dest`` of every argument ``add_run_arguments`` declares.
RUN_OPTION_NAMES = ("input", "output", "config", "overwrite", "log_level", "progress_seconds", "previous")


def seconds(value: str) -> float:
    """A number of seconds >= 0 (``argparse`` type)."""
    parsed = float(value)
    if not parsed >= 0:
        raise argparse.ArgumentTypeError(f"must be a number of seconds >= 0, got {value!r}")
    return parsed


def add_run_arguments(parser: argparse.ArgumentParser, *, required: bool) -> None:
    """Declare ``scrubline run``'s own options on ``parser`` (``--input`` and ``--output`` required or not)."""
    parser.add_argument(
        "--input",
        action="append",
        required=required,
        metavar="PATH",
        help="file, directory or glob to read (local, or gs://, s3://, azfs://, hdfs://); repeat for several inputs",
    )
    parser.add_argument(
        "--output", required=required, metavar="DIR", help="output directory (local, or gs://, s3://, azfs://, hdfs://)"
    )
    parser.add_argument(
        "--config",
        metavar="FILE",
        default=None,
        help="policy YAML laid over the packaged defaults "
        f"({DEFAULT_CONFIG_PATH.relative_to(DEFAULT_CONFIG_PATH.parents[1]).as_posix()})",
    )
    parser.add_argument(
        "--overwrite",
        action="store_true",
        help="replace an earlier scrubline run in DIR (records/, quarantine/, fingerprints/, manifest.json, "
        "run_stats.json, report.html); refused if DIR holds anything else",
    )
    levels = ["DEBUG", "INFO", "WARNING", "ERROR"]
    parser.add_argument(
        "--log-level", default="WARNING", choices=levels, help="log level (logs carry ids, counts and types only)"
    )
    parser.add_argument(
        "--progress-seconds",
        type=seconds,
        default=DEFAULT_PROGRESS_SECONDS,
        metavar="S",
        help="each worker logs records processed, rates and quarantined so far every S seconds; 0: never "
        f"(default {DEFAULT_PROGRESS_SECONDS:g})",
    )
    # Beam's spellings, as launchers write every option (--progress_seconds=60): separate, unlisted
    # arguments with the same destination, so usage and error messages keep the command line's names.
    hide = argparse.SUPPRESS
    parser.add_argument("--log_level", dest="log_level", choices=levels, default=hide, help=hide)
    parser.add_argument("--progress_seconds", dest="progress_seconds", type=seconds, default=hide, help=hide)
    parser.add_argument(
        "--previous",
        metavar="DIR",
        default=None,
        help="an earlier published run: records whose content is unchanged and that the rule change cannot "
        "affect are carried over from it instead of detected again (same output as a full rerun)",
    )
