"""Words and their shapes, as the name detector sees them: tokens, letter case, glue to identifiers, lines,
and the grammar words (pronouns, determiners, auxiliaries) that are never part of a name.

Pure functions of the text; no name lists, no thresholds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = [
    "AUXILIARIES",
    "CODE_KEYWORDS",
    "DERIVED_WORD",
    "DETERMINERS",
    "FUNCTION_WORDS",
    "INITIAL_GAPS",
    "PRONOUNS",
    "SENTENCE_START",
    "Token",
    "glued",
    "korean_given_name",
    "line_around",
    "opens_line",
    "opens_question",
    "tokenize",
    "word_style",
]

#: A word and its offsets: ``(start, end, word)``.
Token = tuple[int, int, str]

# Words with inner apostrophes and hyphens ("O'Neil", "Al-Sayed"); a possessive "'s" is not part of the name.
_TOKEN = re.compile(r"[^\W\d_]+(?:(?:['’](?![sS](?![^\W\d_]))|-)[^\W\d_]+)*")
_GLUE = set("_@/\\=`")
# Romanised Korean syllables common in given names ("Min-jun", "Seo-yeon", "Ha-eun").
_KOREAN_SYLLABLES = frozenset(
    """a ae ah bin bo byung chae chan chang cheol chul da dae do dong eun geon gi gyu ha hae han hee ho hoon
    hwa hwan hye hyo hyun hyuk il in jae jang je ji jin jo joo joon ju jun jung kang ki kwang kyu kyung mi
    min myung na nam ok ra rin ryu sang se seo seok seon seul seung si so sol soo sook su suk sun sung tae
    ung won woo woong ye yeon yeong yi yong yoo yoon young yu yun""".split()
)
#: Only blanks, list marks or a sentence end before a word on its line: the word opens a sentence.
SENTENCE_START = re.compile(r"(?:^|[.!?>*#-]|\d[.)]|\[[ xX]\])[ \t]*$|\n[ \t]*$")
DETERMINERS = frozenset("the a an this that these those our your my their his her its".split())
# Auxiliaries that open a question ("Can I", "May we", "Will you"): with a pronoun after them, not names.
AUXILIARIES = frozenset(
    "can may will shall should could would must might do does did is are was were have has had".split()
)
PRONOUNS = frozenset("i we you he she they it".split())
# Function words never part of a name: "Bring Me Flowers", "Sing To Me".
FUNCTION_WORDS = frozenset(
    """me my mine you your yours we us our him his her hers they them their it its the a an this that these
    those to of in on at for with from by back up down out off over""".split()
)
#: Keywords before a lower-case identifier in code ("return conn", "import ada"): not a name.
CODE_KEYWORDS = frozenset(
    "return import from def class const let var await yield lambda raise del assert global new typeof self this".split()
)
#: Endings of English derived words ("unassigned", "refactoring", "deployment"): a rare word with one is a word.
DERIVED_WORD = re.compile(r"(?:ed|ing|tion|sion|ment|ness|able|ible|ity|ize|ise|ful|less|ous|ive)$")
#: What stands between an initial and the next word: "T. Mwale", "K.\nBanda".
INITIAL_GAPS = frozenset({". ", ".\n", "."})


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """The words of ``text[start:end]`` in order: letters, with inner apostrophes and hyphens."""
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


def word_style(tok: str) -> str:
    """The letter case of a word: ``upper`` ("EMMA"), ``title`` ("Emma"), ``lower`` or ``mixed``."""
    if tok.isupper() and len(tok) > 1:
        return "upper"
    if tok[0].isupper() and not tok[1:].isupper():
        return "title"
    if tok.islower():
        return "lower"
    return "mixed"


def korean_given_name(folded: str) -> bool:
    """True for two different romanised Korean syllables joined by a hyphen ("seo-yeon")."""
    parts = folded.split("-")
    return len(parts) == 2 and parts[0] != parts[1] and all(p in _KOREAN_SYLLABLES for p in parts)


def glued(text: str, start: int, end: int) -> bool:
    """The word ``text[start:end]`` is part of an identifier, a number, a path, a call or a dotted name."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before in _GLUE or after in _GLUE or before.isdigit() or after.isdigit():
        return True  # part of an identifier, a hash or a base64 string (boto3, 2eef76, S4Zi0O)
    if after == "-" and text[end + 1 : end + 2].isdigit():
        return True  # the prefix of a case, ticket or order number: "SUP-2023-0045512"
    if text[start].islower() and (after in "([" or text[end : end + 3].lstrip(" ")[:1] == "="):
        return True  # code: conn = ..., item(...)
    nxt = text[end + 1] if end + 1 < len(text) else " "
    return (after == "." and nxt.isalnum()) or (before == "." and start >= 2 and text[start - 2].isalnum())


def opens_line(text: str, start: int) -> bool:
    """Only blanks and quote marks (``>``) stand between the line's start and ``start``."""
    return not text[text.rfind("\n", 0, start) + 1 : start].strip(" \t>")


def line_around(text: str, pos: int) -> str:
    """The line of text around ``pos``, at most 200 characters either side (long lines stay cheap)."""
    lo, hi = max(0, pos - 200), min(len(text), pos + 200)
    start, end = text.rfind("\n", lo, pos), text.find("\n", pos, hi)
    return text[lo if start < 0 else start + 1 : hi if end < 0 else end]


def opens_question(text: str, tokens: Sequence[Token], i: int) -> bool:
    """ "Can I", "May we", "Will you": token ``i`` is an auxiliary before a subject pronoun, opening a question."""
    return (
        i + 1 < len(tokens)
        and tokens[i + 1][2].casefold() in PRONOUNS
        and text[tokens[i][1] : tokens[i + 1][0]] == " "
        and tokens[i][2].casefold() in AUXILIARIES
    )
