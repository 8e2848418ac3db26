"""The check registry, parameter binding, and the generic checks."""

from __future__ import annotations

import math

import pytest

from transforms.detectors.rules.checks import (
    CHECK_REGISTRY,
    CheckError,
    RuleMatch,
    bind_check,
    register_check,
    shannon_entropy,
)


def _match(text: str, start: int, end: int, **groups: tuple[int, int]) -> RuleMatch:
    return RuleMatch(text, start, end, 0, len(text), groups)


def test_rule_match_accessors() -> None:
    match = _match("pw = hunter22;", 5, 13, kw=(0, 2), v=(5, 13))
    assert (match.value, match.keyword, match.group("v"), match.group("other")) == ("hunter22", "pw", "hunter22", None)
    assert _match("abc", 0, 3).keyword == ""


@pytest.mark.parametrize(("value", "bits"), [("", 0.0), ("aaaa", 0.0), ("abab", 1.0), ("abcd", 2.0)])
def test_shannon_entropy(value: str, bits: float) -> None:
    assert math.isclose(shannon_entropy(value), bits)


@pytest.mark.parametrize(
    ("name", "params", "value", "expected"),
    [
        ("min_length", {"chars": 4}, "abcd", True),
        ("min_length", {"chars": 5}, "abcd", False),
        ("max_length", {"chars": 4}, "abcd", True),
        ("max_length", {"chars": 3}, "abcd", False),
        ("entropy", {"min_bits": 2.0}, "abcd", True),
        ("entropy", {"min_bits": 2}, "abca", False),
        ("not_in", {"values": ["changeme", "None"]}, "NONE", False),
        ("not_in", {"values": ["changeme"]}, "k3y", True),
    ],
)
def test_generic_checks(name: str, params: dict, value: str, expected: bool) -> None:
    text = f"x={value};"
    assert bind_check(name, params)(_match(text, 2, 2 + len(value))) is expected


def test_bind_rejects_unknown_and_bad_params() -> None:
    with pytest.raises(CheckError, match=r"^unknown check 'nope'; known: \["):
        bind_check("nope", {})
    with pytest.raises(CheckError, match=r"^check 'min_length': chars: Input should be a valid integer$"):
        bind_check("min_length", {"chars": "4"})
    with pytest.raises(CheckError, match=r"^check 'entropy': min_bits: Field required$"):
        bind_check("entropy", {})


def test_register_check_with_defaults_and_trim() -> None:
    @register_check("test_checks_strip_quotes")
    def strip_quotes(match: RuleMatch, *, quotes: str = "'\"") -> bool | tuple[int, int]:
        value = match.value
        if len(value) >= 2 and value[0] == value[-1] and value[0] in quotes:
            return (match.start + 1, match.end - 1)
        return True

    try:
        check = bind_check("test_checks_strip_quotes", {})
        assert check(_match("k='abc'", 2, 7)) == (3, 6)
        assert check(_match("k=abc", 2, 5)) is True
        assert bind_check("test_checks_strip_quotes", {"quotes": "`"})(_match("k='a'", 2, 5)) is True
    finally:
        del CHECK_REGISTRY["test_checks_strip_quotes"]


def test_register_twice_is_an_error() -> None:
    with pytest.raises(ValueError, match=r"^check 'entropy' is registered twice$"):
        register_check("entropy")(lambda match: True)


def test_parameters_must_be_keyword_only_and_annotated() -> None:
    def positional(match: RuleMatch, chars: int) -> bool:
        return True

    with pytest.raises(TypeError, match=r"parameter 'chars' must be keyword-only and annotated"):
        register_check("test_checks_positional")(positional)
    assert "test_checks_positional" not in CHECK_REGISTRY
