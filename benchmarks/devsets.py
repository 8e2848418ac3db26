"""Loaders for the development corpora in ``../shared/data`` (see that folder's README.md).

Both are mapped onto the benchmark's label set (``corpus.SENSITIVE_LABELS``); labels with no
family there are kept under their own names and reported as *unscored*: recall is shown, they are
left out of the overall row, and a prediction that overlaps only them is neutral for precision.

presidio-research ``synth_dataset_v2.json``:

- ``PERSON``, ``STREET_ADDRESS``, ``ORGANIZATION``, ``CREDIT_CARD``, ``PHONE_NUMBER``, ``EMAIL_ADDRESS``,
  ``IBAN_CODE``, ``US_SSN``, ``IP_ADDRESS``: the same family;
- ``DOMAIN_NAME`` → ``URL`` (they are personal web sites such as ``http://www.FaceUpdate.com.br/``);
- ``DATE_TIME`` with "birth", "born" or "DOB" in the 60 characters before it → ``DATE_OF_BIRTH``;
- other ``DATE_TIME``, and ``GPE``, ``TITLE``, ``AGE``, ``NRP``, ``ZIP_CODE``, ``US_DRIVER_LICENSE``:
  unscored, under their own names.

WNUT-17 dev: ``person`` → ``PERSON``, ``corporation`` → ``ORGANIZATION``. ``location`` (mostly
cities and countries, not street addresses), ``group`` (bands, teams), ``product`` and
``creative-work`` (phones, games, TV shows) are unscored: whether redacting them is right depends on
the context, so they neither earn nor cost precision.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from benchmarks.corpus import LabelledDoc, Span

__all__ = ["SYNTH_PATH", "WNUT_PATH", "load_synth", "load_wnut"]

SYNTH_PATH = Path("presidio_research_synth") / "synth_dataset_v2.json"
WNUT_PATH = Path("wnut17_dev") / "wnut17_dev.jsonl"

_SYNTH_MAP = {"DOMAIN_NAME": "URL"}
_WNUT_MAP = {"person": "PERSON", "corporation": "ORGANIZATION"}
_BIRTH_CONTEXT = re.compile(r"birth|born|\bdob\b|d\.o\.b", re.IGNORECASE)


def _synth_label(label: str, text: str, start: int) -> str:
    if label == "DATE_TIME" and _BIRTH_CONTEXT.search(text[max(0, start - 60) : start]):
        return "DATE_OF_BIRTH"
    return _SYNTH_MAP.get(label, label)


def _doc(doc_id: str, kind: str, text: str, spans: list[Span]) -> LabelledDoc:
    for span in spans:
        if text[span.start : span.end] != span.value:
            raise ValueError(f"{doc_id}: span {span} does not match the text")
    return LabelledDoc(doc_id, kind, text, tuple(sorted(spans, key=lambda s: (s.start, s.end))))


def load_synth(path: Path, limit: int | None = None) -> list[LabelledDoc]:
    """Read presidio-research's synthetic sentences, labels mapped as described in the module doc."""
    rows = json.loads(path.read_text(encoding="utf-8"))
    docs = []
    for i, row in enumerate(rows[:limit]):
        text = row["full_text"]
        spans = [
            Span(
                s["start_position"],
                s["end_position"],
                _synth_label(s["entity_type"], text, s["start_position"]),
                text[s["start_position"] : s["end_position"]],
            )
            for s in row["spans"]
        ]
        docs.append(_doc(f"synth-{i:04d}", "presidio_research_synth", text, spans))
    return docs


def load_wnut(path: Path, limit: int | None = None) -> list[LabelledDoc]:
    """Read the WNUT-17 dev sentences, labels mapped as described in the module doc."""
    docs = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if limit is not None and len(docs) >= limit:
                break
            if not line.strip():
                continue
            row = json.loads(line)
            text = row["text"]
            spans = [
                Span(s["start"], s["end"], _WNUT_MAP.get(s["label"], s["label"]), text[s["start"] : s["end"]])
                for s in row["spans"]
            ]
            docs.append(_doc(str(row["doc_id"]), "wnut17_dev", text, spans))
    return docs
