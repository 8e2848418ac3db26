"""Scoring for the detection-quality benchmark: entity families, recall, precision, vocabulary kept.

Every system's entity types are mapped onto the benchmark's label set (``corpus.SENSITIVE_LABELS``,
called *families* here) by a mapping table; a type that maps to no family scores as ``OTHER``.

Mapping of entity types onto families:

| system | entity type | family |
| --- | --- | --- |
| both | a type that is itself a family name (``PERSON``, ``EMAIL_ADDRESS``, ``API_KEY``, ...) | the same |
| scrubline | ``LOCATION`` | ``STREET_ADDRESS`` |
| scrubline | ``INTERNAL_URL`` | ``INTERNAL_HOST`` |
| Presidio | ``LOCATION`` | ``STREET_ADDRESS`` |
| Presidio | ``DATE_TIME`` | ``DATE_OF_BIRTH`` (the only date the label set treats as sensitive) |
| Presidio | ``EMAIL`` (spaCy label mapping) | ``EMAIL_ADDRESS`` |
| Presidio | a country's identity number (``UK_NHS``, ``IN_AADHAAR``, ``ES_NIF``, ``PL_PESEL``, ...) | ``NATIONAL_ID`` |
| both | anything else (``TICKET_ID``, ``CRYPTO``, ``UK_NINO``, ``US_ITIN``, ``NRP``, ``UUID``, ...) | ``OTHER`` |

Definitions, per corpus and system:

- **recall** of a family: the share of its labelled entities whose every non-whitespace character lies
  inside some predicted span of *any* type (any redaction hides the value). **type-correct recall**
  counts only predicted spans whose type maps to the entity's family.
- **precision**: predicted spans are first merged where they overlap (as an anonymizer would apply
  them, and as scrubline's own overlap resolution does; the merged span takes the type of its longest
  member, then highest score, then type name). A merged span is correct when it overlaps a
  non-whitespace character of any labelled sensitive entity (whatever its family), *neutral* when it
  overlaps only entities whose labels the corpus leaves unscored (for example WNUT ``product``), and
  wrong otherwise. precision = correct / (correct + wrong); a family's precision is computed over
  the merged spans whose type maps to it.
- **vocabulary kept**: the share of ``KEEP`` spans with no character inside any predicted span.
- **overall** recall is over all labelled sensitive entities of the corpus; overall precision over all
  merged predicted spans, including ``OTHER`` ones.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from benchmarks.corpus import KEEP, SENSITIVE_LABELS, LabelledDoc

__all__ = [
    "OTHER",
    "PRESIDIO_TYPE_MAP",
    "SCRUBLINE_TYPE_MAP",
    "Counts",
    "Prediction",
    "SystemScore",
    "family_mapper",
    "merge_predictions",
    "score_system",
]

OTHER = "OTHER"
_FAMILIES = frozenset(SENSITIVE_LABELS)

SCRUBLINE_TYPE_MAP: Mapping[str, str] = {"LOCATION": "STREET_ADDRESS", "INTERNAL_URL": "INTERNAL_HOST"}
# Presidio's national identity recognizers, one entity type per country; scrubline reports them as NATIONAL_ID.
_PRESIDIO_NATIONAL_IDS = (
    "UK_NHS IN_AADHAAR ES_NIF ES_NIE PL_PESEL SE_PERSONNUMMER ZA_ID_NUMBER AU_TFN AU_MEDICARE IT_FISCAL_CODE "
    "FI_PERSONAL_IDENTITY_CODE SG_NRIC_FIN KR_RRN TR_NATIONAL_ID TH_TNIN NG_NIN DE_TAX_ID IN_PAN"
).split()
PRESIDIO_TYPE_MAP: Mapping[str, str] = {
    **dict.fromkeys(_PRESIDIO_NATIONAL_IDS, "NATIONAL_ID"),
    "LOCATION": "STREET_ADDRESS",
    "DATE_TIME": "DATE_OF_BIRTH",
    "EMAIL": "EMAIL_ADDRESS",
}


@dataclass(frozen=True)
class Prediction:
    """One span a system would redact: ``text[start:end]`` as ``entity_type``."""

    start: int
    end: int
    entity_type: str
    score: float = 1.0


def family_mapper(type_map: Mapping[str, str]) -> Callable[[str], str]:
    """Map a system's entity type to a family: the table first, then identity, else ``OTHER``."""

    def family(entity_type: str) -> str:
        mapped = type_map.get(entity_type, entity_type)
        return mapped if mapped in _FAMILIES else OTHER

    return family


@dataclass
class Counts:
    """Tallies for one family (or one unscored label, or the overall row)."""

    n: int = 0  # labelled entities
    caught: int = 0  # every non-whitespace character inside a predicted span of any type
    caught_typed: int = 0  # ... inside predicted spans whose type maps to the entity's family
    predicted: int = 0  # merged predicted spans of this family that count for precision
    correct: int = 0  # ... of which overlap a labelled sensitive entity
    neutral: int = 0  # merged spans that overlap only unscored labels (left out of precision)

    @property
    def recall(self) -> float | None:
        return self.caught / self.n if self.n else None

    @property
    def typed_recall(self) -> float | None:
        return self.caught_typed / self.n if self.n else None

    @property
    def precision(self) -> float | None:
        return self.correct / self.predicted if self.predicted else None

    def as_dict(self) -> dict[str, float | int | None]:
        return {
            "n": self.n,
            "caught": self.caught,
            "caught_type_correct": self.caught_typed,
            "recall": self.recall,
            "type_correct_recall": self.typed_recall,
            "predicted_spans": self.predicted,
            "correct_spans": self.correct,
            "neutral_spans": self.neutral,
            "precision": self.precision,
        }


