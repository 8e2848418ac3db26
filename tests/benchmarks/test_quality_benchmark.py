"""The detection-quality benchmark: its scoring on hand-made spans, its corpus generator and loaders.

No trained model is needed: the systems under test here are fake functions.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import pytest

from benchmarks.corpus import KEEP, SENSITIVE_LABELS, LabelledDoc, Span, generate, iban_is_valid, luhn_is_valid
from benchmarks.devsets import load_synth, load_wnut
from benchmarks.metrics import (
    FAMILIES,
    OTHER,
    PRESIDIO_TYPE_MAP,
    SCRUBLINE_TYPE_MAP,
    Prediction,
    family_mapper,
    merge_predictions,
    score_system,
)
from benchmarks.quality import Corpus, System, render_markdown, run_benchmark


def _doc(doc_id: str, text: str, *labels: tuple[str, str]) -> LabelledDoc:
    """A document whose labels are given as (value, label), found left to right in the text."""
    spans, pos = [], 0
    for value, label in labels:
        start = text.index(value, pos)
        spans.append(Span(start, start + len(value), label, value))
        pos = start + len(value)
    return LabelledDoc(doc_id, "hand", text, tuple(spans))


def _at(doc: LabelledDoc, value: str, entity_type: str) -> Prediction:
    start = doc.text.index(value)
    return Prediction(start, start + len(value), entity_type)


CALL = _doc(
    "call",
    "Call Ada Lovelace on +44 20 7946 0123 about Python in Q3.",
    ("Ada Lovelace", "PERSON"),
    ("+44 20 7946 0123", "PHONE_NUMBER"),
    ("Python", KEEP),
    ("Q3", KEEP),
)
SIGNED = _doc(
    "signed",
    "Signed: Grace\nHopper, ACME Corp OPS-1234",
    ("Grace\nHopper", "PERSON"),
    ("ACME Corp", "ORGANIZATION"),
)
PRODUCT = _doc("product", "see product Foo", ("Foo", "product"))
QUARANTINED = _doc("quarantined", "Bob", ("Bob", "PERSON"))
DOCS = [CALL, SIGNED, PRODUCT, QUARANTINED]
PREDICTIONS: list[list[Prediction] | None] = [
    [
        _at(CALL, "Ada", "PERSON"),  # half of the name, right type
        _at(CALL, "Lovelace", "LOCATION"),  # the other half, wrong type: caught, not type-correct
        _at(CALL, "+44 20 7946 0123", "PHONE_NUMBER"),
        _at(CALL, "Python", "ORGANIZATION"),  # destroys vocabulary: a false positive
    ],
    [
        _at(SIGNED, "Grace\nHopper", "PERSON"),  # split across lines, caught whole
        _at(SIGNED, "OPS-1234", "TICKET_ID"),  # unmapped type on unlabelled text
    ],
    [_at(PRODUCT, "Foo", "ORGANIZATION")],  # overlaps only an unscored label: neutral
    None,  # quarantined: left out
]


def test_scores_on_hand_made_spans() -> None:
    score = score_system(DOCS, PREDICTIONS, family_mapper(SCRUBLINE_TYPE_MAP))
    person = score.families["PERSON"]
    assert (person.n, person.caught, person.caught_typed) == (2, 2, 1)
    assert (person.recall, person.typed_recall) == (1.0, 0.5)
    assert (person.predicted, person.correct, person.precision) == (2, 2, 1.0)
    phone = score.families["PHONE_NUMBER"]
    assert (phone.n, phone.caught, phone.caught_typed, phone.precision) == (1, 1, 1, 1.0)
    org = score.families["ORGANIZATION"]
    assert (org.n, org.caught, org.recall) == (1, 0, 0.0)
    assert (org.predicted, org.correct, org.neutral, org.precision) == (1, 0, 1, 0.0)
    street = score.families["STREET_ADDRESS"]  # scrubline LOCATION maps here; it hit part of a name
    assert (street.n, street.predicted, street.correct) == (0, 1, 1)
    other = score.families[OTHER]
    assert (other.predicted, other.correct) == (1, 0)
    overall = score.overall
    assert (overall.n, overall.caught, overall.caught_typed) == (4, 3, 2)
    assert (overall.predicted, overall.correct, overall.neutral) == (6, 4, 1)
    assert overall.recall == 0.75
    assert overall.precision == pytest.approx(4 / 6)
    assert (score.keep_n, score.keep_kept, score.keep_rate) == (2, 1, 0.5)
    assert score.lost_vocabulary == ["Python"]
    assert (score.unscored["product"].n, score.unscored["product"].caught) == (1, 1)
    assert (score.docs, score.skipped_docs) == (4, 1)
    assert score.missed == {"ORGANIZATION": ["ACME Corp"]}
    assert score.false_positives == {"ORGANIZATION": ["Python"], OTHER: ["OPS-1234"]}


def test_partial_cover_is_a_miss_and_whitespace_is_ignored() -> None:
    doc = _doc("d", "to  Jane Q. Public  now", ("Jane Q. Public", "PERSON"))
    start = doc.text.index("Jane")
    family = family_mapper(SCRUBLINE_TYPE_MAP)
    # Two spans that leave only the spaces between words uncovered: caught.
    gaps = [Prediction(start, start + 4, "PERSON"), Prediction(start + 5, start + 14, "PERSON")]
    assert score_system([doc], [gaps], family).families["PERSON"].caught == 1
    # One character short: missed.
    short = [Prediction(start, start + 13, "PERSON")]
    assert score_system([doc], [short], family).families["PERSON"].caught == 0


def test_merge_takes_the_longest_member() -> None:
    merged = merge_predictions(
        [Prediction(3, 10, "LOCATION", 0.5), Prediction(0, 5, "PERSON", 0.9), Prediction(10, 12, "URL")]
    )
    assert merged == [Prediction(0, 10, "LOCATION", 0.5), Prediction(10, 12, "URL", 1.0)]


def test_type_mapping() -> None:
    scrubline, presidio = family_mapper(SCRUBLINE_TYPE_MAP), family_mapper(PRESIDIO_TYPE_MAP)
    assert scrubline("INTERNAL_URL") == scrubline("INTERNAL_HOST") == "INTERNAL_HOST"
    assert scrubline("LOCATION") == presidio("LOCATION") == "STREET_ADDRESS"
    assert presidio("DATE_TIME") == "DATE_OF_BIRTH"
    assert scrubline("DATE_TIME") == OTHER
    assert scrubline("TICKET_ID") == presidio("UUID") == presidio("MAC_ADDRESS") == OTHER
    assert scrubline("UK_NINO") == presidio("UK_NINO") == presidio("ES_NIF") == "NATIONAL_ID"
    assert presidio("US_DRIVER_LICENSE") == presidio("UK_DRIVING_LICENCE") == "DRIVER_LICENSE"
    assert presidio("TR_LICENSE_PLATE") == "VEHICLE_REGISTRATION"
    assert presidio("PH_MOBILE_NUMBER") == "PHONE_NUMBER"
    assert scrubline("CRYPTO") == presidio("CRYPTO") == "CRYPTO"
    assert all(scrubline(label) == presidio(label) == label for label in FAMILIES)


def test_report_from_a_fake_system() -> None:
    by_id = {d.doc_id: p for d, p in zip(DOCS, PREDICTIONS, strict=True)}
    texts_to_preds = {d.text: by_id[d.doc_id] for d in DOCS}

    def fake(texts: Sequence[str]) -> list[list[Prediction] | None]:
        return [texts_to_preds[t] for t in texts]

    corpora = [Corpus("hand", DOCS, "hand-made"), Corpus("absent", [], "x.json", skipped="x.json not found")]
    systems = [System("fake", fake, family_mapper(SCRUBLINE_TYPE_MAP))]
    results = run_benchmark(corpora, systems, log=lambda message: None)
    meta = {"command": "test", "date": "today", "wall_seconds": 1.0, "cpus": 1, "versions": {"python": "3"}}
    report = render_markdown(corpora, systems, results, meta)
    assert "| PERSON | 2 | 1.000 | 1.000 (2) | 0.500 |" in report
    assert "| ORGANIZATION | 1 | 0.000 | 0.000 (1) | 0.000 |" in report
    assert "| **overall** | 4 | **0.750** | **0.667 (6)** | 0.500 |" in report
    assert "| **vocabulary kept** | 2 | **0.500** | — | — |" in report
    assert "| *unscored: product* | 1 | 1.000 | — | — |" in report
    assert "Skipped: x.json not found." in report
    assert "quarantined): fake 1" in report


def test_generator_is_deterministic_and_prefix_stable() -> None:
    first = generate(60, seed=11)
    assert first == generate(60, seed=11)
    assert first[:25] == generate(25, seed=11)
    assert [d.text for d in first] != [d.text for d in generate(60, seed=12)]


def test_generated_spans_are_exact() -> None:
    docs = generate(600)
    labels = Counter()
    for doc in docs:
        previous_end = 0
        for span in doc.spans:
            assert doc.text[span.start : span.end] == span.value, (doc.doc_id, span)
            assert span.value and span.value == span.value.strip(), (doc.doc_id, span)
            assert span.start >= previous_end, (doc.doc_id, span)  # sorted, never overlapping
            assert span.label in (*SENSITIVE_LABELS, KEEP)
            previous_end = span.end
            labels[span.label] += 1
    assert set(labels) == {*SENSITIVE_LABELS, KEEP}  # every family is planted
    assert len({d.kind for d in docs}) == 15
    assert len({d.doc_id for d in docs}) == len(docs)


def test_generated_identifiers_are_valid() -> None:
    spans = [s for d in generate(600) for s in d.spans]
    cards = [s.value for s in spans if s.label == "CREDIT_CARD"]
    ibans = [s.value for s in spans if s.label == "IBAN_CODE"]
    ssns = [s.value.replace(" ", "-") for s in spans if s.label == "US_SSN"]
    assert cards and all(luhn_is_valid(c) for c in cards)
    assert ibans and all(iban_is_valid(i) for i in ibans)
    assert ssns
    for ssn in ssns:
        area, group, serial = ssn.split("-")
        assert area not in ("000", "666") and not area.startswith("9")
        assert group != "00" and serial != "0000"
    # Other countries' identity numbers pass the check-digit validation of one of Presidio's recognizers.
    from transforms.detectors.presidio import NATIONAL_ID_RECOGNIZERS

    recognizers = [cls() for cls in NATIONAL_ID_RECOGNIZERS]
    national = [s.value for s in spans if s.label == "NATIONAL_ID"]
    assert national

    def valid(recognizer, value: str) -> bool:
        try:
            return bool(recognizer.validate_result(value))
        except (ValueError, KeyError, IndexError):  # another country's validator, given a form it does not expect
            return False

    for value in national:
        assert any(valid(r, value.replace(" ", "")) for r in recognizers), value
    # Names from many cultures, some split across lines, some in lower case.
    names = [s.value for s in spans if s.label == "PERSON"]
    assert any("\n" in n for n in names)
    assert any(n.islower() for n in names)


def test_dev_corpus_loaders_map_labels(tmp_path: Path) -> None:
    synth = tmp_path / "synth.json"
    text = "Born 11/3/1952, see http://www.Example.com.br/ for the details, and let us meet on Monday in Oslo"
    rows = [
        {
            "full_text": text,
            "spans": [
                {
                    "entity_type": t,
                    "entity_value": v,
                    "start_position": text.index(v),
                    "end_position": text.index(v) + len(v),
                }
                for t, v in (
                    ("DATE_TIME", "11/3/1952"),
                    ("DOMAIN_NAME", "http://www.Example.com.br/"),
                    ("DATE_TIME", "Monday"),
                    ("GPE", "Oslo"),
                )
            ],
        }
    ]
    synth.write_text(json.dumps(rows), encoding="utf-8")
    (doc,) = load_synth(synth)
    assert [(s.label, s.value) for s in doc.spans] == [
        ("DATE_OF_BIRTH", "11/3/1952"),
        ("URL", "http://www.Example.com.br/"),
        ("DATE_TIME", "Monday"),
        ("GPE", "Oslo"),
    ]
    wnut = tmp_path / "wnut.jsonl"
    line = {
        "doc_id": "s1",
        "text": "emma loves acme phones",
        "spans": [
            {"start": 0, "end": 4, "label": "person", "text": "emma"},
            {"start": 11, "end": 15, "label": "corporation", "text": "acme"},
            {"start": 16, "end": 22, "label": "product", "text": "phones"},
        ],
    }
    wnut.write_text(json.dumps(line) + "\n\n", encoding="utf-8")
    (doc,) = load_wnut(wnut)
    assert [s.label for s in doc.spans] == ["PERSON", "ORGANIZATION", "product"]
