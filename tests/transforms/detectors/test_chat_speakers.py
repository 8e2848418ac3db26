"""The authors of chat-export lines, after their timestamps."""

from __future__ import annotations

import pytest

from transforms.detectors.chat_speakers import chat_speakers
from transforms.detectors.name_words import NameWordLists
from transforms.lexicon.names import load_name_lists

WORDS = NameWordLists(*load_name_lists())


@pytest.mark.parametrize(
    "text, expected",
    [
        ("[10:32] kudzai: on my way", ["kudzai"]),
        ("11/04/2025, 08:05 - Rutendo Moyo: ok", ["Rutendo Moyo"]),
        ("2025-04-11 08:05:12 tinashe: done\n2025-04-11 08:06:40 farai: thanks", ["tinashe", "farai"]),
        ("09:15:01 ERROR: disk full", []),  # a log level
        ("10:30 Keynote: welcome", []),  # an agenda item, a common word
    ],
)
def test_chat_speakers(text: str, expected: list[str]) -> None:
    found = chat_speakers(WORDS, text, 0, len(text), 0.7, "person_names.speaker")
    assert [text[f.start : f.end] for f in found] == expected
