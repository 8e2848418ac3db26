"""The adversarial cases, generated from compact tables: class x carrier x variant x value kind.

Each case plants one canary (``values.canary(kind, n)``, unique per case number ``n``) in one
carrier and says what must come out: ``record`` (a clean row with the value replaced by its tag)
or a quarantine reason. Numbers are handed out in table order, so generation is deterministic.

Classes (each is one pipeline run):

- ``unicode``: characters outside the zero-width list inside a value (C0/C1 controls, NEL,
  U+2028/U+2029, variation selectors, tag characters, combining marks, braille blank, Hangul
  fillers, zero-width and bidi format characters), in JSONL text, raw files and kept metadata.
- ``digits``: decimal digits of other scripts, and digit groups split by spaces of every width,
  ``.``, ``/``, ``_`` and ``-``.
- ``markup``: inline HTML splitting a value (``.html`` files, e-mail HTML parts), e-mail transfer
  encodings and headers, Word runs, breaks, tabs, proofing marks, properties and headers.
- ``filenames``: names, e-mails, cards, code names, hosts, IBANs, phones and keys in file names,
  directory names, zip member names, zip names and ``.gz`` names.
- ``metadata``: kept metadata in other shapes: JSON lists, objects, keys, numbers; Parquet binary,
  large, dictionary, list, struct and map columns.
- ``nul``: NUL characters in JSONL strings, around and inside values, in text and metadata.
- ``obfuscation``: the classes the existing evasion tests cover (``[at]``/``(dot)`` spellings,
  full-width and mathematical letters, case, JSON escapes, hosts in URLs).
- ``errors``: every error path with a canary in the record, its metadata or its file name: a
  detector raising with a message that quotes the record, a detection timeout, a reader raising,
  size limits, undecodable and corrupt files, binary content, nested and encrypted zip members,
  invalid JSONL records and duplicate ids. These also run on the PortableRunner.
- ``crash``: a reader that raises outside its guard, quoting the record or the file's text, so the
  worker fails and the job with it (``expect`` is ``run_fails``: exit 1, nothing published). Also
  run on the PortableRunner, where the worker's error travels back to the launcher.
"""

from __future__ import annotations

import decimal
import itertools
import json
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any

import pyarrow as pa

from tests.adversarial import carriers
from tests.adversarial.values import KINDS, Canary, alpha, canary

__all__ = ["CASES", "CLASSES", "EXPLODE", "READER_CRASH", "SLOWDOWN", "WORKER_CRASH", "Case", "terms"]

# Markers the error-path run's hostile detector and reader react to.
EXPLODE = "EXPLODEDETECTOR"
SLOWDOWN = "SLOWDETECTOR"
READER_CRASH = "CRASHREADER"
WORKER_CRASH = "CRASHWORKER"
MAX_RECORD_CHARS = 20_000
MAX_FILE_BYTES = 300_000


@dataclass(frozen=True)
class Case:
    """One hostile input and its required outcome.

    Attributes:
        klass: the class (one pipeline run per class).
        carrier: where the canary is planted (``jsonl_text``, ``raw_file``, ``zip_name``...).
        variant: the evasion, markup style, template or shape.
        n: the case number; the canary and the marker derive from it.
        canary: the planted value.
        written: the value as planted (with its evasion), or the file name that holds it.
        expect: ``record``, the quarantine reason, or ``run_fails`` (the job fails, nothing is published).
        lines: JSONL lines this case adds to the class's batch file.
        files: (relative path, bytes) of the files this case adds.
        record_id: the record id when the case chose it (JSONL and Parquet).
        records: how many records the case yields.
        where: the output field whose value must show the tag (``text``, ``source``, ``meta``).
        xfail: the root cause when the case is known to leak today (then it is a strict xfail).
        also: further canaries the case plants (in the body of a file whose name holds ``canary``).
        tag: the entity type expected in place of the value when it is not the canary's own.
        nullable: a number in typed metadata, which may come out as null instead of a tag (a typed
            column may keep its type, and a number cannot hold a tag).
    """

    klass: str
    carrier: str
    variant: str
    n: int
    canary: Canary
    written: str
    expect: str = "record"
    lines: tuple[str, ...] = ()
    files: tuple[tuple[str, bytes], ...] = ()
    record_id: str | None = None
    records: int = 1
    where: str = "text"
    xfail: str = ""
    also: tuple[Canary, ...] = ()
    tag: str = ""
    nullable: bool = False

    @property
    def entity(self) -> str:
        """The entity type whose tag must replace the value (the canary's unless the case says)."""
        return self.tag or self.canary.entity

    @property
    def cid(self) -> str:
        """The test id: class-carrier-variant-kind."""
        return f"{self.klass}-{self.carrier}-{self.variant}-{self.canary.kind}"

    @property
    def marker(self) -> str:
        """A harmless word in the case's text that finds its clean row (letters only)."""
        return marker(self.n)


def marker(n: int) -> str:
    """The marker word of case ``n``."""
    return f"advmk{alpha(n)}"


