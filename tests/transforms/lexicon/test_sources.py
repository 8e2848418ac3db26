"""``SOURCES.md`` documents every lexicon data file, and only files that exist."""

from __future__ import annotations

import re
from pathlib import Path

from transforms.lexicon import LEXICON_DATA

LEXICON = LEXICON_DATA.parent
SOURCES = (LEXICON / "SOURCES.md").read_text(encoding="utf-8")
_ENTRY = re.compile(r"^### `([^`]+)`$", re.MULTILINE)


def _data_files() -> list[str]:
    return sorted(
        str(p.relative_to(LEXICON))
        for p in LEXICON_DATA.rglob("*")
        if p.is_file() and p.suffix != ".py" and "__pycache__" not in p.parts
    )


def test_every_data_file_has_an_entry() -> None:
    entries = set(_ENTRY.findall(SOURCES))
    assert [f for f in _data_files() if f not in entries] == []


def test_every_entry_names_an_existing_file_once() -> None:
    entries = _ENTRY.findall(SOURCES)
    assert len(entries) == len(set(entries))
    assert [e for e in entries if not (LEXICON / e).is_file()] == []
    assert "thresholds.yaml" in entries


def test_every_build_script_named_exists() -> None:
    scripts = set(re.findall(r"transforms/lexicon/data/(make_\w+\.py)", SOURCES))
    assert scripts == {p.name for p in Path(LEXICON_DATA).glob("make_*.py")}
