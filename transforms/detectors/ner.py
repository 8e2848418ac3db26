"""spaCy named-entity detection: the installed model named in config, batched, chunked for long texts.

The model is loaded from an installed package (or a local path) and never downloaded. Only the
components NER needs are loaded. Texts longer than a chunk are split into overlapping windows; an
entity is kept by the window that owns its start, so an entity straddling a window edge is still
found whole as long as it is shorter than half the overlap.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from transforms.config import NlpConfig, ScrublineConfig
from transforms.detectors.base import Detector, register_detector
from transforms.detectors.ner_terms import (
    acronym_expansion,
    certification_phrase,
    degree_before_subject,
    degree_subject,
    field_phrase,
    job_title,
    ranked_office,
    rare_word,
    skill_word_phrase,
    software_phrase,
    technical_text,
    title_continues,
    title_domain,
)
from transforms.detectors.places import country_names, place_names
from transforms.detectors.text_shapes import chunk_spans, in_tool_list, in_vocabulary_list, technical_nearby
from transforms.lexicon.names import (
    first_name_ranks,
    load_acronym_words,
    load_capitalised_words,
    load_english_words,
    load_name_lists,
    load_surnames,
    load_unlisted_words,
    surname_rank,
)
from transforms.lexicon.thresholds import int_threshold, threshold
from transforms.lexicon.vocabulary import (
    EDGE_WORDS,
    TECHNICAL_VOCABULARY,
    VENDORS,
    degree_field_before,
    imperative,
    is_chat_word,
    is_identifier,
    is_ordinary_vocabulary,
)
from transforms.records import Finding

__all__ = ["ModelNotInstalled", "SpacyNerDetector", "entity_pieces", "load_ner_pipeline"]

_BATCH_CHARS = 100_000
_NOT_NEEDED = ["tagger", "parser", "attribute_ruler", "lemmatizer", "senter", "morphologizer", "entity_linker"]


# Characters no name contains: line and field breaks, quotes, brackets, code operators, list bullets, and
# runs of blanks (the line breaks of a document flattened to one line: "Skills  Photoshop  Jane Roe").
# spaCy's small model often runs an entity over them ('Acme Ltd",QA Lead', "Pooja Banerjee\nSolutions
# Architect", 'UUID("32950bc6'), so an entity is cut there and each piece judged on its own.
_BREAK = re.compile(r"""[\n\r\t"`<>{}\[\]()=|;·•@/\\]|,|:(?:\s|$)|\s[—–-]\s|[ \u00a0]{2,}""")
_WORD = re.compile(r"\S+")
_EDGE_PUNCT = " ,:;!?'’*#&-"
# A field label follows the entity: "Maintainer: ...", "Modified by: ...".
_LABEL_AFTER = re.compile(r"[ \t]*(?:by[ \t]*)?:(?:\s|$)")
# Agent nouns that label a field ("Maintainer", "Reviewer", "Assignee", "Approver").
_AGENT_NOUN = re.compile(r"(?i)[a-z]{3,}(?:er|or|ee|ant|ist)$")
# One word naming a role, not a person: "Salesperson", "Chairwoman", "Spokespeople".
_ROLE_NOUN = re.compile(r"(?i)[a-z]+(?:person|people|woman|women)")
# A PERSON entity made only of English words at least this common (Zipf), none a first name or a surname
# within this census rank, is a phrase ("Idle Thoughts"), not a name.
_COMMON_ZIPF = threshold("ner_common_zipf")
# In technical prose, an organisation that is one word as common as this ("Connection refused", "Running")
# is that word; rarer words that are also brands ("Deloitte", "Spotify") stay, and so does any organisation
# outside technical prose ("fly with United").
_COMMON_ORG_ZIPF = threshold("ner_common_org_zipf")
_SURNAME_RANK = int_threshold("ner_surname_rank")
# A word ending in "-ed" at least this frequent in English, no first name or surname, opening an entity is a verb.
_PAST_VERB_ZIPF = threshold("ner_past_verb_zipf")
# A word written in lower case in dictionaries, as common as this, is no name or organisation when nothing but
# spaCy says so and its letter case is no evidence: shouted ("AWESOME", "BAD advice"), typed in lower case
# ("gon", "sec") or opening a sentence ("Quit complaining", "Super video"). Census surnames and first names
# within these ranks stay ("FORD", "Trump"), and so do first names rarer than ``_PLAIN_NAME_ZIPF`` as words
# ("IDRIS", "conor") and acronyms ("NASA", see ``load_acronym_words``).
_PLAIN_ZIPF = threshold("ner_plain_zipf")
_PLAIN_SURNAME_RANK = int_threshold("ner_plain_surname_rank")
_PLAIN_FIRST_RANK = int_threshold("ner_plain_first_rank")
_PLAIN_NAME_ZIPF = threshold("ner_plain_name_zipf")
# A given name the model calls an organisation or a place is a person when rarer than this as a word.
_GIVEN_ALONE_MAX_ZIPF = threshold("ner_given_alone_max_zipf")
# Census surnames among the most frequent English words count only within this rank ("White", not "So").
_PLAIN_WORD_ZIPF = threshold("ner_plain_word_zipf")
_PLAIN_WORD_SURNAME_RANK = int_threshold("ner_plain_word_surname_rank")
# What may stand between a sentence end (or a line start) and the first word of the sentence.
# A capitalised word and one space just before a position.
_WORD_BEFORE = re.compile(r"(?:^|(?<=[\s(\"']))([A-Z][a-z]+(?:['’-][A-Za-z]+)?) $")
# Words that join the parts of a name ("Marks & Spencer", "Bank of the West").
_JOINERS = frozenset({"&", "and", "of", "the", "n"})
_SENTENCE_GAP = frozenset(" \t\"'“‘(*>-")
# A word with a capital inside it after a lower-case letter, or after a run of capitals ("StrictMode",
# "DevTools", "OkHttp", "SELinux", "XGBoost"): in technical prose, an identifier or a product name...
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]|[A-Z]{2}[a-z]")
# ...unless it has the shape of a name with a particle or prefix (McDonald, MacArthur, DeShawn, LaToya,
# DiCaprio, VanDyke, FitzGerald); listed first names and surnames are kept too.
_NAME_PREFIX = re.compile(r"(?:Mc|Mac|Fitz|De|Di|Da|Du|La|Le|Van|Von|St)[A-Z][a-z]+(?:['’]s)?")
# Code around a word: a scheme or a host:port after it ("jdbc:postgresql://", "redis:6379"), a path,
# member access or an assignment next to it ("/var/log", "spring.datasource", "=Value"); not a legal form
# or a unit and house number ("A/S", "81/55", "21/208 Chapel Street").
_CODE_BEFORE = frozenset("/\\.:_=$~`")
_CODE_AFTER = re.compile(r"/[a-z/]|[\\_=(<`]|[.:][A-Za-z0-9/]")
# Software after a name makes it a product: a kind of software ("the Fixnum class", "Kendo UI library",
# "Mandrill API") or a dotted version number ("Sitecore 8.0", "Mule 3.1.3", "v2.4").
_SOFTWARE_AFTER = re.compile(
    r"(?i)[ \t]+(?:class|classes|library|libraries|framework|frameworks|plugin|plugins|plug-in|package|packages|"
    r"module|modules|api|apis|sdk|sdks|app|apps|application|engine|method|methods|function|functions|object|"
    r"objects|instance|instances|component|components|widget|widgets|control|controls|extension|extensions|"
    r"driver|drivers|interface|runtime|compiler|ide|toolkit|dll|jar|gem|crate|npm|pod|wrapper|bindings|"
    r"v?\d+(?:\.\d+)+)\b"
)
# "&" or "and" between the parts of an entity.
_CONJUNCTION = re.compile(r"\s+(?:&|and)\s+")
# A dotted version number ending an entity: "Grafelix 4.2.1", "Nimbus v2.0".
_VERSION_END = re.compile(r"\s(?:v|V)?\d+(?:\.\d+)+$")
# A law-report citation: a reporter abbreviation between a volume or bracketed year and a page
# ("510 U.S. 17", "[2017] UKSC 67", "123 F.3d 456", "45 F. Supp. 2d 789", "(2019) 269 FCR 176").
_CITATION_BEFORE = re.compile(r"(?:\d|\[\d{4}\]|\(\d{4}\))[ \t]+$")
_CITATION_AFTER = re.compile(r"[ \t]+\d")
# Reporter words: dotted ("U.S.", "F.3d"), abbreviated ("Supp."), capitals ("UKSC", "FCR"), series ("2d"),
# or a short word beside capitals ("EWCA Civ"); a street ("2745 Via Garibaldi 58") has none of the first four.
_REPORTER_WORD = re.compile(r"[A-Z](?:\.[A-Za-z0-9]+)+\.?|[A-Z][a-z]{0,4}\.|[A-Z]{2,6}|\d[a-z]{1,2}\.?")
_REPORTER_SHORT = re.compile(r"[A-Z][a-z]{1,3}")
# A statute or treaty ("Data Protection Act", "Working Time Regulations"): a law, not an organisation.
_STATUTE = re.compile(r"(?:\S+ )+(?:Act|Acts|Regulations|Directive|Convention|Treaty|Statute|Ordinance)")
# An acronym of capitals only ("LKML", "ALB", "DAO"): in technical prose, a term, not an organisation.
_ACRONYM = re.compile(r"[A-Z]{3,5}s?")
# Tool words or code tokens near an entity that make the text technical prose (``text_shapes.technical_nearby``).
_TECH_MIN = int_threshold("ner_tech_min")
# Legal forms spaCy may find alone after a comma ("NORTHSTAR LOGISTICS, INC."): part of a name, never vetoed.
_LEGAL_FORMS = frozenset(
    "inc inc. ltd ltd. llc llp plc corp corp. co co. limited company gmbh ag sa sons brothers partners".split()
)


