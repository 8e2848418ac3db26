"""Operator sets built from an ``operators`` config section, shared by the operator family tests."""

from __future__ import annotations

from transforms.config import parse_config
from transforms.operators import OperatorSet, build_operators

KEY = "k" * 32


def operators(spec: dict) -> OperatorSet:
    """``build_operators`` over ``{"operators": spec}`` with ``KEY`` in ``SCRUB_KEY``."""
    return build_operators(parse_config({"operators": spec}), {"SCRUB_KEY": KEY})
