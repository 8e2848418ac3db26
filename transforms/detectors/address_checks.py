"""Named checks of the street-address rules (``packs/context_addresses.yaml``)."""

from __future__ import annotations

import re2

from transforms.detectors.addresses import (
    NOT_IN_NAMES,
    STREET_TYPE_WORD,
    STREET_WORD,
    UNIT_WORDS,
    address_bounds,
    cross_name_ok,
    extend_tail,
    looks_like_address,
    rare_street_words,
)
from transforms.detectors.label_checks import month_number
from transforms.detectors.places import country_at, place_names
from transforms.detectors.rules import RuleMatch, register_check
from transforms.detectors.terms import re2_options
from transforms.detectors.textlines import lower_line
from transforms.lexicon.names import load_english_words, load_name_lists
from transforms.lexicon.thresholds import threshold
from transforms.lexicon.vocabulary import is_ordinary_vocabulary
from transforms.lexicon.wordlists import word_list

# The reason phrases of the IANA HTTP status code registry (and their older wordings): "502 Bad Gateway" is a
# status line, not a house number and a street.
_HTTP_REASONS = (
    r"Continue|Switching Protocols|Processing|Early Hints|OK|Created|Accepted|Non-Authoritative Information|"
    r"No Content|Reset Content|Partial Content|Multi-Status|Already Reported|IM Used|Multiple Choices|"
    r"Moved Permanently|Found|See Other|Not Modified|Use Proxy|Temporary Redirect|Permanent Redirect|"
    r"Bad Request|Unauthori[sz]ed|Payment Required|Forbidden|Not Found|Method Not Allowed|Not Acceptable|"
    r"Proxy Authentication Required|Request Time-?out|Conflict|Gone|Length Required|Precondition Failed|"
    r"Content Too Large|Payload Too Large|Request Entity Too Large|URI Too Long|Request-URI Too Long|"
    r"Unsupported Media Type|(?:Requested )?Range Not Satisfiable|Expectation Failed|I['’]m a teapot|"
    r"Misdirected Request|Unprocessable (?:Content|Entity)|Locked|Failed Dependency|Too Early|Upgrade Required|"
    r"Precondition Required|Too Many Requests|Request Header Fields Too Large|Unavailable For Legal Reasons|"
    r"Internal Server Error|Not Implemented|Bad Gateway|Service Unavailable|Gateway Time-?out|"
    r"HTTP Version Not Supported|Variant Also Negotiates|Insufficient Storage|Loop Detected|Not Extended|"
    r"Network Authentication Required"
)


_HTTP_STATUS = re2.compile(rf"[1-5]\d\d[ \t]+(?i:{_HTTP_REASONS})\b", re2_options())


# Street words that are also technical nouns ("API Gateway", "Event Loop", "Stack Trace", "Google Drive").
_TECH_STREET_TYPES = word_list("context/technical_street_words.txt")


def _street_en_ok(text: str, start: int, end: int) -> bool:
    """A number, words and a street word that is also a technical noun, with nothing after it, is an address
    only if the words name something: "2 API Gateway stages", "3 Google Drive folders" and "443 Secure Gateway"
    are counts and ports; "15 Larkspur Drive" and "15 Lake Drive, Springfield, IL" are addresses."""
    before = text[max(0, start - 8) : start].split()
    if before and before[-1].casefold() in _RANKING_WORDS:
        return False  # "Top 10 Park Avenue restaurants": a ranking, not a house number
    if _YEAR_COLUMN.search(text[start:end]) is not None:
        return False  # "2014    Harrow Mill Court": a year in a CV's date column, not a house number
    words = text[start:end].split()
    if words[-1].rstrip(".").casefold() not in _TECH_STREET_TYPES or extend_tail(text, end) != end:
        return True
    named = [w.strip(",.") for w in words[:-1] if not any(c.isdigit() for c in w)]
    if any(len(w) > 2 and w.isupper() for w in named) and not all(w.isupper() for w in words):
        return False  # "7 HOT Summer Bonus Key": capitals beside capitalised words are a heading, not a name
    english = load_english_words()
    return not named or not all(
        english.get(w.casefold(), 0.0) >= COMMON_STREET_WORD_ZIPF or is_ordinary_vocabulary(w) for w in named
    )


# A year followed by a column gap (two blanks or a tab): the date column of a CV or a table.
_YEAR_COLUMN = re2.compile(r"\b(?:19|20)\d\d(?:[ ]{2,}|\t)", re2_options())


COMMON_STREET_WORD_ZIPF = threshold("context_common_street_word_zipf")


_RANKING_WORDS = word_list("context/ranking_words.txt")


