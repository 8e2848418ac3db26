"""The memory-saving paths for huge records give exactly what the plain implementations gave.

Each test compares against a reference copy of the earlier, straightforward code: overlap resolution
(set + ranked sort), ``output_hmac`` (one ``json.dumps`` of the whole record), operator application
(one join), Parquet shards (``pa.Table.from_pylist`` of tuples) and record pickling (raw text).
"""

from __future__ import annotations

import hashlib
import json
import pickle

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transforms import records
from transforms.config import parse_config
from transforms.operators import build_operators
from transforms.output import schemas, shards
from transforms.output.keyed import OUTPUT, keyed_hasher
from transforms.output.schemas import output_hmac, record_row, records_schema
from transforms.output.shards import write_shard
from transforms.records import Document, Finding, RedactedDocument, Redaction
from transforms.redaction import engine
from transforms.redaction.engine import apply_operators
from transforms.redaction.log import RedactionLog
from transforms.redaction.resolve import resolve_overlaps

# ---------------------------------------------------------------------------------------------------
# Reference implementations (the code before the memory work)


def _rank(f: Finding) -> tuple[int, float, str, str, int]:
    return (-f.length, -f.score, f.entity_type, f.detector, f.start)


def reference_resolve(findings: list[Finding]) -> list[Finding]:
    ordered = sorted(set(findings), key=lambda f: (f.start, f.end, _rank(f)))
    resolved, cluster, cluster_end = [], [], -1
    for f in ordered:
        if cluster and f.start >= cluster_end:
            resolved.append(_merge(cluster, cluster_end))
            cluster = []
        cluster.append(f)
        cluster_end = max(cluster_end, f.end) if len(cluster) > 1 else f.end
    if cluster:
        resolved.append(_merge(cluster, cluster_end))
    return resolved


def _merge(cluster: list[Finding], end: int) -> Finding:
    best = min(cluster, key=_rank)
    start = cluster[0].start
    if best.start == start and best.end == end:
        return best
    return Finding(best.entity_type, start, end, best.score, best.detector)


KEY = b"state-key-for-tests-0001"