def rid(n: int) -> str:
    """The record id a JSONL or Parquet case uses."""
    return f"adv-{n:04d}"


def sentence(n: int, value: str) -> str:
    """The text around a planted value."""
    return f"item {marker(n)}: {value} end"


def text_line(n: int, text: str, **fields: object) -> str:
    """A JSONL line with the case's id and ``text``."""
    return carriers.jsonl_line({"id": rid(n), "text": text, **fields})


# --- unicode --------------------------------------------------------------------------------------

INSERTIONS = {
    "soh": "\x01",
    "backspace": "\x08",
    "vertical_tab": "\x0b",
    "form_feed": "\x0c",
    "escape": "\x1b",
    "delete": "\x7f",
    "nel": "\x85",
    "c1_csi": "\x9b",
    "line_separator": "\u2028",
    "paragraph_separator": "\u2029",
    "variation_selector_16": "\ufe0f",
    "variation_selector_sup": "\U000e0101",
    "tag_letter": "\U000e0041",
    "tag_cancel": "\U000e007f",
    "combining_acute": "\u0301",
    "combining_grapheme_joiner": "\u034f",
    "enclosing_keycap": "\u20e3",
    "braille_blank": "\u2800",
    "hangul_filler": "\u3164",
    "hangul_choseong_filler": "\u115f",
    "halfwidth_hangul_filler": "\uffa0",
    "zero_width_space": "\u200b",
    "zero_width_non_joiner": "\u200c",
    "zero_width_joiner": "\u200d",
    "word_joiner": "\u2060",
    "bom": "\ufeff",
    "soft_hyphen": "\u00ad",
    "left_to_right_mark": "\u200e",
    "right_to_left_override": "\u202e",
    "arabic_letter_mark": "\u061c",
    "invisible_times": "\u2062",
    "interlinear_anchor": "\ufff9",
    "mongolian_vowel_separator": "\u180e",
}


def evade(c: Canary, insertion: str) -> str:
    """``c``'s value with ``insertion`` between its pieces (inside a name or host label)."""
    if c.kind in ("person", "person_intl"):
        first, last = c.pieces
        return f"{first} {last[:3]}{insertion}{last[3:]}"
    if c.kind == "host":
        label, *rest = c.pieces
        return ".".join([label[:3] + insertion + label[3:], *rest])
    return insertion.join(c.pieces)


def _unicode(nums: Iterator[int]) -> Iterator[Case]:
    text_kinds = ("card", "email", "aws_key", "iban", "phone", "codename", "person")
    for name, ins in INSERTIONS.items():
        for kind in text_kinds:
            n = next(nums)
            c = canary(kind, n)
            value = evade(c, ins)
            yield Case(
                "unicode", "jsonl_text", name, n, c, value, lines=(text_line(n, sentence(n, value)),), record_id=rid(n)
            )
        for kind in ("card", "email", "host"):
            n = next(nums)
            c = canary(kind, n)
            value = evade(c, ins)
            yield Case(
                "unicode", "raw_file", name, n, c, value, files=((f"raw/u{n}.txt", sentence(n, value).encode()),)
            )
        n = next(nums)
        c = canary("email", n)
        value = evade(c, ins)
        line = text_line(n, marker(n), meta=value)
        yield Case("unicode", "jsonl_meta", name, n, c, value, lines=(line,), record_id=rid(n), where="meta")


# --- digits ---------------------------------------------------------------------------------------

DIGIT_ZEROS = {
    "arabic_indic": 0x0660,
    "extended_arabic_indic": 0x06F0,
    "nko": 0x07C0,
    "devanagari": 0x0966,
    "bengali": 0x09E6,
    "gujarati": 0x0AE6,
    "tamil": 0x0BE6,
    "thai": 0x0E50,
    "tibetan": 0x0F20,
    "myanmar": 0x1040,
    "fullwidth": 0xFF10,
    "math_bold": 0x1D7CE,
    "math_double_struck": 0x1D7D8,
    "math_monospace": 0x1D7F6,
    "adlam": 0x1E950,
}
GROUP_SEPARATORS = {
    "dot": ".",
    "slash": "/",
    "underscore": "_",
    "hyphen": "-",
    "none": "",
    "double_space": "  ",
    "tab": "\t",
    "no_break_space": "\u00a0",
    "narrow_no_break_space": "\u202f",
    "thin_space": "\u2009",
    "figure_space": "\u2007",
    "en_space": "\u2002",
    "ideographic_space": "\u3000",
}


def foreign_digits(text: str, zero: int, every: int = 1) -> str:
    """``text`` with its ASCII digits written in the script whose zero is ``zero`` (every ``every``-th)."""
    out = []
    for i, ch in enumerate(text):
        out.append(chr(zero + int(ch)) if ch.isdigit() and ch.isascii() and i % every == 0 else ch)
    return "".join(out)


