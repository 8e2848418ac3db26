"""RedactionLog: the compact redaction log must read, compare, pickle and convert exactly like a tuple."""

from __future__ import annotations

import pickle

import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.output.schemas import REDACTION_TYPE
from transforms.records import Redaction
from transforms.redaction import log as redaction_log
from transforms.redaction.log import RedactionLog, RedactionLogBuilder

R = [
    Redaction("PERSON", 0, 3, 0, 8, "spacy_ner.PERSON", 0.85, "replace"),
    Redaction("EMAIL_ADDRESS", 10, 27, 15, 30, "presidio.EmailRecognizer", 1.0, "pseudonymize"),
    Redaction("PERSON", 40, 44, 43, 51, "person_names.full", 0.7, "replace"),
]


def _redactions(detectors: list[str]) -> st.SearchStrategy[Redaction]:
    return st.builds(
        Redaction,
        st.sampled_from(["PERSON", "EMAIL_ADDRESS", "CODENAME", "ÜBER_TYPE"]),
        st.integers(0, 2**62),
        st.integers(0, 2**62),
        st.integers(0, 2**62),
        st.integers(0, 2**62),
        st.sampled_from(detectors),
        st.floats(allow_nan=False),
        st.sampled_from(["replace", "mask"]),
    )


redactions = _redactions(["spacy_ner.PERSON", "presidio.X", "context.field"])
# Pickling passes any str through, lone surrogates included (Arrow would refuse them: not UTF-8).
any_redactions = _redactions(["spacy_ner.PERSON", "presidio.X", "d\ud800"])


def test_reads_like_the_tuple_it_was_built_from() -> None:
    log = RedactionLog(R)
    assert len(log) == 3
    assert list(log) == R
    assert log[0] == R[0] and log[-1] == R[-1] and log[1] == R[1]
    assert log[1:] == tuple(R[1:]) and log[::-1] == tuple(reversed(R))
    assert log == tuple(R) and tuple(R) == log and log == R and log == RedactionLog(R)
    assert log != tuple(R[:2]) and log != RedactionLog(R[1:]) and log != "not a log"
    assert hash(log) == hash(tuple(R))
    assert R[1] in log and log.index(R[2]) == 2
    with pytest.raises(IndexError):
        log[3]
    with pytest.raises(IndexError):
        log[-4]
    with pytest.raises(AttributeError):
        log._names = ()  # type: ignore[misc]
    assert RedactionLog() == () and len(RedactionLog()) == 0


def test_builder_hands_over_and_starts_empty() -> None:
    builder = RedactionLogBuilder()
    for r in R:
        builder.append(r.entity_type, r.start, r.end, r.out_start, r.out_end, r.detector, r.score, r.operator)
    assert builder.build() == R
    assert builder.build() == ()


@pytest.mark.parametrize("pack_rows", [1, 10**9])
@given(st.lists(any_redactions, max_size=40))
def test_pickles_exactly_compressed_or_not(pack_rows: int, items: list[Redaction]) -> None:
    original = redaction_log._PACK_ROWS
    redaction_log._PACK_ROWS = pack_rows
    try:
        log = RedactionLog(items)
        back = pickle.loads(pickle.dumps(log))
    finally:
        redaction_log._PACK_ROWS = original
    assert isinstance(back, RedactionLog)
    assert list(back) == items
    assert [repr(r.score) for r in back] == [repr(float(r.score)) for r in items]


@given(st.lists(st.lists(redactions, max_size=6), max_size=5))
def test_to_arrow_equals_pyarrow_from_python_tuples(cells: list[list[Redaction]]) -> None:
    for items in cells:
        expected = pa.array(
            [(r.entity_type, r.start, r.end, r.out_start, r.out_end, r.detector, r.score, r.operator) for r in items],
            type=REDACTION_TYPE,
        )
        got = RedactionLog(items).to_arrow(REDACTION_TYPE)
        assert got.type == REDACTION_TYPE
        assert got.equals(expected)


def test_to_arrow_rejects_unknown_or_mistyped_fields() -> None:
    log = RedactionLog(R)
    with pytest.raises(ValueError, match="no redaction field named 'value'"):
        log.to_arrow(pa.struct([pa.field("value", pa.string())]))
    with pytest.raises(ValueError, match="'start' is int64, not int32"):
        log.to_arrow(pa.struct([pa.field("start", pa.int32())]))
    subset = log.to_arrow(pa.struct([pa.field("end", pa.int64()), pa.field("operator", pa.string())]))
    assert subset.to_pylist() == [{"end": r.end, "operator": r.operator} for r in R]
