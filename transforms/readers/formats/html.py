"""Web pages (``.html``, ``.htm``) and the HTML bodies of e-mail: the visible text, a line per block."""

from __future__ import annotations

import re
from typing import Any

from transforms.config import LimitsConfig
from transforms.readers.formats.base import guarded
from transforms.readers.formats.text import decode_text

__all__ = ["html_document_text", "html_to_text"]

# Elements that start a new line; every other element (span, b, a, em, code, font, wbr...) is inline,
# so a value split over inline elements (<b>4111</b> <b>1111</b>, <span>jane</span>@...) stays whole.
_BLOCKS = frozenset(
    "address article aside blockquote body br caption dd details dialog div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html legend li main nav ol option p pre "
    "section summary table tbody td tfoot th thead title tr ul".split()
)
_DROPPED = frozenset(("script", "style", "template", "noscript"))
_SPACES = re.compile(r"[ \t\r\n\f]+")


def _lines(root: Any) -> list[str]:
    """The visible text under ``root``: inline text joined as written, a new line at every block.

    Iterative, so a page nested thousands of elements deep cannot exhaust the stack; ``<pre>`` keeps
    its line breaks and spacing."""
    from bs4 import CData, NavigableString, Tag

    lines: list[str] = []
    current: list[str] = []

    def close() -> None:
        line = _SPACES.sub(" ", "".join(current)).strip()
        if line:
            lines.append(line)
        current.clear()

    stack: list[Any] = [iter(root.children)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        if isinstance(child, _BlockEnd):
            close()
        elif isinstance(child, Tag) and child.name == "pre":
            close()
            lines.extend(line.rstrip() for line in child.get_text().splitlines() if line.strip())
        elif isinstance(child, Tag) and child.name not in _DROPPED:
            if child.name in _BLOCKS:
                close()
                stack.append(iter([_BlockEnd()]))
            stack.append(iter(child.children))
        elif type(child) in (NavigableString, CData):
            current.append(str(child))
    close()
    return lines


class _BlockEnd:
    """Marks where a block element ends in the walk."""


def html_to_text(html: str) -> str:
    """Visible text of an HTML document: a line per block element (``p``, ``div``, ``li``, ``td``,
    ``h1``-``h6``, ``br``...); inline elements (``span``, ``b``, ``a``, ``wbr``...) are joined as
    written, so a value marked up in pieces stays whole; white space collapsed as a browser does,
    except in ``<pre>``; script and style dropped.

    The ``<title>`` is kept (it is a text node); attributes (``<meta>`` content, ``alt``, ``href``)
    and HTML comments are dropped.
    """
    from bs4 import BeautifulSoup

    return "\n".join(_lines(BeautifulSoup(html, "html.parser")))


@guarded
def html_document_text(data: bytes, limits: LimitsConfig) -> str:
    """Text of a web page: decoded like a raw text file (UTF-8, or UTF-16 after a BOM; a ``<meta
    charset>`` is not honoured), then ``html_to_text``. Undecodable: ``CorruptDocument``."""
    return html_to_text(decode_text(data))
