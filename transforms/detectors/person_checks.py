"""Named checks of the person-name rules (``packs/context_people.yaml``)."""

from __future__ import annotations

import re
from functools import cache

import re2

from transforms.detectors.name_judges import titled_name_word
from transforms.detectors.name_tokens import FUNCTION_WORDS, PRONOUNS
from transforms.detectors.rules import RuleMatch, register_check
from transforms.detectors.rules.phrases import phrase_fragment
from transforms.detectors.terms import re2_options
from transforms.lexicon.names import load_acronym_words, load_english_words, load_name_lists, surname_rank
from transforms.lexicon.phrases import phrase_list
from transforms.lexicon.thresholds import int_threshold, threshold
from transforms.lexicon.vocabulary import (
    TECHNICAL_VOCABULARY,
    is_chat_word,
    is_common_word_phrase,
    is_listed_name,
    is_ordinary_vocabulary,
)
from transforms.lexicon.wordlists import word_list

# Titles and party roles after which only a name that is no everyday word is taken ("Master Eastman", not
# "Master Plan"; "Applicant O'Brien", not "Applicant Tracking").
_WEAK_TITLES = word_list("context/weak_titles.txt")


def _titled_person_ok(text: str, start: int, end: int) -> bool:
    """The words after a title or a party role are a name: each one a surname, a first name or no common
    English word, and none an office ("Lord Chief Justice", "Lord Mayor") or a document word ("Master Plan");
    a peer's territorial designation after "of" is a place and is not judged."""
    value = text[start:end].split(" of ")[0]
    before = text[max(0, start - 24) : start].split()
    strict = bool(before) and before[-1].rstrip(".").casefold().removesuffix("s") in _WEAK_TITLES
    words = [w for w in value.replace(".", ". ").split() if w.casefold() not in NAME_PARTICLES and w[-1] != "."]
    return bool(words) and all(titled_name_word(w, strict=strict) for w in words)


NAME_PARTICLES = word_list("context/name_particles.txt")


NOT_IN_NAMES = word_list("context/function_words.txt")


def _person_ok(text: str, start: int, end: int) -> bool:
    """A name after a cue is not ordinary vocabulary, a common business phrase ("THE TEAM", "Monday") or a
    phrase with a function word ("On The Road")."""
    value = text[start:end]
    if any(w.casefold() in NOT_IN_NAMES for w in value.split()):
        return False
    return not is_ordinary_vocabulary(value) and not is_common_word_phrase(value)


# Parties in a case name that are no person: the Crown, the state, public bodies ("R v Chaytor", "State v.
# Mahlangu", "Secretary of State for the Home Department v AF").
_PUBLIC_PARTIES = word_list("context/public_parties.txt")


def _party_ok(text: str, start: int, end: int) -> bool:
    """A party of a case name ("Donoghue v Stevenson") is a person when each word is a surname, a first name
    or no common English word, and none names the Crown, the state or a public body."""
    value = text[start:end]
    words = [w.strip(".,'’") for w in value.split()]
    if any(w.casefold() in _PUBLIC_PARTIES or w.casefold() in NOT_IN_NAMES for w in words):
        return False
    if is_ordinary_vocabulary(value):
        return False
    return all(titled_name_word(w) for w in words if w.casefold() not in NAME_PARTICLES)


def _counsel_ok(text: str, start: int, end: int) -> bool:
    """Initials and a surname: the surname is a name word, and a lone "A" or "I" is an article or a pronoun."""
    words = text[start:end].split()
    if len(words) == 2 and words[0] in ("A", "I"):
        return False
    return titled_name_word(words[-1])


@register_check("titled_person")
def titled_person(match: RuleMatch) -> bool:
    """The words after a title or a party role are a name, not an office or a document word."""
    return _titled_person_ok(match.text, match.start, match.end)


@register_check("person_name")
def person_name(match: RuleMatch) -> bool:
    """A name after a cue: no function word, no ordinary vocabulary, no common business phrase."""
    return _person_ok(match.text, match.start, match.end)


@register_check("case_party")
def case_party(match: RuleMatch) -> bool:
    """A party of a case name that is a person, not the Crown, the state or a public body."""
    return _party_ok(match.text, match.start, match.end)


@register_check("counsel")
def counsel(match: RuleMatch) -> bool:
    """Initials and a surname that is a name word."""
    return _counsel_ok(match.text, match.start, match.end)


# What may follow one name of a header or attendance list: a quote, an address, a department or company in
# brackets, then the next separator, a conjunction, a dash before a role, or the line's end.
_LIST_ITEM_END = re.compile(
    r"""\.?[ \t]*["'”]?[ \t]*(?:<[^<>\n]{0,160}>|\([^()\n]{0,48}\)|\[[^\[\]\n]{0,48}\])?[ \t]*"""
    r"(?:[;,&/]|[-–—][ \t]|(?i:and|und|et|y|e|en|i|oraz)[ \t]|\r?\n|\Z)"
)
_MAX_LABEL_LINE = 2000
TEAM_ABBREVIATIONS = word_list("context/team_abbreviations.txt")
_LONE_SURNAME_RANK = int_threshold("names_titled_surname_rank")


