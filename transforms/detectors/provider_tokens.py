"""Provider tokens from a maintained rule set: CredSweeper's provider-format rules (MIT, ``credsweeper`` on PyPI).

Hundreds of services issue tokens with their own prefix and shape (``dop_v1_``, ``pplx-``, ``CCIPAT_``...).
Writing each by hand in ``packs/credentials_providers.yaml`` does not keep up, so this detector runs the
rules CredSweeper ships and keeps current. It keeps only the rules that recognise a token by its own
format (CredSweeper's ``pattern`` and ``multi`` rules of ``moderate`` or ``strong`` confidence that need no
ML model, and five ``weak`` ones whose tokens start with their service's literal prefix): its keyword rules,
document-pair rules and ML-validated rules are left out, because the ``credentials`` packs cover assigned
values with their own checks; its ``pem_key`` rule (the packs' ``private_key`` rule takes the whole block,
not only its header) and its generic ``UUID`` rule (an id is not a secret) are left out too.
CredSweeper's ML model is therefore never loaded.

What this module guarantees:

* No network and no downloads: CredSweeper's rules are a file inside the installed package.
* Each finding covers exactly the token (``text[start:end]`` is CredSweeper's value, never the key name
  or quotes). Offsets are ``str`` indices into the original text. A value CredSweeper reports at a
  position that does not hold it raises ``ProviderTokenError`` (fail closed: the record is quarantined).
* Entity types: ``PRIVATE_KEY`` for base64 private keys, ``API_KEY`` for everything else. ``detector`` is
  ``provider_tokens.<rule>``, the CredSweeper rule name in lower case with ``_`` for other characters.
  The score is below the credential packs' so that, on the same span, their (older) detector ids win.
* Output per text is de-duplicated on ``(entity_type, start, end)`` and sorted by
  ``(start, end, entity_type, detector)``; the same text always gives the same findings.
* The scanner is built once per detector (the engine builds its detectors once per worker process);
  ``detect`` returns findings for every text or raises.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator, Sequence
from importlib import resources
from typing import TYPE_CHECKING, Any

from transforms.detectors.base import Detector, register_detector
from transforms.records import Finding

if TYPE_CHECKING:
    from transforms.config import ScrublineConfig

__all__ = ["ProviderTokenDetector", "ProviderTokenError", "build_provider_token_detector", "rule_log_id"]

#: The score of every finding: under the credential packs' provider rules (0.95) and assignments (0.8).
SCORE = 0.75
#: CredSweeper rules left out although they have a token format of their own: an id is not a secret.
_EXCLUDED_RULES = frozenset({"UUID"})
#: CredSweeper rules it rates ``weak`` that are kept all the same: each value starts with a literal prefix of
#: its service (``tfp_``, ``vcp_``, ``nfp_``, ``ph?_``, ``1//0``) and has a fixed length, so it does not take
#: ordinary words or ids (its other weak rules do: any 15 lower-case letters, 32 base32 letters, ``ck_...``).
_PREFIXED_WEAK_RULES = frozenset(
    {
        "Google OAuth Refresh Token",
        "Netlify Token",
        "PostHog Credentials",
        "Typeform API Personal Token",
        "Vercel Token",
    }
)
_NOT_WORD = re.compile(r"[^a-z0-9]+")


class ProviderTokenError(RuntimeError):
    """CredSweeper reported a value that is not at the position it gave (the record must not pass)."""


def rule_log_id(rule_name: str) -> str:
    """The detector id of a CredSweeper rule: ``Github Classic Token`` -> ``provider_tokens.github_classic_token``."""
    return "provider_tokens." + _NOT_WORD.sub("_", rule_name.lower()).strip("_")


def _scanner_config() -> Any:
    """CredSweeper's shipped settings, as its CLI sets them for a plain scan of code-like text.

    Built without ``credsweeper.app.CredSweeper``, whose constructor starts a multiprocessing manager
    process (and imports pandas and onnxruntime) that a plain scan does not need.
    """
    from credsweeper.common.constants import Confidence, Severity
    from credsweeper.config.config import Config

    settings = json.loads((resources.files("credsweeper") / "secret" / "config.json").read_text(encoding="utf-8"))
    settings.update(
        use_filters=True,
        find_by_ext=False,
        size_limit=None,
        pedantic=False,
        depth=0,
        doc=False,
        severity=Severity.INFO.value,
        confidence=Confidence.MODERATE.value,  # drops its weak rules (any 15 lower-case letters...)
    )
    return Config(settings)


def _build_scanner() -> Any:
    """CredSweeper's scanner with its provider-format rules only (imported here: a heavy dependency)."""
    from credsweeper.common.constants import RuleType
    from credsweeper.scanner.scanner import Scanner

    kept_types = frozenset({RuleType.PATTERN, RuleType.MULTI})

    class _ProviderRuleScanner(Scanner):  # type: ignore[misc]
        def _is_available(self, rule: Any) -> bool:
            format_rule = rule.rule_type in kept_types and not rule.use_ml
            if format_rule and rule.rule_name in _PREFIXED_WEAK_RULES:
                return "code" in rule.target
            return bool(super()._is_available(rule)) and format_rule and rule.rule_name not in _EXCLUDED_RULES

    return _ProviderRuleScanner(_scanner_config(), None)


