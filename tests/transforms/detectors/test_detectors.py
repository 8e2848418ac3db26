"""Table-driven tests for the dictionary, pattern, Presidio and (blank-pipeline) NER detectors."""

from __future__ import annotations

import itertools
import random

import pytest
import re2
import spacy

from transforms.config import NlpConfig, PatternConfig
from transforms.detectors.ner import SpacyNerDetector
from transforms.detectors.patterns import ConfigPatternDetector
from transforms.detectors.presidio import PresidioPatternDetector, default_recognizers
from transforms.detectors.terms import InternalDomainDetector, ProprietaryTermDetector, lower_same_length


def spans(detector, text: str) -> list[tuple[str, str]]:
    (found,) = detector.detect([text])
    return [(f.entity_type, text[f.start : f.end]) for f in found]


TERMS = ProprietaryTermDetector({"CODENAME": ["Bluefin", "Nightjar"], "CUSTOMER": ["Hexacore Logistics"]})


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Bluefin ships", [("CODENAME", "Bluefin")]),
        ("BLUEFIN and bluefin", [("CODENAME", "BLUEFIN"), ("CODENAME", "bluefin")]),
        ("Bluefin's launch", [("CODENAME", "Bluefin")]),
        ("for hexacore logistics.", [("CUSTOMER", "hexacore logistics")]),
        ("Bluefins and xBluefin and bluefin_2", []),
        ("(Nightjar)", [("CODENAME", "Nightjar")]),
        ("İstanbul Bluefin", [("CODENAME", "Bluefin")]),  # a char that lower()s to two keeps offsets
        ("", []),
    ],
)
def test_proprietary_terms(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(TERMS, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("for HEXACORE\nLOGISTICS and Bluefin", [("CUSTOMER", "HEXACORE\nLOGISTICS"), ("CODENAME", "Bluefin")]),
        (
            "a\n\n  b Bluefin x  hexacore \n\t logistics's",
            [("CODENAME", "Bluefin"), ("CUSTOMER", "hexacore \n\t logistics")],
        ),
        ("xhexacore\nlogistics", []),
        ("\n\nBluefin\n\nNightjar\n", [("CODENAME", "Bluefin"), ("CODENAME", "Nightjar")]),
    ],
)
def test_a_term_wrapped_over_lines_or_blanks_is_found(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(TERMS, text) == expected


def test_wrapped_terms_map_back_to_exact_offsets() -> None:
    rng = random.Random(5)
    blanks = [" ", "  ", "\n", "\r\n", "\t", " \n  "]
    for _ in range(200):
        words = [rng.choice(["x", "Hexacore", "Logistics", "bluefin", "y"]) for _ in range(12)]
        text = "".join(w + rng.choice(blanks) for w in words)
        found = spans(TERMS, text)
        for _entity, value in found:
            assert " ".join(value.split()).casefold() in ("hexacore logistics", "bluefin"), value
        pairs = sum(a == "Hexacore" and b == "Logistics" for a, b in itertools.pairwise(words))
        assert [e for e, _ in found].count("CUSTOMER") == pairs
        assert [e for e, _ in found].count("CODENAME") == words.count("bluefin")


@pytest.mark.parametrize("segment", [5, 11, 16, 1 << 20])
def test_terms_across_segment_edges_are_found_once(segment: int, monkeypatch: pytest.MonkeyPatch) -> None:
    import transforms.detectors.terms as terms

    monkeypatch.setattr(terms, "_SEGMENT_CHARS", segment)
    text = "x Bluefin,Hexacore\n  Logistics bluefin xbluefin Nightjar\tHEXACORE LOGISTICS."
    assert spans(TERMS, text) == [
        ("CODENAME", "Bluefin"),
        ("CUSTOMER", "Hexacore\n  Logistics"),
        ("CODENAME", "bluefin"),
        ("CODENAME", "Nightjar"),
        ("CUSTOMER", "HEXACORE LOGISTICS"),
    ]


def test_many_terms_one_automaton() -> None:
    terms = {"CUSTOMER": [f"Customer{i:05d} Ltd" for i in range(20_000)]}
    detector = ProprietaryTermDetector(terms)
    assert spans(detector, "paid by customer19999 ltd today") == [("CUSTOMER", "customer19999 ltd")]


def test_lower_same_length() -> None:
    assert lower_same_length("ABC") == "abc"
    assert len(lower_same_length("İx")) == 2


DOMAINS = InternalDomainDetector(["corp.example.net"])


@pytest.mark.parametrize(
    "text, expected",
    [
        ("see https://wiki.corp.example.net/x?y=1.", [("INTERNAL_URL", "https://wiki.corp.example.net/x?y=1")]),
        ("mail a.b@corp.example.net", [("EMAIL_ADDRESS", "a.b@corp.example.net")]),
        ("host build01.CORP.example.net, up", [("INTERNAL_HOST", "build01.CORP.example.net")]),
        ("not evilcorp.example.net or mycorp.example.net", []),
        ("ssh://deploy@git.corp.example.net:22/repo", [("INTERNAL_URL", "ssh://deploy@git.corp.example.net:22/repo")]),
    ],
)
def test_internal_domains(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(DOMAINS, text) == expected


def _one_pattern_over_the_whole_text(domains: list[str], text: str) -> list[tuple[str, int, int, str]]:
    """The detector as it was before it looked for domains first: one RE2 pattern with every domain."""
    alternation = "|".join(re2.escape(d.lower()) for d in sorted(set(domains)))
    host = rf"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*(?:{alternation})"
    url = rf"[a-z][a-z0-9+.-]*://(?:[^\s/@]+@)?{host}(?::\d+)?(?:[/?#][^\s<>\"'`]*)?"
    email = rf"[a-z0-9!#$%&'*+/=?^_`{{|}}~.-]+@{host}"
    pattern = re2.compile(rf"(?i)(?P<url>{url})|(?P<email>{email})|(?P<host>{host})(?:[^a-z0-9-]|$)")
    found = []
    for match in pattern.finditer(text):
        for group, entity in (("url", "INTERNAL_URL"), ("email", "EMAIL_ADDRESS"), ("host", "INTERNAL_HOST")):
            start, end = match.span(pattern.groupindex[group])
            if start < 0:
                continue
            if group == "url":
                while end > start and text[end - 1] in ".,;:!?)]}":
                    end -= 1
            if group == "host" and start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-."):
                continue
            found.append((entity, start, end, group))
            break
    return found


def test_internal_domains_find_what_one_pattern_over_the_whole_text_finds() -> None:
    domains = ["corp.example.net", "example.net", "ex.io", "a-b.c", "Sales.Example"]
    pieces = list("abcxyz.-@:/ \t\n\v\f\r?#=_,;!)(\"'<>`09\u00a0\u2028K")
    pieces += ["corp.example.net", "ex.io", "example.net", "a-b.c", "sales.example", "https://", "git@", "CORP."]
    rnd = random.Random(11)
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 40)))
        chosen = rnd.sample(domains, rnd.randint(1, len(domains)))
        (found,) = InternalDomainDetector(chosen).detect([text])
        expected = _one_pattern_over_the_whole_text(chosen, text)
        assert [(f.entity_type, f.start, f.end, f.detector.split(".")[1]) for f in found] == expected, (chosen, text)


