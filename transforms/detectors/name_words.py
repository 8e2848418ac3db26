"""What the name detector knows of a word: its name lists, English frequencies and the judgements made from them.

``NameWordLists`` holds the first names, their frequency as name words, the English word frequencies and the
words dictionaries write only capitalised, and answers the frequency questions the detector, the cues
(``name_cues.NameWords``) and the extension of names ask: is a word rare in English, a frequent first name, a
surname typed in lower case, shouted text, a phrase rather than a name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from transforms.detectors.name_cues import PERSON_VERBS
from transforms.detectors.name_tokens import (
    AUXILIARIES,
    CODE_KEYWORDS,
    DETERMINERS,
    FUNCTION_WORDS,
    INITIAL_GAPS,
    Token,
    glued,
    line_around,
    word_style,
)
from transforms.detectors.text_shapes import technical_nearby
from transforms.lexicon.names import (
    first_name_ranks,
    load_capitalised_words,
    load_english_words,
    load_places,
    load_surnames,
    load_unlisted_words,
    surname_rank,
)
from transforms.lexicon.thresholds import int_threshold, threshold
from transforms.lexicon.vocabulary import TECHNICAL_VOCABULARY

__all__ = [
    "ALONE_MAX_ZIPF",
    "COMMON_WORD_ZIPF",
    "CUED_MAX_ZIPF",
    "FIRST_RANK_LIMIT",
    "LEGAL_TERMS",
    "LOWER_WORD",
    "PHRASE_WORD_ZIPF",
    "SHOUT_SURNAME_RANK",
    "VOCATIVE_YOU_MAX_ZIPF",
    "NameWordLists",
]

COMMON_WORD_ZIPF = threshold("common_word_zipf")
PHRASE_WORD_ZIPF = threshold("names_phrase_word_zipf")
# A first word this frequent in English that is no frequent first name opens a sentence, not a name.
VERB_LIKE_ZIPF = threshold("names_verb_like_zipf")
# A census surname in lower case after a first name is taken below this English frequency ("will" is not).
LOWER_SURNAME_MAX_ZIPF = threshold("names_lower_surname_max_zipf")
# A census surname in lower case after a lower-case first name, frequent as a word but among the most frequent
# surnames: "martin short", not "maria long".
LOWER_FREQUENT_SURNAME_MAX_ZIPF = threshold("names_lower_frequent_surname_max_zipf")
LOWER_FREQUENT_SURNAME_RANK = int_threshold("names_lower_frequent_surname_rank")
# In capitals, a neighbour that is a common word and not a surname within this rank means shouted text.
SHOUT_SURNAME_RANK = int_threshold("names_shout_surname_rank")
# Surnames among the most frequent of the census list count as names even when they are English words.
_SURNAME_RANK_LIMIT = int_threshold("names_surname_rank_limit")
ALONE_MAX_ZIPF = threshold("names_alone_max_zipf")
CUED_MAX_ZIPF = threshold("names_cued_max_zipf")
FIRST_RANK_LIMIT = int_threshold("names_first_rank_limit")
# A first name in chat this frequent as an English word needs a census rank or a capital-only spelling to be
# taken as the person addressed ("Grant what if you ...", not "Dude why do you ...").
_VOCATIVE_MAX_ZIPF = threshold("names_vocative_max_zipf")
# Before "you" at a line's start, a first name must be rarer than this as a word: "Hope you are well" is no name.
VOCATIVE_YOU_MAX_ZIPF = threshold("names_vocative_you_max_zipf")

# "O'Brien", "D'Arcy", "O'Sullivan": a one-letter prefix and an apostrophe before a word that is no common
# English word is a surname, whatever the frequency of the whole ("o'clock" is a word).
_ELIDED_NAME = re.compile(r"[od]['’]([^\W\d_]{2,})")
#: A word in lower case: a line that holds one is no heading in capitals.
LOWER_WORD = re.compile(r"\b[a-z]{2,}\b")
#: The terms of the English legal year ("Hilary Term", "Trinity Sittings"), no names.
LEGAL_TERMS = frozenset({"michaelmas", "hilary", "easter", "trinity"})
# Words before a tool, product or place rather than a person: "switched to Buildkite", "install with Scoop".
_TOOL_PREPOSITIONS = frozenset(
    """with to from via on in into onto using use uses used install installed run runs deploy deployed over
    through at of for by under upgrade upgraded migrate migrated switch switched try tried""".split()
)


class NameWordLists:
    """The name lists and word frequencies of the name detector, and the frequency judgements made from them."""

    #: A word at least this frequent in English is a common word (read by the cues).
    common_word_zipf = COMMON_WORD_ZIPF
    #: A first name before "you" at a line's start must be rarer than this as a word (read by the cues).
    vocative_you_max_zipf = VOCATIVE_YOU_MAX_ZIPF

    def __init__(
        self,
        first_names: frozenset[str],
        word_freq: dict[str, float],
        english: dict[str, float] | None = None,
        capitalised: frozenset[str] | None = None,
    ) -> None:
        """Hold the first names and their name-word frequencies; the other lists default to the lexicon's."""
        self._first = first_names
        self._freq = word_freq
        self._english = load_english_words() if english is None else english
        self._capitalised = load_capitalised_words() if capitalised is None else capitalised

    @property
    def first_names(self) -> frozenset[str]:
        """Listed first names, casefolded."""
        return self._first

    @property
    def name_freq(self) -> dict[str, float]:
        """{first name: Zipf frequency as a word}, for the listed first names."""
        return self._freq

    @property
    def english(self) -> dict[str, float]:
        """{word: English Zipf frequency} of common English words."""
        return self._english

    @property
    def capitalised(self) -> frozenset[str]:
        """Common words that dictionaries write only capitalised ("emily")."""
        return self._capitalised

    def rare(self, folded: str) -> bool:
        """Rare in English and not technical vocabulary: more likely a name than a word."""
        elided = _ELIDED_NAME.fullmatch(folded)
        if elided is not None and self._english.get(elided.group(1), 0.0) < COMMON_WORD_ZIPF:
            return True  # "o'brien", "d'arcy"
        return (
            self._english.get(folded, 0.0) < COMMON_WORD_ZIPF
            and folded not in TECHNICAL_VOCABULARY
            and all(self._english.get(p, 0.0) < COMMON_WORD_ZIPF for p in folded.split("-"))
        )

    def addressable(self, folded: str) -> bool:
        """A listed first name that may open a question to its bearer or be the subject of a verb in chat: rare
        as a word, a frequent census first name or written only capitalised ("tanner", "grant", "emily"; not
        "dude", "so" or "just")."""
        return folded in self._first and (
            self._english.get(folded, 0.0) < _VOCATIVE_MAX_ZIPF
            or folded in self._capitalised
            or self.frequent_first_name(folded)
        )

    def frequent_first_name(self, folded: str) -> bool:
        """Among the most frequent census first names."""
        return first_name_ranks().get(folded, FIRST_RANK_LIMIT + 1) <= FIRST_RANK_LIMIT

    def technical_near(self, text: str, start: int, end: int) -> bool:
        """One tool, product or code token near ``start:end``: technical prose."""
        return technical_nearby(text, start, end, minimum=1)

    def verb_like(self, folded: str) -> bool:
        """A very frequent English word that is neither written only capitalised nor a frequent census first
        name: at the start of a run of capitalised words it is a verb or a sentence word ("See", "Run")."""
        return (
            self._english.get(folded, 0.0) >= VERB_LIKE_ZIPF
            and folded not in self._capitalised
            and first_name_ranks().get(folded, FIRST_RANK_LIMIT + 1) > FIRST_RANK_LIMIT
        )

    def lower_surname(self, folded: str) -> bool:
        """A lower-case word after a first name that is a surname: rare in English, or a census surname that is
        not among the most frequent English words ("kowalczyk", "short" in "martin short"; not "will")."""
        if folded in TECHNICAL_VOCABULARY or folded in FUNCTION_WORDS or folded in AUXILIARIES or len(folded) < 2:
            return False
        if any(part in TECHNICAL_VOCABULARY for part in folded.split("-")):
            return False  # "grafana-cli"
        zipf = self._english.get(folded, 0.0)
        if zipf < COMMON_WORD_ZIPF:
            return True
        return (
            zipf < LOWER_SURNAME_MAX_ZIPF and load_surnames().get(folded, SHOUT_SURNAME_RANK + 1) <= SHOUT_SURNAME_RANK
        )

    def frequent_surname(self, folded: str) -> bool:
        """A census surname among the most frequent ones that is also a frequent English word ("short" in
        "martin short"), but not a function word or among the most frequent words ("long", "will")."""
        return (
            self._english.get(folded, 0.0) < LOWER_FREQUENT_SURNAME_MAX_ZIPF
            and surname_rank(folded) <= LOWER_FREQUENT_SURNAME_RANK
            and folded not in FUNCTION_WORDS
            and folded not in AUXILIARIES
            and folded not in TECHNICAL_VOCABULARY
        )

    def census_pair(self, text: str, tokens: Sequence[Token], i: int) -> bool:
        """A frequent census first name then a frequent census surname, both in lower case: a full name even when
        both are words ("martin short", "rose bush" too)."""
        if (
            i + 1 >= len(tokens)
            or text[tokens[i][1] : tokens[i + 1][0]] != " "
            or word_style(tokens[i + 1][2]) != "lower"
        ):
            return False
        first = tokens[i][2].casefold()
        return (
            first_name_ranks().get(first, FIRST_RANK_LIMIT + 1) <= FIRST_RANK_LIMIT
            and self.frequent_surname(tokens[i + 1][2].casefold())
            and not glued(text, tokens[i + 1][0], tokens[i + 1][1])
        )

    def emphasis(self, text: str, tokens: Sequence[Token], i: int) -> bool:
        """A very frequent English word in capitals in a line of lower-case words: emphasis ("Thank you SO much"),
        not a name ("Regards, JOHN" keeps a frequent census first name)."""
        folded = tokens[i][2].casefold()
        return (
            self._english.get(folded, 0.0) >= CUED_MAX_ZIPF
            and folded not in self._capitalised
            and first_name_ranks().get(folded, FIRST_RANK_LIMIT + 1) > FIRST_RANK_LIMIT
            and LOWER_WORD.search(line_around(text, tokens[i][0])) is not None
        )

    def shouting(self, text: str, tokens: Sequence[Token], i: int) -> bool:
        r"""A word in capitals next to a common English word in capitals on the same line: shouted text
        ("SO GOOD", "I LOVE IT"), not a name in capitals ("Regards,\nJUN WU")."""
        for j in (i - 1, i + 1):
            if not 0 <= j < len(tokens):
                continue
            a, b = (tokens[j][1], tokens[i][0]) if j < i else (tokens[i][1], tokens[j][0])
            tok = tokens[j][2]
            if "\n" in text[a:b] or not tok.isupper() or any(c.isalnum() or c in "()[]" for c in text[a:b]):
                continue  # "LIMITED (2) DESMOND PRYCE": a list number or bracket parts the words
            if self._shouted_word(tok.casefold()):
                return True
        return False

    def _shouted_word(self, folded: str) -> bool:
        """A word in capitals that makes its neighbour shouted text: "I", or a common English word that is no
        first name, surname or word written only capitalised."""
        return folded == "i" or (
            folded not in self._first
            and folded not in self._capitalised
            and self._english.get(folded, 0.0) >= COMMON_WORD_ZIPF
            and surname_rank(folded) > SHOUT_SURNAME_RANK
            and not self.rare(folded)
        )

    def phrase(self, toks: Sequence[Token]) -> bool:
        """A run of capitalised words that is a title or phrase, not a name: it holds a function word
        ("Bring Me Flowers", "Sing To Me"), or every word is a frequent English word written in lower case too,
        the first is not a frequent first name and none after it a frequent surname ("Happy Hour", but not
        "Will Smith", "Maria Costa" or "Grace Park")."""
        words = [t[2].casefold() for t in toks if len(t[2]) > 1]  # not middle initials ("Juliusz A Kwiatkowski")
        if len(words) == 2 and words[0] in LEGAL_TERMS and words[1] in ("term", "sittings"):
            return True  # the terms of the English legal year: "Hilary Term", "Trinity Sittings"
        if any(w in FUNCTION_WORDS for w in words):
            return True
        if first_name_ranks().get(words[0], FIRST_RANK_LIMIT + 1) <= FIRST_RANK_LIMIT:
            return False  # "Maria Costa": a frequent first name starts a name, whatever follows
        surnames = load_surnames()
        return all(
            self._english.get(w, 0.0) >= PHRASE_WORD_ZIPF and w not in self._capitalised for w in words
        ) and not any(surnames.get(w, _SURNAME_RANK_LIMIT + 1) <= _SURNAME_RANK_LIMIT for w in words[1:])

    def proper_noun(self, text: str, tokens: Sequence[Token], i: int) -> bool:
        """A rare capitalised word inside a sentence that is a listed surname or not ASCII ("starring Kowalczyk",
        "than early Dvořák") or, outside technical prose, in no dictionary, list of places or list of tools'
        neighbours ("than LeQueen", not "switched to Buildkite"), or before a verb ("Farai lives", "Chidera
        began"), or possessive ("Tendai's"), or after an initial ("T. Mwale"): a name. Runs of capitalised words
        ("Open Data Portal") are left to the organisation rules."""
        start, end = tokens[i][0], tokens[i][1]
        if text[end : end + 2] in ("'s", "’s") and not text[end + 2 : end + 3].isalpha():
            return True  # a possessive: "Tendai's laptop"
        if (
            i
            and len(tokens[i - 1][2]) == 1
            and tokens[i - 1][2].isupper()
            and text[tokens[i - 1][1] : start] in INITIAL_GAPS
        ):
            return True  # after an initial: "T. Mwale", "K.\nBanda"
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and text[end : nxt[0]] in (" ", "\n") and word_style(nxt[2]) in ("title", "upper"):
            return False
        if nxt is not None and text[end : nxt[0]] == " " and nxt[2] in PERSON_VERBS:
            return True
        if i == 0 or text[tokens[i - 1][1] : start] != " ":
            return False
        prev = tokens[i - 1][2]
        if word_style(prev) != "lower" or prev in CODE_KEYWORDS or prev in DETERMINERS:
            return False
        # Inside a sentence the word must be a listed surname or carry letters outside ASCII ("Dvořák"):
        # product names ("we use Pulumi") are neither.
        word = tokens[i][2]
        if word.casefold() in load_surnames() or not word.isascii():
            return True
        # With no tool or code nearby, a word in no dictionary and no list of places, after a word that does
        # not introduce tools, products or places ("with", "to", "via", "using"), is a name ("than LeQueen").
        return (
            prev not in _TOOL_PREPOSITIONS
            and word.casefold() not in load_places()
            and word.casefold() not in load_unlisted_words()
            and not self.technical_near(text, start, end)
        )
