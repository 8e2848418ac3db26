"""Values in named fields of structured text: SQL dumps, CSV/TSV exports and key-value lines.

A value is only as sensitive as its field: ``'1986-12-21'`` is a date of birth in a ``dob`` column and
an order date elsewhere, ``'kelechi_a'`` a user name in a ``username`` column. This module maps field
names to entity types (``FIELD_ENTITIES``) and finds the values of those fields:

* SQL: ``INSERT INTO t (a, b) VALUES (...), (...)``, or ``INSERT INTO t VALUES ...`` with the columns
  taken from an earlier ``CREATE TABLE t (...)`` in the same text (the shape of ``mysqldump`` and
  ``pg_dump --inserts`` output);
* delimited exports: a header line of field names (``,``, ``;``, tab or ``|``) and the rows under it;
* key-value lines: ``"dob": "1990-01-02"``, ``first_name: Ada``, ``birth_date=02.01.1990``.

Each value must also have the entity's shape (a date for DATE_OF_BIRTH, letters for a name, a token
for a user name), so a ``NULL`` or a number in a name column is left alone. Everything runs on RE2
patterns compiled once; the per-row work only happens inside an ``INSERT`` statement or a table that
has a recognised header.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import re2

from transforms.detectors.terms import re2_options
from transforms.lexicon.vocabulary import is_ordinary_vocabulary

__all__ = ["FIELD_ENTITIES", "field_entity", "find_field_values"]

# Field names ("_" stands for any of "_", "-", ".", a space or nothing) and the entity their values are.
_FIELDS: dict[str, list[str]] = {
    "PERSON": (
        "name first_name last_name surname full_name given_name family_name middle_name forename forenames "
        "employee employee_name customer_name contact_name person_name patient_name client_name display_name "
        "author_name owner_name holder_name card_holder card_holder_name account_holder name_on_card "
        "emergency_contact next_of_kin spouse spouse_name maiden_name fname lname"
    ).split(),
    "DATE_OF_BIRTH": "dob d_o_b date_of_birth birth_date birthdate birthday born born_on birth_dt".split(),
    "STREET_ADDRESS": (
        "address street street_address address1 address2 address_line1 address_line2 address_line_1 "
        "address_line_2 addr home_address postal_address mailing_address shipping_address billing_address "
        "residential_address"
    ).split(),
    "USERNAME": "username user_name user login login_name handle screen_name nickname user_id account_name".split(),
    "ORGANIZATION": "company company_name organisation organization org employer employer_name org_name".split(),
}


def _normal(field: str) -> str:
    return re.sub(r"[\s_.\-`\"'\[\]]", "", field).casefold()


FIELD_ENTITIES: dict[str, str] = {_normal(name): entity for entity, names in _FIELDS.items() for name in names}

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = re2.compile(
    rf"(?i)(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:\d{{4}}|\d{{2}})|\d{{4}}[/.-]\d{{1,2}}[/.-]\d{{1,2}}|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
    rf"\d{{1,2}}[- ]{_MONTH}[- ](?:\d{{4}}|\d{{2}})|(?:19|20)\d{{6}})\b",
    re2_options(),
)
_PERSON = re2.compile(
    r"\p{Lu}[\p{L}'’.-]*(?:,?[ \t]+(?:\p{Lu}[\p{L}'’.-]*|(?:van|von|de|da|del|der|di|le|la|bin|al|ben))){0,4}",
    re2_options(),
)
_USER = re2.compile(r"@?[A-Za-z0-9][A-Za-z0-9._@-]{0,63}", re2_options())
_NOT_A_VALUE = frozenset({"null", "none", "n/a", "na", "-", "true", "false", "unknown", "default", "test"})


def field_entity(field: str) -> str | None:
    """The entity type of values in a field of this name, or None."""
    return FIELD_ENTITIES.get(_normal(field))


def _value_span(entity: str, text: str, start: int, end: int) -> tuple[int, int] | None:
    """The part of ``text[start:end]`` (one field's value) that is the entity, or None."""
    value = text[start:end]
    stripped = value.strip()
    if not stripped or stripped.casefold() in _NOT_A_VALUE or len(stripped) > 200:
        return None
    start += len(value) - len(value.lstrip())
    end = start + len(stripped)
    if entity == "DATE_OF_BIRTH":
        m = _DATE.match(stripped)
        return (start, start + m.end()) if m else None
    if entity == "PERSON":
        ok = _PERSON.fullmatch(stripped) is not None and not is_ordinary_vocabulary(stripped)
        return (start, end) if ok else None
    if entity == "USERNAME":
        return (start, end) if _USER.fullmatch(stripped) and not stripped.isdigit() else None
    if entity == "STREET_ADDRESS":
        ok = any(c.isalpha() for c in stripped) and any(c.isdigit() for c in stripped) and "@" not in stripped
        return (start, end) if ok and "://" not in stripped else None
    # ORGANIZATION
    ok = stripped[0].isupper() or stripped[0].isdigit()
    return (start, end) if ok and len(stripped) <= 100 and not is_ordinary_vocabulary(stripped) else None


# ---------------------------------------------------------------------------------------------- SQL

_IDENT = r"[`\"\[]?(?P<table>[A-Za-z_][\w$]*)[`\"\]]?"
_CREATE = re2.compile(
    rf"(?i)\bCREATE[ \t]+(?:TEMPORARY[ \t]+)?TABLE[ \t]+(?:IF[ \t]+NOT[ \t]+EXISTS[ \t]+)?(?:[`\"\[]?\w+[`\"\]]?\.)?"
    rf"{_IDENT}[ \t]*\(",
    re2_options(),
)
_INSERT = re2.compile(
    rf"(?i)\bINSERT[ \t]+(?:IGNORE[ \t]+)?INTO[ \t]+(?:[`\"\[]?\w+[`\"\]]?\.)?{_IDENT}[ \t]*"
    r"(?:\((?P<cols>[^()]+)\))?\s*VALUES\s*",
    re2_options(),
)
# Tokens of a VALUES list: quoted strings (with '' and backslash escapes), brackets, commas, bare words.
_SQL_TOKEN = re.compile(r"'(?:[^'\\]|\\.|'')*'|\"(?:[^\"\\]|\\.)*\"|[(),;]|[^\s(),;'\"]+")
_COLUMN_SKIP = frozenset({"primary", "key", "unique", "constraint", "index", "foreign", "check", "fulltext", "spatial"})


def _create_columns(text: str, start: int) -> list[str]:
    """Column names of the CREATE TABLE whose opening bracket ends at ``start``."""
    depth, item_start, columns = 1, start, []
    i = start
    limit = min(len(text), start + 20_000)
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


def _sql_values(text: str) -> Iterator[tuple[str, int, int]]:
    if "INSERT" not in text.upper():
        return
    tables: dict[str, list[str]] = {}
    for m in _CREATE.finditer(text):
        tables[m.group("table").casefold()] = _create_columns(text, m.end())
    for m in _INSERT.finditer(text):
        cols = m.group("cols")
        columns = (
            [c.strip().strip('`"[]') for c in cols.split(",")] if cols else tables.get(m.group("table").casefold())
        )
        if not columns:
            continue
        entities = [field_entity(c) for c in columns]
        if not any(entities):
            continue
        yield from _rows(text, m.end(), entities)


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


def _rows(text: str, pos: int, entities: list[str | None]) -> Iterator[tuple[str, int, int]]:
    depth = 0
    index = 0
    for tok in _SQL_TOKEN.finditer(text, pos):
        t = tok.group()
        state = _sql_step(t, depth, index)
        if state is None:
            return
        depth, index = state
        entity = entities[index] if depth == 1 and t[0] in "'\"" and index < len(entities) else None
        if entity is not None:
            span = _value_span(entity, text, tok.start() + 1, tok.end() - 1)
            if span is not None:
                yield entity, *span


# ------------------------------------------------------------------------------- delimited exports

_HEADER = re2.compile(
    r"(?m)^[ \t]*[\"']?[A-Za-z][\w .-]{0,40}[\"']?(?:[ \t]*(?P<d>[,;\t|])[ \t]*[\"']?[A-Za-z][\w .-]{0,40}[\"']?)+"
    r"[ \t]*\r?$",
    re2_options(),
)


def _split(line: str, delim: str) -> list[tuple[int, int]]:
    """(start, end) of each field's value in a delimited line, quotes removed."""
    out = []
    i, n = 0, len(line)
    while i <= n:
        while i < n and line[i] in " \t" and line[i] != delim:
            i += 1
        if i < n and line[i] == '"':
            j = i + 1
            while j < n and not (line[j] == '"' and (j + 1 >= n or line[j + 1] != '"')):
                j += 2 if line[j] == '"' else 1
            out.append((i + 1, min(j, n)))
            k = line.find(delim, j)
        else:
            k = line.find(delim, i)
            end = n if k < 0 else k
            out.append((i, len(line[:end].rstrip())))
        if k < 0:
            break
        i = k + 1
    return out


def _table_values(text: str) -> Iterator[tuple[str, int, int]]:
    for m in _HEADER.finditer(text):
        delim = m.group("d")
        header = m.group().strip()
        names = [text_field.strip().strip("\"'") for text_field in header.split(delim)]
        entities = [field_entity(n) for n in names]
        if not any(entities):
            continue
        pos = m.end() + 1
        while pos < len(text):
            nl = text.find("\n", pos)
            line_end = len(text) if nl < 0 else nl
            line = text[pos:line_end].rstrip("\r")
            if not line.strip():
                break
            fields = _split(line, delim)
            if len(fields) != len(names):
                break
            for entity, (s, e) in zip(entities, fields, strict=True):
                if entity is None:
                    continue
                span = _value_span(entity, text, pos + s, pos + e)
                if span is not None:
                    yield entity, *span
            if nl < 0:
                break
            pos = nl + 1


# ------------------------------------------------------------------------------------- key: value

_KEYS = "|".join(
    sorted({name.replace("_", "[ _.-]?") for names in _FIELDS.values() for name in names}, key=len, reverse=True)
)
_KEY_VALUE = re2.compile(
    rf"(?im)(?:^|[\s{{,;(])[\"']?(?P<k>{_KEYS})[\"']?[ \t]*(?::|=>|=)[ \t]*"
    rf"(?:[\"'](?P<qv>[^\"'\n]{{1,200}})[\"']|(?P<v>[^\"'\s][^\n]{{0,200}}))",
    re2_options(),
)


def _key_values(text: str) -> Iterator[tuple[str, int, int]]:
    for m in _KEY_VALUE.finditer(text):
        entity = field_entity(m.group("k"))
        if entity is None or entity == "USERNAME":  # user names after keys: context.user_field
            continue
        group = "qv" if m.group("qv") is not None else "v"
        s, e = m.span(_KEY_VALUE.groupindex[group])
        if group == "v":  # an unquoted value runs to the end of the line, less trailing separators
            e = s + len(text[s:e].rstrip(" \t\r,;}]"))
        if entity == "PERSON" and _normal(m.group("k")) == "name" and " " not in text[s:e].strip():
            continue  # a bare "name: Build" is more often a step or a package than a person
        span = _value_span(entity, text, s, e)
        if span is not None:
            yield entity, *span


def find_field_values(text: str) -> list[tuple[str, int, int]]:
    """(entity type, start, end) of every value of a recognised field, sorted and without duplicates."""
    found = {*_sql_values(text), *_table_values(text), *_key_values(text)}
    return sorted(found, key=lambda x: (x[1], x[2], x[0]))
