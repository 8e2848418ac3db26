"""How far a name reaches: name words before and after the word it was found at."""

from __future__ import annotations

import pytest

from transforms.detectors.name_extension import (
    extend,
    extend_back,
    lower_given_before,
    lower_surname_after,
    name_line,
    name_run,
)
from transforms.detectors.name_tokens import tokenize
from transforms.detectors.name_words import NameWordLists
from transforms.lexicon.names import load_name_lists

WORDS = NameWordLists(*load_name_lists())


@pytest.mark.parametrize(
    "text, style, expected",
    [
        ("Willem van Dijk said", "title", "Willem van Dijk"),  # a particle between name words
        ("Maria kowalczyk wrote", "title", "Maria kowalczyk"),  # a surname typed in lower case
        ("Ravil G Yefimov", "title", "Ravil G Yefimov"),  # a middle initial without its stop
        ("EMMA HUGHES", "upper", "EMMA HUGHES"),
        ("Agnieszka\nJob title", "title", "Agnieszka"),  # a common word on the next line
        ("Jane Doe\nMaintainer: x", "title", "Jane Doe"),  # a label on the next line
        ("Maria uses Kubernetes", "title", "Maria"),
        ("María\nSánchez", "title", "María\nSánchez"),  # a name wrapped before its surname
        ("Tamsin Okafor\nKelbrook", "title", "Tamsin Okafor"),  # a full name ends at the line's end
        ("Tamsin Okafor  Kelbrook", "title", "Tamsin Okafor"),  # ... and at a column gap
        ("Tamsin  Paralegal", "title", "Tamsin"),  # an occupation in the next field
        ("Tamsin\nBachelor of Laws", "title", "Tamsin"),  # a degree on the next line
    ],
)
def test_extend(text: str, style: str, expected: str) -> None:
    tokens = tokenize(text, 0, len(text))
    last = extend(WORDS, text, tokens, 0, style)
    assert text[: tokens[last][1]] == expected


@pytest.mark.parametrize(
    "text, i, expected",
    [("met T. Mwale", 2, "T. Mwale"), ("saw Emeka Ibrahim", 2, "Emeka Ibrahim"), ("the Ibrahim", 1, "Ibrahim")],
)
def test_extend_back(text: str, i: int, expected: str) -> None:
    tokens = tokenize(text, 0, len(text))
    first = extend_back(WORDS, text, tokens, i, -1)
    assert text[tokens[first][0] : tokens[i][1]] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Obiageli Nwachukwu will review", "Obiageli Nwachukwu"),  # a verb after the run
        ("Obiageli Nwachukwu Claimant", "Obiageli Nwachukwu"),  # a party's role
        ("Obiageli Nwachukwu ate", ""),
    ],
)
def test_name_run(text: str, expected: str) -> None:
    assert text[: name_run(WORDS, text, tokenize(text, 0, len(text)), 0)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Obiageli Nwachukwu\nLagos office", "Obiageli Nwachukwu"),
        ("Obiageli C Nwachukwu", "Obiageli C Nwachukwu"),
        ("Obiageli the Great", ""),
    ],
)
def test_name_line(text: str, expected: str) -> None:
    assert text[: name_line(WORDS, text, tokenize(text, 0, len(text)), 0)] == expected


@pytest.mark.parametrize(
    "text, i, expected",
    [
        ("kofi o adeyemi said", 0, "kofi o adeyemi"),  # a middle initial in lower case
        ("thanks kofi adeyemi", 1, "kofi adeyemi"),  # a cue is no given name
        ("sitaram katel said", 1, "sitaram katel"),  # a given name in no list before a listed one
        ("hi maria", 1, "maria"),
    ],
)
def test_lower_case_name(text: str, i: int, expected: str) -> None:
    tokens = tokenize(text, 0, len(text))
    start = lower_given_before(WORDS, text, tokens, i, -1)
    assert text[start : lower_surname_after(WORDS, text, tokens, i)] == expected
