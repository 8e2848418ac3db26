"""Flink and Spark: scrubline on a real distributed engine, reading and writing ``s3://``, gives the
DirectRunner's bytes.

``scrubline run --runner=FlinkRunner --flink_master=[local]`` starts Beam's Flink job server (Java)
from ``--flink_job_server_jar``; it runs the job on a local Flink cluster, whose operators hand every
Python step to SDK workers over the Fn API. The workers come from an external worker pool,
``worker_pool_main --container_executable=tests/beam_boot.py``: a task manager's sidecar runs
``/opt/apache/beam/boot --worker_pool``, which is ``worker_pool_main`` with the boot program as its
container executable, and ``tests/beam_boot.py`` stands in for that program (see there why one is
needed). The pool is a separate process with its own working folder and temp folder, started in its
own mount namespace in which the launcher's folder (its working folder, temp folder, config and
DirectRunner output) is an empty tmpfs.
``--runner=SparkRunner --spark_master_url=local[2]`` does the same on Spark.

Inputs and outputs are ``s3://`` locations on the tests' S3 API on localhost (moto's server,
``tests.objectstore``): the launcher passes the endpoint and region as Beam options
(``--s3_endpoint_url``, ``--s3_region_name``), which reach the workers through the runner's provision
service; the credentials come from the ``AWS_*`` variables of the launcher's and the pool's environment,
so they are not stored in the job. The pool has only a mount namespace of its own, not a network one,
so it reaches the server on 127.0.0.1. The DirectRunner reads the same bucket and writes to the
launcher's folder; its files are the reference.

The job servers are fetched by ``.ci/fetch_job_servers.sh`` (which ``.ci/run`` calls) into
``$SCRUBLINE_JOB_SERVERS``, default ``~/.cache/scrubline/job-servers``; without them, or without
Java or ``unshare``, these tests skip, and fail under CI.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import yaml
from apache_beam.io.filesystems import FileSystems

from tests.engines import (
    BOOT,
    PoolStartError,
    WorkerPool,
    engine_args,
    external,
    job_server_jar,
    start_worker_pool,
    stop_group,
)
from tests.objectstore import ENV, S3Server
from transforms import storage
from transforms.operators import pseudonym

pytestmark = pytest.mark.slow

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
RUN_TIMEOUT_S = 420
KEY_ENV = "SCRUBLINE_ENGINE_TEST_KEY"
KEY = "engine-test-key-9f8e7d6c5b4a"
LEAK = "wendy.quill@example.org Marlowe"  # what the broken worker's exception message says

CONFIG = {
    "detectors": ["presidio", "credentials", "proprietary_terms", "internal_domains", "patterns"],
    "input": {"keep_fields": ["language"]},
    "proprietary": {"terms": {"CODENAME": ["Marlowe"]}, "internal_domains": ["intra.example.net"]},
    "patterns": [{"entity": "TICKET_ID", "regex": r"\bREQ-\d{5}\b", "score": 0.9}],
    "operators": {"default": {"type": "replace"}, "EMAIL_ADDRESS": {"type": "pseudonymize", "key_env": KEY_ENV}},
    "limits": {"max_quarantine_ratio": 0.5},
    "output": {"num_shards": 3},
}
ROWS = [
    {"id": "e1", "text": "Forward to wendy.quill@example.org before the Marlowe review", "language": "en"},
    {"id": "e2", "text": "Deploy from qzbuild7.intra.example.net, charge 5555 5555 5555 4444, track REQ-40213"},
    {"id": "twice", "text": "one copy"},
    {"id": "twice", "text": "another copy"},
]
# Not an object (invalid_record), then not UTF-8 (decode_error).
BAD_LINES = [b'"just a string"', b'{"id": "legacy", "text": "na\xefve"}']
SECRETS = ["wendy.quill", "5555 5555 5555 4444", "qzbuild7", "tickets.jsonl", KEY, ENV["AWS_SECRET_ACCESS_KEY"]]


def _require(ok: bool, reason: str) -> None:
    """Skip where the engine cannot run; under CI, which installs everything, fail instead."""
    if not ok:
        (pytest.fail if os.environ.get("CI") else pytest.skip)(reason)


def _unshare_works() -> bool:
    if shutil.which("unshare") is None:
        return False
    done = subprocess.run(["unshare", "--mount", "--propagation", "private", "true"], capture_output=True, check=False)
    return done.returncode == 0


@dataclass(frozen=True)
class _Site:
    """Where each side works. ``inputs`` and ``outputs`` are ``s3://`` prefixes that both sides reach
    through ``s3_args``; ``hidden`` are empty in the worker pool's mount namespace."""

    launcher: Path
    pools: Path
    inputs: str
    outputs: str
    s3_args: tuple[str, ...]
    hidden: tuple[Path, ...]


