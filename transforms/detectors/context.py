"""Context rules for personal data that has a shape only in context: usernames, dates of birth,
street addresses and postcodes, phone numbers after a phone word, and names after cues such as
"my name is", "Dear", a signature sign-off or an e-mail display name.

Every rule is an RE2 pattern (linear time) with a capture group ``v`` for the value; a finding covers
the value only. Rules are deliberately conservative where a wrong hit destroys ordinary text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

import re2

from transforms.config import ScrublineConfig
from transforms.detectors.base import Detector, register_detector
from transforms.detectors.fields import find_field_values
from transforms.detectors.names import load_english_words, load_name_lists, load_surnames, titled_name_word
from transforms.detectors.terms import re2_options
from transforms.lexicon import LEXICON_DATA
from transforms.lexicon.vocabulary import is_common_word_phrase, is_ordinary_vocabulary
from transforms.records import Finding

__all__ = ["IDENTIFIER_NOUNS", "ContextDetector"]

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = (
    rf"(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:\d{{4}}|\d{{2}})|\d{{4}}[/.-]\d{{1,2}}[/.-]\d{{1,2}}|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
    rf"\d{{1,2}}[- ]{_MONTH}[- ](?:\d{{4}}|\d{{2}}))"
)
# A capitalised name word, also "McDonald", "O'Neil", "D'Angelo", "Al-Rashidi", "Jean-Luc", "Koski-aho".
_NAME_WORD = r"\p{Lu}(?:\p{Ll}+(?:\p{Lu}\p{Ll}+)?|['’]\p{Lu}\p{Ll}+)(?:['’\-]\p{Lu}?\p{Ll}+)*"
# A word of a name in capitals, also with an elided or Gaelic prefix ("O'BRIEN", "D'ARCY") or a hyphen.
_CAPS_WORD = r"(?:\p{Lu}['’])?\p{Lu}{2,}(?:[\p{Lu}'’\-]*\p{Lu})?"
# A name in capitals ("TENDAI MOYO"), one to three words.
_CAPS_NAME = rf"{_CAPS_WORD}(?:[ \t]+{_CAPS_WORD}){{0,2}}"
_NAME = rf"{_NAME_WORD}(?:[ \t]+(?:(?:van|von|de|da|del|der|di|le|la|bin|al|ben)[ \t]+)?{_NAME_WORD}){{0,2}}"
# Street suffixes of USPS Publication 28 (appendix C1) and Royal Mail / Australia Post usage; plurals only
# where a plural is itself a street name ("Gardens", "Heights"), never "Ways" or "Drives" ("5 Easy Ways").
_STREET_TYPES = (
    r"Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|Tce|"
    r"Parkway|Pkwy|Highway|Hwy|Circle|Cir|Square|Sq|Trail|Trl|Close|Crescent|Cres|Gardens|Row|Hill|Mews|Walk|"
    r"Green|Grove|Grv|Park|Marg|Nagar|Parade|Pde|Esplanade|Alley|Aly|Arcade|Beach|Bend|Bluffs?|Bypass|Byp|"
    r"Causeway|Cswy|Coves?|Creek|Crk|Crest|Crossing|Xing|Crossroads?|Dale|Estates?|Expressway|Expy|Freeway|Fwy|"
    r"Gateway|Glen|Harbou?r|Haven|Heights|Hts|Hollow|Junction|Jct|Knoll|Landing|Loop|Manor|Meadows?|Orchard|"
    r"Oval|Pike|Plaza|Plz|Point|Prairie|Quay|Ridge|Rdg|Rise|Route|Rte|Shores?|Skyway|Springs|Spur|Trace|"
    r"Turnpike|Tpke|Valley|Vly|Viaduct|View|Vista|Wharf|Wynd|Courts|Squares|Villas|"
    # the rest of Publication 28's suffixes that name streets and are no everyday technical nouns
    r"Anne?x|Bayou|Bottom|Brooks?|Burgs?|Canyon|Cape|Cent(?:er|re)s?|Circles|Cliffs?|Commons?|Corners?|Curve|Dam|"
    r"Extension|Falls|Ferry|Fields?|Flats?|Fords?|Forest|Forges?|Forks?|Fort|Garden|Glens|Greens|Groves|Harbors|"
    r"Hills|Inlet|Islands?|Isle|Junctions|Knolls|Lakes?|Lodge|Manors|Mills?|Motorway|Mount|Mountains?|Neck|"
    r"Overpass|Parks|Parkways|Passage|Pines?|Plains?|Points|Ports?|Radial|Ranch|Rapids?|Ridges|River|Roads|"
    r"Shoals?|Spurs|Station|Stravenue|Streets|Summit|Throughway|Trafficway|Underpass|Unions?|Valleys|Views|"
    r"Villages?|Ville|Walks|Wells?"
)
_UK_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]?[ \t]+\d[A-Z]{2}"
# Canada Post: letter-digit-letter, space, digit-letter-digit ("K1A 0B1"); D, F, I, O, Q, U never occur.
_CA_POSTCODE = r"[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ \t]?\d[ABCEGHJ-NPRSTV-Z]\d"
# A town: capitalised, or in capitals as the UPU and most postal services ask on envelopes ("OULU").
_CITY_WORD = r"\p{Lu}(?:\p{Ll}[\p{L}'-]*|\p{Lu}{2}[\p{Lu}'-]*\p{Lu})"
_CITY = rf"{_CITY_WORD}(?:[ \t]+(?:(?:de|do|da|del|di|la|le|sur|am|im)[ \t]+)?{_CITY_WORD}){{0,3}}"
# One run of blanks holding at most one line break: addresses wrap in e-mails and sit on several lines.
_SP = r"(?:[ \t]+|[ \t]*\r?\n[ \t]*)"
# After the street: any of state + ZIP, Australian state + postcode, UK postcode, city names, PIN codes.
_TAIL = (
    rf"(?:,?[ \t]+[A-Z]{{2}}{_SP}\d{{5}}(?:-\d{{4}})?|,?[ \t]+(?:NSW|VIC|QLD|WA|SA|TAS|ACT|NT){_SP}\d{{4}}|"
    rf",?[ \t]+{_UK_POSTCODE}|,?[ \t]+{_CA_POSTCODE}|,[ \t]*{_CITY}|"
    rf",[ \t]*[A-Z]{{2}}\b|,?{_SP}\d{{5,6}}(?:-\d{{4}})?){{0,4}}"
)
# "Flat 9, ", "Unit 14, ", "Apt 4B " before the house number.
_UNIT_WORDS_RE = (
    r"Apt|Apartment|Suite|Ste|Unit|Flat|Fl|Floor|Bldg|Building|Dept|Rm|Room|Lot|Space|Spc|Trlr|Penthouse|"
    r"Office|Ofc|Level|Lvl|Block|Blk|Shop|Villa"
)
_UNIT_PREFIX = (
    rf"(?:(?:\b(?:{_UNIT_WORDS_RE})\.?(?:[ \t]*\r?\n)?[ \t]*\d[\w-]{{0,5}}|#[ \t]?\d[\w-]{{0,5}}),?{_SP}){{0,2}}"
)
_CAP_WORD = r"\p{Lu}[\p{L}'’.-]*"
# "Apt 4B", "Suite 200", "# 12", "Bldg C": one or two secondary unit designators (USPS Publication 28, C2).
_UNIT = rf"(?:,?[ \t]+(?:(?:{_UNIT_WORDS_RE})\.?|#)[ \t]*(?:No\.?[ \t]*)?(?:\d[\w-]{{0,6}}|[A-Z]\b)){{0,2}}"

# Street words written after the name, joined to it ("Hauptstraße") or as a word of their own ("Grazer
# Strasse", "Petőfi u."), in German, Dutch, Danish, Norwegian, Swedish, Icelandic, Finnish, Estonian, Latvian,
# Lithuanian, Hungarian and Turkish usage.
_STREET_SUFFIXES = (
    r"straße|strasse|str\.|gasse|weg|platz|allee|ring|damm|ufer|steig|pfad|chaussee|markt|graben|straat|laan|"
    r"plein|gracht|kade|dijk|singel|steeg|gatan|gata|gate|vägen|vegen|veien|vei|vej|gade|stræde|stræti|stien|"
    r"stig|braut|vegur|gränd|torget|torg|torv|katu|tie|kuja|polku|tori|väylä|tänav"
)
_STREET_WORDS_AFTER = (
    r"Straße|Strasse|Str\.|Gasse|Weg|Platz|Allee|Ring|Straat|Laan|Plein|Gracht|Kade|Dijk|Gate|Gata|Gatan|Vej|"
    r"Vei|Veien|Katu|Tie|gate|gata|gatan|vei|veien|vej|allé|Allé|allee|utca|u\.|út|útja|tér|körút|krt\.|Caddesi|"
    r"Cad\.|Sokak|Sok\.|Bulvarı|"
    # Estonian, Latvian and Lithuanian, written in lower case after the name ("Pärnu maantee 22", "Brīvības iela 5",
    # "Gedimino pr. 9", "Vilniaus g. 12")
    r"põik|tänav|tn\.|tee|maantee|mnt\.|puiestee|pst\.|iela|bulvāris|prospekts|gatvė|g\.|prospektas|pr\."
)
# Hungarian public-space types (közterület jellege), written after the name in lower case.
_HU_STREET_WORDS = r"utca|u\.|út|útja|tér|tere|körút|krt\.|köz|sor|sétány|rakpart|fasor|lejtő|sugárút"
# Postcodes written before the town: "04109", "00-950" (PL), "1015 CJ" (NL), "111 22" (SE), "1100-148" (PT).
_EU_POSTCODE = r"(?:[A-Z]{1,2}-)?(?:\d{2}-\d{3}|\d{4}[ \t]?[A-Z]{2}|\d{3}[ \t]\d{2}|\d{4,5}(?:-\d{3})?)"
# Street words written before the name: Italian, Spanish, Portuguese ("R." for Rua), Galician, Polish, Romanian,
# Greek, Russian, and French as Belgium, Switzerland and Luxembourg write it with the number after the name.
_STREET_WORDS_BEFORE = (
    r"Via|Viale|Piazza|Piazzale|Corso|Vicolo|Largo|Strada|Calle|C/|Avda\.|Avenida|Paseo|Plaza|Pza\.|Camino|"
    r"Carrera|Carretera|Ctra\.|Ronda|Travesía|Rua|Rúa|R\.|Travessa|Praça|Estrada|Alameda|Rodovia|ul\.|ulica|al\.|"
    r"Rue|Chaussée|Chemin|Quai|Impasse|"
    r"aleja|os\.|osiedle|pl\.|Str\.|Calea|Bulevardul|Bd\.|Οδός|Οδ\.|Λεωφόρος|Λεωφ\.|Λ\.|ул\.|улица|пр\.|"
    r"проспект|пер\."
)
_PARTICLES_RE = r"de|del|della|delle|dei|degli|di|da|do|dos|das|la|las|los|el|du|des"
# Where a word starts: RE2's "\b" knows only ASCII letters, so it finds no edge before "Þ", "Á" or "Λ". A short
# list of what may stand before an address keeps the DFA small ("[^\p{L}\p{N}_]" costs twice the time).
_LEFT_EDGE = r"(?:^|[\s,;:(\[{<>\"'«„“‘/|*])"

_PHONE_WORDS = (
    r"phone|tel|telephone|cell|cellphone|mobile|mob|fax|call(?:[ \t]+me)?(?:[ \t]+(?:on|at))?|"
    r"number(?:[ \t]+is)?|whatsapp|pager|reach(?:[ \t]+me)?(?:[ \t]+(?:on|at))?|ph|m|t|desk|landline|"
    r"switchboard|direct(?:[ \t]+line)?|office(?:[ \t]+line)?|"
    r"dial(?:led)?|ring[ \t]+(?:me|us|him|her)(?:[ \t]+(?:on|at))?|ring[ \t]+(?:on|at)|"
    r"text[ \t]+(?:me|us)(?:[ \t]+(?:on|at))?|sms|"
    r"answer(?:ing|s)?(?:[ \t]+(?:on|at))|hotline|helpline"
)
# Labels written after the number: "731 45 208 office", "+447700900314 mobile", "(52) 614-907-Office".
_PHONE_LABELS = r"office|mobile|cell|fax|desk|landline"
# An extension after the number: "ext. 88", "x88", "extension 88", ", ext 88", "(ext. 88)", "extn: 88", "#88".
_PHONE_EXT = r"(?:,?[ \t]*\(?(?:[xX]|[eE][xX][tT](?:[nN]|\.)?|[eE]xtension|EXTENSION|#)[ \t]*[:.]?[ \t]*\d{1,6}\)?)?"

_DECORATOR_LIKE = frozenset(
    {
        "property",
        "staticmethod",
        "classmethod",
        "dataclass",
        "override",
        "param",
        "return",
        "returns",
        "throws",
        "see",
        "since",
        "deprecated",
        "pytest",
        "app",
        "router",
        "api",
        "media",
        "import",
        "include",
        "interface",
        "component",
        "injectable",
        "input",
        "output",
        "test",
        "before",
        "after",
        "beforeeach",
        "aftereach",
        "abstractmethod",
        "functools",
        "mock",
        "patch",
        "example",
        "types",
        "here",
        "channel",
        "everyone",
    }
)


_RE2_MAX_MEM = 32 << 20

# Titles of peers and knights, and judicial offices written before a name (England and Wales, the US,
# Australia, Canada): the name after them is a person's even when it is an English word ("Lady Black").
_PEER_TITLES = r"Lord|Lady|Baroness|Baron|Viscountess|Viscount|Countess|Earl|Marchioness|Marquess|Dame|Sir"
_PEER_TITLES_CAPS = r"(?:LORD|LADY|BARONESS|BARON|VISCOUNT|EARL|DAME|SIR)(?:[ \t]+(?:CHIEF[ \t]+)?JUSTICE)?"
_JUDGE_QUALIFIERS = (
    r"Deputy|Senior|Chief|Presiding|Circuit|District|Magistrate|Bankruptcy|Immigration|Administrative|Law|Family|"
    r"County|Trial|Superior|Federal|Associate|Resident|Designated|Employment|Tribunal|Acting|Supervising"
)
_JUDICIAL_TITLES = (
    rf"(?:(?:Chief|Associate|Acting|Deputy|Madam)[ \t]+)?Justice|(?:(?:{_JUDGE_QUALIFIERS})[ \t]+){{0,3}}Judge|"
    r"HHJ|DDJ|DJ|Recorder|(?:Deputy[ \t]+)?(?:Master|Registrar)"
)
_JUDICIAL_TITLES_CAPS = (
    r"(?:(?:MR|MRS|MS|CHIEF)\.?[ \t]+)?JUSTICE|(?:(?:DEPUTY|SENIOR|CHIEF|DISTRICT|CIRCUIT|MAGISTRATE|BANKRUPTCY)"
    r"[ \t]+){0,2}JUDGE|HHJ|MASTER|REGISTRAR|RECORDER"
)
# Titles and party roles after which only a name that is no everyday word is taken ("Master Eastman", not
# "Master Plan"; "Applicant O'Brien", not "Applicant Tracking").
_WEAK_TITLES = frozenset(
    """master registrar recorder plaintiff defendant claimant respondent appellant appellee petitioner applicant
    intervenor intervener relator movant""".split()
)


def _titled_person_ok(text: str, start: int, end: int) -> bool:
    """The words after a title or a party role are a name: each one a surname, a first name or no common
    English word, and none an office ("Lord Chief Justice", "Lord Mayor") or a document word ("Master Plan");
    a peer's territorial designation after "of" is a place and is not judged."""
    value = text[start:end].split(" of ")[0]
    before = text[max(0, start - 24) : start].split()
    strict = bool(before) and before[-1].rstrip(".").casefold().removesuffix("s") in _WEAK_TITLES
    words = [w for w in value.replace(".", ". ").split() if w.casefold() not in _PARTICLE_WORDS and w[-1] != "."]
    return bool(words) and all(titled_name_word(w, strict=strict) for w in words)


