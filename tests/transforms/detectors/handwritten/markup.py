"""Hand-written documents with their expected spans marked inline: ``⟦TYPE:value⟧``.

``TYPE`` is an entity type the engine must redact the value as (``A|B``: either), or one of the marks
``CASE`` (a case or application number of a court: an ``ID``), ``PHONE`` (a ``PHONE_NUMBER``), ``KEEP``
(nothing may be redacted there) and ``ANY`` (may go either way). A file holds documents, each after a
line ``=== id``; lines before the first document starting with ``#`` are comments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Document", "Span", "load", "parse"]

_MARK = re.compile(r"⟦([A-Z_|]+):([^⟦⟧]+)⟧")
_ALIASES = {"CASE": ("ID",), "PHONE": ("PHONE_NUMBER",)}


@dataclass(frozen=True)
class Span:
    """One marked span: its mark as written, the entity types that satisfy it, and its offsets."""

    mark: str
    types: tuple[str, ...]
    start: int
    end: int


@dataclass(frozen=True)
class Document:
    """A document's id, its text without markup and its marked spans."""

    id: str
    text: str
    spans: tuple[Span, ...]


def parse(doc_id: str, marked: str) -> Document:
    """The text of ``marked`` without markup, with the spans it marks."""
    out: list[str] = []
    spans: list[Span] = []
    position = length = 0
    for m in _MARK.finditer(marked):
        out.append(marked[position : m.start()])
        length += m.start() - position
        mark, value = m.group(1), m.group(2)
        types = _ALIASES.get(mark, tuple(mark.split("|")))
        spans.append(Span(mark, types, length, length + len(value)))
        out.append(value)
        length += len(value)
        position = m.end()
    out.append(marked[position:])
    return Document(doc_id, "".join(out), tuple(spans))


def load(path: Path) -> list[Document]:
    """Every document of a marked file, in file order."""
    docs: list[Document] = []
    doc_id, lines = None, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("=== "):
            if doc_id is not None:
                docs.append(parse(doc_id, "\n".join(lines)))
            doc_id, lines = line[4:].strip(), []
        elif doc_id is not None:
            lines.append(line)
    if doc_id is not None:
        docs.append(parse(doc_id, "\n".join(lines)))
    return docs