@cache
def _field_label(fields: str) -> re2._Regexp:
    """A line's start up to the colon of a label of the phrase list ``fields`` (``people_fields.yaml#...``);
    quote marks of a reply (``> ``) may come first."""
    return re2.compile(rf"^[ \t>]*(?:{phrase_fragment(phrase_list(fields))})[ \t]*:", re2_options())


def _initials(word: str) -> bool:
    """One to three capitals, perhaps with full stops ("KO", "T.J.", "M.")."""
    letters = word.replace(".", "")
    return 1 <= len(letters) <= 3 and letters.isalpha() and letters.isupper()


def _person_words_ok(value: str) -> bool:
    """Each word of ``value`` that is no initial is a name word (a surname, a first name or no common English
    word, never an office or technical vocabulary), and there is one; no function word, no business phrase."""
    if _surname_then_given(value):
        return True
    words = [w for w in value.replace(",", " ").split() if w.casefold() not in NAME_PARTICLES]
    names = [w for w in words if not _initials(w)]
    if not names or any(w.casefold().strip(".") in NOT_IN_NAMES for w in names):
        return False
    if is_ordinary_vocabulary(value) or is_common_word_phrase(value.replace(",", " ")):
        return False
    if len(names) == 1 and not _lone_name_word(names[0]):
        return False
    return all(titled_name_word(w, strict=True) for w in names)


def _surname_then_given(value: str) -> bool:
    """A display name "Surname, Given" where the surname is no English word and the given name is listed,
    even when it is also a function word elsewhere ("Lindgren, Per", "Moreau, Else")."""
    surname, comma, given = value.partition(",")
    surname, given = surname.strip(), given.strip()
    if not comma or " " in surname or " " in given or not titled_name_word(surname, strict=True):
        return False
    return (
        surname.casefold() not in load_english_words()
        and given[:1].isupper()
        and given.casefold() in load_name_lists()[0]
    )


def _lone_name_word(word: str) -> bool:
    """A name word that may stand alone: a listed first name, a frequent surname, or no English word at all
    ("Okonjo"); an English word that is rare enough to pass as a surname beside a given name ("Deploy",
    "Bot") is not enough alone."""
    folded = word.casefold().strip(".")
    return (
        folded in load_name_lists()[0]
        or surname_rank(folded) <= _LONE_SURNAME_RANK
        or folded not in load_english_words()
    )


def _has_given_name(value: str) -> bool:
    """One word of ``value`` that is no initial is a listed first name."""
    first = load_name_lists()[0]
    return any(w.casefold().strip(".") in first for w in value.replace(",", " ").split() if not _initials(w))


@register_check("with_given_name")
def with_given_name(match: RuleMatch) -> bool:
    """One word of the value is a listed first name ("Lotte", "Benedikt"): where a line's shape alone says
    little ("Daily Standup 09:30"), a given name says it is a person."""
    return _has_given_name(match.value)


@register_check("person_words")
def person_words(match: RuleMatch) -> bool:
    """Every word but initials is a name word: no office, function word, business phrase or tool name."""
    return _person_words_ok(match.value)


@register_check("field_list_item")
def field_list_item(match: RuleMatch, *, fields: str) -> bool:
    """The value is one item of a list after a label of ``fields`` (a phrase list such as
    ``people_fields.yaml#mail_headers``) that opens its line, and the item ends there: a separator, a
    conjunction or the line's end follows, perhaps after an address or a bracketed department."""
    text, start = match.text, match.start
    line_start = text.rfind("\n", 0, start) + 1
    if start - line_start > _MAX_LABEL_LINE or not _field_label(fields).search(text[line_start:start]):
        return False
    return _LIST_ITEM_END.match(text, match.end) is not None


@register_check("signoff_name")
def signoff_name(match: RuleMatch) -> bool:
    """A sign-off's initials ("JR", "T.K.") that are no acronym or team, or a name: a listed first name
    ("Mo", "Will": after a sign-off a name even when also a word) or name words."""
    value = match.value
    folded = value.replace(".", "").replace(" ", "").casefold()
    if folded in FUNCTION_WORDS or folded in PRONOUNS:
        return False  # "Thank You", "Thanks, SO"
    if _initials(value.replace(" ", "")):
        return folded not in load_acronym_words() and folded not in TEAM_ABBREVIATIONS
    if folded in NOT_IN_NAMES or folded in TEAM_ABBREVIATIONS or is_common_word_phrase(value):
        return False
    return (" " not in value and folded in load_name_lists()[0]) or _person_words_ok(value)


_LOWER_INITIALS_MAX_ZIPF = threshold("names_lower_initials_max_zipf")


