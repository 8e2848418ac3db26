"""The credential packs' named checks, each on its own, with exact outcomes (kept, rejected, new span)."""

from __future__ import annotations

from typing import Any

import pytest

from transforms.detectors import credential_checks
from transforms.detectors.rules import CHECK_REGISTRY, CheckResult, RuleMatch
from transforms.detectors.rules.checks import bind_check


def _value_match(text: str, value: str) -> RuleMatch:
    """A match whose value is the first occurrence of ``value`` in ``text``."""
    start = text.index(value)
    return RuleMatch(text, start, start + len(value), 0, len(text), {})


def _run(name: str, params: dict[str, Any], match: RuleMatch) -> CheckResult:
    return bind_check(name, params)(match)


def _span_text(match: RuleMatch, result: CheckResult) -> str | bool:
    """The reported value for a span result; the boolean otherwise."""
    return match.text[result[0] : result[1]] if isinstance(result, tuple) else result


VALUE_CASES = [
    # (check, params, value, expected)
    ("letters_and_digits", {}, "Fake0Token", True),
    ("not_uri_scheme_user", {}, "ops", True),
    ("not_uri_scheme_user", {}, "mailto", False),
    ("not_uri_scheme_user", {}, "IRC", False),
    ("letters_and_digits", {}, "OnlyLetters", False),
    ("letters_and_digits", {}, "1234-5678", False),
    ("not_starting_with", {"prefixes": ["sk-ant-"]}, "sk-ant-api03-x", False),
    ("not_starting_with", {"prefixes": ["sk-ant-"]}, "sk-proj-x", True),
    ("not_starting_with", {"prefixes": ["sk-ant-"]}, "SK-ANT-x", True),
    ("aws_secret_shape", {}, "abc/def", True),
    ("aws_secret_shape", {}, "abcdef1", True),
    ("aws_secret_shape", {}, "AbcDef", True),
    ("aws_secret_shape", {}, "abcdefgh", False),
    ("aws_secret_shape", {}, "ABCDEFGH", False),
    ("not_placeholder", {}, "Fake0Secret", True),
    ("not_placeholder", {}, "NULL", False),
    ("not_placeholder", {}, " none ", False),
    ("not_placeholder", {}, "n/a", False),
    ("not_placeholder", {}, "${DB_PASSWORD}", False),
    # partly masked values show a few characters before or after the mask: no secret is left in them
    ("not_placeholder", {}, "QZ7xxxxxxx", False),
    ("not_placeholder", {}, "rk-live-****", False),
    ("not_placeholder", {}, "••••••9921", False),
    ("not_placeholder", {}, "Vexhall92xxx", True),  # three x: a real value may end so
    ("not_placeholder", {}, "Trellis*Moon", True),
    ("not_placeholder", {}, "$TOKEN", False),
    ("not_placeholder", {}, "{{ vault_token }}", False),
    ("not_placeholder", {}, "%(password)s", False),
    ("not_placeholder", {}, "{password}", False),
    ("not_placeholder", {}, "<YOUR_TOKEN>", False),
    ("not_placeholder", {}, "[REDACTED]", False),
    ("not_placeholder", {}, "********", False),
    ("not_placeholder", {}, ":password", False),
    # references to a value kept elsewhere
    ("not_placeholder", {}, "%SMTP_PASS%", False),
    ("not_placeholder", {}, "((ci_db_password))", False),
    ("not_placeholder", {}, "@@db_password@@", False),
    ("not_placeholder", {}, "__DB_PASSWORD__", False),
    ("not_placeholder", {}, "$env:DB_PASSWORD", False),
    ("not_placeholder", {}, "${file(vars.json):db_pw}", False),
    ("not_placeholder", {}, "op://Ops/db/password", False),
    ("not_placeholder", {}, "vault:secret/data/db#password", False),
    ("not_placeholder", {}, "arn:aws:ssm:eu-west-1:000000000000:parameter/app/db", False),
    ("not_placeholder", {}, "https://hooks.example.com/services/T0/B0/Qx7Lm2", True),  # web URLs carry tokens
    ("not_placeholder", {}, "%Tulip9%", True),  # "%" inside a literal
    ("not_placeholder", {}, "your-password-here", True),  # words: only not_placeholder_secret rejects them
    ("not_placeholder_secret", {}, "your-password-here", False),
    ("not_placeholder_secret", {}, "YOUR_ACCESS_TOKEN", False),
    ("not_placeholder_secret", {}, "somedummykey", False),
    ("not_placeholder_secret", {}, "Example Secret", False),
    ("not_placeholder_secret", {}, "${TOKEN}", False),
    ("not_placeholder_secret", {}, "changeme", True),  # a weak password, not a stand-in
    ("not_placeholder_secret", {}, "secret", True),
    ("not_placeholder_secret", {}, "Fake0Secret", True),  # a digit: a literal however it is spelled
    ("not_placeholder_secret", {}, "sample-9f8e7d", True),
    ("not_code_reference", {}, "Fake0Value", True),
    ("not_code_reference", {}, "Fake0Secret", False),  # an identifier that names a secret
    ("not_code_reference", {}, 'os.environ["DB_PASSWORD"]', False),
    ("not_code_reference", {}, "getenv('TOKEN')", False),
    ("not_code_reference", {}, "self.password", False),
    ("not_code_reference", {}, "settings.smtp", False),
    ("not_code_reference", {}, "mailer.api_token", False),
    ("not_code_reference", {}, "mailer.host", True),
    ("not_code_reference", {}, "password", False),
    ("not_code_reference", {}, "db_password", False),
    ("not_code_reference", {}, "authToken", False),
    ("not_code_reference", {}, "PASSWORD", False),
    ("not_code_reference", {}, "Optional[str]", False),
    ("not_code_reference", {}, "bytes | str", False),
    ("not_code_reference", {}, "Hunter2x", True),
    ("not_code_reference", {}, "Winter(2024)", True),  # a word and a number in brackets: a password
    ("not_code_reference", {}, "token_hex(32)", False),
    ("not_code_reference", {}, "getpass.getpass()", False),
    ("not_user_field_name", {}, "deployer", True),
    ("not_user_field_name", {}, "USERNAME", False),
    ("not_user_field_name", {}, "login", False),
    ("looks_random", {"min_chars": 16, "min_bits": 3.0}, "a1", True),
    ("looks_random", {"min_chars": 16, "min_bits": 3.0}, "Qm+Zx/Yw+Vu/Ts+R", True),
    ("looks_random", {"min_chars": 16, "min_bits": 3.0}, "Qm+Zx/Yw+Vu/Ts+", False),  # 15 characters
    ("looks_random", {"min_chars": 16, "min_bits": 3.0}, "QmZxYwVuTsRqPoNm", False),  # letters only: a word
    ("looks_random", {"min_chars": 16, "min_bits": 3.0}, "abababababababababab", False),
    ("looks_random", {"min_chars": 16, "min_bits": 3.0}, "next-page-cursor-value", False),
    ("token_characters", {"min_bits": 3.0}, "Vq7Lm2Xr9Tb4Kw1z", True),
    ("token_characters", {"min_bits": 3.0}, "Zq+Xr/Wp=9_k-v.~", True),
    ("token_characters", {"min_bits": 3.0}, "user:1234:profile", False),  # ":" is no token character
    ("token_characters", {"min_bits": 3.0}, "created_at_descending", False),  # no digit
    ("token_characters", {"min_bits": 3.0}, "aaaa1111aaaa1111", False),  # 1 bit per character
    ("jwt_header", {}, "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.c2ln", True),
    ("jwt_header", {}, "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0", True),  # no signature part
    ("jwt_header", {}, "eyJhbGciOiJub25lIn.eyJzdWIiOiJ4In0.c2ln", False),  # '{"alg":"none"' is cut off
    ("jwt_header", {}, "eyJhbGciOiJub25lIn0x.eyJzdWIiOiJ4In0", False),  # 21 characters: not base64
    ("jwt_header", {}, "eyJbMSwyXX0.eyJzdWIiOiJ4In0", False),  # '{[1,2]}' is no JSON
    ("jwt_header", {}, "eyJh_-8.eyJzdWIiOiJ4In0", False),  # not UTF-8 once decoded
]


