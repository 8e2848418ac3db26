"""The keyed stream every surrogate draws from: fixed for a key and label, separated by label parts."""

from __future__ import annotations

from tests.transforms.operators.surrogates.helpers import KEY_A, KEY_B
from transforms.operators.surrogates.draws import Draws, pick


def test_the_stream_is_fixed_by_key_and_parts_across_hmac_blocks() -> None:
    draws = Draws(KEY_A, "a", 1)
    assert [draws.below(1000) for _ in range(10)] == [820, 21, 372, 513, 55, 500, 867, 438, 158, 922]
    assert Draws(KEY_A, "a", "1").below(1000) == 820  # parts are compared as text
    assert Draws(KEY_A, "a1").below(1000) == 69  # parts are length-prefixed: ("a", 1) is not ("a1",)
    assert Draws(KEY_B, "a", 1).below(1000) != 820


def test_digits_and_choice() -> None:
    assert Draws(KEY_A, "x").digits(12) == "899793493075"
    assert Draws(KEY_A, "x").choice(("p", "q", "r")) == "r"


def test_pick_skips_the_value_to_avoid_case_insensitively() -> None:
    pool = ("Ada", "Bob")
    drawn = pool[Draws(KEY_A, "p").below(2)]
    assert pick(pool, Draws(KEY_A, "p"), "nobody") == drawn
    assert pick(pool, Draws(KEY_A, "p"), drawn.upper()) == next(p for p in pool if p != drawn)