def _text_case(klass: str, variant: str, n: int, c: Canary, value: str, xfail: str = "") -> Case:
    line = text_line(n, sentence(n, value))
    return Case(klass, "jsonl_text", variant, n, c, value, lines=(line,), record_id=rid(n), xfail=xfail)


def _digits(nums: Iterator[int]) -> Iterator[Case]:
    for (script, zero), kind in itertools.product(DIGIT_ZEROS.items(), ("card", "phone", "iban")):
        n = next(nums)
        c = canary(kind, n)
        yield _text_case("digits", script, n, c, foreign_digits(c.value, zero))
    for kind in ("card", "phone", "iban"):
        n = next(nums)
        c = canary(kind, n)
        yield _text_case("digits", "mixed_scripts", n, c, foreign_digits(c.value, 0x0660, every=2))
    for (name, sep), kind in itertools.product(GROUP_SEPARATORS.items(), ("card", "phone", "iban")):
        n = next(nums)
        c = canary(kind, n)
        yield _text_case("digits", f"sep_{name}", n, c, sep.join(c.pieces))


# --- markup ---------------------------------------------------------------------------------------

MARKUP_KINDS = ("card", "email", "phone", "iban", "aws_key", "codename")
EML_STYLES = ("b", "span", "a", "nested", "dec_entities", "wbr", "comment", "shy_entity")


def _html_case(n: int, kind: str, style: str) -> Case:
    c = canary(kind, n)
    value = carriers.html_value(c.pieces, c.sep, style)
    data = carriers.html_bytes(sentence(n, value))
    return Case("markup", "html_file", style, n, c, value, files=((f"html/p{n}.html", data),))


def _eml_case(n: int, kind: str, style: str) -> Case:
    c = canary(kind, n)
    value = carriers.html_value(c.pieces, c.sep, style)
    data = carriers.eml_bytes("note", f"<p>{sentence(n, value)}</p>")
    return Case("markup", "eml_html", style, n, c, value, files=((f"mail/m{n}.eml", data),))


def _qp_soft_breaks(text: str, value: str) -> str:
    """``text`` as quoted-printable with a soft line break (``=`` CRLF) inside every piece of ``value``."""
    cut = "=\r\n".join(value[i : i + 3] for i in range(0, len(value), 3))
    return text.replace(value, cut).replace("@", "=40")


def _mail_encodings(nums: Iterator[int]) -> Iterator[Case]:
    for kind in ("card", "email", "phone", "iban"):
        n = next(nums)
        c = canary(kind, n)
        body = _qp_soft_breaks(sentence(n, c.value), c.value)
        data = carriers.eml_bytes("note", body, "text/plain", "quoted-printable")
        yield Case("markup", "eml_plain", "qp_soft_breaks", n, c, c.value, files=((f"mail/q{n}.eml", data),))
        n = next(nums)
        c = canary(kind, n)
        data = carriers.eml_bytes("note", sentence(n, c.value), "text/plain", "base64")
        yield Case("markup", "eml_plain", "base64", n, c, c.value, files=((f"mail/b{n}.eml", data),))
        n = next(nums)
        c = canary(kind, n)
        subject = carriers.encoded_word(sentence(n, c.value))
        data = carriers.eml_bytes(subject, marker(n), "text/plain")
        yield Case("markup", "eml_header", "encoded_subject", n, c, c.value, files=((f"mail/s{n}.eml", data),))
    for kind in ("person", "email"):
        n = next(nums)
        c = canary(kind, n)
        sender = f'"{c.value}" <desk@example.org>' if kind == "person" else f"Desk <{c.value}>"
        data = carriers.eml_bytes("note", marker(n), "text/plain", sender=sender)
        yield Case("markup", "eml_header", "from", n, c, c.value, files=((f"mail/f{n}.eml", data),))


def _docx_cases(nums: Iterator[int]) -> Iterator[Case]:
    for style in carriers.DOCX_STYLES:
        kinds = ("card", "phone", "iban", "person") if style in ("br", "tab") else (*MARKUP_KINDS, "person")
        for kind in kinds:
            n = next(nums)
            c = canary(kind, n)
            data = carriers.docx_bytes(f"item {marker(n)}: ", c.pieces, c.sep, " thanks", style)
            yield Case("markup", "docx", style, n, c, c.value, files=((f"docx/d{n}.docx", data),))
    for prop, kind in (("author", "person"), ("title", "email"), ("comments", "phone"), ("keywords", "codename")):
        n = next(nums)
        c = canary(kind, n)
        data = carriers.docx_with_properties(marker(n), **{prop: c.value})
        yield Case("markup", "docx", f"property_{prop}", n, c, c.value, files=((f"docx/d{n}.docx", data),))
    for kind in ("person", "card"):
        n = next(nums)
        c = canary(kind, n)
        data = carriers.docx_with_header(marker(n), f"prepared by {c.value}")
        yield Case("markup", "docx", "header", n, c, c.value, files=((f"docx/d{n}.docx", data),))


