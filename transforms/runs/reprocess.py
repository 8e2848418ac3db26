"""Re-running only what a rule change can affect (``scrubline run --previous DIR``): the plan, Beam-free.

A run's manifest records its effective config in a sanitised form (``sanitize.sanitized_config``) and
its ``fingerprints/`` record, for every record, the hash of its content and every
``(detector, entity type)`` whose findings survived the policy filters. From the previous manifest and
the new config, ``plan_reuse`` works out a ``ReusePlan``:

- what cannot be scoped (another spaCy model or NER setting, another detector list, other score
  thresholds, other component versions or scrubline code, a re-enabled entity type): a full rerun, and
  the plan says why;
- otherwise, what changed, rule by rule: removed or changed terms, domains and patterns (whose
  earlier findings must be redone), added ones (pre-scanned on unchanged records, see
  ``prescan.Prescanner``), allow-list changes, switched-off types, changed operators.

Every test in ``tests/pipelines/test_reprocess.py`` checks that the result is byte-identical to a
full rerun with the new rules.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from transforms.config import ScrublineConfig
from transforms.runs.sanitize import (
    allow_key,
    leaf_differences,
    pattern_entries,
    rule_digest,
    sanitized_config,
    term_key,
)

__all__ = ["ReusePlan", "plan_reuse"]

# Sections whose change cannot be scoped to records: the model, the detectors, score thresholds and
# mention propagation change findings anywhere. Versions include a fingerprint of scrubline's own code.
_UNSCOPED = ("nlp", "detectors", "entities.min_score", "entities.thresholds", "entities.propagate")
_UNSCOPED_REASON = "cannot be scoped to records: "


@dataclass(frozen=True)
class ReusePlan:
    """What a rule change can affect. Plain data, so it pickles to every worker."""

    full_rerun_reason: str | None = None
    changes: tuple[str, ...] = ()
    # Rules whose earlier findings must be redone: exact detector names and detector-name prefixes.
    removed_detectors: frozenset[str] = frozenset()
    removed_prefixes: tuple[str, ...] = ()
    disabled_added: frozenset[str] = frozenset()
    # Effective operator identity per entity type, before and after ("default" for the rest).
    old_operators: Mapping[str, str] = field(default_factory=dict)
    new_operators: Mapping[str, str] = field(default_factory=dict)
    # Added rules, pre-scanned on every carried-over candidate.
    added_terms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    added_domains: tuple[str, ...] = ()
    added_patterns: tuple[dict[str, Any], ...] = ()
    allow_changed: tuple[str, ...] = ()
    # Added allow patterns can only drop findings of their entity types (of every type: allow_any_type).
    allow_types: frozenset[str] = frozenset()
    allow_any_type: bool = False
    tags_changed: tuple[str, ...] = ()

    @property
    def incremental(self) -> bool:
        """True if records can be carried over (no reason forces a full rerun)."""
        return self.full_rerun_reason is None

    @property
    def needs_prescan(self) -> bool:
        """True if carry-over candidates must be scanned for added terms, domains, patterns or allow entries."""
        return bool(self.added_terms or self.added_domains or self.added_patterns or self.allow_changed)

    def operator_changed(self, entity_type: str) -> bool:
        """True if ``entity_type`` is replaced by a different operator than in the previous run."""
        old = self.old_operators.get(entity_type, self.old_operators.get("default", ""))
        new = self.new_operators.get(entity_type, self.new_operators.get("default", ""))
        return old != new

    def rules_affected(self, rules: Sequence[tuple[str, str]]) -> bool:
        """Did a removed rule, a switched-off type, a changed operator or an added allow pattern touch a
        record with these rules?"""
        for detector, entity_type in rules:
            if detector in self.removed_detectors or detector.startswith(self.removed_prefixes):
                return True
            if self.allow_any_type or entity_type in self.allow_types:
                return True
            if entity_type in self.disabled_added or self.operator_changed(entity_type):
                return True
        return False


# ---------------------------------------------------------------------------------------------------
# The steps of plan_reuse, each comparing one part of the previous (sanitised) config with the new one


def _unscoped_changes(
    old_versions: Mapping[str, Any], versions: Mapping[str, str], old: Mapping[str, Any], new: Mapping[str, Any]
) -> list[str]:
    """Changed versions, then changed config paths that cannot be scoped to records."""
    changed_versions = leaf_differences(old_versions, dict(versions), "versions")
    return changed_versions + [d for d in leaf_differences(old, new) if d.startswith(_UNSCOPED)]


def _term_changes(
    old_terms: Mapping[str, list[str]], config: ScrublineConfig, key: bytes
) -> tuple[list[str], set[str], dict[str, tuple[str, ...]]]:
    """Per entity type, in order: (changes, detectors whose terms were removed, added terms to pre-scan)."""
    changes: list[str] = []
    removed: set[str] = set()
    added_terms: dict[str, tuple[str, ...]] = {}
    for entity in sorted(set(old_terms) | set(config.proprietary.terms)):
        before = set(old_terms.get(entity, []))
        terms = config.proprietary.terms.get(entity, [])
        after = {rule_digest(key, entity, term_key(t)): t for t in terms if term_key(t)}
        if before - set(after):
            removed.add(f"proprietary_terms.{entity}")
            changes.append(f"proprietary.terms.{entity}: {len(before - set(after))} removed")
        added = sorted(t for d, t in after.items() if d not in before)
        if added:
            added_terms[entity] = tuple(added)
            changes.append(f"proprietary.terms.{entity}: {len(added)} added")
    return changes, removed, added_terms


def _domain_changes(
    old_digests: list[str], config: ScrublineConfig, key: bytes
) -> tuple[list[str], list[str], tuple[str, ...]]:
    """(changes, detector prefixes to redo when a domain was removed, added domains to pre-scan)."""
    changes: list[str] = []
    removed_prefixes: list[str] = []
    old_domains = set(old_digests)
    new_domains = {rule_digest(key, d.lower()): d for d in config.proprietary.internal_domains}
    if old_domains - set(new_domains):
        removed_prefixes.append("internal_domains.")
        changes.append(f"proprietary.internal_domains: {len(old_domains - set(new_domains))} removed")
    added_domains = tuple(sorted(d for k, d in new_domains.items() if k not in old_domains))
    if added_domains:
        changes.append(f"proprietary.internal_domains: {len(added_domains)} added")
    return changes, removed_prefixes, added_domains


def _pattern_changes(
    old_entries: list[dict[str, Any]], config: ScrublineConfig, key: bytes
) -> tuple[list[str], set[str], tuple[dict[str, Any], ...]]:
    """(changes, detectors of removed or changed patterns, added or changed patterns to pre-scan)."""
    changes: list[str] = []
    removed: set[str] = set()
    old_patterns = {json.dumps(p, sort_keys=True): p for p in old_entries}
    new_patterns = {json.dumps(e, sort_keys=True): p for e, p in pattern_entries(config.patterns, key)}
    for gone in sorted(set(old_patterns) - set(new_patterns)):
        removed.add(f"patterns.{old_patterns[gone]['name']}")
        changes.append(f"patterns: {old_patterns[gone]['name']} removed or changed")
    added_patterns = tuple(
        new_patterns[k].model_dump(mode="json") for k in sorted(set(new_patterns) - set(old_patterns))
    )
    for p in added_patterns:
        changes.append(f"patterns: {p['name']} added or changed")
    return changes, removed, added_patterns


@dataclass(frozen=True)
class _AllowChanges:
    changes: list[str]
    words: tuple[str, ...]  # values added or removed, case-folded, to pre-scan
    types: frozenset[str]  # the entity types of added patterns
    any_type: bool  # an added pattern applies to every type
    unscoped: str | None  # why the change cannot be scoped to records


def _allow_changes(old_allow_list: list[Any], config: ScrublineConfig) -> _AllowChanges:
    """Values added or removed are pre-scanned; an added pattern redoes the records with findings of its
    types; a removed (or changed) pattern may bring back findings anywhere, so it cannot be scoped."""
    old_allow = {allow_key(a) for a in old_allow_list}
    new_allow = {allow_key(a) for a in config.allow}
    changed = old_allow ^ new_allow
    if not changed:
        return _AllowChanges([], (), frozenset(), False, None)
    added_patterns = [key for key in new_allow - old_allow if key[1] is not None]
    pattern_gone = any(key[1] is not None for key in old_allow - new_allow)
    unscoped = "allow: a pattern entry removed or changed" if pattern_gone else None
    return _AllowChanges(
        [f"allow: {len(new_allow - old_allow)} added, {len(old_allow - new_allow)} removed"],
        tuple(sorted({key[0] for key in changed if key[0] is not None})),
        frozenset(entity for key in added_patterns for entity in key[2] or ()),
        any(key[2] is None for key in added_patterns),
        unscoped,
    )


def _disabled_changes(old_disabled: set[str], new_disabled: set[str]) -> tuple[list[str], frozenset[str]]:
    """(changes, entity types switched off since the previous run)."""
    disabled_added = frozenset(new_disabled - old_disabled)
    if not disabled_added:
        return [], disabled_added
    return ["entities.disabled: " + ", ".join(sorted(disabled_added)) + " switched off"], disabled_added


def _operator_identity(op: Mapping[str, Any] | None, key_ids: Mapping[str, str]) -> str:
    if op is None:
        return ""
    ident = dict(op)
    if "key_env" in ident:
        ident["key_id"] = key_ids.get(ident["key_env"], "")
    return json.dumps(ident, sort_keys=True)


def _operator_changes(
    old_operators: Mapping[str, Any],
    new_operators: Mapping[str, Any],
    old_key_ids: Mapping[str, str],
    key_ids: Mapping[str, str],
) -> tuple[list[str], dict[str, str], dict[str, str]]:
    """(changes, operator identity per entity type before, after); a new key changes the identity."""
    old_ops = {k: _operator_identity(v, old_key_ids) for k, v in old_operators.items()}
    new_ops = {k: _operator_identity(v, key_ids) for k, v in new_operators.items()}
    op_changes = sorted(k for k in set(old_ops) | set(new_ops) if old_ops.get(k) != new_ops.get(k))
    changes = ["operators: " + ", ".join(op_changes) + " changed"] if op_changes else []
    return changes, old_ops, new_ops


def _entity_types(sanitized: Mapping[str, Any]) -> set[str]:
    return {
        *sanitized["nlp"]["labels"].values(),
        *sanitized["proprietary"]["terms"],
        *(p["entity"] for p in sanitized["patterns"]),
    }


def plan_reuse(
    previous_manifest: Mapping[str, Any],
    config: ScrublineConfig,
    versions: Mapping[str, str],
    key_ids: Mapping[str, str],
    state_key: bytes,
) -> ReusePlan:
    """Compare the previous run (its manifest, checked under ``state_key``) with the new config and versions.

    A full rerun (``full_rerun_reason`` set) when the previous run has no fingerprints, when a version
    or an unscoped config section changed, or when an entity type is re-enabled; otherwise the plan
    lists the changes in a fixed order (terms, domains, patterns, allow list, disabled types,
    operators, exclusion) and what each one requires.
    """
    old = previous_manifest.get("config")
    if not isinstance(old, dict) or "fingerprints" not in previous_manifest.get("layout", {}):
        return ReusePlan(full_rerun_reason="the previous run has no fingerprints (made by an older scrubline)")
    new = sanitized_config(config, state_key)
    unscoped = _unscoped_changes(previous_manifest.get("versions", {}), versions, old, new)
    if unscoped:
        return ReusePlan(full_rerun_reason=f"{_UNSCOPED_REASON}{', '.join(unscoped)} changed")

    term_changes, removed_terms, added_terms = _term_changes(old["proprietary"]["terms"], config, state_key)
    domain_changes, removed_prefixes, added_domains = _domain_changes(
        old["proprietary"]["internal_domains"], config, state_key
    )
    pattern_changes, removed_patterns, added_patterns = _pattern_changes(old["patterns"], config, state_key)
    allow = _allow_changes(old["allow"], config)
    if allow.unscoped is not None:
        return ReusePlan(full_rerun_reason=f"{_UNSCOPED_REASON}{allow.unscoped}")
    old_disabled, new_disabled = set(old["entities"]["disabled"]), set(config.entities.disabled)
    if old_disabled - new_disabled:
        return ReusePlan(
            full_rerun_reason=f"{_UNSCOPED_REASON}entities.disabled re-enables "
            + ", ".join(sorted(old_disabled - new_disabled))
        )
    disabled_changes, disabled_added = _disabled_changes(old_disabled, new_disabled)
    operator_changes, old_ops, new_ops = _operator_changes(
        old["operators"], new["operators"], previous_manifest.get("key_ids", {}), key_ids
    )
    exclude_changes = ["input.exclude changed"] if old["input"]["exclude"] != new["input"]["exclude"] else []
    changes = (
        term_changes
        + domain_changes
        + pattern_changes
        + allow.changes
        + disabled_changes
        + operator_changes
        + exclude_changes
    )
    return ReusePlan(
        changes=tuple(changes),
        removed_detectors=frozenset(removed_terms | removed_patterns),
        removed_prefixes=tuple(removed_prefixes),
        disabled_added=disabled_added,
        old_operators=old_ops,
        new_operators=new_ops,
        added_terms=added_terms,
        added_domains=added_domains,
        added_patterns=added_patterns,
        allow_changed=allow.words,
        allow_types=allow.types,
        allow_any_type=allow.any_type,
        tags_changed=tuple(sorted(_entity_types(old) ^ _entity_types(new))),
    )
