"""Presidio's validated pattern recognizers (checksums, phonenumbers), run without AnalyzerEngine.

We reuse the recognizers' patterns and their ``validate_result`` / ``invalidate_result`` checks
(Luhn for cards, IBAN checksums, SSN sanity rules, phone parsing through ``phonenumbers``) but run
the patterns ourselves, because Presidio's own loop skips a pattern that times out and carries on:
here a timeout raises, and the engine quarantines the record. The e-mail recognizer is given the
bundled public-suffix snapshot so nothing is fetched from the network.
"""

from __future__ import annotations

import bisect
import ipaddress
import re
from collections.abc import Iterator, Sequence
from typing import ClassVar

import phonenumbers
import regex
import tldextract
from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer
from presidio_analyzer.predefined_recognizers import (
    CreditCardRecognizer,
    CryptoRecognizer,
    EmailRecognizer,
    IbanRecognizer,
    IpRecognizer,
    PhoneRecognizer,
    UkNinoRecognizer,
    UrlRecognizer,
    UsItinRecognizer,
    UsSsnRecognizer,
)

from transforms.config import ScrublineConfig
from transforms.detectors.base import DetectionTimeout, Detector, register_detector
from transforms.detectors.context import IDENTIFIER_NOUNS
from transforms.detectors.presidio_ids import (
    GATED_FAMILIES,
    NATIONAL_ID,
    NATIONAL_ID_RECOGNIZERS,
    ContextGate,
    cue_windows,
    gated_entity_type,
    self_evident,
)
from transforms.lexicon.thresholds import threshold
from transforms.lexicon.vocabulary import TOOL_WORDS, is_degree_phrase
from transforms.records import Finding

__all__ = [
    "NATIONAL_ID",
    "NATIONAL_ID_RECOGNIZERS",
    "OfflineEmailRecognizer",
    "PresidioPatternDetector",
    "default_recognizers",
    "reported_entity_type",
]

# The public-suffix list shipped inside tldextract; suffix_list_urls=() means it never goes online.
_OFFLINE_TLD = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


class OfflineEmailRecognizer(EmailRecognizer):
    """Presidio's e-mail recognizer, validating the domain against the bundled suffix list only."""

    def validate_result(self, pattern_text: str) -> bool:
        """True if the domain, or the domain less trailing labels, has a public suffix (no network)."""
        # "ada@example.com.txt" (an address in a file name) is still an address: accept the match if
        # the domain, or the domain less trailing labels, has a known public suffix.
        local, _, domain = pattern_text.rpartition("@")
        if local == "git":
            return False  # the service login of every Git host ("git@github.com:org/repo.git"), nobody's mailbox
        labels = domain.split(".")
        return any(_OFFLINE_TLD(".".join(labels[:n])).fqdn != "" for n in range(len(labels), 1, -1))


PHONE_REGIONS = ("US", "GB", "DE", "FR", "IE", "IN", "CA", "AU", "BR", "ES", "IT", "NL")
# Digit runs that could be phone numbers; only these are re-examined for the other regions.
_PHONE_CANDIDATE = re.compile(r"\+?\(?\d[\d \t\-.()/]{4,24}\d")
# Shapes no region dials: ISO dates, d/m/y dates, times, dotted quads and versions, a year and month before a
# serial ("2026-11-4471": a lot or batch), a decimal fraction ("151.2092955": a coordinate or a measurement).
_NOT_A_PHONE = re.compile(
    r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{1,2}:\d{2}|\d{1,3}(?:\.\d{1,3}){2,3}$"
    r"|(?:19|20)\d\d-(?:0[1-9]|1[0-2])-\d{1,6}|[1-9]\d{0,2}\.\d{5,}"
)


# "QB-2019-001234", "INV-20231104-77": digits glued by a hyphen to a letter prefix (or followed by a hyphen and
# letters) are a case, ticket or order number; a phone label glued the same way ("Tel-0161 ...") stays a label.
_ID_PREFIX = re.compile(r"(?:^|[^\w-])([A-Za-z][A-Za-z0-9]*)-$")
_PHONE_PREFIXES = frozenset("tel ph phone mob mobile cell fax m t f h w o".split())
# Labels written after a number with a hyphen ("0161 496 0123-Office", "0123-Fax") are no identifier suffix.
_ID_SUFFIX = re.compile(r"-([A-Za-z]+)")
_PHONE_LABELS = frozenset("office mobile cell fax home work desk landline tel phone main ext direct".split())