def test_many_internal_domains_and_a_domain_across_a_segment_boundary() -> None:
    detector = InternalDomainDetector([f"site{i:05d}.corp.example" for i in range(20_000)])
    text = "x" * ((1 << 20) - 30) + " mail ops@build.site19999.corp.example now"  # the domain spans 1 MiB
    (found,) = detector.detect([text])
    assert [(f.entity_type, text[f.start : f.end]) for f in found] == [
        ("EMAIL_ADDRESS", "ops@build.site19999.corp.example")
    ]
    assert spans(detector, "see site00001.corp.example.") == [("INTERNAL_HOST", "site00001.corp.example")]
    assert spans(detector, "see site1.corp.example") == []


def test_config_patterns() -> None:
    detector = ConfigPatternDetector([PatternConfig(entity="TICKET_ID", regex=r"\bOPS-\d{4,}\b", score=0.9)])
    assert spans(detector, "see OPS-1234 and OPS-12") == [("TICKET_ID", "OPS-1234")]


PRESIDIO = PresidioPatternDetector(default_recognizers(), timeout_seconds=10)


@pytest.mark.parametrize(
    "text, entity, value",
    [
        ("mail john.doe@example.com today", "EMAIL_ADDRESS", "john.doe@example.com"),
        ("card 4111 1111 1111 1111 ok", "CREDIT_CARD", "4111 1111 1111 1111"),
        ("iban GB82WEST12345698765432 ok", "IBAN_CODE", "GB82WEST12345698765432"),
        ("from 192.0.2.17 yes", "IP_ADDRESS", "192.0.2.17"),
        ("call (555) 010-1234 now", "PHONE_NUMBER", "(555) 010-1234"),
        ("see https://example.com/u/jdoe", "URL", "https://example.com/u/jdoe"),
    ],
)
def test_presidio_recognizers(text: str, entity: str, value: str, no_network) -> None:
    assert (entity, value) in spans(PRESIDIO, text)
    assert no_network == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("my iban is de40760260004731902855", ["de40760260004731902855"]),
        ("iban: gb82 west 1234 5698 7654 32.", ["gb82 west 1234 5698 7654 32"]),
        ("IBAN DE40 7602 6000 4731 9028 55", ["DE40 7602 6000 4731 9028 55"]),
        ("id Gb82West12345698765432 in code", []),  # mixed case: an identifier, not an IBAN
        ("de40760260004731902856", []),  # the checksum fails
    ],
)
def test_ibans_in_either_case(text: str, expected: list[str]) -> None:
    assert [v for e, v in spans(PRESIDIO, text) if e == "IBAN_CODE"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Aadhaar: 4991 1866 5246", ["4991 1866 5246"]),
        ("PESEL 44051401359", ["44051401359"]),
        ("DNI 47382915V", ["47382915V"]),
        ("NIE X1234567L", ["X1234567L"]),
        ("codice fiscale RSSMRA85T10A562S", ["RSSMRA85T10A562S"]),
        ("henkilötunnus 230874-215A", ["230874-215A"]),
        ("NRIC S1234567D", ["S1234567D"]),
        ("NHS number 943 476 5919", ["943 476 5919"]),
        ("personnummer 811228-9874", ["811228-9874"]),
        ("TC kimlik no 38526149750", ["38526149750"]),
        ("South African ID number 8503126123087", ["8503126123087"]),
        ("Tax File Number: 123 456 782", ["123 456 782"]),
        ("4991 1866 5246 (Aadhaar)", ["4991 1866 5246"]),  # the label after the number
        ("order 4991 1866 5246", []),  # a valid checksum, but nothing says it is an ID
        ("id 4991 1866 5246", []),  # "id" alone vouches for nothing
        ("id 8503126123087", ["8503126123087"]),  # but a South African ID's birth date and Luhn digit do
        ("PESEL 44051401358", []),  # the check digit fails
    ],
)
def test_national_ids_need_their_checksum_and_their_name_nearby(text: str, expected: list[str]) -> None:
    assert [v for e, v in spans(PRESIDIO, text) if e == "NATIONAL_ID"] == expected


