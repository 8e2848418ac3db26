"""The launcher stays light: building a pipeline must not import Presidio, spaCy or the detectors.

With several worker processes, whatever the launcher imports before the runner starts is paid
serially, before any worker begins; the workers import the detectors when they build their engine.
"""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = (
    "presidio_analyzer",
    "presidio_anonymizer",
    "spacy",
    "thinc",
    "transforms.redaction.engine",
    "transforms.detectors.ner",
)


def test_building_a_pipeline_imports_no_detector_library(tmp_path) -> None:
    code = f"""
import json, sys
import apache_beam as beam
from pipelines.cli import _resolve
from pipelines.pipeline import RunSpec, build_pipeline

(tmp := {str(tmp_path)!r})
open(tmp + "/in.jsonl", "w").write('{{"id": "1", "text": "hello"}}\\n')
config, ruleset, versions, key_ids, _ = _resolve(None)
run = RunSpec((tmp + "/in.jsonl",), tmp + "/out", config, ruleset, versions, key_ids)
build_pipeline(beam.Pipeline(), run)
print(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []
