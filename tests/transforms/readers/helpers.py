"""Expected-value helpers for the reader tests, computed independently of the modules under test."""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from transforms.config import InputConfig, LimitsConfig
from transforms.readers.dispatch import read_input_file
from transforms.readers.inputs import InputFile
from transforms.records import Document, Excluded, QuarantineReason, QuarantineRecord

DECODE = QuarantineReason.DECODE_ERROR
INVALID = QuarantineReason.INVALID_RECORD
TOO_LARGE = QuarantineReason.TOO_LARGE
READ = QuarantineReason.READ_ERROR
UNSUPPORTED = QuarantineReason.UNSUPPORTED_TYPE

CFG = InputConfig()  # id_field "id", text_fields ["text"], no keep_fields
LIMITS = LimitsConfig()

Metadata = tuple[tuple[str, str | None], ...]


def sha(data: bytes | str) -> str:
    """sha256 hex digest of bytes, or of a string's UTF-8 encoding."""
    return hashlib.sha256(data.encode() if isinstance(data, str) else data).hexdigest()


def _anchor(f: InputFile) -> str:
    """What a derived id names without a state key: the file's 6-digit ordinal, then ``.<n>`` for the
    n-th member of an archive."""
    return f"{f.ordinal:06d}" + (f".{f.member_index}" if f.member else "")


def fid(f: InputFile) -> str:
    """The record id of a file (``~f-``) or archive member (``~m-``) read whole, without a state key."""
    return f"~{'m' if f.member else 'f'}-{_anchor(f)}"


def rid(f: InputFile, suffix: str) -> str:
    """The id of a position (``#L3``, ``#row2``) in ``f`` whose record has no usable id of its own."""
    return f"~r-{_anchor(f)}{suffix}"


def opq(f: InputFile, suffix: str = "") -> str:
    """The opaque source reference of ``f`` (plus a position suffix), without a state key."""
    return f"src-{_anchor(f)}{suffix}"


def member(f: InputFile, name: str, index: int) -> InputFile:
    """The zip member ``name``, the ``index``-th (from 1) of the members read in ``f``, as the zip reader sees it."""
    return replace(f, relpath=f"{f.relpath}!{name}", member=name, member_index=index)


def qrec(
    f: InputFile,
    reason: QuarantineReason,
    error_class: str,
    *,
    suffix: str = "",
    record_id: str | None = None,
    raw: bytes | None = None,
    size: int | None = None,
) -> QuarantineRecord:
    """The quarantine row expected for ``f`` (``raw``: the refused bytes, when they were read)."""
    if record_id is None:
        record_id = rid(f, suffix) if suffix else fid(f)
    return QuarantineRecord(
        id=record_id,
        source=opq(f, suffix),
        reason=reason,
        error_class=error_class,
        input_sha256="" if raw is None else sha(raw),
        size_bytes=(0 if raw is None else len(raw)) if size is None else size,
    )


def line_doc(f: InputFile, lineno: int, record_id: str, text: str, raw: bytes, metadata: Metadata = ()) -> Document:
    """The record expected from line ``lineno`` of the JSONL file ``f``."""
    return Document(
        id=record_id,
        text=text,
        source=f"{f.relpath}#L{lineno}",
        metadata=metadata,
        input_sha256=sha(raw),
        size_bytes=len(raw),
        source_ref=opq(f, f"#L{lineno}"),
    )


def file_doc(f: InputFile, text: str, raw: bytes, metadata: Metadata = ()) -> Document:
    """The record expected from ``f`` read whole."""
    return Document(
        id=fid(f),
        text=text,
        source=f.relpath,
        metadata=metadata,
        input_sha256=sha(raw),
        size_bytes=len(raw),
        source_ref=opq(f),
    )


def put(tmp_path: Path, name: str, data: bytes) -> InputFile:
    """Write ``data`` to ``tmp_path/name`` and return it as an input file rooted at ``tmp_path``."""
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return InputFile(0, str(tmp_path), str(path), name)


def read(
    f: InputFile, cfg: InputConfig = CFG, limits: LimitsConfig = LIMITS
) -> list[Document | QuarantineRecord | Excluded]:
    """Every record ``read_input_file`` yields for ``f``."""
    return list(read_input_file(f, cfg, limits))


def make_zip(members: list[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip archive of ``members`` with a fixed timestamp."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as zf:
        for name, blob in members:
            zf.writestr(zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0)), blob, method)
    return out.getvalue()


def rezip(data: bytes, member: str, change: Callable[[bytes], bytes]) -> bytes:
    """``data`` (a zip) with one member's bytes replaced by ``change(old bytes)``."""
    src = zipfile.ZipFile(io.BytesIO(data))
    return make_zip(
        [(i.filename, change(src.read(i)) if i.filename == member else src.read(i)) for i in src.infolist()]
    )
