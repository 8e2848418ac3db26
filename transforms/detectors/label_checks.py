"""Named checks of the labelled-value packs (``packs/labels_*.yaml``): is the value after a label a value.

Each check strips what surrounds the value (a pair of quotes or backticks, trailing sentence
punctuation) and returns the value's span, or rejects the match:

* ``label_password``: a literal, not a placeholder, mask, template, reference, YAML tag, aside, code
  reference, constant's name (``DB_PASSWORD``) or words that stand in for a value (``your-password-here``),
  with at least two character classes (a capital only at the start does not count) or all digits (a PIN);
* ``label_username``: one token, not a common English word unless it is an account name such as
  ``root``, not a label itself nor a constant's name; right after the label and a blank only when it has a
  login's shape;
* ``label_identifier``: space-separated groups of letters and digits, read while each group has a digit or
  is a short capitalised code, with enough digits and a bounded length;
* ``case_number``: a court's case number: a number with its separators, register letters and Roman
  numerals of a chamber (``2 BvR 1187/19``, ``I C 1187/21``), never a date, year, version, amount or URL;
* ``birth_date``: a date that parses (day, month, plausible year), in digits or with a month name in any
  language of ``lexicon/data/month_names.yaml``.

A value separated from its label by blanks only (``password `x```) must be quoted, except where the rule
allows a bare one (``bare_after_space``): identifiers and dates carry their own shape.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

import re2

from transforms.detectors.credential_checks import (
    is_code_reference,
    is_placeholder,
    is_placeholder_phrase,
    yaml_tag_before,
)
from transforms.detectors.rules import CheckResult, RuleMatch, register_check
from transforms.detectors.terms import re2_options
from transforms.lexicon.names import load_english_words
from transforms.lexicon.phrases import phrase_list, phrase_tree
from transforms.lexicon.wordlists import word_list

__all__ = [
    "bare_identifier",
    "birth_date",
    "case_number",
    "label_identifier",
    "label_password",
    "label_username",
    "month_number",
]

_QUOTES = {'"': '"', "'": "'", "`": "`", "“": "”", "‘": "’", "«": "»", "„": "“"}
_TRAILING = ".,;:?)]}>\"'”’»"
_OPENERS = {")": "(", "]": "[", "}": "{"}
_USERNAME = re2.compile(r"@?[\p{L}\p{N}_][\p{L}\p{N}_.@\\-]{1,63}", re2_options())
_GROUP = re2.compile(r"[A-Za-z0-9][A-Za-z0-9/.\-_#:]*", re2_options())
_SHORT_CODE = re2.compile(r"[A-Z0-9][A-Z0-9\-]{0,4}", re2_options())
_DIGITS = re2.compile(r"(\d{1,4})[./\-](\d{1,2})[./\-](\d{2,4})", re2_options())
_WORDS = re2.compile(r"\d+|\p{L}+", re2_options())
_YEARS = (1900, date.today().year)
_ASIDE = re2.compile(r"\([^()\r\n]*\s[^()\r\n]*\)", re2_options())


def _strip(match: RuleMatch) -> tuple[int, int, bool]:
    """The value span without a surrounding pair of quotes (and whether it had them) or trailing punctuation."""
    start, end = match.start, match.end
    value = match.text[start:end]
    if len(value) >= 2 and _QUOTES.get(value[0]) == value[-1]:
        return start + 1, end - 1, True
    core = value.rstrip(_TRAILING)
    if len(core) < len(value) and core[-1:].isdigit() and value[len(core)] == "?":
        core = value[: len(core) + 1]
    while len(core) < len(value) and _closes_a_bracket(core, value[len(core)]):
        core = value[: len(core) + 1]  # "Winter(2024)": the bracket closes one the value opened
    return start, start + len(core), False


def _closes_a_bracket(core: str, closer: str) -> bool:
    opener = _OPENERS.get(closer)
    return opener is not None and core.count(opener) > core.count(closer)


def _bare_after_space(match: RuleMatch) -> bool:
    """The label and the value are separated by blanks only (no ``:``, ``=``, connector word)."""
    separator = match.group("sep")
    return separator is not None and not separator.strip() and "\t" not in separator and "  " not in separator


def _classes(value: str) -> int:
    body = value[1:] if value[:1].isupper() else value
    kinds = (
        any(c.islower() for c in value),
        any(c.isupper() for c in body),
        any(c.isdigit() for c in value),
        any(not c.isalnum() for c in value),
    )
    return sum(kinds)


@register_check("label_password")
def label_password(
    match: RuleMatch, *, min_chars: int, max_chars: int, min_classes: int = 2, allow_bare: bool = False
) -> CheckResult:
    """A password after its label: a literal of ``min_chars``..``max_chars`` characters with ``min_classes``
    character classes (lower, upper, digit, symbol), or all digits; never a placeholder, mask, template or
    (unquoted) code, never a label itself. Only with ``allow_bare`` may a blank alone separate label and value."""
    start, end, quoted = _strip(match)
    value = match.text[start:end]
    if (not quoted and not allow_bare and _bare_after_space(match)) or is_placeholder(match.value):
        return False
    if not min_chars <= len(value) <= max_chars or is_placeholder(value) or any(c.isspace() for c in value):
        return False
    if is_placeholder_phrase(value) or (not quoted and _not_literal(match.text, start, end)):
        return False
    if not quoted and _CONSTANT.fullmatch(value):
        return False
    if value.casefold() in _labels():
        return False
    return (start, end) if value.isdigit() or _classes(value) >= min_classes else False


def _not_literal(text: str, start: int, end: int) -> bool:
    """An unquoted value that is code, a YAML tag, the first word of an aside ("(see vault)") or the rest of a
    URL whose scheme the label's qualifier took ("password https://...")."""
    value = text[start:end]
    if is_code_reference(value) or yaml_tag_before(text, start, end) or value.startswith("//"):
        return True
    return value.startswith("(") and _ASIDE.match(text[start : start + 80]) is not None


