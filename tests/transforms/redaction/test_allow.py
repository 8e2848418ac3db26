"""The allow list: plain strings, values for some entity types, RE2 patterns."""

from __future__ import annotations

import pytest

from transforms.config import parse_config
from transforms.redaction.allow import AllowList

ALLOW = parse_config(
    {
        "allow": [
            "Python",
            {"value": "Acme Widgets", "entities": ["ORGANIZATION"]},
            {"value": "Kestrel"},
            {"pattern": "^build-\\d+$", "entities": ["USERNAME", "ID"]},
            {"pattern": "(?i)example\\.test$"},
        ]
    }
).allow


@pytest.mark.parametrize(
    "entity, text, allowed",
    [
        ("PERSON", "python", True),  # a plain string: any type, any letter case, trimmed
        ("ORGANIZATION", " Python ", True),
        ("PERSON", "Python 3", False),  # the whole finding, not a part of it
        ("ORGANIZATION", "ACME widgets", True),  # a value for one type
        ("PERSON", "Acme Widgets", False),
        ("LOCATION", "kestrel", True),  # a value without entities is a plain string
        ("USERNAME", "build-42", True),  # a pattern for two types, searched in the trimmed finding
        ("ID", " build-7 ", True),
        ("USERNAME", "build-42x", False),
        ("USERNAME", "Build-42", False),  # patterns are case-sensitive unless they say (?i)
        ("PERSON", "build-42", False),
        ("URL", "https://docs.EXAMPLE.test", True),  # a pattern without entities: every type
        ("URL", "https://docs.example.test/x", False),
        ("USERNAME", "@build-42", True),  # a handle is redacted with its @: the entry names it either way
        ("USERNAME", "@kestrel", True),
        ("USERNAME", "@@build-42", False),
        ("USERNAME", "@", False),
        ("PERSON", "@build-42", False),
    ],
)
def test_allows(entity: str, text: str, allowed: bool) -> None:
    assert AllowList(ALLOW).allows(entity, text) is allowed


def test_words_are_the_entries_for_every_type() -> None:
    assert AllowList(ALLOW).words == frozenset({"python", "kestrel"})


def test_a_hundred_thousand_values_are_one_lookup_each() -> None:
    values = [f"Vendor {i:06d}" for i in range(100_000)]
    cfg = parse_config(
        {"allow": [*values[:50_000], *({"value": v, "entities": ["ORGANIZATION"]} for v in values[50_000:])]}
    )
    allow = AllowList(cfg.allow)
    assert allow.allows("PERSON", "vendor 000007") and allow.allows("ORGANIZATION", "Vendor 099999")
    assert not allow.allows("PERSON", "Vendor 099999") and not allow.allows("PERSON", "Vendor 100000")
