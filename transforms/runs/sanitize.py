"""The effective config as a run's manifest records it, and how two recorded configs compare.

A manifest must let two runs be compared without naming what the rules protect: proprietary terms,
internal domains, pattern regexes and exclusion values appear only as ``rule_digest``s. Secrets never
were in the config. ``leaf_differences`` lists the dotted paths where two recorded configs (or any
nested mappings, such as versions) differ; ``plan_reuse`` and ``scrubline diff`` both use it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from transforms.config import PatternConfig, ScrublineConfig
from transforms.records import sha256_hex

__all__ = [
    "AllowKey",
    "allow_key",
    "leaf_differences",
    "pattern_entries",
    "rule_digest",
    "sanitized_config",
    "term_key",
]

# An allow entry as runs compare it: (value case-folded, pattern, entity types), None where not given.
AllowKey = tuple[str | None, str | None, tuple[str, ...] | None]


def rule_digest(*parts: str) -> str:
    """A short, unkeyed digest of a rule value: lets two runs' rules be compared without listing them.

    Unkeyed on purpose (runs with different keys must still compare); it hides a value from a casual
    reader, not from someone who can guess it and hash the guess.
    """
    return sha256_hex("scrubline-rule\x00" + "\x00".join(parts))[:16]


def term_key(term: str) -> str:
    """A proprietary term as the terms detector matches it: whitespace collapsed, lower-cased in place."""
    from transforms.detectors.terms import lower_same_length  # the detector's own normalisation

    return lower_same_length(" ".join(term.split()))


def allow_key(entry: Any) -> AllowKey:
    """An allow entry (a string, an ``AllowEntry`` or either as a manifest records it) as runs compare it.

    A plain string and a ``{value}`` entry without entity types are the same rule, so they compare equal.
    """
    if isinstance(entry, str):
        return entry.strip().casefold(), None, None
    data = entry if isinstance(entry, dict) else entry.model_dump(mode="json")
    entities = tuple(sorted(data["entities"])) if data.get("entities") else None
    value = data.get("value")
    return (value.strip().casefold() if value is not None else None), data.get("pattern"), entities


def pattern_entries(patterns: Sequence[PatternConfig]) -> list[tuple[dict[str, Any], PatternConfig]]:
    """Each pattern's sanitised form (its effective rule name, as findings carry it) and itself, named."""
    out = []
    for i, p in enumerate(patterns):
        name = p.name or f"{p.entity}_{i}"
        out.append(
            (
                {"entity": p.entity, "name": name, "score": p.score, "regex_sha256": rule_digest(p.regex)},
                p.model_copy(update={"name": name}),
            )
        )
    return out


def sanitized_config(config: ScrublineConfig) -> dict[str, Any]:
    """The effective config as the manifest records it: everything, except that proprietary terms,
    internal domains, pattern regexes and exclusion values are replaced by ``rule_digest``s (they name
    customers, people who asked to be erased, contributors who withdrew). Secrets never were in it."""
    data = config.model_dump(mode="json")
    data["proprietary"] = {
        "terms": {
            entity: sorted({rule_digest(entity, term_key(t)) for t in terms if term_key(t)})
            for entity, terms in sorted(config.proprietary.terms.items())
        },
        "internal_domains": sorted({rule_digest(d.lower()) for d in config.proprietary.internal_domains}),
    }
    data["patterns"] = [entry for entry, _ in pattern_entries(config.patterns)]
    data["input"]["exclude"] = [
        {"field": r.field, "values": sorted({rule_digest(r.field, v) for v in r.values})} for r in config.input.exclude
    ]
    return data


def leaf_differences(old: Any, new: Any, path: str = "") -> list[str]:
    """The dotted paths of every leaf that differs between two nested mappings."""
    if isinstance(old, dict) and isinstance(new, dict):
        out = []
        for key in sorted(set(old) | set(new)):
            out.extend(leaf_differences(old.get(key), new.get(key), f"{path}.{key}" if path else key))
        return out
    return [] if old == new else [path]
