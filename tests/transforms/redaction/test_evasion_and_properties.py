"""Evasion (normalisation with exact offsets) and property-based guarantees of the engine."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transforms.config import parse_config
from transforms.detectors import build_detectors
from transforms.detectors.base import Detector
from transforms.operators import build_operators
from transforms.records import Document, Finding
from transforms.redaction.engine import RedactionEngine
from transforms.redaction.normalize import normalize

CFG = parse_config(
    {
        "detectors": ["presidio", "credentials", "proprietary_terms", "internal_domains", "patterns"],
        "proprietary": {"terms": {"CODENAME": ["Bluefin"]}, "internal_domains": ["corp.example.net"]},
    }
)
ENGINE = RedactionEngine(CFG, build_detectors(CFG), build_operators(CFG, {}))


def redact(text: str, engine: RedactionEngine = ENGINE):
    (out,) = engine.redact([Document("1", text, "s")])
    return out


@pytest.mark.parametrize(
    "text, entity, original",
    [
        ("call ５５５-０１０-１２３４ today", "PHONE_NUMBER", "５５５-０１０-１２３４"),
        ("mail jo\u200bhn.doe@exam\u200dple.com now", "EMAIL_ADDRESS", "jo\u200bhn.doe@exam\u200dple.com"),
        ("write jane.roe [at] example (dot) com please", "EMAIL_ADDRESS", "jane.roe [at] example (dot) com"),
        ("write jane.roe at example dot com please", "EMAIL_ADDRESS", "jane.roe at example dot com"),
        ("write jane.roe AT example.com please", "EMAIL_ADDRESS", "jane.roe AT example.com"),
        ("card 4111\u00a01111\u00a01111\u00a01111 ok", "CREDIT_CARD", "4111\u00a01111\u00a01111\u00a01111"),
        ("card 4111 1111 1111 1111 ok", "CREDIT_CARD", "4111 1111 1111 1111"),
        ("project ＢＬＵＥＦＩＮ ships", "CODENAME", "ＢＬＵＥＦＩＮ"),
        ("key AKIA\u200bIOSFODNN7EXAMPLE here", "API_KEY", "AKIA\u200bIOSFODNN7EXAMPLE"),
    ],
)
def test_evasions_are_seen_through_with_original_offsets(text: str, entity: str, original: str) -> None:
    out = redact(text)
    hits = [(r.entity_type, text[r.start : r.end]) for r in out.redactions]
    assert (entity, original) in hits
    assert original not in out.text


def test_normalize_maps_spans_back_exactly() -> None:
    text = "a\u200bb ｃ [at] d"
    n = normalize(text)
    assert n.text == "ab c@d"
    assert n.to_original(0, 2) == (0, 3)
    assert n.to_original(3, 6) == (4, len(text))
    assert normalize("plain").to_original(1, 3) == (1, 3)


class SpanDetector(Detector):
    """Reports a fixed set of findings (those that fit the text)."""

    name = "spans"

    def __init__(self, findings: Sequence[Finding]) -> None:
        self.findings = list(findings)

    def detect(self, texts: Sequence[str]) -> list[list[Finding]]:
        return [[f for f in self.findings if f.end <= len(t)] for t in texts]


finding_st = st.builds(
    lambda e, s, n, sc: Finding(e, s, s + n, sc, "spans"),
    st.sampled_from(["PERSON", "URL", "EMAIL_ADDRESS"]),
    st.integers(0, 40),
    st.integers(1, 12),
    st.sampled_from([0.5, 0.9]),
)
# Characters whose normalisation changes the text's length (format and control characters and combining
# marks are removed, a ligature such as "\u0132" becomes two letters) shift the detectors' offsets; their
# mapping back is property-tested in test_normalize_categories.py, so here every character keeps its length.
text_st = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cf", "Cc", "Mn", "Me", "Zs")).filter(
        lambda c: len(normalize(c).text) == 1
    ),
    min_size=0,
    max_size=60,
)


def _engine_for(findings: Sequence[Finding]) -> RedactionEngine:
    cfg = parse_config({"detectors": [], "entities": {"min_score": 0}})
    return RedactionEngine(cfg, [SpanDetector(findings)], build_operators(cfg, {}))


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(text_st, st.lists(finding_st, max_size=8), st.randoms())
def test_output_is_order_independent_and_exact_outside_spans(text: str, findings: list[Finding], rnd) -> None:
    shuffled = list(findings)
    rnd.shuffle(shuffled)
    a, b = redact(text, _engine_for(findings)), redact(text, _engine_for(shuffled))
    assert a == b
    # Rebuild the output from the log: outside spans byte-identical, inside spans only the tag.
    rebuilt, cursor = [], 0
    for r in a.redactions:
        rebuilt.append(text[cursor : r.start])
        rebuilt.append(f"<{r.entity_type}>")
        assert a.text[r.out_start : r.out_end] == f"<{r.entity_type}>"
        cursor = r.end
    rebuilt.append(text[cursor:])
    assert a.text == "".join(rebuilt)
    for f in findings:
        if f.end <= len(text) and text[f.start : f.end].strip():
            assert any(r.start <= f.start and f.end <= r.end for r in a.redactions) or not _visible(text, f)


def _visible(text: str, f: Finding) -> bool:
    return bool(normalize(text[f.start : f.end]).text.strip())


words = st.sampled_from(
    [
        "hello",
        "Bluefin",
        "ada@example.com",
        "4111 1111 1111 1111",
        "build01.corp.example.net",
        "<PERSON>",
        "192.0.2.7",
        "password=hunter2x",
        "AKIAIOSFODNN7EXAMPLE",
        "OPS-1234",
        "see",
        "\n",
        "call 555-010-1234",
    ]
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(words, max_size=12))
def test_redacting_a_redacted_text_changes_nothing(parts: list[str]) -> None:
    once = redact(" ".join(parts)).text
    assert redact(once).text == once


def test_a_secret_shaped_like_a_tag_is_still_redacted() -> None:
    out = redact("key <AKIAIOSFODNN7EXAMPLE> and <PERSON> stay apart")
    assert "AKIAIOSFODNN7EXAMPLE" not in out.text
    assert out.text.endswith("and <PERSON> stay apart")


@pytest.mark.parametrize("text", ["LOOK AT EXAMPLE.COM", "we met AT the office.com", "look at example.com"])
def test_at_in_prose_is_no_obfuscated_at_sign(text: str) -> None:
    assert "@" not in normalize(text).text
