"""How far a name found at one word reaches: the name words before and after it.

A capitalised first name takes in up to two more capitalised words on the same or the next line, particles
("Willem van Dijk") and middle initials ("Ravil G Yefimov"), or a surname typed in lower case ("Maria
kowalczyk"), and a rare capitalised word or an initial just before it ("Emeka Ibrahim", "T. Mwale"). A
lower-case name takes in a rare given name before it and a surname after it ("sitaram katel", "kofi o
adeyemi"). Runs of rare capitalised words are names when they fill a line or a verb or a role follows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import Enum

from transforms.detectors.name_cues import OBJECT_CUES, PERSON_VERBS, RELATION_CUES, STRONG_CUES
from transforms.detectors.name_tokens import (
    CODE_KEYWORDS,
    DERIVED_WORD,
    INITIAL_GAPS,
    Token,
    glued,
    word_style,
)
from transforms.detectors.name_words import ALONE_MAX_ZIPF, SHOUT_SURNAME_RANK, NameWordLists
from transforms.lexicon.names import surname_rank
from transforms.lexicon.thresholds import threshold
from transforms.lexicon.vocabulary import TECHNICAL_VOCABULARY, TITLE_NOUNS, is_chat_word, is_degree_phrase

__all__ = ["extend", "extend_back", "lower_given_before", "lower_surname_after", "name_line", "name_run"]

# Cues before a lower-case name: a word here is no given name before it ("thanks maria", "with rohan").
_CUES = frozenset(
    "thanks thank thx ty tyvm hi hey heyy hello yo ping cc ask dear congrats welcome bye cheers sorry with".split()
)
_PARTICLES = frozenset("van von de da del della der di du le la bin binti al el ben dos das ter ten".split())
# After two or three rare capitalised words, a verb in general ("Ifeanyi Chukwuma will review", "... is").
_RUN_VERBS = PERSON_VERBS | frozenset("is was has had will shared sent owns signed approved works worked".split())
# Roles of the parties to a case or a contract, written after their names.
_PARTY_ROLES = frozenset(
    """claimant claimants defendant defendants appellant appellants respondent respondents applicant applicants
    petitioner petitioners plaintiff plaintiffs intervener""".split()
)
# A label on the next line ("Jane Doe\nMaintainer: ...", "\nModified by: ..."): the name ends before it.
_LABEL_AFTER = re.compile(r"[ \t]*(?:by[ \t]*)?:")
# What may stand between two words of a name.
_NAME_GAPS = frozenset({" ", "\n", "\t", "  ", " \n", "\r\n"})
# A surname in lower case after a lower-case first name must be rarer than this as an English word.
SURNAME_MAX_ZIPF = threshold("names_surname_max_zipf")


class _Step(Enum):
    """What the next word does to a name being extended."""

    TAKE = "take"  # a name word: taken, and the name goes on
    SKIP = "skip"  # a particle or a middle initial before the next name word: passed over
    LAST = "last"  # the name's last word: taken, and the name ends there
    STOP = "stop"  # no name word: the name ends before it


def extend(words: NameWordLists, text: str, tokens: Sequence[Token], i: int, style: str) -> int:
    """Index of the last token of the name starting at ``i`` in letter case ``style`` (``i`` itself if no
    name word follows): at most two more name words, with the particles and initials between them."""
    last, j, added = i, i + 1, 0
    while j < len(tokens) and added < 2:
        step = _step(words, text, tokens, i, j, style, added)
        if step is _Step.STOP:
            break
        if step is not _Step.SKIP:
            last = j
            added += 1
        if step is _Step.LAST:
            break
        j += 1
    return last


def _step(words: NameWordLists, text: str, tokens: Sequence[Token], i: int, j: int, style: str, added: int) -> _Step:
    """What token ``j`` does to the name that starts at ``i`` and has ``added`` words after it so far."""
    gap = text[tokens[j - 1][1] : tokens[j][0]]
    prev = tokens[j - 1][2]
    if gap not in _NAME_GAPS and not (len(prev) == 1 and prev.isupper() and gap == ". "):
        return _Step.STOP  # only blanks, or the stop of an initial, between a name's words
    tok = tokens[j][2]
    if tok.casefold() in _PARTICLES:
        return _particle_step(text, tokens, j, style, gap)
    if style == "title" and len(tok) == 1 and tok.isupper():
        return _Step.SKIP if _middle_initial(text, tokens, j) else _Step.STOP
    if (
        style == "title"
        and word_style(tok) == "lower"
        and gap == " "
        and added == 0
        and words.lower_surname(tok.casefold())
        and not glued(text, tokens[j][0], tokens[j][1])
    ):
        return _Step.LAST  # a surname typed in lower case after a capitalised first name: "Maria kowalczyk"
    if not _same_case(tok, style) or tok.casefold() in TECHNICAL_VOCABULARY or glued(text, tokens[j][0], tokens[j][1]):
        return _Step.STOP
    if _field_break(gap) and (added or _next_line_starts_other(words, text, tokens, i, j, style)):
        return _Step.STOP  # "Jane Doe\nSenior ...", "Jane Doe  Lecturer": a full name ends at a field break
    return _Step.TAKE


def _field_break(gap: str) -> bool:
    """A line break or a column gap (two blanks or more, a tab) between two words: a new field may start."""
    return "\n" in gap or "\t" in gap or "  " in gap


def _same_case(tok: str, style: str) -> bool:
    """The word is written like the name's first word (a capitalised name may go on in capitals)."""
    return word_style(tok) == style or (style == "title" and word_style(tok) == "upper" and len(tok) > 1)


