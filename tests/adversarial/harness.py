"""Run one class of cases end to end through ``scrubline run`` and collect everything it left behind.

The CLI runs in this process (so the error-path run can plant a hostile detector and reader), with
the root logger at DEBUG and a console handler that the CLI's log safety covers, as the console
handler of a real run is. Python-level stdout/stderr and the process's file descriptors 1 and 2
are captured for the duration of the run: whatever scrubline, Beam or a worker thread prints,
writes or logs is searched like the output files.
"""

from __future__ import annotations

import io
import json
import logging
import os
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow.parquet as pq
import pytest
import yaml

from pipelines.cli import main
from tests.adversarial.cases import (
    EXPLODE,
    MAX_FILE_BYTES,
    MAX_RECORD_CHARS,
    READER_CRASH,
    SLOWDOWN,
    WORKER_CRASH,
    Case,
    terms,
)
from tests.adversarial.scan import Leak, find_leaks
from transforms.detectors.base import DetectionTimeout
from transforms.detectors.terms import ProprietaryTermDetector

if TYPE_CHECKING:
    from transforms.readers.inputs import InputFile

__all__ = ["PORTABLE_ARGS", "ClassRun", "expected_reasons", "run_class"]

# Beam's PortableRunner with an in-process job server and workers in this process: the Fn API path
# that Flink and Spark use, offline.
PORTABLE_ARGS = ("--runner=PortableRunner", "--job_endpoint=embed", "--environment_type=LOOPBACK")

DETECTORS = [
    "presidio",
    "credentials",
    "provider_tokens",
    "context",
    "labelled_values",
    "person_names",
    "proprietary_terms",
    "internal_domains",
    "patterns",
]


@dataclass(frozen=True)
class ClassRun:
    """What one run of a class produced.

    Attributes:
        exit_code: the CLI's exit status.
        counts: the manifest's ``counts``.
        records: clean rows (of every shard left in the output, published or not).
        quarantine: quarantine rows (likewise).
        leaks: every canary form found anywhere, by case id.
        console_chars: how much console and log text was searched (a run that printed nothing
            would make the console check vacuous).
        last_error_line: the last line the CLI printed to stderr.
        published: whether the run left a ``manifest.json``.
    """

    exit_code: int
    counts: dict
    records: list[dict]
    quarantine: list[dict]
    leaks: dict[str, list[Leak]]
    console_chars: int
    last_error_line: str
    published: bool


def config() -> dict:
    """The test policy: the default detectors without spaCy NER, every canary term, small limits."""
    return {
        "detectors": DETECTORS,
        "input": {"keep_fields": ["meta"]},
        "proprietary": {"terms": terms(), "internal_domains": ["corp.example.net"]},
        "limits": {
            "max_quarantine_ratio": 1.0,
            "max_record_chars": MAX_RECORD_CHARS,
            "max_file_bytes": MAX_FILE_BYTES,
        },
        "output": {"num_shards": 2},
    }


def materialize(cases: list[Case], root: Path) -> None:
    """Write every case's files, and its JSONL lines in case order into ``batch.jsonl``."""
    root.mkdir(parents=True)
    lines = [line for case in cases for line in case.lines]
    if lines:
        (root / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for case in cases:
        for rel, data in case.files:
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)


