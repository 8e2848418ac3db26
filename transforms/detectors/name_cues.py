"""Cues that a word names a person, as registered predicates; the table of cues is ``packs/person_names.cues.yaml``.

The name detector asks the cues about a word it is unsure of: a rare word in no name list ("thanks
Tavonga"), or a listed first name that is also an English word ("Grant said"). Each predicate looks at
the words around token ``i`` (a ``CueSite``) and answers yes or no; the word lists and frequency
judgements come from the detector (``NameWords``). The pack names the cues in the order they are asked,
and the first that holds gives a finding its detector id (``person_names.<cue id>``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from transforms.detectors.name_tokens import (
    AUXILIARIES,
    DETERMINERS,
    FUNCTION_WORDS,
    PRONOUNS,
    SENTENCE_START,
    Token,
    opens_line,
    word_style,
)
from transforms.lexicon.names import load_places
from transforms.lexicon.phrases import phrase_list
from transforms.lexicon.vocabulary import TECHNICAL_VOCABULARY, is_chat_word
from transforms.records import Finding

__all__ = [
    "CUE_CHECKS",
    "CUE_GAPS",
    "CUE_PAIRS",
    "OBJECT_CUES",
    "PERSON_VERBS",
    "RELATION_CUES",
    "STRONG_CUES",
    "CueCheck",
    "CueSite",
    "NameWords",
    "register_cue_check",
]

# Cues after which a rare word is taken to be a name; pairs are two-word cues ("loop in", "this is").
STRONG_CUES = frozenset(
    "hi hiya hey heyy hello dear thanks thx ty tyvm cheers ping cc ask lol ok okay congrats welcome bye sorry "
    "morning".split()
)
# Relations and roles written just before a name: "my colleague Sipho", "my cousin Tendai", "our teammate Farai".
RELATION_CUES = frozenset(
    """colleague colleagues coworker co-worker teammate friend buddy mate brother sister cousin wife husband son
    daughter kid mom mum dad mother father uncle aunt grandma grandpa grandfather grandmother boss partner
    neighbour neighbor nephew niece fiancé fiancée boyfriend girlfriend""".split()
)
CUE_PAIRS = frozenset(
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
        # Credit and praise: "thanks to X I found it", "good job X", "well done X", "happy birthday X".
        ("thanks", "to"),
        ("good", "job"),
        ("great", "job"),
        ("nice", "job"),
        ("great", "work"),
        ("nice", "work"),
        ("well", "done"),
        ("happy", "birthday"),
    }
)
# What may stand between a cue word and the name after it.
CUE_GAPS = frozenset({" ", ", ", "  ", "\n", " \n"})
# Verbs whose object is a person, before a first name in chat: "tell brad that ...", "asked mason to".
OBJECT_CUES = frozenset(
    """tell told telling asked asking text texted message messaged met meet invite invited tag tagged dm dmed
    thanked hug hugged""".split()
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
# A sentence that goes on about "he" or "she": "X continues his streak", "X knew that ... her".
_ANAPHORA_AFTER = re.compile(r"[ \t]+[a-z][^.!?\n]{0,60}?\b(?:he|his|him|himself|she|her|hers|herself)\b")
# A person addressed at the end of a sentence: "Where are you, X?", "Thanks, X!"; French typography puts a
# no-break space before the mark ("Tu viens, X\u202f?").
_VOCATIVE_END = re.compile("[\u00a0\u202f]?[?!]")
# Field labels that name people in metadata, minutes and headers ("Attendees: ...", "Maintainer: ...").
_LABEL_CUES = frozenset(
    """author authors maintainer maintainers contact contacts attendees attendee participants present owner
    assignee reporter reviewer reviewers by cc to from signed interviewer interviewee speaker speakers""".split()
)
_LABEL_GAPS = frozenset({": ", ":  ", ":\t", ":", " : "})
# The attendance and mail-header labels of eight languages, one word each ("Teilnehmer", "Aanwezig", "Obecni"):
# they name people after them, and are no speakers themselves.
_FIELD_LABELS = frozenset(
    label.casefold()
    for reference in ("people_fields.yaml#attendance", "people_fields.yaml#mail_headers")
    for label in phrase_list(reference)
    if " " not in label and len(label) >= 3
)
# Nouns that close a field label, alone or in a compound ("Lieferadresse:", "Kundennummer:").
_FIELD_NOUNS = tuple(sorted({noun.casefold() for noun in phrase_list("people_fields.yaml#field_nouns")}))
# Verbs of speech and thought that follow a person ("Tendai prefers email", "Chinonso said").
_SPEECH_VERBS = frozenset(
    """said says wrote writes asked asks replied replies told tells thinks thought prefers preferred reports
    reported mentioned explained agreed confirmed suggested noted added argued""".split()
)
# Verbs after a person at the start of a sentence ("Farai lives nearby", "Chidera began").
PERSON_VERBS = _SPEECH_VERBS | frozenset(
    "lives lived spent joined went came loves likes knows studied moved married began".split()
)
# More verbs after a listed first name in chat ("conor makes millions", "mason gets it", "desi hates it").
_CHAT_PERSON_VERBS = PERSON_VERBS | frozenset(
    """makes made gets got does did wants wanted needs hates hated plays played sings sang dances danced cries
    cried laughs laughed smiles smiled looks looked texted called tweeted posted""".split()
)
# A name that opens a line, then a question to "you": the person addressed ("mason why do you ...").
_VOCATIVE_QUESTION = re.compile(
    r"[ \t]+(?:why|what|how|when|where|do|did|does|can|could|would|are|have|please|pls|plz)\b"
    r"[^\n.!?]{0,40}?\b(?:you|u|ur|your|ya)\b",
    re.IGNORECASE,
)
# A speaker's line: "Tariq: I think so." (at least three words after the colon; "Assignee: x" is a field).
_SPEAKER_AFTER = re.compile(r":[ \t]+[^\W\d_][^\s:]*[ \t]+[^\s:]+[ \t]+[^\s:]")
_AGENT_NOUN = re.compile(r"(?:er|or|ee|ant|ist|ion|ment|ity)$")
# "- [ ] Adaeze to migrate ...": the owner of an action item.
_ACTION_ITEM = re.compile(r"(?:^|\n)[ \t]*(?:[-*•]|\d{1,2}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?$")
_ACTION_VERB = re.compile(r"[ \t]+(?:to|will|should|must|owns|:)[ \t]")


class NameWords(Protocol):
    """What the cues ask of the name detector: its word lists and its frequency judgements."""

    @property
    def first_names(self) -> frozenset[str]:
        """Listed first names, casefolded."""

    @property
    def english(self) -> Mapping[str, float]:
        """{word: English Zipf frequency} of common English words."""

    @property
    def capitalised(self) -> frozenset[str]:
        """Common words that dictionaries write only capitalised ("emily")."""

    @property
    def common_word_zipf(self) -> float:
        """A word at least this frequent in English is a common word."""

    @property
    def vocative_you_max_zipf(self) -> float:
        """A first name before "you" at a line's start must be rarer than this as a word."""

    def rare(self, folded: str) -> bool:
        """Rare in English and not technical vocabulary: more likely a name than a word."""

    def addressable(self, folded: str) -> bool:
        """A listed first name that may be addressed or be the subject of a verb in chat."""

    def frequent_first_name(self, folded: str) -> bool:
        """Among the most frequent census first names."""

    def technical_near(self, text: str, start: int, end: int) -> bool:
        """A tool, product or code token near ``start:end``."""


