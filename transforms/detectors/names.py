"""Person names from name lists: first names in any letter case, with the words that follow them.

Sources: the international first-name dictionary shipped with ``gender-guesser`` (Jörg Michael's
``nam_dict``, about 48,000 names from 50+ countries) and the US Census 1990 first-name files shipped
with ``names``. A bundled table (``data/name_word_frequency.tsv``, from wordfreq) says how common each
name is as an ordinary English word, so "svetlana" is a name and "will" or "can" are not.

Rules, in order of confidence:

* a capitalised or upper-case first name followed by up to two more capitalised words on the same or
  the next line ("María\\nSánchez", "EMMA HUGHES", "Can Yilmaz"): the whole sequence;
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
from functools import cache
from pathlib import Path

from transforms.config import ScrublineConfig
from transforms.detectors.base import Detector, register_detector
from transforms.detectors.ner import chunk_spans
from transforms.lexicon import LEXICON_DATA
from transforms.lexicon.vocabulary import TECHNICAL_VOCABULARY, imperative, is_chat_word, is_ordinary_vocabulary
from transforms.records import Finding

__all__ = [
    "NameListDetector",
    "first_name_ranks",
    "korean_given_name",
    "load_acronym_words",
    "load_capitalised_words",
    "load_english_words",
    "load_name_lists",
    "load_surnames",
    "load_unlisted_words",
    "surname_rank",
    "titled_name_word",
]

# Words with inner apostrophes and hyphens ("O'Neil", "Al-Sayed"); a possessive "'s" is not part of the name.
_TOKEN = re.compile(r"[^\W\d_]+(?:(?:['’](?![sS](?![^\W\d_]))|-)[^\W\d_]+)*")
_CUES = frozenset(
    "thanks thank thx ty tyvm hi hey heyy hello yo ping cc ask dear congrats welcome bye cheers sorry with".split()
)
_PARTICLES = frozenset("van von de da del della der di du le la bin binti al el ben dos das ter ten".split())
_GLUE = set("_@/\\=`")
_QUOTED_NEXT = re.compile(r"""\s*['"]\s*[,;\t|]\s*['"]""")

