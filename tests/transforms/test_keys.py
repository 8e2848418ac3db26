"""Issue 3.4: keyed pseudonyms. RFC 4231 vectors, type separation, key length, key never exposed."""

from __future__ import annotations

import pytest

from transforms.config import parse_config
from transforms.operators import PSEUDONYM_HEX_CHARS, build_operators, hmac_sha256, pseudonym

# RFC 4231 section 4: (key, data, HMAC-SHA-256). Case 5 (truncated output) is covered by prefix.
RFC4231 = [
    (b"\x0b" * 20, b"Hi There", "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
    (b"Jefe", b"what do ya want for nothing?", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
    (b"\xaa" * 20, b"\xdd" * 50, "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
    (bytes(range(1, 26)), b"\xcd" * 50, "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
    (b"\x0c" * 20, b"Test With Truncation", "a3b6167473100ee06e0c796c2955552b"),
    (
        b"\xaa" * 131,
        b"Test Using Larger Than Block-Size Key - Hash Key First",
        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
    ),
    (
        b"\xaa" * 131,
        b"This is a test using a larger than block-size key and a larger than block-size data. The key "
        b"needs to be hashed before being used by the HMAC algorithm.",
        "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
    ),
]


@pytest.mark.parametrize("key, data, expected", RFC4231)
def test_rfc4231_vectors(key: bytes, data: bytes, expected: str) -> None:
    assert hmac_sha256(key, data).startswith(expected)


def test_pseudonym_is_128_bits_and_separated_per_type() -> None:
    key = b"k" * 16
    token = pseudonym(key, "PERSON", "Ada")
    assert token == f"<PERSON:{hmac_sha256(key, b'PERSON' + bytes(1) + b'Ada')[:32]}>"
    assert PSEUDONYM_HEX_CHARS * 4 >= 128
    assert token.split(":")[1] != pseudonym(key, "USERNAME", "Ada").split(":")[1]
    assert pseudonym(b"other-key-16byte", "PERSON", "Ada") != token


def test_operator_set_holds_no_key_in_its_repr() -> None:
    cfg = parse_config({"operators": {"default": {"type": "pseudonymize", "key_env": "K"}}})
    ops = build_operators(cfg, {"K": "super-secret-key-material"})
    assert "super-secret" not in repr(ops.__dict__.keys())
