"""Names and handles: shape, case and order kept, the same name part mapped the same everywhere."""

from __future__ import annotations

import pytest

from tests.transforms.operators.surrogates.helpers import KEY_A, KEY_B
from transforms.operators.surrogates import surrogate
from transforms.operators.surrogates.pools import FEMALE_FIRST_NAMES, MALE_FIRST_NAMES

# (entity type, original, surrogate under KEY_A, surrogate under KEY_B)
EXPECTED = [
    ("PERSON", "Ada", "Judith", "Nadia"),
    ("PERSON", "ada", "judith", "nadia"),
    ("PERSON", "ADA LOVELACE", "JUDITH LUONG", "NADIA ROMANO"),
    ("PERSON", "Ada Lovelace", "Judith Luong", "Nadia Romano"),
    ("PERSON", "Lovelace, Ada", "Luong, Judith", "Romano, Nadia"),
    ("PERSON", "Dr. Ada M. Lovelace", "Dr. Judith O. Luong", "Dr. Nadia O. Romano"),
    ("PERSON", "Ada Smith-Jones", "Judith Silva-Keller", "Nadia Rossi-Yamada"),
    ("PERSON", "Ada Lovelace's", "Judith Luong's", "Nadia Romano's"),
    ("PERSON", "Emma Hughes", "Min Costa", "Edith Nakamura"),
    ("PERSON", "Noah", "Gaston", "Sung"),
    ("USERNAME", "katarzyna_rw", "maximo_uf", "stanley_wb"),
    ("USERNAME", "hugo71", "bernardo03", "eugene96"),
]


@pytest.mark.parametrize("entity, value, under_a, under_b", EXPECTED)
def test_exact_surrogates_for_two_keys(entity: str, value: str, under_a: str, under_b: str) -> None:
    assert surrogate(entity, value, KEY_A) == under_a
    assert surrogate(entity, value, KEY_A) == under_a  # deterministic: no state between calls
    assert surrogate(entity, value, KEY_B) == under_b


def test_the_same_name_part_maps_the_same_everywhere() -> None:
    person = surrogate("PERSON", "Dana Kowalski", KEY_A)
    first, last = person.split()
    assert surrogate("PERSON", "dana", KEY_A) == first.lower()
    assert surrogate("PERSON", "KOWALSKI, Dana", KEY_A) == f"{last.upper()}, {first}"
    assert surrogate("EMAIL_ADDRESS", "dana.kowalski@acme.com", KEY_A) == f"{first}.{last}@example.com".lower()
    assert surrogate("USERNAME", "dana_kowalski", KEY_A) == f"{first}_{last}".lower()


def test_first_names_keep_their_census_gender() -> None:
    for name in ("Emma", "Olivia", "Svetlana", "Maria"):
        assert surrogate("PERSON", name, KEY_A) in FEMALE_FIRST_NAMES
    for name in ("Noah", "George", "Bob", "Hugo"):
        assert surrogate("PERSON", name, KEY_A) in MALE_FIRST_NAMES
