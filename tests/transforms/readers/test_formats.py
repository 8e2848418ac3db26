"""Unit tests for transforms.readers.formats (the package): one extractor per kind, ``extract_text``."""

from __future__ import annotations

import pytest

from tests.transforms.readers.office import DOCX_TEXT, HTML_TEXT, LIMITS, fixture
from transforms.readers.errors import UnsupportedDocument
from transforms.readers.formats import EXTRACTORS, extract_text
from transforms.readers.formats.docx import docx_text
from transforms.readers.formats.eml import eml_text
from transforms.readers.formats.html import html_document_text
from transforms.readers.formats.msg import msg_text
from transforms.readers.formats.pdf import pdf_text
from transforms.readers.formats.pptx import pptx_text
from transforms.readers.formats.text import plain_text
from transforms.readers.formats.xlsx import xlsx_text
from transforms.readers.kinds import KINDS


def test_every_whole_file_kind_has_its_extractor() -> None:
    assert EXTRACTORS == {
        "eml": eml_text,
        "docx": docx_text,
        "pdf": pdf_text,
        "pptx": pptx_text,
        "xlsx": xlsx_text,
        "html": html_document_text,
        "msg": msg_text,
        "raw": plain_text,
    }
    record_readers = {"jsonl", "parquet", "zip"}
    assert set(EXTRACTORS) == set(KINDS.values()) - record_readers | {"raw"}


def test_extract_text_uses_the_extractor_of_the_kind() -> None:
    assert extract_text("docx", fixture("review.docx"), LIMITS) == DOCX_TEXT
    assert extract_text("html", fixture("team.html"), LIMITS) == HTML_TEXT
    with pytest.raises(UnsupportedDocument) as info:
        extract_text("raw", fixture("review.docx"), LIMITS)  # a zip package read as plain text
    assert info.value.error_class == "ZipArchive"
