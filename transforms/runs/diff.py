"""``scrubline diff OLD_DIR NEW_DIR``: what changed between two published runs, Beam-free.

Built from the two manifests, ``fingerprints/`` shards and the rule ids and entity types of the
records' redaction logs only, so it never reads a record's text and its output carries ids, counts,
entity types and rule names, never a value: proprietary terms, internal domains, pattern regexes and
exclusion values appear in manifests only as digests, and allow-list words are counted, not listed.
Records and rules are compared by their digests, which are keyed under the state key: both runs must
have been made with the same one (``check_comparable``).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from typing import Any

from transforms import storage
from transforms.runs.report import findings_by_rule
from transforms.runs.sanitize import AllowKey, allow_key, leaf_differences

__all__ = ["RunDiffError", "check_comparable", "config_changes", "diff_runs", "render_diff"]


class RunDiffError(ValueError):
    """A directory holds no run that can be compared; the message names the argument only."""


def _load(directory: str, label: str) -> tuple[dict[str, Any], dict[str, tuple[str, str, str, frozenset]]]:
    import pyarrow.parquet as pq

    try:
        manifest = json.loads(storage.read_text(storage.join(directory, "manifest.json")))
    except FileNotFoundError:
        raise RunDiffError(f"{label} holds no published run (no manifest.json)") from None
    except (OSError, ValueError) as exc:
        raise RunDiffError(f"{label} manifest.json cannot be read ({type(exc).__name__})") from None
    if not isinstance(manifest, dict):
        raise RunDiffError(f"{label} manifest.json cannot be read (not a run manifest)")
    _check_keyed(manifest, label)  # before its fingerprints: a run without a key has no digests to compare
    paths = [f["path"] for f in manifest.get("files", []) if f["path"].startswith("fingerprints/")]
    if not paths:
        raise RunDiffError(f"{label} has no fingerprints (made by an older scrubline); rerun it to compare")
    records: dict[str, tuple[str, str, str, frozenset]] = {}
    columns = ["id", "status", "content_hmac", "output_hmac", "rules"]
    for rel in sorted(paths):
        try:
            with storage.open_read(storage.join(directory, rel)) as fh:
                table = pq.read_table(fh, columns=columns)
        except OSError as exc:
            raise RunDiffError(f"{label} fingerprint shard {rel} cannot be read ({type(exc).__name__})") from None
        for row in table.to_pylist():
            rules = frozenset((r["detector"], r["entity_type"]) for r in row["rules"])
            records[row["id"]] = (row["status"], row["content_hmac"], row["output_hmac"], rules)
    return manifest, records


def _rule_counts(directory: str, manifest: Mapping[str, Any], label: str) -> dict[tuple[str, str], int]:
    paths = [f["path"] for f in manifest.get("files", []) if f["path"].startswith("records/")]
    try:
        return {(r.rule, r.entity_type): r.count for r in findings_by_rule(directory, paths)}
    except (OSError, ValueError, KeyError) as exc:
        raise RunDiffError(f"{label} records shards cannot be read ({type(exc).__name__})") from None


def _rule_moves(old_dir: str, old: Mapping[str, Any], new_dir: str, new: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Findings per rule id and entity type in both runs, from the records' redaction logs, sorted by
    rule id then entity type; a pair found in one run only counts 0 in the other."""
    before = _rule_counts(old_dir, old, "OLD_DIR")
    after = _rule_counts(new_dir, new, "NEW_DIR")
    return [
        {"rule": key[0], "entity_type": key[1], "old": before.get(key, 0), "new": after.get(key, 0)}
        for key in sorted(set(before) | set(after))
    ]


def _count_change(label: str, before: set[Any], after: set[Any]) -> list[str]:
    """``label: +added -removed`` if the sets differ, else nothing."""
    return [f"{label}: +{len(after - before)} -{len(before - after)}"] if before != after else []


def _keyed_changes(prefix: str, old: Mapping[str, set[str]], new: Mapping[str, set[str]]) -> list[str]:
    """One ``_count_change`` line per key whose set differs, by key."""
    lines: list[str] = []
    for key in sorted(set(old) | set(new)):
        lines += _count_change(f"{prefix}.{key}", old.get(key, set()), new.get(key, set()))
    return lines


def _terms(cfg: Mapping[str, Any]) -> dict[str, set[str]]:
    return {entity: set(terms) for entity, terms in cfg.get("proprietary", {}).get("terms", {}).items()}


def _domains(cfg: Mapping[str, Any]) -> set[str]:
    return set(cfg.get("proprietary", {}).get("internal_domains", []))


def _allow(cfg: Mapping[str, Any]) -> set[AllowKey]:
    return {allow_key(a) for a in cfg.get("allow", [])}


def _exclusions(cfg: Mapping[str, Any]) -> dict[str, set[str]]:
    return {r["field"]: set(r["values"]) for r in cfg.get("input", {}).get("exclude", [])}


