"""Values of named columns in aligned text tables: columns separated by two or more spaces.

The header is a line of field names (one to eight words each) separated by runs of two or more spaces, of
which at least one names personal data; a rule line of dashes or equals signs under it is skipped. A row is
a line whose every cell (a run of words separated by single spaces) starts where a header column starts
or ends where it ends (left- and right-aligned columns), one cell per column at most; empty cells are
allowed. The table ends at the first line that is not such a row (a blank line, prose, a tab).

Header candidates come from one RE2 pass; a candidate inside a table already read is skipped and lines
longer than ``MAX_LINE_CHARS`` end a table, so a text costs one pass.
"""

from __future__ import annotations

import re
from collections.abc import Generator, Iterator

import re2

from transforms.detectors.tables.lexicon import FieldKind, header_kinds
from transforms.detectors.tables.values import value_span
from transforms.detectors.terms import re2_options

__all__ = ["MAX_LINE_CHARS", "aligned_values"]

Found = tuple[str, int, int]
Column = tuple[int, int]

#: A longer line is no row of an aligned table.
MAX_LINE_CHARS = 4096

_WORD = r"[\p{L}\p{N}_.'’()#/°º*?&+-]+"
_CELL = rf"\p{{L}}[\p{{L}}\p{{N}}_.'’()#/°º*?&+-]*(?: {_WORD}){{0,7}}"
_HEADER = re2.compile(rf"(?m)^[ ]*{_CELL}(?:[ ]{{2,}}{_CELL})+[ ]*\r?$", re2_options())
_CHUNK = re.compile(r"\S+(?: \S+)*")
_RULE = re.compile(r"[ \t=-]*")
_SLACK = 1  # characters a cell may sit off its column's edge


def aligned_values(text: str) -> Iterator[Found]:
    """(entity type, start, end) of every value in a named column of an aligned text table."""
    done = 0
    for m in _HEADER.finditer(text):
        if m.start() < done:
            continue
        line = m.group().rstrip("\r")
        cells = [(c.start(), c.end()) for c in _CHUNK.finditer(line)]
        kinds = header_kinds([line[s:e] for s, e in cells])
        if any(kinds):
            done = yield from _rows(text, _skip_rule(text, m.end() + 1), cells, kinds)


def _line(text: str, pos: int) -> tuple[str, int]:
    """The line at ``pos`` (without its line break) and where the next one starts."""
    nl = text.find("\n", pos, pos + MAX_LINE_CHARS + 2)
    end = nl if nl >= 0 else min(len(text), pos + MAX_LINE_CHARS + 1)
    return text[pos:end].rstrip("\r"), end + 1


def _skip_rule(text: str, pos: int) -> int:
    line, nxt = _line(text, pos)
    return nxt if line.count("-") + line.count("=") >= 3 and _RULE.fullmatch(line) else pos


def _column_of(cell: Column, columns: list[Column]) -> int | None:
    """The column a cell sits in: the one whose start or end it shares (within ``_SLACK``)."""
    for i, (start, end) in enumerate(columns):
        if abs(cell[0] - start) <= _SLACK or abs(cell[1] - end) <= _SLACK:
            return i
    return None


def _cells(line: str, columns: list[Column]) -> dict[int, Column] | None:
    """The cells of a row by column, or None when the line is no row of this table."""
    if "\t" in line or len(line) > MAX_LINE_CHARS or not line.strip():
        return None
    cells: dict[int, Column] = {}
    for chunk in _CHUNK.finditer(line):
        i = _column_of((chunk.start(), chunk.end()), columns)
        if i is None or i in cells:
            return None
        cells[i] = (chunk.start(), chunk.end())
    return cells


def _rows(text: str, pos: int, columns: list[Column], kinds: list[FieldKind | None]) -> Generator[Found, None, int]:
    """The values of the rows from ``pos``; returns where the table ends."""
    while pos < len(text):
        line, nxt = _line(text, pos)
        cells = _cells(line, columns)
        if cells is None:
            return pos
        for i, (s, e) in cells.items():
            kind = kinds[i]
            if kind is not None and (span := value_span(kind, text, pos + s, pos + e, strict=False)) is not None:
                yield kind.entity, *span
        pos = nxt
    return pos