def _address_ok(text: str, start: int, end: int) -> bool:
    value = text[start:end]
    letters = sum(c.isalpha() for c in value)
    starts_like_address = value[:1].isdigit() or value[:1].isupper()
    return (
        starts_like_address and letters >= 3 and "@" not in value and "://" not in value and looks_like_address(value)
    )


def _vocabulary_lead(text: str, start: int, end: int) -> bool:
    """True if the words before the first digit are ordinary vocabulary ("Windows 10, 2019 Server")."""
    head = text[start:end]
    for i, c in enumerate(head):
        if c.isdigit():
            return is_ordinary_vocabulary(head[:i])
    return True


def _street_words_ok(text: str, start: int, end: int) -> bool:
    """The words of a street line name a street: not only ordinary vocabulary ("version 2 unit 3")."""
    words = [w.strip(".,") for w in text[start:end].split()]
    named = [w for w in words if w.isalpha() and w.casefold() not in UNIT_WORDS]
    return bool(named) and not is_ordinary_vocabulary(" ".join(named))


# The first number of a value that is no ordinal inside the street's name ("Straße des 17. Juni 112").
_NUMBER_IN_NAME = re2.compile(r"\d+(\.[ \t]+\p{Lu})?", re2_options())


def _street_name_ok(text: str, start: int, end: int, type_first: bool) -> bool:
    """The name before the number is a street's: not "et al. Nature 2019", not only technical vocabulary
    ("Via Slack 2") and, when the street word is a suffix, not only common English words ("Spring 2024",
    "Delegate 3", "Key Ring 2")."""
    if type_first and text[max(0, start - 3) : start].casefold() == "et ":
        return False
    head = text[start:end]
    number = next((m.start() for m in _NUMBER_IN_NAME.finditer(head) if m.group(1) is None), len(head))
    head = head[:number]
    words = [w.strip(",") for w in head.split()]
    named = [w.strip(".") for w in words if w.strip(".") and STREET_WORD.fullmatch(w) is None]
    if not type_first and len(words) >= 1 and not named:
        named = words  # one compound word such as "Hauptstraße": judge the word itself
    if not named:
        return True
    if type_first:  # "Calle Mayor", "Rua Augusta": the street word says enough; only vocabulary is vetoed
        return not is_ordinary_vocabulary(" ".join(named))
    english = load_english_words()
    return not all(w.casefold() in english or is_ordinary_vocabulary(w) for w in named)


_CORNER_SPLIT = re2.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?|[ \t]+(?:and|&)[ \t]+", re2_options())


def _corner_ok(text: str, start: int, end: int) -> bool:
    """Both sides of "the corner of A and B" are streets: one has a house number or a street word, and
    together they are not ordinary vocabulary ("the intersection of Python and Rust")."""
    parts = _CORNER_SPLIT.split(text[start:end])[1:]
    if len(parts) < 2:
        return False
    words = [w for part in parts for w in part.split()]
    streetlike = any(c.isdigit() for c in "".join(words)) or any(
        STREET_TYPE_WORD.fullmatch(w) is not None or STREET_WORD.search(w) is not None for w in words
    )
    return streetlike and not is_ordinary_vocabulary(" ".join(parts))


def _rare_name_words(value: str) -> bool:
    """Every word of a street named without a street word is rare in English, no vocabulary and no given name
    ("214 Pavlou Drandaki", not "8 Pm Tonight" or "100 Euros Total")."""
    english = load_english_words()
    words = [w for w in value.split() if not w[0].isdigit()]
    return all(
        english.get(w.casefold(), 0.0) < 3.0
        and not is_ordinary_vocabulary(w)
        and w.casefold() not in load_name_lists()[0]
        for w in words
    )


def _street_lower_ok(text: str, start: int, end: int) -> bool:
    """A lower-case street line is an address only in a line written all in lower case, when its words hold no
    function word and name something, and when a postcode, a country or a known town follows it on the line."""
    if not lower_line(text, start):
        return False
    words = [w for w in text[start:end].split() if not w[0].isdigit()]
    if any(w in NOT_IN_NAMES for w in words):
        return False
    tail_end = extend_tail(text, end, lower=True)
    tail = text[end:tail_end]
    last = tail.replace(",", " ").split()
    if not rare_street_words(" ".join(words)):
        # only common words before a street word ("fourth avenue"): a unit must follow
        if STREET_TYPE_WORD.fullmatch(words[-1].capitalize()) is None or not last or last[0] not in UNIT_WORDS:
            return False
    return bool(last) and (
        any(w.isdigit() and 4 <= len(w) <= 6 for w in last)
        or country_at(text, tail_end - len(last[-1]), lower=True) == tail_end
        or country_at(text, tail_end - len(" ".join(last[-2:])), lower=True) == tail_end
        or last[-1] in place_names()
    )


