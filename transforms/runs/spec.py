"""``RunSpec``: everything one run needs, resolved and validated before the pipeline is built."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from transforms.config import ScrublineConfig
from transforms.output.keyed import StateKeyRef
from transforms.runs.reprocess import ReusePlan

__all__ = ["PreviousRun", "RunSpec"]


@dataclass(frozen=True)
class PreviousRun:
    """A published earlier run to carry unchanged output over from (``--previous``)."""

    plan: ReusePlan
    ruleset: str
    fingerprint_files: tuple[str, ...]
    record_files: tuple[str, ...]


@dataclass(frozen=True)
class RunSpec:
    """Everything a run needs, resolved and validated before the pipeline is built.

    ``inputs`` are the input arguments as workers list them (``absolute_inputs``), never the file list:
    a ``RunSpec`` travels inside the job."""

    inputs: tuple[str, ...]
    output_dir: str
    config: ScrublineConfig
    ruleset: str
    versions: Mapping[str, str] = field(default_factory=dict)
    key_ids: Mapping[str, str] = field(default_factory=dict)
    progress_seconds: float = 30.0  # a progress line per worker process this often; 0: never
    previous: PreviousRun | None = None
    balance_workers: int = 0  # > 1: deal records into this many equal-work bins (local runner); 0: Reshuffle
    state_key: StateKeyRef | None = None  # keys every published hash of content; None: those are left out
