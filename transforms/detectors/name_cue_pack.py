"""The table of name cues as data: ``packs/person_names.cues.yaml``, validated by a strict schema.

A cue pack is one YAML mapping::

    pack: <name>            # free text, shown in listings
    detector: person_names  # findings a cue makes carry ``person_names.<cue id>``
    cues: [...]             # see ``NameCue``; asked in file order, the first that holds names the finding

A cue's logic is one or more registered checks (``name_cues.register_cue_check``), all of which must hold.
Unknown keys, a cue id given twice, an entity other than PERSON and an unregistered check are load errors
(``RulePackError``) that name the file, the cue and the field. The examples use the rule packs' format:
texts the cue must find, with the value, and texts it must leave alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from transforms.detectors.name_cues import CUE_CHECKS, CueCheck, CueSite
from transforms.detectors.rules.schema import Examples, PackProblem, RulePackError, load_strict_yaml

__all__ = ["NAME_CUE_PACK", "CueTable", "NameCue", "NameCuePack", "load_name_cues", "parse_name_cues"]

#: The cue pack the name detector ships with.
NAME_CUE_PACK = Path(__file__).with_name("packs") / "person_names.cues.yaml"

_STRICT = ConfigDict(extra="forbid", strict=True, frozen=True)
_ID = r"^[a-z0-9_]+$"


class NameCue(BaseModel):
    """One cue: its id (the finding's detector id is ``detector.id``), what it finds, its checks, examples."""

    model_config = _STRICT

    id: str = Field(pattern=_ID)
    entity: Literal["PERSON"]
    description: str = Field(min_length=1)
    checks: list[str] = Field(min_length=1)
    examples: Examples = Field(default_factory=Examples)


class NameCuePack(BaseModel):
    """The cues of the name detector, in the order they are asked; cue ids are unique."""

    model_config = _STRICT

    pack: str = Field(min_length=1)
    detector: str = Field(pattern=_ID)
    cues: list[NameCue] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> NameCuePack:
        ids = [cue.id for cue in self.cues]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            raise ValueError(f"cue ids used twice: {twice}")
        return self


@dataclass(frozen=True)
class CueTable:
    """A validated cue pack with its checks bound: ``first(site)`` is the id of the first cue that holds."""

    pack: NameCuePack
    cues: tuple[tuple[str, CueCheck], ...]

    def first(self, site: CueSite) -> str | None:
        """The id of the first cue, in file order, whose checks all hold at ``site``; None if none does."""
        for cue_id, holds in self.cues:
            if holds(site):
                return cue_id
        return None


def _all_of(checks: tuple[CueCheck, ...]) -> CueCheck:
    """One check that holds where every one of ``checks`` holds (the check itself when there is one)."""
    if len(checks) == 1:
        return checks[0]
    return lambda site: all(check(site) for check in checks)


def parse_name_cues(text: str, source: str) -> CueTable:
    """Parse, validate and bind the YAML ``text`` of a cue pack; ``source`` names it in errors."""
    data = load_strict_yaml(text, source)
    try:
        pack = NameCuePack.model_validate(data)
    except ValidationError as err:
        raise RulePackError(source, [_problem(e, data) for e in err.errors(include_url=False)]) from None
    unknown = [
        PackProblem(cue.id, f"checks[{k}]", f"unknown check {name!r}; known: {sorted(CUE_CHECKS)}")
        for cue in pack.cues
        for k, name in enumerate(cue.checks)
        if name not in CUE_CHECKS
    ]
    if unknown:
        raise RulePackError(source, unknown)
    bound = tuple((cue.id, _all_of(tuple(CUE_CHECKS[name] for name in cue.checks))) for cue in pack.cues)
    return CueTable(pack, bound)


@cache
def load_name_cues(path: Path = NAME_CUE_PACK) -> CueTable:
    """Read, validate and bind the cue pack at ``path`` (UTF-8 YAML shipped with the code), once per process."""
    return parse_name_cues(Path(path).read_text(encoding="utf-8"), str(path))


def _problem(error: Any, data: Any) -> PackProblem:
    """A pydantic error as (cue id, field, message): ``cues[3].checks`` -> cue ``id``, field ``checks``."""
    loc = list(error["loc"])
    cue_id = None
    if len(loc) >= 2 and loc[0] == "cues" and isinstance(loc[1], int):
        cues = data.get("cues") if isinstance(data, dict) else None
        cue = cues[loc[1]] if isinstance(cues, list) and loc[1] < len(cues) else None
        given = cue.get("id") if isinstance(cue, dict) else None
        cue_id = given if isinstance(given, str) else f"#{loc[1]}"
        loc = loc[2:]
    field = ".".join(str(part) for part in loc) or ("cue" if cue_id is not None else "pack")
    return PackProblem(cue_id, field, error["msg"])