def _pptx_cases(nums: Iterator[int]) -> Iterator[Case]:
    for style in carriers.PPTX_STYLES:
        for kind in ("card", "phone", "iban", "person") if style == "br" else (*MARKUP_KINDS, "person"):
            n = next(nums)
            c = canary(kind, n)
            data = carriers.pptx_bytes(f"item {marker(n)}: ", c.pieces, c.sep, " end", style)
            yield Case("markup", "pptx", style, n, c, c.value, files=((f"pptx/s{n}.pptx", data),))


def _markup(nums: Iterator[int]) -> Iterator[Case]:
    for style, kind in itertools.product(carriers.HTML_STYLES, MARKUP_KINDS):
        yield _html_case(next(nums), kind, style)
    for style, kind in itertools.product(EML_STYLES, MARKUP_KINDS):
        yield _eml_case(next(nums), kind, style)
    yield from _mail_encodings(nums)
    yield from _docx_cases(nums)
    yield from _pptx_cases(nums)


# --- file names -----------------------------------------------------------------------------------


def _name_forms(c: Canary) -> dict[str, str]:
    return {
        "v": c.value,
        "v_": c.value.replace(" ", "_"),
        "v-": c.value.replace(" ", "-"),
        "lower_dot": c.value.lower().replace(" ", "."),
        "compact": c.value.replace(" ", ""),
        "nfd": unicodedata.normalize("NFD", c.value),
    }


# Templates per kind: where a value sits in a path ({v} as written, {v_} spaces as _, ...).
PATH_TEMPLATES = {
    "person": (
        "Documents/{v}/notes.txt",
        "Passport scan - {v}.txt",
        "{v_}_CV.md",
        "hr/{v}/payslip.txt",
        "{lower_dot}.txt",
    ),
    "person_intl": ("Documents/{v}/notes.txt", "{v_}_CV.md", "Documents/{nfd}/notes.txt"),
    "email": ("{v}_resume.txt", "inbox/{v}/message.txt", "{v}.md"),
    "card": ("cards/{v_}.txt", "{v-}.csv", "{compact}.txt"),
    "codename": ("{v}_roadmap_final_v2.md", "projects/{v}/README.md"),
    "host": ("logs/{v}_app.log", "{v}.conf"),
    "iban": ("payments/{compact}.txt",),
    "phone": ("calls/{v-}.txt",),
    "aws_key": ("keys/{v}.txt",),
}


def _path_case(carrier: str, template: str, n: int, kind: str) -> Case:
    c = canary(kind, n)
    name = template.format(**_name_forms(c))
    body = f"{marker(n)} figures attached\n".encode()
    if carrier == "tree":
        files = ((f"tree{n}/{name}", body),)
    else:
        files = ((f"zips/z{n}.zip", carriers.zip_bytes([(name, body)])),)
    variant = template.replace("{", "").replace("}", "").replace("/", "~").replace(" ", "")
    return Case("filenames", carrier, variant, n, c, name, files=files, where="source")


def _filenames(nums: Iterator[int]) -> Iterator[Case]:
    for carrier in ("tree", "zip_member"):
        for kind, templates in PATH_TEMPLATES.items():
            for template in templates:
                yield _path_case(carrier, template, next(nums), kind)
    for kind in ("codename", "email", "person"):
        n = next(nums)
        c = canary(kind, n)
        name = f"{c.value}_export.zip"
        data = carriers.zip_bytes([("notes.txt", f"{marker(n)} ok\n".encode())])
        yield Case("filenames", "zip_name", "export", n, c, name, files=((f"zn{n}/{name}", data),), where="source")
    for kind in ("email", "card"):
        n = next(nums)
        c = canary(kind, n)
        name = f"{c.value.replace(' ', '_')}_notes.txt.gz"
        data = carriers.gz_bytes(f"{marker(n)} ok\n".encode())
        yield Case("filenames", "gz_name", "notes", n, c, name, files=((f"gz{n}/{name}", data),), where="source")
    n = next(nums)
    c = canary("person_intl", n)
    name = f"{c.value.replace(' ', '_')}_CV.txt"
    data = carriers.zip_without_utf8_flag(name, f"{marker(n)} ok\n".encode())
    files = ((f"zu{n}/a.zip", data),)
    yield Case("filenames", "zip_member", "name_without_utf8_flag", n, c, name, files=files, where="source")
    n = next(nums)
    c = canary("person", n)
    name = f"people/{c.value}/cv.txt"
    data = carriers.zip_bytes([(name, f"{marker(n)} ok\n".encode())])
    yield Case(
        "filenames", "zip_member", "folder_in_zip", n, c, name, files=((f"zf{n}/{c.value}.zip", data),), where="source"
    )


# --- kept metadata --------------------------------------------------------------------------------


def _json_shapes(v: str) -> dict[str, object]:
    return {
        "list_first": [v, "ok", "fine"],
        "list_second": ["ok", v, "fine"],
        "list_last": ["ok", "fine", "also", v],
        "nested_list": [["ok", ["fine", v]]],
        "object_value": {"owner": v, "tier": "gold"},
        "object_key": {v: 1, "tier": "gold"},
        "list_of_objects": [{"a": "ok"}, {"b": [1, v]}],
        "mixed_list": [1, True, None, v],
    }


