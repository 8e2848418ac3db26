r"""The rule engine: one keyword pass over a text, then each rule's pattern only where its keywords occur.

``RuleEngine.scan`` finds every keyword of every rule in one Aho-Corasick pass over a case-folded copy of
the text (same length, so offsets carry over). For each rule with hits it runs the rule's RE2 pattern on
the windows around them (``windows.plan_windows``), one character of context on each side so ``^``,
``$`` and ``\b`` behave as on the whole text, and applies the rule's checks. Rules without keywords run on
the whole text. A match that lies inside its keyword's window (``window`` characters on each side) is
found exactly as a scan of the whole text would find it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import ahocorasick

from transforms.detectors.rules.checks import RuleMatch
from transforms.detectors.rules.compiler import CompiledRule, compile_pack, fold_case
from transforms.detectors.rules.schema import PackProblem, RulePack, RulePackError, load_pack
from transforms.detectors.rules.windows import plan_windows

__all__ = ["RuleEngine", "RuleFinding", "RuleInfo"]


@dataclass(frozen=True, slots=True)
class RuleFinding:
    """``text[start:end]`` is an ``entity_type`` found by rule ``detector`` (``detector_name.rule_id``).

    The fields are those of ``transforms.records.Finding``, so a detector converts with ``Finding(*...)``.
    """

    entity_type: str
    start: int
    end: int
    score: float
    detector: str


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """A rule as listings and registry snapshots show it."""

    pack: str
    detector: str
    rule_id: str
    entity_type: str

    @property
    def qualified_id(self) -> str:
        """``detector.rule_id``, as findings and the redaction log carry it."""
        return f"{self.detector}.{self.rule_id}"


def _order(finding: RuleFinding) -> tuple[int, int, str, str]:
    return finding.start, finding.end, finding.entity_type, finding.detector


class RuleEngine:
    """Runs the rules of one or more packs; built once per worker process, stateless between scans.

    Construction compiles every pattern and binds every check, and raises ``RulePackError`` naming the
    pack, rule and field of each fault. ``scan`` is deterministic: the same text gives the same findings
    in the same order, whatever the pack order.
    """

    def __init__(self, packs: Sequence[RulePack], *, sources: Sequence[str] | None = None) -> None:
        """Compile ``packs``; ``sources`` (default: the pack names) name them in errors."""
        names = list(sources) if sources is not None else [pack.pack for pack in packs]
        if len(names) != len(packs):
            raise ValueError(f"{len(packs)} packs but {len(names)} sources")
        rules: list[CompiledRule] = []
        owner: dict[str, str] = {}
        for pack, source in zip(packs, names, strict=True):
            for rule in compile_pack(pack, source):
                if rule.qualified_id in owner:
                    problem = PackProblem(
                        rule.spec.id, "id", f"{rule.qualified_id!r} is also defined in {owner[rule.qualified_id]}"
                    )
                    raise RulePackError(source, [problem])
                owner[rule.qualified_id] = source
                rules.append(rule)
        self._setup(rules)

    @classmethod
    def from_files(cls, paths: Sequence[str | Path]) -> RuleEngine:
        """Load, validate and compile the pack files at ``paths``; errors name the file."""
        return cls([load_pack(path) for path in paths], sources=[str(path) for path in paths])

    @classmethod
    def _of(cls, rules: Sequence[CompiledRule]) -> RuleEngine:
        """An engine over already compiled rules (to run one rule in isolation)."""
        engine = cls.__new__(cls)
        engine._setup(list(rules))
        return engine

    def _setup(self, rules: list[CompiledRule]) -> None:
        self._rules = sorted(rules, key=lambda rule: rule.qualified_id)
        self._unkeyed = [i for i, rule in enumerate(self._rules) if not rule.keywords]
        by_keyword: dict[str, list[int]] = defaultdict(list)
        for index, rule in enumerate(self._rules):
            for keyword in rule.keywords:
                by_keyword[keyword].append(index)
        self._automaton: ahocorasick.Automaton | None = None
        if by_keyword:
            self._automaton = ahocorasick.Automaton()
            for keyword in sorted(by_keyword):
                self._automaton.add_word(keyword, (len(keyword), tuple(by_keyword[keyword])))
            self._automaton.make_automaton()
        self._isolated: dict[str, RuleEngine] = {}

    def rules(self) -> list[RuleInfo]:
        """Every rule, sorted by qualified id."""
        return [RuleInfo(r.pack, r.detector, r.spec.id, r.spec.entity) for r in self._rules]

    def compiled(self, qualified_id: str) -> CompiledRule:
        """The compiled rule ``detector.rule_id``; raises ``KeyError`` for an unknown id."""
        for rule in self._rules:
            if rule.qualified_id == qualified_id:
                return rule
        raise KeyError(qualified_id)

    def isolate(self, qualified_id: str) -> RuleEngine:
        """An engine running only rule ``detector.rule_id`` (with its keyword prefilter), cached."""
        if qualified_id not in self._isolated:
            self._isolated[qualified_id] = RuleEngine._of([self.compiled(qualified_id)])
        return self._isolated[qualified_id]

    def scan(self, text: str, *, windowed: bool = True) -> list[RuleFinding]:
        """Every finding of every rule in ``text``, sorted by (start, end, entity type, detector).

        ``windowed=False`` runs every pattern over the whole text, keywords or not (for comparison and
        benchmarks). A rule reports a span at most once. A failing check raises: the caller quarantines.
        """
        if not text:
            return []
        found: dict[tuple[int, int, int], RuleFinding] = {}
        for index, windows in self._plan(text, windowed):
            for start, end in windows:
                self._run(index, text, start, end, found)
        return sorted(found.values(), key=_order)

    def validate_examples(self) -> list[str]:
        """Run every rule's examples on that rule alone; one line per failure, empty when all pass."""
        from transforms.detectors.rules.examples import example_failures

        return [failure for rule in self._rules for failure in example_failures(self, rule)]

    def _plan(self, text: str, windowed: bool) -> Iterator[tuple[int, list[tuple[int, int]]]]:
        """(rule index, windows) for every rule that may match ``text``."""
        whole = [(0, len(text))]
        if not windowed:
            yield from ((index, whole) for index in range(len(self._rules)))
            return
        yield from ((index, whole) for index in self._unkeyed)
        for index, hits in sorted(self._keyword_hits(text).items()):
            yield index, plan_windows(text, hits, self._rules[index].spec.window)

    def _keyword_hits(self, text: str) -> dict[int, list[tuple[int, int]]]:
        """Spans of keyword hits per rule index, from one pass over the case-folded text."""
        hits: dict[int, list[tuple[int, int]]] = defaultdict(list)
        if self._automaton is None:
            return hits
        for last, (length, indexes) in self._automaton.iter(fold_case(text)):
            span = (last + 1 - length, last + 1)
            for index in indexes:
                hits[index].append(span)
        return hits

    def _run(self, index: int, text: str, start: int, end: int, found: dict[tuple[int, int, int], RuleFinding]) -> None:
        """Add the findings of rule ``index`` in ``text[start:end]`` to ``found``."""
        rule = self._rules[index]
        before = 1 if start > 0 else 0  # one character of context: anchors and \b see what the whole text has
        after = 1 if end < len(text) else 0
        offset = start - before
        chunk = text[offset : end + after]
        for match in rule.regex.finditer(chunk, before, len(chunk) - after):
            span = _accepted(rule, text, match, offset)
            if span is None and rule.spec.retry_inside:
                value_start, value_end = match.span(rule.value_group)
                span = _retry_inside(rule, text, value_start + offset, value_end + offset)
            if span is not None and (span[0], span[1], index) not in found:
                found[(span[0], span[1], index)] = RuleFinding(
                    rule.spec.entity, span[0], span[1], rule.spec.score, rule.qualified_id
                )


