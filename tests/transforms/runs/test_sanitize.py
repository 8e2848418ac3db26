"""Unit tests for transforms.runs.sanitize: the recorded config, rule digests and config differences."""

from __future__ import annotations

import hashlib
import json

from tests.transforms.runs.helpers import BASE
from transforms.config import PatternConfig, parse_config
from transforms.runs.sanitize import leaf_differences, pattern_entries, rule_digest, sanitized_config, term_key


def test_sanitized_config_names_no_term_domain_regex_or_excluded_value() -> None:
    dumped = json.dumps(sanitized_config(parse_config(BASE)))
    for value in ("Hexacore", "hexacore", "corp.example.net", "OPS-", "alice@example.com"):
        assert value not in dumped
    assert '"Excel"' in dumped and '"TICKET_ID_0"' in dumped and '"key_env": "K"' in dumped


def test_rule_digest_is_an_unkeyed_prefixed_sha256() -> None:
    expected = hashlib.sha256(b"scrubline-rule\x00CUSTOMER\x00bluefin").hexdigest()[:16]
    assert rule_digest("CUSTOMER", "bluefin") == expected
    assert rule_digest("a", "b") == rule_digest("a\x00b") != rule_digest("ab")  # parts joined by NUL


def test_terms_are_keyed_as_the_detector_matches_them() -> None:
    assert term_key("  Blue \t Fin  ") == "blue fin"
    assert term_key("   ") == ""
    recorded = sanitized_config(parse_config({**BASE, "proprietary": {"terms": {"C": ["Blue Fin", "BLUE  fin", " "]}}}))
    assert recorded["proprietary"] == {"terms": {"C": [rule_digest("C", "blue fin")]}, "internal_domains": []}


def test_patterns_get_their_effective_rule_names() -> None:
    patterns = [PatternConfig(entity="TICKET_ID", regex="T-1"), PatternConfig(entity="CASE", regex="C-2", name="case")]
    assert [(entry, p.name) for entry, p in pattern_entries(patterns)] == [
        (
            {"entity": "TICKET_ID", "name": "TICKET_ID_0", "score": 0.9, "regex_sha256": rule_digest("T-1")},
            "TICKET_ID_0",
        ),
        ({"entity": "CASE", "name": "case", "score": 0.9, "regex_sha256": rule_digest("C-2")}, "case"),
    ]


def test_leaf_differences() -> None:
    old = {"a": {"b": 1, "c": [1, 2]}, "d": "x", "gone": 1}
    new = {"a": {"b": 2, "c": [1, 2]}, "d": {"e": 1}, "new": None}
    assert leaf_differences(old, new) == ["a.b", "d", "gone"]
    assert leaf_differences({"v": "1"}, {"v": "2", "w": "3"}, "versions") == ["versions.v", "versions.w"]
    assert leaf_differences(json.loads("{}"), {}) == []
