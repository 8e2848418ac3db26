"""``replace``, ``redact``, ``mask`` and ``keep``: presidio-anonymizer's own operators, bound to their config."""

from __future__ import annotations

from presidio_anonymizer.operators import Keep, Mask, Redact, Replace

from transforms.config import KeepOperator, MaskOperator, RedactOperator, ReplaceOperator
from transforms.operators.base import BoundOperator

__all__ = ["WholeValueMask", "bind_keep", "bind_mask", "bind_redact", "bind_replace"]


class WholeValueMask(Mask):
    """Presidio's ``mask``, masking every character when ``chars_to_mask`` is not configured."""

    def operate(self, text: str | None = None, params: dict | None = None) -> str:
        """``text`` with ``chars_to_mask`` characters (all of them by default) replaced by ``masking_char``."""
        params = dict(params or {})
        if params.get("chars_to_mask") is None:
            params["chars_to_mask"] = len(text or "")
        return super().operate(text, params)


def bind_replace(config: ReplaceOperator) -> BoundOperator:
    """``replace``: the configured ``new_value`` (Presidio's default ``<ENTITY_TYPE>`` when unset)."""
    return BoundOperator("replace", Replace(), {"new_value": config.new_value})


def bind_redact(config: RedactOperator) -> BoundOperator:
    """``redact``: the empty string."""
    return BoundOperator("redact", Redact(), {})


def bind_mask(config: MaskOperator) -> BoundOperator:
    """``mask``: ``masking_char`` over ``chars_to_mask`` characters, from the start or ``from_end``."""
    params = {"masking_char": config.masking_char, "chars_to_mask": config.chars_to_mask, "from_end": config.from_end}
    return BoundOperator("mask", WholeValueMask(), params)


def bind_keep(config: KeepOperator) -> BoundOperator:
    """``keep``: the value itself (logged, not replaced)."""
    return BoundOperator("keep", Keep(), {})
