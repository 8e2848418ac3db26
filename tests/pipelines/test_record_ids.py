"""Record ids end to end: they cannot collide across input roots, cannot be chosen by an uploader, and do
not depend on the order of ``--input`` arguments."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from pipelines.cli import main
from tests.pipelines.test_cli import read_rows, write_config
from transforms.readers.inputs import InputFile, file_record_id
from transforms.runs.report import PEOPLE_ONLY_OUTPUTS


def _run(tmp_path: Path, out: str, *inputs: Path) -> Path:
    argv = ["run", "--output", str(tmp_path / out), "--config", write_config(tmp_path)]
    assert main([*argv, *(x for i in inputs for x in ("--input", str(i)))]) == 0
    return tmp_path / out


def test_the_same_relative_path_under_two_roots_gives_two_records(tmp_path: Path) -> None:
    a, b = tmp_path / "team_a", tmp_path / "team_b"
    for root, words in ((a, "first notes\n"), (b, "second notes\n")):
        (root / "docs").mkdir(parents=True)
        (root / "docs" / "notes.txt").write_text(words, encoding="utf-8")
    out = _run(tmp_path, "out", a, b)
    records = read_rows(out, "records")
    assert read_rows(out, "quarantine") == []
    ids = {
        root: file_record_id(InputFile(0, str(root), str(root / "docs/notes.txt"), "docs/notes.txt")) for root in (a, b)
    }
    assert ids[a] != ids[b]
    assert sorted((r["id"], r["text"], r["source"]) for r in records) == sorted(
        [(ids[a], "first notes\n", "docs/notes.txt"), (ids[b], "second notes\n", "docs/notes.txt")]
    )


def test_overlapping_roots_in_either_order_give_byte_identical_output(tmp_path: Path) -> None:
    src = tmp_path / "uploads"
    (src / "sub").mkdir(parents=True)
    (src / "top.md").write_text("Top level.\n", encoding="utf-8")
    (src / "sub" / "inner.md").write_text("Inner file.\n", encoding="utf-8")
    (src / "sub" / "rows.jsonl").write_text(json.dumps({"text": "no id here"}) + "\n", encoding="utf-8")
    one = _run(tmp_path, "one", src, src / "sub")
    two = _run(tmp_path, "two", src / "sub", src)
    files = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file() and p.name not in PEOPLE_ONLY_OUTPUTS)
    assert files == sorted(
        p.relative_to(two) for p in two.rglob("*") if p.is_file() and p.name not in PEOPLE_ONLY_OUTPUTS
    )
    for rel in files:
        assert (one / rel).read_bytes() == (two / rel).read_bytes(), rel
    # The file under both roots is listed under the outer one.
    assert sorted(r["source"] for r in read_rows(one, "records")) == ["sub/inner.md", "top.md"]
    assert [q["reason"] for q in read_rows(one, "quarantine")] == ["invalid_record"]


def test_a_record_cannot_take_the_id_of_a_raw_file(tmp_path: Path) -> None:
    src = tmp_path / "uploads"
    src.mkdir()
    (src / "notes.txt").write_text("A raw upload.\n", encoding="utf-8")
    raw_id = file_record_id(InputFile(0, str(src), str(src / "notes.txt"), "notes.txt"))
    legacy_id = "f-" + hashlib.sha256(b"notes.txt").hexdigest()[:32]  # what a raw file's id used to be
    lines = [{"id": raw_id, "text": "claims the raw file's id"}, {"id": legacy_id, "text": "claims the old one"}]
    (src / "batch.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    out = _run(tmp_path, "out", src)
    assert read_rows(out, "quarantine") == []
    assert sorted((r["id"], r["source"]) for r in read_rows(out, "records")) == sorted(
        [(raw_id, "notes.txt"), ("~" + raw_id, "batch.jsonl#L1"), (legacy_id, "batch.jsonl#L2")]
    )
