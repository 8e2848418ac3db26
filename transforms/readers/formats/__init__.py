"""Text extraction, one module per format; ``extract_text`` picks the extractor for a kind.

Every extractor is a pure function ``(bytes, LimitsConfig) -> str`` (see ``base``). Failures raise a
``transforms.readers.errors.DocumentError`` subclass whose only content is a fixed code, never a
message. Document properties are text too: each extractor either puts a property in the text it
returns (so it is redacted like the body) or drops it; nothing is passed through raw. What each one
keeps is listed in its docstring.

Libraries: python-docx (.docx), python-pptx (.pptx), openpyxl (.xlsx, with defusedxml installed so it
parses XML defensively), pypdf (.pdf), olefile (.msg, read per MS-OXMSG), beautifulsoup4 (.html),
the standard library's ``email`` (.eml). Their warnings are ignored here because they can quote
document content.
"""

from __future__ import annotations

import warnings

from transforms.config import LimitsConfig
from transforms.readers.formats.base import Extractor
from transforms.readers.formats.docx import docx_text
from transforms.readers.formats.eml import eml_text
from transforms.readers.formats.html import html_document_text
from transforms.readers.formats.msg import msg_text
from transforms.readers.formats.pdf import pdf_text
from transforms.readers.formats.pptx import pptx_text
from transforms.readers.formats.text import plain_text
from transforms.readers.formats.xlsx import xlsx_text

__all__ = ["EXTRACTORS", "extract_text"]

for _module in ("pypdf", "openpyxl", "docx", "pptx", "olefile", "bs4"):
    warnings.filterwarnings("ignore", module=_module + r"(\.|$)")

# Kind (as ``transforms.readers.kinds.kind_of_name`` names it) -> its extractor.
EXTRACTORS: dict[str, Extractor] = {
    "eml": eml_text,
    "docx": docx_text,
    "pdf": pdf_text,
    "pptx": pptx_text,
    "xlsx": xlsx_text,
    "html": html_document_text,
    "msg": msg_text,
    "raw": plain_text,
}


def extract_text(kind: str, data: bytes, limits: LimitsConfig) -> str:
    """The text of a file of ``kind`` (a key of ``EXTRACTORS``), or a ``DocumentError``.

    Never raises anything else for bad content (``MemoryError`` propagates); see each extractor for
    what it reads and drops.
    """
    return EXTRACTORS[kind](data, limits)
