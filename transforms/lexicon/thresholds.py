"""The numeric thresholds of detection, read from ``thresholds.yaml`` (one ``name: value`` a line).

A value written with a decimal point is a float and is read with ``threshold``; one without is an int
(a rank, a count, a number of characters) and is read with ``int_threshold``. The file is read and
checked once per process; an unknown name, or asking for the wrong kind, is an error, so a misspelt
name fails at import instead of silently using nothing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType

import yaml

__all__ = ["THRESHOLDS_FILE", "UnknownThresholdError", "int_threshold", "load_thresholds", "threshold"]

#: The data file of thresholds, next to this module.
THRESHOLDS_FILE = Path(__file__).with_name("thresholds.yaml")

_NAME = re.compile(r"[a-z][a-z0-9_]*")


class UnknownThresholdError(LookupError):
    """A threshold name that ``thresholds.yaml`` does not define."""


@cache
def load_thresholds() -> Mapping[str, int | float]:
    """{name: value} of ``thresholds.yaml``, read once per process, read-only.

    Raises ``ValueError`` naming the entry when the file is not a mapping of lower-case snake_case names
    to numbers (a bool or a quoted number is no number)."""
    data = yaml.safe_load(THRESHOLDS_FILE.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{THRESHOLDS_FILE.name}: expected a mapping of name: number")
    for name, value in data.items():
        if not isinstance(name, str) or _NAME.fullmatch(name) is None:
            raise ValueError(f"{THRESHOLDS_FILE.name}: {name!r} is not a snake_case name")
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"{THRESHOLDS_FILE.name}: {name}: expected a number, got {value!r}")
    return MappingProxyType(data)


def _value(name: str) -> int | float:
    values = load_thresholds()
    if name not in values:
        raise UnknownThresholdError(f"unknown threshold {name!r}; {THRESHOLDS_FILE.name} defines {sorted(values)}")
    return values[name]


def threshold(name: str) -> float:
    """The float threshold ``name`` (a Zipf frequency, a score). Raises ``UnknownThresholdError`` for a name
    the file does not define and ``TypeError`` when its value is written as an int."""
    value = _value(name)
    if not isinstance(value, float):
        raise TypeError(f"threshold {name!r} is the int {value!r}: read it with int_threshold")
    return value


def int_threshold(name: str) -> int:
    """The int threshold ``name`` (a rank, a count, a number of characters). Raises ``UnknownThresholdError``
    for a name the file does not define and ``TypeError`` when its value is written as a float."""
    value = _value(name)
    if not isinstance(value, int):
        raise TypeError(f"threshold {name!r} is the float {value!r}: read it with threshold")
    return value
