"""The development corpora in ``../shared/data`` (see that folder's README.md): loaders, label schemes, headlines.

``DEVSETS`` lists every corpus the quality benchmark reports, in report order. Each corpus's labels are
mapped onto the benchmark's families (``benchmarks.metrics.FAMILIES``) and its ``LabelScheme`` says which
labels are scored, which are vocabulary that must stay (reported per label), and which are context:
kept under their own names and reported as *unscored* (recall shown, left out of the overall row, and a
prediction that overlaps only them is neutral for precision).

- ``presidio_recognizer_tests`` (Presidio's recognizer test tables): every Presidio entity name onto its
  family by ``metrics.PRESIDIO_ID_FAMILIES`` (names with no family, such as ``UK_POSTCODE`` or
  ``DATE_TIME``, unscored under their own names). A positive text's document kind is its target
  recognizer, so the report breaks recall down per Presidio name. A negative text forbids findings
  of its target's family (or, for a target with no family, of the target's own type).
- ``detect_secrets_tests``: ``SECRET`` is scored and a hit is type-correct when the covering span is
  ``API_KEY``, ``PASSWORD`` or ``PRIVATE_KEY``; ``IP_ADDRESS`` (the public-IP plugin) is itself. Every
  negative line, whatever its plugin, forbids a secret finding (a private IP redacted as
  ``IP_ADDRESS`` is not a false positive here).
- ``wnut17_dev``, ``wnut17_train``: ``person`` -> ``PERSON``, ``corporation`` -> ``ORGANIZATION``.
  ``location`` (mostly cities and countries, not street addresses), ``group`` (bands, teams),
  ``product`` and ``creative-work`` (phones, games, TV shows) are unscored: whether redacting them is
  right depends on the context, so they neither earn nor cost precision. WNUT labels no @handles,
  URLs or numbers (the train split's posts are full of them), so overall precision counts every such
  redaction as wrong; the summary shows PERSON precision instead.
- ``stackoverflow_ner_train``: ``User_Name`` -> ``USERNAME``, found type-correct as ``USERNAME`` or
  ``PERSON``. Vocabulary that must stay: the software labels in ``SO_VOCABULARY``. Context: code and
  output block placeholders, literal values, file names, web sites and organisations.
- ``resumes_train``: ``PERSON`` and ``EMAIL_ADDRESS`` scored; ``TECH_TOOLS``, ``SOFT_SKILLS``,
  ``DESIGNATION`` and ``DEGREE`` are vocabulary; ``LOC``, ``ORG``, ``COLLEGE`` and the rest
  (``JOB_SPECIFIC_SKILLS``, ``YEARS_OF_EXPERIENCE``, ``GRADUATION_YEAR``) are context.
- ``presidio_research_synth`` (``synth_dataset_v2.json``): ``PERSON``, ``STREET_ADDRESS``,
  ``ORGANIZATION``, ``CREDIT_CARD``, ``PHONE_NUMBER``, ``EMAIL_ADDRESS``, ``IBAN_CODE``, ``US_SSN``,
  ``IP_ADDRESS``: the same family; ``DOMAIN_NAME`` -> ``URL`` (personal web sites);
  ``US_DRIVER_LICENSE`` -> ``DRIVER_LICENSE``; ``DATE_TIME`` with "birth", "born" or "DOB" in the 60
  characters before it -> ``DATE_OF_BIRTH``; other ``DATE_TIME``, and ``GPE``, ``TITLE``, ``AGE``,
  ``NRP``, ``ZIP_CODE``: unscored, under their own names.

The StackOverflow and CV corpora are large (0.9 and 1.6 million characters) and Presidio's analyzer
takes about 20 KB/s, so by default the benchmark scores a deterministic sample of them (``sample``:
evenly spaced documents over the file, the same for every system and run); ``--full`` scores all.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.corpus import LabelledDoc, Span
from benchmarks.metrics import (
    DEFAULT_SCHEME,
    PRESIDIO_ID_FAMILIES,
    SECRET_FAMILIES,
    LabelScheme,
    NegativeText,
)

__all__ = [
    "DEVSETS",
    "SO_VOCABULARY",
    "DevSet",
    "Headline",
    "LoadedSet",
    "load_jsonl",
    "load_presidio_tests",
    "load_secrets_tests",
    "load_synth",
    "load_wnut",
    "stride_sample",
]

SYNTH_PATH = Path("presidio_research_synth") / "synth_dataset_v2.json"
WNUT_PATH = Path("wnut17_dev") / "wnut17_dev.jsonl"

_SYNTH_MAP = {"DOMAIN_NAME": "URL", "US_DRIVER_LICENSE": "DRIVER_LICENSE"}
_WNUT_MAP = {"person": "PERSON", "corporation": "ORGANIZATION"}
_BIRTH_CONTEXT = re.compile(r"birth|born|\bdob\b|d\.o\.b", re.IGNORECASE)
SO_VOCABULARY = frozenset(
    "Application Library Library_Class Library_Function Library_Variable Class_Name Function_Name Variable_Name "
    "Language Version Operating_System Device File_Type Data_Structure Data_Type HTML_XML_Tag "
    "User_Interface_Element Error_Name Algorithm Licence Keyboard_IP".split()
)
RESUME_VOCABULARY = frozenset({"TECH_TOOLS", "SOFT_SKILLS", "DESIGNATION", "DEGREE"})


@dataclass(frozen=True)
class Headline:
    """One figure of a corpus for the summary table.

    ``measure`` is ``recall``, ``typed_recall``, ``precision`` (of ``label``, or overall when ``label``
    is None), ``kept`` (vocabulary kept, all labels) or ``clean`` (negative texts without a forbidden
    finding, over the targets the system has a type for).
    """

    figure: str
    measure: str
    label: str | None = None


@dataclass(frozen=True)
class LoadedSet:
    """A corpus's labelled texts and, for recognizer test tables, its negative texts."""

    docs: list[LabelledDoc]
    negatives: list[NegativeText] = field(default_factory=list)


