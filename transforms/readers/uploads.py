"""Beam-free reading of uploads: expand the input arguments into files, turn each file into records.

``expand_inputs`` runs once, when the pipeline is built: it turns ``--input`` arguments (files,
directories, glob patterns) into a sorted, duplicate-free list of ``InputFile``. ``read_input_file``
runs on the workers: it streams one file and yields, for every record in it, either a ``Document`` or
a ``QuarantineRecord``. It never raises for bad content and never drops a record silently.

Nothing here logs, and no exception message or quarantine field carries record content or a file
name (quarantine rows name files only by an opaque fingerprint, see ``opaque_source``).
"""

from __future__ import annotations

import codecs
import email
import glob
import gzip
import hashlib
import io
import json
import os
import re
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from email import policy
from pathlib import PurePath
from typing import IO, Any

from transforms.config import InputConfig, LimitsConfig
from transforms.readers.documents import (
    DOCUMENT_KINDS,
    CorruptDocument,
    DocumentError,
    DocumentTooLarge,
    archive_members,
    binary_signature,
    decode_text,
    extract_text,
    html_to_text,
    read_member,
)
from transforms.records import Document, Excluded, QuarantineReason, QuarantineRecord, sha256_hex

__all__ = [
    "InputError",
    "InputFile",
    "expand_inputs",
    "file_record_id",
    "opaque_source",
    "read_input_file",
]

JSONL_SUFFIXES = (".jsonl", ".ndjson")
PARQUET_SUFFIX = ".parquet"
EML_SUFFIX = ".eml"
ZIP_SUFFIX = ".zip"
GZIP_SUFFIX = ".gz"
EML_HEADERS = ("From", "To", "Cc", "Bcc", "Reply-To", "Date", "Subject")

# Rows per Parquet batch: small, because a single row may hold a very large text.
PARQUET_BATCH_ROWS = 64
# Read size used to stream past an over-long JSONL line without holding it in memory.
_SKIP_CHUNK = 1 << 20

_GLOB_MAGIC = re.compile(r"[*?[]")
# A JSON escape that may decode to a lone surrogate; only then are decoded strings re-checked.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")
# Decompression failures: bad content, not an environment failure (BadGzipFile is an OSError).
_DECOMPRESS_ERRORS = (gzip.BadGzipFile, EOFError, zlib.error)


class InputError(ValueError):
    """An input argument names nothing readable; the message quotes only the argument as given."""


@dataclass(frozen=True)
class InputFile:
    """One file to read.

    ``root_index`` is the position of the input argument it came from, ``root`` the absolute directory
    that ``relpath`` (posix separators) is relative to, ``path`` the absolute path of the file.
    For a file named directly, ``root`` is its directory and ``relpath`` its base name.
    """

    root_index: int
    root: str
    path: str
    relpath: str


# ---------------------------------------------------------------------------------------------------
# Identifiers


def file_record_id(relpath: str) -> str:
    """The record id of a whole file: ``"f-"`` + the first 32 hex digits of sha256(relpath)."""
    return "f-" + sha256_hex(relpath)[:32]


def opaque_source(f: InputFile, suffix: str = "") -> str:
    """An opaque reference to a file (plus ``suffix`` such as ``"#L3"``) that never reveals its name.

    ``f"src-{sha256(relpath)[:16]}{suffix}"``: stable across runs and independent of the order the
    inputs were given in (like record ids, it depends on the path relative to its input root only).
    """
    return f"src-{sha256_hex(f.relpath)[:16]}{suffix}"


# ---------------------------------------------------------------------------------------------------
# Input expansion


def _has_magic(s: str) -> bool:
    return _GLOB_MAGIC.search(s) is not None


def _within(path: str, root: str) -> bool:
    return os.path.commonpath([path, root]) == root


def _posix_rel(path: str, root: str) -> str:
    return PurePath(os.path.relpath(path, root)).as_posix()