@dataclass(frozen=True, slots=True)
class CueSite:
    """Token ``i`` of ``tokens`` in ``text``, the findings made before it, and the detector's word judgements.

    ``start``, ``end``, ``word`` and ``folded`` (the word casefolded) describe token ``i``; ``prev`` is the
    word before it casefolded and ``gap_before`` what separates them, ``nxt`` the word after it as written and
    ``gap_after`` what separates them (``""`` and None at the window's edges). Build with ``at``.
    """

    text: str
    tokens: Sequence[Token]
    i: int
    found: Sequence[Finding]
    words: NameWords
    start: int
    end: int
    word: str
    folded: str
    prev: str
    gap_before: str | None
    nxt: str
    gap_after: str | None

    @classmethod
    def at(cls, text: str, tokens: Sequence[Token], i: int, found: Sequence[Finding], words: NameWords) -> CueSite:
        """The site of token ``i``."""
        start, end, word = tokens[i]
        prev, gap_before, nxt, gap_after = "", None, "", None
        if i:
            prev, gap_before = tokens[i - 1][2].casefold(), text[tokens[i - 1][1] : start]
        if i + 1 < len(tokens):
            nxt, gap_after = tokens[i + 1][2], text[end : tokens[i + 1][0]]
        return cls(text, tokens, i, found, words, start, end, word, word.casefold(), prev, gap_before, nxt, gap_after)

    def gap(self, k: int) -> str:
        """The text between token ``k`` and token ``k + 1`` (both must exist)."""
        return self.text[self.tokens[k][1] : self.tokens[k + 1][0]]

    def has(self, k: int) -> bool:
        """Token ``k`` exists."""
        return 0 <= k < len(self.tokens)

    def before(self) -> str:
        """The word before this one, casefolded, when only a cue gap separates them; otherwise ``""``."""
        return self.prev if self.gap_before in CUE_GAPS else ""


