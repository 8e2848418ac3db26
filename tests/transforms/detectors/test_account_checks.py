"""The named checks of the account, payment and phone rules, each on its own."""

from __future__ import annotations

import pytest

from tests.transforms.detectors.matches import at
from transforms.detectors.account_checks import (
    account_name,
    handle,
    handle_shape,
    home_folder,
    local_phone,
    luhn,
    not_common_word,
    not_value,
    not_word_alternative,
    phone_digits,
    with_at_sign,
)
from transforms.detectors.rules import RuleMatch

_TECH = "Call fetch_rows() and cache.get_item() from the worker, then run pip install and tox. "


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        ("ping @rowan_t today", "rowan_t", True),
        ("@property\n", "property", False),  # a decorator
        ("uses @scope/pkg", "scope", False),
        ("@timer\n", "timer", False),  # a bare @name alone on its line
        ("@retry(3)", "retry", False),
        # In technical prose, capitalised English or tool words are an annotation; a name among them is a mention.
        (_TECH + "Mark the bean with @LazyConfigValue there.", "LazyConfigValue", False),
        (_TECH + "Mark the bean with @JsonIgnore there.", "JsonIgnore", False),
        (_TECH + "Thanks @TomasWeller, that fixed it.", "TomasWeller", True),
        ("Mark the bean with @LazyConfigValue there.", "LazyConfigValue", True),  # no technical prose
    ],
)
def test_handle(text: str, value: str, expected: bool) -> None:
    assert handle(at(text, value)) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("dave_k", True), ("name.first", False), ("config.yaml", False), ("j.smith2", True), ("id.42", False)],
)
def test_account_name(value: str, expected: bool) -> None:
    assert account_name(at(f"user {value}", value)) is expected


@pytest.mark.parametrize(("value", "expected"), [("ingrid", True), ("Public", False), ("All Users", False)])
def test_home_folder(value: str, expected: bool) -> None:
    assert home_folder(at(f"/home/{value}", value)) is expected


@pytest.mark.parametrize(("value", "expected"), [("git", False), ("Git", True), ("deploy", True)])
def test_not_value_is_case_sensitive(value: str, expected: bool) -> None:
    assert not_value(at(f"ssh {value}@host", value), values=["git"]) is expected


@pytest.mark.parametrize(
    ("user", "password", "expected"),
    [
        ("opsadmin", "Winter2024!", True),
        ("admin", "admin", True),  # the same word twice: a default login
        ("admin", "password", True),  # a password that names itself
        ("root", "raspberry", True),  # not both vocabulary
        ("svc_ci", "Kubernetes", True),  # a user name with a separator
        ("Gradle", "Maven", False),  # two tools
        ("npm", "yarn", False),
        ("Create", "Delete", False),  # two capitalised English words
        ("Manager", "Director,", False),
    ],
)
def test_not_word_alternative(user: str, password: str, expected: bool) -> None:
    text = f"use {user}/{password} now"
    u, p = text.index(user), text.index(password, len("use ") + len(user))
    as_user = RuleMatch(text, u, u + len(user), 0, len(text), {"pw": (p, p + len(password))})
    as_password = RuleMatch(text, p, p + len(password), 0, len(text), {"user": (u, u + len(user))})
    assert not_word_alternative(as_user) is expected
    assert not_word_alternative(as_password) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("4539 1488 0343 6467", True), ("4539 1488 0343 6468", False), ("1234 5678 901", False)],
)
def test_luhn(value: str, expected: bool) -> None:
    assert luhn(at(f"card {value}", value)) is expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        ("call 020 7946 0321", "020 7946 0321", True),
        ("call 2023-05-04", "2023-05-04", False),  # a date
        ("order number 55501234", "55501234", False),  # an identifier noun before "number"
        ("ref INC-20240012", "20240012", False),  # glued to a letter prefix
        ("Tel-0113 496 0457", "0113 496 0457", True),  # a phone label glued the same way
        ("call 123456", "123456", False),  # too few digits
    ],
)
def test_phone_digits(text: str, value: str, expected: bool) -> None:
    assert phone_digits(at(text, value)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("on my registered 555 0171", True), ("my order 555 0171", False), ("our best 300 2021", False)],
)
def test_local_phone(text: str, expected: bool) -> None:
    value = text.split(" ", 1)[1][-8:]
    assert local_phone(at(text, value)) is expected


@pytest.mark.parametrize(
    ("value", "ok"),
    [("Hello", False), ("thanks", False), ("Tomorrow", False), ("root", True), ("kestrel_77", True), ("jvdberg", True)],
)
def test_not_common_word(value: str, ok: bool) -> None:
    text = f"User: {value}"
    start = text.index(value)
    assert not_common_word(RuleMatch(text, start, start + len(value), 0, len(text))) is ok


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        ("thanks @wren.k!", "wren.k", "@wren.k"),
        ("merged by wren.k", "wren.k", "wren.k"),
        ("wren.k", "wren.k", "wren.k"),
    ],
)
def test_with_at_sign(text: str, value: str, expected: str) -> None:
    start, end = with_at_sign(at(text, value))
    assert text[start:end] == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("k_osei", True), ("tarvo88", True), ("2.4.1", False), ("v3.2", False), ("hotfix.sh", False), ("b2", False)],
)
def test_handle_shape(value: str, expected: bool) -> None:
    assert handle_shape(at(f"fixed by {value}", value)) is expected
