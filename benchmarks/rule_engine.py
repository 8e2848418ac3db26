"""Micro benchmark of the rule engine: 200 keyword rules on 5 MB of mixed text, windowed vs whole text.

The text is generated (seeded): prose, source code, log lines and chat lines, with non-ASCII letters,
and every so often an assignment one of the rules is written for. Each rule has two keywords and an RE2
pattern of the credential kind; a few keywords are common words ("id", "user", "key") so some rules get
many hits. Reported, best of ``--repeat`` runs each:

- the windowed scan (one Aho-Corasick pass, then each rule's pattern on the windows around its keywords);
- the whole-text scan (every pattern over the whole text), and the ratio whole / windowed;
- the keyword pass alone, and the share of the text the windows cover.

The two scans must report the same findings (every generated match lies inside its keyword's window);
the benchmark stops with an error if they do not. Timing is printed only, never asserted in a test.

    .venv/bin/python -m benchmarks.rule_engine [--mb 5] [--rules 200] [--repeat 3] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from typing import Any

import yaml

from transforms.detectors.rules import RuleEngine, parse_pack

_COMMON = ["id", "user", "key", "token", "pass", "name", "host", "port"]
_PROSE = (
    "the quarterly review covers delivery dates for the warehouse team and a short note on budgets "
    "Müller sent the draft to Ødegaard before the Łódź visit, naïve estimates were revised twice "
    "please find attached the minutes of the meeting and let me know if anything is missing"
).split()
_CODE = [
    "def handler(event, context):",
    "    result = client.fetch(url, timeout=30)",
    "    if result.status != 200: raise RuntimeError(result.reason)",
    "for (int i = 0; i < n; ++i) { total += values[i]; }",
    "const port = process.env.PORT || 8080;",
]
_LOG = "2024-03-0{d} 12:{m:02d}:07 INFO worker-{w} processed batch {b} in {t} ms"


def _keywords(index: int) -> list[str]:
    """Two keywords per rule: a distinctive setting name, and for one rule in 25 a common word."""
    distinctive = f"setting{index:03d}"
    second = _COMMON[index % len(_COMMON)] if index % 25 == 0 else f"cfg_{index:03d}_secret"
    return [distinctive, second]


def _pack(rule_count: int) -> str:
    """A pack of ``rule_count`` synthetic rules, as YAML."""
    rules = []
    for index in range(rule_count):
        first, second = _keywords(index)
        rules.append(
            {
                "id": f"rule_{index:03d}",
                "entity": "API_KEY",
                "score": 0.8,
                "keywords": [first, second],
                "pattern": rf"(?i)\b(?:{first}|{second})[ \t]*[:=][ \t]*[\"']?(?P<v>[\p{{L}}\p{{N}}_\-+/]{{8,}})",
                "checks": [{"min_length": {"chars": 8}}],
            }
        )
    return yaml.safe_dump({"pack": "benchmark", "detector": "bench", "rules": rules}, sort_keys=False)


def _line(rng: random.Random, rule_count: int) -> str:
    """One line of mixed text; about one line in 40 holds an assignment for some rule."""
    kind = rng.random()
    if kind < 0.025:
        keyword = rng.choice(_keywords(rng.randrange(rule_count)))
        value = "".join(rng.choice("abcdefghjkmnpqrstuvwxyzABCDEFGH23456789") for _ in range(rng.randint(10, 40)))
        return f"{keyword} = {value}"
    if kind < 0.45:
        return " ".join(rng.choice(_PROSE) for _ in range(rng.randint(6, 30)))
    if kind < 0.7:
        return rng.choice(_CODE)
    if kind < 0.9:
        return _LOG.format(d=rng.randint(1, 9), m=rng.randint(0, 59), w=rng.randint(1, 8), b=rng.randint(1, 999), t=7)
    return f"{rng.choice(_COMMON)}: {rng.choice(_PROSE)} {rng.randint(1, 99999)}"


def make_text(megabytes: float, rule_count: int, seed: int) -> str:
    """About ``megabytes`` million characters of mixed text, the same for the same arguments."""
    rng = random.Random(seed)
    lines: list[str] = []
    size, target = 0, int(megabytes * 1_000_000)
    while size < target:
        line = _line(rng, rule_count)
        lines.append(line)
        size += len(line) + 1
    return "\n".join(lines)


def _best(repeat: int, run: Callable[[], Any]) -> tuple[float, Any]:
    """The shortest wall time of ``repeat`` calls, and the last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - started)
    return best, result


def run(megabytes: float = 5.0, rule_count: int = 200, repeat: int = 3, seed: int = 7) -> dict[str, float]:
    """Measure and return the timings (seconds), counts and ratio; raise if the two scans disagree."""
    started = time.perf_counter()
    engine = RuleEngine([parse_pack(_pack(rule_count), "benchmark")])
    build = time.perf_counter() - started
    text = make_text(megabytes, rule_count, seed)
    windowed_s, windowed = _best(repeat, lambda: engine.scan(text))
    whole_s, whole = _best(repeat, lambda: engine.scan(text, windowed=False))
    if windowed != whole:
        raise RuntimeError(f"windowed scan found {len(windowed)}, whole-text scan {len(whole)}")
    keywords_s, hits = _best(repeat, lambda: engine._keyword_hits(text))
    covered = sum(e - s for i, h in hits.items() for s, e in _windows(engine, text, i, h))
    return {
        "chars": len(text),
        "rules": rule_count,
        "findings": len(windowed),
        "build_s": build,
        "keyword_pass_s": keywords_s,
        "windowed_s": windowed_s,
        "whole_text_s": whole_s,
        "ratio_whole_over_windowed": whole_s / windowed_s,
        "window_coverage": covered / (len(text) * rule_count),
    }


def _windows(engine: RuleEngine, text: str, index: int, hits: list[tuple[int, int]]) -> list[tuple[int, int]]:
    from transforms.detectors.rules.windows import plan_windows

    return plan_windows(text, hits, engine._rules[index].spec.window)


def main() -> None:
    """Run the benchmark with the command-line arguments and print one line per measure."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="text size in millions of characters")
    parser.add_argument("--rules", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    for name, value in run(args.mb, args.rules, args.repeat, args.seed).items():
        print(f"{name:28s} {value:.4g}" if isinstance(value, float) else f"{name:28s} {value}")


if __name__ == "__main__":
    main()
