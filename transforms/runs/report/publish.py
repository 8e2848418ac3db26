"""Writing ``DIR/report.html``: the published run read, rendered, and written atomically."""

from __future__ import annotations

from transforms import storage
from transforms.output.shards import publish_text
from transforms.runs.report.data import read_published_run
from transforms.runs.report.page import render_report
from transforms.runs.stats import DEFAULT_TOP, RUN_STATS_NAME

__all__ = ["PEOPLE_ONLY_OUTPUTS", "REPORT_NAME", "write_report"]

REPORT_NAME = "report.html"
# Outputs for people: they hold timings, so unlike records/, quarantine/ and manifest.json they are
# not byte-identical from run to run.
PEOPLE_ONLY_OUTPUTS = (REPORT_NAME, RUN_STATS_NAME)


def write_report(output_dir: str, top: int = DEFAULT_TOP) -> str:
    """Write ``DIR/report.html`` atomically from the published run in ``output_dir``; return its path.

    Needs ``manifest.json``; ``run_stats.json`` is optional (its sections then say so).
    """
    run = read_published_run(output_dir, top)
    page = render_report(run.manifest, run.run_stats, run.quarantined, run.rules)
    return publish_text(storage.join(output_dir, REPORT_NAME), page)