def _walk(directory: str, real_root: str, arg: str) -> Iterator[str]:
    """Absolute paths of the files under ``directory`` that the walk rules admit.

    Hidden entries (name starts with '.') are skipped; symbolic links to directories are not
    descended; a symbolic link to a file is kept only when it resolves inside ``real_root``;
    special files (FIFOs, sockets, devices) are skipped because reading them could block.
    """

    def fail(_exc: OSError) -> None:
        raise InputError(f"input not readable: {arg}") from None

    for dirpath, dirnames, filenames in os.walk(directory, onerror=fail, followlinks=False):
        dirnames[:] = sorted(
            d for d in dirnames if not d.startswith(".") and not os.path.islink(os.path.join(dirpath, d))
        )
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            full = os.path.join(dirpath, name)
            if _admissible_file(full, real_root):
                yield full


def _admissible_file(full: str, real_root: str) -> bool:
    if os.path.islink(full) and not _within(os.path.realpath(full), real_root):
        return False
    if os.path.isdir(full):
        return False
    # A broken link inside the root is kept: reading it becomes a READ_ERROR record, not a silent gap.
    return not os.path.exists(full) or os.path.isfile(full)


def _glob_root(pattern: str) -> str:
    root = os.path.dirname(pattern)
    while _has_magic(root):
        root = os.path.dirname(root)
    return os.path.abspath(root or ".")


def _through_symlinked_dir(path: str, root: str) -> bool:
    """Whether ``path`` is reached from ``root`` through a symbolic link to a directory."""
    parent = os.path.dirname(path)
    while parent != root and _within(parent, root):
        if os.path.islink(parent):
            return True
        parent = os.path.dirname(parent)
    return False


def _expand_one(index: int, arg: str) -> list[InputFile]:
    if os.path.lexists(arg):  # an existing literal path wins over a glob reading of the same string
        path = os.path.abspath(arg)
        if os.path.isdir(path):
            real_root = os.path.realpath(path)
            return [InputFile(index, path, p, _posix_rel(p, path)) for p in _walk(path, real_root, arg)]
        if os.path.isfile(path):
            return [InputFile(index, os.path.dirname(path), path, os.path.basename(path))]
        if not os.path.exists(path):  # a broken symbolic link named directly
            raise InputError(f"input not found: {arg}")
        raise InputError(f"input is not a file or directory: {arg}")
    matches = sorted(glob.glob(arg, recursive=True)) if _has_magic(arg) else []
    if not matches:
        raise InputError(f"input not found: {arg}")
    root = _glob_root(arg)
    real_root = os.path.realpath(root)
    paths: set[str] = set()
    for match in matches:
        full = os.path.abspath(match)
        if not _within(full, root) or _through_symlinked_dir(full, root):
            continue
        if os.path.isdir(full):
            if not os.path.islink(full):
                paths.update(_walk(full, real_root, arg))
        elif _admissible_file(full, real_root):
            paths.add(full)
    return [InputFile(index, root, p, _posix_rel(p, root)) for p in paths]


def expand_inputs(inputs: Sequence[str]) -> list[InputFile]:
    """Expand input arguments into the files to read, sorted by ``(root_index, relpath)``.

    Each argument is a file (``relpath`` = its base name), a directory (walked recursively, with
    ``relpath`` relative to it), or a glob pattern (``glob.glob(recursive=True)``; the root is the
    longest directory prefix without glob characters; matched directories are walked). Walks skip
    hidden files and directories, never descend symbolic links to directories, and keep a symbolic
    link to a file only when it resolves inside the root. A file reached from several arguments is
    listed once, under the first. The result depends only on the file tree, never on listing order.

    Raises ``InputError("input not found: <arg>")`` for a missing path or a glob matching nothing.
    """
    seen: set[str] = set()
    result: list[InputFile] = []
    for index, arg in enumerate(inputs):
        for f in sorted(_expand_one(index, arg), key=lambda f: f.relpath):
            if f.path not in seen:
                seen.add(f.path)
                result.append(f)
    return result


# ---------------------------------------------------------------------------------------------------
# Record construction helpers


