"""Internet addresses: e-mail addresses, IPs, URLs and host names, under reserved domains and ranges.

Hosts become ``example.com``, ``example.org`` or ``example.net`` (RFC 2606); IPs land in the
documentation ranges 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24 (RFC 5737) and 2001:db8::/32
(RFC 3849). The ``is_*`` functions recognise those forms.
"""

from __future__ import annotations

import ipaddress
import re

from transforms.operators.surrogates.draws import Draws
from transforms.operators.surrogates.people import handle
from transforms.operators.surrogates.shape import shape

__all__ = [
    "RESERVED_EMAIL_DOMAINS",
    "email_address",
    "internal_host",
    "ip_address",
    "is_documentation_ip",
    "is_email",
    "is_reserved_email",
    "is_reserved_host",
    "parse_ip",
    "url",
]

RESERVED_EMAIL_DOMAINS = ("example.com", "example.org", "example.net")

_ROLE_MAILBOXES = frozenset(
    "info support admin noreply no-reply sales contact hello help billing office team hr jobs careers press "
    "webmaster postmaster abuse security privacy marketing accounts".split()
)
_EMAIL = re.compile(r"(?P<local>[^@\s]+)@(?P<domain>[^@\s]+\.[^@\s.]+)")
_DOC_V4 = ("192.0.2.", "198.51.100.", "203.0.113.")
_DOC_V6 = ipaddress.ip_network("2001:db8::/32")
_URL = re.compile(
    r"(?P<scheme>[A-Za-z][A-Za-z0-9+.\-]*://)?(?P<user>[^@/?#\s]*@)?"
    r"(?P<host>\[[0-9A-Fa-f:.]+\]|[^/:?#\s\[\]]+)(?P<port>:\d{1,5})?(?P<rest>[/?#].*)?",
    re.DOTALL,
)
_URL_PIECE = re.compile(r"%[0-9A-Fa-f]{2}|[^/?#&=;.%]+|[/?#&=;.%]")
_EXTENSION_LIKE = re.compile(r"[A-Za-z][A-Za-z0-9]{0,4}")


# --- e-mail -------------------------------------------------------------------------------------------


def _example_domain(original_host: str, attempt: int) -> str:
    """example.com, .org or .net: the one matching the original TLD first, the others on later attempts."""
    tld = original_host.rsplit(".", 1)[-1].lower()
    first = {"org": 1, "net": 2}.get(tld, 0)
    domain = RESERVED_EMAIL_DOMAINS[(first + attempt) % 3]
    return domain.upper() if original_host.isupper() else domain


def is_email(value: str) -> bool:
    """True if ``value`` has the form ``local@domain.tld``."""
    return _EMAIL.fullmatch(value) is not None


def email_address(value: str, key: bytes, attempt: int) -> str | None:
    """An EMAIL_ADDRESS surrogate: the local part as a handle (role mailboxes kept) at an example domain."""
    m = _EMAIL.fullmatch(value)
    if m is None:
        return None
    local = m.group("local")
    new_local = local if local.casefold() in _ROLE_MAILBOXES else handle(local, key, attempt)
    return f"{new_local}@{_example_domain(m.group('domain'), attempt)}"


# --- IP addresses -------------------------------------------------------------------------------------


def _doc_ip(address: ipaddress.IPv4Address | ipaddress.IPv6Address, key: bytes, attempt: int, upper: bool) -> str:
    draws = Draws(key, "ip", str(address), attempt)
    if address.version == 4:
        return draws.choice(_DOC_V4) + str(1 + draws.below(254))
    low = 0
    for _ in range(6):
        low = (low << 16) | draws.below(1 << 16)
    text = str(ipaddress.IPv6Address(int(_DOC_V6.network_address) | low))
    return text.upper() if upper else text


