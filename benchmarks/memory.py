"""Peak memory of the SDK worker processes while the number of records grows tenfold.

Runs the real pipeline (``pipelines.cli.main(["run", ...])``) on N and 10N generated JSONL records with
the DirectRunner in multi-processing mode (two SDK worker processes, each in its own process, as on a
cluster), with only the ``patterns`` detector so that it is quick (detection holds no record longer
than its batch; what grows with the records is the grouping and writing of shards), and samples the
memory of every process of the run (``/proc/PID/status`` VmHWM, through ``benchmarks.throughput.measure``).
It reports the peak RSS of the worker processes for each size and their ratio, and the launcher's own
peak separately: the DirectRunner's runner process holds every PCollection between stages in memory (a
cluster runner such as Flink spills them to disk), so it grows with the input whatever the workers do.

Records are spread over the workers with ``Reshuffle``, as on every other runner: the local runner's
equal-work bins (``pipelines.options.BALANCE_MAX_INPUT_BYTES``, for inputs up to 256 MB) give each
worker its whole bin at once by design, which would hide what the shards do; ``--balance`` keeps them.

    .venv/bin/python -m benchmarks.memory [--records 5000] [--factor 10] [--text-bytes 2000]
        [--max-shard-bytes 2000000] [--code DIR] [--balance]

``--code DIR`` measures the code of another checkout (for example the main branch, for a before/after
comparison); ``--max-shard-bytes 0`` leaves ``output.max_shard_bytes`` out of the config (for code
that does not know the setting). Records are made of invented words and numbers, one ``random.Random``
seed: the same arguments give the same input.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.throughput import REPO, Measurement, measure

__all__ = ["generate_records", "run_memory"]

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


def generate_records(path: Path, count: int, text_bytes: int, seed: int = 1729) -> int:
    """Write ``count`` JSONL records of about ``text_bytes`` characters of text each; return the file's size."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(count):
            words: list[str] = []
            size = 0
            while size < text_bytes:
                word = rng.choice(_WORDS) if rng.random() < 0.9 else f"{rng.randrange(10**6):06d}"
                words.append(word)
                size += len(word) + 1
            fh.write(json.dumps({"id": f"rec-{i:08d}", "text": " ".join(words)}) + "\n")
    return path.stat().st_size


def _config(path: Path, max_shard_bytes: int) -> None:
    output: dict[str, Any] = {"num_shards": 4}
    if max_shard_bytes:
        output["max_shard_bytes"] = max_shard_bytes
    path.write_text(json.dumps({"detectors": _DETECTORS, "output": output}), encoding="utf-8")


def _run(key: str, records: int, args: argparse.Namespace, work: Path) -> dict[str, Any]:
    inp, out, config = work / f"{key}.jsonl", work / f"{key}-out", work / "config.json"
    size = generate_records(inp, records, args.text_bytes)
    _config(config, args.max_shard_bytes)
    limit = str(256 * 1024 * 1024 if args.balance else 0)
    cmd = [sys.executable, "-c", _LAUNCH, limit, "run", "--input", str(inp), "--output", str(out), "--overwrite"]
    cmd += ["--config", str(config), "--direct_running_mode", "multi_processing", "--direct_num_workers", "2"]
    env = dict(os.environ, PYTHONPATH=str(args.code))
    m: Measurement = measure(key, f"{records} records", cmd, work, cwd=work, env=env)
    if m.returncode != 0:
        raise SystemExit(f"run {key} failed ({m.returncode}):\n{m.stderr_tail}")
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    shards = sum(1 for f in manifest["files"] if f["path"].startswith("records/"))
    return {
        "records": records,
        "input_mb": round(size / 1e6, 1),
        "written": manifest["counts"]["written"],
        "record_shards": shards,
        "worker_peak_mb": round(m.peak("worker"), 1),
        "workers": sum(1 for p in m.processes if p.role == "worker"),
        "launcher_peak_mb": round(m.peak("main"), 1),
        "wall_s": round(m.wall_s, 1),
    }


def run_memory(args: argparse.Namespace) -> dict[str, Any]:
    """Run N and factor*N records; the peaks of each and the ratios of 10N's peaks to N's."""
    with tempfile.TemporaryDirectory(prefix="scrubline-memory-") as tmp:
        small = _run("small", args.records, args, Path(tmp))
        large = _run("large", args.records * args.factor, args, Path(tmp))
    return {
        "code": str(args.code),
        "max_shard_bytes": args.max_shard_bytes or None,
        "balance": args.balance,
        "runs": [small, large],
        "worker_ratio": round(large["worker_peak_mb"] / small["worker_peak_mb"], 2),
        "launcher_ratio": round(large["launcher_peak_mb"] / small["launcher_peak_mb"], 2),
    }


def _print(res: dict[str, Any]) -> None:
    print(f"code: {res['code']}  output.max_shard_bytes: {res['max_shard_bytes']}  bins: {res['balance']}")
    print("| records | input MB | record shards | worker peak RSS MB | launcher peak RSS MB | wall s |")
    print("|---:|---:|---:|---:|---:|---:|")
    for r in res["runs"]:
        print(
            f"| {r['records']:,} | {r['input_mb']} | {r['record_shards']} | {r['worker_peak_mb']} "
            f"({r['workers']} workers) | {r['launcher_peak_mb']} | {r['wall_s']} |"
        )
    print(f"worker peak ratio (10N / N): {res['worker_ratio']}; launcher: {res['launcher_ratio']}")


def main(argv: list[str] | None = None) -> None:
    """Parse the arguments, run both sizes, print a table and one JSON line."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=5000)
    ap.add_argument("--factor", type=int, default=10)
    ap.add_argument("--text-bytes", type=int, default=2000)
    ap.add_argument("--max-shard-bytes", type=int, default=2_000_000)
    ap.add_argument("--code", type=Path, default=REPO)
    ap.add_argument("--balance", action="store_true", help="keep the local runner's equal-work bins")
    res = run_memory(ap.parse_args(argv))
    _print(res)
    print(json.dumps(res, sort_keys=True))


if __name__ == "__main__":
    main()
