from __future__ import annotations

import hashlib
import hmac

import pytest

from transforms.config import ConfigError, parse_config
from transforms.operators import build_operators, pseudonym
from transforms.records import Finding, Redaction
from transforms.redaction.engine import apply_operators

KEY = "k" * 32


def operators(spec: dict) -> object:
    return build_operators(parse_config({"operators": spec}), {"SCRUB_KEY": KEY})


@pytest.mark.parametrize(
    "spec, entity, value, expected",
    [
        ({"default": {"type": "replace"}}, "PERSON", "Ada", "<PERSON>"),
        ({"default": {"type": "replace", "new_value": "[x]"}}, "PERSON", "Ada", "[x]"),
        ({"default": {"type": "redact"}}, "PERSON", "Ada", ""),
        ({"default": {"type": "mask"}}, "PHONE_NUMBER", "555-0101", "********"),
        (
            {"default": {"type": "mask", "masking_char": "#", "chars_to_mask": 4, "from_end": True}},
            "PHONE_NUMBER",
            "555-0101",
            "555-####",
        ),
        ({"default": {"type": "keep"}}, "PERSON", "Ada", "Ada"),
        ({"default": {"type": "replace"}, "PERSON": {"type": "redact"}}, "EMAIL_ADDRESS", "a@b.co", "<EMAIL_ADDRESS>"),
    ],
)
def test_operator_outputs(spec: dict, entity: str, value: str, expected: str) -> None:
    assert operators(spec).apply(value, entity)[0] == expected


def test_pseudonym_is_keyed_hmac_sha256_separated_by_type() -> None:
    expected = hmac.new(KEY.encode(), b"EMAIL_ADDRESS\x00a@b.co", hashlib.sha256).hexdigest()[:32]
    ops = operators({"default": {"type": "pseudonymize", "key_env": "SCRUB_KEY"}})
    assert ops.apply("a@b.co", "EMAIL_ADDRESS") == (f"<EMAIL_ADDRESS:{expected}>", "pseudonymize")
    assert ops.apply("a@b.co", "EMAIL_ADDRESS") == ops.apply("a@b.co", "EMAIL_ADDRESS")
    assert ops.apply("a@b.co", "URL")[0] != ops.apply("a@b.co", "EMAIL_ADDRESS")[0].replace("EMAIL_ADDRESS", "URL")


def test_pseudonym_rfc4231_case_2_underlies_the_token() -> None:
    # RFC 4231 test case 2 (key "Jefe"): checks we use plain HMAC-SHA256 over our message.
    digest = hmac.new(b"Jefe", b"what do ya want for nothing?", hashlib.sha256).hexdigest()
    assert digest == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
    assert pseudonym(b"Jefe" * 4, "X", "v") == pseudonym(b"Jefe" * 4, "X", "v")


@pytest.mark.parametrize("environ, message", [({}, "is not set"), ({"SCRUB_KEY": "short"}, "at least 16 bytes")])
def test_missing_or_short_key_is_a_config_error(environ: dict, message: str) -> None:
    cfg = parse_config({"operators": {"default": {"type": "pseudonymize", "key_env": "SCRUB_KEY"}}})
    with pytest.raises(ConfigError, match=message):
        build_operators(cfg, environ)


def test_apply_operators_offsets() -> None:
    text = "Mail Ada at ada@example.com now"
    findings = [Finding("PERSON", 5, 8, 0.85, "ner"), Finding("EMAIL_ADDRESS", 12, 27, 1.0, "presidio")]
    cleaned, log = apply_operators(text, findings, operators({"default": {"type": "replace"}}))
    assert cleaned == "Mail <PERSON> at <EMAIL_ADDRESS> now"
    assert log == [
        Redaction("PERSON", 5, 8, 5, 13, "ner", 0.85, "replace"),
        Redaction("EMAIL_ADDRESS", 12, 27, 17, 32, "presidio", 1.0, "replace"),
    ]
    for r in log:
        assert cleaned[r.out_start : r.out_end] == f"<{r.entity_type}>"


def test_apply_operators_rejects_overlaps() -> None:
    with pytest.raises(ValueError):
        apply_operators(
            "abcdef",
            [Finding("A", 0, 4, 1, "d"), Finding("B", 2, 5, 1, "d")],
            operators({"default": {"type": "replace"}}),
        )
