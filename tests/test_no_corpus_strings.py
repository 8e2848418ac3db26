"""No text from the development corpora in ``transforms/`` or ``tests/``.

The corpora in ``../shared/data`` (relative to the repository root) are for developing detection,
not for copying: a rule or test written around one of their sentences flatters the development
figures and says nothing about text nobody here has seen. This test reads every corpus text and
span value and fails when a repository text file (``.py .yaml .yml .json .jsonl .txt .tsv .md``
under ``transforms/`` or ``tests/``) shares with them

* an *identifying* sequence of 4 words, or
* an *identifying* token that holds a digit.

What counts as a word. Text is split on whitespace and each piece loses its leading and trailing
punctuation; pieces that were only punctuation are dropped. So ``Dr . Smith , who`` (the token
spacing of WNUT-17 and StackOverflowNER) and ``Dr. Smith, who`` are the same four words, and a
copy whose spacing was tidied, or that was wrapped over lines or into concatenated string
literals, is still found; string escapes (``\\n``, ``\\u00e9``) are read as what they stand for.
Apostrophes separate words (``it's`` and WNUT-17's ``it ´ s`` are both ``it s``); other inner
punctuation stays (``10.0.0.1``, ``x@y.org``, ``[A-Za-z0-9_]``), so addresses, URLs and regex
classes are one word each. Words are compared case-folded: the chat corpora are typed in any
case, and a copy that was lower-cased or title-cased is still a copy.
The lexicon's line lists (``transforms/lexicon/data/*.tsv|txt``) are read one entry a line and
keep their punctuation-only pieces: an entry is matched verbatim, so only a verbatim entry is a
copy. Single-word lists therefore have no 4-word sequence; the multi-word place-name list is
checked like everything else.

What makes a copy identifying rather than a coincidence. Everyday phrasing ("at the end of",
"thank you so much") recurs in any two English texts, and so do short numbers, versions,
well-known addresses and placeholder digits. So:

* a 4-word sequence is identifying when one of its words is *distinctive*: a word of 3 or more
  letters that is rare in English (Zipf frequency below 4, about once in 100,000 words, in the
  lexicon's ``english_word_frequency.tsv``; a name, a foreign word, a product), or a number of 3
  or more digits that is not generic (a house number, the last digits of a card). The words of
  the public "Lorem ipsum" filler count as common. A sequence of numbers only ("+33 1 23 45 67
  89" split into groups) is identifying when its digits joined are an identifying number;
* a token with a digit is identifying when it is a 16-character or longer mix of letters and
  digits (a key), or a number of 6 or more digits (shorter numbers are years, ports, postcodes,
  counts, house numbers and versions, which recur by chance; from 6 digits on a number is a
  phone, card, account or ID), unless it is *generic*: an IP address or network that is not
  globally routable (loopback, private, documentation and reserved ranges name no one), a
  version (``1.2.3``), or a number that is round (``25,000``), a run of ascending or descending
  digits (``12345``) or three quarters one digit (``0000``, the ``4111...`` test cards). Full
  dates are identifying: a date of birth copied from a corpus is exactly the kind of copy this
  test is for.

Words and tokens are compared, not whole lines, so the check is one set lookup per word and per
4-word window, and the whole test takes a few seconds. It is skipped when the corpora are absent.
"""

from __future__ import annotations

import ipaddress
import json
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO.parent / "shared" / "data"
SYNTH = Path("presidio_research_synth") / "synth_dataset_v2.json"
SCANNED_DIRS = ("transforms", "tests")
SCANNED_SUFFIXES = {".py", ".yaml", ".yml", ".json", ".jsonl", ".txt", ".tsv", ".md"}
LEXICON_LISTS = REPO / "transforms" / "lexicon" / "data"
WORD_FREQUENCY = LEXICON_LISTS / "english_word_frequency.tsv"

SHINGLE = 4
RARE_ZIPF = 4.0
MIN_WORD_LETTERS = 3
MIN_SHINGLE_NUMBER_DIGITS = 3
MIN_TOKEN_DIGITS = 6
MIN_KEY_LENGTH = 16
ONE_DIGIT_SHARE = 0.75
# The words of the "Lorem ipsum" placeholder text (in alphabetical order), public boilerplate.
FILLER_WORDS = frozenset(
    "adipiscing aliqua amet consectetur dolor dolore eiusmod elit incididunt ipsum labore lorem magna sed sit "
    "tempor".split()
)