def _quarantine(
    f: InputFile,
    reason: QuarantineReason,
    error_class: str,
    *,
    suffix: str = "",
    record_id: str | None = None,
    sha: str = "",
    size: int = 0,
) -> QuarantineRecord:
    if record_id is None:
        record_id = file_record_id(f.relpath) + suffix
    return QuarantineRecord(
        id=record_id,
        source=opaque_source(f, suffix),
        reason=reason,
        error_class=error_class,
        input_sha256=sha,
        size_bytes=size,
    )


def _encodable(s: str) -> bool:
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _render(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def _empty_metadata(cfg: InputConfig) -> tuple[tuple[str, str | None], ...]:
    return tuple((name, None) for name in sorted(set(cfg.keep_fields)))


def _excluded(obj: dict[str, Any], cfg: InputConfig) -> bool:
    for rule in cfg.exclude:
        try:
            value = _render(obj.get(rule.field))
        except (TypeError, ValueError):
            continue
        if value is not None and value in rule.values:
            return True
    return False


def _map_object(
    f: InputFile,
    obj: Any,
    cfg: InputConfig,
    limits: LimitsConfig,
    *,
    suffix: str,
    sha: str,
    size: int,
    check_surrogates: bool,
) -> Document | QuarantineRecord | Excluded:
    """Map one JSON object / Parquet row onto a Document, or say why it cannot be one (or that an
    ``input.exclude`` rule removes it)."""

    def bad(reason: QuarantineReason, code: str, record_id: str | None = None) -> QuarantineRecord:
        return _quarantine(f, reason, code, suffix=suffix, record_id=record_id, sha=sha, size=size)

    if not isinstance(obj, dict):
        return bad(QuarantineReason.INVALID_RECORD, "NotAnObject")
    raw_id = obj.get(cfg.id_field)
    if cfg.exclude and _excluded(obj, cfg):
        # Withdrawn before anything else is checked: its content goes nowhere, not even to quarantine.
        valid_id = isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool) and str(raw_id) != ""
        return Excluded(str(raw_id) if valid_id else file_record_id(f.relpath) + suffix, opaque_source(f, suffix))
    if raw_id is None:
        return bad(QuarantineReason.INVALID_RECORD, "MissingId")
    if isinstance(raw_id, bool) or not isinstance(raw_id, (str, int)):
        return bad(QuarantineReason.INVALID_RECORD, "InvalidIdType")
    record_id = str(raw_id)
    if not record_id:
        return bad(QuarantineReason.INVALID_RECORD, "EmptyId")
    if check_surrogates and not _encodable(record_id):
        return bad(QuarantineReason.DECODE_ERROR, "UnicodeEncodeError")

    parts: list[str] = []
    for name in cfg.text_fields:
        value = obj.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            return bad(QuarantineReason.INVALID_RECORD, "InvalidTextType", record_id)
        parts.append(value)
    if not parts:
        return bad(QuarantineReason.INVALID_RECORD, "MissingText", record_id)
    text = "\n\n".join(parts)
    if len(text) > limits.max_record_chars:
        return bad(QuarantineReason.TOO_LARGE, "RecordTooLarge", record_id)

    try:
        metadata = tuple((name, _render(obj.get(name))) for name in sorted(set(cfg.keep_fields)))
    except (TypeError, ValueError) as exc:
        return bad(QuarantineReason.INVALID_RECORD, type(exc).__name__, record_id)
    if check_surrogates and not (_encodable(text) and all(v is None or _encodable(v) for _, v in metadata)):
        return bad(QuarantineReason.DECODE_ERROR, "UnicodeEncodeError", record_id)
    return Document(
        id=record_id,
        text=text,
        source=f"{f.relpath}{suffix}",
        metadata=metadata,
        source_ref=opaque_source(f, suffix),
        input_sha256=sha,
        size_bytes=size,
    )


def _kind(f: InputFile) -> tuple[str, bool]:
    """(format, gzipped) from the file name, case-insensitively; ``x.jsonl.gz`` is ("jsonl", True)."""
    return _kind_of_name(os.path.basename(f.path))


