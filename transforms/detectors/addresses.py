"""An address's full extent: the town, region, postcode and country after the street on its line, the lines
of an address block below it, a building number or a cross street before it.
"""

from __future__ import annotations

import re2

from transforms.detectors.packs import context_fragments
from transforms.detectors.places import (
    PAREN_AFTER,
    country_at,
    country_line_end,
    country_names,
    ends_in_country,
    place_names,
)
from transforms.detectors.terms import re2_options
from transforms.detectors.textlines import quote_prefix
from transforms.lexicon.names import load_english_words, load_name_lists, load_surnames
from transforms.lexicon.vocabulary import is_ordinary_vocabulary
from transforms.lexicon.wordlists import word_list

_F = context_fragments()
_STREET_SUFFIXES = _F["street_suffixes"]
_STREET_WORDS_AFTER = _F["street_words_after"]
_STREET_WORDS_BEFORE = _F["street_words_before"]
HU_STREET_WORDS = _F["hu_street_words"]
STREET_TYPES = _F["street_types"]
UNIT_WORDS_RE = _F["unit_words_re"]
PARTICLES_RE = _F["particles_re"]

NOT_IN_NAMES = word_list("context/function_words.txt")


UNIT_WORDS = word_list("context/unit_words.txt")


# Lines that continue an address block: unit lines, CITY / Country / postcode lines, also in a quoted reply ("> ").
# A region may be one letter or digits (", Z", ", 32").
_ADDRESS_LINE_PATTERN = (
    r"^[ \t]*(?:>[ \t]*)*(?:(?i:Apt|Apartment|Suite|Ste|Unit|Flat|Floor|Box|PO Box|P\.O\. Box|#)\.?[ \t]*[\w-]+.{0,40}|"
    r"\p{Lu}[\p{L} .'’-]{1,40}(?:[ \t]+\([\p{L} .'’-]{2,30}\))?(?:,[ \t]*(?:\p{L}[\p{L} .'-]{1,29}|\d{1,3}))?"
    r"(?:[ \t]+[A-Z0-9]{2,4}[ \t]?[A-Z0-9]{0,4})?|"
    r"[\p{Lu}]{1,3}[ \t]+\d{3,6}|\d{4,6}[ \t]+\p{Lu}[\p{L} .'-]{1,40}|"
    # A postcode alone on its line.
    r"(?:[A-Z]{1,2}-)?\d{4,6}(?:-\d{3,4})?)[ \t]*,?[ \t]*$"
)


ADDRESS_LINE = re2.compile(_ADDRESS_LINE_PATTERN, re2_options())


# The same in an address written all in lower case ("lady frere", "delmas, mp 35739", "apt. 169").
ADDRESS_LINE_LOWER = re2.compile(
    _ADDRESS_LINE_PATTERN.replace(r"\p{Lu}[\p{L}", r"\p{L}[\p{L}").replace("[A-Z0-9]", "[a-z0-9]"), re2_options()
)


def _skip_prefix(text: str, pos: int, prefix: str) -> int:
    """``pos`` moved past ``prefix`` (a quoting mark) when the line at ``pos`` repeats it."""
    return pos + len(prefix) if prefix and text.startswith(prefix, pos) else pos


def _block_end(text: str, start: int, nxt: int, prefix: str, lower: bool, end: int, extended: int) -> int:
    r"""Where an address block ends at a line that is no address line: a country may still close it, after one
    blank line or with the sentence going on after it ("Brønderslev\n\nDenmark 8700", "Oslo\nNorway 0150? I
    moved last week")."""
    if not text[start : nxt if nxt >= 0 else len(text)].strip() and nxt >= 0:
        start = _skip_prefix(text, nxt + 1, prefix)
    country_end = max(country_line_end(text, start, lower), extend_tail(text, start, line_start=True, lower=lower))
    if country_end > start:
        return country_end
    if lower and extended > end and not POSTAL_END.search(text[end:extended]):
        return end  # lower-case lines that end in no postcode or country are prose
    return extended


