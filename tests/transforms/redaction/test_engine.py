"""RedactionEngine with fake detectors: routing, thresholds, allow list, fail-closed isolation."""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Sequence

import pyarrow as pa
import pytest

from transforms.config import parse_config
from transforms.detectors.base import DetectionTimeout, Detector
from transforms.operators import build_operators
from transforms.records import (
    Document,
    Finding,
    QuarantineReason,
    QuarantineRecord,
    RedactedDocument,
    Redaction,
    content_sha256,
)
from transforms.redaction.engine import RedactionEngine


class WordDetector(Detector):
    """Finds every occurrence of fixed words; raises on texts containing a trigger."""

    name = "words"

    def __init__(self, words: dict[str, tuple[str, float]], explode_on: str | None = None, exc=RuntimeError) -> None:
        self.words = words
        self.explode_on = explode_on
        self.exc = exc
        self.calls = 0

    def detect(self, texts: Sequence[str]) -> list[list[Finding]]:
        self.calls += 1
        out = []
        for text in texts:
            if self.explode_on and self.explode_on in text:
                raise self.exc("boom")
            found = []
            for word, (entity, score) in self.words.items():
                start = text.find(word)
                while start >= 0:
                    found.append(Finding(entity, start, start + len(word), score, self.name))
                    start = text.find(word, start + 1)
            out.append(found)
        return out


def engine(detectors: list[Detector], **config) -> RedactionEngine:
    cfg = parse_config(config)
    return RedactionEngine(cfg, detectors, build_operators(cfg, {}))


def doc(i: str, text: str, source: str = "s.txt", metadata=()) -> Document:
    return Document(i, text, source, metadata, "h" * 64, len(text), f"in0/ref{i}")


WORDS = {"Ada": ("PERSON", 0.9), "Bob": ("PERSON", 0.3), "Python": ("PERSON", 0.9), "secret.txt": ("FILE", 1.0)}


def test_redacts_text_source_and_metadata() -> None:
    d = doc("1", "Ada met Bob", source="ada/secret.txt", metadata=(("author", "Ada"), ("lang", None)))
    (out,) = engine([WordDetector(WORDS)]).redact([d])
    assert out == RedactedDocument(
        id="1",
        text="<PERSON> met Bob",  # Bob is under min_score 0.4
        source="ada/<FILE>",
        metadata=(("author", "<PERSON>"), ("lang", None)),
        redactions=(Redaction("PERSON", 0, 3, 0, 8, "words", 0.9, "replace"),),
        entity_counts=(("FILE", 1), ("PERSON", 2)),
        source_ref="in0/ref1",
        input_sha256="h" * 64,
        size_bytes=11,
        content_sha256=content_sha256(d),
        rules=(("words", "FILE"), ("words", "PERSON")),
    )


@pytest.mark.parametrize(
    "config, text, expected",
    [
        ({}, "Ada and Python", "<PERSON> and <PERSON>"),
        ({"allow": ["python"]}, "Ada and Python", "<PERSON> and Python"),
        ({"allow": [{"value": "python", "entities": ["PERSON"]}]}, "Ada and Python", "<PERSON> and Python"),
        ({"allow": [{"value": "python", "entities": ["LOCATION"]}]}, "Ada and Python", "<PERSON> and <PERSON>"),
        ({"allow": [{"pattern": "^Py", "entities": ["PERSON"]}]}, "Ada and Python", "<PERSON> and Python"),
        ({"allow": [{"pattern": "^py"}]}, "Ada and Python", "<PERSON> and <PERSON>"),
        ({"entities": {"disabled": ["PERSON"]}}, "Ada and Bob", "Ada and Bob"),
        ({"entities": {"min_score": 0.2}}, "Ada and Bob", "<PERSON> and <PERSON>"),
        ({"entities": {"thresholds": {"PERSON": 0.95}}}, "Ada and Bob", "Ada and Bob"),
        ({"operators": {"default": {"type": "replace"}, "PERSON": {"type": "mask"}}}, "Ada!", "***!"),
    ],
)
def test_policy_knobs(config: dict, text: str, expected: str) -> None:
    (out,) = engine([WordDetector(WORDS)], **config).redact([doc("1", text)])
    assert out.text == expected