_PARTICLE_WORDS = frozenset("van von de da del der di le la bin al ben".split())


@dataclass(frozen=True)
class _Rule:
    name: str
    entity: str
    score: float
    pattern: str
    check: Callable[[str, int, int], bool] | None = None
    # When the check rejects a match, look again from its second word: "Data Analyst, Szymański, Mazur and
    # Kowalczyk" fails as a whole, its tail is the firm.
    retry_inside: bool = False


_NOT_IN_NAMES = frozenset("on in at to of for with from by the a an and or is are was my your our".split())


def _person_ok(text: str, start: int, end: int) -> bool:
    """A name after a cue is not ordinary vocabulary, a common business phrase ("THE TEAM", "Monday") or a
    phrase with a function word ("On The Road")."""
    value = text[start:end]
    if any(w.casefold() in _NOT_IN_NAMES for w in value.split()):
        return False
    return not is_ordinary_vocabulary(value) and not is_common_word_phrase(value)


# Parties in a case name that are no person: the Crown, the state, public bodies ("R v Chaytor", "State v.
# Mahlangu", "Secretary of State for the Home Department v AF").
_PUBLIC_PARTIES = frozenset(
    """r regina rex state people commonwealth crown king queen united states government attorney general
    secretary minister commissioner commissioners council board city county republic director public
    prosecutions prosecutor department ministry federal national authority bank company corporation inc ltd
    plc llc registrar revenue customs police constable chief officer society trustees union""".split()
)


def _party_ok(text: str, start: int, end: int) -> bool:
    """A party of a case name ("Donoghue v Stevenson") is a person when each word is a surname, a first name
    or no common English word, and none names the Crown, the state or a public body."""
    value = text[start:end]
    words = [w.strip(".,'’") for w in value.split()]
    if any(w.casefold() in _PUBLIC_PARTIES or w.casefold() in _NOT_IN_NAMES for w in words):
        return False
    if is_ordinary_vocabulary(value):
        return False
    return all(titled_name_word(w) for w in words if w.casefold() not in _PARTICLE_WORDS)


def _counsel_ok(text: str, start: int, end: int) -> bool:
    """Initials and a surname: the surname is a name word, and a lone "A" or "I" is an article or a pronoun."""
    words = text[start:end].split()
    if len(words) == 2 and words[0] in ("A", "I"):
        return False
    return titled_name_word(words[-1])


def _handle_ok(text: str, start: int, end: int) -> bool:
    handle = text[start:end]
    if handle.lower().split(".")[0] in _DECORATOR_LIKE:
        return False
    after = text[end : end + 1]
    if after in ("(", "/"):  # @decorator(...), @scope/package
        return False
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start : start - 1].strip() and (after == "\n" or after == ""):
        return False  # a bare "@name" alone on a line is a decorator
    return True


_ORG_LEAD_STOP = frozenset({"The", "A", "An", "Our", "Your", "My", "Their", "This", "That", "At", "In", "For", "From"})


_WRAPPED_NAME_TAIL = re2.compile(
    r"(?:\p{Lu}[\p{L}&'’.-]*[ \t]+(?:(?:&|und|of|de|del|la|le|et|y|van|von|für)[ \t]+)?){0,2}"
    r"\p{Lu}[\p{L}&'’.-]*(?:[ \t]+(?:&|und|of|de|del|la|le|et|y|van|von|für))?[ \t]*$",
    re2_options(),
)


def _organisation_start(text: str, start: int, end: int) -> int:
    """Where an organisation's name really starts: after a sentence end inside the match ("April. Our
    Senior Software"), or on the line before when wrapped prose split the name ("Veridian\nAnalytics")."""
    for i in range(start, end - 1):
        if text[i] == "." and text[i + 1] in " \t" and i - start >= 4 and text[i - 4 : i].isalpha():
            start = i + 2
    while True:  # "The Boston Consulting Group", "at Shepherd Ltd": the name starts after the article
        space = text.find(" ", start, end)
        if space < 0 or text[start:space] not in _ORG_LEAD_STOP:
            break
        start = space + 1
    if start > 0 and text[start - 1] == "\n":
        line_start = text.rfind("\n", 0, start - 1) + 1
        if start - 1 - line_start >= 50:  # a long line: wrapped prose, not a signature or a list
            seg = max(line_start, start - 1 - 200)
            m = _WRAPPED_NAME_TAIL.search(text[seg : start - 1])  # RE2's "$" ignores endpos: slice
            if m is not None:
                start = seg + m.start()
    return start


# Legal forms that are not also English words or code ("AS", "AG", "SA", "Co" are): any capitalised name
# before one of these is a company ("Fairweather Ltd.", "Apple Inc.", "Sonne GmbH").
_LEGAL_FORMS = frozenset(
    """Ltd Ltd. LLC LLC. LLP Inc Inc. Corp Corp. GmbH PLC plc Pty SpA S.p.A. S.A. S.L. B.V. N.V. K.K. L.L.C.
    SARL S.à.r.l. Oy ApS A/S""".split()
)


def _organisation_ok(text: str, start: int, end: int) -> bool:
    words = text[start:end].split()
    if len(words) < 2 or words[0] in _ORG_LEAD_STOP:
        return False
    if words[-1] in _LEGAL_FORMS and words[0][:1].isupper() and len(words[0]) > 1:
        return True
    # The words before the legal form or sector word must name something: "Customer Success Software" does not.
    return not is_ordinary_vocabulary(" ".join(words[:-1]))


def _rare_head_ok(text: str, start: int, end: int) -> bool:
    """A name before a sector noun that is also an everyday word ("Agency", "Trust", "Services") must hold a
    word that is not common English: "Veloria Transit" is a company, "Customer Services" and "Travel Agency"
    are not."""
    words = text[start:end].split()
    if len(words) < 2 or words[0] in _ORG_LEAD_STOP:
        return False
    english = load_english_words()
    return any(
        w.strip(".,&'’").casefold() not in english and not is_ordinary_vocabulary(w)
        for w in words[:-1]
        if w.strip(".,&'’").isalpha()
    )


_OF_SPLIT = re2.compile(r"\s+(?:of|for)[ \t]+(?:the[ \t]+)?", re2_options())
_GOVERNMENT = frozenset({"Ministry", "Ministerio", "Ministère", "Ministerium", "Bank", "Embassy", "Consulate"})


def _institution_ok(text: str, start: int, end: int) -> bool:
    """ "Ministry of Finance" and "Bank of England" are bodies; "Department of Engineering" or "Council of
    Products" only when what follows "of" is not ordinary vocabulary."""
    value = text[start:end]
    if value.split()[0] in _ORG_LEAD_STOP:
        return False
    parts = _OF_SPLIT.split(value, maxsplit=1)
    if len(parts) != 2:
        return False
    head = parts[0].split()
    if len(head) >= 2 and not is_ordinary_vocabulary(head[0]):
        return True  # a qualified body: "Royal Society of Chemistry", "National Academy of Sciences"
    return head[-1] in _GOVERNMENT or not is_ordinary_vocabulary(parts[1])


def _employer_ok(text: str, start: int, end: int) -> bool:
    """An employer named after a role holds a word that is not common English: "CEO of Lexisnexis", not
    "Director of Human Resources", "President of the United States" or "Chairman of the Board"."""
    value = text[start:end]
    if is_common_word_phrase(value) or is_ordinary_vocabulary(value):
        return False
    english = load_english_words()
    words = [w.strip(".,&'’") for w in value.split()]
    # Region and team acronyms ("Head of Growth EMEA") are no evidence; a rare spelled-out word is.
    return any(w.casefold() not in english for w in words if w.isalpha() and not w.isupper())


_TOP_SURNAME_RANK = 1000

# A company's name in running text: up to four capitalised words, "&", "and" or "of" between them.
_ORG_NAME = r"\p{Lu}[\p{L}0-9&'’.-]*(?:[ \t]+(?:(?:&|and|And|of)[ \t]+)?\p{Lu}[\p{L}0-9&'’.-]*){0,3}"


@cache
def _place_names() -> frozenset[str]:
    """Towns, cities and regions (``data/place_names.tsv``, from phonenumbers' geocoding data), casefolded."""
    path = LEXICON_DATA / "place_names.tsv"
    return frozenset(path.read_text(encoding="utf-8").splitlines())


def _named_org_ok(text: str, start: int, end: int) -> bool:
    """A name that a cue says is an organisation must not be ordinary vocabulary, a common word, a country, a
    town, a person's given name or a large town ("the London office"): a single word must be rare in English."""
    words = text[start:end].split()
    if not words or words[0] in _ORG_LEAD_STOP or _country_at(text, start) == end:
        return False
    value = " ".join(words)
    if value.casefold().rstrip(".") in _place_names():
        return False
    if is_ordinary_vocabulary(value) or is_common_word_phrase(value):
        return False
    english = load_english_words()
    rare = [w for w in words if english.get(w.strip(".,'’").casefold(), 0.0) < 4.0]
    if len(words) == 1:
        return bool(rare) and words[0].casefold() not in load_name_lists()[0]
    return any(english.get(w.strip(".,'’").casefold(), 0.0) < 3.5 for w in rare)


def _org_of_person_ok(text: str, start: int, end: int) -> bool:
    """ "Greta Lindahl of Quillbyte": the organisation is no common English word and no place the name lists
    or the country list know ("of London", "from Texas", "of Counsel")."""
    words = text[start:end].split()
    english = load_english_words()
    if _PEERAGE.search(text[max(0, start - 60) : start]) is not None:
        return False  # "Lord Reed of Allermuir": a peer's territorial designation
    return _named_org_ok(text, start, end) and all(w.strip(".,'’").casefold() not in english for w in words)


_PEERAGE = re2.compile(
    r"\b(?:Lord|Lady|Baron|Baroness|Viscount|Viscountess|Earl|Countess|Duke|Duchess|Marquess|Bishop|Archbishop|"
    r"Prince|Princess|King|Queen|Sir|Dame|Saint|St\.?)[ \t]+\S+(?:[ \t]+\S+)?[ \t]+(?:of|from)[ \t]+$",
    re2_options(),
)


_NAME_PARTICLE_PREFIX = re2.compile(r"\b(?:Al|El|al|el|Abu|Abd|Bin|Ibn|Ben|Ul|ul)-", re2_options())


def _partnership_ok(text: str, start: int, end: int) -> bool:
    """Every name of "Davis, Polk and Wardwell" or "Ernst & Young" is a listed surname or no common English
    word, and at least one is not a frequent English word ("Black & White", "Paris, London and Rome"), unless
    three or more are all among the most frequent surnames ("Jones, Smith and Davis")."""
    value = _NAME_PARTICLE_PREFIX.sub("", text[start:end])  # "Al-Masri": the article is no word of its own
    words = [w for w in value.replace(",", " ").replace("&", " ").replace("-", " ").split() if w != "and"]
    surnames, english = load_surnames(), load_english_words()
    folded = [_ascii_fold(w) for w in words]
    if not all(w in surnames or w not in english for w in folded):
        return False
    if any(english.get(w, 0.0) < 4.0 for w in folded):
        return True
    return len(folded) >= 3 and all(surnames.get(w, _TOP_SURNAME_RANK + 1) <= _TOP_SURNAME_RANK for w in folded)


def _ascii_fold(word: str) -> str:
    return unicodedata.normalize("NFKD", word.casefold()).encode("ascii", "ignore").decode("ascii")


def _luhn_ok(text: str, start: int, end: int) -> bool:
    digits = [int(c) for c in text[start:end] if c.isdigit()]
    if not 12 <= len(digits) <= 19:
        return False
    total = 0
    for i, d in enumerate(reversed(digits)):
        total += sum(divmod(d * 2, 10)) if i % 2 else d
    return total % 10 == 0


# The reason phrases of the IANA HTTP status code registry (and their older wordings): "502 Bad Gateway" is a
# status line, not a house number and a street.
_HTTP_REASONS = (
    r"Continue|Switching Protocols|Processing|Early Hints|OK|Created|Accepted|Non-Authoritative Information|"
    r"No Content|Reset Content|Partial Content|Multi-Status|Already Reported|IM Used|Multiple Choices|"
    r"Moved Permanently|Found|See Other|Not Modified|Use Proxy|Temporary Redirect|Permanent Redirect|"
    r"Bad Request|Unauthori[sz]ed|Payment Required|Forbidden|Not Found|Method Not Allowed|Not Acceptable|"
    r"Proxy Authentication Required|Request Time-?out|Conflict|Gone|Length Required|Precondition Failed|"
    r"Content Too Large|Payload Too Large|Request Entity Too Large|URI Too Long|Request-URI Too Long|"
    r"Unsupported Media Type|(?:Requested )?Range Not Satisfiable|Expectation Failed|I['’]m a teapot|"
    r"Misdirected Request|Unprocessable (?:Content|Entity)|Locked|Failed Dependency|Too Early|Upgrade Required|"
    r"Precondition Required|Too Many Requests|Request Header Fields Too Large|Unavailable For Legal Reasons|"
    r"Internal Server Error|Not Implemented|Bad Gateway|Service Unavailable|Gateway Time-?out|"
    r"HTTP Version Not Supported|Variant Also Negotiates|Insufficient Storage|Loop Detected|Not Extended|"
    r"Network Authentication Required"
)
_HTTP_STATUS = re2.compile(rf"[1-5]\d\d[ \t]+(?i:{_HTTP_REASONS})\b", re2_options())
# Street words that are also technical nouns ("API Gateway", "Event Loop", "Stack Trace", "Google Drive").
_TECH_STREET_TYPES = frozenset(
    """gateway loop trace drive point points view junction crossing landing spur harbor harbour haven walk route
    center centre centers centres commons corner corners curve extension field fields flats fork forks lake lakes
    mount mill mills pines points port ports station union unions summit island islands forest""".split()
)


def _street_en_ok(text: str, start: int, end: int) -> bool:
    """A number, words and a street word that is also a technical noun, with nothing after it, is an address
    only if the words name something: "2 API Gateway stages", "3 Google Drive folders" and "443 Secure Gateway"
    are counts and ports; "15 Larkspur Drive" and "15 Lake Drive, Springfield, IL" are addresses."""
    before = text[max(0, start - 8) : start].split()
    if before and before[-1].casefold() in _RANKING_WORDS:
        return False  # "Top 10 Park Avenue restaurants": a ranking, not a house number
    words = text[start:end].split()
    if words[-1].rstrip(".").casefold() not in _TECH_STREET_TYPES or _extend_tail(text, end) != end:
        return True
    named = [w.strip(",.") for w in words[:-1] if not any(c.isdigit() for c in w)]
    english = load_english_words()
    return not named or not all(
        english.get(w.casefold(), 0.0) >= COMMON_STREET_WORD_ZIPF or is_ordinary_vocabulary(w) for w in named
    )


COMMON_STREET_WORD_ZIPF = 3.0
_RANKING_WORDS = frozenset({"top", "best", "worst"})


def _address_ok(text: str, start: int, end: int) -> bool:
    value = text[start:end]
    letters = sum(c.isalpha() for c in value)
    starts_like_address = value[:1].isdigit() or value[:1].isupper()
    return starts_like_address and letters >= 3 and "@" not in value and "://" not in value


def _vocabulary_lead(text: str, start: int, end: int) -> bool:
    """True if the words before the first digit are ordinary vocabulary ("Windows 10, 2019 Server")."""
    head = text[start:end]
    for i, c in enumerate(head):
        if c.isdigit():
            return is_ordinary_vocabulary(head[:i])
    return True


_UNIT_WORDS = frozenset({"apt", "apartment", "suite", "ste", "unit", "flat"})


