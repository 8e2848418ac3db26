"""Tokens and word shapes as the name detector sees them."""

from __future__ import annotations

import pytest

from transforms.detectors.name_tokens import glued, korean_given_name, line_around, opens_line, tokenize, word_style


def test_tokenize_keeps_inner_apostrophes_and_hyphens_and_splits_off_possessives() -> None:
    text = "O'Neil met Al-Sayed at Ngozi's desk, 2 x_y"
    assert [t[2] for t in tokenize(text, 0, len(text))] == [
        "O'Neil",
        "met",
        "Al-Sayed",
        "at",
        "Ngozi",
        "s",
        "desk",
        "x",
        "y",
    ]
    assert tokenize(text, 4, 10) == [(4, 6, "il"), (7, 10, "met")]


@pytest.mark.parametrize(
    ("word", "style"), [("EMMA", "upper"), ("Emma", "title"), ("emma", "lower"), ("eMMa", "mixed"), ("I", "title")]
)
def test_word_style(word: str, style: str) -> None:
    assert word_style(word) == style


@pytest.mark.parametrize(
    ("folded", "expected"),
    [("seo-yeon", True), ("min-jun", True), ("min-min", False), ("seo-bob", False), ("minjun", False)],
)
def test_korean_given_name(folded: str, expected: bool) -> None:
    assert korean_given_name(folded) is expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("maria_db", "maria", True),
        ("user.name@host", "name", True),
        ("/home/tavonga", "tavonga", True),
        ("boto3", "boto", True),
        ("SUP-2023-1", "SUP", True),
        ("conn = open()", "conn", True),
        ("item(3)", "item", True),
        ("Conn = x", "Conn", False),
        ("hi tavonga, welcome", "tavonga", False),
        ("Thanks Maria.", "Maria", False),
    ],
)
def test_glued(text: str, word: str, expected: bool) -> None:
    start = text.index(word)
    assert glued(text, start, start + len(word)) is expected


def test_opens_line_and_line_around() -> None:
    text = "first line\n  > Tavonga wrote\nlast"
    start = text.index("Tavonga")
    assert opens_line(text, start) is True
    assert opens_line(text, text.index("wrote")) is False
    assert line_around(text, start) == "  > Tavonga wrote"
    long = "a" * 500 + "X" + "b" * 500
    assert line_around(long, 500) == "a" * 200 + "X" + "b" * 199
