"""Operators: how a detected value is replaced. Presidio-anonymizer's operators plus two keyed ones.

One module per operator family, and the factory apart from them:

* ``standard``: ``replace``, ``redact``, ``mask`` and ``keep``, presidio-anonymizer's own ``Operator``
  classes bound to their configured parameters.
* ``pseudonymize``: ``Pseudonymize``, keyed ``<ENTITY:hex>`` tokens (Presidio's ``hash`` salts randomly
  per entity and its ``encrypt`` uses a random IV: neither is repeatable across runs).
* ``surrogates/``: ``Surrogate``, a realistic fake of the same kind instead of a token, drawn from the
  same kind of keyed HMAC (the generators, one module per kind of value, are in that package).
* ``keys``: the keyed operators' keys, read from the environment; ``base``: ``BoundOperator``, the shape
  every configured operator takes.
* ``registry``: ``build_operators``, from the config's ``operators`` section to an ``OperatorSet``.
"""

from __future__ import annotations

from transforms.operators.pseudonymize import PSEUDONYM_HEX_CHARS, Pseudonymize, hmac_sha256, pseudonym
from transforms.operators.registry import OperatorSet, build_operators
from transforms.operators.surrogates import Surrogate

__all__ = [
    "PSEUDONYM_HEX_CHARS",
    "OperatorSet",
    "Pseudonymize",
    "Surrogate",
    "build_operators",
    "hmac_sha256",
    "pseudonym",
]