def entity_pieces(text: str, vocabulary: Callable[[str], bool] | None = None) -> list[tuple[int, int]]:
    """The parts of an NER entity worth keeping, as (start, end) offsets into ``text``.

    The entity is cut at characters no name contains; a piece that ``vocabulary`` says is vocabulary as a
    whole ("Museum Outreach Coordinator") is dropped; each other piece loses leading and trailing greeting,
    honorific and job-title words ("Hi", "Mr", "Solutions Architect") and identifiers (numbers, hex ids,
    ``snake_case``, ``file.ext``); a piece left empty, made only of ordinary vocabulary, or a verb in the past
    tense before vocabulary ("Completed Masters in Law"), is dropped.
    """
    pieces = []
    start = 0
    for cut in [*_BREAK.finditer(text), None]:
        end = cut.start() if cut is not None else len(text)
        words = [m.span() for m in _WORD.finditer(text, start, end)]
        if words and _vocabulary_piece(text, words, vocabulary):
            words = []
        while words and _trimmable(text[words[0][0] : words[0][1]]):
            words.pop(0)
        while words and _trimmable(text[words[-1][0] : words[-1][1]]):
            words.pop()
        if words:
            s, e = words[0][0], words[-1][1]
            while e > s and text[e - 1] in _EDGE_PUNCT:
                e -= 1
            while s < e and text[s] in _EDGE_PUNCT:
                s += 1
            letters = sum(c.isalpha() for c in text[s:e])
            if letters >= 2 and not is_ordinary_vocabulary(text[s:e]):
                pieces.append((s, e))
        if cut is not None:
            start = cut.end()
    return pieces


