"""The built-in detectors by name, the module that implements each, and the entity types each reports.

This table is the single list: the config's ``detectors`` names, the entity types a config may name
(``operators``, ``entities``) and the tags the engine leaves alone are all derived from it. It is light on
purpose (standard library only), so the config schema can import it without loading Presidio or spaCy.
Each detector class declares the same types (``Detector.entity_types``) and is checked against this
table when its module is imported, so the two cannot drift apart.

A new detector is a module that registers it (``register_detector``) plus one ``DetectorSpec`` here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from transforms.config import ScrublineConfig

__all__ = [
    "BUILTIN_DETECTORS",
    "BUILTIN_ENTITY_TYPES",
    "DETECTOR_NAMES",
    "DetectorSpec",
    "known_entity_types",
]


def _no_config_types(config: ScrublineConfig) -> frozenset[str]:
    del config
    return frozenset()


@dataclass(frozen=True)
class DetectorSpec:
    """One built-in detector: its registered name, its module, the entity types it always may report,
    and those a config adds for it (``config_types``, described by ``config_source``)."""

    name: str
    module: str
    entity_types: frozenset[str]
    config_source: str = ""
    config_types: Callable[[ScrublineConfig], frozenset[str]] = _no_config_types

    def entity_types_for(self, config: ScrublineConfig) -> frozenset[str]:
        """Every entity type this detector can report when run with ``config``."""
        return self.entity_types | self.config_types(config)


def _nlp_label_types(config: ScrublineConfig) -> frozenset[str]:
    return frozenset(config.nlp.labels.values())


def _term_types(config: ScrublineConfig) -> frozenset[str]:
    return frozenset(config.proprietary.terms)


def _pattern_types(config: ScrublineConfig) -> frozenset[str]:
    return frozenset(p.entity for p in config.patterns)


def _types(names: str) -> frozenset[str]:
    return frozenset(names.split())


_SPECS = (
    # The types of the default ``nlp.labels`` mapping; a config may map spaCy's labels to others.
    DetectorSpec(
        "spacy_ner",
        "transforms.detectors.ner",
        _types("PERSON ORGANIZATION LOCATION"),
        "nlp.labels",
        _nlp_label_types,
    ),
    DetectorSpec(
        "presidio",
        "transforms.detectors.presidio",
        _types(
            "ACCOUNT_NUMBER CREDIT_CARD CRYPTO DRIVER_LICENSE EMAIL_ADDRESS IBAN_CODE ID IP_ADDRESS NATIONAL_ID "
            "PASSPORT PHONE_NUMBER UK_NINO URL US_ITIN US_SSN VEHICLE_REGISTRATION"
        ),
    ),
    DetectorSpec("credentials", "transforms.detectors.credentials", _types("API_KEY PASSWORD PRIVATE_KEY USERNAME")),
    DetectorSpec("provider_tokens", "transforms.detectors.provider_tokens", _types("API_KEY PRIVATE_KEY")),
    DetectorSpec(
        "context",
        "transforms.detectors.context",
        _types(
            "ACCOUNT_NUMBER CREDIT_CARD DATE_OF_BIRTH DRIVER_LICENSE EMAIL_ADDRESS IBAN_CODE ID IP_ADDRESS NATIONAL_ID "
            "ORGANIZATION PASSPORT PASSWORD PERSON PHONE_NUMBER STREET_ADDRESS USERNAME"
        ),
    ),
    DetectorSpec(
        "labelled_values",
        "transforms.detectors.labels",
        _types("API_KEY DATE_OF_BIRTH DRIVER_LICENSE ID NATIONAL_ID PASSPORT PASSWORD USERNAME VEHICLE_REGISTRATION"),
    ),
    DetectorSpec("person_names", "transforms.detectors.names", _types("PERSON")),
    DetectorSpec("proprietary_terms", "transforms.detectors.terms", frozenset(), "proprietary.terms", _term_types),
    DetectorSpec("internal_domains", "transforms.detectors.terms", _types("EMAIL_ADDRESS INTERNAL_HOST INTERNAL_URL")),
    DetectorSpec("patterns", "transforms.detectors.patterns", frozenset(), "patterns[].entity", _pattern_types),
)

#: The built-in detectors by name, in the default order of the config's ``detectors`` list.
BUILTIN_DETECTORS: Mapping[str, DetectorSpec] = MappingProxyType({spec.name: spec for spec in _SPECS})

#: The names the config's ``detectors`` list accepts, in their default order.
DETECTOR_NAMES: tuple[str, ...] = tuple(BUILTIN_DETECTORS)

#: The entity types some built-in detector reports whatever the config says.
BUILTIN_ENTITY_TYPES: frozenset[str] = frozenset().union(*(spec.entity_types for spec in _SPECS))


def known_entity_types(config: ScrublineConfig) -> frozenset[str]:
    """Every entity type a detector can report under ``config``: the built-in ones plus those the config
    defines (``nlp.labels`` values, ``proprietary.terms`` keys, ``patterns[].entity``), whichever detectors
    it enables."""
    return BUILTIN_ENTITY_TYPES.union(*(spec.config_types(config) for spec in _SPECS))
