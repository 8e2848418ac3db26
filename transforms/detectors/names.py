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
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from transforms.config import ScrublineConfig
from transforms.detectors.base import Detector, register_detector
from transforms.detectors.name_cue_pack import CueTable, load_name_cues
from transforms.detectors.name_cues import (
    CUE_GAPS,
    CUE_PAIRS,
    OBJECT_CUES,
    PERSON_VERBS,
    RELATION_CUES,
    STRONG_CUES,
    CueSite,
)
from transforms.detectors.name_tokens import (
    AUXILIARIES,
    DETERMINERS,
    FUNCTION_WORDS,
    PRONOUNS,
    SENTENCE_START,
    Token,
    glued,
    korean_given_name,
    line_around,
    tokenize,
    word_style,
)
from transforms.detectors.text_shapes import chunk_spans, technical_nearby
from transforms.lexicon.names import (
    first_name_ranks,
    load_capitalised_words,
    load_english_words,
    load_name_lists,
    load_places,
    load_surnames,
    load_unlisted_words,
    surname_rank,
)
from transforms.lexicon.thresholds import int_threshold, threshold
from transforms.lexicon.vocabulary import TECHNICAL_VOCABULARY, imperative, is_chat_word, is_ordinary_vocabulary
from transforms.records import Finding

__all__ = ["NameListDetector", "titled_name_word"]

_CUES = frozenset(
    "thanks thank thx ty tyvm hi hey heyy hello yo ping cc ask dear congrats welcome bye cheers sorry with".split()
)
_PARTICLES = frozenset("van von de da del della der di du le la bin binti al el ben dos das ter ten".split())
_QUOTED_NEXT = re.compile(r"""\s*['"]\s*[,;\t|]\s*['"]""")

# Given names that are also technical or calendar vocabulary: names only right after a strong cue ("thanks
# Jun", "hi julia", "my colleague April").
_VOCABULARY_GIVEN_NAMES = frozenset("april august jan jun june julia ruby may meng".split())
# Keywords before a lower-case identifier in code ("return conn", "import ada"): not a name.
_CODE_KEYWORDS = frozenset(
    "return import from def class const let var await yield lambda raise del assert global new typeof self this".split()
)
# A first name in chat this frequent as an English word needs a census rank or a capital-only spelling to be
# taken as the person addressed ("Grant what if you ...", not "Dude why do you ...").
_VOCATIVE_MAX_ZIPF = threshold("names_vocative_max_zipf")
# Before "you" at a line's start, a first name must be rarer than this as a word: "Hope you are well" is no name.
VOCATIVE_YOU_MAX_ZIPF = threshold("names_vocative_you_max_zipf")
# Words before a tool, product or place rather than a person: "switched to Buildkite", "install with Scoop".
_TOOL_PREPOSITIONS = frozenset(
    """with to from via on in into onto using use uses used install installed run runs deploy deployed over
    through at of for by under upgrade upgraded migrate migrated switch switched try tried""".split()
)
# A line of a chat export: a timestamp (perhaps after a date), then the author's name and a colon.
_CHAT_SPEAKER = re.compile(
    r"(?m)^[ \t]*\[?(?:\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4},?[ \t]+)?\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[AaPp]\.?[Mm]\.?)?\]?"
    r"(?:[ \t]+[-–—])?[ \t]+(?P<name>[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*(?:[ \t][^\W\d_]+(?:['’-][^\W\d_]+)*){0,2})"
    r":[ \t]"
)
# Log levels and sources that stand where a chat export has its author.
_LOG_WORDS = frozenset("info warn warning error debug trace fatal critical notice severe alert emerg".split())
# Prefixes that are part of a stage name or of a peer's or deity's name: "DJ Khaled", "lil wayne", "Lord Shiva".
_NAME_PREFIXES = frozenset("lil dj mc lord lady".split())
# Honorifics written apart from their full stop in tokenised text ("Dr . Mahoney").
_SPACED_HONORIFICS = frozenset("dr mr mrs ms prof".split())
# A census surname in lower case after a lower-case first name, frequent as a word but among the most frequent
# surnames: "martin short", not "maria long".
LOWER_FREQUENT_SURNAME_MAX_ZIPF = threshold("names_lower_frequent_surname_max_zipf")
LOWER_FREQUENT_SURNAME_RANK = int_threshold("names_lower_frequent_surname_rank")
_INITIAL_GAPS = frozenset({". ", ".\n", "."})
# Endings of English derived words ("unassigned", "refactoring", "deployment"): a rare word with one is a word.
_DERIVED_WORD = re.compile(r"(?:ed|ing|tion|sion|ment|ness|able|ible|ity|ize|ise|ful|less|ous|ive)$")
# After two or three rare capitalised words, a verb in general ("Ifeanyi Chukwuma will review", "... is").
_RUN_VERBS = PERSON_VERBS | frozenset("is was has had will shared sent owns signed approved works worked".split())
# Roles of the parties to a case or a contract, written after their names.
_PARTY_ROLES = frozenset(
    """claimant claimants defendant defendants appellant appellants respondent respondents applicant applicants
    petitioner petitioners plaintiff plaintiffs intervener""".split()
)
_LOWER_WORD = re.compile(r"\b[a-z]{2,}\b")
_LEGAL_TERMS = frozenset({"michaelmas", "hilary", "easter", "trinity"})
# A label on the next line ("Jane Doe\nMaintainer: ...", "\nModified by: ..."): the name ends before it.
_LABEL_AFTER = re.compile(r"[ \t]*(?:by[ \t]*)?:")
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
COMMON_WORD_ZIPF = threshold("common_word_zipf")
PHRASE_WORD_ZIPF = threshold("names_phrase_word_zipf")
# A first word this frequent in English that is no frequent first name opens a sentence, not a name.
VERB_LIKE_ZIPF = threshold("names_verb_like_zipf")
# A census surname in lower case after a first name is taken below this English frequency ("will" is not).
LOWER_SURNAME_MAX_ZIPF = threshold("names_lower_surname_max_zipf")
# In capitals, a neighbour that is a common word and not a surname within this rank means shouted text.
_SHOUT_SURNAME_RANK = int_threshold("names_shout_surname_rank")
# Surnames among the most frequent of the census list count as names even when they are English words.
_SURNAME_RANK_LIMIT = int_threshold("names_surname_rank_limit")
SURNAME_MAX_ZIPF = threshold("names_surname_max_zipf")

