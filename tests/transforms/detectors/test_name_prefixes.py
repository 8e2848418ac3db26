"""Stage-name, peerage and deity prefixes taken into names."""

from __future__ import annotations

import pytest

from transforms.detectors.name_prefixes import with_prefixes
from transforms.detectors.name_tokens import tokenize
from transforms.records import Finding


def _prefixed(text: str, found: list[Finding]) -> list[tuple[str, str]]:
    out = with_prefixes(text, tokenize(text, 0, len(text)), found, 0.7, "person_names.prefix")
    return [(text[f.start : f.end], f.detector) for f in out]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I saw DJ Quillfeather live", [("DJ Quillfeather", "person_names.prefix")]),
        ("prayers to Lord Veshnara", [("Lord Veshnara", "person_names.prefix")]),
        ("the Lord Mayor spoke", []),  # an office, no name
        ("Dr . Quillfeather spoke", []),  # an honorific is the context detector's, spaced or not
    ],
)
def test_a_name_word_after_a_prefix(text: str, expected: list[tuple[str, str]]) -> None:
    assert _prefixed(text, []) == expected


def test_a_found_name_takes_in_the_prefix_before_it() -> None:
    text = "met lil Tavonga"
    assert _prefixed(text, [Finding("PERSON", 8, 15, 0.6, "person_names.first")]) == [
        ("lil Tavonga", "person_names.first")
    ]
