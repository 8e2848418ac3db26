"""CPU cost of the path views of texts (file names and paths written in a text, ``paths.text_path_views``).

Runs the redaction engine of the shipped config without spaCy NER over every ``--stride``-th text of the
development corpora, and over an invented log in which every line writes a file path, once with the
text path views and once without (best of two, ``time.process_time``), and prints the difference.

    .venv/bin/python -m benchmarks.text_paths_cpu [--stride 3] [--shared-data ../shared/data]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks.detector_cpu import DEFAULT_DATA, corpus_texts
from benchmarks.quality import offline_tldextract
from transforms.config import load_config
from transforms.records import Document
from transforms.redaction import engine as engine_module
from transforms.redaction.paths import text_path_views


def path_log(lines: int = 6000) -> list[str]:
    """An invented log, every line a file path, in records of about 20,000 characters."""
    words = ["report", "notes", "build", "cache", "export", "summary", "draft", "invoice"]
    text = "\n".join(
        f"2025-02-{i % 28 + 1:02d} 10:{i % 60:02d}:00 INFO worker-{i % 7} wrote "
        f"/srv/data/{words[i % 8]}/{words[(i * 3) % 8]}_{i}.json.gz in {i % 900} ms"
        for i in range(lines)
    )
    return [text[i : i + 20_000] for i in range(0, len(text), 20_000)]


def _seconds(engine: engine_module.RedactionEngine, texts: Sequence[str], views: Callable[[str], list[str]]) -> float:
    engine_module.text_path_views = views  # type: ignore[assignment]
    started = time.process_time()
    for i in range(0, len(texts), 32):
        engine.redact([Document(id=f"d{i + j}", text=t, source="benchmark") for j, t in enumerate(texts[i : i + 32])])
    return time.process_time() - started


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stride", type=int, default=3)
    parser.add_argument("--shared-data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args(argv)
    offline_tldextract()
    config = load_config(None)
    config = config.model_copy(update={"detectors": [d for d in config.detectors if d != "spacy_ner"]})
    engine = engine_module.RedactionEngine.from_config(config)
    corpora = {"development corpora": corpus_texts(args.shared_data)[:: args.stride], "path log": path_log()}
    for name, texts in corpora.items():
        with_view = sum(1 for t in texts if text_path_views(t))
        off = min(_seconds(engine, texts, lambda t: []) for _ in range(2))
        on = min(_seconds(engine, texts, text_path_views) for _ in range(2))
        print(
            f"{name}: {len(texts)} texts, {sum(map(len, texts)):,} characters, {with_view} with a path view; "
            f"engine CPU {off:.1f} s without text path views, {on:.1f} s with (+{(on / off - 1) * 100:.1f}%)"
        )
    engine_module.text_path_views = text_path_views


if __name__ == "__main__":
    main()
