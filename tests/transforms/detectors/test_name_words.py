"""The name detector's word lists and frequency judgements."""

from __future__ import annotations

import pytest

from transforms.detectors.name_tokens import tokenize
from transforms.detectors.name_words import NameWordLists
from transforms.lexicon.names import load_name_lists

WORDS = NameWordLists(*load_name_lists())


@pytest.mark.parametrize(
    "folded, expected",
    [("svetlana", True), ("o'brien", True), ("table", False), ("kubernetes", False), ("o'clock", False)],
)
def test_rare(folded: str, expected: bool) -> None:
    assert WORDS.rare(folded) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Happy Hour", True),
        ("Final Report", True),
        ("Bring Me Flowers", True),
        ("Maria Costa", False),
        ("Will Smith", False),
    ],
)
def test_phrase(text: str, expected: bool) -> None:
    assert WORDS.phrase(tokenize(text, 0, len(text))) is expected


@pytest.mark.parametrize(
    "text, i, expected",
    [("THIS IS SO GOOD", 2, True), ("Regards,\nJUN WU", 0, False)],
)
def test_shouting(text: str, i: int, expected: bool) -> None:
    assert WORDS.shouting(text, tokenize(text, 0, len(text)), i) is expected


@pytest.mark.parametrize(
    "text, i, expected",
    [("praise for Tendai's work", 2, True), ("we use Pulumi daily", 2, False), ("met T. Mwale", 2, True)],
)
def test_proper_noun(text: str, i: int, expected: bool) -> None:
    assert WORDS.proper_noun(text, tokenize(text, 0, len(text)), i) is expected


def test_lower_case_surnames() -> None:
    assert WORDS.lower_surname("kowalczyk")
    assert not WORDS.lower_surname("will")
    assert WORDS.census_pair("martin short", tokenize("martin short", 0, 12), 0)