def _parquet_shapes(v: str) -> dict[str, tuple[object, pa.DataType]]:
    raw = v.encode()
    return {
        "string": (v, pa.string()),
        "large_string": (v, pa.large_string()),
        "binary": (raw, pa.binary()),
        "large_binary": (raw, pa.large_binary()),
        "fixed_size_binary": (raw, pa.binary(len(raw))),
        "list_string": (["ok", v], pa.list_(pa.string())),
        "large_list_string": (["ok", v], pa.large_list(pa.string())),
        "list_binary": ([b"ok", raw], pa.list_(pa.binary())),
        "struct": ({"a": "ok", "b": v}, pa.struct([("a", pa.string()), ("b", pa.string())])),
        "map_value": ([("k", v)], pa.map_(pa.string(), pa.string())),
        "map_key": ([(v, "x")], pa.map_(pa.string(), pa.string())),
        "list_struct": ([{"b": v}], pa.list_(pa.struct([("b", pa.string())]))),
    }


def _meta_case(carrier: str, shape: str, n: int, c: Canary, meta: object, dtype: pa.DataType | None = None) -> Case:
    """A record whose text is only its marker and whose kept ``meta`` field holds ``meta``."""
    if dtype is None:
        lines, files = (text_line(n, marker(n), meta=meta),), ()
    else:
        lines, files = (), ((f"parquet/p{n}.parquet", carriers.parquet_bytes(rid(n), marker(n), meta, dtype)),)
    nullable = shape in ("number", "int64", "decimal")
    return Case(
        "metadata",
        carrier,
        shape,
        n,
        c,
        c.value,
        lines=lines,
        files=files,
        record_id=rid(n),
        where="meta",
        nullable=nullable,
    )


def _card_number(c: Canary) -> int:
    return int("".join(ch for ch in c.value if ch.isdigit()))


def _metadata(nums: Iterator[int]) -> Iterator[Case]:
    for kind in ("email", "person", "person_intl", "codename"):
        for shape in _json_shapes(""):
            n = next(nums)
            c = canary(kind, n)
            yield _meta_case("jsonl_meta", shape, n, c, _json_shapes(c.value)[shape])
    for kind in ("card", "phone"):
        for shape in ("number", "number_in_list", "number_in_object"):
            n = next(nums)
            c = canary(kind, n)
            number = _card_number(c)
            meta = {"number": number, "number_in_list": ["ok", number], "number_in_object": {"n": number}}[shape]
            yield _meta_case("jsonl_meta", shape, n, c, meta)
    for kind in ("email", "person", "person_intl"):
        for shape in _parquet_shapes(""):
            n = next(nums)
            c = canary(kind, n)
            yield _meta_case("parquet_meta", shape, n, c, *_parquet_shapes(c.value)[shape])
    for shape, dtype in (("int64", pa.int64()), ("decimal", pa.decimal128(20, 0))):
        n = next(nums)
        c = canary("card", n)
        number = _card_number(c)
        yield _meta_case("parquet_meta", shape, n, c, decimal.Decimal(number) if shape == "decimal" else number, dtype)


# --- NUL in JSONL strings -------------------------------------------------------------------------


def _nul(nums: Iterator[int]) -> Iterator[Case]:
    placements: dict[str, Callable[[Canary], str]] = {
        "between_pieces": lambda c: evade(c, "\x00"),
        "doubled": lambda c: evade(c, "\x00\x00"),
        "with_zero_width": lambda c: evade(c, "\x00\u200b"),
        "around": lambda c: f"\x00{c.value}\x00",
    }
    for (name, place), kind in itertools.product(placements.items(), tuple(KINDS)):
        n = next(nums)
        c = canary(kind, n)
        yield _text_case("nul", name, n, c, place(c))
    for kind in ("email", "card", "person"):
        n = next(nums)
        c = canary(kind, n)
        value = evade(c, "\x00")
        line = text_line(n, marker(n), meta=["ok", value])
        yield Case("nul", "jsonl_meta", "list_element", n, c, value, lines=(line,), record_id=rid(n), where="meta")


# --- obfuscation (the classes the existing evasion tests cover, end to end) -----------------------


def _fullwidth(text: str) -> str:
    return "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in text)


def _math_bold(text: str) -> str:
    out = []
    for ch in text:
        if "a" <= ch <= "z":
            out.append(chr(0x1D41A + ord(ch) - ord("a")))
        elif "A" <= ch <= "Z":
            out.append(chr(0x1D400 + ord(ch) - ord("A")))
        else:
            out.append(ch)
    return "".join(out)


