"""The authors of the lines of a chat export, named after each line's timestamp.

"10/03/2024, 09:15 - Rutendo Chikwanha: ..." (WhatsApp), "[10:32] kudzai: ...", "2024-03-10 09:15:01
tinashe: ...": the author is a name when its first word is a listed first name or rare in English, so a log
level, an agenda item or a plain word in the author's place ("09:15:01 ERROR: ...", "10:30 Keynote: ...",
"09:15 main: ...") is not.
"""

from __future__ import annotations

import re

from transforms.detectors.name_words import COMMON_WORD_ZIPF, NameWordLists
from transforms.lexicon.vocabulary import TECHNICAL_VOCABULARY
from transforms.records import Finding

__all__ = ["chat_speakers"]

# A line of a chat export: a timestamp (perhaps after a date), then the author's name and a colon.
_CHAT_SPEAKER = re.compile(
    r"(?m)^[ \t]*\[?(?:\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4},?[ \t]+)?\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[AaPp]\.?[Mm]\.?)?\]?"
    r"(?:[ \t]+[-–—])?[ \t]+(?P<name>[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*(?:[ \t][^\W\d_]+(?:['’-][^\W\d_]+)*){0,2})"
    r":[ \t]"
)
# Log levels and sources that stand where a chat export has its author.
_LOG_WORDS = frozenset("info warn warning error debug trace fatal critical notice severe alert emerg".split())


def chat_speakers(
    words: NameWordLists, text: str, w_start: int, w_end: int, score: float, detector: str
) -> list[Finding]:
    """The author of each chat line in ``text[w_start:w_end]``, in text order, judged by ``words``'s lists
    (``score``, ``detector`` the id the findings carry)."""
    out = []
    for m in _CHAT_SPEAKER.finditer(text, w_start, w_end):
        names = [w.casefold() for w in m.group("name").split()]
        if any(w in TECHNICAL_VOCABULARY or w in _LOG_WORDS for w in names):
            continue
        if names[0] not in words.first_names and words.english.get(names[0], 0.0) >= COMMON_WORD_ZIPF:
            continue  # "10:30 Keynote: ...", "14:00 Coffee break: ..."
        out.append(Finding("PERSON", m.start("name"), m.end("name"), score, detector))
    return out
