"""Regenerate ``vocabulary/software_names.txt``: names of programming languages, file formats, frameworks,
operating systems and environments from maintained package data, less those that are also names or words.

Sources (read offline from installed packages; run once by a developer, the output is committed):

- Pygments (BSD-2-Clause): the name and aliases of every lexer and the file extensions it claims
  (``pygments.lexers._mapping.LEXERS``): about 600 languages and file formats;
- trove-classifiers (Apache-2.0): the ``Framework``, ``Operating System``, ``Programming Language`` and
  ``Environment`` classifiers of PyPI;
- Python's ``mimetypes`` default table (PSF licence): the file extensions it knows, without the system's
  ``mime.types`` files, so the output does not depend on the machine.

A single-word entry is left out when it is a listed English word (``english_word_frequency.tsv``: "red",
"clean", "go"), a first name (gender-guesser, US Census 1990: "julia", "dylan", "felix"), a surname within
the census's 20,000 most frequent, a word dictionaries write only capitalised (``capitalised_words.txt``),
shorter than three characters, or all digits: those stay in the hand-curated lists only where they belong, so a
person or a word is never taken for a product. Phrases whose words are all common English words ("text
only") are left out too.

    pip install pygments trove-classifiers gender-guesser names
    python transforms/lexicon/data/make_software_names.py
"""

from __future__ import annotations

import mimetypes
import re
from pathlib import Path

HERE = Path(__file__).parent
OUT = HERE / "vocabulary" / "software_names.txt"
HEADER = (
    "# Names of programming languages, file formats and extensions, frameworks, operating systems and environments,"
    " less names and common words. Built by make_software_names.py from Pygments, trove-classifiers and Python's"
    " mimetypes (see SOURCES.md); do not edit by hand."
)
# Which parts of a classifier name software: a framework's or a language's own name (not "Django :: 4.2" or
# "Jupyter :: JupyterLab :: Extensions :: Themes"), every part of an operating system or environment.
_TROVE_ROOTS = {"Framework": 1, "Programming Language": 1, "Operating System": None, "Environment": None}
_ENTRY = re.compile(r"[a-z][a-z0-9 .#+/-]*[a-z0-9#+]")
_TOP_SURNAMES = 20_000


def _pygments() -> set[str]:
    from pygments.lexers._mapping import LEXERS

    found: set[str] = set()
    for _module, name, aliases, filenames, _mimes in LEXERS.values():
        found.update(part for part in name.split("/"))
        found.update(aliases)
        found.update(f[2:] for f in filenames if f.startswith("*.") and "*" not in f[2:] and "[" not in f)
    return found


def _trove() -> set[str]:
    from trove_classifiers import sorted_classifiers

    found: set[str] = set()
    for classifier in sorted_classifiers:
        root, *parts = classifier.split(" :: ")
        if root in _TROVE_ROOTS:
            found.update(re.sub(r"\s*\(.*\)", "", p) for p in parts[: _TROVE_ROOTS[root]])
    return found


def _extensions() -> set[str]:
    table = mimetypes.MimeTypes(filenames=())
    return {ext.lstrip(".") for ext in (*table.types_map[True], *table.types_map[False])}


def _excluded() -> tuple[set[str], set[str]]:
    """(single words that are names, places or common English words; common English words)."""
    import names
    from gender_guesser.detector import Detector as GenderDetector

    common = {line.split("\t")[0] for line in (HERE / "english_word_frequency.tsv").read_text().splitlines()}
    words = set(common) | set((HERE / "capitalised_words.txt").read_text().split())
    words |= set(GenderDetector(case_sensitive=False).names)
    base = Path(names.__file__).parent
    for f in ("dist.female.first", "dist.male.first"):
        words |= {line.split()[0].lower() for line in (base / f).read_text().splitlines() if line.strip()}
    surnames = (base / "dist.all.last").read_text().splitlines()[:_TOP_SURNAMES]
    words |= {line.split()[0].lower() for line in surnames if line.strip()}
    return words, common


def _keep(entry: str, excluded: set[str], common: set[str]) -> bool:
    if not _ENTRY.fullmatch(entry) or entry.replace(".", "").isdigit():
        return False
    parts = entry.split()
    if len(parts) == 1:
        return len(entry) >= 3 and entry not in excluded
    return not all(p in common for p in parts)


def main() -> None:
    """Write the list (see the module docstring for its sources and filters)."""
    excluded, common = _excluded()
    found = {" ".join(e.casefold().split()) for e in _pygments() | _trove() | _extensions()}
    candidates = found | {part.strip() for e in found if "/" in e for part in e.split("/")}
    kept = sorted(e for e in candidates if _keep(e, excluded, common))
    OUT.write_text(HEADER + "\n" + "\n".join(kept) + "\n", encoding="utf-8")
    print(f"wrote {len(kept)} entries to {OUT}")


if __name__ == "__main__":
    main()
