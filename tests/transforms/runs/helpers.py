"""Configs and manifests shared by the tests of transforms.runs.reprocess and transforms.runs.prescan."""

from __future__ import annotations

import json
from typing import Any

from transforms.config import parse_config
from transforms.records import Document
from transforms.runs.sanitize import sanitized_config

BASE: dict[str, Any] = {
    "detectors": ["credentials", "proprietary_terms", "internal_domains", "patterns"],
    "proprietary": {"terms": {"CUSTOMER": ["Hexacore Logistics"]}, "internal_domains": ["corp.example.net"]},
    "patterns": [{"entity": "TICKET_ID", "regex": r"\bOPS-\d{4,}\b"}],
    "allow": ["Excel"],
    "input": {"exclude": [{"field": "uploader", "values": ["alice@example.com"]}]},
    "operators": {"default": {"type": "replace"}, "EMAIL_ADDRESS": {"type": "pseudonymize", "key_env": "K"}},
}
VERSIONS = {"scrubline": "0.1.0", "scrubline_code": "abc"}
STATE_KEY = b"state-key-for-tests-0001"


def manifest(cfg: dict[str, Any], versions: dict[str, str] = VERSIONS, key_ids: dict | None = None) -> dict:
    """The manifest a previous run with ``cfg`` would have published (the parts plan_reuse reads)."""
    return {
        "config": sanitized_config(parse_config(cfg), STATE_KEY),
        "layout": {"fingerprints": "fingerprints/"},
        "versions": versions,
        "key_ids": key_ids if key_ids is not None else {"K": "k1"},
    }


def with_(**changes: Any) -> dict[str, Any]:
    """``BASE`` with top-level sections replaced."""
    cfg = json.loads(json.dumps(BASE))
    cfg.update(changes)
    return cfg


def doc(text: str) -> Document:
    """A record holding ``text``."""
    return Document(id="1", text=text, source="a.txt")