_WINDOW = 100_000
_WINDOW_OVERLAP = 400
ALONE_MAX_ZIPF = threshold("names_alone_max_zipf")
LOWER_MAX_ZIPF = threshold("names_lower_max_zipf")
CUED_MAX_ZIPF = threshold("names_cued_max_zipf")
# A lower-case first name that dictionaries write only capitalised ("emily", "ryan") needs no cue below this.
PROPER_LOWER_MAX_ZIPF = threshold("names_proper_lower_max_zipf")


# "O'Brien", "D'Arcy", "O'Sullivan": a one-letter prefix and an apostrophe before a word that is no common
# English word is a surname, whatever the frequency of the whole ("o'clock" is a word).
_ELIDED_NAME = re.compile(r"[od]['’]([^\W\d_]{2,})")


_FIRST_RANK_LIMIT = int_threshold("names_first_rank_limit")
_LOWER_FIRST_RANK_LIMIT = int_threshold("names_lower_first_rank_limit")


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
    if first_name_ranks().get(folded, _FIRST_RANK_LIMIT + 1) <= _FIRST_RANK_LIMIT:
        return True
    english = load_english_words()
    limit = TITLED_STRICT_MAX_ZIPF if strict else TITLED_MAX_ZIPF
    return all(english.get(part, 0.0) < limit for part in folded.split("-")) and english.get(folded, 0.0) < limit


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


