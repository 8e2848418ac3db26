"""End to end: a small run writes run_stats.json and report.html; headless Chromium renders the report."""

from __future__ import annotations

import json
import logging
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from pipelines.cli import main
from tests.pipelines.test_cli import listed
from transforms.readers.inputs import opaque_source
from transforms.runs.report import ENTITY_COLOUR, REASON_COLOUR, REPORT_NAME
from transforms.runs.stats import RUN_STATS_NAME

CONFIG = {
    "detectors": ["presidio", "credentials", "proprietary_terms", "internal_domains", "patterns"],
    "proprietary": {"terms": {"CODENAME": ["Bluefin"]}, "internal_domains": ["corp.example.net"]},
    "limits": {"max_quarantine_ratio": 1.0},
    "output": {"num_shards": 2},
}
SENSITIVE = ["ada@example.com", "Bluefin", "4111 1111 1111 1111", "build01", "lovelace", "notes.md", "broken.txt"]


def ref(run_dir: Path, relpath: str) -> str:
    """The opaque reference of ``relpath`` under the ``uploads`` input beside the run folder."""
    return opaque_source(listed(run_dir.parent / "uploads", relpath))


def text_of(page: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("report")
    src = root / "uploads"
    src.mkdir()
    (src / "lovelace.jsonl").write_text(
        json.dumps({"id": "t1", "text": "Ping ada@example.com re Bluefin"})
        + "\n"
        + json.dumps({"id": "t2", "text": "Card 4111 1111 1111 1111, host build01.corp.example.net"})
        + "\n{not json}\n",
        encoding="utf-8",
    )
    (src / "notes.md").write_text("Nothing to see here.\n", encoding="utf-8")
    (src / "broken.txt").write_bytes(b"ok \xc3\x28 broken")  # not UTF-8: decode_error
    config = root / "config.yaml"
    config.write_text(yaml.safe_dump(CONFIG), encoding="utf-8")
    out = root / "out"
    assert main(["run", "--input", str(src), "--output", str(out), "--config", str(config)]) == 0
    return out


def test_run_writes_stats_and_report(run_dir: Path) -> None:
    stats = json.loads((run_dir / RUN_STATS_NAME).read_text(encoding="utf-8"))
    batch, notes = ref(run_dir, "lovelace.jsonl"), ref(run_dir, "notes.md")
    assert stats["sources"] == {
        "count": 2,
        "records": 3,
        "chars": 31 + 55 + 21,
        "redactions": 4,
        "quarantined": 0,
        "per_1000_chars": round(4000 / 107, 3),
        "densest": [
            {"source": batch, "records": 2, "chars": 86, "redactions": 4, "quarantined": 0, "per_1000_chars": 46.512},
            {"source": notes, "records": 1, "chars": 21, "redactions": 0, "quarantined": 0, "per_1000_chars": 0.0},
        ],
    }
    assert sorted((s["source"], s["chars"]) for s in stats["slowest"]) == sorted(
        [(f"{batch}#L1", 31), (f"{batch}#L2", 55), (notes, 21)]
    )
    assert all(s["seconds"] >= 0 for s in stats["slowest"])

    page = (run_dir / REPORT_NAME).read_text(encoding="utf-8")
    text = text_of(page)
    for expected in [
        "Records read 5",
        "Records written 3",
        "Records quarantined 2 40.00% of read",
        "read = written + quarantined",  # (+ excluded, in manifests that count it)
        "CODENAME 1",
        "EMAIL_ADDRESS 1",
        "decode_error 1",
        "invalid_record 1",
        f"{batch} 2 86 4 46.51 0",
        f"{ref(run_dir, 'broken.txt')} 1 decode_error 1",
        f"{batch} 1 invalid_record 1",
        "Findings by rule Rule id Entity type Findings internal_domains.host INTERNAL_HOST 1 "
        "presidio.CreditCardRecognizer CREDIT_CARD 1 presidio.OfflineEmailRecognizer EMAIL_ADDRESS 1 "
        "proprietary_terms.CODENAME CODENAME 1 4 redactions in the text of the written records",
    ]:
        assert expected in text, expected
    for secret in SENSITIVE:
        assert secret not in page and secret not in json.dumps(stats)
    assert "http://" not in page and "https://" not in page and "<script" not in page


def test_overwrite_removes_stats_and_report(run_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / REPORT_NAME).write_text("old", encoding="utf-8")
    (out / RUN_STATS_NAME).write_text("old", encoding="utf-8")
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "x", "text": "hello"}) + "\n", encoding="utf-8")
    config = run_dir.parent / "config.yaml"
    argv = ["run", "--input", str(src), "--output", str(out), "--config", str(config), "--progress-seconds", "0"]
    assert main(argv) == 2  # a report alone marks an earlier run
    assert main([*argv, "--overwrite"]) == 0
    assert "Records read 1" in text_of((out / REPORT_NAME).read_text(encoding="utf-8"))
    assert json.loads((out / RUN_STATS_NAME).read_text(encoding="utf-8"))["sources"]["records"] == 1