@pytest.mark.parametrize(("name", "params", "value", "expected"), VALUE_CASES)
def test_value_checks(name: str, params: dict[str, Any], value: str, expected: bool) -> None:
    assert _run(name, params, _value_match(f"x = {value};", value)) is expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        ("sshpass -p 'two words'", "'two words'", "two words"),
        ('mysql -p"quoted"', '"quoted"', "quoted"),
        ("sshpass -p bare1", "bare1", True),
        ("sshpass -p 'mixed\"", "'mixed\"", True),
        ("sshpass -p '", "'", True),
    ],
)
def test_unquote(text: str, value: str, expected: str | bool) -> None:
    match = _value_match(text, value)
    assert _span_text(match, _run("unquote", {}, match)) == expected


def _form_match(text: str, form: str, value: str, keyword: str | None = None) -> RuleMatch:
    """A whole-text match in which the value group ``form`` holds ``value`` (and ``kw`` the keyword)."""
    start = text.rindex(value)
    groups = {form: (start, start + len(value))}
    if keyword is not None:
        groups["kw"] = (text.index(keyword), text.index(keyword) + len(keyword))
    return RuleMatch(text, 0, len(text), 0, len(text), groups)


PASSWORD_CASES = [
    # (text, form, value group text, keyword, reported value or False)
    ('password = "Fake0Pw"', "dq", "Fake0Pw", "password", "Fake0Pw"),
    ("password = 'abc'", "sq", "abc", "password", False),  # shorter than min_chars
    ('password = ""', "dq", "", "password", False),
    ('password = "${DB_PASSWORD}"', "dq", "${DB_PASSWORD}", "password", False),
    ('password = "pre_%s"', "dq", "pre_%s", "password", False),  # a template literal
    ("f(password=Fake1Pw)", "bare", "Fake1Pw)", "password", "Fake1Pw"),  # the call's ")" is trimmed
    ("f(password=(Fake2)Pw)", "bare", "(Fake2)Pw)", "password", "(Fake2)Pw"),
    ("password=password", "bare", "password", "password", False),
    ("password = os.getenv('PW')", "bare", "os.getenv('PW')", "password", False),
    ("def f(password: Optional[str] = None):", "bare", "None):", "password", False),
    ("PWD=/srv/app", "bare", "/srv/app", "PWD", False),
    ("db_pwd=/srv/app", "bare", "/srv/app", "pwd", "/srv/app"),
    ("Pwd={Fake;3 Odbc}", "brace", "Fake;3 Odbc", "Pwd", "Fake;3 Odbc"),
    ("Pwd={password}", "brace", "password", "Pwd", False),
    ("--password option", "cbare", "option", None, False),
    ("--password Fake4Pw", "cbare", "Fake4Pw", None, "Fake4Pw"),
    ("  password: Password for the bind user.", "line", "Password for the bind user.", None, False),
    ("  passphrase: amber four words here", "line", "amber four words here", None, "amber four words here"),
    ("<password>Fake5</password>", "xml", "Fake5", None, "Fake5"),
    ('password = "your_password_here"', "dq", "your_password_here", "password", False),
    ('password = "changeme"', "dq", "changeme", "password", "changeme"),
    ("password: (see the vault)", "line", "(see the vault)", None, False),
    ("password: same as staging", "line", "same as staging", None, False),
    ("password: see you later 42", "line", "see you later 42", None, False),
    ("passphrase: amber sees four words", "line", "amber sees four words", None, "amber sees four words"),
    ('password = "(see vault)"', "dq", "(see vault)", "password", False),
    ("password: !vault |", "bare", "!vault", "password", False),
    ("password: !Ref DbPassword", "bare", "!Ref", "password", False),
    ("password: !Tulip9x", "bare", "!Tulip9x", "password", "!Tulip9x"),
    ("password: !!str 4417", "bare", "!!str", "password", "!!str"),
    ("password: Winter(2024)", "line", "Winter(2024)", None, "Winter(2024)"),
    ("password = %DB_PASS%", "bare", "%DB_PASS%", "password", False),
    ('password = "-.,;:*!?"', "dq", "-.,;:*!?", "password", False),  # no letter or digit
    ("passwd = k[i](j);", "bare", "k[i](j)", "passwd", False),  # brackets ending a statement: code
    ('password = "a{{b}c${d]e"', "dq", "a{{b}c${d]e", "password", "a{{b}c${d]e"),  # no template in it
    ("ALTER ROLE r PASSWORD 'Fake6Pw'", "sq", "Fake6Pw", None, "Fake6Pw"),
]


