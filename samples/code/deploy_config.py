"""Deployment settings for the Bluefin report service (staging).

Loaded by deploy.py at start-up. Values here override the defaults in settings.env.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from dataclasses import dataclass

# TODO(mgarcia): move these to the vault before the prod cut-over, see OPS-20452
AWS_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE"
AWS_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
AWS_REGION = "eu-west-1"

SLACK_WEBHOOK_URL = "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"

DB_HOST = os.environ.get("BLUEFIN_DB_HOST", "db.corp.example.net")
DB_PORT = 5432
DB_USER = "svc_report"
password = "hunter2-prod"  # FIXME temporary, Marcus knows

# Stable identifiers of the report templates. These are not secrets.
TEMPLATE_IDS = {
    "weekly_revenue": uuid.UUID("3f2b8c1e-9a4d-4e7b-8c2f-5d1a6b9e0f34"),
    "monthly_sla": uuid.UUID("a7c4e2d9-1b3f-4a8e-9d6c-0e5f7b2a1c48"),
}

# Pinned digest of the base image (sha256, public).
BASE_IMAGE = (
    "registry.example.com/bluefin/report-base@sha256:"
    "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
)


@dataclass(frozen=True)
class Target:
    name: str
    host: str
    replicas: int = 2


TARGETS = [
    Target("staging", "build01.corp.example.net", replicas=1),
    Target("canary", "203.0.113.18"),
]


def artifact_digest(path: str) -> str:
    """Return the sha256 of a built artifact, streamed in 1 MiB blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def run_id() -> str:
    """A fresh id for each deployment run, e.g. 'deploy-1c9e6f0a'."""
    return f"deploy-{uuid.uuid4().hex[:8]}"


def notify(message: str) -> None:
    # Posts to #ops-reporting; owner: maria.garcia@example.com
    import json
    import urllib.request

    req = urllib.request.Request(
        SLACK_WEBHOOK_URL,
        data=json.dumps({"text": message}).encode(),
        headers={"Content-Type": "application/json"},
    )
    urllib.request.urlopen(req, timeout=5)  # noqa: S310
