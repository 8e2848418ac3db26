"""CPU seconds of each configured detector over every text of the development corpora.

CPU time (``time.process_time``), best of ``--repeat`` runs, so a machine shared with other work
disturbs the figures less than wall time would. spaCy NER is left out unless ``--model`` is given.

    .venv/bin/python -m benchmarks.detector_cpu [--model] [--repeat 2] [--shared-data ../shared/data]
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence
from pathlib import Path

from transforms.config import DEFAULT_CONFIG_PATH, load_config
from transforms.detectors import build_detectors

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
BATCH = 32


def corpus_texts(data: Path) -> list[str]:
    """Every text of the development corpora: the JSONL corpora, then presidio-research's synthetic set."""
    texts: list[str] = []
    for path in sorted(data.glob("*/*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]
    synth = data / "presidio_research_synth" / "synth_dataset_v2.json"
    if synth.exists():
        texts += [row["full_text"] for row in json.loads(synth.read_text(encoding="utf-8"))]
    return texts


def detector_seconds(texts: Sequence[str], with_model: bool, repeat: int) -> dict[str, float]:
    """Best-of-``repeat`` CPU seconds of each detector of the shipped config over ``texts``, in batches."""
    config = load_config(DEFAULT_CONFIG_PATH)
    out: dict[str, float] = {}
    for name in config.detectors:
        if name == "spacy_ner" and not with_model:
            continue
        detector = build_detectors(config.model_copy(update={"detectors": [name]}))[0]
        best = float("inf")
        for _ in range(repeat):
            started = time.process_time()
            for i in range(0, len(texts), BATCH):
                detector.detect(texts[i : i + BATCH])
            best = min(best, time.process_time() - started)
        out[name] = round(best, 2)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", action="store_true", help="include spacy_ner (loads the trained model)")
    parser.add_argument("--repeat", type=int, default=2, help="runs per detector; the smallest counts (2)")
    parser.add_argument("--shared-data", type=Path, default=DEFAULT_DATA, help="the development corpora")
    args = parser.parse_args()
    texts = corpus_texts(args.shared_data)
    seconds = detector_seconds(texts, args.model, args.repeat)
    print(json.dumps(seconds), f"total {sum(seconds.values()):.2f} CPU s over {sum(map(len, texts)):,} characters")


if __name__ == "__main__":
    main()
