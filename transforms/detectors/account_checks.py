"""Named checks of the account, payment and phone rules (``packs/context_accounts.yaml``,
``context_payments.yaml``, ``context_phones.yaml``).
"""

from __future__ import annotations

import re2

from transforms.detectors.ner_terms import technical_text
from transforms.detectors.rules import RuleMatch, register_check
from transforms.detectors.terms import re2_options
from transforms.lexicon.names import load_english_words, load_name_lists, load_surnames
from transforms.lexicon.thresholds import threshold
from transforms.lexicon.vocabulary import TOOL_WORDS, is_ordinary_vocabulary
from transforms.lexicon.wordlists import word_list

_DECORATOR_LIKE = word_list("context/decorator_names.txt")


def _handle_ok(text: str, start: int, end: int) -> bool:
    handle = text[start:end]
    if handle.lower().split(".")[0] in _DECORATOR_LIKE:
        return False
    after = text[end : end + 1]
    if after in ("(", "/"):  # @decorator(...), @scope/package
        return False
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start : start - 1].strip() and (after == "\n" or after == ""):
        return False  # a bare "@name" alone on a line is a decorator
    return not _annotation(text, handle)


# The words of a CamelCase name: "IfProfileValue" -> If, Profile, Value.
_CAMEL_PART = re2.compile(r"[A-Z][a-z]+|[A-Z]+(?:[A-Z][a-z]|$)", re2_options())


_EVERYDAY_ZIPF = threshold("ner_software_zipf")


def _word_not_name(word: str, english: dict[str, float], first: frozenset[str], surnames: dict[str, int]) -> bool:
    """An English word that is no given name, and no surname unless so frequent that it is a word first
    ("back")."""
    zipf = english.get(word, 0.0)
    return zipf > 0.0 and word not in first and (zipf >= _EVERYDAY_ZIPF or word not in surnames)


def _annotation(text: str, handle: str) -> bool:
    """In technical prose, ``@Name`` made of capitalised words, one of them English, none a given name or a
    surname, is an annotation or attribute ("@Profile", "@JsonIgnoreProperties", "@RetryOnFailure"), not a
    mention ("@BenDarnell", "@Barmar" stay)."""
    if not handle[:1].isupper() or not handle.isalpha():
        return False
    parts = [m.lower() for m in _CAMEL_PART.findall(handle)]
    if "".join(parts) != handle.lower():
        return False
    english, first, surnames = load_english_words(), load_name_lists()[0], load_surnames()
    if not any(_word_not_name(p, english, first, surnames) for p in parts):
        return False  # "@Barmar": no English word in it
    if not all(
        p in TOOL_WORDS or (p not in first and p not in surnames) or _word_not_name(p, english, first, surnames)
        for p in parts
    ):
        return False
    return technical_text(text)


def _account_ok(text: str, start: int, end: int) -> bool:
    """An account name after "user" is not a dotted setting or file name ("user.name", "user.config")."""
    value = text[start:end]
    if value.casefold().startswith(("name", "email", "config", "id.")):
        return False
    return "." not in value or value.rsplit(".", 1)[1].casefold() not in _FILE_SUFFIXES


_FILE_SUFFIXES = word_list("context/file_suffixes.txt")
# A password that names itself ("use admin/password"): a weak credential, not an alternative.
_SECRET_WORDS = frozenset({"password", "passwd", "pass", "secret", "passphrase"})


def _word_alternative(user: str, password: str) -> bool:
    """``user/password`` is two words side by side ("Docker/Kubernetes", "npm/yarn", "Manager/Director",
    "Create/Delete"), not a login: both are letters only, differ, the second is no secret word, and both are
    ordinary vocabulary or both capitalised English words."""
    password = password.rstrip(".,;:!?)")
    if not (user.isalpha() and password.isalpha()) or user.casefold() == password.casefold():
        return False
    if password.casefold() in _SECRET_WORDS:
        return False
    if is_ordinary_vocabulary(user) and is_ordinary_vocabulary(password):
        return True
    return all(w[0].isupper() and w[1:].islower() and w.casefold() in load_english_words() for w in (user, password))


def _home_ok(text: str, start: int, end: int) -> bool:
    return text[start:end].lower() not in {"shared", "public", "default", "all users", "runner", "user", "username"}


def _luhn_ok(text: str, start: int, end: int) -> bool:
    digits = [int(c) for c in text[start:end] if c.isdigit()]
    if not 12 <= len(digits) <= 19:
        return False
    total = 0
    for i, d in enumerate(reversed(digits)):
        total += sum(divmod(d * 2, 10)) if i % 2 else d
    return total % 10 == 0


# Dates, and a range of years ("2024-2026", "1998 - 2003"): no telephone number.
_DATE_SHAPE = re2.compile(
    r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|(?:19|20)\d\d[ \t]*[-/][ \t]*(?:19|20)\d\d",
    re2_options(),
)


# Nouns that make "<noun> number" an identifier, not a telephone: "company number 09876543", "claim number"
# (an account number is redacted as one by its own rule).
IDENTIFIER_NOUNS = word_list("context/identifier_nouns.txt")


_NUMBER_CUE = re2.compile(r"(?i)\b([a-z]+)\.?[ \t]+(?:number|no\.?|num\.?|nr\.?|#)[^\d\n]{0,24}$", re2_options())


# "QB-2019-001234", "INC-2024-0012345": digits glued by a hyphen to a letter prefix are a case, ticket or
# order number; a phone label glued the same way ("Tel-0161 ...") is still a label.
_ID_PREFIX = re2.compile(r"(?:^|[^\w-])([A-Za-z][A-Za-z0-9]*)-$", re2_options())


