"""Large rule files: 100,000 terms, domains and allow entries loaded from files, against 100 inline.

Everything is generated (seeded, invented names). Reported, best of ``--repeat`` runs each:

- loading: reading the CSV/line files, layering over the defaults and validating the config;
- building: the terms automaton (``ProprietaryTermDetector``), the domains automaton
  (``InternalDomainDetector``) and the allow list (``AllowList``);
- scanning: seconds per MB of generated text for the terms and the domains detectors, for the large
  lists and for 100 inline entries (the text holds a few hundred mentions of each);
- the job graph: the serialized Beam pipeline (``build_pipeline``, not run) with the large config
  against the 100-entry one, and how many times the term list's compressed size that difference is.

Timing is printed only, never asserted in a test.

    .venv/bin/python -m benchmarks.rule_files [--entries 100000] [--mb 2] [--repeat 3] [--seed 7]
"""

from __future__ import annotations

import argparse
import csv
import pickle
import random
import tempfile
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from transforms.config import LoadedConfig, ScrublineConfig, load_layered
from transforms.detectors.terms import InternalDomainDetector, ProprietaryTermDetector
from transforms.redaction.allow import AllowList

_SYLLABLES = "ka lo ven mir tas dor el quin bra zu fen hol ris tam ob cy gre wen pol ardi".split()
_SUFFIXES = ["Ltd", "Holdings", "Logistics", "Partners", "Group", "Labs", ""]
_PROSE = (
    "the quarterly review covers delivery dates for the warehouse team and a short note on budgets "
    "please find attached the minutes of the meeting and let me know if anything is missing"
).split()


def _name(rnd: random.Random) -> str:
    words = ["".join(rnd.choice(_SYLLABLES) for _ in range(rnd.randint(2, 3))).capitalize() for _ in range(2)]
    suffix = rnd.choice(_SUFFIXES)
    return " ".join([*words, suffix] if suffix else words)


def _entries(count: int, seed: int) -> tuple[list[str], list[str], list[str]]:
    rnd = random.Random(seed)
    terms = sorted({_name(rnd) for _ in range(count * 2)})[:count]
    domains = sorted({f"{_name(rnd).split()[0].lower()}{i}.corp.example" for i in range(count)})
    allow = sorted({_name(rnd) for _ in range(count)})
    return terms, domains, allow


def _write_files(root: Path, terms: list[str], domains: list[str], allow: list[str]) -> Path:
    with open(root / "customers.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "name"])
        writer.writerows([i, t] for i, t in enumerate(terms))
    (root / "domains.txt").write_text("\n".join(domains) + "\n", encoding="utf-8")
    (root / "allow.txt").write_text("\n".join(allow) + "\n", encoding="utf-8")
    config = {
        "proprietary": {
            "terms": {"CUSTOMER": [{"file": "customers.csv", "column": "name"}]},
            "internal_domains": [{"file": "domains.txt"}],
        },
        "allow": [{"file": "allow.txt"}],
    }
    path = root / "large.yaml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


def _write_inline(root: Path, terms: list[str], domains: list[str], allow: list[str]) -> Path:
    config = {
        "proprietary": {"terms": {"CUSTOMER": terms}, "internal_domains": domains},
        "allow": allow,
    }
    path = root / "small.yaml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


def _text(mb: float, terms: list[str], domains: list[str], seed: int) -> str:
    """Prose with a term or a host name every ~5 KB (the same mentions for both list sizes)."""
    rnd = random.Random(seed + 1)
    parts: list[str] = []
    size = 0
    while size < mb * 1_000_000:
        line = " ".join(rnd.choice(_PROSE) for _ in range(12))
        if rnd.random() < 0.02:
            line += f" with {rnd.choice(terms)} at build{rnd.randint(1, 99)}.{rnd.choice(domains)}"
        parts.append(line)
        size += len(line) + 1
    return "\n".join(parts)


def _best(repeat: int, fn: Callable[[], Any]) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - started)
    return best, result


def _graph_bytes(config: ScrublineConfig) -> int:
    import apache_beam as beam

    from pipelines.pipeline import RunSpec, build_pipeline
    from transforms.config import ruleset_hash

    p = beam.Pipeline()
    build_pipeline(p, RunSpec((), "/tmp/unused-output", config, ruleset_hash(config)))
    return len(p.to_runner_api().SerializeToString())


def _report_scan(label: str, seconds: float, mb: float, findings: int) -> None:
    print(f"  {label:<34} {seconds / mb:8.3f} s/MB   {findings} findings")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--mb", type=float, default=2.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    terms, domains, allow = _entries(args.entries, args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        large_path = _write_files(root, terms, domains, allow)
        small_path = _write_inline(root, terms[:100], domains[:100], allow[:100])
        load_large, large = _best(args.repeat, lambda: load_layered(large_path))
        load_small, small = _best(args.repeat, lambda: load_layered(small_path))
    assert isinstance(large, LoadedConfig) and isinstance(small, LoadedConfig)
    big, little = large.config, small.config
    print(
        f"entries per list: {len(big.proprietary.terms['CUSTOMER'])} terms, "
        f"{len(big.proprietary.internal_domains)} domains, {len(big.allow)} allow entries"
    )
    print("load (read files, layer, validate):")
    print(f"  {args.entries} of each from files          {load_large:8.3f} s")
    print(f"  100 of each inline                 {load_small:8.3f} s")

    print("build:")
    for label, build in (
        ("terms automaton", lambda c: ProprietaryTermDetector(c.proprietary.terms)),
        ("domains automaton", lambda c: InternalDomainDetector(c.proprietary.internal_domains)),
        ("allow list", lambda c: AllowList(c.allow)),
    ):
        t_big, _ = _best(args.repeat, lambda b=build: b(big))
        t_small, _ = _best(args.repeat, lambda b=build: b(little))
        print(f"  {label:<20} {t_big:8.3f} s ({args.entries})   {t_small:8.4f} s (100)")

    text = _text(args.mb, terms[:100], domains[:100], args.seed)  # mentions any list size finds
    mb = len(text) / 1_000_000
    print(f"scan ({mb:.1f} MB of text):")
    for label, detector_for in (
        ("terms", lambda c: ProprietaryTermDetector(c.proprietary.terms)),
        ("internal domains", lambda c: InternalDomainDetector(c.proprietary.internal_domains)),
    ):
        for size, cfg in ((args.entries, big), (100, little)):
            detector = detector_for(cfg)
            seconds, found = _best(args.repeat, lambda d=detector: d.detect([text]))
            _report_scan(f"{label}, {size}", seconds, mb, len(found[0]))

    graph_big, graph_small = _graph_bytes(big), _graph_bytes(little)
    one_copy = len(zlib.compress(pickle.dumps(big.proprietary.terms["CUSTOMER"] + big.allow)))
    print("job graph (serialized pipeline proto):")
    print(f"  {args.entries} entries: {graph_big:,} bytes; 100 inline: {graph_small:,} bytes")
    print(
        f"  difference {graph_big - graph_small:,} bytes = {(graph_big - graph_small) / one_copy:.2f} x "
        f"the compressed term and allow lists ({one_copy:,} bytes)"
    )


if __name__ == "__main__":
    main()
