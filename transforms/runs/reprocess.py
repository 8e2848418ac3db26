"""Re-running only what a rule change can affect (``scrubline run --previous DIR``), Beam-free.

A run's manifest records its effective config in a sanitised form (``sanitized_config``: the
organisation's terms, internal domains, pattern regexes and exclusion values appear only as digests)
and its ``fingerprints/`` record, for every record, the hash of its content and every
``(detector, entity type)`` whose findings survived the policy filters. From the previous manifest and
the new config, ``plan_reuse`` works out a ``ReusePlan``:

- what cannot be scoped (another spaCy model or NER setting, another detector list, other score
  thresholds, other component versions or scrubline code): a full rerun, and the plan says why;
- otherwise, per record whose content is unchanged, ``ReusePlan.affected`` says whether a change can
  touch it: a removed or changed rule fired in it (from its fingerprint), the operator of an entity
  type found in it changed, an entity type found in it was switched off, or an added rule fires in it
  (a pre-scan with only the added terms, domains, patterns and allow-list entries). Affected and new
  records go through full detection; the rest are carried over from the previous output.

Every test in ``tests/pipelines/test_reprocess.py`` checks that the result is byte-identical to a
full rerun with the new rules.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from transforms.config import PatternConfig, ScrublineConfig
from transforms.records import Document, document_fields, sha256_hex
from transforms.redaction.normalize import normalize

__all__ = [
    "Prescanner",
    "PreviousRunError",
    "ReusePlan",
    "leaf_differences",
    "load_previous_run",
    "plan_reuse",
    "rule_digest",
    "sanitized_config",
]


def rule_digest(*parts: str) -> str:
    """A short, unkeyed digest of a rule value: lets two runs' rules be compared without listing them.

    Unkeyed on purpose (runs with different keys must still compare); it hides a value from a casual
    reader, not from someone who can guess it and hash the guess.
    """
    return sha256_hex("scrubline-rule\x00" + "\x00".join(parts))[:16]


def _term_key(term: str) -> str:
    from transforms.detectors.terms import lower_same_length  # the detector's own normalisation

    return lower_same_length(" ".join(term.split()))


def _allow_key(word: str) -> str:
    return word.strip().casefold()


def _pattern_entries(patterns: Sequence[PatternConfig]) -> list[tuple[dict[str, Any], PatternConfig]]:
    """Each pattern's sanitised form (its effective rule name, as findings carry it) and itself."""
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
            entity: sorted({rule_digest(entity, _term_key(t)) for t in terms if _term_key(t)})
            for entity, terms in sorted(config.proprietary.terms.items())
        },
        "internal_domains": sorted({rule_digest(d.lower()) for d in config.proprietary.internal_domains}),
    }
    data["patterns"] = [entry for entry, _ in _pattern_entries(config.patterns)]
    data["input"]["exclude"] = [
        {"field": r.field, "values": sorted({rule_digest(r.field, v) for v in r.values})} for r in config.input.exclude
    ]
    return data


def _operator_identity(op: Mapping[str, Any] | None, key_ids: Mapping[str, str]) -> str:
    if op is None:
        return ""
    ident = dict(op)
    if "key_env" in ident:
        ident["key_id"] = key_ids.get(ident["key_env"], "")
    return json.dumps(ident, sort_keys=True)


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
        """Did a removed rule, a switched-off type or a changed operator touch a record with these rules?"""
        for detector, entity_type in rules:
            if detector in self.removed_detectors or detector.startswith(self.removed_prefixes):
                return True
            if entity_type in self.disabled_added or self.operator_changed(entity_type):
                return True
        return False


def _entity_types(sanitized: Mapping[str, Any]) -> set[str]:
    return {
        *sanitized["nlp"]["labels"].values(),
        *sanitized["proprietary"]["terms"],
        *(p["entity"] for p in sanitized["patterns"]),
    }


def leaf_differences(old: Any, new: Any, path: str = "") -> list[str]:
    """The dotted paths of every leaf that differs between two nested mappings."""
    if isinstance(old, dict) and isinstance(new, dict):
        out = []
        for key in sorted(set(old) | set(new)):
            out.extend(leaf_differences(old.get(key), new.get(key), f"{path}.{key}" if path else key))
        return out
    return [] if old == new else [path]