#: A cue's logic: does the word at the site name a person?
CueCheck = Callable[[CueSite], bool]

#: Every registered cue check by name. Filled by ``register_cue_check``; read when the cue pack is loaded.
CUE_CHECKS: dict[str, CueCheck] = {}


def register_cue_check(name: str) -> Callable[[CueCheck], CueCheck]:
    """Register ``check(site) -> bool`` under ``name``, the name a cue's ``checks`` list uses."""

    def wrap(check: CueCheck) -> CueCheck:
        if name in CUE_CHECKS:
            raise ValueError(f"cue check {name!r} is registered twice")
        CUE_CHECKS[name] = check
        return check

    return wrap


@register_cue_check("action_item_owner")
def action_item_owner(site: CueSite) -> bool:
    """The word opens an item of a list and an action follows ("- [ ] X to send ...", "1. X will ...")."""
    start = site.start
    return bool(_ACTION_ITEM.search(site.text, max(0, start - 12), start) and _ACTION_VERB.match(site.text, site.end))


@register_cue_check("speech_verb_after")
def speech_verb_after(site: CueSite) -> bool:
    """A verb of speech or thought follows ("X prefers email"), or a chat verb after an addressable first
    name ("x makes millions"); not a function word, a pronoun or a noun after a determiner ("the changelog
    says")."""
    if site.gap_after != " " or site.folded in FUNCTION_WORDS or site.folded in PRONOUNS:
        return False
    verb = site.nxt
    if not (verb in _SPEECH_VERBS or (verb in _CHAT_PERSON_VERBS and site.words.addressable(site.folded))):
        return False
    return not (site.prev in DETERMINERS and site.gap_before == " ")


@register_cue_check("speaker_label")
def speaker_label(site: CueSite) -> bool:
    """The word opens a line and a colon and a sentence follow ("X: I think so."): a speaker in a
    transcript or chat; not an agent noun that labels a field, nor a common word."""
    if not _SPEAKER_AFTER.match(site.text, site.end) or not opens_line(site.text, site.start):
        return False
    folded, words = site.folded, site.words
    if folded in _FIELD_LABELS or (folded not in words.first_names and _labels_a_field(site.word)):
        return False
    return (
        words.english.get(folded, 0.0) < words.common_word_zipf
        or folded in words.capitalised
        or words.frequent_first_name(folded)
    )


