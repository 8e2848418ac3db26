"""The reuse plan behind ``--previous``: what a rule change can affect, decided without Beam."""

from __future__ import annotations

import pytest

from tests.transforms.runs.helpers import BASE, STATE_KEY, VERSIONS, doc, manifest, with_
from transforms.config import parse_config
from transforms.runs.prescan import Prescanner
from transforms.runs.reprocess import ReusePlan, plan_reuse


def test_same_config_changes_nothing() -> None:
    plan = plan_reuse(manifest(BASE), parse_config(BASE), VERSIONS, {"K": "k1"}, STATE_KEY)
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
    plan = plan_reuse(manifest(BASE), parse_config(BASE), versions, key_ids, STATE_KEY)
    assert not plan.incremental and plan.full_rerun_reason == f"cannot be scoped to records: {reason}"


def test_runs_without_fingerprints_and_re_enabled_types_mean_full_rerun() -> None:
    assert (
        "no fingerprints" in plan_reuse({"config": None}, parse_config(BASE), VERSIONS, {}, STATE_KEY).full_rerun_reason
    )
    old = manifest(with_(entities={"disabled": ["PERSON"]}))
    plan = plan_reuse(old, parse_config(BASE), VERSIONS, {"K": "k1"}, STATE_KEY)
    assert plan.full_rerun_reason == "cannot be scoped to records: entities.disabled re-enables PERSON"


def test_a_new_key_changes_the_operator_of_the_types_it_serves_only() -> None:
    plan = plan_reuse(manifest(BASE), parse_config(BASE), VERSIONS, {"K": "k2"}, STATE_KEY)
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
        STATE_KEY,
    )
    assert plan.operator_changed("PHONE_NUMBER") and not plan.operator_changed("EMAIL_ADDRESS")


def test_exclusion_changes_need_no_detection() -> None:
    new = with_(input={"exclude": [{"field": "uploader", "values": ["alice@example.com", "bob@example.com"]}]})
    plan = plan_reuse(manifest(BASE), parse_config(new), VERSIONS, {"K": "k1"}, STATE_KEY)
    assert plan.incremental and plan.changes == ("input.exclude changed",)
    assert not plan.needs_prescan and not Prescanner(plan).affected(doc("bob@example.com"), [])


def test_a_change_of_mention_propagation_means_full_rerun() -> None:
    old = manifest(with_(entities={"propagate": []}))
    plan = plan_reuse(old, parse_config(BASE), VERSIONS, {"K": "k1"}, STATE_KEY)
    assert not plan.incremental
    assert plan.full_rerun_reason.startswith("cannot be scoped to records: entities.propagate")


def test_changes_are_listed_in_a_fixed_order_with_what_each_requires() -> None:
    new = with_(
        proprietary={"terms": {"CUSTOMER": ["Bluefin Freight"]}, "internal_domains": ["corp.example.net", "b.example"]},
        patterns=[{"entity": "TICKET_ID", "regex": r"\bOPS-\d{5,}\b"}],
        allow=["excel", "Confluence"],
        entities={"disabled": ["URL"]},
        operators={"default": {"type": "redact"}, "EMAIL_ADDRESS": BASE["operators"]["EMAIL_ADDRESS"]},
        input={"exclude": []},
    )
    plan = plan_reuse(manifest(BASE), parse_config(new), VERSIONS, {"K": "k1"}, STATE_KEY)
    assert plan.changes == (
        "proprietary.terms.CUSTOMER: 1 removed",
        "proprietary.terms.CUSTOMER: 1 added",
        "proprietary.internal_domains: 1 added",
        "patterns: TICKET_ID_0 removed or changed",
        "patterns: TICKET_ID_0 added or changed",
        "allow: 1 added, 0 removed",
        "entities.disabled: URL switched off",
        "operators: default changed",
        "input.exclude changed",
    )
    assert plan.removed_detectors == frozenset({"proprietary_terms.CUSTOMER", "patterns.TICKET_ID_0"})
    assert plan.removed_prefixes == ()
    assert plan.added_terms == {"CUSTOMER": ("Bluefin Freight",)}
    assert plan.added_domains == ("b.example",)
    assert plan.added_patterns == (
        {"entity": "TICKET_ID", "regex": r"\bOPS-\d{5,}\b", "score": 0.9, "name": "TICKET_ID_0"},
    )
    assert plan.allow_changed == ("confluence",)
    assert plan.disabled_added == frozenset({"URL"})
    assert plan.tags_changed == ()
    assert plan.needs_prescan


