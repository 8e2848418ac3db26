"""Values of named fields in structured text: tables, SQL dumps, JSON, YAML and key-value lines.

A value is only as sensitive as its field: ``'1986-12-21'`` is a date of birth in a ``dob`` column and an
order date elsewhere, ``'kelechi_a'`` a user name in a ``username`` column, anything at all a password in
a ``password`` column. The field-name lexicon (``lexicon``, ``field_names.yaml``) maps column headers and
keys in eight languages to entity types; one module per syntax finds the values of those fields:

* ``delimited``: CSV/TSV exports, spreadsheet sheets, Markdown and psql tables;
* ``aligned``: text tables whose columns are separated by runs of spaces;
* ``sql``: INSERT with or without a column list (after CREATE TABLE), COPY ... FROM stdin;
* ``keyed``: JSON, YAML, INI and env keys at any depth, and ``Label: value`` lines.

Each value passes its type's check (``values``): placeholders, empty cells, masks and references are
left alone. Every module scans a text in one pass with RE2 and reads each table or statement once.
"""

from __future__ import annotations

from transforms.detectors.tables.aligned import aligned_values
from transforms.detectors.tables.delimited import delimited_values
from transforms.detectors.tables.keyed import keyed_values
from transforms.detectors.tables.lexicon import FIELD_ENTITIES, field_entity
from transforms.detectors.tables.sql import sql_values

__all__ = ["FIELD_ENTITIES", "field_entity", "find_field_values"]


def find_field_values(text: str) -> list[tuple[str, int, int]]:
    """(entity type, start, end) of every value of a recognised field, sorted and without duplicates."""
    found = {*sql_values(text), *delimited_values(text), *aligned_values(text), *keyed_values(text)}
    return sorted(found, key=lambda x: (x[1], x[2], x[0]))
