"""Unit tests for transforms.runs.sanitize: the recorded config, rule digests and config differences."""

from __future__ import annotations

import hashlib
import hmac
import json

from tests.transforms.runs.helpers import BASE, STATE_KEY
from transforms.config import PatternConfig, parse_config
from transforms.runs.sanitize import leaf_differences, pattern_entries, rule_digest, sanitized_config, term_key


def test_sanitized_config_names_no_term_domain_regex_or_excluded_value() -> None:
    for key in (STATE_KEY, None):
        dumped = json.dumps(sanitized_config(parse_config(BASE), key))
        for value in ("Hexacore", "hexacore", "corp.example.net", "OPS-", "alice@example.com"):
            assert value not in dumped
        assert '"Excel"' in dumped and '"TICKET_ID_0"' in dumped and '"key_env": "K"' in dumped


def test_rule_digest_is_a_keyed_hmac() -> None:
    subkey = hmac.new(STATE_KEY, b"scrubline-state\x00rule", hashlib.sha256).digest()
    message = b"".join(len(p).to_bytes(8, "big") + p for p in (b"CUSTOMER", b"bluefin"))
    assert rule_digest(STATE_KEY, "CUSTOMER", "bluefin") == hmac.new(subkey, message, hashlib.sha256).hexdigest()[:16]
    unkeyed = hashlib.sha256(b"scrubline-rule\x00CUSTOMER\x00bluefin").hexdigest()[:16]  # the old, guessable form
    assert rule_digest(STATE_KEY, "CUSTOMER", "bluefin") != unkeyed
    assert rule_digest(STATE_KEY, "a", "b") != rule_digest(STATE_KEY, "a\x00b") != rule_digest(STATE_KEY, "ab")
    assert rule_digest(STATE_KEY, "a") != rule_digest(b"state-key-for-tests-0002", "a")


def test_terms_are_keyed_as_the_detector_matches_them() -> None:
    assert term_key("  Blue \t Fin  ") == "blue fin"
    assert term_key("   ") == ""
    cfg = parse_config({**BASE, "proprietary": {"terms": {"C": ["Blue Fin", "BLUE  fin", " "]}}})
    assert sanitized_config(cfg, STATE_KEY)["proprietary"] == {
        "terms": {"C": [rule_digest(STATE_KEY, "C", "blue fin")]},
        "internal_domains": [],
    }


def test_without_a_state_key_rule_values_are_only_counted() -> None:
    recorded = sanitized_config(parse_config(BASE), None)
    assert recorded["proprietary"] == {"terms": {"CUSTOMER": 1}, "internal_domains": 1}
    assert recorded["input"]["exclude"] == [{"field": "uploader", "values": 1}]
    assert recorded["patterns"] == [{"entity": "TICKET_ID", "name": "TICKET_ID_0", "score": 0.9, "regex_hmac": None}]
    keyed = sanitized_config(parse_config(BASE), STATE_KEY)
    assert keyed["input"]["exclude"] == [
        {"field": "uploader", "values": [rule_digest(STATE_KEY, "uploader", "alice@example.com")]}
    ]


def test_patterns_get_their_effective_rule_names() -> None:
    patterns = [PatternConfig(entity="TICKET_ID", regex="T-1"), PatternConfig(entity="CASE", regex="C-2", name="case")]
    assert [(entry, p.name) for entry, p in pattern_entries(patterns, STATE_KEY)] == [
        (
            {"entity": "TICKET_ID", "name": "TICKET_ID_0", "score": 0.9, "regex_hmac": rule_digest(STATE_KEY, "T-1")},
            "TICKET_ID_0",
        ),
        ({"entity": "CASE", "name": "case", "score": 0.9, "regex_hmac": rule_digest(STATE_KEY, "C-2")}, "case"),
    ]


def test_leaf_differences() -> None:
    old = {"a": {"b": 1, "c": [1, 2]}, "d": "x", "gone": 1}
    new = {"a": {"b": 2, "c": [1, 2]}, "d": {"e": 1}, "new": None}
    assert leaf_differences(old, new) == ["a.b", "d", "gone"]
    assert leaf_differences({"v": "1"}, {"v": "2", "w": "3"}, "versions") == ["versions.v", "versions.w"]
    assert leaf_differences(json.loads("{}"), {}) == []
