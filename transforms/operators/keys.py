"""Keys of the keyed operators (``pseudonymize``, ``surrogate``): read from the environment, never the config."""

from __future__ import annotations

from collections.abc import Mapping

from transforms.config import MIN_KEY_BYTES, ConfigError

__all__ = ["check_key", "read_key"]


def read_key(name: str, environ: Mapping[str, str]) -> bytes:
    """The key in environment variable ``name``, UTF-8 encoded.

    Raises ConfigError if it is unset, empty or shorter than 128 bits.
    """
    value = environ.get(name)
    if not value:
        raise ConfigError(f"pseudonymization key missing: environment variable {name} is not set")
    key = value.encode("utf-8")
    if len(key) < MIN_KEY_BYTES:
        raise ConfigError(f"pseudonymization key too short: {name} must hold at least {MIN_KEY_BYTES} bytes (128 bits)")
    return key


def check_key(params: Mapping[str, object] | None, operator_name: str) -> None:
    """Raise ValueError unless ``params["key"]`` holds at least 16 bytes (Presidio's ``validate`` contract)."""
    key = (params or {}).get("key")
    if not isinstance(key, bytes) or len(key) < MIN_KEY_BYTES:
        raise ValueError(f"{operator_name} needs a key of at least 16 bytes")
