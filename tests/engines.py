"""Beam's Flink and Spark job servers with an external SDK worker pool, on this machine.

Shared by ``tests/pipelines/test_flink_and_spark.py`` (output identical to the DirectRunner's) and
``benchmarks/memory.py --runner flink`` (the workers' peak memory). ``scrubline run`` with
``engine_args(name, tmp)`` and ``external(pool.endpoint)`` starts the engine's Java job server from
``--{name}_job_server_jar``; the job runs on a local Flink (or Spark) cluster whose operators hand every
Python step to SDK workers over the Fn API. The workers come from ``start_worker_pool``: Beam's
``worker_pool_main --container_executable=tests/beam_boot.py``, as a task manager's sidecar runs
``/opt/apache/beam/boot --worker_pool`` (``tests/beam_boot.py`` says why the boot program is needed).

The job servers are fetched by ``.ci/fetch_job_servers.sh`` into ``$SCRUBLINE_JOB_SERVERS``, default
``~/.cache/scrubline/job-servers``.
"""

from __future__ import annotations

import os
import re
import shlex
import signal
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "BOOT",
    "ENGINES",
    "JOB_SERVERS",
    "PoolStartError",
    "WorkerPool",
    "engine_args",
    "external",
    "job_server_jar",
    "start_worker_pool",
    "stop_group",
]

BOOT = Path(__file__).resolve().parent / "beam_boot.py"
JOB_SERVERS = Path(os.environ.get("SCRUBLINE_JOB_SERVERS") or Path.home() / ".cache" / "scrubline" / "job-servers")
START_TIMEOUT_S = 60
STOP_TIMEOUT_S = 10

# The job server's JVM keeps its temp files (Flink's RPC jar, mini-cluster folders) in the launcher's
# temp folder instead of /tmp. Spark keeps SDK workers for a minute instead of starting one per stage
# (31 in the engine test, about a minute more); Flink starts one per stage (6 there).
ENGINES = {
    "flink": (
        "--runner=FlinkRunner",
        "--flink_master=[local]",
        "--flink_version=1.19",
        "--parallelism=2",
        "--flink_job_server_jar={jar}",
        "--job_server_jvm_property=-Djava.io.tmpdir={tmp}",
    ),
    "spark": (
        "--runner=SparkRunner",
        "--spark_master_url=local[2]",
        "--spark_job_server_jar={jar}",
        "--job_server_jvm_property=-Djava.io.tmpdir={tmp}",
        "--environment_cache_millis=60000",
    ),
}


class PoolStartError(RuntimeError):
    """The worker pool exited or did not report its port in time; the message ends with its log."""


@dataclass(frozen=True)
class WorkerPool:
    """A running worker pool: its process (the leader of its own process group), endpoint and log."""

    proc: subprocess.Popen
    endpoint: str
    log: Path

    @property
    def pid(self) -> int:
        return self.proc.pid


def job_server_jar(name: str) -> Path:
    """Where ``.ci/fetch_job_servers.sh`` puts the job server of ``name`` (``flink`` or ``spark``)."""
    return JOB_SERVERS / name / "job-server.jar"


def engine_args(name: str, tmp: Path) -> list[str]:
    """The runner's flags for ``scrubline run`` (without the environment's); the JVM's temp folder is ``tmp``."""
    return [a.format(jar=job_server_jar(name), tmp=tmp) for a in ENGINES[name]]


def external(endpoint: str) -> list[str]:
    """The flags that send every Python step to the worker pool at ``endpoint``."""
    return ["--environment_type=EXTERNAL", f"--environment_config={endpoint}"]


def start_worker_pool(
    home: Path, env: Mapping[str, str] | None = None, pythonpath: str = "", hidden: Sequence[Path] = ()
) -> WorkerPool:
    """Start Beam's worker pool in ``home`` (its working folder; ``home/tmp`` its temp folder, where the
    workers keep their files; ``home/pool.log`` its output) in a process group of its own.

    ``env`` (default: this process's) gets this interpreter first on ``PATH`` (the pool starts each
    worker as ``beam_boot.py``, run by the first ``python3`` there) and ``pythonpath`` first on
    ``PYTHONPATH``. Folders in ``hidden`` are an empty tmpfs in the pool's own mount namespace (needs
    ``unshare --mount``); with none, the pool shares this process's view of the file system.
    Stop it with ``stop_group(pool.proc)``.
    """
    (home / "tmp").mkdir(parents=True)
    log = home / "pool.log"
    env = dict(os.environ if env is None else env)
    env["TMPDIR"] = str(home / "tmp")
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env["PYTHONPATH"] = os.pathsep.join(p for p in [pythonpath, env.get("PYTHONPATH", "")] if p)
    # Each worker is `beam_boot.py --id=... --provision_endpoint=...`.
    cmd = [sys.executable, "-m", "apache_beam.runners.worker.worker_pool_main", "--service_port=0"]
    cmd.append(f"--container_executable={BOOT}")
    if hidden:
        hide = "".join(f"mount -t tmpfs -o size=1m hidden {shlex.quote(str(d))} && " for d in hidden)
        cmd = ["unshare", "--mount", "--propagation", "private", "sh", "-c", hide + 'exec "$@"', "sh", *cmd]
    with log.open("wb") as out:
        proc = subprocess.Popen(
            cmd,
            cwd=home,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    deadline = time.monotonic() + START_TIMEOUT_S
    while not (port := re.search(r"servicer at port: localhost:(\d+)", log.read_text(errors="replace"))):
        if proc.poll() is not None or time.monotonic() > deadline:
            stop_group(proc)
            raise PoolStartError(f"worker pool did not start:\n{log.read_text(errors='replace')[-3000:]}")
        time.sleep(0.2)
    return WorkerPool(proc, f"localhost:{port.group(1)}", log)


def stop_group(proc: subprocess.Popen) -> None:
    """SIGTERM a process group (a worker pool and its SDK workers), then SIGKILL what is left."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            break
        try:
            proc.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            continue
    proc.wait(timeout=STOP_TIMEOUT_S)
