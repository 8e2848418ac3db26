"""Rendering the report page: one section per question a reader asks, from plain data (no file is read here).

Self-contained: inline CSS and SVG only, a Content-Security-Policy that forbids fetching anything, and
every value HTML-escaped; sources appear only as opaque references (``src-<16 hex>`` or ``src-<ordinal>``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from transforms.runs.report.data import QuarantineBySource, RuleFindings
from transforms.runs.report.elements import CSS, bar_chart, data_table, escape, footnote, number, of_sources, section
from transforms.runs.stats import RUN_STATS_NAME, safe_ref

__all__ = ["DENSITY_COLOUR", "ENTITY_COLOUR", "REASON_COLOUR", "SLOW_COLOUR", "render_report"]

# Distinctive bar colours (the screenshot test looks for them).
ENTITY_COLOUR = "#d9480f"
REASON_COLOUR = "#9c36b5"
DENSITY_COLOUR = "#1971c2"
SLOW_COLOUR = "#2b8a3e"


def _tiles(counts: Mapping[str, Any], files: Sequence[Mapping[str, Any]]) -> str:
    read, written, quarantined = (int(counts.get(k, 0)) for k in ("read", "written", "quarantined"))
    share = f"{100.0 * quarantined / read:.2f}% of read" if read else "nothing read"
    entities = sum(int(v) for v in counts.get("entities", {}).values())
    out_bytes = sum(int(f.get("bytes", 0)) for f in files)
    tiles = [
        ("Records read", number(read), ""),
        ("Records written", number(written), ""),
        ("Records quarantined", number(quarantined), share),
        *([("Records excluded", number(counts["excluded"]), "")] if "excluded" in counts else []),
        ("Entities redacted", number(entities), "in text, source and kept fields"),
        ("Output files", number(len(files)), f"{out_bytes:,} bytes"),
    ]
    return (
        '<div class="tiles">'
        + "".join(
            f'<div class="tile"><div class="k">{escape(k)}</div><div class="n">{n}</div>'
            f'<div class="note">{escape(extra)}</div></div>'
            for k, n, extra in tiles
        )
        + "</div>"
    )


def _entities(counts: Mapping[str, Any]) -> str:
    entities = sorted(counts.get("entities", {}).items(), key=lambda kv: (-int(kv[1]), kv[0]))
    if not entities:
        return section("Entities by type", "entities", footnote("No entity was redacted."))
    chart = bar_chart([(k, float(v), f"{int(v):,}") for k, v in entities], ENTITY_COLOUR, "Entities by type")
    return section(
        "Entities by type",
        "entities",
        chart + footnote("Counted over every field of every redacted record: text, source and kept fields."),
    )


def _rules(rules: Sequence[RuleFindings]) -> str:
    title = "Findings by rule"
    if not rules:
        return section(title, "rules", footnote("No redaction was logged in the text of the written records."))
    table = data_table(
        ["Rule id", "Entity type", "Findings"],
        [[f'<span class="mono">{escape(r.rule)}</span>', escape(r.entity_type), number(r.count)] for r in rules],
        [False, False, True],
    )
    total = sum(r.count for r in rules)
    note = footnote(
        f"{total:,} redactions in the text of the written records, by the rule id their redaction log names "
        "(the detector column) and entity type; most first, ties by rule id. Findings in source and kept "
        "fields are counted under Entities by type only."
    )
    return section(title, "rules", table + note)


def _reasons(counts: Mapping[str, Any]) -> str:
    reasons = sorted(counts.get("quarantine_reasons", {}).items(), key=lambda kv: (-int(kv[1]), kv[0]))
    if not reasons:
        return section("Quarantine reasons", "quarantine", footnote("No record was quarantined."))
    chart = bar_chart([(k, float(v), f"{int(v):,}") for k, v in reasons], REASON_COLOUR, "Quarantine reasons")
    return section("Quarantine reasons", "quarantine", chart)


def _density(run_stats: Mapping[str, Any] | None) -> str:
    title = "Redaction density per source"
    if not run_stats or "sources" not in run_stats:
        return section(title, "density", footnote(f"Not available: this run has no {RUN_STATS_NAME}."))
    s = run_stats["sources"]
    densest = s.get("densest", [])
    summary = (
        f"<p>{number(s.get('count', 0))} source files, {number(s.get('records', 0))} records through detection: "
        f"{number(s.get('redactions', 0))} redactions in {number(s.get('chars', 0))} characters of text, "
        f"<strong>{float(s.get('per_1000_chars', 0.0)):,.2f}</strong> per 1,000 characters overall.</p>"
    )
    if not densest:
        return section(title, "density", summary)
    chart = bar_chart(
        [
            (safe_ref(str(d["source"])), float(d["per_1000_chars"]), f"{float(d['per_1000_chars']):,.2f}")
            for d in densest
        ],
        DENSITY_COLOUR,
        title,
    )
    table = data_table(
        ["Source", "Records", "Characters", "Redactions", "Per 1,000 chars", "Quarantined in detection"],
        [
            [
                f'<span class="mono">{escape(safe_ref(str(d["source"])))}</span>',
                number(d["records"]),
                number(d["chars"]),
                number(d["redactions"]),
                f"{float(d['per_1000_chars']):,.2f}",
                number(d["quarantined"]),
            ]
            for d in densest
        ],
        [False, True, True, True, True, True],
    )
    note = footnote(
        f"{of_sources(len(densest), int(s.get('count', 0)))}, densest first. A source is an input file, named "
        "by an opaque reference (src- and 16 hex digits keyed under the state key, or its number in the run's "
        "listing without one); density counts the redactions in the text of the records that were written."
    )
    return section(title, "density", summary + chart + table + note)


def _quarantined_sources(by_source: QuarantineBySource) -> str:
    title = "Quarantined records by source"
    if not by_source.count:
        return section(title, "quarantine-sources", footnote("No record was quarantined."))
    table = data_table(
        ["Source", "Quarantined", "Reasons"],
        [
            [
                f'<span class="mono">{escape(safe_ref(q.source))}</span>',
                number(q.quarantined),
                escape(", ".join(f"{k} {v:,}" for k, v in sorted(q.reasons.items()))),
            ]
            for q in by_source.top
        ],
        [False, True, False],
    )
    return section(
        title,
        "quarantine-sources",
        table + footnote(f"{of_sources(len(by_source.top), by_source.count)}, most quarantined records first."),
    )


def _slowest(run_stats: Mapping[str, Any] | None) -> str:
    title = "Slowest records"
    if not run_stats or "slowest" not in run_stats:
        return section(title, "slowest", footnote(f"Not available: this run has no {RUN_STATS_NAME}."))
    slowest = run_stats["slowest"]
    if not slowest:
        return section(title, "slowest", footnote("No record went through detection."))
    chart = bar_chart(
        [(safe_ref(str(r["source"])), float(r["seconds"]), f"{float(r['seconds']):,.3f} s") for r in slowest],
        SLOW_COLOUR,
        title,
    )
    table = data_table(
        ["Source", "Characters", "Seconds", "Characters/s", "Records in batch", "Quarantined"],
        [
            [
                f'<span class="mono">{escape(safe_ref(str(r["source"])))}</span>',
                number(r["chars"]),
                f"{float(r['seconds']):,.3f}",
                f"{r['chars'] / r['seconds']:,.0f}" if float(r["seconds"]) > 0 else "",
                number(r["batch_records"]),
                "yes" if r.get("quarantined") else "no",
            ]
            for r in slowest
        ],
        [False, True, True, True, True, False],
    )
    note = footnote(
        "Detection wall time; a batch's time is shared among its records by characters, so it is exact only "
        "for a batch of one record. Timings vary from run to run."
    )
    return section(title, "slowest", chart + table + note)


def _run(manifest: Mapping[str, Any]) -> str:
    rows = [["Ruleset", f'<span class="mono">{escape(manifest.get("ruleset", ""))}</span>']]
    rows.append(["Shards per output", number(manifest.get("num_shards", ""))])
    rows += [
        [escape(k), f'<span class="mono">{escape(v)}</span>'] for k, v in sorted(manifest.get("versions", {}).items())
    ]
    rows += [
        [f"Key {escape(k)}", f'<span class="mono">{escape(v)}</span>']
        for k, v in sorted(manifest.get("key_ids", {}).items())
    ]
    files = manifest.get("files", [])
    file_table = data_table(
        ["File", "Rows", "Bytes", "sha256"],
        [
            [
                f'<span class="mono">{escape(f.get("path", ""))}</span>',
                number(f.get("rows", 0)),
                number(f.get("bytes", 0)),
                f'<span class="mono">{escape(str(f.get("sha256", ""))[:16])}\u2026</span>',
            ]
            for f in files
        ],
        [False, True, True, False],
    )
    return section(
        "Versions and ruleset",
        "run",
        data_table(["Component", "Version"], rows, [False, False]) + "<h3>Output files</h3>" + file_table,
    )


def render_report(
    manifest: Mapping[str, Any],
    run_stats: Mapping[str, Any] | None = None,
    quarantined: QuarantineBySource | None = None,
    rules: Sequence[RuleFindings] = (),
) -> str:
    """The whole report page from a manifest, the run's ``run_stats.json`` content, the quarantine
    grouped by source and the findings by rule (shown in the order given). Self-contained (no script,
    nothing fetched); every value is HTML-escaped."""
    counts = manifest.get("counts", {})
    files = manifest.get("files", [])
    read, written, q, excluded = (int(counts.get(k, 0)) for k in ("read", "written", "quarantined", "excluded"))
    terms = f"written + quarantined{' + excluded' if 'excluded' in counts else ''}"
    values = f"{written:,} + {q:,}{f' + {excluded:,}' if 'excluded' in counts else ''}"
    balance = (
        f'<span class="ok">read = {terms} ({read:,} = {values})</span>'
        if read == written + q + excluded
        else f'<span class="warn">read != {terms} ({read:,} != {values})</span>'
    )
    body = "".join(
        [
            "<h1>scrubline run report</h1>",
            f'<p class="sub">Ruleset <span class="mono">{escape(str(manifest.get("ruleset", ""))[:16])}</span> · '
            f"scrubline {escape(manifest.get('versions', {}).get('scrubline', 'unknown'))} · {balance}</p>",
            _tiles(counts, files),
            _entities(counts),
            _rules(rules),
            _reasons(counts),
            _quarantined_sources(quarantined or QuarantineBySource()),
            _density(run_stats),
            _slowest(run_stats),
            _run(manifest),
            footnote(
                "Made from manifest.json, run_stats.json, the quarantine shards and the records' redaction logs. "
                "Only counts, entity types, rule ids, reason codes, opaque source references, timings and "
                "versions appear here. Timings vary from "
                "run to run: this page and run_stats.json are for people and not part of the byte-identical output."
            ),
        ]
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>scrubline run report</title>"
        f"<style>{CSS}</style></head><body><main>{body}</main></body></html>\n"
    )