def _bare_intersection_ok(text: str, start: int, end: int) -> bool:
    """ "Hanne and Storgata 12": the cross street's name passes ``cross_name_ok`` and the street's own name is no
    English word, given name or vocabulary, and the number is no year or version."""
    words = text[start:end].split()
    street, number = words[-2], words[-1]
    if text[end : end + 1] == "." and text[end + 1 : end + 2].isdigit():
        return False  # "Terraform 1.5": a version
    folded = street.casefold()
    english = load_english_words()
    return (
        cross_name_ok(words[0])
        and folded not in english
        and folded not in load_name_lists()[0]
        and not is_ordinary_vocabulary(street)
        and not (len(number) == 4 and number[:2] in ("19", "20"))
    )


def _is_date(value: str) -> bool:
    """A month name next to a number: "3 April 2025", "April 3", "12. März" are dates, not a street and number."""
    words = [w.strip(".,") for w in value.split()]
    for i, w in enumerate(words):
        if month_number(w) is not None and any(0 <= j < len(words) and words[j][:1].isdigit() for j in (i - 1, i + 1)):
            return True
    return False


@register_check("not_a_date")
def not_a_date(match: RuleMatch) -> bool:
    """The value is no date written with a month name ("meet on 3 April 2025")."""
    return not _is_date(match.value)


@register_check("not_http_status")
def not_http_status(match: RuleMatch) -> bool:
    """The value does not start like an HTTP status line ("502 Bad Gateway")."""
    # A slice: RE2 encodes the whole text it is given, so match(text, pos) is linear in the text.
    return _HTTP_STATUS.match(match.text[match.start : match.start + 64]) is None


@register_check("address_bounds")
def address_bounds_check(match: RuleMatch, *, trim_lead: bool = False) -> tuple[int, int]:
    """The address's full extent (``addresses.address_bounds``); ``trim_lead`` drops sentence words before
    a Hungarian street."""
    return address_bounds(match.text, match.start, match.end, trim=trim_lead)


@register_check("no_year_column")
def no_year_column(match: RuleMatch) -> bool:
    """The value holds no year followed by a column gap ("Ohio  2004  2009  Case Manager": a CV's dates)."""
    return _YEAR_COLUMN.search(match.value) is None


@register_check("street_en")
def street_en(match: RuleMatch) -> bool:
    """A number, words and a street word that is also a technical noun is an address only if the words name
    something, and no ranking comes before it."""
    return _street_en_ok(match.text, match.start, match.end)


@register_check("street_name")
def street_name(match: RuleMatch, *, type_first: bool = False) -> bool:
    """The name before the house number is a street's (see ``_street_name_ok``)."""
    return _street_name_ok(match.text, match.start, match.end, type_first)


@register_check("no_vocabulary_lead")
def no_vocabulary_lead(match: RuleMatch) -> bool:
    """The words before the first digit are not only ordinary vocabulary."""
    return not _vocabulary_lead(match.text, match.start, match.end)


@register_check("street_words")
def street_words(match: RuleMatch) -> bool:
    """The words of a street line name a street."""
    return _street_words_ok(match.text, match.start, match.end)


@register_check("rare_name_words")
def rare_name_words(match: RuleMatch, *, until_comma: bool = False) -> bool:
    """Every word of the value (with ``until_comma``, of its part before the first comma) is rare in English."""
    end = match.text.index(",", match.start, match.end) if until_comma else match.end
    return _rare_name_words(match.text[match.start : end])


@register_check("lower_case_line")
def lower_case_line(match: RuleMatch) -> bool:
    """The line around the value is written all in lower case."""
    return lower_line(match.text, match.start)


@register_check("street_lower")
def street_lower(match: RuleMatch) -> bool:
    """A lower-case street line followed on its line by a postcode, a country or a known town."""
    return _street_lower_ok(match.text, match.start, match.end)


@register_check("bare_intersection")
def bare_intersection(match: RuleMatch) -> bool:
    """An intersection "<name> and <street> <number>" whose names are no common words."""
    return _bare_intersection_ok(match.text, match.start, match.end)


@register_check("street_corner")
def street_corner(match: RuleMatch) -> bool:
    """Both sides of "the corner of A and B" are streets."""
    return _corner_ok(match.text, match.start, match.end)


@register_check("rare_street_words")
def rare_street_words_check(match: RuleMatch) -> bool:
    """The value holds a street word or a word that is neither common English nor vocabulary."""
    return rare_street_words(match.value)


@register_check("address_like")
def address_like(match: RuleMatch) -> bool:
    """The words after an address cue start like an address and are no e-mail address or URL."""
    return _address_ok(match.text, match.start, match.end)
