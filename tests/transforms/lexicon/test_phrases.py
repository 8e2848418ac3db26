"""Phrase files: a reference names the phrases under a key, in every language, unique and sorted."""

from __future__ import annotations

import pytest

from transforms.lexicon.phrases import phrase_list, phrase_tree


def test_a_key_names_every_language() -> None:
    phrases = phrase_list("labels.yaml#passport")
    assert {
        "passport",
        "reisepass",
        "passeport",
        "pasaporte",
        "passaporte",
        "passaporto",
        "paspoort",
        "paszport",
    } <= set(phrases)
    assert list(phrases) == sorted(set(phrases))


def test_a_file_alone_names_every_phrase() -> None:
    assert {"kwietnia", "märz", "january"} <= set(phrase_list("month_names.yaml"))


def test_every_label_list_has_the_eight_languages() -> None:
    for name, languages in phrase_tree("labels.yaml").items():
        assert sorted(languages) == ["de", "en", "es", "fr", "it", "nl", "pl", "pt"], name


def test_month_names_number_every_month() -> None:
    for language, months in phrase_tree("month_names.yaml").items():
        assert sorted(months) == list(range(1, 13)), language


def test_unknown_key_is_an_error() -> None:
    with pytest.raises(ValueError, match="no key 'nope'"):
        phrase_list("labels.yaml#nope")
