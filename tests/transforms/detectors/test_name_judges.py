"""Judges before their post-nominal letters or ", Circuit Judges", and the name words a title takes."""

from __future__ import annotations

import pytest

from transforms.detectors.name_judges import judges, titled_name_word
from transforms.detectors.name_tokens import tokenize


@pytest.mark.parametrize(
    "word, expected",
    [
        ("Hughes", True),  # a census surname
        ("Okonkwo", True),  # no common English word
        ("Smith-Okoye", True),  # each part of a double-barrelled name
        ("Mayor", False),  # an office
        ("Plan", False),  # a document word
        ("Kubernetes", False),  # technical vocabulary
    ],
)
def test_titled_name_word(word: str, expected: bool) -> None:
    assert titled_name_word(word) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Vandermolen J held that", ["Vandermolen"]),
        ("Okonjo and Brightwater LJJ agreed", ["Brightwater", "Okonjo"]),
        ("TALLBRIDGE, ORMONDE, and QUILLFEATHER, Circuit Judges.", ["QUILLFEATHER", "ORMONDE", "TALLBRIDGE"]),
        ("Halvorsen, C.J., dissenting", ["Halvorsen"]),
        ("see the Appendix J table", []),
        ("Master Key, Judge Rules", []),
    ],
)
def test_judges(text: str, expected: list[str]) -> None:
    found = judges(text, tokenize(text, 0, len(text)), "person_names.judicial")
    assert [text[f.start : f.end] for f in found] == expected
    assert {(f.entity_type, f.detector) for f in found} <= {("PERSON", "person_names.judicial")}