def extend_address(text: str, end: int, max_lines: int = 4, start: int = -1) -> int:
    """Extend an address that ends a line over up to ``max_lines`` following address-like lines; with the
    address's ``start``, the lines may repeat the quoting mark its own line opens with. An address written in
    lower case takes in lower-case lines only when the block ends in a postcode or a country."""
    line_end = text.find("\n", end, end + 200)  # bounded: a huge line must not be searched per address
    if line_end < 0 or text[end:line_end].strip(" \t,"):
        return end
    prefix = quote_prefix(text, start) if start >= 0 else ""
    lower = start >= 0 and not any(c.isupper() for c in text[start:end])
    pattern = ADDRESS_LINE_LOWER if lower else ADDRESS_LINE
    extended = end
    for _ in range(max_lines):
        start = _skip_prefix(text, line_end + 1, prefix)
        nxt = text.find("\n", start)
        line = text[start : nxt if nxt >= 0 else len(text)]
        if not line.strip() or not pattern.match(line) or len(line) > 60:
            return _block_end(text, start, nxt, prefix, lower, end, extended)
        extended = start + len(line.rstrip(" \t,"))
        if nxt < 0 or country_line_end(text, start, lower) > 0:
            return extended  # the country is the last line of an address (UPU S42)
        if POSTAL_END.search(line.rstrip(" \t,")) is not None:
            # after the postcode only a country may follow: "Greyfield, CO 80123\nThanks" ends at 80123
            return max(extended, country_line_end(text, _skip_prefix(text, nxt + 1, prefix), lower))
        line_end = nxt
    if lower and extended > end and not POSTAL_END.search(text[end:extended]):
        return end
    return extended


# The end of a block in lower case: a postcode, perhaps after a region ("vellore, ec 40322").
POSTAL_END = re2.compile(r"\d{4,6}(?:-\d{3,4})?[ \t]*$", re2_options())


# One word of what may follow a street on its line: a secondary unit ("Suite 636"), a town, a region code, a
# postcode, a country, a note in brackets ("(Belgique)").
_TOWN_PARTICLES = r"u|v|nad|pod|am|an|im|ob|bei|de|del|della|di|da|do|dos|das|du|des|la|le|les|en|sur|upon|y|i"


_TAIL_TOKEN = (
    rf"((?i:{UNIT_WORDS_RE})\.?[ \t]*#?[ \t]*\d[\w-]{{0,6}}|\d{{4,6}}(?:-\d{{3,4}})?|"
    # Canadian and British postcodes, also when a line break splits them ("M5V\n5B8")
    rf"[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z](?:[ \t]?|[ \t]*\r?\n[ \t]*)\d[ABCEGHJ-NPRSTV-Z]\d|"
    rf"[A-Z]{{1,2}}\d[A-Z\d]?(?:[ \t]+|[ \t]*\r?\n[ \t]*)\d[A-Z]{{2}}|"
    # a town's name may hold particles: "Chomutice u Horic", "Frankfurt am Main", "Castelnau de Montmiral"
    rf"(?:(?:{_TOWN_PARTICLES})[ \t]+)?\p{{Lu}}[\p{{L}}'’.-]*"
    rf"(?:[ \t]+(?:{_TOWN_PARTICLES})[ \t]+\p{{Lu}}[\p{{L}}'’.-]*)*|"
    # a word in lower case: a region code before a postcode, or a word of an address written all in lower case
    r"\p{Ll}[\p{Ll}'’.-]*|"
    r"\(\p{L}[\p{L} .'’-]{1,30}\))"
)


# A comma or blanks, or a dash, bullet or bar between blanks as signatures and Brazilian addresses write them
# ("Speicherstraße 8 · 20457 Hamburg", "Avenida Paulista, 1578 - Bela Vista, São Paulo - SP, 01310-200").
_TAIL_WORD = re2.compile(rf"(,?[ \t]+|[ \t]+[-–·•|][ \t]+){_TAIL_TOKEN}", re2_options())


_DASHES = "-–·•|"


_TOWN_AFTER = re2.compile(r"[ \t]+\p{Lu}", re2_options())


