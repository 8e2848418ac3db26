"""Named checks of the credential rule packs: is a matched value a literal secret, and where exactly is it.

Every check takes the ``RuleMatch`` and returns ``True``/``False`` or the value's new ``(start, end)``
(trimmed quotes, brackets or punctuation). They use only RE2 and string methods (and, for a JWT header,
base64 and JSON decoding of at most a few kilobytes), so they are linear in the value. Name-based rules
skip values that are references rather than secrets: empty or null-like values, templates (``${VAR}``,
``$VAR``, ``{{ x }}``, ``%(x)s``, ``{name}``, ``<password>``; a ``${`` or ``{{`` that opens no well-formed
expression is part of a literal), masks (``***``, ``xxxx``), references to a secret kept elsewhere
(``%DB_PASS%``, ``((db_pass))``, ``$env:PW``, ``op://vault/item/field``, an AWS ARN), words that stand
in for a value (``your-token-here``, ``mytestfakepw``), asides and pointers (``(see vault)``, ``same as
above``), YAML tags (``!vault |``, ``!Ref DbPassword``) and, for unquoted values only, code
(``os.environ[...]``, ``getenv(...)``, ``self.password``, an identifier that is or contains a secret-like
stem such as ``password=password``). A word is a placeholder only with a placeholder word in it:
``changeme``, ``secret`` or ``hunter`` are weak passwords, and stay. A name qualified by a setting word
(``password_min_length``, ``token_url``) names no secret. The word lists come from
``transforms/lexicon/data/credential_*.txt``.
"""

from __future__ import annotations

import base64
import binascii
import json
from functools import cache
from typing import Any

import re2

from transforms.detectors.rules import CheckResult, RuleMatch, register_check
from transforms.detectors.rules.checks import shannon_entropy
from transforms.lexicon import LEXICON_DATA

__all__ = [
    "aws_secret_shape",
    "is_code_reference",
    "is_placeholder",
    "is_placeholder_phrase",
    "is_reference",
    "is_setting_qualifier",
    "jwt_header",
    "letters_and_digits",
    "looks_random",
    "not_code_reference",
    "not_placeholder",
    "not_placeholder_secret",
    "not_starting_with",
    "not_uri_scheme_user",
    "not_user_field_name",
    "password_value",
    "prose_password",
    "secret_literal",
    "secret_value",
    "token_characters",
    "unquote",
    "yaml_tag_before",
]


