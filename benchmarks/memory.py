"""Peak memory of the SDK worker processes while the number of records grows tenfold.

Runs the real pipeline (``pipelines.cli.main(["run", ...])``) on N and 10N generated JSONL records,
with only the ``patterns`` detector so that it is quick (detection holds no record longer than its
batch; what grows with the records is the grouping and writing of shards), and samples the memory of
every process of the run (``/proc/PID/status`` VmHWM, through ``benchmarks.throughput.TreeSampler``).
It reports the peak RSS of the SDK worker processes for each size and their ratio, and the launcher's
own peak separately. Two runners (``--runner``):

- ``direct`` (default): the DirectRunner in multi-processing mode, two SDK worker processes. Its
  runner process (the launcher) holds every PCollection between stages in memory, so it grows with
  the input whatever the workers do.
- ``flink``: Beam's FlinkRunner on a local Flink cluster (parallelism 2) whose Python steps run in
  SDK workers started by an external worker pool (``worker_pool_main`` with the boot stand-in), the
  setup of ``tests/pipelines/test_flink_and_spark.py``, through its helpers in ``tests/engines.py``
  (a fresh pool for each size). The workers' peaks are read from the pool's process tree, apart from
  the launcher's tree (the launcher and the Java job server, reported as "job server"). Needs Java
  and the job server of ``.ci/fetch_job_servers.sh``.

Records are spread over the workers with ``Reshuffle``, as on every other runner: the local runner's
equal-work bins (``pipelines.options.BALANCE_MAX_INPUT_BYTES``, for inputs up to 256 MB) give each
worker its whole bin at once by design, which would hide what the shards do; ``--balance`` keeps them.

    .venv/bin/python -m benchmarks.memory [--runner direct|flink] [--records 5000] [--factor 10]
        [--text-bytes 2000] [--max-shard-bytes 2000000] [--file-records K] [--code DIR] [--balance]

The input is one JSONL file, or with ``--file-records K`` a folder of files of K records each (so 10N
is ten times as many files of the same size): a JSONL file is read by one worker in one bundle, and
this separates the size of the largest file from the number of records.

``--code DIR`` measures the code of another checkout (for example the main branch, for a before/after
comparison); ``--max-shard-bytes 0`` leaves ``output.max_shard_bytes`` out of the config (for code
that does not know the setting). Records are made of invented words and numbers, one ``random.Random``
seed: the same arguments give the same input.

With ``SCRUBLINE_RSS_PROBE_DIR=DIR`` in the environment the workers sample their memory per step into
``DIR/small`` and ``DIR/large`` (``transforms.beam.memprobe``); ``worker_pids`` in the JSON line gives each
SDK worker's peak by process id, to match with those files.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.throughput import REPO, Measurement, ProcPeak, TreeSampler, measure

__all__ = ["RUNNERS", "generate_records", "launch_command", "parse_args", "pool_role", "run_memory"]

RUNNERS = ("direct", "flink")

_WORDS = (
    "ledger quartz meadow copper lantern harbor pylon saffron thistle orbit granite willow cobalt "
    "pepper falcon summit tundra velvet marble prism cedar basalt juniper vertex canyon ember"
).split()
_DETECTORS = ["patterns"]
# The launcher: scrubline's CLI, with the local runner's equal-work bins turned off unless --balance.
_LAUNCH = (
    "import sys, pipelines.options as o, pipelines.cli as c; "
    "o.BALANCE_MAX_INPUT_BYTES = int(sys.argv.pop(1)); sys.exit(c.main(sys.argv[1:]))"
)


def generate_records(path: Path, count: int, text_bytes: int, seed: int = 1729, file_records: int = 0) -> int:
    """Write ``count`` JSONL records of about ``text_bytes`` characters of text each; return their size.

    With ``file_records``, ``path`` is a folder of files of that many records each (the last may hold
    fewer), ``part-00000.jsonl`` on; the records are the same as in one file.
    """
    rng = random.Random(seed)
    per_file = file_records or count
    if file_records:
        path.mkdir()
    total = 0
    for first in range(0, max(count, 1), per_file):
        target = path / f"part-{first // per_file:05d}.jsonl" if file_records else path
        with target.open("w", encoding="utf-8") as fh:
            for i in range(first, min(count, first + per_file)):
                words: list[str] = []
                size = 0
                while size < text_bytes:
                    word = rng.choice(_WORDS) if rng.random() < 0.9 else f"{rng.randrange(10**6):06d}"
                    words.append(word)
                    size += len(word) + 1
                fh.write(json.dumps({"id": f"rec-{i:08d}", "text": " ".join(words)}) + "\n")
        total += target.stat().st_size
    return total


def _config(path: Path, max_shard_bytes: int) -> None:
    output: dict[str, Any] = {"num_shards": 4}
    if max_shard_bytes:
        output["max_shard_bytes"] = max_shard_bytes
    path.write_text(json.dumps({"detectors": _DETECTORS, "output": output}), encoding="utf-8")


def launch_command(args: argparse.Namespace, inp: Path, out: Path, config: Path, runner_args: list[str]) -> list[str]:
    """The launcher's command line: ``scrubline run`` on ``inp``, with the DirectRunner's two worker
    processes, or ``runner_args`` (the engine's flags and the worker pool's) for another runner."""
    limit = str(256 * 1024 * 1024 if args.balance else 0)
    cmd = [sys.executable, "-c", _LAUNCH, limit, "run", "--input", str(inp), "--output", str(out), "--overwrite"]
    cmd += ["--config", str(config)]
    if args.runner == "direct":
        return [*cmd, "--direct_running_mode", "multi_processing", "--direct_num_workers", "2"]
    return cmd + runner_args


def pool_role(root: int) -> Callable[[int, str], str]:
    """Roles in a worker pool's process tree: the pool itself, and the SDK workers it starts."""
    return lambda pid, cmdline: "pool" if pid == root else "worker"


