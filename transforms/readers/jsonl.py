"""JSONL uploads (``.jsonl``, ``.ndjson``): one JSON object per line, streamed.

A record's ``source`` is ``relpath#L<n>`` (1-based physical line); blank lines are skipped; a UTF-8
BOM on the first line is dropped; a line longer than ``limits.max_file_bytes`` bytes is ``TOO_LARGE``
and is streamed past, never held in memory. Each object is mapped by ``rows.record_from_row``.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import json
import re
from collections.abc import Iterator
from typing import Any

from transforms import storage
from transforms.config import InputConfig, LimitsConfig
from transforms.readers.inputs import DECOMPRESS_ERRORS, InputFile, Opener, open_input, quarantine_record
from transforms.readers.rows import record_from_row
from transforms.records import Document, Excluded, QuarantineReason, QuarantineRecord

__all__ = ["read_jsonl", "read_jsonl_bytes"]

# Read size used to stream past an over-long JSONL line without holding it in memory.
_SKIP_CHUNK = 1 << 20
# A JSON escape that may decode to a lone surrogate; only then are decoded strings re-checked.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


def _strip_eol(data: bytes) -> bytes:
    if data.endswith(b"\r\n"):
        return data[:-2]
    if data.endswith(b"\n"):
        return data[:-1]
    return data


def _skip_rest_of_line(fh: io.BufferedIOBase, first: bytes) -> tuple[str, int]:
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


def _read_line(fh: io.BufferedIOBase, cap: int) -> tuple[bytes | None, str, int] | None:
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
        return quarantine_record(
            f, QuarantineReason.DECODE_ERROR, "UnicodeDecodeError", suffix=suffix, sha=sha, size=size
        )
    try:
        obj = json.loads(line, parse_constant=_reject_constant)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError, NaN/Infinity, int digit limit, deep nesting
        return quarantine_record(
            f, QuarantineReason.INVALID_RECORD, type(exc).__name__, suffix=suffix, sha=sha, size=size
        )
    surrogates_possible = _SURROGATE_ESCAPE.search(content) is not None
    return record_from_row(f, obj, cfg, limits, suffix=suffix, sha=sha, size=size, check_surrogates=surrogates_possible)


def _reject_constant(_name: str) -> Any:
    raise json.JSONDecodeError("non-standard JSON constant", "", 0)


def read_jsonl(
    f: InputFile, compressed: bool, cfg: InputConfig, limits: LimitsConfig, opener: Opener = storage.open_read
) -> Iterator[Document | QuarantineRecord | Excluded]:
    """Every record of a JSONL file, in line order, streamed (opened with ``opener``, gzip decompressed
    when ``compressed``).

    A file that cannot be opened is one ``READ_ERROR``; a read or decompression failure part-way
    ends the file with one ``READ_ERROR`` or ``DECODE_ERROR`` for the line it stopped at.
    """
    try:
        fh = open_input(f.path, compressed, opener)
    except OSError as exc:
        yield quarantine_record(f, QuarantineReason.READ_ERROR, type(exc).__name__)
        return
    with fh:
        lineno = 0
        while True:
            lineno += 1
            suffix = f"#L{lineno}"
            try:
                line = _read_line(fh, limits.max_file_bytes)
            except DECOMPRESS_ERRORS as exc:
                yield quarantine_record(f, QuarantineReason.DECODE_ERROR, type(exc).__name__, suffix=suffix)
                return
            except OSError as exc:
                yield quarantine_record(f, QuarantineReason.READ_ERROR, type(exc).__name__, suffix=suffix)
                return
            if line is None:
                return
            content, sha, size = line
            if content is None:
                yield quarantine_record(
                    f, QuarantineReason.TOO_LARGE, "LineTooLarge", suffix=suffix, sha=sha, size=size
                )
            elif content.strip():
                yield _jsonl_line(f, content, lineno, sha, cfg, limits)


def read_jsonl_bytes(mf: InputFile, data: bytes, cfg: InputConfig, limits: LimitsConfig) -> Iterator[Any]:
    """Every record of JSONL content already in memory (a zip member), in line order, as ``read_jsonl``."""
    fh = io.BytesIO(data)
    lineno = 0
    while (line := _read_line(fh, limits.max_file_bytes)) is not None:
        lineno += 1
        content, sha, size = line
        if content is None:
            yield quarantine_record(
                mf, QuarantineReason.TOO_LARGE, "LineTooLarge", suffix=f"#L{lineno}", sha=sha, size=size
            )
        elif content.strip():
            yield _jsonl_line(mf, content, lineno, sha, cfg, limits)
