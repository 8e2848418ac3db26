"""Organisations named in signature and letterhead blocks: the line above a postal address."""

from __future__ import annotations

from collections.abc import Sequence

import re2

from transforms.detectors.organisations import LEGAL_FORMS
from transforms.detectors.places import ascii_fold
from transforms.detectors.terms import re2_options
from transforms.detectors.textlines import LINE_LEAD, quote_prefix
from transforms.lexicon.names import load_english_words, load_name_lists, load_surnames
from transforms.lexicon.vocabulary import is_common_word_phrase, is_ordinary_vocabulary
from transforms.lexicon.wordlists import word_list

_ORG_NOUNS = word_list("context/organisation_nouns.txt")


_LINE_CONNECTORS = word_list("context/name_connectors.txt")


_ROLE_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "ive")


def _company_line_ok(line: str, role_ok: bool = False) -> bool:
    """A signature line that names an employer: a short title-case name that is not ordinary vocabulary, not a
    person's name and not a job title ("Lawdragon", "Otc Markets", "Weber-Santana")."""
    words = line.split()
    if not 1 <= len(words) <= 5 or len(line) > 50 or any(c in line for c in '@:/|()[]{}<>=;,!?"#') or "://" in line:
        return False
    if not all(w[0].isupper() or w in _LINE_CONNECTORS for w in words) or not words[0][0].isupper():
        return False
    if any(any(c.isdigit() for c in w) for w in words) or is_ordinary_vocabulary(line) or is_common_word_phrase(line):
        return False
    if _person_line(line):
        return False
    last = words[-1].rstrip(".").casefold()
    if last in _OFFICE_WORDS and len(words) > 1:
        return False  # "Berlin Office", "Warsaw Campus": a site of the employer, not its name
    if words[-1] in _ORG_NOUNS or words[-1].rstrip(".") in LEGAL_FORMS or words[-1] in LEGAL_FORMS:
        return True
    if last.endswith(_ROLE_ENDINGS) and not role_ok:  # "Echocardiographer", "Sales Consultant": a job title
        return False
    english = load_english_words()
    parts = [part for w in words if w not in _LINE_CONNECTORS for part in w.rstrip(".").split("-")]
    if len(parts) >= 2 and all(part[:1].isupper() for part in parts):
        return True  # "Weber-Santana", "Otc Markets": title-case words that are neither vocabulary nor a role
    return any(part.casefold() not in english for part in parts if part.isalpha())


def _person_line(line: str, lower: bool = False) -> bool:
    """A line holding a person's name: it starts with a listed given name ("Alma Jensen") or has a middle
    initial ("Mijail C Adomo", "Ella H. Snider"); with ``lower``, also written in lower case ("leidy t muris")."""
    words = line.split()
    if not words or not (words[0][:1].isupper() or (lower and words[0].islower())):
        return False
    if words[0].casefold() in load_name_lists()[0]:
        return True
    return 3 <= len(words) <= 4 and any(len(w.rstrip(".")) == 1 and w[0].isalpha() for w in words[1:-1])


def _title_line(line: str) -> bool:
    """A job-title line: its last word is a role ("Labor relations director", "Fibre network technician")."""
    words = line.split()
    if not words or len(words) > 6 or any(c.isdigit() for c in line):
        return False
    last = words[-1].strip(".,").casefold()
    return last.endswith(_ROLE_ENDINGS) or is_ordinary_vocabulary(last)


_OFFICE_WORDS = word_list("context/office_words.txt")


_SITE_WORDS = word_list("context/site_words.txt")


def _placed_company_line_ok(line: str) -> bool:
    """A line that stands where a signature puts the employer (under a name and a job title, or under a name in
    a block written in lower case) names it when it is short and no name, title, number or sentence: "Here",
    "rosales-mcguire", "marsh, quint and teller"."""
    words = line.replace(",", " ").split()
    if not 1 <= len(words) <= 5 or len(line) > 50 or any(c in line for c in '@:/|()[]{}<>=;!?"#'):
        return False
    if any(c.isdigit() for c in line) or line.rstrip().endswith("."):
        return False
    if (len(words) > 1 and _person_line(line, lower=True)) or _title_line(line):
        return False  # a full name; one word that is also a given name may name a firm ("Here")
    if words[-1].casefold() in _SITE_WORDS or len(line) <= 2:
        return False  # "Berlin Office", "HQ": where the person works, not the employer
    # a single word that is no vocabulary may be a common one ("Here"); a common phrase ("Head Office") is not
    return not is_common_word_phrase(line) or (len(words) == 1 and not is_ordinary_vocabulary(line))