_APOSTROPHE = re.compile(r"['\u2019\u00b4`]")
_PIECE = re.compile(r"\S+")
_ESCAPE = re.compile(r"\\(?:[ntr]|u([0-9a-fA-F]{4}))")
_EDGE_PUNCTUATION = re.compile(r"^[\W_]+|[\W_]+$")
_WORD_PART = re.compile(r"[^\W\d_]+")
_VERSION = re.compile(r"v?\d{1,3}(?:\.\d{1,3}){1,2}", re.IGNORECASE)
_ROUND = re.compile(r"[1-9]\d?0{3,}")
_ASCENDING = "01234567890123456789"
_DESCENDING = _ASCENDING[::-1]

pytestmark = pytest.mark.skipif(
    not CORPORA.is_dir(), reason=f"development corpora not found at {CORPORA} (../shared/data from the repo root)"
)


def _located_words(text: str, keep_punctuation: bool = False) -> list[tuple[str, int]]:
    """Whitespace pieces without edge punctuation, case-folded, with their offsets.

    Apostrophes separate pieces; punctuation-only pieces are dropped unless ``keep_punctuation``.
    """
    words = []
    for piece in _PIECE.finditer(_APOSTROPHE.sub(" ", text)):
        word = _EDGE_PUNCTUATION.sub("", piece.group()).casefold()
        if word or keep_punctuation:
            words.append((word or piece.group(), piece.start()))
    return words


def _words(text: str) -> list[str]:
    """The words of ``text`` as compared (see the module docstring)."""
    return [word for word, _ in _located_words(text)]


def _digits(token: str) -> str:
    return "".join(c for c in token if c.isdigit())


def _is_generic_ip(token: str) -> bool:
    """True for an IP address or network outside the globally routable space."""
    try:
        address = ipaddress.ip_network(token, strict=False) if "/" in token else ipaddress.ip_address(token)
    except ValueError:
        return False
    return not address.is_global


def _is_generic_digits(digits: str) -> bool:
    """Round numbers, ascending or descending runs, and placeholder fills of mostly one digit."""
    most = max(digits.count(d) for d in set(digits))
    return (
        _ROUND.fullmatch(digits) is not None
        or digits in _ASCENDING
        or digits in _DESCENDING
        or most >= ONE_DIGIT_SHARE * len(digits)
    )


def _is_generic(token: str) -> bool:
    return _is_generic_ip(token) or _VERSION.fullmatch(token) is not None or _is_generic_digits(_digits(token))


def _is_identifying_token(token: str) -> bool:
    """A token with a digit that names something: a key-like mix of letters and digits, or a long number."""
    digits = _digits(token)
    if not digits or _is_generic_ip(token) or _VERSION.fullmatch(token) is not None:
        return False
    if len(token) >= MIN_KEY_LENGTH and _WORD_PART.search(token) is not None:
        return True
    return len(digits) >= MIN_TOKEN_DIGITS and not _is_generic_digits(digits)


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """English words at or above the rarity threshold, from the lexicon's frequency list, and the filler's."""
    common = set(FILLER_WORDS)
    for line in WORD_FREQUENCY.read_text(encoding="utf-8").splitlines():
        word, zipf = line.split("\t")
        if float(zipf) >= RARE_ZIPF:
            common.add(word)
    return frozenset(common)


def _is_distinctive(word: str) -> bool:
    """A word that makes a 4-word sequence specific: a rare word, or a non-generic number of 3+ digits."""
    digits = _digits(word)
    if digits:
        return len(digits) >= MIN_SHINGLE_NUMBER_DIGITS and not _is_generic(word)
    parts = [p for p in _WORD_PART.findall(word) if len(p) >= MIN_WORD_LETTERS]
    return any(p not in _common_words() for p in parts)


def _is_identifying_shingle(words: tuple[str, ...]) -> bool:
    if all(w.isdigit() for w in words):
        return _is_identifying_token("".join(words))
    return any(_is_distinctive(w) for w in words)


def _shingles(words: list[str]) -> Iterator[tuple[str, ...]]:
    for i in range(len(words) - SHINGLE + 1):
        yield tuple(words[i : i + SHINGLE])


