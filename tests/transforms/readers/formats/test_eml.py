"""Unit tests for transforms.readers.formats.eml: e-mail headers and text parts."""

from __future__ import annotations

import gzip
from pathlib import Path

from tests.transforms.readers.helpers import LIMITS, TOO_LARGE, file_doc, put, qrec, read
from transforms.config import InputConfig, LimitsConfig
from transforms.readers.formats.eml import EML_HEADERS, eml_text

EML = b"""From: =?utf-8?q?J=C3=B6rg_Meier?= <jorg@corp.example.net>
To: Ann Lee <ann@example.com>,
 Bob <bob@example.com>
Cc: carol@example.com
Date: Tue, 02 Jan 2024 10:00:00 +0000
Subject: =?utf-8?q?Gr=C3=BC=C3=9Fe?= from the project
X-Internal-Id: 12345
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="OUTER"

--OUTER
Content-Type: multipart/alternative; boundary="INNER"

--INNER
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

Hi Ann,=0Athe code is 4242.
--INNER
Content-Type: text/html; charset=utf-8

<html><head><style>p { color: red }</style><script>var t = "tracking";</script></head>
<body><p>Hi <b>Ann</b>,</p><p>the code is 4242.</p></body></html>
--INNER--

--OUTER
Content-Type: application/pdf; name="cv.pdf"
Content-Disposition: attachment; filename="cv.pdf"
Content-Transfer-Encoding: base64

JVBERi0xLjQK
--OUTER--
"""


def test_eml_headers_plain_and_html_parts(tmp_path: Path) -> None:
    f = put(tmp_path, "mail/msg.eml", EML)
    text = (
        "From: Jörg Meier <jorg@corp.example.net>\n"
        "To: Ann Lee <ann@example.com>, Bob <bob@example.com>\n"
        "Cc: carol@example.com\n"
        "Date: Tue, 02 Jan 2024 10:00:00 +0000\n"
        "Subject: Grüße from the project\n"
        "\n"
        "Hi Ann,\nthe code is 4242."  # the newline before a MIME boundary belongs to the boundary
        "\n\n"
        "Hi Ann,\nthe code is 4242."
    )
    cfg = InputConfig(keep_fields=["lang"])
    assert read(f, cfg) == [file_doc(f, text, EML, (("lang", None),))]


def test_eml_gzip_and_size_limit(tmp_path: Path) -> None:
    data = b"Subject: hi\nContent-Type: text/plain\n\nbody\n"
    f = put(tmp_path, "m.eml.gz", gzip.compress(data, mtime=0))
    assert read(f) == [file_doc(f, "Subject: hi\n\nbody\n", data)]
    big = put(tmp_path, "big.eml", data)
    assert read(big, limits=LimitsConfig(max_file_bytes=10)) == [qrec(big, TOO_LARGE, "FileTooLarge", size=len(data))]


def test_headers_come_in_a_fixed_order_and_others_are_dropped() -> None:
    mail = (
        b"Subject: rota\nX-Mailer: tool 9\nTo: a@example.org\nFrom: b@example.org\nTo: c@example.org\n"
        b"Reply-To: d@example.org\nContent-Type: text/plain\n\nbody\n"
    )
    assert EML_HEADERS == ("From", "To", "Cc", "Bcc", "Reply-To", "Date", "Subject")
    assert eml_text(mail, LIMITS) == (
        "From: b@example.org\nTo: a@example.org\nTo: c@example.org\nReply-To: d@example.org\nSubject: rota\n\nbody\n"
    )


def test_a_message_without_headers_or_text_parts_is_empty() -> None:
    assert eml_text(b"Content-Type: image/png\n\niVBORw0KGgo=\n", LIMITS) == ""


def test_eml_html_part_keeps_inline_values_whole(tmp_path: Path) -> None:
    html = "<p>card <b>4111</b> <b>1111</b> <b>1111</b> <b>1111</b>, mail <span>jane</span>@example.com</p>"
    data = f"Subject: s\nContent-Type: text/html; charset=utf-8\n\n{html}\n".encode()
    f = put(tmp_path, "h.eml", data)
    assert read(f) == [file_doc(f, "Subject: s\n\ncard 4111 1111 1111 1111, mail jane@example.com", data)]
