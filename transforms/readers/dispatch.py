"""The readers' entry point: one input file in, its records out, the reader chosen by the file name.

``read_input_file`` runs on the workers: it streams one file and yields, for every record in it,
either a ``Document``, a ``QuarantineRecord`` or an ``Excluded``. It never raises for bad content and
never drops a record silently.

Nothing here logs, and no exception message or quarantine field carries record content or a file
name (quarantine rows name files only by an opaque reference, see ``inputs.opaque_source``).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator

from transforms import storage
from transforms.config import InputConfig, LimitsConfig
from transforms.readers.archives import read_zip
from transforms.readers.files import read_file_record
from transforms.readers.inputs import InputFile, Opener
from transforms.readers.jsonl import read_jsonl
from transforms.readers.kinds import kind_of_name
from transforms.readers.parquet import PARQUET_SPLIT_BYTES, ParquetPlan, plan_parquet, read_parquet
from transforms.records import Document, Excluded, QuarantineRecord

__all__ = ["plan_input_file", "read_input_file"]


def plan_input_file(
    f: InputFile, opener: Opener = storage.open_read, split_bytes: int = PARQUET_SPLIT_BYTES
) -> ParquetPlan | None:
    """How ``f`` is read in parts: the ``ParquetPlan`` of an uncompressed Parquet file whose footer reads
    (its row groups gathered into spans of about ``split_bytes``, each read by
    ``transforms.readers.parquet.read_row_groups``), or None when ``read_input_file`` reads it whole
    (every other format, and a Parquet file that is gzipped, cannot be opened or is not Parquet, whose
    quarantine row that read then gives). Reads the footer only."""
    kind, compressed = kind_of_name(posixpath.basename(f.path))
    if kind != "parquet" or compressed or f.member:
        return None
    return plan_parquet(f, opener, split_bytes)


def read_input_file(
    f: InputFile, cfg: InputConfig, limits: LimitsConfig, opener: Opener = storage.open_read
) -> Iterator[Document | QuarantineRecord | Excluded]:
    """Yield every record of one input file as a ``Document`` or a ``QuarantineRecord``, in file order.

    The file is opened with ``opener`` (``transforms.storage.open_read``: a local path or any location
    Beam's file systems reach), at most once.

    A JSONL object or Parquet row that matches an ``input.exclude`` rule is yielded as ``Excluded``
    (id and opaque source only) before anything else about it is checked.

    Guarantees: never raises for bad content (only ``MemoryError`` and interpreter-level exceptions
    propagate); every record that could not be read, decoded or validated is a ``QuarantineRecord``
    with a fixed reason, an opaque ``source`` and an ``error_class`` that is a class name or fixed
    code, never a message. Environment failures (the file vanished, permission denied) are
    ``READ_ERROR``. JSONL and Parquet are streamed; raw, e-mail, document and zip files are read
    whole, up to ``limits.max_file_bytes``.

    Formats, by file name (case-insensitive; a ``.gz`` suffix is decompressed as a stream first and the
    inner name decides; a truncated or corrupt stream is ``DECODE_ERROR`` for what was not read yet):

    - ``.jsonl`` / ``.ndjson``: one object per line, blank lines skipped; ``source`` is
      ``relpath#L<n>`` (1-based physical line). A line longer than ``limits.max_file_bytes`` bytes is
      ``TOO_LARGE`` (streamed past, never held in memory).
    - ``.parquet``: one record per row (only the id, text and kept columns are read);
      ``source`` is ``relpath#row<n>`` (0-based); ``input_sha256``/``size_bytes`` describe the row's
      canonical JSON. ``.parquet.gz`` is not supported (``DECODE_ERROR``).
    - ``.eml``: the From/To/Cc/Bcc/Reply-To/Date/Subject header lines present (decoded), a blank line,
      then every text/plain part and every text/html part (inline or attached; HTML rendered as text
      with script/style dropped), separated by blank lines. Non-text attachments are ignored in this
      version: they are neither read nor reported.
    - ``.docx``, ``.pptx``, ``.xlsx``, ``.pdf`` (text layer), ``.html``/``.htm``, ``.msg`` (Outlook):
      one record of extracted text (``transforms.readers.formats``: each extractor's docstring lists which
      properties and metadata it puts in the text, to be redacted with it, and which it drops; none
      pass through raw). A document the library cannot parse is ``DECODE_ERROR`` with the library's
      exception class name; an encrypted one, or a legacy binary Office file under a new name, is
      ``UNSUPPORTED_TYPE``; an office package over the archive limits is ``TOO_LARGE``.
    - ``.zip``: one record per member, in central-directory order, each read as if it were a file with
      the member's name; its ``source`` is ``relpath!member``, its id (of kind ``MEMBER``) and opaque
      ``source_ref`` derive from the archive's place and the member (``inputs.derived_id``). The
      archive is read whole (up to ``limits.max_file_bytes``) and checked before any member is inflated: over
      ``max_archive_members``, ``max_archive_member_bytes``, ``max_archive_total_bytes`` or
      ``max_archive_ratio`` (members over 1 MiB) it is one ``TOO_LARGE`` record for the whole
      archive. Directories, hidden members and ``__MACOSX/`` are skipped, as a directory walk skips
      hidden files. Nested archives (``.zip``, ``.gz`` members; ``.zip.gz`` files) and Parquet members
      are not opened: ``UNSUPPORTED_TYPE`` (``NestedArchive``, ``ParquetInArchive``). Encrypted
      members are ``UNSUPPORTED_TYPE`` (``EncryptedMember``); the other members are still read.
    - anything else: one raw text document, UTF-8 (BOM stripped) or UTF-16 with a BOM, kept exactly as
      decoded (no newline or Unicode normalisation). Binary content is ``UNSUPPORTED_TYPE`` whatever
      the name: bytes starting with a known binary signature (``PngImage``, ``JpegImage``,
      ``PdfDocument``, ``ZipArchive``, ``ElfExecutable``, ``OleCompoundFile``...) or, without a UTF-16
      BOM, holding a NUL byte (``BinaryContent``; UTF-16 without a BOM is binary by this rule). Text
      that then fails to decode is ``DECODE_ERROR`` (as is decoded UTF-16 text holding U+0000: ``NulByte``).

    ``input_sha256``/``size_bytes`` of raw, e-mail and document files describe the (decompressed) file
    bytes; of zip members, the member's bytes.
    """
    kind, compressed = kind_of_name(posixpath.basename(f.path))
    if kind == "jsonl":
        yield from read_jsonl(f, compressed, cfg, limits, opener)
    elif kind == "parquet":
        yield from read_parquet(f, compressed, cfg, limits, opener)
    elif kind == "zip":
        yield from read_zip(f, compressed, cfg, limits, opener)
    else:
        yield read_file_record(f, kind, compressed, cfg, limits, opener)