@dataclass(frozen=True)
class DevSet:
    """A development corpus: where it lives, how to read and score it, and what it measures."""

    name: str
    path: Path  # relative to the shared data folder
    load: Callable[[Path], LoadedSet]
    scheme: LabelScheme
    measures: str
    headlines: tuple[Headline, ...]
    sample: int | None = None  # documents scored by default (evenly spaced); None = all


def stride_sample(items: list, n: int | None) -> list:
    """``n`` items evenly spaced over ``items`` (all of them when ``n`` is None or not smaller)."""
    if n is None or n >= len(items):
        return list(items)
    return [items[i * len(items) // n] for i in range(n)]


def _doc(doc_id: str, kind: str, text: str, spans: list[Span]) -> LabelledDoc:
    for span in spans:
        if text[span.start : span.end] != span.value:
            raise ValueError(f"{doc_id}: span {span} does not match the text")
    return LabelledDoc(doc_id, kind, text, tuple(sorted(spans, key=lambda s: (s.start, s.end))))


def _rows(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _spans(row: dict, label_of: Callable[[str], str]) -> list[Span]:
    return [Span(s["start"], s["end"], label_of(s["label"]), s["text"]) for s in row["spans"]]


def _synth_label(label: str, text: str, start: int) -> str:
    if label == "DATE_TIME" and _BIRTH_CONTEXT.search(text[max(0, start - 60) : start]):
        return "DATE_OF_BIRTH"
    return _SYNTH_MAP.get(label, label)


def load_synth(path: Path, limit: int | None = None) -> list[LabelledDoc]:
    """Read presidio-research's synthetic sentences, labels mapped as described in the module doc."""
    rows = json.loads(path.read_text(encoding="utf-8"))
    docs = []
    for i, row in enumerate(rows[:limit]):
        text = row["full_text"]
        spans = [
            Span(
                s["start_position"],
                s["end_position"],
                _synth_label(s["entity_type"], text, s["start_position"]),
                text[s["start_position"] : s["end_position"]],
            )
            for s in row["spans"]
        ]
        docs.append(_doc(f"synth-{i:04d}", "presidio_research_synth", text, spans))
    return docs


def load_jsonl(path: Path, label_map: Mapping[str, str], kind: str, limit: int | None = None) -> list[LabelledDoc]:
    """Read a ``{doc_id, text, spans}`` JSONL corpus; labels through ``label_map``, others unchanged."""
    docs = []
    for row in _rows(path):
        if limit is not None and len(docs) >= limit:
            break
        spans = _spans(row, lambda label: label_map.get(label, label))
        docs.append(_doc(str(row["doc_id"]), kind, row["text"], spans))
    return docs


def load_wnut(path: Path, limit: int | None = None) -> list[LabelledDoc]:
    """Read WNUT-17 sentences (dev or train), labels mapped as described in the module doc."""
    return load_jsonl(path, _WNUT_MAP, path.parent.name, limit)


def load_presidio_tests(path: Path) -> LoadedSet:
    """Presidio's recognizer test tables: positive texts (kind = target) and negative texts."""
    docs, negatives = [], []
    for row in _rows(path):
        target = row["target"]
        if row["polarity"] == "negative":
            forbidden = frozenset({PRESIDIO_ID_FAMILIES.get(target, target)})
            negatives.append(NegativeText(str(row["doc_id"]), row["text"], target, forbidden))
            continue
        spans = _spans(row, lambda label: PRESIDIO_ID_FAMILIES.get(label, label))
        docs.append(_doc(str(row["doc_id"]), target, row["text"], spans))
    return LoadedSet(docs, negatives)


def load_secrets_tests(path: Path) -> LoadedSet:
    """detect-secrets' plugin test lines: positive lines (kind = plugin), negative lines forbid any secret."""
    docs, negatives = [], []
    for row in _rows(path):
        if row["polarity"] == "negative":
            negatives.append(NegativeText(str(row["doc_id"]), row["text"], row["target"], SECRET_FAMILIES))
            continue
        docs.append(_doc(str(row["doc_id"]), row["target"], row["text"], _spans(row, str)))
    return LoadedSet(docs, negatives)


def _jsonl_set(label_map: Mapping[str, str], kind: str) -> Callable[[Path], LoadedSet]:
    return lambda path: LoadedSet(load_jsonl(path, label_map, kind))


_OVERALL = (Headline("overall recall", "recall"), Headline("overall precision", "precision"))
# WNUT labels no handles, URLs or numbers, so its overall precision counts every one of them as wrong.
_WNUT_HEADLINES = (
    Headline("PERSON recall", "recall", "PERSON"),
    Headline("PERSON precision", "precision", "PERSON"),
    Headline("overall recall", "recall"),
)
DEVSETS: tuple[DevSet, ...] = (
    DevSet(
        "presidio_recognizer_tests",
        Path("presidio_recognizer_tests") / "presidio_tests.jsonl",
        load_presidio_tests,
        # scrubline reports tax, VAT and health-insurance numbers as NATIONAL_ID (one operator for every
        # government number), so that type is the right one for those families too.
        DEFAULT_SCHEME.extended(
            {
                "TAX_ID": frozenset({"TAX_ID", "NATIONAL_ID"}),
                "HEALTH_ID": frozenset({"HEALTH_ID", "NATIONAL_ID", "ID"}),
            }
        ),
        "structured identifiers of many countries (Presidio's recognizer test tables): positive values "
        "redacted, and negative texts left without the recognizer's type",
        (
            Headline("positive values redacted", "recall"),
            Headline("... as their mapped type", "typed_recall"),
            Headline("negative texts without the target's type", "clean"),
        ),
    ),
    DevSet(
        "detect_secrets_tests",
        Path("detect_secrets_tests") / "detect_secrets_tests.jsonl",
        load_secrets_tests,
        DEFAULT_SCHEME.extended({"SECRET": SECRET_FAMILIES}),
        "provider tokens and keyword-assigned secrets (detect-secrets' plugin tests): secrets found as "
        "API_KEY, PASSWORD or PRIVATE_KEY, and negative lines left without a secret finding",
        (
            Headline("SECRET redacted (any type)", "recall", "SECRET"),
            Headline("SECRET found as API_KEY/PASSWORD/PRIVATE_KEY", "typed_recall", "SECRET"),
            Headline("negative lines without a secret finding", "clean"),
        ),
    ),
    DevSet(
        "wnut17_dev",
        WNUT_PATH,
        lambda path: LoadedSet(load_wnut(path)),
        DEFAULT_SCHEME,
        "names in social-media posts, often lower case (WNUT-17 dev)",
        _WNUT_HEADLINES,
    ),
    DevSet(
        "wnut17_train",
        Path("wnut17_train") / "wnut17_train.jsonl",
        lambda path: LoadedSet(load_wnut(path)),
        DEFAULT_SCHEME,
        "names in social-media posts, often lower case (WNUT-17 train)",
        _WNUT_HEADLINES,
    ),
    DevSet(
        "stackoverflow_ner_train",
        Path("stackoverflow_ner_train") / "so_train.jsonl",
        _jsonl_set({"User_Name": "USERNAME"}, "stackoverflow_ner_train"),
        DEFAULT_SCHEME.extended({"USERNAME": frozenset({"USERNAME", "PERSON"})}, keep=SO_VOCABULARY),
        "technical Q&A: user names redacted (as USERNAME or PERSON), software vocabulary kept",
        (
            Headline("User_Name redacted as USERNAME/PERSON", "typed_recall", "USERNAME"),
            Headline("software vocabulary kept", "kept"),
        ),
        sample=300,
    ),
    DevSet(
        "resumes_train",
        Path("resumes_train") / "resumes_train.jsonl",
        _jsonl_set({}, "resumes_train"),
        DEFAULT_SCHEME.extended(keep=RESUME_VOCABULARY),
        "CVs: the candidate's name and e-mail redacted; tools, skills, job titles and degrees kept",
        (
            Headline("PERSON recall", "recall", "PERSON"),
            Headline("EMAIL_ADDRESS recall", "recall", "EMAIL_ADDRESS"),
            Headline("tools, skills, titles, degrees kept", "kept"),
        ),
        sample=100,
    ),
    DevSet(
        "presidio_research_synth",
        SYNTH_PATH,
        lambda path: LoadedSet(load_synth(path)),
        DEFAULT_SCHEME,
        "templated sentences written for Presidio (presidio-research synth_dataset_v2): entity coverage; "
        "flatters a Presidio-based system",
        _OVERALL,
    ),
)
