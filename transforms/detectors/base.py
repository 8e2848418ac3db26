"""The one extension point for detection: a ``Detector`` turns a batch of texts into findings.

Detectors are registered by name (the names the config's ``detectors`` list accepts) and built from
the validated config. A detector must either return findings for every text of the batch or raise:
the engine then isolates the failing record and quarantines it. Swallowing an error and returning
fewer findings would let sensitive text through, so no detector may do it.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from transforms.records import Finding

if TYPE_CHECKING:
    from transforms.config import ScrublineConfig

__all__ = ["DETECTOR_REGISTRY", "DetectionTimeout", "Detector", "register_detector"]


class DetectionTimeout(Exception):
    """A detector ran out of its time budget on a record; the record goes to quarantine."""


class Detector(ABC):
    """Finds entities in texts. Stateless between calls; built once per worker process."""

    #: Registered name; findings carry it (``name`` or ``name.rule``) in ``Finding.detector``.
    name: str = ""

    @abstractmethod
    def detect(self, texts: Sequence[str]) -> list[list[Finding]]:
        """Return one list of findings per text, in input order. Raise on any failure."""


DETECTOR_REGISTRY: dict[str, Callable[[ScrublineConfig], Detector]] = {}


def register_detector(
    name: str,
) -> Callable[[Callable[[ScrublineConfig], Detector]], Callable[[ScrublineConfig], Detector]]:
    """Register a factory ``f(config) -> Detector`` under ``name``."""

    def wrap(factory: Callable[[ScrublineConfig], Detector]) -> Callable[[ScrublineConfig], Detector]:
        if name in DETECTOR_REGISTRY:
            raise ValueError(f"detector {name!r} is registered twice")
        DETECTOR_REGISTRY[name] = factory
        return factory

    return wrap
