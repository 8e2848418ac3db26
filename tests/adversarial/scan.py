"""Finding canaries in everything a run leaves behind, in every form a reader could recover.

A surface is a named piece of output: one decoded Parquet cell, one JSON or HTML file, a file name,
the logs, the console, or the raw bytes of a file. Each surface is looked at in five views, and a
canary's forms are searched in the matching view:

- ``plain``: the text as it is (forms: the value as written, with its evasion; the clean value);
- ``nfkc``: NFKC-normalised and case-folded (forms: the same, NFKC-normalised and case-folded);
- ``digits``: only the decimal digits, every script folded to ASCII (numeric values: their digits);
- ``skeleton``: NFKD, case-folded, only letters and digits (so no combining marks), digits folded
  (the value and its unique part stripped the same way: a value that leaks split by invisible
  characters or marks is still found);
- ``bytes``: the raw bytes of every output file (forms: UTF-8 and UTF-16-LE of the value as
  written and of the clean value), so compressed Parquet pages and footers are searched too.

Surfaces are joined with a separator that is in no view's alphabet, so a match never spans two.
"""

from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import ahocorasick
import pyarrow.parquet as pq

from tests.adversarial.cases import Case
from tests.adversarial.values import Canary

__all__ = ["Leak", "find_leaks", "output_surfaces"]

MIN_DIGITS = 10  # shorter digit strings recur by chance (offsets, counts, sizes)
MIN_SKELETON = 7
VIEWS = ("plain", "nfkc", "digits", "skeleton")


@dataclass(frozen=True)
class Leak:
    """A canary form found on a surface (the form's name, never the value, so a report is safe)."""

    case: str
    form: str
    surface: str


def _fold_digit(ch: str) -> str:
    value = unicodedata.decimal(ch, None)
    return ch if value is None else str(value)


def nfkc(text: str) -> str:
    """NFKC, then case-folded."""
    return unicodedata.normalize("NFKC", text).casefold()


def digits(text: str) -> str:
    """The decimal digits of ``text``, every script folded to ASCII."""
    return "".join(_fold_digit(ch) for ch in text if ch.isdecimal())


