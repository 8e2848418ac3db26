"""Portability: the run through Beam's PortableRunner gives the same bytes as the DirectRunner.

The PortableRunner path is the one Flink, Spark and Dataflow use: the launcher turns the pipeline
into a proto and submits it over gRPC to a job service, which starts SDK workers as separate
processes and drives them through the Fn API. Everything the workers run is pickled; nothing is
shared with the launcher by accident (objects, cwd, environment beyond what the worker inherits).

Here the job service is Beam's own local one (``local_job_service_main``), in its own process and
working directory, with the ``beam:env:harness_subprocess_python:v1`` environment: for each worker,
the job service starts ``python -m apache_beam.runners.worker.sdk_worker_main``, the entry point the
SDK container's boot program execs on a real cluster, and hands it the pipeline options. (The
alternative, ``--environment_type EXTERNAL`` with ``worker_pool_main``, listens on every interface and
gives the workers the machine's FQDN as control address; this environment uses ``localhost`` only.)
Every wait is bounded and the job service's whole process group is stopped in the fixture finalizer.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import yaml

from transforms.operators import pseudonym

pytestmark = pytest.mark.slow

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
START_TIMEOUT_S = 60
RUN_TIMEOUT_S = 300
STOP_TIMEOUT_S = 10
KEY_ENV = "SCRUBLINE_PORTABLE_TEST_KEY"
KEY = "portable-test-key-0123456789"
WORKER_COMMAND = shlex.join([sys.executable, "-m", "apache_beam.runners.worker.sdk_worker_main"])

CONFIG = {
    "detectors": ["presidio", "credentials", "proprietary_terms", "internal_domains", "patterns"],
    "input": {"keep_fields": ["language"]},
    "proprietary": {"terms": {"CODENAME": ["Bluefin"]}, "internal_domains": ["corp.example.net"]},
    "patterns": [{"entity": "TICKET_ID", "regex": r"\bOPS-\d{4,}\b", "score": 0.9}],
    "operators": {"default": {"type": "replace"}, "EMAIL_ADDRESS": {"type": "pseudonymize", "key_env": KEY_ENV}},
    "limits": {"max_quarantine_ratio": 0.5},
    "output": {"num_shards": 3},
}


@dataclass(frozen=True)
class JobService:
    endpoint: str
    log: Path


def _stop_group(proc: subprocess.Popen) -> None:
    """SIGTERM the job service's process group (it and the SDK workers it started), then SIGKILL."""
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        proc.wait(timeout=STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        pass
    try:  # stragglers: the leader hung on exit, or a worker outlived it
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait(timeout=STOP_TIMEOUT_S)


@pytest.fixture
def job_service(tmp_path: Path) -> Iterator[JobService]:
    """Beam's local job service on a free loopback port, in its own session and working directory."""
    workdir = tmp_path / "job_service"
    workdir.mkdir()
    port_file = workdir / "port"
    log_path = workdir / "job_service.log"
    # Workers inherit the job service's environment: that is where they read the pseudonymization key.
    env = {**os.environ, KEY_ENV: KEY}
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "apache_beam.runners.portability.local_job_service_main",
                "--port",
                "0",
                "--port_file",
                str(port_file),
            ],
            cwd=workdir,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while not port_file.exists():  # written by rename once the gRPC server listens
            if proc.poll() is not None:
                pytest.fail(f"job service exited with {proc.returncode}:\n{log_path.read_text()[-3000:]}")
            if time.monotonic() > deadline:
                pytest.fail(f"job service did not start within {START_TIMEOUT_S} s")
            time.sleep(0.1)
        yield JobService(f"localhost:{int(port_file.read_text())}", log_path)
    finally:
        _stop_group(proc)


def _make_uploads(root: Path) -> None:
    """The bundled samples plus JSONL records that exercise quarantine and the duplicate-id side input."""
    shutil.copytree(SAMPLES, root / "samples")
    extra = root / "extra"
    extra.mkdir()
    rows = [
        {"id": "p1", "text": "Mail ada@example.com about Bluefin", "language": "en"},
        {"id": "p2", "text": "Host build01.corp.example.net, card 4111 1111 1111 1111, see OPS-20417"},
        {"id": "dup", "text": "first copy"},
        {"id": "dup", "text": "second copy"},
    ]
    lines = [json.dumps(r).encode() for r in rows]
    lines += [b"[1, 2]", b'{"id": "latin1", "text": "caf\xe9"}']  # invalid_record, decode_error
    (extra / "batch.jsonl").write_bytes(b"\n".join(lines) + b"\n")


