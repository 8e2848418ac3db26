"""The plain record types that flow between scrubline's steps.

Every type here is a frozen dataclass of primitives so it pickles cheaply across Beam workers and
compares by value in tests. None of them is allowed to carry an original sensitive value once the
record has left the detection step: ``Redaction`` holds offsets and types only.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from enum import Enum

from transforms.metadata import (
    Metadata,
    MetadataTypes,
    metadata_entries,
    metadata_json,
    rebuild_value,
    string_parts,
    value_parts,
)

__all__ = [
    "DERIVED_ID_MARK",
    "Document",
    "Excluded",
    "Finding",
    "IdKind",
    "QuarantineReason",
    "QuarantineRecord",
    "RedactedDocument",
    "Redaction",
    "content_sha256",
    "document_fields",
    "metadata_parts",
    "rebuild_metadata",
    "sha256_hex",
    "supplied_id",
]


def sha256_hex(data: bytes | str) -> str:
    """Hex sha256 of bytes, or of a string's UTF-8 encoding (surrogates escaped, never an error)."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()


class IdKind(str, Enum):
    """What a derived identifier names. Each kind is a namespace of its own: its own prefix and hash input.

    Derived ids and references are made in one place, ``transforms.readers.inputs.derived_id``.
    """

    FILE = "f"  # a file read whole as one record
    MEMBER = "m"  # an archive member read whole as one record
    ROW = "r"  # a JSONL line or Parquet row whose own id is unusable (the caller appends "#L<n>" / "#row<n>")
    SOURCE = "src"  # the opaque reference that names a file or member in quarantine rows and reports


# Every derived record id starts with this character; a record's own id that starts with it is escaped.
DERIVED_ID_MARK = "~"


def supplied_id(raw: str) -> str:
    """A record's own id (from a JSONL or Parquet field) as it is written: unchanged, unless it starts with
    ``DERIVED_ID_MARK``, which only derived ids may; then one more mark goes in front (``~x`` -> ``~~x``).

    So no record can take a derived id, and two different record ids never become one.
    """
    return DERIVED_ID_MARK + raw if raw.startswith(DERIVED_ID_MARK) else raw


# Texts at least this long cross Beam steps compressed (see _packed_reduce): a 50 MB document is
# otherwise copied whole into every buffer between two steps.
_PACK_CHARS = 1 << 20


@dataclass(frozen=True)
class _PackedText:
    """A long text, zstd-compressed UTF-8 (lone surrogates passed through), while it is pickled."""

    size: int
    data: bytes

    @classmethod
    def of(cls, text: str) -> _PackedText:
        import pyarrow as pa

        raw = text.encode("utf-8", "surrogatepass")
        return cls(len(raw), pa.compress(raw, codec="zstd", asbytes=True))

    def unpack(self) -> str:
        import pyarrow as pa

        raw = pa.decompress(self.data, decompressed_size=self.size, codec="zstd", asbytes=True)
        return raw.decode("utf-8", "surrogatepass")


def _packed_reduce(obj: Document | RedactedDocument) -> tuple[object, ...]:
    """Pickle a record with its ``text`` compressed when long; unpickling gives an equal record."""
    values = tuple(getattr(obj, f.name) for f in fields(obj))
    names = [f.name for f in fields(obj)]
    if len(obj.text) >= _PACK_CHARS:
        i = names.index("text")
        values = (*values[:i], _PackedText.of(obj.text), *values[i + 1 :])
    return (_unpickle_record, (type(obj), values))


def _unpickle_record(cls: type, values: tuple[object, ...]) -> object:
    return cls(*(v.unpack() if isinstance(v, _PackedText) else v for v in values))


@dataclass(frozen=True)
class Document:
    """One uploaded record, decoded, before redaction.

    ``source`` says where it came from (relative path, plus a line or row number for batch files);
    it is itself data and is redacted before it is written. ``metadata`` holds the configured
    ``keep_fields`` as sorted ``(name, value)`` pairs, values of their own type (``transforms.metadata``);
    ``metadata_types`` names the Arrow type of each value that is not a string or null.
    ``input_sha256``/``size_bytes`` describe the raw bytes the record was decoded from.
    ``source_ref`` is the opaque form of ``source`` (``src-`` reference plus line or row)
    that the quarantine uses, because a file name is data too.
    """

    id: str
    text: str
    source: str
    metadata: Metadata = ()
    input_sha256: str = ""
    size_bytes: int = 0
    source_ref: str = ""
    metadata_types: MetadataTypes = ()

    __reduce__ = _packed_reduce


def document_fields(doc: Document) -> list[str]:
    """Every text of a document that detection runs over, in order: text, source, then the
    ``value_parts`` of each kept metadata value (strings, map keys and numbers inside it)."""
    parts = (p for _, v, t in metadata_entries(doc.metadata, doc.metadata_types) for p in value_parts(v, t))
    return [doc.text, doc.source, *parts]


