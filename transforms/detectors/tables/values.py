"""Value checks: whether a field's value can be what its field name says, and which part of it is.

A field name decides the type; the check only keeps out what cannot be a value of that type: empty
cells, placeholders (``NULL``, ``N/A``, ``-``), masks, variable references and words that stand in for
a value (``your-password-here``) for passwords, words without a digit for identifiers. In a table
(``strict=False``) the header is evidence enough, so names may be in lower case and a street without a
house number; after a key in free text (``strict=True``) values must also have the type's usual shape,
as a label in prose is weaker evidence than a header.
"""

from __future__ import annotations

from collections.abc import Callable

import re2

from transforms.detectors.addresses import looks_like_address
from transforms.detectors.credential_checks import is_placeholder_phrase, is_reference
from transforms.detectors.tables.lexicon import FieldKind, field_kind
from transforms.detectors.terms import re2_options
from transforms.lexicon.vocabulary import is_ordinary_vocabulary

__all__ = ["CHECKS", "MAX_VALUE_CHARS", "is_placeholder", "value_span"]

#: Longer cell or key values are no single entity (a note, a blob): they are left to the other detectors.
MAX_VALUE_CHARS = 200

_NOT_A_VALUE = frozenset(
    "null none nil n/a na nan - -- — ? \\n true false yes no unknown undefined default test required optional "
    "unchanged unset empty blank tbd tba".split()
)

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = re2.compile(
    rf"(?i)(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:\d{{4}}|\d{{2}})|\d{{4}}[/.-]\d{{1,2}}[/.-]\d{{1,2}}|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
    rf"\d{{1,2}}[- ]{_MONTH}[- ](?:\d{{4}}|\d{{2}})|(?:19|20)\d{{6}})\b",
    re2_options(),
)
_ISO_DATETIME = re2.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?", re2_options())
_PERSON = re2.compile(
    r"\p{Lu}[\p{L}'’.-]*(?:,?[ \t]+(?:\p{Lu}[\p{L}'’.-]*|(?:van|von|de|da|del|der|di|le|la|bin|al|ben))){0,4}",
    re2_options(),
)
# In a table: letters in any case, up to six words ("ada", "van der Berg, Jan").
_PERSON_ANY_CASE = re2.compile(r"\p{L}[\p{L}'’.-]*(?:,?[ \t]+\p{L}[\p{L}'’.-]*){0,5}", re2_options())
_USER = re2.compile(r"@?[A-Za-z0-9][A-Za-z0-9._@-]{0,63}", re2_options())
_PHONE = re2.compile(r"(?i)\+?[\d(][\d ().\-/]{3,30}(?:[ ]?(?:x|ext\.?)[ ]?\d{1,6})?", re2_options())
_NUMBER = re2.compile(r"[\p{L}\p{N}][\p{L}\p{N} ./-]{0,39}", re2_options())
_IBAN = re2.compile(r"[A-Za-z]{2}\d{2}[A-Za-z0-9 ]{4,36}", re2_options())
_IP = re2.compile(r"[0-9A-Fa-f:.]{2,45}(?:/\d{1,3})?", re2_options())
_POSTCODE = re2.compile(r"[A-Za-z0-9][A-Za-z0-9 -]{1,9}", re2_options())
# A password that is no password: a mask, a template or a variable reference.
_NOT_A_PASSWORD = re2.compile(
    r"(?i)<[^>]*>|\$\{?[A-Za-z_][\w.]*\}?|%[A-Za-z_]\w*%|%\([a-z_]+\)s|\{\{.*\}\}|.*(?:os\.environ|getenv|process\.env|"
    r"ENV\[).*|\[?(?:redacted|hidden|removed|masked)\]?",
    re2_options(),
)


# Types whose values never end in sentence punctuation.
_SENTENCE_END_CHECKS = frozenset({"email", "iban", "ip", "number", "phone", "postcode"})


def is_placeholder(value: str) -> bool:
    r"""Whether a stripped value stands for no value (``NULL``, ``N/A``, ``-``, ``\N``, ``true``, ...)."""
    return value.casefold() in _NOT_A_VALUE


def _whole(ok: object, value: str) -> tuple[int, int] | None:
    return (0, len(value)) if ok else None


