"""The one shape every configured operator takes: a name for the redaction log, an operator, its parameters."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from presidio_anonymizer.operators import Operator

__all__ = ["BoundOperator"]


@dataclass(frozen=True)
class BoundOperator:
    """A Presidio ``Operator`` bound to its configured parameters, under the name the redaction log records."""

    name: str
    operator: Operator
    params: Mapping[str, object]

    def apply(self, value: str, entity_type: str) -> str:
        """The replacement for ``value``; the operator receives ``entity_type`` among its parameters."""
        return self.operator.operate(value, dict(self.params, entity_type=entity_type))
