"""The ``pseudonymize`` operator: keyed, repeatable ``<ENTITY:hex>`` tokens from HMAC-SHA256.

Presidio's ``hash`` salts randomly per entity and its ``encrypt`` uses a random IV: neither is
repeatable across runs, hence this operator.
"""

from __future__ import annotations

import hashlib
import hmac

from presidio_anonymizer.operators import Operator, OperatorType

from transforms.operators.base import BoundOperator
from transforms.operators.keys import check_key

__all__ = ["PSEUDONYM_HEX_CHARS", "Pseudonymize", "bind_pseudonymize", "hmac_sha256", "pseudonym"]

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
        check_key(params, "pseudonymize")

    def operator_name(self) -> str:
        """The name the redaction log records."""
        return "pseudonymize"

    def operator_type(self) -> OperatorType:
        """An anonymizer (Presidio's operator kind)."""
        return OperatorType.Anonymize


def bind_pseudonymize(key: bytes) -> BoundOperator:
    """The ``pseudonymize`` operator bound to ``key``."""
    return BoundOperator("pseudonymize", Pseudonymize(), {"key": key})
