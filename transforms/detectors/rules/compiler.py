"""From a validated ``RulePack`` to compiled rules: fragments expanded, RE2 patterns, checks bound.

Everything that can be wrong with a pack beyond its shape is found here, when the engine is built, and
raised as one ``RulePackError`` naming each rule and field at fault.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import re2

from transforms.detectors.rules.checks import BoundCheck, CheckError, bind_check
from transforms.detectors.rules.schema import PackProblem, RulePack, RulePackError, RuleSpec

__all__ = ["CompiledRule", "compile_pack", "expand_fragments", "fold_case", "resolve_fragments"]

_REFERENCE = re.compile(r"\{\{\s*([A-Za-z0-9_]*)\s*\}\}")
_FLAGS = {"ignore_case": "i", "multiline": "m", "dot_all": "s"}
VALUE_GROUP = "v"
# RE2's default budget (8 MB) is too small for the DFA of a pattern with long alternations: RE2 then falls
# back to its much slower NFA. The budget is a cap; memory is taken only as DFA states are built.
MAX_MEM = 32 << 20


@dataclass(frozen=True, slots=True)
class CompiledRule:
    """A rule ready to run: its compiled pattern, the group holding the value, bound checks, keywords."""

    pack: str
    detector: str
    spec: RuleSpec
    regex: Any  # re2._Regexp
    value_group: int
    group_names: tuple[tuple[str, int], ...]
    checks: tuple[BoundCheck, ...]
    keywords: tuple[str, ...]  # case-folded, same length as written

    @property
    def qualified_id(self) -> str:
        """``detector.rule_id``: the id findings carry and the redaction log shows."""
        return f"{self.detector}.{self.spec.id}"


def fold_case(text: str) -> str:
    """Case-fold ``text`` one character for one character, so offsets in the result are offsets in ``text``.

    Characters whose folding is longer than one character (``ß``, ``İ``) stay as they are.
    """
    folded = text.casefold()
    if len(folded) == len(text):  # folding never maps a character to nothing: equal length means 1:1
        return folded
    table = {ord(c): (f if len(f := c.casefold()) == 1 else c) for c in set(text)}
    return text.translate(table)


def expand_fragments(pattern: str, fragments: Mapping[str, str]) -> str:
    """Replace every ``{{name}}`` in ``pattern`` by ``(?:fragment)``; raise ``KeyError`` for an unknown name."""

    def substitute(reference: re.Match[str]) -> str:
        return f"(?:{fragments[reference.group(1)]})"

    return _REFERENCE.sub(substitute, pattern)


def resolve_fragments(fragments: Mapping[str, str], problems: list[PackProblem] | None = None) -> dict[str, str]:
    """Fragments with their references expanded; each may use only fragments defined before it.

    An unknown or later reference is added to ``problems``, or raises ``KeyError`` when it is None.
    """
    resolved: dict[str, str] = {}
    for name, body in fragments.items():
        try:
            resolved[name] = expand_fragments(body, resolved)
        except KeyError as missing:
            if problems is None:
                raise
            problems.append(PackProblem(None, f"fragments.{name}", f"unknown or later fragment {missing}"))
    return resolved


def _options() -> re2.Options:
    options = re2.Options()
    options.log_errors = False
    options.max_mem = MAX_MEM
    return options


def _compile_pattern(rule: RuleSpec, fragments: Mapping[str, str]) -> Any:
    """The rule's RE2 pattern with fragments and flags applied; raises ``ValueError`` saying why not."""
    try:
        pattern = expand_fragments(rule.pattern, fragments)
    except KeyError as missing:
        raise ValueError(f"unknown fragment {missing}; known: {sorted(fragments)}") from None
    flags = "".join(sorted({_FLAGS[f] for f in rule.flags}))
    if flags:
        pattern = f"(?{flags}){pattern}"
    try:
        return re2.compile(pattern, _options())
    except re2.error as err:
        reason = err.args[0].decode("utf-8", "replace") if err.args and isinstance(err.args[0], bytes) else err
        raise ValueError(f"RE2 rejects the pattern: {reason}") from None


def _bind_checks(rule: RuleSpec, problems: list[PackProblem]) -> tuple[BoundCheck, ...]:
    bound = []
    for index, check in enumerate(rule.checks):
        try:
            bound.append(bind_check(check.name, check.params))
        except CheckError as err:
            problems.append(PackProblem(rule.id, f"checks[{index}]", str(err)))
    return tuple(bound)


def _compile_rule(
    pack: RulePack, rule: RuleSpec, fragments: Mapping[str, str], problems: list[PackProblem]
) -> CompiledRule | None:
    checks = _bind_checks(rule, problems)
    try:
        regex = _compile_pattern(rule, fragments)
    except ValueError as err:
        problems.append(PackProblem(rule.id, "pattern", str(err)))
        return None
    groups = tuple(sorted(regex.groupindex.items(), key=lambda item: item[1]))
    return CompiledRule(
        pack=pack.pack,
        detector=pack.detector,
        spec=rule,
        regex=regex,
        value_group=regex.groupindex.get(VALUE_GROUP, 0),
        group_names=groups,
        checks=checks,
        keywords=tuple(dict.fromkeys(fold_case(k) for k in rule.keywords)),
    )


def compile_pack(pack: RulePack, source: str) -> list[CompiledRule]:
    """Compile every rule of ``pack`` (``source`` names it in errors); raise ``RulePackError`` listing all faults."""
    problems: list[PackProblem] = []
    fragments = resolve_fragments(pack.fragments, problems)
    compiled = [_compile_rule(pack, rule, fragments, problems) for rule in pack.rules]
    if problems:
        raise RulePackError(source, problems)
    return [rule for rule in compiled if rule is not None]
