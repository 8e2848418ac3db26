"""Unit tests for transforms.runs.prescan: whether a rule change can affect an unchanged record."""

from __future__ import annotations

import pytest

from tests.transforms.runs.helpers import BASE, STATE_KEY, VERSIONS, doc, manifest, with_
from transforms.config import parse_config
from transforms.records import Document
from transforms.runs.prescan import Prescanner
from transforms.runs.reprocess import ReusePlan, plan_reuse


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
    plan = plan_reuse(manifest(BASE), parse_config(new), VERSIONS, {"K": "k1"}, STATE_KEY)
    assert plan.changes == ("proprietary.terms.VENDOR: 1 added",) and plan.tags_changed == ("VENDOR",)
    assert Prescanner(plan).affected(doc(text), []) is affected


def test_removed_rules_affect_records_where_they_fired() -> None:
    new = with_(proprietary={"terms": {}, "internal_domains": []}, patterns=[])
    plan = plan_reuse(manifest(BASE), parse_config(new), VERSIONS, {"K": "k1"}, STATE_KEY)
    scan = Prescanner(plan)
    assert scan.affected(doc("x"), [("proprietary_terms.CUSTOMER", "CUSTOMER")])
    assert scan.affected(doc("x"), [("internal_domains.host", "INTERNAL_HOST")])
    assert scan.affected(doc("x"), [("patterns.TICKET_ID_0", "TICKET_ID")])
    assert not scan.affected(doc("Hexacore Logistics"), [("credentials.aws", "API_KEY")])


def test_allow_changes_prescan_case_insensitively_on_every_field() -> None:
    plan = plan_reuse(manifest(BASE), parse_config(with_(allow=["Excel", "Jira"])), VERSIONS, {"K": "k1"}, STATE_KEY)
    scan = Prescanner(plan)
    assert scan.affected(Document(id="1", text="x", source="notes/JIRA.txt"), [])
    assert not scan.affected(doc("Excel sheets"), [])


def test_added_patterns_and_domains_are_found_on_normalised_text() -> None:
    plan = ReusePlan(
        added_domains=("int.example.net",),
        added_patterns=({"entity": "BADGE", "regex": r"\bBDG-\d{3}\b", "score": 0.9, "name": "badge"},),
    )
    scan = Prescanner(plan)
    assert scan.affected(doc("ping ops@int.example.net"), [])
    assert scan.affected(doc("badge BDG-\uff11\uff12\uff13 lost"), [])  # full-width digits fold to ASCII
    assert scan.affected(doc("badge BDG-12\u200b3 lost"), [])  # a zero-width space is removed
    assert not scan.affected(doc("badge BDG-12 and example.net"), [])


def test_fingerprint_rules_are_checked_before_any_scan() -> None:
    scan = Prescanner(ReusePlan(removed_detectors=frozenset({"patterns.badge"})))
    assert scan.affected(Document(id="1", text="", source=""), [("patterns.badge", "BADGE")])
    assert not scan.affected(Document(id="1", text="BDG-123", source=""), [("patterns.other", "BADGE")])


def test_many_allow_changes_are_one_pass() -> None:
    words = tuple(f"vendor{i:06d}" for i in range(100_000))
    scan = Prescanner(ReusePlan(allow_changed=words))
    assert scan.affected(doc("paid VENDOR099999 today"), [])
    assert not scan.affected(doc("paid vendor 099999 today"), [])
    assert not Prescanner(ReusePlan(allow_changed=("",))).affected(doc("anything"), [])