def test_an_image_digest_is_not_part_of_the_registry_url() -> None:
    digest = "sha256:" + "d9af1e457a435008" * 4
    text = f"image: registry.example.org/orders-api@{digest}\n"
    assert [(e, v) for e, v in spans(PRESIDIO, text) if e == "URL"] == [("URL", "registry.example.org/orders-api")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Port the service from ASP.NET to Go", []),  # a product of the .NET family, not a host
        ("Parse it with Json.NET, or json.net in lower case", []),
        ("Convert the column with as.Date first", []),  # a top-level domain written with a capital: code
        ("Mail the files to example.net or WWW.EXAMPLE.NET", ["example.net", "WWW.EXAMPLE.NET"]),
    ],
)
def test_code_and_product_names_are_no_hosts(text: str, expected: list[str]) -> None:
    assert [v for e, v in spans(PRESIDIO, text) if e == "URL"] == expected


def test_presidio_invalid_card_is_dropped() -> None:
    assert [e for e, _ in spans(PRESIDIO, "card 4111 1111 1111 1112")].count("CREDIT_CARD") == 0


def test_presidio_regex_timeout_raises_instead_of_skipping() -> None:
    from presidio_analyzer import Pattern, PatternRecognizer

    from transforms.detectors.base import DetectionTimeout

    evil = PatternRecognizer("EVIL", patterns=[Pattern("evil", r"(x+x+)+y", 0.9)], name="Evil")
    detector = PresidioPatternDetector([evil], timeout_seconds=0.05)
    with pytest.raises(DetectionTimeout):
        detector.detect(["x" * 5000])


