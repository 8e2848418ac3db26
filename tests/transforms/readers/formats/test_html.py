"""Unit tests for transforms.readers.formats.html: the visible text of web pages."""

from __future__ import annotations

import codecs

import pytest

from tests.transforms.readers.office import HTML_TEXT, LIMITS, assert_fails_with_code, fixture
from transforms.readers.errors import CorruptDocument
from transforms.readers.formats.html import html_document_text, html_to_text


def test_extracted_text_is_exact() -> None:
    data = fixture("team.html")
    assert html_document_text(data, LIMITS) == HTML_TEXT
    assert html_document_text(data, LIMITS) == HTML_TEXT  # no state carried between calls


def test_attributes_comments_and_scripts_are_dropped() -> None:
    html = html_document_text(fixture("team.html"), LIMITS)
    for dropped in ("Daniel Whitcombe", "Tobias Lindqvist", "Priya Raman", "mailto", "color"):
        assert dropped not in html


@pytest.mark.parametrize(
    "html, text",
    [
        ("<title>Rota</title><p>On call: <b>Ines</b> Duarte</p>", "Rota\nOn call:\nInes\nDuarte"),
        ('<img alt="badge of Ines"><a href="mailto:ines@example.org">write</a>', "write"),
        ("<style>b {}</style><script>send('x')</script><!-- owner: Ines -->kept", "kept"),
        ("", ""),
    ],
)
def test_html_to_text_keeps_only_visible_text(html: str, text: str) -> None:
    assert html_to_text(html) == text


def test_pages_are_decoded_like_text_files() -> None:
    page = "<p>Grüße</p>"
    assert html_document_text(codecs.BOM_UTF16_LE + page.encode("utf-16-le"), LIMITS) == "Grüße"
    assert_fails_with_code(html_document_text, b"caf\xe9 <b>Okafor</b>", CorruptDocument, "UnicodeDecodeError")