@dataclass
class SystemScore:
    """All tallies of one system on one corpus."""

    families: dict[str, Counts] = field(default_factory=dict)
    unscored: dict[str, Counts] = field(default_factory=dict)
    overall: Counts = field(default_factory=Counts)
    keep_n: int = 0
    keep_kept: int = 0
    docs: int = 0
    skipped_docs: int = 0  # documents the system returned no result for (scrubline quarantine)
    missed: dict[str, list[str]] = field(default_factory=dict)  # family -> a few missed values
    false_positives: dict[str, list[str]] = field(default_factory=dict)  # family -> a few wrong spans
    lost_vocabulary: list[str] = field(default_factory=list)

    @property
    def keep_rate(self) -> float | None:
        return self.keep_kept / self.keep_n if self.keep_n else None

    def as_dict(self) -> dict[str, object]:
        return {
            "docs": self.docs,
            "skipped_docs": self.skipped_docs,
            "overall": self.overall.as_dict(),
            "families": {k: v.as_dict() for k, v in sorted(self.families.items())},
            "unscored": {k: v.as_dict() for k, v in sorted(self.unscored.items())},
            "vocabulary": {"n": self.keep_n, "kept": self.keep_kept, "kept_share": self.keep_rate},
            "examples": {
                "missed": self.missed,
                "false_positives": self.false_positives,
                "lost_vocabulary": self.lost_vocabulary,
            },
        }


def merge_predictions(preds: Sequence[Prediction]) -> list[Prediction]:
    """Merge spans that share at least one character; the longest member (then score, type) names it."""
    merged: list[Prediction] = []
    group: list[Prediction] = []
    end = -1
    for p in sorted(preds, key=lambda p: (p.start, p.end)):
        if group and p.start < end:
            group.append(p)
            end = max(end, p.end)
            continue
        if group:
            merged.append(_merge_group(group, end))
        group, end = [p], p.end
    if group:
        merged.append(_merge_group(group, end))
    return merged


def _merge_group(group: list[Prediction], end: int) -> Prediction:
    best = min(group, key=lambda p: (-(p.end - p.start), -p.score, p.entity_type))
    return Prediction(group[0].start, end, best.entity_type, best.score)


def _mark(mask: bytearray, start: int, end: int) -> None:
    mask[start:end] = b"\x01" * (end - start)


def _add_example(bucket: dict[str, list[str]], key: str, value: str, limit: int) -> None:
    values = bucket.setdefault(key, [])
    if len(values) < limit and value not in values:
        values.append(value)


def score_system(
    docs: Sequence[LabelledDoc],
    predictions: Sequence[Sequence[Prediction] | None],
    family_of: Callable[[str], str],
    examples: int = 5,
) -> SystemScore:
    """Score one system's predictions (one list per document, ``None`` = no result) against the labels.

    Labels in ``SENSITIVE_LABELS`` are scored per family, ``KEEP`` labels count for vocabulary kept,
    and any other label is reported under its own name as unscored (recall only, precision-neutral).
    """
    if len(docs) != len(predictions):
        raise ValueError("one prediction list per document is required")
    result = SystemScore(docs=len(docs))
    for doc, preds in zip(docs, predictions, strict=True):
        if preds is None:
            result.skipped_docs += 1
            continue
        _score_doc(doc, preds, family_of, result, examples)
    for counts in result.families.values():
        for attr in ("n", "caught", "caught_typed", "predicted", "correct", "neutral"):
            setattr(result.overall, attr, getattr(result.overall, attr) + getattr(counts, attr))
    return result


def _score_doc(
    doc: LabelledDoc,
    preds: Sequence[Prediction],
    family_of: Callable[[str], str],
    result: SystemScore,
    examples: int,
) -> None:
    text = doc.text
    size = len(text)
    any_mask = bytearray(size)
    typed_masks: dict[str, bytearray] = {}
    for p in preds:
        start, end = max(0, p.start), min(size, p.end)
        if start >= end:
            continue
        _mark(any_mask, start, end)
        fam = family_of(p.entity_type)
        _mark(typed_masks.setdefault(fam, bytearray(size)), start, end)

    sensitive = bytearray(size)
    unscored = bytearray(size)
    for span in doc.spans:
        chars = [i for i in range(span.start, span.end) if not text[i].isspace()]
        if span.label == KEEP:
            result.keep_n += 1
            if any(any_mask[span.start : span.end]):
                if len(result.lost_vocabulary) < examples * 4 and span.value not in result.lost_vocabulary:
                    result.lost_vocabulary.append(span.value)
            else:
                result.keep_kept += 1
            continue
        scored = span.label in _FAMILIES
        bucket = result.families if scored else result.unscored
        counts = bucket.setdefault(span.label, Counts())
        counts.n += 1
        for i in chars:
            (sensitive if scored else unscored)[i] = 1
        if all(any_mask[i] for i in chars):
            counts.caught += 1
        elif scored:
            _add_example(result.missed, span.label, span.value, examples)
        typed = typed_masks.get(span.label)
        if typed is not None and all(typed[i] for i in chars):
            counts.caught_typed += 1

    for p in merge_predictions(preds):
        start, end = max(0, p.start), min(size, p.end)
        if start >= end or not text[start:end].strip():
            continue
        fam = family_of(p.entity_type)
        counts = result.families.setdefault(fam, Counts())
        if any(sensitive[start:end]):
            counts.predicted += 1
            counts.correct += 1
        elif any(unscored[start:end]):
            counts.neutral += 1
        else:
            counts.predicted += 1
            _add_example(result.false_positives, fam, text[start:end], examples)
