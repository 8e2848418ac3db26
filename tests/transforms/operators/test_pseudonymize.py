"""``pseudonymize``: keyed HMAC-SHA256 tokens, separated by entity type."""

from __future__ import annotations

import hashlib
import hmac

from tests.transforms.operators.helpers import KEY, operators
from transforms.operators import pseudonym


def test_pseudonym_is_keyed_hmac_sha256_separated_by_type() -> None:
    expected = hmac.new(KEY.encode(), b"EMAIL_ADDRESS\x00a@b.co", hashlib.sha256).hexdigest()[:32]
    ops = operators({"default": {"type": "pseudonymize", "key_env": "SCRUB_KEY"}})
    assert ops.apply("a@b.co", "EMAIL_ADDRESS") == (f"<EMAIL_ADDRESS:{expected}>", "pseudonymize")
    assert ops.apply("a@b.co", "EMAIL_ADDRESS") == ops.apply("a@b.co", "EMAIL_ADDRESS")
    assert ops.apply("a@b.co", "URL")[0] != ops.apply("a@b.co", "EMAIL_ADDRESS")[0].replace("EMAIL_ADDRESS", "URL")


def test_pseudonym_rfc4231_case_2_underlies_the_token() -> None:
    # RFC 4231 test case 2 (key "Jefe"): checks we use plain HMAC-SHA256 over our message.
    digest = hmac.new(b"Jefe", b"what do ya want for nothing?", hashlib.sha256).hexdigest()
    assert digest == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
    assert pseudonym(b"Jefe" * 4, "X", "v") == pseudonym(b"Jefe" * 4, "X", "v")