def _street_words_ok(text: str, start: int, end: int) -> bool:
    """The words of a street line name a street: not only ordinary vocabulary ("version 2 unit 3")."""
    words = [w.strip(".,") for w in text[start:end].split()]
    named = [w for w in words if w.isalpha() and w.casefold() not in _UNIT_WORDS]
    return bool(named) and not is_ordinary_vocabulary(" ".join(named))


_STREET_WORD = re2.compile(
    rf"(?i:{_STREET_SUFFIXES})|{_STREET_WORDS_AFTER}|{_STREET_WORDS_BEFORE}|{_HU_STREET_WORDS}|Strasse|Straße|Allee",
    re2_options(),
)


def _street_name_ok(text: str, start: int, end: int, type_first: bool) -> bool:
    """The name before the number is a street's: not "et al. Nature 2019", not only technical vocabulary
    ("Via Slack 2") and, when the street word is a suffix, not only common English words ("Spring 2024",
    "Delegate 3", "Key Ring 2")."""
    if type_first and text[max(0, start - 3) : start].casefold() == "et ":
        return False
    head = text[start:end]
    for i, c in enumerate(head):
        if c.isdigit():
            head = head[:i]
            break
    words = [w.strip(",") for w in head.split()]
    named = [w.strip(".") for w in words if w.strip(".") and _STREET_WORD.fullmatch(w) is None]
    if not type_first and len(words) >= 1 and not named:
        named = words  # one compound word such as "Hauptstraße": judge the word itself
    if not named:
        return True
    if type_first:  # "Calle Mayor", "Rua Augusta": the street word says enough; only vocabulary is vetoed
        return not is_ordinary_vocabulary(" ".join(named))
    english = load_english_words()
    return not all(w.casefold() in english or is_ordinary_vocabulary(w) for w in named)


_STREET_TYPE_WORD = re2.compile(rf"(?:{_STREET_TYPES})\.?", re2_options())
_CORNER_SPLIT = re2.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?|[ \t]+(?:and|&)[ \t]+", re2_options())


def _corner_ok(text: str, start: int, end: int) -> bool:
    """Both sides of "the corner of A and B" are streets: one has a house number or a street word, and
    together they are not ordinary vocabulary ("the intersection of Python and Rust")."""
    parts = _CORNER_SPLIT.split(text[start:end])[1:]
    if len(parts) < 2:
        return False
    words = [w for part in parts for w in part.split()]
    streetlike = any(c.isdigit() for c in "".join(words)) or any(
        _STREET_TYPE_WORD.fullmatch(w) is not None or _STREET_WORD.search(w) is not None for w in words
    )
    return streetlike and not is_ordinary_vocabulary(" ".join(parts))


_DATE_SHAPE = re2.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}", re2_options())


# Nouns that make "<noun> number" an identifier, not a telephone: "company number 09876543", "claim number"
# (an account number is redacted as one by its own rule).
IDENTIFIER_NOUNS = frozenset(
    """company registration reg case claim order invoice reference ref ticket policy serial part model
    tracking license licence passport member membership customer client employee staff vat tax id version build
    issue po bug item record file docket matter patient student booking reservation confirmation transaction
    receipt shipment parcel batch lot product sku routing sort card badge table room flight seat page row
    port error index house street unit apartment flat building plot application permit certificate contract
    project job task request incident change problem vehicle chassis engine plate insurance identification
    document folio voucher coupon pin process sequence revision commit release appeal index action docket""".split()
)
_NUMBER_CUE = re2.compile(r"(?i)\b([a-z]+)\.?[ \t]+(?:number|no\.?|num\.?|nr\.?|#)[^\d\n]{0,24}$", re2_options())
# "QB-2019-001234", "INC-2024-0012345": digits glued by a hyphen to a letter prefix are a case, ticket or
# order number; a phone label glued the same way ("Tel-0161 ...") is still a label.
_ID_PREFIX = re2.compile(r"(?:^|[^\w-])([A-Za-z][A-Za-z0-9]*)-$", re2_options())
_PHONE_PREFIXES = frozenset("tel ph phone mob mobile cell fax m t f h w o".split())
# Labels written after a number with a hyphen ("0161 496 0123-Office", "0123-Fax") are no identifier suffix.
_ID_SUFFIX = re2.compile(r"-([A-Za-z]+)", re2_options())
_PHONE_LABEL_WORDS = frozenset("office mobile cell fax home work desk landline tel phone main ext direct".split())


def _id_prefixed(text: str, start: int, end: int) -> bool:
    """Digits glued by a hyphen to letters before or after them: an identifier, not a phone number."""
    m = _ID_PREFIX.search(text[max(0, start - 24) : start])
    if m is not None and m.group(1).casefold() not in _PHONE_PREFIXES:
        return True
    suffix = _ID_SUFFIX.match(text[end : end + 24])
    return suffix is not None and suffix.group(1).casefold() not in _PHONE_LABEL_WORDS


def _digits_ok(text: str, start: int, end: int) -> bool:
    value = text[start:end]
    digits = sum(c.isdigit() for c in value)
    if not 7 <= digits <= 21 or _DATE_SHAPE.fullmatch(value) is not None or _id_prefixed(text, start, end):
        return False
    cue = _NUMBER_CUE.search(text[max(0, start - 48) : start])
    return cue is None or cue.group(1).casefold() not in IDENTIFIER_NOUNS


_POSSESSIVE_LEAD = re2.compile(r"(?i)\b(?:my|your|his|her|our|their)((?:[ \t]+[a-z]+){0,2})[ \t]+$", re2_options())


def _local_phone_ok(text: str, start: int, end: int) -> bool:
    """A seven-digit local number after a possessive ("on my registered 555 0143", "her cell 555-0143"): not
    one after an identifier noun ("my order 555 0143") and not a number and a year ("our top 500 2019")."""
    value = text[start:end]
    if value[3] == " " and value[4:6] in ("19", "20"):
        return False
    lead = _POSSESSIVE_LEAD.search(text[max(0, start - 40) : start])
    if lead is None or any(w.casefold() in IDENTIFIER_NOUNS for w in lead.group(1).split()):
        return False
    return _digits_ok(text, start, end)


def _account_ok(text: str, start: int, end: int) -> bool:
    """An account name after "user" is not a dotted setting or file name ("user.name", "user.config")."""
    value = text[start:end]
    if value.casefold().startswith(("name", "email", "config", "id.")):
        return False
    return "." not in value or value.rsplit(".", 1)[1].casefold() not in _FILE_SUFFIXES


_FILE_SUFFIXES = frozenset("py js ts json yaml yml toml ini cfg conf txt md log csv xml html sh".split())


def _home_ok(text: str, start: int, end: int) -> bool:
    return text[start:end].lower() not in {"shared", "public", "default", "all users", "runner", "user", "username"}


_ABBREVIATION = re2.compile(r"(?:\b[A-Z][a-z]{1,3}|\.[A-Za-z])$", re2_options())

_USER_TOKEN = r"[A-Za-z0-9][A-Za-z0-9._-]{0,38}[A-Za-z0-9_]"
_CRED_CUE = r"(?i)\b(?:use|login|log[ \t]+in[ \t]+with|creds?|credentials|account)[ \t]*:?[ \t]+"


def _rare_name_words(value: str) -> bool:
    """Every word of a street named without a street word is rare in English, no vocabulary and no given name
    ("218 Vasilou Kastrini", not "8 Pm Tonight" or "100 Euros Total")."""
    english = load_english_words()
    words = [w for w in value.split() if not w[0].isdigit()]
    return all(
        english.get(w.casefold(), 0.0) < 3.0
        and not is_ordinary_vocabulary(w)
        and w.casefold() not in load_name_lists()[0]
        for w in words
    )


def _lower_line(text: str, start: int) -> bool:
    """The line around ``start`` (at most 300 characters either side) is written all in lower case."""
    line_start = text.rfind("\n", max(0, start - 300), start) + 1
    line_end = text.find("\n", start, start + 300)
    window = text[max(line_start, start - 300) : line_end if line_end >= 0 else start + 300]
    return window == window.lower()


def _street_lower_ok(text: str, start: int, end: int) -> bool:
    """A lower-case street line is an address only in a line written all in lower case, when its words hold no
    function word and name something, and when a postcode, a country or a known town follows it on the line."""
    if not _lower_line(text, start):
        return False
    words = [w for w in text[start:end].split() if not w[0].isdigit()]
    if any(w in _NOT_IN_NAMES for w in words):
        return False
    tail_end = _extend_tail(text, end, lower=True)
    tail = text[end:tail_end]
    last = tail.replace(",", " ").split()
    if not _rare_street_words(" ".join(words)):
        # only common words before a street word ("fourth avenue"): a unit must follow
        if _STREET_TYPE_WORD.fullmatch(words[-1].capitalize()) is None or not last or last[0] not in _UNIT_WORDS:
            return False
    return bool(last) and (
        any(w.isdigit() and 4 <= len(w) <= 6 for w in last)
        or _country_at(text, tail_end - len(last[-1]), lower=True) == tail_end
        or _country_at(text, tail_end - len(" ".join(last[-2:])), lower=True) == tail_end
        or last[-1] in _place_names()
    )


_CROSS_STREET = re2.compile(r"(?:^|[^\p{L}\p{N}_'’.-])(\p{Lu}[\p{L}'’-]+)[ \t]+(?:and|&)[ \t]+$", re2_options())


def _cross_name_ok(word: str) -> bool:
    """The name of a cross street given before "and": a listed given name or surname ("Hanne and ul. Różana 19")
    or a word that is neither English nor vocabulary, and no country or town ("Berlin and ...")."""
    folded = word.casefold()
    if is_ordinary_vocabulary(word) or folded in _country_names():
        return False
    english = load_english_words()
    if folded in load_name_lists()[0] or folded in load_surnames():
        return english.get(folded, 0.0) < 4.0
    return folded not in english and folded not in _place_names()


def _intersection_start(text: str, start: int) -> int:
    """Where an address given as an intersection starts: "<name> and <street with number>" takes in the cross
    street's name before it ("Sigrid and Tranevej 42")."""
    m = _CROSS_STREET.search(text[max(0, start - 40) : start])
    if m is None or not _cross_name_ok(m.group(1)):
        return start
    return start - (min(40, start) - m.start(1))


def _bare_intersection_ok(text: str, start: int, end: int) -> bool:
    """ "Emil and Kvistrøa 28": the cross street's name passes ``_cross_name_ok`` and the street's own name is no
    English word, given name or vocabulary, and the number is no year or version."""
    words = text[start:end].split()
    street, number = words[-2], words[-1]
    if text[end : end + 1] == "." and text[end + 1 : end + 2].isdigit():
        return False  # "Terraform 1.5": a version
    folded = street.casefold()
    english = load_english_words()
    return (
        _cross_name_ok(words[0])
        and folded not in english
        and folded not in load_name_lists()[0]
        and not is_ordinary_vocabulary(street)
        and not (len(number) == 4 and number[:2] in ("19", "20"))
    )


