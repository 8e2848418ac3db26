"""E-mails, IPs, URLs and hosts: local-part shape kept, hosts and addresses in reserved domains and ranges."""

from __future__ import annotations

import ipaddress
import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tests.transforms.operators.surrogates.helpers import KEY_A, KEY_B
from transforms.operators.surrogates import in_reserved_range, surrogate

# (entity type, original, surrogate under KEY_A, surrogate under KEY_B)
EXPECTED = [
    ("EMAIL_ADDRESS", "ada.lovelace@acme.com", "judith.luong@example.com", "nadia.romano@example.com"),
    ("EMAIL_ADDRESS", "jsmith42@corp.acme.net", "greta22@example.net", "adele27@example.net"),
    ("EMAIL_ADDRESS", "info@acme.org", "info@example.org", "info@example.org"),
    ("EMAIL_ADDRESS", "ADA@ACME.COM", "JUDITH@EXAMPLE.COM", "NADIA@EXAMPLE.COM"),
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
]


@pytest.mark.parametrize("entity, value, under_a, under_b", EXPECTED)
def test_exact_surrogates_for_two_keys(entity: str, value: str, under_a: str, under_b: str) -> None:
    assert surrogate(entity, value, KEY_A) == under_a
    assert surrogate(entity, value, KEY_A) == under_a  # deterministic: no state between calls
    assert surrogate(entity, value, KEY_B) == under_b


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
