"""Named checks of the organisation rules (``packs/context_organisations.yaml``)."""

from __future__ import annotations

import re2

from transforms.detectors.places import ascii_fold, country_at, place_names
from transforms.detectors.rules import RuleMatch, register_check
from transforms.detectors.terms import re2_options
from transforms.lexicon.names import load_capitalised_words, load_english_words, load_name_lists, load_surnames
from transforms.lexicon.thresholds import int_threshold
from transforms.lexicon.vocabulary import (
    EDGE_ROLES,
    TITLE_NOUNS,
    is_common_word_phrase,
    is_degree_phrase,
    is_ordinary_vocabulary,
)
from transforms.lexicon.wordlists import word_list

ORG_LEAD_WORDS = word_list("context/organisation_lead_words.txt")


_WRAPPED_NAME_TAIL = re2.compile(
    r"(?:\p{Lu}[\p{L}&'’.-]*[ \t]+(?:(?:&|und|of|de|del|la|le|et|y|van|von|für)[ \t]+)?){0,2}"
    r"\p{Lu}[\p{L}&'’.-]*(?:[ \t]+(?:&|und|of|de|del|la|le|et|y|van|von|für))?[ \t]*$",
    re2_options(),
)


def _organisation_start(text: str, start: int, end: int) -> int:
    r"""Where an organisation's name really starts: after a sentence end inside the match ("April. Our
    Senior Software"), or on the line before when wrapped prose split the name ("Veridian\nAnalytics")."""
    for i in range(start, end - 1):
        if text[i] == "." and text[i + 1] in " \t" and i - start >= 4 and text[i - 4 : i].isalpha():
            start = i + 2
    while True:  # "The Boston Consulting Group", "at Shepherd Ltd": the name starts after the article
        space = text.find(" ", start, end)
        if space < 0 or text[start:space] not in ORG_LEAD_WORDS:
            break
        start = space + 1
    if start > 0 and text[start - 1] == "\n":
        line_start = text.rfind("\n", 0, start - 1) + 1
        if start - 1 - line_start >= 50:  # a long line: wrapped prose, not a signature or a list
            seg = max(line_start, start - 1 - 200)
            m = _WRAPPED_NAME_TAIL.search(text[seg : start - 1])  # RE2's "$" ignores endpos: slice
            if m is not None:
                start = seg + m.start()
    return start


# Legal forms that are not also English words or code ("AS", "AG", "SA", "Co" are): any capitalised name
# before one of these is a company ("Shepherd Ltd.", "Apple Inc.", "Sonne GmbH").
LEGAL_FORMS = word_list("context/legal_forms.txt")


_NEXT_WORD = re2.compile(r"[ \t]+([A-Za-z][A-Za-z-]*)", re2_options())


def _title_follows(text: str, end: int, words: list[str]) -> bool:
    """Common English words and ranks that a job-title noun follows are the title's first words, not a body:
    "Mental Health| Counselor", "Special Police| Officer", "Sr. Software| Engineer"."""
    m = _NEXT_WORD.match(text[end : end + 40])
    if m is None or m.group(1).casefold() not in TITLE_NOUNS:
        return False
    english, capitalised = load_english_words(), load_capitalised_words()
    folded = [w.strip(".,&'’").casefold() for w in words]
    return all((w in english and w not in capitalised) or w in EDGE_ROLES for w in folded if w)


def _organisation_ok(text: str, start: int, end: int) -> bool:
    words = text[start:end].split()
    if len(words) < 2 or words[0] in ORG_LEAD_WORDS or _title_follows(text, end, words):
        return False
    if words[-1] in LEGAL_FORMS and words[0][:1].isupper() and len(words[0]) > 1:
        return True
    if is_ordinary_vocabulary(" ".join(words)):
        return False  # a vendor's product ("Google Analytics", "Microsoft Dynamics"), not a company
    # The words before the legal form or sector word must name something: "Customer Success Software" does not.
    return not is_ordinary_vocabulary(" ".join(words[:-1]))


