"""Shapes of text that several detectors ask about: how a long text is cut into windows, and whether a
span sits in technical prose (tools, products, code nearby).

Shared by the spaCy NER detector and the name-list detector, so neither imports the other.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from transforms.lexicon.names import load_english_words
from transforms.lexicon.thresholds import int_threshold, threshold
from transforms.lexicon.vocabulary import TOOL_WORDS, is_tool_name

__all__ = [
    "TECH_TOOL_MAX_ZIPF",
    "TECH_WINDOW",
    "chunk_spans",
    "in_tool_list",
    "in_vocabulary_list",
    "technical_hits",
    "technical_nearby",
]

#: Characters on each side of a span searched for tool words and code.
TECH_WINDOW = int_threshold("ner_tech_window")
#: Tool words at least this frequent in English ("table", "word", "react", "spark") do not make a text technical.
TECH_TOOL_MAX_ZIPF = threshold("ner_tech_zipf")

# A word of technical prose, with the punctuation that joins identifiers ("pd.read_csv()", "c++", "a=b").
_TECH_TOKEN = re.compile(r"[A-Za-z][\w.+#:/=()-]*")
# Code in the text: snake_case, member access, paths, schemes, assignments, calls ("read_csv", "pd.read",
# "/var/log", "jdbc:", "x=1", "head()").
_CODE_TOKEN = re.compile(r"[a-z0-9]_[a-z0-9]|[a-z]\.[a-z]{2,}\(|[a-z]/[a-z]|[a-z]:/|[a-z]=[\w\"']|\(\)")


def chunk_spans(length: int, chunk: int, overlap: int) -> Iterator[tuple[int, int, int, int]]:
    """Yield ``(window_start, window_end, own_start, own_end)`` covering ``[0, length)``.

    Windows are ``chunk`` long and overlap by ``overlap``; the owned ranges tile ``[0, length)``
    exactly, each starting ``overlap // 2`` inside its window (except at the text's ends).
    """
    if length <= chunk:
        yield (0, length, 0, length)
        return
    step = chunk - overlap
    half = overlap // 2
    start = 0
    while True:
        end = min(start + chunk, length)
        own_start = 0 if start == 0 else start + half
        own_end = length if end == length else end - (overlap - half)
        yield (start, end, own_start, own_end)
        if end == length:
            return
        start += step


def technical_nearby(
    text: str,
    start: int,
    end: int,
    *,
    minimum: int,
    window: int = TECH_WINDOW,
    tool_max_zipf: float = TECH_TOOL_MAX_ZIPF,
    links: bool = True,
) -> bool:
    """True if at least ``minimum`` tool or product words (rarer in English than ``tool_max_zipf``) or code
    tokens occur within ``window`` characters before ``start`` or after ``end``; links ("https://...") count
    as code only if ``links``."""
    near = text[max(0, start - window) : start] + " " + text[end : end + window]
    return technical_hits(near, stop_at=minimum, tool_max_zipf=tool_max_zipf, links=links) >= minimum


def technical_hits(
    text: str, *, stop_at: int | None = None, tool_max_zipf: float = TECH_TOOL_MAX_ZIPF, links: bool = False
) -> int:
    """How many tool or product words (rarer in English than ``tool_max_zipf``) and code tokens ``text`` holds,
    counting up to ``stop_at`` at most; links ("https://...") count as code only if ``links``."""
    english = load_english_words()
    hits = 0
    for m in _TECH_TOKEN.finditer(text):
        word = m.group().rstrip(".:;()").casefold()
        if not links and ("://" in word or word.startswith("www.")):
            continue
        if (word in TOOL_WORDS and english.get(word, 0.0) < tool_max_zipf) or _CODE_TOKEN.search(word):
            hits += 1
            if stop_at is not None and hits >= stop_at:
                break
    return hits


# What separates the items of a list on one line: commas, semicolons, bars, bullets, slashes, "&", "and", "or".
_ITEM_SEPARATOR = re.compile(r"[,;|•·/]|\s&\s|\s(?:and|or)\s")
# A note after an item that is no part of it: "(2 years)", "(AWS)", "[advanced]".
_ITEM_NOTE = re.compile(r"\([^()\n]*\)|\[[^\[\]\n]*\]")
# The end of the text before a list item: nothing, a separator or a list lead ("Tools:", "•", "-").
_ITEM_BEFORE = re.compile(r"(?:^|[,;|•·/:*>&-]|\s(?:and|or))\s*$")
# The start of the text after a list item: nothing, a separator or a full stop.
_ITEM_AFTER = re.compile(r"\s*(?:$|[,;|•·/.&]|(?:and|or)\s)")
# A list lead at the start of an item: "Tools: ", "• ", "- ".
_ITEM_LEAD = re.compile(r"^.*[:•·*>]\s*|^\s*-\s*")
_LIST_REACH = 200


def in_tool_list(text: str, start: int, end: int, minimum: int = 2) -> bool:
    """True if ``start:end`` is an item of a list on one line ("Tableau, Power BI, SPSS", "Linux / Windows")
    of which at least ``minimum`` other items are tool or product names (``vocabulary.is_tool_name``): an
    item of a skills or tools list is a tool too."""
    items = _list_items(text, start, end, columns=False)
    return items is not None and sum(is_tool_name(item) for item in items) >= minimum


# Two or more blanks part the fields of a document flattened to one line ("Skills  Teamwork  Budgeting").
_COLUMN_SEPARATOR = re.compile(_ITEM_SEPARATOR.pattern + r"|[ \t]{2,}")
_COLUMN_BEFORE = re.compile(r"(?:^|[,;|•·/:*>&-]|\s(?:and|or)|[ \t]{2})\s*$")
_COLUMN_AFTER = re.compile(r"\s*(?:$|[,;|•·/.&]|(?:and|or)\s)|[ \t]{2}")


def in_vocabulary_list(text: str, start: int, end: int, item: Callable[[str], bool], minimum: int = 2) -> bool:
    """True if ``start:end`` is an item of a list on one line, or of fields parted by runs of blanks, of which at
    least ``minimum`` other items satisfy ``item`` ("Teamwork, Budgeting, Public Speaking")."""
    items = _list_items(text, start, end, columns=True)
    return items is not None and sum(item(i) for i in items if i) >= minimum


def _list_items(text: str, start: int, end: int, *, columns: bool) -> list[str] | None:
    """The other items of the list ``start:end`` is an item of (list leads removed), or None if it is in none."""
    line_start = max(text.rfind("\n", 0, start) + 1, start - _LIST_REACH)
    line_end = text.find("\n", end)
    line_end = min(len(text) if line_end < 0 else line_end, end + _LIST_REACH)
    before = _ITEM_NOTE.sub(" ", text[line_start:start])
    after = _ITEM_NOTE.sub(" ", text[end:line_end])
    lead, trail, separator = (
        (_COLUMN_BEFORE, _COLUMN_AFTER, _COLUMN_SEPARATOR) if columns else (_ITEM_BEFORE, _ITEM_AFTER, _ITEM_SEPARATOR)
    )
    if lead.search(before) is None or trail.match(after) is None:
        return None
    items = separator.split(before)[:-1] + separator.split(after)[1:]
    return [_ITEM_LEAD.sub("", item).strip() for item in items]