RULES: tuple[_Rule, ...] = (
    # "[13:05] achebet: ..." / "[01/03/2024, 18:19] name:" / "<name>" in chat and IRC exports.
    _Rule(
        "chat_speaker",
        "USERNAME",
        0.85,
        rf"(?m)^[ \t]*\[[0-9/.:, -]{{4,24}}(?:[ \t]*[AP]M)?\][ \t]+@?(?P<v>{_USER_TOKEN}):",
    ),
    # "[01/03/2024, 18:19] Irina Petrova: ..." (WhatsApp exports name the speaker, not an account).
    _Rule(
        "chat_speaker_name",
        "PERSON",
        0.85,
        rf"(?m)^[ \t]*\[[0-9/.:, -]{{4,24}}(?:[ \t]*[AP]M)?\][ \t]+(?P<v>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,3}}):",
    ),
    _Rule("irc_speaker", "USERNAME", 0.85, rf"(?m)^[ \t]*(?:\[[0-9:]{{4,8}}\][ \t]*)?<[@+]?(?P<v>{_USER_TOKEN})>[ \t]"),
    _Rule(
        "ticket_user_field",
        "USERNAME",
        0.8,
        rf"(?im)^[ \t]*(?:assignee|assigned[ \t]+to|reporter|reported[ \t]+by|owner|author|requester|created[ \t]+by|"
        rf"opened[ \t]+by|submitted[ \t]+by|updated[ \t]+by|approved[ \t]+by|reviewer)[ \t]*:[ \t]*@?"
        rf"(?P<v>{_USER_TOKEN})[ \t]*$",
    ),
    _Rule(
        "logged_in_as",
        "USERNAME",
        0.85,
        rf"(?i)\b(?:logg(?:ed|ing)[ \t]+in[ \t]+as|log[ \t]+in[ \t]+as|login[ \t]+as|signed[ \t]+in[ \t]+as|"
        rf"sign(?:ing)?[ \t]+in[ \t]+as)[ \t]+(?P<v>{_USER_TOKEN})(?:@|\b)",
    ),
    _Rule(
        "env_user",
        "USERNAME",
        0.85,
        rf"\b[A-Z0-9_]*(?:USER|USERNAME|LOGIN|USER_NAME|OWNER)[\"']?[ \t]*[:=][ \t]*[\"']?(?P<v>{_USER_TOKEN})",
    ),
    _Rule(
        "sql_user",
        "USERNAME",
        0.9,
        r"(?i)\b(?:CREATE|ALTER|DROP)[ \t]+USER[ \t]+(?:IF[ \t]+(?:NOT[ \t]+)?EXISTS[ \t]+)?[`'\"]?"
        r"(?P<v>[^`'\"@\s]{1,40})",
    ),
    _Rule("sql_grant_to", "USERNAME", 0.9, r"(?i)\bTO[ \t]+[`'\"](?P<v>[^`'\"@\s]{1,40})[`'\"]@"),
    _Rule("netrc_login", "USERNAME", 0.9, r"\bmachine[ \t]+\S+[ \t]+login[ \t]+(?P<v>\S{1,64})"),
    _Rule(
        "netrc_password",
        "PASSWORD",
        0.9,
        r"\bmachine[ \t]+\S+[ \t]+login[ \t]+\S+[ \t]+password[ \t]+(?P<v>\S{1,128})",
    ),
    # "use jdoe / S3cret! for the demo account", "creds: jdoe/S3cret!"
    _Rule(
        "user_slash_password_user",
        "USERNAME",
        0.85,
        rf"{_CRED_CUE}(?P<v>{_USER_TOKEN})[ \t]*/[ \t]*\S{{4,64}}",
    ),
    _Rule(
        "user_slash_password",
        "PASSWORD",
        0.85,
        rf"{_CRED_CUE}{_USER_TOKEN}[ \t]*/[ \t]*(?P<v>[^\s/]{{4,64}})",
    ),
    # Password hashes are credentials too: bcrypt, sha-crypt, md5-crypt, argon2, Django PBKDF2.
    _Rule(
        "password_hash",
        "PASSWORD",
        0.95,
        r"(?P<v>\$2[abxy]?\$\d{2}\$[./A-Za-z0-9]{53}|\$[156]\$(?:rounds=\d+\$)?[./A-Za-z0-9]{1,16}\$[./A-Za-z0-9]{22,86}|"
        r"\$argon2(?:id|i|d)\$v=\d+\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+|"
        r"pbkdf2_sha(?:1|256|512)\$\d+\$[A-Za-z0-9./+]+\$[A-Za-z0-9+/=]+)",
    ),
    _Rule(
        "handle", "USERNAME", 0.85, r"(?:^|[^\w.@/\\])@(?P<v>[A-Za-z0-9][A-Za-z0-9._-]{0,38}[A-Za-z0-9_])", _handle_ok
    ),
    _Rule("todo_owner", "USERNAME", 0.9, r"\b(?:TODO|FIXME|XXX|HACK|NOTE|BUG)\((?P<v>[A-Za-z][\w.@-]{1,39})\)"),
    # ~/.pgpass lines: host:port:database:user:password
    _Rule(
        "pgpass_user",
        "USERNAME",
        0.85,
        r"(?m)^[ \t]*#?[ \t]*(?:[A-Za-z0-9][A-Za-z0-9.-]*|\*):(?:\d{1,5}|\*):[^:\s]+:(?P<v>[^:\s]+):\S+[ \t]*$",
    ),
    _Rule(
        "pgpass_password",
        "PASSWORD",
        0.85,
        r"(?m)^[ \t]*#?[ \t]*(?:[A-Za-z0-9][A-Za-z0-9.-]*|\*):(?:\d{1,5}|\*):[^:\s]+:[^:\s]+:(?P<v>\S+)[ \t]*$",
    ),
    # ssh_config: an indented "User name" line under a Host block.
    _Rule("ssh_config_user", "USERNAME", 0.85, r"(?m)^[ \t]+User[ \t]+(?P<v>[A-Za-z0-9._-]{1,64})[ \t]*$"),
    # "added by huong_d", "pushed by emma64": an account name (it has a digit, "_" or ".") after an action.
    _Rule(
        "action_by_user",
        "USERNAME",
        0.8,
        r"(?i)\b(?:added|created|committed|pushed|reviewed|approved|merged|deployed|owned|maintained|edited|"
        r"modified|updated|uploaded|deleted|requested|triggered|started|run|asked|answered|posted|commented|"
        r"replied|written|authored|shared|submitted|reported|opened|closed|assigned|forked)[ \t]+by[ \t]+(?:u/|@)?"
        r"(?P<v>[a-z0-9][a-z0-9-]*[._\d][a-z0-9._-]*[a-z0-9])\b",
    ),
    # "reply from user dave_k", "the account j.smith2": an account name (with a digit, "_" or ".") after "user".
    _Rule(
        "user_noun",
        "USERNAME",
        0.8,
        r"(?i)\b(?:user|username|account|login|handle|nick(?:name)?)[ \t]+@?"
        r"(?P<v>[a-z][a-z0-9-]*[._\d][a-z0-9._-]*[a-z0-9])\b",
        _account_ok,
    ),
    # Reddit's "u/name"; an account on a host in a remote shell or copy command: "ssh deploy@10.2.14.7".
    _Rule("reddit_user", "USERNAME", 0.85, r"(?:^|[^\w/])/?u/(?P<v>[A-Za-z0-9_-]{3,20})\b"),
    _Rule(
        "remote_shell_user",
        "USERNAME",
        0.85,
        r"\b(?:ssh|scp|sftp|rsync|mosh|ssh-copy-id|telnet)(?:[ \t][^\n|;&]{0,60}?)?[\s:\"'=]"
        r"(?P<v>[A-Za-z_][A-Za-z0-9._-]{0,31})@[A-Za-z0-9\[]",
        lambda text, start, end: text[start:end] != "git",
    ),
    _Rule("home_dir", "USERNAME", 0.9, r"/(?:home|Users)/(?P<v>[A-Za-z0-9._-]{2,32})", _home_ok),
    _Rule("windows_home", "USERNAME", 0.9, r"(?i)[A-Z]:\\\\?Users\\\\?(?P<v>[^\\\s\"']{2,32})", _home_ok),
    _Rule(
        "user_field",
        "USERNAME",
        0.8,
        r"(?i)\b(?:user(?:[ _-]?name)?|login|user[ _-]?id|handle|github|gitlab|twitter|slack)[\"']?[ \t]*[:=][ \t]*"
        r"[\"']?(?P<v>@?[A-Za-z0-9][A-Za-z0-9._-]{1,31})",
    ),
    _Rule(
        "dob",
        "DATE_OF_BIRTH",
        0.95,
        rf"(?i)\b(?:d\.?o\.?b\.?|date[ \t]+of[ \t]+birth|birth[ \t]*date|birthday|born(?:[ \t]+on)?)"
        rf"[^\n]{{0,40}}?\n?[^\n]{{0,60}}?\b(?P<v>{_DATE})",
    ),
    _Rule(
        "street_en",
        "STREET_ADDRESS",
        0.85,
        rf"(?:^|[^\w#])(?P<v>{_UNIT_PREFIX}\b\d{{1,6}}[A-Za-z]?(?:[ \t]*[-/][ \t]*\d{{1,5}})?,?{_SP}"
        rf"(?:[NSEW]\.?[ \t]+)?"
        rf"(?:(?:\p{{Lu}}[\p{{L}}'.-]*|\d{{1,3}}(?:st|nd|rd|th)){_SP}){{1,4}}(?:{_STREET_TYPES})\b\.?"
        rf"(?:[ \t]+(?:NW|NE|SW|SE|N|S|E|W|North|South|East|West)\b)?{_UNIT}{_TAIL})",
        _street_en_ok,
    ),
    # Street name then a street word or suffix, then the number (Germany, Austria, Switzerland, Benelux, the
    # Nordics, Finland, Estonia, Hungary, Turkey): "Hauptstraße 12", "Grazer Strasse 41", "Storgatan 9",
    # "Petőfi u. 23.", "Keizersgracht 123-2", with the postcode and town when they follow.
    _Rule(
        "street_suffix",
        "STREET_ADDRESS",
        0.85,
        rf"{_LEFT_EDGE}(?P<v>(?:(?:\p{{Lu}}[\p{{L}}'’.-]*[ \t]+){{0,2}}\p{{Lu}}[\p{{L}}-]*(?:{_STREET_SUFFIXES})|"
        rf"(?:\p{{Lu}}[\p{{L}}'’.-]*{_SP}){{1,3}}(?:{_STREET_WORDS_AFTER}))"
        rf"{_SP}\d{{1,4}}(?:[ \t]?[a-zA-Z]\b)?\.?(?:[ \t]*[-/][ \t]*\d{{1,4}}[a-zA-Z]?)?{_UNIT}"
        rf"(?:,?{_SP}{_EU_POSTCODE}[ \t]+\p{{Lu}}[\p{{L}}-]+)?{_TAIL})",
        lambda text, start, end: _street_name_ok(text, start, end, type_first=False),
    ),
    # Hungarian public-space names keep lower-case words ("Rákóczi fejedelem útja 7.", "Szent István körút 12.",
    # "kiskert út 41."), and the house number ends in a full stop (an ordinal).
    _Rule(
        "street_hu",
        "STREET_ADDRESS",
        0.85,
        rf"{_LEFT_EDGE}(?P<v>\p{{L}}[\p{{L}}'’.-]*(?:[ \t]+\p{{L}}[\p{{L}}'’.-]*){{0,2}}[ \t]+"
        rf"(?:{_HU_STREET_WORDS})[ \t]+\d{{1,4}}(?:/[A-Za-z]|[a-zA-Z])?\.)",
        lambda text, start, end: _street_name_ok(text, start, end, type_first=False),
    ),
    # The street word first, then the name and the number (Italy, Spain, Portugal, Brazil, Poland, Romania,
    # Greece, Russia): "Via Roma 12", "C/ Mayor 5, 28013 Madrid", "Rua Augusta 120", "ul. Jaskółcza 6".
    _Rule(
        "street_type_first",
        "STREET_ADDRESS",
        0.85,
        rf"{_LEFT_EDGE}(?P<v>(?:{_STREET_WORDS_BEFORE})(?:[ \t]*\r?\n)?[ \t]*(?:(?:{_PARTICLES_RE})[ \t]+)*"
        rf"(?:\p{{Lu}}[\p{{L}}'’.-]*|\d{{1,2}}[º°ª]?)"
        rf"(?:[ \t]+(?:(?:{_PARTICLES_RE}|y|e|i)[ \t]+)?\p{{Lu}}[\p{{L}}'’.-]*){{0,4}},?"
        rf"{_SP}(?:(?:n[º°o]|nr|No)\.?[ \t]*)?\d{{1,5}}[a-zA-Z]?\b(?:[ \t]*[-/][ \t]*\d{{1,4}}[a-zA-Z]?)?"
        rf"(?:,?[ \t]*\d{{1,2}}[º°ªoa](?:[ \t]*[A-Z]\b)?)?{_UNIT}"
        rf"(?:,?{_SP}{_EU_POSTCODE}[ \t]+\p{{Lu}}[\p{{L}}-]+"
        rf"(?:[ \t]+\p{{Lu}}[\p{{L}}-]+)?)?{_TAIL})",
        lambda text, start, end: _street_name_ok(text, start, end, type_first=True),
    ),
    # Post-office boxes and rural delivery (USPS Publication 28 sections 28 and 24, Australia Post, Canada
    # Post, and the European equivalents): "P.O. Box 1234", "RR 2 Box 152", "GPO Box 88", "Postfach 10 01 23".
    _Rule(
        "po_box",
        "STREET_ADDRESS",
        0.85,
        rf"\b(?P<v>(?i:p\.?[ \t]?o\.?[ \t]*box|post[ \t]+office[ \t]+box|postbox|[gc]po[ \t]+box|locked[ \t]+bag|"
        rf"private[ \t]+bag|postfach|postbus|postboks|apartado(?:[ \t]+de[ \t]+correos)?|apdo\.|caixa[ \t]+postal|"
        rf"casella[ \t]+postale|bo[iî]te[ \t]+postale|"
        rf"(?:rr|rural[ \t]+route|hc|star[ \t]+route){_SP}?\d{{1,3}},?{_SP}box)"
        rf"(?:{_SP})?(?:(?i:no)\.?[ \t]*|#[ \t]*)?\d{{1,6}}(?:[ \t]\d{{2}}){{0,2}}\b{_UNIT}{_TAIL})",
    ),
    _Rule(
        "street_fr",
        "STREET_ADDRESS",
        0.85,
        rf"\b(?P<v>{_UNIT_PREFIX}(?:\d{{1,5}}-)?\d{{1,4}}(?:[ \t]?(?:bis|ter))?,?[ \t]+"
        rf"(?:(?:rue|Rue|avenue|av\.|boulevard|bd|place|chemin|allée|impasse|quai|route|cours)[ \t]+|"
        # capitalised street words that are also English only before a French article: "12 Avenue des Ormes"
        rf"(?:Avenue|Boulevard|Chemin|Allée|Impasse|Quai|Place|Route|Cours)[ \t]+"
        rf"(?:(?:de|des|du|la|le|les)[ \t]+|[dl]['’]))"
        rf"[\p{{L}}'’ -]{{2,40}}?(?:,?[ \t]+\d{{5}}[ \t]+\p{{Lu}}[\p{{L}}-]+|"
        rf",[ \t]*\p{{Lu}}[\p{{L}}-]+(?:[ \t]+\p{{Lu}}[\p{{L}}-]+)?,?[ \t]+[A-Z]{{2}}[ \t]+{_CA_POSTCODE})?)"
        r"(?:[,.;\n]|$|[ \t]+[·|•–—])",
    ),
    _Rule("uk_postcode", "STREET_ADDRESS", 0.7, rf"\b(?P<v>{_UK_POSTCODE})\b"),
    # A house number and street of any name, a town and a UK postcode: "117 Queensway, Edinburgh EH3 6HL".
    _Rule(
        "street_uk",
        "STREET_ADDRESS",
        0.85,
        rf"\b(?P<v>{_UNIT_PREFIX}\d{{1,5}}[A-Za-z]?{_SP}(?:{_CAP_WORD}{_SP}){{0,3}}{_CAP_WORD},?{_SP}"
        rf"(?:{_CAP_WORD},?{_SP}){{1,3}}{_UK_POSTCODE})\b",
    ),
    # Street, house number, postcode and town (Germany, Austria, Switzerland, Benelux, Nordics...):
    # "Am Waldrand 77, 50586 Köln", "Hauptstraße 120a, 60460 Frankfurt am Main".
    _Rule(
        "street_eu",
        "STREET_ADDRESS",
        0.85,
        rf"(?P<v>(?:{_CAP_WORD}{_SP}){{0,3}}{_CAP_WORD}{_SP}\d{{1,4}}[ \t]?[a-zA-Z]?,?{_SP}\d{{4,5}}[ \t]+"
        rf"\p{{Lu}}[\p{{L}}-]+(?:[ \t]+(?:am|an|im|in|upon|on|sur|de|del|la)?[ \t]*\p{{Lu}}[\p{{L}}-]+)?)",
        lambda text, start, end: not _vocabulary_lead(text, start, end),
    ),
    # French street with its postcode and town: "12 bis rue des Lilas, 75014 Paris".
    _Rule(
        "street_fr_postcode",
        "STREET_ADDRESS",
        0.85,
        rf"\b(?P<v>\d{{1,4}}(?:{_SP}?(?:bis|ter)|b)?,?{_SP}(?i:rue|avenue|av\.|boulevard|bd|place|chemin|allée|impasse|"
        rf"quai|route|cours|square|passage|voie){_SP}[\p{{L}}'’ \t\n-]{{2,50}}?,?{_SP}\d{{5}}{_SP}\p{{Lu}}[\p{{L}}-]+"
        rf"(?:[ -]\p{{Lu}}[\p{{L}}-]+)*(?:[ \t]+(?i:cedex)(?:[ \t]+\d{{1,2}})?)?)",
    ),
    # US military mail: "PSC 4817, Box 2265\nAPO AE 09355", "USNS Tallman\nFPO AP 96218".
    _Rule(
        "street_military",
        "STREET_ADDRESS",
        0.85,
        r"(?i)\b(?P<v>(?:(?:PSC|CMR|Unit)[ \t]+\d{1,5},?[ \t]+Box[ \t]+\d{1,5}|"
        r"(?:USNS|USNV|USS|USCGC)[ \t]+\p{L}[\p{L}'’-]*(?:[ \t]+\p{L}[\p{L}'’-]*)?)"
        r"(?:[ \t]+|[ \t]*\r?\n[ \t>]*)(?:APO|FPO|DPO)[ \t]+(?:AA|AE|AP)[ \t]+\d{5})\b",
    ),
    # A street line followed by a flat or suite: "Kirkkotie 14\n Apt. 052", "Via Garibaldi 58 Suite 310"; the
    # lines after it (town, country and postcode) are taken in by the address-block extension.
    _Rule(
        "street_with_unit",
        "STREET_ADDRESS",
        0.8,
        r"(?P<v>(?:\b\d{1,6}[ \t]+)?\p{Lu}[\p{L}.'’-]*[ \t]+(?:\p{L}[\p{L}.'’-]*[ \t]+){0,4}\d{1,5}[a-zA-Z]?\.?,?"
        r"(?:[ \t]+|[ \t]*\r?\n[ \t]*(?:[^\w\s][ \t]*){0,3})"  # the next line may open with a quoting mark
        r"(?:Apt|Apartment|Suite|Ste|Unit|Flat)\.?[ \t]+[\w-]{1,6})\b",
        _street_words_ok,
    ),
    # Indian format ending in a six-digit PIN: "Flat 207, Sunrise Enclave, 14th Cross Road, Indiranagar,
    # Bengaluru, Karnataka 560040".
    _Rule(
        "street_in",
        "STREET_ADDRESS",
        0.85,
        rf"\b(?P<v>(?:(?:Flat|House|Plot|Door|Villa|Apt|No\.?|#)[ \t]*\d[\w/-]{{0,6}}|\d{{1,4}}[A-Za-z]?),{_SP}"
        rf"(?:[\p{{L}}0-9][\p{{L}}0-9 \n.'’-]{{1,40}},{_SP}){{1,7}}\p{{Lu}}[\p{{L}} ]{{2,30}}"
        rf"(?:[ \t]*[-–])?[ \t]*\d{{3}}[ \t]?\d{{3}})\b",
    ),
    # A street name and house number after a place cue, in the many countries where no street word is written
    # ("Trubarjeva 21", "Pod Kaštany 412"): "the bus station is on ...", "drops you off at ... St.".
    _Rule(
        "street_after_place_cue",
        "STREET_ADDRESS",
        0.75,
        r"(?im:\b(?:is|are|was|live[sd]?|living|located|situated|stops?|meet|off|enter|park(?:ed)?|turn)[ \t]+"
        r"(?:on|at|in|onto|into))[ \t]+(?P<v>(?:\d{1,6}[ \t]+)?\p{Lu}[\p{L}'’-]*(?:[ \t]+\p{Lu}[\p{L}'’-]*){0,3}[ \t]+"
        r"\d{1,5}[a-zA-Z]?(?:\.?[ \t]+St\b\.?)?)(?:[ \t]*[,;!?]|\.?[ \t]*$|\.[ \t]|[ \t]+\p{Ll})",
        lambda text, start, end: _street_name_ok(text, start, end, type_first=False),
    ),
    # A house number first and a street of rare words without a street word, after a place cue, ending the clause:
    # "The restaurant is at 4410 218 Vasilou Kastrini", "located at 12 Odos Ermou."
    _Rule(
        "street_number_first_after_cue",
        "STREET_ADDRESS",
        0.7,
        r"(?i:\b(?:is|are|was|live[sd]?|living|located|situated|meet|stay(?:ing)?)[ \t]+(?:at|on|in))[ \t]+"
        r"(?P<v>\d{1,6}(?:[ \t]+\d{1,6})?[ \t]+\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}\p{Ll}+){1,2})"
        r"(?:[ \t]*[,;!?]|\.?[ \t]*$|\.[ \t]|[ \t]*\r?\n)",
        lambda text, start, end: _rare_name_words(text[start:end]),
    ),
    # A street without a street word followed by a town whose name holds a particle, as Czech, German, French and
    # English towns do ("12 Hradecká 31, Kostelec nad Orlicí", "Frankfurt am Main", "Stratford upon Avon").
    _Rule(
        "street_before_town_with_particle",
        "STREET_ADDRESS",
        0.7,
        rf"{_LEFT_EDGE}(?P<v>(?:\d{{1,6}}[ \t]+)?\p{{Lu}}\p{{Ll}}+(?:[ \t]+\p{{Lu}}\p{{Ll}}+)?[ \t]+\d{{1,5}}[a-z]?,"
        r"[ \t]+\p{Lu}\p{Ll}+[ \t]+(?:u|v|nad|pod|am|an|im|bei|ob|sur|sous|lès|upon|on)[ \t]+\p{Lu}\p{Ll}+)",
        lambda text, start, end: _rare_name_words(text[start : text.index(",", start, end)]),
    ),
    # The same in a line written all in lower case: "get off at 51806 kvernvollen 12 st.".
    _Rule(
        "street_after_place_cue_lower",
        "STREET_ADDRESS",
        0.75,
        r"(?m:\b(?:is|are|was|live[sd]?|living|located|situated|stops?|meet|off|enter|park(?:ed)?|turn)[ \t]+"
        r"(?:on|at|in|onto|into))[ \t]+(?P<v>(?:\d{1,6}[ \t]+)?\p{Ll}[\p{Ll}'’-]*(?:[ \t]+\p{Ll}[\p{Ll}'’-]*){0,3}"
        r"[ \t]+\d{1,5}[a-z]?(?:\.?[ \t]+st\b\.?)?)(?:[ \t]*[,;!?]|\.?[ \t]*$|\.[ \t]|[ \t]+\p{Ll})",
        lambda text, start, end: _lower_line(text, start) and _street_name_ok(text, start, end, type_first=False),
    ),
    # A street line written all in lower case, with the town, postcode or country after it on the line:
    # "5120 männikkötie 3, braga, portugal", "318 rúa pinos 27, durban, south africa", "52 4807 ninth avenue suite
    # 310 regina saskatchewan".
    _Rule(
        "street_lower",
        "STREET_ADDRESS",
        0.75,
        rf"{_LEFT_EDGE}(?P<v>\d{{1,6}}(?:[ \t]+\d{{1,6}})?[ \t]+(?:\p{{Ll}}[\p{{Ll}}'’.-]*[ \t]+){{0,4}}?"
        rf"(?:(?i:{_STREET_TYPES})\b\.?|\p{{Ll}}[\p{{Ll}}'’.-]*[ \t]+\d{{1,5}}[a-z]?))",
        lambda text, start, end: _street_lower_ok(text, start, end),
    ),
    # An intersection of a named cross street and a street with a number, where no street word is written:
    # "Emil and Kvistrøa 28"; a street the other rules find takes the cross street in through _address_bounds.
    _Rule(
        "street_intersection",
        "STREET_ADDRESS",
        0.75,
        rf"{_LEFT_EDGE}(?P<v>\p{{Lu}}[\p{{L}}'’-]+[ \t]+(?:and|&)[ \t]+\p{{Lu}}[\p{{L}}'’-]+[ \t]+\d{{1,4}}[a-zA-Z]?)"
        # the clause goes on with a preposition or a conjunction, not a unit ("Globex 12 percent growth")
        r"(?:[ \t]*[.,;?!]|[ \t]*$|[ \t]+(?:in|on|at|for|from|to|by|and|or|is|was|near|next|please|today|tomorrow|"
        r"tonight|now|then|if|when|before|after|until|as)\b)",
        _bare_intersection_ok,
    ),
    # A street corner given as a place: "the corner of 5th Avenue and 42nd Street", "the intersection of Main St
    # and Elm"; one of the two streets must have a number or a street word.
    _Rule(
        "street_corner",
        "STREET_ADDRESS",
        0.8,
        r"(?P<v>(?i:\bthe[ \t]+)?(?i:corner|intersection|junction|crossing)[ \t]+of[ \t]+(?:the[ \t]+)?"
        r"(?:\p{Ll}{1,4}\.[ \t]*)?[\p{Lu}\d][^\n,;:!?()]{1,50}?[ \t]+(?:and|&)[ \t]+(?:\d{1,5}[ \t]+)?"
        r"(?:\p{Ll}{1,4}\.?[ \t]+)?"
        r"[\p{Lu}\d][\p{L}\d'’.-]*(?:[ \t]+(?:\p{Ll}{1,4}\.?[ \t]+)?\p{Lu}[\p{L}'’.-]*){0,3}(?:[ \t]+\d{1,5}\b\.?)?)",
        _corner_ok,
    ),
    # The same in text written all in lower case: a house number on the first street and a street word on the
    # second ("the corner of lindenallee 77 and vessberg courts").
    _Rule(
        "street_corner_lower",
        "STREET_ADDRESS",
        0.75,
        rf"(?P<v>\bthe[ \t]+(?:corner|intersection)[ \t]+of[ \t]+\p{{Ll}}[\p{{Ll}}'’.-]*"
        rf"(?:[ \t]+\p{{Ll}}[\p{{Ll}}'’.-]*){{0,3}}[ \t]+\d{{1,5}}[ \t]+(?:and|&)[ \t]+\p{{Ll}}[\p{{Ll}}'’.-]*"
        rf"(?:[ \t]+\p{{Ll}}[\p{{Ll}}'’.-]*){{0,2}}[ \t]+"
        rf"(?i:{_STREET_TYPES})\b\.?)",
        lambda text, start, end: _corner_ok(text, start, end) and _rare_street_words(text[start:end]),
    ),
    # Card numbers after a card word in any issuer's range (Presidio's pattern knows only some), Luhn-checked.
    _Rule(
        "card_after_word",
        "CREDIT_CARD",
        0.9,
        r"(?i)\b(?:card|cc|visa|mastercard|master[ \t]+card|amex|maestro|jcb|diners|discover)\b[^\d\n]{0,24}"
        r"(?P<v>\d(?:[ -]?\d){11,18})\b",
        _luhn_ok,
    ),
    # Bank account numbers after an account word.
    _Rule(
        "account_after_word",
        "ACCOUNT_NUMBER",
        0.8,
        r"(?i)\b(?:account|acct|a/c|bank[ \t]+account)(?:[ \t]+(?:number|no\.?|#))?[ \t]*(?:is|:|#)?[ \t]*"
        r"(?P<v>\d(?:[ -]?\d){5,19})\b",
    ),
    # "lives at ...", "address: ...", "send it to ...": the rest of the clause, if it holds a number.
    _Rule(
        "address_after_cue",
        "STREET_ADDRESS",
        0.8,
        r"(?i)\b(?:lives?[ \t]+(?:at|on)|living[ \t]+at|(?:home[ \t]+|postal[ \t]+|mailing[ \t]+|street[ \t]+)?address"
        r"(?:[ \t]+is)?[ \t]*:?|send(?:[ \t]+\w+){0,3}[ \t]+to|ship(?:ped)?(?:[ \t]+\w+){0,2}[ \t]+to|"
        r"deliver(?:ed)?(?:[ \t]+\w+){0,2}[ \t]+to|located[ \t]+at|moved[ \t]+to|resid(?:es|ing)[ \t]+at|"
        r"(?:mail|post)[ \t]+it[ \t]+to)[ \t]+(?P<v>[^.!?;\n]{0,60}?\d[^!?;\n]{0,80}?)"
        r"(?:[!?;]|[ \t]*\n|\.[ \t]*(?:\n|$)|\.[ \t]+(?:I|We|He|She|They|The|It|Please|Thanks|Thank|My|Our|This|That|"
        r"Call|Let|You|Can|Could|Will|Would)\b|$)",
        _address_ok,
    ),
    _Rule(
        "phone_after_word",
        "PHONE_NUMBER",
        0.75,
        rf"(?i)\b(?:{_PHONE_WORDS})\b[^\d\n<>+(]{{0,24}}(?:\r?\n[ \t]*)?(?P<v>\+?\(?\d[\d \t().-]{{5,18}}\d"
        rf"{_PHONE_EXT})",
        _digits_ok,
    ),
    # International format without a phone word: "+1 555 010 0123 ext. 88", "+44 (0)20 7946 0958"; the "+" and
    # country code say it is a phone number even where the number is not valid for phonenumbers.
    _Rule(
        "phone_international",
        "PHONE_NUMBER",
        0.7,
        rf"(?:^|[\s,;:(\[<>\"'])(?P<v>\+\d{{1,3}}[ \t.-]?(?:\(\d{{1,4}}\)[ \t.-]?\d{{2,4}}(?:[ \t.-]\d{{2,4}}){{1,3}}|"
        rf"\d{{1,4}}(?:[ \t.-]\d{{2,4}}){{2,4}})"
        rf"{_PHONE_EXT})\b",
        _digits_ok,
    ),
    # A local number without its area code after a possessive: "they texted my registered 555 0143".
    _Rule(
        "phone_local_possessive",
        "PHONE_NUMBER",
        0.7,
        r"(?i:\b(?:my|your|his|her|our|their))(?:[ \t]+[A-Za-z]+){0,2}[ \t]+(?P<v>[2-9]\d\d[ -]\d{4})\b",
        _local_phone_ok,
    ),
    _Rule(
        "phone_before_label",
        "PHONE_NUMBER",
        0.75,
        rf"(?im)(?:^|[\s,;:(\\])(?P<v>\+?\(?\d[\d \t().-]{{5,18}}\d{_PHONE_EXT})"
        rf"[ \t]*-?[ \t]*\(?(?:{_PHONE_LABELS})\b",
        _digits_ok,
    ),
    # Organisations named with a legal form or institution word: "Aldergate Health Ltd", "Keio University".
    _Rule(
        "organisation_suffix",
        "ORGANIZATION",
        0.8,
        r"(?P<v>(?:\b\d{1,3}[ \t]+)?(?:\p{Lu}[\p{L}&'’.-]*(?:[ \t]+|[ \t]*\n[ \t]*&[ \t]+)"
        r"(?:(?:&|und|of|de|del|la|le|et|y|van|von|für)[ \t]+)?){0,4}"
        r"(?:(?:S\.A|S\.p\.A|S\.L|B\.V|N\.V|K\.K|L\.L\.C|Co|"
        r"Sp\.[ \t]z[ \t]o\.o)\.|(?:Ltd|Limited|LLC|LLP|Inc|Incorporated|Corp|Corporation|GmbH|AG|KG|SA|SAS|SARL|"
        r"SpA|BV|NV|Pty(?:[ \t]+Ltd)?|Company|PLC|plc|Oy|AB|AS|A/S|ApS|SE|Group|Holdings|University|College|"
        r"Institute|Bank|"
        r"Foundation|"
        r"Associates|Partners|Consulting|Consultants|Solutions|Systems|Technologies|Laboratories|Labs|Hospital|Clinic|"
        r"Foods|Logistics|Pharma|Pharmaceuticals|Capital|Ventures|Insurance|Airlines|Motors|Analytics|Health|"
        r"Healthcare|Software|Robotics|Energy|Media|Retail|Industries|Enterprises|Networks|Telecom|Studios|"
        r"Electronics|Biotech|Therapeutics|Council|Police|Constabulary|Authority)\b\.?))",
        _organisation_ok,
    ),
    # Universities and institutes, the institution word first or last, in several languages:
    # "University of Lagos", "Technische Universität München", "Universidad Complutense de Madrid".
    _Rule(
        "institution",
        "ORGANIZATION",
        0.8,
        r"(?P<v>(?:\p{Lu}[\p{L}'’-]*[ \t]+){0,3}(?:University|Universität|Universitat|Universidad|Universidade|"
        r"Université|Università|Universiteit|Uniwersytet|Univerzita|Institute|Institut|Instituto|Polytechnic|"
        r"Politecnico|Hochschule|College)(?:[ \t]+(?:(?:of|de|do|da|di|du|für|of[ \t]+the)[ \t]+)?"
        r"\p{Lu}[\p{L}'’-]+){0,3})",
        _organisation_ok,
    ),
    # Sector nouns that are also everyday words: the name before them must hold an uncommon word.
    _Rule(
        "organisation_sector",
        "ORGANIZATION",
        0.75,
        r"(?P<v>(?:\b\d{1,3}[ \t]+)?(?:\p{Lu}[\p{L}&'’.-]*[ \t]+(?:(?:&|and|of)[ \t]+)?){1,4}"
        r"(?:Agency|Transit|Trust|Fund|Brands|Services|Supplies|Products|Resources|Investments|Properties|Realty|"
        r"Construction|Engineering|Manufacturing|Mining|Petroleum|Chemicals|Airways|Aviation|Shipping|Freight|"
        r"Communications|Wireless|Publishing|Entertainment|Productions|Pictures|Apparel|Beverages|Brewing|Brewery|"
        r"Hotels|Resorts|Diagnostics|Biosciences|Genomics|Semiconductors?|Devices|Instruments|Automation|Financial|"
        r"Securities|Advisors|Advisory|Markets|Interactive|Dynamics|Innovations|Trading|Textiles|Mills|Farms|"
        r"Dairy|Bakery|Outfitters|Movers|Unlimited|Worldwide|International|Global)\b)",
        _rare_head_ok,
    ),
    # Family firms: "Thomas and Sons", "Dombey & Son", "Warner Bros.", "Smith & Co. Ltd".
    _Rule(
        "organisation_family",
        "ORGANIZATION",
        0.8,
        r"(?P<v>(?:\p{Lu}[\p{L}'’-]*(?:[ \t]+|[ \t]*\r?\n[ \t]*)){1,2}"
        r"(?:(?:and|&)(?:[ \t]+|[ \t]*\r?\n[ \t]*)(?:Sons?|Brothers|Co\.|Company|Partners|Associates)|"
        r"Bros\.)(?:,?[ \t]+(?:Ltd|LLC|LLP|Inc|plc|PLC|GmbH)\b\.?)?)",
        _organisation_ok,
    ),
    # Firms named after their partners: "Parker, Lindqvist and Osei", "Ernst & Young".
    _Rule(
        "organisation_partners",
        "ORGANIZATION",
        0.75,
        rf"(?P<v>\p{{Lu}}\p{{Ll}}+(?:-\p{{Lu}}\p{{Ll}}+)?(?:(?:,{_SP}\p{{Lu}}\p{{Ll}}+(?:-\p{{Lu}}\p{{Ll}}+)?){{1,3}},?{_SP}(?:and|&)|"
        rf"{_SP}&){_SP}\p{{Lu}}\p{{Ll}}+(?:-\p{{Lu}}\p{{Ll}}+)?)\b",
        _partnership_ok,
        retry_inside=True,
    ),
    # Public bodies and institutions named "X of Y": "Ministry of Health", "Bank of England", "U.S. Department
    # of Justice", "Royal Society of Chemistry".
    _Rule(
        "institution_of",
        "ORGANIZATION",
        0.8,
        r"(?P<v>(?:\p{Lu}[\p{L}'’.-]*[ \t]+){0,3}(?:Ministry|Ministerio|Ministère|Ministerium|Department|Dept\.|"
        r"Bureau|Agency|Commission|Council|Bank|Authority|Federation|Association|Society|Academy|Museum|Hospital|"
        r"Embassy|Consulate)(?:[ \t]+|[ \t]*\r?\n[ \t]*)(?:of|for)[ \t]+(?:the[ \t]+)?\p{Lu}[\p{L}'’-]+"
        r"(?:[ \t]+(?:(?:of|and|&|for|the)[ \t]+)?\p{Lu}[\p{L}'’-]+){0,4})",
        _institution_ok,
    ),
    _Rule(
        "name_after_cue",
        "PERSON",
        0.8,
        rf"(?:(?i:\bmy[ \t]+name[ \t]+is|\bthis[ \t]+is|\bi[ \t]+am|\bi'm|\bspeaking[ \t]+with|\bname[ \t]*:|"
        rf"\bdear|\bcontact[ \t]*:|\bsigned[ \t]*:|\bcustomer[ \t]+name[ \t]*:|\bemployee[ \t]*:|\bcandidate[ \t]*:|"
        rf"\b(?:people[ \t]+|everyone[ \t]+|friends[ \t]+)?calls?[ \t]+me|"
        rf"\b(?:last|first|maiden|family|given|middle|full|sur)[ \t]*name(?:[ \t]+is|[ \t]*[:?])|"
        rf"\b(?:his|her|their|your)[ \t]+name[ \t]+is)"
        rf"[ \t]+(?P<v>{_NAME}))",
        _person_ok,
    ),
    # The employer after "I work for", "worked at", "employed by", "joined": "I work for Quillbyte".
    _Rule(
        "organisation_after_cue",
        "ORGANIZATION",
        0.75,
        r"(?i:\b(?:work(?:s|ed|ing)?[ \t]+(?:for|at)|employed[ \t]+(?:by|at)|(?:a|one)[ \t]+years?[ \t]+at|joined|"
        r"employer[ \t]*(?:is|:)))[ \t]+(?:the[ \t]+)?"
        r"(?P<v>\p{Lu}[\p{L}0-9&'’.-]*(?:[ \t]+(?:&[ \t]+)?\p{Lu}[\p{L}0-9&'’.-]*){0,3})",
        lambda text, start, end: not is_common_word_phrase(text[start:end]),
    ),
    # The employer after a role: "CEO of Lexisnexis", "a director of Harrow Estates Ltd", "engineer at Zillow".
    _Rule(
        "organisation_after_role",
        "ORGANIZATION",
        0.75,
        r"(?i:\b(?:ceo|cto|cfo|coo|cio|founder|co-?founder|president|chair(?:man|woman|person)?|director|"
        r"head|vp|vice[ \t]+president|manager|employee|engineer|partner|spokes(?:person|man|woman)|analyst|"
        r"consultant|intern|officer|shareholder)(?:[ \t]+of[ \t]+[a-z]+(?:[ \t]+[a-z]+)?[ \t]+(?:at|with)|"
        r"[ \t]+(?:at|of|with)))[ \t]+(?:the[ \t]+)?"
        r"(?P<v>\p{Lu}[\p{L}0-9&'’.-]*(?:[ \t]+(?:&[ \t]+)?\p{Lu}[\p{L}0-9&'’.-]*){0,3})",
        _employer_ok,
    ),
    # A name that the sentence says is an organisation: "Brindlecore is a Danish multinational", "Acme was
    # founded in 1987", "Quillbyte is headquartered in", "Hartwell-Osei is a 501(c)3".
    _Rule(
        "organisation_defined",
        "ORGANIZATION",
        0.75,
        rf"(?P<v>{_ORG_NAME})[ \t]+(?:is|was|has[ \t]+been)[ \t]+(?:(?:a|an|the)[ \t]+(?:[\p{{L}}-]+[ \t]+){{0,3}}"
        r"(?i:company|firm|startup|start-up|multinational|corporation|agency|non-?profit|charity|organi[sz]ation|"
        r"consultancy|manufacturer|retailer|provider|vendor|insurer|subsidiary|conglomerate|employer|"
        r"501\(c\)\(?3\)?)|the[ \t]+brainchild[ \t]+of|(?:founded|headquartered|incorporated|established)[ \t]+"
        r"(?:in|by|on)|(?:based|headquartered)[ \t]+(?:in|at|out[ \t]+of))\b",
        _named_org_ok,
    ),
    # An organisation named by what it owns: "the Veloria website", "The Tidemark office is", "the address
    # of Brindlecore is".
    _Rule(
        "organisation_owner_cue",
        "ORGANIZATION",
        0.75,
        rf"(?i:\bthe)[ \t]+(?P<v>{_ORG_NAME})[ \t]+(?i:website|web[ \t]+site|homepage|offices?|headquarters|"
        r"head[ \t]+office|careers[ \t]+page|help[ \t]*desk)\b",
        _named_org_ok,
    ),
    _Rule(
        "organisation_address_of",
        "ORGANIZATION",
        0.75,
        rf"(?i:\baddress[ \t]+of)[ \t]+(?P<v>{_ORG_NAME})[ \t]+(?:is|was)\b",
        _named_org_ok,
    ),
    # A person and the organisation they are with: "Tom Avery from Quillbyte", "Greta Lindahl of Brindlecore".
    _Rule(
        "organisation_of_person",
        "ORGANIZATION",
        0.7,
        rf"\b{_NAME_WORD}(?:[ \t]+\p{{Lu}}\.?)?[ \t]+{_NAME_WORD}[ \t]+(?:of|from)[ \t]+(?P<v>{_ORG_NAME})",
        _org_of_person_ok,
    ),
    # The parties of a case name, as courts cite them: "Donoghue v Stevenson [1932]", "Brown v. Board of
    # Education", "R v Chaytor".
    _Rule(
        "case_party_before_v",
        "PERSON",
        0.75,
        rf"(?:^|[\s(\[\"'“])(?:(?:In|See|Cf\.?|Per|Following|Applying|Citing|Unlike|Like|As|Under|After|Since|"
        rf"Also|And|But|Both|Compare)[ \t]+)?(?P<v>{_NAME})[ \t]+v\.?[ \t]+\p{{Lu}}",
        _party_ok,
        retry_inside=True,
    ),
    _Rule(
        "case_party_after_v",
        "PERSON",
        0.75,
        rf"(?:^|[\s(\[\"'“])(?:R|\p{{Lu}}[\p{{L}}'’.-]+|plc|Ltd\.?|Inc\.?|\p{{L}}*\))[ \t]+v\.?[ \t]+(?P<v>{_NAME})",
        _party_ok,
        retry_inside=True,
    ),
    # Counsel written with initials, as law reports do: "S P Donaghue QC", "with G A Hill for the appellant".
    _Rule(
        "counsel_initials",
        "PERSON",
        0.8,
        rf"(?:^|[\s(,;])(?P<v>(?:\p{{Lu}}\.?[ \t]+){{1,3}}{_NAME_WORD})"
        r"(?:[ \t]*,?[ \t]+(?:QC|KC|SC|SAN|Q\.C\.|K\.C\.)\b|"
        r"[ \t]+(?:appeared[ \t]+)?for[ \t]+the[ \t]+(?:appellants?|respondents?|applicants?|claimants?|defendants?|"
        r"plaintiffs?|petitioners?|Crown|prosecution|accused|interveners?)\b)",
        _counsel_ok,
    ),
    # "Luiza is from Tidemark": where someone is from, when that is no place, country or common word.
    _Rule(
        "organisation_person_is_from",
        "ORGANIZATION",
        0.7,
        rf"\b{_NAME_WORD}(?:[ \t]+{_NAME_WORD})?[ \t]+(?:is|was|comes|came)[ \t]+from[ \t]+(?P<v>{_ORG_NAME})",
        _org_of_person_ok,
    ),
    # "Mr Do", "Mrs. Okafor", "Dr Ana María López": a capitalised name after an honorific.
    _Rule(
        "name_after_honorific",
        "PERSON",
        0.8,
        rf"\b(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Herr|Frau|Mme|Mlle|Sr|Sra)\.?[ \t]+"
        rf"(?:Justice[ \t]+(?:\p{{Lu}}\.[ \t]*){{0,3}})?(?P<v>{_NAME})",
    ),
    # The same in capitals, as court transcripts and headings write them: "MR OKAFOR:", "DR JANE DOE".
    _Rule(
        "name_after_honorific_caps",
        "PERSON",
        0.8,
        rf"\b(?:MR|MRS|MS|MX|MISS|DR|PROF)\.?[ \t]+(?:JUSTICE[ \t]+)?(?P<v>{_CAPS_NAME})\b",
        _person_ok,
    ),
    # Peers and knights, with a territorial designation: "Lord Hughes", "Lady Black", "Sir Geoffrey Vos",
    # "Baroness Hale of Richmond", "Lord Justice Bingham" (the place belongs to the title's name).
    _Rule(
        "name_after_peerage",
        "PERSON",
        0.9,
        rf"\b(?:{_PEER_TITLES})(?:[ \t]+(?:Chief[ \t]+)?Justice)?[ \t]+"
        rf"(?P<v>{_NAME}(?:[ \t]+of[ \t]+{_NAME_WORD}(?:[ \t]+{_NAME_WORD})?)?)",
        _titled_person_ok,
    ),
    # Judicial offices before a name: "Justice Kagan", "Chief Justice Roberts", "Magistrate Judge Ortiz",
    # "HHJ Keyser", "DJ Halloran", "Master Eastman", "Registrar Delacourt", "Recorder Mbeki".
    _Rule(
        "name_after_judicial_title",
        "PERSON",
        0.9,
        rf"\b(?:{_JUDICIAL_TITLES})\.?[ \t]+(?P<v>(?:\p{{Lu}}\.[ \t]*){{0,3}}{_NAME})",
        _titled_person_ok,
    ),
    # The same in capitals, as judgments head their speeches: "LORD SALES", "MR JUSTICE HADLEY".
    _Rule(
        "name_after_title_caps",
        "PERSON",
        0.9,
        rf"\b(?:{_PEER_TITLES_CAPS}|{_JUDICIAL_TITLES_CAPS})[ \t]+(?P<v>{_CAPS_NAME})\b",
        _titled_person_ok,
    ),
    # A party named by its role in a judgment: "Defendant O'Brien", "Plaintiff DeShawn Hale".
    _Rule(
        "name_after_party_role",
        "PERSON",
        0.75,
        rf"\b(?:Plaintiff|Defendant|Claimant|Respondent|Appellant|Appellee|Petitioner|Applicant|Intervenor|Intervener|"
        rf"Relator|Movant)s?[ \t]+(?:(?:Mr|Mrs|Ms|Dr)\.?[ \t]+)?(?P<v>{_NAME})",
        _titled_person_ok,
    ),
    # "Employee: Nowak, Małgorzata": surname, comma, given name after a form field for a person.
    _Rule(
        "name_last_first",
        "PERSON",
        0.8,
        rf"(?i:\b(?:name|employee|candidate|patient|applicant|customer|client|contact|emergency[ \t]+contact|"
        rf"account[ \t]+holder|cardholder))[ \t]*:[ \t]*(?P<v>{_NAME_WORD},[ \t]+{_NAME_WORD}(?:[ \t]+{_NAME_WORD})?)"
        rf"[ \t]*(?:\r?\n|$)",
    ),
    _Rule(
        "name_signoff",
        "PERSON",
        0.8,
        rf"(?i:\b(?:regards|best[ \t]+regards|kind[ \t]+regards|many[ \t]+thanks|thanks|cheers|sincerely|best))"
        rf",?[ \t]*\r?\n[ \t]*(?P<v>{_NAME}|{_CAPS_NAME})[ \t]*(?:\r?\n|$)",
        _person_ok,
    ),
    _Rule("name_display", "PERSON", 0.85, rf"(?P<v>{_NAME})[ \t]*\"?[ \t]*<[^<>@\s]+@"),
)


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
_ADDRESS_LINE = re2.compile(_ADDRESS_LINE_PATTERN, re2_options())
# The same in an address written all in lower case ("port alfred", "ermelo, mp 2351", "apt. 58").
_ADDRESS_LINE_LOWER = re2.compile(
    _ADDRESS_LINE_PATTERN.replace(r"\p{Lu}[\p{L}", r"\p{L}[\p{L}").replace("[A-Z0-9]", "[a-z0-9]"), re2_options()
)


