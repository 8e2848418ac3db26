"""Values after a named key: JSON and Python/PHP dictionaries, YAML, INI and env lines, form-like text.

``"dob": "1990-01-02"``, ``{"user": {"email": "a@x.io"}}``, ``- first_name: Ada``, ``birth_date=02.01.1990``,
``'Passwort' => 'x'``. The key is matched at any depth (the leaf key sits right before its value, so an
object's nesting and arrays of objects need no parsing); only a leaf value is taken: a quoted string,
or an unquoted word, number or line (up to a double quote, where a one-line object's next
key begins). A quoted key (JSON) is a field name as certain as a table header, so
its value only has to pass the table checks; after a bare key (YAML, INI, a label in prose) the value
must also have its type's usual shape (``values.value_span`` with ``strict``). The generic "name" keys
need a value of two words or more in any case: a bare ``name: Build`` is a step or a package. An
unquoted password that is code (``password = self.password``) is no value.
User names after keys are left to the context rules (``context.user_field``).
"""

from __future__ import annotations

from collections.abc import Iterator

import re2

from transforms.detectors.credential_checks import is_code_reference
from transforms.detectors.tables.lexicon import field_kind, key_pattern
from transforms.detectors.tables.values import MAX_VALUE_CHARS, value_span
from transforms.detectors.terms import re2_options

__all__ = ["keyed_values"]

Found = tuple[str, int, int]

_KEY_VALUE = re2.compile(
    rf"(?im)(?:^|[\s{{,;(\[])(?P<q>[\"']?)(?P<k>{key_pattern()})[\"']?[ \t]*(?::=|:|=>|=)[ \t]*"
    # An unquoted value is capped, so a long line's later keys are matched too; a quoted one ends at its quote.
    rf"(?:\"(?P<dq>(?:[^\"\\\n]|\\.)+)\"|'(?P<sq>[^'\n]+)'|(?P<v>[^\"'\s{{\[][^\n\"]{{0,{MAX_VALUE_CHARS}}}))",
    re2_options(),
)
_UNQUOTED_TAIL = " \t\r,;"
_CLOSERS = {"}": "{", "]": "["}


def keyed_values(text: str) -> Iterator[Found]:
    """(entity type, start, end) of every value after a key that names personal data."""
    for m in _KEY_VALUE.finditer(text):
        kind = field_kind(m.group("k"))
        if kind is None or not kind.in_keys or kind.entity == "USERNAME":
            continue
        s, e = _value_bounds(text, m)
        if kind.generic and " " not in text[s:e].strip():
            continue
        if kind.check == "password" and m.group("v") is not None and is_code_reference(text[s:e].strip()):
            continue  # password = self.password, getpass.getpass(), config["db"]: code, not a literal
        strict = kind.generic or not m.group("q")
        span = value_span(kind, text, s, e, strict=strict)
        if span is not None:
            yield kind.entity, *span


def _value_bounds(text: str, m: re2._Match) -> tuple[int, int]:
    """Where the value of a key match is: inside its quotes, or an unquoted value without what follows it
    (the rest of a JSON object after a quoted key; trailing separators after a bare one)."""
    for group in ("dq", "sq"):
        if m.group(group) is not None:
            return m.span(_KEY_VALUE.groupindex[group])
    s, e = m.span(_KEY_VALUE.groupindex["v"])
    if m.group("q"):
        cut = [i for i in (text.find(c, s, e) for c in ",}]") if i >= 0]
        e = min(cut, default=e)
    return s, s + len(_without_tail(text[s:e]))


def _without_tail(value: str) -> str:
    """The value without trailing blanks and separators, and without the ``}`` or ``]`` that close an
    enclosing object or array (one that opens nothing inside the value: ``#{DB_PASS}`` keeps its brace)."""
    value = value.rstrip(_UNQUOTED_TAIL)
    while value and value[-1] in _CLOSERS and value.count(_CLOSERS[value[-1]]) < value.count(value[-1]):
        value = value[:-1].rstrip(_UNQUOTED_TAIL)
    return value