def _date(value: str, strict: bool) -> tuple[int, int] | None:
    if _ISO_DATETIME.fullmatch(value):  # a spreadsheet's date cell ("1990-01-02T00:00:00")
        return 0, len(value)
    m = _DATE.match(value)
    return (0, m.end()) if m else None


def _person(value: str, strict: bool) -> tuple[int, int] | None:
    if strict:
        return _whole(_PERSON.fullmatch(value) and not is_ordinary_vocabulary(value), value)
    return _whole(_PERSON_ANY_CASE.fullmatch(value), value)


def _username(value: str, strict: bool) -> tuple[int, int] | None:
    return _whole(_USER.fullmatch(value) and not value.isdigit(), value)


def _address(value: str, strict: bool) -> tuple[int, int] | None:
    ok = any(c.isalpha() for c in value) and "@" not in value and "://" not in value
    return _whole(ok and (not strict or looks_like_address(value)), value)


def _organization(value: str, strict: bool) -> tuple[int, int] | None:
    ok = value[0].isupper() or value[0].isdigit()
    return _whole(ok and len(value) <= 100 and not is_ordinary_vocabulary(value), value)


def _email(value: str, strict: bool) -> tuple[int, int] | None:
    return _whole("@" in value and not any(c.isspace() for c in value), value)


def _phone(value: str, strict: bool) -> tuple[int, int] | None:
    return _whole(_PHONE.fullmatch(value) and sum(c.isdigit() for c in value) >= 5, value)


def _password(value: str, strict: bool) -> tuple[int, int] | None:
    if _NOT_A_PASSWORD.fullmatch(value) or len(set(value)) == 1 or "\n" in value:
        return None
    # No letter or digit (",.;:-*!?", a rule of dashes) is punctuation, and a password field whose value is a
    # password field's own name (password = "password", pwd: PWD) is a test fixture or a column echo.
    named = field_kind(value)
    if not any(c.isalnum() for c in value) or (named is not None and named.entity == "PASSWORD"):
        return None
    if is_reference(value) or is_placeholder_phrase(value):
        return None
    return _whole(not strict or (4 <= len(value) <= 128 and not any(c.isspace() for c in value)), value)


def _number(value: str, strict: bool) -> tuple[int, int] | None:
    return _whole(_NUMBER.fullmatch(value) and any(c.isdigit() for c in value), value)


def _iban(value: str, strict: bool) -> tuple[int, int] | None:
    return _whole(_IBAN.fullmatch(value), value)


def _ip(value: str, strict: bool) -> tuple[int, int] | None:
    ok = _IP.fullmatch(value) and any(c.isdigit() for c in value) and ("." in value or ":" in value)
    return _whole(ok, value)


def _postcode(value: str, strict: bool) -> tuple[int, int] | None:
    return _whole(_POSTCODE.fullmatch(value) and any(c.isdigit() for c in value), value)


#: The value checks by the names ``field_names.yaml`` gives them: (stripped value, strict) -> the span of
#: the entity within the value, or None.
CHECKS: dict[str, Callable[[str, bool], tuple[int, int] | None]] = {
    "address": _address,
    "date": _date,
    "email": _email,
    "iban": _iban,
    "ip": _ip,
    "number": _number,
    "organization": _organization,
    "password": _password,
    "person": _person,
    "phone": _phone,
    "postcode": _postcode,
    "username": _username,
}


def value_span(kind: FieldKind, text: str, start: int, end: int, *, strict: bool) -> tuple[int, int] | None:
    """The part of ``text[start:end]`` (one field's value) that is a ``kind`` entity, or None when the value
    is empty, a placeholder, longer than ``MAX_VALUE_CHARS`` or fails the kind's check."""
    value = text[start:end]
    stripped = value.strip()
    if strict and kind.check in _SENTENCE_END_CHECKS:
        stripped = stripped.rstrip(".,;:!?")  # "email: a@b.io." ends a sentence
    if not stripped or len(stripped) > MAX_VALUE_CHARS or is_placeholder(stripped):
        return None
    span = CHECKS[kind.check](stripped, strict)
    if span is None:
        return None
    offset = start + len(value) - len(value.lstrip())
    return offset + span[0], offset + span[1]
