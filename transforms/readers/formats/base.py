"""What every format extractor shares: the failure guard and the text layout helpers.

An extractor is a pure function ``(bytes, LimitsConfig) -> str``: the same bytes give the same text
whatever the locale, time zone, dict order or library logging setup. Text is laid out as blocks
separated by one blank line; a labelled block starts with its label on a line of its own
(``Comments:``), and empty blocks and empty properties are left out.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from typing import Any

from transforms.config import LimitsConfig
from transforms.readers.errors import CorruptDocument, DocumentError

__all__ = ["Extractor", "guarded", "join_blocks", "natural_key", "property_lines", "section"]

Extractor = Callable[[bytes, LimitsConfig], str]


def guarded(extract: Extractor) -> Extractor:
    """Turn any library failure into ``CorruptDocument(<exception class name>)``, message discarded.

    ``DocumentError`` and ``MemoryError`` propagate unchanged.
    """

    @functools.wraps(extract)
    def run(data: bytes, limits: LimitsConfig) -> str:
        try:
            return extract(data, limits)
        except (DocumentError, MemoryError):
            raise
        except Exception as exc:  # library failures on bad content; only the class name survives
            raise CorruptDocument(type(exc).__name__) from None

    return run


def join_blocks(*parts: str) -> str:
    """The non-empty ``parts``, separated by one blank line."""
    return "\n\n".join(b for b in parts if b)


def section(label: str, lines: Iterable[str]) -> str:
    """``label:`` on a line of its own, then the non-empty ``lines``; empty when there are none."""
    body = [line for line in lines if line]
    return "\n".join([f"{label}:", *body]) if body else ""


def property_lines(pairs: Iterable[tuple[str, Any]]) -> str:
    """One ``Label: value`` line per pair whose value is a string with text (stripped); others dropped."""
    return "\n".join(f"{label}: {value.strip()}" for label, value in pairs if isinstance(value, str) and value.strip())


def natural_key(name: str) -> list[Any]:
    """A sort key that orders embedded numbers by value (``header2`` before ``header10``)."""
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", name)]
