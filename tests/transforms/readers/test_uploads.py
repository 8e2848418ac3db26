"""Unit tests for transforms.readers.uploads: input expansion and per-format record reading (no Beam)."""

from __future__ import annotations

import codecs
import gzip
import hashlib
import json
import os
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transforms.config import InputConfig, LimitsConfig
from transforms.readers.uploads import (
    InputError,
    InputFile,
    expand_inputs,
    file_record_id,
    opaque_source,
    read_input_file,
)
from transforms.records import Document, QuarantineReason, QuarantineRecord

DECODE = QuarantineReason.DECODE_ERROR
INVALID = QuarantineReason.INVALID_RECORD
TOO_LARGE = QuarantineReason.TOO_LARGE
READ = QuarantineReason.READ_ERROR

CFG = InputConfig()  # id_field "id", text_fields ["text"], no keep_fields
LIMITS = LimitsConfig()


# --- expected-value helpers (computed independently of the module under test) -------------------------


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fid(relpath: str) -> str:
    return "f-" + sha(relpath.encode())[:32]


def opq(relpath: str, suffix: str = "", index: int = 0) -> str:
    return f"src-{sha(relpath.encode())[:16]}{suffix}"


def qrec(
    relpath: str,
    reason: QuarantineReason,
    error_class: str,
    *,
    suffix: str = "",
    record_id: str | None = None,
    raw: bytes | None = None,
    size: int | None = None,
) -> QuarantineRecord:
    return QuarantineRecord(
        id=fid(relpath) + suffix if record_id is None else record_id,
        source=opq(relpath, suffix),
        reason=reason,
        error_class=error_class,
        input_sha256="" if raw is None else sha(raw),
        size_bytes=(0 if raw is None else len(raw)) if size is None else size,
    )


def line_doc(
    relpath: str,
    lineno: int,
    record_id: str,
    text: str,
    raw: bytes,
    metadata: tuple[tuple[str, str | None], ...] = (),
) -> Document:
    return Document(
        id=record_id,
        text=text,
        source=f"{relpath}#L{lineno}",
        metadata=metadata,
        input_sha256=sha(raw),
        size_bytes=len(raw),
        source_ref=opq(relpath, f"#L{lineno}"),
    )


def file_doc(relpath: str, text: str, raw: bytes, metadata: tuple[tuple[str, str | None], ...] = ()) -> Document:
    return Document(
        id=fid(relpath),
        text=text,
        source=relpath,
        metadata=metadata,
        input_sha256=sha(raw),
        size_bytes=len(raw),
        source_ref=opq(relpath),
    )


def put(tmp_path: Path, name: str, data: bytes) -> InputFile:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return InputFile(0, str(tmp_path), str(path), name)


def read(f: InputFile, cfg: InputConfig = CFG, limits: LimitsConfig = LIMITS) -> list[Document | QuarantineRecord]:
    return list(read_input_file(f, cfg, limits))


# --- identifiers --------------------------------------------------------------------------------------


def test_file_record_id_and_opaque_source() -> None:
    f = InputFile(3, "/data", "/data/hr/payroll.csv", "hr/payroll.csv")
    digest = hashlib.sha256(b"hr/payroll.csv").hexdigest()
    assert file_record_id("hr/payroll.csv") == "f-" + digest[:32]
    assert opaque_source(f) == f"src-{digest[:16]}"
    assert opaque_source(f, "#L7") == f"src-{digest[:16]}#L7"
    assert "payroll" not in opaque_source(f, "#L7")


