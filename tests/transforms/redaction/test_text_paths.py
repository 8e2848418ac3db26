"""File names and paths written inside a text are read through their path views (issue 14, item 7):
names, e-mail addresses, user names and proprietary terms glued into them are found, while code,
library and documentation paths keep their words.

All names, addresses and terms are invented. No spaCy model: the default detectors without ``spacy_ner``
(the views are never given to statistical NER anyway)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from transforms.config import parse_config
from transforms.records import Document, RedactedDocument
from transforms.redaction.engine import RedactionEngine

_RAW = yaml.safe_load((Path(__file__).resolve().parents[3] / "configs" / "default.yaml").read_text(encoding="utf-8"))
_RAW["detectors"] = [d for d in _RAW["detectors"] if d != "spacy_ner"]
_RAW["proprietary"] = {"terms": {"CODENAME": ["Bluefin"], "CUSTOMER": ["Hexacore Logistics"]}, "internal_domains": []}


@pytest.fixture(scope="module")
def engine() -> RedactionEngine:
    return RedactionEngine.from_config(parse_config(_RAW))


def _redacted(engine: RedactionEngine, text: str) -> tuple[str, list[tuple[str, str]]]:
    (out,) = engine.redact([Document(id="d", text=text, source="s")])
    assert isinstance(out, RedactedDocument)
    return out.text, [(r.entity_type, text[r.start : r.end]) for r in out.redactions]


@pytest.mark.parametrize(
    "text, cleaned",
    [
        # E-mail prose: a name glued by "_", one glued by "-".
        (
            "Please see attached Tamsin_Okwu_offer.pdf and scan-passport-bruno-lacerda.jpeg before Monday.",
            "Please see attached <PERSON>_offer.pdf and scan-passport-<PERSON>.jpeg before Monday.",
        ),
        # Chat: a folder named after a person, with a space in it.
        (
            "[09:12] dropped it in payroll/Eero Kallio/march_2025.xlsx",
            "[09:12] dropped it in payroll/<PERSON>/march_2025.xlsx",
        ),
        # Log line: a home folder and an e-mail address glued to a file name, inside quotes.
        (
            'ERROR open("/home/vsoto/out/ines.faria@example.pt_cv.odt") failed: EACCES',
            'ERROR open("/home/<USERNAME>/out/<EMAIL_ADDRESS>_cv.odt") failed: EACCES',
        ),
        # Shell: "~user", a name and a proprietary term glued into file names.
        (
            "$ scp ~kberg/Halvard_Berg_contract.pdf backup01:/srv/legal/Bluefin_launch_plan.docx",
            "$ scp ~<USERNAME>/<PERSON>_contract.pdf backup01:/srv/legal/<CODENAME>_launch_plan.docx",
        ),
        # Windows path, with a document word of another language before the name.
        (
            "Gespeichert unter C:\\Users\\pnovak\\Documents\\Steuer_Ruth_Adeyemi_2022.pdf heute.",
            "Gespeichert unter C:\\Users\\<USERNAME>\\Documents\\Steuer_<PERSON>_2022.pdf heute.",
        ),
        # POSIX path whose folder names go on across spaces to the file name.
        (
            "moved /Users/ol/Desktop/Signe Dahl - leave form.pdf (20 KB)",
            "moved /Users/<USERNAME>/Desktop/<PERSON> - leave form.pdf (20 KB)",
        ),
        # Archive member.
        ("unpacked hr.zip!staff/Yusuf.Demir/payslip.pdf", "unpacked hr.zip!staff/<PERSON>/payslip.pdf"),
        # A customer's name as a repository folder.
        (
            "committed docs/customers/Hexacore-Logistics/contract_4471.pdf",
            "committed docs/customers/<CUSTOMER>/contract_4471.pdf",
        ),
    ],
)
def test_names_and_terms_in_paths_are_found(engine: RedactionEngine, text: str, cleaned: str) -> None:
    assert _redacted(engine, text)[0] == cleaned


@pytest.mark.parametrize(
    "text",
    [
        "See src/components/LoginPage.tsx, tests/test_utils.py and node_modules/@babel/core for the fix.",
        "pip installs into /usr/lib/python3.11/site-packages/spacy/lang/en/stop_words.py by default",
        'Traceback (most recent call last):\n  File "/opt/app/venv/lib/python3.12/site-packages/flask/app.py", '
        'line 1498, in __call__\n  File "src/billing/InvoiceService.java", line 88',
        "require('lodash/fp/map.js'); import React from './components/Header.jsx'",
        "release notes are in release/1.4.2/notes.txt and docs/v2.3/api.md; ~/projects/Django-Rest/README.md",
        "We use Node.js and Vue.js, and/or Next.js; open config/settings.yaml and scripts/build.sh",
        "cd ~/work && git log -- docs/adr/0007-use-kafka.md",
    ],
)
def test_code_and_library_paths_keep_their_words(engine: RedactionEngine, text: str) -> None:
    assert _redacted(engine, text) == (text, [])


def test_a_url_is_left_to_the_url_detectors(engine: RedactionEngine) -> None:
    text = "read https://docs.example.com/guides/Getting_Started.html first"
    assert _redacted(engine, text) == (
        "read <URL> first",
        [("URL", "https://docs.example.com/guides/Getting_Started.html")],
    )
