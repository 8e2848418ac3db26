"""The vocabulary lists: read from ``data/vocabulary/``, well-formed, and the predicates built on them."""

from __future__ import annotations

import pytest

from transforms.lexicon import LEXICON_DATA, vocabulary
from transforms.lexicon.vocabulary import (
    CHAT_WORDS,
    EDGE_WORDS,
    TECHNICAL_VOCABULARY,
    TOOL_WORDS,
    VENDORS,
    degree_field_before,
    is_chat_word,
    is_common_word_phrase,
    is_degree_phrase,
    is_ordinary_vocabulary,
    is_tool_name,
)

VOCABULARY_FILES = sorted((LEXICON_DATA / "vocabulary").glob("*.txt"))


def test_the_vocabulary_folder_holds_the_twenty_lists() -> None:
    assert [p.name for p in VOCABULARY_FILES] == [
        "business_words.txt",
        "calendar.txt",
        "chat.txt",
        "degrees.txt",
        "departments.txt",
        "dev_tools.txt",
        "genres_banking.txt",
        "human_languages.txt",
        "job_titles.txt",
        "languages.txt",
        "legal.txt",
        "org_endings.txt",
        "phrases.txt",
        "products.txt",
        "roles.txt",
        "salutations.txt",
        "software_names.txt",
        "title_nouns.txt",
        "tools.txt",
        "vendors.txt",
    ]


@pytest.mark.parametrize("path", VOCABULARY_FILES, ids=lambda p: p.name)
def test_a_list_file_has_a_header_then_sorted_unique_lower_case_entries(path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# ") and "SOURCES.md" in lines[0]
    entries = lines[1:]
    assert entries, "a list with no entries"
    assert entries == sorted(set(entries))
    assert all(e == e.strip() and e == e.casefold() and not e.startswith("#") and "  " not in e for e in entries)


def test_the_sets_have_their_known_sizes() -> None:
    sizes = {
        "CHAT_WORDS": len(CHAT_WORDS),
        "EDGE_WORDS": len(EDGE_WORDS),
        "TECHNICAL_VOCABULARY": len(TECHNICAL_VOCABULARY),
        "TOOL_WORDS": len(TOOL_WORDS),
        "VENDORS": len(VENDORS),
    }
    assert sizes == {
        "CHAT_WORDS": 92,
        "EDGE_WORDS": 91,
        "TECHNICAL_VOCABULARY": 23740,
        "TOOL_WORDS": 1985,
        "VENDORS": 6,
    }


def test_vendors_are_tool_words_but_not_vocabulary_alone() -> None:
    assert VENDORS == {"amazon", "apple", "google", "meta", "microsoft", "openai"}
    assert VENDORS <= TOOL_WORDS
    assert not VENDORS & TECHNICAL_VOCABULARY


@pytest.mark.parametrize(
    "entry, in_vocabulary, in_tools, in_edges, in_chat",
    [
        ("kubernetes", True, True, False, False),
        ("c++", True, True, False, False),
        ("power bi", True, False, False, False),
        ("human resources", True, False, False, False),
        ("force majeure", True, False, False, False),
        ("q3", True, False, False, False),
        ("claimant", True, False, False, False),
        ("engineer", True, False, True, False),
        ("regards", True, False, True, False),
        ("lol", True, False, False, True),
        ("comedy", True, False, False, False),
        ("june", True, False, False, False),
        ("emily", False, False, False, False),
    ],
)
def test_known_entries_are_in_their_sets(
    entry: str, in_vocabulary: bool, in_tools: bool, in_edges: bool, in_chat: bool
) -> None:
    assert (
        entry in TECHNICAL_VOCABULARY,
        entry in TOOL_WORDS,
        entry in EDGE_WORDS,
        entry in CHAT_WORDS,
    ) == (in_vocabulary, in_tools, in_edges, in_chat)


def test_organisation_endings_and_common_sets_come_from_their_files() -> None:
    assert "software" in vocabulary._ORG_ENDINGS and "holdings" in vocabulary._ORG_ENDINGS
    assert "monday" in vocabulary._COMMON_AND_TIME and "monday" not in vocabulary._COMMON_SET
    assert "kubernetes" not in vocabulary._COMMON_AND_TIME


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Power BI", True),
        ("Microsoft Teams", True),
        ("Human Resources", True),
        ("config.yaml", True),
        ("Microsoft", False),
        ("Tableau Software", False),
        ("Jane Roe", False),
    ],
)
def test_is_ordinary_vocabulary(text: str, expected: bool) -> None:
    assert is_ordinary_vocabulary(text) is expected


