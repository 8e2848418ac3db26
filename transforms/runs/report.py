"""``DIR/report.html``: one self-contained page that shows a person what a run did.

Beam-free. The page has inline CSS and inline SVG charts only: no script, no font, image or style
sheet fetched from anywhere (a Content-Security-Policy forbids it), so it opens offline. It shows
counts, entity types, rule ids, quarantine reason codes, opaque source references (``src-<16 hex>``),
timings, versions and the ruleset: never text, a file name or a record id; every value is HTML-escaped.

It is built from ``manifest.json``, ``run_stats.json`` (when present), the quarantine shards'
``source`` and ``reason`` columns and the records shards' ``redactions.detector`` and
``redactions.entity_type`` (nothing else of a record is read). Timings vary from run to run, so the
page is not part of the byte-identical output.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from transforms.output.manifest import MANIFEST_NAME
from transforms.output.shards import publish_text
from transforms.runs.stats import DEFAULT_TOP, RUN_STATS_NAME, safe_ref

__all__ = [
    "ENTITY_COLOUR",
    "PEOPLE_ONLY_OUTPUTS",
    "REASON_COLOUR",
    "REPORT_NAME",
    "QuarantineBySource",
    "QuarantinedSource",
    "RuleFindings",
    "findings_by_rule",
    "quarantine_by_source",
    "render_report",
    "write_report",
]

REPORT_NAME = "report.html"
# Outputs for people: they hold timings, so unlike records/, quarantine/ and manifest.json they are
# not byte-identical from run to run.
PEOPLE_ONLY_OUTPUTS = (REPORT_NAME, RUN_STATS_NAME)

# Distinctive bar colours (the screenshot test looks for them).
ENTITY_COLOUR = "#d9480f"
REASON_COLOUR = "#9c36b5"
DENSITY_COLOUR = "#1971c2"
SLOW_COLOUR = "#2b8a3e"

_CHART_WIDTH = 760
_LABEL_WIDTH = 210
_BAR_WIDTH = 430
_ROW = 24
_LABEL_CHARS = 28


@dataclass(frozen=True)
class QuarantinedSource:
    """How many records of one source file (opaque reference) were quarantined, and why."""

    source: str
    quarantined: int
    reasons: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class QuarantineBySource:
    """The source files with the most quarantined records (``top``) out of ``count`` such files."""

    count: int = 0
    top: tuple[QuarantinedSource, ...] = ()


@dataclass(frozen=True)
class RuleFindings:
    """How many redactions one rule id (a redaction log's ``detector``) logged as one entity type."""

    rule: str
    entity_type: str
    count: int


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _int(n: object) -> str:
    return f"{int(n):,}" if isinstance(n, (int, float)) else _e(n)


def _short(label: str) -> str:
    return label if len(label) <= _LABEL_CHARS else label[: _LABEL_CHARS - 1] + "\u2026"


def _bar_chart(rows: Sequence[tuple[str, float, str]], colour: str, title: str) -> str:
    """A horizontal bar chart in inline SVG: one ``(label, value, value_text)`` per bar."""
    if not rows:
        return ""
    top = max(value for _, value, _ in rows) or 1.0
    height = len(rows) * _ROW + 8
    parts = [
        f'<svg class="chart" width="{_CHART_WIDTH}" height="{height}" viewBox="0 0 {_CHART_WIDTH} {height}" '
        f'role="img" aria-label="{_e(title)}">'
    ]
    for i, (label, value, text) in enumerate(rows):
        y = 4 + i * _ROW
        width = 0.0 if value <= 0 else max(1.0, _BAR_WIDTH * value / top)
        parts.append(
            f"<g><title>{_e(label)}: {_e(text)}</title>"
            f'<text x="{_LABEL_WIDTH - 8}" y="{y + 16}" text-anchor="end">{_e(_short(label))}</text>'
            f'<rect x="{_LABEL_WIDTH}" y="{y + 3}" width="{width:.1f}" height="16" rx="2" fill="{colour}"/>'
            f'<text x="{_LABEL_WIDTH + width + 6:.1f}" y="{y + 16}" class="value">{_e(text)}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[bool]) -> str:
    """An HTML table; cells arrive already escaped."""
    head = "".join(f'<th class="{"num" if n else ""}">{_e(h)}</th>' for h, n in zip(headers, numeric, strict=True))
    body = "".join(
        "<tr>"
        + "".join(f'<td class="{"num" if n else ""}">{c}</td>' for c, n in zip(r, numeric, strict=True))
        + "</tr>"
        for r in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _of(shown: int, total: int) -> str:
    if shown == total:
        return "All source files" if total != 1 else "The source file"
    return f"The {shown:,} source files of {total:,}"


def _section(title: str, anchor: str, body: str) -> str:
    return f'<section id="{anchor}"><h2>{_e(title)}</h2>{body}</section>'


def _note(text: str) -> str:
    return f'<p class="note">{_e(text)}</p>'


_CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f5f7; color: #1d2125;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", "Liberation Sans", sans-serif; }
main { max-width: 980px; margin: 0 auto; padding: 24px 28px 40px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 0 0 12px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
.sub { color: #505a64; margin: 0 0 20px; }
code, .mono { font-family: "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace; font-size: 13px; }
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(130px, 1fr)); gap: 12px; margin: 0 0 20px; }
.tile { background: #fff; border: 1px solid #dfe3e8; border-radius: 8px; padding: 12px 16px; }
.tile .n { font-size: 28px; font-weight: 700; font-variant-numeric: tabular-nums; }
.tile .k { color: #505a64; font-size: 13px; text-transform: uppercase; letter-spacing: .04em; }
section { background: #fff; border: 1px solid #dfe3e8; border-radius: 8px; padding: 16px 20px; margin: 0 0 16px; }
svg.chart { display: block; max-width: 100%; height: auto; margin: 4px 0 8px; }
svg.chart text { font-size: 13px; fill: #1d2125; }
svg.chart text.value { fill: #343a40; font-variant-numeric: tabular-nums; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 4px; font-size: 14px; }
th, td { text-align: left; padding: 5px 10px; border-bottom: 1px solid #e9ecef; vertical-align: top; }
th { color: #505a64; font-weight: 600; font-size: 13px; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.note { color: #505a64; font-size: 13px; margin: 6px 0 0; }
.ok { color: #2b8a3e; } .warn { color: #c92a2a; }
"""


def _tiles(counts: Mapping[str, Any], files: Sequence[Mapping[str, Any]]) -> str:
    read, written, quarantined = (int(counts.get(k, 0)) for k in ("read", "written", "quarantined"))
    share = f"{100.0 * quarantined / read:.2f}% of read" if read else "nothing read"
    entities = sum(int(v) for v in counts.get("entities", {}).values())
    out_bytes = sum(int(f.get("bytes", 0)) for f in files)
    tiles = [
        ("Records read", _int(read), ""),
        ("Records written", _int(written), ""),
        ("Records quarantined", _int(quarantined), share),
        *([("Records excluded", _int(counts["excluded"]), "")] if "excluded" in counts else []),
        ("Entities redacted", _int(entities), "in text, source and kept fields"),
        ("Output files", _int(len(files)), f"{out_bytes:,} bytes"),
    ]
    return (
        '<div class="tiles">'
        + "".join(
            f'<div class="tile"><div class="k">{_e(k)}</div><div class="n">{n}</div>'
            f'<div class="note">{_e(extra)}</div></div>'
            for k, n, extra in tiles
        )
        + "</div>"
    )


def _entities(counts: Mapping[str, Any]) -> str:
    entities = sorted(counts.get("entities", {}).items(), key=lambda kv: (-int(kv[1]), kv[0]))
    if not entities:
        return _section("Entities by type", "entities", _note("No entity was redacted."))
    chart = _bar_chart([(k, float(v), f"{int(v):,}") for k, v in entities], ENTITY_COLOUR, "Entities by type")
    return _section(
        "Entities by type",
        "entities",
        chart + _note("Counted over every field of every redacted record: text, source and kept fields."),
    )


def _rules(rules: Sequence[RuleFindings]) -> str:
    title = "Findings by rule"
    if not rules:
        return _section(title, "rules", _note("No redaction was logged in the text of the written records."))
    table = _table(
        ["Rule id", "Entity type", "Findings"],
        [[f'<span class="mono">{_e(r.rule)}</span>', _e(r.entity_type), _int(r.count)] for r in rules],
        [False, False, True],
    )
    total = sum(r.count for r in rules)
    note = _note(
        f"{total:,} redactions in the text of the written records, by the rule id their redaction log names "
        "(the detector column) and entity type; most first, ties by rule id. Findings in source and kept "
        "fields are counted under Entities by type only."
    )
    return _section(title, "rules", table + note)


def _reasons(counts: Mapping[str, Any]) -> str:
    reasons = sorted(counts.get("quarantine_reasons", {}).items(), key=lambda kv: (-int(kv[1]), kv[0]))
    if not reasons:
        return _section("Quarantine reasons", "quarantine", _note("No record was quarantined."))
    chart = _bar_chart([(k, float(v), f"{int(v):,}") for k, v in reasons], REASON_COLOUR, "Quarantine reasons")
    return _section("Quarantine reasons", "quarantine", chart)


def _density(run_stats: Mapping[str, Any] | None) -> str:
    title = "Redaction density per source"
    if not run_stats or "sources" not in run_stats:
        return _section(title, "density", _note(f"Not available: this run has no {RUN_STATS_NAME}."))
    s = run_stats["sources"]
    densest = s.get("densest", [])
    summary = (
        f"<p>{_int(s.get('count', 0))} source files, {_int(s.get('records', 0))} records through detection: "
        f"{_int(s.get('redactions', 0))} redactions in {_int(s.get('chars', 0))} characters of text, "
        f"<strong>{float(s.get('per_1000_chars', 0.0)):,.2f}</strong> per 1,000 characters overall.</p>"
    )
    if not densest:
        return _section(title, "density", summary)
    chart = _bar_chart(
        [
            (safe_ref(str(d["source"])), float(d["per_1000_chars"]), f"{float(d['per_1000_chars']):,.2f}")
            for d in densest
        ],
        DENSITY_COLOUR,
        title,
    )
    table = _table(
        ["Source", "Records", "Characters", "Redactions", "Per 1,000 chars", "Quarantined in detection"],
        [
            [
                f'<span class="mono">{_e(safe_ref(str(d["source"])))}</span>',
                _int(d["records"]),
                _int(d["chars"]),
                _int(d["redactions"]),
                f"{float(d['per_1000_chars']):,.2f}",
                _int(d["quarantined"]),
            ]
            for d in densest
        ],
        [False, True, True, True, True, True],
    )
    note = _note(
        f"{_of(len(densest), int(s.get('count', 0)))}, densest first. A source is an input file, named "
        "by an opaque reference (src- and the first 16 hex digits of the sha256 of its path relative to its "
        "input root); density counts the redactions in the text of the records that were written."
    )
    return _section(title, "density", summary + chart + table + note)


def _quarantined_sources(by_source: QuarantineBySource) -> str:
    title = "Quarantined records by source"
    if not by_source.count:
        return _section(title, "quarantine-sources", _note("No record was quarantined."))
    table = _table(
        ["Source", "Quarantined", "Reasons"],
        [
            [
                f'<span class="mono">{_e(safe_ref(q.source))}</span>',
                _int(q.quarantined),
                _e(", ".join(f"{k} {v:,}" for k, v in sorted(q.reasons.items()))),
            ]
            for q in by_source.top
        ],
        [False, True, False],
    )
    return _section(
        title,
        "quarantine-sources",
        table + _note(f"{_of(len(by_source.top), by_source.count)}, most quarantined records first."),
    )


def _slowest(run_stats: Mapping[str, Any] | None) -> str:
    title = "Slowest records"
    if not run_stats or "slowest" not in run_stats:
        return _section(title, "slowest", _note(f"Not available: this run has no {RUN_STATS_NAME}."))
    slowest = run_stats["slowest"]
    if not slowest:
        return _section(title, "slowest", _note("No record went through detection."))
    chart = _bar_chart(
        [(safe_ref(str(r["source"])), float(r["seconds"]), f"{float(r['seconds']):,.3f} s") for r in slowest],
        SLOW_COLOUR,
        title,
    )
    table = _table(
        ["Source", "Characters", "Seconds", "Characters/s", "Records in batch", "Quarantined"],
        [
            [
                f'<span class="mono">{_e(safe_ref(str(r["source"])))}</span>',
                _int(r["chars"]),
                f"{float(r['seconds']):,.3f}",
                f"{r['chars'] / r['seconds']:,.0f}" if float(r["seconds"]) > 0 else "",
                _int(r["batch_records"]),
                "yes" if r.get("quarantined") else "no",
            ]
            for r in slowest
        ],
        [False, True, True, True, True, False],
    )
    note = _note(
        "Detection wall time; a batch's time is shared among its records by characters, so it is exact only "
        "for a batch of one record. Timings vary from run to run."
    )
    return _section(title, "slowest", chart + table + note)


def _run(manifest: Mapping[str, Any]) -> str:
    rows = [["Ruleset", f'<span class="mono">{_e(manifest.get("ruleset", ""))}</span>']]
    rows.append(["Shards per output", _int(manifest.get("num_shards", ""))])
    rows += [[_e(k), f'<span class="mono">{_e(v)}</span>'] for k, v in sorted(manifest.get("versions", {}).items())]
    rows += [
        [f"Key {_e(k)}", f'<span class="mono">{_e(v)}</span>'] for k, v in sorted(manifest.get("key_ids", {}).items())
    ]
    files = manifest.get("files", [])
    file_table = _table(
        ["File", "Rows", "Bytes", "sha256"],
        [
            [
                f'<span class="mono">{_e(f.get("path", ""))}</span>',
                _int(f.get("rows", 0)),
                _int(f.get("bytes", 0)),
                f'<span class="mono">{_e(str(f.get("sha256", ""))[:16])}\u2026</span>',
            ]
            for f in files
        ],
        [False, True, True, False],
    )
    return _section(
        "Versions and ruleset",
        "run",
        _table(["Component", "Version"], rows, [False, False]) + "<h3>Output files</h3>" + file_table,
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
            f'<p class="sub">Ruleset <span class="mono">{_e(str(manifest.get("ruleset", ""))[:16])}</span> · '
            f"scrubline {_e(manifest.get('versions', {}).get('scrubline', 'unknown'))} · {balance}</p>",
            _tiles(counts, files),
            _entities(counts),
            _rules(rules),
            _reasons(counts),
            _quarantined_sources(quarantined or QuarantineBySource()),
            _density(run_stats),
            _slowest(run_stats),
            _run(manifest),
            _note(
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
        f"<style>{_CSS}</style></head><body><main>{body}</main></body></html>\n"
    )


def quarantine_by_source(output_dir: str, paths: Sequence[str], top: int = DEFAULT_TOP) -> QuarantineBySource:
    """Group the quarantine shards ``paths`` (relative to ``output_dir``) by source file: reads only
    their ``source`` and ``reason`` columns."""
    tables = [pq.read_table(Path(output_dir) / p, columns=["source", "reason"]) for p in paths]
    tables = [t for t in tables if t.num_rows]
    if not tables:
        return QuarantineBySource()
    table = pa.concat_tables(tables)
    files = pc.replace_substring_regex(table["source"], pattern="#.*$", replacement="")
    grouped = (
        pa.table({"file": files, "reason": table["reason"]})
        .group_by(["file", "reason"])
        .aggregate([("reason", "count")])
        .to_pylist()
    )
    per_file: dict[str, dict[str, int]] = {}
    for row in grouped:
        per_file.setdefault(row["file"], {})[row["reason"]] = row["reason_count"]
    ranked = sorted(per_file.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    return QuarantineBySource(
        count=len(per_file),
        top=tuple(QuarantinedSource(safe_ref(f), sum(r.values()), dict(sorted(r.items()))) for f, r in ranked[:top]),
    )


# The parts of a records shard that findings_by_rule reads: two leaves of the redaction log.
_RULE_LEAVES = ("detector", "entity_type")


def _rule_leaf_paths(shard: pq.ParquetFile) -> list[str]:
    paths = (shard.schema.column(i).path for i in range(shard.metadata.num_columns))
    return [p for p in paths if p.startswith("redactions.") and p.rsplit(".", 1)[1] in _RULE_LEAVES]


def findings_by_rule(output_dir: str, paths: Sequence[str]) -> tuple[RuleFindings, ...]:
    """Count the redactions of the records shards ``paths`` (relative to ``output_dir``) per rule id and
    entity type, most first, ties by rule id then entity type.

    Reads only the ``detector`` and ``entity_type`` leaves of the ``redactions`` column, a batch of rows
    at a time: never a record's text, offsets or any other column.
    """
    counts: Counter[tuple[str, str]] = Counter()
    for rel in paths:
        shard = pq.ParquetFile(Path(output_dir) / rel)
        for batch in shard.iter_batches(columns=_rule_leaf_paths(shard)):
            logged = pc.list_flatten(batch.column("redactions"))
            if not len(logged):
                continue
            leaves = pa.table({leaf: pc.struct_field(logged, leaf) for leaf in _RULE_LEAVES})
            for row in leaves.group_by(list(_RULE_LEAVES)).aggregate([([], "count_all")]).to_pylist():
                counts[(row["detector"], row["entity_type"])] += row["count_all"]
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return tuple(RuleFindings(rule, entity_type, n) for (rule, entity_type), n in ranked)


def write_report(output_dir: str, top: int = DEFAULT_TOP) -> str:
    """Write ``DIR/report.html`` atomically from the published run in ``output_dir``; return its path.

    Needs ``manifest.json``; ``run_stats.json`` is optional (its sections then say so).
    """
    out = Path(output_dir)
    manifest = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))
    stats_path = out / RUN_STATS_NAME
    run_stats = json.loads(stats_path.read_text(encoding="utf-8")) if stats_path.exists() else None
    paths = [str(f.get("path", "")) for f in manifest.get("files", [])]
    quarantined = quarantine_by_source(output_dir, [p for p in paths if p.startswith("quarantine/")], top)
    rules = findings_by_rule(output_dir, [p for p in paths if p.startswith("records/")])
    page = render_report(manifest, run_stats, quarantined, rules)
    return publish_text(out / REPORT_NAME, page)
