"""Credentials and secrets: the credential rule packs (``packs/credentials_*.yaml``) run by the rule engine.

What this module guarantees:

* Every rule is compiled once, when the detector is built, with RE2. RE2 cannot backtrack, so scanning
  time is linear in the text whatever the input. Each text is searched once for all rules' keywords; a
  rule's pattern runs on windows around its keywords (whole lines, disjoint, so at most the text once),
  or on the whole text for the few rules without keywords. A match that lies within its rule's
  ``window`` of a keyword is found exactly as a scan of the whole text finds it. Value checks
  (``credential_checks``) use only RE2 and string methods, and bounded base64/JSON decoding of JWT headers.
* A finding covers exactly the secret value: not the key name, not surrounding quotes, not the
  ``password=`` prefix. Offsets are ``str`` indices into the original text, also for non-ASCII text
  and lone surrogates (each is scanned as U+FFFD, one character for one).
* Entity types: ``API_KEY`` (provider formats, Bearer/token headers, high-entropy values assigned to
  secret-looking names), ``PASSWORD`` (password assignments, URL and connection-string passwords,
  HTTP Basic credentials, SQL ``IDENTIFIED BY``), ``PRIVATE_KEY`` (whole PEM/PGP/PuTTY private key
  blocks; a block with no end runs to the end of the text, so a truncated key fails closed) and
  ``USERNAME`` (the user of ``scheme://user:password@host`` URLs, ``curl -u`` and connection strings).
* ``Finding.detector`` is ``credentials.<name>``: a rule id ``name__part`` (one of several values of
  one match, such as the user and the password of a URL) reports as ``credentials.name``.
* Output per text is sorted by ``(start, end, entity_type, detector)``. Findings with the same
  ``(entity_type, start, end)`` from several rules are reported once, by the highest score (ties: the
  smallest detector name). Overlapping findings of different spans or types are all reported.
* ``detect`` either returns findings for every text or raises; it never drops a text.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import transforms.detectors.credential_checks  # noqa: F401  (registers the packs' checks)
from transforms.detectors.base import Detector, register_detector
from transforms.detectors.rules import RuleEngine
from transforms.records import Finding

if TYPE_CHECKING:
    from transforms.config import ScrublineConfig

__all__ = ["CREDENTIAL_PACKS", "CredentialDetector", "build_credential_detector", "log_id"]

_PACK_DIR = Path(__file__).with_name("packs")
#: The credential rule packs, by family.
CREDENTIAL_PACKS = tuple(
    _PACK_DIR / f"credentials_{family}.yaml" for family in ("private_keys", "providers", "http", "urls", "assignments")
)
_PART = "__"
_SURROGATE_TO_REPLACEMENT = {code: "\ufffd" for code in range(0xD800, 0xE000)}


def log_id(qualified_id: str) -> str:
    """The detector id a rule's findings carry: ``credentials.name__part`` -> ``credentials.name``."""
    return qualified_id.split(_PART, 1)[0]


def _scannable(text: str) -> str:
    """``text`` with lone surrogates (from ``surrogateescape`` decoding) replaced one for one by U+FFFD."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.translate(_SURROGATE_TO_REPLACEMENT)
    return text


class CredentialDetector(Detector):
    """Finds API keys, passwords, private keys and usernames in credentials.

    Guarantees: the packs are validated and compiled once in ``__init__`` (linear-time RE2 scanning);
    each finding's ``text[start:end]`` is exactly the secret value; findings per text are de-duplicated
    on ``(entity_type, start, end)`` and sorted by ``(start, end, entity_type, detector)``; ``detector``
    is ``"credentials.<rule>"``. ``detect`` returns one list per input text, in order, or raises.
    """

    name = "credentials"
    entity_types = frozenset({"API_KEY", "PASSWORD", "PRIVATE_KEY", "USERNAME"})

    def __init__(self, packs: Sequence[str | Path] = CREDENTIAL_PACKS) -> None:
        """Load, validate and compile the rule ``packs`` (default: the shipped credential packs)."""
        self._engine = RuleEngine.from_files(packs)
        self._log_ids = {rule.qualified_id: log_id(rule.qualified_id) for rule in self._engine.rules()}

    @property
    def engine(self) -> RuleEngine:
        """The rule engine running the packs (to list rules or run one alone)."""
        return self._engine

    @property
    def rule_names(self) -> list[str]:
        """The rule names, as they appear after ``credentials.`` in ``Finding.detector``, sorted."""
        return sorted({qualified.split(".", 1)[1] for qualified in self._log_ids.values()})

    def detect(self, texts: Sequence[str]) -> list[list[Finding]]:
        """One sorted, de-duplicated list of findings per text, in input order; raises rather than skip a text."""
        return [self._detect_one(text) for text in texts]

    def _detect_one(self, text: str) -> list[Finding]:
        best: dict[tuple[str, int, int], tuple[float, str]] = {}
        for found in self._engine.scan(_scannable(text)):
            key = (found.entity_type, found.start, found.end)
            detector = self._log_ids[found.detector]
            current = best.get(key)
            if current is None or found.score > current[0] or (found.score == current[0] and detector < current[1]):
                best[key] = (found.score, detector)
        findings = [Finding(e, s, t, score, det) for (e, s, t), (score, det) in best.items()]
        findings.sort(key=lambda f: (f.start, f.end, f.entity_type, f.detector))
        return findings


@register_detector("credentials")
def build_credential_detector(config: ScrublineConfig) -> Detector:
    """Build the credential detector; it takes nothing from the config yet."""
    del config
    return CredentialDetector()