def _quote_prefix(text: str, start: int) -> str:
    """The quoting mark an address line opens with ("> ", "| ", "» "): what stands before ``start`` on its
    line when that is a few marks and no letter or digit; "" otherwise."""
    line_start = text.rfind("\n", max(0, start - 8), start) + 1
    if line_start == 0 and start > 7:
        return ""  # more than six characters before it on its line
    prefix = text[line_start:start]
    if len(prefix) > 6 or any(c.isalnum() for c in prefix):
        return ""
    return prefix.strip()


def _extend_address(text: str, end: int, max_lines: int = 4, start: int = -1) -> int:
    """Extend an address that ends a line over up to ``max_lines`` following address-like lines; with the
    address's ``start``, the lines may repeat the quoting mark its own line opens with. An address written in
    lower case takes in lower-case lines only when the block ends in a postcode or a country."""
    line_end = text.find("\n", end, end + 200)  # bounded: a huge line must not be searched per address
    if line_end < 0 or text[end:line_end].strip(" \t,"):
        return end
    prefix = _quote_prefix(text, start) if start >= 0 else ""
    lower = start >= 0 and not any(c.isupper() for c in text[start:end])
    pattern = _ADDRESS_LINE_LOWER if lower else _ADDRESS_LINE
    extended = end
    for _ in range(max_lines):
        start = line_end + 1
        if prefix and text.startswith(prefix, start):
            start += len(prefix)
        nxt = text.find("\n", start)
        line = text[start : nxt if nxt >= 0 else len(text)]
        if not line.strip() or not pattern.match(line) or len(line) > 60:
            # The block may end in a country, after one blank line or with the sentence going on after it:
            # "Brønderslev\n\nDenmark 8700", "Oslo\nNorway 0150? I moved last week".
            if not line.strip() and nxt >= 0:
                start = nxt + 1
                if prefix and text.startswith(prefix, start):
                    start += len(prefix)
            country_end = max(
                _country_line_end(text, start, lower), _extend_tail(text, start, line_start=True, lower=lower)
            )
            if country_end > start:
                extended = country_end
            elif lower and extended > end and not _POSTAL_END.search(text[end:extended]):
                extended = end  # lower-case lines that end in no postcode or country are prose
            break
        extended = start + len(line.rstrip(" \t,"))
        if nxt < 0 or _country_line_end(text, start, lower) > 0:
            break  # the country is the last line of an address (UPU S42)
        if _POSTAL_END.search(line.rstrip(" \t,")) is not None:
            # after the postcode only a country may follow: "Greyfield\n, CO\n 80123\nThanks" ends at 80123
            nxt_start = nxt + 1 + (len(prefix) if prefix and text.startswith(prefix, nxt + 1) else 0)
            extended = max(extended, _country_line_end(text, nxt_start, lower))
            break
        line_end = nxt
    else:
        if lower and extended > end and not _POSTAL_END.search(text[end:extended]):
            extended = end
    return extended


