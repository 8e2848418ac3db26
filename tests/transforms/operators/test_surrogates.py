"""The ``surrogate`` operator: realistic, keyed, deterministic fakes that keep shape and never reproduce the input."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from transforms.config import DEFAULT_CONFIG_PATH, ConfigError, check_keys, load_config, parse_config
from transforms.detectors.base import Detector
from transforms.operators import build_operators
from transforms.operators.surrogate_names import (
    FEMALE_FIRST_NAMES,
    FIRST_NAMES,
    LAST_NAMES,
    MALE_FIRST_NAMES,
    PLACE_WORDS,
)
from transforms.operators.surrogates import _CC_1, _CC_2, _luhn_check_digit, in_reserved_range, surrogate
from transforms.records import Document, Finding, Redaction
from transforms.redaction.engine import RedactionEngine, apply_operators

KEY_A = b"k" * 32
KEY_B = b"another-key-0123456789"
SURROGATES_YAML = DEFAULT_CONFIG_PATH.parent / "surrogates.yaml"

# (entity type, original, surrogate under KEY_A, surrogate under KEY_B)
EXPECTED = [
    ("PERSON", "Ada", "Judith", "Nadia"),
    ("PERSON", "ada", "judith", "nadia"),
    ("PERSON", "ADA LOVELACE", "JUDITH LUONG", "NADIA ROMANO"),
    ("PERSON", "Ada Lovelace", "Judith Luong", "Nadia Romano"),
    ("PERSON", "Lovelace, Ada", "Luong, Judith", "Romano, Nadia"),
    ("PERSON", "Dr. Ada M. Lovelace", "Dr. Judith O. Luong", "Dr. Nadia O. Romano"),
    ("PERSON", "Ada Smith-Jones", "Judith Silva-Keller", "Nadia Rossi-Yamada"),
    ("PERSON", "Ada Lovelace's", "Judith Luong's", "Nadia Romano's"),
    ("PERSON", "Emma Hughes", "Min Costa", "Edith Nakamura"),
    ("PERSON", "Noah", "Gaston", "Sung"),
    ("EMAIL_ADDRESS", "ada.lovelace@acme.com", "judith.luong@example.com", "nadia.romano@example.com"),
    ("EMAIL_ADDRESS", "jsmith42@corp.acme.net", "greta22@example.net", "adele27@example.net"),
    ("EMAIL_ADDRESS", "info@acme.org", "info@example.org", "info@example.org"),
    ("EMAIL_ADDRESS", "ADA@ACME.COM", "JUDITH@EXAMPLE.COM", "NADIA@EXAMPLE.COM"),
    ("PHONE_NUMBER", "+1 (415) 555-2671", "+1 (833) 555-0193", "+1 (666) 555-0134"),
    ("PHONE_NUMBER", "415.555.2671 ext. 204", "833.555.0193 ext. 189", "666.555.0134 ext. 117"),
    ("PHONE_NUMBER", "+44 7911 123456", "+44 7700 900540", "+44 7700 900801"),
    ("PHONE_NUMBER", "020 7123 4567", "020 7946 0968", "020 7946 0688"),
    ("PHONE_NUMBER", "+49 30 12345678", "+49 21 75132770", "+49 93 90191294"),
    ("PHONE_NUMBER", "555-0101", "555-0111", "555-0181"),
    ("IP_ADDRESS", "10.0.0.1", "198.51.100.158", "192.0.2.84"),
    (
        "IP_ADDRESS",
        "FE80::1FF:FE23:4567:890A",
        "2001:DB8:E9F6:DAEF:854F:C2F9:19EE:135",
        "2001:DB8:D44A:95DD:2402:9B49:3EB0:77DB",
    ),
    ("IP_ADDRESS", "10.1.0.0/16", "192.0.2.246/16", "192.0.2.88/16"),
    (
        "URL",
        "https://intranet.acme.com/users/ada/cv.pdf?v=2",
        "https://rcxrsqpo.example.com/nzxrm/ctz/sy.pdf?p=3",
        "https://olgkvemb.example.com/xavee/jpr/ic.pdf?i=7",
    ),
    ("URL", "www.acme.com", "www.example.com", "www.example.com"),
    ("INTERNAL_HOST", "build01.corp.acme.net", "gtach79.example.net", "gyhpx44.example.net"),
    ("CREDIT_CARD", "4111 1111 1111 1111", "4251 3591 6864 0231", "4762 2909 1048 5033"),
    ("CREDIT_CARD", "3782-822463-10005", "3485-537451-40391", "3983-076493-19786"),
    ("IBAN_CODE", "GB82 WEST 1234 5698 7654 32", "GB44 RQOA 9429 4117 3495 53", "GB05 SVGX 2969 7952 7730 97"),
    ("US_SSN", "123-45-6789", "976-36-9828", "935-29-7368"),
    ("UK_NINO", "AB 12 34 56 C", "QQ 07 77 60 A", "QQ 90 87 07 A"),
    ("DATE_OF_BIRTH", "14/02/1979", "15/12/1952", "19/04/1992"),
    ("DATE_OF_BIRTH", "3rd of March 1990", "1st of January 1961", "2nd of July 1965"),
    (
        "STREET_ADDRESS",
        "912 Juniper Road, Springfield, OR 97403",
        "739 Pinehurst Road, Sherwood, OR 75764",
        "404 Cedarbrook Road, Kingsbrook, OR 85090",
    ),
    (
        "STREET_ADDRESS",
        "Hauptstraße 5, 10115 Berlin",
        "Valleyviewstraße 6, 66290 Valleyview",
        "Hillcreststraße 9, 53265 Southgate",
    ),
    ("LOCATION", "Paris", "Summit", "Parkside"),
    ("ORGANIZATION", "Hexacore Logistics Ltd", "Wyndham Logistics Ltd", "Fairview Logistics Ltd"),
    ("USERNAME", "katarzyna_rw", "maximo_uf", "stanley_wb"),
    ("USERNAME", "hugo71", "bernardo03", "eugene96"),
    ("API_KEY", "AKIAIOSFODNN7EXAMPLE", "JYCUKCZUMIVK4ZGDTKMK", "KPOVEHNREENT8BYKJWVX"),
    ("PRIVATE_KEY", "-----BEGIN KEY-----\nabc\n-----END KEY-----", "<PRIVATE_KEY>", "<PRIVATE_KEY>"),
    ("TICKET_ID", "OPS-1234", "NHB-4400", "RHI-6017"),
    ("X_CUSTOM", "---", "<X_CUSTOM>", "<X_CUSTOM>"),
]


@pytest.mark.parametrize("entity, value, under_a, under_b", EXPECTED)
def test_exact_surrogates_for_two_keys(entity: str, value: str, under_a: str, under_b: str) -> None:
    assert surrogate(entity, value, KEY_A) == under_a
    assert surrogate(entity, value, KEY_A) == under_a  # deterministic: no state between calls
    assert surrogate(entity, value, KEY_B) == under_b


def test_a_different_key_gives_different_surrogates() -> None:
    # Pools are finite, so two keys can agree on one value; over many values they almost never do.
    values = [f"{first} {last}" for first, last in zip(FIRST_NAMES, reversed(LAST_NAMES), strict=False)]
    same = sum(surrogate("PERSON", v, KEY_A) == surrogate("PERSON", v, KEY_B) for v in values)
    assert len(values) == 220 and same == 0
    digits = [f"+1 415 555 {n:04d}" for n in range(200)]
    assert sum(surrogate("PHONE_NUMBER", v, KEY_A) == surrogate("PHONE_NUMBER", v, KEY_B) for v in digits) == 0


def test_the_same_name_part_maps_the_same_everywhere() -> None:
    person = surrogate("PERSON", "Dana Kowalski", KEY_A)
    first, last = person.split()
    assert surrogate("PERSON", "dana", KEY_A) == first.lower()
    assert surrogate("PERSON", "KOWALSKI, Dana", KEY_A) == f"{last.upper()}, {first}"
    assert surrogate("EMAIL_ADDRESS", "dana.kowalski@acme.com", KEY_A) == f"{first}.{last}@example.com".lower()
    assert surrogate("USERNAME", "dana_kowalski", KEY_A) == f"{first}_{last}".lower()


def test_first_names_keep_their_census_gender() -> None:
    for name in ("Emma", "Olivia", "Svetlana", "Maria"):
        assert surrogate("PERSON", name, KEY_A) in FEMALE_FIRST_NAMES
    for name in ("Noah", "George", "Bob", "Hugo"):
        assert surrogate("PERSON", name, KEY_A) in MALE_FIRST_NAMES


ENTITY_TYPES = [
    "PERSON",
    "EMAIL_ADDRESS",
    "PHONE_NUMBER",
    "STREET_ADDRESS",
    "LOCATION",
    "ORGANIZATION",
    "USERNAME",
    "IP_ADDRESS",
    "URL",
    "INTERNAL_URL",
    "INTERNAL_HOST",
    "CREDIT_CARD",
    "IBAN_CODE",
    "US_SSN",
    "UK_NINO",
    "DATE_OF_BIRTH",
    "PRIVATE_KEY",
    "API_KEY",
    "CUSTOMER",
]
VALUES = st.one_of(
    st.text(max_size=40),
    st.text(alphabet="aA0 .-@+/:()'", max_size=25),
    st.from_regex(r"\+?[0-9 ()\-.]{5,20}", fullmatch=True),
    st.from_regex(r"[a-z]{1,8}([._][a-z]{1,8})?[0-9]{0,3}@[a-z]{1,8}\.(com|org|net|de)", fullmatch=True),
    st.sampled_from(
        ["555-0101", "192.0.2.1", "2001:db8::1", "https://example.com", "info@example.com", "Judith", "QQ123456A"]
    ),
)


@settings(max_examples=600, deadline=None)
@given(entity=st.sampled_from(ENTITY_TYPES), value=VALUES, key=st.sampled_from([KEY_A, KEY_B]))
def test_never_reproduces_the_original(entity: str, value: str, key: bytes) -> None:
    out = surrogate(entity, value, key)
    assert out.casefold() != value.casefold()
    assert out == surrogate(entity, value, key)


@settings(max_examples=300, deadline=None)
@given(
    value=st.from_regex(
        r"(\+1 |1-)?\(?[2-9][0-9]{2}\)?[ .\-][0-9]{3}[ .\-][0-9]{4}( ext\. [0-9]{1,4})?", fullmatch=True
    )
)
def test_north_american_phones_keep_their_format_and_land_on_555_01xx(value: str) -> None:
    out = surrogate("PHONE_NUMBER", value, KEY_A)
    assert re.sub(r"\d", "9", out) == re.sub(r"\d", "9", value)
    assert in_reserved_range("PHONE_NUMBER", out)


@settings(max_examples=300, deadline=None)
@given(
    value=st.from_regex(
        r"(\+44 ?(\(0\))?|0)(7[0-9]{3} ?[0-9]{6}|20 ?[0-9]{4} ?[0-9]{4}|1[0-9]{2} ?[0-9]{3} ?[0-9]{4})", fullmatch=True
    )
)
def test_uk_phones_keep_their_format_and_land_in_ofcom_drama_ranges(value: str) -> None:
    out = surrogate("PHONE_NUMBER", value, KEY_A)
    assert re.sub(r"\d", "9", out) == re.sub(r"\d", "9", value)
    assert in_reserved_range("PHONE_NUMBER", out)


@settings(max_examples=300, deadline=None)
@given(
    value=st.from_regex(r"[a-z]{1,8}([._][a-z]{1,8})?[0-9]{0,3}@[a-z]{1,8}\.(com|org|net|de|co\.uk)", fullmatch=True)
)
def test_emails_keep_their_local_part_shape_under_example_domains(value: str) -> None:
    assume(not value.split("@")[1].startswith("example."))
    out = surrogate("EMAIL_ADDRESS", value, KEY_A)
    local, domain = out.split("@")

    def shape(s: str) -> str:
        return re.sub("[a-z]+", "a", re.sub(r"\d", "9", s))

    assert shape(local) == shape(value.split("@")[0])
    assert domain in ("example.com", "example.org", "example.net") and in_reserved_range("EMAIL_ADDRESS", out)
    assert domain == {"org": "example.org", "net": "example.net"}.get(value.rsplit(".", 1)[1], "example.com")


@settings(max_examples=200, deadline=None)
@given(address=st.one_of(st.ip_addresses(v=4), st.ip_addresses(v=6)), key=st.binary(min_size=16, max_size=32))
def test_ips_keep_their_version_and_land_in_documentation_ranges(address, key: bytes) -> None:
    out = ipaddress.ip_address(surrogate("IP_ADDRESS", str(address), key))
    assert out.version == address.version and out != address
    docs = ["192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "2001:db8::/32"]
    assert any(out in ipaddress.ip_network(net) for net in docs)


@settings(max_examples=200, deadline=None)
@given(digits=st.from_regex(r"[3-6][0-9]{14,15}", fullmatch=True), sep=st.sampled_from(["", " ", "-"]))
def test_cards_keep_grouping_and_first_digit_and_pass_luhn(digits: str, sep: str) -> None:
    value = sep.join(digits[i : i + 4] for i in range(0, len(digits), 4))
    out = surrogate("CREDIT_CARD", value, KEY_A)
    out_digits = out.replace(sep, "") if sep else out
    assert re.sub(r"\d", "9", out) == re.sub(r"\d", "9", value) and out_digits[0] == digits[0]
    assert _luhn_check_digit(out_digits[:-1]) == out_digits[-1]


def test_luhn_check_digit_matches_known_numbers() -> None:
    for number in ("4111111111111111", "5555555555554444", "378282246310005", "6011111111111117"):
        assert _luhn_check_digit(number[:-1]) == number[-1]


@settings(max_examples=200, deadline=None)
@given(key=st.binary(min_size=16, max_size=32))
def test_iban_surrogates_fail_the_checksum_and_keep_the_country(key: bytes) -> None:
    out = surrogate("IBAN_CODE", "GB82 WEST 1234 5698 7654 32", key)
    assert out.startswith("GB") and re.fullmatch(r"GB\d\d [A-Z]{4}( \d{4}){3} \d\d", out)
    alnum = out.replace(" ", "")
    moved = alnum[4:] + alnum[:4]
    assert int("".join(str(int(c, 36)) for c in moved)) % 97 != 1


@pytest.mark.parametrize(
    "entity, value, reserved",
    [
        ("EMAIL_ADDRESS", "a@example.com", True),
        ("EMAIL_ADDRESS", "a@mail.example.org", True),
        ("EMAIL_ADDRESS", "a@example.co", False),
        ("PHONE_NUMBER", "(212) 555-0147", True),
        ("PHONE_NUMBER", "212-555-0247", False),
        ("PHONE_NUMBER", "+44 7700 900123", True),
        ("PHONE_NUMBER", "0161 496 0123", True),
        ("PHONE_NUMBER", "07911 123456", False),
        ("IP_ADDRESS", "203.0.113.9", True),
        ("IP_ADDRESS", "203.0.114.9", False),
        ("IP_ADDRESS", "2001:db8::1", True),
        ("URL", "https://www.example.net/a", True),
        ("URL", "https://example.com.evil.io/a", False),
        ("PERSON", "Judith", False),
    ],
)
def test_in_reserved_range(entity: str, value: str, reserved: bool) -> None:
    assert in_reserved_range(entity, value) is reserved


def test_country_code_table_matches_libphonenumber() -> None:
    from phonenumbers import COUNTRY_CODE_TO_REGION_CODE

    codes = {str(c) for c in COUNTRY_CODE_TO_REGION_CODE}
    assert {c for c in codes if len(c) == 1} == set(_CC_1)
    assert {c for c in codes if len(c) == 2} == set(_CC_2)


def test_name_pools_come_from_the_us_census_lists() -> None:
    import names

    base = Path(names.__file__).parent

    def census(name: str) -> dict[str, float]:
        rows = (line.split() for line in (base / name).read_text().splitlines() if line.strip())
        return {row[0].title(): float(row[1]) for row in rows}

    female, male, last = census("dist.female.first"), census("dist.male.first"), census("dist.all.last")
    assert all(female.get(n, 0) > male.get(n, 0) for n in FEMALE_FIRST_NAMES)
    assert all(male.get(n, 0) > female.get(n, 0) for n in MALE_FIRST_NAMES)
    assert set(LAST_NAMES) <= set(last)
    for pool in (FIRST_NAMES, LAST_NAMES, PLACE_WORDS):
        assert len(set(pool)) == len(pool) >= 70 and all(n.isalpha() and n.istitle() for n in pool)
    assert len(FIRST_NAMES) >= 200 and len(LAST_NAMES) >= 200


# --- config and operator wiring ---------------------------------------------------------------------------


def test_config_accepts_surrogate_and_names_its_key() -> None:
    cfg = parse_config(
        {"operators": {"default": {"type": "replace"}, "PERSON": {"type": "surrogate", "key_env": "SK"}}}
    )
    assert cfg.key_envs() == ["SK"]
    assert check_keys(cfg, {"SK": "s" * 16}) == {"SK": check_keys(cfg, {"SK": "s" * 16})["SK"]}
    with pytest.raises(ConfigError, match="environment variable SK is not set"):
        check_keys(cfg, {})
    with pytest.raises(ConfigError, match="at least 16 bytes"):
        check_keys(cfg, {"SK": "short"})


@pytest.mark.parametrize(
    "spec, message",
    [
        ({"type": "surrogate"}, r"operators\.PERSON\.surrogate\.key_env: Field required"),
        ({"type": "surrogate", "key_env": "SK", "locale": "en"}, r"operators\.PERSON\.surrogate\.locale: Extra inputs"),
        ({"type": "surrogate", "key_env": "not-a-name"}, r"operators\.PERSON\.surrogate\.key_env: String should match"),
    ],
)
def test_config_rejects_bad_surrogate_specs(spec: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_config({"operators": {"default": {"type": "replace"}, "PERSON": spec}})


def test_operator_set_applies_surrogate_and_needs_its_key() -> None:
    cfg = parse_config({"operators": {"default": {"type": "surrogate", "key_env": "SK"}}})
    ops = build_operators(cfg, {"SK": KEY_A.decode()})
    assert ops.apply("Ada Lovelace", "PERSON") == ("Judith Luong", "surrogate")
    assert ops.name_for("EMAIL_ADDRESS") == "surrogate"
    with pytest.raises(ConfigError, match="not set"):
        build_operators(cfg, {})


def test_example_config_validates_and_uses_surrogates() -> None:
    cfg = load_config(SURROGATES_YAML)
    assert {k: v.type for k, v in cfg.operators.items()} == {
        "default": "replace",
        "PERSON": "surrogate",
        "EMAIL_ADDRESS": "surrogate",
        "PHONE_NUMBER": "surrogate",
    }
    assert cfg.key_envs() == ["SCRUBLINE_SURROGATE_KEY"]
    with pytest.raises(ConfigError, match="SCRUBLINE_SURROGATE_KEY is not set"):
        check_keys(cfg, {})


# --- engine -------------------------------------------------------------------------------------------------


class FixedDetector(Detector):
    """Reports fixed substrings as entities (no model)."""

    name = "fixed"

    def __init__(self, spans: dict[str, str]) -> None:
        self.spans = spans

    def detect(self, texts: Sequence[str]) -> list[list[Finding]]:
        out = []
        for text in texts:
            found = []
            for value, entity in self.spans.items():
                start = text.find(value)
                while start >= 0:
                    found.append(Finding(entity, start, start + len(value), 0.9, self.name))
                    start = text.find(value, start + 1)
            out.append(sorted(found, key=lambda f: f.start))
        return out


def test_engine_writes_surrogates_with_their_out_offsets() -> None:
    cfg = load_config(SURROGATES_YAML)
    spans = {
        "Ada Lovelace": "PERSON",
        "ada.lovelace@acme.com": "EMAIL_ADDRESS",
        "+1 (415) 555-2671": "PHONE_NUMBER",
        "10.0.0.1": "IP_ADDRESS",
    }
    engine = RedactionEngine(cfg, [FixedDetector(spans)], build_operators(cfg, {"SCRUBLINE_SURROGATE_KEY": "k" * 32}))
    text = "From Ada Lovelace <ada.lovelace@acme.com>, +1 (415) 555-2671, host 10.0.0.1"
    (out,) = engine.redact([Document("1", text, "mail/ada.txt", (), "h" * 64, len(text), "in0/1")])
    assert out.text == "From Judith Luong <judith.luong@example.com>, +1 (833) 555-0193, host <IP_ADDRESS>"
    assert out.redactions == (
        Redaction("PERSON", 5, 17, 5, 17, "fixed", 0.9, "surrogate"),
        Redaction("EMAIL_ADDRESS", 19, 40, 19, 43, "fixed", 0.9, "surrogate"),
        Redaction("PHONE_NUMBER", 43, 60, 46, 63, "fixed", 0.9, "surrogate"),
        Redaction("IP_ADDRESS", 67, 75, 70, 82, "fixed", 0.9, "replace"),
    )
    for r in out.redactions:
        assert out.text[r.out_start : r.out_end] == (
            surrogate(r.entity_type, text[r.start : r.end], KEY_A) if r.operator == "surrogate" else "<IP_ADDRESS>"
        )


def test_apply_operators_offsets_follow_surrogate_lengths() -> None:
    ops = build_operators(
        parse_config({"operators": {"default": {"type": "surrogate", "key_env": "SK"}}}), {"SK": "k" * 32}
    )
    text = "Ada, ADA and ada"
    findings = [Finding("PERSON", 0, 3, 1, "d"), Finding("PERSON", 5, 8, 1, "d"), Finding("PERSON", 13, 16, 1, "d")]
    cleaned, log = apply_operators(text, findings, ops)
    assert cleaned == "Judith, JUDITH and judith"
    assert [(r.out_start, r.out_end) for r in log] == [(0, 6), (8, 14), (19, 25)]


def test_engine_with_real_detectors_needs_no_model() -> None:
    cfg = parse_config(
        {
            "detectors": ["presidio", "context", "person_names"],
            "operators": {
                "default": {"type": "replace"},
                "PERSON": {"type": "surrogate", "key_env": "SK"},
                "EMAIL_ADDRESS": {"type": "surrogate", "key_env": "SK"},
                "PHONE_NUMBER": {"type": "surrogate", "key_env": "SK"},
            },
        }
    )
    from transforms.detectors import build_detectors

    engine = RedactionEngine(cfg, build_detectors(cfg), build_operators(cfg, {"SK": "k" * 32}))
    text = "Thanks Svetlana Petrova, call me on (415) 555-2671 or mail svetlana.petrova@acme.com."
    (out,) = engine.redact([Document("1", text, "a.txt", (), "h" * 64, len(text), "in0/1")])
    first, last = surrogate("PERSON", "Svetlana Petrova", KEY_A).split()
    assert out.text == (
        f"Thanks {first} {last}, call me on (833) 555-0193 or mail {first.lower()}.{last.lower()}@example.com."
    )
    assert {r.operator for r in out.redactions} == {"surrogate"}
