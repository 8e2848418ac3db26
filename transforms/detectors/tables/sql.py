r"""Values of named columns in SQL dumps and scripts.

* ``INSERT INTO t (a, b) VALUES (...), (...)``, or ``INSERT INTO t VALUES ...`` with the columns taken from
  an earlier ``CREATE TABLE t (...)`` in the same text (the shape of ``mysqldump`` and ``pg_dump --inserts``);
* ``COPY t (a, b) FROM stdin;`` and its tab-separated rows up to ``\.`` (``pg_dump``'s default).

Quoted values are checked against their column's kind; a bare token (a number) only in a column of
identifiers or phone numbers, where dumps write them unquoted. Each statement is read once, from its
keyword to its end, so a dump costs one pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import re2

from transforms.detectors.tables.lexicon import FieldKind, header_kinds
from transforms.detectors.tables.values import value_span
from transforms.detectors.terms import re2_options

__all__ = ["sql_values"]

Found = tuple[str, int, int]

_IDENT = r"[`\"\[]?(?P<table>[A-Za-z_][\w$]*)[`\"\]]?"
_SCHEMA = r"(?:[`\"\[]?\w+[`\"\]]?\.)?"
_CREATE = re2.compile(
    rf"(?i)\bCREATE[ \t]+(?:TEMPORARY[ \t]+)?TABLE[ \t]+(?:IF[ \t]+NOT[ \t]+EXISTS[ \t]+)?{_SCHEMA}{_IDENT}[ \t]*\(",
    re2_options(),
)
_INSERT = re2.compile(
    rf"(?i)\bINSERT[ \t]+(?:IGNORE[ \t]+)?INTO[ \t]+{_SCHEMA}{_IDENT}[ \t]*(?:\((?P<cols>[^()]+)\))?\s*VALUES\s*",
    re2_options(),
)
_COPY = re2.compile(
    rf"(?i)\bCOPY[ \t]+{_SCHEMA}{_IDENT}[ \t]*\((?P<cols>[^()]+)\)[ \t]+FROM[ \t]+stdin[^\n]*\n",
    re2_options(),
)
_KEYWORDS = re2.compile(r"(?i)\b(?:INSERT|COPY)[ \t]", re2_options())
# Tokens of a VALUES list: quoted strings (with '' and backslash escapes), brackets, commas, bare words.
_SQL_TOKEN = re.compile(r"'(?:[^'\\]|\\.|'')*'|\"(?:[^\"\\]|\\.)*\"|[(),;]|[^\s(),;'\"]+")
_COLUMN_SKIP = frozenset({"primary", "key", "unique", "constraint", "index", "foreign", "check", "fulltext", "spatial"})
# Kinds whose values dumps write as bare numbers.
_BARE_CHECKS = frozenset({"number", "phone", "postcode", "date"})
_MAX_CREATE_CHARS = 20_000
_PUNCTUATION = frozenset("(),;")


def _create_columns(text: str, start: int) -> list[str]:
    """Column names of the CREATE TABLE whose opening bracket ends at ``start``."""
    depth, item_start, columns = 1, start, []
    i = start
    limit = min(len(text), start + _MAX_CREATE_CHARS)
    while i < limit and depth:
        c = text[i]
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        if (c == "," and depth == 1) or depth == 0:
            item = text[item_start:i].strip()
            name = item.split(None, 1)[0].strip('`"[]') if item else ""
            if name and name.casefold() not in _COLUMN_SKIP:
                columns.append(name)
            item_start = i + 1
        i += 1
    return columns


def _column_names(cols: str) -> list[str]:
    return [c.strip().strip('`"[]') for c in cols.split(",")]


def sql_values(text: str) -> Iterator[Found]:
    """(entity type, start, end) of the values of named columns in INSERT statements and COPY blocks."""
    if _KEYWORDS.search(text) is None:
        return
    tables: dict[str, list[str]] = {}
    for m in _CREATE.finditer(text):
        tables[m.group("table").casefold()] = _create_columns(text, m.end())
    done = 0  # statements are read once: a match inside one already read is skipped
    for m in _INSERT.finditer(text):
        cols = m.group("cols")
        columns = _column_names(cols) if cols else tables.get(m.group("table").casefold())
        kinds = header_kinds(columns) if columns else []
        if m.start() >= done and any(kinds):
            found, done = _insert_rows(text, m.end(), kinds)
            yield from found
    done = 0
    for m in _COPY.finditer(text):
        kinds = header_kinds(_column_names(m.group("cols")))
        if m.start() >= done and any(kinds):
            found, done = _copy_rows(text, m.end(), kinds)
            yield from found


def _sql_step(token: str, depth: int, index: int) -> tuple[int, int] | None:
    """The (parenthesis depth, column index) after ``token`` of a VALUES list; None once the list has ended."""
    if token == ";" and depth == 0:
        return None
    if token == "(":
        return depth + 1, 0 if depth == 0 else index
    if token == ")":
        return (depth - 1, index) if depth > 0 else None
    if token == ",":
        return depth, index + 1 if depth == 1 else index
    if depth == 0:
        return None  # the VALUES list has ended
    return depth, index


def _token_span(kind: FieldKind, text: str, start: int, end: int) -> tuple[int, int] | None:
    if text[start] in "'\"":
        return value_span(kind, text, start + 1, end - 1, strict=False)
    if kind.check in _BARE_CHECKS:
        return value_span(kind, text, start, end, strict=False)
    return None


def _insert_rows(text: str, pos: int, kinds: list[FieldKind | None]) -> tuple[list[Found], int]:
    """The values of a VALUES list starting at ``pos``, and where the list ends."""
    found: list[Found] = []
    depth = 0
    index = 0
    for tok in _SQL_TOKEN.finditer(text, pos):
        t = tok.group()
        state = _sql_step(t, depth, index)
        if state is None:
            return found, tok.start()
        depth, index = state
        kind = kinds[index] if depth == 1 and t not in _PUNCTUATION and index < len(kinds) else None
        if kind is not None:
            span = _token_span(kind, text, tok.start(), tok.end())
            if span is not None:
                found.append((kind.entity, *span))
    return found, len(text)


def _copy_rows(text: str, pos: int, kinds: list[FieldKind | None]) -> tuple[list[Found], int]:
    r"""The values of a COPY block's tab-separated rows (``\N`` is NULL), and where its ``\.`` line ends."""
    found: list[Found] = []
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        line_end = n if nl < 0 else nl
        if text.startswith("\\.", pos) and text[pos + 2 : line_end].strip() == "":
            return found, line_end
        found.extend(_copy_line(text, pos, line_end, kinds))
        pos = line_end + 1
    return found, n


def _copy_line(text: str, pos: int, line_end: int, kinds: list[FieldKind | None]) -> Iterator[Found]:
    cell = pos
    for kind in kinds:
        tab = text.find("\t", cell, line_end)
        cell_end = line_end if tab < 0 else tab
        if kind is not None and text[cell:cell_end] != "\\N":
            span = value_span(kind, text, cell, cell_end, strict=False)
            if span is not None:
                yield kind.entity, *span
        if tab < 0:
            return
        cell = tab + 1
