"""Keyed randomness: every choice a surrogate makes is drawn from HMAC-SHA256 under the key, never ``random``."""

from __future__ import annotations

import hashlib
import hmac

from transforms.operators.surrogates.text import DIGITS, same

__all__ = ["Draws", "pick"]

# Domain separation: changing it changes every surrogate (an output change, like changing a generator).
_LABEL = b"scrubline-surrogate-v1"


class Draws:
    """A deterministic stream of integers: HMAC-SHA256(key, label || counter), 4 bytes per draw.

    The label is ``scrubline-surrogate-v1`` followed by each of ``parts``, length-prefixed, so two
    different part lists never share a stream.
    """

    def __init__(self, key: bytes, *parts: str | int) -> None:
        label = bytearray(_LABEL)
        for part in parts:
            data = str(part).encode("utf-8", "surrogatepass")
            label += len(data).to_bytes(4, "big") + data
        self._key = key
        self._label = bytes(label)
        self._counter = 0
        self._buf = b""

    def below(self, n: int) -> int:
        """An integer in ``range(n)`` (bias below n / 2**32, irrelevant here)."""
        if len(self._buf) < 4:
            block = self._label + self._counter.to_bytes(8, "big")
            self._buf += hmac.new(self._key, block, hashlib.sha256).digest()
            self._counter += 1
        value, self._buf = int.from_bytes(self._buf[:4], "big"), self._buf[4:]
        return value % n

    def choice(self, options: str | tuple[str, ...]) -> str:
        """One of ``options`` (one draw)."""
        return options[self.below(len(options))]

    def digits(self, n: int) -> str:
        """``n`` ASCII digits (one draw each)."""
        return "".join(DIGITS[self.below(10)] for _ in range(n))


def pick(pool: tuple[str, ...], draws: Draws, avoid: str) -> str:
    """A pool entry; if it equals ``avoid`` (case-insensitively), the next one."""
    i = draws.below(len(pool))
    while same(pool[i], avoid):
        i = (i + 1) % len(pool)
    return pool[i]
