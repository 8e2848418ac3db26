"""Realistic surrogates: a fake value of the same kind and shape, drawn from a keyed hash of the original.

``surrogate(entity_type, value, key)`` is pure and deterministic: the same key, type and value give the
same surrogate in every record, run and worker; another key gives other surrogates. Every draw comes
from HMAC-SHA256 under the pseudonymization key over a domain-separated label, never from ``random``.

Guarantees:

* The surrogate never equals the original, compared case-insensitively (each pick that would reproduce
  its original part takes the next candidate; a value that cannot be changed becomes the ``<TYPE>`` tag).
* Structured surrogates are recognisably fictional: e-mail and URL hosts are ``example.com``,
  ``example.org`` or ``example.net`` (RFC 2606); IPs are in the documentation ranges 192.0.2.0/24,
  198.51.100.0/24, 203.0.113.0/24 (RFC 5737) and 2001:db8::/32 (RFC 3849); North American phones are
  555-01XX and UK phones are in Ofcom's drama ranges (07700 900XXX, 020 7946 0XXX, ...); US SSNs have
  area 9XX with group 01-49 (never issued as an SSN or ITIN); UK NINOs start with QQ; IBANs fail
  their mod-97 check.
* Shape is kept: names keep their token count, order and letter case (for example "ada" -> "nora",
  "LOVELACE, Ada" -> "OKAFOR, Nora") and a census first name keeps its usual gender; e-mails keep
  their local-part style (first.last, digits); phones keep every separator, their digit grouping,
  country prefix and extension; cards keep their grouping and first digit and pass the Luhn check;
  anything else keeps its character classes (digits to digits, letters to letters of the same case,
  punctuation kept).
* The same name part maps to the same surrogate wherever it appears: "Dana Kowalski", "dana" and
  "dana.kowalski@acme.com" become, say, "Maria Tanaka", "maria" and "maria.tanaka@example.com".
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import re
import unicodedata
from collections.abc import Callable
from functools import cache
from pathlib import Path

from transforms.operators.surrogate_names import (
    FEMALE_FIRST_NAMES,
    FIRST_NAMES,
    LAST_NAMES,
    MALE_FIRST_NAMES,
    PLACE_WORDS,
)

__all__ = ["RESERVED_EMAIL_DOMAINS", "in_reserved_range", "surrogate"]

_LABEL = b"scrubline-surrogate-v1"
_ATTEMPTS = 16
RESERVED_EMAIL_DOMAINS = ("example.com", "example.org", "example.net")

_LOWER = "abcdefghijklmnopqrstuvwxyz"
_UPPER = _LOWER.upper()
_DIGITS = "0123456789"


class _Draws:
    """A deterministic stream of integers: HMAC-SHA256(key, label || counter), 4 bytes per draw."""

    def __init__(self, key: bytes, *parts: str | int) -> None:
        label = bytearray(_LABEL)
        for part in parts:
            data = str(part).encode("utf-8", "surrogatepass")
            label += len(data).to_bytes(4, "big") + data
        self._key = key
        self._label = bytes(label)
        self._counter = 0
        self._buf = b""

    def below(self, n: int) -> int:
        """An integer in ``range(n)`` (bias below n / 2**32, irrelevant here)."""
        if len(self._buf) < 4:
            block = self._label + self._counter.to_bytes(8, "big")
            self._buf += hmac.new(self._key, block, hashlib.sha256).digest()
            self._counter += 1
        value, self._buf = int.from_bytes(self._buf[:4], "big"), self._buf[4:]
        return value % n

    def choice(self, options: str | tuple[str, ...]) -> str:
        return options[self.below(len(options))]

    def digits(self, n: int) -> str:
        return "".join(_DIGITS[self.below(10)] for _ in range(n))


def _same(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()


def _pick(pool: tuple[str, ...], draws: _Draws, avoid: str) -> str:
    """A pool entry; if it equals ``avoid`` (case-insensitively), the next one."""
    i = draws.below(len(pool))
    while _same(pool[i], avoid):
        i = (i + 1) % len(pool)
    return pool[i]


def _case_like(template: str, word: str) -> str:
    """``word`` in the letter case of ``template``: UPPER, lower or Title."""
    if len(template) > 1 and template.isupper():
        return word.upper()
    if template.islower():
        return word.lower()
    if template[:1].isupper():
        return word[:1].upper() + word[1:].lower()
    return word


def _digit_value(c: str) -> str | None:
    """The ASCII digit a decimal character stands for ('٣' -> '3'), or None."""
    d = unicodedata.decimal(c, None)
    return None if d is None else _DIGITS[d]


def _pour(value: str, new_digits: str) -> str:
    """Replace the decimal digits of ``value``, in order, by ``new_digits``; keep every other character."""
    out = []
    it = iter(new_digits)
    for c in value:
        out.append(next(it) if _digit_value(c) is not None else c)
    return "".join(out)


def _only_digits(value: str) -> str:
    return "".join(d for d in map(_digit_value, value) if d is not None)


# --- character shape ---------------------------------------------------------------------------------

_HEX = re.compile(r"[0-9a-f]{8,}|[0-9A-F]{8,}")


def _shape(value: str, key: bytes, attempt: int, tag: str = "shape") -> str:
    """Same-shape substitution: digits to digits, letters to ASCII letters of the same case, the rest kept.

    Hex strings stay hex. Deterministic in the exact value (identifiers are case-sensitive).
    """
    draws = _Draws(key, tag, value, attempt)
    hex_only = _HEX.fullmatch(value) is not None
    out = []
    for c in value:
        if _digit_value(c) is not None:
            out.append(draws.choice(_DIGITS))
        elif c.isalpha():
            alphabet = "abcdef" if hex_only else _LOWER
            letter = draws.choice(alphabet)
            out.append(letter.upper() if c.isupper() else letter)
        else:
            out.append(c)
    new = "".join(out)
    if _same(new, value):  # the next candidate: step the first letter or digit
        for i, c in enumerate(new):
            if c in _DIGITS or (c.isascii() and c.isalpha()):
                alphabet = _DIGITS if c in _DIGITS else "abcdef" if hex_only else _LOWER
                stepped = alphabet[(alphabet.index(c.lower()) + 1) % len(alphabet)]
                return new[:i] + (stepped.upper() if c.isupper() else stepped) + new[i + 1 :]
    return new


# --- names ------------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]{2,})*")
_TITLES = frozenset("mr mrs ms miss mx dr prof sir dame rev jr sr herr frau mme mlle sra dott ing".split())
_PARTICLES = frozenset("van von de da del della der den di du le la bin binti al el ben dos das ter y".split())


@cache
def _census_gender() -> dict[str, str]:
    """Casefolded first name -> "female" or "male": the US Census 1990 list that gives it the higher frequency."""
    import names  # the census files' carrier; a project dependency (the name detector reads them too)

    freq: dict[str, dict[str, float]] = {}
    for gender in ("female", "male"):
        for line in (Path(names.__file__).parent / f"dist.{gender}.first").read_text().splitlines():
            parts = line.split()
            if len(parts) >= 2:
                freq.setdefault(parts[0].casefold(), {})[gender] = float(parts[1])
    return {
        name: "female" if by.get("female", 0.0) > by.get("male", 0.0) else "male"
        for name, by in freq.items()
        if by.get("female", 0.0) != by.get("male", 0.0)
    }


def _name_word(key: bytes, role: str, word: str) -> str:
    """A first or last name for one name word, keyed on the word alone so it maps the same everywhere.

    A first name known to the census keeps its usual gender; others draw from both lists.
    """
    if len(word) == 1:
        letters = _UPPER if word.isupper() else _LOWER
        return _pick(tuple(letters), _Draws(key, "initial", word.casefold()), word)
    if role == "first":
        gender = _census_gender().get(word.casefold())
        pool = FEMALE_FIRST_NAMES if gender == "female" else MALE_FIRST_NAMES if gender == "male" else FIRST_NAMES
    else:
        pool = LAST_NAMES
    return _case_like(word, _pick(pool, _Draws(key, "name", role, word.casefold()), word))


def _person(value: str, key: bytes, attempt: int) -> str | None:
    words = list(_WORD.finditer(value))
    # Titles stay; so does a possessive "s" ("Ada's" -> "Nora's").
    name_words = [
        m
        for m in words
        if m.group().casefold() not in _TITLES
        and not (m.group() in ("s", "S") and value[m.start() - 1 : m.start()] in ("'", "’"))
    ]
    name_words = [
        m for m in name_words if not (m.group().islower() and m.group() in _PARTICLES and len(name_words) > 1)
    ]
    if not name_words:
        return None
    # Words joined by a hyphen form one name token ("Smith-Jones") with one role.
    tokens: list[list[re.Match[str]]] = []
    for m in name_words:
        if tokens and value[tokens[-1][-1].end() : m.start()] in {"-", "‐"}:
            tokens[-1].append(m)
        else:
            tokens.append([m])
    comma = value.find(",")
    roles: list[str]
    if 0 < comma and tokens[0][-1].end() <= comma < tokens[-1][0].start():
        # "Lovelace, Ada": family name first.
        roles = ["last" if t[0].end() <= comma else "first" for t in tokens]
    elif len(tokens) == 1:
        roles = ["first"]
    else:
        roles = ["first"] * (len(tokens) - 1) + ["last"]
    replace = {m.start(): (m, role) for t, role in zip(tokens, roles, strict=True) for m in t}
    out = []
    cursor = 0
    for start, (m, role) in sorted(replace.items()):
        out.append(value[cursor:start])
        out.append(_name_word(key, role, m.group()))
        cursor = m.end()
    out.append(value[cursor:])
    return "".join(out)


# --- handles: e-mail local parts and usernames --------------------------------------------------------

_HANDLE_RUN = re.compile(r"[^\W\d_]+|\d+")
_ROLE_MAILBOXES = frozenset(
    "info support admin noreply no-reply sales contact hello help billing office team hr jobs careers press "
    "webmaster postmaster abuse security privacy marketing accounts".split()
)


def _handle(value: str, key: bytes, attempt: int) -> str:
    """A username-like string: letter runs become names (first, ..., last), short runs initials, digits digits."""
    runs = list(_HANDLE_RUN.finditer(value))
    alpha = [m for m in runs if not m.group().isdecimal()]
    digit_draws = _Draws(key, "handle-digits", value.casefold(), attempt)
    out = []
    cursor = 0
    for m in runs:
        out.append(value[cursor : m.start()])
        run = m.group()
        if run.isdecimal():
            new = digit_draws.digits(len(run))
            if new == run:
                new = new[:-1] + _DIGITS[(int(new[-1]) + 1) % 10]
            out.append(new)
        elif len(run) <= 2:
            out.append("".join(_name_word(key, "first", c) for c in run))
        else:
            role = "last" if len(alpha) > 1 and m is alpha[-1] else "first"
            out.append(_name_word(key, role, run))
        cursor = m.end()
    out.append(value[cursor:])
    return "".join(out)


def _username(value: str, key: bytes, attempt: int) -> str | None:
    if not _HANDLE_RUN.search(value):
        return None
    return _handle(value, key, attempt)


_EMAIL = re.compile(r"(?P<local>[^@\s]+)@(?P<domain>[^@\s]+\.[^@\s.]+)")


def _example_domain(original_host: str, attempt: int) -> str:
    """example.com, .org or .net: the one matching the original TLD first, the others on later attempts."""
    tld = original_host.rsplit(".", 1)[-1].lower()
    first = {"org": 1, "net": 2}.get(tld, 0)
    domain = RESERVED_EMAIL_DOMAINS[(first + attempt) % 3]
    return domain.upper() if original_host.isupper() else domain


def _email(value: str, key: bytes, attempt: int) -> str | None:
    m = _EMAIL.fullmatch(value)
    if m is None:
        return None
    local = m.group("local")
    new_local = local if local.casefold() in _ROLE_MAILBOXES else _handle(local, key, attempt)
    return f"{new_local}@{_example_domain(m.group('domain'), attempt)}"


# --- phones -----------------------------------------------------------------------------------------

# ITU-T E.164 country codes of one and two digits; every other code has three.
_CC_1 = frozenset("17")
_CC_2 = frozenset(
    "20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 "
    "81 82 84 86 90 91 92 93 94 95 98".split()
)
_EXTENSION = re.compile(r"(?i)(?:ext\.?|extension|x|#)\s*\d{1,6}\s*$")
_UK_GEOGRAPHIC = ("113", "114", "115", "116", "117", "118", "121", "131", "141", "151", "161")


def _country_code(digits: str) -> str:
    if digits[:1] in _CC_1:
        return digits[:1]
    if digits[:2] in _CC_2:
        return digits[:2]
    return digits[:3]


def _phone_national(nsn: str, cc: str, trunk: str, draws: _Draws) -> str:
    """New national significant digits, in a reserved fictional range where the format has one."""
    n = len(nsn)
    nanp = cc == "1" or (cc == "" and trunk in ("", "1") and (n == 7 or (n == 10 and nsn[0] in "23456789")))
    if nanp and n == 10:
        area = draws.choice("23456789") + draws.choice("012345678") + draws.choice(_DIGITS)
        if area[1:] == "11":  # N11 codes are service numbers, not area codes
            area = area[:2] + "2"
        return area + "55501" + draws.digits(2)
    if nanp and n == 7:
        return "55501" + draws.digits(2)
    uk = cc == "44" or (cc == "" and trunk == "0" and nsn[:1] in ("1", "2", "7"))
    if uk and n == 10:
        if nsn.startswith("7"):
            return "7700900" + draws.digits(3)
        if nsn.startswith("20"):
            return "2079460" + draws.digits(3)
        if nsn.startswith("1"):
            return draws.choice(_UK_GEOGRAPHIC) + "4960" + draws.digits(3)
        return "1632960" + draws.digits(3)
    return draws.choice("123456789") + draws.digits(n - 1)


def _phone(value: str, key: bytes, attempt: int) -> str | None:
    ext = _EXTENSION.search(value)
    main = value[: ext.start()] if ext else value
    digits = _only_digits(main)
    if not 5 <= len(digits) <= 15:
        return None
    kept = ""
    if main.lstrip(" \t([").startswith("+"):
        kept = _country_code(digits)
        cc = kept
    elif digits.startswith("00") and len(digits) > 10:
        cc = _country_code(digits[2:])
        kept = "00" + cc
    else:
        cc = ""
    rest = digits[len(kept) :]
    trunk = ""
    if rest.startswith("0") and cc != "1":
        trunk = "0"
    elif cc == "" and len(rest) == 11 and rest.startswith("1"):
        trunk = "1"
    nsn = rest[len(trunk) :]
    if not nsn:
        return None
    draws = _Draws(key, "phone", nsn, attempt)
    new = kept + trunk + _phone_national(nsn, cc, trunk, draws)
    if ext:
        ext_digits = _only_digits(value[ext.start() :])
        new += _Draws(key, "phone-ext", nsn, ext_digits, attempt).digits(len(ext_digits))
    return _pour(value, new)


# --- network ----------------------------------------------------------------------------------------

_DOC_V4 = ("192.0.2.", "198.51.100.", "203.0.113.")
_DOC_V6 = ipaddress.ip_network("2001:db8::/32")


def _doc_ip(address: ipaddress.IPv4Address | ipaddress.IPv6Address, key: bytes, attempt: int, upper: bool) -> str:
    draws = _Draws(key, "ip", str(address), attempt)
    if address.version == 4:
        return draws.choice(_DOC_V4) + str(1 + draws.below(254))
    low = 0
    for _ in range(6):
        low = (low << 16) | draws.below(1 << 16)
    text = str(ipaddress.IPv6Address(int(_DOC_V6.network_address) | low))
    return text.upper() if upper else text


def _parse_ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def _ip(value: str, key: bytes, attempt: int) -> str | None:
    core, slash, prefix = value.partition("/")
    address = _parse_ip(core)
    if address is None or (slash and not prefix.isdecimal()):
        return None
    upper = any(c in "ABCDEF" for c in core)
    return _doc_ip(address, key, attempt, upper) + slash + prefix


_URL = re.compile(
    r"(?P<scheme>[A-Za-z][A-Za-z0-9+.\-]*://)?(?P<user>[^@/?#\s]*@)?"
    r"(?P<host>\[[0-9A-Fa-f:.]+\]|[^/:?#\s\[\]]+)(?P<port>:\d{1,5})?(?P<rest>[/?#].*)?",
    re.DOTALL,
)
_URL_PIECE = re.compile(r"%[0-9A-Fa-f]{2}|[^/?#&=;.%]+|[/?#&=;.%]")
_EXTENSION_LIKE = re.compile(r"[A-Za-z][A-Za-z0-9]{0,4}")


def _host(host: str, key: bytes, attempt: int) -> str:
    if host.startswith("[") and (address := _parse_ip(host[1:-1])) is not None:
        return "[" + _doc_ip(address, key, attempt, any(c in "ABCDEF" for c in host)) + "]"
    if (address := _parse_ip(host)) is not None:
        return _doc_ip(address, key, attempt, False)
    example = _example_domain(host, attempt)
    first, _, rest = host.partition(".")
    if first.casefold() == "www":
        return first + "." + example
    if "." in rest:  # keep distinct hosts distinct: intranet.acme.com -> xkqzvbra.example.com
        return _shape(first, key, attempt, "host") + "." + example
    return example


def _url_rest(rest: str, key: bytes, attempt: int) -> str:
    """Path, query and fragment: each piece shape-substituted on its own, file extensions kept."""
    pieces = _URL_PIECE.findall(rest)
    out = []
    for i, piece in enumerate(pieces):
        is_extension = i > 0 and pieces[i - 1] == "." and _EXTENSION_LIKE.fullmatch(piece) is not None
        is_extension = is_extension and (i + 1 == len(pieces) or pieces[i + 1] in "?#")
        delimiter = piece.startswith("%") or (len(piece) == 1 and not piece.isalnum())
        out.append(piece if delimiter or is_extension else _shape(piece, key, attempt))
    return "".join(out)


def _url(value: str, key: bytes, attempt: int) -> str | None:
    m = _URL.fullmatch(value)
    if m is None:
        return None
    scheme, user, port, rest = (m.group(g) or "" for g in ("scheme", "user", "port", "rest"))
    if not scheme and "." not in m.group("host") and not m.group("host").startswith("["):
        return None
    if user:
        user = _shape(user[:-1], key, attempt, "url-user") + "@"
    return scheme + user + _host(m.group("host"), key, attempt) + port + _url_rest(rest, key, attempt)


def _internal_host(value: str, key: bytes, attempt: int) -> str | None:
    if _parse_ip(value) is not None:
        return _ip(value, key, attempt)
    first, dot, _ = value.partition(".")
    if not dot:
        return None
    return _shape(first, key, attempt, "host") + "." + _example_domain(value, attempt)


# --- payment and government identifiers ---------------------------------------------------------------


def _luhn_check_digit(payload: str) -> str:
    total = 0
    for i, c in enumerate(reversed(payload)):
        d = int(c)
        if i % 2 == 0:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return str((10 - total % 10) % 10)


def _card(value: str, key: bytes, attempt: int) -> str | None:
    digits = _only_digits(value)
    if not 12 <= len(digits) <= 19:
        return None
    draws = _Draws(key, "card", digits, attempt)
    payload = digits[0] + draws.digits(len(digits) - 2)
    return _pour(value, payload + _luhn_check_digit(payload))


def _iban_valid(alnum: str) -> bool:
    moved = (alnum[4:] + alnum[:4]).upper()
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def _iban(value: str, key: bytes, attempt: int) -> str | None:
    m = re.match(r"\s*([A-Za-z]{2})", value)
    if m is None:
        return None
    new = value[: m.end()] + _shape(value[m.end() :], key, attempt, "iban")
    alnum = "".join(c for c in new if c.isascii() and c.isalnum())
    if len(alnum) >= 5 and _iban_valid(alnum):
        # A surrogate IBAN must not pass the checksum, so it can never be a real account.
        i = next((i for i, c in enumerate(new) if i >= m.end() and c in _DIGITS), None)
        if i is None:
            return None
        new = new[:i] + _DIGITS[(int(new[i]) + 1) % 10] + new[i + 1 :]
    return new


def _us_ssn(value: str, key: bytes, attempt: int) -> str | None:
    digits = _only_digits(value)
    if len(digits) != 9:
        return None
    draws = _Draws(key, "ssn", digits, attempt)
    group = f"{1 + draws.below(49):02d}"
    serial = f"{1 + draws.below(9999):04d}"
    return _pour(value, "9" + draws.digits(2) + group + serial)


_NINO = re.compile(r"[A-Za-z]{2}\d{6}[A-Za-z]?")


def _uk_nino(value: str, key: bytes, attempt: int) -> str | None:
    alnum = "".join(c for c in value if c.isascii() and c.isalnum())
    if _NINO.fullmatch(alnum) is None:
        return None
    draws = _Draws(key, "nino", alnum.upper(), attempt)
    new = "QQ" + draws.digits(6) + (draws.choice("ABCD") if len(alnum) == 9 else "")
    it = iter(new)
    return "".join((next(it).lower() if c.islower() else next(it)) if c.isascii() and c.isalnum() else c for c in value)


# --- dates ------------------------------------------------------------------------------------------

_MONTHS = "January February March April May June July August September October November December".split()
_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_DATE_TOKEN = re.compile(r"\d+|[^\W\d_]+")
_ORDINAL = re.compile(r"(?i)st|nd|rd|th")


def _ordinal_suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _date_number(run: str, draws: _Draws) -> str:
    value, width = int(run), len(run)
    if width == 4:
        low, high = 1940, 2004
    elif value > 31:
        low, high = 40, 99  # two-digit year
    elif value > 12:
        low, high = 13, 28  # a day: stays a valid day whatever the month
    elif width == 2 and not run.startswith("0"):
        low, high = 10, 12
    else:
        low, high = 1, 12 if width == 2 else 9  # could be the month: stays a valid month
    n = low + draws.below(high - low + 1)
    if n == value:
        n = low if n == high else n + 1
    return f"{n:0{width}d}"


def _calendar_word(word: str, draws: _Draws) -> str | None:
    folded = word.casefold()
    for names in (_MONTHS, _WEEKDAYS):
        for i, name in enumerate(names):
            if folded == name.casefold() or (len(folded) >= 3 and name.casefold().startswith(folded)):
                j = (i + 1 + draws.below(len(names) - 1)) % len(names)
                new = names[j] if folded == name.casefold() else names[j][: len(word)]
                return _case_like(word, new)
    return None


def _date(value: str, key: bytes, attempt: int) -> str | None:
    draws = _Draws(key, "date", value.casefold(), attempt)
    out = []
    cursor = 0
    changed = False
    tokens = list(_DATE_TOKEN.finditer(value))
    for i, m in enumerate(tokens):
        out.append(value[cursor : m.start()])
        run = m.group()
        new = run
        if run.isascii() and run.isdecimal():
            new = _date_number(run, draws)
        elif _ORDINAL.fullmatch(run) and i > 0 and tokens[i - 1].end() == m.start() and out[-2].isdecimal():
            new = _case_like(run, _ordinal_suffix(int(out[-2])))
        elif (word := _calendar_word(run, draws)) is not None:
            new = word
        changed = changed or new != run
        out.append(new)
        cursor = m.end()
    out.append(value[cursor:])
    return "".join(out) if changed else None


# --- places, addresses and organisations ----------------------------------------------------------------

_ADDRESS_WORDS = frozenset(
    """street st road rd avenue ave av lane ln drive dr boulevard blvd way court ct place pl square sq terrace
    close crescent cres highway hwy parkway pkwy circle cir row mews grove apt apartment suite ste unit floor fl
    flat building bldg po p o box rue de la le du des del della via calle carrera plaza str n s e w ne nw se sw
    north south east west and the of no nr upon on""".split()
)
_STREET_SUFFIX = re.compile(r"(?i)(.{2,}?)(straße|strasse|weg|gasse|platz|allee|vej|gade|laan|straat|gatan|vägen)")
_ORG_WORDS = frozenset(
    """inc incorporated ltd limited llc llp plc corp corporation co company gmbh ag kg sa sas sarl srl spa bv nv
    ab as oy kk pty pvt group holdings partners associates solutions systems technologies technology services
    consulting labs laboratories logistics foundation trust bank university college school institute hospital
    clinic agency council ministry department of the and for""".split()
)
_PLACE_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def _place_word(word: str, key: bytes, kind: str) -> str:
    if (m := _STREET_SUFFIX.fullmatch(word)) is not None:
        stem = _pick(PLACE_WORDS, _Draws(key, kind, m.group(1).casefold()), m.group(1))
        return _case_like(m.group(1), stem) + m.group(2)
    if len(word) == 1:
        return _name_word(key, "first", word)
    return _case_like(word, _pick(PLACE_WORDS, _Draws(key, kind, word.casefold()), word))


def _words(value: str, key: bytes, attempt: int, keep: frozenset[str], kind: str) -> str | None:
    """Each word replaced by a place word (or, for acronyms and codes, same-shape characters); keep-words kept."""
    out = []
    cursor = 0
    changed = False
    for m in _PLACE_TOKEN.finditer(value):
        out.append(value[cursor : m.start()])
        word = m.group()
        if word.casefold() in keep or (word.isalpha() and word.isupper() and len(word) in (2, 3) and kind == "place"):
            new = word  # street types, particles and region codes ("NW", "OR", "NSW") identify no one
        elif word.isalpha() and word.isupper() and 1 < len(word) <= 5:
            new = _shape(word, key, attempt, kind + "-acronym")
        elif word.isalpha():
            new = _place_word(word, key, kind)
        else:
            new = _shape(word, key, attempt, kind + "-code")
        changed = changed or not _same(new, word)
        out.append(new)
        cursor = m.end()
    out.append(value[cursor:])
    return "".join(out) if changed else None


def _address(value: str, key: bytes, attempt: int) -> str | None:
    return _words(value, key, attempt, _ADDRESS_WORDS, "place")


def _organization(value: str, key: bytes, attempt: int) -> str | None:
    return _words(value, key, attempt, _ORG_WORDS, "org")


# --- dispatch ---------------------------------------------------------------------------------------

_Generator = Callable[[str, bytes, int], "str | None"]


def _tag_only(value: str, key: bytes, attempt: int) -> str | None:
    return None


_GENERATORS: dict[str, _Generator] = {
    "PERSON": _person,
    "EMAIL_ADDRESS": _email,
    "PHONE_NUMBER": _phone,
    "STREET_ADDRESS": _address,
    "LOCATION": _address,
    "ORGANIZATION": _organization,
    "USERNAME": _username,
    "IP_ADDRESS": _ip,
    "URL": _url,
    "INTERNAL_URL": _url,
    "INTERNAL_HOST": _internal_host,
    "CREDIT_CARD": _card,
    "IBAN_CODE": _iban,
    "US_SSN": _us_ssn,
    "UK_NINO": _uk_nino,
    "DATE_OF_BIRTH": _date,
    # A fake PEM block is flagged by every secret scanner downstream and carries no useful shape.
    "PRIVATE_KEY": _tag_only,
}


def _guess(value: str) -> _Generator:
    """For entity types without a generator (custom patterns, proprietary terms): go by the value's form."""
    if _EMAIL.fullmatch(value):
        return _email
    if _parse_ip(value.partition("/")[0]) is not None:
        return _ip
    if re.match(r"[A-Za-z][A-Za-z0-9+.\-]*://", value):
        return _url
    return _shape


