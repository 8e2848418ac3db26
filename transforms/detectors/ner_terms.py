"""Vocabulary that spaCy's NER takes for names in technical text and CVs, judged phrase by phrase.

spaCy's small model calls "Oracle Database", "Advanced Java", "Mental Health Counselor" and "Project Management"
organisations or people. These predicates say what such a phrase is instead:

- ``software_phrase``: a listed tool, language or product with ordinary words, vendors and versions around
  it ("Oracle Database", "Advanced Java", "Eclipse Juno", "Windows CE 5.0", "Kendo UI");
- ``job_title``: ordinary words ending in a job-title noun ("Senior Data Platform Engineer", "Associate
  Art Editor", "Lecturer");
- ``field_phrase``: ordinary words ending in a noun of an activity or discipline ("Project Management",
  "Physical Education", "Teamwork");
- ``technical_text``: a whole text dense with tool words and code tokens (a technical question, a CV's
  skills), where a CamelCase identifier or a word no dictionary lists is a product, not an organisation.

Each takes ``plain``, the caller's test for an ordinary English word that is no name (``ner.SpacyNerDetector``
decides that with its name and word lists), so a phrase holding a given name or a surname ("Grace Manager",
"Ruby Rose") is never vocabulary. This module only reads the lexicon.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from transforms.detectors.places import country_names, place_names
from transforms.detectors.text_shapes import technical_hits
from transforms.lexicon.names import NOT_LISTED, first_name_ranks, load_capitalised_words, load_english_words
from transforms.lexicon.thresholds import int_threshold, threshold
from transforms.lexicon.vocabulary import (
    EDGE_ROLES,
    SKILL_WORDS,
    TECHNICAL_VOCABULARY,
    TITLE_NOUNS,
    TOOL_WORDS,
    VENDORS,
    is_degree_phrase,
    is_degree_word,
    is_identifier,
)
from transforms.lexicon.wordlists import word_list

__all__ = [
    "acronym_expansion",
    "certification_phrase",
    "degree_before_subject",
    "degree_subject",
    "field_phrase",
    "job_title",
    "ranked_office",
    "rare_word",
    "skill_word_phrase",
    "software_phrase",
    "technical_text",
    "title_continues",
    "title_domain",
]

Plain = Callable[[str], bool]

# Words that end a company's name ("Software", "Labs"): "Tableau Software" is the company, not the product.
_ORG_ENDINGS = word_list("vocabulary/org_endings.txt") | {"inc", "ltd", "llc", "corp", "corporation", "gmbh", "plc"}

_PUNCT = ".,:;!?()[]{}'\"`*#&/"
# Words that name a post: occupation nouns, roles and offices ("manager", "cfo", "chairman", "member").
_TITLE_WORDS = TITLE_NOUNS | EDGE_ROLES | frozenset("member chair chairman chairwoman chairperson dean".split())
# A version or edition written apart from its product: "Android L", "Windows XP", "Office 365", "Studio 2010",
# "Python 3", "Visual Basic .NET", "Java SE", "Mac OS X", "Plone II".
_VERSION = re.compile(r"(?:v?\d[\w.]*|[A-Z]{1,3}|[IVX]{1,4}|\.[A-Za-z]+|&)")
# Nouns of an activity or a discipline: "management", "education", "teamwork", "analysis", "leadership",
# "marketing", "psychology", "economics", "accounting", "governance", "maintenance".
_FIELD_SUFFIX = re.compile(r"(?:ment|tion|sion|ysis|ship|ology|ics|ing|ance|ence|work|care)s?")
# A tool word rarer in English than this names software ("java", not "power"); a word at least this frequent
# that is no given name ("core", "server") may stand beside one.
_SOFTWARE_ZIPF = threshold("ner_software_zipf")
_FIRST_RANK = int_threshold("ner_plain_first_rank")

# A text with at least this many tool words or code tokens, and this many per 1,000 characters, is technical.
_TEXT_MIN = int_threshold("ner_tech_text_min")
_TEXT_PER_KCHAR = threshold("ner_tech_text_per_kchar")


def _words(value: str) -> list[str]:
    return [w for w in (w.strip(_PUNCT) for w in value.split()) if w]


def _tool_word(word: str) -> bool:
    """A listed language, tool or product, not a vendor alone and not an everyday word ("java", "photoshop";
    not "microsoft", "power" or "word")."""
    folded = word.casefold()
    return folded in TOOL_WORDS and folded not in VENDORS and load_english_words().get(folded, 0.0) < _SOFTWARE_ZIPF


def _ordinary(word: str, plain: Plain) -> bool:
    """A word that may stand beside a product or title: listed vocabulary, a vendor, an identifier or an
    ordinary English word that is no name."""
    folded = word.casefold()
    if folded in TECHNICAL_VOCABULARY or folded in VENDORS or is_identifier(word) or plain(word):
        return True
    # An everyday word that is no frequent given name: "Core", "Server"; not "Will", "Grace".
    return (
        load_english_words().get(folded, 0.0) >= _SOFTWARE_ZIPF
        and first_name_ranks().get(folded, NOT_LISTED) > _FIRST_RANK
    )


def software_phrase(value: str, plain: Plain) -> bool:
    """True for a software name with ordinary words, vendors or versions around it: "Oracle Database", "Advanced Java",
    "Windows CE 5.0", "Adobe Photoshop CS6". At least one word is a listed tool, language or product; every
    other word is vocabulary, a vendor, an identifier, a version ("XP", "II", ".NET") or a plain word."""
    words = _words(value)
    if " ".join(words).casefold() in TECHNICAL_VOCABULARY:
        return True  # a listed name as a whole: "Windows XP", "Visual Studio Code"
    if not any(_tool_word(w) for w in words) or words[-1].casefold() in _ORG_ENDINGS:
        return False  # "Tableau Software", "Docker Inc": the company
    return all(_tool_word(w) or _VERSION.fullmatch(w) is not None or _ordinary(w, plain) for w in words)


def skill_word_phrase(value: str, plain: Plain) -> bool:
    """True for a single-word name of the skills gazetteer ("Pyspark", "Sitecore"), alone or with listed or plain
    words or a version ("Pyspark API", "Sitecore 9", "the System Pyspark"): in technical text, a product. Outside it
    such a word may be a company."""
    words = _words(value)
    return any(w.casefold() in SKILL_WORDS for w in words) and all(
        w.casefold() in SKILL_WORDS or _VERSION.fullmatch(w) is not None or _ordinary(w, plain) for w in words
    )


def job_title(value: str, plain: Plain) -> bool:
    """True for ordinary words ending in a job-title noun: "Mental Health Counselor", "Senior Data Platform
    Intern", "Lecturer", "Junior Android Developer". A name among the words ("Grace Manager") makes it none."""
    words = _words(value)
    if not words or words[-1].casefold() not in TITLE_NOUNS:
        return False
    return all(_tool_word(w) or _ordinary(w, plain) for w in words[:-1])