_TAIL_LINE_START = re2.compile(rf"([ \t]*(?:>[ \t]*)*){_TAIL_TOKEN}", re2_options())


_ROUTE_WORDS = word_list("context/route_words.txt")


_LINE_END = re2.compile(r"[ \t]*[.!?]?[ \t]*(?:\r?\n|$)", re2_options())


_UNIT_NUMBER_AFTER = re2.compile(r"\.?[ \t]*#?\d[\w-]{0,6}", re2_options())


def extend_tail(text: str, end: int, line_start: bool = False, lower: bool = False) -> int:
    """Extend an address over what follows it on its line when that is a town and region or postcode in the
    way postal services write them, with or without commas: "... BUNDALAGUAH VIC 2000", "... Soloi Cyprus",
    "... Springfield IL", "... OULU", "..., Nicosia (Lefkosia)". A capitalised word alone is not enough:
    it must be followed by a region code, a postcode or a country, or be a town in capitals (UPU usage).
    With ``line_start``, ``end`` is the start of the next line of an address block that the sentence goes on
    after ("KELBINGEN, NO 38211, and ..."). A lower-case code after a comma joins only before a postcode
    ("SPRINGFIELD, il 62701"). With ``lower`` (an address written all in lower case), lower-case words are towns
    and countries ("..., belfast, south africa")."""
    pos, prev = _tail_start(text, end, line_start)
    committed, common, dashed = pos, False, False
    for i in range(8):
        m = (_TAIL_LINE_START if line_start and i == 0 else _TAIL_WORD).match(text[pos : pos + 60])
        token = None if m is None else _tail_token(text, pos, m, prev, lower, line_start)
        if token is None:
            break
        kind, token_end, everyday = token
        # "... Main St Then we ...": an everyday word may start the sentence again; it joins the address
        # only when a region code or a country follows it ("123 Ocean Ave Long Beach, CA 90802")
        common = common or everyday
        step = _tail_step(kind, prev, common, line_start)
        # after a dash or bullet only a postcode (with a town after it when it opens the tail) or a country
        # takes the tail in: "... 1578 - Bela Vista, São Paulo - SP, 01310-200", not "... 12 - Thanks, Bob"
        dashed = dashed or any(c in _DASHES for c in m.group(1))
        if dashed and kind == "postcode" and not prev:
            step = True if _TOWN_AFTER.match(text[token_end : token_end + 4]) is not None else None
        elif dashed and step is not None and kind in ("name", "caps") and prev == "postcode":
            step = True  # the town after the postcode: "· 20457 Hamburg"
        elif dashed and step and kind not in ("postcode", "postal", "country", "pcode"):
            step = False
        if step is None:
            break
        if step:
            committed, common = token_end, False
        pos, prev = token_end, kind
    if prev == "name" and not common and pos > committed and _LINE_END.match(text[pos : pos + 8]) is not None:
        # rare words that end the sentence or the line: "... Apt. 14 Valdecarros Toledo."
        committed = pos - 1 if text[pos - 1] == "." else pos
    return committed


def _tail_start(text: str, end: int, line_start: bool) -> tuple[int, str]:
    """Where the tail after an address starts, and the kind of what ended the address ("" or "country")."""
    pos = end
    last_word = text[max(0, end - 12) : end].split()[-1:]
    if not line_start and last_word and last_word[0].casefold().rstrip(".") in UNIT_WORDS | _ROUTE_WORDS:
        # "17 Rue Kairouan Apt. 44": the unit's number; "12345 State Highway 6": the route's number
        m = _UNIT_NUMBER_AFTER.match(text[end : end + 12])
        if m is not None:
            pos = end + m.end()
    if PAREN_AFTER.match(text[end : end + 40]) is not None and ends_in_country(text, end):
        return pos, "country"  # "..., Belgium (Belgique)": the country ended the match, its note follows
    return pos, ""


