"""Unit tests for transforms.output.keyed: subkeys per purpose, the manifest seal, the worker's key."""

from __future__ import annotations

import hashlib
import hmac
import json

import pytest

from transforms.config import ConfigError, key_id, read_state_key
from transforms.output.keyed import (
    CONTENT,
    INPUT,
    StateKeyError,
    StateKeyRef,
    keyed_hex,
    keyed_sha256,
    load_state_key,
    manifest_verifies,
    same_digest,
    seal_manifest,
    state_key_id,
)

KEY = b"state-key-for-tests-0001"


def test_keyed_hex_is_hmac_sha256_under_a_subkey_per_purpose() -> None:
    subkey = hmac.new(KEY, b"scrubline-state\x00content", hashlib.sha256).digest()
    message = len(b"ab").to_bytes(8, "big") + b"ab" + len(b"c").to_bytes(8, "big") + b"c"
    assert keyed_hex(KEY, CONTENT, "ab", "c") == hmac.new(subkey, message, hashlib.sha256).hexdigest()
    assert keyed_hex(KEY, CONTENT, "ab", "c") != keyed_hex(KEY, CONTENT, "a", "bc")  # parts are length-prefixed
    assert keyed_hex(KEY, CONTENT, "ab") != keyed_hex(KEY, INPUT, "ab")  # purposes never collide
    assert keyed_hex(KEY, CONTENT, "ab") != keyed_hex(b"state-key-for-tests-0002", CONTENT, "ab")
    plain = hashlib.sha256(b"ab").hexdigest()
    assert plain not in {keyed_hex(KEY, p, "ab") for p in (CONTENT, INPUT)}
    assert keyed_hex(KEY, CONTENT, "\udc80") == keyed_hex(KEY, CONTENT, "\udc80")  # lone surrogates pass


def test_keyed_sha256_is_empty_without_a_key_or_a_digest() -> None:
    digest = hashlib.sha256(b"raw bytes").hexdigest()
    assert keyed_sha256(KEY, INPUT, digest) == keyed_hex(KEY, INPUT, digest)
    assert keyed_sha256(None, INPUT, digest) == ""
    assert keyed_sha256(KEY, INPUT, "") == ""


def test_the_manifest_seal_covers_everything_but_reuse() -> None:
    manifest = {"ruleset": "r", "files": [{"path": "records/part-00000-of-00001.parquet", "sha256": "ab"}]}
    sealed = seal_manifest({**manifest, "reuse": None}, KEY)
    canonical = json.dumps(manifest, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    assert sealed["hmac"] == keyed_hex(KEY, "manifest", canonical)
    back = json.loads(json.dumps(sealed, indent=2))
    assert manifest_verifies(back, KEY)
    assert manifest_verifies({**back, "reuse": {"carried_over": 3}}, KEY)
    assert not manifest_verifies({**back, "ruleset": "s"}, KEY)
    assert not manifest_verifies(back, b"state-key-for-tests-0002")
    assert not manifest_verifies({**back, "hmac": None}, KEY)
    assert not manifest_verifies({**back, "hmac": "é" * 64}, KEY)
    assert seal_manifest(manifest, None) == {**manifest, "hmac": None}


def test_same_digest_takes_any_text() -> None:
    assert same_digest("ab", "ab") and not same_digest("ab", "ac") and not same_digest("\u00e9", "ab")


def test_read_state_key() -> None:
    assert read_state_key("K", {"K": "s" * 16}) == b"s" * 16
    assert read_state_key("K", {}) is None and read_state_key("K", {"K": ""}) is None
    with pytest.raises(ConfigError, match="state key too short: K must hold at least 16 bytes"):
        read_state_key("K", {"K": "s" * 15})


def test_a_worker_reads_the_key_the_launcher_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCRUBLINE_TEST_STATE_KEY", KEY.decode())
    ref = StateKeyRef("SCRUBLINE_TEST_STATE_KEY", key_id(KEY.decode()))
    assert state_key_id(KEY) == ref.key_id and state_key_id(None) is None
    assert load_state_key(ref) == KEY and load_state_key(None) is None
    assert KEY.decode() not in repr(ref)
    with pytest.raises(StateKeyError) as info:
        load_state_key(StateKeyRef("SCRUBLINE_TEST_STATE_KEY", "0" * 16))  # another key than the launcher's
    assert str(info.value) == (
        "this worker's SCRUBLINE_TEST_STATE_KEY is missing or is not the key the launcher checked (by key id)"
    )
    with pytest.raises(StateKeyError):
        load_state_key(StateKeyRef("SCRUBLINE_TEST_UNSET_STATE_KEY", ref.key_id))
