"""Reading the lexicon's word-list files: one word or phrase a line, ``#`` lines are comments."""

from __future__ import annotations

from functools import cache

from transforms.lexicon import LEXICON_DATA

__all__ = ["word_list", "word_lists"]


@cache
def word_list(name: str) -> frozenset[str]:
    """The entries of ``data/<name>`` (for example ``"vocabulary/chat.txt"``), read once per process.

    Each non-blank line is one entry, surrounding blanks removed; lines starting with ``#`` (the header
    naming the list's source and purpose) are skipped. A missing file raises ``FileNotFoundError``.
    """
    lines = (LEXICON_DATA / name).read_text(encoding="utf-8").splitlines()
    return frozenset(entry for entry in (line.strip() for line in lines) if entry and not entry.startswith("#"))


@cache
def word_lists(folder: str) -> frozenset[str]:
    """The union of the entries of every ``*.txt`` list in ``data/<folder>`` (for example ``"street_types"``).

    A folder that is missing or holds no list raises ``FileNotFoundError``.
    """
    files = sorted((LEXICON_DATA / folder).glob("*.txt"))
    if not files:
        raise FileNotFoundError(f"no word lists in {folder}")
    return frozenset().union(*(word_list(f"{folder}/{f.name}") for f in files))