@cache
def _words(name: str) -> frozenset[str]:
    """The entries of ``credential_<name>.txt``, one a line; ``#`` lines are its header."""
    lines = (LEXICON_DATA / f"credential_{name}.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _compile(pattern: str) -> Any:
    options = re2.Options()
    options.log_errors = False
    return re2.compile(pattern, options)


_PLACEHOLDER = _compile(
    r"\$\{.*\}|\$\(.*\)|\$[A-Za-z_][A-Za-z0-9_]*|\$[0-9]"  # shell / compose / Spring / Actions
    r"|\{\{.*\}\}|\{%.*%\}|<%.*%>|#\{.*\}"  # Jinja, Helm, ERB, Ruby interpolation
    r"|%\([A-Za-z_][A-Za-z0-9_.]*\)[sdr]|%[sdr]"  # printf-style
    r"|\{[A-Za-z0-9_.]*\}"  # str.format / f-string fields, {}
    r"|<[^<>]*>"  # <password>, <YOUR_TOKEN>, and our own <PASSWORD> tags
    r"|\[[A-Za-z _\-]*\]"  # [REDACTED]
    r"|[*xX•·#?._\-]+"  # masks
    # partly masked: a few characters shown before or after the mask ("AKIAxxxxxxxx", "sk-****", "****1234")
    r"|[^\s]{0,12}?(?:[xX]{4,}|[*•·]{3,})|(?:[xX]{4,}|[*•·]{3,})[^\s]{0,6}"
    r"|[:@][A-Za-z_][A-Za-z0-9_]*"  # SQL named parameters
)
# A reference to a value kept elsewhere, in syntaxes of tools other than the shells and template engines
# above: Windows %VAR% (upper case: "%Tulip9%" may be a literal), Concourse ((var)), token replacement
# (@@var@@, __VAR__), PowerShell $env:VAR, an AWS ARN, a bank-vaults path (vault:secret/data/db#password)
# and a secret manager's URI without user info or query (op://vault/item/field, sm://project/secret);
# is_reference leaves out web URLs, which can carry tokens.
_REFERENCE = _compile(
    r"\$\{.*\}|\$\(.*\)|#\{.*\}|\{[A-Za-z_][A-Za-z0-9_.]*\}"
    r"|%[A-Z_][A-Z0-9_]*%|\(\([A-Za-z0-9_.\- ]+\)\)|@@[A-Za-z0-9_.\-]+@@|__[A-Za-z0-9][A-Za-z0-9_.\-]*__"
    r"|\$(?i:env):[A-Za-z_][A-Za-z0-9_]*|arn:aws[a-z\-]*:[A-Za-z0-9\-]+:\S*|vault:[A-Za-z0-9_\-]+/\S+"
)
_URI = _compile(r"([A-Za-z][A-Za-z0-9+.\-]*)://[^@\s?#]*(?:#[^@\s?]*)?")
_WEB_SCHEMES = frozenset({"http", "https", "ftp", "ftps", "ws", "wss"})
# A parenthesised aside instead of a value: "(see vault)", "(sensitive value)".
_ASIDE = _compile(r"\([^()\r\n]*\s[^()\r\n]*\)")
# A YAML tag on the node that follows it: "!vault |", "!Ref DbPassword", "!secret db_password"; "!!str" tags
# a literal, which stays.
_YAML_TAG = _compile(r"![A-Za-z_][A-Za-z0-9_.\-]*")
_TAGGED_NODE = _compile(r"[ \t]+[^\s#]")
# A capitalised word and a number in brackets, "Winter(2024)": a password, not a call.
_WORD_AND_NUMBER = _compile(r"[A-Z][a-z]+\([0-9]+\)[!?.#*]*")
# Code on the right-hand side: a call or subscript (getenv(...), os.environ[...], ENV.fetch(...)).
_CALL_OR_SUBSCRIPT = _compile(r"[A-Za-z_$][A-Za-z0-9_$]*(?:\.[A-Za-z_$][A-Za-z0-9_$]*)*(?:[ \t]*[(\[].*|\)+[.\[(].*)")
# The body of {...} when it is a format field or f-string expression, not an ODBC-braced value.
_FORMAT_FIELD = _compile(
    r"[A-Za-z_][A-Za-z0-9_.]*(?:\[[^\]]*\]|\([^)]*\))*(?:\.[A-Za-z_][A-Za-z0-9_]*(?:\([^)]*\))*)*"
    r"(?:![rsa])?(?::[A-Za-z0-9<>^=+\-.,%#]*)?|[0-9]*"
)
_TOKEN = _compile(r"[A-Za-z0-9+/=_\-.~]+")
_DOTTED = _compile(r"([A-Za-z_$][A-Za-z0-9_$]*)(?:\.[A-Za-z_$][A-Za-z0-9_$]*)+")
_IDENTIFIER = _compile(r"[A-Za-z_$][A-Za-z0-9_$]*")
_PATH = _compile(r"(?:/|\./|\.\./|~/|[A-Za-z]:\\).*")
# A type annotation rather than a value (``password: str``, ``token: Optional[str]``, ``pw: bytes | str``).
_TYPE_TERM = r"[A-Za-z_][A-Za-z0-9_.]*(?:\[[A-Za-z0-9_.,| \[\]]*\])?"
_TYPE_EXPR = _compile(rf"{_TYPE_TERM}(?:[ \t]*\|[ \t]*{_TYPE_TERM})*")
_TYPE_WORD = _compile(r"[A-Za-z_][A-Za-z0-9_]*")
# Words joined by separators: an identifier or a model name, not a key (next_page_token, bert-base-uncased).
_WORDISH = _compile(r"[A-Za-z]+(?:[_\-.:/ ][A-Za-z]+)*")
# A literal that is itself a template: '_page_%s', 'Bearer {}', 'pre${X}', 'x{{ y }}'. Only well-formed
# expressions count: '${' or '{{' followed by anything but a name and its closing brace is a literal's characters.
_TEMPLATE_PART = _compile(
    r".*(?:%[sdr]|%\([A-Za-z_][A-Za-z0-9_.]*\)|\{\}|\{[0-9]\}"
    r"|\$\{[A-Za-z_][A-Za-z0-9_.]*(?:[:?=+\-][^{}]*)?\}|\{\{[^{}]*\}\}|\{%[^{}]*%\}|#\{[^{}]*\}).*"
)
# Characters no API key contains; values with them are code or prose.
_NOT_IN_KEYS = frozenset("()[]{}<>,;'\"` \t")
# The shell's working-directory variables: ``PWD=/home/x`` is a path, not a password.
_WORKING_DIRECTORY_KEYS = ("PWD", "OLDPWD")
_PROSE_TRAILING = ".,;:?)\"'”’"
# A JWT header is a few dozen bytes of JSON; a longer first part is not decoded (bounded work per match).
_MAX_JWT_HEADER = 4096

# The value groups of the assignment and SQL patterns, in pattern order; at most one takes part in a match.
_FORMS = (
    "line", "cdq", "csq", "cbare", "xml", "ndq", "nsq", "nbare", "fdq", "fsq", "sdq", "ssq", "tdq", "wdq", "etext",
    "adq", "ydq", "ysq", "qdq", "xdq", "xsq", "edq", "dq", "sq", "bq", "brace", "semi", "bare",
)  # fmt: skip
_QUOTED_FORMS = frozenset(_FORMS) - {"line", "cbare", "nbare", "brace", "semi", "bare"}
# The groups holding the qualifier after a secret-like name (db_pass_ro, TOKEN_URL), one per pattern form.
_QUALIFIER_GROUPS = ("suffix", "lsuffix", "asuffix", "ysuffix", "qsuffix", "xsuffix", "tsuffix", "wsuffix", "esuffix")
# The groups holding the name itself: the keyword (kw, akw) or the whole key of a YAML/INI line (lname).
_NAME_GROUPS = ("lname", "kw", "akw", "wkw")
_QUALIFIER_WORD = _compile(r"[A-Z]?[a-z0-9]+|[A-Z0-9]+")
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-")
_BRACKETS = frozenset("(){}[]<>")
# The names before a value, and what is ignored when a value is compared with them (_echoes_name).
_ECHO_NAME = _compile(r"[A-Za-z][A-Za-z0-9_.\-]*")
_ECHO_FOLD = _compile(r"[_.\-]+")
_PUBLIC_KEY_NAMES = ("publickey", "pubkey")


# ---------------------------------------------------------------------------------------------------
# What a value is
# ---------------------------------------------------------------------------------------------------


def is_placeholder(value: str) -> bool:
    """Empty, null-like, a template or other reference, or a mask: not a literal secret."""
    stripped = value.strip()
    return (
        not stripped
        or stripped.lower() in _words("null_values")
        or _PLACEHOLDER.fullmatch(value) is not None
        or is_reference(value)
    )


def is_reference(value: str) -> bool:
    """A reference to a value kept elsewhere: a template or environment variable (``${X}``, ``$(x)``,
    ``%X%``, ``((x))``, ``$env:X``), a secret manager's URI or path (``op://...``, ``vault:...``) or an ARN."""
    if _REFERENCE.fullmatch(value) is not None:
        return True
    uri = _URI.fullmatch(value)
    return uri is not None and uri.group(1).lower() not in _WEB_SCHEMES


def is_placeholder_phrase(value: str) -> bool:
    """Words only (letters and separators, no digit) with a placeholder word in them: ``your-token-here``,
    ``mytestfakepw``, ``DUMMY_PASSWORD``, ``example secret``. Weak passwords without one (``changeme``) stay."""
    if not _WORDISH.fullmatch(value):
        return False
    lowered = value.lower()
    return any(word in lowered for word in _words("placeholder_words"))


def _is_pointer(value: str) -> bool:
    """A phrase that says where the secret is instead of giving it: ``see vault``, ``same as above``."""
    words = value.split()
    return len(words) >= 2 and words[0].lower() in _words("pointer_words")


def yaml_tag_before(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is a YAML tag (``!vault``, ``!Ref``) with the node it tags after it on the line."""
    if _YAML_TAG.fullmatch(text[start:end]) is None:
        return False
    return _TAGGED_NODE.match(text[end : end + 64]) is not None


def _is_type_annotation(value: str) -> bool:
    if not _TYPE_EXPR.fullmatch(value):
        return False
    words = [m.group() for m in _TYPE_WORD.finditer(value)]
    return bool(words) and all(w in _words("type_names") for w in words)


def _names_a_secret(lowered: str) -> bool:
    return any(stem in lowered for stem in _words("keyword_stems"))


def is_code_reference(value: str) -> bool:
    """An unquoted right-hand side that is code: a call, a subscript, an attribute, a variable named like a secret."""
    if _WORD_AND_NUMBER.fullmatch(value):
        return False
    if _is_type_annotation(value) or _CALL_OR_SUBSCRIPT.fullmatch(value):
        return True
    dotted = _DOTTED.fullmatch(value)
    if dotted:
        last = value.rsplit(".", 1)[1].lower()
        return dotted.group(1).lower() in _words("code_objects") or _names_a_secret(last)
    if _IDENTIFIER.fullmatch(value):
        lowered = value.lower()
        if lowered in _words("keyword_stems"):  # password=password (keyword argument passed through)
            return True
        # db_password, dbPassword, DB_PASSWORD, authToken: a variable, not a literal
        has_parts = "_" in value or (value != lowered and value != value.upper())
        return has_parts and _names_a_secret(lowered)
    return False


def _is_docstring_prose(value: str) -> bool:
    """``Password for authentication. Defaults to None.``: a capitalised sentence, not a passphrase."""
    words = value.split()
    if len(words) < 2 or not value[0].isupper():
        return False
    return value.endswith(".") or any(w.lower().strip(".,:;") in _words("docstring_words") for w in words)


def _has_letters_and_digits(value: str) -> bool:
    return any(c.isalpha() for c in value) and any(c.isdigit() for c in value)


def _random_enough(value: str, min_chars: int, min_bits: float) -> bool:
    """Letters and digits, or a long high-entropy string that is not words joined by separators."""
    if _has_letters_and_digits(value):
        return True
    if len(value) < min_chars or shannon_entropy(value) < min_bits:
        return False
    return not _WORDISH.fullmatch(value)


def _unbalanced_closers(value: str) -> int:
    """How many trailing ')', ']' or '}' close nothing inside the value (``f(password=abc)``). Linear time."""
    pairs = {")": "(", "]": "[", "}": "{"}
    openers = {closer: value.count(opener) for closer, opener in pairs.items()}
    closers = {closer: value.count(closer) for closer in pairs}
    trim = 0
    while trim < len(value):
        last = value[len(value) - trim - 1]
        if last not in pairs:
            break
        # Without this character, the value before it holds closers[last] - 1 of its kind (the trimmed
        # suffix holds only closers); it stays if the openers outnumber those.
        closers[last] -= 1
        if openers[last] > closers[last]:
            break
        trim += 1
    return trim


def _stands_in(value: str) -> bool:
    """A placeholder, a template, words that stand in for a value or an aside, in any form."""
    return (
        is_placeholder(value)
        or is_placeholder_phrase(value)
        or _TEMPLATE_PART.fullmatch(value) is not None
        or _ASIDE.fullmatch(value) is not None
    )


def _literal_trim(value: str, form: str) -> int | None:
    """Characters to trim from the end of a literal value in ``form``, or None for a placeholder or code."""
    if form == "brace":  # {name} is a format field; {anything else} is an ODBC-quoted value
        return None if _FORMAT_FIELD.fullmatch(value) else 0
    if form in _QUOTED_FORMS:
        return None if _stands_in(value) else 0
    colon = 1 if value.endswith("):") else 0  # def f(password: Optional[str] = None):
    trim = colon + _unbalanced_closers(value[: len(value) - colon])
    core = value[: len(value) - trim]
    if _stands_in(core) or is_code_reference(core):
        return None
    if form == "line" and (_is_docstring_prose(core) or _is_pointer(core)):
        return None
    return trim


def _password_trim(value: str, form: str, keyword: str, min_chars: int) -> int | None:
    if len(value) < min_chars:  # trimming only shortens: reject cheaply first
        return None
    if form == "cbare" and value.lower() in _words("cli_prose_words"):
        return None
    trim = _literal_trim(value, form)
    if trim is None:
        return None
    core = value[: len(value) - trim]
    if len(core) < min_chars or (keyword in _WORKING_DIRECTORY_KEYS and core.startswith(("/", "~"))):
        return None
    return trim


def _secret_trim(value: str, form: str, min_chars: int, random_chars: int, random_bits: float) -> int | None:
    if len(value) < min_chars:
        return None
    trim = _literal_trim(value, form)
    if trim is None:
        return None
    core = value[: len(value) - trim]
    if len(core) < min_chars or any(c in _NOT_IN_KEYS or c.isspace() for c in core):
        return None
    if _PATH.fullmatch(core) or (core.lower().startswith(("http://", "https://")) and "@" not in core):
        return None
    return trim if _random_enough(core, random_chars, random_bits) else None


def _echoes_name(match: RuleMatch, value_start: int, core: str) -> bool:
    """The value repeats a name written before it in the match (``password = "password"``, ``token: TOKEN``,
    ``<secret>secret</secret>``): a test fixture or a column echo, not a secret. Case and ``_-.`` are ignored."""
    folded = _ECHO_FOLD.sub("", core).lower()
    if not folded:
        return False
    head = match.text[match.match_start : value_start]
    return any(_ECHO_FOLD.sub("", name).lower() == folded for name in _ECHO_NAME.findall(head))


def _names_public_key(match: RuleMatch, value_start: int) -> bool:
    """The value is assigned to a public key's name (``publicKey``, ``PUBLIC_KEY_PEM``, ``pubkey``): it is
    published by design, so it is no secret."""
    head = match.text[match.match_start : value_start]
    return any(
        any(word in _ECHO_FOLD.sub("", name).lower() for word in _PUBLIC_KEY_NAMES) for name in _ECHO_NAME.findall(head)
    )


def _form(match: RuleMatch) -> tuple[str, int, int] | None:
    """The value group (``_FORMS``) that took part in ``match``, with its span."""
    for form in _FORMS:
        span = match.groups.get(form)
        if span is not None:
            return form, span[0], span[1]
    return None


def _qualifier(match: RuleMatch) -> str:
    """The qualifier after the secret-like name (``_ro`` of ``db_pass_ro``), or ``""``."""
    for group in _QUALIFIER_GROUPS:
        qualifier = match.group(group)
        if qualifier:
            return qualifier
    return ""


def is_setting_qualifier(qualifier: str) -> bool:
    """A qualifier that makes a secret-like name a setting about the secret: a word of it (split at ``_``,
    ``-`` and capitals) is one of ``credential_setting_words.txt`` (``_min_length``, ``_url``, ``Name``)."""
    words = (word.lower() for word in _QUALIFIER_WORD.findall(qualifier))
    return any(word in _words("setting_words") for word in words)


def _compound_name(match: RuleMatch) -> bool:
    """The key is an identifier of several parts (``aws_secret_access_key``, ``apiSecret``), not a lone word."""
    for group in _NAME_GROUPS:
        span = match.groups.get(group)
        if span is None:
            continue
        start, end = span
        floor = max(0, start - 64)
        while start > floor and match.text[start - 1] in _NAME_CHARS:
            start -= 1
        name = match.text[start:end] + _qualifier(match)
        return any(c in "_.-" for c in name) or (name != name.lower() and name != name.upper())
    return False


def _statement_expression(text: str, end: int, value: str, form: str) -> bool:
    """An unquoted value with brackets that ends a statement (``x = m[i](k);``): code, not a literal."""
    return form not in _QUOTED_FORMS and text[end : end + 1] == ";" and any(c in _BRACKETS for c in value)


def _character_classes(value: str) -> int:
    kinds = (
        any(c.islower() for c in value),
        any(c.isupper() for c in value),
        any(c.isdigit() for c in value),
        any(not c.isalnum() for c in value),
    )
    return sum(kinds)


def _symbol_heavy(value: str) -> bool:
    """At least three different symbols, making up at least two characters in five: ``A,.:-@*?!``."""
    symbols = [c for c in value if not c.isalnum()]
    return len(set(symbols)) >= 3 and 5 * len(symbols) >= 2 * len(value)


def _is_secret_phrase(value: str, min_words: int) -> bool:
    """Several words that read as a passphrase: no capitalised label or sentence, no pointer, no words naming
    the secret itself (``"the api key of the billing service"`` describes a key)."""
    words = value.split()
    if len(words) < min_words or len(value) > 100 or not value[0].islower():
        return False
    if _is_docstring_prose(value) or _is_pointer(value) or is_placeholder_phrase(value):
        return False
    return not _names_a_secret(value.lower())


def _secret_literal_trim(match: RuleMatch, form: str, start: int, end: int, params: dict[str, Any]) -> int | None:
    value = match.text[start:end]
    if len(value) < params["min_chars"] or _statement_expression(match.text, end, value, form):
        return None
    trim = _literal_trim(value, form)
    if trim is None:
        return None
    core = value[: len(value) - trim]
    if len(core) < params["min_chars"] or not any(c.isalnum() for c in core) or _PATH.fullmatch(core):
        return None
    if core.lower().startswith(("http://", "https://")) and "@" not in core:
        return None
    if any(c.isspace() for c in core):
        phrase = (form in _QUOTED_FORMS or form == "line") and _compound_name(match)
        return trim if phrase and _is_secret_phrase(core, params["phrase_min_words"]) else None
    if any(c in "'\"`" for c in core) or (_qualifier(match) and core.isdigit()):
        return None
    if _random_enough(core, params["random_min_chars"], params["random_min_bits"]):
        return trim
    # Short and without digits: a quoted literal mixing three classes (an unquoted "Word." is prose), or a
    # literal made mostly of symbols ("q,.:-@*?!"), which no identifier, word or sentence is.
    if form in _QUOTED_FORMS and _character_classes(core) >= 3:
        return trim
    return trim if _symbol_heavy(core) else None


# ---------------------------------------------------------------------------------------------------
# Registered checks
# ---------------------------------------------------------------------------------------------------


@register_check("letters_and_digits")
def letters_and_digits(match: RuleMatch) -> bool:
    """Keep values with at least one letter and one digit (token charsets that also spell words)."""
    return _has_letters_and_digits(match.value)


@register_check("not_starting_with")
def not_starting_with(match: RuleMatch, *, prefixes: list[str]) -> bool:
    """Reject values starting with one of ``prefixes`` (case-sensitive): another rule reports them."""
    return not match.value.startswith(tuple(prefixes))


@register_check("aws_secret_shape")
def aws_secret_shape(match: RuleMatch) -> bool:
    """Keep values with a digit, ``/`` or ``+``, or both cases: 40 letters of one case are a word run."""
    value = match.value
    return any(c.isdigit() or c in "/+" for c in value) or (value.lower() != value and value.upper() != value)


@register_check("jwt_header")
def jwt_header(match: RuleMatch) -> bool:
    """Keep a JSON Web Token whose first part decodes (base64url, padding optional) to a JSON object."""
    header = match.value.split(".", 1)[0]
    if len(header) % 4 == 1 or len(header) > _MAX_JWT_HEADER:
        return False
    try:
        decoded = base64.urlsafe_b64decode(header + "=" * (-len(header) % 4)).decode("utf-8")
        return isinstance(json.loads(decoded), dict)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return False


@register_check("not_placeholder")
def not_placeholder(match: RuleMatch) -> bool:
    """Reject empty, null-like, template and masked values (``null``, ``${VAR}``, ``<password>``, ``***``)."""
    return not is_placeholder(match.value)


@register_check("not_placeholder_secret")
def not_placeholder_secret(match: RuleMatch) -> bool:
    """Reject what ``not_placeholder`` rejects, and words that stand in for a secret (``your-token-here``)."""
    return not is_placeholder(match.value) and not is_placeholder_phrase(match.value)


@register_check("not_code_reference")
def not_code_reference(match: RuleMatch) -> bool:
    """Reject code: calls, subscripts, attributes, type names, variables named like secrets."""
    return not is_code_reference(match.value)


@register_check("not_user_field_name")
def not_user_field_name(match: RuleMatch) -> bool:
    """Reject a user name that is the field's own name (``user``, ``login``, ``name``), ignoring case."""
    return match.value.lower() not in _words("user_fields")


@register_check("not_uri_scheme_user")
def not_uri_scheme_user(match: RuleMatch) -> bool:
    """Reject ``scheme:user@host`` read as ``user:password@host``: the user (group ``user``, else the value)
    is a URI scheme written without ``//`` (``mailto``, ``irc``, ``xmpp``, ``sip``), compared lower-cased."""
    user = match.group("user")
    return (match.value if user is None else user).lower() not in _words("uri_schemes")


@register_check("unquote")
def unquote(match: RuleMatch) -> CheckResult:
    """The value inside its quotes when it is wrapped in a pair of ``'`` or ``"``; else the value as is."""
    value = match.value
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return match.start + 1, match.end - 1
    return True


@register_check("looks_random")
def looks_random(match: RuleMatch, *, min_chars: int, min_bits: float) -> bool:
    """Keep values with letters and digits, or of ``min_chars``+ characters, ``min_bits``+ entropy, not words."""
    return _random_enough(match.value, min_chars, min_bits)


@register_check("token_characters")
def token_characters(match: RuleMatch, *, min_bits: float) -> bool:
    """Keep values made of token characters only (letters, digits, ``+/=_-.~``) with both letters and digits
    and at least ``min_bits`` of entropy per character: ids and words joined by separators fail."""
    value = match.value
    if not _TOKEN.fullmatch(value) or not _has_letters_and_digits(value):
        return False
    return shannon_entropy(value) >= min_bits


@register_check("password_value")
def password_value(match: RuleMatch, *, min_chars: int) -> CheckResult:
    """The password of an assignment or SQL statement: the value group that took part, as a literal.

    Rejects values shorter than ``min_chars``, placeholders, templates and (unquoted) code; trims
    brackets that close nothing in the value. The form decides: quoted values are taken as written,
    ``{braced}`` values unless they are format fields, unquoted values must not be code.
    """
    form = _form(match)
    if form is None:
        return False
    name, start, end = form
    if name == "bare" and yaml_tag_before(match.text, start, end):
        return False
    qualifier = _qualifier(match)
    value = match.text[start:end]
    if (qualifier and (is_setting_qualifier(qualifier) or value.isdigit())) or not any(c.isalnum() for c in value):
        return False
    if _statement_expression(match.text, end, value, name):
        return False
    trim = _password_trim(value, name, match.keyword, min_chars)
    if trim is None or _echoes_name(match, start, value[: len(value) - trim]):
        return False
    return start, end - trim


@register_check("secret_value")
def secret_value(match: RuleMatch, *, min_chars: int, random_min_chars: int, random_min_bits: float) -> CheckResult:
    """The secret of an assignment: like ``password_value``, and one token that looks random.

    The value has at least ``min_chars`` characters, no spaces, brackets or quotes, is no path or plain
    URL, and has letters and digits or ``random_min_chars``+ characters of ``random_min_bits``+ entropy.
    """
    form = _form(match)
    if form is None:
        return False
    name, start, end = form
    value = match.text[start:end]
    trim = _secret_trim(value, name, min_chars, random_min_chars, random_min_bits)
    if trim is None or _echoes_name(match, start, value[: len(value) - trim]) or _names_public_key(match, start):
        return False
    return start, end - trim


@register_check("secret_literal")
def secret_literal(
    match: RuleMatch, *, min_chars: int, random_min_chars: int, random_min_bits: float, phrase_min_words: int
) -> CheckResult:
    """The secret assigned to (or compared with) a strong secret-like name, in any of the assignment forms.

    Like ``secret_value``, but the literal may hold any characters a secret can (brackets, quotes of the
    other kind, ``$`` and ``{`` that open no template): it has a letter or digit, ``min_chars``+ characters,
    and looks random (letters and digits, or ``random_min_chars``+ characters of ``random_min_bits``+
    entropy) or, quoted, mixes three character classes. A value of ``phrase_min_words``+ lower-case words is a
    passphrase when quoted or alone on a YAML/INI line and the key is a compound name (``jwt_secret``).
    Rejects names whose qualifier makes them a setting (``token_url``), unquoted values with brackets that
    end a statement (``secret = m[k](x);``), placeholders, templates, references and code.
    """
    form = _form(match)
    qualifier = _qualifier(match)
    if form is None or (qualifier and is_setting_qualifier(qualifier)):
        return False
    name, start, end = form
    params = {
        "min_chars": min_chars,
        "random_min_chars": random_min_chars,
        "random_min_bits": random_min_bits,
        "phrase_min_words": phrase_min_words,
    }
    trim = _secret_literal_trim(match, name, start, end, params)
    if trim is None or _echoes_name(match, start, match.text[start : end - trim]) or _names_public_key(match, start):
        return False
    return start, end - trim


@register_check("prose_password")
def prose_password(match: RuleMatch, *, min_chars: int) -> CheckResult:
    """A password in a sentence, without the sentence's closing punctuation; it has a digit or a symbol.

    A ``?`` or ``!`` right after a digit stays: it is the usual last character of such passwords.
    """
    value = match.value
    trim = len(value) - len(value.rstrip(_PROSE_TRAILING))
    if trim == 1 and value[-1] in "?!" and value[-2:-1].isdigit():
        trim = 0
    core = value[: len(value) - trim]
    if len(core) < min_chars or is_placeholder(core) or is_placeholder_phrase(core):
        return False
    if not any(c.isdigit() or not c.isalnum() for c in core):  # "the password is required"
        return False
    return match.start, match.end - trim
