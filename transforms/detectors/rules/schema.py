"""The rule-pack file format: a strict schema, and loading that names the file, rule and field at fault.

A pack is one YAML mapping::

    pack: <name>            # free text, shown in listings
    detector: <name>        # registered detector; findings carry ``detector.rule_id``
    fragments: {name: re}   # optional sub-patterns, used as ``{{name}}``
    rules: [...]            # see ``RuleSpec``

Only the shape is checked here. Whether fragments resolve, patterns compile under RE2 and checks exist
with valid parameters is checked when a ``RuleEngine`` is built (``compiler.compile_pack``); both raise
``RulePackError``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

__all__ = [
    "DEFAULT_WINDOW",
    "CheckSpec",
    "Examples",
    "MatchExample",
    "PackProblem",
    "RulePack",
    "RulePackError",
    "RuleSpec",
    "load_pack",
    "parse_pack",
]

#: Characters of context on each side of a keyword hit in which a rule's pattern runs.
DEFAULT_WINDOW = 256
MAX_WINDOW = 10_000

_STRICT = ConfigDict(extra="forbid", strict=True, frozen=True)
_ID = r"^[a-z0-9_]+$"


class CheckSpec(BaseModel):
    """A named check and its keyword parameters; written ``name`` or ``{name: {param: value}}``."""

    model_config = _STRICT

    name: str = Field(pattern=_ID)
    params: dict[str, Any] = Field(default_factory=dict)


class MatchExample(BaseModel):
    """A text the rule must find, and the exact value (``text[start:end]``) it must report."""

    model_config = _STRICT

    text: str = Field(min_length=1)
    value: str = Field(min_length=1)

    @model_validator(mode="after")
    def _value_in_text(self) -> MatchExample:
        if self.value not in self.text:
            raise ValueError("value does not occur in text")
        return self


class Examples(BaseModel):
    """Texts a rule must find (``match``) and texts it must leave alone (``no_match``)."""

    model_config = _STRICT

    match: list[MatchExample] = Field(default_factory=list)
    no_match: list[str] = Field(default_factory=list)


Flag = Literal["ignore_case", "multiline", "dot_all"]


class RuleSpec(BaseModel):
    """One rule: where it may fire (keywords), what it finds (pattern, checks) and its own examples."""

    model_config = _STRICT

    id: str = Field(pattern=_ID)
    entity: str = Field(pattern=r"^[A-Z][A-Z0-9_]*$")
    score: float = Field(ge=0.0, le=1.0)
    keywords: list[str] = Field(default_factory=list)
    window: int = Field(default=DEFAULT_WINDOW, ge=1, le=MAX_WINDOW)
    pattern: str = Field(min_length=1)
    flags: list[Flag] = Field(default_factory=list)
    checks: list[CheckSpec] = Field(default_factory=list)
    examples: Examples = Field(default_factory=Examples)
    description: str | None = None
    source: str | None = None

    @field_validator("keywords")
    @classmethod
    def _keywords_have_text(cls, keywords: list[str]) -> list[str]:
        if any(not k.strip() for k in keywords):
            raise ValueError("a keyword must contain a non-blank character")
        return keywords

    @field_validator("checks", mode="before")
    @classmethod
    def _check_shorthand(cls, checks: Any) -> Any:
        if not isinstance(checks, list):
            return checks
        return [_expand_check(item) for item in checks]


def _expand_check(item: Any) -> Any:
    """``name`` -> ``{name, params: {}}``; ``{name: params}`` -> ``{name, params}``."""
    if isinstance(item, str):
        return {"name": item}
    if isinstance(item, dict) and len(item) == 1:
        ((name, params),) = item.items()
        return {"name": name, "params": {} if params is None else params}
    raise ValueError("a check is a name, or a mapping of one name to its parameters")


class RulePack(BaseModel):
    """A file of rules for one detector; rule ids are unique within it."""

    model_config = _STRICT

    pack: str = Field(min_length=1)
    detector: str = Field(pattern=_ID)
    fragments: dict[str, str] = Field(default_factory=dict)
    rules: list[RuleSpec] = Field(min_length=1)

    @field_validator("fragments")
    @classmethod
    def _fragment_names(cls, fragments: dict[str, str]) -> dict[str, str]:
        bad = sorted(name for name in fragments if not name.isidentifier() or not name.islower())
        if bad:
            raise ValueError(f"fragment names must be lower-case identifiers, got {bad}")
        return fragments

    @model_validator(mode="after")
    def _unique_ids(self) -> RulePack:
        seen: set[str] = set()
        for rule in self.rules:
            if rule.id in seen:
                raise ValueError(f"rule id {rule.id!r} is used twice")
            seen.add(rule.id)
        return self


@dataclass(frozen=True, slots=True)
class PackProblem:
    """One thing wrong with a pack: the rule (None for pack-level fields), the field path and why."""

    rule_id: str | None
    field: str
    message: str

    def __str__(self) -> str:
        """``rule 'id': field: message``, or ``field: message`` for the pack itself."""
        where = f"rule {self.rule_id!r}: " if self.rule_id is not None else ""
        return f"{where}{self.field}: {self.message}"


class RulePackError(ValueError):
    """A rule pack that cannot be used; ``str()`` names the file, then each rule and field at fault."""

    def __init__(self, source: str, problems: list[PackProblem]) -> None:
        """Record the pack's ``source`` (its path or a label) and what is wrong with it."""
        self.source = source
        self.problems = problems
        super().__init__(f"{source}: " + "; ".join(str(p) for p in problems))