# "Case No. 2019-001234", "claim number 2020 004512", "Index No. 654321/2019": a number after an identifier
# noun and "No."/"number" names that thing, not a telephone.
_ID_CUE = re.compile(r"\b([A-Za-z]+)\.?[ \t]+(?:number|no\.?|num\.?|nr\.?|#)[ \t]*[:.]?[ \t]*$", re.IGNORECASE)


# A book's or a serial's number: "ISBN 0-306-40615-2", "ISSN: 0317-8471".
_STANDARD_NUMBER = re.compile(r"\b(?:ISBN|ISSN|ISMN)(?:-1[03])?[ \t]*:?[ \t]*$", re.IGNORECASE)


def _id_glued(text: str, start: int, end: int) -> bool:
    """The digits at ``start:end`` carry a letter prefix or suffix joined by a hyphen, follow an identifier
    noun and "No." or a standard number's name (ISBN): an identifier."""
    if start >= 2 and text[start - 1] == "." and text[start - 2].isdigit():
        return True  # the tail of a dotted build or version number: "2023.11.04-1234"
    if start >= 1 and text[start - 1] == "-" and (start < 2 or not text[start - 2].isalpha()):
        return True  # a negative number ("-33.8688197"), or the tail of a range or a longer number
    if _STANDARD_NUMBER.search(text, max(0, start - 16), start):
        return True
    m = _ID_PREFIX.search(text, max(0, start - 24), start)
    if m is not None and m.group(1).casefold() not in _PHONE_PREFIXES:
        return True
    cue = _ID_CUE.search(text, max(0, start - 40), start)
    if cue is not None and cue.group(1).casefold() in IDENTIFIER_NOUNS:
        return True
    suffix = _ID_SUFFIX.match(text, end)
    return suffix is not None and suffix.group(1).casefold() not in _PHONE_LABELS


def _phone_shaped(value: str) -> bool:
    """Not a date ("2024-01-02"), not a bare run of eight digits or fewer ("133000" in a SQL row) and, without
    its country code, not six digits or fewer ("357 592": a local number of some region, and any figure)."""
    if _NOT_A_PHONE.fullmatch(value.strip("+() ")):
        return False
    if not value.startswith("+") and sum(c.isdigit() for c in value) < 7:
        return False
    return not (value.isdigit() and len(value) <= 8)


class MultiRegionPhoneRecognizer(PhoneRecognizer):
    """Presidio's phone recognizer (``phonenumbers``, several regions), with the same matches but
    much less work: the text is scanned once for the first region, and only the digit runs that
    region did not explain are scanned for the others, in small windows around them."""

    def analyze(self, text: str, entities: list[str], nlp_artifacts: object = None) -> list:  # type: ignore[override]
        from presidio_analyzer import RecognizerResult

        spans = self.find(text)
        return [
            RecognizerResult(
                "PHONE_NUMBER",
                start,
                end,
                self.SCORE,
                recognition_metadata={
                    RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                    RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                },
            )
            for start, end in sorted(spans)
        ]

    def find(self, text: str) -> set[tuple[int, int]]:
        """Character spans of phone numbers valid in any of the regions."""
        regions = list(self.supported_regions)
        spans = {(m.start, m.end) for m in phonenumbers.PhoneNumberMatcher(text, regions[0], leniency=self.leniency)}
        covered = sorted(spans)
        windows: list[tuple[int, int]] = []
        for m in _PHONE_CANDIDATE.finditer(text):
            s, e = m.span()
            digits = sum(c.isdigit() for c in m.group())
            if digits < 7 or _NOT_A_PHONE.fullmatch(m.group().strip("+() ")):
                continue
            i = bisect.bisect_right(covered, (s, len(text))) - 1
            if i >= 0 and covered[i][0] <= s and e <= covered[i][1]:
                continue
            ws, we = max(0, s - 8), min(len(text), e + 16)  # room for "+", "(" and "ext. 1234"
            if windows and ws <= windows[-1][1]:
                windows[-1] = (windows[-1][0], max(we, windows[-1][1]))
            else:
                windows.append((ws, we))
        spans = {(s, e) for s, e in spans if _phone_shaped(text[s:e]) and not _id_glued(text, s, e)}
        if not windows:
            return spans
        parts, starts, pos = [], [], 0
        for ws, we in windows:
            starts.append(pos)
            parts.append(text[ws:we])
            pos += (we - ws) + 2
        reduced = "\n\n".join(parts)
        for region in regions[1:]:
            for number in phonenumbers.PhoneNumberMatcher(reduced, region, leniency=self.leniency):
                k = bisect.bisect_right(starts, number.start) - 1
                delta = windows[k][0] - starts[k]
                if _phone_shaped(number.raw_string) and not _id_glued(text, number.start + delta, number.end + delta):
                    spans.add((number.start + delta, number.end + delta))
        return spans


