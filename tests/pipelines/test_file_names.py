"""End to end: file and zip member names that hold people, e-mails, card numbers and code names.

The CLI runs over a tree whose names are the data; the exact ``source`` of every record is checked.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pyarrow.parquet as pq
import yaml

from pipelines.cli import main

CONFIG = {
    "detectors": ["presidio", "person_names", "proprietary_terms", "internal_domains", "patterns"],
    "input": {"keep_fields": []},
    "proprietary": {"terms": {"CODENAME": ["Kestrel"]}, "internal_domains": ["corp.example.net"]},
    "output": {"num_shards": 1},
}

BODY = "Figures attached, see the table.\n"


def make_tree(root: Path) -> Path:
    src = root / "uploads"
    files = [
        "Documents/Tove Amundsen/notes.txt",
        "Passport scan - Odile Ferrand.txt",
        "Ilkka_Vartiainen_CV.md",
        "hr/Marta Lindgren/payslip.txt",
        "rosa.quintero@example.org_resume.txt",
        "Kestrel_roadmap_final_v2.md",
        "docs/src/notes/final_v2.txt",
        "logs/build07.corp.example.net_app.log",
    ]
    for name in files:
        path = src / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(BODY, encoding="utf-8")
    with zipfile.ZipFile(src / "bundle.zip", "w") as zf:
        zf.writestr("Ines_Baptista_CV.txt", BODY)
        zf.writestr("cards/4111_1111_1111_1111.txt", BODY)
    return src


def test_names_in_paths_and_zip_members_are_redacted_in_source(tmp_path: Path) -> None:
    src = make_tree(tmp_path)
    out = tmp_path / "out"
    config = tmp_path / "config.yaml"
    config.write_text(yaml.safe_dump(CONFIG), encoding="utf-8")
    assert main(["run", "--input", str(src), "--output", str(out), "--config", str(config)]) == 0

    rows = pq.read_table(out / "records" / "part-00000-of-00001.parquet").to_pylist()
    assert sorted(r["source"] for r in rows) == [
        "<CODENAME>_roadmap_final_v2.md",
        "<EMAIL_ADDRESS>_resume.txt",
        "<PERSON>_CV.md",
        "Documents/<PERSON>/notes.txt",
        "Passport scan - <PERSON>.txt",
        "bundle.zip!<PERSON>_CV.txt",
        "bundle.zip!cards/<CREDIT_CARD>.txt",
        "docs/src/notes/final_v2.txt",
        "hr/<PERSON>/payslip.txt",
        "logs/<INTERNAL_HOST>_app.log",
    ]
    assert {r["text"] for r in rows} == {BODY}
    assert [p.name for p in (out / "quarantine").glob("*.parquet") if pq.read_table(p).num_rows] == []
    published = "".join(
        json.dumps(pq.read_table(p).to_pylist(), default=str) if p.suffix == ".parquet" else p.read_text("utf-8")
        for p in sorted(out.rglob("*"))
        if p.is_file()
    )
    for value in ("Amundsen", "Ferrand", "Vartiainen", "Lindgren", "quintero", "Kestrel", "Baptista", "4111"):
        assert value not in published
