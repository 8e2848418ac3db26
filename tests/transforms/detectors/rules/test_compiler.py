"""Compiling packs: fragments, flags, RE2 errors and check binding, each fault naming rule and field."""

from __future__ import annotations

from typing import Any

import pytest

from transforms.detectors.rules import RulePackError, parse_pack
from transforms.detectors.rules.compiler import compile_pack, expand_fragments, fold_case
from transforms.detectors.rules.schema import RulePack


def _pack(pattern: str, fragments: dict[str, str] | None = None, **rule: Any) -> RulePack:
    data = {"id": "r1", "entity": "X", "score": 0.5, "pattern": pattern, **rule}
    return RulePack.model_validate({"pack": "p", "detector": "demo", "fragments": fragments or {}, "rules": [data]})


def _problems(pack: RulePack) -> list[str]:
    with pytest.raises(RulePackError) as caught:
        compile_pack(pack, "p.yaml")
    return [str(problem) for problem in caught.value.problems]


def test_fragments_expand_in_order_as_groups() -> None:
    pack = _pack("id{{pair}}", {"digit": "[0-9]", "pair": "{{digit}}{2}|x"})
    (rule,) = compile_pack(pack, "p.yaml")
    assert rule.regex.pattern == "id(?:(?:[0-9]){2}|x)"
    assert rule.regex.search("id42").span() == (0, 4)
    assert rule.regex.search("idx").span() == (0, 3)


def test_fragment_may_not_use_a_later_one() -> None:
    assert _problems(_pack("a", {"first": "{{second}}", "second": "b"})) == [
        "fragments.first: unknown or later fragment 'second'"
    ]


def test_unknown_fragment_in_pattern() -> None:
    assert _problems(_pack("{{nope}}", {"a": "x"})) == ["rule 'r1': pattern: unknown fragment 'nope'; known: ['a']"]


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [
        ("(?<=k)v", "invalid perl operator: (?<="),
        ("(a", "missing ): (a"),
        (r"(a)\1", "invalid escape sequence: \\1"),
    ],
)
def test_pattern_re2_rejects_is_a_load_error(pattern: str, reason: str) -> None:
    assert _problems(_pack(pattern)) == [f"rule 'r1': pattern: RE2 rejects the pattern: {reason}"]


def test_flags_become_inline_flags() -> None:
    (rule,) = compile_pack(_pack("^key.v$", flags=["multiline", "ignore_case", "dot_all"]), "p.yaml")
    assert rule.regex.pattern == "(?ims)^key.v$"
    assert rule.regex.search("x\nKEY\nV\ny") is not None


def test_value_group_defaults_to_whole_match() -> None:
    (with_v,) = compile_pack(_pack("k=(?P<kw>a)(?P<v>b)"), "p.yaml")
    (without,) = compile_pack(_pack("k=b"), "p.yaml")
    assert (with_v.value_group, with_v.group_names) == (2, (("kw", 1), ("v", 2)))
    assert (without.value_group, without.group_names) == (0, ())


def test_check_faults_name_rule_and_check_index() -> None:
    checks = ["min_length", {"entropy": {"min_bits": "high"}}, {"min_length": {"chars": 3, "max": 4}}, "no_such"]
    problems = _problems(_pack("v", checks=checks))
    assert problems[:3] == [
        "rule 'r1': checks[0]: check 'min_length': chars: Field required",
        "rule 'r1': checks[1]: check 'entropy': min_bits: Input should be a valid number",
        "rule 'r1': checks[2]: check 'min_length': max: Extra inputs are not permitted",
    ]
    assert problems[3].startswith("rule 'r1': checks[3]: unknown check 'no_such'; known: [")
    assert "'entropy'" in problems[3]


def test_all_faults_of_a_pack_are_reported_together() -> None:
    data = {
        "pack": "p",
        "detector": "demo",
        "rules": [
            {"id": "a", "entity": "X", "score": 0.5, "pattern": "(", "checks": ["nope"]},
            {"id": "b", "entity": "X", "score": 0.5, "pattern": "ok"},
            {"id": "c", "entity": "X", "score": 0.5, "pattern": "{{missing}}"},
        ],
    }
    problems = _problems(RulePack.model_validate(data))
    assert [p.split(":")[0] for p in problems] == ["rule 'a'", "rule 'a'", "rule 'c'"]


def test_keywords_are_folded_and_deduplicated() -> None:
    (rule,) = compile_pack(_pack("v", keywords=["Token", "TOKEN", "Straße", "ſecret"]), "p.yaml")
    assert rule.keywords == ("token", "straße", "secret")


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Hello WORLD", "hello world"),
        ("İd STRASSE", "İd strasse"),  # İ folds to two characters: kept, so offsets stay
        ("Maße \u212a", "maße k"),  # ß likewise; the Kelvin sign folds to k
        ("", ""),
    ],
)
def test_fold_case_keeps_length(text: str, folded: str) -> None:
    assert fold_case(text) == folded
    assert len(fold_case(text)) == len(text)


def test_expand_fragments_raises_key_error_for_unknown() -> None:
    with pytest.raises(KeyError):
        expand_fragments("{{a}}", {})


def test_parse_then_compile_round_trip() -> None:
    text = "pack: p\ndetector: demo\nrules:\n  - {id: r, entity: X, score: 0.5, pattern: 'k(?P<v>\\d)'}\n"
    (rule,) = compile_pack(parse_pack(text, "p.yaml"), "p.yaml")
    assert (rule.qualified_id, rule.pack, rule.keywords) == ("demo.r", "p", ())