@cache
def _labels() -> frozenset[str]:
    return frozenset(p.casefold() for p in phrase_list("labels.yaml"))


def _common_word(value: str) -> bool:
    folded = value.casefold()
    return folded in load_english_words() and folded not in word_list("service_accounts.txt")


@register_check("label_username")
def label_username(match: RuleMatch, *, allow_bare: bool = False) -> CheckResult:
    """A user name after its label: one token, not a placeholder, a label or a common English word (unless it
    is an account name such as ``root``); a capitalised word must have a digit or a separator in it. With
    ``allow_bare`` a blank alone may separate label and value when the value has a user name's shape (see
    ``_bare_username``)."""
    start, end, quoted = _strip(match)
    value = match.text[start:end]
    if not _USERNAME.fullmatch(value):
        return False
    if not quoted and _bare_after_space(match) and not (allow_bare and _bare_username(match.text, value, end)):
        return False
    if is_placeholder(value) or value.casefold() in _labels() or (value.isdigit() and len(value) < 3):
        return False
    if not quoted and _CONSTANT.fullmatch(value):
        return False
    plain = value.isalpha()
    if plain and (_common_word(value) or (value[0].isupper() and value[1:].islower())):
        return False
    return start, end


_LOGIN_SHAPE = re2.compile(
    r"\p{Ll}[\p{Ll}\p{N}]*(?:[._]\p{Ll}[\p{Ll}\p{N}]*|\p{N}+)+|\p{Ll}[\p{Ll}\p{N}._\-]*\p{N}[\p{Ll}\p{N}._\-]*",
    re2_options(),
)
# a constant's name in capitals ("DB_PASSWORD", "SERVICE_USER"): a reference to a value, not one
_CONSTANT = re2.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]*[A-Z][A-Z0-9]*)+", re2_options())
_LIST_END = ",;"


def _bare_username(text: str, value: str, end: int) -> bool:
    """A value a blank alone sets apart from its label ("Benutzername hlindner, Passwort ...", "utente
    ospite_wifi"): lower case with a digit, ``.`` or ``_`` in it (a hyphen alone joins words: "web-based"), or
    a plain lower-case ASCII word that ends a list item (a comma or semicolon follows)."""
    if _LOGIN_SHAPE.fullmatch(value):
        return True
    return value.isascii() and value.isalpha() and value.islower() and text[end : end + 1] in tuple(_LIST_END)