def _accepted(rule: CompiledRule, text: str, match: object, offset: int) -> tuple[int, int] | None:
    """The value span of ``match`` in ``text`` after the rule's checks, or None if it is rejected."""
    start, end = match.span(rule.value_group)  # type: ignore[attr-defined]
    if start < 0 or end <= start:
        return None
    if not rule.checks:
        return start + offset, end + offset
    match_start, match_end = match.span()  # type: ignore[attr-defined]
    groups = {}
    for name, group in rule.group_names:
        group_start, group_end = match.span(group)  # type: ignore[attr-defined]
        if group_start >= 0:
            groups[name] = (group_start + offset, group_end + offset)
    candidate = RuleMatch(text, start + offset, end + offset, match_start + offset, match_end + offset, groups)
    return _apply_checks(rule, candidate)


def _retry_inside(rule: CompiledRule, text: str, start: int, end: int) -> tuple[int, int] | None:
    """The first match in ``text[start:end]``, starting at a later word, that the rule's checks accept.

    The pattern runs on the slice alone, so ``^`` matches where the slice starts.
    """
    while (space := text.find(" ", start, end)) >= 0:
        start = space + 1
        match = rule.regex.search(text[start:end])  # a slice: a short copy, not the whole text again
        if match is None:
            return None
        span = _accepted(rule, text, match, start)
        if span is not None:
            return span
        start += match.start(rule.value_group)
    return None


def _apply_checks(rule: CompiledRule, candidate: RuleMatch) -> tuple[int, int] | None:
    """Run the checks in order; a check may reject the match or move its value span for the next ones."""
    for check in rule.checks:
        result = check(candidate)
        if not isinstance(result, tuple):
            if not result:
                return None
            continue
        start, end = result
        if not 0 <= start <= end <= len(candidate.text):
            raise ValueError(f"check of rule {rule.qualified_id} returned a span outside the text")
        if start == end:
            return None
        candidate = replace(candidate, start=start, end=end)
    return candidate.start, candidate.end