def _rare_head_ok(text: str, start: int, end: int) -> bool:
    """A name before a sector noun that is also an everyday word ("Agency", "Trust", "Services") must hold a
    word that is not common English: "Roadify Transit" is a company, "Customer Services" and "Travel Agency"
    are not."""
    words = text[start:end].split()
    if len(words) < 2 or words[0] in ORG_LEAD_WORDS:
        return False
    english = load_english_words()
    return any(
        w.strip(".,&'’").casefold() not in english and not is_ordinary_vocabulary(w)
        for w in words[:-1]
        if w.strip(".,&'’").isalpha()
    )


_OF_SPLIT = re2.compile(r"\s+(?:of|for)[ \t]+(?:the[ \t]+)?", re2_options())


_GOVERNMENT = word_list("context/government_bodies.txt")


def _institution_ok(text: str, start: int, end: int) -> bool:
    """ "Ministry of Finance" and "Bank of England" are bodies; "Department of Engineering" or "Council of
    Products" only when what follows "of" is not ordinary vocabulary."""
    value = text[start:end]
    if value.split()[0] in ORG_LEAD_WORDS:
        return False
    parts = _OF_SPLIT.split(value, maxsplit=1)
    if len(parts) != 2:
        return False
    head = parts[0].split()
    if len(head) >= 2 and not is_ordinary_vocabulary(head[0]):
        return True  # a qualified body: "Royal Society of Chemistry", "National Academy of Sciences"
    return head[-1] in _GOVERNMENT or not is_ordinary_vocabulary(parts[1])


def _employer_ok(text: str, start: int, end: int) -> bool:
    """An employer named after a role holds a word that is not common English: "CEO of Lexisnexis", not
    "Director of Human Resources", "President of the United States" or "Chairman of the Board"."""
    value = text[start:end]
    if is_common_word_phrase(value) or is_ordinary_vocabulary(value):
        return False
    english = load_english_words()
    words = [w.strip(".,&'’") for w in value.split()]
    # Region and team acronyms ("Head of Growth EMEA") are no evidence; a rare spelled-out word is.
    return any(w.casefold() not in english for w in words if w.isalpha() and not w.isupper())


_TOP_SURNAME_RANK = int_threshold("context_top_surname_rank")


def _named_org_ok(text: str, start: int, end: int) -> bool:
    """A name that a cue says is an organisation must not be ordinary vocabulary, a common word, a country, a
    town, a person's given name or a large town ("the London office"): a single word must be rare in English."""
    words = text[start:end].split()
    if not words or words[0] in ORG_LEAD_WORDS or country_at(text, start) == end:
        return False
    value = " ".join(words)
    if value.casefold().rstrip(".") in place_names():
        return False
    if is_ordinary_vocabulary(value) or is_common_word_phrase(value):
        return False
    english = load_english_words()
    rare = [w for w in words if english.get(w.strip(".,'’").casefold(), 0.0) < 4.0]
    if len(words) == 1:
        return bool(rare) and words[0].casefold() not in load_name_lists()[0]
    return any(english.get(w.strip(".,'’").casefold(), 0.0) < 3.5 for w in rare)


def _org_of_person_ok(text: str, start: int, end: int) -> bool:
    """ "Mara Quint of Quillmark": the organisation is no common English word and no place the name lists
    or the country list know ("of London", "from Texas", "of Counsel")."""
    words = text[start:end].split()
    english = load_english_words()
    if _PEERAGE.search(text[max(0, start - 60) : start]) is not None:
        return False  # "Lord Reed of Allermuir": a peer's territorial designation
    return _named_org_ok(text, start, end) and all(w.strip(".,'’").casefold() not in english for w in words)


_PEERAGE = re2.compile(
    r"\b(?:Lord|Lady|Baron|Baroness|Viscount|Viscountess|Earl|Countess|Duke|Duchess|Marquess|Bishop|Archbishop|"
    r"Prince|Princess|King|Queen|Sir|Dame|Saint|St\.?)[ \t]+\S+(?:[ \t]+\S+)?[ \t]+(?:of|from)[ \t]+$",
    re2_options(),
)


_NAME_PARTICLE_PREFIX = re2.compile(r"\b(?:Al|El|al|el|Abu|Abd|Bin|Ibn|Ben|Ul|ul)-", re2_options())