def _kind_of_name(name: str) -> tuple[str, bool]:
    name = name.lower()
    compressed = name.endswith(GZIP_SUFFIX)
    if compressed:
        name = name[: -len(GZIP_SUFFIX)]
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl", compressed
    if name.endswith(PARQUET_SUFFIX):
        return "parquet", compressed
    if name.endswith(EML_SUFFIX):
        return "eml", compressed
    if name.endswith(ZIP_SUFFIX):
        return "zip", compressed
    for suffix, kind in DOCUMENT_KINDS.items():
        if name.endswith(suffix):
            return kind, compressed
    return "raw", compressed


def _open(path: str, compressed: bool) -> IO[bytes]:
    return gzip.open(path, "rb") if compressed else open(path, "rb")  # closed by the caller


# ---------------------------------------------------------------------------------------------------
# JSONL


def _strip_eol(data: bytes) -> bytes:
    if data.endswith(b"\r\n"):
        return data[:-2]
    if data.endswith(b"\n"):
        return data[:-1]
    return data


def _skip_rest_of_line(fh: IO[bytes], first: bytes) -> tuple[str, int]:
    """Consume an over-long line in chunks; return sha256 and length of its bytes (without EOL)."""
    hasher = hashlib.sha256()
    size = 0
    pending = b""
    data = first
    while True:
        data = pending + data
        if data.endswith(b"\n"):
            body = _strip_eol(data)
            hasher.update(body)
            return hasher.hexdigest(), size + len(body)
        nxt = fh.readline(_SKIP_CHUNK)
        if not nxt:
            hasher.update(data)
            return hasher.hexdigest(), size + len(data)
        # Hold back one byte so a "\r\n" split across chunks is still recognised as the line end.
        hasher.update(data[:-1])
        size += len(data) - 1
        pending = data[-1:]
        data = nxt


def _read_line(fh: IO[bytes], cap: int) -> tuple[bytes | None, str, int] | None:
    """Next line as (bytes without EOL or None if longer than ``cap``, sha256, length); None at EOF."""
    chunk = fh.readline(cap + 2)
    if not chunk:
        return None
    if not chunk.endswith(b"\n") and len(chunk) == cap + 2:
        sha, size = _skip_rest_of_line(fh, chunk)
        return None, sha, size
    content = _strip_eol(chunk)
    sha = hashlib.sha256(content).hexdigest()
    if len(content) > cap:
        return None, sha, len(content)
    return content, sha, len(content)


def _jsonl_line(
    f: InputFile, content: bytes, lineno: int, sha: str, cfg: InputConfig, limits: LimitsConfig
) -> Document | QuarantineRecord | Excluded:
    suffix = f"#L{lineno}"
    size = len(content)
    if lineno == 1 and content.startswith(codecs.BOM_UTF8):
        content = content[len(codecs.BOM_UTF8) :]
    try:
        line = content.decode("utf-8")
    except UnicodeDecodeError:
        return _quarantine(f, QuarantineReason.DECODE_ERROR, "UnicodeDecodeError", suffix=suffix, sha=sha, size=size)
    try:
        obj = json.loads(line, parse_constant=_reject_constant)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError, NaN/Infinity, int digit limit, deep nesting
        return _quarantine(f, QuarantineReason.INVALID_RECORD, type(exc).__name__, suffix=suffix, sha=sha, size=size)
    surrogates_possible = _SURROGATE_ESCAPE.search(content) is not None
    return _map_object(f, obj, cfg, limits, suffix=suffix, sha=sha, size=size, check_surrogates=surrogates_possible)


def _reject_constant(_name: str) -> Any:
    raise json.JSONDecodeError("non-standard JSON constant", "", 0)