def test_detector_failure_quarantines_only_the_bad_record() -> None:
    detector = WordDetector(WORDS, explode_on="BOOM")
    docs = [doc("1", "Ada"), doc("2", "BOOM Ada"), doc("3", "Bob and Ada")]
    out = engine([detector]).redact(docs)
    assert [type(o).__name__ for o in out] == ["RedactedDocument", "QuarantineRecord", "RedactedDocument"]
    assert out[1] == QuarantineRecord("2", "in0/ref2", QuarantineReason.DETECTOR_ERROR, "RuntimeError", "h" * 64, 8)
    assert out[2].text == "Bob and <PERSON>"


def test_timeout_in_a_detector_is_reason_timeout() -> None:
    out = engine([WordDetector(WORDS, explode_on="slow", exc=DetectionTimeout)]).redact([doc("1", "slow Ada")])
    assert out[0].reason is QuarantineReason.TIMEOUT and out[0].error_class == "DetectionTimeout"


def test_over_budget_batch_is_redone_one_by_one_and_slow_record_quarantined() -> None:
    ticks = iter([0.0, 500.0, 0.0, 1.0, 0.0, 999.0])  # batch over budget; then doc 1 fast, doc 2 slow
    cfg = parse_config({})
    eng = RedactionEngine(cfg, [WordDetector(WORDS)], build_operators(cfg, {}), clock=lambda: next(ticks))
    out = eng.redact([doc("1", "Ada"), doc("2", "Ada")])
    assert out[0].text == "<PERSON>"
    assert isinstance(out[1], QuarantineRecord) and out[1].reason is QuarantineReason.TIMEOUT


def test_oversize_record_is_quarantined_without_detection() -> None:
    detector = WordDetector(WORDS)
    out = engine([detector], limits={"max_record_chars": 5}).redact([doc("1", "Ada is here")])
    assert out[0].reason is QuarantineReason.TOO_LARGE
    assert detector.calls == 1  # called with an empty batch of texts, never with the big one


def test_wrong_result_count_is_a_detector_error() -> None:
    class Short(Detector):
        name = "short"

        def detect(self, texts: Sequence[str]) -> list[list[Finding]]:
            return []

    (out,) = engine([Short()]).redact([doc("1", "Ada")])
    assert out.reason is QuarantineReason.DETECTOR_ERROR


def test_quarantine_never_carries_text_or_message() -> None:
    d = doc("1", "BOOM Ada Lovelace 555-0101", source="people/ada_lovelace.txt")
    (out,) = engine([WordDetector(WORDS, explode_on="BOOM", exc=lambda m: ValueError("Ada Lovelace"))]).redact([d])
    assert "Ada" not in repr(out) and "lovelace" not in repr(out).lower()


