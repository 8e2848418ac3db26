"""Scoring for the detection-quality benchmark: entity families, recall, precision, vocabulary kept.

Every system's entity types are mapped onto the benchmark's label set (``FAMILIES``: the generated
corpus's ``corpus.SENSITIVE_LABELS`` plus ``EXTRA_FAMILIES``) by a mapping table; a type that maps to
no family scores as ``OTHER``.

Mapping of entity types onto families:

| system | entity type | family |
| --- | --- | --- |
| both | a type that is itself a family name (``PERSON``, ``EMAIL_ADDRESS``, ``API_KEY``, ...) | the same |
| scrubline | ``LOCATION`` | ``STREET_ADDRESS`` |
| scrubline | ``INTERNAL_URL`` | ``INTERNAL_HOST`` |
| Presidio | ``LOCATION`` | ``STREET_ADDRESS`` |
| Presidio | ``DATE_TIME`` | ``DATE_OF_BIRTH`` (the only date the label set treats as sensitive) |
| Presidio | ``EMAIL`` (spaCy label mapping) | ``EMAIL_ADDRESS`` |
| scrubline | ``UK_NINO``, ``US_ITIN`` | ``NATIONAL_ID`` |
| Presidio | every identifier recognizer's entity, by ``PRESIDIO_ID_FAMILIES`` (below) | its family |
| both | anything else (``TICKET_ID``, ``NRP``, ``UUID``, ``MAC_ADDRESS``, ...) | ``OTHER`` |

The families are the generated corpus's label set plus the identifier families of issue 14 that
Presidio ships recognizers for (``EXTRA_FAMILIES``): ``PASSPORT``, ``DRIVER_LICENSE``,
``VEHICLE_REGISTRATION``, ``TAX_ID`` (tax and VAT numbers that are not a person's national number),
``HEALTH_ID`` (health-insurance and medical identifiers), ``ACCOUNT_NUMBER``, ``CRYPTO`` and ``ID`` (a generic
record identifier: customer, contract, case, employee numbers).
``PRESIDIO_ID_FAMILIES`` maps each Presidio entity name (as in its recognizer test tables) onto them:

- ``PHONE_NUMBER``: ``PHONE_NUMBER``, ``PH_MOBILE_NUMBER``, ``TR_PHONE_NUMBER``;
- ``NATIONAL_ID``: a person's national, social-security or personal tax number: ``UK_NHS``, ``UK_NINO``,
  ``US_ITIN``, ``CA_SIN``, ``IN_AADHAAR``, ``IN_PAN``, ``IN_VOTER``, ``ES_NIF``, ``ES_NIE``, ``PL_PESEL``,
  ``SE_PERSONNUMMER``, ``FI_PERSONAL_IDENTITY_CODE``, ``ZA_ID_NUMBER``, ``AU_TFN``, ``AU_MEDICARE``,
  ``IT_FISCAL_CODE``, ``IT_IDENTITY_CARD``, ``DE_ID_CARD``, ``DE_TAX_ID``, ``DE_SOCIAL_SECURITY``,
  ``SG_NRIC_FIN``, ``KR_RRN``, ``KR_FRN``, ``TR_NATIONAL_ID``, ``TH_TNIN``, ``NG_NIN``, ``PH_TIN``
  (``UK_NHS``, ``AU_TFN``, ``AU_MEDICARE`` and ``DE_TAX_ID`` here because scrubline's ``NATIONAL_ID``
  detector reports them);
- ``PASSPORT``: ``US_PASSPORT``, ``UK_PASSPORT``, ``DE_PASSPORT``, ``ES_PASSPORT``, ``IT_PASSPORT``,
  ``IN_PASSPORT``, ``KR_PASSPORT``;
- ``DRIVER_LICENSE``: ``US_DRIVER_LICENSE``, ``UK_DRIVING_LICENCE``, ``DE_FUEHRERSCHEIN``,
  ``IT_DRIVER_LICENSE``, ``KR_DRIVER_LICENSE``;
- ``VEHICLE_REGISTRATION``: ``UK_VEHICLE_REGISTRATION``, ``IN_VEHICLE_REGISTRATION``,
  ``NG_VEHICLE_REGISTRATION``, ``TR_LICENSE_PLATE``, ``DE_KFZ``;
- ``TAX_ID``: ``DE_TAX_NUMBER``, ``DE_VAT_ID``, ``IT_VAT_CODE``, ``IN_GSTIN``, ``AU_ABN``, ``KR_BRN``;
- ``HEALTH_ID``: ``DE_HEALTH_INSURANCE``, ``US_MBI``, ``US_NPI``, ``MEDICAL_LICENSE``, ``DE_LANR``, ``DE_BSNR``;
- ``ACCOUNT_NUMBER``: ``US_BANK_NUMBER``; ``CRYPTO``, ``IBAN_CODE``, ``CREDIT_CARD``, ``US_SSN``,
  ``IP_ADDRESS``, ``URL``, ``EMAIL_ADDRESS``, ``PERSON``: themselves;
- no family (a corpus label keeps its own name and is unscored; a prediction is ``OTHER``):
  ``DATE_TIME`` (a date is not a date of birth), ``UK_POSTCODE`` and ``DE_PLZ`` (a postcode alone),
  ``MAC_ADDRESS``, ``ABA_ROUTING_NUMBER`` (a bank's number) and the company registers ``AU_ACN``,
  ``SG_UEN``, ``SE_ORGANISATIONSNUMMER``, ``DE_HANDELSREGISTER``.

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
- **vocabulary kept**: the share of vocabulary spans (``KEEP``, or the labels a corpus's ``LabelScheme``
  names as vocabulary, reported per label) with no character inside any predicted span.
- **negatives kept clean** (recognizer test tables): the share of texts that must not fire a given
  recognizer on which the system reports no span of that recognizer's family anywhere in the text.
- Which labels of a corpus are scored, which are vocabulary and which are context (unscored) is the
  corpus's ``LabelScheme``; a scored label may accept several families as type-correct (a
  detect-secrets ``SECRET`` is found as ``API_KEY``, ``PASSWORD`` or ``PRIVATE_KEY``).
- **overall** recall is over all labelled sensitive entities of the corpus; overall precision over all
  merged predicted spans, including ``OTHER`` ones.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from benchmarks.corpus import KEEP, SENSITIVE_LABELS, LabelledDoc, Span

__all__ = [
    "DEFAULT_SCHEME",
    "EXTRA_FAMILIES",
    "FAMILIES",
    "OTHER",
    "PRESIDIO_ID_FAMILIES",
    "PRESIDIO_TYPE_MAP",
    "SCRUBLINE_TYPE_MAP",
    "SECRET_FAMILIES",
    "Counts",
    "KeepCounts",
    "LabelScheme",
    "NegativeCounts",
    "NegativeText",
    "Prediction",
    "SystemScore",
    "family_mapper",
    "merge_predictions",
    "score_negatives",
    "score_system",
]

OTHER = "OTHER"
EXTRA_FAMILIES: tuple[str, ...] = (
    "PASSPORT",
    "DRIVER_LICENSE",
    "VEHICLE_REGISTRATION",
    "TAX_ID",
    "HEALTH_ID",
    "ACCOUNT_NUMBER",
    "CRYPTO",
    "ID",
)
FAMILIES: tuple[str, ...] = (*SENSITIVE_LABELS, *EXTRA_FAMILIES)
_FAMILIES = frozenset(FAMILIES)
SECRET_FAMILIES = frozenset({"API_KEY", "PASSWORD", "PRIVATE_KEY"})

SCRUBLINE_TYPE_MAP: Mapping[str, str] = {
    "LOCATION": "STREET_ADDRESS",
    "INTERNAL_URL": "INTERNAL_HOST",
    "UK_NINO": "NATIONAL_ID",
    "US_ITIN": "NATIONAL_ID",
}


def _names(family: str, names: str) -> dict[str, str]:
    return dict.fromkeys(names.split(), family)


# Presidio's entity names (its recognizers' and its recognizer test tables') onto families; see the module doc.
PRESIDIO_ID_FAMILIES: Mapping[str, str] = {
    **_names("PHONE_NUMBER", "PH_MOBILE_NUMBER TR_PHONE_NUMBER"),
    **_names(
        "NATIONAL_ID",
        "UK_NHS UK_NINO US_ITIN CA_SIN IN_AADHAAR IN_PAN IN_VOTER ES_NIF ES_NIE PL_PESEL SE_PERSONNUMMER "
        "FI_PERSONAL_IDENTITY_CODE ZA_ID_NUMBER AU_TFN AU_MEDICARE IT_FISCAL_CODE IT_IDENTITY_CARD DE_ID_CARD "
        "DE_TAX_ID DE_SOCIAL_SECURITY SG_NRIC_FIN KR_RRN KR_FRN TR_NATIONAL_ID TH_TNIN NG_NIN PH_TIN",
    ),
    **_names("PASSPORT", "US_PASSPORT UK_PASSPORT DE_PASSPORT ES_PASSPORT IT_PASSPORT IN_PASSPORT KR_PASSPORT"),
    **_names(
        "DRIVER_LICENSE", "US_DRIVER_LICENSE UK_DRIVING_LICENCE DE_FUEHRERSCHEIN IT_DRIVER_LICENSE KR_DRIVER_LICENSE"
    ),
    **_names(
        "VEHICLE_REGISTRATION",
        "UK_VEHICLE_REGISTRATION IN_VEHICLE_REGISTRATION NG_VEHICLE_REGISTRATION TR_LICENSE_PLATE DE_KFZ",
    ),
    **_names("TAX_ID", "DE_TAX_NUMBER DE_VAT_ID IT_VAT_CODE IN_GSTIN AU_ABN KR_BRN"),
    **_names("HEALTH_ID", "DE_HEALTH_INSURANCE US_MBI US_NPI MEDICAL_LICENSE DE_LANR DE_BSNR"),
    **_names("ACCOUNT_NUMBER", "US_BANK_NUMBER"),
}
PRESIDIO_TYPE_MAP: Mapping[str, str] = {
    **PRESIDIO_ID_FAMILIES,
    "LOCATION": "STREET_ADDRESS",
    "DATE_TIME": "DATE_OF_BIRTH",
    "EMAIL": "EMAIL_ADDRESS",
}


@dataclass(frozen=True)
class LabelScheme:
    """How a corpus's labels count: scored, vocabulary to keep, or context (every other label).

    ``scored`` maps a label to the families whose predictions make a hit on it type-correct.
    """

    scored: Mapping[str, frozenset[str]]
    keep: frozenset[str] = frozenset({KEEP})

    def extended(
        self, scored: Mapping[str, frozenset[str]] | None = None, keep: frozenset[str] | None = None
    ) -> LabelScheme:
        """This scheme with more (or overriding) scored labels, and the given vocabulary labels if any."""
        return LabelScheme({**self.scored, **(scored or {})}, self.keep if keep is None else keep)


DEFAULT_SCHEME = LabelScheme({f: frozenset({f}) for f in FAMILIES})


@dataclass(frozen=True)
class Prediction:
    """One span a system would redact: ``text[start:end]`` as ``entity_type``."""

    start: int
    end: int
    entity_type: str
    score: float = 1.0


@dataclass(frozen=True)
class NegativeText:
    """A text on which a recognizer (``target``) must not fire: no finding of a ``forbidden`` family."""

    doc_id: str
    text: str
    target: str
    forbidden: frozenset[str]


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
    caught_typed: int = 0  # ... inside predicted spans whose type maps to a family the label accepts
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
class KeepCounts:
    """Vocabulary spans of one label, and how many of them no predicted span touched."""

    n: int = 0
    kept: int = 0

    @property
    def rate(self) -> float | None:
        return self.kept / self.n if self.n else None

    def as_dict(self) -> dict[str, float | int | None]:
        return {"n": self.n, "kept": self.kept, "kept_share": self.rate}


@dataclass
class NegativeCounts:
    """Negative texts of one recognizer, and how many the system left without a forbidden finding."""

    n: int = 0
    clean: int = 0
    skipped: int = 0  # texts the system returned no result for

    @property
    def rate(self) -> float | None:
        return self.clean / self.n if self.n else None

    def as_dict(self) -> dict[str, float | int | None]:
        return {"n": self.n, "clean": self.clean, "clean_share": self.rate, "skipped": self.skipped}


@dataclass
class SystemScore:
    """All tallies of one system on one corpus."""

    families: dict[str, Counts] = field(default_factory=dict)
    unscored: dict[str, Counts] = field(default_factory=dict)
    overall: Counts = field(default_factory=Counts)
    vocabulary: dict[str, KeepCounts] = field(default_factory=dict)  # vocabulary label -> counts
    docs: int = 0
    skipped_docs: int = 0  # documents the system returned no result for (scrubline quarantine)
    missed: dict[str, list[str]] = field(default_factory=dict)  # family -> a few missed values
    false_positives: dict[str, list[str]] = field(default_factory=dict)  # family -> a few wrong spans
    lost_vocabulary: list[str] = field(default_factory=list)

    @property
    def keep_n(self) -> int:
        return sum(c.n for c in self.vocabulary.values())

    @property
    def keep_kept(self) -> int:
        return sum(c.kept for c in self.vocabulary.values())

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
            "vocabulary": {
                "n": self.keep_n,
                "kept": self.keep_kept,
                "kept_share": self.keep_rate,
                "labels": {k: v.as_dict() for k, v in sorted(self.vocabulary.items())},
            },
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
    scheme: LabelScheme = DEFAULT_SCHEME,
) -> SystemScore:
    """Score one system's predictions (one list per document, ``None`` = no result) against the labels.

    Labels the scheme scores are tallied per label, its vocabulary labels count for vocabulary kept
    (per label), and any other label is reported under its own name as unscored (recall only,
    precision-neutral).
    """
    if len(docs) != len(predictions):
        raise ValueError("one prediction list per document is required")
    result = SystemScore(docs=len(docs))
    for doc, preds in zip(docs, predictions, strict=True):
        if preds is None:
            result.skipped_docs += 1
            continue
        _score_doc(doc, preds, family_of, result, examples, scheme)
    for counts in result.families.values():
        for attr in ("n", "caught", "caught_typed", "predicted", "correct", "neutral"):
            setattr(result.overall, attr, getattr(result.overall, attr) + getattr(counts, attr))
    return result


def _masks(
    preds: Sequence[Prediction], size: int, family_of: Callable[[str], str]
) -> tuple[bytearray, dict[str, bytearray]]:
    any_mask = bytearray(size)
    typed_masks: dict[str, bytearray] = {}
    for p in preds:
        start, end = max(0, p.start), min(size, p.end)
        if start >= end:
            continue
        _mark(any_mask, start, end)
        _mark(typed_masks.setdefault(family_of(p.entity_type), bytearray(size)), start, end)
    return any_mask, typed_masks


def _score_doc(
    doc: LabelledDoc,
    preds: Sequence[Prediction],
    family_of: Callable[[str], str],
    result: SystemScore,
    examples: int,
    scheme: LabelScheme,
) -> None:
    text = doc.text
    size = len(text)
    any_mask, typed_masks = _masks(preds, size, family_of)
    sensitive = bytearray(size)
    unscored = bytearray(size)
    for span in doc.spans:
        if span.label in scheme.keep:
            _score_keep(span, any_mask, result, examples)
            continue
        chars = [i for i in range(span.start, span.end) if not text[i].isspace()]
        accepted = scheme.scored.get(span.label)
        bucket = result.families if accepted is not None else result.unscored
        counts = bucket.setdefault(span.label, Counts())
        counts.n += 1
        for i in chars:
            (sensitive if accepted is not None else unscored)[i] = 1
        if all(any_mask[i] for i in chars):
            counts.caught += 1
        elif accepted is not None:
            _add_example(result.missed, span.label, span.value, examples)
        typed = [typed_masks[f] for f in sorted(accepted or {span.label}) if f in typed_masks]
        if typed and all(any(m[i] for m in typed) for i in chars):
            counts.caught_typed += 1
    _score_precision(text, preds, family_of, result, examples, sensitive, unscored)


def _score_keep(span: Span, any_mask: bytearray, result: SystemScore, examples: int) -> None:
    counts = result.vocabulary.setdefault(span.label, KeepCounts())
    counts.n += 1
    if any(any_mask[span.start : span.end]):
        if len(result.lost_vocabulary) < examples * 4 and span.value not in result.lost_vocabulary:
            result.lost_vocabulary.append(span.value)
    else:
        counts.kept += 1


def _score_precision(
    text: str,
    preds: Sequence[Prediction],
    family_of: Callable[[str], str],
    result: SystemScore,
    examples: int,
    sensitive: bytearray,
    unscored: bytearray,
) -> None:
    size = len(text)
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


def score_negatives(
    negatives: Sequence[NegativeText],
    predictions: Sequence[Sequence[Prediction] | None],
    family_of: Callable[[str], str],
) -> dict[str, NegativeCounts]:
    """Per target recognizer: how many of its negative texts got no finding of a forbidden family.

    A finding is forbidden when its type's family, or the type itself (for a target with no family),
    is in the text's ``forbidden`` set. Texts without a result (``None``) are counted as skipped.
    """
    if len(negatives) != len(predictions):
        raise ValueError("one prediction list per negative text is required")
    result: dict[str, NegativeCounts] = {}
    for neg, preds in zip(negatives, predictions, strict=True):
        counts = result.setdefault(neg.target, NegativeCounts())
        if preds is None:
            counts.skipped += 1
            continue
        counts.n += 1
        if not any(family_of(p.entity_type) in neg.forbidden or p.entity_type in neg.forbidden for p in preds):
            counts.clean += 1
    return result