# --- expand_inputs ------------------------------------------------------------------------------------


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A small upload tree with hidden entries and symbolic links inside and outside it."""
    root = tmp_path / "up"
    for rel in ["b.txt", "a.jsonl", "sub/z.md", "sub/deep/c.txt", ".env", ".git/config", "sub/.hidden/x.txt"]:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(rel)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("s")
    (root / "link_out.txt").symlink_to(outside / "secret.txt")
    (root / "link_in.txt").symlink_to(root / "b.txt")
    (root / "dirlink").symlink_to(outside, target_is_directory=True)
    (root / "dirlink_in").symlink_to(root / "sub", target_is_directory=True)
    return root


def test_expand_directory_walks_sorted_skipping_hidden_and_outside_links(tree: Path) -> None:
    root = str(tree)
    assert expand_inputs([root]) == [
        InputFile(0, root, f"{root}/a.jsonl", "a.jsonl"),
        InputFile(0, root, f"{root}/b.txt", "b.txt"),
        InputFile(0, root, f"{root}/link_in.txt", "link_in.txt"),
        InputFile(0, root, f"{root}/sub/deep/c.txt", "sub/deep/c.txt"),
        InputFile(0, root, f"{root}/sub/z.md", "sub/z.md"),
    ]


def test_expand_single_file_uses_its_directory_and_base_name(tree: Path) -> None:
    assert expand_inputs([str(tree / "sub" / "z.md")]) == [
        InputFile(0, str(tree / "sub"), str(tree / "sub" / "z.md"), "z.md")
    ]


def test_expand_relative_paths_become_absolute(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tree)
    assert expand_inputs(["sub"]) == [
        InputFile(0, str(tree / "sub"), str(tree / "sub/deep/c.txt"), "deep/c.txt"),
        InputFile(0, str(tree / "sub"), str(tree / "sub/z.md"), "z.md"),
    ]


@pytest.mark.parametrize(
    "pattern, root_rel, relpaths",
    [
        ("**/*.txt", ".", ["b.txt", "link_in.txt", "sub/deep/c.txt"]),
        ("*.txt", ".", ["b.txt", "link_in.txt"]),
        ("sub/**/*.txt", "sub", ["deep/c.txt"]),
        ("s*/*", ".", ["sub/deep/c.txt", "sub/z.md"]),  # a matched directory is walked
        ("sub/deep/c.t?t", "sub/deep", ["c.txt"]),
        ("*.[jm]*", ".", ["a.jsonl"]),
    ],
)
def test_expand_glob_root_and_order(
    tree: Path, monkeypatch: pytest.MonkeyPatch, pattern: str, root_rel: str, relpaths: list[str]
) -> None:
    monkeypatch.chdir(tree)
    root = os.path.normpath(os.path.join(str(tree), root_rel))
    expected = [InputFile(0, root, os.path.join(root, r), r) for r in relpaths]
    assert expand_inputs([pattern]) == expected
    # Absolute patterns give the same files.
    assert expand_inputs([os.path.join(str(tree), pattern)]) == expected


def test_expand_orders_by_input_then_relpath_and_removes_duplicates(tree: Path) -> None:
    root = str(tree)
    result = expand_inputs([f"{root}/sub", root, f"{root}/b.txt", f"{root}/sub/**/*.txt"])
    assert [(f.root_index, f.relpath) for f in result] == [
        (0, "deep/c.txt"),
        (0, "z.md"),
        (1, "a.jsonl"),
        (1, "b.txt"),
        (1, "link_in.txt"),
    ]
    assert len({f.path for f in result}) == len(result)


@pytest.mark.parametrize("arg", ["missing.txt", "missing_dir/", "nothing/**/*.jsonl", "*.nomatch", ""])
def test_expand_missing_input_raises_with_the_argument(tree: Path, monkeypatch: pytest.MonkeyPatch, arg: str) -> None:
    monkeypatch.chdir(tree)
    with pytest.raises(InputError) as info:
        expand_inputs([str(tree), arg])
    assert str(info.value) == f"input not found: {arg}"


def test_expand_empty_directory_gives_no_files(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert expand_inputs([str(tmp_path / "empty")]) == []


# --- JSONL --------------------------------------------------------------------------------------------

JSONL_CASES = [
    # (line, expected: ("doc", id, text) or (reason, error_class, record id or None))
    (b'{"id": "a1", "text": "Hello"}', ("doc", "a1", "Hello")),
    (b'{"id": 7, "text": ""}', ("doc", "7", "")),
    (b'{"id": -3, "text": "x\\ny", "other": [1]}', ("doc", "-3", "x\ny")),
    (b'{"id": "a1", "text": "caf\xc3\xa9 \\u00e9"}', ("doc", "a1", "café é")),
    (b'{"id": true, "text": "x"}', (INVALID, "InvalidIdType", None)),
    (b'{"id": 1.5, "text": "x"}', (INVALID, "InvalidIdType", None)),
    (b'{"id": ["a"], "text": "x"}', (INVALID, "InvalidIdType", None)),
    (b'{"text": "x"}', (INVALID, "MissingId", None)),
    (b'{"id": null, "text": "x"}', (INVALID, "MissingId", None)),
    (b'{"id": "", "text": "x"}', (INVALID, "EmptyId", None)),
    (b'{"id": "a1", "text": 5}', (INVALID, "InvalidTextType", "a1")),
    (b'{"id": "a1", "text": {"t": "x"}}', (INVALID, "InvalidTextType", "a1")),
    (b'{"id": "a1"}', (INVALID, "MissingText", "a1")),
    (b'{"id": "a1", "text": null}', (INVALID, "MissingText", "a1")),
    (b'{"id": "a1", "text": "x"', (INVALID, "JSONDecodeError", None)),
    (b'{"id": "a1", "text": NaN}', (INVALID, "JSONDecodeError", None)),
    (b"[1, 2]", (INVALID, "NotAnObject", None)),
    (b'"just a string"', (INVALID, "NotAnObject", None)),
    (b"[" * 100_000 + b"]" * 100_000, (INVALID, "RecursionError", None)),
    (b'{"id": "a1", "text": "\xff\xfe"}', (DECODE, "UnicodeDecodeError", None)),
    (b'{"id": "a1", "text": "bad \\ud800 surrogate"}', (DECODE, "UnicodeEncodeError", "a1")),
    (b'{"id": "\\udc00", "text": "x"}', (DECODE, "UnicodeEncodeError", None)),
    (b'{"id": "a1", "text": "' + b"x" * 21 + b'"}', (TOO_LARGE, "RecordTooLarge", "a1")),
]


@pytest.mark.parametrize("line, expected", JSONL_CASES)
def test_jsonl_line_mapping(tmp_path: Path, line: bytes, expected: tuple) -> None:
    f = put(tmp_path, "d/in.jsonl", b"\n" + line + b"\n")  # a leading blank line: the record is line 2
    limits = LimitsConfig(max_record_chars=20)
    if expected[0] == "doc":
        want: Document | QuarantineRecord = line_doc("d/in.jsonl", 2, expected[1], expected[2], line)
    else:
        reason, error_class, record_id = expected
        want = qrec("d/in.jsonl", reason, error_class, suffix="#L2", record_id=record_id, raw=line)
    assert read(f, limits=limits) == [want]


def test_jsonl_file_blank_lines_crlf_bom_and_missing_final_newline(tmp_path: Path) -> None:
    lines = [
        codecs.BOM_UTF8 + b'{"id": "a", "text": "one"}',
        b"",
        b"   \t",
        b'{"id": "b", "text": "two\\r\\n"}\r',  # CRLF line end: the \r is not part of the record
        b'{"id": "c", "text": "three"}',
    ]
    data = b"\n".join(lines)  # no newline after the last line
    f = put(tmp_path, "x.NDJSON", data)
    raw_b = b'{"id": "b", "text": "two\\r\\n"}'
    assert read(f) == [
        line_doc("x.NDJSON", 1, "a", "one", lines[0]),
        line_doc("x.NDJSON", 4, "b", "two\r\n", raw_b),
        line_doc("x.NDJSON", 5, "c", "three", lines[4]),
    ]


def test_jsonl_text_fields_joined_in_order_and_metadata_rendered(tmp_path: Path) -> None:
    cfg = InputConfig(
        id_field="doc_id", text_fields=["title", "body", "notes"], keep_fields=["zeta", "lang", "n", "absent", "nul"]
    )
    obj = {
        "doc_id": 12,
        "body": "Body",
        "title": "Title",
        "notes": None,
        "zeta": {"b": [1, True, None], "a": "é"},
        "lang": "en",
        "n": 2.5,
        "nul": None,
        "dropped": "not kept",
    }
    line = json.dumps(obj).encode()
    f = put(tmp_path, "m.jsonl", line + b"\n")
    metadata = (
        ("absent", None),
        ("lang", "en"),
        ("n", "2.5"),
        ("nul", None),
        ("zeta", '{"a": "é", "b": [1, true, null]}'),
    )
    assert read(f, cfg) == [line_doc("m.jsonl", 1, "12", "Title\n\nBody", line, metadata)]


def test_jsonl_line_over_byte_limit_is_skipped_in_a_stream(tmp_path: Path) -> None:
    big = b'{"id": "big", "text": "' + b"y" * 5000 + b'"}'
    small = b'{"id": "s", "text": "ok"}'
    f = put(tmp_path, "b.jsonl", big + b"\r\n" + small + b"\n" + big)
    limits = LimitsConfig(max_file_bytes=100)
    assert read(f, limits=limits) == [
        qrec("b.jsonl", TOO_LARGE, "LineTooLarge", suffix="#L1", raw=big),
        line_doc("b.jsonl", 2, "s", "ok", small),
        qrec("b.jsonl", TOO_LARGE, "LineTooLarge", suffix="#L3", raw=big),
    ]


def test_jsonl_gzip_is_read_like_plain(tmp_path: Path) -> None:
    lines = [b'{"id": "g1", "text": "first"}', b'{"id": "g2", "text": "second"}']
    f = put(tmp_path, "a.jsonl.gz", gzip.compress(b"\n".join(lines) + b"\n", mtime=0))
    assert read(f) == [
        line_doc("a.jsonl.gz", 1, "g1", "first", lines[0]),
        line_doc("a.jsonl.gz", 2, "g2", "second", lines[1]),
    ]


def test_jsonl_truncated_gzip_emits_lines_read_then_one_decode_error(tmp_path: Path) -> None:
    lines = [b'{"id": "t%d", "text": "line %d"}' % (i, i) for i in range(3)]
    whole = gzip.compress(b"\n".join(lines) + b"\n", mtime=0)
    f = put(tmp_path, "t.jsonl.gz", whole[:-8])  # the CRC and size trailer is missing
    assert read(f) == [
        line_doc("t.jsonl.gz", 1, "t0", "line 0", lines[0]),
        line_doc("t.jsonl.gz", 2, "t1", "line 1", lines[1]),
        line_doc("t.jsonl.gz", 3, "t2", "line 2", lines[2]),
        qrec("t.jsonl.gz", DECODE, "EOFError", suffix="#L4"),
    ]


def test_jsonl_not_gzip_content_is_decode_error(tmp_path: Path) -> None:
    f = put(tmp_path, "n.jsonl.gz", b'{"id": "a", "text": "plain"}\n')
    assert read(f) == [qrec("n.jsonl.gz", DECODE, "BadGzipFile", suffix="#L1")]


def test_jsonl_file_size_limit_does_not_apply_to_the_file(tmp_path: Path) -> None:
    lines = [b'{"id": "%d", "text": "t"}' % i for i in range(20)]
    f = put(tmp_path, "many.jsonl", b"\n".join(lines))
    out = read(f, limits=LimitsConfig(max_file_bytes=len(lines[0]) + 1))
    assert out == [line_doc("many.jsonl", i + 1, str(i), "t", lines[i]) for i in range(20)]


# --- raw text files ----------------------------------------------------------------------------------

RAW_CASES = [
    # (name, bytes, expected text or (reason, error_class))
    ("notes.txt", b"Line one\r\nLine two\rthree\n", "Line one\r\nLine two\rthree\n"),
    ("README.md", codecs.BOM_UTF8 + "# Tïtle\n".encode(), "# Tïtle\n"),
    ("export.csv", codecs.BOM_UTF16_LE + "a,b\r\nJörg,1\r\n".encode("utf-16-le"), "a,b\r\nJörg,1\r\n"),
    ("log.log", codecs.BOM_UTF16_BE + "Zoë 😀\n".encode("utf-16-be"), "Zoë 😀\n"),
    ("app.env", b"API_KEY=abc123\n", "API_KEY=abc123\n"),
    ("main.py", b"print('\xe2\x82\xac')\n", "print('€')\n"),
    ("noext", b"", ""),
    ("NOTES.JSON", b'{"id": 1}', '{"id": 1}'),  # not JSONL: a raw file
    ("bad.txt", b"caf\xe9\n", (DECODE, "UnicodeDecodeError")),
    ("overlong.txt", b"\xc0\xaf", (DECODE, "UnicodeDecodeError")),
    ("odd.txt", codecs.BOM_UTF16_LE + b"a\x00b", (DECODE, "UnicodeDecodeError")),
    ("lone.txt", codecs.BOM_UTF16_LE + b"\x00\xd8", (DECODE, "UnicodeDecodeError")),
    ("bin.dat", b"ab\x00cd", (QuarantineReason.UNSUPPORTED_TYPE, "BinaryContent")),
    ("notes.txt", b"text\x00then more", (QuarantineReason.UNSUPPORTED_TYPE, "BinaryContent")),
    ("image.txt", b"\x89PNG\r\n\x1a\nrest", (QuarantineReason.UNSUPPORTED_TYPE, "PngImage")),
    ("utf32.txt", codecs.BOM_UTF32_LE + "x".encode("utf-32-le"), (DECODE, "NulByte")),
]


@pytest.mark.parametrize("name, data, expected", RAW_CASES)
def test_raw_file(tmp_path: Path, name: str, data: bytes, expected: str | tuple) -> None:
    cfg = InputConfig(keep_fields=["license", "language"])
    f = put(tmp_path, name, data)
    if isinstance(expected, str):
        want: Document | QuarantineRecord = file_doc(name, expected, data, (("language", None), ("license", None)))
    else:
        want = qrec(name, expected[0], expected[1], record_id=fid(name), raw=data)
    assert read(f, cfg) == [want]


def test_raw_file_limits(tmp_path: Path) -> None:
    f = put(tmp_path, "big.txt", b"x" * 11)
    assert read(f, limits=LimitsConfig(max_file_bytes=10)) == [qrec("big.txt", TOO_LARGE, "FileTooLarge", size=11)]
    assert read(f, limits=LimitsConfig(max_record_chars=10)) == [
        qrec("big.txt", TOO_LARGE, "RecordTooLarge", record_id=fid("big.txt"), raw=b"x" * 11)
    ]
    assert read(f, limits=LimitsConfig(max_file_bytes=11, max_record_chars=11)) == [
        file_doc("big.txt", "x" * 11, b"x" * 11)
    ]


def test_raw_gzip_file(tmp_path: Path) -> None:
    data = "Grüße\n".encode()
    f = put(tmp_path, "x.txt.gz", gzip.compress(data, mtime=0))
    assert read(f) == [file_doc("x.txt.gz", "Grüße\n", data)]


def test_raw_gzip_over_limit_after_decompression(tmp_path: Path) -> None:
    f = put(tmp_path, "bomb.txt.gz", gzip.compress(b"a" * 10_000, mtime=0))
    assert os.path.getsize(f.path) < 100
    assert read(f, limits=LimitsConfig(max_file_bytes=100)) == [qrec("bomb.txt.gz", TOO_LARGE, "FileTooLarge")]


def test_raw_truncated_gzip(tmp_path: Path) -> None:
    f = put(tmp_path, "x.log.gz", gzip.compress(b"some log line\n" * 50, mtime=0)[:-8])
    assert read(f) == [qrec("x.log.gz", DECODE, "EOFError")]


@pytest.mark.parametrize(
    "name, make, error_class",
    [
        ("gone.txt", None, "FileNotFoundError"),
        ("gone.jsonl", None, "FileNotFoundError"),
        ("gone.parquet", None, "FileNotFoundError"),
        ("gone.eml", None, "FileNotFoundError"),
        ("adir.txt", "dir", "IsADirectoryError"),
        ("adir.jsonl.gz", "dir", "IsADirectoryError"),
    ],
)
def test_environment_failures_are_read_errors(tmp_path: Path, name: str, make: str | None, error_class: str) -> None:
    if make == "dir":
        (tmp_path / name).mkdir()
    f = InputFile(0, str(tmp_path), str(tmp_path / name), name)
    assert read(f) == [qrec(name, READ, error_class)]


# --- e-mail -------------------------------------------------------------------------------------------

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
        "Hi\nAnn\n,\nthe code is 4242."
    )
    cfg = InputConfig(keep_fields=["lang"])
    assert read(f, cfg) == [file_doc("mail/msg.eml", text, EML, (("lang", None),))]


def test_eml_gzip_and_size_limit(tmp_path: Path) -> None:
    data = b"Subject: hi\nContent-Type: text/plain\n\nbody\n"
    f = put(tmp_path, "m.eml.gz", gzip.compress(data, mtime=0))
    assert read(f) == [file_doc("m.eml.gz", "Subject: hi\n\nbody\n", data)]
    big = put(tmp_path, "big.eml", data)
    assert read(big, limits=LimitsConfig(max_file_bytes=10)) == [
        qrec("big.eml", TOO_LARGE, "FileTooLarge", size=len(data))
    ]


# --- Parquet ------------------------------------------------------------------------------------------


def test_parquet_rows_with_kept_fields_of_other_types(tmp_path: Path) -> None:
    table = pa.table(
        {
            "id": pa.array([1, 2, None], pa.int64()),
            "text": pa.array(["hello", None, "orphan"]),
            "text2": pa.array([None, None, "x"]),
            "lang": pa.array(["en", "de", None]),
            "score": pa.array([0.5, None, 1.0]),
            "tags": pa.array([["a", "b"], [], None], pa.list_(pa.string())),
            "created": pa.array([date(2024, 1, 2), None, None], pa.date32()),
            "blob": pa.array([b"ab", None, None], pa.binary()),
            "meta": pa.array([{"k": 1}, None, None], pa.struct([("k", pa.int32())])),
            "secret": pa.array(["never read", "x", "y"]),
        }
    )
    pq.write_table(table, tmp_path / "rows.parquet")
    f = InputFile(0, str(tmp_path), str(tmp_path / "rows.parquet"), "rows.parquet")
    cfg = InputConfig(
        text_fields=["text", "text2"], keep_fields=["tags", "score", "meta", "lang", "created", "blob", "absent"]
    )
    row0 = (
        b'{"blob":"b\'ab\'","created":"2024-01-02","id":1,"lang":"en","meta":{"k":1},"score":0.5,'
        b'"tags":["a","b"],"text":"hello","text2":null}'
    )
    row1 = (
        b'{"blob":null,"created":null,"id":2,"lang":"de","meta":null,"score":null,"tags":[],"text":null,"text2":null}'
    )
    row2 = (
        b'{"blob":null,"created":null,"id":null,"lang":null,"meta":null,"score":1.0,"tags":null,'
        b'"text":"orphan","text2":"x"}'
    )
    assert read(f, cfg) == [
        Document(
            id="1",
            text="hello",
            source="rows.parquet#row0",
            metadata=(
                ("absent", None),
                ("blob", "\"b'ab'\""),
                ("created", '"2024-01-02"'),
                ("lang", "en"),
                ("meta", '{"k": 1}'),
                ("score", "0.5"),
                ("tags", '["a", "b"]'),
            ),
            input_sha256=sha(row0),
            size_bytes=len(row0),
            source_ref=opq("rows.parquet", "#row0"),
        ),
        qrec("rows.parquet", INVALID, "MissingText", suffix="#row1", record_id="2", raw=row1),
        qrec("rows.parquet", INVALID, "MissingId", suffix="#row2", raw=row2),
    ]


@pytest.mark.parametrize(
    "ids, texts, expected",
    [
        (
            pa.array(["a", ""]),
            pa.array(["t", "t"]),
            [("doc", "a", b'{"id":"a","text":"t"}'), (INVALID, "EmptyId", None, b'{"id":"","text":"t"}')],
        ),
        (
            pa.array([True, None]),
            pa.array(["t", "t"]),
            [
                (INVALID, "InvalidIdType", None, b'{"id":true,"text":"t"}'),
                (INVALID, "MissingId", None, b'{"id":null,"text":"t"}'),
            ],
        ),
        (
            pa.array([1.0, 2.5]),
            pa.array(["t", "é"]),
            [
                (INVALID, "InvalidIdType", None, b'{"id":1.0,"text":"t"}'),
                (INVALID, "InvalidIdType", None, '{"id":2.5,"text":"é"}'.encode()),
            ],
        ),
        (
            pa.array([5, 6], pa.uint8()),
            pa.array([b"t", None], pa.binary()),
            [
                (INVALID, "InvalidTextType", "5", b'{"id":5,"text":"b\'t\'"}'),
                (INVALID, "MissingText", "6", b'{"id":6,"text":null}'),
            ],
        ),
        (
            pa.array(["a", "b"], pa.large_string()),
            pa.array(["x" * 21, "ok"], pa.large_string()),
            [
                (TOO_LARGE, "RecordTooLarge", "a", b'{"id":"a","text":"' + b"x" * 21 + b'"}'),
                ("doc", "b", b'{"id":"b","text":"ok"}'),
            ],
        ),
    ],
)
def test_parquet_row_validation(tmp_path: Path, ids: pa.Array, texts: pa.Array, expected: list[tuple]) -> None:
    pq.write_table(pa.table({"id": ids, "text": texts}), tmp_path / "v.parquet")
    f = InputFile(0, str(tmp_path), str(tmp_path / "v.parquet"), "v.parquet")
    want: list[Document | QuarantineRecord] = []
    for n, case in enumerate(expected):
        if case[0] == "doc":
            _, record_id, canonical = case
            want.append(
                Document(
                    id=record_id,
                    text=json.loads(canonical)["text"],
                    source=f"v.parquet#row{n}",
                    input_sha256=sha(canonical),
                    size_bytes=len(canonical),
                    source_ref=opq("v.parquet", f"#row{n}"),
                )
            )
        else:
            reason, error_class, record_id, canonical = case
            want.append(qrec("v.parquet", reason, error_class, suffix=f"#row{n}", record_id=record_id, raw=canonical))
    assert read(f, limits=LimitsConfig(max_record_chars=20)) == want


def test_parquet_row_numbers_run_across_batches(tmp_path: Path) -> None:
    n = 150  # more than one batch
    pq.write_table(
        pa.table({"id": [f"r{i}" for i in range(n)], "text": [str(i) for i in range(n)]}),
        tmp_path / "many.parquet",
        row_group_size=40,
    )
    f = InputFile(0, str(tmp_path), str(tmp_path / "many.parquet"), "many.parquet")
    out = read(f)
    assert [(d.id, d.text, d.source) for d in out if isinstance(d, Document)] == [
        (f"r{i}", str(i), f"many.parquet#row{i}") for i in range(n)
    ]


def test_parquet_without_any_configured_column_quarantines_every_row(tmp_path: Path) -> None:
    pq.write_table(pa.table({"other": ["a", "b"]}), tmp_path / "o.parquet")
    f = InputFile(0, str(tmp_path), str(tmp_path / "o.parquet"), "o.parquet")
    assert read(f) == [qrec("o.parquet", INVALID, "MissingId", suffix=f"#row{i}", raw=b"{}") for i in range(2)]


@pytest.mark.parametrize(
    "name, data, error_class",
    [
        ("junk.parquet", b"this is not parquet at all", "ArrowInvalid"),
        ("empty.parquet", b"", "ArrowInvalid"),
        ("z.parquet.gz", gzip.compress(b"PAR1", mtime=0), "UnsupportedCompression"),
    ],
)
def test_parquet_unreadable_file_is_one_decode_error(tmp_path: Path, name: str, data: bytes, error_class: str) -> None:
    f = put(tmp_path, name, data)
    assert read(f) == [qrec(name, DECODE, error_class)]


# --- no file names or content in quarantine records ----------------------------------------------------


def test_quarantine_records_never_carry_file_names_or_content(tmp_path: Path) -> None:
    name = "secret-customer-Hexacore/payroll"
    files = [
        put(tmp_path, f"{name}.txt", b"Hexacore\x00"),
        put(tmp_path, f"{name}.jsonl", b'{"id": true, "text": "Hexacore"}\n{"text": "Hexacore"\n'),
        put(tmp_path, f"{name}.parquet", b"Hexacore"),
        put(tmp_path, f"{name}.csv.gz", b"Hexacore"),
    ]
    out = [r for f in files for r in read(f)]
    assert len(out) == 5 and all(isinstance(r, QuarantineRecord) for r in out)
    for r in out:
        for value in (r.id, r.source, r.error_class, r.input_sha256):
            assert "Hexacore" not in value and "secret" not in value and "payroll" not in value


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300), suffix=st.sampled_from([".jsonl", ".txt", ".eml", ".jsonl.gz", ".parquet"]))
def test_arbitrary_bytes_never_raise_and_every_line_is_accounted_for(tmp_path: Path, data: bytes, suffix: str) -> None:
    f = put(tmp_path, "fuzz" + suffix, data)
    out = read(f, InputConfig(keep_fields=["k"]))
    assert all(isinstance(r, (Document, QuarantineRecord)) for r in out)
    if suffix == ".jsonl":
        lines = data.split(b"\n")
        assert len(out) == sum(1 for line in lines if line.strip())
    elif suffix in (".txt", ".eml"):
        assert len(out) == 1
