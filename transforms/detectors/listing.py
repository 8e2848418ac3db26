"""Every rule of the shipped packs and every name cue, as ``scrubline rules`` lists them (ids, types, no values)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["ListedRule", "list_rules", "render_rules"]


@dataclass(frozen=True)
class ListedRule:
    """One rule: the id findings carry in the redaction log, its entity type, its pack file and its keywords."""

    logged_as: str
    entity_type: str
    pack_file: str
    keywords: int


def list_rules() -> list[ListedRule]:
    """The rules of every shipped pack (``transforms/detectors/packs``) and the name cues, sorted by id."""
    import transforms.detectors.context  # noqa: F401  (registers the checks the context packs name)
    from transforms.detectors.credentials import log_id
    from transforms.detectors.name_cue_pack import NAME_CUE_PACK, load_name_cues
    from transforms.detectors.packs import pack_files
    from transforms.detectors.rules import load_pack

    out = []
    for path in pack_files():
        pack = load_pack(path)
        for rule in pack.rules:
            logged = log_id(f"{pack.detector}.{rule.id}")
            out.append(ListedRule(logged, rule.entity, Path(path).name, len(rule.keywords)))
    cues = load_name_cues(NAME_CUE_PACK).pack
    out += [ListedRule(f"{cues.detector}.{c.id}", c.entity, NAME_CUE_PACK.name, 0) for c in cues.cues]
    return sorted(set(out), key=lambda r: (r.logged_as, r.entity_type, r.pack_file))


def render_rules(rules: list[ListedRule]) -> str:
    """One aligned line per rule: id as logged, entity type, pack file, number of keywords."""
    width = max((len(r.logged_as) for r in rules), default=0)
    lines = [f"{r.logged_as:<{width}}  {r.entity_type:<16}  {r.pack_file}  ({r.keywords} keywords)" for r in rules]
    return "\n".join([*lines, f"{len(rules)} rules"])