# The end of a block in lower case: a postcode, perhaps after a region ("\n, ec\n 76634").
_POSTAL_END = re2.compile(r"\d{4,6}(?:-\d{3,4})?[ \t]*$", re2_options())


_COUNTRY_ALIASES = frozenset(
    """usa u.s.a. u.s. us uk u.k. england scotland wales czechia türkiye deutschland españa italia schweiz suisse
    svizzera österreich nederland belgië belgique sverige norge danmark suomi polska ísland éire brasil méxico
    """.split()
)


@cache
def _country_names() -> frozenset[str]:
    """English names of every country and territory (the region names ``phonenumbers`` ships), plus the
    usual short and native forms written on envelopes, casefolded."""
    from phonenumbers.geodata.locale import LOCALE_DATA

    names = {v["aa"].casefold() for v in LOCALE_DATA.values() if not v.get("aa", "*").startswith("*")}
    return frozenset(names | _COUNTRY_ALIASES | {"united states of america", "northern ireland", "great britain"})


_COUNTRY_WORDS = re2.compile(
    r"\p{Lu}[\p{L}'’.-]*(?:[ \t]+(?:(?:and|of|the|And|Of|The)[ \t]+)?\p{Lu}[\p{L}'’.-]*){0,3}", re2_options()
)
_COUNTRY_WORDS_LOWER = re2.compile(r"\p{L}[\p{L}'’.-]*(?:[ \t]+\p{L}[\p{L}'’.-]*){0,3}", re2_options())


