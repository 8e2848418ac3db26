"""Mention propagation: exact outcomes on hand-made findings, no model."""

from __future__ import annotations

import pytest

from transforms.records import Finding
from transforms.redaction.propagate import DEFAULT_PROPAGATED_TYPES, Propagator

ENGLISH = {"will": 5.6, "homes": 4.4, "limited": 4.6, "kevin": 4.56, "hughes": 4.08, "the": 7.7, "docker": 2.0}
FIRST = frozenset({"kevin", "will", "desmond"})


@pytest.fixture
def prop() -> Propagator:
    return Propagator(DEFAULT_PROPAGATED_TYPES, FIRST, ENGLISH, frozenset({"acme"}), frozenset({"docker"}))


def _f(text: str, value: str, entity: str, score: float = 0.85, nth: int = 0) -> Finding:
    start = -1
    for _ in range(nth + 1):
        start = text.index(value, start + 1)
    return Finding(entity, start, start + len(value), score, "test")


def _spans(text: str, found: list[Finding]) -> list[tuple[str, str, str]]:
    return [(f.entity_type, text[f.start : f.end], f.detector) for f in found]


def test_an_organisation_defined_once_is_redacted_where_it_recurs(prop: Propagator) -> None:
    text = 'Brightwater Homes Limited ("Brightwater") is the landlord. Counsel for BRIGHTWATER; brightwater lower.'
    found = [_f(text, "Brightwater Homes Limited", "ORGANIZATION")]
    keys = prop.keys([text], [found])
    assert sorted(keys) == ["brightwater"]  # "Homes" and "Limited" are ordinary English
    assert _spans(text, prop.recurrences(text, found, keys)) == [
        ("ORGANIZATION", "Brightwater", "propagation.ORGANIZATION"),
        ("ORGANIZATION", "BRIGHTWATER", "propagation.ORGANIZATION"),
    ]


def test_person_words_titles_possessives_and_adjacent_words(prop: Propagator) -> None:
    text = "Mr Desmond Pryce called. Later Desmond Pryce's file and PRYCE. Mr Will said Will would."
    found = [_f(text, "Mr Desmond Pryce", "PERSON"), _f(text, "Will", "PERSON")]
    keys = prop.keys([text], [found])
    # "Mr" is a title; "Will" is a first name but too common a word to spread.
    assert sorted(keys) == ["desmond", "pryce"]
    assert _spans(text, prop.recurrences(text, found, keys)) == [
        ("PERSON", "Desmond Pryce", "propagation.PERSON"),  # adjacent words: one span, the "'s" stays
        ("PERSON", "PRYCE", "propagation.PERSON"),
    ]


def test_a_known_first_name_below_the_frequency_cap_is_a_key(prop: Propagator) -> None:
    text = "Kevin Hughes wrote. Kevin replied; Hughes agreed."
    found = [_f(text, "Kevin Hughes", "PERSON")]
    keys = prop.keys([text], [found])
    assert sorted(keys) == ["kevin"]  # "Hughes" is an English word here and no first name
    assert _spans(text, prop.recurrences(text, found, keys)) == [("PERSON", "Kevin", "propagation.PERSON")]


def test_usernames_match_exactly_and_vocabulary_never_spreads(prop: Propagator) -> None:
    text = "@jdoe42 opened it; jdoe42 closed it, JDOE42 too. Docker Desktop, then Docker; Acme Corp, Acme."
    found = [
        _f(text, "jdoe42", "USERNAME", 0.9),
        _f(text, "Docker Desktop", "ORGANIZATION"),
        _f(text, "Acme Corp", "ORGANIZATION"),
    ]
    keys = prop.keys([text], [found])
    assert sorted(keys) == ["corp", "desktop", "jdoe42"]
    assert _spans(text, prop.recurrences(text, found, keys)) == [("USERNAME", "jdoe42", "propagation.USERNAME")]


def test_keys_come_from_every_field_and_only_configured_types(prop: Propagator) -> None:
    body, source = "Thanks, Okonkwo.", "letters/okonkwo-Okonkwo.txt"
    found = [[], [_f(source, "Okonkwo", "PERSON")]]
    keys = prop.keys([body, source], found)
    assert _spans(body, prop.recurrences(body, found[0], keys)) == [("PERSON", "Okonkwo", "propagation.PERSON")]
    only_orgs = Propagator(["ORGANIZATION"], FIRST, ENGLISH, frozenset())
    assert only_orgs.keys([body, source], found) == {}


def test_nothing_found_means_nothing_added(prop: Propagator) -> None:
    assert prop.recurrences("Brightwater", [], {}) == []
    assert prop.keys(["Brightwater"], [[]]) == {}
