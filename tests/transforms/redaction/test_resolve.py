from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.records import Finding
from transforms.redaction.resolve import resolve_overlaps


def F(entity: str, start: int, end: int, score: float = 0.5, detector: str = "d") -> Finding:
    return Finding(entity, start, end, score, detector)


@pytest.mark.parametrize(
    "findings, expected",
    [
        ([], []),
        ([F("A", 0, 4)], [F("A", 0, 4)]),
        # touching spans stay separate
        ([F("A", 0, 4), F("B", 4, 8)], [F("A", 0, 4), F("B", 4, 8)]),
        # contained: the longer wins and keeps its own label
        ([F("URL", 5, 12, 0.5), F("EMAIL_ADDRESS", 5, 25, 1.0)], [F("EMAIL_ADDRESS", 5, 25, 1.0)]),
        # partial overlap: union span, labelled by the longest member
        ([F("A", 0, 10), F("B", 5, 20)], [F("B", 0, 20)]),
        # equal length: higher score wins
        ([F("A", 0, 10, 0.6), F("B", 0, 10, 0.9)], [F("B", 0, 10, 0.9)]),
        # equal length and score: entity type name breaks the tie
        ([F("ZED", 0, 10), F("ALPHA", 0, 10)], [F("ALPHA", 0, 10)]),
        # a chain of overlaps is one cluster
        ([F("A", 0, 3), F("B", 2, 6), F("C", 5, 9)], [F("B", 0, 9)]),
    ],
)
def test_resolve_overlaps(findings: list[Finding], expected: list[Finding]) -> None:
    assert resolve_overlaps(findings) == expected
    assert resolve_overlaps(reversed(findings)) == expected


spans = st.tuples(
    st.sampled_from(["PERSON", "EMAIL_ADDRESS", "URL"]),
    st.integers(0, 60),
    st.integers(1, 15),
    st.sampled_from([0.3, 0.5, 1.0]),
    st.sampled_from(["a", "b"]),
).map(lambda t: F(t[0], t[1], t[1] + t[2], t[3], t[4]))


@given(st.lists(spans, max_size=12), st.randoms())
def test_resolution_is_order_independent_and_covers_every_finding(findings: list[Finding], rnd) -> None:
    shuffled = list(findings)
    rnd.shuffle(shuffled)
    result = resolve_overlaps(findings)
    assert result == resolve_overlaps(shuffled)
    for a, b in itertools.pairwise(result):
        assert a.end <= b.start
    for f in findings:
        assert any(r.start <= f.start and f.end <= r.end for r in result)
