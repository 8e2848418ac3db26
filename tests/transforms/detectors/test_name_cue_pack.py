"""The cue pack's schema: strict keys, PERSON only, unique ids, registered checks, errors that name the cue."""

from __future__ import annotations

import pytest

from transforms.detectors.name_cue_pack import load_name_cues, parse_name_cues
from transforms.detectors.name_cues import register_cue_check
from transforms.detectors.rules.schema import RulePackError

_CUE = "  - {id: %s, entity: %s, description: d, checks: [%s]}\n"


def _pack(*cues: str, extra: str = "") -> str:
    return "pack: p\ndetector: person_names\n" + extra + "cues:\n" + "".join(cues)


def test_valid_pack_binds_checks_in_order() -> None:
    table = parse_name_cues(
        _pack(_CUE % ("a", "PERSON", "greeting_before"), _CUE % ("b", "PERSON", "field_label")), "t"
    )
    assert [cue_id for cue_id, _ in table.cues] == ["a", "b"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (_pack(_CUE % ("a", "PERSON", "no_such_check")), "t: rule 'a': checks[0]: unknown check 'no_such_check'"),
        (_pack(_CUE % ("a", "PERSN", "greeting_before")), "t: rule 'a': entity: Input should be 'PERSON'"),
        (_pack(_CUE % ("a", "PERSON", "")), "t: rule 'a': checks: List should have at least 1 item"),
        (_pack(_CUE % ("a", "PERSON", "field_label"), extra="colour: red\n"), "t: colour: Extra inputs"),
        (_pack(_CUE % ("a", "PERSON", "field_label"), _CUE % ("a", "PERSON", "field_label")), "cue ids used twice"),
        ("pack: p\npack: q\ndetector: x\ncues: []\n", "t: <yaml>: duplicate keys ['pack'] at line 1, column 1"),
        (_pack(_CUE % ("Bad-Id", "PERSON", "field_label")), "t: rule 'Bad-Id': id: String should match"),
    ],
)
def test_invalid_packs_name_the_fault(text: str, message: str) -> None:
    with pytest.raises(RulePackError) as err:
        parse_name_cues(text, "t")
    assert str(err.value).startswith(message) or message in str(err.value)


def test_a_check_name_registers_once() -> None:
    with pytest.raises(ValueError, match="registered twice"):
        register_cue_check("greeting_before")(lambda site: True)


def test_shipped_pack_loads_once() -> None:
    assert load_name_cues() is load_name_cues()
    assert all(cue.entity == "PERSON" and cue.description for cue in load_name_cues().pack.cues)