def _partnership_ok(text: str, start: int, end: int) -> bool:
    """Every name of "Davis, Polk and Wardwell" or "Ernst & Young" is a listed surname or no common English
    word, and at least one is not a frequent English word ("Black & White", "Paris, London and Rome"), unless
    three or more are all among the most frequent surnames ("Jones, Smith and Davis")."""
    value = _NAME_PARTICLE_PREFIX.sub("", text[start:end])  # "Al-Masri": the article is no word of its own
    words = [w for w in value.replace(",", " ").replace("&", " ").replace("-", " ").split() if w != "and"]
    surnames, english = load_surnames(), load_english_words()
    folded = [ascii_fold(w) for w in words]
    if not all(w in surnames or w not in english for w in folded):
        return False
    if any(english.get(w, 0.0) < 4.0 for w in folded):
        return True
    return len(folded) >= 3 and all(surnames.get(w, _TOP_SURNAME_RANK + 1) <= _TOP_SURNAME_RANK for w in folded)


@register_check("organisation_start")
def organisation_start(match: RuleMatch) -> tuple[int, int]:
    """The value from where the organisation's name really starts (see ``_organisation_start``)."""
    return _organisation_start(match.text, match.start, match.end), match.end


_COLUMN_GAP = re2.compile(r"[ \t]{2,}|\t", re2_options())


@register_check("column_gap")
def column_gap(match: RuleMatch) -> tuple[int, int]:
    """The value from after its last run of blanks: in a document flattened to one line (a CV's columns), two
    or more blanks part fields, so "Career Services  Harrowdale Health Ltd" names only the company."""
    start = match.start
    for gap in _COLUMN_GAP.finditer(match.text[match.start : match.end]):
        start = match.start + gap.end()
    return start, match.end


# The head word of an institution's name ("University", "Institut", "Politecnico", "College").
_WORD = re2.compile(r"\S+", re2_options())
_INSTITUTION_HEAD = re2.compile(r"\b(?:Univ|Uniw|Institut|Polytechnic|Politecnico|Hochschule|College)", re2_options())


@register_check("institution_gap")
def institution_gap(match: RuleMatch) -> tuple[int, int]:
    """The value from after the last run of blanks before its head word, and up to a degree word after it: in a
    CV flattened to one line, "Degree in Music  Valmora University" and "Valmora University Bachelor of Arts" name
    only the university, while "University  of Valmora" stays whole."""
    value = match.text[match.start : match.end]
    head = _INSTITUTION_HEAD.search(value)
    split = head.start() if head is not None else len(value)
    start, end = match.start, match.end
    for gap in _COLUMN_GAP.finditer(value[:split]):
        start = match.start + gap.end()
    for word in _WORD.finditer(value, split):
        if is_degree_phrase(word.group()):  # "Valmora College Master of Music": the degree is no part of it
            end = match.start + len(value[: word.start()].rstrip())
            break
    return start, end


@register_check("organisation_name")
def organisation_name(match: RuleMatch) -> bool:
    """Words before a legal form or sector word that name something."""
    return _organisation_ok(match.text, match.start, match.end)


@register_check("rare_head")
def rare_head(match: RuleMatch) -> bool:
    """A name before an everyday sector noun holds a word that is not common English."""
    return _rare_head_ok(match.text, match.start, match.end)


@register_check("institution_of")
def institution_of(match: RuleMatch) -> bool:
    """A body named "X of Y" that is a body, not "Department of Engineering"."""
    return _institution_ok(match.text, match.start, match.end)


@register_check("employer")
def employer(match: RuleMatch) -> bool:
    """An employer after a role holds a word that is not common English."""
    return _employer_ok(match.text, match.start, match.end)


@register_check("named_organisation")
def named_organisation(match: RuleMatch) -> bool:
    """A name a cue calls an organisation is no vocabulary, country, town or given name."""
    return _named_org_ok(match.text, match.start, match.end)


@register_check("organisation_of_person")
def organisation_of_person(match: RuleMatch) -> bool:
    """The organisation after "<person> of/from" is no common word, place or peer's designation."""
    return _org_of_person_ok(match.text, match.start, match.end)


@register_check("partnership")
def partnership(match: RuleMatch) -> bool:
    """Every name of a firm named after its partners is a surname or no common English word."""
    return _partnership_ok(match.text, match.start, match.end)


@register_check("not_common_phrase")
def not_common_phrase(match: RuleMatch) -> bool:
    """The value is no common business phrase."""
    return not is_common_word_phrase(match.value)