def test_progress_lines_carry_counts_only(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        "".join(json.dumps({"id": f"r{i}", "text": f"mail ada{i}@example.com"}) + "\n" for i in range(20)),
        encoding="utf-8",
    )
    config = tmp_path / "config.yaml"
    config.write_text(yaml.safe_dump(CONFIG), encoding="utf-8")
    argv = ["run", "--input", str(src), "--output", str(tmp_path / "out"), "--config", str(config)]
    with caplog.at_level(logging.WARNING, logger="scrubline.progress"):
        assert main([*argv, "--progress-seconds", "0.001"]) == 0
    lines = [r.getMessage() for r in caplog.records if r.name == "scrubline.progress"]
    assert lines
    pattern = re.compile(
        r"worker \d+: [\d,]+ records processed, [\d,.]+ records/s and [\d,]+ chars/s over the last [\d,.]+ s, "
        r"[\d,]+ quarantined so far"
        r"(; \d+ batch\(es\) running \([\d,]+ records, [\d,]+ chars\), the oldest for [\d,.]+ s)?"
    )
    for line in lines:
        assert pattern.fullmatch(line), line
        assert "ada" not in line and "in.jsonl" not in line


def test_negative_progress_interval_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["run", "--input", "x", "--output", str(tmp_path), "--progress-seconds", "-1"])
    assert exc.value.code == 2
    assert "--progress-seconds: must be a number of seconds >= 0" in capsys.readouterr().err


def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        pytest.skip("chromium not installed: apt-get install chromium")
    return path


def _chromium_run(chromium: str, profile: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    cmd = [
        chromium,
        "--headless",
        "--disable-gpu",
        "--no-sandbox",
        "--hide-scrollbars",
        "--no-first-run",
        "--disable-extensions",
        "--disable-background-networking",
        f"--user-data-dir={profile}",
        *args,
    ]
    return subprocess.run(cmd, capture_output=True, timeout=180, check=True)


def _pixels_near(image, colour: str, tolerance: int = 8) -> int:
    target = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return sum(
        n
        for n, px in image.getcolors(maxcolors=1 << 24)
        if all(abs(a - b) <= tolerance for a, b in zip(px[:3], target, strict=True))
    )


def test_report_renders_in_headless_chromium(run_dir: Path, tmp_path: Path) -> None:
    chromium = _chromium()
    from PIL import Image

    url = (run_dir / REPORT_NAME).as_uri()
    shot = tmp_path / "report.png"
    _chromium_run(chromium, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1100,1600", url)
    image = Image.open(shot).convert("RGB")
    assert image.size == (1100, 1600)
    assert len(image.getcolors(maxcolors=1 << 24)) > 50  # not blank: text, charts, cards
    # Four entity bars and two quarantine-reason bars, each 430 x 16 px at full scale (one count each).
    assert _pixels_near(image, ENTITY_COLOUR) > 4 * 400 * 12
    assert _pixels_near(image, REASON_COLOUR) > 2 * 400 * 12

    dom = _chromium_run(chromium, tmp_path / "profile", "--dump-dom", url).stdout.decode("utf-8")
    text = text_of(dom)
    assert "Entities by type" in text and "Records read 5" in text and "INTERNAL_HOST 1" in text
    assert dom.count(f'fill="{ENTITY_COLOUR}"') == 4
