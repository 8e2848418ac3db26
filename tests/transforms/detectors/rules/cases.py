"""Parametrized cases from rule packs' own examples, so every rule's examples run as one test.

``example_cases(paths)`` yields ``pytest.param(pack_path, rule_id, text, expected)``: one per ``match``
example (``expected`` is the value), one per ``no_match`` example (``expected`` is None), and, for a rule
that lacks either kind, one case with ``text`` None that fails. ``check_example_case`` runs one case on
the rule alone::

    @pytest.mark.parametrize(("pack", "rule_id", "text", "expected"), example_cases(PACKS))
    def test_rule_examples(pack, rule_id, text, expected):
        check_example_case(pack, rule_id, text, expected)
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path

import pytest
from _pytest.mark import ParameterSet

from transforms.detectors.rules import RuleEngine, load_pack
from transforms.detectors.rules.examples import reported_values

__all__ = ["check_example_case", "example_cases"]


def example_cases(pack_paths: Sequence[str | Path]) -> Iterator[ParameterSet]:
    """One pytest param per example of every rule in the packs at ``pack_paths``, in file order."""
    for path in map(str, pack_paths):
        pack = load_pack(path)
        for rule in pack.rules:
            qualified = f"{pack.detector}.{rule.id}"
            for index, example in enumerate(rule.examples.match):
                yield pytest.param(path, rule.id, example.text, example.value, id=f"{qualified}:match[{index}]")
            for index, text in enumerate(rule.examples.no_match):
                yield pytest.param(path, rule.id, text, None, id=f"{qualified}:no_match[{index}]")
            if not rule.examples.match:
                yield pytest.param(path, rule.id, None, "<a match example>", id=f"{qualified}:missing_match")
            if not rule.examples.no_match:
                yield pytest.param(path, rule.id, None, None, id=f"{qualified}:missing_no_match")


@cache
def _engine(pack_path: str) -> RuleEngine:
    return RuleEngine.from_files([pack_path])


def check_example_case(pack_path: str, rule_id: str, text: str | None, expected: str | None) -> None:
    """Assert that rule ``rule_id`` alone reports exactly ``[expected]`` in ``text`` (nothing if None).

    A case with ``text`` None stands for a missing example and fails.
    """
    engine = _engine(pack_path)
    detector = load_pack(pack_path).detector
    if text is None:
        kind = "match" if expected is not None else "no_match"
        pytest.fail(f"{detector}.{rule_id} has no {kind} example")
    values = reported_values(engine, f"{detector}.{rule_id}", text)
    assert values == ([] if expected is None else [expected])
