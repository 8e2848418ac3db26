"""``word_list``: one entry a line, comments and blank lines skipped, read once per process."""

from __future__ import annotations

from pathlib import Path

import pytest

from transforms.lexicon import wordlists
from transforms.lexicon.wordlists import word_list, word_lists


@pytest.fixture
def lexicon_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(wordlists, "LEXICON_DATA", tmp_path)
    word_list.cache_clear()
    word_lists.cache_clear()
    yield tmp_path
    word_list.cache_clear()
    word_lists.cache_clear()


def test_entries_are_lines_without_comments_blanks_or_surrounding_spaces(lexicon_dir: Path) -> None:
    (lexicon_dir / "sample.txt").write_text("# a header\n\nalpha\n  beta gamma \n#delta\n", encoding="utf-8")
    assert word_list("sample.txt") == frozenset({"alpha", "beta gamma"})


def test_a_list_is_read_once(lexicon_dir: Path) -> None:
    path = lexicon_dir / "sample.txt"
    path.write_text("alpha\n", encoding="utf-8")
    first = word_list("sample.txt")
    path.write_text("beta\n", encoding="utf-8")
    assert word_list("sample.txt") is first


def test_a_missing_list_raises(lexicon_dir: Path) -> None:
    with pytest.raises(FileNotFoundError):
        word_list("absent.txt")


def test_a_folder_is_the_union_of_its_lists(lexicon_dir: Path) -> None:
    (lexicon_dir / "kinds").mkdir()
    (lexicon_dir / "kinds" / "a.txt").write_text("# a\nRoad\nSt\n", encoding="utf-8")
    (lexicon_dir / "kinds" / "b.txt").write_text("St\nWynd\n", encoding="utf-8")
    (lexicon_dir / "kinds" / "notes.md").write_text("Lane\n", encoding="utf-8")
    assert word_lists("kinds") == frozenset({"Road", "St", "Wynd"})


def test_a_folder_without_lists_raises(lexicon_dir: Path) -> None:
    with pytest.raises(FileNotFoundError):
        word_lists("nowhere")
