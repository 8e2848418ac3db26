"""Labelled values as people write them: the whole engine on hand-written documents, per-type recall.

``handwritten/labelled_values.txt`` holds about seventy short documents (IT tickets, chat exports, handover
notes, onboarding and password-reset mails, forms, CSV and Markdown tables, config files, shell history, HR,
invoice and insurance letters, court judgments) in English, German, French, Spanish, Portuguese, Italian,
Dutch and Polish, with the passwords, user names, identifiers and case numbers they hold marked inline, and
spans that must stay (``password policy``, ``case study``, versions, amounts) and phone numbers that must
stay phone numbers. ``handwritten/labelled_values_holdout.txt`` was written after the rules were fixed for
the first and not tuned against. Both assert exact outcomes: which marked spans are missed (known misses,
each a class the rules do not cover yet), that nothing marked ``KEEP`` is redacted and that no password,
user name or identifier is reported outside a marked span. Run with ``-s`` to see the recall table.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from tests.transforms.detectors.handwritten.markup import Document, load
from transforms.config import parse_config
from transforms.records import Document as Upload
from transforms.records import RedactedDocument, Redaction
from transforms.redaction.engine import RedactionEngine

HERE = Path(__file__).parent / "handwritten"
CONFIG = Path(__file__).resolve().parents[3] / "configs" / "default.yaml"
SETS = ("labelled_values", "labelled_values_holdout")
#: The types a stray finding of counts as a false positive (a chat's speaker handle is a user name by design).
WATCHED = frozenset({"PASSWORD", "USERNAME", "ID"})
SPEAKERS = "context.chat_speaker"

# Marked spans the engine misses today, by (document, mark, value), and why.
KNOWN_MISSES = {
    "labelled_values": [
        # "Joined Cases C-102/20": the organisation cue "joined" takes "Cases C-102/20" (redacted, as ORGANIZATION)
        ("en-cjeu", "CASE", "C-102/20"),
        # a label alone on its line without a colon, its value on the next
        ("en-linebreak", "ID", "MB-884120"),
        # a capitalised German noun between label and colon ("Zugangscode Lager: 7781")
        ("de-handover", "PASSWORD", "7781"),
        # "pass" alone is no password label ("boarding pass", "pass the test")
        ("en-quoted", "PASSWORD", "Ledger$0091"),
        # a misspelt label ("custmer no.")
        ("en-typos", "ID", "CU 4471 9920"),
        # "customer account AC-55102": taken as a user name after "account"
        ("en-ticket-contract", "ID", "AC-55102"),
    ],
    "labelled_values_holdout": [],
}
TARGETS = {"PASSWORD": 0.95, "USERNAME": 0.90, "ID": 0.95, "CASE": 0.90}


def _engine() -> RedactionEngine:
    raw = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    raw["detectors"] = [d for d in raw["detectors"] if d != "spacy_ner"]
    return RedactionEngine.from_config(parse_config(raw))


@pytest.fixture(scope="module")
def results() -> dict[str, list[tuple[Document, list[Redaction]]]]:
    engine = _engine()
    out = {}
    for name in SETS:
        docs = load(HERE / f"{name}.txt")
        redacted = engine.redact([Upload(id=d.id, text=d.text, source=name) for d in docs])
        assert all(isinstance(r, RedactedDocument) for r in redacted)
        out[name] = [(d, list(r.redactions)) for d, r in zip(docs, redacted, strict=True)]  # type: ignore[union-attr]
    return out


def _covered(doc: Document, reds: list[Redaction], start: int, end: int, types: tuple[str, ...]) -> bool:
    return all(any(r.start <= i < r.end and r.entity_type in types for r in reds) for i in range(start, end))


def _score(pairs: list[tuple[Document, list[Redaction]]]) -> tuple[Counter[str], Counter[str], list, list, list]:
    total: Counter[str] = Counter()
    found: Counter[str] = Counter()
    misses, kept_wrong, stray = [], [], []
    for doc, reds in pairs:
        for s in doc.spans:
            value = doc.text[s.start : s.end]
            if s.mark == "ANY":
                continue
            if s.mark == "KEEP":
                if any(r.start < s.end and r.end > s.start for r in reds):
                    kept_wrong.append((doc.id, value))
                continue
            kind = s.mark.split("|")[0]  # "ID|ACCOUNT_NUMBER" counts as ID
            total[kind] += 1
            if _covered(doc, reds, s.start, s.end, s.types):
                found[kind] += 1
            else:
                misses.append((doc.id, s.mark.split("|")[0], value))
        for r in reds:
            if r.entity_type in WATCHED and r.detector != SPEAKERS:
                if not any(r.start < s.end and r.end > s.start and s.mark != "KEEP" for s in doc.spans):
                    stray.append((doc.id, r.entity_type, r.detector, doc.text[r.start : r.end]))
    return total, found, misses, kept_wrong, stray


@pytest.mark.parametrize("name", SETS)
def test_recall_and_exact_outcomes(results: dict, name: str) -> None:
    total, found, misses, kept_wrong, stray = _score(results[name])
    table = "\n".join(f"{k:10} {found[k]:3}/{total[k]:3} = {found[k] / total[k]:.2f}" for k in sorted(total))
    print(f"\n{name}\n{table}")
    assert misses == KNOWN_MISSES[name], table
    assert kept_wrong == []
    assert stray == []


def test_targets_over_both_sets(results: dict) -> None:
    total: Counter[str] = Counter()
    found: Counter[str] = Counter()
    for name in SETS:
        t, f, *_ = _score(results[name])
        total += t
        found += f
    for kind, target in TARGETS.items():
        assert found[kind] / total[kind] >= target, (kind, found[kind], total[kind])


def test_case_numbers_carry_a_case_rule_id(results: dict) -> None:
    # A case number is an ID whose rule id says what it is (case_number*, case_reference, ecli), except where
    # the generic identifier rule takes a longer span ("Az. 3 O 112/21 LG": the court's "LG" is a short code)
    # or the label is a generic one ("Appeal Ref:").
    other = []
    for name in SETS:
        for doc, reds in results[name]:
            for s in doc.spans:
                if s.mark != "CASE":
                    continue
                for r in reds:
                    if r.start < s.end and r.end > s.start and r.entity_type == "ID":
                        if "case" not in r.detector and not r.detector.endswith("ecli"):
                            other.append((doc.id, r.detector))
    assert other == [
        ("de-amtsgericht", "labelled_values.identifier"),
        ("h-en-court", "labelled_values.identifier"),
    ]