class NetworkCardRecognizer(CreditCardRecognizer):
    """Presidio's card recognizer (Luhn), also for the card forms its pattern does not take: Mastercard's
    2-series (2221-2720) and 19-digit Visa, Maestro and UnionPay numbers written in groups (4-4-4-4-3). A bare
    run of 19 digits is left to the card words (``context.card_after_word``): 64-bit ids and hashes printed in
    decimal have that length, and one in ten passes Luhn."""

    PATTERNS: ClassVar[list[Pattern]] = [
        *CreditCardRecognizer.PATTERNS,
        Pattern(
            "Mastercard 2-series",
            r"\b2(?:22[1-9]|2[3-9][0-9]|[3-6][0-9]{2}|7[01][0-9]|720)([- ]?)[0-9]{4}\1[0-9]{4}\1[0-9]{4}\b",
            0.3,
        ),
        Pattern(
            "19 digits in groups",
            r"\b(?:4[0-9]{3}|5[0-9]{3}|6[0-9]{3})([- ])[0-9]{4}(?:\1[0-9]{4}){2}\1[0-9]{3}\b",
            0.3,
        ),
    ]

    def __init__(self) -> None:
        # Presidio's name, so findings keep logging as presidio.CreditCardRecognizer.
        super().__init__(patterns=self.PATTERNS, name="CreditCardRecognizer")


class CaseInsensitiveIbanRecognizer(IbanRecognizer):
    """Presidio's IBAN recognizer, also for IBANs typed in lower case in chats and forms ("my iban is
    gb82 west 1234 ..."). The country's format and the mod-97 checksum are checked on the upper-cased value,
    and a match in mixed case ("Gb82West...") is no IBAN: identifiers in code and hashes mix cases."""

    def __init__(self) -> None:
        super().__init__(regex_flags=re.DOTALL | re.MULTILINE | re.IGNORECASE)

    def validate_result(self, pattern_text: str) -> bool | None:
        letters = [c for c in pattern_text if c.isalpha()]
        if not (all(c.isupper() for c in letters) or all(c.islower() for c in letters)):
            return False
        return super().validate_result(pattern_text.upper())

    @staticmethod
    def shorter_ends(text: str, start: int, end: int) -> list[int]:
        """Where a match that failed validation may end instead, longest first: after each earlier group.

        The pattern's groups of four take in what follows the IBAN when it has the shape of a group: the
        words after a lower-case IBAN ("es16 6121 8720 5756 9210 9498 ok", matched case-insensitively), a BIC
        written beside it ("... 5445 GEBABEBB"). Presidio tries its pattern's sub-groups for this; a BIC of
        eight or eleven characters fills whole groups, so every end before a separator is tried here."""
        return [i for i in range(end - 1, start + 4, -1) if text[i] in " -" and text[i - 1].isalnum()]


# Identity, tax, VAT, health-insurance, passport, driving-licence, vehicle-registration and bank account numbers
# of many countries (presidio_ids.GATED_FAMILIES), each with its check digit where it has one (Verhoeff for
# Aadhaar, mod 11 for the NHS number, Luhn for personnummer, ...), reported as scrubline's NATIONAL_ID,
# PASSPORT, DRIVER_LICENSE, VEHICLE_REGISTRATION, ACCOUNT_NUMBER or ID (the recognizer is in the log's detector
# name), and only after one of the recognizer's own context words ("Aadhaar", "Reisepass", "number plate")
# within 60 characters before or 30 after: a checksum alone passes about one random number in ten.


def reported_entity_type(rec: EntityRecognizer) -> str:
    """The entity type scrubline reports ``rec``'s findings as: its family's for a gated recognizer, else
    Presidio's own."""
    return gated_entity_type(rec) or rec.supported_entities[0]


def default_recognizers() -> list[EntityRecognizer]:
    """The Presidio recognizers scrubline runs, in a fixed order."""
    return [
        *(cls() for family in GATED_FAMILIES.values() for cls in family),
        NetworkCardRecognizer(),
        CryptoRecognizer(),
        OfflineEmailRecognizer(),
        CaseInsensitiveIbanRecognizer(),
        IpRecognizer(),
        MultiRegionPhoneRecognizer(supported_regions=PHONE_REGIONS),
        UkNinoRecognizer(),
        UrlRecognizer(),
        UsItinRecognizer(),
        UsSsnRecognizer(),
    ]


