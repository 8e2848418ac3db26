"""benchmarks.memory's input generator: the same arguments give the same records."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.memory import generate_records


def test_generated_records_are_repeatable_and_about_the_size_asked(tmp_path: Path) -> None:
    size = generate_records(tmp_path / "a.jsonl", 30, 200)
    generate_records(tmp_path / "b.jsonl", 30, 200)
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()
    rows = [json.loads(line) for line in (tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == [f"rec-{i:08d}" for i in range(30)]
    assert all(199 <= len(r["text"]) <= 206 for r in rows)  # words of up to 7 letters, one blank apart
    assert size == (tmp_path / "a.jsonl").stat().st_size