def _read_jsonl(
    f: InputFile, compressed: bool, cfg: InputConfig, limits: LimitsConfig
) -> Iterator[Document | QuarantineRecord | Excluded]:
    try:
        fh = _open(f.path, compressed)
    except OSError as exc:
        yield _quarantine(f, QuarantineReason.READ_ERROR, type(exc).__name__)
        return
    with fh:
        lineno = 0
        while True:
            lineno += 1
            suffix = f"#L{lineno}"
            try:
                line = _read_line(fh, limits.max_file_bytes)
            except _DECOMPRESS_ERRORS as exc:
                yield _quarantine(f, QuarantineReason.DECODE_ERROR, type(exc).__name__, suffix=suffix)
                return
            except OSError as exc:
                yield _quarantine(f, QuarantineReason.READ_ERROR, type(exc).__name__, suffix=suffix)
                return
            if line is None:
                return
            content, sha, size = line
            if content is None:
                yield _quarantine(f, QuarantineReason.TOO_LARGE, "LineTooLarge", suffix=suffix, sha=sha, size=size)
            elif content.strip():
                yield _jsonl_line(f, content, lineno, sha, cfg, limits)


# ---------------------------------------------------------------------------------------------------
# Parquet


def _canonical_row(row: dict[str, Any]) -> bytes:
    return json.dumps(row, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")


def _batch_rows(batch: Any) -> list[dict[str, Any] | BaseException]:
    """Rows of a record batch as Python dicts; a row that cannot be converted becomes its exception."""
    try:
        return batch.to_pylist()
    except Exception:  # fall back to row by row to isolate the bad value
        pass
    rows: list[dict[str, Any] | BaseException] = []
    names = batch.schema.names
    for i in range(batch.num_rows):
        try:
            rows.append({name: batch.column(j)[i].as_py() for j, name in enumerate(names)})
        except Exception as exc:  # bad content becomes a quarantine record
            rows.append(exc)
    return rows


def _read_parquet(
    f: InputFile, compressed: bool, cfg: InputConfig, limits: LimitsConfig
) -> Iterator[Document | QuarantineRecord | Excluded]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    if compressed:  # Parquet needs random access; a gzip stream has none.
        yield _quarantine(f, QuarantineReason.DECODE_ERROR, "UnsupportedCompression")
        return
    try:
        source = pa.OSFile(f.path, "r")
    except OSError as exc:
        yield _quarantine(f, QuarantineReason.READ_ERROR, type(exc).__name__)
        return
    with source:
        try:
            pf = pq.ParquetFile(source)
            present = set(pf.schema_arrow.names)
            wanted = dict.fromkeys(
                [cfg.id_field, *cfg.text_fields, *sorted(set(cfg.keep_fields)), *(r.field for r in cfg.exclude)]
            )
            batches = pf.iter_batches(batch_size=PARQUET_BATCH_ROWS, columns=[c for c in wanted if c in present])
        except MemoryError:
            raise
        except Exception as exc:  # any failure to parse the file is bad content
            yield _quarantine(f, QuarantineReason.DECODE_ERROR, type(exc).__name__)
            return
        n = 0
        while True:
            try:
                batch = next(batches)
            except StopIteration:
                return
            except MemoryError:
                raise
            except Exception as exc:  # the rest of the file is unreadable
                yield _quarantine(f, QuarantineReason.DECODE_ERROR, type(exc).__name__, suffix=f"#row{n}")
                return
            for row in _batch_rows(batch):
                suffix = f"#row{n}"
                n += 1
                if isinstance(row, BaseException):
                    yield _quarantine(f, QuarantineReason.DECODE_ERROR, type(row).__name__, suffix=suffix)
                    continue
                try:
                    canonical = _canonical_row(row)
                except (TypeError, ValueError) as exc:
                    yield _quarantine(f, QuarantineReason.INVALID_RECORD, type(exc).__name__, suffix=suffix)
                    continue
                sha = hashlib.sha256(canonical).hexdigest()
                yield _map_object(
                    f, row, cfg, limits, suffix=suffix, sha=sha, size=len(canonical), check_surrogates=False
                )


# ---------------------------------------------------------------------------------------------------
# Whole files: raw text and e-mail


def _read_whole(f: InputFile, compressed: bool, limits: LimitsConfig) -> bytes | QuarantineRecord:
    """The file's (decompressed) bytes, or the quarantine record saying why they were not read."""
    try:
        fh = _open(f.path, compressed)
    except OSError as exc:
        return _quarantine(f, QuarantineReason.READ_ERROR, type(exc).__name__)
    with fh:
        try:
            on_disk = os.fstat(fh.fileno()).st_size
            if on_disk > limits.max_file_bytes:
                return _quarantine(f, QuarantineReason.TOO_LARGE, "FileTooLarge", size=on_disk)
            data = fh.read(limits.max_file_bytes + 1)
        except _DECOMPRESS_ERRORS as exc:
            return _quarantine(f, QuarantineReason.DECODE_ERROR, type(exc).__name__)
        except OSError as exc:
            return _quarantine(f, QuarantineReason.READ_ERROR, type(exc).__name__)
    if len(data) > limits.max_file_bytes:  # grew since fstat, or decompresses past the limit
        return _quarantine(f, QuarantineReason.TOO_LARGE, "FileTooLarge")
    return data


def _eml_text(data: bytes) -> str:
    msg = email.message_from_bytes(data, policy=policy.default)
    headers = [f"{name}: {value}" for name in EML_HEADERS for value in (msg.get_all(name) or [])]
    blocks = ["\n".join(headers)] if headers else []
    for part in msg.walk():
        if part.is_multipart():
            continue
        ctype = part.get_content_type()
        if ctype == "text/plain":
            blocks.append(part.get_content())
        elif ctype == "text/html":
            blocks.append(html_to_text(part.get_content()))
    return "\n\n".join(b for b in blocks if b)


def _read_file_record(
    f: InputFile, kind: str, compressed: bool, cfg: InputConfig, limits: LimitsConfig
) -> Document | QuarantineRecord:
    data = _read_whole(f, compressed, limits)
    if isinstance(data, QuarantineRecord):
        return data
    return _file_record(f, kind, data, cfg, limits)


def _document_reason(exc: DocumentError) -> QuarantineReason:
    if isinstance(exc, CorruptDocument):
        return QuarantineReason.DECODE_ERROR
    if isinstance(exc, DocumentTooLarge):
        return QuarantineReason.TOO_LARGE
    return QuarantineReason.UNSUPPORTED_TYPE


def _file_record(
    f: InputFile, kind: str, data: bytes, cfg: InputConfig, limits: LimitsConfig
) -> Document | QuarantineRecord:
    """One whole-file record (raw text, e-mail or document) from its bytes."""
    sha, size = hashlib.sha256(data).hexdigest(), len(data)
    record_id = file_record_id(f.relpath)

    def bad(reason: QuarantineReason, code: str) -> QuarantineRecord:
        return _quarantine(f, reason, code, record_id=record_id, sha=sha, size=size)

    if kind == "eml":
        try:
            text = _eml_text(data)
        except MemoryError:
            raise
        except Exception as exc:  # the email package raises many types on malformed mail
            return bad(QuarantineReason.DECODE_ERROR, type(exc).__name__)
    elif kind in DOCUMENT_KINDS.values():
        try:
            text = extract_text(kind, data, limits)
        except DocumentError as exc:
            return bad(_document_reason(exc), exc.error_class)
    else:
        signature = binary_signature(data)
        if signature is not None:
            return bad(QuarantineReason.UNSUPPORTED_TYPE, signature)
        try:
            text = decode_text(data)
        except UnicodeDecodeError:
            return bad(QuarantineReason.DECODE_ERROR, "UnicodeDecodeError")
        if "\x00" in text:
            return bad(QuarantineReason.DECODE_ERROR, "NulByte")
    if len(text) > limits.max_record_chars:
        return bad(QuarantineReason.TOO_LARGE, "RecordTooLarge")
    if not _encodable(text):
        return bad(QuarantineReason.DECODE_ERROR, "UnicodeEncodeError")
    return Document(
        id=record_id,
        text=text,
        source=f.relpath,
        metadata=_empty_metadata(cfg),
        source_ref=opaque_source(f),
        input_sha256=sha,
        size_bytes=size,
    )


# ---------------------------------------------------------------------------------------------------
# Zip archives


def _member_file(f: InputFile, name: str) -> InputFile:
    """A zip member seen as a file of its own: ``relpath`` is ``<archive relpath>!<member name>``, so
    its record id, ``source`` and opaque ``source_ref`` derive from both (the ref hashes the name)."""
    return InputFile(f.root_index, f.root, f.path, f"{f.relpath}!{name}")


def _jsonl_member(mf: InputFile, data: bytes, cfg: InputConfig, limits: LimitsConfig) -> Iterator[Any]:
    fh = io.BytesIO(data)
    lineno = 0
    while (line := _read_line(fh, limits.max_file_bytes)) is not None:
        lineno += 1
        content, sha, size = line
        if content is None:
            yield _quarantine(mf, QuarantineReason.TOO_LARGE, "LineTooLarge", suffix=f"#L{lineno}", sha=sha, size=size)
        elif content.strip():
            yield _jsonl_line(mf, content, lineno, sha, cfg, limits)


def _read_zip(f: InputFile, compressed: bool, cfg: InputConfig, limits: LimitsConfig) -> Iterator[Any]:
    if compressed:
        yield _quarantine(f, QuarantineReason.UNSUPPORTED_TYPE, "NestedArchive")
        return
    data = _read_whole(f, False, limits)
    if isinstance(data, QuarantineRecord):
        yield data
        return
    try:
        zf, members = archive_members(data, limits)
    except DocumentError as exc:
        sha, size = hashlib.sha256(data).hexdigest(), len(data)
        yield _quarantine(f, _document_reason(exc), exc.error_class, sha=sha, size=size)
        return
    with zf:
        for member in members:
            mf = _member_file(f, member.name)
            try:
                mdata = read_member(zf, member, limits)
            except DocumentError as exc:
                yield _quarantine(mf, _document_reason(exc), exc.error_class, size=member.file_size)
                continue
            kind, nested = _kind_of_name(member.name)
            if nested or kind == "zip":
                code = "NestedArchive"
            elif kind == "parquet":
                code = "ParquetInArchive"
            else:
                code = ""
            if code:
                sha = hashlib.sha256(mdata).hexdigest()
                yield _quarantine(mf, QuarantineReason.UNSUPPORTED_TYPE, code, sha=sha, size=len(mdata))
            elif kind == "jsonl":
                yield from _jsonl_member(mf, mdata, cfg, limits)
            else:
                yield _file_record(mf, kind, mdata, cfg, limits)


# ---------------------------------------------------------------------------------------------------
# Entry point


def read_input_file(
    f: InputFile, cfg: InputConfig, limits: LimitsConfig
) -> Iterator[Document | QuarantineRecord | Excluded]:
    """Yield every record of one input file as a ``Document`` or a ``QuarantineRecord``, in file order.

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
      one record of extracted text (``transforms.readers.documents``: each extractor's docstring lists which
      properties and metadata it puts in the text, to be redacted with it, and which it drops; none
      pass through raw). A document the library cannot parse is ``DECODE_ERROR`` with the library's
      exception class name; an encrypted one, or a legacy binary Office file under a new name, is
      ``UNSUPPORTED_TYPE``; an office package over the archive limits is ``TOO_LARGE``.
    - ``.zip``: one record per member, in central-directory order, each read as if it were a file with
      the member's name; its ``source`` is ``relpath!member``, its id and opaque ``source_ref`` those
      of a file at that path (so they hash the member name). The archive is read whole (up to
      ``limits.max_file_bytes``) and checked before any member is inflated: over
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
    kind, compressed = _kind(f)
    if kind == "jsonl":
        yield from _read_jsonl(f, compressed, cfg, limits)
    elif kind == "parquet":
        yield from _read_parquet(f, compressed, cfg, limits)
    elif kind == "zip":
        yield from _read_zip(f, compressed, cfg, limits)
    else:
        yield _read_file_record(f, kind, compressed, cfg, limits)
