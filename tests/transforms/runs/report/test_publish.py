"""``write_report``: the published run read, rendered and written atomically as ``DIR/report.html``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.transforms.runs.report.helpers import MANIFEST, REF_A, RUN_STATS, quarantine_dir, records_dir, text_of
from transforms.output.manifest import MANIFEST_NAME
from transforms.runs.report import REPORT_NAME, findings_by_rule, quarantine_by_source, render_report, write_report
from transforms.runs.stats import RUN_STATS_NAME


@pytest.mark.parametrize("with_stats", [True, False])
def test_write_report_reads_the_published_run(tmp_path: Path, with_stats: bool) -> None:
    out, paths = quarantine_dir(tmp_path)
    _, records = records_dir(tmp_path)
    files = [{"path": p, "sha256": "00", "rows": 3, "bytes": 1} for p in paths + records]
    manifest = {**MANIFEST, "counts": {**MANIFEST["counts"], "read": 12006, "quarantined": 6}, "files": files}
    (tmp_path / MANIFEST_NAME).write_text(json.dumps(manifest), encoding="utf-8")
    if with_stats:
        (tmp_path / RUN_STATS_NAME).write_text(json.dumps(RUN_STATS), encoding="utf-8")
    path = write_report(out)
    assert path == str(tmp_path / REPORT_NAME)
    page = Path(path).read_text(encoding="utf-8")
    rules = findings_by_rule(out, records)
    assert page == render_report(manifest, RUN_STATS if with_stats else None, quarantine_by_source(out, paths), rules)
    assert f"{REF_A} 3 decode_error 2, timeout 1" in text_of(page)
    assert "context.greeting_name PERSON 3" in text_of(page)
    assert not list(tmp_path.glob(".*.tmp"))
