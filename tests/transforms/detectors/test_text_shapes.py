"""Windows over long texts, and technical prose near a span."""

from __future__ import annotations

import pytest

from transforms.detectors.text_shapes import chunk_spans, in_tool_list, technical_nearby


@pytest.mark.parametrize(
    "length, chunk, overlap",
    [(0, 1000, 100), (999, 1000, 100), (1000, 1000, 100), (1001, 1000, 100), (10_000, 1000, 100), (12_345, 1000, 10)],
)
def test_chunk_spans_tile_the_text(length: int, chunk: int, overlap: int) -> None:
    windows = list(chunk_spans(length, chunk, overlap))
    assert windows[0][2] == 0 and windows[-1][3] == length
    for (ws, we, os_, oe), nxt in zip(windows, [*windows[1:], None], strict=False):
        assert ws <= os_ <= oe <= we and we - ws <= chunk
        if nxt is not None:
            assert oe == nxt[2]


def test_chunk_spans_exact_windows() -> None:
    assert list(chunk_spans(25, 10, 4)) == [(0, 10, 0, 8), (6, 16, 8, 14), (12, 22, 14, 20), (18, 25, 20, 25)]


def _near(text: str, word: str, minimum: int, window: int = 250) -> bool:
    start = text.index(word)
    return technical_nearby(text, start, start + len(word), minimum=minimum, window=window, tool_max_zipf=4.0)


@pytest.mark.parametrize(
    ("text", "minimum", "expected"),
    [
        ("we deploy zorblat with kubectl", 1, True),  # a tool word
        ("zorblat calls read_csv on it", 1, True),  # code: snake_case
        ("zorblat came for dinner with the family", 1, False),
        ("we deploy zorblat with kubectl and helm", 3, False),  # two hits, three needed
        ("kubectl, helm and terraform run zorblat", 3, True),
        ("zorblat bought a table", 1, False),  # a tool word too common in English ("table") does not count
    ],
)
def test_technical_nearby(text: str, minimum: int, expected: bool) -> None:
    assert _near(text, "zorblat", minimum) is expected


def test_technical_nearby_looks_only_within_the_window() -> None:
    text = "kubectl " + "x " * 200 + "zorblat"
    assert _near(text, "zorblat", 1, window=50) is False
    assert _near(text, "zorblat", 1, window=500) is True


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("Skills: Tableau, Zorblax, Power BI, Python", "Zorblax", True),
        ("• Zorblax (2 years), Excel (3 years), Jira", "Zorblax", True),
        ("Linux / Zorblax / Windows", "Zorblax", True),
        ("Python, Excel and Zorblax.", "Zorblax", True),
        ("We met Alice Moss, Bob Lark and Cleo Fenn", "Bob Lark", False),
        ("I use Zorblax and Python", "Zorblax", False),  # one tool is no list of tools
        ("Zorblax wrote Python and Java code", "Zorblax", False),  # not an item
        ("Python, Excel\nZorblax, Quibbit", "Zorblax", False),  # the list is on another line
    ],
)
def test_in_tool_list(text: str, word: str, expected: bool) -> None:
    start = text.index(word)
    assert in_tool_list(text, start, start + len(word)) is expected


@pytest.mark.parametrize("links, expected", [(True, True), (False, False)])
def test_technical_nearby_may_leave_links_out(links: bool, expected: bool) -> None:
    text = "see https://t.co/abc and https://t.co/def then Zorblax"
    start = text.index("Zorblax")
    assert technical_nearby(text, start, start + 7, minimum=2, links=links) is expected
