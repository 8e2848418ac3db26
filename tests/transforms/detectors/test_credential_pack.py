"""The credential rule packs: every rule's own examples, and the rule ids the redaction log shows."""

from __future__ import annotations

import pytest

from tests.transforms.detectors.rules.cases import check_example_case, example_cases
from transforms.detectors.credentials import CREDENTIAL_PACKS, CredentialDetector, log_id
from transforms.detectors.rules import load_pack

# The detector ids findings carry (``credentials.<name>``); the redaction logs depend on them.
LOG_IDS = {
    "anthropic_key",
    "authorization_header",
    "aws_access_key_id",
    "aws_secret_access_key",
    "azure_storage_key",
    "cli_password",
    "cli_user_password",
    "connection_string_user",
    "discord_bot_token",
    "discord_webhook",
    "gcp_service_account_key",
    "github_token",
    "gitlab_token",
    "google_api_key",
    "google_oauth_access_token",
    "google_oauth_client_secret",
    "host_credentials",
    "huggingface_token",
    "jwt",
    "key_assignment",
    "mailgun_key",
    "netrc",
    "npm_token",
    "openai_key",
    "password_assignment",
    "password_hash",
    "password_in_prose",
    "private_key",
    "pypi_token",
    "saas_token",
    "secret_assignment",
    "secret_in_prose",
    "secret_literal_assignment",
    "sendgrid_key",
    "session_cookie",
    "shopify_token",
    "slack_token",
    "slack_webhook",
    "sql_password",
    "stripe_key",
    "telegram_bot_token",
    "twilio_key",
    "url_credentials",
}


@pytest.mark.parametrize(("pack", "rule_id", "text", "expected"), example_cases(CREDENTIAL_PACKS))
def test_rule_examples(pack: str, rule_id: str, text: str | None, expected: str | None) -> None:
    check_example_case(pack, rule_id, text, expected)


def test_packs_are_the_credential_detectors() -> None:
    assert {load_pack(path).detector for path in CREDENTIAL_PACKS} == {"credentials"}


def test_rule_names_are_the_logged_detector_ids() -> None:
    assert set(CredentialDetector().rule_names) == LOG_IDS


@pytest.mark.parametrize(
    ("qualified_id", "expected"),
    [
        ("credentials.jwt", "credentials.jwt"),
        ("credentials.url_credentials__user", "credentials.url_credentials"),
        ("credentials.saas_token__vault", "credentials.saas_token"),
    ],
)
def test_log_id(qualified_id: str, expected: str) -> None:
    assert log_id(qualified_id) == expected


def test_parts_of_one_rule_share_score_per_entity() -> None:
    """Rules reporting one name agree on the score of each entity type they report, as one rule did."""
    scores: dict[tuple[str, str], set[float]] = {}
    for path in CREDENTIAL_PACKS:
        for rule in load_pack(path).rules:
            scores.setdefault((rule.id.split("__")[0], rule.entity), set()).add(rule.score)
    assert {key: values for key, values in scores.items() if len(values) > 1} == {}


def test_a_value_longer_than_the_default_window_is_found_whole() -> None:
    token = "Fake0Long1Token2" * 200  # 3,200 characters on one line
    text = f"GET / HTTP/1.1\nAuthorization: Bearer {token}\nAccept: */*\n"
    findings = CredentialDetector().detect([text])[0]
    assert [(f.entity_type, text[f.start : f.end], f.detector) for f in findings] == [
        ("API_KEY", token, "credentials.authorization_header")
    ]