def _country_at(text: str, start: int, lower: bool = False) -> int:
    """The end of a country name starting at ``start`` ("New Zealand", "Czech Republic"), or -1; with
    ``lower``, also written in lower case ("south africa")."""
    m = (_COUNTRY_WORDS_LOWER if lower else _COUNTRY_WORDS).match(text[start : start + 60])
    if m is None:
        return -1
    words = m.group(0).split()
    names = _country_names()
    for n in range(len(words), 0, -1):
        phrase = " ".join(words[:n])
        for candidate in (phrase, phrase.rstrip(".,")):
            if candidate.casefold() in names:
                end = text.index(words[n - 1], start) + len(words[n - 1]) - (len(phrase) - len(candidate))
                after = text[end : end + 1]
                if not after or not (after.isalnum() or after in "@/_"):
                    return end
    return -1


_LINE_LEAD = re2.compile(r"[ \t]*(?:>[ \t]*)*", re2_options())
_PAREN_AFTER = re2.compile(r"[ \t]+\(\p{Lu}[\p{L} .'’-]{1,30}\)", re2_options())
_PAREN_AFTER_LOWER = re2.compile(r"[ \t]+\(\p{L}[\p{L} .'’-]{1,30}\)", re2_options())
_POSTCODE_AFTER = re2.compile(r",?[ \t]+(?:[A-Z]{1,2}-)?\d{3,6}(?:-\d{3,4})?", re2_options())


def _country_line_end(text: str, start: int, lower: bool = False) -> int:
    """The end of a line that opens with a country and perhaps its postcode ("Denmark 8700"), or -1; with
    ``lower``, the country may be written in lower case."""
    start += _LINE_LEAD.match(text[start : start + 40]).end()
    end = _country_at(text, start, lower)
    if end < 0:
        return -1
    m = (_PAREN_AFTER_LOWER if lower else _PAREN_AFTER).match(text[end : end + 40])  # "Belgium (Belgique)"
    if m is not None:
        end += m.end()
    m = _POSTCODE_AFTER.match(text[end : end + 20])
    if m is not None and not text[end + m.end() : end + m.end() + 1].isalnum():
        end += m.end()
    after = text[end : end + 1]
    return end if after in ("", "\n", "\r") or after in "?!.,;) \t" else -1


# One word of what may follow a street on its line: a secondary unit ("Suite 210"), a town, a region code, a
# postcode, a country, a note in brackets ("(Belgique)").
_TOWN_PARTICLES = r"u|v|nad|pod|am|an|im|ob|bei|de|del|della|di|da|do|dos|das|du|des|la|le|les|en|sur|upon|y|i"
_TAIL_TOKEN = (
    rf"((?i:{_UNIT_WORDS_RE})\.?[ \t]*#?[ \t]*\d[\w-]{{0,6}}|\d{{4,6}}(?:-\d{{3,4}})?|"
    # Canadian and British postcodes, also when a line break splits them ("M5V\n5B8")
    rf"[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z](?:[ \t]?|[ \t]*\r?\n[ \t]*)\d[ABCEGHJ-NPRSTV-Z]\d|"
    rf"[A-Z]{{1,2}}\d[A-Z\d]?(?:[ \t]+|[ \t]*\r?\n[ \t]*)\d[A-Z]{{2}}|"
    # a town's name may hold particles: "Kostelec nad Orlicí", "Frankfurt am Main", "Castelnau de Montmiral"
    rf"(?:(?:{_TOWN_PARTICLES})[ \t]+)?\p{{Lu}}[\p{{L}}'’.-]*"
    rf"(?:[ \t]+(?:{_TOWN_PARTICLES})[ \t]+\p{{Lu}}[\p{{L}}'’.-]*)*|"
    # a word in lower case: a region code before a postcode, or a word of an address written all in lower case
    r"\p{Ll}[\p{Ll}'’.-]*|"
    r"\(\p{L}[\p{L} .'’-]{1,30}\))"
)
_TAIL_WORD = re2.compile(rf"(,?[ \t]+){_TAIL_TOKEN}", re2_options())
_TAIL_LINE_START = re2.compile(rf"([ \t]*(?:>[ \t]*)*){_TAIL_TOKEN}", re2_options())
_ROUTE_WORDS = frozenset({"highway", "hwy", "route", "rte", "interstate", "turnpike", "freeway", "expressway"})
_LINE_END = re2.compile(r"[ \t]*[.!?]?[ \t]*(?:\r?\n|$)", re2_options())
_UNIT_NUMBER_AFTER = re2.compile(r"\.?[ \t]*#?\d[\w-]{0,6}", re2_options())


def _ends_in_country(text: str, end: int) -> bool:
    """A country name ends at ``end`` ("..., Cyprus", "..., New Zealand")."""
    words = text[max(0, end - 40) : end].split()
    for k in range(1, min(3, len(words)) + 1):
        phrase = " ".join(words[-k:])
        start = end - len(phrase)
        if text[start:end] == phrase and _country_at(text, start) == end:
            return True
    return False


def _extend_tail(text: str, end: int, line_start: bool = False, lower: bool = False) -> int:
    """Extend an address over what follows it on its line when that is a town and region or postcode in the
    way postal services write them, with or without commas: "... BUNDALAGUAH VIC 2000", "... Limassol Cyprus",
    "... Springfield IL", "... OULU", "..., Nicosia (Lefkosia)". A capitalised word alone is not enough:
    it must be followed by a region code, a postcode or a country, or be a town in capitals (UPU usage).
    With ``line_start``, ``end`` is the start of the next line of an address block that the sentence goes on
    after ("TULLN, NO 3430, and ..."). A lower-case code after a comma joins only before a postcode
    ("SPRINGFIELD, il 62701"). With ``lower`` (an
    address written all in lower case), lower-case words are towns and countries ("..., belfast, south africa")."""
    english = load_english_words()
    pos = committed = end
    last_word = text[max(0, end - 12) : end].split()[-1:]
    if not line_start and last_word and last_word[0].casefold().rstrip(".") in _UNIT_WORDS | _ROUTE_WORDS:
        # "18 Rue Kheireddine Apt. 42": the unit's number; "12345 State Highway 6": the route's number
        m = _UNIT_NUMBER_AFTER.match(text[end : end + 12])
        if m is not None:
            pos = committed = end + m.end()
    prev, common = "", False
    if _PAREN_AFTER.match(text[end : end + 40]) is not None and _ends_in_country(text, end):
        prev = "country"  # "..., Belgium (Belgique)": the country ended the match, its note follows
    for i in range(8):
        m = (_TAIL_LINE_START if line_start and i == 0 else _TAIL_WORD).match(text[pos : pos + 60])
        if m is None:
            break
        token_start, token_end = pos + m.start(2), pos + m.end(2)
        after = text[token_end : token_end + 1]
        if after and (after.isalnum() or after in "@/_:"):
            break
        country_end = _country_at(text, token_start, lower)
        token = m.group(2)
        bare_lower = token[0].islower() and not any(c.isupper() for c in token)
        if country_end > 0:
            kind = "country"
            token_end = country_end
        elif bare_lower and not lower:
            if (
                len(token) > 3
                or not token.isalpha()
                or "," not in text[pos:token_start]
                or prev not in ("name", "caps")
            ):
                break
            kind = "lcode"
        elif token[0] not in "(0123456789" and any(c.isdigit() for c in token) and not line_start:
            kind = "unit"
        elif token[0].isdigit():
            kind = "postcode"
        elif any(c.isdigit() for c in token):
            kind = "postal"  # a Canadian or British postcode: its shape says enough
        elif token[0] == "(":
            kind = "paren"
        elif token.rstrip(".").isupper() and sum(c.isalpha() for c in token) >= 2:
            kind = "caps" if sum(c.isalpha() for c in token) >= 3 else "code"
        elif token.casefold().rstrip(".") in _place_names() and english.get(token.casefold(), 0.0) < 4.0:
            kind = "caps"  # a known town commits like one written in capitals: "... Main St Springfield IL"
        else:
            kind = "name"
            if token[0].islower() and not prev and not lower and text[pos:token_start].strip() != "":
                break  # "..., Kostelec nad Orlicí": a particle goes on a town, not the street before a comma
            # "... Main St Then we ...": an everyday word may start the sentence again; it joins the address
            # only when a region code or a country follows it ("123 Ocean Ave Long Beach, CA 90802")
            common = common or english.get(token.split()[0].rstrip(".").casefold(), 0.0) >= 4.0
        if common and kind not in ("name", "code", "country", "postal"):
            break
        if prev == "lcode" and kind != "postcode":
            break
        if kind == "paren" and prev not in ("country", "caps"):
            break  # "(Lefkosia)" names the town or country before it again; '(the "Contractor")' does not
        if kind in ("country", "caps", "unit", "paren", "postal") or (kind == "postcode" and (prev or line_start)):
            committed = token_end
        elif kind == "code" and prev in ("name", "caps", "country"):
            committed = token_end
        elif kind not in ("name", "lcode"):
            break
        if committed == token_end:
            common = False
        pos, prev = token_end, kind
    if prev == "name" and not common and pos > committed and _LINE_END.match(text[pos : pos + 8]) is not None:
        # rare words that end the sentence or the line: "... Apt. 31 Torrequemada Cáceres."
        committed = pos - 1 if text[pos - 1] == "." else pos
    return committed


def _leading_number(text: str, start: int) -> int:
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


_ORG_NOUNS = frozenset(
    """Agency Associates Bank Brands Capital Clinic College Company Consulting Corporation Foundation Group
    Holdings Hospital Industries Institute Insurance Labs Logistics Markets Media Networks Partners Services
    Solutions Studios Systems Technologies Trust University Ventures Unlimited Worldwide International Global
    Movers Analytics Software Energy Foods Pharma Robotics Telecom Electronics Enterprises Productions""".split()
)
_LINE_CONNECTORS = frozenset({"&", "and", "of", "de", "du", "la", "le", "the", "und", "für", "y", "et", "van", "von"})
_ROLE_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "ive")


def _company_line_ok(line: str, role_ok: bool = False) -> bool:
    """A signature line that names an employer: a short title-case name that is not ordinary vocabulary, not a
    person's name and not a job title ("Tidemark", "Veloria Markets", "Hartwell-Osei")."""
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
    if words[-1] in _ORG_NOUNS or words[-1].rstrip(".") in _LEGAL_FORMS or words[-1] in _LEGAL_FORMS:
        return True
    if last.endswith(_ROLE_ENDINGS) and not role_ok:  # "Echocardiographer", "Sales Consultant": a job title
        return False
    english = load_english_words()
    parts = [part for w in words if w not in _LINE_CONNECTORS for part in w.rstrip(".").split("-")]
    if len(parts) >= 2 and all(part[:1].isupper() for part in parts):
        return True  # "Hartwell-Osei", "Veloria Markets": title-case words that are neither vocabulary nor a role
    return any(part.casefold() not in english for part in parts if part.isalpha())


def _person_line(line: str, lower: bool = False) -> bool:
    """A line holding a person's name: it starts with a listed given name ("Alma Jensen") or has a middle
    initial ("Timur K Abdullaev", "Nadia R. Whitfield"); with ``lower``, also written in lower case ("ilse m varga")."""
    words = line.split()
    if not words or not (words[0][:1].isupper() or (lower and words[0].islower())):
        return False
    if words[0].casefold() in load_name_lists()[0]:
        return True
    return 3 <= len(words) <= 4 and any(len(w.rstrip(".")) == 1 and w[0].isalpha() for w in words[1:-1])


def _title_line(line: str) -> bool:
    """A job-title line: its last word is a role ("Labor relations director", "Forklift truck operator")."""
    words = line.split()
    if not words or len(words) > 6 or any(c.isdigit() for c in line):
        return False
    last = words[-1].strip(".,").casefold()
    return last.endswith(_ROLE_ENDINGS) or is_ordinary_vocabulary(last)


_OFFICE_WORDS = frozenset("office offices hq headquarters campus site branch floor building department".split())
_SITE_WORDS = frozenset(
    """office offices hq headquarters campus site branch floor building team department dept division unit desk
    centre center lab plant warehouse studio""".split()
)


def _placed_company_line_ok(line: str) -> bool:
    """A line that stands where a signature puts the employer (under a name and a job title, or under a name in
    a block written in lower case) names it when it is short and no name, title, number or sentence: "Here",
    "lindqvist-osei", "parker, hale and moreno"."""
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


