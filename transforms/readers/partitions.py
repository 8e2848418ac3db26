"""Hive-style partition keys in input paths (``uploads/date=2024-01-01/region=eu/part-0.parquet``).

A directory of a file's path relative to its input argument (zip member folders too) that reads
``key=value`` gives ``key`` the value ``value`` for every record of the file, when ``key`` is a kept
field (``input.keep_fields``) the record itself does not hold. Keys and values are percent-decoded
as Hive and Spark write them; ``__HIVE_DEFAULT_PARTITION__`` is null; when a key occurs twice the
innermost directory wins. Values are strings unless ``input.partition_types`` names another type.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote

import pyarrow as pa

from transforms.config import InputConfig

__all__ = ["HIVE_NULL", "PartitionValueError", "partition_values"]

HIVE_NULL = "__HIVE_DEFAULT_PARTITION__"
_INTEGER = re.compile(r"[+-]?[0-9]+")


class PartitionValueError(ValueError):
    """A partition value that is not of the type ``input.partition_types`` names (the record is
    quarantined as ``invalid_record``, ``InvalidPartitionValue``)."""


def _int64(text: str) -> int:
    value = int(text) if _INTEGER.fullmatch(text) else None
    if value is None or not -(2**63) <= value < 2**63:
        raise PartitionValueError("not an int64")
    return value


def _double(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise PartitionValueError("not a finite number")
    return value


def _bool(text: str) -> bool:
    lowered = text.lower()
    if lowered not in ("true", "false"):
        raise PartitionValueError("not true or false")
    return lowered == "true"


def _timestamp(text: str) -> datetime.datetime:
    value = datetime.datetime.fromisoformat(text)
    if value.tzinfo is not None:  # one column type for every file: UTC, without a zone
        value = value.astimezone(datetime.timezone.utc).replace(tzinfo=None)
    return value


_PARSERS: dict[str, tuple[Callable[[str], Any], pa.DataType]] = {
    "string": (str, pa.string()),
    "int64": (_int64, pa.int64()),
    "double": (_double, pa.float64()),
    "bool": (_bool, pa.bool_()),
    "date": (datetime.date.fromisoformat, pa.date32()),
    "timestamp": (_timestamp, pa.timestamp("us")),
}


def _raw_values(relpath: str) -> dict[str, str | None]:
    """``key -> value`` of every ``key=value`` directory in ``relpath``, innermost last."""
    found: dict[str, str | None] = {}
    for segment in relpath.split("/")[:-1]:
        key, sep, value = segment.partition("=")
        if sep and key:
            found[unquote(key)] = None if value == HIVE_NULL else unquote(value)
    return found


def partition_values(relpath: str, cfg: InputConfig) -> dict[str, tuple[Any, pa.DataType]]:
    """The kept partition keys of a file at ``relpath``: ``key -> (value, Arrow type)``.

    Raises ``PartitionValueError`` when a value is not of its configured type.
    """
    kept = set(cfg.keep_fields)
    out: dict[str, tuple[Any, pa.DataType]] = {}
    for key, text in _raw_values(relpath).items():
        if key not in kept:
            continue
        parse, arrow_type = _PARSERS[cfg.partition_types.get(key, "string")]
        if text is None:
            out[key] = (None, arrow_type)
            continue
        try:
            out[key] = (parse(text), arrow_type)
        except ValueError as exc:  # fromisoformat, float(): the value is not of that type
            raise PartitionValueError(type(exc).__name__) from None
    return out
