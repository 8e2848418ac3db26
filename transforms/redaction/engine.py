"""The redaction engine: detect with every configured detector, resolve overlaps, apply operators.

Plain Python, no Beam. Fail closed: a document comes back as a ``RedactedDocument`` only if every
detector ran over all of its fields (text, source, kept metadata) within the time budget; otherwise
it comes back as a ``QuarantineRecord`` with a reason code and an exception class name, never a
message. A failing batch is retried document by document so one bad record cannot take others down.
"""

from __future__ import annotations

import logging
import re
import time
from collections import Counter
from collections.abc import Callable, Sequence

from transforms.config import ScrublineConfig
from transforms.detectors import build_detectors
from transforms.detectors.base import DetectionTimeout, Detector
from transforms.detectors.registry import known_entity_types
from transforms.operators import OperatorSet, build_operators
from transforms.records import (
    Document,
    Finding,
    QuarantineReason,
    QuarantineRecord,
    RedactedDocument,
    content_sha256,
    document_fields,
    rebuild_metadata,
)
from transforms.redaction.allow import AllowList
from transforms.redaction.log import RedactionLog, RedactionLogBuilder
from transforms.redaction.normalize import NormalizedText, joined_view, normalize
from transforms.redaction.paths import SENTENCE_DETECTORS, path_views, text_path_views, trim_view_finding
from transforms.redaction.propagate import Propagator
from transforms.redaction.resolve import resolve_overlaps

__all__ = ["RedactionEngine", "apply_operators"]

logger = logging.getLogger(__name__)

_JOIN_EVERY = 4096

# Tags our own operators write (<PERSON>, <EMAIL_ADDRESS:hex>). They are never redacted again, so
# running scrubline over its own output changes nothing. Only tags named after an entity type that
# the config can produce count: "<AKIAIOSFODNN7EXAMPLE>" has the shape of a tag but is a secret.
_TAG = re.compile(r"<([A-Z][A-Z0-9_]{0,63})(?::[0-9a-f]{32})?>")


def _outside_tags(text: str, findings: list[Finding], tag_names: frozenset[str]) -> list[Finding]:
    """Cut the parts of findings that fall on scrubline tags; keep the rest."""
    if "<" not in text:
        return findings
    tags = [m.span() for m in _TAG.finditer(text) if m.group(1) in tag_names]
    if not tags:
        return findings
    out: list[Finding] = []
    for f in findings:
        pieces = [(f.start, f.end)]
        for t_start, t_end in tags:
            if t_start >= f.end:
                break
            next_pieces = []
            for s, e in pieces:
                if t_end <= s or t_start >= e:
                    next_pieces.append((s, e))
                    continue
                if s < t_start:
                    next_pieces.append((s, t_start))
                if t_end < e:
                    next_pieces.append((t_end, e))
            pieces = next_pieces
        out.extend(
            f if (s, e) == (f.start, f.end) else Finding(f.entity_type, s, e, f.score, f.detector)
            for s, e in pieces
            if text[s:e].strip()
        )
    return out


def apply_operators(text: str, findings: Sequence[Finding], operators: OperatorSet) -> tuple[str, RedactionLog]:
    """Replace each (non-overlapping, sorted) finding; return the cleaned text and its redaction log.

    Text outside the findings is copied unchanged; ``out_start``/``out_end`` locate each replacement.
    """
    # Pieces are joined every _JOIN_EVERY so a huge document never holds millions of small strings.
    chunks: list[str] = []
    parts: list[str] = []
    log = RedactionLogBuilder()
    cursor = 0
    out_len = 0
    for f in findings:
        if f.start < cursor:
            raise ValueError("findings overlap or are unsorted")
        kept = text[cursor : f.start]
        parts.append(kept)
        out_len += len(kept)
        replacement, op_name = operators.apply(text[f.start : f.end], f.entity_type)
        parts.append(replacement)
        log.append(f.entity_type, f.start, f.end, out_len, out_len + len(replacement), f.detector, f.score, op_name)
        out_len += len(replacement)
        cursor = f.end
        if len(parts) >= _JOIN_EVERY:
            chunks.append("".join(parts))
            parts.clear()
    parts.append(text[cursor:])
    if chunks:
        parts = [*chunks, "".join(parts)]
    return "".join(parts), log.build()


