"""Character helpers: letter case carried over, decimal digits of any script read and replaced in place."""

from __future__ import annotations

import pytest

from transforms.operators.surrogates.text import case_like, digit_value, only_digits, pour, same


@pytest.mark.parametrize(
    "template, word, expected",
    [("AD", "nora", "NORA"), ("ad", "Nora", "nora"), ("Ada", "nORA", "Nora"), ("A", "nora", "Nora"), ("1", "aB", "aB")],
)
def test_case_like(template: str, word: str, expected: str) -> None:
    assert case_like(template, word) == expected


def test_digits_of_any_script() -> None:
    assert digit_value("٣") == "3" and digit_value("x") is None
    assert only_digits("(٣٤) 5-6") == "3456"
    assert pour("(٣٤) 5-6", "1234") == "(12) 3-4"
    assert same("Ada", "aDA") and not same("Ada", "Adb")