def _email_spellings(c: Canary) -> dict[str, str]:
    local, domain = c.value.split("@")
    host, tld = domain.rsplit(".", 1)
    return {
        "bracket_at_dot": f"{local} [at] {host} [dot] {tld}",
        "paren_at_dot": f"{local} (at) {host} (dot) {tld}",
        "words_at_dot": f"{local} at {host} dot {tld}",
        "brace_at": f"{local}{{at}}{domain}",
        "upper_at": f"{local} AT {domain}",
        "fullwidth_at": f"{local}\uff20{domain}",
        "small_at": f"{local}\ufe6b{domain}",
        "upper_case": c.value.upper(),
        "mailto": f"mailto:{c.value}",
        "fullwidth_all": _fullwidth(c.value),
        "math_bold_local": f"{_math_bold(local)}@{domain}",
    }


def _other_spellings(c: Canary) -> dict[str, str]:
    if c.kind == "codename":
        return {"upper_case": c.value.upper(), "fullwidth_all": _fullwidth(c.value), "math_bold": _math_bold(c.value)}
    if c.kind == "person":
        return {"upper_case": c.value.upper(), "lower_case": c.value.lower(), "fullwidth_all": _fullwidth(c.value)}
    if c.kind == "person_intl":
        nfd = unicodedata.normalize("NFD", c.value)
        return {"upper_case": c.value.upper(), "lower_case": c.value.lower(), "decomposed_nfd": nfd}
    if c.kind == "host":
        return {
            "upper_case": c.value.upper(),
            "in_url": f"https://{c.value}/admin?x=1",
            "with_port": f"{c.value}:8443",
            "trailing_dot": f"{c.value}.",
        }
    return {"fullwidth_all": _fullwidth(c.value), "math_bold_digits": foreign_digits(c.value, 0x1D7CE)}


def _obfuscation(nums: Iterator[int]) -> Iterator[Case]:
    for spelling in _email_spellings(canary("email", 0)):
        n = next(nums)
        c = canary("email", n)
        yield _text_case("obfuscation", spelling, n, c, _email_spellings(c)[spelling])
    for kind in ("codename", "person", "person_intl", "host", "aws_key", "card"):
        for spelling in _other_spellings(canary(kind, 0)):
            n = next(nums)
            c = canary(kind, n)
            case = _text_case("obfuscation", spelling, n, c, _other_spellings(c)[spelling])
            yield replace(case, tag="INTERNAL_URL") if spelling == "in_url" else case
    yield from _encodings(nums)
    for kind in ("email", "card", "person"):
        n = next(nums)
        c = canary(kind, n)
        escaped = "".join(f"\\u{ord(ch):04x}" for ch in c.value)
        line = '{"id": "' + rid(n) + '", "text": "item ' + marker(n) + ": " + escaped + '"}'
        yield Case("obfuscation", "jsonl_text", "json_unicode_escapes", n, c, c.value, lines=(line,), record_id=rid(n))


ENCODINGS: dict[str, Callable[[str], bytes]] = {
    "utf16le_bom": lambda text: "\ufeff".encode("utf-16-le") + text.encode("utf-16-le"),
    "utf16be_bom": lambda text: "\ufeff".encode("utf-16-be") + text.encode("utf-16-be"),
    "utf8_bom": lambda text: "\ufeff".encode() + text.encode(),
    "crlf": lambda text: f"first line\r\n{text}\r\nlast line\r\n".encode(),
    "gzip": lambda text: carriers.gz_bytes(text.encode()),
}


def _encodings(nums: Iterator[int]) -> Iterator[Case]:
    for (name, encode), kind in itertools.product(ENCODINGS.items(), ("card", "email")):
        n = next(nums)
        c = canary(kind, n)
        path = f"enc/e{n}.txt" + (".gz" if name == "gzip" else "")
        yield Case("obfuscation", "raw_file", name, n, c, c.value, files=((path, encode(sentence(n, c.value))),))
    n = next(nums)
    c = canary("iban", n)
    data = carriers.gz_bytes((text_line(n, sentence(n, c.value)) + "\n").encode())
    yield Case(
        "obfuscation", "jsonl_gz", "gzip", n, c, c.value, files=((f"enc/b{n}.jsonl.gz", data),), record_id=rid(n)
    )
    n = next(nums)
    c = canary("phone", n)
    line = '{"id": "' + rid(n) + '", "text": "item", "text": ' + json.dumps(sentence(n, c.value)) + "}"
    yield Case("obfuscation", "jsonl_text", "duplicate_key", n, c, c.value, lines=(line,), record_id=rid(n))


# --- error paths ----------------------------------------------------------------------------------


def _error(variant: str, carrier: str, n: int, c: Canary, expect: str, written: str = "", **kw: Any) -> Case:
    return Case("errors", carrier, variant, n, c, written or c.value, expect=expect, **kw)


