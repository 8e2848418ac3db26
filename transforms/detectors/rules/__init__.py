"""Rules as data: rule packs (YAML) validated by a strict schema, and the engine that runs them.

A pack holds rules for one registered detector; each rule has an id (findings carry
``detector.rule_id``), an entity type, keywords, an RE2 pattern with a value group ``v``, named checks,
a score and its own examples. ``RuleEngine`` finds all rules' keywords in one pass and runs a rule's
pattern only around its keywords. This package imports neither Beam nor any detector module.
"""

from __future__ import annotations

from transforms.detectors.rules.checks import CHECK_REGISTRY, CheckResult, RuleMatch, register_check
from transforms.detectors.rules.engine import RuleEngine, RuleFinding, RuleInfo
from transforms.detectors.rules.schema import (
    DEFAULT_WINDOW,
    RulePack,
    RulePackError,
    RuleSpec,
    load_pack,
    parse_pack,
)

__all__ = [
    "CHECK_REGISTRY",
    "DEFAULT_WINDOW",
    "CheckResult",
    "RuleEngine",
    "RuleFinding",
    "RuleInfo",
    "RuleMatch",
    "RulePack",
    "RulePackError",
    "RuleSpec",
    "load_pack",
    "parse_pack",
    "register_check",
]
