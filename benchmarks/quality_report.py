"""The quality benchmark's report: a summary (corpus x headline figure), one table per corpus, timing, JSON.

Every table puts the systems side by side. Cells: a share with three decimals; precision with the number
of predicted spans in brackets; "no type" where the system has no entity type for the family, so a
type-correct recall or a clean negative would mean nothing; "—" where there is nothing to count.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from benchmarks.devsets import Headline
from benchmarks.metrics import FAMILIES, OTHER, Counts, SystemScore
from benchmarks.quality import GENERATED, Corpus, Result, System

__all__ = ["headline_value", "json_report", "render_markdown"]

NO_TYPE = "no type"


def _f(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _precision(counts: Counts | None) -> str:
    if counts is None or not counts.predicted:
        return "—"
    return f"{counts.precision:.3f} ({counts.predicted})"


def _lookup(score: SystemScore, label: str | None) -> Counts | None:
    if label is None:
        return score.overall
    return score.families.get(label) or score.unscored.get(label)


def _accepted(corpus: Corpus, label: str) -> frozenset[str]:
    return corpus.scheme.scored.get(label, frozenset({label}))


def _clean(corpus: Corpus, system: System, result: Result, targets: Sequence[str] | None = None) -> tuple:
    forbidden = {n.target: n.forbidden for n in corpus.negatives}
    chosen = [t for t in (targets or result.negatives) if t in result.negatives]
    counted = [result.negatives[t] for t in chosen if system.can_report(forbidden[t])]
    n = sum(c.n for c in counted)
    return (sum(c.clean for c in counted) / n if n else None), n, bool(counted) or not chosen


def headline_value(headline: Headline, corpus: Corpus, system: System, result: Result) -> str:
    """One summary cell: the headline figure of ``system`` on ``corpus``, or why there is none."""
    score = result.score
    if headline.measure == "kept":
        return _f(score.keep_rate)
    if headline.measure == "clean":
        rate, n, reportable = _clean(corpus, system, result)
        return f"{_f(rate)} (of {n})" if reportable else NO_TYPE
    if (
        headline.measure == "typed_recall"
        and headline.label
        and not system.can_report(_accepted(corpus, headline.label))
    ):
        return NO_TYPE
    counts = _lookup(score, headline.label)
    if counts is None:
        return "—"
    if headline.measure == "precision":
        return _precision(counts)
    return _f(counts.recall if headline.measure == "recall" else counts.typed_recall)


def _headline_n(headline: Headline, corpus: Corpus, score: SystemScore) -> str:
    if headline.measure == "kept":
        return str(score.keep_n)
    if headline.measure in ("clean", "precision"):
        return str(len(corpus.negatives)) if headline.measure == "clean" else "—"
    counts = _lookup(score, headline.label)
    return str(counts.n) if counts else "0"


def _summary(corpora: Sequence[Corpus], systems: Sequence[System], results: dict) -> list[str]:
    names = [s.name for s in systems]
    lines = [
        "| corpus | figure | n | " + " | ".join(names) + " |",
        "| --- | --- | ---: | " + " | ".join(["---:"] * len(names)) + " |",
    ]
    for corpus in corpora:
        label = f"{corpus.name} (smoke test)" if corpus.name == GENERATED else corpus.name
        if corpus.skipped:
            lines.append(f"| {label} | skipped: file not found | | " + " | ".join([""] * len(names)) + " |")
            continue
        by_system = results[corpus.name]
        for headline in corpus.headlines:
            n = _headline_n(headline, corpus, by_system[names[0]].score)
            cells = [headline_value(headline, corpus, s, by_system[s.name]) for s in systems]
            lines.append(f"| {label} | {headline.figure} | {n} | " + " | ".join(cells) + " |")
    return lines


def _row_labels(scores: Sequence[SystemScore]) -> list[str]:
    present = {k for s in scores for k in s.families}
    extra = sorted(present - set(FAMILIES) - {OTHER})
    return [f for f in FAMILIES if f in present] + extra + ([OTHER] if OTHER in present else [])


def _typed_cell(corpus: Corpus, system: System, label: str, counts: Counts | None) -> str:
    if counts is None or not counts.n or label not in corpus.scheme.scored:
        return "—"
    if not system.can_report(_accepted(corpus, label)):
        return NO_TYPE
    return _f(counts.typed_recall)


def _table(corpus: Corpus, by_system: dict[str, Result], systems: Sequence[System]) -> list[str]:
    names = [s.name for s in systems]
    header = ["type", "n"]
    header += [f"{s} recall" for s in names] + [f"{s} precision" for s in names]
    header += [f"{s} type-correct recall" for s in names]
    lines = ["| " + " | ".join(header) + " |", "| --- | " + " | ".join(["---:"] * (len(header) - 1)) + " |"]

    def row(label: str, n: str, cells: list[str]) -> None:
        lines.append(f"| {label} | {n} | " + " | ".join(cells) + " |")

    scores = [by_system[s].score for s in names]
    for label in _row_labels(scores):
        per = [s.families.get(label) for s in scores]
        n = max((c.n for c in per if c is not None), default=0)
        cells = [_f(c.recall if c else None) for c in per] + [_precision(c) for c in per]
        cells += [_typed_cell(corpus, s, label, c) for s, c in zip(systems, per, strict=True)]
        row(label if label != OTHER else "OTHER (unmapped types)", str(n) if label != OTHER else "—", cells)
    overall = [s.overall for s in scores]
    cells = [f"**{_f(c.recall)}**" for c in overall] + [f"**{_precision(c)}**" for c in overall]
    cells += [_f(c.typed_recall) for c in overall]
    row("**overall**", str(overall[0].n), cells)
    if scores[0].keep_n:
        cells = [f"**{_f(s.keep_rate)}**" for s in scores] + ["—"] * (2 * len(names))
        row("**vocabulary kept**", str(scores[0].keep_n), cells)
    for label in sorted({k for s in scores for k in s.unscored}):
        per = [s.unscored.get(label) for s in scores]
        n = max(c.n for c in per if c is not None)
        row(f"*unscored: {label}*", str(n), [_f(c.recall if c else None) for c in per] + ["—"] * (2 * len(names)))
    skipped = {s: by_system[s].score.skipped_docs for s in names if by_system[s].score.skipped_docs}
    if skipped:
        lines.append("")
        lines.append(
            "Documents left out because the system returned no result (quarantined): "
            + ", ".join(f"{s} {k}" for s, k in skipped.items())
        )
    return lines


def _vocabulary_table(by_system: dict[str, Result], names: Sequence[str]) -> list[str]:
    scores = [by_system[s].score for s in names]
    labels = sorted({k for s in scores for k in s.vocabulary})
    if labels == ["KEEP"] or not labels:
        return []
    lines = [
        "",
        "| vocabulary that must stay | n | " + " | ".join(f"{s} kept" for s in names) + " |",
        "| --- | ---: | " + " | ".join(["---:"] * len(names)) + " |",
    ]
    for label in labels:
        per = [s.vocabulary.get(label) for s in scores]
        n = max(c.n for c in per if c is not None)
        lines.append(f"| {label} | {n} | " + " | ".join(_f(c.rate if c else None) for c in per) + " |")
    return lines


def _kind_labels(corpus: Corpus) -> dict[str, str]:
    """The label each document kind (target recognizer) is about: its most frequent span label."""
    by_kind: dict[str, Counter] = {}
    for doc in corpus.docs:
        by_kind.setdefault(doc.kind, Counter()).update(s.label for s in doc.spans)
    labels = {kind: counter.most_common(1)[0][0] for kind, counter in by_kind.items() if counter}
    named = {accepted: label for label, accepted in corpus.scheme.scored.items()}
    for neg in corpus.negatives:
        labels.setdefault(neg.target, named.get(neg.forbidden) or "/".join(sorted(neg.forbidden)))
    return labels


def _kind_table(corpus: Corpus, by_system: dict[str, Result], systems: Sequence[System]) -> list[str]:
    names = [s.name for s in systems]
    header = ["target", "scored as", "n"] + [f"{s} recall" for s in names]
    header += [f"{s} type-correct" for s in names] + ["negatives"] + [f"{s} clean" for s in names]
    lines = ["", "| " + " | ".join(header) + " |", "| --- | --- | " + " | ".join(["---:"] * (len(header) - 2)) + " |"]
    negatives = Counter(n.target for n in corpus.negatives)
    for kind, label in sorted(_kind_labels(corpus).items()):
        scored = label in corpus.scheme.scored
        per = [by_system[s].kinds.get(kind) for s in names]
        counts = [_lookup(k, label) if k else None for k in per]
        n = max((c.n for c in counts if c is not None), default=0)
        cells = [_f(c.recall if c else None) for c in counts]
        cells += [_typed_cell(corpus, s, label, c) for s, c in zip(systems, counts, strict=True)]
        cells.append(str(negatives.get(kind, 0)))
        for system in systems:
            rate, _, reportable = _clean(corpus, system, by_system[system.name], [kind])
            cells.append(_f(rate) if reportable else NO_TYPE)
        shown = label if scored else f"*{label} (unscored)*"
        lines.append(f"| {kind} | {shown} | {n} | " + " | ".join(cells) + " |")
    return lines


_DEFINITIONS = [
    "recall: share of labelled entities with every non-whitespace character redacted (by a span of any type);",
    "type-correct recall counts only spans whose type maps to the entity's family (for a detect-secrets SECRET:",
    "API_KEY, PASSWORD or PRIVATE_KEY; for a StackOverflow User_Name: USERNAME or PERSON). precision: share of",
    "predicted spans (merged where they overlap) that overlap a labelled sensitive entity; the figure in",
    "brackets is the number of spans. vocabulary kept: share of the vocabulary spans that must stay with no",
    "character redacted. clean: share of a recognizer's negative texts on which the system reports no finding",
    "of that recognizer's family (over the targets the system has a type for). no type: the system has no",
    "entity type for the family. Label mappings: `benchmarks/devsets.py`; type mappings and definitions:",
    "`benchmarks/metrics.py`.",
]


def render_markdown(
    corpora: Sequence[Corpus],
    systems: Sequence[System],
    results: dict[str, dict[str, Result]],
    meta: dict[str, object],
) -> str:
    """The report: a summary, one section per corpus (in the order given), then timing."""
    names = [s.name for s in systems]
    out = [
        "# Detection quality: " + " vs ".join(names),
        "",
        f"`{meta['command']}` — {meta['date']}, wall time {meta['wall_seconds']:.0f} s on {meta['cpus']} CPUs.",
        "Versions: " + ", ".join(f"{k} {v}" for k, v in meta["versions"].items()) + ".",  # type: ignore[union-attr]
        "",
        *_DEFINITIONS,
    ]
    for system in systems:
        for note in system.notes:
            out += ["", f"Note ({system.name}): {note}."]
    out += ["", "## Summary", "", *_summary(corpora, systems, results)]
    for corpus in corpora:
        out += ["", f"## {corpus.name}" + (" (smoke test)" if corpus.name == GENERATED else ""), ""]
        if corpus.skipped:
            out.append(f"Skipped: {corpus.skipped}.")
            continue
        if corpus.measures:
            out += [f"What it measures: {corpus.measures}.", ""]
        out.append(f"{corpus.texts} texts, {corpus.chars:,} characters ({corpus.description}).")
        out.append("")
        out += _table(corpus, results[corpus.name], systems)
        out += _vocabulary_table(results[corpus.name], names)
        if corpus.by_kind:
            out += _kind_table(corpus, results[corpus.name], systems)
    out += _timing(corpora, systems, results)
    return "\n".join(out) + "\n"


def _timing(corpora: Sequence[Corpus], systems: Sequence[System], results: dict) -> list[str]:
    names = [s.name for s in systems]
    out = ["", "## Timing", ""]
    out.append("| corpus | texts | characters | " + " | ".join(f"{s} seconds" for s in names) + " |")
    out.append("| --- | ---: | ---: | " + " | ".join(["---:"] * len(names)) + " |")
    for corpus in corpora:
        if corpus.skipped:
            continue
        cells = [f"{results[corpus.name][s].seconds:.1f}" for s in names]
        out.append(f"| {corpus.name} | {corpus.texts} | {corpus.chars:,} | " + " | ".join(cells) + " |")
    out.append(
        "| (building the engine, loading the model) | | | "
        + " | ".join(f"{s.build_seconds:.1f}" for s in systems)
        + " |"
    )
    return out


def _corpus_json(corpus: Corpus, systems: Sequence[System], by_system: dict[str, Result]) -> dict[str, object]:
    out: dict[str, object] = {
        "documents": len(corpus.docs),
        "negative_texts": len(corpus.negatives),
        "characters": corpus.chars,
        "description": corpus.description,
        "measures": corpus.measures,
        "headlines": [
            {"figure": h.figure, **{s.name: headline_value(h, corpus, s, by_system[s.name]) for s in systems}}
            for h in corpus.headlines
        ],
        "systems": {},
    }
    for name, r in by_system.items():
        entry: dict[str, object] = {"seconds": r.seconds, **r.score.as_dict()}
        if r.negatives:
            entry["negatives"] = {t: c.as_dict() for t, c in sorted(r.negatives.items())}
        if r.kinds:
            entry["by_target"] = {
                k: {"overall": s.overall.as_dict(), "unscored": {u: c.as_dict() for u, c in s.unscored.items()}}
                for k, s in r.kinds.items()
            }
        out["systems"][name] = entry  # type: ignore[index]
    return out


def json_report(
    corpora: Sequence[Corpus],
    systems: Sequence[System],
    results: dict[str, dict[str, Result]],
    meta: dict[str, object],
) -> dict[str, object]:
    """Every number of the run, with a few missed values and false positives per family, for machines."""
    return {
        "meta": meta,
        "systems": {s.name: {"build_seconds": s.build_seconds, "notes": s.notes} for s in systems},
        "corpora": {
            c.name: {"skipped": c.skipped} if c.skipped else _corpus_json(c, systems, results[c.name]) for c in corpora
        },
    }