def reference_output_hmac(doc: RedactedDocument) -> str:
    payload = [
        doc.id,
        doc.text,
        doc.source,
        [list(kv) for kv in doc.metadata],
        [
            [r.entity_type, r.start, r.end, r.out_start, r.out_end, r.detector, r.score, r.operator]
            for r in doc.redactions
        ],
    ]
    canonical = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    h = keyed_hasher(KEY, OUTPUT)
    h.update(canonical.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def reference_row(doc: RedactedDocument, ruleset: str) -> dict[str, object]:
    row: dict[str, object] = {"id": doc.id, "text": doc.text, "source": doc.source}
    row.update(dict(doc.metadata))
    row["ruleset"] = ruleset
    row["redactions"] = [
        (r.entity_type, r.start, r.end, r.out_start, r.out_end, r.detector, r.score, r.operator) for r in doc.redactions
    ]
    return row


# ---------------------------------------------------------------------------------------------------
# Strategies

findings = st.builds(
    lambda e, s, n, sc, d: Finding(e, s, s + n, sc, d),
    st.sampled_from(["PERSON", "EMAIL_ADDRESS", "URL"]),
    st.integers(0, 60),
    st.integers(1, 15),
    st.sampled_from([0.3, 0.5, 1.0]),
    st.sampled_from(["a", "b"]),
)
# Every kind of character JSON treats specially: quotes, backslashes, controls, non-ASCII, lone surrogates.
texts = st.text(
    alphabet=st.sampled_from(["a", " ", '"', "\\", "\n", "\x00", "\x1f", "é", "€", "😀", "\ud800", "\udfff"])
)
redaction_lists = st.lists(
    st.builds(
        Redaction,
        st.sampled_from(["PERSON", "CODENAME"]),
        st.integers(0, 10**12),
        st.integers(0, 10**12),
        st.integers(0, 10**12),
        st.integers(0, 10**12),
        st.sampled_from(["ner", 'q"uote\\d']),
        st.floats(allow_nan=False),
        st.sampled_from(["replace", "mask"]),
    ),
    max_size=12,
)


def _doc(text: str, redactions: list[Redaction], metadata: tuple = ()) -> RedactedDocument:
    return RedactedDocument(
        id="r1", text=text, source="s\u00e9", metadata=metadata, redactions=RedactionLog(redactions)
    )


# ---------------------------------------------------------------------------------------------------
# Tests


@given(st.lists(findings, max_size=30), st.randoms())
def test_resolve_equals_the_ranked_set_sort(items: list[Finding], rnd) -> None:
    items = items + items[: len(items) // 3]  # duplicates, which the reference removed with a set
    rnd.shuffle(items)
    assert resolve_overlaps(items) == reference_resolve(items)


@pytest.mark.parametrize("piece, batch", [(1 << 20, 4096), (3, 2), (1, 1)])
# The patched constants are the same for every example, so a function-scoped monkeypatch is right here.
@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts, reds=redaction_lists, meta_value=st.one_of(st.none(), texts))
def test_output_hmac_equals_one_json_dump(
    monkeypatch: pytest.MonkeyPatch, piece: int, batch: int, text: str, reds: list[Redaction], meta_value: str | None
) -> None:
    monkeypatch.setattr(schemas, "_TEXT_PIECE", piece)
    monkeypatch.setattr(schemas, "_HASH_BATCH", batch)
    doc = _doc(text, reds, (("language", meta_value), ("license", "MIT")))
    assert output_hmac(doc, KEY) == reference_output_hmac(doc)
    assert output_hmac(doc, KEY) == reference_output_hmac(
        RedactedDocument(**{**doc.__dict__, "redactions": tuple(reds)})
    )


@pytest.mark.parametrize("join_every", [1, 2, 4096])
def test_apply_operators_joins_in_chunks_to_the_same_text(monkeypatch: pytest.MonkeyPatch, join_every: int) -> None:
    monkeypatch.setattr(engine, "_JOIN_EVERY", join_every)
    text = "Ada met Bob at ada@example.com; Cy too. " * 7
    found = sorted(
        (
            Finding(t, i * 40 + s, i * 40 + e, 0.9, "d")
            for i in range(7)
            for t, s, e in (("PERSON", 0, 3), ("EMAIL_ADDRESS", 15, 30))
        ),
        key=lambda f: f.start,
    )
    ops = build_operators(parse_config({"operators": {"default": {"type": "replace"}}}), {})
    cleaned, log = apply_operators(text, found, ops)
    assert cleaned == ("<PERSON> met Bob at <EMAIL_ADDRESS>; Cy too. " * 7)
    assert isinstance(log, RedactionLog) and len(log) == 14
    assert all(cleaned[r.out_start : r.out_end] == f"<{r.entity_type}>" for r in log)


def _rows(big: bool) -> list[RedactedDocument]:
    reds = [Redaction("PERSON", i, i + 1, i, i + 8, "ner", 0.5 + i / 100, "replace") for i in range(0, 20, 2)]
    return [
        RedactedDocument(
            id="b",
            text="x" * (3000 if big else 30),
            source="f.txt",
            metadata=(("language", "en"), ("license", None)),
            redactions=RedactionLog(reds),
        ),
        RedactedDocument(
            id="a",
            text="short",
            source="g.txt",
            metadata=(("language", None), ("license", "MIT")),
            redactions=RedactionLog(),
        ),
        RedactedDocument(
            id="c", text="", source="h", metadata=(("language", "fr"), ("license", "x")), redactions=tuple(reds[:3])
        ),
    ]


def test_shard_bytes_equal_the_from_pylist_shard(tmp_path) -> None:
    schema = records_schema(["language", "license"])
    docs = _rows(big=False)
    new = write_shard(str(tmp_path / "new"), "records", 0, 1, [record_row(d, "rs") for d in docs], schema)
    ordered = sorted((reference_row(d, "rs") for d in docs), key=shards.sort_key)
    ref_path = tmp_path / "ref.parquet"
    pq.write_table(
        pa.Table.from_pylist(ordered, schema=schema),
        ref_path,
        compression="zstd",
        write_statistics=True,
        store_schema=True,
    )
    assert (tmp_path / "new" / new.path).read_bytes() == ref_path.read_bytes()
    assert new.rows == 3 and new.sha256 == hashlib.sha256(ref_path.read_bytes()).hexdigest()


def test_huge_text_is_written_without_its_statistics_and_same_content(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shards, "_STATS_MAX_CHARS", 1000)
    schema = records_schema(["language", "license"])
    docs = _rows(big=True)
    out = write_shard(str(tmp_path), "records", 0, 1, [record_row(d, "rs") for d in docs], schema)
    table = pq.read_table(tmp_path / out.path)
    expected = sorted((reference_row(d, "rs") for d in docs), key=shards.sort_key)
    for row in expected:
        row["redactions"] = [dict(zip(REDACTION_FIELDS, r, strict=True)) for r in row["redactions"]]
    assert table.to_pylist() == expected
    meta = pq.ParquetFile(tmp_path / out.path).metadata.row_group(0)
    columns = {meta.column(i).path_in_schema: meta.column(i) for i in range(meta.num_columns)}
    assert not columns["text"].is_stats_set
    assert columns["id"].statistics.min == "a" and columns["redactions.list.element.start"].is_stats_set


REDACTION_FIELDS = [f.name for f in schemas.REDACTION_TYPE]


@pytest.mark.parametrize("pack_chars", [1, 1 << 20])
@given(text=texts)
def test_records_pickle_to_equal_records(pack_chars: int, text: str) -> None:
    original = records._PACK_CHARS
    records._PACK_CHARS = pack_chars
    try:
        doc = Document("id", text, "src", (("language", text),), "sha", 3, "ref")
        red = _doc(text, [Redaction("PERSON", 0, 1, 0, 8, "ner", 0.5, "replace")] * 5000)
        back_doc, back_red = pickle.loads(pickle.dumps((doc, red)))
    finally:
        records._PACK_CHARS = original
    assert back_doc == doc and back_doc.text == text
    assert back_red == red and back_red.text == text and list(back_red.redactions) == list(red.redactions)
