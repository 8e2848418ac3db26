"""``scrubline run`` as a Python file to run, for launchers that run ``python <file> --key=value ...``.

Airflow's ``BeamRunPythonPipelineOperator``, a Dataflow Flex Template and similar launchers start a
pipeline as ``python <py_file> --runner=... --input=... --output=...``, with no sub-command. This file
is that program: every argument goes to ``scrubline run`` unchanged, so the options, checks, output
and exit status are exactly those of the command line (``pipelines.cli``). Run it as
``python -m pipelines.run`` or as ``python path/to/pipelines/run.py``.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """``scrubline run`` with ``argv`` (default: this process's arguments); returns the exit status."""
    from pipelines.cli import main as cli_main

    return cli_main(["run", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":  # also what --direct_running_mode multi_processing needs
    here = Path(__file__).resolve().parent
    if sys.path and Path(sys.path[0] or ".").resolve() == here:
        # Run as a file, Python put pipelines/ itself first on the path, where options.py and cli.py
        # would shadow any top-level module of those names; the folder above holds the package.
        sys.path[0] = str(here.parent)
    sys.exit(main())
