"""Aligned text tables: columns separated by runs of spaces, rows aligned with the header."""

from __future__ import annotations

import pytest

from transforms.detectors.tables import aligned
from transforms.detectors.tables.aligned import aligned_values


def values(text: str) -> list[tuple[str, str]]:
    return [(entity, text[s:e]) for entity, s, e in sorted(aligned_values(text), key=lambda f: f[1])]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "First name    Last name    DOB\n----------    ---------    ----------\n"
            "Ines          Okafor       1984-07-19\nBo            Li\n",
            [
                ("PERSON", "Ines"),
                ("PERSON", "Okafor"),
                ("DATE_OF_BIRTH", "1984-07-19"),
                ("PERSON", "Bo"),
                ("PERSON", "Li"),
            ],
        ),
        # Without a rule; an empty cell; a right-aligned number column.
        (
            "Name          Customer no\nIlse Brandt         88-201\nBo Li                  7\n",
            [("PERSON", "Ilse Brandt"), ("ID", "88-201"), ("PERSON", "Bo Li"), ("ID", "7")],
        ),
        (
            "Benutzername   Passwort\nilse.b         Fichte#77\n\nilse.c         Tanne#78\n",
            [("USERNAME", "ilse.b"), ("PASSWORD", "Fichte#77")],
        ),
        # Prose under a header-like line is no row.
        ("Name   Email\nWe will send the form to everyone on Monday.\n", []),
        # A misaligned line ends the table.
        (
            "Email              Phone\nines@example.org   +31 30 555 0199\n   bob@example.org\n",
            [("EMAIL_ADDRESS", "ines@example.org"), ("PHONE_NUMBER", "+31 30 555 0199")],
        ),
        # A product table's "name" column.
        ("Name      Price\nKettle    39.90\n", []),
    ],
)
def test_aligned_tables(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text) == expected


def test_a_long_line_ends_the_table() -> None:
    text = "Email     Phone\n" + "x" * (aligned.MAX_LINE_CHARS + 1) + "\nines@example.org\n"
    assert values(text) == []


def test_repeated_headers_are_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = aligned._cells
    monkeypatch.setattr(aligned, "_cells", lambda *a: calls.append(1) or real(*a))
    counts = []
    for n in (500, 1000):
        calls.clear()
        list(aligned_values("Email     Phone\n" * n))
        counts.append(len(calls))
    assert counts == [499, 999]  # the first line is the header, every other line one row
