"""Ordinary technical and business vocabulary that spaCy's NER often mistakes for names or places.

Used only to veto statistical (NER) findings: a pattern, dictionary or credential finding is never
vetoed by this list. Everything is lower case; matching is on the casefolded entity text, and an
entity made only of these words, identifiers (tokens with digits or underscores, dotted names such
as ``config.yaml``) and punctuation is vetoed too. The lists are general categories (programming
languages, products, SQL words, months and quarters, job titles, document and form words), not the
words of any one corpus; each is a file under ``data/vocabulary/``, listed in ``SOURCES.md``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from transforms.lexicon.wordlists import word_list

__all__ = [
    "EDGE_ROLES",
    "EDGE_WORDS",
    "SKILL_NAMES",
    "SKILL_WORDS",
    "SOFTWARE_NAMES",
    "TECHNICAL_VOCABULARY",
    "TITLE_NOUNS",
    "TOOL_WORDS",
    "VENDORS",
    "degree_field_before",
    "imperative",
    "is_chat_word",
    "is_common_word_phrase",
    "is_degree_phrase",
    "is_degree_word",
    "is_identifier",
    "is_listed_name",
    "is_ordinary_vocabulary",
    "is_tool_name",
]

# Each list is a file of ``data/vocabulary/`` whose first line says what it holds (sources: ``SOURCES.md``).
_LANGUAGES = word_list("vocabulary/languages.txt")
_TOOLS = word_list("vocabulary/tools.txt")
_DEV_TOOLS = word_list("vocabulary/dev_tools.txt")
# Widely used products by hand, and languages, file formats, frameworks and operating systems from maintained
# package data (Pygments, trove-classifiers, mimetypes; built by ``data/make_software_names.py``, less names).
_PRODUCTS = word_list("vocabulary/products.txt")
SOFTWARE_NAMES: frozenset[str] = _PRODUCTS | word_list("vocabulary/software_names.txt")
# Skills, tools and methods of a maintained skills gazetteer ("public speaking", "inventory management";
# phrases only, built by ``data/make_skill_names.py``, less names, places and bodies): vocabulary, not a sign of
# technical prose.
SKILL_NAMES: frozenset[str] = word_list("skill_names.txt")
# Its single words ("pyspark", "sitecore"), as often companies as products ("blackrock"): vocabulary only in
# technical text (``ner.SpacyNerDetector``), never part of ``TECHNICAL_VOCABULARY``.
SKILL_WORDS: frozenset[str] = word_list("skill_words.txt")
_TIME = word_list("vocabulary/calendar.txt")
_TITLES = word_list("vocabulary/job_titles.txt")
_COMMON = word_list("vocabulary/business_words.txt")
_LEGAL = word_list("vocabulary/legal.txt")
# Chat abbreviations and spellings of speech ("imma", "kinda", "dat"); with them in the vocabulary, genres of
# film, TV and books ("Comedy", "Mystery & Suspense") and banking words spaCy takes for organisations.
CHAT_WORDS: frozenset[str] = word_list("vocabulary/chat.txt")
_CHAT = CHAT_WORDS | word_list("vocabulary/genres_banking.txt")

_COMMON_SET = _TITLES | _COMMON
# Whole phrases ("power bi", "force majeure") and departments, the name of a function inside any organisation,
# not of an organisation ("human resources").
TECHNICAL_VOCABULARY: frozenset[str] = (
    frozenset().union(
        _LANGUAGES, _TOOLS, _DEV_TOOLS, SOFTWARE_NAMES, SKILL_NAMES, _TIME, _TITLES, _COMMON, _LEGAL, _CHAT
    )
    | word_list("vocabulary/phrases.txt")
    | word_list("vocabulary/human_languages.txt")
    | word_list("vocabulary/departments.txt")
)
# Companies whose names are also their products: organisations outside technical prose ("I work at Google",
# "Apple products"), products inside it (``ner._not_a_name`` drops them there), and a sign of technical prose.
VENDORS: frozenset[str] = word_list("vocabulary/vendors.txt")
_VENDOR_SET = VENDORS
# Product and tool names of software development: with several of them near a word, the text is technical.
TOOL_WORDS: frozenset[str] = _LANGUAGES | _TOOLS | _DEV_TOOLS | SOFTWARE_NAMES | VENDORS
# Nouns that end a job title ("Mental Health Counselor", "Associate Art Editor").
TITLE_NOUNS: frozenset[str] = word_list("vocabulary/title_nouns.txt")

# Words that open or close an NER span without being part of the name: "Hi Sam", "Mr Do", "Jane Roe,
# Solutions Architect". Only these are trimmed from a span's edges (never months or products: "June Carter"
# and "Apple Inc" are names).
EDGE_ROLES: frozenset[str] = word_list("vocabulary/roles.txt")
EDGE_WORDS: frozenset[str] = EDGE_ROLES | word_list("vocabulary/salutations.txt")
# Words that end an organisation's name: "Tableau Software" and "Amazon Web Services" are companies even
# though each word alone is ordinary vocabulary.
_ORG_ENDINGS = word_list("vocabulary/org_endings.txt")

_PUNCT = ".,:;!?()[]{}'\"`*#"

# Laughter, elongated words and letters held ("hahaha", "ahahah", "lololol", "Aaawww", "YASSSS", "sooo"): no
# name repeats a letter three times or is a run of "ha" syllables.
_INTERJECTION = re.compile(
    r"(?i)[^\W\d_]*([^\W\d_])\1\1[^\W\d_]*|b?w?a?(?:h+[aeiou]+){2,}h*|l+o+l+(?:o+l+)*|l+m+f*a+o+|x+o+x+o+"
)


def is_chat_word(word: str) -> bool:
    """A chat abbreviation or spelling of speech ("lol", "imma", "dat"), laughter ("hahaha") or an elongated
    word ("Aaawww", "YASSSS"): never a name."""
    core = word.strip(_PUNCT).casefold()
    return bool(core) and (core in CHAT_WORDS or _INTERJECTION.fullmatch(core) is not None)


def is_identifier(word: str) -> bool:
    """A token that is code or a number, not a word of a name: it holds a digit or an underscore, or is a
    dotted name such as ``config.yaml`` or ``lukasz.mazur`` (letters on both sides of an inner dot)."""
    if not any(c.isalpha() for c in word):
        return True
    if any(c.isdigit() or c == "_" for c in word):
        return True
    inner = word.strip(_PUNCT)
    parts = inner.split(".")
    return len(parts) > 1 and sum(len(p) >= 2 for p in parts) >= 2


def is_ordinary_vocabulary(entity_text: str) -> bool:
    """True if the text is a listed word or phrase, made only of listed words and phrases, identifiers and
    punctuation ("Operating Systems Windows 10"), a listed name written apart ("Power Point"), or a degree phrase
    (``is_degree_phrase``)."""
    folded = " ".join(entity_text.casefold().split())
    if not folded or folded in TECHNICAL_VOCABULARY or is_degree_phrase(entity_text):
        return True
    words = [w for w in (w.strip(_PUNCT) for w in folded.split()) if w]
    if (
        len(words) > 1
        and words[-1] in _ORG_ENDINGS
        and any(w not in _ORG_ENDINGS and w not in _COMMON_SET for w in words[:-1])
    ):
        return False
    # A vendor's name before product words is a product ("Microsoft Teams", "Google Cloud"); alone, a company.
    vendor_ok = len(words) > 1 and not all(w in _VENDOR_SET for w in words)
    if is_listed_name(" ".join(words)):
        return True
    return _listed_phrases(words, lambda w: is_identifier(w) or (vendor_ok and w in _VENDOR_SET) or _spelled_degree(w))


def is_listed_name(text: str) -> bool:
    """True if the text is a listed word or phrase as a whole, also written apart ("Power Point", "Mat Lab")."""
    words = [w for w in (w.strip(_PUNCT) for w in text.casefold().split()) if w]
    if " ".join(words) in TECHNICAL_VOCABULARY:
        return True
    return 1 < len(words) <= 3 and all(len(w) > 1 for w in words) and "".join(words) in TECHNICAL_VOCABULARY


_LONGEST_PHRASE = 5


def _listed_phrases(words: list[str], single: Callable[[str], bool]) -> bool:
    """True if ``words`` split into listed words and phrases one after another ("operating systems" + "windows"),
    or single words ``single`` accepts."""
    reached = [True] + [False] * len(words)
    for i in range(len(words)):
        if not reached[i]:
            continue
        if single(words[i]):
            reached[i + 1] = True
        for j in range(i + 1, min(len(words), i + _LONGEST_PHRASE) + 1):
            if " ".join(words[i:j]) in TECHNICAL_VOCABULARY:
                reached[j] = True
    return reached[-1]


def _spelled_degree(word: str) -> bool:
    """A degree word spelled out ("diploma", "certified"), not an abbreviation that is also a word."""
    return len(word) > 4 and word in _DEGREES


# After a capitalised word at the start of a sentence, these make it an imperative verb:
# "Chase the vendor", "Mark it as resolved", "Bill them for it".
IMPERATIVE_OBJECTS = frozenset("it the a an them this that these those".split())
_SENTENCE_LEAD = re.compile(r"(?:^|[.!?:;—–\-\]>*]|\[[ x]\])[ \t]*$")


def imperative(text: str, start: int, end: int) -> bool:
    """True if the word at ``start:end`` opens a sentence or list item and is followed by an object such as
    "the" or "it": then it is a verb ("Chase the vendor"), not a name."""
    line_start = text.rfind("\n", 0, start) + 1
    if not _SENTENCE_LEAD.search(text[max(line_start, start - 40) : start]):
        return False
    nxt = text[end : end + 8]
    if nxt[:1] not in (" ", "\n"):  # "Chase the vendor", or wrapped: "Chase\nthe vendor"
        return False
    word = nxt[1:].split(" ", 1)[0].split("\n", 1)[0]
    return word in IMPERATIVE_OBJECTS


_COMMON_AND_TIME = _TITLES | _COMMON | _TIME


def is_common_word_phrase(text: str) -> bool:
    """True if every word is a common business, title or calendar word ("Monday", "Head Office"); product
    and company names do not count, so "I work for Microsoft" keeps its employer."""
    words = [w.strip(_PUNCT).casefold() for w in text.split()]
    return all(not w or w in _COMMON_AND_TIME or is_identifier(w) for w in words)


def is_tool_name(text: str) -> bool:
    """A software name: one or more words, each a listed vocabulary word, a vendor or an identifier, with at
    least one listed language, tool or product ("Power BI", "Microsoft Excel", "Python 3")."""
    words = [w for w in (w.strip(_PUNCT).casefold() for w in text.split()) if w]
    return (
        bool(words)
        and any(w in TOOL_WORDS and w not in _VENDOR_SET for w in words)
        and all(w in TECHNICAL_VOCABULARY or w in _VENDOR_SET or is_identifier(w) for w in words)
    )


# Degree words ("bachelor", "diploma", "licenciatura") and abbreviations without their dots ("btech", "msc").
_DEGREES = word_list("vocabulary/degrees.txt")
# Words that may stand before a degree word: "Post Graduate Diploma", "Executive MBA", "Integrated M.Tech".
_DEGREE_QUALIFIERS = frozenset(
    "post graduate postgraduate undergraduate executive integrated advanced dual joint honours hons higher "
    "national professional online".split()
)
# Words that join a degree to its subject, in the languages of ``degrees.txt``: "Bachelor of Music in
# Composition", "Licenciatura en Derecho", "Master em Gestão", "Laurea in Fisica", "Diplom im Fach", "magister z ...".
_DEGREE_JOINERS = frozenset("of in en em di de der im w z".split())
# Words that end a degree phrase: the institution that awarded it follows ("Diploma in Design from ...").
_DEGREE_STOPS = frozenset(
    "from at von bei à chez na presso por university college institute school academy universität université "
    "universidad universidade università universiteit uniwersytet hochschule".split()
)
_DEGREE_SEPARATORS = frozenset(",;:()[]|—–")
# An initial and the word it abbreviates with, written apart: "B. Tech", "M. Sc" ("B.Tech", "M.Sc").
_INITIAL_SPACE = re.compile(r"(?<![^\s(])([A-Z])\.[ \t]+(?=[A-Z][a-z]{1,4}\b)")


def is_degree_word(word: str) -> bool:
    """A degree word: spelled out ("Bachelor", "diploma"), or an abbreviation written with dots or capitals
    ("B.Tech", "M.Sc.", "MBA", "PhD"), never a short everyday word in lower or title case ("be", "Me")."""
    core = word.strip(_PUNCT.replace("'", ""))
    key = core.replace(".", "").replace("’", "'").casefold()
    if key not in _DEGREES:
        return False
    if len(key) > 4 or "." in core:
        return True
    return sum(c.isupper() for c in core) >= 2


def is_degree_phrase(text: str) -> bool:
    """True for a degree or diploma and its subject: "Bachelor of Music in Composition", "B.Tech in Civil
    Engineering", "MBA", "Postgraduate Diploma in Design", "Licenciatura en Derecho". An institution after it
    ("... from X", "... University") makes it no degree phrase; a two-letter abbreviation without dots ("MA",
    "MS", also state codes) counts only before its subject ("MS in Statistics")."""
    words = _INITIAL_SPACE.sub(r"\1.", text).split()
    i = 0
    while i < len(words) and words[i].casefold() in _DEGREE_QUALIFIERS:
        i += 1
    if 0 < i < len(words) - 1 and words[i].casefold() in ("in", "of"):
        i -= 1  # "Graduate in Commerce", "Postgraduate in Law": the qualifier stands for the degree
    elif i == len(words) or not is_degree_word(words[i]) or len(words) - i > 12:
        return False
    head, rest = words[i], words[i + 1 :]
    if len(head.strip(_PUNCT)) <= 2 and (not rest or rest[0].casefold() not in _DEGREE_JOINERS):
        return False
    return not any(w.strip(_PUNCT).casefold() in _DEGREE_STOPS or w[-1:] in _DEGREE_SEPARATORS for w in rest)


def degree_field_before(text: str, start: int) -> bool:
    """True if a degree phrase on the same line leads up to ``start``, so that what starts there is its subject:
    "Diploma in |Marine Surveying", "Bachelor of Music in |Composition"."""
    line_start = text.rfind("\n", 0, start) + 1
    words = text[max(line_start, start - 80) : start].split()
    if not words or words[-1].casefold() not in _DEGREE_JOINERS:
        return False
    for i in range(len(words) - 2, max(-1, len(words) - 8), -1):
        word = words[i]
        if word.strip(_PUNCT).casefold() in _DEGREE_STOPS or word[-1:] in _DEGREE_SEPARATORS:
            return False
        if is_degree_word(word):
            return True
    return False
