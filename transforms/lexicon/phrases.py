"""Phrase lists kept as YAML (labels, month names): nested mappings whose leaves are lists of phrases.

A reference ``file.yaml#key`` names the phrases under ``key`` (every language, every sub-list) of
``data/file.yaml``; ``file.yaml`` alone names every phrase in the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

import yaml

from transforms.lexicon import LEXICON_DATA

__all__ = ["phrase_list", "phrase_tree"]


@cache
def phrase_tree(file: str) -> dict[Any, Any]:
    """The parsed mapping of ``data/<file>`` (read once per process); raises ``ValueError`` if it is no mapping."""
    data = yaml.safe_load((LEXICON_DATA / file).read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{file}: a phrase file is a mapping")
    return data


def _leaves(node: Any, where: str) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, list):
        for item in node:
            yield from _leaves(item, where)
    elif isinstance(node, dict):
        for value in node.values():
            yield from _leaves(value, where)
    else:
        raise ValueError(f"{where}: a phrase must be a string, got {type(node).__name__}")


@cache
def phrase_list(reference: str) -> tuple[str, ...]:
    """The phrases ``reference`` (``file.yaml`` or ``file.yaml#key``) names: stripped, unique, sorted.

    Raises ``ValueError`` for an unknown key, a non-string leaf or an empty list.
    """
    file, _, key = reference.partition("#")
    tree = phrase_tree(file)
    if key and key not in tree:
        raise ValueError(f"{reference}: no key {key!r}; known: {sorted(map(str, tree))}")
    phrases = sorted({p.strip() for p in _leaves(tree[key] if key else tree, reference) if p.strip()})
    if not phrases:
        raise ValueError(f"{reference}: no phrases")
    return tuple(phrases)
