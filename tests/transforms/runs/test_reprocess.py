"""The reuse plan behind ``--previous``: what a rule change can affect, decided without Beam."""

from __future__ import annotations

import json
from typing import Any

import pytest

from transforms.config import parse_config
from transforms.records import Document
from transforms.runs.reprocess import Prescanner, plan_reuse, sanitized_config

BASE: dict[str, Any] = {
    "detectors": ["credentials", "proprietary_terms", "internal_domains", "patterns"],
    "proprietary": {"terms": {"CUSTOMER": ["Hexacore Logistics"]}, "internal_domains": ["corp.example.net"]},
    "patterns": [{"entity": "TICKET_ID", "regex": r"\bOPS-\d{4,}\b"}],
    "allow": ["Excel"],
    "input": {"exclude": [{"field": "uploader", "values": ["alice@example.com"]}]},
    "operators": {"default": {"type": "replace"}, "EMAIL_ADDRESS": {"type": "pseudonymize", "key_env": "K"}},
}
VERSIONS = {"scrubline": "0.1.0", "scrubline_code": "abc"}


def manifest(cfg: dict[str, Any], versions: dict[str, str] = VERSIONS, key_ids: dict | None = None) -> dict:
    return {
        "config": sanitized_config(parse_config(cfg)),
        "layout": {"fingerprints": "fingerprints/"},
        "versions": versions,
        "key_ids": key_ids if key_ids is not None else {"K": "k1"},
    }


def with_(**changes: Any) -> dict[str, Any]:
    cfg = json.loads(json.dumps(BASE))
    cfg.update(changes)
    return cfg


def doc(text: str) -> Document:
    return Document(id="1", text=text, source="a.txt")


def test_sanitized_config_names_no_term_domain_regex_or_excluded_value() -> None:
    dumped = json.dumps(sanitized_config(parse_config(BASE)))
    for value in ("Hexacore", "hexacore", "corp.example.net", "OPS-", "alice@example.com"):
        assert value not in dumped
    assert '"Excel"' in dumped and '"TICKET_ID_0"' in dumped and '"key_env": "K"' in dumped


def test_same_config_changes_nothing() -> None:
    plan = plan_reuse(manifest(BASE), parse_config(BASE), VERSIONS, {"K": "k1"})
    assert plan.incremental and plan.changes == () and not plan.needs_prescan
    assert not Prescanner(plan).affected(
        doc("Hexacore Logistics at OPS-1234"), [("proprietary_terms.CUSTOMER", "CUSTOMER")]
    )


@pytest.mark.parametrize(
    "versions, key_ids, reason",
    [
        ({**VERSIONS, "scrubline_code": "def"}, {"K": "k1"}, "versions.scrubline_code changed"),
        ({**VERSIONS, "spacy_model": "other==1"}, {"K": "k1"}, "versions.spacy_model changed"),
    ],
)
def test_other_code_or_model_means_full_rerun(versions: dict, key_ids: dict, reason: str) -> None:
    plan = plan_reuse(manifest(BASE), parse_config(BASE), versions, key_ids)
    assert not plan.incremental and plan.full_rerun_reason == f"cannot be scoped to records: {reason}"


def test_runs_without_fingerprints_and_re_enabled_types_mean_full_rerun() -> None:
    assert "no fingerprints" in plan_reuse({"config": None}, parse_config(BASE), VERSIONS, {}).full_rerun_reason
    old = manifest(with_(entities={"disabled": ["PERSON"]}))
    plan = plan_reuse(old, parse_config(BASE), VERSIONS, {"K": "k1"})
    assert plan.full_rerun_reason == "cannot be scoped to records: entities.disabled re-enables PERSON"


def test_a_new_key_changes_the_operator_of_the_types_it_serves_only() -> None:
    plan = plan_reuse(manifest(BASE), parse_config(BASE), VERSIONS, {"K": "k2"})
    assert plan.incremental and plan.changes == ("operators: EMAIL_ADDRESS changed",)
    assert plan.operator_changed("EMAIL_ADDRESS") and not plan.operator_changed("PERSON")
    scan = Prescanner(plan)
    assert scan.affected(doc("x"), [("presidio.EmailRecognizer", "EMAIL_ADDRESS")])
    assert not scan.affected(doc("x"), [("presidio.PhoneRecognizer", "PHONE_NUMBER")])


def test_changing_the_default_operator_affects_types_without_their_own() -> None:
    plan = plan_reuse(
        manifest(BASE),
        parse_config(
            with_(operators={"default": {"type": "redact"}, "EMAIL_ADDRESS": BASE["operators"]["EMAIL_ADDRESS"]})
        ),
        VERSIONS,
        {"K": "k1"},
    )
    assert plan.operator_changed("PHONE_NUMBER") and not plan.operator_changed("EMAIL_ADDRESS")


@pytest.mark.parametrize(
    "text, affected",
    [
        ("Acme Corp's renewal", True),  # possessive
        ("ACME CORP renewal", True),  # case variant
        ("acmecorp renewal", False),  # not a whole-word match
        ("nothing here", False),
        ("see <VENDOR> above", True),  # a tag the new entity type makes protected
    ],
)
def test_added_terms_are_prescanned_like_detection(text: str, affected: bool) -> None:
    new = with_(proprietary={**BASE["proprietary"], "terms": {**BASE["proprietary"]["terms"], "VENDOR": ["Acme Corp"]}})
    plan = plan_reuse(manifest(BASE), parse_config(new), VERSIONS, {"K": "k1"})
    assert plan.changes == ("proprietary.terms.VENDOR: 1 added",) and plan.tags_changed == ("VENDOR",)
    assert Prescanner(plan).affected(doc(text), []) is affected


def test_removed_rules_affect_records_where_they_fired() -> None:
    new = with_(proprietary={"terms": {}, "internal_domains": []}, patterns=[])
    plan = plan_reuse(manifest(BASE), parse_config(new), VERSIONS, {"K": "k1"})
    scan = Prescanner(plan)
    assert scan.affected(doc("x"), [("proprietary_terms.CUSTOMER", "CUSTOMER")])
    assert scan.affected(doc("x"), [("internal_domains.host", "INTERNAL_HOST")])
    assert scan.affected(doc("x"), [("patterns.TICKET_ID_0", "TICKET_ID")])
    assert not scan.affected(doc("Hexacore Logistics"), [("credentials.aws", "API_KEY")])


def test_allow_changes_prescan_case_insensitively_on_every_field() -> None:
    plan = plan_reuse(manifest(BASE), parse_config(with_(allow=["Excel", "Jira"])), VERSIONS, {"K": "k1"})
    scan = Prescanner(plan)
    assert scan.affected(Document(id="1", text="x", source="notes/JIRA.txt"), [])
    assert not scan.affected(doc("Excel sheets"), [])


def test_exclusion_changes_need_no_detection() -> None:
    new = with_(input={"exclude": [{"field": "uploader", "values": ["alice@example.com", "bob@example.com"]}]})
    plan = plan_reuse(manifest(BASE), parse_config(new), VERSIONS, {"K": "k1"})
    assert plan.incremental and plan.changes == ("input.exclude changed",)
    assert not plan.needs_prescan and not Prescanner(plan).affected(doc("bob@example.com"), [])


def test_a_change_of_mention_propagation_means_full_rerun() -> None:
    old = manifest(with_(entities={"propagate": []}))
    plan = plan_reuse(old, parse_config(BASE), VERSIONS, {"K": "k1"})
    assert not plan.incremental
    assert plan.full_rerun_reason.startswith("cannot be scoped to records: entities.propagate")
