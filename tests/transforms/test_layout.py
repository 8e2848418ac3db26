"""The import boundaries of the tree, read statically from the source with ``ast``.

- Only ``transforms/beam/`` and ``pipelines/`` import Apache Beam: the rest of the logic is plain Python.
  One exception: ``transforms.storage`` imports Beam's file systems (``apache_beam.io``) and nothing else
  of Beam, so that readers and writers reach local paths and object stores alike.
- The lexicon (word lists and thresholds) imports no detector: detectors read it, not the other way round.
- No import cycles among the modules of ``transforms/`` and ``pipelines/``.

Every ``import`` statement counts, at module level or inside a function (a deferred import is still a
dependency); imports under ``if TYPE_CHECKING:`` count for the Beam and lexicon boundaries but not for
cycles, since they never run. An import of ``a.b.c`` is an edge to ``a.b.c`` only, as pylint's
cyclic-import check reads it: the package ``a.b`` is imported first, but that is the package's own
business, not a dependency of the importer on everything ``a.b`` imports.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from transforms.detectors.registry import BUILTIN_DETECTORS

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("transforms", "pipelines")

# ``build_detectors`` imports the detector modules by the names the registry gives (importlib), which
# ``ast`` cannot see; they are dependencies of the ``transforms.detectors`` package all the same.
DYNAMIC_IMPORTS = {"transforms.detectors": frozenset(spec.module for spec in BUILTIN_DETECTORS.values())}


@dataclass(frozen=True)
class Import:
    """One imported module name as written (``a.b`` for ``from a import b`` when ``a.b`` is a module)."""

    importer: str
    module: str
    type_checking: bool


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _sources() -> dict[str, Path]:
    return {_module_name(p): p for pkg in PACKAGES for p in sorted((ROOT / pkg).rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _absolute(importer: str, is_package: bool, node: ast.ImportFrom) -> str:
    """The absolute module a ``from ... import`` names, resolving relative imports."""
    if node.level == 0:
        return node.module or ""
    base = importer.split(".")
    if not is_package:
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def _imports_in(tree: ast.AST, importer: str, is_package: bool, modules: set[str]) -> Iterator[Import]:
    type_checking_nodes = {
        id(child)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and _is_type_checking(node)
        for stmt in node.body
        for child in ast.walk(stmt)
    }
    for node in ast.walk(tree):
        guarded = id(node) in type_checking_nodes
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(importer, alias.name, guarded)
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(importer, is_package, node)
            for alias in node.names:
                full = f"{base}.{alias.name}"
                yield Import(importer, full if full in modules else base, guarded)


def _all_imports() -> list[Import]:
    sources = _sources()
    modules = set(sources)
    found = []
    for name, path in sources.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        found.extend(_imports_in(tree, name, path.name == "__init__.py", modules))
    return found


IMPORTS = _all_imports()


def _is_within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def test_the_scan_sees_the_tree() -> None:
    importers = {i.importer for i in IMPORTS}
    assert {"transforms.beam.io", "transforms.config", "pipelines.pipeline"} <= importers
    assert Import("transforms.config", "transforms.detectors.registry", False) in IMPORTS
    assert Import("transforms.detectors.base", "transforms.config", True) in IMPORTS


def _may_import_beam(i: Import) -> bool:
    if _is_within(i.importer, "transforms.beam") or _is_within(i.importer, "pipelines"):
        return True
    return i.importer == "transforms.storage" and _is_within(i.module, "apache_beam.io")


def test_only_the_beam_package_and_pipelines_import_apache_beam() -> None:
    offenders = sorted(
        f"{i.importer} imports {i.module}"
        for i in IMPORTS
        if _is_within(i.module, "apache_beam") and not _may_import_beam(i)
    )
    assert offenders == [], "Beam belongs in transforms/beam/ (or pipelines/): " + "; ".join(offenders)


def test_the_lexicon_imports_no_detector() -> None:
    offenders = sorted(
        f"{i.importer} imports {i.module}"
        for i in IMPORTS
        if _is_within(i.importer, "transforms.lexicon") and _is_within(i.module, "transforms.detectors")
    )
    assert offenders == [], "the lexicon is data that detectors read: " + "; ".join(offenders)


def _graph() -> dict[str, set[str]]:
    modules = set(_sources())
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for i in IMPORTS:
        if not i.type_checking and i.module in modules and i.module != i.importer:
            graph[i.importer].add(i.module)
    for importer, targets in DYNAMIC_IMPORTS.items():
        graph[importer] |= targets
    return graph


def _reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    seen: set[str] = set()
    todo = [start]
    while todo:
        for child in graph[todo.pop()] - seen:
            seen.add(child)
            todo.append(child)
    return seen


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of two or more modules that each reach every other one by imports."""
    reach = {m: _reachable(graph, m) for m in graph}
    groups = {frozenset({m} | {n for n in reach[m] if m in reach[n]}) for m in graph if m in reach[m]}
    return sorted(sorted(g) for g in groups if len(g) > 1)


def test_cycle_finder() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a", "e"}, "e": {"d"}, "f": set()}
    assert _cycles(graph) == [["a", "b", "c"], ["d", "e"]]


def test_no_import_cycles() -> None:
    cycles = _cycles(_graph())
    assert cycles == [], "modules that import each other, directly or through others: " + "; ".join(
        " <-> ".join(c) for c in cycles
    )
