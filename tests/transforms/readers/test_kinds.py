"""Unit tests for transforms.readers.kinds: which reader a file name selects."""

from __future__ import annotations

import pytest

from transforms.readers.kinds import KINDS, kind_of_name


@pytest.mark.parametrize(
    "name, kind",
    [
        ("rows.jsonl", ("jsonl", False)),
        ("rows.NDJSON.gz", ("jsonl", True)),
        ("table.Parquet", ("parquet", False)),
        ("table.parquet.gz", ("parquet", True)),
        ("mail.eml", ("eml", False)),
        ("bundle.ZIP", ("zip", False)),
        ("bundle.zip.gz", ("zip", True)),
        ("cv.docx", ("docx", False)),
        ("deck.pptx", ("pptx", False)),
        ("sheet.xlsx.GZ", ("xlsx", True)),
        ("letter.pdf", ("pdf", False)),
        ("page.htm", ("html", False)),
        ("page.html", ("html", False)),
        ("offer.msg", ("msg", False)),
        ("notes.txt", ("raw", False)),
        ("notes.txt.gz", ("raw", True)),
        ("rows.json", ("raw", False)),  # not JSONL
        ("legacy.doc", ("raw", False)),
        ("archive.tar.gz", ("raw", True)),
        (".gz", ("raw", True)),
        ("noext", ("raw", False)),
    ],
)
def test_kind_of_name(name: str, kind: tuple[str, bool]) -> None:
    assert kind_of_name(name) == kind


def test_no_suffix_ends_another_so_table_order_does_not_matter() -> None:
    for a in KINDS:
        assert a == a.lower() and a.startswith(".")
        assert [b for b in KINDS if b != a and a.endswith(b)] == []