def _vocabulary_piece(text: str, words: list[tuple[int, int]], vocabulary: Callable[[str], bool] | None) -> bool:
    """The piece of these words is vocabulary as a whole (``vocabulary``), or a verb in the past tense before
    vocabulary ("Completed Masters in Law")."""
    if vocabulary is not None and vocabulary(text[words[0][0] : words[-1][1]].strip(_EDGE_PUNCT)):
        return True
    if len(words) < 2 or not _past_verb(text[words[0][0] : words[0][1]]):
        return False
    rest = text[words[1][0] : words[-1][1]].strip(_EDGE_PUNCT)
    return is_ordinary_vocabulary(rest) or (vocabulary is not None and vocabulary(rest))


def _trimmable(word: str) -> bool:
    core = word.strip(_EDGE_PUNCT + '()[]"')
    if not core or core.casefold() in EDGE_WORDS or is_chat_word(core) or not any(c.isalnum() for c in core):
        return True  # "Hi", "Mr", "lol", "hahaha", an emoji
    # Code-like tokens (x86_64, v2.1.12, beb7) go; plain numbers stay (house numbers, postcodes: "Lange Voorhout 14").
    return any(c.isalpha() for c in core) and is_identifier(core)


def _past_verb(word: str) -> bool:
    """A common English word in "-ed" that is no first name or surname: a verb in the past tense ("Completed",
    "Obtained"), or a name's first word ("United"), so it is cut off only before vocabulary; not "Fred" or
    "Reed"."""
    folded = word.strip(_EDGE_PUNCT).casefold()
    return (
        len(folded) >= 5
        and folded.endswith("ed")
        and folded.isalpha()
        and _english().get(folded, 0.0) >= _PAST_VERB_ZIPF
        and folded not in first_name_ranks()
        and surname_rank(folded) > _SURNAME_RANK
    )


