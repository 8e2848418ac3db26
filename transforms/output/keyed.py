"""Keyed digests: every hash of content a run publishes is an HMAC-SHA256 under the state key.

A plain hash of a record's text, of an uploaded file or of an exclusion value lets anyone who holds the
output confirm a guess (hash the guess, compare). Under a secret key it confirms nothing. Each use gets
its own subkey (``HMAC(key, "scrubline-state" NUL purpose)``), so a value keyed for one purpose never
equals one keyed for another, and the state key may even be the pseudonymization key without a
pseudonym ever equalling a digest.

Without a state key (``output.state_key_env`` unset) the keyed fields are left empty or null, and the
manifest says ``state_key: null``. The key is read from the environment on each worker
(``load_state_key``); the job carries only the variable's name and the key's public id.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from transforms.config import key_id, read_state_key

__all__ = [
    "CONTENT",
    "DERIVED_ID",
    "FINGERPRINT",
    "INPUT",
    "MANIFEST",
    "OUTPUT",
    "RULE",
    "StateKeyError",
    "StateKeyRef",
    "keyed_hasher",
    "keyed_hex",
    "keyed_sha256",
    "load_state_key",
    "manifest_verifies",
    "same_digest",
    "seal_manifest",
    "state_key_id",
]

# The purposes a subkey is derived for.
CONTENT = "content"  # a record's id, source, text and metadata (fingerprints: content_hmac)
INPUT = "input"  # the raw bytes a record or input file came from (quarantine, manifest inputs)
OUTPUT = "output"  # a published row (fingerprints: output_hmac)
FINGERPRINT = "fingerprint"  # a fingerprint row (fingerprints: fingerprint_hmac)
RULE = "rule"  # a rule value: term, domain, regex, exclusion value (manifest config)
MANIFEST = "manifest"  # the manifest, less its reuse section (manifest: hmac)
DERIVED_ID = "derived-id"  # where a file is: derived record ids and opaque sources (readers.inputs)

# The manifest fields its MAC does not cover: the MAC itself, and what --previous carried over (the
# only part where an incremental run may differ from a full rerun).
_UNSEALED = ("hmac", "reuse")


class StateKeyError(RuntimeError):
    """A worker's state key is missing or differs from the launcher's (by key id); never names the key."""


@functools.lru_cache(maxsize=64)
def _subkey(key: bytes, purpose: str) -> bytes:
    return hmac.new(key, b"scrubline-state\x00" + purpose.encode("ascii"), hashlib.sha256).digest()


def keyed_hasher(key: bytes, purpose: str) -> hmac.HMAC:
    """An HMAC-SHA256 object under ``purpose``'s subkey, to feed a long value piece by piece."""
    return hmac.new(_subkey(key, purpose), digestmod=hashlib.sha256)


def keyed_hex(key: bytes, purpose: str, *parts: str) -> str:
    """Hex HMAC-SHA256 of ``parts`` (each length-prefixed UTF-8, lone surrogates passed through)."""
    h = keyed_hasher(key, purpose)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass")
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def keyed_sha256(key: bytes | None, purpose: str, sha256_hex: str) -> str:
    """The published form of an in-memory plain sha256 (hex): its HMAC under ``purpose``'s subkey.

    Empty when there is no key or no digest (bytes never read). Workers keep plain digests only in
    memory; this is the one place they become something a run writes.
    """
    if key is None or not sha256_hex:
        return ""
    return keyed_hex(key, purpose, sha256_hex)


def state_key_id(key: bytes | None) -> str | None:
    """The public id of a state key (as ``key_ids`` of pseudonymization keys), None without a key."""
    return None if key is None else key_id(key.decode("utf-8"))


@dataclass(frozen=True)
class StateKeyRef:
    """What a job carries about the state key: the variable that holds it and its public id, never the key."""

    env: str
    key_id: str


@functools.lru_cache(maxsize=8)
def _load(env: str, expected_id: str) -> bytes:
    try:
        key = read_state_key(env)
    except ValueError:
        key = None
    if key is None or state_key_id(key) != expected_id:
        raise StateKeyError(f"this worker's {env} is missing or is not the key the launcher checked (by key id)")
    return key


def load_state_key(ref: StateKeyRef | None) -> bytes | None:
    """The state key on this worker (read from its environment once per process), None when the run has none.

    Raises StateKeyError when the worker's key is missing or another key than the launcher's, so no
    worker ever writes values keyed differently from what the manifest's ``state_key`` says.
    """
    return None if ref is None else _load(ref.env, ref.key_id)


def _canonical(manifest: Mapping[str, Any]) -> str:
    sealed = {k: v for k, v in manifest.items() if k not in _UNSEALED}
    return json.dumps(sealed, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


def seal_manifest(manifest: Mapping[str, Any], key: bytes | None) -> dict[str, Any]:
    """``manifest`` plus ``hmac``: a MAC under the state key of everything but ``reuse`` (None without a key)."""
    return {**manifest, "hmac": None if key is None else keyed_hex(key, MANIFEST, _canonical(manifest))}


def same_digest(given: str, expected: str) -> bool:
    """Constant-time comparison of a digest read from a file (any text) with one computed here."""
    return hmac.compare_digest(given.encode("utf-8", "surrogatepass"), expected.encode("ascii"))


def manifest_verifies(manifest: Mapping[str, Any], key: bytes) -> bool:
    """True if ``manifest`` (as read back) carries a valid ``hmac`` under ``key``."""
    mac = manifest.get("hmac")
    return isinstance(mac, str) and same_digest(mac, keyed_hex(key, MANIFEST, _canonical(manifest)))