class _UniqueKeyLoader(yaml.SafeLoader):
    """A safe loader that rejects a key given twice in one mapping (PyYAML keeps the last silently)."""


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    keys = [loader.construct_object(key, deep=deep) for key, _ in node.value]
    duplicates = sorted({str(k) for k in keys if keys.count(k) > 1})
    if duplicates:
        raise yaml.constructor.ConstructorError(None, None, f"duplicate keys {duplicates}", node.start_mark)
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def parse_pack(text: str, source: str) -> RulePack:
    """Parse and validate the YAML ``text`` of a pack; ``source`` names it in errors."""
    try:
        data = yaml.load(text, Loader=_UniqueKeyLoader)  # a SafeLoader subclass
    except yaml.YAMLError as err:
        raise RulePackError(source, [PackProblem(None, "<yaml>", _yaml_reason(err))]) from None
    try:
        return RulePack.model_validate(data)
    except ValidationError as err:
        raise RulePackError(source, _problems(err, data)) from None


def _yaml_reason(err: yaml.YAMLError) -> str:
    """The parser's reason and position, without the quoted source line."""
    if isinstance(err, yaml.MarkedYAMLError) and err.problem_mark is not None:
        mark = err.problem_mark
        return f"{err.problem} at line {mark.line + 1}, column {mark.column + 1}"
    return type(err).__name__


def load_pack(path: str | Path) -> RulePack:
    """Read and validate the pack at ``path`` (UTF-8 YAML, shipped with the code)."""
    return parse_pack(Path(path).read_text(encoding="utf-8"), str(path))


def _problems(err: ValidationError, data: Any) -> list[PackProblem]:
    """Translate pydantic's error locations into (rule id, field) pairs."""
    problems = []
    for error in err.errors(include_url=False, include_input=False):
        loc = list(error["loc"])
        rule_id = None
        if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int):
            rule_id = _rule_id(data, loc[1])
            loc = loc[2:]
        field = _dotted(loc) or ("rule" if rule_id is not None else "pack")
        problems.append(PackProblem(rule_id, field, error["msg"]))
    return problems


def _rule_id(data: Any, index: int) -> str:
    """The id the file gives rule ``index``, or ``#index`` when it has none."""
    rules = data.get("rules") if isinstance(data, dict) else None
    rule = rules[index] if isinstance(rules, list) and index < len(rules) else None
    rule_id = rule.get("id") if isinstance(rule, dict) else None
    return rule_id if isinstance(rule_id, str) else f"#{index}"


def _dotted(loc: list[Any]) -> str:
    """``["checks", 0, "name"]`` -> ``checks[0].name``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