def _corpus_texts(root: Path) -> Iterator[str]:
    """Every text and span value of the corpora (JSONL files and the presidio-research JSON list)."""
    for path in sorted(root.glob("*/*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            for line in filter(str.strip, lines):
                row = json.loads(line)
                yield row["text"]
                yield from (span["text"] for span in row.get("spans", ()))
    for row in json.loads((root / SYNTH).read_text(encoding="utf-8")):
        yield row["full_text"]
        yield from (span["entity_value"] for span in row["spans"])


@lru_cache(maxsize=1)
def _corpus_index() -> tuple[frozenset[tuple[str, ...]], frozenset[str]]:
    """All 4-word sequences of the corpora, and their identifying digit tokens."""
    shingles: set[tuple[str, ...]] = set()
    tokens: set[str] = set()
    for text in _corpus_texts(CORPORA):
        words = _words(text)
        shingles.update(_shingles(words))
        tokens.update(w for w in words if _is_identifying_token(w))
    return frozenset(shingles), frozenset(tokens)


def _scanned_files() -> Iterator[Path]:
    for folder in SCANNED_DIRS:
        for path in sorted((REPO / folder).rglob("*")):
            if path.suffix in SCANNED_SUFFIXES and path.is_file() and "__pycache__" not in path.parts:
                yield path


def _unescape(source: str) -> str:
    """String-literal escapes read as what they stand for: ``\\n``, ``\\t``, ``\\r`` a space, ``\\uXXXX`` its letter.

    Real line breaks are left alone, so line numbers stay those of the file.
    """
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)) if m.group(1) else " ", source)


def _is_lexicon_list(path: Path) -> bool:
    return path.parent == LEXICON_LISTS and path.suffix in {".tsv", ".txt"}


def _copied_runs(words: list[tuple[str, int]]) -> Iterator[tuple[int, int]]:
    """Index ranges ``[first, last)`` of words covered by consecutive identifying corpus 4-word sequences."""
    shingles, _ = _corpus_index()
    keys = [word for word, _ in words]
    run_start = run_end = -1
    for i, shingle in enumerate(_shingles(keys)):
        if shingle in shingles and _is_identifying_shingle(shingle):
            if i > run_end:
                if run_end > 0:
                    yield run_start, run_end
                run_start = i
            run_end = i + SHINGLE
    if run_end > 0:
        yield run_start, run_end


def _findings(path: Path) -> Iterator[str]:
    """``path:line: what`` for every copied token and every run of copied words in a file."""
    _, tokens = _corpus_index()
    text = _unescape(path.read_text(encoding="utf-8", errors="replace"))
    rel = path.relative_to(REPO)
    units = text.splitlines(keepends=True) if _is_lexicon_list(path) else [text]
    offset = 0
    for unit in units:
        words = [(w, offset + at) for w, at in _located_words(unit, keep_punctuation=_is_lexicon_list(path))]
        for word, at in words:
            if word in tokens:
                yield f"{rel}:{text.count(chr(10), 0, at) + 1}: token {word!r}"
        for first, last in _copied_runs(words):
            copied = " ".join(w for w, _ in words[first:last])
            yield f"{rel}:{text.count(chr(10), 0, words[first][1]) + 1}: words {copied!r}"
        offset += len(unit)


def test_classifier_keeps_generic_values_and_flags_identifying_ones() -> None:
    """The rules above, on invented values (the corpus check is only as good as they are)."""
    generic = ["2024", "3.12.104", "10.20.30.140", "192.0.2.44", "fd00::7", "25,000", "12345", "0000-0000", "sha256"]
    identifying = ["+41789023317", "8642-0197", "31/07/1968", "kq7Zt0wPbL3xR9mVc2Ya", "93.184.7.21"]
    assert [t for t in generic if _is_identifying_token(t)] == []
    assert [t for t in identifying if not _is_identifying_token(t)] == []
    assert _words("Dr . Quill , who  said") == _words("Dr. Quill, who said") == ["dr", "quill", "who", "said"]
    assert _words("That ´ s Quill") == _words("That's Quill") == ["that", "s", "quill"]
    assert _words(_unescape(r'"PSC 12, Box 3\nAPO AE 09876"')) == ["psc", "12", "box", "3", "apo", "ae", "09876"]
    assert not _is_identifying_shingle(("at", "the", "end", "of"))
    assert _is_identifying_shingle(("met", "zbigniewa", "at", "noon"))
    assert _is_identifying_shingle(("4821", "larkspur", "lane", "north"))
    assert _is_identifying_shingle(("0471", "9936", "2208", "51"))
    assert not _is_identifying_shingle(("1", "2", "3", "4"))


def test_no_corpus_strings_in_code_or_tests() -> None:
    """No identifying 4-word sequence or digit token of the corpora in transforms/ or tests/."""
    found = [finding for path in _scanned_files() for finding in _findings(path)]
    assert found == [], "development-corpus text copied into the repository:\n" + "\n".join(found)