@register_check("lower_initials")
def lower_initials(match: RuleMatch) -> bool:
    """Initials typed in lower case ("mk", "jrm"): no chat abbreviation, function word, acronym or frequent
    English word ("ok", "bye", "thx")."""
    folded = match.value.casefold()
    if is_chat_word(folded) or folded in FUNCTION_WORDS or folded in PRONOUNS or folded in load_acronym_words():
        return False
    return load_english_words().get(folded, 0.0) < _LOWER_INITIALS_MAX_ZIPF


_FILE_SUFFIXES = word_list("context/file_suffixes.txt")
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")
_VERSION = re.compile(r"(?i)v?\d+(?:[._-]\d+)*[a-z]?")


@register_check("signoff_handle")
def signoff_handle(match: RuleMatch) -> bool:
    """A handle that signs a post: two letters or more, written as no word and no name would be (a digit, an
    underscore or a dot inside, a capital after a lower-case letter at its start: "xVela") or a lower-case word
    in no dictionary; no version, file name, chat word, technical term or product ("iPhone")."""
    value = match.value
    folded = value.casefold()
    if sum(c.isalpha() for c in value) < 2 or _VERSION.fullmatch(value) is not None:
        return False
    if folded in TECHNICAL_VOCABULARY or is_chat_word(folded) or folded in load_english_words():
        return False
    if "." in value and value.rsplit(".", 1)[1].casefold() in _FILE_SUFFIXES:
        return False
    if any(c.isdigit() or c in "._" for c in value):
        return True
    if value.islower():
        return len(value) >= 4 and folded not in FUNCTION_WORDS
    return value[:1].islower() and _INNER_CAPITAL.search(value) is not None and not is_listed_name(value)


# What may follow a message's signature: a quoted reply and its header ("On Mon, X wrote:", "-----Original
# Message-----", "From: ...", "> ...").
_QUOTED_REPLY = re.compile(
    r"(?:>|On\b[^\n]{0,200}\bwrote:|-{2,}[ \t]*Original|From:|Von:|De ?:|Am\b[^\n]{0,200}schrieb)"
)


def _ends_message(text: str, end: int) -> bool:
    """Nothing but blank lines, or a quoted reply, follows ``end``: the line is the last of the message."""
    rest = text[end : end + 2000].lstrip()
    return not rest or _QUOTED_REPLY.match(rest) is not None


@register_check("dash_signature")
def dash_signature(match: RuleMatch) -> bool:
    """A name or lower-case initials after a dash on a message's last line: lower-case initials that are no chat
    word or common word ("mk", not "ok"); a capitalised name or initials as after a sign-off (a listed first name
    or name words, not "Summary" or "Wall"); a hyphen written against a name only when a word ("-Wall" is a
    compiler flag) stays out."""
    if not _ends_message(match.text, match.end):
        return False
    value = match.value
    if value.islower():
        return lower_initials(match) is True
    if match.text[match.start - 1] == "-" and value.casefold() in load_english_words():
        return False
    return signoff_name(match) is True


@register_check("name_handle")
def name_handle(match: RuleMatch) -> bool:
    """A chat handle made of a person's names ("given.surname"): two or three parts, the first a listed first
    name, each a name word."""
    parts = re.split(r"[._]", match.value)
    if not 2 <= len(parts) <= 3 or parts[0] not in load_name_lists()[0]:
        return False
    return all(len(p) >= 2 and titled_name_word(p, strict=True) for p in parts)


_FIELD_GAP = re.compile(r"[ \t]{2,}|\t")


@register_check("name_before_gap")
def name_before_gap(match: RuleMatch) -> tuple[int, int]:
    """The value up to its first column gap (two blanks or more, a tab): in a document flattened to one line (a
    CV's columns), "Dr Jane Doe  Lecturer" names only "Jane Doe"."""
    gap = _FIELD_GAP.search(match.text, match.start, match.end)
    return match.start, match.end if gap is None else gap.start()


# A first word at least this frequent in English that is no first name or frequent surname is a word.
_SENIOR_WORD_ZIPF = threshold("names_senior_word_zipf")
_SENIOR_SURNAME_RANK = int_threshold("names_senior_surname_rank")


@register_check("not_senior_title")
def not_senior_title(match: RuleMatch) -> bool:
    """After "Sr." (Senior, or Señor), words that open with vocabulary or a common English word are a job title
    ("Sr. Software Engineer", "Sr. Consultant"), not a name ("Sr. Garcia")."""
    honorific = match.text[match.match_start : match.start].strip(" \t.").casefold()
    if honorific != "sr":
        return True
    first = match.value.split()[0].strip(".,")
    folded = first.casefold()
    if is_ordinary_vocabulary(first):
        return False
    return not (
        load_english_words().get(folded, 0.0) >= _SENIOR_WORD_ZIPF
        and folded not in load_name_lists()[0]
        and surname_rank(folded) > _SENIOR_SURNAME_RANK
    )
