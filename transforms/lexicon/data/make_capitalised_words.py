"""Regenerate ``capitalised_words.txt``: the common English words (those of ``english_word_frequency.tsv``)
that English dictionaries write only with a capital letter ("emily", "obama", "paris"), never in lower case
("lily", "mason", "discipline"); and ``acronym_words.txt``: those they write only in capitals ("nasa",
"fbi", "bbc"), never in lower case or capitalised; and ``unlisted_words.txt``: those they do not list in any
form (brands, names, places and new words: "spotify", "andreas", "merch").

Run once by a developer on Debian or Ubuntu with the SCOWL word lists installed
(``apt-get install wamerican wbritish``; SCOWL by Kevin Atkinson, permissive licence):
    python transforms/lexicon/data/make_capitalised_words.py

The name detector uses it to tell a name written in lower case in a chat ("thanks emily") from a word that
is also a name ("lily", "grant"), and the NER filter to keep "Obama" while dropping "Discipline"; the NER
filter also tells an acronym in capitals ("NASA") or a brand ("Spotify") from a shouted word ("AWESOME") or
a plain word opening a sentence ("Super").
"""

from __future__ import annotations

from pathlib import Path

DICTIONARIES = (Path("/usr/share/dict/american-english"), Path("/usr/share/dict/british-english"))


def main() -> None:
    """Write the list next to this script (see the module docstring for its sources)."""
    here = Path(__file__).parent
    common = {line.split("\t")[0] for line in (here / "english_word_frequency.tsv").read_text().splitlines()}
    lower: set[str] = set()
    capitalised: set[str] = set()
    upper: set[str] = set()
    listed: set[str] = set()
    for path in DICTIONARIES:
        for word in path.read_text(encoding="utf-8").splitlines():
            if not word or "'" in word:
                continue
            listed.add(word.lower())
            if word.islower():
                lower.add(word)
            elif word[0].isupper() and word[1:].islower():
                capitalised.add(word.lower())
            elif word.isupper() and len(word) > 1:
                upper.add(word.lower())
    rows = sorted(w for w in capitalised - lower if w in common)
    (here / "capitalised_words.txt").write_text("".join(f"{w}\n" for w in rows), encoding="utf-8")
    acronyms = sorted(w for w in upper - lower - capitalised if w in common)
    (here / "acronym_words.txt").write_text("".join(f"{w}\n" for w in acronyms), encoding="utf-8")
    unlisted = sorted(common - listed)
    (here / "unlisted_words.txt").write_text("".join(f"{w}\n" for w in unlisted), encoding="utf-8")


if __name__ == "__main__":
    main()