def _detector_errors(nums: Iterator[int]) -> Iterator[Case]:
    for trigger, reason in ((EXPLODE, "detector_error"), (SLOWDOWN, "timeout")):
        variant = "detector_raises" if reason == "detector_error" else "detector_timeout"
        for kind in ("card", "email", "person", "aws_key"):
            n = next(nums)
            c = canary(kind, n)
            line = text_line(n, f"{trigger} {sentence(n, c.value)}")
            yield _error(variant, "jsonl_text", n, c, reason, lines=(line,), record_id=rid(n))
        n = next(nums)
        c = canary("phone", n)
        line = text_line(n, f"{trigger} {marker(n)}", meta=c.value)
        yield _error(variant, "jsonl_meta", n, c, reason, lines=(line,), record_id=rid(n))
        n = next(nums)
        c = canary("email", n)
        name = f"errs{n}/{c.value}_notes.txt"
        data = f"{trigger} {sentence(n, canary('card', n).value)}".encode()
        yield _error(variant, "file_name", n, c, reason, files=((name, data),), written=name, also=(canary("card", n),))


def _reader_errors(nums: Iterator[int]) -> Iterator[Case]:
    n = next(nums)
    c = canary("card", n)
    data = carriers.html_bytes(f"{READER_CRASH} {sentence(n, c.value)}")
    yield _error("reader_raises", "html_file", n, c, "decode_error", files=((f"errs/h{n}.html", data),))
    n = next(nums)
    c = canary("email", n)
    data = carriers.eml_bytes("note", f"<p>{READER_CRASH} {sentence(n, c.value)}</p>")
    yield _error("reader_raises", "eml_html", n, c, "decode_error", files=((f"errs/m{n}.eml", data),))
    n = next(nums)
    c = canary("person", n)
    name = f"{c.value}.html"
    data = carriers.zip_bytes([(name, carriers.html_bytes(f"{READER_CRASH} {marker(n)}"))])
    yield _error("reader_raises", "zip_member", n, c, "decode_error", files=((f"errs/z{n}.zip", data),), written=name)