def _identifier_end(text: str, start: int, end: int) -> int:
    """The end of the identifier that starts at ``start``: its groups up to the first that is no part of it."""
    value = text[start:end]  # a short slice: re2 encodes the whole string it is given on every call
    position, last = 0, 0
    while position < len(value):
        group = _GROUP.match(value, position)
        if group is None:
            break
        token = group.group().rstrip(".:-/#")
        if not token or not (any(c.isdigit() for c in token) or _SHORT_CODE.fullmatch(token)):
            break
        last = position + len(token)
        position = group.end()
        if value[position : position + 1] != " " or position + 1 >= len(value):
            break
        position += 1
    return start + last


@register_check("label_identifier")
def label_identifier(
    match: RuleMatch, *, min_chars: int, max_chars: int, min_digits: int, no_date: bool = False
) -> CheckResult:
    """An identifier after its label: groups of letters and digits (``KR-4471``, ``88 201 7734``, ``4411/09``)
    with at least ``min_digits`` digits, ``min_chars``..``max_chars`` characters in all. A value glued to its
    label (empty ``sep``) must follow a sign (``#4471``), not a letter. A value on the line after its label
    (``sep`` holds the line break) must be that whole line, under a label that is its own line's caption
    (``Passport number`` above ``KX7719304``). With ``no_date``, a value that is a calendar date (an issue or
    expiry date in the document's field) is none."""
    separator = match.group("sep")
    if separator == "" and match.text[match.start - 1 : match.start].isalnum():
        return False  # glued to a label that ends in a letter: part of a longer word
    start, end, _ = _strip(match)
    end = _identifier_end(match.text, start, end)
    value = match.text[start:end]
    if not min_chars <= len(value) <= max_chars or sum(c.isdigit() for c in value) < min_digits:
        return False
    if separator is not None and "\n" in separator and not _caption_and_line(match, end):
        return False
    if no_date and _digit_date_ok(value):
        return False
    return start, end


# What may stand before a caption on its line: blanks, list and emphasis marks, a table's bar.
_CAPTION_LEAD = frozenset(" \t*_#>|-•")


def _caption_and_line(match: RuleMatch, end: int) -> bool:
    """The label begins its line (after blanks or markup) and the value ends its own (trailing punctuation
    aside): a caption above its value, not a sentence that ends in the label's word."""
    text = match.text
    line_start = text.rfind("\n", 0, match.match_start) + 1
    if any(c not in _CAPTION_LEAD for c in text[line_start : match.match_start]):
        return False
    line_end = text.find("\n", end)
    rest = text[end : len(text) if line_end < 0 else line_end]
    return not rest.strip(" \t\r.,;")


# A year, a year range, a date, a version or an amount: the shapes a number after "order", "case" or "loan"
# takes when it is no identifier.
_NOT_AN_IDENTIFIER = re.compile(
    r"(?:19|20)\d\d(?:[-/](?:19|20)?\d\d)?|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|v?\d+(?:\.\d+)+|\d{1,3}(?:[,.]\d{3})+"
)


@register_check("bare_identifier")
def bare_identifier(match: RuleMatch, *, min_digits: int, min_plain_digits: int) -> CheckResult:
    """An identifier right after the noun it identifies ("invoice INV-2024-00871", "member 004417928"): one
    token of ``min_digits`` digits or more, with letters or a separator, or digits only (at least
    ``min_plain_digits``); never a year, a date, a version or an amount."""
    value = match.value.rstrip(".,;:)")
    digits = sum(c.isdigit() for c in value)
    if digits < min_digits or _NOT_AN_IDENTIFIER.fullmatch(value) is not None:
        return False
    if value.isdigit() and digits < min_plain_digits:
        return False
    return match.start, match.start + len(value)


@cache
def _months() -> dict[str, int]:
    return {
        name.casefold(): int(n)
        for names in phrase_tree("month_names.yaml").values()
        for n, ns in names.items()
        for name in ns
    }


def month_number(word: str) -> int | None:
    """The month (1..12) a month name or abbreviation of any listed language stands for, or None."""
    return _months().get(word.casefold().rstrip("."))


def _plausible(day: int, month: int, year: int) -> bool:
    if year < 100:
        year += 1900 if year > date.today().year % 100 else 2000
    if not _YEARS[0] <= year <= _YEARS[1]:
        return False
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _digit_date_ok(value: str) -> bool:
    parts = _DIGITS.fullmatch(value)
    if parts is None:
        return False
    a, b, c = (int(p) for p in parts.groups())
    if len(parts.group(1)) == 4:
        return _plausible(c, b, a)
    if len(parts.group(1)) == 3:
        return False
    return _plausible(a, b, c) or _plausible(b, a, c)


