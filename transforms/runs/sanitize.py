"""The effective config as a run's manifest records it, and how two recorded configs compare.

A manifest must let two runs be compared without naming what the rules protect: proprietary terms,
internal domains, pattern regexes and exclusion values appear only as ``rule_digest``s, keyed under the
state key so that a guess cannot be confirmed by hashing it; without a state key they are left out
(only how many there are is recorded). Secrets never were in the config. ``leaf_differences`` lists
the dotted paths where two recorded configs (or any nested mappings, such as versions) differ;
``plan_reuse`` and ``scrubline diff`` both use it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from transforms.config import PatternConfig, ScrublineConfig
from transforms.output.keyed import RULE, keyed_hex

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


def rule_digest(key: bytes, *parts: str) -> str:
    """A short keyed digest of a rule value: lets two runs under the same state key compare their rules
    without listing them, and confirms no guess to anyone without the key (16 hex digits of an HMAC)."""
    return keyed_hex(key, RULE, *parts)[:16]


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


def pattern_entries(patterns: Sequence[PatternConfig], key: bytes | None) -> list[tuple[dict[str, Any], PatternConfig]]:
    """Each pattern's sanitised form (its effective rule name, as findings carry it; its regex as a
    ``rule_digest``, None without a key) and itself, named."""
    out = []
    for i, p in enumerate(patterns):
        name = p.name or f"{p.entity}_{i}"
        digest = None if key is None else rule_digest(key, p.regex)
        out.append(
            (
                {"entity": p.entity, "name": name, "score": p.score, "regex_hmac": digest},
                p.model_copy(update={"name": name}),
            )
        )
    return out


def _digests(key: bytes | None, values: set[tuple[str, ...]]) -> list[str] | int:
    """The sorted ``rule_digest``s of ``values``, or without a key only how many there are."""
    return len(values) if key is None else sorted({rule_digest(key, *v) for v in values})


def sanitized_config(config: ScrublineConfig, key: bytes | None) -> dict[str, Any]:
    """The effective config as the manifest records it: everything, except that proprietary terms,
    internal domains, pattern regexes and exclusion values (they name customers, people who asked to be
    erased, contributors who withdrew) are replaced by ``rule_digest``s under the state key ``key``, or,
    without a key, by how many there are (a regex by None). Secrets never were in it."""
    data = config.model_dump(mode="json")
    data["proprietary"] = {
        "terms": {
            entity: _digests(key, {(entity, term_key(t)) for t in terms if term_key(t)})
            for entity, terms in sorted(config.proprietary.terms.items())
        },
        "internal_domains": _digests(key, {(d.lower(),) for d in config.proprietary.internal_domains}),
    }
    data["patterns"] = [entry for entry, _ in pattern_entries(config.patterns, key)]
    data["input"]["exclude"] = [
        {"field": r.field, "values": _digests(key, {(r.field, v) for v in r.values})} for r in config.input.exclude
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
