"""Phrase lists as fragments: separators, apostrophes, acronyms, boundaries, and keywords every match holds."""

from __future__ import annotations

import pytest
import re2

from transforms.detectors.rules.phrases import phrase_fragment, phrase_keywords, phrase_pattern


def _finds(phrase: str, text: str) -> str | None:
    found = re2.search(phrase_pattern(phrase), text)
    return None if found is None else found.group()


@pytest.mark.parametrize(
    ("phrase", "text", "expected"),
    [
        ("date of birth", "Date of Birth:", "Date of Birth"),
        ("date of birth", "date_of_birth=", "date_of_birth"),
        ("date of birth", "dateOfBirth", "dateOfBirth"),
        ("pin-code", "PIN code", "PIN code"),
        ("driver's license", "drivers license", "drivers license"),
        ("driver's license", "driver’s license", "driver’s license"),
        ("contraseña", "CONTRASEÑA:", "CONTRASEÑA"),
        ("password", "DB_PASSWORD", "_PASSWORD"),
        ("NIE", "NIE: X1234567L", "NIE"),
        ("NIE", "nie wiem", None),
        ("password", "bypassword", None),
        ("n°", "dossier n° 12", "n°"),
        ("nº de pasaporte", "Nº de pasaporte:", "Nº de pasaporte"),
        ("nº de pasaporte", "No de pasaporte:", "No de pasaporte"),  # "º" as NFKC normalisation writes it
        ("n.º do passaporte", "N.o do passaporte", "N.o do passaporte"),
    ],
)
def test_phrase_pattern(phrase: str, text: str, expected: str | None) -> None:
    assert _finds(phrase, text) == expected


def test_fragment_tries_longest_first() -> None:
    assert re2.search(phrase_fragment(["born", "born on"]), "born on 3 May").group() == "born on"


def test_keyword_of_each_phrase() -> None:
    assert phrase_keywords(["date of birth", "driver's license", "PIN", "n°"]) == ["birth", "license", "n°", "pin"]


def test_a_keyword_is_a_word_without_an_ordinal_indicator() -> None:
    assert phrase_keywords(["CC n.º", "nº contribuinte"]) == ["cc", "contribuinte"]


def test_empty_phrase_is_an_error() -> None:
    with pytest.raises(ValueError, match="empty phrase"):
        phrase_pattern("  ")
