r"""Person names from name lists: first names in any letter case, with the words that follow them.

Sources: the international first-name dictionary shipped with ``gender-guesser`` (Jörg Michael's
``nam_dict``, about 48,000 names from 50+ countries) and the US Census 1990 first-name files shipped
with ``names``. A bundled table (``data/name_word_frequency.tsv``, from wordfreq) says how common each
name is as an ordinary English word, so "svetlana" is a name and "will" or "can" are not.

Rules, in order of confidence:

* a capitalised or upper-case first name followed by up to two more capitalised words on the same or
  the next line ("María\nSánchez", "EMMA HUGHES", "Can Yilmaz"): the whole sequence;
* a quoted first name followed by a quoted capitalised value in the next field ('Ahmed','Darwish'):
  both;
* a capitalised first name alone, if it is not a common English word (Zipf < 4.5);
* a lower-case first name, if it is rare as an English word (Zipf < 3.5) or follows a cue such as
  "thanks", "hi", "ping", "cc" (Zipf < 4.8);
* a word in no list after such a cue ("hi Emeka", "thanks adaeze"), if it is rare in English (not among
  the words of ``data/english_word_frequency.tsv``, from wordfreq) and not technical vocabulary;
* a Korean given name written as two romanised syllables with a hyphen ("Seo-yeon", "do-yun").

A name found this way takes in a rare capitalised word just before it ("Emeka Ibrahim") and, in lower
case, a rare lower-case word just after it ("gabriel oliveira").
Tokens glued to identifiers (``maria_db``, ``user.name@``, ``/home/x``) are left to other detectors.

This module walks the words and decides; the rest lives beside it: the word lists and frequency judgements
(``name_words``), the cues (``name_cues``, ``packs/person_names.cues.yaml``), how far a name reaches
(``name_extension``), name prefixes (``name_prefixes``), chat speakers (``chat_speakers``), judges
(``name_judges``), and tokens (``name_tokens``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from transforms.config import ScrublineConfig
from transforms.detectors.base import Detector, register_detector
from transforms.detectors.chat_speakers import chat_speakers
from transforms.detectors.name_cue_pack import CueTable, load_name_cues
from transforms.detectors.name_cues import CUE_GAPS, CUE_PAIRS, RELATION_CUES, STRONG_CUES, CueSite
from transforms.detectors.name_extension import (
    extend,
    extend_back,
    lower_given_before,
    lower_surname_after,
    name_line,
    name_run,
)
from transforms.detectors.name_judges import judges
from transforms.detectors.name_prefixes import with_prefixes
from transforms.detectors.name_tokens import (
    CODE_KEYWORDS,
    DERIVED_WORD,
    SENTENCE_START,
    Token,
    glued,
    korean_given_name,
    line_around,
    opens_line,
    opens_question,
    tokenize,
    word_style,
)
from transforms.detectors.name_words import (
    ALONE_MAX_ZIPF,
    COMMON_WORD_ZIPF,
    CUED_MAX_ZIPF,
    LEGAL_TERMS,
    LOWER_WORD,
    PHRASE_WORD_ZIPF,
    SHOUT_SURNAME_RANK,
    NameWordLists,
)
from transforms.detectors.ner_terms import ranked_office, technical_text
from transforms.detectors.text_shapes import chunk_spans, in_tool_list
from transforms.lexicon.names import (
    first_name_ranks,
    load_name_lists,
    load_unlisted_words,
    surname_rank,
)
from transforms.lexicon.thresholds import int_threshold, threshold
from transforms.lexicon.vocabulary import TECHNICAL_VOCABULARY, TITLE_NOUNS, imperative, is_listed_name
from transforms.records import Finding

__all__ = ["NameListDetector"]

_QUOTED_NEXT = re.compile(r"""\s*['"]\s*[,;\t|]\s*['"]""")
# A year right after a word: "Summer 2023", "Autumn '09", "Spring 2031-32".
_YEAR_AFTER = re.compile(r"[ \t]+(?:(?:19|20)\d\d|['’]\d\d)\b")
# A word with a capital after a lower-case letter ("ArrayList", "DbContext"), not the shape of a name with a
# particle or prefix ("McDonald", "DeShawn", "LaToya", "DiCaprio", "VanDyke").
_CAMEL = re.compile(r"[a-z][A-Z]")
_NAME_PREFIX = re.compile(r"(?:Mc|Mac|Fitz|De|Di|Da|Du|La|Le|Van|Von|St)[A-Z][a-z]+(?:['’]s)?")
# Given names that are also technical or calendar vocabulary: names only right after a strong cue ("thanks
# Jun", "hi julia", "my colleague April").
# What follows a word that labels or heads a paragraph: a colon or a dash after a number perhaps ("Edit 2:",
# "EDIT - typo"), or the end of its line ("UPDATE").
_HEADING_AFTER = re.compile(r"[ \t]*(?:\d{1,2}[ \t]*)?(?::|[-–—][ \t]|\r?\n|$)")
_VOCABULARY_GIVEN_NAMES = frozenset("april august jan jun june julia ruby may meng".split())

