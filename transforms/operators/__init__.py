"""Operators: how a detected value is replaced. Presidio-anonymizer's operators plus two keyed ones.

``replace``, ``redact``, ``mask`` and ``keep`` are presidio-anonymizer's own ``Operator`` classes;
``pseudonymize`` is ours (``Pseudonymize``), an ``Operator`` subclass too, because Presidio's ``hash``
salts randomly per entity and its ``encrypt`` uses a random IV: neither is repeatable across runs.
``surrogate`` (``Surrogate``, generation in ``surrogates.py``) writes a realistic fake of the same kind
instead of a token, drawn from the same kind of keyed HMAC.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from presidio_anonymizer.operators import Keep, Mask, Operator, OperatorType, Redact, Replace

from transforms.config import (
    MIN_KEY_BYTES,
    ConfigError,
    KeepOperator,
    MaskOperator,
    PseudonymizeOperator,
    RedactOperator,
    ReplaceOperator,
    ScrublineConfig,
    SurrogateOperator,
)
from transforms.operators.surrogates import surrogate

__all__ = ["OperatorSet", "Pseudonymize", "Surrogate", "build_operators", "hmac_sha256", "pseudonym"]

PSEUDONYM_HEX_CHARS = 32  # 128 bits of the HMAC


def hmac_sha256(key: bytes, message: bytes) -> str:
    """Hex HMAC-SHA256 (RFC 2104 / FIPS 198-1; test vectors in RFC 4231)."""
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def pseudonym(key: bytes, entity_type: str, value: str) -> str:
    """``<ENTITY:hex>``: HMAC-SHA256 over the entity type and value, so types never share tokens.

    The token keeps 128 bits of the MAC.
    """
    message = entity_type.encode("utf-8") + b"\x00" + value.encode("utf-8", "surrogatepass")
    return f"<{entity_type}:{hmac_sha256(key, message)[:PSEUDONYM_HEX_CHARS]}>"


class Pseudonymize(Operator):
    """Keyed, repeatable pseudonyms: same key, type and value give the same token in every run."""

    def operate(self, text: str | None = None, params: dict | None = None) -> str:  # type: ignore[override]
        """The replacement for ``text``, a function of the key, the entity type and the value only."""
        params = params or {}
        return pseudonym(params["key"], params["entity_type"], text or "")

    def validate(self, params: dict | None = None) -> None:
        """Raise ValueError unless ``params["key"]`` holds at least 16 bytes."""
        key = (params or {}).get("key")
        if not isinstance(key, bytes) or len(key) < MIN_KEY_BYTES:
            raise ValueError("pseudonymize needs a key of at least 16 bytes")

    def operator_name(self) -> str:
        """The name the redaction log records."""
        return "pseudonymize"

    def operator_type(self) -> OperatorType:
        """An anonymizer (Presidio's operator kind)."""
        return OperatorType.Anonymize


class Surrogate(Operator):
    """Realistic, repeatable fakes: same key, type and value give the same surrogate in every run."""

    def operate(self, text: str | None = None, params: dict | None = None) -> str:  # type: ignore[override]
        """The replacement for ``text``, a function of the key, the entity type and the value only."""
        params = params or {}
        return surrogate(params["entity_type"], text or "", params["key"])

    def validate(self, params: dict | None = None) -> None:
        """Raise ValueError unless ``params["key"]`` holds at least 16 bytes."""
        key = (params or {}).get("key")
        if not isinstance(key, bytes) or len(key) < MIN_KEY_BYTES:
            raise ValueError("surrogate needs a key of at least 16 bytes")

    def operator_name(self) -> str:
        """The name the redaction log records."""
        return "surrogate"

    def operator_type(self) -> OperatorType:
        """An anonymizer (Presidio's operator kind)."""
        return OperatorType.Anonymize


@dataclass(frozen=True)
class _Bound:
    name: str
    operator: Operator
    params: Mapping[str, object]

    def apply(self, value: str, entity_type: str) -> str:
        params = dict(self.params, entity_type=entity_type)
        if self.name == "mask" and params.get("chars_to_mask") is None:
            params["chars_to_mask"] = len(value)
        return self.operator.operate(value, params)


class OperatorSet:
    """The operator for each entity type (falling back to ``default``), bound to its parameters."""

    def __init__(self, bound: Mapping[str, _Bound]) -> None:
        self._bound = dict(bound)

    def name_for(self, entity_type: str) -> str:
        """The operator name ``entity_type`` is replaced with (the ``default`` one if it has none)."""
        return self._bound.get(entity_type, self._bound["default"]).name

    def apply(self, value: str, entity_type: str) -> tuple[str, str]:
        """Return ``(replacement, operator name)`` for one detected value."""
        bound = self._bound.get(entity_type, self._bound["default"])
        return bound.apply(value, entity_type), bound.name


def build_operators(config: ScrublineConfig, environ: Mapping[str, str] | None = None) -> OperatorSet:
    """Bind every configured operator; pseudonymization keys are read from the environment here.

    Raises ConfigError if a key is missing or shorter than 128 bits.
    """
    environ = os.environ if environ is None else environ
    builders: dict[type, Callable[[Any], _Bound]] = {
        ReplaceOperator: lambda c: _Bound("replace", Replace(), {"new_value": c.new_value}),
        RedactOperator: lambda c: _Bound("redact", Redact(), {}),
        MaskOperator: lambda c: _Bound(
            "mask",
            Mask(),
            {"masking_char": c.masking_char, "chars_to_mask": c.chars_to_mask, "from_end": c.from_end},
        ),
        KeepOperator: lambda c: _Bound("keep", Keep(), {}),
        PseudonymizeOperator: lambda c: _Bound("pseudonymize", Pseudonymize(), {"key": _read_key(c.key_env, environ)}),
        SurrogateOperator: lambda c: _Bound("surrogate", Surrogate(), {"key": _read_key(c.key_env, environ)}),
    }
    return OperatorSet({entity: builders[type(cfg)](cfg) for entity, cfg in sorted(config.operators.items())})


def _read_key(name: str, environ: Mapping[str, str]) -> bytes:
    value = environ.get(name)
    if not value:
        raise ConfigError(f"pseudonymization key missing: environment variable {name} is not set")
    key = value.encode("utf-8")
    if len(key) < MIN_KEY_BYTES:
        raise ConfigError(f"pseudonymization key too short: {name} must hold at least {MIN_KEY_BYTES} bytes (128 bits)")
    return key
