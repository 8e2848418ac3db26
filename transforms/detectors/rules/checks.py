"""Named checks: small predicates a rule applies to each match of its pattern, registered by name.

A check is a function ``check(match: RuleMatch, *, param: T = default, ...) -> CheckResult``. It sees the
whole text with absolute offsets (so it may look at what surrounds the value) and returns:

- ``True`` to keep the value as it is, ``False`` to reject the match;
- a new ``(start, end)`` span of the text to report instead (to trim the value, or extend it). An empty
  span rejects the match.

Parameters come from the rule pack as keyword arguments and are validated, once, when the pack is
compiled: an unknown check, an unknown parameter or a value of the wrong type is a load error.
Detector-specific checks register themselves from their detector's module with ``register_check``.
"""

from __future__ import annotations

import inspect
import math
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Any, get_type_hints

from pydantic import BaseModel, ConfigDict, ValidationError, create_model

__all__ = [
    "CHECK_REGISTRY",
    "BoundCheck",
    "CheckError",
    "CheckResult",
    "RuleMatch",
    "bind_check",
    "register_check",
    "shannon_entropy",
]

CheckResult = bool | tuple[int, int]
BoundCheck = Callable[["RuleMatch"], CheckResult]


@dataclass(frozen=True, slots=True)
class RuleMatch:
    """One match of a rule's pattern: the value span and the named groups, as offsets into ``text``.

    ``text`` is the whole text scanned (never only the window), so a check gives the same answer whether
    the engine ran the pattern on a window or on everything. ``groups`` holds the named groups that took
    part in the match. ``keyword`` is the text of the group named ``kw`` when the pattern has one.
    """

    text: str
    start: int
    end: int
    match_start: int
    match_end: int
    groups: Mapping[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def value(self) -> str:
        """The text of the value span."""
        return self.text[self.start : self.end]

    @property
    def keyword(self) -> str:
        """The text of the ``kw`` group, or ``""`` when there is none."""
        return self.group("kw") or ""

    def group(self, name: str) -> str | None:
        """The text of the named group ``name``, or None when it did not take part in the match."""
        span = self.groups.get(name)
        return None if span is None else self.text[span[0] : span[1]]


class CheckError(ValueError):
    """A check reference that cannot be bound: unknown name or invalid parameters."""


@dataclass(frozen=True, slots=True)
class _Registered:
    function: Callable[..., CheckResult]
    params: type[BaseModel]


#: Every registered check by name. Filled by ``register_check``; read by the pack compiler.
CHECK_REGISTRY: dict[str, _Registered] = {}


def register_check(name: str) -> Callable[[Callable[..., CheckResult]], Callable[..., CheckResult]]:
    """Register ``check(match, *, params...)`` under ``name``; its keyword parameters must be annotated."""

    def wrap(function: Callable[..., CheckResult]) -> Callable[..., CheckResult]:
        if name in CHECK_REGISTRY:
            raise ValueError(f"check {name!r} is registered twice")
        CHECK_REGISTRY[name] = _Registered(function, _params_model(name, function))
        return function

    return wrap


def _params_model(name: str, function: Callable[..., CheckResult]) -> type[BaseModel]:
    """A strict pydantic model of the check's keyword-only parameters."""
    hints = get_type_hints(function)
    parameters = list(inspect.signature(function).parameters.values())
    if not parameters or parameters[0].kind not in (parameters[0].POSITIONAL_ONLY, parameters[0].POSITIONAL_OR_KEYWORD):
        raise TypeError(f"check {name!r} must take the match as its first positional parameter")
    fields: dict[str, Any] = {}
    for parameter in parameters[1:]:
        if parameter.kind is not parameter.KEYWORD_ONLY or parameter.name not in hints:
            raise TypeError(f"check {name!r}: parameter {parameter.name!r} must be keyword-only and annotated")
        default = ... if parameter.default is parameter.empty else parameter.default
        fields[parameter.name] = (hints[parameter.name], default)
    config = ConfigDict(extra="forbid", strict=True)
    return create_model(f"{name}_params", __config__=config, **fields)


def bind_check(name: str, params: Mapping[str, Any]) -> BoundCheck:
    """The registered check ``name`` with ``params`` validated and bound; raises ``CheckError``."""
    registered = CHECK_REGISTRY.get(name)
    if registered is None:
        raise CheckError(f"unknown check {name!r}; known: {sorted(CHECK_REGISTRY)}")
    try:
        model = registered.params.model_validate(dict(params))
    except ValidationError as err:
        reasons = "; ".join(
            f"{'.'.join(map(str, e['loc'])) or 'params'}: {e['msg']}"
            for e in err.errors(include_url=False, include_input=False)
        )
        raise CheckError(f"check {name!r}: {reasons}") from None
    kwargs = {key: getattr(model, key) for key in type(model).model_fields}
    return partial(registered.function, **kwargs)


def shannon_entropy(value: str) -> float:
    """Shannon entropy of ``value`` in bits per character (0.0 for an empty string)."""
    if not value:
        return 0.0
    total = len(value)
    return -sum(n / total * math.log2(n / total) for n in Counter(value).values())


@register_check("min_length")
def min_length(match: RuleMatch, *, chars: int) -> bool:
    """Keep values of at least ``chars`` characters."""
    return match.end - match.start >= chars


@register_check("max_length")
def max_length(match: RuleMatch, *, chars: int) -> bool:
    """Keep values of at most ``chars`` characters."""
    return match.end - match.start <= chars


@register_check("entropy")
def entropy(match: RuleMatch, *, min_bits: float) -> bool:
    """Keep values whose Shannon entropy is at least ``min_bits`` bits per character."""
    return shannon_entropy(match.value) >= min_bits


@register_check("not_in")
def not_in(match: RuleMatch, *, values: list[str]) -> bool:
    """Reject values equal, ignoring case, to one of ``values`` (placeholders such as ``changeme``)."""
    folded = match.value.casefold()
    return all(folded != v.casefold() for v in values)


# An abbreviation a full stop belongs to: a capital and one to three lower-case letters ("Inc", "Ltd") or
# a letter after a dot ("K.K"). Bounded, so the search stays linear.
_ABBREVIATION = re.compile(r"(?:\b[A-Z][a-z]{1,3}|\.[A-Za-z])$")


@register_check("trim_value")
def trim_value(match: RuleMatch, *, keep_abbreviation_dot: bool = False) -> tuple[int, int]:
    r"""The value without trailing blanks and punctuation (`` \\t.,;-``); with ``keep_abbreviation_dot``, a
    full stop after an abbreviation stays ("Acme Inc.", "Sunmore K.K.")."""
    text, start, end = match.text, match.start, match.end
    value = text[start:end].rstrip(" \t.,;-")
    if keep_abbreviation_dot and text[start + len(value) : end].startswith(".") and _ABBREVIATION.search(value):
        value += "."
    return start, start + len(value)
