"""Rule packs shipped with scrubline: one YAML file per group of rules, fragment files (``*.fragments.yaml``)
that several packs import, the name-cue table (``*.cues.yaml``), and the lookups detectors use to find them."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from transforms.detectors.rules import load_pack
from transforms.detectors.rules.compiler import resolve_fragments

__all__ = ["PACKS_DIR", "context_fragments", "pack_files"]

#: The folder of the shipped packs.
PACKS_DIR = Path(__file__).parent


def pack_files(prefix: str = "") -> list[Path]:
    """The pack files whose names start with ``prefix``, sorted; fragment and cue files are not rule packs."""
    return sorted(
        p for p in PACKS_DIR.glob(f"{prefix}*.yaml") if not p.name.endswith((".fragments.yaml", ".cues.yaml"))
    )


@cache
def context_fragments() -> dict[str, str]:
    """Every fragment of the ``context_*`` packs with its references expanded, for the checks that reuse them.

    Raises ``ValueError`` when two packs define one name differently.
    """
    merged: dict[str, str] = {}
    for path in pack_files("context_"):
        for name, body in resolve_fragments(load_pack(path).fragments).items():
            if merged.setdefault(name, body) != body:
                raise ValueError(f"fragment {name!r} differs between context packs")
    return merged