# Country-code TLDs that are also everyday file extensions: "notes.md", "setup.py", "run.sh".
_FILE_EXTENSION_TLDS = frozenset({"md", "py", "sh", "pl", "rs", "go", "so", "cc", "ps", "js", "ts", "rb", "cs", "mk"})


# Sections of git's configuration: "user.email" and "user.name" are settings, not hosts in the .email and .name
# top-level domains.
_GIT_CONFIG_SECTIONS = frozenset("user core remote branch credential init pull push merge commit gpg alias".split())


# Public package registries, mirrors and standards hosts: a URL there names a package or a schema,
# never a person ("https://registry.npmjs.org/express/-/express-4.18.2.tgz" in a lock file).
PUBLIC_ARTIFACT_HOSTS = frozenset(
    """registry.npmjs.org registry.yarnpkg.com files.pythonhosted.org pypi.org pypi.python.org upload.pypi.org
    repo1.maven.org repo.maven.apache.org plugins.gradle.org rubygems.org index.rubygems.org crates.io
    static.crates.io index.crates.io proxy.golang.org sum.golang.org deb.debian.org security.debian.org
    archive.ubuntu.com security.ubuntu.com dl-cdn.alpinelinux.org mirrors.kernel.org download.docker.com
    registry-1.docker.io production.cloudflare.docker.com conda.anaconda.org repo.anaconda.com
    cdn.jsdelivr.net unpkg.com cdnjs.cloudflare.com fonts.googleapis.com fonts.gstatic.com www.w3.org
    schema.org json-schema.org schemas.xmlsoap.org schemas.microsoft.com xmlns.com""".split()
)
# Well-known API hosts: only the bare host name is kept (a path may name a user: /users/jdoe).
PUBLIC_API_HOSTS = frozenset(
    """api.github.com api.gitlab.com api.bitbucket.org api.stripe.com api.openai.com api.slack.com
    api.twilio.com api.sendgrid.com hooks.slack.com oauth2.googleapis.com www.googleapis.com
    sts.amazonaws.com login.microsoftonline.com graph.microsoft.com""".split()
)
_URL_HOST = re.compile(r"^(?:[a-z][a-z0-9+.-]*://)?(?:[^@/\s]*@)?(?P<host>[^/:?#\s]+)", re.IGNORECASE)


def _plausible_url(text: str, start: int, end: int) -> bool:
    """Reject matches that are file names, attribute access, a piece of a longer word, or public
    package and standards hosts, not personal or organisational addresses.

    A match with a scheme, ``www.``, a path or a port is otherwise kept.
    """
    value = text[start:end].strip("\"'()<>[]")
    m = _URL_HOST.match(value)
    host = m.group("host").lower().rstrip(".") if m else ""
    if host in PUBLIC_ARTIFACT_HOSTS:
        return False
    has_scheme = "://" in value
    if host in PUBLIC_API_HOSTS and not re.search(r"[/?#]\S", value.split("://", 1)[-1]):
        return False
    if not has_scheme:
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if before.isalnum() or before in "_." or after.isalnum() or after == "_":
            return False  # "psycopg2.co" in psycopg2.connect, "res.se" in res.sendStatus
    if has_scheme or value.lower().startswith("www.") or "/" in value or ":" in value:
        return True
    if end < len(text) and text[end] == "(":  # os.getenv( -> a call, not a host
        return False
    if is_degree_phrase(value):
        return False  # "B.Tech", "B.Com", "M.Sc": a degree, not a host under .tech, .com or .sc
    if value.split(".", 1)[0].lower() in _GIT_CONFIG_SECTIONS and value.count(".") == 1:
        return False  # "git config user.name", "core.editor": a setting, not a host under .name or .email
    if _code_name(value):
        return False
    return value.rsplit(".", 1)[-1].lower() not in _FILE_EXTENSION_TLDS


def _code_name(value: str) -> bool:
    """A bare dotted name that is code or a product, not a host: a top-level domain written with a capital
    ("as.Date", "Evaluation.My"; hosts are written in lower case or all in capitals), a product of the .NET
    family ("ASP.NET", "VB.Net", "Json.NET", "ado.net": a listed tool word, or a short acronym before
    ``.NET``)."""
    head, _, tld = value.rpartition(".")
    if tld[:1].isupper() and not tld.isupper():
        return True
    return (
        tld.lower() == "net" and "." not in head and (head.lower() in TOOL_WORDS or (tld == "NET" and len(head) <= 4))
    )


