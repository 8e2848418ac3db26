"""The ``example_cases`` helper: every example becomes a case, and a rule lacking examples fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.transforms.detectors.rules.cases import check_example_case, example_cases

SAMPLE = Path(__file__).parent / "data" / "sample_pack.yaml"


@pytest.mark.parametrize(("pack", "rule_id", "text", "expected"), example_cases([SAMPLE]))
def test_sample_pack_examples(pack: str, rule_id: str, text: str | None, expected: str | None) -> None:
    check_example_case(pack, rule_id, text, expected)


def test_cases_cover_every_example_in_file_order() -> None:
    cases = [case.values[1:] for case in example_cases([SAMPLE])]
    assert cases == [
        ("build_token", "BUILD_TOKEN=q8Wz3Lp0Xv7Rt2", "q8Wz3Lp0Xv7Rt2"),
        ("build_token", "  buildToken: 'Kd93mZq1Vb7Ne4'", "Kd93mZq1Vb7Ne4"),
        ("build_token", "build_token=aaaaaaaaaaaa", None),
        ("build_token", "the build token was rotated", None),
        ("badge_number", "Badge number 402913, level 3", "402913"),
        ("badge_number", "badge 12 of 40", None),
    ]
    assert [case.id for case in example_cases([SAMPLE])][:1] == ["sample.build_token:match[0]"]


def test_rule_without_a_no_match_example_fails(tmp_path: Path) -> None:
    pack = tmp_path / "lacking.yaml"
    pack.write_text(
        "pack: lacking\ndetector: demo\nrules:\n"
        "  - {id: r, entity: X, score: 0.5, pattern: 'ab(?P<v>\\d+)',"
        " examples: {match: [{text: 'ab12', value: '12'}]}}\n",
        encoding="utf-8",
    )
    cases = list(example_cases([pack]))
    assert [case.id for case in cases] == ["demo.r:match[0]", "demo.r:missing_no_match"]
    check_example_case(*cases[0].values)
    with pytest.raises(pytest.fail.Exception, match=r"^demo\.r has no no_match example$"):
        check_example_case(*cases[1].values)


def test_wrong_expected_value_fails() -> None:
    with pytest.raises(AssertionError):
        check_example_case(str(SAMPLE), "badge_number", "badge no. 5551234", "555123")