def _tail_token(
    text: str, pos: int, m: re2._Match, prev: str, lower: bool, line_start: bool
) -> tuple[str, int, bool] | None:
    """The kind and end of the token ``m`` found at ``pos``, and whether it is an everyday word; None to stop."""
    token_start, token_end = pos + m.start(2), pos + m.end(2)
    after = text[token_end : token_end + 1]
    if after and (after.isalnum() or after in "@/_:"):
        return None
    country_end = country_at(text, token_start, lower)
    if country_end > 0:
        return "country", country_end, False
    token = m.group(2)
    kind = _token_kind(token, text[pos:token_start], prev, lower, line_start)
    if kind is None:
        return None
    everyday = kind == "name" and load_english_words().get(token.split()[0].rstrip(".").casefold(), 0.0) >= 4.0
    return kind, token_end, everyday


def _token_kind(token: str, lead: str, prev: str, lower: bool, line_start: bool) -> str | None:
    """What a token after a street is (code, lcode, unit, postcode, postal, paren, pcode, caps, name); None to stop.

    ``lead`` is what stands between the previous token and this one.
    """
    if token[0].islower() and not any(c.isupper() for c in token) and not lower:
        lcode = len(token) <= 3 and token.isalpha() and "," in lead and prev in ("name", "caps")
        return "lcode" if lcode else None
    if any(c.isdigit() for c in token):
        return _numbered_kind(token, line_start)
    if token[0] == "(":
        # an Italian or Spanish province code after the town commits like a code: "20129 Milano (MI)"
        return "pcode" if len(token) == 4 and token[1:3].isupper() and token[1:3].isalpha() else "paren"
    if token.rstrip(".").isupper() and sum(c.isalpha() for c in token) >= 2:
        return "caps" if sum(c.isalpha() for c in token) >= 3 else "code"
    if token.casefold().rstrip(".") in place_names() and load_english_words().get(token.casefold(), 0.0) < 4.0:
        return "caps"  # a known town commits like one written in capitals: "... Main St Springfield IL"
    if token[0].islower() and not prev and not lower and lead.strip() != "":
        return None  # "..., Kostelec nad Orlicí": a particle goes on a town, not the street before a comma
    return "name"


def _numbered_kind(token: str, line_start: bool) -> str:
    """A token with a digit: a unit's number, a postcode, or a Canadian or British postcode ("postal")."""
    if token[0] not in "(0123456789" and not line_start:
        return "unit"
    if token[0].isdigit():
        return "postcode"
    return "postal"  # a Canadian or British postcode: its shape says enough


def _tail_step(kind: str, prev: str, common: bool, line_start: bool) -> bool | None:
    """After a token of ``kind``: True to take the tail up to it in, False to go on without, None to stop."""
    if common and kind not in ("name", "code", "country", "postal"):
        return None
    if prev == "lcode" and kind != "postcode":
        return None
    if kind == "pcode":
        return True  # "20129 Milano (MI)": a province code in brackets after the town
    if kind == "paren" and prev not in ("country", "caps"):
        return None  # "(Lefkosia)" names the town or country before it again; '(the "Contractor")' does not
    if kind in ("country", "caps", "unit", "paren", "postal") or (kind == "postcode" and (prev or line_start)):
        return True
    if kind == "code" and prev in ("name", "caps", "country"):
        return True
    return False if kind in ("name", "lcode") else None


def leading_number(text: str, start: int) -> int:
    """Take in a building or second number written before the house number: "Unit 4 12 Main St" written
    without its designator, "221 40 Main Street" (a building and its number)."""
    i = start
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    if i == start or i == 0 or not text[i - 1].isdigit():
        return start
    j = i
    while j > 0 and text[j - 1].isdigit():
        j -= 1
    if i - j > 6 or (j > 0 and text[j - 1] not in " \t\n(\"'>"):
        return start
    return j


STREET_WORD = re2.compile(
    rf"(?i:{_STREET_SUFFIXES})|{_STREET_WORDS_AFTER}|{_STREET_WORDS_BEFORE}|{HU_STREET_WORDS}|Strasse|Straße|Allee",
    re2_options(),
)


STREET_TYPE_WORD = re2.compile(rf"(?:{STREET_TYPES})\.?", re2_options())