def _limit_errors(nums: Iterator[int]) -> Iterator[Case]:
    pad = " pad" * (MAX_RECORD_CHARS // 4 + 10)
    for kind in ("card", "email"):
        n = next(nums)
        c = canary(kind, n)
        yield _error(
            "record_too_large",
            "jsonl_text",
            n,
            c,
            "too_large",
            lines=(text_line(n, sentence(n, c.value) + pad),),
            record_id=rid(n),
        )
    n = next(nums)
    c = canary("iban", n)
    line = text_line(n, sentence(n, c.value) + " pad" * (MAX_FILE_BYTES // 4 + 10))
    yield _error("line_too_large", "jsonl_text", n, c, "too_large", lines=(line,))
    n = next(nums)
    c = canary("person", n)
    name = f"errs{n}/{c.value}.txt"
    data = (sentence(n, canary("card", n).value) + " pad" * (MAX_FILE_BYTES // 4 + 10)).encode()
    also = (canary("card", n),)
    yield _error("file_too_large", "file_name", n, c, "too_large", files=((name, data),), written=name, also=also)


def _corrupt_file(n: int, kind: str, suffix: str) -> tuple[str, bytes, str]:
    """A file named after a canary whose bytes cannot be read as ``suffix``; (path, bytes, reason)."""
    c = canary(kind, n)
    name = f"errs{n}/{c.value.replace(' ', '_')}{suffix}"
    body = sentence(n, canary("card", n).value).encode()
    corrupt = {
        ".txt": (body + b"\xff\xfe\xc3(", "decode_error"),
        ".md": (body.decode().replace("end", "caf\u00e9").encode("latin-1"), "decode_error"),
        ".txt.gz": (carriers.gz_bytes(body * 50)[:-12], "decode_error"),
        ".docx": (b"PK\x03\x04 not a package " + body, "decode_error"),
        ".xlsx": (b"PK\x03\x04\x14\x00" + body, "decode_error"),
        ".pptx": (body, "decode_error"),
        ".pdf": (b"%PDF-1.7\n" + body, "decode_error"),
        ".zip": (b"PK\x05\x06" + body, "decode_error"),
        ".parquet": (b"PAR1" + body + b"PAR1", "decode_error"),
        ".eml.gz": (carriers.gz_bytes(b"Subject: x\r\n\r\n" + body)[:40], "decode_error"),
        ".log": (b"\x00\x01" + body, "unsupported_type"),
        ".png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + body, "unsupported_type"),
        ".csv": (body.decode().encode("utf-16-le"), "unsupported_type"),
    }
    data, reason = corrupt[suffix]
    return name, data, reason


CORRUPT = {
    ".txt": ("email", "card", "person"),
    ".md": ("email",),
    ".txt.gz": ("card", "codename"),
    ".docx": ("person", "email"),
    ".xlsx": ("person",),
    ".pptx": ("codename",),
    ".pdf": ("email",),
    ".zip": ("card",),
    ".parquet": ("person",),
    ".eml.gz": ("email",),
    ".log": ("host", "email"),
    ".png": ("person",),
    ".csv": ("phone",),
}


def _file_errors(nums: Iterator[int]) -> Iterator[Case]:
    for suffix, kinds in CORRUPT.items():
        for kind in kinds:
            n = next(nums)
            name, data, reason = _corrupt_file(n, kind, suffix)
            variant = "corrupt" + suffix.replace(".", "_")
            also = (canary("card", n),)
            yield _error(
                variant, "file_name", n, canary(kind, n), reason, files=((name, data),), written=name, also=also
            )
    n = next(nums)
    c = canary("codename", n)
    name = f"{c.value}_inner.zip"
    data = carriers.zip_bytes([(name, carriers.zip_bytes([("a.txt", b"ok")]))])
    yield _error(
        "nested_archive", "zip_member", n, c, "unsupported_type", files=((f"errs/n{n}.zip", data),), written=name
    )
    n = next(nums)
    c = canary("email", n)
    name = f"{c.value}.txt"
    data = carriers.encrypted_zip(name, sentence(n, canary("card", n).value).encode())
    files = ((f"errs/e{n}.zip", data),)
    yield _error(
        "encrypted_member", "zip_member", n, c, "unsupported_type", files=files, written=name, also=(canary("card", n),)
    )


def _record_errors(nums: Iterator[int]) -> Iterator[Case]:
    def broken(c: Canary, n: int) -> dict[str, str]:
        return {
            "malformed_json": '{"id": "' + rid(n) + '", "text": "' + c.value + '"',
            "missing_id": json.dumps({"text": sentence(n, c.value)}),
            "text_not_a_string": json.dumps({"id": rid(n), "text": [sentence(n, c.value)]}),
            "id_is_a_list": json.dumps({"id": [c.value], "text": marker(n)}),
            "not_an_object": json.dumps([rid(n), c.value]),
            "nan_constant": '{"id": "' + rid(n) + '", "text": "' + c.value + '", "meta": NaN}',
            "lone_surrogate": '{"id": "' + rid(n) + '", "text": "' + c.value + ' \\ud800"}',
        }

    for variant in broken(canary("card", 0), 0):
        reason = "decode_error" if variant == "lone_surrogate" else "invalid_record"
        for kind in ("card", "email"):
            n = next(nums)
            c = canary(kind, n)
            yield _error(variant, "jsonl_line", n, c, reason, lines=(broken(c, n)[variant],))
    for kind in ("card", "person"):
        n = next(nums)
        c = canary(kind, n)
        lines = (text_line(n, sentence(n, c.value)), text_line(n, f"again {c.value}"))
        yield _error("duplicate_id", "jsonl_text", n, c, "duplicate_id", lines=lines, record_id=rid(n), records=2)


def _errors(nums: Iterator[int]) -> Iterator[Case]:
    yield from _detector_errors(nums)
    yield from _reader_errors(nums)
    yield from _limit_errors(nums)
    yield from _file_errors(nums)
    yield from _record_errors(nums)


def _crash(nums: Iterator[int]) -> Iterator[Case]:
    n = next(nums)
    c = canary("card", n)
    line = text_line(n, f"{WORKER_CRASH} {sentence(n, c.value)}")
    yield Case(
        "crash", "jsonl_text", "reader_raises", n, c, c.value, expect="run_fails", lines=(line,), record_id=rid(n)
    )
    n = next(nums)
    c = canary("email", n)
    name = f"crash{n}/{c.value}_notes.txt"
    data = f"{WORKER_CRASH} {sentence(n, canary('phone', n).value)}".encode()
    also = (canary("phone", n),)
    yield Case("crash", "file_name", "reader_raises", n, c, name, expect="run_fails", files=((name, data),), also=also)
    n = next(nums)
    c = canary("person", n)
    name = f"crash{n}/{WORKER_CRASH} {c.value}.txt"
    files = ((name, sentence(n, canary("card", n).value).encode()),)
    also = (canary("card", n),)
    yield Case(
        "crash", "file_name", "reader_raises_quoting_path", n, c, name, expect="run_fails", files=files, also=also
    )


GENERATORS: dict[str, Callable[[Iterator[int]], Iterator[Case]]] = {
    "unicode": _unicode,
    "digits": _digits,
    "markup": _markup,
    "filenames": _filenames,
    "metadata": _metadata,
    "nul": _nul,
    "obfuscation": _obfuscation,
    "errors": _errors,
    "crash": _crash,
}
CLASSES = tuple(GENERATORS)


def _generate() -> list[Case]:
    nums = itertools.count()
    cases = [case for generate in GENERATORS.values() for case in generate(nums)]
    return [replace(case, xfail=KNOWN_LEAKS.get(case.cid, case.xfail)) for case in cases]


# Cases that leak today, by test id, with the root cause (each is a strict xfail).
KNOWN_LEAKS: dict[str, str] = {}

CASES = _generate()


def terms() -> dict[str, list[str]]:
    """The proprietary terms of the test config: every code name and person canary of every case."""
    n_max = max(case.n for case in CASES) + 1
    return {
        "CODENAME": [canary("codename", n).value for n in range(n_max)],
        "PERSON": [canary(kind, n).value for kind in ("person", "person_intl") for n in range(n_max)],
    }
