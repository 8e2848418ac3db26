"""Detectors, registered by name. ``build_detectors`` imports (and so registers) every built-in detector.

The detector modules are imported on first use, not with this package: they pull in Presidio, spaCy
and the name lists, which only Beam workers need. The launcher that builds the pipeline stays light,
so with several worker processes its start-up is not paid before theirs.
"""

from __future__ import annotations

from transforms.config import ScrublineConfig
from transforms.detectors.base import DETECTOR_REGISTRY, Detector

__all__ = ["build_detectors"]


def build_detectors(config: ScrublineConfig) -> list[Detector]:
    """Build the configured detectors in the order the config lists them."""
    from transforms.detectors import context, credentials, names, ner, patterns, presidio, terms  # noqa: F401

    return [DETECTOR_REGISTRY[name](config) for name in config.detectors]
