"""The report's building blocks: escaping, numbers, an inline-SVG bar chart, tables, sections, the style sheet.

Plain strings of HTML. Every helper escapes what it is given except where it says its input arrives
escaped (table cells, section bodies), so a section can compose them.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

__all__ = ["CSS", "bar_chart", "data_table", "escape", "footnote", "number", "of_sources", "section"]

_CHART_WIDTH = 760
_LABEL_WIDTH = 210
_BAR_WIDTH = 430
_ROW = 24
_LABEL_CHARS = 28


def escape(value: object) -> str:
    """``value`` as text, HTML-escaped (quotes included)."""
    return html.escape(str(value), quote=True)


def number(n: object) -> str:
    """A count with thousands separators; anything that is not a number, escaped as it is."""
    return f"{int(n):,}" if isinstance(n, (int, float)) else escape(n)


def _short(label: str) -> str:
    return label if len(label) <= _LABEL_CHARS else label[: _LABEL_CHARS - 1] + "\u2026"


def bar_chart(rows: Sequence[tuple[str, float, str]], colour: str, title: str) -> str:
    """A horizontal bar chart in inline SVG: one ``(label, value, value_text)`` per bar."""
    if not rows:
        return ""
    top = max(value for _, value, _ in rows) or 1.0
    height = len(rows) * _ROW + 8
    parts = [
        f'<svg class="chart" width="{_CHART_WIDTH}" height="{height}" viewBox="0 0 {_CHART_WIDTH} {height}" '
        f'role="img" aria-label="{escape(title)}">'
    ]
    for i, (label, value, text) in enumerate(rows):
        y = 4 + i * _ROW
        width = 0.0 if value <= 0 else max(1.0, _BAR_WIDTH * value / top)
        parts.append(
            f"<g><title>{escape(label)}: {escape(text)}</title>"
            f'<text x="{_LABEL_WIDTH - 8}" y="{y + 16}" text-anchor="end">{escape(_short(label))}</text>'
            f'<rect x="{_LABEL_WIDTH}" y="{y + 3}" width="{width:.1f}" height="16" rx="2" fill="{colour}"/>'
            f'<text x="{_LABEL_WIDTH + width + 6:.1f}" y="{y + 16}" class="value">{escape(text)}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def data_table(headers: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[bool]) -> str:
    """An HTML table; cells arrive already escaped."""
    head = "".join(f'<th class="{"num" if n else ""}">{escape(h)}</th>' for h, n in zip(headers, numeric, strict=True))
    body = "".join(
        "<tr>"
        + "".join(f'<td class="{"num" if n else ""}">{c}</td>' for c, n in zip(r, numeric, strict=True))
        + "</tr>"
        for r in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def of_sources(shown: int, total: int) -> str:
    """How many source files a table shows, said in words ("The 2 source files of 3")."""
    if shown == total:
        return "All source files" if total != 1 else "The source file"
    return f"The {shown:,} source files of {total:,}"


def section(title: str, anchor: str, body: str) -> str:
    """A page section with an escaped heading and ``anchor`` as its id; ``body`` arrives escaped."""
    return f'<section id="{anchor}"><h2>{escape(title)}</h2>{body}</section>'


def footnote(text: str) -> str:
    """A note paragraph with ``text`` escaped."""
    return f'<p class="note">{escape(text)}</p>'


CSS = """
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
