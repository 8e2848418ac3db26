"""Regenerate ``name_word_frequency.tsv`` (how common each first name is as an English word) and
``english_word_frequency.tsv`` (the English words common enough that a capitalised one is more likely a
word than a name).

Run once by a developer (needs ``pip install wordfreq gender-guesser names``; scrubline itself only
needs the last two):  python transforms/lexicon/data/make_name_word_frequency.py

The output lists every first name from gender-guesser (Jörg Michael's international name
dictionary) and the US Census 1990 first-name files (package ``names``) whose English Zipf frequency
in wordfreq (CC BY-SA 4.0, Robyn Speer) is at least 2.5, with that frequency rounded to 0.1. Names
not listed are rare as English words. The name detector uses it to tell "svetlana" from "will".
The second file lists the lower-case alphabetic words among wordfreq's 40,000 most frequent English words
whose Zipf frequency is at least 3.0, with that frequency; a word not listed (``emeka``, ``kubectl``) is
rare in English.
"""

from __future__ import annotations

import re
from pathlib import Path

import names
from gender_guesser.detector import Detector
from wordfreq import top_n_list, zipf_frequency


def main() -> None:
    """Write the list next to this script (see the module docstring for its sources)."""
    first = set(Detector(case_sensitive=False).names)
    base = Path(names.__file__).parent
    for f in ("dist.female.first", "dist.male.first"):
        first |= {line.split()[0].lower() for line in (base / f).read_text().splitlines() if line.strip()}
    rows = sorted((n, round(zipf_frequency(n, "en"), 1)) for n in first if n.isalpha() or "-" in n)
    out = Path(__file__).with_name("name_word_frequency.tsv")
    out.write_text("".join(f"{n}\t{z}\n" for n, z in rows if z >= 2.5), encoding="utf-8")
    words = sorted(
        (w, zipf_frequency(w, "en")) for w in top_n_list("en", 40_000) if re.fullmatch(r"[a-z][a-z'-]*[a-z]", w)
    )
    common = Path(__file__).with_name("english_word_frequency.tsv")
    common.write_text("".join(f"{w}\t{z:.2f}\n" for w, z in words if z >= 3.0), encoding="utf-8")


if __name__ == "__main__":
    main()