def _opens_sentence(text: str, start: int) -> bool:
    """True if the word at ``start`` opens the text, a line, a sentence or a list item (after blanks, quotes,
    brackets, a bullet), or a field of a document flattened to one line (after a run of blanks)."""
    i = start
    while i > 0 and start - i < 20 and text[i - 1] in _SENTENCE_GAP:
        i -= 1
    return i == 0 or text[i - 1] in ".!?\n…•·▪◦❖➢►" or "  " in text[i:start]


def _in_code(text: str, start: int, end: int) -> bool:
    """True if code touches ``start:end``: a path, member access, scheme or assignment around it."""
    before = text[start - 1] if start > 0 else ""
    if before in _CODE_BEFORE and (before != "/" or text[start - 2 : start - 1].isalpha()):
        return True
    return _CODE_AFTER.match(text, end) is not None


def _software_context(text: str, end: int, value: str) -> bool:
    """A kind of software or a version number after the entity ("the Trindle API"), or a version ending it
    ("Grafelix 4.2.1"): a product."""
    return _SOFTWARE_AFTER.match(text, end) is not None or _VERSION_END.search(value) is not None


def _reporter(value: str) -> bool:
    """The abbreviation of a law report: reporter words, and short words only beside capitals."""
    words = value.split()
    marked = [_REPORTER_WORD.fullmatch(w) is not None for w in words]
    short = [
        _REPORTER_SHORT.fullmatch(w) is not None and _english().get(w.casefold(), 0.0) < _COMMON_ORG_ZIPF for w in words
    ]
    return len(words) <= 4 and any(marked) and all(m or s for m, s in zip(marked, short, strict=True))


def _technical_acronym(value: str, entity: str, whole: str) -> bool:
    """A one-word acronym found as a place or organisation that names no country or town ("SCADA", "JVM"):
    in technical prose, a term."""
    return (
        entity in ("LOCATION", "ORGANIZATION")
        and len(whole.split()) == 1
        and _ACRONYM.fullmatch(value) is not None
        and value.casefold() not in country_names()
        and value.casefold() not in place_names()
    )


def _english() -> dict[str, float]:
    """English Zipf frequencies (``lexicon.names.load_english_words``, loaded once per process)."""
    return load_english_words()


def _technical(text: str, start: int, end: int, minimum: int = _TECH_MIN) -> bool:
    """True if at least ``minimum`` programming languages, tools or products appear near ``start:end``."""
    return technical_nearby(text, start, end, minimum=minimum)


class ModelNotInstalled(RuntimeError):
    """The configured spaCy model is neither an installed package nor a model directory."""


def load_ner_pipeline(model: str) -> Any:
    """Load ``model`` with only the components NER needs; raise ModelNotInstalled, never download."""
    import spacy

    if not Path(model).is_dir() and importlib.util.find_spec(model) is None:
        raise ModelNotInstalled(
            f"spaCy model {model!r} is not installed; install its package (scrubline never downloads models)"
        )
    nlp = spacy.load(model, exclude=_NOT_NEEDED)
    if "ner" not in nlp.pipe_names:
        raise ModelNotInstalled(f"spaCy model {model!r} has no 'ner' component")
    if "tok2vec" in nlp.pipe_names and "ner" not in getattr(nlp.get_pipe("tok2vec"), "listening_components", []):
        nlp.remove_pipe("tok2vec")
    return nlp


