"""Web pages (``.html``, ``.htm``) and the HTML bodies of e-mail: the visible text, one line per text node."""

from __future__ import annotations

from transforms.config import LimitsConfig
from transforms.readers.formats.base import guarded
from transforms.readers.formats.text import decode_text

__all__ = ["html_document_text", "html_to_text"]


def html_to_text(html: str) -> str:
    """Visible text of an HTML document: one line per text node, stripped; script and style dropped.

    The ``<title>`` is kept (it is a text node); attributes (``<meta>`` content, ``alt``, ``href``)
    and HTML comments are dropped.
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style"]):
        tag.decompose()
    return soup.get_text("\n", strip=True)


@guarded
def html_document_text(data: bytes, limits: LimitsConfig) -> str:
    """Text of a web page: decoded like a raw text file (UTF-8, or UTF-16 after a BOM; a ``<meta
    charset>`` is not honoured), then ``html_to_text``. Undecodable: ``CorruptDocument``."""
    return html_to_text(decode_text(data))