# Sections whose change cannot be scoped to records: the model, the detectors, score thresholds and
# mention propagation change findings anywhere. Versions include a fingerprint of scrubline's own code.
_UNSCOPED = ("nlp", "detectors", "entities.min_score", "entities.thresholds", "entities.propagate")


def plan_reuse(
    previous_manifest: Mapping[str, Any],
    config: ScrublineConfig,
    versions: Mapping[str, str],
    key_ids: Mapping[str, str],
) -> ReusePlan:
    """Compare the previous run (its manifest) with the new config and versions."""
    old = previous_manifest.get("config")
    if not isinstance(old, dict) or "fingerprints" not in previous_manifest.get("layout", {}):
        return ReusePlan(full_rerun_reason="the previous run has no fingerprints (made by an older scrubline)")
    new = sanitized_config(config)
    changed_versions = leaf_differences(previous_manifest.get("versions", {}), dict(versions), "versions")
    unscoped = [d for d in leaf_differences(old, new) if d.startswith(_UNSCOPED)]
    if changed_versions or unscoped:
        what = ", ".join(changed_versions + unscoped)
        return ReusePlan(full_rerun_reason=f"cannot be scoped to records: {what} changed")

    changes: list[str] = []
    removed_detectors: set[str] = set()
    removed_prefixes: list[str] = []
    added_terms: dict[str, tuple[str, ...]] = {}

    old_terms = old["proprietary"]["terms"]
    for entity in sorted(set(old_terms) | set(config.proprietary.terms)):
        before = set(old_terms.get(entity, []))
        after = {rule_digest(entity, _term_key(t)): t for t in config.proprietary.terms.get(entity, []) if _term_key(t)}
        if before - set(after):
            removed_detectors.add(f"proprietary_terms.{entity}")
            changes.append(f"proprietary.terms.{entity}: {len(before - set(after))} removed")
        added = sorted(t for d, t in after.items() if d not in before)
        if added:
            added_terms[entity] = tuple(added)
            changes.append(f"proprietary.terms.{entity}: {len(added)} added")

    old_domains = set(old["proprietary"]["internal_domains"])
    new_domains = {rule_digest(d.lower()): d for d in config.proprietary.internal_domains}
    if old_domains - set(new_domains):
        removed_prefixes.append("internal_domains.")
        changes.append(f"proprietary.internal_domains: {len(old_domains - set(new_domains))} removed")
    added_domains = tuple(sorted(d for k, d in new_domains.items() if k not in old_domains))
    if added_domains:
        changes.append(f"proprietary.internal_domains: {len(added_domains)} added")

    old_patterns = {json.dumps(p, sort_keys=True): p for p in old["patterns"]}
    new_patterns = {json.dumps(e, sort_keys=True): p for e, p in _pattern_entries(config.patterns)}
    for key in sorted(set(old_patterns) - set(new_patterns)):
        removed_detectors.add(f"patterns.{old_patterns[key]['name']}")
        changes.append(f"patterns: {old_patterns[key]['name']} removed or changed")
    added_patterns = tuple(
        new_patterns[k].model_dump(mode="json") for k in sorted(set(new_patterns) - set(old_patterns))
    )
    for p in added_patterns:
        changes.append(f"patterns: {p['name']} added or changed")

    old_allow = {_allow_key(a) for a in old["allow"]}
    new_allow = {_allow_key(a) for a in config.allow}
    allow_changed = tuple(sorted(old_allow ^ new_allow))
    if allow_changed:
        changes.append(f"allow: {len(new_allow - old_allow)} added, {len(old_allow - new_allow)} removed")

    old_disabled, new_disabled = set(old["entities"]["disabled"]), set(config.entities.disabled)
    if old_disabled - new_disabled:
        return ReusePlan(
            full_rerun_reason="cannot be scoped to records: entities.disabled re-enables "
            + ", ".join(sorted(old_disabled - new_disabled))
        )
    disabled_added = frozenset(new_disabled - old_disabled)
    if disabled_added:
        changes.append("entities.disabled: " + ", ".join(sorted(disabled_added)) + " switched off")

    old_key_ids = previous_manifest.get("key_ids", {})
    old_ops = {k: _operator_identity(v, old_key_ids) for k, v in old["operators"].items()}
    new_ops = {k: _operator_identity(v, key_ids) for k, v in new["operators"].items()}
    op_changes = sorted(k for k in set(old_ops) | set(new_ops) if old_ops.get(k) != new_ops.get(k))
    if op_changes:
        changes.append("operators: " + ", ".join(op_changes) + " changed")

    tags_changed = tuple(sorted(_entity_types(old) ^ _entity_types(new)))
    if old["input"]["exclude"] != new["input"]["exclude"]:
        changes.append("input.exclude changed")
    return ReusePlan(
        changes=tuple(changes),
        removed_detectors=frozenset(removed_detectors),
        removed_prefixes=tuple(removed_prefixes),
        disabled_added=disabled_added,
        old_operators=old_ops,
        new_operators=new_ops,
        added_terms=added_terms,
        added_domains=added_domains,
        added_patterns=added_patterns,
        allow_changed=allow_changed,
        tags_changed=tags_changed,
    )


