"""Deterministic overlap resolution.

Overlapping findings are merged into one span covering all of them (so no detected character can
survive), labelled by the best member: the longest, then the highest score, then the entity type and
detector names in sorted order. The result depends only on the set of findings, never their order.
"""

from __future__ import annotations

from collections.abc import Iterable
from operator import attrgetter

from transforms.records import Finding

__all__ = ["resolve_overlaps"]

_START = attrgetter("start")


def _rank(f: Finding) -> tuple[int, float, str, str, int]:
    # Smaller sorts first = better.
    return (-f.length, -f.score, f.entity_type, f.detector, f.start)


def resolve_overlaps(findings: Iterable[Finding]) -> list[Finding]:
    """Return non-overlapping findings sorted by start, one per cluster of overlapping inputs.

    Spans that merely touch (one's end == the next's start) are not merged.
    """
    # Sorting by start alone fixes the clusters, and a cluster's span and label depend only on its
    # members, so ties need no ranking key and duplicates no set: a 50 MB document has millions of
    # findings, and a key tuple per finding cost more memory than the findings themselves.
    ordered = sorted(findings, key=_START)
    resolved: list[Finding] = []
    cluster: list[Finding] = []
    cluster_end = -1
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
