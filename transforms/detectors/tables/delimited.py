"""Values of named columns in delimited tables: CSV and TSV exports, spreadsheet sheets, Markdown and psql tables.

A header is a line of field names separated by one delimiter (``,``, ``;``, tab or ``|``; the most frequent
one on the line wins), with or without quotes, a byte-order mark or Markdown's outer pipes, of which at
least one names personal data (``lexicon.header_kinds``). The rows under it are read as RFC 4180 records
(quoted fields may hold delimiters, doubled quotes and line breaks) until a blank line or a record with
another number of fields; a rule line under the header (Markdown's ``|---|:--:|``, psql's ``----+----``)
is skipped. A tab-separated row may have fewer fields than its header, as spreadsheet sheets drop
trailing empty cells (``readers/formats/xlsx.py`` writes a sheet as tab-separated lines).

Every header candidate is found by one RE2 pass; a candidate inside a table already read is skipped,
and a record's quoted field is bounded, so a text costs one pass however its lines look.
"""

from __future__ import annotations

import re
from collections.abc import Generator, Iterator

import re2

from transforms.detectors.tables.lexicon import FieldKind, header_kinds
from transforms.detectors.tables.values import value_span
from transforms.detectors.terms import re2_options

__all__ = ["MAX_COLUMNS", "MAX_QUOTED_CHARS", "delimited_values", "split_record"]

Found = tuple[str, int, int]

#: A header with more fields is no header of ours; a quoted field longer than this ends the table.
MAX_COLUMNS = 256
MAX_QUOTED_CHARS = 20_000

_CELL = r"(?:\p{L}[\p{L}\p{N} _.'’()#/°º*?&+-]*)"  # unbounded: counted repeats blow up RE2's DFA
_QUOTED_CELL = rf"[ \t]*(?:\"{_CELL}\"|'{_CELL}'|{_CELL})?[ \t]*"
_HEADER = re2.compile(
    rf"(?m)^\x{{FEFF}}?[ \t]*\|?{_QUOTED_CELL}(?:[,;\t|]{_QUOTED_CELL})+\|?[ \t]*\r?$",
    re2_options(),
)
_DELIMITERS = "\t;|,"  # in the order that breaks a tie of counts
_RULE = re.compile(r"[ \t|:+=-]*")


def _field_pattern(delim: str) -> re.Pattern[str]:
    blank = "[ ]*" if delim == "\t" else "[ \t]*"
    other = re.escape(delim)
    return re.compile(rf'{blank}"((?:[^"]|""){{0,{MAX_QUOTED_CHARS}}})"{blank}|([^{other}\r\n]*)')


_FIELDS = {d: _field_pattern(d) for d in _DELIMITERS}


def split_record(text: str, pos: int, delim: str) -> tuple[list[tuple[int, int]], int] | None:
    """The (start, end) of each field of the record at ``pos`` (quotes removed) and where the next record
    starts, or None when the record is malformed (text after a closing quote, more than ``MAX_COLUMNS``)."""
    pattern = _FIELDS[delim]
    spans: list[tuple[int, int]] = []
    n = len(text)
    while len(spans) < MAX_COLUMNS:
        m = pattern.match(text, pos)
        assert m is not None  # the unquoted alternative matches the empty string
        spans.append(m.span(1) if m.group(1) is not None else m.span(2))
        pos = m.end()
        if pos < n and text[pos] == delim:
            pos += 1
            continue
        if pos < n and text[pos] == "\r":
            pos += 1
        if pos >= n:
            return spans, n
        return (spans, pos + 1) if text[pos] == "\n" else None
    return None


def _delimiter(line: str) -> str:
    return max(_DELIMITERS, key=lambda d: (line.count(d), -_DELIMITERS.index(d)))


def delimited_values(text: str) -> Iterator[Found]:
    """(entity type, start, end) of every value in a named column of a delimited table."""
    done = 0
    for m in _HEADER.finditer(text):
        if m.start() < done:
            continue
        delim = _delimiter(m.group())
        start = m.start() + (1 if text.startswith("\ufeff", m.start()) else 0)
        header = split_record(text, start, delim)
        if header is None:
            continue
        spans, pos = header
        kinds = header_kinds([text[s:e].strip().strip("'") for s, e in spans])
        if any(kinds):
            done = yield from _rows(text, _skip_rule(text, pos), delim, kinds)


def _skip_rule(text: str, pos: int) -> int:
    """Where the rows start: after a rule line (``|---|---|``, ``----+----``) at ``pos``, if there is one."""
    nl = text.find("\n", pos, pos + 4 * MAX_COLUMNS)
    line = text[pos : nl if nl >= 0 else len(text)]
    if nl >= 0 and line.count("-") + line.count("=") >= 3 and _RULE.fullmatch(line.rstrip("\r")):
        return nl + 1
    return pos


def _rows(text: str, pos: int, delim: str, kinds: list[FieldKind | None]) -> Generator[Found, None, int]:
    """The values of the rows from ``pos``; returns where the table ends."""
    ragged = delim == "\t"
    while pos < len(text):
        nl = text.find("\n", pos)
        if not text[pos : nl if nl >= 0 else len(text)].strip():
            return pos
        record = split_record(text, pos, delim)
        if record is None or len(record[0]) > len(kinds) or (len(record[0]) < len(kinds) and not ragged):
            return pos
        fields, end = record
        for kind, (s, e) in zip(kinds, fields, strict=False):
            if kind is not None and (span := value_span(kind, text, s, e, strict=False)) is not None:
                yield kind.entity, *span
        pos = end
    return pos
