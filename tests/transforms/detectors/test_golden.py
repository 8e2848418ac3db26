"""Regression over a small committed golden set: whole-engine output on tricky uploaded work.

``golden/detection.json`` holds short documents (an e-mail with a signature, a Slack export, a SQL dump,
a CSV export, config files, a call transcript, a CV, meeting notes, Python code, an HR form, a lock
file, military mail) and the exact redactions (type, start, end, text) of the shipped config, with and
without the trained spaCy model. Update an expected span only when the new output is more correct,
and say why in the commit.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from transforms.config import parse_config
from transforms.records import Document, RedactedDocument
from transforms.redaction.engine import RedactionEngine

GOLDEN = json.loads((Path(__file__).parent / "golden" / "detection.json").read_text(encoding="utf-8"))
CONFIG = Path(__file__).resolve().parents[3] / "configs" / "default.yaml"


def _engine(with_model: bool) -> RedactionEngine:
    raw = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    if not with_model:
        raw["detectors"] = [d for d in raw["detectors"] if d != "spacy_ner"]
    return RedactionEngine.from_config(parse_config(raw))


def _redactions(engine: RedactionEngine, case: dict) -> list[list]:
    (result,) = engine.redact([Document(id=case["id"], text=case["text"], source="golden")])
    assert isinstance(result, RedactedDocument)
    text = case["text"]
    return [[r.entity_type, r.start, r.end, text[r.start : r.end]] for r in result.redactions]


@pytest.fixture(scope="module")
def engine_without_model() -> RedactionEngine:
    return _engine(with_model=False)


@pytest.mark.parametrize("case", GOLDEN, ids=[c["id"] for c in GOLDEN])
def test_golden_without_model(engine_without_model: RedactionEngine, case: dict) -> None:
    assert _redactions(engine_without_model, case) == case["without_model"]


@pytest.fixture(scope="module")
def engine_with_model() -> RedactionEngine:
    return _engine(with_model=True)


@pytest.mark.model
@pytest.mark.parametrize("case", GOLDEN, ids=[c["id"] for c in GOLDEN])
def test_golden_with_model(engine_with_model: RedactionEngine, case: dict) -> None:
    assert _redactions(engine_with_model, case) == case["with_model"]


def test_golden_set_covers_the_tricky_forms() -> None:
    labels = {span[0] for case in GOLDEN for span in case["without_model"]}
    assert {"PERSON", "USERNAME", "DATE_OF_BIRTH", "STREET_ADDRESS", "ORGANIZATION", "PASSWORD"} <= labels
    assert any(not case["without_model"] for case in GOLDEN)  # a document where nothing is redacted
