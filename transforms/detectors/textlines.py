"""Lines of a text as e-mail replies quote them: the quoting mark a line opens with, and lower-case lines."""

from __future__ import annotations

import re2

from transforms.detectors.terms import re2_options

LINE_LEAD = re2.compile(r"[ \t]*(?:>[ \t]*)*", re2_options())


def quote_prefix(text: str, start: int) -> str:
    """The quoting mark an address line opens with ("> ", "| ", "» "): what stands before ``start`` on its
    line when that is a few marks and no letter or digit; "" otherwise."""
    line_start = text.rfind("\n", max(0, start - 8), start) + 1
    if line_start == 0 and start > 7:
        return ""  # more than six characters before it on its line
    prefix = text[line_start:start]
    if len(prefix) > 6 or any(c.isalnum() for c in prefix):
        return ""
    return prefix.strip()


def lower_line(text: str, start: int) -> bool:
    """The line around ``start`` (at most 300 characters either side) is written all in lower case."""
    line_start = text.rfind("\n", max(0, start - 300), start) + 1
    line_end = text.find("\n", start, start + 300)
    window = text[max(line_start, start - 300) : line_end if line_end >= 0 else start + 300]
    return window == window.lower()