def rare_street_words(line: str) -> bool:
    """A street line names something: one of its words (or a part of a hyphenated word, "Vana-Viru") is neither
    common English nor vocabulary, or it holds a street word ("41 rue des tanneurs 7")."""
    english = load_english_words()
    words = [part for w in line.split() for part in w.strip(".,'’").split("-")]
    if any(STREET_WORD.fullmatch(w) is not None or STREET_WORD.fullmatch(w.capitalize()) is not None for w in words):
        return True
    return any(
        w.isalpha()
        and w.casefold() not in english
        and not is_ordinary_vocabulary(w)
        and UNIT_WORDS.isdisjoint({w.casefold()})
        for w in words
    )


# The shapes a labelled address value starts with: a house number and a name ("42 Kowhai", "5th Avenue"),
# words and a house number ("Rynek Główny 12", "Avenida Paulista, 1578", "PSC 802"), or holds a postcode.
_NUMBER_THEN_NAME = re2.compile(
    r"\d{1,6}[A-Za-z]?(?:[ \t]*[-/][ \t]*\d{1,5}[A-Za-z]?)?,?[ \t]+"
    r"(?:\d{1,6}[ \t]+)?(?:\p{Lu}|\d{1,3}(?:st|nd|rd|th)\b)",
    re2_options(),
)
_NAME_THEN_NUMBER = re2.compile(
    rf"((?:\p{{Lu}}[\p{{L}}'’.-]*,?[ \t]+)(?:(?:{PARTICLES_RE})[ \t]+|\p{{Lu}}[\p{{L}}'’.-]*,?[ \t]+){{0,4}})"
    r"(?:No\.?[ \t]*)?\d",
    re2_options(),
)
_POSTCODE_IN = re2.compile(
    r"\b[A-Z]{1,2}\d[A-Z\d]?[ \t]+\d[A-Z]{2}\b|\b[A-Z]{2}[ \t]+\d{5}\b|(?:^|[ \t,])\d{4,5}[ \t]+\p{Lu}", re2_options()
)


def looks_like_address(value: str) -> bool:
    """A value after an address label or cue is shaped like an address, not arbitrary text: it holds a street
    word and a number, starts with a house number and a name, or with rare words and a number, or holds a
    postcode ("3 customers in Berlin", "Version 2 is live" and "12 of them" are not)."""
    if not any(c.isdigit() for c in value):
        return False
    lower = not any(c.isupper() for c in value)
    words = [w.strip(".,;:()") for w in value.split()]
    if any(STREET_TYPE_WORD.fullmatch(w) is not None or STREET_WORD.fullmatch(w) is not None for w in words):
        return True
    if lower and any(w not in NOT_IN_NAMES and STREET_TYPE_WORD.fullmatch(w.capitalize()) is not None for w in words):
        return True
    if _NUMBER_THEN_NAME.match(value) is not None or _POSTCODE_IN.search(value) is not None:
        return True
    if lower and value[:1].isdigit():  # "14 3 kowhai tarn": numbers, then words that name something
        return rare_street_words(" ".join(w for w in words if not w[:1].isdigit()))
    named = _NAME_THEN_NUMBER.match(value)
    return named is not None and rare_street_words(named.group(1))


_CROSS_STREET = re2.compile(r"(?:^|[^\p{L}\p{N}_'’.-])(\p{Lu}[\p{L}'’-]+)[ \t]+(?:and|&)[ \t]+$", re2_options())


def cross_name_ok(word: str) -> bool:
    """The name of a cross street given before "and": a listed given name or surname ("Hanne and ul. Cicha 7")
    or a word that is neither English nor vocabulary, and no country or town ("Berlin and ...")."""
    folded = word.casefold()
    if is_ordinary_vocabulary(word) or folded in country_names():
        return False
    english = load_english_words()
    if folded in load_name_lists()[0] or folded in load_surnames():
        return english.get(folded, 0.0) < 4.0
    return folded not in english and folded not in place_names()


