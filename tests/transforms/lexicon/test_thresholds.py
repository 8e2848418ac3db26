"""``thresholds.yaml`` and its loader: exact values and kinds, strict names, every threshold used."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from transforms.lexicon import thresholds
from transforms.lexicon.thresholds import (
    THRESHOLDS_FILE,
    UnknownThresholdError,
    int_threshold,
    load_thresholds,
    threshold,
)

TRANSFORMS = Path(thresholds.__file__).parents[1]
_KEY_LINE = re.compile(r"([a-z][a-z0-9_]*):")


def _key_lines() -> list[tuple[int, str]]:
    lines = THRESHOLDS_FILE.read_text(encoding="utf-8").splitlines()
    return [(i, m.group(1)) for i, line in enumerate(lines) if (m := _KEY_LINE.match(line))]


def test_the_file_defines_forty_seven_thresholds_once_each() -> None:
    names = [name for _, name in _key_lines()]
    assert len(names) == 47
    assert len(set(names)) == len(names), "a name defined twice (YAML would keep only the last)"
    assert sorted(load_thresholds()) == sorted(names)


def test_every_threshold_has_a_comment_line_before_it() -> None:
    lines = THRESHOLDS_FILE.read_text(encoding="utf-8").splitlines()
    assert [name for i, name in _key_lines() if not lines[i - 1].startswith("# ")] == []


@pytest.mark.parametrize(
    "name, value",
    [
        ("common_word_zipf", 3.0),
        ("names_cued_max_zipf", 4.8),
        ("names_judge_score", 0.9),
        ("ner_tech_zipf", 4.0),
        ("context_common_street_word_zipf", 3.0),
        ("presidio_national_id_score", 0.85),
        ("propagation_first_name_max_zipf", 4.8),
    ],
)
def test_float_thresholds(name: str, value: float) -> None:
    got = threshold(name)
    assert type(got) is float and got == value


@pytest.mark.parametrize(
    "name, value",
    [
        ("names_shout_surname_rank", 10000),
        ("names_lower_first_rank_limit", 1500),
        ("ner_tech_window", 250),
        ("ner_tech_min", 3),
        ("context_top_surname_rank", 1000),
        ("propagation_min_key_chars", 3),
        ("propagation_username_min_chars", 4),
    ],
)
def test_int_thresholds(name: str, value: int) -> None:
    got = int_threshold(name)
    assert type(got) is int and got == value


def test_an_unknown_name_raises_and_names_the_known_ones() -> None:
    with pytest.raises(UnknownThresholdError, match=r"unknown threshold 'common_word_zipp'.*'common_word_zipf'"):
        threshold("common_word_zipp")
    with pytest.raises(UnknownThresholdError):
        int_threshold("ner_tech_windw")


def test_asking_for_the_wrong_kind_raises() -> None:
    with pytest.raises(TypeError, match="int_threshold"):
        threshold("ner_tech_min")
    with pytest.raises(TypeError, match="read it with threshold"):
        int_threshold("common_word_zipf")


def test_the_shared_common_word_frequency_is_one_value_in_both_modules() -> None:
    from transforms.detectors import names
    from transforms.redaction import propagate

    assert names.COMMON_WORD_ZIPF == propagate.COMMON_WORD_ZIPF == threshold("common_word_zipf")


def test_every_threshold_is_read_somewhere_in_transforms() -> None:
    source = "\n".join(p.read_text(encoding="utf-8") for p in TRANSFORMS.rglob("*.py"))
    read = set(re.findall(r"""\b(?:int_)?threshold\(["']([a-z0-9_]+)["']\)""", source))
    assert sorted(set(load_thresholds()) - read) == []
    assert sorted(read - set(load_thresholds())) == []


def test_no_module_of_detection_keeps_a_literal_zipf_or_rank_constant() -> None:
    literal = re.compile(r"^_?[A-Z0-9_]*(?:ZIPF|RANK|RANK_LIMIT)\s*=\s*[0-9]", re.MULTILINE)
    offenders = [
        str(p.relative_to(TRANSFORMS))
        for p in TRANSFORMS.rglob("*.py")
        if literal.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == []


@pytest.mark.parametrize(
    "text, message",
    [
        ("- 1.0\n", "expected a mapping"),
        ("Bad-Name: 1.0\n", "not a snake_case name"),
        ("flag: true\n", "expected a number, got True"),
        ("quoted: '3.0'\n", "expected a number, got '3.0'"),
    ],
)
def test_a_malformed_file_is_rejected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, message: str) -> None:
    bad = tmp_path / "thresholds.yaml"
    bad.write_text(text, encoding="utf-8")
    monkeypatch.setattr(thresholds, "THRESHOLDS_FILE", bad)
    load_thresholds.cache_clear()
    try:
        with pytest.raises(ValueError, match=message):
            load_thresholds()
    finally:
        load_thresholds.cache_clear()


def test_the_mapping_is_read_only() -> None:
    with pytest.raises(TypeError):
        load_thresholds()["common_word_zipf"] = 1.0  # type: ignore[index]
