"""The one extension point for detection: a ``Detector`` turns a batch of texts into findings.

Detectors are registered by name (the names the config's ``detectors`` list accepts) and built from
the validated config. A detector must either return findings for every text of the batch or raise:
the engine then isolates the failing record and quarantines it. Swallowing an error and returning
fewer findings would let sensitive text through, so no detector may do it.

Every detector declares the entity types it reports (``entity_types``, and ``entity_types_for`` when the
config adds some). A built-in detector's declaration is checked against ``registry.BUILTIN_DETECTORS``
when its class is defined, so a module that disagrees with the registry fails to import.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from transforms.detectors.registry import BUILTIN_DETECTORS
from transforms.records import Finding

if TYPE_CHECKING:
    from transforms.config import ScrublineConfig

__all__ = ["DETECTOR_REGISTRY", "DetectionTimeout", "Detector", "register_detector"]


class DetectionTimeout(Exception):
    """A detector ran out of its time budget on a record; the record goes to quarantine."""


class Detector(ABC):
    """Finds entities in texts. Stateless between calls; built once per worker process."""

    #: Registered name; findings carry it (``name`` or ``name.rule``) in ``Finding.detector``.
    name: ClassVar[str] = ""
    #: The entity types this detector may report whatever the config says.
    entity_types: ClassVar[frozenset[str]] = frozenset()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        spec = BUILTIN_DETECTORS.get(cls.name)
        if spec is not None and cls.entity_types != spec.entity_types:
            raise TypeError(
                f"detector {cls.name!r} ({cls.__name__}) declares entity types {sorted(cls.entity_types)}, "
                f"but transforms/detectors/registry.py lists {sorted(spec.entity_types)}: make them agree"
            )

    @classmethod
    def entity_types_for(cls, config: ScrublineConfig) -> frozenset[str]:
        """Every entity type this detector can report when built from ``config``; detectors whose types
        come from the config add them here."""
        del config
        return cls.entity_types

    @abstractmethod
    def detect(self, texts: Sequence[str]) -> list[list[Finding]]:
        """Return one list of findings per text, in input order. Raise on any failure."""


DETECTOR_REGISTRY: dict[str, Callable[[ScrublineConfig], Detector]] = {}


def register_detector(
    name: str,
) -> Callable[[Callable[[ScrublineConfig], Detector]], Callable[[ScrublineConfig], Detector]]:
    """Register a factory ``f(config) -> Detector`` under ``name``, one of ``registry.BUILTIN_DETECTORS``."""
    if name not in BUILTIN_DETECTORS:
        raise ValueError(f"detector {name!r} is not listed in transforms/detectors/registry.py")

    def wrap(factory: Callable[[ScrublineConfig], Detector]) -> Callable[[ScrublineConfig], Detector]:
        if name in DETECTOR_REGISTRY:
            raise ValueError(f"detector {name!r} is registered twice")
        DETECTOR_REGISTRY[name] = factory
        return factory

    return wrap
