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

File names and paths written *in* a text (``see attached Jane_Roe_offer.pdf``, ``open("/home/jdoe/a.pdf")``)
are shown the same way in a view of the whole text that is blank but for them (``text_path_views``), so
the same detectors read them, with the same trimming, and the offset map stays the identity. Which runs
of a text are paths: ``path_token_spans``.
"""

from __future__ import annotations

import re

from transforms.lexicon.wordlists import word_list
from transforms.records import Finding

__all__ = ["NAME_TYPES", "SENTENCE_DETECTORS", "path_token_spans", "path_views", "text_path_views", "trim_view_finding"]

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
_SCOPE = re.compile(r"(?:^|(?<=[/\\!]))@")
_RECORD_SUFFIX = re.compile(r"#(?:L|row)\d+$")
_VERSION = re.compile(r"(?i)[qv]?\d+")
# A word with a capital inside it after a lower-case run (``LoginPage``, ``SparseTensor``) is a code
# identifier, unless the run before the capital is a surname prefix (``McKenzie``, ``DeShawn``, ``VanDyke``).
_CAMEL_HUMP = re.compile(r"([A-Z]?[a-z]+)[A-Z]")
_NAME_PREFIXES = frozenset("mc mac de da di del della des du la le lo van von st o".split())
_TOKEN = re.compile(r"\S+")


def _blank_spans(source: str) -> list[tuple[int, int]]:
    """The spans of ``source`` no view shows: the record suffix, each segment's file extensions and an
    ``@`` that opens a segment."""
    # An "@" that opens a segment is a package scope (``node_modules/@babel/core``), not a mention.
    spans = [(m.start(), m.end()) for m in _SCOPE.finditer(source)]
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


# A run of the characters a path is written with: letters, digits, "_" and the separators. Quotes,
# brackets, commas, "=" and the like end it, so ``open('/home/x/a.pdf')`` and ``--out=dir/a.pdf`` give
# the path alone. Tried only where a run starts (the look-behind), so the scan is linear; a run with no
# "/", "\\", "." or "~" in it is never a candidate.
_RUN_CHAR = r"[\w./\\~@:+!#%&$-]"
_PATH_CANDIDATE = re.compile(rf"(?<!{_RUN_CHAR}){_RUN_CHAR}*[./\\~]{_RUN_CHAR}*")
_LEADING = "-:!#%&+@"
_TRAILING = ".:!#%&+@-"
_ROOTED = re.compile(r"/[^\W\d_]|~|\.\.?[/\\]|[A-Za-z]:[/\\]|\\\\[^\W_]")
_SEPARATED = re.compile(r"\w[/\\]+\w")
_LETTER = re.compile(r"[^\W\d_]")
# Between two runs of one path: single spaces and up to four plain words or dashes (``Desktop/Ana Lima - leave.pdf``).
_GAP = re.compile(r" (?:(?:[^\W_][\w'-]*|-) ){0,4}")
_URL_START = re.compile(r"(?i)(?:[a-z][a-z0-9+.-]*://|www\.|mailto:)")


def _is_path_token(token: str) -> bool:
    r"""A file name or path: a name with a known file extension (``notes/Jo_Lee.pdf``), a path from a root
    (``/home/jo/out``, ``~/in/x``, ``./a/b``, ``C:\Users\jo``, ``\\host\share``) or ``~user``.

    Words joined by a slash alone are no path: in prose they are alternatives (``College/University``,
    ``LAN/WAN``, ``and/or``). URLs are left to the URL detectors (their host and path are found whole);
    a run of digits and slashes (a date, a fraction, ``24/7``) is no path.
    """
    if _URL_START.search(token) or _LETTER.search(token) is None:
        return False
    if token[0] == "~" and _LETTER.match(token, 1) is not None:
        return True
    if _ROOTED.match(token) and _SEPARATED.search(token):
        return True
    ext = _EXTENSION.search(token)
    return (
        ext is not None
        and ext.start() > 0
        and token[ext.start() - 1] not in "./\\"
        and (ext.group(1).casefold() in _FILE_EXTENSIONS)
    )


def path_token_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the file names and paths written in ``text``, in order (see ``_is_path_token``).

    Runs of a path that has spaces in it (``hr/Ana Lima/payslip.pdf``) are read as one path: a run with a
    slash in it goes on to the next run across a few plain words on the same line (see ``_continues``).
    """
    spans = []
    group: tuple[int, int] | None = None
    for m in _PATH_CANDIDATE.finditer(text):
        start, end = m.span()
        while start < end and text[start] in _LEADING:
            start += 1
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        if end == start:
            continue
        if group is not None and _continues(text, group, start):
            group = (group[0], end)
            continue
        if group is not None and _is_path_token(text[group[0] : group[1]]):
            spans.append(group)
        group = (start, end)
    if group is not None and _is_path_token(text[group[0] : group[1]]):
        spans.append(group)
    return spans


def _continues(text: str, previous: tuple[int, int], start: int) -> bool:
    """Whether the run at ``start`` goes on the folder path ``previous`` across spaces: in
    ``/Users/ana/Desktop/Ana Lima - leave.pdf`` a few plain words stand between its runs, on one line."""
    folder = text[previous[0] : previous[1]]
    if "/" not in folder and "\\" not in folder:
        return False
    ext = _EXTENSION.search(folder)
    if ext is not None and ext.group(1).casefold() in _FILE_EXTENSIONS:
        return False
    return _GAP.fullmatch(text, previous[1], start) is not None


def _blanked(text: str) -> str:
    """``text`` with every character but a line break a space."""
    return "\n".join(" " * len(line) for line in text.split("\n"))


def text_path_views(text: str) -> list[str]:
    """Views of a text in which only its file names and paths are shown, each as ``path_views`` shows it.

    At most two, each of the length of ``text``: the word view (every path's word view) and, when some
    path has one, the dotted view (the paths whose dotted view differs from their word view). Everything
    else is blank, line breaks stay. A text without paths, or whose paths show nothing new (``~jo``), has
    no view: nothing is built for it.
    """
    word: list[str] = []
    dotted: list[str] = []
    cursor = 0
    has_dotted = False
    for start, end in path_token_spans(text):
        views = path_views(text[start:end])
        if not views:
            continue
        gap = _blanked(text[cursor:start])
        word += (gap, views[0])
        dotted += (gap, views[1] if len(views) > 1 else " " * (end - start))
        has_dotted = has_dotted or len(views) > 1
        cursor = end
    if not word:
        return []
    tail = _blanked(text[cursor:])
    out = ["".join([*word, tail])]
    if has_dotted:
        out.append("".join([*dotted, tail]))
    return out


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