class PresidioPatternDetector(Detector):
    """Runs Presidio pattern recognizers with a hard per-text regex time budget (fails closed)."""

    name = "presidio"
    #: What ``default_recognizers`` report, each gated one under its family's type (``reported_entity_type``).
    entity_types = frozenset(
        "ACCOUNT_NUMBER CREDIT_CARD CRYPTO DRIVER_LICENSE EMAIL_ADDRESS IBAN_CODE ID IP_ADDRESS NATIONAL_ID "
        "PASSPORT PHONE_NUMBER UK_NINO URL US_ITIN US_SSN VEHICLE_REGISTRATION".split()
    )

    def __init__(self, recognizers: Sequence[EntityRecognizer], timeout_seconds: float) -> None:
        self._pattern_recognizers: list[tuple[PatternRecognizer, list[tuple[str, float, regex.Pattern]]]] = []
        self._other: list[EntityRecognizer] = []
        gated = [rec for rec in recognizers if gated_entity_type(rec) is not None]
        self._gated_type: dict[str, str] = {rec.name: reported_entity_type(rec) for rec in gated}
        # One pass finds every gated recognizer's context words: most texts name no document at all.
        self._gate = ContextGate(gated)
        for rec in recognizers:
            if isinstance(rec, PatternRecognizer):
                flags = rec.global_regex_flags or 0
                compiled = [(p.name, p.score, regex.compile(p.regex, flags=flags)) for p in rec.patterns]
                self._pattern_recognizers.append((rec, compiled))
            else:
                self._other.append(rec)
        self._timeout = timeout_seconds

    def detect(self, texts: Sequence[str]) -> list[list[Finding]]:
        """One list of findings per text, in input order; raises rather than skip a text."""
        return [self._detect_one(text) for text in texts]

    def _detect_one(self, text: str) -> list[Finding]:
        found: set[Finding] = set()
        hits = self._gate.hits(text)
        cues = cue_windows(text) if self._gate.self_evident_names else []
        for rec, patterns in self._pattern_recognizers:
            if rec.name in self._gated_type:
                found.update(self._gated_findings(rec, patterns, text, hits.get(rec.name, []), cues))
                continue
            for _pattern_name, score, compiled in patterns:
                found.update(self._pattern_findings(rec, score, compiled, text))
        for rec in self._other:
            for res in rec.analyze(text, rec.supported_entities, None):
                if res.end > res.start:
                    found.add(Finding(res.entity_type, res.start, res.end, float(res.score), f"{self.name}.{rec.name}"))
        return sorted(found, key=_finding_key)

    def _gated_findings(
        self,
        rec: PatternRecognizer,
        patterns: Sequence[tuple[str, float, regex.Pattern]],
        text: str,
        hits: Sequence[tuple[int, int]],
        cues: Sequence[tuple[int, int]],
    ) -> Iterator[Finding]:
        """A gated recognizer's findings: its patterns run only near its own context words (and, for a
        self-evident family, near ``cues``), and a match counts only with one of them within reach or in its
        family's self-evident form, at no less than ``_NATIONAL_ID_SCORE``."""
        kind = self._gated_type[rec.name]
        for window in self._gate.search_windows(rec.name, hits, cues, len(text)):
            for _pattern_name, score, compiled in patterns:
                for finding in self._pattern_findings(rec, score, compiled, text, window, hits):
                    yield Finding(
                        kind, finding.start, finding.end, max(finding.score, _NATIONAL_ID_SCORE), finding.detector
                    )

    def _pattern_findings(
        self,
        rec: PatternRecognizer,
        score: float,
        compiled: regex.Pattern,
        text: str,
        window: tuple[int, int] | None = None,
        hits: Sequence[tuple[int, int]] = (),
    ) -> Iterator[Finding]:
        """Every match of one pattern (within ``window``, if given) that the recognizer's checks accept, and
        for a gated recognizer that one of its context words (``hits``) vouches for."""
        entity = rec.supported_entities[0]
        pos, endpos = window or (0, len(text))
        while pos <= endpos:
            try:
                match = compiled.search(text, pos, endpos, timeout=self._timeout)
            except TimeoutError:
                raise DetectionTimeout(f"{self.name}.{rec.name}") from None
            if match is None:
                return
            start, end = match.span()
            result_score = self._score(rec, score, text, start, end)
            if result_score <= EntityRecognizer.MIN_SCORE and isinstance(rec, CaseInsensitiveIbanRecognizer):
                for shorter in rec.shorter_ends(text, start, end):
                    result_score = self._score(rec, score, text, start, shorter)
                    if result_score > EntityRecognizer.MIN_SCORE:
                        end = shorter
                        break
            if window is not None and not (
                ContextGate.whole_number(text, start, end)
                and (ContextGate.vouches(hits, start, end) or self_evident(rec, text, start, end))
            ):
                result_score = EntityRecognizer.MIN_SCORE
            if result_score > EntityRecognizer.MIN_SCORE:
                s, e = (start, end) if entity != "URL" else _strip_quotes(text, start, end)
                yield Finding(entity, s, e, float(result_score), f"{self.name}.{rec.name}")
                pos = max(end, start + 1)
            else:
                # A candidate that fails validation may hide a valid one starting inside it
                # ("555-010-1234 4111 1111 1111 1111"): search again from the next character.
                pos = start + 1

    @staticmethod
    def _score(rec: PatternRecognizer, score: float, text: str, start: int, end: int) -> float:
        """The pattern's score after the recognizer's own validation; MIN_SCORE means rejected."""
        if start == end:
            return EntityRecognizer.MIN_SCORE
        value = text[start:end]
        validation = rec.validate_result(value)
        if validation is not None:
            score = EntityRecognizer.MAX_SCORE if validation else EntityRecognizer.MIN_SCORE
        if rec.invalidate_result(value):
            score = EntityRecognizer.MIN_SCORE
        if rec.supported_entities[0] == "URL" and not _plausible_url(text, start, end):
            score = EntityRecognizer.MIN_SCORE
        if rec.supported_entities[0] == "IP_ADDRESS" and not _identifying_ip(value):
            score = EntityRecognizer.MIN_SCORE
        return score


