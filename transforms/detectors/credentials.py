"""Credentials and secrets: a curated rule pack of RE2 patterns with value checks.

What this module guarantees:

* Every rule is compiled once, when the detector is built, with RE2 (``log_errors`` off). RE2 cannot
  backtrack, so scanning time is linear in the text whatever the input; each text is UTF-8 encoded
  once and scanned once per rule. Value checks after a match use only RE2 and string methods.
* A finding covers exactly the secret value: not the key name, not surrounding quotes, not the
  ``password=`` prefix. Offsets are ``str`` indices into the original text, also for non-ASCII text
  and lone surrogates.
* Entity types: ``API_KEY`` (provider formats, Bearer/token headers, high-entropy values assigned to
  secret-looking names), ``PASSWORD`` (password assignments, URL and connection-string passwords,
  HTTP Basic credentials, SQL ``IDENTIFIED BY``), ``PRIVATE_KEY`` (whole PEM/PGP/PuTTY private key
  blocks; a block with no end runs to the end of the text, so a truncated key fails closed) and
  ``USERNAME`` (the user of ``scheme://user:password@host`` URLs, ``curl -u`` and connection strings).
* Output per text is sorted by ``(start, end, entity_type, detector)``. Findings with the same
  ``(entity_type, start, end)`` from several rules are reported once, by the highest score (ties: the
  smallest detector name). Overlapping findings of different spans or types are all reported.
* ``detect`` either returns findings for every text or raises; it never drops a text.

Name-based rules skip values that are references rather than secrets: empty values, ``null``/``None``/
``true``/``false``, templates (``${VAR}``, ``$VAR``, ``{{ x }}``, ``%(x)s``, ``{name}``, ``<password>``),
masks (``***``, ``xxxx``) and, for unquoted values only, code (``os.environ[...]``, ``getenv(...)``,
``self.password``, an identifier that is or contains the keyword such as ``password=password``).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import re2

from transforms.detectors.base import Detector, register_detector
from transforms.records import Finding

if TYPE_CHECKING:
    from transforms.config import ScrublineConfig

__all__ = ["CredentialDetector", "build_credential_detector"]

API_KEY = "API_KEY"
PASSWORD = "PASSWORD"
PRIVATE_KEY = "PRIVATE_KEY"
USERNAME = "USERNAME"

PROVIDER_SCORE = 0.95
PRIVATE_KEY_SCORE = 1.0
NAME_SCORE = 0.8
BEARER_SCORE = 0.9
URL_PASSWORD_SCORE = 0.9
URL_USERNAME_SCORE = 0.85
PROSE_PASSWORD_SCORE = 0.7

MIN_PASSWORD_CHARS = 4
MIN_SECRET_CHARS = 8
MIN_ENTROPY_CHARS = 16
MIN_ENTROPY_BITS = 3.0
MAX_SPACED_VALUE = 200  # longest ";"-terminated value with spaces (connection strings)

# A check gets (value, value group name, keyword group text or "") and returns how many characters to
# trim from the (start, end) of the value, or None to reject the value.
Check = Callable[[str, str, str], "tuple[int, int] | None"]


def _options(*, dot_nl: bool = False) -> re2.Options:
    options = re2.Options()
    options.log_errors = False
    options.dot_nl = dot_nl
    return options


def _compile(pattern: str) -> Any:
    return re2.compile(pattern, _options())


# ---------------------------------------------------------------------------------------------------
# Value checks
# ---------------------------------------------------------------------------------------------------

_NULL_WORDS = frozenset(
    {"", "none", "null", "nil", "undefined", "true", "false", "~", "n/a", "redacted", "hidden", "nothing"}
)
_PLACEHOLDER = _compile(
    r"\$\{.*\}|\$\(.*\)|\$[A-Za-z_][A-Za-z0-9_]*|\$[0-9]"  # shell / compose / Spring / Actions
    r"|\{\{.*\}\}|\{%.*%\}|<%.*%>|#\{.*\}"  # Jinja, Helm, ERB, Ruby interpolation
    r"|%\([A-Za-z_][A-Za-z0-9_.]*\)[sdr]|%[sdr]"  # printf-style
    r"|\{[A-Za-z0-9_.]*\}"  # str.format / f-string fields, {}
    r"|<[^<>]*>"  # <password>, <YOUR_TOKEN>, and our own <PASSWORD> tags
    r"|\[[A-Za-z _\-]*\]"  # [REDACTED]
    r"|[*xX•·#?._\-]+"  # masks
    r"|[:@][A-Za-z_][A-Za-z0-9_]*"  # SQL named parameters
)
# Code on the right-hand side: a call or subscript (getenv(...), os.environ[...], ENV.fetch(...)).
_CALL_OR_SUBSCRIPT = _compile(r"[A-Za-z_$][A-Za-z0-9_$]*(?:\.[A-Za-z_$][A-Za-z0-9_$]*)*(?:[ \t]*[(\[].*|\)+[.\[(].*)")
# The body of {...} when it is a format field or f-string expression, not an ODBC-braced value.
_FORMAT_FIELD = _compile(
    r"[A-Za-z_][A-Za-z0-9_.]*(?:\[[^\]]*\]|\([^)]*\))*(?:\.[A-Za-z_][A-Za-z0-9_]*(?:\([^)]*\))*)*"
    r"(?:![rsa])?(?::[A-Za-z0-9<>^=+\-.,%#]*)?|[0-9]*"
)
_DOTTED = _compile(r"([A-Za-z_$][A-Za-z0-9_$]*)(?:\.[A-Za-z_$][A-Za-z0-9_$]*)+")
_IDENTIFIER = _compile(r"[A-Za-z_$][A-Za-z0-9_$]*")
_CODE_OBJECTS = frozenset(
    {
        "self",
        "this",
        "os",
        "process",
        "env",
        "config",
        "settings",
        "cfg",
        "conf",
        "options",
        "opts",
        "args",
        "params",
        "props",
        "ctx",
        "context",
        "request",
        "req",
        "secrets",
        "vars",
        "credentials",
        "creds",
    }
)
_KEYWORD_STEMS = ("password", "passwd", "passphrase", "pwd", "pass", "secret", "token", "key", "auth", "credential")
_PATH = _compile(r"(?:/|\./|\.\./|~/|[A-Za-z]:\\).*")
# A type annotation rather than a value (``password: str``, ``token: Optional[str]``, ``pw: bytes | str``).
_TYPE_TERM = r"[A-Za-z_][A-Za-z0-9_.]*(?:\[[A-Za-z0-9_.,| \[\]]*\])?"
_TYPE_EXPR = _compile(rf"{_TYPE_TERM}(?:[ \t]*\|[ \t]*{_TYPE_TERM})*")
_TYPE_WORD = _compile(r"[A-Za-z_][A-Za-z0-9_]*")
_TYPE_NAMES = frozenset(
    {
        "str",
        "bytes",
        "string",
        "String",
        "int",
        "bool",
        "boolean",
        "float",
        "any",
        "Any",
        "None",
        "Optional",
        "Union",
        "SecretStr",
        "SecretBytes",
        "object",
        "Object",
        "char",
        "byte",
        "number",
        "Text",
        "list",
        "List",
        "dict",
        "Dict",
        "bytearray",
        "unknown",
        "never",
        "typing",
        "t",
        "str_",
        "CharSequence",
        "Secret",
    }
)
# Words joined by separators: an identifier or a model name, not a key (next_page_token, bert-base-uncased).
_WORDISH = _compile(r"[A-Za-z]+(?:[_\-.:/ ][A-Za-z]+)*")
# Characters no API key contains; values with them are code or prose.
_NOT_IN_KEYS = frozenset("()[]{}<>,;'\"` \t")
# Docstring prose after "password:" at the start of a line (Google-style ``Args:``), not a passphrase.
_PROSE_WORDS = frozenset(
    {
        "the",
        "a",
        "an",
        "for",
        "to",
        "of",
        "in",
        "on",
        "if",
        "is",
        "are",
        "be",
        "used",
        "use",
        "defaults",
        "default",
        "optional",
        "required",
        "or",
        "with",
        "by",
        "from",
        "this",
        "that",
        "should",
        "must",
        "will",
        "can",
        "when",
        "not",
        "your",
        "which",
    }
)
# A literal that is itself a template: '_page_%s', 'Bearer {}', 'pre${X}'.
_TEMPLATE_PART = _compile(r".*(?:%[sdr]|%\(|\{\}|\{[0-9]\}|\$\{|\{\{|#\{).*")
_USER_WORDS = frozenset({"user", "username", "user_name", "userid", "user_id", "uid", "login", "name"})


def _entropy(value: str) -> float:
    counts = Counter(value)
    n = len(value)
    return -sum(c / n * math.log2(c / n) for c in counts.values())


def _is_placeholder(value: str) -> bool:
    """Empty, null-like, a template reference or a mask: not a literal secret."""
    return value.strip().lower() in _NULL_WORDS or _PLACEHOLDER.fullmatch(value) is not None


def _is_type_annotation(value: str) -> bool:
    if not _TYPE_EXPR.fullmatch(value):
        return False
    words = [m.group() for m in _TYPE_WORD.finditer(value)]
    return bool(words) and all(w in _TYPE_NAMES for w in words)


def _is_code_reference(value: str) -> bool:
    """An unquoted right-hand side that is code: a call, a subscript, an attribute, a variable named like a secret."""
    if _is_type_annotation(value):
        return True
    if _CALL_OR_SUBSCRIPT.fullmatch(value):
        return True
    dotted = _DOTTED.fullmatch(value)
    if dotted:
        last = value.rsplit(".", 1)[1].lower()
        return dotted.group(1).lower() in _CODE_OBJECTS or any(stem in last for stem in _KEYWORD_STEMS)
    if _IDENTIFIER.fullmatch(value):
        lowered = value.lower()
        if lowered in _KEYWORD_STEMS:  # password=password (keyword argument passed through)
            return True
        # db_password, dbPassword, DB_PASSWORD, authToken: a variable, not a literal
        has_parts = "_" in value or (value != lowered and value != value.upper())
        return has_parts and any(stem in lowered for stem in _KEYWORD_STEMS)
    return False


def _trim_unbalanced_closers(value: str) -> int:
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


_QUOTED_GROUPS = frozenset({"edq", "dq", "sq", "bq", "xml", "cdq", "csq", "ndq", "nsq"})


def _literal_trim(value: str, group: str) -> tuple[int, int] | None:
    """Shared rejection of placeholders and code; returns the trim for a literal value."""
    if group == "brace":  # {name} is a format field; {anything else} is an ODBC-quoted value
        return None if _FORMAT_FIELD.fullmatch(value) else (0, 0)
    if group in _QUOTED_GROUPS:
        return None if _is_placeholder(value) or _TEMPLATE_PART.fullmatch(value) else (0, 0)
    colon = 1 if value.endswith("):") else 0  # def f(password: Optional[str] = None):
    end_trim = colon + _trim_unbalanced_closers(value[: len(value) - colon])
    core = value[: len(value) - end_trim]
    if _is_placeholder(core) or _is_code_reference(core) or _TEMPLATE_PART.fullmatch(core):
        return None
    if group == "line" and _is_docstring_prose(core):
        return None
    return (0, end_trim)


def _is_docstring_prose(value: str) -> bool:
    """``Password for authentication. Defaults to None.``: a capitalised sentence, not a passphrase."""
    words = value.split()
    if len(words) < 2 or not value[0].isupper():
        return False
    return value.endswith(".") or any(w.lower().strip(".,:;") in _PROSE_WORDS for w in words)


def _core(value: str, trim: tuple[int, int]) -> str:
    return value[trim[0] : len(value) - trim[1]]


# Words that follow an option name in prose about a command ("pass the --password option"), not values.
_CLI_PROSE_WORDS = frozenset(
    "option options flag flags argument arguments parameter parameters switch prompt instead value field "
    "here there below above and or with when if to for is".split()
)


def _check_password(value: str, group: str, keyword: str) -> tuple[int, int] | None:
    if len(value) < MIN_PASSWORD_CHARS:  # trimming only shortens: reject cheaply first
        return None
    if group == "cbare" and value.lower() in _CLI_PROSE_WORDS:
        return None
    trim = _literal_trim(value, group)
    if trim is None:
        return None
    core = _core(value, trim)
    if len(core) < MIN_PASSWORD_CHARS:
        return None
    if keyword in ("PWD", "OLDPWD") and core.startswith(("/", "~")):  # the shell's working directory
        return None
    return trim


def _looks_random(value: str) -> bool:
    has_alpha = any(c.isalpha() for c in value)
    has_digit = any(c.isdigit() for c in value)
    if has_alpha and has_digit:
        return True
    if len(value) < MIN_ENTROPY_CHARS or _entropy(value) < MIN_ENTROPY_BITS:
        return False
    return not _WORDISH.fullmatch(value)


def _check_secret(value: str, group: str, keyword: str) -> tuple[int, int] | None:
    if len(value) < MIN_SECRET_CHARS:
        return None
    trim = _literal_trim(value, group)
    if trim is None:
        return None
    core = _core(value, trim)
    if len(core) < MIN_SECRET_CHARS or any(c in _NOT_IN_KEYS or c.isspace() for c in core):
        return None
    if _PATH.fullmatch(core) or (core.lower().startswith(("http://", "https://")) and "@" not in core):
        return None
    return trim if _looks_random(core) else None


def _check_any(value: str, group: str, keyword: str) -> tuple[int, int] | None:
    return (0, 0)


def _check_mixed(value: str, group: str, keyword: str) -> tuple[int, int] | None:
    """Provider formats whose charset also spells ordinary words: require letters and digits."""
    has_alpha = any(c.isalpha() for c in value)
    has_digit = any(c.isdigit() for c in value)
    return (0, 0) if has_alpha and has_digit else None


def _check_quoted_password(value: str, group: str, keyword: str) -> tuple[int, int] | None:
    """A command-line password, maybe in quotes: the span is the password without its quotes."""
    quoted = len(value) >= 2 and value[0] == value[-1] and value[0] in "'\""
    core = value[1:-1] if quoted else value
    if len(core) < MIN_PASSWORD_CHARS or _is_placeholder(core) or _is_code_reference(core):
        return None
    return (1, 1) if quoted else (0, 0)


def _check_cookie(value: str, group: str, keyword: str) -> tuple[int, int] | None:
    return (0, 0) if not _is_placeholder(value) and _looks_random(value) else None


def _check_openai(value: str, group: str, keyword: str) -> tuple[int, int] | None:
    if value.startswith("sk-ant-"):  # reported by the anthropic rule
        return None
    return _check_mixed(value, group, keyword)


def _check_aws_secret(value: str, group: str, keyword: str) -> tuple[int, int] | None:
    mixed = any(c.isdigit() or c in "/+" for c in value) or (value.lower() != value and value.upper() != value)
    return (0, 0) if mixed else None


def _check_header_token(value: str, group: str, keyword: str) -> tuple[int, int] | None:
    if len(value) < MIN_SECRET_CHARS or _is_placeholder(value):
        return None
    if group == "loose" and not _check_mixed(value, group, keyword):
        return None
    return (0, 0)


def _check_user(value: str, group: str, keyword: str) -> tuple[int, int] | None:
    if _is_placeholder(value) or _is_code_reference(value) or value.lower() in _USER_WORDS:
        return None
    return (0, 0)


def _check_url_password(value: str, group: str, keyword: str) -> tuple[int, int] | None:
    return None if _is_placeholder(value) else (0, 0)


_PROSE_TRAILING = ".,;:?)\"'”’"


def _check_prose_password(value: str, group: str, keyword: str) -> tuple[int, int] | None:
    trim = len(value) - len(value.rstrip(_PROSE_TRAILING))
    if trim == 1 and value[-1] in "?!" and value[-2:-1].isdigit():
        trim = 0  # "the wifi password is Winter2007?": a symbol after the digits is the usual last character
    core = value[: len(value) - trim]
    if len(core) < MIN_PASSWORD_CHARS or _is_placeholder(core):
        return None
    if not any(c.isdigit() or not c.isalnum() for c in core):  # "the password is required"
        return None
    return (0, trim)


# ---------------------------------------------------------------------------------------------------
# Patterns
# ---------------------------------------------------------------------------------------------------

# Password-like key names. Long keywords may end any identifier (PGPASSWORD, dbPassword); the short ones
# (pass, pwd) must start a component (MYSQL_PWD, --pass, userPass, Pwd=) so bypass/compass do not count.
_PASSWORD_KEY = r"(?:(?i:passphrase|password|passwd)|(?:\b|_|[0-9])(?i:pass|pwd)|[a-z0-9](?:Pass|PASS|Pwd|PWD))"
# Secret-like key names; the name must end with one of these (api_token, clientSecret, AWS_SESSION_TOKEN).
_SECRET_KEY = (
    r"(?i:token|secret|credentials?|auth|api[_.\-]?key"
    r"|(?:access|secret|private|client|encryption|signing|master|app|auth|account|service|subscription"
    r"|consumer|storage|shared|admin|deploy|license|webhook|session)[_.\-]?key"
    r"|secret[_.\-]?key[_.\-]?base|(?:client|private)[_.\-]?key[_.\-]?data|pepper)"
)
_NAME_CHARS = r"[A-Za-z0-9_.\-]*"
_KEY_CLOSE = r"""(?:\\?["'`])?\]?"""  # the key's own closing quote ("password": ...), or ENV['TOKEN'] = ...
_TYPE = r"[A-Za-z_][A-Za-z0-9_.\[\]]*(?:[ \t]*\|[ \t]*[A-Za-z_][A-Za-z0-9_.\[\]]*)*"
_SEP = rf"[ \t]*(?:={{1,3}}|!==?|:=|=>|\?=|\+=|:(?:[ \t]*{_TYPE}[ \t]+=)?)[ \t]*"
_DQ = r'"(?P<{0}>(?:[^"\\\r\n]|\\.?)*)(?:"|\r?$)'
_SQ = r"'(?P<{0}>(?:[^'\\\r\n]|\\.?)*)(?:'|\r?$)"


def _assignment_pattern(key: str) -> str:
    """``key`` assigned a value, in the forms of code, config, .env, JSON, YAML, XML and command lines.

    Alternatives, tried leftmost first: a YAML/INI line whose unquoted value runs to the end of the line
    (``passphrase: correct horse battery``), a ``--key value`` option, an XML element, a ``name:``/``value:``
    pair (Kubernetes, compose, ECS), and the general
    ``key <sep> value`` form with double/single/back-quoted, ``{braced}``, ``;``-terminated (connection
    strings) or bare values.
    """
    line = (
        rf"^[ \t]*(?:export[ \t]+|-[ \t]+)?{_NAME_CHARS}{key}"
        rf"(?:[ \t]*:(?:[ \t]*{_TYPE}[ \t]+=)?|[ \t]+=|[ \t]*=[ \t])[ \t]*"
        r"(?P<line>[^\s'\"`#|>&*!{\[](?:[^\r\n'\"`]*?[^\s'\"`,;])?)"
        r"(?:[ \t]+#[^\r\n]*)?[ \t]*[,;]?[ \t]*\r?$"
    )
    cli = (
        rf"--[A-Za-z0-9_\-]*{key}(?:[ \t]*=[ \t]*|[ \t]+)"
        rf"(?:{_DQ.format('cdq')}|{_SQ.format('csq')}|(?P<cbare>[^\s'\"`;&|<>]+))"
    )
    xml = rf"<[A-Za-z0-9_.:\-]*{key}>(?P<xml>[^<\r\n]+)</"
    # Kubernetes/compose env lists and ECS task definitions: name: DB_PASSWORD / value: ...
    name_value = (
        rf"name[\"']?[ \t]*:[ \t]*[\"']?{_NAME_CHARS}{key}[\"']?[ \t]*(?:,[ \t]*|\r?\n[ \t]*(?:-[ \t]+)?)"
        r"[\"']?value[\"']?[ \t]*:[ \t]*"
        rf"(?:{_DQ.format('ndq')}|{_SQ.format('nsq')}|(?P<nbare>[^\s'\"`,#{{\[][^\s,}}#]*))"
    )
    token = (
        rf"(?P<kw>{key}){_KEY_CLOSE}{_SEP}"
        r"(?:\\\"(?P<edq>[^\"\\\r\n]*)\\\""
        rf"|{_DQ.format('dq')}|{_SQ.format('sq')}"
        r"|`(?P<bq>[^`\r\n]*)(?:`|\r?$)"
        r"|\{(?P<brace>[^{}\r\n]*)\}"
        # Bounded: an unbounded run here would rescan the rest of the line after every match (quadratic).
        rf"|(?P<semi>[^\s;'\"`=,{{}}()\[\]<>&][^;\r\n'\"`=,{{}}()\[\]<>&]{{0,{MAX_SPACED_VALUE}}}?)[ \t]*;"
        r"|(?P<bare>[^\s'\"`,;&=(\[{][^\s'\"`,;&<]*))"
    )
    # Decoys: parameter documentation (``:param password: the password``, ``@param token``) is matched
    # first and yields nothing, so the description is not taken for a value.
    decoy = rf"(?:[:@](?:param|arg|argument|key|type|var|ivar|cvar)[ \t]+(?:[^\s:]+[ \t]+)?{_NAME_CHARS}{key}:?)"
    return f"(?m){decoy}|{line}|{cli}|{xml}|{name_value}|{token}"


_ASSIGNMENT_GROUPS = (
    "line",
    "cdq",
    "csq",
    "cbare",
    "xml",
    "ndq",
    "nsq",
    "nbare",
    "edq",
    "dq",
    "sq",
    "bq",
    "brace",
    "semi",
    "bare",
)
_B = r"(?:[^A-Za-z0-9_\-]|\z)"  # right boundary for fixed-length tokens (consumed; never part of a span)


@dataclass(frozen=True)
class _Capture:
    group: str  # a named group of the rule's pattern, or "" for the whole match
    entity_type: str
    score: float
    check: Check


@dataclass(frozen=True)
class _RuleSpec:
    name: str
    pattern: str
    captures: tuple[_Capture, ...]
    dot_nl: bool = False


def _one(name: str, pattern: str, entity: str, score: float, check: Check = _check_any) -> _RuleSpec:
    return _RuleSpec(name, pattern, (_Capture("v", entity, score, check),))


def _assignment_rule(name: str, key: str, entity: str, check: Check) -> _RuleSpec:
    captures = tuple(_Capture(g, entity, NAME_SCORE, check) for g in _ASSIGNMENT_GROUPS)
    return _RuleSpec(name, _assignment_pattern(key), captures)


_P = PROVIDER_SCORE

RULES: tuple[_RuleSpec, ...] = (
    # --- private keys -----------------------------------------------------------------------------
    _RuleSpec(
        "private_key",
        r"-{2,}BEGIN[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-{2,}.*?(?:-{2,}END[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-{2,}|\z)"
        r"|PuTTY-User-Key-File-[0-9]+:.*?(?:Private-MAC:[^\r\n]*|\z)",
        (_Capture("", PRIVATE_KEY, PRIVATE_KEY_SCORE, _check_any),),
        dot_nl=True,
    ),
    # --- cloud providers --------------------------------------------------------------------------
    _one("aws_access_key_id", r"\b(?P<v>(?:AKIA|ASIA)[0-9A-Z]{16})\b", API_KEY, _P),
    _one(
        "aws_secret_access_key",
        r"(?i:aws_?secret_?(?:access_?)?key|secret_?access_?key)"
        + _KEY_CLOSE
        + r"""[ \t]*(?:=>|:=|[:=])?[ \t]*\\?["'`]?(?P<v>[A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+=]|\z)""",
        API_KEY,
        _P,
        _check_aws_secret,
    ),
    _one("google_api_key", rf"\b(?P<v>AIza[0-9A-Za-z_\-]{{35}}){_B}", API_KEY, _P),
    _one("google_oauth_client_secret", rf"\b(?P<v>GOCSPX-[0-9A-Za-z_\-]{{28}}){_B}", API_KEY, _P),
    _one("google_oauth_access_token", r"\b(?P<v>ya29\.[0-9A-Za-z_\-]{20,})", API_KEY, _P, _check_mixed),
    _RuleSpec(
        "gcp_service_account_key",
        r'"private_key"[ \t]*:[ \t]*"(?P<v>(?:[^"\\\r\n]|\\.)+)"|"private_key_id"[ \t]*:[ \t]*"(?P<id>[0-9a-f]{40})"',
        (_Capture("v", API_KEY, _P, _check_any), _Capture("id", API_KEY, _P, _check_any)),
    ),
    _RuleSpec(
        "azure_storage_key",
        r"(?i:AccountKey|SharedAccessKey)[ \t]*=[ \t]*(?P<v>[A-Za-z0-9+/]{20,}={0,2})"
        r"|[?&]sig=(?P<sig>[A-Za-z0-9%+/=]{20,})",
        (_Capture("v", API_KEY, _P, _check_mixed), _Capture("sig", API_KEY, _P, _check_any)),
    ),
    # --- developer platforms ----------------------------------------------------------------------
    _one("stripe_key", r"\b(?P<v>(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{16,}|whsec_[0-9A-Za-z]{24,})", API_KEY, _P),
    _one(
        "github_token",
        r"\b(?P<v>(?:ghp|gho|ghu|ghs|ghr)_[0-9A-Za-z]{36,}|github_pat_[0-9A-Za-z_]{22,})",
        API_KEY,
        _P,
    ),
    _one(
        "gitlab_token",  # personal, runner, deploy, trigger, OAuth, feed, CI-job, agent, incoming-mail tokens
        r"\b(?P<v>gl(?:pat|rt|dt|ptt|soat|ffct|cbt|agent|oas|imt|ft)-[0-9A-Za-z_\-]{20,})",
        API_KEY,
        _P,
    ),
    _one(
        "slack_token",  # bot/user/app-level/refresh tokens
        r"\b(?P<v>xox[abposre]-[0-9A-Za-z\-]{10,}|xoxe\.xox[bp]-[0-9A-Za-z\-]{10,}|xapp-[0-9]-[0-9A-Za-z\-]{10,})",
        API_KEY,
        _P,
    ),
    _one(
        "slack_webhook",
        r"(?P<v>https://hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9_/\-]{8,})",
        API_KEY,
        _P,
    ),
    _one(
        "discord_bot_token",
        r"\b(?P<v>[MNO][A-Za-z0-9_\-]{23,27}\.[A-Za-z0-9_\-]{6}\.[A-Za-z0-9_\-]{27,40})",
        API_KEY,
        _P,
        _check_mixed,
    ),
    _one(
        "discord_webhook",
        r"(?P<v>https://(?:ptb\.|canary\.)?discord(?:app)?\.com/api/webhooks/[0-9]+/[A-Za-z0-9_\-]+)",
        API_KEY,
        _P,
    ),
    _one("telegram_bot_token", rf"\b(?P<v>[0-9]{{8,10}}:AA[0-9A-Za-z_\-]{{33}}){_B}", API_KEY, _P),
    _one("openai_key", r"\b(?P<v>sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_\-]{20,})", API_KEY, _P, _check_openai),
    _one("anthropic_key", r"\b(?P<v>sk-ant-[A-Za-z0-9_\-]{20,})", API_KEY, _P),
    _one("npm_token", r"\b(?P<v>npm_[A-Za-z0-9]{36})(?:[^A-Za-z0-9]|\z)", API_KEY, _P),
    _one("pypi_token", r"\b(?P<v>pypi-Ag[A-Za-z0-9_\-]{50,})", API_KEY, _P),
    _one("sendgrid_key", rf"\b(?P<v>SG\.[A-Za-z0-9_\-]{{22}}\.[A-Za-z0-9_\-]{{43}}){_B}", API_KEY, _P),
    _one(
        "twilio_key",
        r"""(?:=>|[=:,(])[ \t]*\\?["'`]?(?P<v>(?:SK|AC)[0-9a-fA-F]{32})\b""",
        API_KEY,
        _P,
    ),
    _one("mailgun_key", r"\b(?P<v>key-[0-9a-zA-Z]{32})(?:[^0-9A-Za-z]|\z)", API_KEY, _P, _check_mixed),
    _one("shopify_token", r"\b(?P<v>shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32})(?:[^0-9A-Za-z]|\z)", API_KEY, _P),
    _one("huggingface_token", r"\b(?P<v>hf_[A-Za-z0-9]{34,})", API_KEY, _P, _check_mixed),
    _RuleSpec(
        "saas_token",  # prefixed token formats of other SaaS providers, one scan for all of them
        r"\b(?:(?P<dynatrace>dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64})"
        r"|(?P<linear>lin_(?:api|oauth)_[A-Za-z0-9]{40})"
        r"|(?P<postman>PMAK-[a-f0-9]{24}-[a-f0-9]{34})"
        r"|(?P<grafana>glc_[A-Za-z0-9+/]{32,400}={0,2}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})"
        r"|(?P<atlassian>ATATT3[A-Za-z0-9_\-=]{50,})"
        r"|(?P<square>sq0(?:atp|csp)-[0-9A-Za-z_\-]{22,43})"
        r"|(?P<age>AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})"
        r"|(?P<alibaba>LTAI[A-Za-z0-9]{12,20})"
        r"|(?P<facebook>EAA[CG][A-Za-z0-9]{100,})"
        r"|(?P<brevo>x(?:keysib|smtpsib)-[a-f0-9]{64}-[A-Za-z0-9]{16})"
        r"|(?P<vault>hv[sbr]\.[A-Za-z0-9_\-]{24,}))"
        rf"{_B}",
        (
            _Capture("dynatrace", API_KEY, _P, _check_any),
            _Capture("linear", API_KEY, _P, _check_mixed),
            _Capture("postman", API_KEY, _P, _check_any),
            _Capture("grafana", API_KEY, _P, _check_mixed),
            _Capture("atlassian", API_KEY, _P, _check_mixed),
            _Capture("square", API_KEY, _P, _check_any),
            _Capture("age", API_KEY, _P, _check_any),
            _Capture("alibaba", API_KEY, _P, _check_mixed),
            _Capture("facebook", API_KEY, _P, _check_mixed),
            _Capture("brevo", API_KEY, _P, _check_any),
            _Capture("vault", API_KEY, _P, _check_mixed),
        ),
    ),
    _one("jwt", r"\b(?P<v>eyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]*)", API_KEY, _P),
    # --- HTTP authorization -----------------------------------------------------------------------
    _RuleSpec(
        "authorization_header",
        r"""(?i:\b(?:proxy-)?authorization\\?["'`]?\]?[ \t]*[:=][ \t]*\\?["'`]?[ \t]*)"""
        r"(?:(?i:bearer)[ \t]+(?P<bearer>[A-Za-z0-9\-._~+/]+=*)"
        r"|(?i:token)[ \t]+(?P<token>[A-Za-z0-9\-._~+/]+=*)"
        r"|(?i:basic)[ \t]+(?P<basic>[A-Za-z0-9+/]+=*))"
        r"|\b(?i:bearer)[ \t]+(?P<loose>[A-Za-z0-9\-._~+/]{16,}=*)",
        (
            _Capture("bearer", API_KEY, BEARER_SCORE, _check_header_token),
            _Capture("token", API_KEY, BEARER_SCORE, _check_header_token),
            _Capture("basic", PASSWORD, BEARER_SCORE, _check_header_token),
            _Capture("loose", API_KEY, BEARER_SCORE, _check_header_token),
        ),
    ),
    # --- credentials in URLs, command lines, connection strings, SQL -----------------------------
    _RuleSpec(
        "url_credentials",
        r"""\b[A-Za-z][A-Za-z0-9+.\-]{0,30}://(?P<user>[^\s:/?#@'"`<>\\]*):(?P<pw>[^\s/?#'"`<>\\]+)@[^\s/?#@:'"`<>\\]""",
        (
            _Capture("user", USERNAME, URL_USERNAME_SCORE, _check_user),
            _Capture("pw", PASSWORD, URL_PASSWORD_SCORE, _check_url_password),
        ),
    ),
    _RuleSpec(
        "cli_user_password",
        r"""(?:^|[ \t])(?:-u|--user)[ \t=]*["']?(?P<user>[^\s:"'@]+):(?P<pw>[^\s"']+)""",
        (
            _Capture("user", USERNAME, URL_USERNAME_SCORE, _check_user),
            _Capture("pw", PASSWORD, URL_PASSWORD_SCORE, _check_url_password),
        ),
    ),
    _RuleSpec(
        "connection_string_user",
        r"""(?m)(?i:(?:^|[;"'])[ \t]*(?:user[ \t]?id|uid|user[ \t]?name|user)[ \t]*=[ \t]*)"""
        r"""(?P<user>[^\s;"'=,(){}\[\]][^;"'\r\n=,(){}\[\]]*?)[ \t]*(?:;|["']|\r?$)"""
        r"""|[?&](?i:user(?:name)?)=(?P<quser>[^&#\s'"<>;`{}]+)""",
        (
            _Capture("user", USERNAME, URL_USERNAME_SCORE, _check_user),
            _Capture("quser", USERNAME, URL_USERNAME_SCORE, _check_user),
        ),
    ),
    _RuleSpec(
        "cli_password",  # short options (--password X is an assignment form): sshpass -p, mysql -pX, redis-cli -a
        r"""\bsshpass[ \t]+-p[ \t]*(?P<sshpass>'[^'\r\n]+'|"[^"\r\n]+"|[^\s'"]+)"""
        r"""|\b(?:mysql|mysqldump|mysqladmin|mariadb|mariadb-dump)\b[^\r\n|;&]*?[ \t]-p"""
        r"""(?P<mysql>'[^'\r\n]+'|"[^"\r\n]+"|[^\s'"]+)"""
        r"""|\bredis-cli\b[^\r\n|;&]*?[ \t]-a[ \t]+(?P<redis>'[^'\r\n]+'|"[^"\r\n]+"|[^\s'"]+)""",
        tuple(
            _Capture(group, PASSWORD, URL_PASSWORD_SCORE, _check_quoted_password)
            for group in ("sshpass", "mysql", "redis")
        ),
    ),
    _one(
        "session_cookie",  # Cookie / Set-Cookie: the first session or auth cookie's value is a bearer credential
        r"(?i:\b(?:set-)?cookie[ \t]*:[^\r\n]*?(?:^|[ \t;])[A-Za-z0-9_.\-]*"
        r"(?:sess(?:ion)?(?:[_.\-]?id)?|sid|auth|jwt|remember[_\-]?me)[A-Za-z0-9_.\-]*[ \t]*=[ \t]*)"
        r"(?P<v>[^;\s\\\"']{8,})",
        API_KEY,
        NAME_SCORE,
        _check_cookie,
    ),
    _RuleSpec(
        "netrc",  # machine HOST login USER password SECRET (.netrc, _netrc)
        r"\bmachine[ \t]+[^\s]+[ \t\r\n]+login[ \t]+(?P<user>[^\s]+)[ \t\r\n]+password[ \t]+(?P<pw>[^\s]+)",
        (
            _Capture("user", USERNAME, URL_USERNAME_SCORE, _check_user),
            _Capture("pw", PASSWORD, URL_PASSWORD_SCORE, _check_url_password),
        ),
    ),
    _one(
        "password_hash",  # crypt(3)/htpasswd/shadow hashes: crackable offline, as good as the password
        r"(?P<v>\$(?:1|apr1)\$[./A-Za-z0-9]{1,8}\$[./A-Za-z0-9]{22}"
        r"|\$[56]\$(?:rounds=[0-9]+\$)?[./A-Za-z0-9]{1,16}\$[./A-Za-z0-9]{43,86}"
        r"|\$2[abxy]?\$[0-9]{2}\$[./A-Za-z0-9]{53}"
        r"|\$(?:y|gy|7)\$[./A-Za-z0-9]+\$[./A-Za-z0-9]+\$[./A-Za-z0-9]{43}"
        r"|\$argon2(?:id|i|d)\$v=[0-9]+\$m=[0-9]+,t=[0-9]+,p=[0-9]+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]{16,})",
        PASSWORD,
        NAME_SCORE,
    ),
    _RuleSpec(
        "sql_password",
        r"""(?i:\b(?:identified[ \t]+by(?:[ \t]+password)?|password)[ \t]+)"""
        r"""(?:'(?P<sq>(?:[^'\\\r\n]|\\.|'')*)'|"(?P<dq>(?:[^"\\\r\n]|\\.)*)")""",
        (_Capture("sq", PASSWORD, NAME_SCORE, _check_password), _Capture("dq", PASSWORD, NAME_SCORE, _check_password)),
    ),
    # --- name-based ---------------------------------------------------------------------------------
    _assignment_rule("password_assignment", _PASSWORD_KEY, PASSWORD, _check_password),
    _assignment_rule("secret_assignment", _SECRET_KEY, API_KEY, _check_secret),
    _one(
        "password_in_prose",
        r"(?i:\b(?:password|passwd|passcode|passphrase|pwd|pw)(?:[ \t]+(?:for|to|of|on|at)(?:[ \t]+[^\s]+){1,3}?)?"
        r"[ \t]+(?:is now|is|was|has been changed to|changed to|set to)[ \t]*:?[ \t]+)"
        "[\"'“]?(?P<v>[^\\s\"'“”]+)",
        PASSWORD,
        PROSE_PASSWORD_SCORE,
        _check_prose_password,
    ),
)


@dataclass(frozen=True)
class _CompiledCapture:
    index: int  # group index in the compiled regex (0: whole match)
    spec: _Capture


class _ByteToChar:
    """Maps UTF-8 byte offsets of the scanned text to ``str`` offsets, in one pass over sorted offsets."""

    def __init__(self, data: bytes, ascii_only: bool) -> None:
        self._data = data
        self._ascii = ascii_only

    def convert(self, offsets: set[int]) -> dict[int, int]:
        if self._ascii:
            return {o: o for o in offsets}
        result: dict[int, int] = {}
        last_byte = last_char = 0
        for offset in sorted(offsets):
            last_char += len(self._data[last_byte:offset].decode("utf-8"))
            last_byte = offset
            result[offset] = last_char
        return result


_SURROGATE_TO_REPLACEMENT = {code: "\ufffd" for code in range(0xD800, 0xE000)}


def _encode(text: str) -> tuple[bytes, bool]:
    """UTF-8 bytes to scan, and whether byte offsets equal char offsets.

    Lone surrogates (from ``surrogateescape`` decoding) cannot be UTF-8 encoded; each is replaced by
    U+FFFD, one character for one, so character offsets are unchanged.
    """
    if text.isascii():
        return text.encode("ascii"), True
    try:
        return text.encode("utf-8"), False
    except UnicodeEncodeError:
        return text.translate(_SURROGATE_TO_REPLACEMENT).encode("utf-8"), False


class CredentialDetector(Detector):
    """Finds API keys, passwords, private keys and usernames in credentials.

    Guarantees: rules are RE2-compiled once in ``__init__`` (linear-time scanning, no backtracking);
    each finding's ``text[start:end]`` is exactly the secret value; findings per text are de-duplicated
    on ``(entity_type, start, end)`` and sorted by ``(start, end, entity_type, detector)``; ``detector``
    is ``"credentials.<rule>"``. ``detect`` returns one list per input text, in order, or raises.
    """

    name = "credentials"
    entity_types = frozenset({"API_KEY", "PASSWORD", "PRIVATE_KEY", "USERNAME"})

    def __init__(self) -> None:
        self._rules: list[tuple[str, Any, tuple[_CompiledCapture, ...], int | None]] = []
        for spec in RULES:
            compiled = re2.compile(spec.pattern, _options(dot_nl=spec.dot_nl))
            index = compiled.groupindex
            captures = tuple(_CompiledCapture(index[c.group] if c.group else 0, c) for c in spec.captures)
            kw_index = index.get("kw")
            self._rules.append((spec.name, compiled, captures, kw_index))

    @property
    def rule_names(self) -> list[str]:
        """The rule names, as they appear after ``credentials.`` in ``Finding.detector``."""
        return [name for name, _, _, _ in self._rules]

    def detect(self, texts: Sequence[str]) -> list[list[Finding]]:
        """One list of findings per text, in input order; raises rather than skip a text."""
        return [self._detect_one(text) for text in texts]

    def _detect_one(self, text: str) -> list[Finding]:
        if not text:
            return []
        data, ascii_only = _encode(text)
        raw: list[tuple[str, int, int, float, str]] = []  # entity, byte start, byte end, score, detector
        for rule_name, compiled, captures, kw_index in self._rules:
            detector = f"{self.name}.{rule_name}"
            for match in compiled.finditer(data):
                keyword = ""
                if kw_index is not None and match.span(kw_index)[0] >= 0:
                    start, end = match.span(kw_index)
                    keyword = data[start:end].decode("utf-8")
                for capture in captures:
                    start, end = match.span(capture.index)
                    if start < 0 or end <= start:
                        continue
                    value = data[start:end].decode("utf-8")
                    trim = capture.spec.check(value, capture.spec.group, keyword)
                    if trim is None:
                        continue
                    if trim != (0, 0):  # character counts to byte counts
                        head, tail = value[: trim[0]], value[len(value) - trim[1] :]
                        start, end = start + len(head.encode("utf-8")), end - len(tail.encode("utf-8"))
                    if end > start:
                        raw.append((capture.spec.entity_type, start, end, capture.spec.score, detector))
        if not raw:
            return []
        to_char = _ByteToChar(data, ascii_only).convert({o for r in raw for o in (r[1], r[2])})
        best: dict[tuple[str, int, int], tuple[float, str]] = {}
        for entity, start, end, score, detector in raw:
            key = (entity, to_char[start], to_char[end])
            current = best.get(key)
            if current is None or score > current[0] or (score == current[0] and detector < current[1]):
                best[key] = (score, detector)
        findings = [Finding(e, s, t, score, det) for (e, s, t), (score, det) in best.items()]
        findings.sort(key=lambda f: (f.start, f.end, f.entity_type, f.detector))
        return findings


@register_detector("credentials")
def build_credential_detector(config: ScrublineConfig) -> Detector:
    """Build the credential detector; it takes nothing from the config yet."""
    del config
    return CredentialDetector()