def _particle_step(text: str, tokens: Sequence[Token], j: int, style: str, gap: str) -> _Step:
    """A particle at token ``j``: passed over before a name word or another particle ("Willem van Dijk"), the
    surname itself when written like the name ("Mai Le", "Minh Do"), else the end of the name."""
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    if (
        nxt is not None
        and text[tokens[j][1] : nxt[0]] == " "
        and (word_style(nxt[2]) == style or nxt[2].casefold() in _PARTICLES)
    ):
        return _Step.SKIP
    if word_style(tokens[j][2]) == style and gap == " ":
        return _Step.LAST
    return _Step.STOP


def _middle_initial(text: str, tokens: Sequence[Token], j: int) -> bool:
    """A capital letter at token ``j`` that is a middle initial, with or without its full stop ("Ravil G
    Yefimov"), even where the letter is also vocabulary ("A", "C", "R"): a capitalised name word follows on
    the same line."""
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    return not (
        nxt is None
        or text[tokens[j][1] : nxt[0]] not in (" ", ". ")
        or word_style(nxt[2]) != "title"
        or len(nxt[2]) < 2
        or nxt[2].casefold() in TECHNICAL_VOCABULARY
    )


def _next_line_starts_other(
    words: NameWordLists, text: str, tokens: Sequence[Token], i: int, j: int, style: str
) -> bool:
    """Token ``j``, on the line after the name's first word ``i``, starts something else: a heading's last word
    before it, a common word, or a label."""
    if (
        style == "upper"
        and text[text.rfind("\n", 0, tokens[i][0]) + 1 : tokens[i][0]].strip(" \t>")
        and words.name_freq.get(tokens[i][2].casefold(), 0.0) >= ALONE_MAX_ZIPF
    ):
        return True  # "DISTRICT OF NEW YORK\nJANE DOE": a frequent word ending a heading starts no name
    folded = tokens[j][2].casefold()
    if not words.rare(folded) and words.english.get(folded, 0.0) >= ALONE_MAX_ZIPF:
        return True  # "Agnieszka\nJob title": a common word on the next line starts something else
    if folded in TITLE_NOUNS or is_degree_phrase(tokens[j][2]):
        return True  # "Jane  Paralegal", "Jane\nMSc": an occupation or a degree in the next field
    return _LABEL_AFTER.match(text, tokens[j][1]) is not None  # "Jane Doe\nMaintainer: ...": a label


def extend_back(words: NameWordLists, text: str, tokens: Sequence[Token], i: int, covered_until: int) -> int:
    """Index of the first token of the name ending at ``i``: an initial or a rare capitalised word just before
    it that no earlier name covers (up to ``covered_until``)."""
    if i == 0:
        return i
    p_start, p_end, p_tok = tokens[i - 1]
    if (
        len(p_tok) == 1
        and p_tok.isupper()
        and p_start >= covered_until
        and text[p_end : tokens[i][0]] in INITIAL_GAPS
        and not text[p_start - 1 : p_start].isalnum()
    ):
        return i - 1  # an initial before the surname: "T. Mwale", "E. Phiri"
    if p_start < covered_until or text[p_end : tokens[i][0]] != " " or word_style(p_tok) != "title":
        return i
    if not words.rare(p_tok.casefold()) or glued(text, p_start, p_end):
        return i
    return i - 1


def name_line(words: NameWordLists, text: str, tokens: Sequence[Token], i: int) -> int:
    """End of a line made only of two or three rare capitalised words, or words in capitals, with perhaps a
    middle initial ("Ifeanyi Chukwuma" heading a CV or an address block, "IFEANYI CHUKWUMA"), or 0."""
    start = tokens[i][0]
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip(" \t>"):
        return 0
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    line = text[start:line_end].split()
    if not 2 <= len(line) <= 3:
        return 0
    style = word_style(line[0])
    for k, w in enumerate(line):
        if 0 < k < len(line) - 1 and len(w.rstrip(".")) == 1 and w[0].isupper():
            continue  # a middle initial: "Ifeanyi C Chukwuma"
        if not (w.isalpha() or "-" in w) or word_style(w) != style or len(w) < 2:
            return 0
        folded = w.casefold()
        if folded not in words.first_names and not words.rare(folded):
            return 0
    return start + len(text[start:line_end].rstrip())


