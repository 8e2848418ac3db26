"""Person names from name lists: first names in any letter case, with the words that follow them.

Sources: the international first-name dictionary shipped with ``gender-guesser`` (Jörg Michael's
``nam_dict``, about 48,000 names from 50+ countries) and the US Census 1990 first-name files shipped
with ``names``. A bundled table (``data/name_word_frequency.tsv``, from wordfreq) says how common each
name is as an ordinary English word, so "svetlana" is a name and "will" or "can" are not.

Rules, in order of confidence:

* a capitalised or upper-case first name followed by up to two more capitalised words on the same or
  the next line ("María\\nSánchez", "EMMA HUGHES", "Can Yilmaz"): the whole sequence;
* a quoted first name followed by a quoted capitalised value in the next field ('Ahmed','Darwish'):
  both;
* a capitalised first name alone, if it is not a common English word (Zipf < 4.5);
* a lower-case first name, if it is rare as an English word (Zipf < 3.5) or follows a cue such as
  "thanks", "hi", "ping", "cc" (Zipf < 4.8).
Tokens glued to identifiers (``maria_db``, ``user.name@``, ``/home/x``) are left to other detectors.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from transforms.config import ScrublineConfig
from transforms.detectors.base import Detector, register_detector
from transforms.detectors.ner import chunk_spans
from transforms.detectors.vocabulary import TECHNICAL_VOCABULARY, imperative
from transforms.records import Finding

__all__ = ["NameListDetector", "load_name_lists"]

_TOKEN = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_CUES = frozenset(
    "thanks thank thx ty tyvm hi hey heyy hello yo ping cc ask dear congrats welcome bye cheers sorry with".split()
)
_PARTICLES = frozenset("van von de da del della der di du le la bin binti al el ben dos das ter".split())
_GLUE = set("_@/\\=`")
_QUOTED_NEXT = re.compile(r"""\s*['"]\s*[,;\t|]\s*['"]""")

_WINDOW = 100_000
_WINDOW_OVERLAP = 400
ALONE_MAX_ZIPF = 4.5
LOWER_MAX_ZIPF = 3.5
CUED_MAX_ZIPF = 4.8


@cache
def load_name_lists() -> tuple[frozenset[str], dict[str, float]]:
    """(first names, casefolded; {name: English Zipf frequency}) — loaded once per process."""
    import names
    from gender_guesser.detector import Detector as GenderDetector

    first = set(GenderDetector(case_sensitive=False).names)
    base = Path(names.__file__).parent
    for f in ("dist.female.first", "dist.male.first"):
        first |= {line.split()[0].lower() for line in (base / f).read_text().splitlines() if line.strip()}
    table = Path(__file__).with_name("data") / "name_word_frequency.tsv"
    freq = {}
    for line in table.read_text(encoding="utf-8").splitlines():
        name, zipf = line.split("\t")
        freq[name] = float(zipf)
    first = {n for n in first if len(n) >= 2 and n not in TECHNICAL_VOCABULARY}
    return frozenset(first), freq


def _style(tok: str) -> str:
    if tok.isupper() and len(tok) > 1:
        return "upper"
    if tok[0].isupper() and not tok[1:].isupper():
        return "title"
    if tok.islower():
        return "lower"
    return "mixed"


class NameListDetector(Detector):
    """First names from public name lists, extended to the capitalised words that follow them."""

    name = "person_names"

    def __init__(self, first_names: frozenset[str], word_freq: dict[str, float], score: float = 0.7) -> None:
        self._first = first_names
        self._freq = word_freq
        self._score = score

    def detect(self, texts: Sequence[str]) -> list[list[Finding]]:
        return [self._detect_one(t) for t in texts]

    def _glued(self, text: str, start: int, end: int) -> bool:
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if before in _GLUE or after in _GLUE or before.isdigit() or after.isdigit():
            return True  # part of an identifier, a hash or a base64 string (boto3, 2eef76, S4Zi0O)
        if text[end : end + 3].lstrip(" ")[:1] in ("=", "(", "[") and text[start].islower():
            return True  # code: conn = ..., item(...)
        nxt = text[end + 1] if end + 1 < len(text) else " "
        return (after == "." and nxt.isalnum()) or (before == "." and start >= 2 and text[start - 2].isalnum())

    def _detect_one(self, text: str) -> list[Finding]:
        # Windows bound memory on huge texts (a token list of 50 MB of prose is over a gigabyte); a
        # finding belongs to the window that owns its start, and names are far shorter than the overlap.
        found: list[Finding] = []
        for w_start, w_end, own_start, own_end in chunk_spans(len(text), _WINDOW, _WINDOW_OVERLAP):
            found.extend(f for f in self._detect_window(text, w_start, w_end) if own_start <= f.start < own_end)
        return found

    def _detect_window(self, text: str, w_start: int, w_end: int) -> list[Finding]:
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, w_start, w_end)]
        found: list[Finding] = []
        covered_until = -1
        for i, (start, end, tok) in enumerate(tokens):
            if start < covered_until:
                continue
            folded = tok.casefold()
            if folded not in self._first or self._glued(text, start, end):
                continue
            style = _style(tok)
            zipf = self._freq.get(folded, 0.0)
            if style in ("title", "upper"):
                last = self._extend(text, tokens, i, style)
                if last > i:
                    span_end = tokens[last][1]
                    found.append(Finding("PERSON", start, span_end, self._score, f"{self.name}.full"))
                    covered_until = span_end
                    continue
                quoted = _QUOTED_NEXT.match(text, end)
                if quoted and i + 1 < len(tokens) and tokens[i + 1][0] == quoted.end():
                    n_start, n_end, n_tok = tokens[i + 1]
                    if _style(n_tok) in ("title", "upper") and n_tok.casefold() not in TECHNICAL_VOCABULARY:
                        found.append(Finding("PERSON", start, end, self._score, f"{self.name}.field"))
                        found.append(Finding("PERSON", n_start, n_end, self._score, f"{self.name}.field"))
                        covered_until = n_end
                        continue
                if zipf < ALONE_MAX_ZIPF and not (zipf >= 3.0 and imperative(text, start, end)):
                    found.append(Finding("PERSON", start, end, self._score - 0.1, f"{self.name}.first"))
            elif style == "lower":
                prev = tokens[i - 1][2].casefold() if i else ""
                if zipf < LOWER_MAX_ZIPF or (prev in _CUES and zipf < CUED_MAX_ZIPF):
                    found.append(Finding("PERSON", start, end, self._score - 0.1, f"{self.name}.lower"))
        return found

    def _extend(self, text: str, tokens: list[tuple[int, int, str]], i: int, style: str) -> int:
        """Index of the last token of the name starting at ``i`` (``i`` itself if none follows)."""
        last = i
        j = i + 1
        added = 0
        while j < len(tokens) and added < 2:
            gap = text[tokens[j - 1][1] : tokens[j][0]]
            if gap not in (" ", "\n", "\t", "  ", " \n", "\r\n"):
                break
            tok = tokens[j][2]
            folded = tok.casefold()
            if folded in _PARTICLES and j + 1 < len(tokens):
                j += 1
                continue
            if _style(tok) != style and not (style == "title" and _style(tok) == "upper" and len(tok) > 1):
                break
            if folded in TECHNICAL_VOCABULARY or self._glued(text, tokens[j][0], tokens[j][1]):
                break
            last = j
            added += 1
            j += 1
        return last


@register_detector("person_names")
def _build(config: ScrublineConfig) -> Detector:
    first, freq = load_name_lists()
    return NameListDetector(first, freq)
