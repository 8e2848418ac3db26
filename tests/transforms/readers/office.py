"""The committed office fixtures (tests/fixtures/office, made by make_office_fixtures.py) and the exact
text each format extractor gives for them; shared by the format, archive and dispatch tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from transforms.config import LimitsConfig
from transforms.readers.errors import DocumentError
from transforms.readers.formats.base import Extractor

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "office"
LIMITS = LimitsConfig()


def fixture(name: str) -> bytes:
    """The bytes of one committed fixture."""
    return (FIXTURES / name).read_bytes()


# --- exact text per format ------------------------------------------------------------------------------

DOCX_TEXT = """\
Title: Quarterly review for Priya Raman
Author: Margaret Okafor
Last modified by: Daniel Whitcombe
Keywords: review
Comments: Draft shared with tobias.lindqvist@example.org

Performance review
Priya Raman met every target this quarter. Contact her at priya.raman@example.net.
The budget was approved by the board.
Name
Phone
Helen Castellano
(212) 555-0199

Headers:
Confidential: prepared by Helen Castellano

Footers:
Call +1 415 555 0142 with questions

Comments:
Comment by Margaret Okafor (MO): Check this with Daniel Whitcombe first

Tracked changes:
Inserted by Daniel Whitcombe: by the board
Deleted by Tobias Lindqvist: after a call with d.whitcombe@example.com"""

PPTX_TEXT = """\
Title: Hiring plan
Author: Daniel Whitcombe
Last modified by: Helen Castellano
Comments: Numbers from priya.raman@example.net

Slide 1:
Hiring plan
Owner: Tobias Lindqvist
Escalate to helen.castellano@example.com
Notes:
Mention that Margaret Okafor is leaving in May.

Slide 2:
Candidates
Candidate
Phone
Priya Raman
+1 415 555 0142"""

XLSX_TEXT = """\
Title: Payroll
Author: Helen Castellano
Last modified by: Margaret Okafor

Sheet: Staff
Name\tEmail\tSalary\tStart
Daniel Whitcombe\td.whitcombe@example.com\t81250.5\t2021-03-01T00:00:00
Priya Raman\tpriya.raman@example.net\t90000
Header: Prepared for Helen Castellano
Comment on A3 by Margaret Okafor: Ask Tobias Lindqvist about the raise

Sheet: Contacts Okafor
Margaret Okafor\t(212) 555-0199\tTRUE"""

PDF_TEXT = """\
Author: Margaret Okafor
Creator: Hand-written fixture
Subject: Reference
Title: Reference for Tobias Lindqvist

Reference letter
Tobias Lindqvist worked with us for four years.
Phone: (212) 555-0199

Write to tobias.lindqvist@example.org for details.

Annotations:
Annotation by Daniel Whitcombe: Confirm dates with margaret.okafor@example.org

Form fields:
Referee: Helen Castellano"""

HTML_TEXT = """\
Team page of Helen Castellano
Team
Lead: Helen Castellano, helen.castellano@example.com
Phone: (212) 555-0199"""

MSG_TEXT = """\
From: Margaret Okafor <margaret.okafor@example.org>
To: Priya Raman
Cc: Zoë Castellano
Subject: Offer for Priya Raman
Recipient: Priya Raman <priya.raman@example.net>
Attachment: notes for Tobias Lindqvist.txt

Hi Priya,\r
\r
The offer is attached. Call me on +1 415 555 0142.\r
\r
Margaret"""


def assert_fails_with_code(
    extract: Extractor, data: bytes, exc_type: type, code: str, limits: LimitsConfig = LIMITS
) -> None:
    """``extract`` raises exactly ``exc_type(code)``: a fixed code, no message, no library cause."""
    with pytest.raises(DocumentError) as info:
        extract(data, limits)
    exc = info.value
    assert (type(exc), exc.error_class, exc.args, str(exc)) == (exc_type, code, (code,), code)
    # a library's exception (and its message) is neither the cause nor shown as the context
    assert exc.__cause__ is None and (exc.__context__ is None or exc.__suppress_context__)


def with_external_entity(secret: Path, change: Callable[[bytes], bytes]) -> Callable[[bytes], bytes]:
    """A member rewrite that declares an external entity pointing at ``secret`` and applies ``change``."""
    doctype = f'<!DOCTYPE x [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'.encode()

    def inject(xml: bytes) -> bytes:
        body = xml.split(b"?>", 1)[1] if xml.startswith(b"<?xml") else xml
        return b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + doctype + change(body)

    return inject