@pytest.mark.parametrize(("text", "form", "value", "keyword", "expected"), PASSWORD_CASES)
def test_password_value(text: str, form: str, value: str, keyword: str | None, expected: str | bool) -> None:
    match = _form_match(text, form, value, keyword)
    assert _span_text(match, _run("password_value", {"min_chars": 4}, match)) == expected


def test_password_value_needs_a_value_group() -> None:
    match = RuleMatch(":param password:", 0, 16, 0, 16, {})
    assert _run("password_value", {"min_chars": 4}, match) is False


SECRET_PARAMS = {"min_chars": 8, "random_min_chars": 16, "random_min_bits": 3.0}
SECRET_CASES = [
    ("api_key = 9b1f0e7c2d4a", "bare", "9b1f0e7c2d4a", "9b1f0e7c2d4a"),
    ("api_key = 9b1f0e7", "bare", "9b1f0e7", False),  # shorter than min_chars
    ("token = 'Fake0 Tok1'", "sq", "Fake0 Tok1", False),  # a space: prose, not a key
    ("token = '/opt/models/tokenizer.json'", "sq", "/opt/models/tokenizer.json", False),  # a path
    ("token_url = 'https://auth.example.com/x'", "sq", "https://auth.example.com/x", False),
    ("next_page_token = 'cursor-of-the-next-page'", "sq", "cursor-of-the-next-page", False),
    ("secret = 'Zq+Xr/Wp+Vn/Ut+Sm/'", "sq", "Zq+Xr/Wp+Vn/Ut+Sm/", "Zq+Xr/Wp+Vn/Ut+Sm/"),
    ("f(token=Fake2Tok3)", "bare", "Fake2Tok3)", "Fake2Tok3"),
    ("token = get_token()", "bare", "get_token()", False),
]


