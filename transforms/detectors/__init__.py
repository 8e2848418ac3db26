"""Detectors, registered by name. ``build_detectors`` imports (and so registers) every built-in detector.

The detector modules are imported on first use, not with this package: they pull in Presidio, spaCy
and the name lists, which only Beam workers need. The launcher that builds the pipeline stays light,
so with several worker processes its start-up is not paid before theirs. Which modules those are is
read from ``registry.BUILTIN_DETECTORS``, the single list of detectors.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from transforms.detectors.base import DETECTOR_REGISTRY, Detector
from transforms.detectors.registry import BUILTIN_DETECTORS

if TYPE_CHECKING:
    from transforms.config import ScrublineConfig

__all__ = ["build_detectors"]


def build_detectors(config: ScrublineConfig) -> list[Detector]:
    """Build the configured detectors in the order the config lists them."""
    for module in sorted({spec.module for spec in BUILTIN_DETECTORS.values()}):
        importlib.import_module(module)
    return [DETECTOR_REGISTRY[name](config) for name in config.detectors]
