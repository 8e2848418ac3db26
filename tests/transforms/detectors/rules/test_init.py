"""The rules package stands alone: importing it pulls in no Beam, no NLP and no detector module."""

from __future__ import annotations

import subprocess
import sys

FORBIDDEN = ("apache_beam", "spacy", "presidio_analyzer", "transforms.detectors.context")
FORBIDDEN += ("transforms.detectors.credentials", "transforms.detectors.names", "transforms.detectors.ner")


def test_package_imports_no_beam_and_no_detector() -> None:
    code = (
        "import sys, transforms.detectors.rules\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r} or m in {FORBIDDEN!r}))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