def _pattern_changes(old_cfg: Mapping[str, Any], new_cfg: Mapping[str, Any]) -> list[str]:
    """``patterns: -name`` / ``+name`` for every pattern removed or added (a changed one is both)."""
    old_patterns = {json.dumps(p, sort_keys=True): p["name"] for p in old_cfg.get("patterns", [])}
    new_patterns = {json.dumps(p, sort_keys=True): p["name"] for p in new_cfg.get("patterns", [])}
    lines = []
    for key in sorted(set(old_patterns) ^ set(new_patterns)):
        sign = "-" if key in old_patterns else "+"
        lines.append(f"patterns: {sign}{(old_patterns if sign == '-' else new_patterns)[key]}")
    return lines


def _operator_changes(old_cfg: Mapping[str, Any], new_cfg: Mapping[str, Any]) -> list[str]:
    """``operators.TYPE: old -> new`` for every entity type whose operator changed."""
    old_ops, new_ops = old_cfg.get("operators", {}), new_cfg.get("operators", {})
    lines = []
    for entity in sorted(set(old_ops) | set(new_ops)):
        if old_ops.get(entity) != new_ops.get(entity):
            was = (old_ops.get(entity) or {}).get("type", "(default)")
            now = (new_ops.get(entity) or {}).get("type", "(default)")
            lines.append(f"operators.{entity}: {was} -> {now}")
    return lines


def _other_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    """Every other config setting that changed (by path), version changes, and key changes (by name)."""
    old_cfg, new_cfg = old.get("config") or {}, new.get("config") or {}
    handled = ("proprietary", "patterns", "allow", "operators", "input.exclude")
    lines = [f"{path} changed" for path in leaf_differences(old_cfg, new_cfg, "") if not path.startswith(handled)]
    old_versions, new_versions = old.get("versions", {}), new.get("versions", {})
    for path in leaf_differences(old_versions, new_versions, "versions"):
        lines.append(f"{path}: {old_versions.get(path[9:])} -> {new_versions.get(path[9:])}")
    lines += [f"{path} changed" for path in leaf_differences(old.get("key_ids", {}), new.get("key_ids", {}), "key_ids")]
    return lines


def config_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    """The rule changes between two manifests, as lines without values (digests are counted)."""
    old_cfg, new_cfg = old.get("config") or {}, new.get("config") or {}
    return [
        *_keyed_changes("proprietary.terms", _terms(old_cfg), _terms(new_cfg)),
        *_count_change("proprietary.internal_domains", _domains(old_cfg), _domains(new_cfg)),
        *_pattern_changes(old_cfg, new_cfg),
        *_count_change("allow", _allow(old_cfg), _allow(new_cfg)),
        *_operator_changes(old_cfg, new_cfg),
        *_keyed_changes("input.exclude", _exclusions(old_cfg), _exclusions(new_cfg)),
        *_other_changes(old, new),
    ]


def _why_changed(old: tuple, new: tuple, changed_operator_types: set[str]) -> list[str]:
    """Which rules account for one record's change: rules that fire now and did not, and the reverse."""
    reasons = [f"+{d} ({e})" for d, e in sorted(new[3] - old[3])]
    reasons += [f"-{d} ({e})" for d, e in sorted(old[3] - new[3])]
    if reasons:
        return reasons
    types = {e for _, e in new[3]} & changed_operator_types
    if types:
        return [f"operators.{e}" for e in sorted(types)]
    if old[1] != new[1]:
        return ["content changed"]
    return ["other (same rules fired; e.g. overlap resolution or versions)"]


def _check_keyed(manifest: Mapping[str, Any], label: str) -> None:
    """Raise RunDiffError if the run was made without a state key (or by a scrubline before them)."""
    if manifest.get("state_key") is None:
        env = ((manifest.get("config") or {}).get("output") or {}).get("state_key_env", "SCRUBLINE_STATE_KEY")
        raise RunDiffError(
            f"{label} was made without a state key, so its records cannot be compared; set {env} for the runs to diff"
        )


def check_comparable(old: Mapping[str, Any], new: Mapping[str, Any]) -> None:
    """Raise RunDiffError unless both manifests name the same state key: records and rules are compared
    by digests keyed under it, which runs without a key do not have and runs under two keys never share."""
    _check_keyed(old, "OLD_DIR")
    _check_keyed(new, "NEW_DIR")
    if old["state_key"] != new["state_key"]:
        raise RunDiffError(
            "OLD_DIR and NEW_DIR were made with different state keys, so their records cannot be compared"
        )