@pytest.mark.parametrize(
    "text, expected", [("Head Office", True), ("Monday", True), ("Power BI", False), ("Jane Roe", False)]
)
def test_is_common_word_phrase(text: str, expected: bool) -> None:
    assert is_common_word_phrase(text) is expected


@pytest.mark.parametrize("word, expected", [("lol", True), ("Hahaha", True), ("comedy", False), ("Emily", False)])
def test_is_chat_word(word: str, expected: bool) -> None:
    assert is_chat_word(word) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Bachelor of Music in Marine Biology", True),
        ("BACHELOR OF ENGINEERING", True),
        ("Postgraduate Diploma in Textile Design", True),
        ("B.Tech in Civil Engineering", True),
        ("B. Tech", True),
        ("M.Sc.", True),
        ("MBA", True),
        ("PhD in Linguistics", True),
        ("Master's in Public Policy", True),
        ("MS in Statistics", True),
        ("Licenciatura en Derecho", True),
        ("Diplom im Fach Physik", True),
        ("Laurea in Fisica", True),
        ("Mestrado em Gestão", True),
        ("Licencjat z informatyki", True),
        ("MS", False),  # a state code or an honorific alone
        ("Me and Be", False),
        ("Diploma in Design from Quillmere Academy", False),
        ("Bachelor of Arts, Wendmoor University", False),
        ("Graduate in Hospitality", True),  # the qualifier stands for the degree
        ("Graduate", False),
        ("Doctor Who", False),
        ("Tamsin Okoro", False),
    ],
)
def test_degree_phrases(text: str, expected: bool) -> None:
    assert is_degree_phrase(text) is expected


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("Diploma in Quantum Tailoring", "Quantum", True),
        ("EDUCATION\nB.Tech in Orbital Mechanics", "Orbital", True),
        ("Bachelor of Music in Marine Biology", "Marine", True),
        ("Licenciatura en Ciencias del Mar", "Ciencias", True),
        ("Diploma in Design, Quillmere Academy", "Quillmere", False),
        ("Diploma\nin Design", "Design", False),  # another line
        ("She lives in Lisbon", "Lisbon", False),
    ],
)
def test_degree_field_before(text: str, word: str, expected: bool) -> None:
    assert degree_field_before(text, text.index(word)) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Power BI", True),
        ("Microsoft Excel", True),
        ("Python 3", True),
        ("SPSS", True),
        ("Microsoft", False),
        ("Tamsin Okoro", False),
        ("marketing", False),
    ],
)
def test_tool_names(text: str, expected: bool) -> None:
    assert is_tool_name(text) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Microsoft Certified Professional Developer", True),
        ("Certified Jane Doe", False),
        ("Bachelor of Commerce", True),
    ],
)
def test_certifications_and_degrees_are_ordinary_vocabulary(text: str, expected: bool) -> None:
    assert is_ordinary_vocabulary(text) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Operating Systems Windows 11", True),  # a listed phrase, a listed word, a number
        ("Source Control Bugzilla", True),
        ("Power Point", True),  # a listed name written apart
        ("Inventory Management", True),  # a skill of the gazetteer
        ("Public Speaking Okoro", False),  # a surname after the skill
        ("Tamsin Okoro Windows", False),  # a name before the product
        ("Amazon Web Services", False),  # the company
    ],
)
def test_listed_phrases_one_after_another(text: str, expected: bool) -> None:
    assert is_ordinary_vocabulary(text) is expected
