"""Word lists and thresholds that detection reads, as data files with their sources (see ``SOURCES.md``).

The lexicon imports no detector: detectors import it.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["LEXICON_DATA"]

#: The folder of the word-list files (``*.tsv``, ``*.txt``) and the scripts that build them.
LEXICON_DATA = Path(__file__).with_name("data")
