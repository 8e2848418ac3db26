"""Judges named by their judicial titles and post-nominal letters, and the name words such titles take.

"Lewison LJ held", "Kiefel CJ, Gageler, Keane and Edelman JJ", "Scalia, J., dissenting" (post-nominal letters
of England and Wales, Australia, Canada, Hong Kong, Singapore and the US), and "WARDLAW, BYBEE, and MILLER,
Circuit Judges": each judge of a list is a name of its own. ``titled_name_word`` says whether a word after
a title ("Lord Hughes") or before post-nominal letters is a name rather than an office or a document word;
the context rules read it too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from transforms.detectors.name_tokens import FUNCTION_WORDS, Token, glued, word_style
from transforms.detectors.name_words import FIRST_RANK_LIMIT
from transforms.lexicon.names import first_name_ranks, load_english_words, surname_rank
from transforms.lexicon.thresholds import int_threshold, threshold
from transforms.lexicon.vocabulary import TECHNICAL_VOCABULARY, is_ordinary_vocabulary
from transforms.records import Finding

__all__ = ["judges", "titled_name_word"]

# Offices, ranks and document words next to a title or a judge's post-nominal letters that are no name:
# "Lord Chief Justice", "Lord Mayor", "Master Plan", "Appendix J", "Schedule P".
_OFFICE_WORDS = frozenset(
    """chief justice justices judge judges mayor chancellor advocate lieutenant president provost privy speaker
    chamberlain protector commissioner bishop archbishop spiritual temporal lords commons council high steward
    warden rector lord lady master mistress almighty god court courts division bench secretary minister deputy
    rolls clerk registrar recorder district circuit magistrate senior presiding honourable honorable hon mr mrs
    ms miss dr sir dame appendix annex schedule exhibit section part table figure fig chapter article item tab
    clause paragraph para page note form volume vol series rule grade level class type model group team phase
    stage option plan vitamin unit attorney general solicitor counsel queen king crown state people""".split()
)
# A title's name word: a census surname within this rank, a frequent first name, or rarer than this in English.
TITLED_SURNAME_RANK = int_threshold("names_titled_surname_rank")
TITLED_MAX_ZIPF = threshold("names_titled_max_zipf")
# After "Master", "Registrar" or "Recorder", and before a lone "J" or "P": stricter.
TITLED_STRICT_MAX_ZIPF = threshold("names_titled_strict_max_zipf")

# Post-nominal letters of judges (England and Wales, Australia, Canada, Hong Kong, Singapore): "Arden LJ",
# "Kiefel CJ", "Gummow and Hayne JJ", US "Scalia, J." and "Roberts, C.J."; and US "X, Circuit Judge".
_JUDGE_SUFFIXES = frozenset("J JJ LJ LJJ CJ LCJ ACJ JA JJA AJ AJA JSC PSC DPSC MR P SCJ".split())
_PLURAL_JUDGE_SUFFIXES = frozenset({"JJ", "LJJ", "JJA", "Judges", "JUDGES"})
_STRICT_JUDGE_SUFFIXES = frozenset({"J", "P", "MR"})
_JUDGE_WORDS = frozenset({"Judge", "Judges", "JUDGE", "JUDGES"})
_JUDGE_QUALIFIERS = frozenset(
    "circuit district magistrate bankruptcy chief senior united states presiding appellate trial".split()
)
# What follows post-nominal letters: a clause in lower case, punctuation, "and", a possessive or a line end.
_AFTER_JUDGE_SUFFIX = re.compile(r"\.?(?:[ \t]*(?:[,;:)\]]|$|\n)|[ \t]+(?:[a-z(]|and\b|AND\b|&))|['’]s\b|\.[ \t]+[A-Z]")
# The separator of a list of judges: "Gummow and Hayne JJ", "Abella, Moldaver, Karakatsanis JJ".
_JUDGE_LIST_SEP = re.compile(r"(?:,[ \t]*(?:(?:and|AND|&)[ \t]+)?|[ \t]+(?:and|AND|&)[ \t]+)$")
# A judge's title or post-nominal letters say "person" more surely than a statistical model's label.
_JUDGE_SCORE = threshold("names_judge_score")
# At most this many judges are read back from one set of post-nominal letters.
_MAX_JUDGES = 8


def titled_name_word(word: str, strict: bool = False) -> bool:
    """A word after a title ("Lord Hughes", "Lady Black") or before a judge's post-nominal letters ("Arden
    LJ") that is a name: a listed surname or first name, or no common English word; never an office, a
    document word or technical vocabulary."""
    folded = word.casefold().strip(".,;:")
    if len(folded) < 2 or folded in _OFFICE_WORDS or folded in FUNCTION_WORDS or not folded[0].isalpha():
        return False
    if "-" in folded.strip("-") and surname_rank(folded) > TITLED_SURNAME_RANK:
        return all(titled_name_word(part, strict=strict) for part in folded.split("-"))  # "Smith-Okoye"
    rank = surname_rank(folded)
    if folded in TECHNICAL_VOCABULARY and rank > TITLED_SURNAME_RANK:
        return False
    if rank <= TITLED_SURNAME_RANK:
        return not (strict and is_ordinary_vocabulary(word))
    if first_name_ranks().get(folded, FIRST_RANK_LIMIT + 1) <= FIRST_RANK_LIMIT:
        return True
    english = load_english_words()
    limit = TITLED_STRICT_MAX_ZIPF if strict else TITLED_MAX_ZIPF
    return all(english.get(part, 0.0) < limit for part in folded.split("-")) and english.get(folded, 0.0) < limit


def judges(text: str, tokens: Sequence[Token], detector: str) -> list[Finding]:
    """Judges named before their post-nominal letters ("Lewison LJ held", "Kiefel CJ, Gageler, Keane and
    Edelman JJ", "Scalia, J., dissenting") or before ", Circuit Judges" ("WARDLAW, BYBEE, and MILLER,
    Circuit Judges"), each name of a list on its own, in the order of their titles; ``detector`` is the id
    the findings carry."""
    out: list[Finding] = []
    for k, (_, _, tok) in enumerate(tokens):
        title = _judicial_title(text, tokens, k)
        if title is None:
            continue
        first, strict = title
        for start, end in _judge_names(text, tokens, first - 1, strict, tok in _PLURAL_JUDGE_SUFFIXES):
            out.append(Finding("PERSON", tokens[start][0], tokens[end][1], _JUDGE_SCORE, detector))
    return out


def _judicial_title(text: str, tokens: Sequence[Token], k: int) -> tuple[int, bool] | None:
    """If token ``k`` is a judicial title after a name: the index of the title's first word and whether the
    name before it is judged strictly (after a lone "J", "P" or "MR"); otherwise None."""
    tok = tokens[k][2]
    if tok in _JUDGE_WORDS:
        return _circuit_judge(text, tokens, k)
    if tok in _JUDGE_SUFFIXES:
        return _post_nominal(text, tokens, k)
    return None


def _circuit_judge(text: str, tokens: Sequence[Token], k: int) -> tuple[int, bool] | None:
    """ "X, Circuit Judge": the qualifiers before "Judge" start the title, which follows a comma."""
    first = k
    while first > 0 and tokens[first - 1][2].casefold() in _JUDGE_QUALIFIERS:
        first -= 1
    if first in (0, k) or text[tokens[first - 1][1] : tokens[first][0]] != ", ":
        return None  # "X, Circuit Judge", not "Master Key, Judge Rules"
    return first, False


def _post_nominal(text: str, tokens: Sequence[Token], k: int) -> tuple[int, bool] | None:
    """Post-nominal letters ("LJ", "C.J.") after a space, or after a comma when written with a stop ("Scalia,
    J."), and before a clause, punctuation or a line end."""
    _, s_end, tok = tokens[k]
    first = k
    if k and tok == "J" and tokens[k - 1][2] == "C" and text[tokens[k - 1][1] : tokens[k][0]] == ".":
        first = k - 1  # "C.J."
    if first == 0 or _AFTER_JUDGE_SUFFIX.match(text, s_end) is None:
        return None
    gap = text[tokens[first - 1][1] : tokens[first][0]]
    if gap != " " and not (gap == ", " and text[s_end : s_end + 1] == "."):
        return None
    return first, tok in _STRICT_JUDGE_SUFFIXES


def _judge_names(text: str, tokens: Sequence[Token], end: int, strict: bool, plural: bool) -> list[tuple[int, int]]:
    """The (first, last) token indices of the judges' names ending at token ``end`` and, after plural letters
    ("JJ"), of the names listed before it, last first."""
    names: list[tuple[int, int]] = []
    for _ in range(_MAX_JUDGES):
        start = _judge_name(text, tokens, end, strict)
        if start < 0:
            break
        names.append((start, end))
        if not plural or start == 0:
            break
        end = _previous_in_list(text, tokens, start)
        if end < 0:
            break
    return names


def _previous_in_list(text: str, tokens: Sequence[Token], start: int) -> int:
    """Index of the last word of the name listed before the one starting at token ``start`` ("Gummow and
    Hayne JJ"), or -1."""
    sep = _JUDGE_LIST_SEP.search(text, max(0, tokens[start][0] - 8), tokens[start][0])
    if sep is None:
        return -1
    end = start - 1
    while end >= 0 and tokens[end][1] > sep.start():
        end -= 1
    if end < 0 or tokens[end][1] != sep.start() or tokens[end][2] in _JUDGE_SUFFIXES:
        return -1
    return end


def _judge_name(text: str, tokens: Sequence[Token], end: int, strict: bool) -> int:
    """Index of the first word of a judge's name of one to three words (initials too) ending at token
    ``end``, or -1."""
    j, first, words = end, -1, 0
    while j >= 0 and words < 3:
        w = tokens[j][2]
        if len(w) == 1 and w.isupper() and words and text[tokens[j][1] : tokens[j + 1][0]] in (" ", ". "):
            j -= 1  # a middle initial: "LORNA G. SCHOFIELD"
            continue
        if word_style(w) not in ("title", "upper", "mixed") or w in _JUDGE_SUFFIXES:
            break
        if not titled_name_word(w, strict=strict) or glued(text, tokens[j][0], tokens[j][1]):
            break
        first, words = j, words + 1
        if j == 0 or text[tokens[j - 1][1] : tokens[j][0]] not in (" ", ". "):
            break
        if text[tokens[j - 1][1] : tokens[j][0]] == ". " and len(tokens[j - 1][2]) != 1:
            break
        j -= 1
    return first
