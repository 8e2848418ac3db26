#!/usr/bin/env python3
"""A stand-in for the Beam Python SDK container's boot program, for a worker pool in tests.

On a cluster the worker pool is ``/opt/apache/beam/boot --worker_pool``: ``worker_pool_main`` with
``--container_executable=/opt/apache/beam/boot``, so each SDK worker it starts is the boot program,
which asks the runner's provision service for the job's pipeline options and endpoints, puts them in
the environment and runs ``sdk_worker_main``. That is how a worker gets the job's options, the S3
endpoint among them: ``sdk_worker_main`` hands them to Beam's ``FileSystems``. ``worker_pool_main``
without ``--container_executable`` starts ``SdkHarness`` directly instead, with no pipeline options
at all, so a worker's ``FileSystems.open("s3://...")`` fails (``Must provide one of client or options``).

This script does what the boot program (Go, ``sdks/python/container/boot.go``, not installed here)
does for a worker whose code is already installed, as in a custom SDK image: it retrieves no staged
artifacts (the tests stage none). ``worker_pool_main --container_executable=.../tests/beam_boot.py``
runs it as ``beam_boot.py --id=... --provision_endpoint=... --control_endpoint=... --logging_endpoint=...
--artifact_endpoint=...``, with the first ``python3`` on ``PATH``, which must be the Python that has
Beam and scrubline; the worker's semi-persistent folder is ``$TMPDIR``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile

import grpc
from apache_beam.portability.api import beam_provision_api_pb2, beam_provision_api_pb2_grpc, endpoints_pb2
from google.protobuf import json_format, text_format


def _descriptor(url: str) -> str:
    return text_format.MessageToString(endpoints_pb2.ApiServiceDescriptor(url=url))


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser()
    for flag in ("id", "provision_endpoint", "control_endpoint", "logging_endpoint", "artifact_endpoint"):
        parser.add_argument(f"--{flag}", required=True)
    args = parser.parse_args(argv)
    with grpc.insecure_channel(args.provision_endpoint) as channel:
        stub = beam_provision_api_pb2_grpc.ProvisionServiceStub(channel)
        request = beam_provision_api_pb2.GetProvisionInfoRequest()
        info = stub.GetProvisionInfo(request, metadata=[("worker_id", args.id)]).info
    env = {
        **os.environ,
        "WORKER_ID": args.id,
        "PIPELINE_OPTIONS": json_format.MessageToJson(info.pipeline_options),
        "SEMI_PERSISTENT_DIRECTORY": tempfile.gettempdir(),
        "CONTROL_API_SERVICE_DESCRIPTOR": _descriptor(info.control_endpoint.url or args.control_endpoint),
        "LOGGING_API_SERVICE_DESCRIPTOR": _descriptor(info.logging_endpoint.url or args.logging_endpoint),
        "RUNNER_CAPABILITIES": " ".join(info.runner_capabilities),
    }
    if info.status_endpoint.url:
        env["STATUS_API_SERVICE_DESCRIPTOR"] = _descriptor(info.status_endpoint.url)
    worker = [sys.executable, "-m", "apache_beam.runners.worker.sdk_worker_main"]
    os.execve(sys.executable, worker, env)


if __name__ == "__main__":
    main(sys.argv[1:])