def diff_runs(old_dir: str, new_dir: str, examples: int = 5) -> dict[str, Any]:
    """Compare two published runs made with the same state key; everything in the result is an id, a count,
    a type or a rule name."""
    old_manifest, old = _load(old_dir, "OLD_DIR")
    new_manifest, new = _load(new_dir, "NEW_DIR")
    check_comparable(old_manifest, new_manifest)
    old_ops = (old_manifest.get("config") or {}).get("operators", {})
    new_ops = (new_manifest.get("config") or {}).get("operators", {})
    default_changed = old_ops.get("default") != new_ops.get("default")
    changed_ops = {e for e in set(old_ops) | set(new_ops) if e != "default" and old_ops.get(e) != new_ops.get(e)}

    kinds: dict[str, list[str]] = {"added": [], "removed": [], "changed": [], "unchanged": []}
    transitions: Counter[str] = Counter()
    because: Counter[str] = Counter()
    because_examples: dict[str, list[str]] = {}

    def account(record_id: str, reasons: list[str]) -> None:
        for reason in reasons:
            because[reason] += 1
            because_examples.setdefault(reason, [])
            if len(because_examples[reason]) < examples:
                because_examples[reason].append(record_id)

    for record_id in sorted(set(old) | set(new)):
        before, after = old.get(record_id), new.get(record_id)
        was = before[0] if before else "absent"
        now = after[0] if after else "absent"
        if was != now:
            transitions[f"{was} -> {now}"] += 1
        if (before is None or was != "written") and now == "written":
            kinds["added"].append(record_id)
            account(record_id, ["input.exclude (no longer excluded)" if was == "excluded" else f"{was} -> written"])
        elif was == "written" and now != "written":
            kinds["removed"].append(record_id)
            account(record_id, ["input.exclude" if now == "excluded" else f"written -> {now}"])
        elif before is not None and after is not None and was == now == "written":
            if before[2] == after[2]:
                kinds["unchanged"].append(record_id)
            else:
                kinds["changed"].append(record_id)
                types = {e for _, e in after[3]}
                op_types = changed_ops | (types - set(new_ops) if default_changed else set())
                account(record_id, _why_changed(before, after, op_types))

    old_entities = old_manifest.get("counts", {}).get("entities", {})
    new_entities = new_manifest.get("counts", {}).get("entities", {})
    return {
        "old": {"ruleset": old_manifest.get("ruleset"), "counts": _counts(old_manifest)},
        "new": {"ruleset": new_manifest.get("ruleset"), "counts": _counts(new_manifest)},
        "records": {kind: len(ids) for kind, ids in kinds.items()},
        "status_changes": dict(sorted(transitions.items())),
        "entities": {
            e: {"old": old_entities.get(e, 0), "new": new_entities.get(e, 0)}
            for e in sorted(set(old_entities) | set(new_entities))
        },
        "findings_by_rule": _rule_moves(old_dir, old_manifest, new_dir, new_manifest),
        "rule_changes": config_changes(old_manifest, new_manifest),
        "accounted_for_by": dict(sorted(because.items(), key=lambda kv: (-kv[1], kv[0]))),
        "examples": {
            **{kind: ids[:examples] for kind, ids in kinds.items() if kind != "unchanged" and ids},
            **{f"because {reason}": ids for reason, ids in sorted(because_examples.items())},
        },
    }


def _counts(manifest: Mapping[str, Any]) -> dict[str, int]:
    counts = manifest.get("counts", {})
    return {k: counts.get(k, 0) for k in ("read", "written", "quarantined", "excluded")}


def _rule_lines(rules: list[dict[str, Any]]) -> list[str]:
    """The rule ids whose findings moved, one line each with the change signed."""
    moved = [r for r in rules if r["old"] != r["new"]]
    lines = [f"findings by rule (old -> new; {len(rules) - len(moved)} unchanged):"]
    for r in moved:
        label = f"{r['rule']} ({r['entity_type']})"
        lines.append(f"  {label:<44} {r['old']:>8} -> {r['new']:<8} ({r['new'] - r['old']:+d})")
    return lines


def render_diff(result: Mapping[str, Any]) -> str:
    """The plain-text form of ``diff_runs``' result."""
    old, new = result["old"], result["new"]
    lines = [f"rulesets: {old['ruleset']} -> {new['ruleset']}"]
    for key in ("read", "written", "quarantined", "excluded"):
        lines.append(f"  {key:<12} {old['counts'][key]:>10} -> {new['counts'][key]}")
    r = result["records"]
    lines.append(
        f"records: {r['added']} added, {r['removed']} removed, {r['changed']} changed, {r['unchanged']} unchanged"
    )
    for transition, n in result["status_changes"].items():
        lines.append(f"  {transition}: {n}")
    same = sum(1 for c in result["entities"].values() if c["old"] == c["new"])
    lines.append(f"entities (old -> new; {same} types unchanged):")
    for entity, c in result["entities"].items():
        if c["old"] != c["new"]:
            lines.append(f"  {entity:<20} {c['old']:>8} -> {c['new']:<8} ({c['new'] - c['old']:+d})")
    lines.extend(_rule_lines(result["findings_by_rule"]))
    lines.append("rule changes:" if result["rule_changes"] else "rule changes: none")
    lines.extend(f"  {line}" for line in result["rule_changes"])
    if result["accounted_for_by"]:
        lines.append("records accounted for by:")
        lines.extend(f"  {reason}: {n}" for reason, n in result["accounted_for_by"].items())
    if result["examples"]:
        lines.append("example record ids:")
        lines.extend(f"  {kind}: {', '.join(ids)}" for kind, ids in result["examples"].items())
    return "\n".join(lines)