def _labels_a_field(word: str) -> bool:
    """An agent noun ("Reviewer") or a word that ends in a field noun ("Lieferadresse", "Kundennummer")."""
    return _AGENT_NOUN.search(word) is not None or word.casefold().endswith(_FIELD_NOUNS)


@register_cue_check("vocative_request")
def vocative_request(site: CueSite) -> bool:
    """The word opens a line, then a comma and a question or request ("X, can you ...", "X, please ...")."""
    return bool(_VOCATIVE_AFTER.match(site.text, site.end)) and opens_line(site.text, site.start)


@register_cue_check("person_predicate")
def person_predicate(site: CueSite) -> bool:
    """What is said only of a person follows ("X is so talented", "X my brother")."""
    return _PERSON_PREDICATE.match(site.text, site.end) is not None


@register_cue_check("from_department")
def from_department(site: CueSite) -> bool:
    """A department follows, perhaps after a surname ("X from finance", "X Y in the legal team")."""
    return _FROM_DEPARTMENT.match(site.text, site.end) is not None


@register_cue_check("possessive_unknown_word")
def possessive_unknown_word(site: CueSite) -> bool:
    """A possessive word in no dictionary and no chat or technical vocabulary, with no tool near it
    ("went to x's place")."""
    text, end, folded = site.text, site.end, site.folded
    if text[end : end + 2] not in ("'s", "’s") or text[end + 2 : end + 3].isalpha():
        return False
    if folded in site.words.english or folded in TECHNICAL_VOCABULARY or is_chat_word(folded):
        return False
    return not site.words.technical_near(text, site.start, end)


@register_cue_check("activity_question")
def activity_question(site: CueSite) -> bool:
    """A question about what the word's bearer is doing, at a sentence's start ("is x coming tonight?"):
    an addressable first name, or a word in no dictionary before an activity only people do."""
    if site.prev not in _QUESTION_AUXILIARIES or site.gap_before != " " or site.gap_after != " ":
        return False
    if not site.nxt.endswith("ing"):
        return False
    aux_start = site.tokens[site.i - 1][0]
    if SENTENCE_START.search(site.text, max(0, aux_start - 200), aux_start) is None:
        return False
    folded = site.folded
    return site.words.addressable(folded) or (folded not in site.words.english and site.nxt in _PERSON_ACTIVITIES)


@register_cue_check("unknown_word_you")
def unknown_word_you(site: CueSite) -> bool:
    """A word in no dictionary, then "you", at a line's start or after a chat word ("omg x you did it")."""
    folded = site.folded
    if site.gap_after != " " or site.nxt not in ("you", "u"):
        return False
    if folded in site.words.english or folded in TECHNICAL_VOCABULARY or is_chat_word(folded):
        return False
    return opens_line(site.text, site.start) or (site.gap_before == " " and is_chat_word(site.tokens[site.i - 1][2]))


@register_cue_check("first_name_you")
def first_name_you(site: CueSite) -> bool:
    """An addressable first name at a line's start, then "you" and a lower-case word ("x you gone too far")."""
    i, tokens, words, folded = site.i, site.tokens, site.words, site.folded
    if not site.has(i + 2) or site.gap_after != " " or site.nxt not in ("you", "u"):
        return False
    if site.gap(i + 1) != " " or word_style(tokens[i + 2][2]) != "lower" or not opens_line(site.text, site.start):
        return False
    return words.addressable(folded) and (
        words.english.get(folded, 0.0) < words.vocative_you_max_zipf or folded in words.capitalised
    )


@register_cue_check("pronoun_after")
def pronoun_after(site: CueSite) -> bool:
    """The word opens a sentence that goes on about "he" or "she" ("X continues his streak"); not a place
    or a grammar word."""
    text, start, folded, words = site.text, site.start, site.folded, site.words
    if not _ANAPHORA_AFTER.match(text, site.end) or SENTENCE_START.search(text, max(0, start - 200), start) is None:
        return False
    if folded in load_places() or folded in FUNCTION_WORDS or folded in PRONOUNS or folded in AUXILIARIES:
        return False
    return words.addressable(folded) or words.rare(folded)


