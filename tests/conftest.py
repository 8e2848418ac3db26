"""Shared fixtures. Tests needing the trained spaCy model carry the ``model`` marker."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest
from hypothesis import settings

from tests.objectstore import s3, s3_server  # noqa: F401 (fixtures: an S3 API on localhost)
from transforms.config import ScrublineConfig, parse_config

# No per-example deadline: the machines are shared and noisy, and timing is for benchmarks, not tests.
settings.register_profile("scrubline", deadline=None)
settings.load_profile("scrubline")


class NetworkBlocked(AssertionError):
    """Raised when code under test tries to open a network connection."""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple]]:
    """Fail any attempt to connect or resolve a name; yields the list of attempts made."""
    attempts: list[tuple] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise NetworkBlocked(f"network access attempted: {args[1:2]}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: refuse(None, a))
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: refuse(None, a))
    yield attempts


@pytest.fixture
def no_ner_config() -> ScrublineConfig:
    """The default config without the spaCy detector: runs without the trained model."""
    return parse_config(
        {
            "detectors": ["presidio", "credentials", "proprietary_terms", "internal_domains", "patterns"],
            "proprietary": {
                "terms": {"CODENAME": ["Bluefin"], "CUSTOMER": ["Hexacore Logistics"]},
                "internal_domains": ["corp.example.net"],
            },
            "patterns": [{"entity": "TICKET_ID", "regex": r"\bOPS-\d{4,}\b", "score": 0.9}],
            "allow": ["Python"],
            "output": {"num_shards": 2},
        }
    )