@pytest.mark.parametrize(("text", "form", "value", "expected"), SECRET_CASES)
def test_secret_value(text: str, form: str, value: str, expected: str | bool) -> None:
    match = _form_match(text, form, value)
    assert _span_text(match, _run("secret_value", SECRET_PARAMS, match)) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Harbour42!", "Harbour42!"),  # "!" right after a digit stays
        ("Harbour42.", "Harbour42"),
        ("Amber-pw).", "Amber-pw"),
        ("your-password.", False),  # words that stand in for a password
        ("dummy-pw", False),
        ("hunter2x?", "hunter2x"),
        ("required.", False),  # no digit or symbol: a word
        ("ab1.", False),  # shorter than min_chars once trimmed
        ("<password>", False),
    ],
)
def test_prose_password(value: str, expected: str | bool) -> None:
    match = _value_match(f"the password is {value} ok", value)
    assert _span_text(match, _run("prose_password", {"min_chars": 4}, match)) == expected


def test_every_credential_check_is_tested_here() -> None:
    registered = {
        name for name, entry in CHECK_REGISTRY.items() if entry.function.__module__ == credential_checks.__name__
    }
    tested = {case[0] for case in VALUE_CASES} | {
        "unquote",
        "password_value",
        "secret_value",
        "secret_literal",
        "prose_password",
    }
    assert registered == tested


def _named_match(text: str, value_group: str, value: str, **names: str) -> RuleMatch:
    """A whole-text match: ``value_group`` holds the last ``value`` in ``text``, each other group its text."""
    start = text.rindex(value)
    groups = {value_group: (start, start + len(value))}
    for group, part in names.items():
        groups[group] = (text.index(part), text.index(part) + len(part))
    return RuleMatch(text, 0, len(text), 0, len(text), groups)