class RedactionEngine:
    """Redacts batches of documents. Build once per worker process (model load is expensive)."""

    def __init__(
        self,
        config: ScrublineConfig,
        detectors: Sequence[Detector],
        operators: OperatorSet,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._detectors = list(detectors)
        self._operators = operators
        self._disabled = frozenset(config.entities.disabled)
        self._min_score = config.entities.min_score
        self._thresholds = dict(config.entities.thresholds)
        self._allow = AllowList(config.allow)
        self._budget = config.limits.detection_timeout_seconds
        self._budget_per_char = config.limits.detection_seconds_per_mb / 1_000_000
        self._max_chars = config.limits.max_record_chars
        self._clock = clock
        self._tag_names = known_entity_types(config)
        self._propagator: Propagator | None = None
        if config.entities.propagate:
            from transforms.lexicon.names import load_english_words, load_name_lists
            from transforms.lexicon.vocabulary import TECHNICAL_VOCABULARY

            first_names, _ = load_name_lists()
            self._propagator = Propagator(
                config.entities.propagate, first_names, load_english_words(), self._allow.words, TECHNICAL_VOCABULARY
            )

    @classmethod
    def from_config(cls, config: ScrublineConfig) -> RedactionEngine:
        """Build every configured detector and operator (loads the spaCy model, reads keys)."""
        return cls(config, build_detectors(config), build_operators(config))

    def redact(self, docs: Sequence[Document]) -> list[RedactedDocument | QuarantineRecord]:
        """One output per input document, in input order; never raises for a bad document."""
        if not docs:
            return []
        try:
            return list(self._redact_batch(docs))
        except Exception as exc:  # isolate: retry one by one, quarantine the ones that fail
            if len(docs) == 1:
                return [self._quarantine(docs[0], exc)]
            logger.debug("batch of %d failed with %s; retrying one by one", len(docs), type(exc).__name__)
            return [out for doc in docs for out in self.redact([doc])]

    def _redact_batch(self, docs: Sequence[Document]) -> list[RedactedDocument | QuarantineRecord]:
        out: list[RedactedDocument | QuarantineRecord | None] = [None] * len(docs)
        texts: list[str] = []
        sources: list[int] = []
        field_counts = [0] * len(docs)
        for i, doc in enumerate(docs):
            if len(doc.text) > self._max_chars:
                out[i] = self._quarantine(doc, None, QuarantineReason.TOO_LARGE)
                continue
            fields = document_fields(doc)
            field_counts[i] = len(fields)
            sources.append(len(texts) + 1)
            texts.extend(fields)
        started = self._clock()
        normalized = [normalize(t) for t in texts]
        per_text, detected_chars = self._detect(normalized, sources)
        budget = self._budget + self._budget_per_char * detected_chars
        if self._clock() - started > budget:
            # Over budget: a single document is quarantined; a batch is redone one by one so only
            # the slow documents are charged.
            raise DetectionTimeout("detection budget exceeded")
        cursor = 0
        for i, doc in enumerate(docs):
            if out[i] is not None:
                continue
            n = field_counts[i]
            field_findings = [
                self._to_original(norm, found)
                for norm, found in zip(normalized[cursor : cursor + n], per_text[cursor : cursor + n], strict=True)
            ]
            out[i] = self._apply(doc, texts[cursor : cursor + n], field_findings)
            cursor += n
        return out  # type: ignore[return-value]

    def _detect(self, normalized: list[NormalizedText], sources: list[int]) -> tuple[list[list[Finding]], int]:
        """Every detector's findings per normalised text, in its offsets, and the characters detection read.

        Besides the texts, detectors read each text's joined view (digit groups and values split by a
        separator or a break, joined), each source's path views (a file name's words apart) and, in the
        other texts, the path views of the file names and paths written in them; spaCy's NER reads no
        path view. Findings on the views are mapped back onto their text.
        """
        joined = [(i, view) for i, n in enumerate(normalized) if (view := joined_view(n)) is not None]
        is_source = set(sources)
        paths = [
            (i, view)
            for i, n in enumerate(normalized)
            for view in (path_views(n.text) if i in is_source else text_path_views(n.text))
        ]
        base = [n.text for n in normalized] + [view.text for _, view in joined]
        every = base + [view for _, view in paths]
        per_text: list[list[Finding]] = [[] for _ in every]
        for detector in self._detectors:
            inputs = base if detector.name in SENTENCE_DETECTORS else every
            results = detector.detect(inputs)
            if len(results) != len(inputs):
                raise RuntimeError("detector returned a result count that does not match its input")
            for found, extra in zip(per_text, results, strict=False):
                found.extend(extra)
        count = len(normalized)
        for (i, joined_text), found in zip(joined, per_text[count : len(base)], strict=True):
            per_text[i].extend(joined_text.to_normalized(found))
        for (i, path_view), found in zip(paths, per_text[len(base) :], strict=True):
            per_text[i].extend(self._from_view(path_view, found))
        return per_text[:count], sum(len(t) for t in every)

    def _from_view(self, view: str, findings: list[Finding]) -> list[Finding]:
        """Findings on a path view that policy keeps, trimmed; their spans are spans of the source."""
        trimmed = (trim_view_finding(view, f) for f in findings)
        return [f for f in trimmed if f is not None and self._keep(view, f)]

    def _to_original(self, norm: NormalizedText, findings: list[Finding]) -> list[Finding]:
        """Apply policy filters on the normalised text, then map surviving findings to the original."""
        kept = []
        for f in findings:
            if f.end > len(norm.text) or not self._keep(norm.text, f):
                continue
            start, end = norm.to_original(f.start, f.end)
            kept.append(
                f if (start, end) == (f.start, f.end) else Finding(f.entity_type, start, end, f.score, f.detector)
            )
        return kept

    def _keep(self, text: str, f: Finding) -> bool:
        if f.entity_type in self._disabled:
            return False
        if f.score < self._thresholds.get(f.entity_type, self._min_score):
            return False
        return not self._allow.allows(f.entity_type, text[f.start : f.end])

    def _allowed_out(self, text: str, findings: list[Finding]) -> list[Finding]:
        """``findings`` less those the allow list covers (a recurrence is a finding like any other)."""
        return [f for f in findings if not self._allow.allows(f.entity_type, text[f.start : f.end])]

    def _apply(self, doc: Document, texts: list[str], findings: list[list[Finding]]) -> RedactedDocument:
        counts: Counter[str] = Counter()
        cleaned: list[str] = []
        text_redactions = RedactionLog()
        if self._propagator is not None:
            keys = self._propagator.keys(texts, findings)
            findings = [
                [*found, *self._allowed_out(t, self._propagator.recurrences(t, found, keys))]
                for t, found in zip(texts, findings, strict=True)
            ]
        rules = sorted({(f.detector, f.entity_type) for found in findings for f in found})
        for n, (text, found) in enumerate(zip(texts, findings, strict=True)):
            resolved = resolve_overlaps(_outside_tags(text, found, self._tag_names))
            counts.update(f.entity_type for f in resolved)
            new_text, redactions = apply_operators(text, resolved, self._operators)
            cleaned.append(new_text)
            if n == 0:
                text_redactions = redactions
        return RedactedDocument(
            id=doc.id,
            text=cleaned[0],
            source=cleaned[1],
            metadata=rebuild_metadata(doc.metadata, cleaned[2:], doc.metadata_types),
            redactions=text_redactions,
            entity_counts=tuple(sorted(counts.items())),
            source_ref=doc.source_ref,
            input_sha256=doc.input_sha256,
            size_bytes=doc.size_bytes,
            content_sha256=content_sha256(doc),
            rules=tuple(rules),
            metadata_types=doc.metadata_types,
        )

    @staticmethod
    def _quarantine(
        doc: Document, exc: BaseException | None, reason: QuarantineReason | None = None
    ) -> QuarantineRecord:
        if reason is None:
            reason = (
                QuarantineReason.TIMEOUT
                if isinstance(exc, (DetectionTimeout, TimeoutError))
                else QuarantineReason.DETECTOR_ERROR
            )
        return QuarantineRecord(
            id=doc.id,
            source=doc.source_ref,
            reason=reason,
            error_class=type(exc).__name__ if exc is not None else "",
            input_sha256=doc.input_sha256,
            size_bytes=doc.size_bytes,
        )