def metadata_parts(value: str) -> list[str]:
    """The texts detection reads in one kept string value, in order.

    A value that is a JSON list or object as the readers render one (sorted keys) gives every key,
    string and number in it, each alone, so every element of a list is detected on its own and
    JSON escapes hide nothing; any other value is one text, itself.
    """
    return string_parts(value)


def rebuild_metadata(metadata: Metadata, parts: Sequence[str], types: MetadataTypes = ()) -> Metadata:
    """The kept metadata with every value rebuilt from its cleaned parts (all values' parts, in order,
    as ``document_fields`` lists them after text and source): strings take their cleaned text, a number
    a detector changed becomes None (``transforms.metadata.rebuild_value``). Raises ``ValueError`` when
    ``parts`` does not hold exactly that many texts."""
    cleaned = iter(parts)
    try:
        out = tuple((name, rebuild_value(v, t, cleaned)) for name, v, t in metadata_entries(metadata, types))
    except StopIteration:
        raise ValueError("fewer cleaned metadata parts than the metadata holds") from None
    if next(cleaned, None) is not None:
        raise ValueError("more cleaned metadata parts than the metadata holds")
    return out


def content_sha256(doc: Document) -> str:
    """The fingerprint of everything in a document that can change its output: id, source, text, metadata.

    Two documents with the same fingerprint redact to the same output under the same ruleset, so a
    later run may carry the earlier output over instead of detecting again. A plain digest, kept in
    memory only: the output carries it keyed under the state key (``transforms.output.keyed``).
    """
    h = hashlib.sha256()
    for part in (doc.id, doc.source, doc.text):
        data = part.encode("utf-8", "surrogatepass")
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    declared = dict(doc.metadata_types)
    for name, value in doc.metadata:
        if name in declared:  # typed: its type and JSON; a string or None hashes as it always did
            encoded = "\x02" + json.dumps(
                metadata_json(((name, value),), ((name, declared[name]),)), ensure_ascii=False
            )
        else:
            encoded = "\x00" if value is None else "\x01" + value
        for part in (name, encoded):
            data = part.encode("utf-8", "surrogatepass")
            h.update(len(data).to_bytes(8, "big"))
            h.update(data)
    return h.hexdigest()


@dataclass(frozen=True)
class Excluded:
    """A record removed from the run by an ``input.exclude`` rule (consent withdrawn, erasure request).

    It reaches neither the records nor the quarantine; the manifest counts it. ``source`` is opaque.
    """

    id: str
    source: str


@dataclass(frozen=True, slots=True)
class Finding:
    """A detected entity: ``text[start:end]`` of the original text is ``entity_type``.

    ``detector`` names the registered detector (and rule, after a dot) that found it.
    """

    entity_type: str
    start: int
    end: int
    score: float
    detector: str

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"finding span must satisfy 0 <= start < end, got {self.start}..{self.end}")

    @property
    def length(self) -> int:
        """Characters covered, ``end - start`` (always positive)."""
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Redaction:
    """What was replaced and why: offsets in the original (start/end) and cleaned (out_*) text."""

    entity_type: str
    start: int
    end: int
    out_start: int
    out_end: int
    detector: str
    score: float
    operator: str


@dataclass(frozen=True)
class RedactedDocument:
    """A document whose every field went through every detector and its operators."""

    id: str
    text: str
    source: str
    metadata: Metadata
    # A ``RedactionLog`` (compact) from the engine; any sequence of ``Redaction`` is accepted.
    redactions: Sequence[Redaction]
    # Entity counts over all fields (text, source, metadata), for the manifest.
    entity_counts: tuple[tuple[str, int], ...] = field(default=())
    # Carried from the Document so a record can still be quarantined after redaction (duplicate ids).
    source_ref: str = ""
    input_sha256: str = ""
    size_bytes: int = 0
    # ``content_sha256`` of the Document, and every (detector, entity type) whose findings survived the
    # policy filters in any field: what a later run needs to tell whether a rule change can affect it.
    content_sha256: str = ""
    rules: tuple[tuple[str, str], ...] = ()
    # The Arrow types of the kept values that are not strings or null, as on the Document.
    metadata_types: MetadataTypes = ()

    __reduce__ = _packed_reduce


class QuarantineReason(str, Enum):
    """The fixed reason codes of the quarantine output."""

    DECODE_ERROR = "decode_error"
    TOO_LARGE = "too_large"
    INVALID_RECORD = "invalid_record"
    READ_ERROR = "read_error"
    DETECTOR_ERROR = "detector_error"
    TIMEOUT = "timeout"
    DUPLICATE_ID = "duplicate_id"
    UNSUPPORTED_TYPE = "unsupported_type"


@dataclass(frozen=True)
class QuarantineRecord:
    """A record that did not reach the clean output, described without any of its content.

    ``source`` here is an opaque reference (``src-`` reference plus line/row), never a
    file name. ``error_class`` is an exception class name, never its message.
    """

    id: str
    source: str
    reason: QuarantineReason
    error_class: str
    input_sha256: str
    size_bytes: int
