"""``CarryOver``: with ``--previous DIR``, split documents into those to detect again and those whose
earlier output can be reused unchanged. Wiring only; the decisions live in ``transforms.runs.prescan``.

A document is carried over only if the previous run wrote it (not quarantined, not excluded), its
keyed content digest is unchanged, its id occurs once in this run, and the ``ReusePlan`` says the rule
change cannot affect it. Everything else goes to full detection, so the result is the one a full
rerun gives. A row carried over is checked against its fingerprint row under the state key first
(``transforms.runs.previous.check_carried``); one that does not verify fails the run.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import apache_beam as beam
from apache_beam.metrics import Metrics

from transforms import storage
from transforms.logsafety import install_log_safety, safe_step
from transforms.output.keyed import CONTENT, StateKeyRef, keyed_sha256, load_state_key, same_digest
from transforms.output.schemas import output_hmac
from transforms.records import Document, RedactedDocument, Redaction, content_sha256
from transforms.runs.prescan import Prescanner
from transforms.runs.previous import PreviousRunError, check_carried
from transforms.runs.reprocess import ReusePlan

__all__ = ["CARRIED", "REDO", "CarryOver", "read_fingerprints", "read_record_rows", "reproduces"]

CARRIED = "carried"
REDO = "redo"
_BATCH_ROWS = 256


def read_fingerprints(path: str, statuses: Sequence[str] = ("written",)) -> Iterable[tuple[str, dict[str, Any]]]:
    """``(id, fingerprint row)`` for every row of a fingerprints shard with one of ``statuses``."""
    import pyarrow.parquet as pq

    with storage.open_read(path) as fh:
        for batch in pq.ParquetFile(fh).iter_batches(batch_size=_BATCH_ROWS * 16):
            for row in batch.to_pylist():
                if row["status"] in statuses:
                    yield row["id"], row


def read_record_rows(path: str) -> Iterable[tuple[str, dict[str, Any]]]:
    """``(id, row)`` for every row of a records shard, a few rows at a time (texts can be large)."""
    import pyarrow.parquet as pq

    with storage.open_read(path) as fh:
        for batch in pq.ParquetFile(fh).iter_batches(batch_size=_BATCH_ROWS):
            for row in batch.to_pylist():
                yield row["id"], row


def carried_document(doc: Document, fingerprint: dict[str, Any], row: dict[str, Any]) -> RedactedDocument:
    """The previous output of ``doc``, as the engine would produce it again (``row`` already checked)."""
    return RedactedDocument(
        id=doc.id,
        text=row["text"],
        source=row["source"],
        metadata=tuple((name, row.get(name)) for name, _ in doc.metadata),
        redactions=tuple(
            Redaction(
                r["entity_type"],
                r["start"],
                r["end"],
                r["out_start"],
                r["out_end"],
                r["detector"],
                r["score"],
                r["operator"],
            )
            for r in row["redactions"]
        ),
        entity_counts=tuple((c["entity_type"], c["count"]) for c in fingerprint["entity_counts"]),
        source_ref=doc.source_ref,
        input_sha256=doc.input_sha256,
        size_bytes=doc.size_bytes,
        content_sha256=content_sha256(doc),
        rules=tuple((r["detector"], r["entity_type"]) for r in fingerprint["rules"]),
        metadata_types=doc.metadata_types,
    )


def reproduces(carried: RedactedDocument, fingerprint: dict[str, Any], key: bytes) -> bool:
    """Whether a carried record is exactly the earlier output: its ``output_hmac`` under ``key`` is the one
    its fingerprint records. The records shard holds kept values in their column's joined type (an int
    of one file in a ``double`` or ``string`` column when another file disagreed), so a typed record that
    does not reproduce is detected again; an untyped one that does not was changed: PreviousRunError."""
    if same_digest(str(fingerprint["output_hmac"]), output_hmac(carried, key)):
        return True
    if carried.metadata_types:
        return False
    raise PreviousRunError("--previous changed during the run: a record row does not match its fingerprint")


class _DecideFn(beam.DoFn):
    def __init__(self, plan: ReusePlan, state_key: StateKeyRef, ruleset: str) -> None:
        self._plan = plan
        self._state_key = state_key
        self._ruleset = ruleset

    def setup(self) -> None:
        install_log_safety()
        key = load_state_key(self._state_key)
        if key is None:  # the launcher refuses --previous without a key; never carry anything unchecked
            raise PreviousRunError("--previous needs the state key")
        self._key: bytes = key
        self._prescanner = Prescanner(self._plan)
        self._carried = Metrics.counter("scrubline", "records_carried_over")
        self._redo = Metrics.counter("scrubline", "records_redetected")

    @safe_step
    def process(self, item: tuple[str, dict[str, list[Any]]]) -> Iterable[Any]:
        _, grouped = item
        docs = list(grouped["doc"])  # none: only in the previous run, nothing to write
        fingerprints, rows = list(grouped["fingerprint"]), list(grouped["row"])
        carried = None
        if len(docs) == 1 and len(fingerprints) == 1 and len(rows) == 1:
            doc, fp = docs[0], fingerprints[0]
            rules = [(r["detector"], r["entity_type"]) for r in fp["rules"]]
            same = fp["content_hmac"] == keyed_sha256(self._key, CONTENT, content_sha256(doc))
            if same and not self._prescanner.affected(doc, rules):
                check_carried(fp, rows[0], self._key, self._ruleset)
                carried = carried_document(doc, fp, rows[0])
                carried = carried if reproduces(carried, fp, self._key) else None
        if carried is not None:
            self._carried.inc()
            yield beam.pvalue.TaggedOutput(CARRIED, carried)
        else:
            for doc in docs:  # new, changed, affected, or an id that occurs twice (quarantined later)
                self._redo.inc()
                yield doc


class CarryOver(beam.PTransform):
    """Documents in; ``redo`` (main: Documents to detect) and ``carried`` (RedactedDocuments) out.

    ``state_key`` names the state key the previous run was verified under (workers read it from their
    environment); ``ruleset`` is the previous run's, which every fingerprint row must carry.
    """

    def __init__(
        self,
        plan: ReusePlan,
        fingerprint_files: Sequence[str],
        record_files: Sequence[str],
        state_key: StateKeyRef,
        ruleset: str,
    ) -> None:
        super().__init__()
        self._plan = plan
        self._state_key = state_key
        self._ruleset = ruleset
        self._fingerprint_files = sorted(fingerprint_files)
        self._record_files = sorted(record_files)

    def expand(self, docs: beam.PCollection) -> beam.pvalue.DoOutputsTuple:
        """Join each document with its previous fingerprint and record; every document leaves once."""
        p = docs.pipeline
        keyed = docs | "KeyById" >> beam.Map(lambda d: (d.id, d))
        fingerprints = (
            p
            | "PreviousFingerprintFiles" >> beam.Create(self._fingerprint_files, reshuffle=False)
            | "SpreadFingerprintFiles" >> beam.Reshuffle()
            | "ReadFingerprints" >> beam.FlatMap(safe_step(read_fingerprints))
        )
        rows = (
            p
            | "PreviousRecordFiles" >> beam.Create(self._record_files, reshuffle=False)
            | "SpreadRecordFiles" >> beam.Reshuffle()
            | "ReadRecordRows" >> beam.FlatMap(safe_step(read_record_rows))
        )
        return (
            {"doc": keyed, "fingerprint": fingerprints, "row": rows}
            | "JoinPrevious" >> beam.CoGroupByKey()
            | "Decide"
            >> beam.ParDo(_DecideFn(self._plan, self._state_key, self._ruleset)).with_outputs(CARRIED, main=REDO)
        )