def skeleton(text: str) -> str:
    """NFKD without marks, case-folded, only letters and digits (digits folded to ASCII)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(_fold_digit(ch) for ch in decomposed.casefold() if ch.isalnum())


_VIEW_FUNCTIONS = {"nfkc": nfkc, "digits": digits, "skeleton": skeleton}
_SEP = "\x00\x1f\x00"


def _view(name: str, text: str) -> str:
    """``text`` in view ``name``, unit by unit (units stay apart: the separator becomes ``|``)."""
    if name == "plain":
        return text
    return "|".join(_VIEW_FUNCTIONS[name](unit) for unit in text.split(_SEP))


def _canary_forms(c: Canary, written: str) -> Iterator[tuple[str, str, str]]:
    """(form name, view, string) for one canary."""
    yield "as written", "plain", written
    yield "value", "plain", c.value
    yield "NFKC", "nfkc", nfkc(written)
    yield "NFKC value", "nfkc", nfkc(c.value)
    yield "lower case", "nfkc", c.value.casefold()
    yield "unique part", "nfkc", nfkc(c.core)
    if c.numeric:
        for name, form in (("digits only", digits(c.value)), ("digits of unique part", digits(c.core))):
            if len(form) >= MIN_DIGITS:
                yield name, "digits", form
    if not c.value.isascii():
        yield from _escaped_forms(c)
    for name, form in (("skeleton", skeleton(c.value)), ("skeleton of unique part", skeleton(c.core))):
        if len(form) >= MIN_SKELETON:
            yield name, "skeleton", form


def _escaped_forms(c: Canary) -> Iterator[tuple[str, str, str]]:
    """Spellings of a non-ASCII value that anyone can turn back into it: its UTF-8 bytes shown in a
    legacy code page (a zip name without its UTF-8 flag), as a Python bytes literal (``b'V\\xc3\\xab'``)
    and as JSON ``\\u`` escapes."""
    for part, text in (("", c.value), (" of unique part", c.core)):
        for codec in ("latin-1", "cp437"):
            yield f"{codec} mojibake{part}", "plain", text.encode().decode(codec)
        literal = repr(text.encode())[2:-1]
        yield f"bytes literal{part}", "plain", literal
        yield f"bytes literal in JSON{part}", "plain", literal.replace("\\", "\\\\")
        yield f"JSON escapes{part}", "plain", json.dumps(text)[1:-1]


def case_forms(case: Case) -> Iterator[tuple[str, str, str]]:
    """Every (form name, view, string) the output must not hold for ``case``."""
    yield from _canary_forms(case.canary, case.written)
    for other in case.also:
        for name, view, form in _canary_forms(other, other.value):
            yield f"{name} ({other.kind} in the body)", view, form


def _byte_forms(case: Case) -> Iterator[tuple[str, str]]:
    strings = {"as written": case.written, "value": case.canary.value}
    strings.update({f"{c.kind} in the body": c.value for c in case.also})
    for name, s in strings.items():
        yield f"{name} (UTF-8 bytes)", s.encode("utf-8", "surrogatepass").decode("latin-1")
        yield f"{name} (UTF-16 bytes)", s.encode("utf-16-le", "surrogatepass").decode("latin-1")


def _cells(value: object) -> Iterator[str]:
    """Every string in a decoded Parquet value (bytes as UTF-8 text and as their repr)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, bytes):
        yield value.decode("utf-8", "replace")
        yield repr(value)
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _cells(k)
            yield from _cells(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _cells(v)
    elif value is not None:
        yield str(value)


def _parquet_surfaces(path: Path, rel: str) -> Iterator[tuple[str, str]]:
    table = pq.read_table(path)
    yield (
        f"{rel} schema",
        str(table.schema)
        + json.dumps({k.decode("latin-1"): v.decode("latin-1") for k, v in (table.schema.metadata or {}).items()}),
    )
    for name in table.column_names:
        for value in table.column(name).to_pylist():
            for cell in _cells(value):
                yield f"{rel} column {name}", cell


def output_surfaces(out: Path) -> Iterator[tuple[str, str]]:
    """(surface name, text) for every decoded output file and every file name under ``out``."""
    files = sorted(p for p in out.rglob("*") if p.is_file())
    yield "file names", "\n".join(p.relative_to(out).as_posix() for p in sorted(out.rglob("*")))
    for path in files:
        rel = path.relative_to(out).as_posix()
        if path.suffix == ".parquet":
            yield from _parquet_surfaces(path, rel)
        else:
            for line in path.read_bytes().decode("utf-8", "replace").split("\n"):
                yield rel, line


def byte_surfaces(out: Path) -> Iterator[tuple[str, str]]:
    """(surface name, raw bytes as Latin-1 text) for every output file."""
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        yield f"{path.relative_to(out).as_posix()} (raw bytes)", path.read_bytes().decode("latin-1")


def _automaton(entries: Iterable[tuple[str, tuple[str, str]]]) -> ahocorasick.Automaton | None:
    automaton = ahocorasick.Automaton()
    grouped: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for needle, owner in entries:
        if needle:
            grouped[needle].append(owner)
    if not grouped:
        return None
    for needle, owners in grouped.items():
        automaton.add_word(needle, owners)
    automaton.make_automaton()
    return automaton


def _search(automaton: ahocorasick.Automaton | None, surfaces: list[tuple[str, str]], leaks: set[Leak]) -> None:
    if automaton is None:
        return
    for where, text in surfaces:
        for _, owners in automaton.iter(text):
            for cid, form in owners:
                leaks.add(Leak(cid, form, where))


def _grouped(surfaces: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """Surfaces of the same name joined into one text (separated so no match spans two)."""
    joined: dict[str, list[str]] = defaultdict(list)
    for where, text in surfaces:
        joined[where].append(text)
    return [(where, _SEP.join(texts)) for where, texts in joined.items()]


def find_leaks(cases: list[Case], out: Path, console: dict[str, str]) -> set[Leak]:
    """Every canary form of ``cases`` found in ``out`` (decoded and raw) or in the ``console`` texts
    (each a surface name -> text; lines are units)."""
    lines = [(where, line) for where, text in console.items() for line in text.split("\n")]
    texts = _grouped([*output_surfaces(out), *lines])
    leaks: set[Leak] = set()
    for view in VIEWS:
        entries = [(form, (case.cid, name)) for case in cases for name, v, form in case_forms(case) if v == view]
        _search(_automaton(entries), [(where, _view(view, text)) for where, text in texts], leaks)
    byte_entries = [(form, (case.cid, name)) for case in cases for name, form in _byte_forms(case)]
    _search(_automaton(byte_entries), list(byte_surfaces(out)), leaks)
    return leaks