def _ruler_nlp() -> object:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PERSON", "pattern": [{"LOWER": "ada"}, {"LOWER": "lovelace"}]}])
    return nlp


def test_ner_detector_maps_labels_and_chunks_across_boundaries() -> None:
    cfg = NlpConfig(chunk_chars=1000, chunk_overlap=100)
    detector = SpacyNerDetector(_ruler_nlp(), cfg)
    filler = "word " * 180  # 900 chars
    text = filler + "Ada Lovelace " + filler + "ada lovelace " + filler
    found = detector.detect([text, "Ada Lovelace"])
    assert [(f.entity_type, text[f.start : f.end]) for f in found[0]] == [
        ("PERSON", "Ada Lovelace"),
        ("PERSON", "ada lovelace"),
    ]
    assert [(f.start, f.end, f.detector) for f in found[1]] == [(0, 12, "spacy_ner.PERSON")]
    # Every boundary position: the entity is found whole exactly once.
    for offset in range(850, 1000, 7):
        t = "x" * offset + " Ada Lovelace " + "y" * 1500
        assert [(t[f.start : f.end]) for f in detector.detect([t])[0]] == ["Ada Lovelace"], offset


def test_ner_short_text_matches_unchunked() -> None:
    nlp = _ruler_nlp()
    text = "Then Ada Lovelace wrote to ada lovelace."
    chunked = SpacyNerDetector(nlp, NlpConfig(chunk_chars=1000, chunk_overlap=100)).detect([text])[0]
    direct = [(e.start_char, e.end_char) for e in nlp(text).ents]
    assert [(f.start, f.end) for f in chunked] == direct


@pytest.mark.parametrize(
    "text, ordinary",
    [
        ("Python", True),
        ("Q3", True),
        ("Power BI", True),
        ("Excel 2019", True),
        ("Kubernetes,", True),
        ("Ada Lovelace", False),
        ("Hexacore Logistics", False),
        ("Microsoft Teams", True),
        ("June Carter", False),
    ],
)
def test_ordinary_vocabulary(text: str, ordinary: bool) -> None:
    from transforms.lexicon.vocabulary import is_ordinary_vocabulary

    assert is_ordinary_vocabulary(text) is ordinary


def test_ner_ignores_ordinary_vocabulary() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "ORG", "pattern": "Excel"}, {"label": "PERSON", "pattern": "Ada"}])
    detector = SpacyNerDetector(nlp, NlpConfig())
    text = "Ada uses Excel"
    assert [(f.entity_type, text[f.start : f.end]) for f in detector.detect([text])[0]] == [("PERSON", "Ada")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("call (555) 010-1234 or +44 20 7946 0958 or 030 901820", ["(555) 010-1234", "+44 20 7946 0958", "030 901820"]),
        ("ring 020 7946 0958 today", ["020 7946 0958"]),
        ("born 1984-01-15 at 13:16:12, host 203.0.113.7", []),
        ("call 555-010-1234 4111 1111 1111 1111", ["555-010-1234"]),
    ],
)
def test_multi_region_phone_numbers(text: str, expected: list[str]) -> None:
    from transforms.detectors.presidio import PHONE_REGIONS, MultiRegionPhoneRecognizer

    found = MultiRegionPhoneRecognizer(supported_regions=PHONE_REGIONS).find(text)
    assert [text[s:e] for s, e in sorted(found)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("proxy_pass http://127.0.0.1:8000; listen 0.0.0.0:80", []),  # loopback and unspecified
        ("netmask 255.255.255.0, 255.255.0.0 and broadcast 255.255.255.255", []),
        ("resolvers 8.8.8.8 and 1.1.1.1", []),  # public DNS services name no one
        ("db at 10.1.2.3, router 192.168.0.12, client 81.2.69.160", ["10.1.2.3", "192.168.0.12", "81.2.69.160"]),
        ("not a netmask: 255.255.13.0", ["255.255.13.0"]),
        ("link-local fe80::1ff:fe23:4567:890a", ["fe80::1ff:fe23:4567:890a"]),
    ],
)
def test_ip_addresses_that_identify_no_host_are_kept(text: str, expected: list[str]) -> None:
    detector = PresidioPatternDetector(default_recognizers(), 10.0)
    found = [f for f in detector.detect([text])[0] if f.entity_type == "IP_ADDRESS"]
    assert [text[f.start : f.end] for f in found] == expected