def surrogate(entity_type: str, value: str, key: bytes) -> str:
    """A realistic fake for ``value`` of the same kind and shape, deterministic in (key, value).

    Never equal to ``value`` (case-insensitively): a generator's pick that reproduces the original is
    redrawn, and a value no generator can change (only punctuation, say) becomes ``<ENTITY_TYPE>``.
    """
    generator = _GENERATORS.get(entity_type) or _guess(value)
    for attempt in range(_ATTEMPTS):
        out = generator(value, key, attempt)
        if out is None:
            if generator is _tag_only:
                break
            out = _shape(value, key, attempt)
        if not _same(out, value):
            return out
    return f"<{entity_type}>"


# --- recognising surrogates ----------------------------------------------------------------------------

_NANP_FICTIONAL = re.compile(r"55501\d\d$")
_UK_FICTIONAL = re.compile(r"(?:7700900|2079460|1632960|(?:11[3-8]|1[2-6]1)4960)\d{3}$")


def in_reserved_range(entity_type: str, value: str) -> bool:
    """True if ``value`` is in a range reserved for fiction or documentation (as structured surrogates are).

    E-mails and URLs under example.com/.org/.net, IPs in the documentation ranges, NANP 555-01XX and
    UK drama phone numbers. Real uploads do use these forms (sample data, tests, docs), so scrubline does
    not skip them when detecting; this is for checking surrogates.
    """
    if entity_type == "EMAIL_ADDRESS":
        domain = value.rpartition("@")[2].casefold()
        return any(domain == d or domain.endswith("." + d) for d in RESERVED_EMAIL_DOMAINS)
    if entity_type in ("URL", "INTERNAL_URL", "INTERNAL_HOST"):
        m = _URL.fullmatch(value)
        host = (m.group("host") if m else value).casefold().strip("[]")
        address = _parse_ip(host)
        if address is not None:
            return in_reserved_range("IP_ADDRESS", host)
        return any(host == d or host.endswith("." + d) for d in RESERVED_EMAIL_DOMAINS)
    if entity_type == "IP_ADDRESS":
        address = _parse_ip(value.partition("/")[0])
        if address is None:
            return False
        if address.version == 6:
            return address in _DOC_V6
        return any(str(address).startswith(prefix) for prefix in _DOC_V4)
    if entity_type == "PHONE_NUMBER":
        digits = _only_digits(_EXTENSION.sub("", value))
        return bool(_NANP_FICTIONAL.search(digits)) or bool(_UK_FICTIONAL.search(digits))
    return False
