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
        ("<title>Rota</title><p>On call: <b>Ines</b> Duarte</p>", "Rota\nOn call: Ines Duarte"),
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


# Values marked up in pieces (made up). Before issue 15 item 3 each came out split over lines.
@pytest.mark.parametrize(
    "html, line",
    [
        ("<p>card <b>4111</b> <b>1111</b> <b>1111</b> <b>1111</b></p>", "card 4111 1111 1111 1111"),
        ("<p>write <span>m.kowal</span>@example.com</p>", "write m.kowal@example.com"),
        ("<p>write jane<wbr>@example.com</p>", "write jane@example.com"),
        ("<p>call <i>+1</i> <em>312</em>-<strong>555</strong>-<code>0147</code></p>", "call +1 312-555-0147"),
        ("<td>IBAN <font>GB82</font> <font>WEST</font> 1234 5698 7654 32</td>", "IBAN GB82 WEST 1234 5698 7654 32"),
        ("<div>ssn <a href='#'>536</a>-<a>22</a>-<a>8145</a></div>", "ssn 536-22-8145"),
        ("<p>key <span>AKIAZQ3D</span><span>RJ7WBX5M</span><b>PLTE</b></p>", "key AKIAZQ3DRJ7WBX5MPLTE"),
    ],
)
def test_inline_elements_do_not_split_values(html: str, line: str) -> None:
    assert html_to_text(f"<p>before</p>{html}<p>after</p>") == f"before\n{line}\nafter"


def test_blocks_break_lines_and_white_space_collapses_except_in_pre() -> None:
    html = (
        "<ul><li>one</li><li>two</li></ul>a<br>b<h2>  head\n line </h2><pre>x  y\n  z</pre>"
        "<table><tr><td>c1</td><td>c2</td></tr></table>"
    )
    assert html_to_text(html) == "one\ntwo\na\nb\nhead line\nx  y\n  z\nc1\nc2"


def test_deeply_nested_pages_do_not_exhaust_the_stack() -> None:
    assert html_to_text("<div>" * 20000 + "<span>deep</span> text") == "deep text"