@register_cue_check("vocative_end")
def vocative_end(site: CueSite) -> bool:
    """An addressable first name after a comma at the end of a question or exclamation ("Ready, x?")."""
    text, start = site.text, site.start
    return (
        text[max(0, start - 3) : start].endswith(", ")
        and _VOCATIVE_END.match(text, site.end) is not None
        and site.words.addressable(site.folded)
    )


@register_cue_check("vocative_question")
def vocative_question(site: CueSite) -> bool:
    """An addressable first name opens a line, then a question to "you" ("x why do you ...")."""
    return (
        _VOCATIVE_QUESTION.match(site.text, site.end) is not None
        and opens_line(site.text, site.start)
        and site.words.addressable(site.folded)
    )


@register_cue_check("pair_of_names")
def pair_of_names(site: CueSite) -> bool:
    """The first of two people: "and" or "or", then a listed first name not in lower case ("x and Maria")."""
    i, tokens = site.i, site.tokens
    if not site.has(i + 2) or site.nxt not in ("and", "or", "&"):
        return False
    other = tokens[i + 2][2]
    return (
        site.gap_after == " "
        and site.gap(i + 1) in (" ", "\n")
        and other.casefold() in site.words.first_names
        and word_style(other) != "lower"
    )


@register_cue_check("list_of_names")
def list_of_names(site: CueSite) -> bool:
    """The first of a list of names: a comma, a listed first name in the same letter case, then a comma or
    "and" ("x, Maria, Paul and Ruth")."""
    i = site.i
    if not site.has(i + 2) or site.gap_after != ", ":
        return False
    other = site.nxt
    return (
        other.casefold() in site.words.first_names
        and word_style(other) == word_style(site.word)
        and site.gap(i + 1) in (", ", " and ", ", and ")
    )


@register_cue_check("field_label")
def field_label(site: CueSite) -> bool:
    """The value of a field that names people ("Attendees: x", "Reviewer: x")."""
    return site.gap_before in _LABEL_GAPS and (site.prev in _LABEL_CUES or site.prev in _FIELD_LABELS)


@register_cue_check("next_in_list")
def next_in_list(site: CueSite) -> bool:
    """The next item of a list of names: a comma right after a name just found ("Ngozi, x")."""
    found = site.found
    return site.gap_before == ", " and bool(found) and found[-1].end == site.tokens[site.i - 1][1]


@register_cue_check("greeting_before")
def greeting_before(site: CueSite) -> bool:
    """A greeting, thanks or a chat word of address just before ("hi x", "thanks, x", "cc x")."""
    return site.before() in STRONG_CUES


@register_cue_check("relation_before")
def relation_before(site: CueSite) -> bool:
    """A relation or role and one space just before ("my colleague x", "our teammate x")."""
    return site.gap_before == " " and site.prev in RELATION_CUES


@register_cue_check("object_verb_before")
def object_verb_before(site: CueSite) -> bool:
    """A verb whose object is a person and one space just before ("tell x that ...", "asked x to")."""
    return site.gap_before == " " and site.prev in OBJECT_CUES


@register_cue_check("cue_phrase_before")
def cue_phrase_before(site: CueSite) -> bool:
    """A two-word cue just before ("this is x", "loop in x", "shoutout to x")."""
    prev = site.before()
    return bool(prev) and site.i >= 2 and (site.tokens[site.i - 2][2].casefold(), prev) in CUE_PAIRS


@register_cue_check("and_after_name")
def and_after_name(site: CueSite) -> bool:
    """After a name just found and "and" or "or" ("Maria and x")."""
    i, tokens, found = site.i, site.tokens, site.found
    if site.before() not in ("and", "or") or i < 2 or not found:
        return False
    return found[-1].end == tokens[i - 2][1] and site.gap(i - 2) == " "
