"""Which reader a file name selects: its kind, and whether it is a gzip stream to decompress first."""

from __future__ import annotations

__all__ = ["GZIP_SUFFIX", "KINDS", "kind_of_name"]

GZIP_SUFFIX = ".gz"

# File name suffix (lower case) -> kind. "jsonl", "parquet" and "zip" are read record by record
# (``jsonl``, ``parquet``, ``archives``); the others are one record of text extracted by
# ``formats.EXTRACTORS``. A name matching none is kind "raw" (plain text). No suffix ends another.
KINDS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".eml": "eml",
    ".zip": "zip",
    ".docx": "docx",
    ".pdf": "pdf",
    ".pptx": "pptx",
    ".xlsx": "xlsx",
    ".html": "html",
    ".htm": "html",
    ".msg": "msg",
}


def kind_of_name(name: str) -> tuple[str, bool]:
    """(kind, gzipped) from a file name, case-insensitively; ``x.jsonl.gz`` is ("jsonl", True).

    A ``.gz`` suffix is stripped first and the inner name decides; a name with no known suffix is "raw".
    """
    name = name.lower()
    compressed = name.endswith(GZIP_SUFFIX)
    if compressed:
        name = name[: -len(GZIP_SUFFIX)]
    for suffix, kind in KINDS.items():
        if name.endswith(suffix):
            return kind, compressed
    return "raw", compressed