class SpacyNerDetector(Detector):
    """Maps spaCy NER labels to scrubline entity types (``nlp.labels``); other labels are ignored, and so
    are entities made only of ordinary technical or business vocabulary (``vocabulary.py``)."""

    name = "spacy_ner"
    #: The types of the default ``nlp.labels`` mapping; ``entity_types_for`` adds the config's own.
    entity_types = frozenset(NlpConfig().labels.values())

    @classmethod
    def entity_types_for(cls, config: ScrublineConfig) -> frozenset[str]:
        """The default mapping's types plus every type ``nlp.labels`` maps a spaCy label to."""
        return cls.entity_types | frozenset(config.nlp.labels.values())

    def __init__(self, nlp: Any, cfg: NlpConfig) -> None:
        self._nlp = nlp
        self._labels = dict(cfg.labels)
        self._score = cfg.score
        self._batch_size = cfg.batch_size
        self._chunk = cfg.chunk_chars
        self._overlap = cfg.chunk_overlap
        self._words: tuple[dict[str, float], frozenset[str], dict[str, int], frozenset[str]] | None = None
        # For one detect() call: id(text) -> ner_terms.technical_text, and (id(text), word) shown to be software.
        self._technical_texts: dict[int, bool] = {}
        self._products: set[tuple[int, str]] = set()

    def _label(self, text: str, start: int, end: int) -> bool:
        """A field label at the start of a line ("Maintainer:", "Modified by:"): one or two ordinary words or
        agent nouns, never a speaker's name ("John:", "Tariq:")."""
        if not _LABEL_AFTER.match(text, end) or "\n" in text[start:end]:
            return False
        line_start = text.rfind("\n", 0, start) + 1
        if text[line_start:start].strip():
            return False
        words = text[start:end].split()
        return len(words) <= 2 and (
            self._common_words(text[start:end]) or all(_AGENT_NOUN.search(w) is not None for w in words[-1:])
        )

    def _word_lists(self) -> tuple[dict[str, float], frozenset[str], dict[str, int], frozenset[str]]:
        """English Zipf frequencies, first names, surname ranks and capitalised-only words, loaded once."""
        if self._words is None:
            self._words = (load_english_words(), load_name_lists()[0], load_surnames(), load_capitalised_words())
        return self._words

    def _common_words(self, value: str, zipf: float = _COMMON_ZIPF) -> bool:
        """True for a "person" made only of common English words that are neither first names, surnames nor
        words written only capitalised ("Gratitude", "Idle Thoughts"); "Grace", "Obama" and "Will Smith" stay."""
        english, first, surnames, capitalised = self._word_lists()
        words = [w.strip(_EDGE_PUNCT + ".").casefold() for w in value.split()]
        return all(
            english.get(w, 0.0) >= zipf
            and w not in first
            and w not in capitalised
            and surnames.get(w, _SURNAME_RANK + 1) > _SURNAME_RANK
            for w in words
        )

    def _plain_word(self, word: str) -> bool:
        """A common English word that dictionaries write in lower case: not only capitalised ("Obama"), not an
        acronym ("NASA"), listed in them ("Spotify" is not), not a frequent census surname or first name ("Ford",
        "Grace"), not a first name that is a rare word ("Idris")."""
        english, first, _, capitalised = self._word_lists()
        folded = word.strip(_EDGE_PUNCT + ".").casefold()
        zipf = english.get(folded, 0.0)
        return (
            zipf >= _PLAIN_ZIPF
            and not (folded in first and zipf < _PLAIN_NAME_ZIPF)
            and folded not in capitalised
            and folded not in load_acronym_words()
            and folded not in load_unlisted_words()
            and surname_rank(folded) > (_PLAIN_SURNAME_RANK if zipf < _PLAIN_WORD_ZIPF else _PLAIN_WORD_SURNAME_RANK)
            and first_name_ranks().get(folded, _PLAIN_FIRST_RANK + 1) > _PLAIN_FIRST_RANK
        )

    def _case_says_nothing(self, text: str, start: int, end: int, entity: str, whole: str) -> bool:
        """An entity whose only evidence would be its letter case, made of plain words (``_plain_word``) or chat
        words: shouted ("AWESOME", "SO WOW", "LMAOO"; several words only with a chat word in the whole entity,
        so "GENERAL ELECTRIC" stays), or, for an organisation or place, words in lower case ("gon", "gon win dis") or
        one word opening a sentence ("Quit complaining", "Super video")."""
        words = [w.strip(_EDGE_PUNCT + ".") for w in text[start:end].split()]
        if not words or not all(words) or any(w.casefold() in _LEGAL_FORMS for w in text[start:end].split()):
            return False  # "INC.", "LIMITED": a legal form is part of a name
        if all(w.isupper() and len(w) >= 2 for w in words):
            chat = [is_chat_word(w) for w in words]
            if len(words) > 1 and not any(is_chat_word(w) for w in whole.split()):
                return False
            return all(c or self._plain_word(w) for c, w in zip(chat, words, strict=True))
        if entity == "PERSON":
            return False
        if len(words) > 1:  # in lower case only: "Home Depot" and "General Motors" are plain words too
            return all(w.islower() for w in words) and all(
                is_chat_word(w) or w in _JOINERS or len(w) <= 2 or self._plain_word(w) for w in words
            )
        return (words[0].islower() or _opens_sentence(text, start)) and self._plain_word(words[0])

    def _given_name_before(self, text: str, start: int) -> int:
        """Start of a person's name that spaCy found without its first word: a capitalised word just before it
        that dictionaries write only capitalised or that is a listed first name rare as a word ("Bartholomew" in
        "the quick reply Bartholomew Poirot"); ``start`` otherwise."""
        m = _WORD_BEFORE.search(text, max(0, start - 40), start)
        if m is None:
            return start
        word = m.group(1)
        folded = word.casefold()
        english, first, _, capitalised = self._word_lists()
        if (
            folded in TECHNICAL_VOCABULARY
            or folded in EDGE_WORDS
            or is_chat_word(word)
            or not (folded in capitalised or (folded in first and english.get(folded, 0.0) < _PLAIN_NAME_ZIPF))
        ):
            return start
        return m.start(1)

    def _not_a_name(self, text: str, start: int, end: int, entity: str, whole: str) -> bool:
        """Technical and legal words spaCy takes for names: software (``_software``), a degree's subject, a
        law-report citation, a statute, vocabulary phrases, and in technical prose an acronym or a single
        common word as an organisation."""
        value = text[start:end]
        if _in_code(text, start, end):
            return True  # "jane.doe", "/home/jdoe": a name may stand in code, so no evidence for the whole text
        if self._software(text, start, end, entity, whole) or self._vocabulary_acronym(text, start, end, entity):
            self._products.add((id(text), value.casefold()))  # so every mention in the text is vocabulary
            return True
        if self._vocabulary_context(text, start, end, entity):
            return True
        if (
            _reporter(value)
            and _CITATION_BEFORE.search(text, max(0, start - 8), start) is not None
            and _CITATION_AFTER.match(text, end) is not None
        ):
            return True
        if entity != "LOCATION" and _STATUTE.fullmatch(value) is not None:
            return True
        if self._vocabulary_phrase(value, entity):
            return True
        if value.casefold() in VENDORS and _technical(text, start, end):
            return True  # "Apple builds with Xcode": the vendor's product in technical prose
        tech_text = self._technical_text(text)
        if _technical_acronym(value, entity, whole) and (tech_text or _technical(text, start, end)):
            return True
        single_org = entity == "ORGANIZATION" and len(whole.split()) == 1 and value.casefold() not in _LEGAL_FORMS
        if not single_org or not _technical(text, start, end):
            return False
        return _ACRONYM.fullmatch(value) is not None or self._common_words(value, _COMMON_ORG_ZIPF)

    def _vocabulary_acronym(self, text: str, start: int, end: int, entity: str) -> bool:
        """An acronym in brackets after the vocabulary it stands for: "Certified Food Inspector (|CFI|)";
        not "Zentrova Holdings (|ZH|)"."""
        expansion = acronym_expansion(text, start, end)
        return expansion is not None and self._vocabulary_part(expansion, entity, plain_words=False)

    def _vocabulary_context(self, text: str, start: int, end: int, entity: str) -> bool:
        """Vocabulary by what stands around it: a degree's subject ("Diploma in |Marine Surveying", "BA, |Early
        Childhood"), an item of a list of vocabulary, a job title whose head noun the model left out ("Regional
        Sales| Manager"), the unit a title is of ("Director of |Student Services"), or a degree's abbreviation
        before its subject ("BS|, Physics")."""
        if degree_field_before(text, start) or self._vocabulary_item(text, start, end, entity):
            return True
        value, plain = text[start:end], self._plain_word
        before = text[max(text.rfind("\n", 0, start) + 1, start - 80) : start]
        if degree_subject(before, value, plain):
            return True
        if entity == "LOCATION":
            return False
        return (
            degree_before_subject(text, start, end)
            or title_continues(value, text[end : end + 40], plain)
            or title_domain(before, value, plain)
        )

    def _software(self, text: str, start: int, end: int, entity: str, whole: str) -> bool:
        """Evidence that ``text[start:end]`` names software: an item of a tools list, a kind of software or a
        version after it, a software phrase, and in technical prose a single-word skill name ("Pyspark"), a
        CamelCase word of code ("DataTable"; two tool words or code tokens near it, links not counted, so a handle
        beside chat links, "JaneDoeTV https://...", stays) or one unlisted word as an organisation ("Fixnum")."""
        value = text[start:end]
        if (
            in_tool_list(text, start, end)
            or _software_context(text, end, value)
            or software_phrase(value, self._plain_word)
        ):
            return True
        tech_text = self._technical_text(text)
        if skill_word_phrase(value, self._plain_word) and (
            tech_text or technical_nearby(text, start, end, minimum=_TECH_MIN - 1)
        ):
            return True
        if (
            _INNER_CAPITAL.search(value) is not None
            and self._camel_code(value.split())
            and (tech_text or technical_nearby(text, start, end, minimum=_TECH_MIN - 1, links=False))
        ):
            return True
        return (
            tech_text
            and len(whole.split()) == 1
            and self._product_word(value, entity)
            and _technical(text, start, end, minimum=_TECH_MIN - 1)
        )

    def _technical_text(self, text: str) -> bool:
        """``ner_terms.technical_text``, computed once per text of a ``detect`` call."""
        key = id(text)
        if key not in self._technical_texts:
            self._technical_texts[key] = technical_text(text)
        return self._technical_texts[key]

    def _vocabulary_phrase(self, value: str, entity: str) -> bool:
        """A software name, a job title or (not as a place: "Reading") a field of work ("ner_terms"); or parts
        joined by "&" or "and" that are each vocabulary or plain words ("Teamwork and Negotiation", "Python &
        Go"; not "Marks & Spencer")."""
        parts = _CONJUNCTION.split(value)
        if len(parts) > 1:
            return all(self._vocabulary_part(p, entity, plain_words=len(p.split()) == 1) for p in parts)
        plain = self._plain_word
        if software_phrase(value, plain) or job_title(value, plain) or certification_phrase(value, plain):
            return True
        return entity != "LOCATION" and value.casefold() not in place_names() and field_phrase(value, plain)

    def _vocabulary_part(self, value: str, entity: str, *, plain_words: bool = True) -> bool:
        """A phrase of vocabulary (``_vocabulary_phrase``, ``is_ordinary_vocabulary``) or, if ``plain_words``, of
        plain words only."""
        words = value.split()
        if not words or any(w.casefold() in _LEGAL_FORMS for w in words):
            return False  # "INC.", "Acme Ltd": a legal form makes a name
        return (
            is_ordinary_vocabulary(value)
            or (plain_words and all(self._plain_word(w) for w in words))
            or self._vocabulary_phrase(value, entity)
        )

    def _vocabulary_item(self, text: str, start: int, end: int, entity: str) -> bool:
        """Plain words that are an item of a list of vocabulary ("Teamwork, Budgeting, Public Speaking"): a skill."""
        value = text[start:end]
        # Plain words alone make a skill only as one word ("Diligence"); "Salvation Army" is a body.
        return self._vocabulary_part(value, entity, plain_words=" " not in value) and in_vocabulary_list(
            text, start, end, lambda item: self._vocabulary_part(item, entity)
        )

    def _product_word(self, value: str, entity: str) -> bool:
        """In technical prose, one word as an organisation or person that is a plain word ("Query") or, unless it is
        a given name, a census surname, a place or a word dictionaries write capitalised, in no word list at all
        ("Fixnum", "Cygwin"): a product or a class, not a name."""
        folded = value.strip(_EDGE_PUNCT + ".").casefold()
        if entity == "ORGANIZATION" and self._plain_word(folded):
            return True
        _, first, surnames, capitalised = self._word_lists()
        return (
            entity == "ORGANIZATION"
            and rare_word(folded)
            and folded not in first
            and folded not in surnames
            and folded not in capitalised
            and folded not in place_names()
        )

    def _camel_code(self, words: list[str]) -> bool:
        """Words of which one is code with an inner capital and the rest code or ordinary vocabulary."""
        code = [self._code_word(w) for w in words]
        return any(code) and all(c or is_ordinary_vocabulary(w) for c, w in zip(code, words, strict=True))

    def _code_word(self, word: str) -> bool:
        """A word with an inner capital that is not a name's: "StrictMode", "SELinux", not "McDonald"."""
        core = word.strip(_EDGE_PUNCT + ".")
        if _INNER_CAPITAL.search(core) is None or _NAME_PREFIX.fullmatch(core) is not None:
            return False
        _, first, surnames, _ = self._word_lists()
        folded = core.casefold()
        return folded not in first and folded not in surnames

    def detect(self, texts: Sequence[str]) -> list[list[Finding]]:
        """One list of findings per text, in input order; raises rather than skip a text."""
        pieces, windows = self._windows(texts)
        results: list[set[Finding]] = [set() for _ in texts]
        self._technical_texts, self._products = {}, set()
        docs = self._nlp.pipe(windows, batch_size=self._batch_size_for(windows))
        for (i, w_start, own_start, own_end), doc in zip(pieces, docs, strict=True):
            for ent in doc.ents:
                offset = w_start + ent.start_char
                if own_start <= offset < own_end:  # the window that owns the entity's start reports it
                    results[i].update(self._entity_findings(texts[i], offset, ent))
        # One sense per text: a name that the text shows to be software somewhere is software everywhere in it.
        kept = [
            [f for f in r if (id(text), text[f.start : f.end].casefold()) not in self._products]
            for text, r in zip(texts, results, strict=True)
        ]
        return [sorted(r, key=lambda f: (f.start, f.end, f.entity_type, f.detector)) for r in kept]

    def _windows(self, texts: Sequence[str]) -> tuple[list[tuple[int, int, int, int]], list[str]]:
        """The overlapping windows of every text, and for each (text index, window start, own start, own end)."""
        pieces: list[tuple[int, int, int, int]] = []
        windows: list[str] = []
        for i, text in enumerate(texts):
            for w_start, w_end, own_start, own_end in chunk_spans(len(text), self._chunk, self._overlap):
                pieces.append((i, w_start, own_start, own_end))
                windows.append(text[w_start:w_end])
        return pieces, windows

    def _batch_size_for(self, windows: Sequence[str]) -> int:
        """The configured batch size, capped so that one batch holds about ``_BATCH_CHARS`` characters."""
        # spaCy's memory grows with the characters in one batch, not the number of texts: a run of full
        # windows costs no more than many short records.
        average = sum(map(len, windows)) // max(1, len(windows))
        return max(1, min(self._batch_size, _BATCH_CHARS // max(1, average)))

    def _entity_findings(self, text: str, offset: int, ent: Any) -> list[Finding]:
        """The findings of one spaCy entity starting at ``offset`` in ``text``: its pieces that are names
        (``entity_pieces``), a person's taking in a given name just before it; none for an unmapped label."""
        entity = self._labels.get(ent.label_)
        if entity is None:
            return []
        out = []
        for s, e in entity_pieces(ent.text, lambda piece: self._vocabulary_phrase(piece, entity)):
            start, end = offset + s, offset + e
            if self._vetoed(text, start, end, entity, ent.text):
                continue
            typed = "PERSON" if entity != "PERSON" and self._lone_given_name(text, start, end) else entity
            begin = self._given_name_before(text, start) if typed == "PERSON" else start
            out.append(Finding(typed, begin, end, self._score, f"{self.name}.{ent.label_}"))
        return out

    def _lone_given_name(self, text: str, start: int, end: int) -> bool:
        """One word that the small model calls an organisation or a place but that is a given name and little
        else: capitalised, a listed first name, rare as an English word (or written only capitalised and not
        frequent), no place, country, vendor or technical term, not part of a run of capitalised words ("San
        Francisco") and not in technical prose, where it is more likely a product ("Bridget", "Kasra"; not "Asia",
        "Jordan", "Maximo")."""
        value = text[start:end]
        if not value.isalpha() or len(value) < 3 or not value.istitle():
            return False
        english, first, _, capitalised = self._word_lists()
        folded = value.casefold()
        if folded not in first or folded in TECHNICAL_VOCABULARY or folded in VENDORS:
            return False
        zipf = english.get(folded, 0.0)
        if not (zipf < _GIVEN_ALONE_MAX_ZIPF or (folded in capitalised and zipf < _PLAIN_NAME_ZIPF)):
            return False
        if folded in place_names() or folded in country_names():
            return False
        before, after = text[max(0, start - 40) : start].rstrip(), text[end : end + 40].lstrip()
        if (before and before[-1].isalpha() and before.split()[-1][:1].isupper()) or after[:1].isupper():
            return False  # "San  Francisco", "St.  Louis": a word of a longer name
        if before.endswith(".") and before.split()[-1][:1].isupper():
            return False
        return not self._technical_text(text) and not _technical(text, start, end)

    def _vetoed(self, text: str, start: int, end: int, entity: str, whole: str) -> bool:
        """A piece ``text[start:end]`` of the entity ``whole`` that is no name: a one-word imperative, a field
        label, a person made of common words, a role noun or an office after its rank ("Assistant Dean"), technical
        or legal words, or words whose letter case is the only evidence."""
        value = text[start:end]
        if " " not in value and imperative(text, start, end):
            return True
        if self._label(text, start, end):
            return True
        if entity == "PERSON" and (
            self._common_words(value)
            or _ROLE_NOUN.fullmatch(value) is not None
            or ranked_office(text[max(0, start - 30) : start], value)
        ):
            return True
        return self._not_a_name(text, start, end, entity, whole) or self._case_says_nothing(
            text, start, end, entity, whole
        )


@register_detector("spacy_ner")
def _build(config: ScrublineConfig) -> Detector:
    return SpacyNerDetector(load_ner_pipeline(config.nlp.model), config.nlp)