LITERAL_PARAMS = {"min_chars": 8, "random_min_chars": 16, "random_min_bits": 3.0, "phrase_min_words": 3}
LITERAL_CASES = [
    # (text, value group, value, other groups, reported value or False)
    ('jwt_secret = "q3(Vz]w9{Lr>k2!"', "dq", "q3(Vz]w9{Lr>k2!", {"kw": "secret"}, "q3(Vz]w9{Lr>k2!"),
    ('secret = "pre-{{ vault_secret }}"', "dq", "pre-{{ vault_secret }}", {"kw": "secret"}, False),
    ('secret = "a{{b}c${d]e(f[g>h}}"', "dq", "a{{b}c${d]e(f[g>h}}", {"kw": "secret"}, "a{{b}c${d]e(f[g>h}}"),
    ("secret: Zq9{m]x(K", "bare", "Zq9{m]x(K", {"kw": "secret"}, "Zq9{m]x(K"),
    ("secret = Zq9{m]x(K;", "bare", "Zq9{m]x(K", {"kw": "secret"}, False),  # ends a statement: code
    ('token_url = "https://a.example.org/t"', "dq", "https://a.example.org/t", {"suffix": "_url"}, False),
    ('api_key_prod = "Zr6#mK{p2]Lx9(Qw"', "dq", "Zr6#mK{p2]Lx9(Qw", {"suffix": "_prod"}, "Zr6#mK{p2]Lx9(Qw"),
    ("secretCount = 12345678", "bare", "12345678", {"suffix": "Count"}, False),  # a setting
    ("secret_v2 = 12345678", "bare", "12345678", {"suffix": "_v2"}, False),  # digits under a qualified name
    ('session_secret: "purple otters juggle"', "dq", "purple otters juggle", {"kw": "secret"}, "purple otters juggle"),
    ('secret: "purple otters juggle"', "dq", "purple otters juggle", {"kw": "secret"}, False),  # a lone word
    ('app_secret: "Purple otters juggle"', "dq", "Purple otters juggle", {"kw": "secret"}, False),  # a label
    ('app_secret: "rotate this secret monthly"', "dq", "rotate this secret monthly", {"kw": "secret"}, False),
    ('app_secret: "purple otters"', "dq", "purple otters", {"kw": "secret"}, False),  # two words
    ("  cookie_secret: mango river lantern", "line", "mango river lantern", {"lname": "cookie_secret"}, True),
    ("api_key = mango river lantern", "bare", "mango river lantern", {"kw": "api_key"}, False),  # spaces, unquoted
    ('token = ",.;:-*!?"', "dq", ",.;:-*!?", {"kw": "token"}, False),  # no letter or digit
    ('secret = "abcdefgh"', "dq", "abcdefgh", {"kw": "secret"}, False),  # one short word
    ('secret = "Ab1-cdef"', "dq", "Ab1-cdef", {"kw": "secret"}, "Ab1-cdef"),
    ('secret = "Qz{m]x(K"', "dq", "Qz{m]x(K", {"kw": "secret"}, "Qz{m]x(K"),  # quoted, three classes
    ("Lexer stopped at token: OpenBrace.", "bare", "OpenBrace.", {"kw": "token"}, False),  # unquoted: prose
    ("secret = /etc/app/secret.pem", "bare", "/etc/app/secret.pem", {"kw": "secret"}, False),  # a path
    # mostly symbols, unquoted: no identifier, word or sentence looks so (issue 14)
    ("secrete = Q,.:-@*?!", "line", "Q,.:-@*?!", {"lname": "secrete"}, True),
    ("secret = a.b", "line", "a.b", {"lname": "secret"}, False),
    # a value that repeats its name is a fixture; a public key's value is published
    ('secret = "Secret"', "dq", "Secret", {"kw": "secret"}, False),
    ('api_secret: "API-SECRET"', "dq", "API-SECRET", {"kw": "secret"}, False),
    ('publicKey = "Zr6#mK{p2]Lx9(Qw"', "dq", "Zr6#mK{p2]Lx9(Qw", {"kw": "Key"}, False),
    ('public_signing_key = "Zr6#mK{p2]Lx9(Qw"', "dq", "Zr6#mK{p2]Lx9(Qw", {"kw": "signing_key"}, "Zr6#mK{p2]Lx9(Qw"),
]


@pytest.mark.parametrize(("text", "form", "value", "names", "expected"), LITERAL_CASES)
def test_secret_literal(text: str, form: str, value: str, names: dict[str, str], expected: str | bool) -> None:
    match = _named_match(text, form, value, **names)
    expected = value if expected is True else expected  # True: the value as it stands
    assert _span_text(match, _run("secret_literal", LITERAL_PARAMS, match)) == expected


@pytest.mark.parametrize(("user", "expected"), [("deploy", True), ("mailto", False), ("Xmpp", False)])
def test_not_uri_scheme_user_reads_the_user_group(user: str, expected: bool) -> None:
    text = f"{user}:Fake3Ip4Pw@192.0.2.14"
    assert _run("not_uri_scheme_user", {}, _named_match(text, "v", "Fake3Ip4Pw", user=user)) is expected


def test_secret_literal_needs_a_value_group() -> None:
    match = RuleMatch("secret:", 0, 7, 0, 7, {})
    assert _run("secret_literal", LITERAL_PARAMS, match) is False


@pytest.mark.parametrize(
    ("qualifier", "expected"),
    [("_min_length", True), ("_URL", True), ("Name", True), ("-file", True), ("_prod", False), ("_reports", False)],
)
def test_is_setting_qualifier(qualifier: str, expected: bool) -> None:
    assert credential_checks.is_setting_qualifier(qualifier) is expected