class SpacedNameDetector(Detector):
    """Finds "Tove Amundsen" only with a space between the words; records every text it was given."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.seen: list[str] = []

    def detect(self, texts: Sequence[str]) -> list[list[Finding]]:
        self.seen.extend(texts)
        out = []
        for text in texts:
            start = text.find("Tove Amundsen")
            out.append([] if start < 0 else [Finding("PERSON", start, start + 13, 0.9, f"{self.name}.full")])
        return out


def test_source_is_also_detected_through_its_path_views() -> None:
    names, ner = SpacedNameDetector("person_names"), SpacedNameDetector("spacy_ner")
    d = doc("1", "Payslip attached.", source="hr/Tove_Amundsen/payslip.pdf")
    (out,) = engine([names, ner]).redact([d])
    assert out.source == "hr/<PERSON>/payslip.pdf"
    assert out.text == "Payslip attached."
    assert out.entity_counts == (("PERSON", 1),)
    assert out.rules == (("person_names.full", "PERSON"),)
    # The path view ran through the name lists, never through statistical NER.
    assert names.seen == ["Payslip attached.", "hr/Tove_Amundsen/payslip.pdf", "hr Tove Amundsen payslip    "]
    assert ner.seen == ["Payslip attached.", "hr/Tove_Amundsen/payslip.pdf"]


def test_allow_list_applies_to_findings_in_path_views() -> None:
    names = SpacedNameDetector("person_names")
    (out,) = engine([names], allow=["tove amundsen"]).redact([doc("1", "x", source="Tove_Amundsen_notes.md")])
    assert out.source == "Tove_Amundsen_notes.md"


def test_typed_metadata_keeps_its_type_and_every_string_inside_is_redacted() -> None:
    words = {"Ada": ("PERSON", 0.9), "Cleo": ("PERSON", 0.9), "2125550123": ("PHONE_NUMBER", 0.9)}
    struct = pa.struct([("who", pa.string()), ("phone", pa.int64()), ("seen", pa.timestamp("us"))])
    at = datetime.datetime(2024, 1, 1, 10)
    meta = (
        ("contact", {"who": "Ada", "phone": 2125550123, "seen": at}),
        ("people", ["Cleo", "x", "Ada"]),
        ("rank", 2),
        ("scores", [("Cleo", 1.5)]),
    )
    types = (
        ("contact", struct),
        ("people", pa.list_(pa.string())),
        ("rank", pa.int64()),
        ("scores", pa.map_(pa.string(), pa.float64())),
    )
    d = dataclasses.replace(doc("1", "nothing", metadata=meta), metadata_types=types)
    (out,) = engine([WordDetector(words)]).redact([d])
    assert out.metadata == (
        ("contact", {"who": "<PERSON>", "phone": None, "seen": at}),  # a found number cannot hold a tag
        ("people", ["<PERSON>", "x", "<PERSON>"]),
        ("rank", 2),
        ("scores", [("<PERSON>", 1.5)]),
    )
    assert out.metadata_types == types
    assert out.entity_counts == (("PERSON", 4), ("PHONE_NUMBER", 1))
    other_type = dataclasses.replace(d, metadata_types=(*types[:2], ("rank", pa.int32()), types[3]))
    assert out.content_sha256 == content_sha256(d) != content_sha256(other_type)  # the type is content too


def test_structured_metadata_is_detected_leaf_by_leaf_and_rebuilt_as_json() -> None:
    words = {"Ada": ("PERSON", 0.9), "Cleo": ("PERSON", 0.9), "2125550123": ("PHONE_NUMBER", 0.9)}
    meta = (
        ("contacts", '{"Ada": {"phone": 2125550123, "rank": 2}, "Cleo": ["Ada", "x", true, null]}'),
        ("lang", "en"),
        ("tags", "[]"),
    )
    d = doc("1", "nothing", metadata=meta)
    (out,) = engine([WordDetector(words)]).redact([d])
    assert out.metadata == (
        (
            "contacts",
            '{"<PERSON>": {"phone": "<PHONE_NUMBER>", "rank": 2}, "<PERSON>": ["<PERSON>", "x", true, null]}',
        ),
        ("lang", "en"),
        ("tags", "[]"),
    )
    assert out.entity_counts == (("PERSON", 3), ("PHONE_NUMBER", 1))


@pytest.mark.parametrize(
    "allow, expected",
    [
        ([], "<ORGANIZATION> signed; <ORGANIZATION> pays."),
        ([{"value": "Brightwater", "entities": ["ORGANIZATION"]}], "<ORGANIZATION> signed; Brightwater pays."),
        ([{"pattern": "^Bright", "entities": ["ORGANIZATION"]}], "Brightwater Homes Ltd signed; Brightwater pays."),
        ([{"value": "Brightwater", "entities": ["PERSON"]}], "<ORGANIZATION> signed; <ORGANIZATION> pays."),
    ],
)
def test_the_allow_list_also_covers_propagated_mentions(allow: list, expected: str) -> None:
    detector = WordDetector({"Brightwater Homes Ltd": ("ORGANIZATION", 0.9)})
    (out,) = engine([detector], allow=allow).redact([doc("1", "Brightwater Homes Ltd signed; Brightwater pays.")])
    assert out.text == expected