# Romanised Korean syllables common in given names ("Min-jun", "Seo-yeon", "Ha-eun").
_KOREAN_SYLLABLES = frozenset(
    """a ae ah bin bo byung chae chan chang cheol chul da dae do dong eun geon gi gyu ha hae han hee ho hoon
    hwa hwan hye hyo hyun hyuk il in jae jang je ji jin jo joo joon ju jun jung kang ki kwang kyu kyung mi
    min myung na nam ok ra rin ryu sang se seo seok seon seul seung si so sol soo sook su suk sun sung tae
    ung won woo woong ye yeon yeong yi yong yoo yoon young yu yun""".split()
)
# Cues after which a rare word is taken to be a name; pairs are two-word cues ("loop in", "this is").
_STRONG_CUES = frozenset(
    "hi hiya hey heyy hello dear thanks thx ty tyvm cheers ping cc ask lol ok okay congrats welcome bye sorry "
    "morning".split()
)
# Given names that are also technical or calendar vocabulary: names only right after a strong cue ("thanks
# Jun", "hi julia", "my colleague April").
_VOCABULARY_GIVEN_NAMES = frozenset("april august jan jun june julia ruby may meng".split())
# Relations and roles written just before a name: "my colleague Sipho", "my cousin Tendai", "our teammate Farai".
_RELATION_CUES = frozenset(
    """colleague colleagues coworker co-worker teammate friend buddy mate brother sister cousin wife husband son
    daughter kid mom mum dad mother father uncle aunt grandma grandpa grandfather grandmother boss partner
    neighbour neighbor nephew niece fiancé fiancée boyfriend girlfriend""".split()
)
_CUE_PAIRS = frozenset(
    {
        ("loop", "in"),
        ("this", "is"),
        ("name", "is"),
        ("thank", "you"),
        ("speaking", "with"),
        ("was", "called"),
        ("is", "called"),
        ("was", "named"),
        ("is", "named"),
        # Chat: "shoutout to X", "props to X", "love you X", "miss you X".
        ("shoutout", "to"),
        ("props", "to"),
        ("kudos", "to"),
        ("congrats", "to"),
        ("love", "you"),
        ("miss", "you"),
        ("bless", "you"),
        ("luv", "you"),
        ("love", "u"),
        ("miss", "u"),
    }
)
# A question about what a person is doing: "is X coming tonight?", "was X playing".
_QUESTION_AUXILIARIES = frozenset("is was are were did does has will".split())
# What only people do, asked about a word in no dictionary ("is ngozi coming?", not "is ollama running?").
_PERSON_ACTIVITIES = frozenset(
    """coming going leaving joining playing singing dancing crying laughing sleeping eating drinking driving
    dating texting calling lying cheating visiting staying""".split()
)
# A comma and a question or request after a word that opens a line: the word is a person addressed
# ("Tendai, can you ...", "Farai, please ...").
_VOCATIVE_AFTER = re.compile(r",[ \t]*(?:can|could|would|will|do|did|are|have|please|thanks|thank)\b", re.IGNORECASE)
# A person named by the department they work in: "X from finance", "X Y from the legal team".
_FROM_DEPARTMENT = re.compile(
    r"(?:[ \t][^\W\d_]+(?:['’-][^\W\d_]+)*)?[ \t]+(?:from|in|at)[ \t]+(?:the[ \t]+)?(?:finance|accounting|accounts"
    r"|sales|marketing|legal|hr|payroll|procurement|purchasing|billing|support|operations|ops|engineering|it"
    r"|security|compliance|facilities|logistics|design|product|research|admin|reception)\b",
    re.IGNORECASE,
)
# What is said only of a person: "X is so cute", "X is obsessed", "X my brother".
_PERSON_PREDICATE = re.compile(
    r"[ \t]+(?:is|was|['’]s|looks|seems)(?:[ \t]+(?:so|very|really|such|literally|always|just|too|the|a|an|my))*"
    r"[ \t]+(?:cute|obsessed|handsome|gorgeous|pretty|beautiful|sexy|hilarious|funny|talented|adorable|pregnant"
    r"|married|jealous|lovely|sweet|slaying|savage|legend|goat|bae)\b"
    r"|,?[ \t]+my[ \t]+(?:brother|sister|bro|sis|friend|hero|idol|boy|girl|guy|dude|king|queen|bestie)\b",
    re.IGNORECASE,
)
# A sentence that goes on about "he" or "she": "X keeps his title", "X knew that ... her".
_ANAPHORA_AFTER = re.compile(r"[ \t]+[a-z][^.!?\n]{0,60}?\b(?:he|his|him|himself|she|her|hers|herself)\b")
# A person addressed at the end of a sentence: "Where are you, X?", "Thanks, X!"; French typography puts a
# no-break space before the mark ("Tu viens, X\u202f?").
_VOCATIVE_END = re.compile("[\u00a0\u202f]?[?!]")
# Keywords before a lower-case identifier in code ("return conn", "import ada"): not a name.
_CODE_KEYWORDS = frozenset(
    "return import from def class const let var await yield lambda raise del assert global new typeof self this".split()
)
_CUE_GAPS = frozenset({" ", ", ", "  ", "\n", " \n"})
# Field labels that name people in metadata, minutes and headers ("Attendees: ...", "Maintainer: ...").
_LABEL_CUES = frozenset(
    """author authors maintainer maintainers contact contacts attendees attendee participants present owner
    assignee reporter reviewer reviewers by cc to from signed interviewer interviewee speaker speakers""".split()
)
_LABEL_GAPS = frozenset({": ", ":  ", ":\t", ":"})
# Verbs of speech and thought that follow a person ("Tendai prefers email", "Chinonso said").
_SPEECH_VERBS = frozenset(
    """said says wrote writes asked asks replied replies told tells thinks thought prefers preferred reports
    reported mentioned explained agreed confirmed suggested noted added argued""".split()
)
# Verbs after a person at the start of a sentence ("Farai lives nearby", "Chidera began").
_PERSON_VERBS = _SPEECH_VERBS | frozenset(
    "lives lived spent joined went came loves likes knows studied moved married began".split()
)
# More verbs after a listed first name in chat ("declan earns millions", "mason gets it", "desi hates it").
_CHAT_PERSON_VERBS = _PERSON_VERBS | frozenset(
    """makes made gets got does did wants wanted needs hates hated plays played sings sang dances danced cries
    cried laughs laughed smiles smiled looks looked texted called tweeted posted""".split()
)
# Verbs whose object is a person, before a first name in chat: "tell brad that ...", "asked mason to".
_OBJECT_CUES = frozenset("tell told telling asked asking text texted message messaged met meet".split())
# A name that opens a line, then a question to "you": the person addressed ("mason why do you ...").
_VOCATIVE_QUESTION = re.compile(
    r"[ \t]+(?:why|what|how|when|where|do|did|does|can|could|would|are|have|please|pls|plz)\b"
    r"[^\n.!?]{0,40}?\b(?:you|u|ur|your|ya)\b",
    re.IGNORECASE,
)
# A first name in chat this frequent as an English word needs a census rank or a capital-only spelling to be
# taken as the person addressed ("Grant how would you ...", not "Dude why do you ...").
_VOCATIVE_MAX_ZIPF = 4.0
# Before "you" at a line's start, a first name must be rarer than this as a word: "Hope you are well" is no name.
VOCATIVE_YOU_MAX_ZIPF = 5.0
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
# A census surname in lower case after a lower-case first name, frequent as a word but among the most frequent
# surnames: "martin short", not "maria long".
LOWER_FREQUENT_SURNAME_MAX_ZIPF = 5.5
LOWER_FREQUENT_SURNAME_RANK = 1000
# A speaker's line: "Tariq: I think so." (at least three words after the colon; "Assignee: x" is a field).
_INITIAL_GAPS = frozenset({". ", ".\n", "."})
# Endings of English derived words ("unassigned", "refactoring", "deployment"): a rare word with one is a word.
_DERIVED_WORD = re.compile(r"(?:ed|ing|tion|sion|ment|ness|able|ible|ity|ize|ise|ful|less|ous|ive)$")
# Only blanks, list marks or a sentence end before a word on its line: the word opens a sentence.
_SENTENCE_START = re.compile(r"(?:^|[.!?>*#-]|\d[.)]|\[[ xX]\])[ \t]*$|\n[ \t]*$")
_SPEAKER_AFTER = re.compile(r":[ \t]+[^\W\d_][^\s:]*[ \t]+[^\s:]+[ \t]+[^\s:]")
_AGENT_NOUN = re.compile(r"(?:er|or|ee|ant|ist|ion|ment|ity)$")
# After two or three rare capitalised words, a verb in general ("Ifeanyi Chukwuma will review", "... is").
_RUN_VERBS = _PERSON_VERBS | frozenset("is was has had will shared sent owns signed approved works worked".split())
# Roles of the parties to a case or a contract, written after their names.
_PARTY_ROLES = frozenset(
    """claimant claimants defendant defendants appellant appellants respondent respondents applicant applicants
    petitioner petitioners plaintiff plaintiffs intervener""".split()
)
_LOWER_WORD = re.compile(r"\b[a-z]{2,}\b")
_LEGAL_TERMS = frozenset({"michaelmas", "hilary", "easter", "trinity"})
_DETERMINERS = frozenset("the a an this that these those our your my their his her its".split())
# A label on the next line ("Jane Doe\nMaintainer: ...", "\nModified by: ..."): the name ends before it.
_LABEL_AFTER = re.compile(r"[ \t]*(?:by[ \t]*)?:")
# Auxiliaries that open a question ("Can I", "May we", "Will you"): with a pronoun after them, not names.
_AUXILIARIES = frozenset(
    "can may will shall should could would must might do does did is are was were have has had".split()
)
_PRONOUNS = frozenset("i we you he she they it".split())
# Function words never part of a name: "Bring Me Flowers", "Sing To Me".
_FUNCTION_WORDS = frozenset(
    """me my mine you your yours we us our him his her hers they them their it its the a an this that these
    those to of in on at for with from by back up down out off over""".split()
)
# "- [ ] Adaeze to migrate ...": the owner of an action item.
_ACTION_ITEM = re.compile(r"(?:^|\n)[ \t]*(?:[-*•]|\d{1,2}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?$")
_ACTION_VERB = re.compile(r"[ \t]+(?:to|will|should|must|owns|:)[ \t]")
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
_JUDGE_SCORE = 0.9
COMMON_WORD_ZIPF = 3.0
PHRASE_WORD_ZIPF = 4.0
# A first word this frequent in English that is no frequent first name opens a sentence, not a name.
VERB_LIKE_ZIPF = 5.0
# A census surname in lower case after a first name is taken below this English frequency ("will" is not).
LOWER_SURNAME_MAX_ZIPF = 5.0
# In capitals, a neighbour that is a common word and not a surname within this rank means shouted text.
_SHOUT_SURNAME_RANK = 10_000
# Surnames among the most frequent of the census list count as names even when they are English words.
_SURNAME_RANK_LIMIT = 1000
SURNAME_MAX_ZIPF = 3.5