_PHONE_PREFIXES = word_list("context/phone_prefixes.txt")


# Labels written after a number with a hyphen ("0161 496 0123-Office", "0123-Fax") are no identifier suffix.
_ID_SUFFIX = re2.compile(r"-([A-Za-z]+)", re2_options())


_PHONE_LABEL_WORDS = word_list("context/phone_label_words.txt")


def _id_prefixed(text: str, start: int, end: int) -> bool:
    """Digits glued by a hyphen to letters before or after them: an identifier, not a phone number."""
    m = _ID_PREFIX.search(text[max(0, start - 24) : start])
    if m is not None and m.group(1).casefold() not in _PHONE_PREFIXES:
        return True
    suffix = _ID_SUFFIX.match(text[end : end + 24])
    return suffix is not None and suffix.group(1).casefold() not in _PHONE_LABEL_WORDS


def _digits_ok(text: str, start: int, end: int) -> bool:
    value = text[start:end]
    digits = sum(c.isdigit() for c in value)
    if not 7 <= digits <= 21 or _DATE_SHAPE.fullmatch(value) is not None or _id_prefixed(text, start, end):
        return False
    cue = _NUMBER_CUE.search(text[max(0, start - 48) : start])
    return cue is None or cue.group(1).casefold() not in IDENTIFIER_NOUNS


_POSSESSIVE_LEAD = re2.compile(r"(?i)\b(?:my|your|his|her|our|their)((?:[ \t]+[a-z]+){0,2})[ \t]+$", re2_options())


def _local_phone_ok(text: str, start: int, end: int) -> bool:
    """A seven-digit local number after a possessive ("on my registered 555 0143", "her cell 555-0143"): not
    one after an identifier noun ("my order 555 0143") and not a number and a year ("our top 500 2019")."""
    value = text[start:end]
    if value[3] == " " and value[4:6] in ("19", "20"):
        return False
    lead = _POSSESSIVE_LEAD.search(text[max(0, start - 40) : start])
    if lead is None or any(w.casefold() in IDENTIFIER_NOUNS for w in lead.group(1).split()):
        return False
    return _digits_ok(text, start, end)


@register_check("handle")
def handle(match: RuleMatch) -> bool:
    """An ``@name`` that is no decorator, doc tag, scoped package or chat mention."""
    return _handle_ok(match.text, match.start, match.end)


@register_check("with_at_sign")
def with_at_sign(match: RuleMatch) -> tuple[int, int]:
    """The handle with the "@" written right before it: "@mira.dev" is the whole mention, and a redaction that
    leaves the "@" keeps a reader looking for the handle."""
    start = match.start
    return (start - 1 if start > 0 and match.text[start - 1] == "@" else start), match.end


_VERSION = re2.compile(r"(?i)v?\d+(?:[._-]\d+)*(?:[._-]?(?:rc|beta|alpha|b|a)\d*)?", re2_options())


@register_check("handle_shape")
def handle_shape(match: RuleMatch) -> bool:
    """A value written like a handle names a user: two letters or more, and no version ("v3.2", "2.4.1") or
    file name ("patch.diff")."""
    value = match.value
    if sum(c.isalpha() for c in value) < 2 or _VERSION.fullmatch(value) is not None:
        return False
    return "." not in value or value.rsplit(".", 1)[1].casefold() not in _FILE_SUFFIXES


@register_check("account_name")
def account_name(match: RuleMatch) -> bool:
    """An account name after "user" that is no dotted setting or file name."""
    return _account_ok(match.text, match.start, match.end)


@register_check("not_common_word")
def not_common_word(match: RuleMatch) -> bool:
    """Reject a value of letters only that is a common English word ("User: Hello", "user: thanks"), unless it
    is an account name such as ``root``, or a capitalised word ("Login: Tomorrow"): a transcript's speaker
    label, not a login."""
    value = match.value.strip("\"'").rstrip(".,;:!?")
    if not value.isalpha():
        return True
    folded = value.casefold()
    if folded in word_list("service_accounts.txt"):
        return True
    return folded not in load_english_words() and not (value[0].isupper() and value[1:].islower())


@register_check("home_folder")
def home_folder(match: RuleMatch) -> bool:
    """A home folder's name that belongs to a person, not a shared or default profile."""
    return _home_ok(match.text, match.start, match.end)


@register_check("not_value")
def not_value(match: RuleMatch, *, values: list[str]) -> bool:
    """Reject values equal to one of ``values``, case-sensitively (``git`` in ``ssh git@host``)."""
    return match.value not in values


@register_check("not_word_alternative")
def not_word_alternative(match: RuleMatch) -> bool:
    """Reject a ``user/password`` pair that is two words of ordinary vocabulary ("use Docker/Kubernetes"); the
    rule names the other side ``pw`` (when the value is the user) or ``user`` (when it is the password)."""
    other = match.group("pw")
    if other is not None:
        return not _word_alternative(match.value, other)
    return not _word_alternative(match.group("user") or "", match.value)


@register_check("luhn")
def luhn(match: RuleMatch) -> bool:
    """A card number of 12 to 19 digits whose Luhn checksum holds."""
    return _luhn_ok(match.text, match.start, match.end)


@register_check("phone_digits")
def phone_digits(match: RuleMatch) -> bool:
    """A phone number: 7 to 21 digits, no date, no identifier glued to letters or after an identifier noun."""
    return _digits_ok(match.text, match.start, match.end)


@register_check("local_phone")
def local_phone(match: RuleMatch) -> bool:
    """A seven-digit local number after a possessive, not after an identifier noun and not a year."""
    return _local_phone_ok(match.text, match.start, match.end)