def intersection_start(text: str, start: int) -> int:
    """Where an address given as an intersection starts: "<name> and <street with number>" takes in the cross
    street's name before it ("Sigrid and Toftevej 31")."""
    m = _CROSS_STREET.search(text[max(0, start - 40) : start])
    if m is None or not cross_name_ok(m.group(1)):
        return start
    return start - (min(40, start) - m.start(1))


def address_bounds(text: str, start: int, end: int, trim: bool = False) -> tuple[int, int]:
    """An address's span with a leading building number, the town, region, postcode and country after it on
    its line, and the address-block lines below it; with ``trim``, without the sentence words a match opens with."""
    start = leading_number(text, trim_lead(text, start, end) if trim else start)
    start = intersection_start(text, start)
    if text[end : end + 1] == "." and _HU_NUMBER_END.search(text[max(start, end - 24) : end]) is not None:
        end += 1  # "Király u. 15.": the Hungarian house number is an ordinal
    lower = not any(c.isupper() for c in text[start:end])
    return premises_start(text, start), extend_address(text, extend_tail(text, end, lower=lower), start=start)


# A line above the street that names the premises: a flat or unit ("Flat 4", "Apartment 7"), or a building
# ("Larchmont House", "Résidence Les Pins, Bât. C", "Edificio Sol, 3º"), as Royal Mail, La Poste and the other
# postal services put it above the thoroughfare.
_PREMISES_LINE = re2.compile(
    r"[ \t]*(?:(?i:flat|apartment|apt|unit|suite|ste|room|floor|level|studio|appartement|app|étage|etage|wohnung|whg)"
    r"\.?[ \t]*#?[ \t]*\d[\w-]{0,5}|(?:\p{Lu}[\p{L}'’.-]*[ \t]+){0,4}(?:House|Cottage|Lodge|Farm|Barn|Manor|Hall|Mill|"
    r"Court|Building|Buildings|Tower|Towers|Mansions|Chambers|Villa|Villas|Haus|Hof)|(?:Résidence|Residence|Bâtiment|Bât\.|"
    r"Immeuble|Edificio|Edifício|Palazzo|Torre|Bloco|Bloque|Block|Gebäude)(?:[ \t]+[\p{L}\d'’.-]+){0,5})"
    r"(?:,?[ \t]+(?:(?i:bât|bâtiment|esc|escalier|bloc|block|apt|flat|étage|floor)\.?[ \t]*[A-Z0-9]{1,4}|"
    r"\d{1,2}[º°ªoa]))?[ \t]*,?[ \t]*",
    re2_options(),
)


def premises_start(text: str, start: int) -> int:
    """Where an address that opens a line starts when up to two lines above it name the premises."""
    for _ in range(2):
        if start == 0 or text[start - 1] != "\n":
            return start
        above = text.rfind("\n", max(0, start - 62), start - 1) + 1
        if above == 0 and start > 61:
            return start
        line = text[above : start - 1].rstrip("\r")
        if not line.strip() or _PREMISES_LINE.fullmatch(line) is None:
            return start
        start = above + len(line) - len(line.lstrip())
    return start


_HU_NUMBER_END = re2.compile(rf"(?:^|[ \t])(?:{HU_STREET_WORDS})[ \t]+\d{{1,4}}(?:/[A-Za-z]|[a-zA-Z])?$", re2_options())


def trim_lead(text: str, start: int, end: int) -> int:
    """Where a Hungarian street whose match opens with everyday words really starts: after the words of the
    sentence before it ("enter on bajcsy út 41." starts at "bajcsy", "We visited Kossuth tér 2." at
    "Kossuth"); one word always stays before the street word."""
    english = load_english_words()
    m = _HU_TYPE_AT.search(text[start:end])
    type_start = start + m.start() if m is not None else end
    while True:
        space = text.find(" ", start, type_start)
        if space < 0:
            break  # the last word before the street word stays
        word = text[start:space]
        if not (word.casefold() in NOT_IN_NAMES or english.get(word.casefold(), 0.0) >= 4.0):
            break
        start = space + 1
    return start


_HU_TYPE_AT = re2.compile(rf"[ \t](?:{HU_STREET_WORDS})[ \t]+\d", re2_options())