def name_run(words: NameWordLists, text: str, tokens: Sequence[Token], i: int, style: str = "title") -> int:
    """End of two or three rare capitalised words followed by a verb ("Ifeanyi Chukwuma will review") or by a
    comma and a capitalised role ("Ifeanyi Chukwuma, Product Manager"), or 0."""
    j = _run_last(words, text, tokens, i, style)
    if j == i or j + 1 >= len(tokens):
        return 0
    return _run_end(text, tokens, j, style)


def _run_last(words: NameWordLists, text: str, tokens: Sequence[Token], i: int, style: str) -> int:
    """Index of the last of the rare words in ``style`` one space apart from token ``i`` on (two after it,
    three with a particle among them: "TRANH VAN NGUYEN"); a particle is no name's last word."""
    j, limit = i, 2
    while j + 1 < len(tokens) and j - i < limit and text[tokens[j][1] : tokens[j + 1][0]] == " ":
        w = tokens[j + 1][2]
        if (
            w.casefold() in _PARTICLES
            and j + 2 < len(tokens)
            and (word_style(w) == style or (style == "title" and word_style(w) == "lower"))
            and limit == 2
        ):
            limit = 3  # "TRANH VAN NGUYEN": a particle between two name words
            j += 1
            continue
        if not _run_word(words, w, style, limit):
            if tokens[j][2].casefold() in _PARTICLES:
                j -= 1  # a particle is no name's last word
            break
        j += 1
    return j


def _run_word(words: NameWordLists, w: str, style: str, limit: int) -> bool:
    """A word that goes on a run: written in ``style``, no party role, and a listed first name or rare (after a
    particle, a frequent census surname too)."""
    folded = w.casefold()
    return (
        word_style(w) == style
        and folded not in _PARTY_ROLES
        and (
            folded in words.first_names
            or words.rare(folded)
            or (limit == 3 and surname_rank(folded) <= SHOUT_SURNAME_RANK)
        )
    )


def _run_end(text: str, tokens: Sequence[Token], j: int, style: str) -> int:
    """End of token ``j`` when what follows it makes the run a name: a party's role ("IFEANYI CHUKWUMA
    Claimant", "X (the Buyer)"), or after capitalised words a verb or a comma and a role; else 0."""
    end, nxt = tokens[j][1], tokens[j + 1]
    gap = text[end : nxt[0]]
    if gap in (" ", ", ", " (") and nxt[2].casefold() in _PARTY_ROLES:
        return end  # a party in a judgment or contract: "IFEANYI CHUKWUMA Claimant", "X (the Buyer)"
    if style != "title":
        return 0
    if gap == " " and nxt[2] in _RUN_VERBS:
        return end
    if gap == ", " and word_style(nxt[2]) == "title" and nxt[2].casefold() in TECHNICAL_VOCABULARY:
        return end
    return 0


def lower_given_before(words: NameWordLists, text: str, tokens: Sequence[Token], i: int, covered_until: int) -> int:
    """Start of the name: a given name in no list just before a listed one ("sitaram katel"), else token
    ``i``."""
    start = tokens[i][0]
    if not i:
        return start
    p_start, p_end, prev = tokens[i - 1]
    if (
        p_start >= covered_until
        and text[p_end:start] == " "
        and word_style(prev) == "lower"
        and len(prev) >= 3
        and words.rare(prev)
        and DERIVED_WORD.search(prev) is None
        and prev not in CODE_KEYWORDS
        and prev not in _CUES | STRONG_CUES | OBJECT_CUES | RELATION_CUES
        and not is_chat_word(prev)
        and not glued(text, p_start, p_end)
    ):
        return p_start
    return start


def lower_surname_after(words: NameWordLists, text: str, tokens: Sequence[Token], i: int) -> int:
    """End of the name: a surname in lower case after token ``i``, perhaps after a middle initial ("kofi o
    adeyemi"), else the end of token ``i``."""
    end = tokens[i][1]
    k = i + 1
    if (
        k + 1 < len(tokens)
        and len(tokens[k][2]) == 1
        and tokens[k][2].islower()
        and text[end : tokens[k][0]] == " "
        and text[tokens[k][1] : tokens[k + 1][0]] in (" ", ". ")
    ):
        k += 1  # a middle initial in lower case: "kofi o adeyemi"
    if k >= len(tokens) or text[tokens[k - 1][1] : tokens[k][0]] not in ((" ", ". ") if k > i + 1 else (" ",)):
        return end
    n_start, n_end, n_tok = tokens[k]
    n_folded = n_tok.casefold()
    if (
        word_style(n_tok) == "lower"
        and len(n_tok) >= 2
        and (
            words.english.get(n_folded, 0.0) < SURNAME_MAX_ZIPF
            or words.lower_surname(n_folded)
            or words.frequent_surname(n_folded)
        )
        and n_folded not in TECHNICAL_VOCABULARY
        and not glued(text, n_start, n_end)
    ):
        return n_end
    return end