def test_a_removed_domain_redoes_every_domain_finding() -> None:
    new = with_(proprietary={**BASE["proprietary"], "internal_domains": []})
    plan = plan_reuse(manifest(BASE), parse_config(new), VERSIONS, {"K": "k1"}, STATE_KEY)
    assert plan.changes == ("proprietary.internal_domains: 1 removed",)
    assert plan.removed_prefixes == ("internal_domains.",) and not plan.needs_prescan
    assert plan.rules_affected([("internal_domains.email", "INTERNAL_EMAIL")])
    assert not plan.rules_affected([("credentials.aws", "API_KEY")])


def test_a_changed_threshold_means_full_rerun() -> None:
    plan = plan_reuse(
        manifest(BASE), parse_config(with_(entities={"min_score": 0.7})), VERSIONS, {"K": "k1"}, STATE_KEY
    )
    assert plan.full_rerun_reason == "cannot be scoped to records: entities.min_score changed"


def test_plan_properties() -> None:
    plan = ReusePlan(old_operators={"default": "a", "PERSON": "p"}, new_operators={"default": "b", "PERSON": "p"})
    assert plan.incremental and not plan.needs_prescan
    assert plan.operator_changed("EMAIL_ADDRESS") and not plan.operator_changed("PERSON")
    assert not ReusePlan(full_rerun_reason="x").incremental
    assert ReusePlan(allow_changed=("jira",)).needs_prescan


@pytest.mark.parametrize(
    "allow, changes, words, types, any_type",
    [
        (  # a value for some types is pre-scanned like a plain string
            ["Excel", {"value": "Jira", "entities": ["ORGANIZATION"]}],
            ("allow: 1 added, 0 removed",),
            ("jira",),
            frozenset(),
            False,
        ),
        (  # a plain string and a value for every type are the same rule
            [{"value": "excel"}],
            (),
            (),
            frozenset(),
            False,
        ),
        (  # an added pattern redoes the records with findings of its types
            ["Excel", {"pattern": "^build-\\d+$", "entities": ["USERNAME", "ID"]}],
            ("allow: 1 added, 0 removed",),
            (),
            frozenset({"USERNAME", "ID"}),
            False,
        ),
        (["Excel", {"pattern": "^svc-"}], ("allow: 1 added, 0 removed",), (), frozenset(), True),
    ],
)
def test_allow_entries_are_scoped_by_value_and_by_type(
    allow: list, changes: tuple, words: tuple, types: frozenset, any_type: bool
) -> None:
    plan = plan_reuse(manifest(BASE), parse_config(with_(allow=allow)), VERSIONS, {"K": "k1"}, STATE_KEY)
    assert plan.incremental
    assert (plan.changes, plan.allow_changed, plan.allow_types, plan.allow_any_type) == (
        changes,
        words,
        types,
        any_type,
    )
    scan = Prescanner(plan)
    assert scan.affected(doc("x"), [("context.chat_speaker", "USERNAME")]) is (any_type or "USERNAME" in types)
    assert scan.affected(doc("x"), [("presidio.Phone", "PHONE_NUMBER")]) is any_type
    assert not scan.affected(doc("x"), [])


def test_a_removed_or_changed_allow_pattern_means_full_rerun() -> None:
    old = manifest(with_(allow=["Excel", {"pattern": "^build-\\d+$", "entities": ["USERNAME"]}]))
    for allow in (["Excel"], ["Excel", {"pattern": "^build-\\d+$", "entities": ["ID"]}]):
        plan = plan_reuse(old, parse_config(with_(allow=allow)), VERSIONS, {"K": "k1"}, STATE_KEY)
        assert plan.full_rerun_reason == "cannot be scoped to records: allow: a pattern entry removed or changed"


def test_terms_loaded_from_a_file_are_compared_by_value(tmp_path) -> None:
    terms = tmp_path / "customers.txt"
    terms.write_text("Hexacore Logistics\n", encoding="utf-8")
    from_file = with_(proprietary={**BASE["proprietary"], "terms": {"CUSTOMER": [{"file": str(terms)}]}})
    assert plan_reuse(manifest(BASE), parse_config(from_file), VERSIONS, {"K": "k1"}, STATE_KEY).changes == ()
    terms.write_text("Hexacore Logistics\nOrrin Vale\n", encoding="utf-8")
    plan = plan_reuse(manifest(BASE), parse_config(from_file), VERSIONS, {"K": "k1"}, STATE_KEY)
    assert plan.changes == ("proprietary.terms.CUSTOMER: 1 added",)
    assert plan.added_terms == {"CUSTOMER": ("Orrin Vale",)}
