"""The field-name lexicon: which column headers and keys name personal data, and what type it is.

The names are data (``field_names.yaml``, per entity type and language). A name is looked up by its
normal form (case, accents and every character but letters and digits dropped), so the spellings of one
name in headers and keys (``date_of_birth``, ``DateOfBirth``, ``Date of birth``, ``DATE-OF-BIRTH``) are one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

__all__ = [
    "FIELD_ENTITIES",
    "PEOPLE_TYPES",
    "FieldKind",
    "field_entity",
    "field_kind",
    "header_kinds",
    "key_pattern",
    "normal",
]

_FOLD = str.maketrans({"ß": "ss", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ı": "i"})


@dataclass(frozen=True)
class FieldKind:
    """What a field's values are: an entity type, the value check they must pass (``values.CHECKS``),
    whether the name is a generic "name" (a person only beside another personal column) and whether it
    counts as a key in free text (``in_keys``) or only as a table's column header."""

    entity: str
    check: str
    generic: bool = False
    in_keys: bool = True


def normal(name: str) -> str:
    """The lookup form of a field name: case-folded, accents dropped, letters and digits only."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_FOLD).casefold())
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c))


def _load() -> tuple[dict[str, FieldKind], list[str]]:
    data = yaml.safe_load((Path(__file__).with_name("field_names.yaml")).read_text(encoding="utf-8"))
    header_only = {normal(n) for n in data["header_only"]}
    kinds: dict[str, FieldKind] = {}
    raw: list[str] = []
    for name in data["generic_person"]:
        kinds[normal(name)] = FieldKind("PERSON", "person", generic=True)
        raw.append(name)
    for group in data["groups"]:
        for names in group["names"].values():
            for name in names:
                key = normal(name)
                kind = FieldKind(group["entity"], group["check"], in_keys=key not in header_only)
                if kinds.setdefault(key, kind) != kind:
                    raise ValueError(f"field_names.yaml: {name!r} is listed under two entity types")
                if key not in header_only:
                    raw.append(name)
    return kinds, sorted(set(raw))


_KINDS, _KEY_NAMES = _load()

#: Every field name (normal form) and the entity type of its values.
FIELD_ENTITIES: dict[str, str] = {name: kind.entity for name, kind in _KINDS.items()}

#: Types whose column beside a generic "name" column shows that the table is about people; user names,
#: passwords and IP addresses are absent (a password manager lists sites by name beside them).
PEOPLE_TYPES = frozenset(
    "PERSON DATE_OF_BIRTH STREET_ADDRESS EMAIL_ADDRESS PHONE_NUMBER NATIONAL_ID PASSPORT DRIVER_LICENSE "
    "IBAN_CODE ACCOUNT_NUMBER CREDIT_CARD ID ORGANIZATION".split()
)


@lru_cache(maxsize=8192)
def field_kind(name: str) -> FieldKind | None:
    """What the values of a field so named are, or None for a field that names no personal data."""
    return _KINDS.get(normal(name))


def field_entity(name: str) -> str | None:
    """The entity type of the values of a field so named, or None."""
    kind = field_kind(name)
    return kind.entity if kind is not None else None


def header_kinds(names: Sequence[str]) -> list[FieldKind | None]:
    """The kind of each column of a header; a generic "name" column is a person's only when another
    column of the header is personal (``PEOPLE_TYPES``), else None."""
    kinds = [field_kind(n) for n in names]
    people = any(k is not None and not k.generic and k.entity in PEOPLE_TYPES for k in kinds)
    return [None if k is not None and k.generic and not people else k for k in kinds]


_SEPARATOR = "[ _.'’-]?"


def _spellings(name: str) -> set[str]:
    """RE2 patterns (for a case-insensitive regex) of a listed name as keys spell it: its words joined by
    nothing, a space, ``_``, ``-``, ``.`` or an apostrophe, with its accents and without them."""
    words = [w for w in re.split(r"[_']", name) if w]
    plain = [normal(w) for w in words]
    return {_SEPARATOR.join(re.escape(w) for w in spelling) for spelling in (words, plain)}


def key_pattern() -> str:
    """An RE2 alternation (case-insensitive use) of every field name that counts as a key, longest first."""
    patterns = set().union(*(_spellings(n) for n in _KEY_NAMES))
    return "|".join(sorted(patterns, key=lambda p: (-len(p), p)))