class NameListDetector(Detector):
    """First names from public name lists, extended to the capitalised words that follow them.

    A finding's detector id names how it was found: ``person_names.<cue id>`` when a cue of
    ``packs/person_names.cues.yaml`` made it (without the cue there would be no such finding), otherwise the shape
    it has (``full``, ``first``, ``lower``, ``line``, ``field``, ``speaker``, ``prefix``, ``judicial``).
    """

    name = "person_names"
    entity_types = frozenset({"PERSON"})
    #: A word at least this frequent in English is a common word (read by the cues).
    common_word_zipf = COMMON_WORD_ZIPF
    #: A first name before "you" at a line's start must be rarer than this as a word (read by the cues).
    vocative_you_max_zipf = VOCATIVE_YOU_MAX_ZIPF

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
        self._first = first_names
        self._freq = word_freq
        self._score = score
        self._english = load_english_words() if english is None else english
        self._capitalised = load_capitalised_words() if capitalised is None else capitalised
        self._cues = load_name_cues() if cues is None else cues

    @property
    def first_names(self) -> frozenset[str]:
        """Listed first names, casefolded."""
        return self._first

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
        return first_name_ranks().get(folded, _FIRST_RANK_LIMIT + 1) <= _FIRST_RANK_LIMIT

    def technical_near(self, text: str, start: int, end: int) -> bool:
        """One tool, product or code token near ``start:end``: technical prose."""
        return technical_nearby(text, start, end, minimum=1)

    def _cue(self, text: str, tokens: list[Token], i: int, found: list[Finding]) -> str | None:
        """The id of the first cue of the pack that says token ``i`` names a person, or None."""
        return self._cues.first(CueSite.at(text, tokens, i, found, self))

    def detect(self, texts: Sequence[str]) -> list[list[Finding]]:
        """One list of findings per text, in input order."""
        return [self._detect_one(t) for t in texts]

    def _greeted_proper_noun(self, text: str, tokens: list[Token], i: int) -> bool:
        """A word that dictionaries write only capitalised or do not list ("obama", "biden"), right after a
        greeting or thanks: the person greeted, even when frequent as a word."""
        folded = tokens[i][2].casefold()
        if folded in TECHNICAL_VOCABULARY or not (folded in self._capitalised or folded in load_unlisted_words()):
            return False
        return i > 0 and tokens[i - 1][2].casefold() in STRONG_CUES and text[tokens[i - 1][1] : tokens[i][0]] == " "

    def _detect_one(self, text: str) -> list[Finding]:
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
        found = self._with_prefixes(text, tokens, found)
        found.extend(self._chat_speakers(text, w_start, w_end))
        found.extend(self._judges(text, tokens))
        return found

    def _candidate_findings(
        self, text: str, tokens: list[Token], cand: _Candidate, found: list[Finding], covered_until: int
    ) -> tuple[list[Finding], bool]:
        """The findings that start at the candidate's word, and whether they cover the words they span."""
        i = cand.i
        if not cand.listed and cand.style in ("title", "upper"):
            line_end = self._name_line(text, tokens, i) or self._name_run(text, tokens, i, cand.style)
            if line_end:
                return [Finding("PERSON", cand.start, line_end, self._score - 0.1, f"{self.name}.line")], True
        if not self._weigh(text, tokens, cand, found):
            return [], False
        if cand.style == "upper" and (self._shouting(text, tokens, i) or self._emphasis(text, tokens, i)):
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
        if self._strongly_cued(text, tokens, i) and not self._question(text, tokens, i):
            return Finding("PERSON", start, end, self._score - 0.1, f"{self.name}.first")
        return None

    def _surname_follows(self, text: str, tokens: list[Token], i: int) -> bool:
        """A capitalised surname, one space after token ``i``: rare, written only capitalised, or a census
        surname not frequent as a word ("Julia Schmidt", "June Carter")."""
        if i + 1 >= len(tokens) or text[tokens[i][1] : tokens[i + 1][0]] != " " or self._question(text, tokens, i):
            return False
        n_start, n_end, n_tok = tokens[i + 1]
        n_folded = n_tok.casefold()
        if word_style(n_tok) != "title" or len(n_tok) < 2 or glued(text, n_start, n_end):
            return False
        return n_folded not in TECHNICAL_VOCABULARY and (
            self.rare(n_folded)
            or n_folded in self._capitalised
            or (surname_rank(n_folded) <= _SHOUT_SURNAME_RANK and self._english.get(n_folded, 0.0) < PHRASE_WORD_ZIPF)
        )

    def _candidate(self, text: str, tokens: list[Token], i: int, folded: str) -> _Candidate | None:
        """Token ``i`` as a possible name: a listed first name (or a Korean given name), or a rare word of two
        letters or more that is no derived English word; not glued to an identifier, not opening a question."""
        start, end, tok = tokens[i]
        listed = folded in self._first or ("-" in folded and korean_given_name(folded))
        if not listed and (
            len(tok) < 2
            or not (self.rare(folded) or self._greeted_proper_noun(text, tokens, i))
            or _DERIVED_WORD.search(folded) is not None
        ):
            return None
        if glued(text, start, end) or self._question(text, tokens, i):
            return None
        return _Candidate(i, start, end, tok, folded, word_style(tok), listed)

    def _weigh(self, text: str, tokens: list[Token], cand: _Candidate, found: list[Finding]) -> bool:
        """Fill in the candidate's frequency and cue. A word in no list goes on only after a cue or as a
        capitalised proper noun; a listed first name that is a frequent word asks the cues too."""
        if not cand.listed:
            if cand.style == "mixed":
                return False
            cand.cue = self._cue(text, tokens, cand.i, found)
            if cand.cue is None and not (cand.style == "title" and self._proper_noun(text, tokens, cand.i)):
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
        return cand.listed or (cand.style == "title" and self._proper_noun(text, tokens, cand.i))

    def _finding(self, start: int, end: int, score: float, kind: str, cue: str | None) -> Finding:
        """A PERSON finding whose detector id names the cue that made it, or else its ``kind``."""
        return Finding("PERSON", start, end, score, f"{self.name}.{cue or kind}")

    def _capitalised_name(
        self, text: str, tokens: list[Token], cand: _Candidate, covered_until: int
    ) -> tuple[list[Finding], bool]:
        """A capitalised or upper-case name word: with the name words around it, as a quoted field and the
        next field, or alone."""
        i, start, end = cand.i, cand.start, cand.end
        first = self._extend_back(text, tokens, i, covered_until)
        last = self._extend(text, tokens, i, cand.style)
        if last > i or first < i:
            start = tokens[first][0]
            if self._phrase(tokens[first : last + 1]) or (
                first == i
                and self._verb_like(cand.folded)
                and SENTENCE_START.search(text, max(0, start - 200), start) is not None
            ):
                return [], False  # "See Kowalski's answer", "Run grafana-cli": a verb, then perhaps a name
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
            cand.folded in _LEGAL_TERMS
            and i + 1 < len(tokens)
            and tokens[i + 1][2].casefold() in ("term", "sittings")
            and text[end : tokens[i + 1][0]] == " "
        ):
            return [], False  # "Hilary Term": a term of the legal year
        if not self._alone_is_name(text, cand, cand.cued):
            return [], False
        cue = cand.cue
        if cue and self._candidate_without_cue(text, tokens, cand) and self._alone_is_name(text, cand, not cand.listed):
            cue = None  # a word in no list stays vouched for as a proper noun; a listed one is not
        return [self._finding(start, end, self._score - 0.1, "first", cue)], False

    def _alone_is_name(self, text: str, cand: _Candidate, cued: bool) -> bool:
        """A capitalised name word with no other name word next to it is a name (``cued``: after a cue)."""
        tok, folded, zipf, start, end = cand.tok, cand.folded, cand.zipf, cand.start, cand.end
        proper = folded in self._capitalised  # "John", "Emily": dictionaries write them only capitalised
        if len(tok) < 3 and not cued:
            return False  # "Mo", "Na", "Ho" alone: too often a word or an abbreviation
        if cand.style == "upper" and len(tok) <= 3 and not cued and _LOWER_WORD.search(line_around(text, start)):
            return False  # "your redirect URI is wrong", "the IDE": a short word in capitals in prose is an acronym
        if (
            text[end : end + 1] == ":"
            and self._english.get(folded, 0.0) >= PHRASE_WORD_ZIPF
            and not (
                folded in self._capitalised
                or first_name_ranks().get(folded, _LOWER_FIRST_RANK_LIMIT + 1) <= _LOWER_FIRST_RANK_LIMIT
            )
        ):
            return False  # a label: "EDIT: solved", "Note: ..."
        # A word dictionaries write only capitalised is no verb: "Katy that's me" is not "Mark that one".
        return (zipf < ALONE_MAX_ZIPF or cued or proper) and not (
            zipf >= 3.0 and not proper and imperative(text, start, end)
        )

    def _lower_name(
        self, text: str, tokens: list[Token], cand: _Candidate, covered_until: int
    ) -> tuple[list[Finding], bool]:
        """A name word in lower case, with a rare given name before it and a surname after it."""
        i = cand.i
        if i and tokens[i - 1][2] in _CODE_KEYWORDS:
            return [], False
        if not self._lower_is_name(text, tokens, cand, cand.cued):
            return [], False
        start = self._lower_given_before(text, tokens, i, covered_until)
        span_end = self._lower_surname_after(text, tokens, i)
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
        return plain or (cued and zipf < CUED_MAX_ZIPF) or proper or self._census_pair(text, tokens, cand.i)

    def _lower_given_before(self, text: str, tokens: list[Token], i: int, covered_until: int) -> int:
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
            and self.rare(prev)
            and _DERIVED_WORD.search(prev) is None
            and prev not in _CODE_KEYWORDS
            and prev not in _CUES | STRONG_CUES | OBJECT_CUES | RELATION_CUES
            and not is_chat_word(prev)
            and not glued(text, p_start, p_end)
        ):
            return p_start
        return start

    def _lower_surname_after(self, text: str, tokens: list[Token], i: int) -> int:
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
                self._english.get(n_folded, 0.0) < SURNAME_MAX_ZIPF
                or self._lower_surname(n_folded)
                or self._frequent_surname(n_folded)
            )
            and n_folded not in TECHNICAL_VOCABULARY
            and not glued(text, n_start, n_end)
        ):
            return n_end
        return end

    def _chat_speakers(self, text: str, w_start: int, w_end: int) -> list[Finding]:
        """The author of each line of a chat export, after its timestamp: "10/03/2024, 09:15 - Rutendo
        Chikwanha: ..." (WhatsApp), "[10:32] kudzai: ...", "2024-03-10 09:15:01 tinashe: ..."; its first word a
        listed first name or rare in English, so not a log level, an agenda item or a plain word ("09:15:01
        ERROR: ...", "10:30 Keynote: ...", "09:15 main: ...")."""
        out = []
        for m in _CHAT_SPEAKER.finditer(text, w_start, w_end):
            words = [w.casefold() for w in m.group("name").split()]
            if any(w in TECHNICAL_VOCABULARY or w in _LOG_WORDS for w in words):
                continue
            if words[0] not in self._first and self._english.get(words[0], 0.0) >= COMMON_WORD_ZIPF:
                continue  # "10:30 Keynote: ...", "14:00 Coffee break: ..."
            out.append(Finding("PERSON", m.start("name"), m.end("name"), self._score, f"{self.name}.speaker"))
        return out

    def _with_prefixes(self, text: str, tokens: list[Token], found: list[Finding]) -> list[Finding]:
        """Names after a stage-name, peerage or deity prefix ("DJ Khaled", "lil wayne", "Lord Shiva") take the
        prefix in; a capitalised name word after such a prefix, or after an honorific written apart from its
        stop ("Dr . Mahoney"), is a name even when no list holds it."""
        index = {t[0]: k for k, t in enumerate(tokens)}
        out = []
        for f in found:
            k = index.get(f.start, 0)
            prev = tokens[k - 1] if k else None
            if (
                prev is not None
                and prev[2].casefold() in _NAME_PREFIXES
                and text[prev[1] : f.start] == " "
                and not glued(text, prev[0], prev[1])
            ):
                f = Finding(f.entity_type, prev[0], f.end, f.score, f.detector)
            out.append(f)
        taken = {f.start for f in out} | {f.end for f in out}
        for k in range(len(tokens) - 1):
            folded = tokens[k][2].casefold()
            gap = text[tokens[k][1] : tokens[k + 1][0]]
            n_start, n_end, n_tok = tokens[k + 1]
            if n_end in taken or word_style(n_tok) not in ("title", "upper") or not titled_name_word(n_tok):
                continue
            if folded in _NAME_PREFIXES and gap == " " and word_style(tokens[k][2]) != "lower":
                out.append(Finding("PERSON", tokens[k][0], n_end, self._score, f"{self.name}.prefix"))
            elif folded in _SPACED_HONORIFICS and gap == " . ":
                out.append(Finding("PERSON", n_start, n_end, self._score, f"{self.name}.prefix"))
        return out

    def _judges(self, text: str, tokens: list[Token]) -> list[Finding]:
        """Judges named before their post-nominal letters ("Lewison LJ held", "Kiefel CJ, Gageler, Keane and
        Edelman JJ", "Scalia, J., dissenting") or before ", Circuit Judges" ("WARDLAW, BYBEE, and MILLER,
        Circuit Judges"), each name of a list on its own."""
        out: list[Finding] = []
        for k, (_, s_end, tok) in enumerate(tokens):
            first = k
            if tok in _JUDGE_WORDS:
                while first > 0 and tokens[first - 1][2].casefold() in _JUDGE_QUALIFIERS:
                    first -= 1
                if first in (0, k) or text[tokens[first - 1][1] : tokens[first][0]] != ", ":
                    continue  # "X, Circuit Judge", not "Master Key, Judge Rules"
                strict = False
            elif tok in _JUDGE_SUFFIXES:
                if k and tok == "J" and tokens[k - 1][2] == "C" and text[tokens[k - 1][1] : tokens[k][0]] == ".":
                    first = k - 1  # "C.J."
                if first == 0 or _AFTER_JUDGE_SUFFIX.match(text, s_end) is None:
                    continue
                gap = text[tokens[first - 1][1] : tokens[first][0]]
                if gap != " " and not (gap == ", " and text[s_end : s_end + 1] == "."):
                    continue
                strict = tok in _STRICT_JUDGE_SUFFIXES
            else:
                continue
            end = first - 1
            for _ in range(8):
                start = self._judge_name(text, tokens, end, strict)
                if start < 0:
                    break
                out.append(Finding("PERSON", tokens[start][0], tokens[end][1], _JUDGE_SCORE, f"{self.name}.judicial"))
                if tok not in _PLURAL_JUDGE_SUFFIXES or start == 0:
                    break
                sep = _JUDGE_LIST_SEP.search(text, max(0, tokens[start][0] - 8), tokens[start][0])
                end = start - 1
                while end >= 0 and tokens[end][1] > (sep.start() if sep else -1):
                    end -= 1
                if sep is None or end < 0 or tokens[end][1] != sep.start() or tokens[end][2] in _JUDGE_SUFFIXES:
                    break
        return out

    def _judge_name(self, text: str, tokens: list[Token], end: int, strict: bool) -> int:
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

    def _name_line(self, text: str, tokens: list[Token], i: int) -> int:
        """End of a line made only of two or three rare capitalised words, or words in capitals, with perhaps a
        middle initial ("Ifeanyi Chukwuma" heading a CV or an address block, "IFEANYI CHUKWUMA"), or 0."""
        start = tokens[i][0]
        line_start = text.rfind("\n", 0, start) + 1
        if text[line_start:start].strip(" \t>"):
            return 0
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
        words = text[start:line_end].split()
        if not 2 <= len(words) <= 3:
            return 0
        style = word_style(words[0])
        for k, w in enumerate(words):
            if 0 < k < len(words) - 1 and len(w.rstrip(".")) == 1 and w[0].isupper():
                continue  # a middle initial: "Ifeanyi C Chukwuma"
            if not (w.isalpha() or "-" in w) or word_style(w) != style or len(w) < 2:
                return 0
            folded = w.casefold()
            if folded not in self._first and not self.rare(folded):
                return 0
        return start + len(text[start:line_end].rstrip())

    def _name_run(self, text: str, tokens: list[Token], i: int, style: str = "title") -> int:
        """End of two or three rare capitalised words followed by a verb ("Ifeanyi Chukwuma will review") or by a
        comma and a capitalised role ("Ifeanyi Chukwuma, Product Manager"), or 0."""
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
            if (
                word_style(w) != style
                or w.casefold() in _PARTY_ROLES
                or (
                    w.casefold() not in self._first
                    and not self.rare(w.casefold())
                    and not (limit == 3 and surname_rank(w.casefold()) <= _SHOUT_SURNAME_RANK)
                )
            ):
                if tokens[j][2].casefold() in _PARTICLES:
                    j -= 1  # a particle is no name's last word
                break
            j += 1
        if j == i:
            return 0
        end = tokens[j][1]
        nxt = tokens[j + 1] if j + 1 < len(tokens) else None
        if nxt is None:
            return 0
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

    def _proper_noun(self, text: str, tokens: list[Token], i: int) -> bool:
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
            and text[tokens[i - 1][1] : start] in _INITIAL_GAPS
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
        if word_style(prev) != "lower" or prev in _CODE_KEYWORDS or prev in DETERMINERS:
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

    def _verb_like(self, folded: str) -> bool:
        """A very frequent English word that is neither written only capitalised nor a frequent census first
        name: at the start of a run of capitalised words it is a verb or a sentence word ("See", "Run")."""
        return (
            self._english.get(folded, 0.0) >= VERB_LIKE_ZIPF
            and folded not in self._capitalised
            and first_name_ranks().get(folded, _FIRST_RANK_LIMIT + 1) > _FIRST_RANK_LIMIT
        )

    def _lower_surname(self, folded: str) -> bool:
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
            zipf < LOWER_SURNAME_MAX_ZIPF
            and load_surnames().get(folded, _SHOUT_SURNAME_RANK + 1) <= _SHOUT_SURNAME_RANK
        )

    def _census_pair(self, text: str, tokens: list[Token], i: int) -> bool:
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
            first_name_ranks().get(first, _FIRST_RANK_LIMIT + 1) <= _FIRST_RANK_LIMIT
            and self._frequent_surname(tokens[i + 1][2].casefold())
            and not glued(text, tokens[i + 1][0], tokens[i + 1][1])
        )

    def _frequent_surname(self, folded: str) -> bool:
        """A census surname among the most frequent ones that is also a frequent English word ("short" in
        "martin short"), but not a function word or among the most frequent words ("long", "will")."""
        return (
            self._english.get(folded, 0.0) < LOWER_FREQUENT_SURNAME_MAX_ZIPF
            and surname_rank(folded) <= LOWER_FREQUENT_SURNAME_RANK
            and folded not in FUNCTION_WORDS
            and folded not in AUXILIARIES
            and folded not in TECHNICAL_VOCABULARY
        )

    def _emphasis(self, text: str, tokens: list[Token], i: int) -> bool:
        """A very frequent English word in capitals in a line of lower-case words: emphasis ("Thank you SO much"),
        not a name ("Regards, JOHN" keeps a frequent census first name)."""
        folded = tokens[i][2].casefold()
        return (
            self._english.get(folded, 0.0) >= CUED_MAX_ZIPF
            and folded not in self._capitalised
            and first_name_ranks().get(folded, _FIRST_RANK_LIMIT + 1) > _FIRST_RANK_LIMIT
            and _LOWER_WORD.search(line_around(text, tokens[i][0])) is not None
        )

    def _shouting(self, text: str, tokens: list[Token], i: int) -> bool:
        r"""A word in capitals next to a common English word in capitals on the same line: shouted text
        ("SO GOOD", "I LOVE IT"), not a name in capitals ("Regards,\nJUN WU")."""
        for j in (i - 1, i + 1):
            if not 0 <= j < len(tokens):
                continue
            a, b = (tokens[j][1], tokens[i][0]) if j < i else (tokens[i][1], tokens[j][0])
            tok = tokens[j][2]
            if "\n" in text[a:b] or not tok.isupper() or any(c.isalnum() or c in "()[]" for c in text[a:b]):
                continue  # "LIMITED (2) DESMOND PRYCE": a list number or bracket parts the words
            folded = tok.casefold()
            if folded == "i" or (
                folded not in self._first
                and folded not in self._capitalised
                and self._english.get(folded, 0.0) >= COMMON_WORD_ZIPF
                and surname_rank(folded) > _SHOUT_SURNAME_RANK
                and not self.rare(folded)
            ):
                return True
        return False

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

    def _question(self, text: str, tokens: list[Token], i: int) -> bool:
        """ "Can I", "May we", "Will you": a common word before a subject pronoun opens a question."""
        return (
            i + 1 < len(tokens)
            and tokens[i + 1][2].casefold() in PRONOUNS
            and text[tokens[i][1] : tokens[i + 1][0]] == " "
            and tokens[i][2].casefold() in AUXILIARIES
        )

    def _phrase(self, toks: list[Token]) -> bool:
        """A run of capitalised words that is a title or phrase, not a name: it holds a function word
        ("Bring Me Flowers", "Sing To Me"), or every word is a frequent English word written in lower case too,
        the first is not a frequent first name and none after it a frequent surname ("Crown Prince", but not
        "Will Smith", "Maria Costa" or "Grace Park")."""
        words = [t[2].casefold() for t in toks if len(t[2]) > 1]  # not middle initials ("Juliusz A Kwiatkowski")
        if len(words) == 2 and words[0] in _LEGAL_TERMS and words[1] in ("term", "sittings"):
            return True  # the terms of the English legal year: "Hilary Term", "Trinity Sittings"
        if any(w in FUNCTION_WORDS for w in words):
            return True
        if first_name_ranks().get(words[0], _FIRST_RANK_LIMIT + 1) <= _FIRST_RANK_LIMIT:
            return False  # "Maria Costa": a frequent first name starts a name, whatever follows
        surnames = load_surnames()
        return all(
            self._english.get(w, 0.0) >= PHRASE_WORD_ZIPF and w not in self._capitalised for w in words
        ) and not any(surnames.get(w, _SURNAME_RANK_LIMIT + 1) <= _SURNAME_RANK_LIMIT for w in words[1:])

    def _extend_back(self, text: str, tokens: list[Token], i: int, covered_until: int) -> int:
        """Index of the first token of the name ending at ``i``: a rare capitalised word just before it."""
        if i == 0:
            return i
        p_start, p_end, p_tok = tokens[i - 1]
        if (
            len(p_tok) == 1
            and p_tok.isupper()
            and p_start >= covered_until
            and text[p_end : tokens[i][0]] in _INITIAL_GAPS
            and not text[p_start - 1 : p_start].isalnum()
        ):
            return i - 1  # an initial before the surname: "T. Mwale", "E. Phiri"
        if p_start < covered_until or text[p_end : tokens[i][0]] != " " or word_style(p_tok) != "title":
            return i
        if not self.rare(p_tok.casefold()) or glued(text, p_start, p_end):
            return i
        return i - 1

    def _extend(self, text: str, tokens: list[Token], i: int, style: str) -> int:
        """Index of the last token of the name starting at ``i`` (``i`` itself if none follows)."""
        last = i
        j = i + 1
        added = 0
        while j < len(tokens) and added < 2:
            gap = text[tokens[j - 1][1] : tokens[j][0]]
            initial = len(tokens[j - 1][2]) == 1 and tokens[j - 1][2].isupper() and gap == ". "
            if gap not in (" ", "\n", "\t", "  ", " \n", "\r\n") and not initial:
                break
            tok = tokens[j][2]
            folded = tok.casefold()
            if folded in _PARTICLES:
                nxt = tokens[j + 1] if j + 1 < len(tokens) else None
                if (
                    nxt is not None
                    and text[tokens[j][1] : nxt[0]] == " "
                    and (word_style(nxt[2]) == style or nxt[2].casefold() in _PARTICLES)
                ):
                    j += 1
                    continue  # "Willem van Dijk"
                if word_style(tok) == style and gap == " ":
                    last = j  # the particle-like word is the surname itself: "Mai Le", "Minh Do"
                break
            if style == "title" and len(tok) == 1 and tok.isupper():
                # A middle initial, with or without its full stop ("Ravil G Yefimov"), even where the letter is
                # also vocabulary ("A", "C", "R"): only when a capitalised name word follows on the same line.
                nxt = tokens[j + 1] if j + 1 < len(tokens) else None
                if (
                    nxt is None
                    or text[tokens[j][1] : nxt[0]] not in (" ", ". ")
                    or word_style(nxt[2]) != "title"
                    or len(nxt[2]) < 2
                    or nxt[2].casefold() in TECHNICAL_VOCABULARY
                ):
                    break
                j += 1
                continue
            if (
                style == "title"
                and word_style(tok) == "lower"
                and gap == " "
                and added == 0
                and self._lower_surname(folded)
                and not glued(text, tokens[j][0], tokens[j][1])
            ):
                return j  # a surname typed in lower case after a capitalised first name: "Maria kowalczyk"
            if word_style(tok) != style and not (style == "title" and word_style(tok) == "upper" and len(tok) > 1):
                break
            if folded in TECHNICAL_VOCABULARY or glued(text, tokens[j][0], tokens[j][1]):
                break
            if (
                "\n" in gap
                and style == "upper"
                and text[text.rfind("\n", 0, tokens[i][0]) + 1 : tokens[i][0]].strip(" \t>")
                and self._freq.get(tokens[i][2].casefold(), 0.0) >= ALONE_MAX_ZIPF
            ):
                break  # "DISTRICT OF NEW YORK\nJANE DOE": a frequent word ending a heading starts no name
            if "\n" in gap and not self.rare(folded) and self._english.get(folded, 0.0) >= ALONE_MAX_ZIPF:
                break  # "Agnieszka\nJob title": a common word on the next line starts something else
            if "\n" in gap and _LABEL_AFTER.match(text, tokens[j][1]):
                break  # "Jane Doe\nMaintainer: ...": a label on the next line
            last = j
            added += 1
            j += 1
        return last


@register_detector("person_names")
def _build(config: ScrublineConfig) -> Detector:
    first, freq = load_name_lists()
    return NameListDetector(first, freq)
