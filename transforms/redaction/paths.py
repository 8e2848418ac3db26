r"""Detection views of a record's ``source``: file names are data, so the words glued inside them are found.

A ``source`` is a path relative to its input (``hr/Jane Roe/payslip.pdf``), an archive member
(``uploads.zip!Jane_Roe_CV.docx``), perhaps with the record suffix scrubline adds (``#L3``, ``#row7``).
Detectors look for words, and in a path the words are glued together by ``/``, ``_``, ``-`` and ``.``:
``Mateusz_Kowalczyk_CV.docx`` holds a name that neither NER nor a word-bounded pattern sees. So the
engine runs the detectors over the source as it is *and* over these views of it:

* the **word view**: every separator (``/ \ _ - . !`` and white space) is a space, so names, proprietary
  terms and numbers stand as words (``Mateusz Kowalczyk CV``);
* the **dotted view**: only ``/ \ _ !``, white space and a dash next to it are spaces, while ``.``, ``@``
  and other dashes stay, so e-mail addresses, host names, IP addresses and hyphenated identifiers stay
  whole (``jane.doe@example.org resume``). It is built only when it differs from the word view.

In both, the record suffix and known file extensions (``.pdf``, ``.tar.gz``) are blanked: they are
scrubline's own or plain vocabulary, and next to a name they read as part of it. A view has exactly the
length of the source, character for character, so a span found in a view is the same span of the source
(the offset map is the identity). Statistical NER does not see the views (``SENTENCE_DETECTORS``): a row
of path words is not a sentence. A name (``PERSON``, ``ORGANIZATION``, ``LOCATION``) found in a view loses
the words at its edges that are path vocabulary (listed words such as ``docs``, ``cv``, ``scan``,
``final``; numbers, versions and quarters such as ``v2``, ``Q3``; camelCase identifiers such as ``LoginPage``), and is
dropped when nothing else remains or only one lower-case word does, so ``Notes/Final/Scan.pdf`` and
``spacy/lang/en`` keep their words.
"""

from __future__ import annotations

import re

from transforms.lexicon.wordlists import word_list
from transforms.records import Finding

__all__ = ["NAME_TYPES", "SENTENCE_DETECTORS", "path_views", "trim_view_finding"]

#: Detectors that read words in a sentence (statistical NER) and do not see the views: a row of path words
#: is not a sentence, and on library and document paths spaCy's NER took most of them for names.
SENTENCE_DETECTORS = frozenset({"spacy_ner"})

#: Entity types whose findings in a view lose path vocabulary at their edges.
NAME_TYPES = frozenset({"PERSON", "ORGANIZATION", "LOCATION"})

_FILE_EXTENSIONS = word_list("paths/file_extensions.txt")
_PATH_WORDS = word_list("paths/path_words.txt") | _FILE_EXTENSIONS

_WORD_SEPARATORS = re.compile(r"[/\\_.!\-\s]")
_DOTTED_SEPARATORS = re.compile(r"[/\\_!\s]|(?<=\s)-|-(?=\s)")
_SEGMENT_END = re.compile(r"[/\\!]|$")
_EXTENSION = re.compile(r"\.([A-Za-z0-9]{1,8})$")
_RECORD_SUFFIX = re.compile(r"#(?:L|row)\d+$")
_VERSION = re.compile(r"(?i)[qv]?\d+")
# A word with a capital inside it after a lower-case run (``LoginPage``, ``SparseTensor``) is a code
# identifier, unless the run before the capital is a surname prefix (``McKenzie``, ``DeShawn``, ``VanDyke``).
_CAMEL_HUMP = re.compile(r"([A-Z]?[a-z]+)[A-Z]")
_NAME_PREFIXES = frozenset("mc mac de da di del della des du la le lo van von st o".split())
_TOKEN = re.compile(r"\S+")


def _blank_spans(source: str) -> list[tuple[int, int]]:
    """The spans of ``source`` no view shows: the record suffix and each segment's file extensions."""
    spans = []
    suffix = _RECORD_SUFFIX.search(source)
    end = suffix.start() if suffix else len(source)
    if suffix:
        spans.append((suffix.start(), suffix.end()))
    start = 0
    while start <= end:
        found = _SEGMENT_END.search(source, start, end)  # never None: the pattern matches at the end
        stop = found.start() if found else end
        segment_end = stop
        while (m := _EXTENSION.search(source, start, segment_end)) and m.start() > start:
            if m.group(1).casefold() not in _FILE_EXTENSIONS:
                break
            spans.append((m.start(), segment_end))
            segment_end = m.start()
        start = stop + 1
    return spans


def _view(source: str, separators: re.Pattern[str], blanks: list[tuple[int, int]]) -> str:
    chars = list(separators.sub(" ", source))
    for start, end in blanks:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def path_views(source: str) -> list[str]:
    """The views of ``source`` the detectors should also see: word view, then dotted view, when useful.

    Each view has the length of ``source``. A view that would show nothing more than ``source`` itself
    (no separator, nothing blanked) is left out, and so is a dotted view no different from the word view
    (``hr/Jane Roe/payslip.pdf``): a plain name like ``notes`` costs nothing.
    """
    blanks = _blank_spans(source)
    views = []
    word = _view(source, _WORD_SEPARATORS, blanks)
    if word != source and word.strip():
        views.append(word)
    dotted = _view(source, _DOTTED_SEPARATORS, blanks)
    if dotted not in (source, word):
        views.append(dotted)
    return views


def _is_path_word(token: str) -> bool:
    """Vocabulary of paths: a listed word or extension, a number or version (``v2``), a camelCase identifier."""
    folded = token.casefold()
    if folded in _PATH_WORDS or _VERSION.fullmatch(folded) is not None:
        return True
    hump = _CAMEL_HUMP.match(token)
    return hump is not None and hump.group(1).casefold() not in _NAME_PREFIXES


def _name_tokens(view: str, tokens: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The tokens of a name found in a view without path vocabulary at either edge; none for a lone
    lower-case word (``lang``, ``shim``: code, not a name; ``jordan ellis`` keeps both words)."""
    while tokens and _is_path_word(view[tokens[0][0] : tokens[0][1]]):
        tokens = tokens[1:]
    while tokens and _is_path_word(view[tokens[-1][0] : tokens[-1][1]]):
        tokens = tokens[:-1]
    if len(tokens) == 1 and view[tokens[0][0] : tokens[0][1]].islower():
        return []
    return tokens


def trim_view_finding(view: str, finding: Finding) -> Finding | None:
    """``finding`` (on ``view``) without blanks at its edges and, for a name, without path vocabulary there.

    Returns ``None`` when nothing is left: a name made only of path words (``docs src``), a lone
    lower-case word taken for a name, or a span of blanks.
    """
    tokens = [m.span() for m in _TOKEN.finditer(view, finding.start, finding.end)]
    if finding.entity_type in NAME_TYPES:
        tokens = _name_tokens(view, tokens)
    if not tokens:
        return None
    start, end = tokens[0][0], tokens[-1][1]
    if (start, end) == (finding.start, finding.end):
        return finding
    return Finding(finding.entity_type, start, end, finding.score, finding.detector)
