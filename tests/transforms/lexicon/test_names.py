"""Name lists and word frequencies: loaded once, casefolded, ranked."""

from __future__ import annotations

import subprocess
import sys

from transforms.lexicon.names import (
    NOT_LISTED,
    first_name_ranks,
    load_acronym_words,
    load_capitalised_words,
    load_english_words,
    load_name_lists,
    load_places,
    load_surnames,
    load_unlisted_words,
    surname_rank,
)


def test_first_names_are_lower_case_and_exclude_technical_vocabulary() -> None:
    first, freq = load_name_lists()
    assert {"maria", "svetlana", "tanner"} <= first
    assert all(name == name.lower() and len(name) >= 2 for name in first)
    assert "python" not in first  # a listed name that is technical vocabulary
    assert freq["will"] > freq["svetlana"]
    assert load_name_lists() is load_name_lists()


def test_english_words_have_zipf_frequencies() -> None:
    english = load_english_words()
    assert english["the"] > english["table"] > 3.0
    assert "tavonga" not in english


def test_surname_ranks() -> None:
    surnames = load_surnames()
    assert surnames["smith"] == 1
    assert surname_rank("smith") == 1
    assert surname_rank("o'brien") == surname_rank("obrien") < NOT_LISTED
    assert surname_rank("o’brien") == surname_rank("obrien")
    assert surname_rank("tavonga") == NOT_LISTED


def test_first_name_ranks_take_the_best_of_both_lists() -> None:
    ranks = first_name_ranks()
    assert ranks["mary"] == 1 and ranks["james"] == 1
    assert ranks["mark"] < ranks["tanner"]
    assert "tavonga" not in ranks


def test_word_lists_from_dictionaries() -> None:
    assert "emily" in load_capitalised_words()
    assert "nasa" in load_acronym_words()
    assert "spotify" in load_unlisted_words()
    assert "table" not in load_capitalised_words() | load_acronym_words() | load_unlisted_words()
    assert "nairobi" in load_places()


def test_lexicon_imports_no_detector() -> None:
    code = (
        "import sys, transforms.lexicon.names\n"
        "print(sorted(m for m in sys.modules if m.startswith('transforms.detectors')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
