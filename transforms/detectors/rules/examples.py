"""Running a rule's own examples: each match example must yield exactly its value, each no-match nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from transforms.detectors.rules.compiler import CompiledRule

if TYPE_CHECKING:
    from transforms.detectors.rules.engine import RuleEngine

__all__ = ["example_failures", "reported_values"]


def reported_values(engine: RuleEngine, qualified_id: str, text: str) -> list[str]:
    """The values rule ``qualified_id`` alone reports in ``text``, windowed and checked, in order.

    Raises ``AssertionError`` when the windowed scan and a whole-text scan disagree (a window too small).
    """
    isolated = engine.isolate(qualified_id)
    windowed = isolated.scan(text)
    whole = isolated.scan(text, windowed=False)
    if windowed != whole:
        raise AssertionError(f"{qualified_id}: the windowed scan finds {len(windowed)}, the whole text {len(whole)}")
    return [text[f.start : f.end] for f in windowed]


def example_failures(engine: RuleEngine, rule: CompiledRule) -> list[str]:
    """What is wrong with ``rule``'s examples: missing kinds, values not found, texts wrongly matched."""
    rule_id = rule.qualified_id
    examples = rule.spec.examples
    failures = []
    if not examples.match:
        failures.append(f"{rule_id}: no match example")
    if not examples.no_match:
        failures.append(f"{rule_id}: no no_match example")
    for index, example in enumerate(examples.match):
        values = reported_values(engine, rule_id, example.text)
        if values != [example.value]:
            failures.append(f"{rule_id}: match[{index}] reports {values}, expected [{example.value!r}]")
    for index, text in enumerate(examples.no_match):
        values = reported_values(engine, rule_id, text)
        if values:
            failures.append(f"{rule_id}: no_match[{index}] reports {values}")
    return failures