# Nouns of that shape that head the names of bodies made of plain words ("Business Alliance", "Clean Power
# Finance", "Food and Drug Administration"): no field.
_BODY_NOUNS = _ORG_ENDINGS | frozenset(
    "alliance association federation organisation organization coalition commission administration corporation "
    "foundation institution union conference insurance assurance finance partnership fellowship".split()
)


def field_phrase(value: str, plain: Plain) -> bool:
    """True for plain words ending in a noun of an activity or a discipline: "Project Management", "Physical
    Education", "Teamwork", "Data Analysis". A listed tool may stand among them ("SQL Programming")."""
    words = _words(value)
    if any(w == "of" for w in words):
        return False  # "School of Mass Communication", "Office of Admissions": a body
    head = words[-1].casefold() if words else ""
    if not head.isalpha() or _FIELD_SUFFIX.search(head) is None or head.rstrip("s") in _BODY_NOUNS:
        return False
    if not plain(words[-1]) and words[-1].casefold() not in TECHNICAL_VOCABULARY:
        return False
    return all(_tool_word(w) or _ordinary(w, plain) for w in words[:-1])


# Words that make a phrase the name of a qualification wherever they stand: "First Aid Certificate",
# "Certified Food Inspector", "Certificate of Completion", "Teaching Credential".
_QUALIFICATION_WORDS = frozenset(
    "certificate certificates certification certifications certified credential credentials accreditation "
    "accredited diploma licence license licensure".split()
)
# A degree named "Doctor of ..." ("Doctor of Philosophy", "Doctor of Nursing Practice"); "Doctor" alone is a title.
_DOCTOR_OF = re.compile(r"(?i)doctor\s+of\s")
_ACRONYM_WORD = re.compile(r"[A-Z][A-Z0-9&+-]{1,6}s?")


