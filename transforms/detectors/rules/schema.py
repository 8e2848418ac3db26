"""The rule-pack file format: a strict schema, and loading that names the file, rule and field at fault.

A pack is one YAML mapping::

    pack: <name>            # free text, shown in listings
    detector: <name>        # registered detector; findings carry ``detector.rule_id``
    imports: [file.yaml]    # optional fragment files (``fragments: {...}``) beside the pack, shared by packs
    lexicon: {name: ref}    # optional lists of transforms/lexicon as fragments: phrase lists
                            # (``labels.yaml#password``), a word list (``context/x.txt``) or a folder of
                            # word lists (``street_types/``); ``#upper`` after a word list or folder
                            # means its entries written in capitals (``street_types/#upper``)
    fragments: {name: re}   # optional sub-patterns, used as ``{{name}}``; a list is an alternation
    rules: [...]            # see ``RuleSpec``

A ``lexicon`` entry defines the fragment ``name`` as an alternation of the list's phrases, and a rule keyword
written ``{{name}}`` stands for the phrases' keywords (``rules.phrases``), so adding a label is an edit
to the lexicon alone. The entries of a ``.txt`` word list (or of every list in a folder) are matched
exactly as written (``rules.phrases.word_fragment``), and ``{{name}}`` stands for them case-folded.
A pattern may be written as a list of pieces, concatenated as written (long patterns stay readable),
and a fragment as a list of alternatives, joined with ``|``.

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

from transforms.detectors.rules.phrases import phrase_fragment, phrase_keywords, word_fragment
from transforms.lexicon.phrases import phrase_list
from transforms.lexicon.wordlists import word_list, word_lists

__all__ = [
    "DEFAULT_WINDOW",
    "CheckSpec",
    "Examples",
    "FragmentFile",
    "MatchExample",
    "PackProblem",
    "RulePack",
    "RulePackError",
    "RuleSpec",
    "load_fragments",
    "load_pack",
    "load_strict_yaml",
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
    # When the checks reject a match, search again inside its value from each later word (after a space),
    # and report the first match there that the checks accept ("Data Analyst, Ruiz and Vega": the firm).
    retry_inside: bool = False
    examples: Examples = Field(default_factory=Examples)
    description: str | None = None
    source: str | None = None

    @field_validator("pattern", mode="before")
    @classmethod
    def _join_pieces(cls, pattern: Any) -> Any:
        return _joined(pattern, "")

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


def _joined(value: Any, separator: str) -> Any:
    """A list of strings joined with ``separator``; anything else unchanged (the type check follows)."""
    if isinstance(value, list) and value and all(isinstance(piece, str) for piece in value):
        return separator.join(value)
    return value


def _join_alternatives(fragments: Any) -> Any:
    if not isinstance(fragments, dict):
        return fragments
    return {name: _joined(body, "|") for name, body in fragments.items()}


def _check_fragment_names(fragments: dict[str, str]) -> dict[str, str]:
    bad = sorted(name for name in fragments if not name.isidentifier() or not name.islower())
    if bad:
        raise ValueError(f"fragment names must be lower-case identifiers, got {bad}")
    return fragments


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
    imports: list[str] = Field(default_factory=list)
    lexicon: dict[str, str] = Field(default_factory=dict)
    fragments: dict[str, str] = Field(default_factory=dict)
    rules: list[RuleSpec] = Field(min_length=1)

    @field_validator("fragments", mode="before")
    @classmethod
    def _fragment_lists(cls, fragments: Any) -> Any:
        return _join_alternatives(fragments)

    @field_validator("fragments")
    @classmethod
    def _fragment_names(cls, fragments: dict[str, str]) -> dict[str, str]:
        return _check_fragment_names(fragments)

    @field_validator("imports")
    @classmethod
    def _import_names(cls, imports: list[str]) -> list[str]:
        bad = sorted(name for name in imports if "/" in name or "\\" in name or not name.endswith(".yaml"))
        if bad:
            raise ValueError(f"an import is the name of a .yaml file beside the pack, got {bad}")
        return imports

    @model_validator(mode="after")
    def _unique_ids(self) -> RulePack:
        seen: set[str] = set()
        for rule in self.rules:
            if rule.id in seen:
                raise ValueError(f"rule id {rule.id!r} is used twice")
            seen.add(rule.id)
        return self


class FragmentFile(BaseModel):
    """A file of fragments that several packs import: ``fragments: {name: re}`` and a description."""

    model_config = _STRICT

    description: str | None = None
    fragments: dict[str, str] = Field(min_length=1)

    @field_validator("fragments", mode="before")
    @classmethod
    def _fragment_lists(cls, fragments: Any) -> Any:
        return _join_alternatives(fragments)

    @field_validator("fragments")
    @classmethod
    def _fragment_names(cls, fragments: dict[str, str]) -> dict[str, str]:
        return _check_fragment_names(fragments)


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


# libyaml's parser when PyYAML was built with it (the wheels are): the packs are parsed on every worker at
# start-up, and the pure-Python parser took most of the engine's build time; the constructors stay Python.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _UniqueKeyLoader(_SafeLoader):
    """A safe loader that rejects a key given twice in one mapping (PyYAML keeps the last silently)."""


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    keys = [loader.construct_object(key, deep=deep) for key, _ in node.value]
    duplicates = sorted({str(k) for k in keys if keys.count(k) > 1})
    if duplicates:
        raise yaml.constructor.ConstructorError(None, None, f"duplicate keys {duplicates}", node.start_mark)
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_strict_yaml(text: str, source: str) -> Any:
    """Parse YAML ``text`` safely, refusing a key given twice; a fault raises ``RulePackError`` naming ``source``."""
    try:
        return yaml.load(text, Loader=_UniqueKeyLoader)  # a SafeLoader subclass
    except yaml.YAMLError as err:
        raise RulePackError(source, [PackProblem(None, "<yaml>", _yaml_reason(err))]) from None


def parse_pack(text: str, source: str, base_dir: str | Path | None = None) -> RulePack:
    """Parse and validate the YAML ``text`` of a pack; ``source`` names it in errors.

    The pack's ``imports`` are read from ``base_dir``; their fragments come before the pack's own (which may
    use them). A pack with imports and no ``base_dir``, or a fragment defined twice, is an error.
    """
    data = load_strict_yaml(text, source)
    try:
        pack = _with_lexicon(RulePack.model_validate(data), source)
    except ValidationError as err:
        raise RulePackError(source, _problems(err, data)) from None
    if not pack.imports:
        return pack
    if base_dir is None:
        raise RulePackError(source, [PackProblem(None, "imports", "imports need the directory of the pack")])
    fragments: dict[str, str] = {}
    for name in pack.imports:
        fragments.update(load_fragments(Path(base_dir) / name))
    twice = sorted(set(fragments) & set(pack.fragments))
    if twice:
        raise RulePackError(source, [PackProblem(None, "fragments", f"also defined in an import: {twice}")])
    return pack.model_copy(update={"fragments": fragments | pack.fragments})


def _with_lexicon(pack: RulePack, source: str) -> RulePack:
    """``pack`` with its ``lexicon`` phrase lists added to its fragments and ``{{name}}`` keywords expanded."""
    if not pack.lexicon:
        return pack
    twice = sorted(set(pack.lexicon) & set(pack.fragments))
    if twice:
        raise RulePackError(source, [PackProblem(None, "lexicon", f"also defined as fragments: {twice}")])
    lists: dict[str, tuple[str, ...]] = {}
    fragments: dict[str, str] = {}
    for name, reference in pack.lexicon.items():
        try:
            lists[name], fragments[name] = _lexicon_fragment(reference)
        except (OSError, ValueError) as err:
            raise RulePackError(source, [PackProblem(None, f"lexicon.{name}", str(err))]) from None
    rules = [_expand_keywords(rule, lists) for rule in pack.rules]
    return pack.model_copy(update={"fragments": fragments | pack.fragments, "rules": rules})


def _lexicon_fragment(reference: str) -> tuple[tuple[str, ...], str]:
    """The keywords' source and the fragment of one ``lexicon`` reference: a word list (``.txt``), a folder
    of word lists (``name/``), either followed by ``#upper`` for its entries in capitals, or a phrase list
    (``file.yaml#key``)."""
    base, _, case = reference.partition("#") if reference.endswith("#upper") else (reference, "", "")
    if base.endswith("/") or base.endswith(".txt"):
        words = word_lists(base.rstrip("/")) if base.endswith("/") else word_list(base)
        if not words:
            raise ValueError(f"{reference}: no entries")
        if case:
            words = frozenset(w.upper() for w in words)
        return tuple(sorted({w.casefold() for w in words})), word_fragment(words)
    phrases = phrase_list(reference)
    return phrases, phrase_fragment(phrases)


def _expand_keywords(rule: RuleSpec, lists: dict[str, tuple[str, ...]]) -> RuleSpec:
    """``rule`` with each keyword ``{{name}}`` of a lexicon list replaced by that list's keywords."""
    keywords: list[str] = []
    for keyword in rule.keywords:
        name = keyword.strip()[2:-2].strip() if keyword.strip().startswith("{{") else None
        keywords.extend(phrase_keywords(lists[name]) if name in lists else [keyword])
    return rule.model_copy(update={"keywords": list(dict.fromkeys(keywords))})


def load_fragments(path: str | Path) -> dict[str, str]:
    """The fragments of the fragment file at ``path``, as written (references not expanded)."""
    data = load_strict_yaml(Path(path).read_text(encoding="utf-8"), str(path))
    try:
        return dict(FragmentFile.model_validate(data).fragments)
    except ValidationError as err:
        raise RulePackError(str(path), _problems(err, data)) from None


def _yaml_reason(err: yaml.YAMLError) -> str:
    """The parser's reason and position, without the quoted source line."""
    if isinstance(err, yaml.MarkedYAMLError) and err.problem_mark is not None:
        mark = err.problem_mark
        return f"{err.problem} at line {mark.line + 1}, column {mark.column + 1}"
    return type(err).__name__


def load_pack(path: str | Path) -> RulePack:
    """Read and validate the pack at ``path`` (UTF-8 YAML, shipped with the code)."""
    return parse_pack(Path(path).read_text(encoding="utf-8"), str(path), Path(path).parent)


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
