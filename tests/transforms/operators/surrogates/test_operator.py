"""The ``surrogate`` operator: its config, its key, and the engine writing surrogates with exact offsets."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from tests.transforms.operators.surrogates.helpers import KEY_A
from transforms.config import ConfigError, check_keys, load_config, parse_config
from transforms.detectors.base import Detector
from transforms.operators import build_operators
from transforms.operators.surrogates import surrogate
from transforms.records import Document, Finding, Redaction
from transforms.redaction.engine import RedactionEngine, apply_operators

SURROGATES_YAML = Path(__file__).resolve().parents[4] / "configs" / "surrogates.yaml"

# --- config and operator wiring ---------------------------------------------------------------------------


def test_config_accepts_surrogate_and_names_its_key() -> None:
    cfg = parse_config(
        {"operators": {"default": {"type": "replace"}, "PERSON": {"type": "surrogate", "key_env": "SK"}}}
    )
    assert cfg.key_envs() == ["SK"]
    assert check_keys(cfg, {"SK": "s" * 16}) == {"SK": check_keys(cfg, {"SK": "s" * 16})["SK"]}
    with pytest.raises(ConfigError, match="environment variable SK is not set"):
        check_keys(cfg, {})
    with pytest.raises(ConfigError, match="at least 16 bytes"):
        check_keys(cfg, {"SK": "short"})


@pytest.mark.parametrize(
    "spec, message",
    [
        ({"type": "surrogate"}, r"operators\.PERSON\.surrogate\.key_env: Field required"),
        ({"type": "surrogate", "key_env": "SK", "locale": "en"}, r"operators\.PERSON\.surrogate\.locale: Extra inputs"),
        ({"type": "surrogate", "key_env": "not-a-name"}, r"operators\.PERSON\.surrogate\.key_env: String should match"),
    ],
)
def test_config_rejects_bad_surrogate_specs(spec: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_config({"operators": {"default": {"type": "replace"}, "PERSON": spec}})


def test_operator_set_applies_surrogate_and_needs_its_key() -> None:
    cfg = parse_config({"operators": {"default": {"type": "surrogate", "key_env": "SK"}}})
    ops = build_operators(cfg, {"SK": KEY_A.decode()})
    assert ops.apply("Ada Lovelace", "PERSON") == ("Judith Luong", "surrogate")
    assert ops.name_for("EMAIL_ADDRESS") == "surrogate"
    with pytest.raises(ConfigError, match="not set"):
        build_operators(cfg, {})


def test_example_config_validates_and_uses_surrogates() -> None:
    cfg = load_config(SURROGATES_YAML)
    assert {k: v.type for k, v in cfg.operators.items()} == {
        "default": "replace",
        "PERSON": "surrogate",
        "EMAIL_ADDRESS": "surrogate",
        "PHONE_NUMBER": "surrogate",
    }
    assert cfg.key_envs() == ["SCRUBLINE_SURROGATE_KEY"]
    with pytest.raises(ConfigError, match="SCRUBLINE_SURROGATE_KEY is not set"):
        check_keys(cfg, {})


# --- engine -------------------------------------------------------------------------------------------------


class FixedDetector(Detector):
    """Reports fixed substrings as entities (no model)."""

    name = "fixed"

    def __init__(self, spans: dict[str, str]) -> None:
        self.spans = spans

    def detect(self, texts: Sequence[str]) -> list[list[Finding]]:
        out = []
        for text in texts:
            found = []
            for value, entity in self.spans.items():
                start = text.find(value)
                while start >= 0:
                    found.append(Finding(entity, start, start + len(value), 0.9, self.name))
                    start = text.find(value, start + 1)
            out.append(sorted(found, key=lambda f: f.start))
        return out


def test_engine_writes_surrogates_with_their_out_offsets() -> None:
    cfg = load_config(SURROGATES_YAML)
    spans = {
        "Ada Lovelace": "PERSON",
        "ada.lovelace@acme.com": "EMAIL_ADDRESS",
        "+1 (415) 555-2671": "PHONE_NUMBER",
        "10.0.0.1": "IP_ADDRESS",
    }
    engine = RedactionEngine(cfg, [FixedDetector(spans)], build_operators(cfg, {"SCRUBLINE_SURROGATE_KEY": "k" * 32}))
    text = "From Ada Lovelace <ada.lovelace@acme.com>, +1 (415) 555-2671, host 10.0.0.1"
    (out,) = engine.redact([Document("1", text, "mail/ada.txt", (), "h" * 64, len(text), "in0/1")])
    assert out.text == "From Judith Luong <judith.luong@example.com>, +1 (833) 555-0193, host <IP_ADDRESS>"
    assert out.redactions == (
        Redaction("PERSON", 5, 17, 5, 17, "fixed", 0.9, "surrogate"),
        Redaction("EMAIL_ADDRESS", 19, 40, 19, 43, "fixed", 0.9, "surrogate"),
        Redaction("PHONE_NUMBER", 43, 60, 46, 63, "fixed", 0.9, "surrogate"),
        Redaction("IP_ADDRESS", 67, 75, 70, 82, "fixed", 0.9, "replace"),
    )
    for r in out.redactions:
        assert out.text[r.out_start : r.out_end] == (
            surrogate(r.entity_type, text[r.start : r.end], KEY_A) if r.operator == "surrogate" else "<IP_ADDRESS>"
        )


def test_apply_operators_offsets_follow_surrogate_lengths() -> None:
    ops = build_operators(
        parse_config({"operators": {"default": {"type": "surrogate", "key_env": "SK"}}}), {"SK": "k" * 32}
    )
    text = "Ada, ADA and ada"
    findings = [Finding("PERSON", 0, 3, 1, "d"), Finding("PERSON", 5, 8, 1, "d"), Finding("PERSON", 13, 16, 1, "d")]
    cleaned, log = apply_operators(text, findings, ops)
    assert cleaned == "Judith, JUDITH and judith"
    assert [(r.out_start, r.out_end) for r in log] == [(0, 6), (8, 14), (19, 25)]


def test_engine_with_real_detectors_needs_no_model() -> None:
    cfg = parse_config(
        {
            "detectors": ["presidio", "context", "person_names"],
            "operators": {
                "default": {"type": "replace"},
                "PERSON": {"type": "surrogate", "key_env": "SK"},
                "EMAIL_ADDRESS": {"type": "surrogate", "key_env": "SK"},
                "PHONE_NUMBER": {"type": "surrogate", "key_env": "SK"},
            },
        }
    )
    from transforms.detectors import build_detectors

    engine = RedactionEngine(cfg, build_detectors(cfg), build_operators(cfg, {"SK": "k" * 32}))
    text = "Thanks Svetlana Petrova, call me on (415) 555-2671 or mail svetlana.petrova@acme.com."
    (out,) = engine.redact([Document("1", text, "a.txt", (), "h" * 64, len(text), "in0/1")])
    first, last = surrogate("PERSON", "Svetlana Petrova", KEY_A).split()
    assert out.text == (
        f"Thanks {first} {last}, call me on (833) 555-0193 or mail {first.lower()}.{last.lower()}@example.com."
    )
    assert {r.operator for r in out.redactions} == {"surrogate"}