def certification_phrase(value: str, plain: Plain) -> bool:
    """True for the name of a qualification: a phrase holding a qualification word ("HACCP Certification",
    "Certificate in Bookkeeping", "Certified Cloud Practitioner") or "Doctor of" with plain words after it, all
    other words vocabulary, vendors, acronyms ("CPR"), places ("Ohio Teaching Licence"), versions or plain words.
    A name among them ("Certified Jane Doe") makes it none."""
    words = _words(value)
    if not 1 < len(words) <= 10:
        return False
    if not any(w.casefold() in _QUALIFICATION_WORDS for w in words) and _DOCTOR_OF.match(value) is None:
        return False
    return all(
        w.casefold() in _QUALIFICATION_WORDS
        or w.casefold() in ("doctor", "of", "in", "for", "and", "&", "the", "on")
        or _ACRONYM_WORD.fullmatch(w) is not None
        or w.casefold() in place_names()
        or _VERSION.fullmatch(w) is not None
        or _tool_word(w)
        or _ordinary(w, plain)
        for w in words
    )


# Words that rank an office ("Assistant Dean", "Acting Provost", "the Dean of Students").
_RANKS = EDGE_ROLES | frozenset("acting deputy vice interim associate assistant former the".split())
# Offices named by a word that is also a given name or a surname: only after a rank are they posts.
_OFFICES = TITLE_NOUNS | frozenset("dean provost chancellor rector bursar registrar".split())
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.?[ \t]+$")


def ranked_office(before: str, value: str) -> bool:
    """True if ``value`` is one word naming an office, right after a rank (``before`` is the text before it):
    "Assistant |Dean", "Acting |Provost"; "Dean" alone, or "Mr |Dean", stays a name."""
    m = _WORD_BEFORE.search(before)
    return (
        " " not in value.strip()
        and value.strip(_PUNCT).casefold() in _OFFICES
        and m is not None
        and m.group(1).casefold() in _RANKS
    )


def title_continues(value: str, after: str, plain: Plain) -> bool:
    """True if the word right after an entity (``after``, the text that follows it) ends a job title with it:
    "Global Account| Manager", "Social Media| Coordinator", where the model left out the title's head noun."""
    m = _NEXT_WORD.match(after)
    return m is not None and m.group(1).casefold() in TITLE_NOUNS and job_title(f"{value} {m.group(1)}", plain)


# A job title and "of" just before an entity: "Manager of |Classroom Technology", "Chairman of the |Board".
_TITLE_OF = re.compile(r"([A-Za-z][A-Za-z-]*)[ \t]+of[ \t]+(?:the[ \t]+)?$")
_DOMAIN_JOINERS = frozenset("and & of the for".split())


def title_domain(before: str, value: str, plain: Plain) -> bool:
    """True if ``value`` follows a job title and "of" (``before`` is the text just before it) and is made of
    plain words and vocabulary: the unit or the field the title is of ("Director of |Student Services", "Member of
    the |Advisory Board"), not an employer with a name of its own ("CEO of |Zentrova")."""
    m = _TITLE_OF.search(before)
    if m is None or m.group(1).casefold() not in _TITLE_WORDS:
        return False
    words = _words(value)
    return bool(words) and all(w.casefold() in _DOMAIN_JOINERS or _ordinary(w, plain) for w in words)


_NEXT_WORD = re.compile(r"[ \t]([A-Za-z][A-Za-z-]*)\b")


# After a degree's abbreviation, a separator and a capitalised word: "BSc, Marine Biology", "BS  Physics", "BE (IT)".
_SUBJECT_AFTER = re.compile(r"[ \t]*(?:[,:(–-]|[ \t]{2})[ \t]*([A-Z][A-Za-z]*)")


