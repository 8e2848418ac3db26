"""The rule-pack schema: strict shapes, and errors that name the file, the rule and the field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from transforms.detectors.rules import RulePackError, load_pack, parse_pack
from transforms.detectors.rules.schema import DEFAULT_WINDOW, CheckSpec


def _rule(**overrides: Any) -> dict[str, Any]:
    rule: dict[str, Any] = {"id": "r1", "entity": "API_KEY", "score": 0.5, "pattern": "k=(?P<v>\\w+)"}
    rule.update(overrides)
    return {key: value for key, value in rule.items() if value is not None}


def _pack(*rules: dict[str, Any], **fields: Any) -> str:
    return yaml.safe_dump({"pack": "p", "detector": "demo", **fields, "rules": list(rules)})


def _problems(text: str) -> list[str]:
    with pytest.raises(RulePackError) as caught:
        parse_pack(text, "p.yaml")
    assert caught.value.source == "p.yaml"
    return [str(problem) for problem in caught.value.problems]


def test_minimal_rule_gets_defaults() -> None:
    rule = parse_pack(_pack(_rule()), "p.yaml").rules[0]
    assert (rule.keywords, rule.window, rule.flags, rule.checks) == ([], DEFAULT_WINDOW, [], [])
    assert (rule.examples.match, rule.examples.no_match, rule.description, rule.source) == ([], [], None, None)


def test_check_shorthands() -> None:
    checks = [{"entropy": {"min_bits": 3.0}}, "min_length_free", {"bare": None}]
    rule = parse_pack(_pack(_rule(checks=checks)), "p.yaml").rules[0]
    assert rule.checks == [
        CheckSpec(name="entropy", params={"min_bits": 3.0}),
        CheckSpec(name="min_length_free", params={}),
        CheckSpec(name="bare", params={}),
    ]


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        (_rule(colour="red"), "rule 'r1': colour: Extra inputs are not permitted"),
        (_rule(score=1.5), "rule 'r1': score: Input should be less than or equal to 1"),
        (_rule(score="0.5"), "rule 'r1': score: Input should be a valid number"),
        (_rule(id="Bad-Id"), "rule 'Bad-Id': id: String should match pattern '^[a-z0-9_]+$'"),
        (_rule(id=None), "rule '#0': id: Field required"),
        (_rule(entity="api_key"), "rule 'r1': entity: String should match pattern '^[A-Z][A-Z0-9_]*$'"),
        (_rule(keywords=["ok", " "]), "rule 'r1': keywords: Value error, a keyword must contain a non-blank character"),
        (_rule(keywords=["ok", 7]), "rule 'r1': keywords[1]: Input should be a valid string"),
        (_rule(window=0), "rule 'r1': window: Input should be greater than or equal to 1"),
        (_rule(flags=["verbose"]), "rule 'r1': flags[0]: Input should be 'ignore_case', 'multiline' or 'dot_all'"),
        (
            _rule(checks=[{"a": {}, "b": {}}]),
            "rule 'r1': checks: Value error, a check is a name, or a mapping of one name to its parameters",
        ),
        (
            _rule(examples={"match": [{"text": "k=abc", "value": "abd"}]}),
            "rule 'r1': examples.match[0]: Value error, value does not occur in text",
        ),
        (_rule(examples={"no_match": ["x"], "maybe": []}), "rule 'r1': examples.maybe: Extra inputs are not permitted"),
    ],
)
def test_rule_errors_name_rule_and_field(rule: dict[str, Any], expected: str) -> None:
    assert _problems(_pack(rule)) == [expected]


def test_every_problem_is_reported() -> None:
    problems = _problems(_pack(_rule(), _rule(id="r2", score=2), _rule(id="r3", pattern="")))
    assert problems == [
        "rule 'r2': score: Input should be less than or equal to 1",
        "rule 'r3': pattern: String should have at least 1 character",
    ]


def test_pack_level_errors() -> None:
    assert _problems(_pack(_rule(), _rule())) == ["pack: Value error, rule id 'r1' is used twice"]
    assert _problems(_pack(_rule(), detector="Demo")) == ["detector: String should match pattern '^[a-z0-9_]+$'"]
    assert _problems(_pack(_rule(), fragments={"Bad": "x"})) == [
        "fragments: Value error, fragment names must be lower-case identifiers, got ['Bad']"
    ]
    assert _problems(yaml.safe_dump({"pack": "p", "detector": "d", "rules": []})) == [
        "rules: List should have at least 1 item after validation, not 0"
    ]


def test_duplicate_yaml_key_is_an_error() -> None:
    text = "pack: p\ndetector: d\nrules:\n  - {id: r, entity: X, score: 0.5, pattern: a, pattern: b}\n"
    assert _problems(text) == ["<yaml>: duplicate keys ['pattern'] at line 4, column 5"]


def test_load_pack_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "pack.yaml"
    path.write_text(_pack(_rule(score=-1)), encoding="utf-8")
    with pytest.raises(RulePackError) as caught:
        load_pack(path)
    assert str(caught.value) == f"{path}: rule 'r1': score: Input should be greater than or equal to 0"


def test_pattern_pieces_and_fragment_alternatives_are_joined() -> None:
    pack = parse_pack(_pack(_rule(pattern=["(?P<v>", "{{w}}", ")"]), fragments={"w": ["cat", "dog", "a|b"]}), "p.yaml")
    assert (pack.rules[0].pattern, pack.fragments) == ("(?P<v>{{w}})", {"w": "cat|dog|a|b"})


def test_imports_put_shared_fragments_before_the_packs_own(tmp_path: Path) -> None:
    (tmp_path / "shared.fragments.yaml").write_text("fragments:\n  word: '[a-z]+'\n  pair: ['x', 'y']\n")
    path = tmp_path / "pack.yaml"
    path.write_text(_pack(_rule(), imports=["shared.fragments.yaml"], fragments={"two": "{{word}} {{word}}"}))
    assert load_pack(path).fragments == {"word": "[a-z]+", "pair": "x|y", "two": "{{word}} {{word}}"}


@pytest.mark.parametrize(
    ("imports", "fragments", "expected"),
    [
        (
            ["../x.yaml"],
            {},
            "imports: Value error, an import is the name of a .yaml file beside the pack, got ['../x.yaml']",
        ),
        (["shared.fragments.yaml"], {"word": "w"}, "fragments: also defined in an import: ['word']"),
    ],
)
def test_import_errors(tmp_path: Path, imports: list[str], fragments: dict[str, str], expected: str) -> None:
    (tmp_path / "shared.fragments.yaml").write_text("fragments:\n  word: '[a-z]+'\n")
    path = tmp_path / "pack.yaml"
    path.write_text(_pack(_rule(), imports=imports, fragments=fragments))
    with pytest.raises(RulePackError) as caught:
        load_pack(path)
    assert [str(p) for p in caught.value.problems] == [expected]


def test_imports_need_a_directory() -> None:
    assert _problems(_pack(_rule(), imports=["shared.fragments.yaml"])) == [
        "imports: imports need the directory of the pack"
    ]


def test_lexicon_lists_become_fragments_and_keywords() -> None:
    rule = _rule(keywords=["{{label}}", "extra"], pattern="(?:{{label}}):(?P<v>\\w+)")
    pack = parse_pack(_pack(rule, lexicon={"label": "labels.yaml#passport"}), "p.yaml")
    assert "reisepass" in pack.rules[0].keywords and pack.rules[0].keywords[-1] == "extra"
    assert "(?i:passport)" in pack.fragments["label"]


def test_word_list_folders_are_matched_as_written() -> None:
    rule = _rule(keywords=["{{street_types}}"], pattern="\\d+ \\w+ (?:{{street_types}})")
    pack = parse_pack(_pack(rule, lexicon={"street_types": "street_types/"}), "p.yaml")
    alternatives = pack.fragments["street_types"].split("|")
    assert {"Street", "St", "Wynd", "Cul\\-de\\-sac", "Stravenue"} <= set(alternatives)
    assert alternatives.index("Stravenue") < alternatives.index("Street") < alternatives.index("St")
    assert {"street", "sac", "wynd"} <= set(pack.rules[0].keywords)


def test_a_single_word_list_is_a_fragment() -> None:
    pack = parse_pack(_pack(_rule(), lexicon={"units": "context/unit_words.txt"}), "p.yaml")
    assert "apt" in pack.fragments["units"].split("|")


@pytest.mark.parametrize(
    ("lexicon", "fragments", "expected"),
    [
        ({"label": "street_types_absent/"}, {}, "lexicon.label: no word lists in street_types_absent"),
        ({"label": "labels.yaml#nothing"}, {}, "lexicon.label: labels.yaml#nothing: no key 'nothing'"),
        ({"label": "labels.yaml#passport"}, {"label": "x"}, "lexicon: also defined as fragments: ['label']"),
    ],
)
def test_lexicon_errors(lexicon: dict[str, str], fragments: dict[str, str], expected: str) -> None:
    problems = _problems(_pack(_rule(), lexicon=lexicon, fragments=fragments))
    assert len(problems) == 1 and problems[0].startswith(expected)