def _peak(processes: list[ProcPeak], role: str) -> float:
    return round(max((p.peak_rss_mb for p in processes if p.role == role), default=0.0), 1)


def _run(key: str, records: int, args: argparse.Namespace, work: Path) -> dict[str, Any]:
    inp, out, config = (
        work / (f"{key}-in" if args.file_records else f"{key}.jsonl"),
        work / f"{key}-out",
        work / "config.json",
    )
    size = generate_records(inp, records, args.text_bytes, file_records=args.file_records)
    _config(config, args.max_shard_bytes)
    env = dict(os.environ, PYTHONPATH=str(args.code))
    if os.environ.get("SCRUBLINE_RSS_PROBE_DIR"):
        probe = Path(os.environ["SCRUBLINE_RSS_PROBE_DIR"]) / key
        probe.mkdir(parents=True, exist_ok=True)
        env["SCRUBLINE_RSS_PROBE_DIR"] = str(probe)
    pool, sampler, runner_args = None, None, []
    if args.runner == "flink":
        from tests import engines  # the engine test's job server flags and worker pool

        (work / "tmp").mkdir(exist_ok=True)
        pool = engines.start_worker_pool(work / f"{key}-pool", env, str(args.code))
        sampler = TreeSampler(pool.pid, pool_role(pool.pid)).start()
        runner_args = engines.engine_args("flink", work / "tmp") + engines.external(pool.endpoint)
    try:
        cmd = launch_command(args, inp, out, config, runner_args)
        m: Measurement = measure(key, f"{records} records", cmd, work, cwd=work, env=env)
    finally:
        pooled = sampler.stop() if sampler else []
        if pool:
            engines.stop_group(pool.proc)
    if m.returncode != 0:
        raise SystemExit(f"run {key} failed ({m.returncode}):\n{m.stderr_tail}")
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    shards = sum(1 for f in manifest["files"] if f["path"].startswith("records/"))
    workers = [p for p in (pooled or m.processes) if p.role == "worker"]
    java = [p for p in m.processes if p.role == "child" and "java" in p.cmd.split(" ", 1)[0]]
    return {
        "records": records,
        "input_mb": round(size / 1e6, 1),
        "written": manifest["counts"]["written"],
        "record_shards": shards,
        "worker_peak_mb": _peak(workers, "worker"),
        "workers": len(workers),
        "worker_peaks_mb": sorted(round(p.peak_rss_mb, 1) for p in workers),
        "worker_pids": sorted((p.pid, round(p.peak_rss_mb, 1)) for p in workers),
        "pool_peak_mb": _peak(pooled, "pool") if pooled else None,
        "launcher_peak_mb": round(m.peak("main"), 1),
        "job_server_peak_mb": round(max(p.peak_rss_mb for p in java), 1) if java else None,
        "wall_s": round(m.wall_s, 1),
    }


def run_memory(args: argparse.Namespace) -> dict[str, Any]:
    """Run N and factor*N records; the peaks of each and the ratios of 10N's peaks to N's."""
    with tempfile.TemporaryDirectory(prefix="scrubline-memory-") as tmp:
        small = _run("small", args.records, args, Path(tmp))
        large = _run("large", args.records * args.factor, args, Path(tmp))
    return {
        "code": str(args.code),
        "runner": args.runner,
        "max_shard_bytes": args.max_shard_bytes or None,
        "balance": args.balance,
        "file_records": args.file_records or None,
        "runs": [small, large],
        "worker_ratio": round(large["worker_peak_mb"] / small["worker_peak_mb"], 2),
        "launcher_ratio": round(large["launcher_peak_mb"] / small["launcher_peak_mb"], 2),
    }


def _print(res: dict[str, Any]) -> None:
    print(
        f"runner: {res['runner']}  code: {res['code']}  output.max_shard_bytes: {res['max_shard_bytes']}  "
        f"bins: {res['balance']}  records per file: {res['file_records'] or 'all'}"
    )
    print("| records | input MB | record shards | worker peak RSS MB | launcher peak RSS MB | job server MB | wall s |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for r in res["runs"]:
        print(
            f"| {r['records']:,} | {r['input_mb']} | {r['record_shards']} | {r['worker_peak_mb']} "
            f"({r['workers']} workers) | {r['launcher_peak_mb']} | {r['job_server_peak_mb'] or '-'} | {r['wall_s']} |"
        )
    print(f"worker peak ratio (10N / N): {res['worker_ratio']}; launcher: {res['launcher_ratio']}")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The benchmark's arguments (see the module docstring)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=5000)
    ap.add_argument("--factor", type=int, default=10)
    ap.add_argument("--text-bytes", type=int, default=2000)
    ap.add_argument("--max-shard-bytes", type=int, default=2_000_000)
    ap.add_argument("--code", type=Path, default=REPO)
    ap.add_argument("--file-records", type=int, default=0, help="records per input file (default: one file)")
    ap.add_argument("--balance", action="store_true", help="keep the local runner's equal-work bins")
    ap.add_argument("--runner", choices=RUNNERS, default="direct", help="flink: local Flink, external worker pool")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    """Parse the arguments, run both sizes, print a table and one JSON line."""
    res = run_memory(parse_args(argv))
    _print(res)
    print(json.dumps(res, sort_keys=True))


if __name__ == "__main__":
    main()
