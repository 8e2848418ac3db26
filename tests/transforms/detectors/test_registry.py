"""The registry is the single list of detectors: every detector module agrees with it, and the config and
the engine read their names and entity types from it."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest

from transforms.config import ScrublineConfig, parse_config
from transforms.detectors.base import DETECTOR_REGISTRY, Detector, register_detector
from transforms.detectors.registry import BUILTIN_DETECTORS, BUILTIN_ENTITY_TYPES, DETECTOR_NAMES, known_entity_types

SNAPSHOT = Path(__file__).with_name("registry_snapshot.json")
UPDATE = "python -m tests.transforms.detectors.test_registry"

CUSTOM = {
    "nlp": {"labels": {"PERSON": "PERSON", "NORP": "GROUP", "PRODUCT": "PRODUCT_NAME"}},
    "proprietary": {"terms": {"CODENAME": ["Larkspur"], "PARTNER": ["Quillon Freight"]}},
    "patterns": [{"entity": "TICKET_ID", "regex": "TK-[0-9]+"}, {"entity": "ORDER_REF", "regex": "OR[0-9]{6}"}],
}


def _detector_classes() -> dict[str, type[Detector]]:
    for spec in BUILTIN_DETECTORS.values():
        importlib.import_module(spec.module)
    found: dict[str, type[Detector]] = {}
    pending = list(Detector.__subclasses__())
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if cls.name in BUILTIN_DETECTORS and cls.__module__ == BUILTIN_DETECTORS[cls.name].module:
            found.setdefault(cls.name, cls)
    return found


@pytest.fixture(scope="module")
def classes() -> dict[str, type[Detector]]:
    return _detector_classes()


def test_every_builtin_detector_has_a_class_and_a_factory(classes: dict[str, type[Detector]]) -> None:
    assert sorted(classes) == sorted(BUILTIN_DETECTORS)
    assert sorted(DETECTOR_REGISTRY) == sorted(BUILTIN_DETECTORS)


@pytest.mark.parametrize("config", [ScrublineConfig(), parse_config(CUSTOM)], ids=["default", "custom"])
def test_classes_declare_what_the_registry_lists(classes: dict[str, type[Detector]], config: ScrublineConfig) -> None:
    for name, cls in classes.items():
        spec = BUILTIN_DETECTORS[name]
        assert cls.entity_types == spec.entity_types, name
        assert cls.entity_types_for(config) == spec.entity_types_for(config), name


def test_config_defined_types_come_from_the_config() -> None:
    config = parse_config(CUSTOM)
    by_name = {name: spec.entity_types_for(config) for name, spec in BUILTIN_DETECTORS.items()}
    assert by_name["spacy_ner"] == {"PERSON", "ORGANIZATION", "LOCATION", "GROUP", "PRODUCT_NAME"}
    assert by_name["proprietary_terms"] == {"CODENAME", "PARTNER"}
    assert by_name["patterns"] == {"TICKET_ID", "ORDER_REF"}
    assert known_entity_types(config) == BUILTIN_ENTITY_TYPES | {
        "GROUP",
        "PRODUCT_NAME",
        "CODENAME",
        "PARTNER",
        "TICKET_ID",
        "ORDER_REF",
    }


def test_spacy_ner_declares_the_default_label_mapping() -> None:
    assert BUILTIN_DETECTORS["spacy_ner"].entity_types == frozenset(ScrublineConfig().nlp.labels.values())


def test_the_rules_report_only_declared_types() -> None:
    from transforms.detectors import context, credentials, presidio, tables

    context_rules = context.ContextDetector().engine.rules()
    context_types = {r.entity_type for r in context_rules} | set(tables.FIELD_ENTITIES.values())
    assert context_types == BUILTIN_DETECTORS["context"].entity_types
    credential_types = {r.entity_type for r in credentials.CredentialDetector().engine.rules()}
    assert credential_types == BUILTIN_DETECTORS["credentials"].entity_types
    from transforms.detectors import labels

    label_types = {r.entity_type for r in labels.LabelledValueDetector().engine.rules()}
    assert label_types == BUILTIN_DETECTORS["labelled_values"].entity_types
    presidio_types = {presidio.reported_entity_type(rec) for rec in presidio.default_recognizers()}
    assert presidio_types == BUILTIN_DETECTORS["presidio"].entity_types


def test_config_detector_names_are_the_registry() -> None:
    assert DETECTOR_NAMES == tuple(BUILTIN_DETECTORS)
    assert ScrublineConfig().detectors == list(DETECTOR_NAMES)


def test_a_detector_that_disagrees_with_the_registry_fails_at_definition() -> None:
    with pytest.raises(TypeError) as info:

        class Wrong(Detector):
            name = "person_names"
            entity_types = frozenset({"LOCATION"})

            def detect(self, texts: object) -> list:
                return []

    assert str(info.value) == (
        "detector 'person_names' (Wrong) declares entity types ['LOCATION'], "
        "but transforms/detectors/registry.py lists ['PERSON']: make them agree"
    )


def test_an_unlisted_detector_cannot_be_registered() -> None:
    with pytest.raises(ValueError, match=r"^detector 'magic' is not listed in transforms/detectors/registry\.py$"):
        register_detector("magic")


def registry_snapshot() -> dict[str, dict[str, object]]:
    """The registry as reviewable data: detector name -> module, entity types, and the config key that adds more."""
    return {
        name: {"module": spec.module, "entity_types": sorted(spec.entity_types), "from_config": spec.config_source}
        for name, spec in BUILTIN_DETECTORS.items()
    }


def test_registry_matches_its_snapshot() -> None:
    committed = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    current = registry_snapshot()
    assert list(current) == list(committed) and current == committed, (
        f"the detector registry (transforms/detectors/registry.py) no longer matches {SNAPSHOT.name}. If the change "
        f"is intended, run `{UPDATE}` from the repository root and commit the updated snapshot with it"
    )


if __name__ == "__main__":
    SNAPSHOT.write_text(json.dumps(registry_snapshot(), indent=2) + "\n", encoding="utf-8")
    print(f"wrote {SNAPSHOT}")