def _compact_date_ok(value: str) -> bool:
    """Eight digits: a year, month and day (19790403) or a day, month and year (03041979)."""
    if len(value) != 8 or not value.isdigit():
        return False
    return _plausible(int(value[6:]), int(value[4:6]), int(value[:4])) or _plausible(
        int(value[:2]), int(value[2:4]), int(value[4:])
    )


# Labels that are also an acronym when written in capitals: "NATO in Brussels on 3 April" is no "nato il".
_ACRONYM_LABELS = frozenset({"NATO", "NATA"})


def _word_date_ok(value: str) -> bool:
    numbers = [int(t) for t in _WORDS.findall(value) if t.isdigit()]
    months = [m for t in _WORDS.findall(value) if not t.isdigit() and (m := month_number(t)) is not None]
    if len(numbers) != 2 or len(months) != 1:
        return False
    day, year = sorted(numbers)
    return _plausible(day, months[0], year) and year >= 1000


@register_check("birth_date")
def birth_date(match: RuleMatch) -> CheckResult:
    """A date of birth: digits (d/m/y, m/d/y, y-m-d with ``/ . -``; eight digits as yyyymmdd or ddmmyyyy) or a
    day, a month name and a year, that is a real calendar date between 1900 and this year; not after a label
    written as the acronym it also is ("NATO")."""
    if match.group("lbl") in _ACRONYM_LABELS:
        return False
    start, end, _ = _strip(match)
    value = match.text[start:end].rstrip(".,")
    end = start + len(value)
    return (start, end) if _digit_date_ok(value) or _word_date_ok(value) or _compact_date_ok(value) else False


# A case number's groups: a number with its separators ("1187/19", "20-14.771", "5Ob123/19k"), a register's
# letters ("BvR", "ZR", "Ca", "HA ZA", "O") or Roman numerals of a chamber ("VI", "II"), or a lone "/".
_CASE_GROUP = re2.compile(r"[A-Za-z0-9][A-Za-z0-9/.\-:]*|/", re2_options())
_REGISTER = re2.compile(r"[A-Z][A-Za-z]{0,3}", re2_options())
# a date, a month and year, a year or a range of years, a version or an amount: no case number
_NOT_A_CASE = re.compile(
    r"\d{1,2}[./\-]\d{1,2}[./\-](?:19|20)?\d\d|(?:0?[1-9]|1[0-2])/(?:19|20)\d\d|(?:19|20)\d\d(?:[-/](?:19|20)?\d\d)?"
    r"|v?\d+(?:\.\d+)+|\d{1,3}(?:[,.]\d{3})+"
)


@register_check("case_number")
def case_number(match: RuleMatch, *, min_digits: int = 3) -> CheckResult:
    """A court's case number after its label: groups of a number and a register's letters ("2 BvR 1187/19",
    "I C 1187/21", "C/13/712290 / HA ZA 22-118", "21/04471", "DBVX-V-B7F-NK2Q"), read while each group is one
    of them, ending on a group with a digit; at least ``min_digits`` digits; never a date, a year, a version
    or an amount, and never digits alone or a URL."""
    start, end, _ = _strip(match)
    value = match.text[start:end]
    position, last, numbers = 0, 0, []
    while position < len(value):
        group = _CASE_GROUP.match(value, position)
        if group is None:
            break
        token = group.group().rstrip(".:-/") or group.group()
        if any(c.isdigit() for c in token):
            numbers.append(token)
            last = position + len(token)
        elif token != "/" and not _REGISTER.fullmatch(token):
            break
        position = group.end()
        if value[position : position + 1] != " ":
            break
        position += 1
    core = value[:last]
    if not numbers or sum(c.isdigit() for c in core) < min_digits or "://" in core:
        return False
    # one number at least is more than digits ("1187/19", "20-14.771", "HQ19X01187") and no date, year, version
    # or amount: "case 10001:" in a switch, "Mar 2011" after "causa"; a plain number after "Case number" is
    # the identifier rule's
    return (start, start + last) if any(_case_shaped(n) for n in numbers) else False


def _case_shaped(number: str) -> bool:
    return not number.isdigit() and _NOT_A_CASE.fullmatch(number) is None