def parse_ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """``text`` as an IPv4 or IPv6 address, or None."""
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def ip_address(value: str, key: bytes, attempt: int) -> str | None:
    """An IP_ADDRESS surrogate of the same version in a documentation range (a ``/prefix`` kept)."""
    core, slash, prefix = value.partition("/")
    address = parse_ip(core)
    if address is None or (slash and not prefix.isdecimal()):
        return None
    upper = any(c in "ABCDEF" for c in core)
    return _doc_ip(address, key, attempt, upper) + slash + prefix


# --- URLs and hosts -----------------------------------------------------------------------------------


def _host(host: str, key: bytes, attempt: int) -> str:
    if host.startswith("[") and (address := parse_ip(host[1:-1])) is not None:
        return "[" + _doc_ip(address, key, attempt, any(c in "ABCDEF" for c in host)) + "]"
    if (address := parse_ip(host)) is not None:
        return _doc_ip(address, key, attempt, False)
    example = _example_domain(host, attempt)
    first, _, rest = host.partition(".")
    if first.casefold() == "www":
        return first + "." + example
    if "." in rest:  # keep distinct hosts distinct: intranet.acme.com -> xkqzvbra.example.com
        return shape(first, key, attempt, "host") + "." + example
    return example


def _url_rest(rest: str, key: bytes, attempt: int) -> str:
    """Path, query and fragment: each piece shape-substituted on its own, file extensions kept."""
    pieces = _URL_PIECE.findall(rest)
    out = []
    for i, piece in enumerate(pieces):
        is_extension = i > 0 and pieces[i - 1] == "." and _EXTENSION_LIKE.fullmatch(piece) is not None
        is_extension = is_extension and (i + 1 == len(pieces) or pieces[i + 1] in "?#")
        delimiter = piece.startswith("%") or (len(piece) == 1 and not piece.isalnum())
        out.append(piece if delimiter or is_extension else shape(piece, key, attempt))
    return "".join(out)


def url(value: str, key: bytes, attempt: int) -> str | None:
    """A URL surrogate: scheme, port and delimiters kept, host reserved, user and path shape-substituted.

    None if ``value`` is not URL-like (no scheme and a host without a dot).
    """
    m = _URL.fullmatch(value)
    if m is None:
        return None
    scheme, user, port, rest = (m.group(g) or "" for g in ("scheme", "user", "port", "rest"))
    if not scheme and "." not in m.group("host") and not m.group("host").startswith("["):
        return None
    if user:
        user = shape(user[:-1], key, attempt, "url-user") + "@"
    return scheme + user + _host(m.group("host"), key, attempt) + port + _url_rest(rest, key, attempt)


def internal_host(value: str, key: bytes, attempt: int) -> str | None:
    """An INTERNAL_HOST surrogate: an IP as ``ip_address``, a dotted name as ``<shaped first label>.example.*``."""
    if parse_ip(value) is not None:
        return ip_address(value, key, attempt)
    first, dot, _ = value.partition(".")
    if not dot:
        return None
    return shape(first, key, attempt, "host") + "." + _example_domain(value, attempt)


# --- recognising reserved forms -----------------------------------------------------------------------


def _under_reserved_domain(host: str) -> bool:
    return any(host == d or host.endswith("." + d) for d in RESERVED_EMAIL_DOMAINS)


def is_reserved_email(value: str) -> bool:
    """True if the e-mail's domain is example.com/.org/.net or under one of them."""
    return _under_reserved_domain(value.rpartition("@")[2].casefold())


def is_documentation_ip(value: str) -> bool:
    """True if ``value`` (a ``/prefix`` ignored) is an IP in a documentation range."""
    address = parse_ip(value.partition("/")[0])
    if address is None:
        return False
    if address.version == 6:
        return address in _DOC_V6
    return any(str(address).startswith(prefix) for prefix in _DOC_V4)


def is_reserved_host(value: str) -> bool:
    """True if the host of URL or host name ``value`` is a documentation IP or under a reserved domain."""
    m = _URL.fullmatch(value)
    host = (m.group("host") if m else value).casefold().strip("[]")
    if parse_ip(host) is not None:
        return is_documentation_ip(host)
    return _under_reserved_domain(host)
