"""Named checks of the person-name rules (``packs/context_people.yaml``)."""

from __future__ import annotations

from transforms.detectors.name_judges import titled_name_word
from transforms.detectors.rules import RuleMatch, register_check
from transforms.lexicon.vocabulary import is_common_word_phrase, is_ordinary_vocabulary
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
