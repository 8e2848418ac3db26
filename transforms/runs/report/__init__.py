"""``DIR/report.html``: one self-contained page that shows a person what a run did.

Beam-free. The page has inline CSS and inline SVG charts only: no script, no font, image or style
sheet fetched from anywhere (a Content-Security-Policy forbids it), so it opens offline. It shows
counts, entity types, rule ids, quarantine reason codes, opaque source references (``src-<16 hex>``
or ``src-<ordinal>``), timings, versions and the ruleset: never text, a file name or a record id;
every value is HTML-escaped.

It is built from ``manifest.json``, ``run_stats.json`` (when present), the quarantine shards'
``source`` and ``reason`` columns and the records shards' ``redactions.detector`` and
``redactions.entity_type`` (nothing else of a record is read). Timings vary from run to run, so the
page is not part of the byte-identical output.

Where each part lives: ``data`` reads the published run, ``elements`` holds the HTML building blocks
(escaping, the SVG bar chart, tables, the style sheet), ``page`` renders the sections and the page,
and ``publish`` writes it.
"""

from __future__ import annotations

from transforms.runs.report.data import (
    QuarantineBySource,
    QuarantinedSource,
    RuleFindings,
    findings_by_rule,
    quarantine_by_source,
)
from transforms.runs.report.page import ENTITY_COLOUR, REASON_COLOUR, render_report
from transforms.runs.report.publish import PEOPLE_ONLY_OUTPUTS, REPORT_NAME, write_report

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
