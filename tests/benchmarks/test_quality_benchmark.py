"""The detection-quality benchmark: its scoring on hand-made spans, its corpus generator and loaders.

No trained model is needed: the systems under test here are fake functions, and the corpora are written
here (the one test that reads ``../shared/data`` is skipped when it is absent).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import pytest

from benchmarks.corpus import KEEP, SENSITIVE_LABELS, LabelledDoc, Span, generate, iban_is_valid, luhn_is_valid
from benchmarks.devsets import (
    SO_VOCABULARY,
    Headline,
    load_jsonl,
    load_presidio_tests,
    load_secrets_tests,
    load_synth,
    load_wnut,
    stride_sample,
)
from benchmarks.metrics import (
    DEFAULT_SCHEME,
    FAMILIES,
    OTHER,
    PRESIDIO_TYPE_MAP,
    SCRUBLINE_TYPE_MAP,
    SECRET_FAMILIES,
    NegativeText,
    Prediction,
    family_mapper,
    merge_predictions,
    score_negatives,
    score_system,
)
from benchmarks.quality import CORPUS_NAMES, DEFAULT_SHARED, Corpus, System, load_corpora, run_benchmark
from benchmarks.quality_report import render_markdown


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


# ----------------------------------------------------------------------------------------------
# Development corpora: loaders, label schemes, negatives, corpus selection and the per-target report.


def _row(doc_id: str, text: str, *labels: tuple[str, str], **extra: str) -> dict:
    """A corpus row in the shared-data JSONL shape, labels given as (value, label)."""
    spans = []
    for value, label in labels:
        start = text.index(value)
        spans.append({"start": start, "end": start + len(value), "label": label, "text": value})
    return {"doc_id": doc_id, "text": text, "spans": spans, **extra}


def _write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


TABLE_ROWS = [
    _row("p1", "mi documento es 87654321X", ("87654321X", "ES_NIF"), target="ES_NIF", polarity="positive"),
    _row("p2", "passport no. M00000001", ("M00000001", "KR_PASSPORT"), target="KR_PASSPORT", polarity="positive"),
    _row("p3", "deliver to ZZ9 9ZZ please", ("ZZ9 9ZZ", "UK_POSTCODE"), target="UK_POSTCODE", polarity="positive"),
    _row("n1", "account XX00 0000 closed", target="IBAN_CODE", polarity="negative"),
    _row("n2", "zz:zz:zz", target="MAC_ADDRESS", polarity="negative"),
]


def test_stride_sample_is_even_and_deterministic() -> None:
    items = list(range(10))
    assert stride_sample(items, 4) == [0, 2, 5, 7]
    assert stride_sample(items, None) == items
    assert stride_sample(items, 20) == items


def test_presidio_tests_loader_maps_names_and_splits_negatives(tmp_path: Path) -> None:
    loaded = load_presidio_tests(_write_jsonl(tmp_path / "t.jsonl", TABLE_ROWS))
    assert [(d.doc_id, d.kind) for d in loaded.docs] == [("p1", "ES_NIF"), ("p2", "KR_PASSPORT"), ("p3", "UK_POSTCODE")]
    assert [[(s.label, s.value) for s in d.spans] for d in loaded.docs] == [
        [("NATIONAL_ID", "87654321X")],
        [("PASSPORT", "M00000001")],
        [("UK_POSTCODE", "ZZ9 9ZZ")],  # no family: kept under its own name, unscored
    ]
    assert [(n.doc_id, n.target, n.forbidden) for n in loaded.negatives] == [
        ("n1", "IBAN_CODE", frozenset({"IBAN_CODE"})),
        ("n2", "MAC_ADDRESS", frozenset({"MAC_ADDRESS"})),
    ]


def test_secrets_loader_forbids_every_secret_family_on_negatives(tmp_path: Path) -> None:
    rows = [
        _row(
            "s1",
            "api_token = 'Zq81fakeTok3n'",
            ("Zq81fakeTok3n", "SECRET"),
            target="KeywordDetector",
            polarity="positive",
        ),
        _row(
            "s2", "host 203.0.113.9 up", ("203.0.113.9", "IP_ADDRESS"), target="IPPublicDetector", polarity="positive"
        ),
        _row("s3", "password = ${DB_PASS}", target="KeywordDetector", polarity="negative"),
    ]
    loaded = load_secrets_tests(_write_jsonl(tmp_path / "s.jsonl", rows))
    assert [(d.kind, [s.label for s in d.spans]) for d in loaded.docs] == [
        ("KeywordDetector", ["SECRET"]),
        ("IPPublicDetector", ["IP_ADDRESS"]),
    ]
    assert [(n.target, n.forbidden) for n in loaded.negatives] == [("KeywordDetector", SECRET_FAMILIES)]


def test_jsonl_loader_maps_labels_and_checks_offsets(tmp_path: Path) -> None:
    path = _write_jsonl(
        tmp_path / "so.jsonl",
        [_row("q1", "asked by jdoe99 about numpy", ("jdoe99", "User_Name"), ("numpy", "Library"))],
    )
    (doc,) = load_jsonl(path, {"User_Name": "USERNAME"}, "so")
    assert (doc.kind, [(s.label, s.value) for s in doc.spans]) == ("so", [("USERNAME", "jdoe99"), ("Library", "numpy")])
    bad = _row("q2", "asked by jdoe99", ("jdoe99", "User_Name"))
    bad["spans"][0]["start"] += 1
    with pytest.raises(ValueError, match="does not match the text"):
        load_jsonl(_write_jsonl(tmp_path / "bad.jsonl", [bad]), {}, "so")


def test_scheme_accepts_several_families_and_counts_vocabulary_per_label() -> None:
    secret = _doc(
        "k", "token = q8ZfakeTokenValue9; pw: hunter22x", ("q8ZfakeTokenValue9", "SECRET"), ("hunter22x", "SECRET")
    )
    post = _doc(
        "q",
        "asked by jdoe99 about numpy 1.26 on Ubuntu, see fetch_rows.cfg",
        ("jdoe99", "USERNAME"),
        ("numpy", "Library"),
        ("1.26", "Version"),
        ("Ubuntu", "Operating_System"),
        ("fetch_rows.cfg", "File_Name"),
    )
    scheme = DEFAULT_SCHEME.extended(
        {"SECRET": SECRET_FAMILIES, "USERNAME": frozenset({"USERNAME", "PERSON"})},
        keep=frozenset({"Library", "Version", "Operating_System"}),
    )
    preds = [
        [_at(secret, "q8ZfakeTokenValue9", "API_KEY"), _at(secret, "hunter22x", "ORGANIZATION")],
        [_at(post, "jdoe99", "PERSON"), _at(post, "Ubuntu", "ORGANIZATION"), _at(post, "fetch_rows.cfg", "URL")],
    ]
    score = score_system([secret, post], preds, family_mapper(SCRUBLINE_TYPE_MAP), scheme=scheme)
    found = score.families["SECRET"]
    assert (found.n, found.caught, found.caught_typed) == (2, 2, 1)
    user = score.families["USERNAME"]
    assert (user.n, user.caught, user.caught_typed) == (1, 1, 1)
    assert {k: (c.n, c.kept) for k, c in score.vocabulary.items()} == {
        "Library": (1, 1),
        "Version": (1, 1),
        "Operating_System": (1, 0),
    }
    assert (score.keep_n, score.keep_kept) == (3, 2)
    assert score.lost_vocabulary == ["Ubuntu"]
    assert (score.unscored["File_Name"].n, score.unscored["File_Name"].caught) == (1, 1)
    org = score.families["ORGANIZATION"]
    assert (org.predicted, org.correct) == (2, 1)  # a secret hit counts; lost vocabulary is wrong
    assert score.families["URL"].neutral == 1  # only context under it
    assert score.false_positives == {"ORGANIZATION": ["Ubuntu"]}


def test_negatives_count_forbidden_families_and_raw_types() -> None:
    negatives = [
        NegativeText("n1", "aaaa", "IBAN_CODE", frozenset({"IBAN_CODE"})),
        NegativeText("n2", "bbbb", "IBAN_CODE", frozenset({"IBAN_CODE"})),
        NegativeText("n3", "cccc", "UK_POSTCODE", frozenset({"UK_POSTCODE"})),
        NegativeText("n4", "dddd", "UK_POSTCODE", frozenset({"UK_POSTCODE"})),
    ]
    preds = [
        [Prediction(0, 4, "IBAN_CODE")],
        [Prediction(0, 4, "PHONE_NUMBER")],
        [Prediction(0, 2, "UK_POSTCODE")],
        None,
    ]
    result = score_negatives(negatives, preds, family_mapper(PRESIDIO_TYPE_MAP))
    assert {t: (c.n, c.clean, c.skipped) for t, c in result.items()} == {
        "IBAN_CODE": (2, 1, 0),
        "UK_POSTCODE": (1, 0, 1),  # a type with no family still counts by its own name
    }
    assert result["IBAN_CODE"].rate == 0.5


def test_load_corpora_orders_selects_limits_and_skips_missing(tmp_path: Path) -> None:
    shared = tmp_path / "data"
    _write_jsonl(shared / "presidio_recognizer_tests" / "presidio_tests.jsonl", TABLE_ROWS)
    so_rows = [_row(f"q{i}", f"post {i} by user{i}", (f"user{i}", "User_Name")) for i in range(4)]
    _write_jsonl(shared / "stackoverflow_ner_train" / "so_train.jsonl", so_rows)
    corpora = load_corpora(CORPUS_NAMES, n_docs=5, seed=3, shared=shared)
    assert [c.name for c in corpora] == list(CORPUS_NAMES)
    assert corpora[-1].name == "generated" and len(corpora[-1].docs) == 5
    present = {c.name for c in corpora if not c.skipped}
    assert present == {"presidio_recognizer_tests", "stackoverflow_ner_train", "generated"}
    assert all("not found" in c.skipped for c in corpora if c.name not in present)
    tables = corpora[0]
    assert (len(tables.docs), len(tables.negatives), tables.by_kind) == (3, 2, True)
    limited = load_corpora(["stackoverflow_ner_train", "presidio_recognizer_tests"], 5, 3, shared, limit=2)
    assert [c.name for c in limited] == ["presidio_recognizer_tests", "stackoverflow_ner_train"]
    assert [d.doc_id for d in limited[0].docs] == ["p1", "p2"]  # evenly spaced: 0 and 3 // 2
    assert [n.doc_id for n in limited[0].negatives] == ["n1", "n2"]
    assert [d.doc_id for d in limited[1].docs] == ["q0", "q2"]
    assert limited[1].docs[0].spans[0].label == "USERNAME"
    absent = load_corpora(CORPUS_NAMES, 2, 3, tmp_path / "nowhere")
    assert [c.name for c in absent if not c.skipped] == ["generated"]


def test_report_breaks_test_tables_down_per_target() -> None:
    nif = _doc("d1", "doc id 87654321X here", ("87654321X", "NATIONAL_ID"))
    passport = _doc("d2", "passport M00000001", ("M00000001", "PASSPORT"))
    nif = LabelledDoc(nif.doc_id, "ES_NIF", nif.text, nif.spans)
    passport = LabelledDoc(passport.doc_id, "KR_PASSPORT", passport.text, passport.spans)
    negatives = [
        NegativeText("n1", "nothing 0000", "ES_NIF", frozenset({"NATIONAL_ID"})),
        NegativeText("n2", "nope 1111", "KR_PASSPORT", frozenset({"PASSPORT"})),
    ]
    by_text = {
        nif.text: [_at(nif, "87654321X", "NATIONAL_ID")],
        passport.text: [_at(passport, "M00000001", "ORGANIZATION")],
        "nothing 0000": [Prediction(8, 12, "NATIONAL_ID")],
        "nope 1111": [],
    }
    corpus = Corpus(
        "tables",
        [nif, passport],
        "hand-made",
        negatives=negatives,
        by_kind=True,
        headlines=(
            Headline("values redacted", "recall"),
            Headline("as their type", "typed_recall"),
            Headline("negatives clean", "clean"),
        ),
    )
    system = System(
        "fake",
        lambda texts: [by_text[t] for t in texts],
        family_mapper(PRESIDIO_TYPE_MAP),
        reportable=frozenset({"NATIONAL_ID", "ORGANIZATION"}),
    )
    results = run_benchmark([corpus], [system], log=lambda message: None)
    meta = {"command": "test", "date": "today", "wall_seconds": 1.0, "cpus": 1, "versions": {"python": "3"}}
    report = render_markdown([corpus], [system], results, meta)
    assert "| tables | values redacted | 2 | 1.000 |" in report
    assert "| tables | as their type | 2 | 0.500 |" in report
    assert "| tables | negatives clean | 2 | 0.000 (of 1) |" in report  # PASSPORT: no type, not counted
    assert "| NATIONAL_ID | 1 | 1.000 | 1.000 (1) | 1.000 |" in report
    assert "| PASSPORT | 1 | 1.000 | — | no type |" in report
    assert "| ES_NIF | NATIONAL_ID | 1 | 1.000 | 1.000 | 1 | 0.000 |" in report
    assert "| KR_PASSPORT | PASSPORT | 1 | 1.000 | no type | 1 | no type |" in report


@pytest.mark.skipif(not DEFAULT_SHARED.is_dir(), reason=f"development corpora not found at {DEFAULT_SHARED}")
def test_shared_corpora_load_and_every_label_has_a_role() -> None:
    corpora = {c.name: c for c in load_corpora(CORPUS_NAMES[:-1], 1, 1, DEFAULT_SHARED, full=True)}
    assert not [c.name for c in corpora.values() if c.skipped]
    sizes = {name: (len(c.docs), len(c.negatives)) for name, c in corpora.items()}
    assert sizes["presidio_recognizer_tests"] == (884, 589)
    assert sizes["detect_secrets_tests"] == (245, 125)
    assert sizes["stackoverflow_ner_train"] == (741, 0)
    assert sizes["resumes_train"] == (310, 0)
    presidio_unscored = {"DATE_TIME", "UK_POSTCODE", "DE_PLZ", "MAC_ADDRESS", "ABA_ROUTING_NUMBER"}
    presidio_unscored |= {"AU_ACN", "SG_UEN", "SE_ORGANISATIONSNUMMER", "DE_HANDELSREGISTER"}
    so_context = {"Code_Block", "Output_Block", "Value", "File_Name", "Website", "Organization"}
    tables = corpora["presidio_recognizer_tests"]
    unscored = {s.label for d in tables.docs for s in d.spans} - set(FAMILIES)
    assert unscored <= presidio_unscored  # every other Presidio name is mapped onto a family
    so = corpora["stackoverflow_ner_train"]
    labels = {s.label for d in so.docs for s in d.spans}
    assert labels - SO_VOCABULARY - {"USERNAME"} <= so_context
