"""The provider-token detector: CredSweeper's provider-format rules, exact value spans, fail closed.

Every token below is invented for this file (random bodies behind published prefixes).
"""

from __future__ import annotations

import socket
from typing import Any

import pytest

from transforms.detectors.provider_tokens import ProviderTokenDetector, ProviderTokenError, rule_log_id

DIGITALOCEAN = "dop_v1_8314110af52e99c83b6b13606122e6b8e0863efd7fa1d0ec86e2b24ac11f92f5"
PERPLEXITY = "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"
CIRCLECI = "CCIPAT_h7hfAuMKTLXNO9fg0gPxed_ff1b5981334fa6c812df82e0e6a78162f3e282d4"
SENTRY = "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"
# formats CredSweeper rates weak but marks with a literal prefix of their service (kept, issue 14)
NETLIFY = "nfp_" + "Xq7Lm2Pz9Wr4Tk6VbN3cDe5Fg8Hj1Mn0Pq2R"
TYPEFORM = "tfp_" + "Xq7Lm2Pz9Wr4Tk6VbN3cDe5Fg8Hj1Mn0Pq2Rs4TuVwXyZ0Ab2Cd4Ef6Gh8"
POSTHOG = "phx_" + "Xq7Lm2Pz9Wr4Tk6VbN3cDe5Fg8Hj1Mn0Pq2Rs4TuVw"


@pytest.fixture(scope="module")
def detector() -> ProviderTokenDetector:
    return ProviderTokenDetector()


def _found(detector: ProviderTokenDetector, text: str) -> list[tuple[str, str, str]]:
    return [(f.entity_type, text[f.start : f.end], f.detector) for f in detector.detect([text])[0]]


@pytest.mark.parametrize(
    ("text", "token", "rule"),
    [
        (f"the droplet script reads {DIGITALOCEAN} at boot", DIGITALOCEAN, "provider_tokens.digital_ocean_token"),
        (f'client = Client("{PERPLEXITY}")', PERPLEXITY, "provider_tokens.perplexity_api_key"),
        (f"CIRCLE_TOKEN={CIRCLECI}\n", CIRCLECI, "provider_tokens.circleci_personal_api_token"),
        (f"line one\r\nsentry: '{SENTRY}'\r\n", SENTRY, "provider_tokens.sentry_user_auth_token"),
        (f"netlify deploy --auth {NETLIFY}", NETLIFY, "provider_tokens.netlify_token"),
        (f"TYPEFORM={TYPEFORM}", TYPEFORM, "provider_tokens.typeform_api_personal_token"),
        (f"the personal key {POSTHOG} was pasted in chat", POSTHOG, "provider_tokens.posthog_credentials"),
    ],
)
def test_finds_exactly_the_token(detector: ProviderTokenDetector, text: str, token: str, rule: str) -> None:
    assert _found(detector, text) == [("API_KEY", token, rule)]


def test_offsets_are_str_indices_after_non_ascii_lines(detector: ProviderTokenDetector) -> None:
    text = f"Grüße aus Łódź 🙂\nnotiz: {PERPLEXITY} (nicht teilen)"
    [finding] = detector.detect([text])[0]
    assert text[finding.start : finding.end] == PERPLEXITY
    assert finding.score == 0.75


@pytest.mark.parametrize(
    "text",
    [
        "request id 3f2a9c1e-7b4d-4e8a-9c0f-1d2e3f4a5b6c failed twice",  # a UUID is an id, not a secret
        "-----BEGIN RSA PRIVATE KEY-----\nMIIEFakeBody\n-----END RSA PRIVATE KEY-----",  # the packs take whole blocks
        'password = "Fake0Pass1Word2"',  # keyword rules are left to the credential packs
        "the pplx- prefix marks these keys; dop_v1_ is another",
        "abcdefghijklmno and ABCDEFGHIJKLMNOPQRSTUVWXYZ234567 stay",  # CredSweeper's other weak rules stay out
        "see nfp_docs and tfp_readme",
    ],
)
def test_leaves_ids_blocks_assignments_and_prose(detector: ProviderTokenDetector, text: str) -> None:
    assert detector.detect([text]) == [[]]


def test_one_list_per_text_in_order_and_deterministic(detector: ProviderTokenDetector) -> None:
    texts = ["nothing here", f"{SENTRY} and {DIGITALOCEAN}", ""]
    first = detector.detect(texts)
    assert [len(found) for found in first] == [0, 2, 0]
    assert [f.start for f in first[1]] == [0, len(SENTRY) + 5]
    assert detector.detect(texts) == first == ProviderTokenDetector().detect(texts)


def test_runs_only_provider_format_rules(detector: ProviderTokenDetector) -> None:
    names = detector.rule_names
    assert len(names) >= 100
    assert "Digital Ocean Token" in names
    assert not {"UUID", "PEM Private Key", "Password", "Token", "Dropbox App secret"} & set(names)


def test_rule_log_id() -> None:
    assert rule_log_id("Jira / Confluence PAT token") == "provider_tokens.jira_confluence_pat_token"


def test_needs_no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("network use")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert _found(ProviderTokenDetector(), f"key {PERPLEXITY}")[0][1] == PERPLEXITY


def test_a_value_not_at_its_position_raises(detector: ProviderTokenDetector, monkeypatch: pytest.MonkeyPatch) -> None:
    real_scan = detector._scanner.scan

    def shifted(provider: Any) -> Any:
        candidates = real_scan(provider)
        for candidate in candidates:
            for data in candidate.line_data_list:
                data.value_start += 1
        return candidates

    monkeypatch.setattr(detector._scanner, "scan", shifted)
    with pytest.raises(ProviderTokenError):
        detector.detect([f"key {DIGITALOCEAN}"])
