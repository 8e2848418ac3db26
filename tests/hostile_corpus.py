"""A generated corpus of hostile and broken uploads, with the exact outcome expected for each record.

``build(root)`` writes the files and returns ``{record id: "record" | quarantine reason}``.
"""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

from transforms.readers.inputs import expand_inputs, file_record_id, position_id

MAGIC = {
    "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
    "zip": b"PK\x03\x04\x14\x00\x00\x00",
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "elf": b"\x7fELF\x02\x01\x01\x00",
}


# Where a record is, until the corpus is listed: (relative path, position suffix, "" for a whole file).
_Place = tuple[str, str]


def _resolve(root: Path, expected: dict[str | _Place, str]) -> dict[str, str]:
    """``expected`` with every place replaced by the id a run derives for it (ordinals in the listing of
    ``root``, so only once every file is written)."""
    listing = {f.relpath: f for f in expand_inputs([str(root)])}

    def record_id(key: str | _Place) -> str:
        if isinstance(key, str):
            return key
        relpath, suffix = key
        return position_id(listing[relpath], suffix) if suffix else file_record_id(listing[relpath])

    return {record_id(k): v for k, v in expected.items()}


def build(root: Path, big: bool = False, seed: int = 7) -> dict[str, str]:
    """Write the corpus under ``root`` (given to ``--input`` as it is) and return the expected outcomes."""
    rnd = random.Random(seed)
    expected: dict[str | _Place, str] = {}
    raw = root / "raw"
    raw.mkdir(parents=True)

    def put(name: str, data: bytes, outcome: str) -> None:
        (raw / name).write_bytes(data)
        expected[(f"raw/{name}", "")] = outcome

    for i in range(80):
        body = bytes(rnd.randrange(32, 127) for _ in range(rnd.randrange(0, 200)))
        cut = rnd.randrange(0, len(body) + 1)
        put(f"invalid_utf8_{i}.txt", body[:cut] + b"\xff\xc3(" + body[cut:], "decode_error")
    for i in range(40):
        put(f"latin1_{i}.txt", f"caf\u00e9 na\u00efve r\u00e9sum\u00e9 #{i}".encode("latin-1"), "decode_error")
    for i in range(20):
        put(f"utf16le_bom_{i}.txt", "\ufeffhello w\u00f6rld {i}".encode("utf-16-le"), "record")
        put(f"utf16be_bom_{i}.txt", "\ufeffhello w\u00f6rld {i}".encode("utf-16-be"), "record")
        put(f"utf16_nobom_{i}.txt", f"hello world {i}".encode("utf-16-le"), "unsupported_type")  # NUL bytes
    for i in range(30):
        put(f"nul_{i}.txt", b"before\x00after " + str(i).encode(), "unsupported_type")
    for kind, magic in MAGIC.items():
        for i in range(10):
            tail = bytes(rnd.randrange(0, 256) for _ in range(64)) + b"\x00\xff"
            # .pdf and .zip go to their readers, which cannot parse them; the others are binary content
            outcome = "decode_error" if kind in ("pdf", "zip") else "unsupported_type"
            put(f"binary_{kind}_{i}.{kind}", magic + tail, outcome)
    for i in range(20):
        put(f"empty_{i}.txt", b"", "record")
        put(f"blank_{i}.md", b" \n\t \r\n" * (i + 1), "record")
    for i in range(20):
        put(f"bidi_{i}.txt", f"safe \u202eevil\u202c text \u2066{i}\u2069".encode(), "record")
        put(f"zero_width_{i}.txt", f"ze\u200bro\u200cwi\u200ddth\ufeff {i}".encode(), "record")
    for i in range(20):
        data = gzip.compress(f"line {i}\n".encode() * 200)
        put(f"truncated_{i}.txt.gz", data[: len(data) // 2], "decode_error")
    for i in range(20):
        put(f"surrogate_{i}.txt", b"lone \xed\xa0\x80 surrogate " + str(i).encode(), "decode_error")

    batch = root / "batch"
    batch.mkdir()

    def jsonl(name: str, lines: list[tuple[str, str, str]]) -> None:
        """lines: (raw line, id if known, outcome)."""
        (batch / name).write_text("\n".join(line for line, _, _ in lines) + "\n", encoding="utf-8")
        for n, (_, rid, outcome) in enumerate(lines, start=1):
            expected[rid or (f"batch/{name}", f"#L{n}")] = outcome

    rows = []
    for i in range(60):
        if i % 2:
            rows.append(('{"id": "m' + str(i) + '", "text": "broken', "", "invalid_record"))
        else:
            rows.append((json.dumps({"id": f"m{i}", "text": f"fine {i}"}), f"m{i}", "record"))
    jsonl("malformed.jsonl", rows)
    jsonl("missing_ids.jsonl", [(json.dumps({"text": f"no id {i}"}), "", "invalid_record") for i in range(20)])
    jsonl(
        "duplicates.jsonl",
        [(json.dumps({"id": f"dup{i // 2}", "text": f"copy {i}"}), "", "duplicate_id") for i in range(20)],
    )
    # Duplicate ids are quarantined under their own id (all copies share it).
    for i in range(20):
        expected.pop(("batch/duplicates.jsonl", f"#L{i + 1}"))
        expected[f"dup{i // 2}"] = "duplicate_id"
    wrong = []
    for i in range(10):
        wrong.append((json.dumps({"id": f"w{i}", "text": i}), f"w{i}", "invalid_record"))
        wrong.append((json.dumps({"id": [i], "text": "x"}), "", "invalid_record"))
        wrong.append((json.dumps({"id": True, "text": "x"}), "", "invalid_record"))
    jsonl("wrong_types.jsonl", wrong)
    deep = []
    for i in range(10):
        deep.append(
            (
                '{"id": "d' + str(i) + '", "text": "x", "language": ' + "[" * 100_000 + "]" * 100_000 + "}",
                "",
                "invalid_record",
            )
        )
        deep.append((json.dumps({"id": f"ok{i}", "text": "nested fine", "extra": [[[[[i]]]]]}), f"ok{i}", "record"))
    jsonl("deep.jsonl", deep)
    jsonl(
        "surrogates.jsonl",
        [('{"id": "s' + str(i) + '", "text": "lone \\ud800 here"}', f"s{i}", "decode_error") for i in range(10)],
    )

    if big:
        words = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor "
        put("one_10mb_line.txt", (words * (10_000_000 // len(words) + 1))[:10_000_000].encode(), "record")
        put("one_million_and_one.txt", (words * 20_000)[:1_000_001].encode(), "record")
        put("twenty_million.txt", (words * 260_000)[:20_000_000].encode(), "too_large")
    return _resolve(root, expected)
