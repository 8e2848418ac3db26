"""Every name cue's own examples, run through the whole name detector: a match example must yield exactly
its value under the cue's detector id, a no_match example nothing under it; a cue lacking either kind fails."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import pytest
from _pytest.mark import ParameterSet

from transforms.detectors.name_cue_pack import NAME_CUE_PACK, load_name_cues
from transforms.detectors.name_cues import CUE_CHECKS, CueSite
from transforms.detectors.name_tokens import tokenize
from transforms.detectors.names import NameListDetector
from transforms.lexicon.names import load_name_lists


def _cases() -> Iterator[ParameterSet]:
    table = load_name_cues()
    for cue in table.pack.cues:
        for k, example in enumerate(cue.examples.match):
            yield pytest.param(cue.id, example.text, example.value, id=f"{cue.id}:match[{k}]")
        for k, text in enumerate(cue.examples.no_match):
            yield pytest.param(cue.id, text, None, id=f"{cue.id}:no_match[{k}]")
        if not cue.examples.match:
            yield pytest.param(cue.id, None, "<a match example>", id=f"{cue.id}:missing_match")
        if not cue.examples.no_match:
            yield pytest.param(cue.id, None, None, id=f"{cue.id}:missing_no_match")


@cache
def _detector() -> NameListDetector:
    return NameListDetector(*load_name_lists())


@pytest.mark.parametrize(("cue_id", "text", "expected"), _cases())
def test_cue_examples(cue_id: str, text: str | None, expected: str | None) -> None:
    if text is None:
        pytest.fail(f"cue {cue_id} has no {'match' if expected else 'no_match'} example")
    (findings,) = _detector().detect([text])
    values = [text[f.start : f.end] for f in findings if f.detector == f"person_names.{cue_id}"]
    assert values == ([] if expected is None else [expected])


def test_every_registered_check_is_used_by_the_pack() -> None:
    used = {name for cue in load_name_cues().pack.cues for name in cue.checks}
    assert used == set(CUE_CHECKS)


def test_cue_ids_in_order() -> None:
    assert [cue.id for cue in load_name_cues().pack.cues] == [
        "action_item_owner",
        "speech_verb_after",
        "speaker_label",
        "vocative_request",
        "person_predicate",
        "from_department",
        "possessive_unknown_word",
        "activity_question",
        "unknown_word_you",
        "first_name_you",
        "pronoun_after",
        "vocative_end",
        "vocative_question",
        "pair_of_names",
        "list_of_names",
        "field_label",
        "next_in_list",
        "greeting_before",
        "relation_before",
        "object_verb_before",
        "cue_phrase_before",
        "and_after_name",
    ]
    assert NAME_CUE_PACK.name == "person_names.cues.yaml"


def _site(text: str, i: int) -> CueSite:
    return CueSite.at(text, tokenize(text, 0, len(text)), i, [], _detector())


@pytest.mark.parametrize(
    ("text", "i", "prev", "gap_before", "nxt", "gap_after"),
    [
        ("hi tavonga", 1, "hi", " ", "", None),
        ("Tavonga: I agree", 0, "", None, "I", ": "),
        ("THANKS,\nRufaro said", 1, "thanks", ",\n", "said", " "),
    ],
)
def test_cue_site_neighbours(
    text: str, i: int, prev: str, gap_before: str | None, nxt: str, gap_after: str | None
) -> None:
    site = _site(text, i)
    assert (site.prev, site.gap_before, site.nxt, site.gap_after) == (prev, gap_before, nxt, gap_after)


def test_first_cue_wins() -> None:
    # "ask" is a greeting-like cue, but the department after the word is asked about first.
    assert load_name_cues().first(_site("ask rufaro from finance", 1)) == "from_department"
    assert load_name_cues().first(_site("ask rufaro", 1)) == "greeting_before"
    assert load_name_cues().first(_site("the rufaro", 1)) is None
