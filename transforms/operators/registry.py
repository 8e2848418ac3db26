"""From the config's ``operators`` section to an ``OperatorSet``: each entity type's operator, bound."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import Any

from transforms.config import (
    KeepOperator,
    MaskOperator,
    PseudonymizeOperator,
    RedactOperator,
    ReplaceOperator,
    ScrublineConfig,
    SurrogateOperator,
)
from transforms.operators.base import BoundOperator
from transforms.operators.keys import read_key
from transforms.operators.pseudonymize import bind_pseudonymize
from transforms.operators.standard import bind_keep, bind_mask, bind_redact, bind_replace
from transforms.operators.surrogates import bind_surrogate

__all__ = ["OperatorSet", "build_operators"]

# Operator config type -> its binder: the standard ones take their config, the keyed ones their key.
_STANDARD: dict[type, Callable[[Any], BoundOperator]] = {
    ReplaceOperator: bind_replace,
    RedactOperator: bind_redact,
    MaskOperator: bind_mask,
    KeepOperator: bind_keep,
}
_KEYED: dict[type, Callable[[bytes], BoundOperator]] = {
    PseudonymizeOperator: bind_pseudonymize,
    SurrogateOperator: bind_surrogate,
}


class OperatorSet:
    """The operator for each entity type (falling back to ``default``), bound to its parameters."""

    def __init__(self, bound: Mapping[str, BoundOperator]) -> None:
        self._bound = dict(bound)

    def name_for(self, entity_type: str) -> str:
        """The operator name ``entity_type`` is replaced with (the ``default`` one if it has none)."""
        return self._bound.get(entity_type, self._bound["default"]).name

    def apply(self, value: str, entity_type: str) -> tuple[str, str]:
        """Return ``(replacement, operator name)`` for one detected value."""
        bound = self._bound.get(entity_type, self._bound["default"])
        return bound.apply(value, entity_type), bound.name


def _bind(config: Any, environ: Mapping[str, str]) -> BoundOperator:
    kind = type(config)
    if kind in _KEYED:
        return _KEYED[kind](read_key(config.key_env, environ))
    return _STANDARD[kind](config)


def build_operators(config: ScrublineConfig, environ: Mapping[str, str] | None = None) -> OperatorSet:
    """Bind every configured operator; pseudonymization keys are read from the environment here.

    Raises ConfigError if a key is missing or shorter than 128 bits.
    """
    environ = os.environ if environ is None else environ
    return OperatorSet({entity: _bind(cfg, environ) for entity, cfg in sorted(config.operators.items())})
