"""An S3 API on localhost for tests: moto's standalone server, reached through Beam's S3 file system.

``tests/conftest.py`` registers the fixtures for every test. ``s3_server`` starts one server per
session on a free port of 127.0.0.1, with dummy credentials and the EC2 metadata lookup disabled, so
nothing leaves the machine; ``s3`` gives each test fresh buckets, ``storage`` set up with the server's
Beam options, and a guard that fails any connection to an address other than the loopback.
"""

from __future__ import annotations

import ipaddress
import itertools
import os
import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from transforms import storage

# Dummy credentials: the server accepts anything; real ones must never be picked up from the machine.
ENV = {
    "AWS_ACCESS_KEY_ID": "scrubline-test",
    "AWS_SECRET_ACCESS_KEY": "scrubline-test-secret",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_EC2_METADATA_DISABLED": "true",
    "AWS_CONFIG_FILE": os.devnull,
    "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
}
_BUCKETS = itertools.count()


@dataclass
class S3Server:
    """A running moto server: its endpoint and the Beam options that reach it."""

    endpoint: str
    server: Any = field(repr=False)
    _client: Any = field(default=None, repr=False)

    @property
    def beam_args(self) -> list[str]:
        """The Beam pipeline options for ``scrubline run`` (``--s3_endpoint_url`` and friends)."""
        return [
            f"--s3_endpoint_url={self.endpoint}",
            f"--s3_access_key_id={ENV['AWS_ACCESS_KEY_ID']}",
            f"--s3_secret_access_key={ENV['AWS_SECRET_ACCESS_KEY']}",
            f"--s3_region_name={ENV['AWS_DEFAULT_REGION']}",
        ]

    @property
    def endpoint_args(self) -> list[str]:
        """The endpoint and region options only: the credentials then come from the ``AWS_*`` variables
        (``ENV``), as on a cluster whose workers have their own, and are not stored in the job."""
        return [f"--s3_endpoint_url={self.endpoint}", f"--s3_region_name={ENV['AWS_DEFAULT_REGION']}"]

    def client(self) -> Any:
        """A boto3 S3 client for setting up and inspecting buckets directly (one, made on first use)."""
        if self._client is None:
            self._client = self._make_client()
        return self._client

    def _make_client(self) -> Any:
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            region_name=ENV["AWS_DEFAULT_REGION"],
            aws_access_key_id=ENV["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=ENV["AWS_SECRET_ACCESS_KEY"],
        )


@dataclass
class S3:
    """Fresh buckets for one test, and helpers that read and write them with boto3 (not through scrubline)."""

    server: S3Server
    buckets: dict[str, str]

    @property
    def beam_args(self) -> list[str]:
        """The Beam options that reach the server."""
        return self.server.beam_args

    def put(self, location: str, data: bytes) -> None:
        """Store ``data`` at ``s3://bucket/key``."""
        bucket, key = location.removeprefix("s3://").split("/", 1)
        self.server.client().put_object(Bucket=bucket, Key=key, Body=data)

    def upload(self, folder: Path, location: str) -> None:
        """Every file under ``folder`` to ``location/<relative path>``."""
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                self.put(f"{location}/{path.relative_to(folder).as_posix()}", path.read_bytes())

    def objects(self, location: str) -> dict[str, bytes]:
        """Every object under ``s3://bucket/prefix`` by its key relative to the prefix, with its bytes."""
        bucket, _, prefix = location.removeprefix("s3://").partition("/")
        prefix = f"{prefix.rstrip('/')}/" if prefix else ""
        client = self.server.client()
        found = {}
        for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
            for obj in page.get("Contents", []):
                body = client.get_object(Bucket=bucket, Key=obj["Key"])["Body"].read()
                found[obj["Key"][len(prefix) :]] = body
        return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def s3_server() -> Iterator[S3Server]:
    """moto's S3 server on 127.0.0.1 for the whole session (``moto[server]`` is in the dev extra)."""
    from moto.server import ThreadedMotoServer

    with pytest.MonkeyPatch.context() as mp:
        for name, value in ENV.items():
            mp.setenv(name, value)
        for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3"):
            mp.delenv(name, raising=False)
        port = _free_port()
        server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
        server.start()
        try:
            yield S3Server(f"http://127.0.0.1:{port}", server)
        finally:
            server.stop()


def _loopback(address: object) -> bool:
    host = address[0] if isinstance(address, tuple) else address
    if not isinstance(host, str):
        return True  # a Unix socket
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


@pytest.fixture
def s3(s3_server: S3Server, monkeypatch: pytest.MonkeyPatch) -> S3:
    """Buckets ``in``, ``out`` and ``other`` (uniquely named), ``storage`` using the server, and every
    connection to anything but the loopback failing the test."""
    from apache_beam.options.pipeline_options import PipelineOptions

    real_connect = socket.socket.connect

    def connect(sock: socket.socket, address: Any) -> None:
        if not _loopback(address):
            raise AssertionError(f"a test of the local S3 API tried to reach {address!r}")
        real_connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    for name, value in ENV.items():
        monkeypatch.setenv(name, value)
    n = next(_BUCKETS)
    buckets = {role: f"scrubline-{role}-{n}" for role in ("in", "out", "other")}
    client = s3_server.client()
    for bucket in buckets.values():
        client.create_bucket(Bucket=bucket)
    storage.use_options(PipelineOptions(s3_server.beam_args))
    return S3(s3_server, buckets)