_WINDOW = 100_000
_WINDOW_OVERLAP = 400
ALONE_MAX_ZIPF = 4.5
LOWER_MAX_ZIPF = 3.5
CUED_MAX_ZIPF = 4.8
# A lower-case first name that dictionaries write only capitalised ("emily", "ryan") needs no cue below this.
PROPER_LOWER_MAX_ZIPF = 5.0


@cache
def load_name_lists() -> tuple[frozenset[str], dict[str, float]]:
    """(first names, casefolded; {name: English Zipf frequency}) — loaded once per process."""
    import names
    from gender_guesser.detector import Detector as GenderDetector

    first = set(GenderDetector(case_sensitive=False).names)
    base = Path(names.__file__).parent
    for f in ("dist.female.first", "dist.male.first"):
        first |= {line.split()[0].lower() for line in (base / f).read_text().splitlines() if line.strip()}
    table = LEXICON_DATA / "name_word_frequency.tsv"
    freq = {}
    for line in table.read_text(encoding="utf-8").splitlines():
        name, zipf = line.split("\t")
        freq[name] = float(zipf)
    first = {n for n in first if len(n) >= 2 and n not in TECHNICAL_VOCABULARY}
    return frozenset(first), freq


@cache
def load_english_words() -> dict[str, float]:
    """{word: English Zipf frequency} for common English words (Zipf >= 3.0) — loaded once per process."""
    table = LEXICON_DATA / "english_word_frequency.tsv"
    out = {}
    for line in table.read_text(encoding="utf-8").splitlines():
        word, zipf = line.split("\t")
        out[word] = float(zipf)
    return out


@cache
def _data_words(name: str) -> frozenset[str]:
    """The casefolded words of ``data/<name>`` (one a line; written by ``data/make_capitalised_words.py``)."""
    return frozenset((LEXICON_DATA / name).read_text(encoding="utf-8").split())


def load_capitalised_words() -> frozenset[str]:
    """Common English words that dictionaries write only capitalised ("emily", "obama"), casefolded."""
    return _data_words("capitalised_words.txt")


def load_acronym_words() -> frozenset[str]:
    """Common English words that dictionaries write only in capitals ("nasa", "fbi", "bbc"), casefolded."""
    return _data_words("acronym_words.txt")


def load_unlisted_words() -> frozenset[str]:
    """Common English words that dictionaries do not list in any form ("spotify", "andreas"), casefolded."""
    return _data_words("unlisted_words.txt")


@cache
def load_surnames() -> dict[str, int]:
    """{surname: rank} of the US Census 1990 surname list (``names`` package), casefolded, loaded once."""
    import names

    ranks: dict[str, int] = {}
    for line in (Path(names.__file__).parent / "dist.all.last").read_text().splitlines():
        if line.strip():
            ranks.setdefault(line.split()[0].casefold(), len(ranks) + 1)
    return ranks


def surname_rank(folded: str) -> int:
    """Rank of a casefolded surname in the census list, with or without its apostrophe ("o'brien" is
    listed as "obrien"); a large number when it is not listed."""
    ranks = load_surnames()
    rank = ranks.get(folded)
    if rank is None and ("'" in folded or "’" in folded):
        rank = ranks.get(folded.replace("'", "").replace("’", ""))
    return _UNLISTED if rank is None else rank


_UNLISTED = 1 << 30
# "O'Brien", "D'Arcy", "O'Sullivan": a one-letter prefix and an apostrophe before a word that is no common
# English word is a surname, whatever the frequency of the whole ("o'clock" is a word).
_ELIDED_NAME = re.compile(r"[od]['’]([^\W\d_]{2,})")


@cache
def first_name_ranks() -> dict[str, int]:
    """{first name: best rank} in the US Census 1990 female and male first-name lists, casefolded."""
    import names

    ranks: dict[str, int] = {}
    for f in ("dist.female.first", "dist.male.first"):
        lines = (Path(names.__file__).parent / f).read_text().splitlines()
        for rank, line in enumerate((x for x in lines if x.strip()), start=1):
            name = line.split()[0].casefold()
            ranks[name] = min(rank, ranks.get(name, rank))
    return ranks


_FIRST_RANK_LIMIT = 1000
_LOWER_FIRST_RANK_LIMIT = 1500


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
TITLED_SURNAME_RANK = 5000
TITLED_MAX_ZIPF = 4.5
# After "Master", "Registrar" or "Recorder", and before a lone "J" or "P": stricter.
TITLED_STRICT_MAX_ZIPF = 4.0


def titled_name_word(word: str, strict: bool = False) -> bool:
    """A word after a title ("Lord Hughes", "Lady Black") or before a judge's post-nominal letters ("Arden
    LJ") that is a name: a listed surname or first name, or no common English word; never an office, a
    document word or technical vocabulary."""
    folded = word.casefold().strip(".,;:")
    if len(folded) < 2 or folded in _OFFICE_WORDS or folded in _FUNCTION_WORDS or not folded[0].isalpha():
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


@cache
def _places() -> frozenset[str]:
    """Towns, cities and regions (``data/place_names.tsv``), casefolded."""
    table = LEXICON_DATA / "place_names.tsv"
    return frozenset(line.split("\t")[0].casefold() for line in table.read_text(encoding="utf-8").splitlines())


def korean_given_name(folded: str) -> bool:
    """True for two different romanised Korean syllables joined by a hyphen ("seo-yeon")."""
    parts = folded.split("-")
    return len(parts) == 2 and parts[0] != parts[1] and all(p in _KOREAN_SYLLABLES for p in parts)


def _style(tok: str) -> str:
    if tok.isupper() and len(tok) > 1:
        return "upper"
    if tok[0].isupper() and not tok[1:].isupper():
        return "title"
    if tok.islower():
        return "lower"
    return "mixed"


