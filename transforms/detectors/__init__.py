"""Detectors, registered by name. Importing this package registers every built-in detector."""

from __future__ import annotations

from transforms.config import ScrublineConfig
from transforms.detectors import context, credentials, names, ner, patterns, presidio, terms  # noqa: F401  (registration)
from transforms.detectors.base import DETECTOR_REGISTRY, Detector

__all__ = ["build_detectors"]


def build_detectors(config: ScrublineConfig) -> list[Detector]:
    """Build the configured detectors in the order the config lists them."""
    return [DETECTOR_REGISTRY[name](config) for name in config.detectors]