class Prescanner:
    """Decides, for one unchanged record, whether the rule change can affect it. Build once per worker."""

    def __init__(self, plan: ReusePlan) -> None:
        from transforms.detectors.patterns import ConfigPatternDetector
        from transforms.detectors.terms import InternalDomainDetector, ProprietaryTermDetector

        self._plan = plan
        self._detectors = []
        if plan.added_terms:
            self._detectors.append(ProprietaryTermDetector({k: list(v) for k, v in plan.added_terms.items()}))
        if plan.added_domains:
            self._detectors.append(InternalDomainDetector(plan.added_domains))
        if plan.added_patterns:
            self._detectors.append(
                ConfigPatternDetector([PatternConfig.model_validate(p) for p in plan.added_patterns])
            )
        self._allow = plan.allow_changed
        self._tags = tuple(f"<{t}" for t in plan.tags_changed)

    def affected(self, doc: Document, rules: Sequence[tuple[str, str]]) -> bool:
        """True if the config change could alter ``doc``'s output, so it must be redacted again."""
        if self._plan.rules_affected(rules):
            return True
        fields = document_fields(doc)
        if self._tags and any(tag in text for text in fields for tag in self._tags):
            return True
        if not (self._detectors or self._allow):
            return False
        # The engine detects on normalised text; so must the pre-scan, or it could miss what detection finds.
        normalized = [normalize(t).text for t in fields]
        if self._allow:
            folded = [t.casefold() for t in normalized]
            if any(word in t for t in folded for word in self._allow):
                return True
        return any(any(found) for detector in self._detectors for found in detector.detect(normalized))


class PreviousRunError(ValueError):
    """``--previous`` names no usable published run; the message names no file of the run's inputs."""


def load_previous_run(directory: str) -> tuple[dict[str, Any], list[str], list[str]]:
    """Read a published run: its manifest and the paths of its fingerprint and record shards.

    Every shard the manifest lists must be there with the sha256 it lists: an earlier run whose files
    were changed or lost since is not trusted to carry anything over.
    """
    import hashlib
    from pathlib import Path

    root = Path(directory)
    try:
        manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PreviousRunError("--previous holds no published run (no manifest.json)") from None
    except (OSError, ValueError) as exc:
        raise PreviousRunError(f"--previous manifest.json cannot be read ({type(exc).__name__})") from None
    fingerprints, records = [], []
    for entry in manifest.get("files", []):
        path = root / entry["path"]
        try:
            h = hashlib.sha256()
            with open(path, "rb") as fh:
                while chunk := fh.read(1 << 20):
                    h.update(chunk)
            digest = h.hexdigest()
        except OSError:
            raise PreviousRunError(f"--previous is incomplete: {entry['path']} is missing") from None
        if digest != entry["sha256"]:
            raise PreviousRunError(f"--previous was modified after it was published: {entry['path']} differs")
        if entry["path"].startswith("fingerprints/"):
            fingerprints.append(str(path))
        elif entry["path"].startswith("records/"):
            records.append(str(path))
    return manifest, sorted(fingerprints), sorted(records)
