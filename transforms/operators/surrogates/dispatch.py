"""By entity type: which generator makes a type's surrogate, and which reserved range recognises it."""

from __future__ import annotations

import re
from collections.abc import Callable

from transforms.operators.surrogates.dates import date
from transforms.operators.surrogates.identifiers import card_number, iban, uk_nino, us_ssn
from transforms.operators.surrogates.network import (
    email_address,
    internal_host,
    ip_address,
    is_documentation_ip,
    is_email,
    is_reserved_email,
    is_reserved_host,
    parse_ip,
    url,
)
from transforms.operators.surrogates.people import person, username
from transforms.operators.surrogates.phones import is_fictional_phone, phone_number
from transforms.operators.surrogates.places import address, organization
from transforms.operators.surrogates.shape import shape
from transforms.operators.surrogates.text import same

__all__ = ["in_reserved_range", "surrogate"]

_ATTEMPTS = 16

_Generator = Callable[[str, bytes, int], "str | None"]


def _tag_only(value: str, key: bytes, attempt: int) -> str | None:
    return None


_GENERATORS: dict[str, _Generator] = {
    "PERSON": person,
    "EMAIL_ADDRESS": email_address,
    "PHONE_NUMBER": phone_number,
    "STREET_ADDRESS": address,
    "LOCATION": address,
    "ORGANIZATION": organization,
    "USERNAME": username,
    "IP_ADDRESS": ip_address,
    "URL": url,
    "INTERNAL_URL": url,
    "INTERNAL_HOST": internal_host,
    "CREDIT_CARD": card_number,
    "IBAN_CODE": iban,
    "US_SSN": us_ssn,
    "UK_NINO": uk_nino,
    "DATE_OF_BIRTH": date,
    # A fake PEM block is flagged by every secret scanner downstream and carries no useful shape.
    "PRIVATE_KEY": _tag_only,
}

_RESERVED: dict[str, Callable[[str], bool]] = {
    "EMAIL_ADDRESS": is_reserved_email,
    "URL": is_reserved_host,
    "INTERNAL_URL": is_reserved_host,
    "INTERNAL_HOST": is_reserved_host,
    "IP_ADDRESS": is_documentation_ip,
    "PHONE_NUMBER": is_fictional_phone,
}


def _guess(value: str) -> _Generator:
    """For entity types without a generator (custom patterns, proprietary terms): go by the value's form."""
    if is_email(value):
        return email_address
    if parse_ip(value.partition("/")[0]) is not None:
        return ip_address
    if re.match(r"[A-Za-z][A-Za-z0-9+.\-]*://", value):
        return url
    return shape


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
            out = shape(value, key, attempt)
        if not same(out, value):
            return out
    return f"<{entity_type}>"


def in_reserved_range(entity_type: str, value: str) -> bool:
    """True if ``value`` is in a range reserved for fiction or documentation (as structured surrogates are).

    E-mails and URLs under example.com/.org/.net, IPs in the documentation ranges, NANP 555-01XX and
    UK drama phone numbers. Real uploads do use these forms (sample data, tests, docs), so scrubline does
    not skip them when detecting; this is for checking surrogates.
    """
    check = _RESERVED.get(entity_type)
    return check is not None and check(value)