def _entity_type(rule_name: str) -> str:
    return "PRIVATE_KEY" if "private key" in rule_name.lower() else "API_KEY"


def _line_starts(lines: list[str]) -> list[int]:
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    return starts


class ProviderTokenDetector(Detector):
    """Finds provider tokens (API keys, access tokens, private keys) by the formats CredSweeper maintains.

    Guarantees: each finding's ``text[start:end]`` is exactly the token; findings per text are
    de-duplicated on ``(entity_type, start, end)`` and sorted; ``detector`` is ``provider_tokens.<rule>``.
    ``detect`` returns one list per input text, in order, or raises.
    """

    name = "provider_tokens"
    entity_types = frozenset({"API_KEY", "PRIVATE_KEY"})

    def __init__(self) -> None:
        """Load CredSweeper's rules (from the installed package, no network) and keep the provider formats."""
        # CredSweeper logs through the root of its own logger; its messages can quote scanned lines.
        logging.getLogger("credsweeper").setLevel(logging.CRITICAL)
        self._scanner = _build_scanner()
        from credsweeper.file_handler.string_content_provider import StringContentProvider

        self._provider = StringContentProvider
        self._entities = {rule.rule_name: _entity_type(rule.rule_name) for rule, _ in self._scanner.rules_scanners}

    @property
    def rule_names(self) -> list[str]:
        """The CredSweeper rules this detector runs, sorted."""
        return sorted(rule.rule_name for rule, _ in self._scanner.rules_scanners)

    def detect(self, texts: Sequence[str]) -> list[list[Finding]]:
        """One sorted, de-duplicated list of findings per text, in input order; raises rather than skip a text."""
        return [self._detect_one(text) for text in texts]

    def _detect_one(self, text: str) -> list[Finding]:
        lines = text.split("\n")
        starts = _line_starts(lines)
        best: dict[tuple[str, int, int], str] = {}
        for entity, start, end, detector in self._values(lines, starts):
            key = (entity, start, end)
            if key not in best or detector < best[key]:
                best[key] = detector
        findings = [Finding(e, s, t, SCORE, det) for (e, s, t), det in best.items()]
        findings.sort(key=lambda f: (f.start, f.end, f.entity_type, f.detector))
        return findings

    def _values(self, lines: list[str], starts: list[int]) -> Iterator[tuple[str, int, int, str]]:
        for candidate in self._scanner.scan(self._provider(lines)):
            entity = self._entities[candidate.rule_name]
            detector = rule_log_id(candidate.rule_name)
            for data in candidate.line_data_list:
                index = data.line_num - 1
                if not data.value or not 0 <= index < len(lines):
                    raise ProviderTokenError(f"{detector}: a finding without a value or line")
                line = lines[index]
                if data.line != line or line[data.value_start : data.value_end] != data.value:
                    raise ProviderTokenError(f"{detector}: a value not at its reported position")
                yield entity, starts[index] + data.value_start, starts[index] + data.value_end, detector


@register_detector("provider_tokens")
def build_provider_token_detector(config: ScrublineConfig) -> Detector:
    """Build the provider-token detector; it takes nothing from the config."""
    del config
    return ProviderTokenDetector()
