"""The labelled-value detector: values after their labels in every syntax, one finding per span and type."""

from __future__ import annotations

import pytest

from tests.transforms.detectors.linearity import assert_linear
from transforms.detectors.labels import LabelledValueDetector
from transforms.detectors.registry import BUILTIN_DETECTORS


@pytest.fixture(scope="module")
def detector() -> LabelledValueDetector:
    return LabelledValueDetector()


TEXT = (
    "Hallo Team,\n"
    "Benutzername: lkrause7\nPasswort: Fjord#2290\n"
    "Geburtsdatum: 14.02.1983, Kundennummer 4410-2291\n"
    "docker login -u lkrause7 -p Qm4Rt8Zx registry.example.org\n"
    "numéro de passeport : 20CV88121\n"
)


def test_finds_every_labelled_value(detector: LabelledValueDetector) -> None:
    (findings,) = detector.detect([TEXT])
    found = [(f.entity_type, TEXT[f.start : f.end], f.detector) for f in findings]
    assert found == [
        ("USERNAME", "lkrause7", "labelled_values.username"),
        ("PASSWORD", "Fjord#2290", "labelled_values.password"),
        ("DATE_OF_BIRTH", "14.02.1983", "labelled_values.date_of_birth"),
        ("ID", "4410-2291", "labelled_values.identifier"),
        ("USERNAME", "lkrause7", "labelled_values.cli_user"),
        ("PASSWORD", "Qm4Rt8Zx", "labelled_values.cli_password"),
        ("PASSPORT", "20CV88121", "labelled_values.passport"),
    ]


def test_one_finding_per_span_and_type(detector: LabelledValueDetector) -> None:
    text = "pwd: Lq7!mX2p"
    (findings,) = detector.detect([text])
    assert [(f.entity_type, f.start, f.end) for f in findings] == [("PASSWORD", 5, 13)]


def test_ordinary_text_gives_nothing(detector: LabelledValueDetector) -> None:
    texts = ["The user is responsible for the password policy.", "Order of the day: 3 items", ""]
    assert detector.detect(texts) == [[], [], []]


def test_declares_the_registry_types() -> None:
    assert LabelledValueDetector.entity_types == BUILTIN_DETECTORS["labelled_values"].entity_types


@pytest.mark.parametrize(
    "unit",
    [
        "password: ",
        "customer no ",
        "nif no ",
        "pw is x ",
        "docker login -u a ",
        "dob: 1.1.1 ",
        "Az. 1 O ",
        "- 1 BvR 1/1 ",
        "n. 12/",
        "C-1/1 and ",
        "user x (user) ",
    ],
)
def test_adversarial_repetitions_stay_linear(detector: LabelledValueDetector, unit: str) -> None:
    # Half a megabyte of one label repeated: every keyword hit, every match rejected by its check.
    assert detector.detect([unit * (500_000 // len(unit))]) == [[]]
    assert_linear(detector, unit, 500_000)