def _signature_organisations(text: str, addresses: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """In a signature or letterhead block, the line above the postal address (above a repeated name line) is
    the organisation: "Jane Roe / Tidemark / 12 Main St / ...", also after a blank line above a postal block,
    and any short line between a name with its job title and the address ("Olga Roe / Forklift truck operator /
    Here / 12 Main St"), or between a name and the address in a block written in lower case. Returns the
    spans of those lines."""
    out = []
    for start, end in addresses:
        line_start = text.rfind("\n", max(0, start - 40), start) + 1
        prefix = _quote_prefix(text, start)
        if (line_start == 0 and start > 40) or (text[line_start:start].strip(" \t>") and not prefix):
            continue  # the address does not open its line
        lower = not any(c.isupper() for c in text[start:end])
        lines = _lines_above(text, line_start, prefix, 4)
        blank = bool(lines) and not lines[0][2]
        if blank:
            lines = lines[1:]  # "Dataweave\n\n<postal block>": one blank line under a letterhead
        for k, (s, e, line) in enumerate(lines[:3]):
            if not line:
                break
            repeated = text.count(f"{line}\n", max(0, s - 300), s) > 0  # a quoted signature's name
            if repeated:
                continue  # a quoted signature repeats the name: pass over it
            under_person = len(lines) > k + 1 and _person_line(lines[k + 1][2], lower)
            under_title = (
                len(lines) > k + 2
                and _title_line(lines[k + 1][2])
                and _person_line(lines[k + 2][2], lower)
                and not _person_line(lines[k + 1][2], lower)
            )
            if not blank and (under_title or (lower and under_person)) and _placed_company_line_ok(line):
                out.append((s, e))
                break
            # ">Ana Roe / >X / >Ana Roe / >address": a line between two copies of the name is the employer, even
            # one that ends like a role ("Open Data Navigator")
            sandwiched = k >= 1 and len(lines) > k + 1 and lines[k + 1][2] == lines[k - 1][2]
            if not blank and sandwiched and _company_line_ok(line, role_ok=True):
                out.append((s, e))
                break
            if (_company_line_ok(line) and (not blank or _letterhead_ok(line, text[start:end]))) or (
                blank and _partnership_line(line)
            ):
                out.append((s, e))
                break
            if blank or not _person_line(line):
                break  # only a person's name line is passed over
    return out


def _letterhead_ok(line: str, address: str) -> bool:
    """A company line above a blank line and a postal block: the block has several lines and the line is no
    surname or given name alone ("Kowalczyk\n\n12 Main Street\n...")."""
    folded = _ascii_fold(line)
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
        lead = len(prefix) if prefix and raw.startswith(prefix) else _LINE_LEAD.match(raw).end()
        body = raw[lead:]
        s = above + lead + (len(body) - len(body.lstrip()))
        out.append((s, s + len(body.strip()), body.strip()))
        pos = above
    return out


_PARTNERS_LINE = re2.compile(
    r"\p{L}[\p{L}'’-]*(?:,[ \t]+\p{L}[\p{L}'’-]*)+,?[ \t]+(?:and|&)[ \t]+\p{L}[\p{L}'’-]*", re2_options()
)


def _partnership_line(line: str) -> bool:
    """A line naming a firm after its partners, in any case: "brown, taylor and walsh"."""
    if _PARTNERS_LINE.fullmatch(line) is None:
        return False
    surnames = load_surnames()
    return all(_ascii_fold(w) in surnames for w in line.replace(",", " ").split() if w not in ("and", "&"))


@cache
def _country_line_re() -> re2._Regexp:
    """Lines that hold a country as written on an envelope, perhaps after a quoting mark and before a postcode,
    also when the sentence goes on after it ("Belgium 3590 for this card"); group ``c`` is the country part."""
    names: set[str] = set()
    from phonenumbers.geodata.locale import LOCALE_DATA

    for v in LOCALE_DATA.values():
        name = v.get("aa", "*")
        if not name.startswith("*"):
            names.add(name)
    alternation = "|".join(sorted((re2.escape(n) for n in names), key=len, reverse=True))
    options = re2_options()
    options.max_mem = _RE2_MAX_MEM
    return re2.compile(
        rf"(?m)^[ \t]*(?:[^\p{{L}}\p{{N}}\s][ \t]*){{0,3}}(?P<c>(?i:{alternation})(?:[ \t]+\([^()\n]{{1,30}}\))?"
        rf"(?:,?[ \t]+(?:[A-Z]{{1,2}}-)?\d{{3,6}}(?:-\d{{3,4}})?)?)(?:[ \t]*$|[ \t]*[.,;!?]|[ \t]+\p{{Ll}})",
        options,
    )


# The last line of a postal block without a country: a postcode alone (" 40217"), or a town, a region after a
# comma and a postcode ("Greyfield, CO 80123"), perhaps with the sentence going on.
_BLOCK_BOTTOM = re2.compile(
    r"(?m)^[ \t]*(?:[^\p{L}\p{N}\s][ \t]*){0,3}(?P<c>(?:[A-Z]{1,2}-)?\d{4,6}(?:-\d{3,4})?|"
    r"(?P<town>\p{L}[\p{L} .'’-]{0,40})(?:,[ \t]*(?:\p{L}{1,4}|\d{1,3}))[ \t]+"
    r"(?:\d{4,6}(?:-\d{3,4})?|\d{3}[ \t]\d{2}))"
    r"(?:[ \t]*$|[ \t]*[.,;!?]|[ \t]+\p{Ll})",
    re2_options(),
)
_QUOTE_MARKS = re2.compile(r"[ \t]*(?:[^\p{L}\p{N}\s][ \t]*){0,3}", re2_options())
# The street line of a postal block in the many countries that write no street word: "Tamme 17",
# "Harbour Crest 77 Lindqvist Falls", "4 Kilnworth".
_BLOCK_STREET_PATTERN = (
    r"(?:\d{1,6}[ \t]+)?\p{Lu}[\p{L}'’.-]*(?:[ \t]+[\p{L}'’.-]+){0,4}[ \t]+\d{1,5}[a-zA-Z]?\.?"
    r"(?:[ \t]+(?:(?:van|von|de|der|den|da|di|du|la|le|del)[ \t]+)?\p{Lu}[\p{L}'’.-]*){0,3}[ \t]*,?|"
    r"\d{1,6}[ \t]+\p{Lu}[\p{L}'’.-]*(?:[ \t]+[\p{L}'’.-]+){0,4}"
)
_BLOCK_STREET = re2.compile(_BLOCK_STREET_PATTERN, re2_options())
_BLOCK_STREET_LOWER = re2.compile(_BLOCK_STREET_PATTERN.replace(r"\p{Lu}", r"\p{L}"), re2_options())
# A secondary unit at the end of a street line ("... 14 Apt. 302").
_UNIT_AT_END = re2.compile(rf"[ \t]+(?i:{_UNIT_WORDS_RE})\.?[ \t]*#?[ \t]*\d[\w-]{{0,6}}[ \t]*,?[ \t]*$", re2_options())
# Where a street may start inside a sentence: a building number, or a capitalised word after a lower-case word
# or a colon ("... it is 2961 Kaselepa 17", "... address with Harbour Crest 77 Lindqvist Falls").
_STREET_OPENING = re2.compile(r"(?:^|[ \t])(\d{1,6}[ \t]+\p{L}|\p{Lu})", re2_options())


def _street_head_ok(street: str) -> bool:
    """The words of a street's name (after a building number, before the house number) are capitalised, name
    particles or no English words ("Kaselepa põik 87"), not a sentence ("It is in Tamme 17")."""
    head = street.split()
    if head and head[0][0].isdigit():
        head = head[1:]
    words = head[: next((k for k, w in enumerate(head) if w[0].isdigit()), len(head))]
    english = load_english_words()
    return all(w[0].isupper() or w in _HEAD_PARTICLES or w.casefold() not in english for w in words)


_HEAD_PARTICLES = frozenset(_PARTICLES_RE.split("|")) | _PARTICLE_WORDS | frozenset("den ten ter y i e a".split())


def _block_street_start(line: str) -> int:
    """Where the street of a postal block starts on ``line`` (its last line above the town), or -1: the whole
    line, or its end after sentence text when that starts with a building number or capitalised words."""
    street = line
    m = _UNIT_AT_END.search(line)
    if m is not None:
        street = line[: m.start()]
    lower = not any(c.isupper() for c in street)
    pattern = _BLOCK_STREET_LOWER if lower else _BLOCK_STREET
    if (
        len(street) <= 60
        and pattern.fullmatch(street) is not None
        and (lower or _street_head_ok(street))
        and _rare_street_words(street)
    ):
        return 0
    for m in _STREET_OPENING.finditer(street):
        i = m.start(1)
        if i == 0 or len(street) - i > 60:
            continue
        before = street[:i].split()
        if not street[i].isdigit():  # capitalised words: after a colon or a word in lower case only
            if not (before[-1].endswith(":") or before[-1].islower()):
                continue
        tail = street[i:]
        if not lower and not _street_head_ok(tail):
            continue
        if pattern.fullmatch(tail) is not None and _rare_street_words(tail):
            return i
    return -1


def _country_blocks(text: str) -> list[tuple[int, int]]:
    """International postal blocks: a street line with a house number, then up to four lines of unit, town
    and region, then a line with the country ("Kaevu 94 / Apt. 5 / Tartu / Estonia 50090") or a postcode
    ("Kaevu 94 / Tartu / 50090"). A block that ends in a postcode needs two lines below the street, or one
    that holds a town, a region after a comma and the postcode ("Greyfield, CO 80123"); the street
    may end a sentence ("... it is 2961 Kaselepa 17") and the sentence may go on after the block."""
    out = []
    country, c = _country_line_re(), _BLOCK_BOTTOM.groupindex["c"]
    cc = country.groupindex["c"]
    # a country that the sentence goes on after without a postcode ("Estonia is ...") needs a town line above it
    bottoms = [
        (m.start(), m.end(cc), "country" if m.end() == m.end(cc) or any(ch.isdigit() for ch in m.group(cc)) else "open")
        for m in country.finditer(text)
    ]
    bottoms += [
        (m.start(), m.end(c), "town" if m.start(c + 1) >= 0 else "postcode") for m in _BLOCK_BOTTOM.finditer(text)
    ]
    for bottom_start, bottom_end, kind in bottoms:
        pos = bottom_start
        lines_below = 1
        for _ in range(5):
            if pos == 0:
                break
            above = text.rfind("\n", max(0, pos - 601), pos - 1) + 1
            if above == 0 and pos > 601:
                break  # a paragraph, not a line of a block
            raw = text[above : pos - 1].rstrip("\r")
            lead = _QUOTE_MARKS.match(raw).end()
            line = raw[lead:].rstrip()
            if not line:
                break
            i = _block_street_start(line)
            if i >= 0 and (kind in ("country", "town") or lines_below >= 2):
                lower = not any(c.isupper() for c in line[i:])
                if lower and kind not in ("country", "open") and _POSTAL_END.search(text[above:bottom_end]) is None:
                    break
                out.append((above + lead + i, bottom_end))
                break
            if len(line) > 60 or (_ADDRESS_LINE.match(line) is None and _ADDRESS_LINE_LOWER.match(line) is None):
                break
            pos = above
            lines_below += 1
    return out


def _rare_street_words(line: str) -> bool:
    """A street line names something: one of its words (or a part of a hyphenated word, "Vana-Kalamaja") is neither
    common English nor vocabulary, or it holds a street word ("41 rue des lilas 12")."""
    english = load_english_words()
    words = [part for w in line.split() for part in w.strip(".,'’").split("-")]
    if any(_STREET_WORD.fullmatch(w) is not None or _STREET_WORD.fullmatch(w.capitalize()) is not None for w in words):
        return True
    return any(
        w.isalpha()
        and w.casefold() not in english
        and not is_ordinary_vocabulary(w)
        and _UNIT_WORDS.isdisjoint({w.casefold()})
        for w in words
    )


def _address_bounds(text: str, start: int, end: int, trim: bool = False) -> tuple[int, int]:
    """An address's span with a leading building number, the town, region, postcode and country after it on
    its line, and the address-block lines below it; with ``trim``, without the sentence words a match opens with."""
    start = _leading_number(text, _trim_lead(text, start, end) if trim else start)
    start = _intersection_start(text, start)
    if text[end : end + 1] == "." and _HU_NUMBER_END.search(text[max(start, end - 24) : end]) is not None:
        end += 1  # "Petőfi u. 23.": the Hungarian house number is an ordinal
    lower = not any(c.isupper() for c in text[start:end])
    return start, _extend_address(text, _extend_tail(text, end, lower=lower), start=start)


_HU_NUMBER_END = re2.compile(
    rf"(?:^|[ \t])(?:{_HU_STREET_WORDS})[ \t]+\d{{1,4}}(?:/[A-Za-z]|[a-zA-Z])?$", re2_options()
)


def _trim_lead(text: str, start: int, end: int) -> int:
    """Where a Hungarian street whose match opens with everyday words really starts: after the words of the
    sentence before it ("enter on kiskert út 41." starts at "kiskert", "We visited Kossuth tér 2." at
    "Kossuth"); one word always stays before the street word."""
    english = load_english_words()
    m = _HU_TYPE_AT.search(text[start:end])
    type_start = start + m.start() if m is not None else end
    while True:
        space = text.find(" ", start, type_start)
        if space < 0:
            break  # the last word before the street word stays
        word = text[start:space]
        if not (word.casefold() in _NOT_IN_NAMES or english.get(word.casefold(), 0.0) >= 4.0):
            break
        start = space + 1
    return start


_HU_TYPE_AT = re2.compile(rf"[ \t](?:{_HU_STREET_WORDS})[ \t]+\d", re2_options())


class ContextDetector(Detector):
    """Applies ``RULES``; each finding covers the rule's ``v`` group."""

    name = "context"

    def __init__(self, rules: Sequence[_Rule] = RULES) -> None:
        options = re2_options()
        # The address rules end in a long optional tail (towns, states, postcodes of many countries); with
        # RE2's default 8 MB budget their DFA overflows and RE2 falls back to its much slower NFA.
        options.max_mem = _RE2_MAX_MEM
        self._rules = [(r, re2.compile(r.pattern, options)) for r in rules]

    def detect(self, texts: Sequence[str]) -> list[list[Finding]]:
        return [self._detect_one(t) for t in texts]

    def _finding(self, rule: _Rule, text: str, start: int, end: int) -> Finding | None:
        """The finding for one match of ``rule`` (its ``v`` group at ``start:end``), or None if rejected."""
        if start < 0 or end <= start:
            return None
        value = text[start:end].rstrip(" \t.,;-")
        if (
            rule.entity == "ORGANIZATION"
            and text[start + len(value) : end].startswith(".")
            and (_ABBREVIATION.search(value) is not None)
        ):
            value += "."  # "Acme Inc." and "Sunmore K.K." keep their full stop
        end = start + len(value)
        if rule.entity == "ORGANIZATION":
            start = _organisation_start(text, start, end)
        if end <= start or (rule.check is not None and not rule.check(text, start, end)):
            return None
        if rule.entity == "STREET_ADDRESS":
            # A slice: RE2 encodes the whole text it is given, so match(text, pos) is linear in the text.
            if _HTTP_STATUS.match(text[start : start + 64]) is not None:
                return None  # "502 Bad Gateway": a status line
            start, end = _address_bounds(text, start, end, trim=rule.name == "street_hu")
        return Finding(rule.entity, start, end, rule.score, f"{self.name}.{rule.name}")

    def _retry_inside(self, rule: _Rule, compiled: re2._Regexp, text: str, start: int, end: int) -> Finding | None:
        """The first acceptable match of ``rule`` inside ``text[start:end]`` that starts at a later word."""
        group = compiled.groupindex["v"]
        while start >= 0 and (space := text.find(" ", start, end)) >= 0:
            start = space + 1
            match = compiled.search(text[start:end])  # a slice: a short copy, not the whole text again
            if match is None:
                return None
            finding = self._finding(rule, text, start + match.start(group), start + match.end(group))
            if finding is not None:
                return finding
            start += match.start(group)
        return None

    def _detect_one(self, text: str) -> list[Finding]:
        found: dict[tuple[str, int, int], Finding] = {}
        for rule, compiled in self._rules:
            group = compiled.groupindex["v"]
            for match in compiled.finditer(text):
                finding = self._finding(rule, text, *match.span(group))
                if finding is None and rule.retry_inside:
                    finding = self._retry_inside(rule, compiled, text, match.start(group), match.end(group))
                if finding is None:
                    continue
                key = (rule.entity, finding.start, finding.end)
                if key not in found or (finding.score, finding.detector) > (found[key].score, found[key].detector):
                    found[key] = finding
        for entity, start, end in find_field_values(text):
            if entity == "STREET_ADDRESS":
                start, end = _address_bounds(text, start, end)
            key = (entity, start, end)
            if key not in found:
                found[key] = Finding(entity, start, end, 0.85, f"{self.name}.field")
        for start, end in _country_blocks(text):
            start = _leading_number(text, start)
            key = ("STREET_ADDRESS", start, end)
            if key not in found:
                found[key] = Finding("STREET_ADDRESS", start, end, 0.75, f"{self.name}.postal_block")
        addresses = sorted({(f.start, f.end) for f in found.values() if f.entity_type == "STREET_ADDRESS"})
        for start, end in _signature_organisations(text, addresses):
            key = ("ORGANIZATION", start, end)
            if key not in found:
                found[key] = Finding("ORGANIZATION", start, end, 0.75, f"{self.name}.signature_organisation")
        return sorted(found.values(), key=lambda f: (f.start, f.end, f.entity_type, f.detector))


@register_detector("context")
def _build(config: ScrublineConfig) -> Detector:
    return ContextDetector()
