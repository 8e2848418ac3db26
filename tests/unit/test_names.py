"""Name-list detector: names in any case, full names across a line break, structured fields."""

from __future__ import annotations

import pytest

from transforms.detectors.names import NameListDetector, load_name_lists

FIRST, FREQ = load_name_lists()
DETECTOR = NameListDetector(FIRST, FREQ)


def names(text: str) -> list[str]:
    (found,) = DETECTOR.detect([text])
    return [text[f.start : f.end] for f in found]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("[10:52] amaka.o: thanks svetlana 🙏", ["svetlana"]),
        ("María\nSánchez\nCustomer Success Manager", ["María\nSánchez"]),
        ("VALUES (1,'Ahmed','Darwish','a@b.com')", ["Ahmed", "Darwish"]),
        ("Cheers,\nMIN-JUN CHO\nSolutions Architect", ["MIN-JUN CHO"]),
        ("Hello Emma and Sergio,", ["Emma", "Sergio"]),
        ("Ayşe Demir joined", ["Ayşe Demir"]),
        ("Will do, after standup. Mark it as resolved. Can you?", []),
        ("import maria_db; user.name@x; /home/maria/x", []),
        ("The Python and Excel sheet in May", []),
    ],
)
def test_name_lists(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_lists_are_large_and_international() -> None:
    assert len(FIRST) > 40_000
    assert {"svetlana", "łukasz", "ayşe", "priya", "yuki", "emre"} <= FIRST
    assert FREQ["will"] >= 6 and FREQ.get("svetlana", 0) < 3.5


@pytest.mark.parametrize("offset", [99_500, 99_700, 99_795, 99_800, 99_805, 99_990, 100_000, 100_200])
def test_names_across_window_edges_are_found_once(offset: int) -> None:
    text = "x" * (offset - 1) + " Ayşe Demir said thanks svetlana " + "y " * 60_000
    assert names(text) == ["Ayşe Demir", "svetlana"]
