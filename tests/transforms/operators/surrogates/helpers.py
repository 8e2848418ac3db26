"""The two keys every surrogate golden is written under."""

from __future__ import annotations

KEY_A = b"k" * 32
KEY_B = b"another-key-0123456789"