_WINDOW = 100_000
_WINDOW_OVERLAP = 400
LOWER_MAX_ZIPF = threshold("names_lower_max_zipf")
# A lower-case first name that dictionaries write only capitalised ("emily", "ryan") needs no cue below this.
PROPER_LOWER_MAX_ZIPF = threshold("names_proper_lower_max_zipf")
_LOWER_FIRST_RANK_LIMIT = int_threshold("names_lower_first_rank_limit")


@dataclass(slots=True)
class _Candidate:
    """A word that may name a person, and what is known of it so far: listed, its frequency as a name word
    (``zipf``), whether a cue or, for a word in no list, its shape as a proper noun vouches for it
    (``cued``), and the id of the cue that held (``cue``)."""

    i: int
    start: int
    end: int
    tok: str
    folded: str
    style: str
    listed: bool
    zipf: float = 0.0
    cued: bool = False
    cue: str | None = None


class NameListDetector(NameWordLists, Detector):
    """First names from public name lists, extended to the capitalised words that follow them.

    A finding's detector id names how it was found: ``person_names.<cue id>`` when a cue of
    ``packs/person_names.cues.yaml`` made it (without the cue there would be no such finding), otherwise the shape
    it has (``full``, ``first``, ``lower``, ``line``, ``field``, ``speaker``, ``prefix``, ``judicial``). The word
    lists and frequency judgements it asks (and hands the cues) are those of ``NameWordLists``.
    """

    name = "person_names"
    entity_types = frozenset({"PERSON"})

    def __init__(
        self,
        first_names: frozenset[str],
        word_freq: dict[str, float],
        score: float = 0.7,
        english: dict[str, float] | None = None,
        capitalised: frozenset[str] | None = None,
        cues: CueTable | None = None,
    ) -> None:
        """Build from the first-name list and name-word frequencies; the other lists default to the lexicon's
        and the cues to ``packs/person_names.cues.yaml``."""
        super().__init__(first_names, word_freq, english, capitalised)
        self._score = score
        self._cues = load_name_cues() if cues is None else cues

    def detect(self, texts: Sequence[str]) -> list[list[Finding]]:
        """One list of findings per text, in input order."""
        return [self._detect_one(t) for t in texts]

    def _detect_one(self, text: str) -> list[Finding]:
        self._technical: bool | None = None  # ``ner_terms.technical_text(text)`` once needed
        # Windows bound memory on huge texts (a token list of 50 MB of prose is over a gigabyte); a
        # finding belongs to the window that owns its start, and names are far shorter than the overlap.
        found: list[Finding] = []
        for w_start, w_end, own_start, own_end in chunk_spans(len(text), _WINDOW, _WINDOW_OVERLAP):
            found.extend(f for f in self._detect_window(text, w_start, w_end) if own_start <= f.start < own_end)
        return found

    def _detect_window(self, text: str, w_start: int, w_end: int) -> list[Finding]:
        """Names in ``text[w_start:w_end]``, word by word (a name covers the words it spans), then the
        prefixes they take in, the speakers of a chat export and judges."""
        tokens = tokenize(text, w_start, w_end)
        found: list[Finding] = []
        covered_until = -1
        for i, (start, _, tok) in enumerate(tokens):
            if start < covered_until:
                continue
            folded = tok.casefold()
            if folded in _VOCABULARY_GIVEN_NAMES and (vocabulary := self._vocabulary_given_name(text, tokens, i)):
                found.append(vocabulary)
                covered_until = vocabulary.end
                continue
            cand = self._candidate(text, tokens, i, folded)
            if cand is None:
                continue
            new, covers = self._candidate_findings(text, tokens, cand, found, covered_until)
            found.extend(new)
            if covers:
                covered_until = new[-1].end
        found = with_prefixes(text, tokens, found, self._score, f"{self.name}.prefix")
        found.extend(chat_speakers(self, text, w_start, w_end, self._score, f"{self.name}.speaker"))
        found.extend(judges(text, tokens, f"{self.name}.judicial"))
        return found

    def _cue(self, text: str, tokens: list[Token], i: int, found: list[Finding]) -> str | None:
        """The id of the first cue of the pack that says token ``i`` names a person, or None."""
        return self._cues.first(CueSite.at(text, tokens, i, found, self))

    def _greeted_proper_noun(self, text: str, tokens: list[Token], i: int) -> bool:
        """A word that dictionaries write only capitalised or do not list ("obama", "biden"), right after a
        greeting or thanks: the person greeted, even when frequent as a word."""
        folded = tokens[i][2].casefold()
        if folded in TECHNICAL_VOCABULARY or not (folded in self._capitalised or folded in load_unlisted_words()):
            return False
        return i > 0 and tokens[i - 1][2].casefold() in STRONG_CUES and text[tokens[i - 1][1] : tokens[i][0]] == " "

    def _candidate_findings(
        self, text: str, tokens: list[Token], cand: _Candidate, found: list[Finding], covered_until: int
    ) -> tuple[list[Finding], bool]:
        """The findings that start at the candidate's word, and whether they cover the words they span."""
        i = cand.i
        if not cand.listed and cand.style in ("title", "upper"):
            line_end = name_line(self, text, tokens, i) or name_run(self, text, tokens, i, cand.style)
            if line_end:
                return [Finding("PERSON", cand.start, line_end, self._score - 0.1, f"{self.name}.line")], True
        if not self._weigh(text, tokens, cand, found):
            return [], False
        if cand.style == "upper" and (self.shouting(text, tokens, i) or self.emphasis(text, tokens, i)):
            return [], False
        if cand.style in ("title", "upper"):
            return self._capitalised_name(text, tokens, cand, covered_until)
        if cand.style == "lower":
            return self._lower_name(text, tokens, cand, covered_until)
        return [], False

    def _vocabulary_given_name(self, text: str, tokens: list[Token], i: int) -> Finding | None:
        """A given name that is also vocabulary ("June", "Ruby"): with a surname after it ("June Carter"), or
        right after a strong cue ("thanks Jun"); None otherwise."""
        start, end, tok = tokens[i]
        if word_style(tok) == "title" and self._surname_follows(text, tokens, i):
            return Finding("PERSON", start, tokens[i + 1][1], self._score, f"{self.name}.full")
        if self._strongly_cued(text, tokens, i) and not opens_question(text, tokens, i):
            return Finding("PERSON", start, end, self._score - 0.1, f"{self.name}.first")
        return None

    def _surname_follows(self, text: str, tokens: list[Token], i: int) -> bool:
        """A capitalised surname, one space after token ``i``: rare, written only capitalised, or a census
        surname not frequent as a word ("Julia Schmidt", "June Carter")."""
        if i + 1 >= len(tokens) or text[tokens[i][1] : tokens[i + 1][0]] != " " or opens_question(text, tokens, i):
            return False
        n_start, n_end, n_tok = tokens[i + 1]
        n_folded = n_tok.casefold()
        if word_style(n_tok) != "title" or len(n_tok) < 2 or glued(text, n_start, n_end):
            return False
        return n_folded not in TECHNICAL_VOCABULARY and (
            self.rare(n_folded)
            or n_folded in self._capitalised
            or (surname_rank(n_folded) <= SHOUT_SURNAME_RANK and self._english.get(n_folded, 0.0) < PHRASE_WORD_ZIPF)
        )

    def _candidate(self, text: str, tokens: list[Token], i: int, folded: str) -> _Candidate | None:
        """Token ``i`` as a possible name: a listed first name (or a Korean given name), or a rare word of two
        letters or more that is no derived English word; not glued to an identifier, not opening a question."""
        start, end, tok = tokens[i]
        listed = folded in self._first or ("-" in folded and korean_given_name(folded))
        if not listed and (
            len(tok) < 2
            or not (self.rare(folded) or self._greeted_proper_noun(text, tokens, i))
            or DERIVED_WORD.search(folded) is not None
        ):
            return None
        if glued(text, start, end) or opens_question(text, tokens, i):
            return None
        if in_tool_list(text, start, end) or (not listed and self._code_identifier(text, start, end, tok)):
            return None  # "Maven, Ant, Gradle": an item of a list of tools is a tool
        return _Candidate(i, start, end, tok, folded, word_style(tok), listed)

    def _code_identifier(self, text: str, start: int, end: int, tok: str) -> bool:
        """A CamelCase word ("ArrayList") in technical prose: a class or a product, not a name."""
        core = tok[:-2] if tok.endswith(("'s", "’s")) else tok
        if _CAMEL.search(core) is None or _NAME_PREFIX.fullmatch(core) is not None:
            return False
        if self._technical is None:  # once per text: a whole text dense with tools and code
            self._technical = technical_text(text)
        return self._technical or self.technical_near(text, start, end)

    def _weigh(self, text: str, tokens: list[Token], cand: _Candidate, found: list[Finding]) -> bool:
        """Fill in the candidate's frequency and cue. A word in no list goes on only after a cue or as a
        capitalised proper noun; a listed first name that is a frequent word asks the cues too."""
        if not cand.listed:
            if cand.style == "mixed":
                return False
            cand.cue = self._cue(text, tokens, cand.i, found)
            if cand.cue is None and not (cand.style == "title" and self.proper_noun(text, tokens, cand.i)):
                return False
            cand.cued = True  # zipf stays 0.0: a rare word after a cue is as confident as a rare listed name
            return True
        cand.zipf = self._freq.get(cand.folded, 0.0)
        if cand.zipf >= LOWER_MAX_ZIPF or self._english.get(cand.folded, 0.0) >= COMMON_WORD_ZIPF:
            cand.cue = self._cue(text, tokens, cand.i, found)
        cand.cued = cand.cue is not None
        return True

    def _candidate_without_cue(self, text: str, tokens: list[Token], cand: _Candidate) -> bool:
        """Whether the word would have gone on had no cue held: listed, or capitalised and a proper noun."""
        return cand.listed or (cand.style == "title" and self.proper_noun(text, tokens, cand.i))

    def _finding(self, start: int, end: int, score: float, kind: str, cue: str | None) -> Finding:
        """A PERSON finding whose detector id names the cue that made it, or else its ``kind``."""
        return Finding("PERSON", start, end, score, f"{self.name}.{cue or kind}")

    def _capitalised_name(
        self, text: str, tokens: list[Token], cand: _Candidate, covered_until: int
    ) -> tuple[list[Finding], bool]:
        """A capitalised or upper-case name word: with the name words around it, as a quoted field and the
        next field, or alone."""
        i, start, end = cand.i, cand.start, cand.end
        first = extend_back(self, text, tokens, i, covered_until)
        last = extend(self, text, tokens, i, cand.style)
        if last > i or first < i:
            start = tokens[first][0]
            if self.phrase(tokens[first : last + 1]) or (
                first == i
                and self.verb_like(cand.folded)
                and SENTENCE_START.search(text, max(0, start - 200), start) is not None
            ):
                return [], False  # "See Kowalski's answer", "Run grafana-cli": a verb, then perhaps a name
            if is_listed_name(text[start : tokens[last][1]]):
                return [], False  # "Crystal Reports", "Mat Lab": a listed product that opens with a given name
            if self._job_title(text, tokens, first, last):
                return [], False
            cue = cand.cue if cand.cue and not self._candidate_without_cue(text, tokens, cand) else None
            return [self._finding(start, tokens[last][1], self._score, "full", cue)], True
        quoted = _QUOTED_NEXT.match(text, end)
        if quoted and i + 1 < len(tokens) and tokens[i + 1][0] == quoted.end():
            n_start, n_end, n_tok = tokens[i + 1]
            if word_style(n_tok) in ("title", "upper") and n_tok.casefold() not in TECHNICAL_VOCABULARY:
                cue = cand.cue if cand.cue and not self._candidate_without_cue(text, tokens, cand) else None
                both = [(start, end), (n_start, n_end)]
                return [self._finding(s, e, self._score, "field", cue) for s, e in both], True
        if (
            cand.folded in LEGAL_TERMS
            and i + 1 < len(tokens)
            and tokens[i + 1][2].casefold() in ("term", "sittings")
            and text[end : tokens[i + 1][0]] == " "
        ):
            return [], False  # "Hilary Term": a term of the legal year
        if not self._alone_is_name(text, cand, cand.cued) or self._office(text, tokens, i):
            return [], False
        cue = cand.cue
        if cue and self._candidate_without_cue(text, tokens, cand) and self._alone_is_name(text, cand, not cand.listed):
            cue = None  # a word in no list stays vouched for as a proper noun; a listed one is not
        return [self._finding(start, end, self._score - 0.1, "first", cue)], False

    def _job_title(self, text: str, tokens: list[Token], first: int, last: int) -> bool:
        """Words ``first..last`` that open with a given name too common as a word to stand alone ("Art", "Summer",
        "Major") and end, perhaps with the next word, in a job-title noun: "Art Editor", "Summer Orientation| Leader"
        are posts, not people."""
        words = [t[2].casefold() for t in tokens[first : last + 1]]
        nxt = tokens[last + 1][2].casefold() if last + 1 < len(tokens) else ""
        if nxt in TITLE_NOUNS and text[tokens[last][1] : tokens[last + 1][0]] == " ":
            words.append(nxt)
        if words[-1] not in TITLE_NOUNS or self._english.get(words[0], 0.0) < ALONE_MAX_ZIPF:
            return False
        return all(w in self._english and w not in self._capitalised for w in words)

    def _office(self, text: str, tokens: list[Token], i: int) -> bool:
        """A given name alone that names an office after its rank ("Assistant Dean") or an occupation after a
        capitalised word ("Career Mentor"): a post, not a person."""
        start, _, tok = tokens[i]
        if ranked_office(text[max(0, start - 30) : start], tok):
            return True
        if tok.casefold() not in TITLE_NOUNS or i == 0 or text[tokens[i - 1][1] : start] != " ":
            return False
        return word_style(tokens[i - 1][2]) == "title" and tokens[i - 1][2].casefold() in self._english

    def _alone_is_name(self, text: str, cand: _Candidate, cued: bool) -> bool:
        """A capitalised name word with no other name word next to it is a name (``cued``: after a cue)."""
        tok, folded, zipf, start, end = cand.tok, cand.folded, cand.zipf, cand.start, cand.end
        proper = folded in self._capitalised  # "John", "Emily": dictionaries write them only capitalised
        if not proper and self._names_a_time(text, cand):
            return False
        if len(tok) < 3 and not cued:
            return False  # "Mo", "Na", "Ho" alone: too often a word or an abbreviation
        if cand.style == "upper" and len(tok) <= 3 and not cued and LOWER_WORD.search(line_around(text, start)):
            return False  # "your redirect URI is wrong", "the IDE": a short word in capitals in prose is an acronym
        if (
            (text[end : end + 1] == ":" or (opens_line(text, start) and _HEADING_AFTER.match(text, end) is not None))
            and self._english.get(folded, 0.0) >= PHRASE_WORD_ZIPF
            and not (
                folded in self._capitalised
                or first_name_ranks().get(folded, _LOWER_FIRST_RANK_LIMIT + 1) <= _LOWER_FIRST_RANK_LIMIT
            )
        ):
            return False  # a label or a heading: "EDIT: solved", "Note: ...", "Edit 2:", "UPDATE" alone on its line
        # A word dictionaries write only capitalised is no verb: "Emily that's her" is not "Mark that one".
        return (zipf < ALONE_MAX_ZIPF or cued or proper) and not (
            zipf >= 3.0 and not proper and imperative(text, start, end)
        )

    def _names_a_time(self, text: str, cand: _Candidate) -> bool:
        """A first name that is also a common word, right before a year, names a time: "the Summer 2023
        intake", "Autumn '09", "Hope 2020 campaign"."""
        return self._english.get(cand.folded, 0.0) >= COMMON_WORD_ZIPF and _YEAR_AFTER.match(text, cand.end) is not None

    def _lower_name(
        self, text: str, tokens: list[Token], cand: _Candidate, covered_until: int
    ) -> tuple[list[Finding], bool]:
        """A name word in lower case, with a rare given name before it and a surname after it."""
        i = cand.i
        if i and tokens[i - 1][2] in CODE_KEYWORDS:
            return [], False
        if not self._lower_is_name(text, tokens, cand, cand.cued):
            return [], False
        start = lower_given_before(self, text, tokens, i, covered_until)
        span_end = lower_surname_after(self, text, tokens, i)
        cue = cand.cue
        if cue and cand.listed and self._lower_is_name(text, tokens, cand, False):
            cue = None
        return [self._finding(start, span_end, self._score - 0.1, "lower", cue)], True

    def _lower_is_name(self, text: str, tokens: list[Token], cand: _Candidate, cued: bool) -> bool:
        """A listed first name in lower case is a name (``cued``: after a cue)."""
        folded, zipf = cand.folded, cand.zipf
        proper = len(cand.tok) >= 3 and folded in self._capitalised and zipf < PROPER_LOWER_MAX_ZIPF
        # Uncued, a lower-case name must not be an English word too (slang such as "vid"), unless it is a
        # frequent census first name ("tobias") or dictionaries write it only capitalised ("emily").
        plain = zipf < LOWER_MAX_ZIPF and (
            self._english.get(folded, 0.0) < COMMON_WORD_ZIPF
            or first_name_ranks().get(folded, _LOWER_FIRST_RANK_LIMIT + 1) <= _LOWER_FIRST_RANK_LIMIT
        )
        return plain or (cued and zipf < CUED_MAX_ZIPF) or proper or self.census_pair(text, tokens, cand.i)

    def _strongly_cued(self, text: str, tokens: list[Token], i: int) -> bool:
        """After a greeting, thanks, a relation or "this is", and not before a number ("this is June 2024")."""
        if i == 0 or text[tokens[i - 1][1] : tokens[i][0]] not in CUE_GAPS:
            return False
        after = text[tokens[i][1] : tokens[i][1] + 3].lstrip(" ,")
        if after[:1].isdigit():
            return False
        prev = tokens[i - 1][2].casefold()
        return (
            prev in STRONG_CUES
            or prev in RELATION_CUES
            or (i >= 2 and (tokens[i - 2][2].casefold(), prev) in CUE_PAIRS)
        )


@register_detector("person_names")
def _build(config: ScrublineConfig) -> Detector:
    first, freq = load_name_lists()
    return NameListDetector(first, freq)