def degree_before_subject(text: str, start: int, end: int) -> bool:
    """True if ``text[start:end]`` is a degree's abbreviation ("BS", "M.Sc.") and its subject follows after a
    comma, a dash, a bracket or a column gap: "BS, Business Management", "MSc  Physics". The subject's first word
    is an English word written in lower case too, vocabulary or capitals ("IT"), never a place or a person ("MS,
    Jackson")."""
    if not is_degree_word(text[start:end]) or " " in text[start:end].strip():
        return False
    m = _SUBJECT_AFTER.match(text, end)
    if m is None:
        return False
    word = m.group(1)
    folded = word.casefold()
    if word.isupper():  # "IT", "CS"; not "USA"
        return len(word) > 1 and folded not in country_names() and folded not in place_names()
    return folded in TECHNICAL_VOCABULARY or (folded in load_english_words() and folded not in load_capitalised_words())


# A separator that ends the text before an entity: a comma, a colon, a dash, a column gap.
_SEPARATOR_END = re.compile(r"(?:,|:|[ \t][-–]|[ \t]{2})[ \t]*$")
_FIELD_SPLIT = re.compile(r"[,;:()|\n]|[ \t]{2,}")
# Words that name a school, never a subject: "Valmora University", "School of Law".
_SCHOOL_WORDS = frozenset(
    "university college institute institution school academy polytechnic faculty campus conservatory seminary".split()
)
_SUBJECT_JOINERS = frozenset("and & of in for with the".split())


def degree_subject(before: str, value: str, plain: Plain) -> bool:
    """True if ``value`` is the subject of the degree just before it (``before`` is the text on its line before it),
    after a comma, a colon, a dash or a column gap: "BA, |Early Childhood", "Doctor of Education, |Educational
    Policy". The subject is plain words and vocabulary; a school ("BA, |Valmora University") or a name is none."""
    m = _SEPARATOR_END.search(before)
    if m is None:
        return False
    degree = _FIELD_SPLIT.split(before[: m.start()])[-1].strip()
    words = degree.split()
    if not words or not (is_degree_phrase(degree) or is_degree_word(words[-1]) or _DOCTOR_OF.match(degree)):
        return False
    subject = _words(value)
    return bool(subject) and all(
        w.casefold() not in _SCHOOL_WORDS and (w.casefold() in _SUBJECT_JOINERS or _ordinary(w, plain)) for w in subject
    )


_ACRONYM_IN_BRACKETS = re.compile(r"[A-Z][A-Z0-9&]{1,6}")
_SMALL_WORDS = frozenset("of and & the in for on to a an".split())
_EXPANSION_BEFORE = re.compile(r"((?:[A-Za-z][\w.+#&-]*[ \t]+){1,10})\([ \t]*$")


def acronym_expansion(text: str, start: int, end: int) -> str | None:
    """The words an acronym in brackets stands for, when their initials spell it: "Certified Harbour
    Pilot (|CHP|)", "Kelvedon Data Loader (|KDL|)"; None when ``text[start:end]`` is no such acronym."""
    value = text[start:end]
    if _ACRONYM_IN_BRACKETS.fullmatch(value) is None or not text[end : end + 3].lstrip(" \t").startswith(")"):
        return None
    m = _EXPANSION_BEFORE.search(text[max(0, start - 120) : start])
    if m is None:
        return None
    words = m.group(1).split()
    letters = [c for c in value if c.isalpha()]
    initials: list[str] = []
    for i in range(len(words) - 1, -1, -1):
        if words[i].casefold() in _SMALL_WORDS:
            continue
        initials.insert(0, words[i][0].upper())
        if len(initials) == len(letters):
            return " ".join(words[i:]) if initials == letters else None
    return None


def technical_text(text: str) -> bool:
    """True if the whole text is technical prose: at least ``ner_tech_text_min`` tool words or code tokens
    (links not counted) and ``ner_tech_text_per_kchar`` of them per 1,000 characters."""
    needed = max(_TEXT_MIN, _TEXT_PER_KCHAR * len(text) / 1000)
    return technical_hits(text, stop_at=int(needed) + 1) >= needed


def rare_word(word: str) -> bool:
    """A word no list of common English words holds ("Fixnum", "Cygwin"): in technical prose, a product."""
    return load_english_words().get(word.casefold(), 0.0) == 0.0
