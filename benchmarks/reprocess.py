"""Reprocessing benchmark: after adding one proprietary term, ``--previous`` against a full rerun.

One command, one run, same machine:

    .venv/bin/python -m benchmarks.reprocess [--mb 4] [--share 0.03] [--workdir DIR]

1. generates realistic uploads (``benchmarks.gen_uploads``, mixed kinds and sizes plus a JSONL batch)
   and mentions a new customer name in about ``--share`` of the records (every k-th raw file and JSONL
   record, in a fixed order; ordinary sentences, some possessive, some lower case);
2. runs ``scrubline run`` with the shipped config (spaCy NER and every detector) -> the previous run;
3. adds the name to ``proprietary.terms.CUSTOMER`` and runs, as separate processes timed whole
   (start-up included): a full rerun, then ``--previous`` on the previous run;
4. checks that both give byte-identical records, quarantine and fingerprint shards and the same
   manifest except its ``reuse`` section, and prints the speed-up (target: >= 5x).

Results go to ``benchmarks/results/reprocess.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

from benchmarks.gen_uploads import generate_corpus

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
NEW_TERM = "Kestrel Dynamics"
SENTENCES = (
    f"{NEW_TERM} asked for the renewal quote by Friday.",
    f"Escalated: {NEW_TERM}'s integration keeps timing out.",
    f"note to self - {NEW_TERM.lower()} wants the old pricing",
)


def _inject(root: Path, share: float) -> tuple[int, int]:
    """Mention NEW_TERM in every k-th record; return (records mentioning it, records in total)."""
    k = max(1, round(1 / share))
    hits = total = 0
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        if path.suffix == ".jsonl":
            lines = path.read_text(encoding="utf-8").splitlines()
            out = []
            for line in lines:
                obj = json.loads(line)
                if total % k == 0:
                    obj["text"] = f"{obj['text']} {SENTENCES[hits % len(SENTENCES)]}"
                    hits += 1
                total += 1
                out.append(json.dumps(obj))
            path.write_text("\n".join(out) + "\n", encoding="utf-8")
        else:
            if total % k == 0 and path.suffix != ".eml":
                with path.open("a", encoding="utf-8") as fh:
                    fh.write(f"\n{SENTENCES[hits % len(SENTENCES)]}\n")
                hits += 1
            total += 1
    return hits, total


def _scrubline(*args: str) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "pipelines.cli", "run", "--progress-seconds", "0", *args],
        check=True,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def _identical(a: Path, b: Path) -> bool:
    for kind in ("records", "quarantine", "fingerprints"):
        names = sorted(p.name for p in (a / kind).iterdir())
        if names != sorted(p.name for p in (b / kind).iterdir()):
            return False
        if any((a / kind / n).read_bytes() != (b / kind / n).read_bytes() for n in names):
            return False
    ma = json.loads((a / "manifest.json").read_text())
    mb = json.loads((b / "manifest.json").read_text())
    ma.pop("reuse")
    mb.pop("reuse")
    return ma == mb


def run(mb: float, share: float, workdir: Path) -> dict[str, Any]:
    uploads = workdir / "uploads"
    print(generate_corpus(uploads, int(mb * 1_000_000)).describe())
    hits, total = _inject(uploads, share)
    print(f"'{NEW_TERM}' mentioned in {hits} of {total} records ({hits / total:.1%})")

    base = yaml.safe_load((ROOT / "configs" / "default.yaml").read_text(encoding="utf-8"))
    changed = json.loads(json.dumps(base))
    changed["proprietary"]["terms"].setdefault("CUSTOMER", []).append(NEW_TERM)
    (workdir / "base.yaml").write_text(yaml.safe_dump(base), encoding="utf-8")
    (workdir / "changed.yaml").write_text(yaml.safe_dump(changed), encoding="utf-8")

    common = ["--input", str(uploads)]
    previous_s = _scrubline(*common, "--output", str(workdir / "previous"), "--config", str(workdir / "base.yaml"))
    print(f"previous run (old rules): {previous_s:.1f} s")
    full_s = _scrubline(*common, "--output", str(workdir / "full"), "--config", str(workdir / "changed.yaml"))
    print(f"full rerun (new rules): {full_s:.1f} s")
    incremental_s = _scrubline(
        *common,
        "--output",
        str(workdir / "incremental"),
        "--config",
        str(workdir / "changed.yaml"),
        "--previous",
        str(workdir / "previous"),
    )
    reuse = json.loads((workdir / "incremental" / "manifest.json").read_text())["reuse"]
    identical = _identical(workdir / "full", workdir / "incremental")
    result = {
        "corpus_mb": mb,
        "records": total,
        "records_mentioning_new_term": hits,
        "previous_run_s": round(previous_s, 2),
        "full_rerun_s": round(full_s, 2),
        "incremental_s": round(incremental_s, 2),
        "speedup": round(full_s / incremental_s, 2),
        "redetected": reuse["redetected"],
        "carried_over": reuse["carried_over"],
        "identical_output": identical,
    }
    print(
        f"--previous: {incremental_s:.1f} s, re-detected {reuse['redetected']} and carried over "
        f"{reuse['carried_over']} records; speed-up {result['speedup']:.2f}x (target 5x); "
        f"output identical to the full rerun: {identical}"
    )
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=4.0, help="corpus size in MB (default 4)")
    parser.add_argument("--share", type=float, default=0.03, help="share of records mentioning the term (0.03)")
    parser.add_argument("--workdir", default=None, help="keep the corpus and runs here (default: a temp dir)")
    args = parser.parse_args(argv)
    if args.workdir:
        workdir = Path(args.workdir)
        workdir.mkdir(parents=True, exist_ok=True)
        result = run(args.mb, args.share, workdir)
    else:
        with tempfile.TemporaryDirectory(prefix="scrubline-reprocess-") as tmp:
            result = run(args.mb, args.share, Path(tmp))
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "reprocess.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    ok = result["identical_output"] and result["speedup"] >= 5
    return 0 if ok else 1


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    # --previous needs a state key; a fixed one for the benchmark's throwaway runs (never for real data).
    os.environ.setdefault("SCRUBLINE_STATE_KEY", "benchmark-only-state-key-000001")
    sys.exit(main())
