"""The ``surrogate`` operator: Presidio's ``Operator`` interface over ``surrogate()``, bound to its key."""

from __future__ import annotations

from presidio_anonymizer.operators import Operator, OperatorType

from transforms.operators.base import BoundOperator
from transforms.operators.keys import check_key
from transforms.operators.surrogates.dispatch import surrogate

__all__ = ["Surrogate", "bind_surrogate"]


class Surrogate(Operator):
    """Realistic, repeatable fakes: same key, type and value give the same surrogate in every run."""

    def operate(self, text: str | None = None, params: dict | None = None) -> str:  # type: ignore[override]
        """The replacement for ``text``, a function of the key, the entity type and the value only."""
        params = params or {}
        return surrogate(params["entity_type"], text or "", params["key"])

    def validate(self, params: dict | None = None) -> None:
        """Raise ValueError unless ``params["key"]`` holds at least 16 bytes."""
        check_key(params, "surrogate")

    def operator_name(self) -> str:
        """The name the redaction log records."""
        return "surrogate"

    def operator_type(self) -> OperatorType:
        """An anonymizer (Presidio's operator kind)."""
        return OperatorType.Anonymize


def bind_surrogate(key: bytes) -> BoundOperator:
    """The ``surrogate`` operator bound to ``key``."""
    return BoundOperator("surrogate", Surrogate(), {"key": key})