class NameListDetector(Detector):
    """First names from public name lists, extended to the capitalised words that follow them."""

    name = "person_names"

    def __init__(
        self,
        first_names: frozenset[str],
        word_freq: dict[str, float],
        score: float = 0.7,
        english: dict[str, float] | None = None,
        capitalised: frozenset[str] | None = None,
    ) -> None:
        self._first = first_names
        self._freq = word_freq
        self._score = score
        self._english = load_english_words() if english is None else english
        self._capitalised = load_capitalised_words() if capitalised is None else capitalised

    def _rare(self, folded: str) -> bool:
        """Rare in English and not technical vocabulary: more likely a name than a word."""
        elided = _ELIDED_NAME.fullmatch(folded)
        if elided is not None and self._english.get(elided.group(1), 0.0) < COMMON_WORD_ZIPF:
            return True  # "o'brien", "d'arcy"
        return (
            self._english.get(folded, 0.0) < COMMON_WORD_ZIPF
            and folded not in TECHNICAL_VOCABULARY
            and all(self._english.get(p, 0.0) < COMMON_WORD_ZIPF for p in folded.split("-"))
        )

    def _cued(self, text: str, tokens: list[tuple[int, int, str]], i: int, found: list[Finding]) -> bool:
        """The token follows a greeting, thanks, "ping", "loop in", "this is", or "<name> and"."""
        start, end = tokens[i][0], tokens[i][1]
        if _ACTION_ITEM.search(text, max(0, start - 12), start) and _ACTION_VERB.match(text, end):
            return True
        if (
            i + 1 < len(tokens)
            and text[end : tokens[i + 1][0]] == " "
            and (
                tokens[i + 1][2] in _SPEECH_VERBS
                or (tokens[i + 1][2] in _CHAT_PERSON_VERBS and self._addressable(tokens[i][2].casefold()))
            )
            and tokens[i][2].casefold() not in _FUNCTION_WORDS
            and tokens[i][2].casefold() not in _PRONOUNS
            and not (i and tokens[i - 1][2].casefold() in _DETERMINERS and text[tokens[i - 1][1] : start] == " ")
        ):
            return True  # "Tendai prefers email", not "the changelog says"
        if (
            _SPEAKER_AFTER.match(text, end)
            and not text[text.rfind("\n", 0, start) + 1 : start].strip(" \t>")
            and (tokens[i][2].casefold() in self._first or _AGENT_NOUN.search(tokens[i][2]) is None)
            and (
                self._english.get(tokens[i][2].casefold(), 0.0) < COMMON_WORD_ZIPF
                or tokens[i][2].casefold() in self._capitalised
                or first_name_ranks().get(tokens[i][2].casefold(), _FIRST_RANK_LIMIT + 1) <= _FIRST_RANK_LIMIT
            )
        ):
            return True  # a speaker in a transcript or chat: "Tariq: I think so."
        if _VOCATIVE_AFTER.match(text, end) and not text[text.rfind("\n", 0, start) + 1 : start].strip(" \t>"):
            return True
        if _PERSON_PREDICATE.match(text, end):
            return True  # "X is so cute", "X my brother"
        if _FROM_DEPARTMENT.match(text, end):
            return True  # "wanjiru mutua from finance is asking"
        folded = tokens[i][2].casefold()
        if (
            text[end : end + 2] in ("'s", "’s")
            and not text[end + 2 : end + 3].isalpha()
            and folded not in self._english
            and folded not in TECHNICAL_VOCABULARY
            and not is_chat_word(folded)
        ):
            from transforms.detectors.ner import _technical

            if not _technical(text, start, end, minimum=1):
                return True  # "went to tendai's place": a possessive word in no dictionary, no tool near it
        if (
            0 < i < len(tokens) - 1
            and tokens[i - 1][2].casefold() in _QUESTION_AUXILIARIES
            and text[tokens[i - 1][1] : start] == " "
            and text[end : tokens[i + 1][0]] == " "
            and tokens[i + 1][2].endswith("ing")
            and _SENTENCE_START.search(text, max(0, tokens[i - 1][0] - 200), tokens[i - 1][0]) is not None
            and (self._addressable(folded) or (folded not in self._english and tokens[i + 1][2] in _PERSON_ACTIVITIES))
        ):
            return True  # "is ngozi coming tonight?", "Was mason playing"
        if (
            i + 1 < len(tokens)
            and text[end : tokens[i + 1][0]] == " "
            and tokens[i + 1][2] in ("you", "u")
            and folded not in self._english
            and folded not in TECHNICAL_VOCABULARY
            and not is_chat_word(folded)
            and (
                not text[text.rfind("\n", 0, start) + 1 : start].strip(" \t>")
                or (i and text[tokens[i - 1][1] : start] == " " and is_chat_word(tokens[i - 1][2]))
            )
        ):
            return True  # "omg chukwuemeka you did it": a word in no dictionary addressed at a line's start
        if (
            i + 2 < len(tokens)
            and text[end : tokens[i + 1][0]] == " "
            and tokens[i + 1][2] in ("you", "u")
            and text[tokens[i + 1][1] : tokens[i + 2][0]] == " "
            and _style(tokens[i + 2][2]) == "lower"
            and not text[text.rfind("\n", 0, start) + 1 : start].strip(" \t>")
            and self._addressable(folded)
            and (self._english.get(folded, 0.0) < VOCATIVE_YOU_MAX_ZIPF or folded in self._capitalised)
        ):
            return True  # "tanner you went too far": a first name addressed at a line's start
        if (
            _ANAPHORA_AFTER.match(text, end)
            and _SENTENCE_START.search(text, max(0, start - 200), start) is not None
            and tokens[i][2].casefold() not in _places()
            and (self._addressable(tokens[i][2].casefold()) or self._rare(tokens[i][2].casefold()))
            and tokens[i][2].casefold() not in _FUNCTION_WORDS | _PRONOUNS | _AUXILIARIES
        ):
            return True  # "X keeps his title"
        if (
            text[max(0, start - 3) : start].endswith(", ")
            and _VOCATIVE_END.match(text, end)
            and self._addressable(tokens[i][2].casefold())
        ):
            return True  # "Where are you, Summer?"
        if (
            _VOCATIVE_QUESTION.match(text, end)
            and not text[text.rfind("\n", 0, start) + 1 : start].strip(" \t>")
            and self._addressable(tokens[i][2].casefold())
        ):
            return True  # "mason why do you ...", "Grant how would you ..."
        if (
            i + 2 < len(tokens)
            and tokens[i + 1][2] in ("and", "or", "&")
            and text[end : tokens[i + 1][0]] == " "
            and text[tokens[i + 1][1] : tokens[i + 2][0]] in (" ", "\n")
            and tokens[i + 2][2].casefold() in self._first
            and _style(tokens[i + 2][2]) != "lower"
        ):
            return True  # the first of two people: "Chinonso and Maria", "sipho or Thandi"
        if (
            i + 2 < len(tokens)
            and text[end : tokens[i + 1][0]] == ", "
            and tokens[i + 1][2].casefold() in self._first
            and _style(tokens[i + 1][2]) == _style(tokens[i][2])
            and text[tokens[i + 1][1] : tokens[i + 2][0]] in (", ", " and ", ", and ")
        ):
            return True  # the first of a list of names: "Chidera, Maria, Paul and Ruth"
        if i == 0:
            return False
        gap = text[tokens[i - 1][1] : start]
        prev = tokens[i - 1][2].casefold()
        if gap in _LABEL_GAPS:
            return prev in _LABEL_CUES
        if gap == ", " and found and found[-1].end == tokens[i - 1][1]:
            return True  # the next item of a list of names: "Ngozi, Tendai", "priya, amaka"
        if gap not in _CUE_GAPS:
            return False
        if prev in _STRONG_CUES or (prev in (_RELATION_CUES | _OBJECT_CUES) and gap == " "):
            return True
        if i >= 2 and (tokens[i - 2][2].casefold(), prev) in _CUE_PAIRS:
            return True
        return (
            prev in ("and", "or")
            and i >= 2
            and bool(found)
            and found[-1].end == tokens[i - 2][1]
            and text[tokens[i - 2][1] : tokens[i - 1][0]] == " "
        )

    def detect(self, texts: Sequence[str]) -> list[list[Finding]]:
        return [self._detect_one(t) for t in texts]

    def _greeted_proper_noun(self, text: str, tokens: list[tuple[int, int, str]], i: int) -> bool:
        """A word that dictionaries write only capitalised or do not list ("obama", "biden"), right after a
        greeting or thanks: the person greeted, even when frequent as a word."""
        folded = tokens[i][2].casefold()
        if folded in TECHNICAL_VOCABULARY or not (folded in self._capitalised or folded in load_unlisted_words()):
            return False
        return i > 0 and tokens[i - 1][2].casefold() in _STRONG_CUES and text[tokens[i - 1][1] : tokens[i][0]] == " "

    def _addressable(self, folded: str) -> bool:
        """A listed first name that may open a question to its bearer or be the subject of a verb in chat: rare
        as a word, a frequent census first name or written only capitalised ("tanner", "grant", "emily"; not
        "dude", "so" or "just")."""
        return folded in self._first and (
            self._english.get(folded, 0.0) < _VOCATIVE_MAX_ZIPF
            or folded in self._capitalised
            or first_name_ranks().get(folded, _FIRST_RANK_LIMIT + 1) <= _FIRST_RANK_LIMIT
        )

    def _glued(self, text: str, start: int, end: int) -> bool:
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

    def _detect_one(self, text: str) -> list[Finding]:
        # Windows bound memory on huge texts (a token list of 50 MB of prose is over a gigabyte); a
        # finding belongs to the window that owns its start, and names are far shorter than the overlap.
        found: list[Finding] = []
        for w_start, w_end, own_start, own_end in chunk_spans(len(text), _WINDOW, _WINDOW_OVERLAP):
            found.extend(f for f in self._detect_window(text, w_start, w_end) if own_start <= f.start < own_end)
        return found

    def _detect_window(self, text: str, w_start: int, w_end: int) -> list[Finding]:
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, w_start, w_end)]
        found: list[Finding] = []
        covered_until = -1
        for i, (start, end, tok) in enumerate(tokens):
            if start < covered_until:
                continue
            folded = tok.casefold()
            if (
                folded in _VOCABULARY_GIVEN_NAMES
                and _style(tok) == "title"
                and i + 1 < len(tokens)
                and text[end : tokens[i + 1][0]] == " "
                and _style(tokens[i + 1][2]) == "title"
                and len(tokens[i + 1][2]) >= 2
                and not self._question(text, tokens, i)
                and not self._glued(text, tokens[i + 1][0], tokens[i + 1][1])
                and tokens[i + 1][2].casefold() not in TECHNICAL_VOCABULARY
                and (
                    self._rare(tokens[i + 1][2].casefold())
                    or tokens[i + 1][2].casefold() in self._capitalised
                    or (
                        surname_rank(tokens[i + 1][2].casefold()) <= _SHOUT_SURNAME_RANK
                        and self._english.get(tokens[i + 1][2].casefold(), 0.0) < PHRASE_WORD_ZIPF
                    )
                )
            ):
                n_end = tokens[i + 1][1]  # "Julia Schmidt", "June Carter": the given name of a full name
                found.append(Finding("PERSON", start, n_end, self._score, f"{self.name}.full"))
                covered_until = n_end
                continue
            if (
                folded in _VOCABULARY_GIVEN_NAMES
                and self._strongly_cued(text, tokens, i)
                and not self._question(text, tokens, i)
            ):
                found.append(Finding("PERSON", start, end, self._score - 0.1, f"{self.name}.first"))
                covered_until = end
                continue
            listed = folded in self._first or ("-" in folded and korean_given_name(folded))
            if not listed and (
                len(tok) < 2
                or not (self._rare(folded) or self._greeted_proper_noun(text, tokens, i))
                or _DERIVED_WORD.search(folded) is not None
            ):
                continue
            if self._glued(text, start, end) or self._question(text, tokens, i):
                continue
            style = _style(tok)
            if (
                not listed
                and style in ("title", "upper")
                and (line_end := self._name_line(text, tokens, i) or self._name_run(text, tokens, i, style))
            ):
                found.append(Finding("PERSON", start, line_end, self._score - 0.1, f"{self.name}.line"))
                covered_until = line_end
                continue
            if not listed:
                if style == "mixed" or not (
                    self._cued(text, tokens, i, found) or (style == "title" and self._proper_noun(text, tokens, i))
                ):
                    continue
                cued = True
                zipf = 0.0  # a rare word after a cue: as confident as a rare listed name
            else:
                zipf = self._freq.get(folded, 0.0)
                cued = (zipf >= LOWER_MAX_ZIPF or self._english.get(folded, 0.0) >= COMMON_WORD_ZIPF) and self._cued(
                    text, tokens, i, found
                )
            if style == "upper" and (self._shouting(text, tokens, i) or self._emphasis(text, tokens, i)):
                continue
            if style in ("title", "upper"):
                first = self._extend_back(text, tokens, i, covered_until)
                start = tokens[first][0]
                last = self._extend(text, tokens, i, style)
                if last > i or first < i:
                    if self._phrase(tokens[first : last + 1]) or (
                        first == i
                        and self._verb_like(folded)
                        and _SENTENCE_START.search(text, max(0, start - 200), start) is not None
                    ):
                        continue  # "See Kowalski's answer", "Run grafana-cli": a verb, then perhaps a name
                    span_end = tokens[last][1]
                    found.append(Finding("PERSON", start, span_end, self._score, f"{self.name}.full"))
                    covered_until = span_end
                    continue
                quoted = _QUOTED_NEXT.match(text, end)
                if quoted and i + 1 < len(tokens) and tokens[i + 1][0] == quoted.end():
                    n_start, n_end, n_tok = tokens[i + 1]
                    if _style(n_tok) in ("title", "upper") and n_tok.casefold() not in TECHNICAL_VOCABULARY:
                        found.append(Finding("PERSON", start, end, self._score, f"{self.name}.field"))
                        found.append(Finding("PERSON", n_start, n_end, self._score, f"{self.name}.field"))
                        covered_until = n_end
                        continue
                if (
                    folded in _LEGAL_TERMS
                    and i + 1 < len(tokens)
                    and tokens[i + 1][2].casefold() in ("term", "sittings")
                    and text[end : tokens[i + 1][0]] == " "
                ):
                    continue  # "Hilary Term": a term of the legal year
                proper = folded in self._capitalised  # "John", "Emily": dictionaries write them only capitalised
                if len(tok) < 3 and not cued:
                    continue  # "Mo", "Na", "Ho" alone: too often a word or an abbreviation
                if style == "upper" and len(tok) <= 3 and not cued and _LOWER_WORD.search(self._line(text, start)):
                    continue  # "your redirect URI is wrong", "the IDE": a short word in capitals in prose is an acronym
                if (
                    text[end : end + 1] == ":"
                    and self._english.get(folded, 0.0) >= PHRASE_WORD_ZIPF
                    and not (
                        folded in self._capitalised
                        or first_name_ranks().get(folded, _LOWER_FIRST_RANK_LIMIT + 1) <= _LOWER_FIRST_RANK_LIMIT
                    )
                ):
                    continue  # a label: "EDIT: solved", "Note: ..."
                # A word dictionaries write only capitalised is no verb: "Imogen that's us" is not "Mark that one".
                if (zipf < ALONE_MAX_ZIPF or cued or proper) and not (
                    zipf >= 3.0 and not proper and imperative(text, start, end)
                ):
                    found.append(Finding("PERSON", start, end, self._score - 0.1, f"{self.name}.first"))
            elif style == "lower":
                if i and tokens[i - 1][2] in _CODE_KEYWORDS:
                    continue
                proper = len(tok) >= 3 and folded in self._capitalised and zipf < PROPER_LOWER_MAX_ZIPF
                # Uncued, a lower-case name must not be an English word too (slang such as "vid"), unless it is a
                # frequent census first name ("tobias") or dictionaries write it only capitalised ("emily").
                plain = zipf < LOWER_MAX_ZIPF and (
                    self._english.get(folded, 0.0) < COMMON_WORD_ZIPF
                    or first_name_ranks().get(folded, _LOWER_FIRST_RANK_LIMIT + 1) <= _LOWER_FIRST_RANK_LIMIT
                )
                if plain or (cued and zipf < CUED_MAX_ZIPF) or proper or self._census_pair(text, tokens, i):
                    span_end = end
                    if (
                        i
                        and tokens[i - 1][0] >= covered_until
                        and text[tokens[i - 1][1] : start] == " "
                        and _style(tokens[i - 1][2]) == "lower"
                        and len(tokens[i - 1][2]) >= 3
                        and self._rare(tokens[i - 1][2])
                        and _DERIVED_WORD.search(tokens[i - 1][2]) is None
                        and tokens[i - 1][2] not in _CODE_KEYWORDS
                        and tokens[i - 1][2] not in _CUES | _STRONG_CUES | _OBJECT_CUES | _RELATION_CUES
                        and not is_chat_word(tokens[i - 1][2])
                        and not self._glued(text, tokens[i - 1][0], tokens[i - 1][1])
                    ):
                        start = tokens[i - 1][0]  # a given name in no list before a listed one: "tashi gurung"
                    k = i + 1
                    if (
                        k + 1 < len(tokens)
                        and len(tokens[k][2]) == 1
                        and tokens[k][2].islower()
                        and text[end : tokens[k][0]] == " "
                        and text[tokens[k][1] : tokens[k + 1][0]] in (" ", ". ")
                    ):
                        k += 1  # a middle initial in lower case: "kofi o adeyemi"
                    if k < len(tokens) and text[tokens[k - 1][1] : tokens[k][0]] in (
                        (" ", ". ") if k > i + 1 else (" ",)
                    ):
                        n_start, n_end, n_tok = tokens[k]
                        n_folded = n_tok.casefold()
                        if (
                            _style(n_tok) == "lower"
                            and len(n_tok) >= 2
                            and (
                                self._english.get(n_folded, 0.0) < SURNAME_MAX_ZIPF
                                or self._lower_surname(n_folded)
                                or self._frequent_surname(n_folded)
                            )
                            and n_folded not in TECHNICAL_VOCABULARY
                            and not self._glued(text, n_start, n_end)
                        ):
                            span_end = n_end
                    found.append(Finding("PERSON", start, span_end, self._score - 0.1, f"{self.name}.lower"))
                    covered_until = span_end
        found = self._with_prefixes(text, tokens, found)
        found.extend(self._chat_speakers(text, w_start, w_end))
        found.extend(self._judges(text, tokens))
        return found

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

    def _with_prefixes(self, text: str, tokens: list[tuple[int, int, str]], found: list[Finding]) -> list[Finding]:
        """Names after a stage-name, peerage or deity prefix ("DJ Khaled", "lil wayne", "Lord Shiva") take the
        prefix in; a capitalised name word after such a prefix is a name even when no list holds it."""
        index = {t[0]: k for k, t in enumerate(tokens)}
        out = []
        for f in found:
            k = index.get(f.start, 0)
            prev = tokens[k - 1] if k else None
            if (
                prev is not None
                and prev[2].casefold() in _NAME_PREFIXES
                and text[prev[1] : f.start] == " "
                and not self._glued(text, prev[0], prev[1])
            ):
                f = Finding(f.entity_type, prev[0], f.end, f.score, f.detector)
            out.append(f)
        taken = {f.start for f in out} | {f.end for f in out}
        for k in range(len(tokens) - 1):
            folded = tokens[k][2].casefold()
            gap = text[tokens[k][1] : tokens[k + 1][0]]
            _, n_end, n_tok = tokens[k + 1]
            if n_end in taken or _style(n_tok) not in ("title", "upper") or not titled_name_word(n_tok):
                continue
            if folded in _NAME_PREFIXES and gap == " " and _style(tokens[k][2]) != "lower":
                out.append(Finding("PERSON", tokens[k][0], n_end, self._score, f"{self.name}.prefix"))
        return out

    def _judges(self, text: str, tokens: list[tuple[int, int, str]]) -> list[Finding]:
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

    def _judge_name(self, text: str, tokens: list[tuple[int, int, str]], end: int, strict: bool) -> int:
        """Index of the first word of a judge's name of one to three words (initials too) ending at token
        ``end``, or -1."""
        j, first, words = end, -1, 0
        while j >= 0 and words < 3:
            w = tokens[j][2]
            if len(w) == 1 and w.isupper() and words and text[tokens[j][1] : tokens[j + 1][0]] in (" ", ". "):
                j -= 1  # a middle initial: "LORNA G. SCHOFIELD"
                continue
            if _style(w) not in ("title", "upper", "mixed") or w in _JUDGE_SUFFIXES:
                break
            if not titled_name_word(w, strict=strict) or self._glued(text, tokens[j][0], tokens[j][1]):
                break
            first, words = j, words + 1
            if j == 0 or text[tokens[j - 1][1] : tokens[j][0]] not in (" ", ". "):
                break
            if text[tokens[j - 1][1] : tokens[j][0]] == ". " and len(tokens[j - 1][2]) != 1:
                break
            j -= 1
        return first

    @staticmethod
    def _line(text: str, pos: int) -> str:
        """The line of text around ``pos``, at most 200 characters either side (long lines stay cheap)."""
        lo, hi = max(0, pos - 200), min(len(text), pos + 200)
        start, end = text.rfind("\n", lo, pos), text.find("\n", pos, hi)
        return text[lo if start < 0 else start + 1 : hi if end < 0 else end]

    def _name_line(self, text: str, tokens: list[tuple[int, int, str]], i: int) -> int:
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
        style = _style(words[0])
        for k, w in enumerate(words):
            if 0 < k < len(words) - 1 and len(w.rstrip(".")) == 1 and w[0].isupper():
                continue  # a middle initial: "Ifeanyi C Chukwuma"
            if not (w.isalpha() or "-" in w) or _style(w) != style or len(w) < 2:
                return 0
            folded = w.casefold()
            if folded not in self._first and not self._rare(folded):
                return 0
        return start + len(text[start:line_end].rstrip())

    def _name_run(self, text: str, tokens: list[tuple[int, int, str]], i: int, style: str = "title") -> int:
        """End of two or three rare capitalised words followed by a verb ("Ifeanyi Chukwuma will review") or by a
        comma and a capitalised role ("Ifeanyi Chukwuma, Product Manager"), or 0."""
        j, limit = i, 2
        while j + 1 < len(tokens) and j - i < limit and text[tokens[j][1] : tokens[j + 1][0]] == " ":
            w = tokens[j + 1][2]
            if (
                w.casefold() in _PARTICLES
                and j + 2 < len(tokens)
                and (_style(w) == style or (style == "title" and _style(w) == "lower"))
                and limit == 2
            ):
                limit = 3  # "TRANH VAN NGUYEN": a particle between two name words
                j += 1
                continue
            if (
                _style(w) != style
                or w.casefold() in _PARTY_ROLES
                or (
                    w.casefold() not in self._first
                    and not self._rare(w.casefold())
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
        if gap == ", " and _style(nxt[2]) == "title" and nxt[2].casefold() in TECHNICAL_VOCABULARY:
            return end
        return 0

    def _proper_noun(self, text: str, tokens: list[tuple[int, int, str]], i: int) -> bool:
        """A rare capitalised word inside a sentence that is a listed surname or not ASCII ("starring Kowalczyk",
        "than early Dvořák") or, outside technical prose, in no dictionary, list of places or list of tools'
        neighbours ("than DeVaughn", not "switched to Buildkite"), or before a verb ("Farai lives", "Chidera
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
        if nxt is not None and text[end : nxt[0]] in (" ", "\n") and _style(nxt[2]) in ("title", "upper"):
            return False
        if nxt is not None and text[end : nxt[0]] == " " and nxt[2] in _PERSON_VERBS:
            return True
        if i == 0 or text[tokens[i - 1][1] : start] != " ":
            return False
        prev = tokens[i - 1][2]
        if _style(prev) != "lower" or prev in _CODE_KEYWORDS or prev in _DETERMINERS:
            return False
        # Inside a sentence the word must be a listed surname or carry letters outside ASCII ("Dvořák"):
        # product names ("we use Pulumi") are neither.
        word = tokens[i][2]
        if word.casefold() in load_surnames() or not word.isascii():
            return True
        # With no tool or code nearby, a word in no dictionary and no list of places, after a word that does
        # not introduce tools, products or places ("with", "to", "via", "using"), is a name ("than DeVaughn").
        from transforms.detectors.ner import _technical

        return (
            prev not in _TOOL_PREPOSITIONS
            and word.casefold() not in _places()
            and word.casefold() not in load_unlisted_words()
            and not _technical(text, start, end, minimum=1)
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
        if folded in TECHNICAL_VOCABULARY or folded in _FUNCTION_WORDS or folded in _AUXILIARIES or len(folded) < 2:
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

    def _census_pair(self, text: str, tokens: list[tuple[int, int, str]], i: int) -> bool:
        """A frequent census first name then a frequent census surname, both in lower case: a full name even when
        both are words ("martin short", "rose bush" too)."""
        if i + 1 >= len(tokens) or text[tokens[i][1] : tokens[i + 1][0]] != " " or _style(tokens[i + 1][2]) != "lower":
            return False
        first = tokens[i][2].casefold()
        return (
            first_name_ranks().get(first, _FIRST_RANK_LIMIT + 1) <= _FIRST_RANK_LIMIT
            and self._frequent_surname(tokens[i + 1][2].casefold())
            and not self._glued(text, tokens[i + 1][0], tokens[i + 1][1])
        )

    def _frequent_surname(self, folded: str) -> bool:
        """A census surname among the most frequent ones that is also a frequent English word ("short" in
        "martin short"), but not a function word or among the most frequent words ("long", "will")."""
        return (
            self._english.get(folded, 0.0) < LOWER_FREQUENT_SURNAME_MAX_ZIPF
            and surname_rank(folded) <= LOWER_FREQUENT_SURNAME_RANK
            and folded not in _FUNCTION_WORDS
            and folded not in _AUXILIARIES
            and folded not in TECHNICAL_VOCABULARY
        )

    def _emphasis(self, text: str, tokens: list[tuple[int, int, str]], i: int) -> bool:
        """A very frequent English word in capitals in a line of lower-case words: emphasis ("Thank you SO much"),
        not a name ("Regards, JOHN" keeps a frequent census first name)."""
        folded = tokens[i][2].casefold()
        return (
            self._english.get(folded, 0.0) >= CUED_MAX_ZIPF
            and folded not in self._capitalised
            and first_name_ranks().get(folded, _FIRST_RANK_LIMIT + 1) > _FIRST_RANK_LIMIT
            and _LOWER_WORD.search(self._line(text, tokens[i][0])) is not None
        )

    def _shouting(self, text: str, tokens: list[tuple[int, int, str]], i: int) -> bool:
        """A word in capitals next to a common English word in capitals on the same line: shouted text
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
                and not self._rare(folded)
            ):
                return True
        return False

    def _strongly_cued(self, text: str, tokens: list[tuple[int, int, str]], i: int) -> bool:
        """After a greeting, thanks, a relation or "this is", and not before a number ("this is June 2024")."""
        if i == 0 or text[tokens[i - 1][1] : tokens[i][0]] not in _CUE_GAPS:
            return False
        after = text[tokens[i][1] : tokens[i][1] + 3].lstrip(" ,")
        if after[:1].isdigit():
            return False
        prev = tokens[i - 1][2].casefold()
        return (
            prev in _STRONG_CUES
            or prev in _RELATION_CUES
            or (i >= 2 and (tokens[i - 2][2].casefold(), prev) in _CUE_PAIRS)
        )

    def _question(self, text: str, tokens: list[tuple[int, int, str]], i: int) -> bool:
        """ "Can I", "May we", "Will you": a common word before a subject pronoun opens a question."""
        return (
            i + 1 < len(tokens)
            and tokens[i + 1][2].casefold() in _PRONOUNS
            and text[tokens[i][1] : tokens[i + 1][0]] == " "
            and tokens[i][2].casefold() in _AUXILIARIES
        )

    def _phrase(self, toks: list[tuple[int, int, str]]) -> bool:
        """A run of capitalised words that is a title or phrase, not a name: it holds a function word
        ("Bring Me Flowers", "Sing To Me"), or every word is a frequent English word written in lower case too,
        the first is not a frequent first name and none after it a frequent surname ("Crown Prince", but not
        "Will Smith", "Maria Costa" or "Grace Park")."""
        words = [t[2].casefold() for t in toks if len(t[2]) > 1]  # not middle initials ("Zbigniew T Lewandowski")
        if len(words) == 2 and words[0] in _LEGAL_TERMS and words[1] in ("term", "sittings"):
            return True  # the terms of the English legal year: "Hilary Term", "Trinity Sittings"
        if any(w in _FUNCTION_WORDS for w in words):
            return True
        if first_name_ranks().get(words[0], _FIRST_RANK_LIMIT + 1) <= _FIRST_RANK_LIMIT:
            return False  # "Maria Costa": a frequent first name starts a name, whatever follows
        surnames = load_surnames()
        return all(
            self._english.get(w, 0.0) >= PHRASE_WORD_ZIPF and w not in self._capitalised for w in words
        ) and not any(surnames.get(w, _SURNAME_RANK_LIMIT + 1) <= _SURNAME_RANK_LIMIT for w in words[1:])

    def _extend_back(self, text: str, tokens: list[tuple[int, int, str]], i: int, covered_until: int) -> int:
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
        if p_start < covered_until or text[p_end : tokens[i][0]] != " " or _style(p_tok) != "title":
            return i
        if not self._rare(p_tok.casefold()) or self._glued(text, p_start, p_end):
            return i
        return i - 1

    def _extend(self, text: str, tokens: list[tuple[int, int, str]], i: int, style: str) -> int:
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
                    and (_style(nxt[2]) == style or nxt[2].casefold() in _PARTICLES)
                ):
                    j += 1
                    continue  # "Willem van Dijk"
                if _style(tok) == style and gap == " ":
                    last = j  # the particle-like word is the surname itself: "Mai Le", "Minh Do"
                break
            if style == "title" and len(tok) == 1 and tok.isupper():
                # A middle initial, with or without its full stop ("Timur K Abdullaev"), even where the letter is
                # also vocabulary ("A", "C", "R"): only when a capitalised name word follows on the same line.
                nxt = tokens[j + 1] if j + 1 < len(tokens) else None
                if (
                    nxt is None
                    or text[tokens[j][1] : nxt[0]] not in (" ", ". ")
                    or _style(nxt[2]) != "title"
                    or len(nxt[2]) < 2
                    or nxt[2].casefold() in TECHNICAL_VOCABULARY
                ):
                    break
                j += 1
                continue
            if (
                style == "title"
                and _style(tok) == "lower"
                and gap == " "
                and added == 0
                and self._lower_surname(folded)
                and not self._glued(text, tokens[j][0], tokens[j][1])
            ):
                return j  # a surname typed in lower case after a capitalised first name: "Maria kowalczyk"
            if _style(tok) != style and not (style == "title" and _style(tok) == "upper" and len(tok) > 1):
                break
            if folded in TECHNICAL_VOCABULARY or self._glued(text, tokens[j][0], tokens[j][1]):
                break
            if (
                "\n" in gap
                and style == "upper"
                and text[text.rfind("\n", 0, tokens[i][0]) + 1 : tokens[i][0]].strip(" \t>")
                and self._freq.get(tokens[i][2].casefold(), 0.0) >= ALONE_MAX_ZIPF
            ):
                break  # "DISTRICT OF NEW YORK\nJANE DOE": a frequent word ending a heading starts no name
            if "\n" in gap and not self._rare(folded) and self._english.get(folded, 0.0) >= ALONE_MAX_ZIPF:
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