# A number found next to its own name ("PESEL 44051401359") is as certain as a checksum says.
_NATIONAL_ID_SCORE = threshold("presidio_national_id_score")


# Addresses that name no one: well-known public DNS resolvers (Google, Cloudflare, Quad9, OpenDNS).
# Loopback, unspecified and broadcast addresses and netmasks are recognised by shape below.
PUBLIC_SERVICE_IPS = frozenset(
    "8.8.8.8 8.8.4.4 1.1.1.1 1.0.0.1 9.9.9.9 149.112.112.112 208.67.222.222 208.67.220.220 "
    "2001:4860:4860::8888 2001:4860:4860::8844 2606:4700:4700::1111 2606:4700:4700::1001".split()
)


def _identifying_ip(value: str) -> bool:
    """False for addresses that identify no host of anyone's: loopback (127.0.0.1, ::1), unspecified
    (0.0.0.0), broadcast, netmasks (255.255.255.0) and public DNS resolvers. Private ranges stay
    identifying: they are a company's internal hosts."""
    try:
        ip = ipaddress.ip_address(value.strip("[]"))
    except ValueError:
        return True  # Presidio's pattern matched something ipaddress does not parse: keep it redacted
    if ip.is_loopback or ip.is_unspecified or str(ip) in PUBLIC_SERVICE_IPS:
        return False
    if ip.version == 4:
        bits = int(ip)
        inverted = ~bits & 0xFFFFFFFF
        if bits >> 24 == 0xFF and inverted & (inverted + 1) == 0:  # 255.x.y.z with contiguous ones
            return False
    return True


# A container image pinned by digest: "registry.example.com/app@sha256:<hex>". The digest names an image, not a
# person; the registry host before it stays a URL (or an internal host).
_IMAGE_DIGEST = re.compile(r"@sha(?:256|384|512):[0-9a-f]{32,128}", re.IGNORECASE)


def _strip_quotes(text: str, start: int, end: int) -> tuple[int, int]:
    """Presidio's URL pattern may take in the quotes around a URL in code, or an image digest: leave them out."""
    digest = _IMAGE_DIGEST.search(text, start, end)
    if digest is not None and digest.start() > start:
        end = digest.start()
    while end - start > 1 and text[start] in "\"'<(":
        start += 1
    while end - start > 1 and text[end - 1] in "\"'>)":
        end -= 1
    return start, end


def _finding_key(f: Finding) -> tuple[int, int, str, str, float]:
    return (f.start, f.end, f.entity_type, f.detector, f.score)


@register_detector("presidio")
def _build(config: ScrublineConfig) -> Detector:
    return PresidioPatternDetector(default_recognizers(), config.limits.detection_timeout_seconds)
