"""Name lists and English word frequencies that name detection reads, each loaded once per process.

Sources:

* first names: the international first-name dictionary shipped with ``gender-guesser`` (Jörg Michael's
  ``nam_dict``, about 48,000 names from 50+ countries) and the US Census 1990 first-name files shipped
  with ``names``;
* surnames: the US Census 1990 surname list shipped with ``names``;
* ``data/name_word_frequency.tsv`` and ``data/english_word_frequency.tsv`` (from wordfreq): how common a
  name, or a word, is in English (Zipf);
* ``data/capitalised_words.txt``, ``data/acronym_words.txt``, ``data/unlisted_words.txt`` (from SCOWL and
  wordfreq, written by ``data/make_capitalised_words.py``): common words dictionaries write only
  capitalised, only in capitals, or not at all;
* ``data/place_names.tsv`` (``data/make_place_names.py``): towns, cities and regions.

Everything is casefolded. This module imports no detector.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from transforms.lexicon import LEXICON_DATA
from transforms.lexicon.vocabulary import TECHNICAL_VOCABULARY

__all__ = [
    "NOT_LISTED",
    "first_name_ranks",
    "load_acronym_words",
    "load_capitalised_words",
    "load_english_words",
    "load_name_lists",
    "load_places",
    "load_surnames",
    "load_unlisted_words",
    "surname_rank",
]

#: The rank ``surname_rank`` gives a word that is not in the census surname list.
NOT_LISTED = 1 << 30


@cache
def load_name_lists() -> tuple[frozenset[str], dict[str, float]]:
    """(first names, casefolded; {name: English Zipf frequency}) — loaded once per process."""
    import names
    from gender_guesser.detector import Detector as GenderDetector

    first = set(GenderDetector(case_sensitive=False).names)
    base = Path(names.__file__).parent
    for f in ("dist.female.first", "dist.male.first"):
        first |= {line.split()[0].lower() for line in (base / f).read_text().splitlines() if line.strip()}
    table = LEXICON_DATA / "name_word_frequency.tsv"
    freq = {}
    for line in table.read_text(encoding="utf-8").splitlines():
        name, zipf = line.split("\t")
        freq[name] = float(zipf)
    first = {n for n in first if len(n) >= 2 and n not in TECHNICAL_VOCABULARY}
    return frozenset(first), freq


@cache
def load_english_words() -> dict[str, float]:
    """{word: English Zipf frequency} for common English words (Zipf >= 3.0) — loaded once per process."""
    table = LEXICON_DATA / "english_word_frequency.tsv"
    out = {}
    for line in table.read_text(encoding="utf-8").splitlines():
        word, zipf = line.split("\t")
        out[word] = float(zipf)
    return out


@cache
def _data_words(name: str) -> frozenset[str]:
    """The casefolded words of ``data/<name>`` (one a line; written by ``data/make_capitalised_words.py``)."""
    return frozenset((LEXICON_DATA / name).read_text(encoding="utf-8").split())


def load_capitalised_words() -> frozenset[str]:
    """Common English words that dictionaries write only capitalised ("emily", "obama"), casefolded."""
    return _data_words("capitalised_words.txt")


def load_acronym_words() -> frozenset[str]:
    """Common English words that dictionaries write only in capitals ("nasa", "fbi", "bbc"), casefolded."""
    return _data_words("acronym_words.txt")


def load_unlisted_words() -> frozenset[str]:
    """Common English words that dictionaries do not list in any form ("spotify", "andreas"), casefolded."""
    return _data_words("unlisted_words.txt")


@cache
def load_places() -> frozenset[str]:
    """Towns, cities and regions (``data/place_names.tsv``), casefolded."""
    table = LEXICON_DATA / "place_names.tsv"
    return frozenset(line.split("\t")[0].casefold() for line in table.read_text(encoding="utf-8").splitlines())


@cache
def load_surnames() -> dict[str, int]:
    """{surname: rank} of the US Census 1990 surname list (``names`` package), casefolded, loaded once."""
    import names

    ranks: dict[str, int] = {}
    for line in (Path(names.__file__).parent / "dist.all.last").read_text().splitlines():
        if line.strip():
            ranks.setdefault(line.split()[0].casefold(), len(ranks) + 1)
    return ranks


def surname_rank(folded: str) -> int:
    """Rank of a casefolded surname in the census list, with or without its apostrophe ("o'brien" is
    listed as "obrien"); ``NOT_LISTED`` when it is not listed."""
    ranks = load_surnames()
    rank = ranks.get(folded)
    if rank is None and ("'" in folded or "’" in folded):
        rank = ranks.get(folded.replace("'", "").replace("’", ""))
    return NOT_LISTED if rank is None else rank


@cache
def first_name_ranks() -> dict[str, int]:
    """{first name: best rank} in the US Census 1990 female and male first-name lists, casefolded."""
    import names

    ranks: dict[str, int] = {}
    for f in ("dist.female.first", "dist.male.first"):
        lines = (Path(names.__file__).parent / f).read_text().splitlines()
        for rank, line in enumerate((x for x in lines if x.strip()), start=1):
            name = line.split()[0].casefold()
            ranks[name] = min(rank, ranks.get(name, rank))
    return ranks