def signature_organisations(text: str, addresses: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """In a signature or letterhead block, the line above the postal address (above a repeated name line) is
    the organisation: "Jane Roe / Lawdragon / 12 Main St / ...", also after a blank line above a postal block,
    and any short line between a name with its job title and the address ("Olga Roe / Fibre network technician /
    Here / 12 Main St"), or between a name and the address in a block written in lower case. Returns the
    spans of those lines."""
    spans = (_organisation_above(text, start, end) for start, end in addresses)
    return [span for span in spans if span is not None]


def _organisation_above(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The employer or letterhead line above the address at ``start:end``, or None."""
    line_start = text.rfind("\n", max(0, start - 40), start) + 1
    prefix = quote_prefix(text, start)
    if (line_start == 0 and start > 40) or (text[line_start:start].strip(" \t>") and not prefix):
        return None  # the address does not open its line
    lower = not any(c.isupper() for c in text[start:end])
    lines = _lines_above(text, line_start, prefix, 4)
    blank = bool(lines) and not lines[0][2]
    if blank:
        lines = lines[1:]  # "Dataweave\n\n<postal block>": one blank line under a letterhead
    for k, (s, e, line) in enumerate(lines[:3]):
        if not line:
            return None
        if text.count(f"{line}\n", max(0, s - 300), s) > 0:
            continue  # a quoted signature repeats the name: pass over it
        if _employer_line(lines, k, lower, blank, text[start:end]):
            return s, e
        if blank or not _person_line(line):
            return None  # only a person's name line is passed over
    return None


def _employer_line(lines: Sequence[tuple[int, int, str]], k: int, lower: bool, blank: bool, address: str) -> bool:
    """Whether line ``k`` above an address (nearest first) names the employer."""
    line = lines[k][2]
    under_person = len(lines) > k + 1 and _person_line(lines[k + 1][2], lower)
    under_title = (
        len(lines) > k + 2
        and _title_line(lines[k + 1][2])
        and _person_line(lines[k + 2][2], lower)
        and not _person_line(lines[k + 1][2], lower)
    )
    if not blank and (under_title or (lower and under_person)) and _placed_company_line_ok(line):
        return True
    # ">Ana Roe / >X / >Ana Roe / >address": a line between two copies of the name is the employer, even
    # one that ends like a role ("Public Data Explorer")
    sandwiched = k >= 1 and len(lines) > k + 1 and lines[k + 1][2] == lines[k - 1][2]
    if not blank and sandwiched and _company_line_ok(line, role_ok=True):
        return True
    return (_company_line_ok(line) and (not blank or _letterhead_ok(line, address))) or (
        blank and _partnership_line(line)
    )


def _letterhead_ok(line: str, address: str) -> bool:
    r"""A company line above a blank line and a postal block: the block has several lines and the line is no
    surname or given name alone ("Kowalczyk\n\n12 Main Street\n...")."""
    folded = ascii_fold(line)
    return "\n" in address and (" " in line or (folded not in load_surnames() and folded not in load_name_lists()[0]))


def _lines_above(text: str, line_start: int, prefix: str, n: int) -> list[tuple[int, int, str]]:
    """Up to ``n`` lines above the line that starts at ``line_start``, nearest first, each as the start and end
    of its text without the quoting mark (``prefix`` or "> ") and the text."""
    out: list[tuple[int, int, str]] = []
    pos = line_start
    while pos > 0 and len(out) < n:
        above = text.rfind("\n", max(0, pos - 200), pos - 1) + 1
        if above == 0 and pos > 200:
            break  # a long line is no line of a signature
        raw = text[above : pos - 1].rstrip("\r")
        lead = len(prefix) if prefix and raw.startswith(prefix) else LINE_LEAD.match(raw).end()
        body = raw[lead:]
        s = above + lead + (len(body) - len(body.lstrip()))
        out.append((s, s + len(body.strip()), body.strip()))
        pos = above
    return out


_PARTNERS_LINE = re2.compile(
    r"\p{L}[\p{L}'’-]*(?:,[ \t]+\p{L}[\p{L}'’-]*)+,?[ \t]+(?:and|&)[ \t]+\p{L}[\p{L}'’-]*", re2_options()
)


def _partnership_line(line: str) -> bool:
    """A line naming a firm after its partners, in any case: "marsh, quint and teller"."""
    if _PARTNERS_LINE.fullmatch(line) is None:
        return False
    surnames = load_surnames()
    return all(ascii_fold(w) in surnames for w in line.replace(",", " ").split() if w not in ("and", "&"))