def _scrubline(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, KEY_ENV: KEY}
    cmd = [sys.executable, "-m", "pipelines.cli", "run", *args]
    try:
        done = subprocess.run(
            cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=RUN_TIMEOUT_S
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"scrubline run did not finish within {RUN_TIMEOUT_S} s: {args}")
    assert done.returncode == 0, done.stderr[-3000:]
    return done


def _files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def test_portable_runner_output_is_byte_identical_to_direct_runner(tmp_path: Path, job_service: JobService) -> None:
    _make_uploads(tmp_path / "uploads")
    (tmp_path / "config.yaml").write_text(yaml.safe_dump(CONFIG), encoding="utf-8")
    common = ["--input", "uploads", "--config", "config.yaml"]  # relative: resolved by the launcher only

    _scrubline(tmp_path, *common, "--output", "direct")
    portable = _scrubline(
        tmp_path,
        *common,
        "--output",
        "portable",
        "--runner",
        "PortableRunner",
        "--job_endpoint",
        job_service.endpoint,
        "--environment_type",
        "beam:env:harness_subprocess_python:v1",
        "--environment_config",
        WORKER_COMMAND,
    )

    # The byte-identical output is the manifest and every file it lists (run_stats.json and
    # report.html carry timings and are for people). Both runs leave the same set of files.
    direct_dir, portable_dir = tmp_path / "direct", tmp_path / "portable"
    assert _files(portable_dir) == _files(direct_dir)
    manifest = json.loads((portable_dir / "manifest.json").read_text(encoding="utf-8"))
    # The ruleset covers a digest of scrubline's code: an edit between the two runs shows up here first.
    versions = json.loads((direct_dir / "manifest.json").read_text(encoding="utf-8"))["versions"]
    assert manifest["versions"] == versions, "scrubline's code or dependencies changed between the two runs"
    listed = [entry["path"] for entry in manifest["files"]]
    shards = [f"part-0000{i}-of-00003.parquet" for i in range(3)]
    assert {f"{kind}/{s}" for kind in ("records", "quarantine") for s in shards} <= set(listed)
    for rel in ["manifest.json", *listed]:
        assert (portable_dir / rel).read_bytes() == (direct_dir / rel).read_bytes(), rel

    # The job really ran in the job service, in a separate SDK worker process (its log lines are
    # relayed over the Fn API logging service), and not in the launcher.
    job_log = job_service.log.read_text(encoding="utf-8", errors="replace")
    assert "Completed job in" in job_log and "with state DONE" in job_log
    assert 'message: "Python sdk harness starting."' in job_log

    # Not only identical but right: counts, quarantine reasons, and a pseudonym computed by a worker
    # from the key in its own environment.
    counts = manifest["counts"]
    assert counts["quarantine_reasons"] == {"decode_error": 1, "duplicate_id": 2, "invalid_record": 1}
    assert (counts["quarantined"], counts["written"]) == (4, counts["read"] - 4)
    records = {
        r["id"]: r for f in sorted((portable_dir / "records").glob("*.parquet")) for r in pq.read_table(f).to_pylist()
    }
    email = pseudonym(KEY.encode(), "EMAIL_ADDRESS", "ada@example.com")
    assert records["p1"]["text"] == f"Mail {email} about <CODENAME>"
    assert records["p2"]["text"] == "Host <INTERNAL_HOST>, card <CREDIT_CARD>, see <TICKET_ID>"
    assert "dup" not in records

    # Nothing from the inputs, and not the key, in the job service's or the launcher's output.
    said = job_log + portable.stdout + portable.stderr
    for secret in ["ada@example.com", "4111 1111 1111 1111", "build01", "batch.jsonl", KEY]:
        assert secret not in said, secret