def _put(url: str, data: bytes) -> None:
    with FileSystems.create(url) as f:
        f.write(data)


def _get(url: str) -> bytes:
    with FileSystems.open(url) as f:
        return f.read()


def _stage_inputs(inputs: str) -> None:
    """The bundled samples plus a JSONL batch whose records end in quarantine for three reasons."""
    for path in sorted(p for p in SAMPLES.rglob("*") if p.is_file()):
        _put(FileSystems.join(inputs, "samples", path.relative_to(SAMPLES).as_posix()), path.read_bytes())
    lines = [json.dumps(r).encode() for r in ROWS] + BAD_LINES
    _put(FileSystems.join(inputs, "extra", "tickets.jsonl"), b"\n".join(lines) + b"\n")


def _output_files(url: str) -> dict[str, bytes]:
    """Every file under ``url`` by its path relative to it."""
    prefix = url.rstrip("/") + "/"
    found = FileSystems.match([prefix + "**"])[0].metadata_list
    return {m.path[len(prefix) :]: _get(m.path) for m in sorted(found, key=lambda m: m.path)}


def _scrubline(site: _Site, *args: str) -> subprocess.CompletedProcess[str]:
    """``scrubline run`` from the launcher's own folder, with its own temp folder; bounded in time."""
    env = {**os.environ, KEY_ENV: KEY, "TMPDIR": str(site.launcher / "tmp")}
    cmd = [sys.executable, "-m", "pipelines.cli", "run", "--input", site.inputs, "--config", "config.yaml"]
    cmd += [*site.s3_args, *args]
    # Its own session: a timeout stops the Java job server the launcher started, too.
    proc = subprocess.Popen(
        cmd,
        cwd=site.launcher,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        out, err = proc.communicate(timeout=RUN_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        stop_group(proc)
        pytest.fail(f"scrubline run did not finish within {RUN_TIMEOUT_S} s")
    return subprocess.CompletedProcess(cmd, proc.returncode, out.decode(), err.decode())


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, s3_server: S3Server) -> _Site:
    """The inputs staged in a bucket, and the launcher's folder, with the DirectRunner's output in it."""
    from apache_beam.options.pipeline_options import PipelineOptions

    root = tmp_path_factory.mktemp("engines")
    launcher, pools = root / "launcher", root / "pools"
    for folder in (launcher / "tmp", pools):
        folder.mkdir(parents=True)
    for bucket in ("scrubline-engines-in", "scrubline-engines-out"):
        s3_server.client().create_bucket(Bucket=bucket)
    storage.use_options(PipelineOptions(s3_server.endpoint_args))  # this process's FileSystems, for checks
    inputs, outputs = "s3://scrubline-engines-in/uploads", "s3://scrubline-engines-out/runs"
    site = _Site(launcher, pools, inputs, outputs, tuple(s3_server.endpoint_args), hidden=(launcher,))
    (launcher / "config.yaml").write_text(yaml.safe_dump(CONFIG), encoding="utf-8")
    _stage_inputs(site.inputs)
    direct = _scrubline(site, "--output", "direct")
    assert direct.returncode == 0, direct.stderr[-3000:]
    return site


@pytest.fixture
def worker_pool(site: _Site, request: pytest.FixtureRequest) -> Iterator[Callable[..., WorkerPool]]:
    """Starts Beam's worker pool in its own folder, temp folder and mount namespace; stops it after."""
    _require(_unshare_works(), "unshare --mount is not permitted here (needs root)")
    started: list[WorkerPool] = []

    def start(pythonpath: str = "") -> WorkerPool:
        home = site.pools / request.node.name.replace("[", "-").rstrip("]")
        try:
            pool = start_worker_pool(home, {**os.environ, KEY_ENV: KEY}, pythonpath, hidden=site.hidden)
        except PoolStartError as exc:
            pytest.fail(str(exc))
        started.append(pool)
        return pool

    yield start
    for pool in started:
        stop_group(pool.proc)


def _engine_args(name: str, site: _Site) -> list[str]:
    """The runner's flags (without the environment's), once Java and the job server are there."""
    _require(shutil.which("java") is not None, "java is not installed")
    _require(
        job_server_jar(name).is_file(), f"no {name} job server at {job_server_jar(name)}: run .ci/fetch_job_servers.sh"
    )
    return engine_args(name, site.launcher / "tmp")


@pytest.mark.parametrize(
    "engine", [pytest.param("flink", marks=pytest.mark.flink), pytest.param("spark", marks=pytest.mark.spark)]
)
def test_engine_output_is_byte_identical_to_direct_runner(
    site: _Site, worker_pool: Callable[..., WorkerPool], engine: str
) -> None:
    runner_args = _engine_args(engine, site)
    pool = worker_pool()
    # The workers' view of the launcher's folder is an empty tmpfs; their network is the launcher's.
    assert "config.yaml" in os.listdir(site.launcher)
    for folder in site.hidden:
        assert os.listdir(f"/proc/{pool.pid}/root{folder}") == []
    assert os.readlink(f"/proc/{pool.pid}/ns/mnt") != os.readlink("/proc/self/ns/mnt")
    assert os.readlink(f"/proc/{pool.pid}/ns/net") == os.readlink("/proc/self/ns/net")

    output = FileSystems.join(site.outputs, engine)
    run = _scrubline(site, "--output", output, *runner_args, *external(pool.endpoint))
    assert run.returncode == 0, run.stderr[-3000:]

    # The manifest and every file it lists are the DirectRunner's, byte for byte (run_stats.json and
    # report.html carry timings and are for people); both runs leave the same files. The manifest names
    # no output location, so nothing in it differs between the bucket and the local folder.
    got, want = _output_files(output), _output_files(str(site.launcher / "direct"))
    assert sorted(got) == sorted(want)
    manifest = json.loads(got["manifest.json"])
    listed = [entry["path"] for entry in manifest["files"]]
    shards = [f"part-0000{i}-of-00003.parquet" for i in range(3)]
    assert {f"{kind}/{s}" for kind in ("records", "quarantine", "fingerprints") for s in shards} == set(listed)
    for rel in ["manifest.json", *listed]:
        assert got[rel] == want[rel], rel

    # Right as well as identical: counts, reasons, and a pseudonym a worker keyed from its own environment.
    counts = manifest["counts"]
    assert counts["quarantine_reasons"] == {"decode_error": 1, "duplicate_id": 2, "invalid_record": 1}
    assert (counts["read"], counts["written"], counts["quarantined"]) == (21, 17, 4)
    records = {r["id"]: r for rel in listed if rel.startswith("records/") for r in _rows(got[rel])}
    email = pseudonym(KEY.encode(), "EMAIL_ADDRESS", "wendy.quill@example.org")
    assert records["e1"]["text"] == f"Forward to {email} before the <CODENAME> review"
    assert records["e2"]["text"] == "Deploy from <INTERNAL_HOST>, charge <CREDIT_CARD>, track <TICKET_ID>"

    # The Java job server ran the job, and the pool's workers ran every Python step.
    assert f"'-jar', '{job_server_jar(engine)}'" in run.stderr
    pool_log = pool.log.read_text(errors="replace")
    started = re.findall(r"Starting worker with command \[('[^']*')", pool_log)
    assert started and set(started) == {repr(str(BOOT))}, started  # each through the boot stand-in
    said = run.stdout + run.stderr + pool_log
    for secret in SECRETS:
        assert secret not in said, secret


@pytest.mark.flink
def test_failing_flink_worker_is_reported_by_where_not_what(
    site: _Site, worker_pool: Callable[..., WorkerPool]
) -> None:
    # Every worker the pool starts imports sitecustomize: it breaks the shard writer with a message
    # that quotes data. Flink relays the worker's traceback to the launcher as a job message.
    inject = site.pools / "inject"
    inject.mkdir()
    (inject / "sitecustomize.py").write_text(
        "import transforms.beam.io as io\n"
        f"def broken(*a, **k):\n    raise KeyError({LEAK!r})\n"
        "io.write_shard = broken\n",
        encoding="utf-8",
    )
    runner_args = _engine_args("flink", site)
    pool = worker_pool(pythonpath=str(inject))
    output = FileSystems.join(site.outputs, "flink-broken")
    run = _scrubline(site, "--output", output, *runner_args, *external(pool.endpoint))

    assert run.returncode == 1
    assert "scrubline: error: the pipeline failed (" in run.stderr and "KeyError" in run.stderr
    assert "manifest.json" not in _output_files(output)
    said = run.stdout + run.stderr + pool.log.read_text(errors="replace")
    for secret in ["wendy.quill", "Marlowe", *SECRETS]:
        assert secret not in said, secret


def _rows(data: bytes) -> list[dict]:
    return pq.read_table(pa.BufferReader(data)).to_pylist()