def plant_hostile_code(monkeypatch: pytest.MonkeyPatch) -> None:
    """On records holding the error-path markers: a detector that raises (or times out) quoting every
    text of its batch, an HTML parser that raises quoting the page (inside the extractors' guard),
    and readers that raise quoting the record or the file's text (outside any guard: the job fails)."""
    import bs4

    import transforms.readers.files as files
    import transforms.readers.jsonl as jsonl

    real_detect = ProprietaryTermDetector.detect
    real_soup = bs4.BeautifulSoup

    def detect(self: ProprietaryTermDetector, texts: list[str]) -> list:
        for text in texts:
            if EXPLODE in text:
                raise RuntimeError(f"cannot handle {text!r} in batch {texts!r}")
            if SLOWDOWN in text:
                raise DetectionTimeout(f"too slow on {text!r}")
        return real_detect(self, texts)

    def soup(markup: str, *args: object, **kwargs: object) -> object:
        if READER_CRASH in str(markup):
            raise KeyError(str(markup))
        return real_soup(markup, *args, **kwargs)

    real_row, real_extract = jsonl.record_from_row, files.extract_text

    def row(f: object, obj: object, *args: object, **kwargs: object) -> object:
        if WORKER_CRASH in str(obj):
            raise RuntimeError(f"cannot convert row {obj!r} of {f!r}")
        return real_row(f, obj, *args, **kwargs)

    real_read = files.read_whole

    def read(f: InputFile, *args: object, **kwargs: object) -> object:
        if WORKER_CRASH in f.path:
            raise RuntimeError(f"cannot read {f.path}")
        return real_read(f, *args, **kwargs)

    def extract(kind: str, data: bytes, limits: object) -> str:
        if WORKER_CRASH.encode() in data:
            raise KeyError(data.decode("utf-8", "replace"))
        return real_extract(kind, data, limits)

    monkeypatch.setattr(ProprietaryTermDetector, "detect", detect)
    monkeypatch.setattr(bs4, "BeautifulSoup", soup)
    monkeypatch.setattr(jsonl, "record_from_row", row)
    monkeypatch.setattr(files, "extract_text", extract)
    monkeypatch.setattr(files, "read_whole", read)


@contextmanager
def captured_console() -> Iterator[dict[str, str]]:
    """Capture logs (root at DEBUG), sys.stdout/stderr and file descriptors 1 and 2; fills the dict on exit."""
    result: dict[str, str] = {}
    log = io.StringIO()
    handler = logging.StreamHandler(log)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    out, err = io.StringIO(), io.StringIO()
    with tempfile.TemporaryFile() as fd_out, tempfile.TemporaryFile() as fd_err:
        saved = os.dup(1), os.dup(2)
        os.dup2(fd_out.fileno(), 1)
        os.dup2(fd_err.fileno(), 2)
        try:
            with redirect_stdout(out), redirect_stderr(err):
                yield result
        finally:
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            os.close(saved[0])
            os.close(saved[1])
            root.removeHandler(handler)
            root.setLevel(old_level)
            for name, f in (("fd 1", fd_out), ("fd 2", fd_err)):
                f.seek(0)
                result[name] = f.read().decode("utf-8", "replace")
            result.update({"logs": log.getvalue(), "stdout": out.getvalue(), "stderr": err.getvalue()})


def _rows(out: Path, kind: str) -> list[dict]:
    return [r for f in sorted((out / kind).glob("*.parquet")) for r in pq.read_table(f).to_pylist()]


def run_class(cases: list[Case], work: Path, extra_args: tuple[str, ...] = (), hostile: bool = False) -> ClassRun:
    """Run ``scrubline run`` over ``cases`` in ``work`` and collect rows, counts and leaks."""
    inputs, out, cfg = work / "in", work / "out", work / "config.yaml"
    materialize(cases, inputs)
    cfg.write_text(yaml.safe_dump(config()), encoding="utf-8")
    argv = ["run", "--input", str(inputs), "--output", str(out), "--config", str(cfg), "--log-level", "DEBUG"]
    with pytest.MonkeyPatch.context() as monkeypatch:
        if hostile:
            plant_hostile_code(monkeypatch)
        with captured_console() as console:
            code = main([*argv, *extra_args])
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8")) if code == 0 else {}
    leaks: dict[str, list[Leak]] = {}
    for leak in sorted(find_leaks(cases, out, console), key=lambda k: (k.case, k.form, k.surface)):
        leaks.setdefault(leak.case, []).append(leak)
    return ClassRun(
        exit_code=code,
        counts=manifest.get("counts", {}),
        records=_rows(out, "records"),
        quarantine=_rows(out, "quarantine"),
        leaks=leaks,
        console_chars=sum(len(v) for v in console.values()),
        last_error_line=(console["stderr"].strip().splitlines() or [""])[-1],
        published=(out / "manifest.json").exists(),
    )


def expected_reasons(cases: list[Case]) -> Counter:
    """Quarantine reasons the run must report, counted per record."""
    counts: Counter = Counter()
    for case in cases:
        if case.expect != "record":
            counts[case.expect] += case.records
    return counts
