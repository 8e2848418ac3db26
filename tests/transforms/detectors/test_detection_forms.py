"""Tricky forms of personal data and of ordinary text, detector by detector (no trained model needed)."""

from __future__ import annotations

import pytest

from tests.fakes import FakeNlp
from transforms.detectors.context import ContextDetector
from transforms.detectors.names import NameListDetector
from transforms.detectors.ner import entity_pieces
from transforms.detectors.presidio import _plausible_url
from transforms.lexicon.names import load_name_lists
from transforms.lexicon.vocabulary import is_ordinary_vocabulary

CONTEXT = ContextDetector()
NAMES = NameListDetector(*load_name_lists())


def context(text: str, entity: str) -> list[str]:
    (found,) = CONTEXT.detect([text])
    return [text[f.start : f.end] for f in found if f.entity_type == entity]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Flat 9, 175 Kings Road, Leeds LS6 1GF", "Flat 9, 175 Kings Road, Leeds LS6 1GF"),
        ("Unit 14, 262 Beach Road, Fortitude Valley QLD 4006", "Unit 14, 262 Beach Road, Fortitude Valley QLD 4006"),
        ("10 Downing Street, London SW1A 2AA", "10 Downing Street, London SW1A 2AA"),
        ("post it to 227 Queensway, Manchester M1 1LF.", "227 Queensway, Manchester M1 1LF"),
        ("Flat 1\n142 Queensway\nEdinburgh\nEH3 8HL\n", "Flat 1\n142 Queensway\nEdinburgh\nEH3 8HL"),
        ("Am Waldrand 77, 50586 Köln (the", "Am Waldrand 77, 50586 Köln"),
        ("lives at Hauptstraße\n120a, 60460 Frankfurt am Main.", "Hauptstraße\n120a, 60460 Frankfurt am Main"),
        ("x,'108 bis rue Victor Hugo, 69005 Lyon',NULL", "108 bis rue Victor Hugo, 69005 Lyon"),
        ("6\nbis place Bellecour, 13073 Marseille.", "6\nbis place Bellecour, 13073 Marseille"),
        (
            "Flat 207, Sunrise Enclave, 14th Cross Road,\nIndiranagar, Bengaluru, Karnataka 560040 (the",
            "Flat 207, Sunrise Enclave, 14th Cross Road,\nIndiranagar, Bengaluru, Karnataka 560040",
        ),
    ],
)
def test_street_addresses_in_several_countries_formats(text: str, expected: str) -> None:
    found = context(text, "STREET_ADDRESS")
    assert max(found, key=len) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Send it to PSC 2951, Box 4068\nAPO AE 09417", "PSC 2951, Box 4068\nAPO AE 09417"),
        ("Post it to PSC 7702, Box 115\nAPO AP 96310", "PSC 7702, Box 115\nAPO AP 96310"),
        ("it is USNS Harmon\nFPO AP 96517.", "USNS Harmon\nFPO AP 96517"),
        ("Hi\n\nKirkkotie 14\n Apt. 052\n Raahe\n\nThanks", "Kirkkotie 14\n Apt. 052\n Raahe"),
        ("at Via Garibaldi 58 Suite 310 today", "Via Garibaldi 58 Suite 310"),
    ],
)
def test_military_mail_and_street_lines_with_a_unit(text: str, expected: str) -> None:
    assert max(context(text, "STREET_ADDRESS"), key=len) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Windows 10, 2019 Server",
        "We ship Python 3, 2024 Edition",
        "Version 2, 1000 Users",
        "Python 3 Suite 5",
        "we moved to version 2 unit 3 today",
    ],
)
def test_version_numbers_are_not_addresses(text: str) -> None:
    assert context(text, "STREET_ADDRESS") == []


@pytest.mark.parametrize(
    "text, entity, expected",
    [
        ("# wiki.corp.example.net:5432:orders:linh.v:t.6JcUb_n9nQ\n", "USERNAME", ["linh.v"]),
        ("# wiki.corp.example.net:5432:orders:linh.v:t.6JcUb_n9nQ\n", "PASSWORD", ["t.6JcUb_n9nQ"]),
        ("Host build\n  HostName x\n  User emre.y\n  ProxyJump bastion\n", "USERNAME", ["emre.y"]),
        ("# deploy key for jenkins — added by huong_d\n", "USERNAME", ["huong_d"]),
        ("the page was added by John yesterday", "USERNAME", []),
        ("[01/03/2024, 18:19] Irina Petrova: hi", "PERSON", ["Irina Petrova"]),
        ("Thank you, Mrs Do. And", "PERSON", ["Do"]),
        ("Employee: Nowak, Małgorzata\nJob title: x", "PERSON", ["Nowak", "Nowak, Małgorzata"]),
        ("The contract with Summit Capital Inc. is signed.", "ORGANIZATION", ["Summit Capital Inc."]),
    ],
)
def test_context_forms(text: str, entity: str, expected: list[str]) -> None:
    assert context(text, entity) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Pooja Banerjee\nSolutions Architect", ["Pooja Banerjee"]),
        ('Acme Ltd",QA Lead,2024-04-06', ["Acme Ltd"]),
        ('UUID("32950bc6', []),
        ("Call ID 109101", []),
        ("Hi Thiago", ["Thiago"]),
        ("Mr Do", ["Do"]),
        ("June Carter", ["June Carter"]),
        ("Linux (x86_64", []),
        ("Bluefin (v1.23.4", ["Bluefin"]),
        ("Østergade 17", ["Østergade 17"]),
        ("7 Silver Pines Inc", ["7 Silver Pines Inc"]),
        ("Copperfield Retail K.K.", ["Copperfield Retail K.K."]),
        (
            "Natalia Kuznetsov, Solutions Architect\nSigned for the Contractor: Haruto Yamamoto",
            ["Natalia Kuznetsov", "Haruto Yamamoto"],
        ),
        ("Skills\nPower BI", []),
        ("check_password", []),
    ],
)
def test_ner_entities_are_cut_at_structure_and_trimmed(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in entity_pieces(text)] == expected


@pytest.mark.parametrize(
    "text, ordinary",
    [
        ("Account Executive", True),
        ("Customer Success Manager", True),
        ("Staff Data Scientist", True),
        ("IBAN", True),
        ("NHS number", True),  # the names of identity numbers label a form field
        ("Aadhaar", True),
        ("Redis Sentinel", True),
        ("Pipenv", True),
        ("varchar", True),
        ("Tableau Software", False),
        ("Amazon Web Services", False),
        ("Forrester Research", False),
        ("Grant", False),
    ],
)
def test_job_titles_and_form_words_are_vocabulary_but_companies_are_not(text: str, ordinary: bool) -> None:
    assert is_ordinary_vocabulary(text) is ordinary


@pytest.mark.parametrize(
    "text, expected",
    [
        ("- [ ] Chase the vendor today", []),
        ("Chase Utley called", ["Chase Utley"]),
        ("conn = psycopg2.connect()", []),
        ("import boto3", []),
        ("sha256:2eef76fa0dac9e eda739c6", []),
        ("thanks svetlana", ["svetlana"]),
    ],
)
def test_name_list_skips_code_hashes_and_imperatives(text: str, expected: list[str]) -> None:
    (found,) = NAMES.detect([text])
    assert [text[f.start : f.end] for f in found] == expected


@pytest.mark.parametrize(
    "text, start, end, plausible",
    [
        ("conn = psycopg2.connect(host)", 7, 18, False),  # "psycopg2.co" inside a word
        ("res.sendStatus(204)", 0, 6, False),
        ('"resolved": "https://registry.npmjs.org/x/-/x-1.0.0.tgz"', 13, 56, False),
        ("machine api.github.com login", 8, 22, False),
        ("see https://api.github.com/users/jdoe", 4, 37, True),
        ("profile: linkedin.com/in/adalovelace", 9, 36, True),
        ("mail me at ada.dev please", 11, 18, True),
        # A degree abbreviation written with dots is no host under .tech or .com.
        ("B.Tech in Civil Engineering", 0, 6, False),
        ("EDUCATION: B.Com, 2012", 11, 16, False),
        ("studied for a B.com at night", 14, 19, False),
    ],
)
def test_url_plausibility(text: str, start: int, end: int, plausible: bool) -> None:
    assert _plausible_url(text, start, end) is plausible


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Hi Thiago. Yes, thanks", ["Thiago"]),
        ("heyy adaeze!! are you joining", ["adaeze"]),
        ("Please loop in\nifeoma (i@x.io) as she owns it", ["ifeoma"]),
        ("- [ ] Adaeze to migrate the tracker", ["Adaeze"]),
        ("- [ ] javier to book the room", ["javier"]),
        ("Hello Sabine and Emeka,", ["Sabine", "Emeka"]),
        ("Notices go to Emeka Ibrahim at", ["Emeka Ibrahim"]),
        ("Hi Do-yun, Seo-yeon Choi shared it", ["Do-yun", "Seo-yeon Choi"]),
        ("venkatesh gupta from finance", ["venkatesh gupta"]),
        ("there.\n\nPlease loop in dmitri (dmitri@x.io) as", ["dmitri"]),
        ("Hi team, hi all, thanks everyone", []),
        ("    return conn\n", []),
        ("So-so and ha-ha", []),
    ],
)
def test_names_after_cues_korean_given_names_and_surnames(text: str, expected: list[str]) -> None:
    (found,) = NAMES.detect([text])
    assert [text[f.start : f.end] for f in found] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("BSc Computer Science, University of Toronto\n", ["University of Toronto"]),
        ("Science, Technische Universität München\n", ["Technische Universität München"]),
        ("Universidad Complutense de Madrid\n", ["Universidad Complutense de Madrid"]),
        ("**Director**, Zhou und Söhne GmbH (2013", ["Zhou und Söhne GmbH"]),
        ("Emi\nEngineering Manager\nCrescent Insurance Inc.\nT: 1", ["Crescent Insurance Inc."]),
        ("x" * 60 + " between Veridian\nAnalytics, with", ["Veridian\nAnalytics"]),
        ("Pooja Banerjee\nSolutions Architect", []),
        ("ends in April. Our Senior Software team", []),
        ("our Data Analytics team", []),
        ("The Group met", []),
    ],
)
def test_organisations_with_sector_words_institutions_and_wrapped_lines(text: str, expected: list[str]) -> None:
    assert context(text, "ORGANIZATION") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("INSERT INTO a (login, created) VALUES ('m.dufresne','2024-01-02');", []),
        ("INSERT INTO payroll VALUES ('Ada', 133000);", []),
        ("call me on +44 7911 123456 tomorrow", ["+44 7911 123456"]),
    ],
)
def test_dates_and_bare_numbers_are_not_phone_numbers(text: str, expected: list[str]) -> None:
    from transforms.detectors.presidio import PHONE_REGIONS, MultiRegionPhoneRecognizer

    found = MultiRegionPhoneRecognizer(supported_regions=PHONE_REGIONS).find(text)
    assert [text[s:e] for s, e in sorted(found)] == expected
    assert context(text, "PHONE_NUMBER") == expected


def test_a_name_does_not_run_into_a_common_word_on_the_next_line() -> None:
    text = "Employee: Kowalczyk, Agnieszka\nJob title: Head of Finance\nMaría\nSánchez"
    (found,) = NAMES.detect([text])
    assert [text[f.start : f.end] for f in found] == ["Agnieszka", "María\nSánchez"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Personal Info:\nPhone:\n694 2158\n\nE-mail:", ["694 2158"]),
        ("40517\n31-72-45-09 office\n+447700900417 mobile", ["31-72-45-09", "+447700900417"]),
        ("Desk: +1-615-382-9071x214\n", ["+1-615-382-9071x214"]),
        ("The meeting at 10 office hours", []),
        ("in 2024 we had 1 200 000 home users", []),
    ],
)
def test_phone_numbers_with_the_label_on_the_line_before_or_after(text: str, expected: list[str]) -> None:
    assert context(text, "PHONE_NUMBER") == expected


@pytest.mark.parametrize(
    "text, entity, expected",
    [
        ("I work for Quillbyte", "ORGANIZATION", ["Quillbyte"]),
        ("He is the CEO of Lexisnexis.", "ORGANIZATION", ["Lexisnexis"]),
        ("an engineer at Zillow since 2019", "ORGANIZATION", ["Zillow"]),
        ("Director of Human Resources", "ORGANIZATION", []),
        ("President of the United States", "ORGANIZATION", []),
        ("Head of Growth EMEA", "ORGANIZATION", []),
        ("I used to work for Microsoft as an engineer", "ORGANIZATION", ["Microsoft"]),
        ("spent a year at Brindlecore as", "ORGANIZATION", ["Brindlecore"]),
        ("I work for 3 Rivers Trading Inc", "ORGANIZATION", ["3 Rivers Trading Inc"]),
        ("in 2024 Acme Group", "ORGANIZATION", ["Acme Group"]),
        ("worked at Monday standups", "ORGANIZATION", []),
        ("Working at Home Office today", "ORGANIZATION", []),
        ("everyone calls me Tinus", "PERSON", ["Tinus"]),
    ],
)
def test_employers_and_nicknames_after_cues(text: str, entity: str, expected: list[str]) -> None:
    assert context(text, entity) == expected


def test_a_middle_initial_does_not_end_a_name() -> None:
    text = "Nadia R. Whitfield said"
    (found,) = NAMES.detect([text])
    assert [text[f.start : f.end] for f in found] == ["Nadia R. Whitfield"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # USPS Publication 28: suffixes beyond Street/Avenue, ordinal names, directionals, units, ZIP+4.
        ("Mail it: 350 5th Ave, New York, NY 10118-0110", ["350 5th Ave, New York, NY 10118-0110"]),
        (
            "HQ: 1600 Pennsylvania Avenue NW, Washington, DC 20500",
            ["1600 Pennsylvania Avenue NW, Washington, DC 20500"],
        ),
        (
            "Visit 55 Hunters Point, Ste 3, Portland, Oregon 97282-2819 soon",
            ["55 Hunters Point, Ste 3, Portland, Oregon 97282-2819"],
        ),
        ("at 12 Mill Creek Crossing Bldg 4 today", ["12 Mill Creek Crossing Bldg 4"]),
        ("Suite 210, 88 Harbor Plaza, Austin, TX 78701", ["Suite 210, 88 Harbor Plaza, Austin, TX 78701"]),
        ("#5, 4095 Maple Avenue", ["#5, 4095 Maple Avenue"]),
        ("12 Harbour View, Rio de Janeiro, RJ", ["12 Harbour View, Rio de Janeiro, RJ"]),
        ("2027 Prospect St, OULU, Finland", ["2027 Prospect St, OULU, Finland"]),
        # Post-office boxes and rural delivery.
        ("P.O. Box 1234, Springfield, IL 62704", ["P.O. Box 1234, Springfield, IL 62704"]),
        ("PO Box 7080\nDenver, CO 80255", ["PO Box 7080\nDenver, CO 80255"]),
        ("RR 2 Box 152, Boise, ID 83702", ["RR 2 Box 152, Boise, ID 83702"]),
        ("HC\n8 Box 321", ["HC\n8 Box 321"]),
        ("Postfach 10 01 23", ["Postfach 10 01 23"]),
        ("GPO Box 88, Sydney NSW 2001", ["GPO Box 88, Sydney NSW 2001"]),
        # Canada Post, Australia Post.
        ("100 Queen St W, Toronto, ON M5H 2N2", ["100 Queen St W, Toronto, ON M5H 2N2"]),
        ("29-455 Rue Sainte-Catherine, Vancouver, BC V6B 4H8", ["29-455 Rue Sainte-Catherine, Vancouver, BC V6B 4H8"]),
        ("Level 3, 123 George St, Sydney NSW 2000", ["Level 3, 123 George St, Sydney NSW 2000"]),
        ("Unit 1, 187 Beach Road, Fortitude Valley QLD\n4006", ["Unit 1, 187 Beach Road, Fortitude Valley QLD\n4006"]),
        # Street word after the name (DE, AT, NL, Nordic, FI, HU), before it (IT, ES, PT, PL).
        ("Grazer Strasse 41", ["Grazer Strasse 41"]),
        ("Magasinsgatan 7, 111 22 Stockholm", ["Magasinsgatan 7, 111 22 Stockholm"]),
        ("Keizersgracht 123, 1015 CJ Amsterdam", ["Keizersgracht 123, 1015 CJ Amsterdam"]),
        ("Karl Johans gate 22, 0159 Oslo", ["Karl Johans gate 22, 0159 Oslo"]),
        ("Mannerheimintie 71B, 00100 Helsinki", ["Mannerheimintie 71B, 00100 Helsinki"]),
        ("Petőfi u. 23", ["Petőfi u. 23"]),
        ("Via Giuseppe Garibaldi 12, 00184 Roma", ["Via Giuseppe Garibaldi 12, 00184 Roma"]),
        ("Calle de Alcalá 45, 3º, 28014 Madrid", ["Calle de Alcalá 45, 3º, 28014 Madrid"]),
        ("Rua Augusta 120", ["Rua Augusta 120"]),
        ("ul. Długa 128/1,\n31-570 Kraków", ["ul. Długa 128/1,\n31-570 Kraków"]),
        # Wrapped at the end of a line (plain-text e-mail).
        ("Kungsvägen\n39, 661 19 Stockholm", ["Kungsvägen\n39, 661 19 Stockholm"]),
        ("Unit 19, 70 George\nStreet, Glenelg SA 5045", ["Unit 19, 70 George\nStreet, Glenelg SA 5045"]),
        ("6797 Pine Street, Columbus, Ohio\n43245-7024", ["6797 Pine Street, Columbus, Ohio\n43245-7024"]),
        (
            "lives at Bldg\n16, 906 Hillcrest Drive, Austin, TX 78719.",
            ["Bldg\n16, 906 Hillcrest Drive, Austin, TX 78719"],
        ),
        ("lives at ul.\nMarszałkowska 46/18, 31-914 Kraków.", ["ul.\nMarszałkowska 46/18, 31-914 Kraków"]),
        (
            "+1 · Suite 249, 248 Rue Sainte-Catherine, Ottawa, ON K1A 6J1 · x",
            ["Suite 249, 248 Rue Sainte-Catherine, Ottawa, ON K1A 6J1"],
        ),
        # Not addresses.
        ("Spring 2024 release notes", []),
        ("the Key Ring 2 model", []),
        ("Smith et al. Nature 2019", []),
        ("Top 10 Easy Ways to cook", []),
        ("Windows 10 Pro Key", []),
    ],
)
def test_street_addresses_in_postal_standard_formats(text: str, expected: list[str]) -> None:
    assert max(context(text, "STREET_ADDRESS"), key=len, default=None) == (expected[0] if expected else None)


def test_a_quoted_address_block_is_one_address() -> None:
    text = "> Ana Lima\n> 61 Wexford Avenue\n> Apt. 312\n> Seatoun Heights\n> New Zealand 6022\n"
    assert context(text, "STREET_ADDRESS") == ["61 Wexford Avenue\n> Apt. 312\n> Seatoun Heights\n> New Zealand 6022"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # Legal forms of many countries, after any capitalised name, without an article before it.
        ("The Fairweather Ltd. choir", ["Fairweather Ltd."]),
        ("signed by Brightwater Systems A/S and", ["Brightwater Systems A/S"]),
        ("Sonne GmbH", ["Sonne GmbH"]),
        # Family firms and partnerships.
        ("Thomas and Sons is a supplier", ["Thomas and Sons"]),
        ("Warner Bros. films", ["Warner Bros."]),
        ("audited by Parker, Lindqvist and Osei last year", ["Parker, Lindqvist and Osei"]),
        ("González, Gómez and Martínez", ["González, Gómez and Martínez"]),
        ("Ernst & Young", ["Ernst & Young"]),
        ("Brown, Taylor and Walsh", ["Brown, Taylor and Walsh"]),
        ("Deniz, Data Analyst, Szymański, Mazur and Kowalczyk", ["Szymański, Mazur and Kowalczyk"]),
        ("Richter\n& Partners LLP", ["Richter\n& Partners LLP"]),
        # Sector nouns that are everyday words need an uncommon name before them.
        ("Veloria Transit", ["Veloria Transit"]),
        # Public bodies.
        ("a letter from the Bank of England", ["Bank of England"]),
        ("Council of Europe", ["Council of Europe"]),
        ("Birmingham City Council decided", ["Birmingham City Council"]),
        ("the Financial Conduct Authority", ["Financial Conduct Authority"]),
        ("the Security Council", []),
        # Not organisations.
        ("Black & White photos", []),
        ("offices in Paris, London and Rome", []),
        ("call Customer Services", []),
        ("book a Travel Agency", []),
        ("the Board of Directors", []),
    ],
)
def test_organisations_with_legal_forms_partners_and_public_bodies(text: str, expected: list[str]) -> None:
    assert context(text, "ORGANIZATION") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Did you see the Timur K Abdullaev concert?", ["Timur K Abdullaev"]),
        ("Zbigniew T Lewandowski lives here", ["Zbigniew T Lewandowski"]),
        ("Timur K. Abdullaev", ["Timur K. Abdullaev"]),
        ("Maria A Team", ["Maria"]),
        ("Anna C Python", ["Anna"]),
    ],
)
def test_a_middle_initial_without_a_full_stop(text: str, expected: list[str]) -> None:
    (found,) = NAMES.detect([text])
    assert [text[f.start : f.end] for f in found] == expected


@pytest.mark.parametrize("phrase", ["Human Resources", "Accounts Payable", "Customer Success", "Public Relations"])
def test_department_names_are_vocabulary(phrase: str) -> None:
    assert is_ordinary_vocabulary(phrase)


@pytest.mark.parametrize(
    "text, expected",
    [
        # A building number written before the house number.
        ("Our new place: 4410 18 Larkspur Way, Greyfield", "4410 18 Larkspur Way, Greyfield"),
        # The town, region, postcode and country after the street on its line, with or without commas.
        (
            "we met at 77 Quarry Road Suite 12, Tamworth, United Kingdom 40213? thanks",
            "77 Quarry Road Suite 12, Tamworth, United Kingdom 40213",
        ),
        ("at 5 Wattle Drive Apt. 3 GUNDAGAI NSW 2722 tomorrow", "5 Wattle Drive Apt. 3 GUNDAGAI NSW 2722"),
        ("at 9 Elm Street Greyfield IL today", "9 Elm Street Greyfield IL"),
        ("at 12 Hill Street Lefkara Cyprus (Kıbrıs) 4521 now", "12 Hill Street Lefkara Cyprus (Kıbrıs) 4521"),
        ("Ship to: 31 Rue Verte Apt. 44 Vallonbrise.", "31 Rue Verte Apt. 44 Vallonbrise"),
        # An address block: a region after its own comma, a postcode alone, a country after a blank line, a
        # sentence that goes on after the last line, a quoting mark other than ">".
        ("Address:\n14 Pine Street\nGreyfield, CO 80123\nThanks", "14 Pine Street\nGreyfield, CO 80123"),
        (
            "Address:\n8 Birch Lane\n Apt. 5\n Holmvik\n\n Norway 4021\n",
            "8 Birch Lane\n Apt. 5\n Holmvik\n\n Norway 4021",
        ),
        ("send to 61 Oak Avenue\nKALMORA, NV 89012, and the rest", "61 Oak Avenue\nKALMORA, NV 89012"),
        ("| 26 Cedar Road\n| Apt. 7\n| Brenmouth\n", "26 Cedar Road\n| Apt. 7\n| Brenmouth"),
        # Street corners.
        ("meet at the corner of 5th Avenue and 42nd Street at noon", "the corner of 5th Avenue and 42nd Street"),
        ("the intersection of Route 9 and Mill Road", "the intersection of Route 9 and Mill Road"),
        # A street without a street word, after a place cue.
        ("The shop is on Vrbova 214, next to the bank", "Vrbova 214"),
    ],
)
def test_address_boundaries_and_tails(text: str, expected: str) -> None:
    assert max(context(text, "STREET_ADDRESS"), key=len) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the intersection of Python and Rust",
        "at the corner of Main and Elm",
        "It runs on Windows 10 now",
        "meet in Room 12, ok",
        "at 12 Main St Tomorrow we leave",
    ],
)
def test_address_rules_stop_at_ordinary_text(text: str) -> None:
    found = context(text, "STREET_ADDRESS")
    assert all(not f.endswith(("Python and Rust", "Main and Elm", "Windows 10", "Room 12", "Tomorrow")) for f in found)


@pytest.mark.parametrize(
    "text, expected",
    [
        # Signature and letterhead blocks: the line above the postal address, passing over the person's name.
        ("Jane Roe\nBrightquill\n12 Main Street\nSpringfield, IL 62704", ["Brightquill"]),
        ("> Jane Roe\n> Velmora Analytics\n> Jane Roe\n> 12 Main Street\n> Apt 4", ["Velmora Analytics"]),
        ("Olga Nowak\nHartley-Crane\nPSC 1234, Box 5678\nAPO AE 09123", ["Hartley-Crane"]),
        ("Jane Roe\nSenior Software Engineer\n12 Main Street", []),
        ("Jane Roe\nEchocardiographer\n12 Main Street", []),
        # Cues in the sentence.
        ("Zentrova is a German multinational in logistics", ["Zentrova"]),
        ("Quillmark was founded in 2009 by two engineers", ["Quillmark"]),
        ("according to the Brightquill website, prices rose", ["Brightquill"]),
        ("The address of Tessaly Labs is 12 Main Street", ["Tessaly Labs"]),
        ("Tom R. Baxter from Zentrova gave the talk", ["Zentrova"]),
        ("Python is a programming language", []),
        ("Uber is a company", ["Uber"]),
        ("the London office is closed", []),
        ("John Smith of London spoke", []),
        ("This is a company we like", []),
    ],
)
def test_organisations_from_signatures_and_sentence_cues(text: str, expected: list[str]) -> None:
    assert [v for v in context(text, "ORGANIZATION") if v in expected or not expected] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("+1 555 010 0123 ext. 88", "+1 555 010 0123 ext. 88"),
        ("Call +1 555 010 0123 x88 today", "+1 555 010 0123 x88"),
        ("reach me: +1 555 010 0123 extension 88", "+1 555 010 0123 extension 88"),
        ("Phone: +1 555 010 0123, ext. 88\n", "+1 555 010 0123, ext. 88"),
        ("Phone: +1 555 010 0123 (ext. 88)\n", "+1 555 010 0123 (ext. 88)"),
        ("Tel: 555-010-0123 extn: 88", "555-010-0123 extn: 88"),
        ("+1 (555) 010-0123 ext. 88", "+1 (555) 010-0123 ext. 88"),
        ("Switchboard +44 (0)20 7946 0958", "+44 (0)20 7946 0958"),
    ],
)
def test_phone_extensions_are_inside_the_phone_span(text: str, expected: str) -> None:
    assert max(context(text, "PHONE_NUMBER"), key=len) == expected


@pytest.mark.parametrize(
    "text",
    ["Version +1.2.3 and +100 items", "+1 2024 2025", "Date: Tue, 12 Mar 2024 11:58:03 +0300 (UTC)", "diff +12 -3"],
)
def test_plus_signs_that_are_not_phone_numbers(text: str) -> None:
    assert context(text, "PHONE_NUMBER") == []


def names(text: str) -> list[str]:
    (found,) = NAMES.detect([text])
    return [text[f.start : f.end] for f in found]


@pytest.mark.parametrize(
    "text, expected",
    [
        # Questions: an auxiliary before a pronoun is not a name, even after a greeting.
        ("hey\nCan I get access?", []),
        ("Hi,\nMay I ask?", []),
        ("Will you join?", []),
        ("thanks Can, see you", ["Can"]),
        # A label on the next line ends the name.
        ("Author: Jane Doe\nMaintainer: Sam Lee", ["Jane Doe", "Sam Lee"]),
        ("Author: Jane Doe\nmodified by: x", ["Jane Doe"]),
        # A surname alone after a metadata label.
        ("Contacts: Okafor", ["Okafor"]),
        ("Author: Okafor", ["Okafor"]),
        ("Last modified by: okafor", ["okafor"]),
        ("Owner: root", []),
        ("Assignee: unassigned", []),
        ("Description: the login fails", []),
    ],
)
def test_questions_labels_and_surnames_after_labels(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # Lists of names continue a name found before them.
        ("Attendees: Ngozi, Tendai, Oyelaran", ["Ngozi", "Tendai", "Oyelaran"]),
        ("we invited priya, amaka and chidi", ["priya", "amaka", "chidi"]),
        # Verbs of speech, possessives, initials, relations, "X and <name>".
        ("- Chinonso reports that the build fails", ["Chinonso"]),
        ("— Tendai prefers email.", ["Tendai"]),
        ("Tendai's laptop broke", ["Tendai"]),
        ("Present: T. Mwale, Sipho", ["T. Mwale", "Sipho"]),
        ("E. Tembo, K.\nPhiri", ["E. Tembo", "K.\nPhiri"]),
        ("my cousin Tendai visits", ["Tendai"]),
        ("Chinonso and Maria are pairing", ["Chinonso", "Maria"]),
        # Rare capitalised words alone on a line, before a role or a verb.
        ("Ifeanyi Chukwuma\nSoftware Engineer", ["Ifeanyi Chukwuma"]),
        ("Ifeanyi Chukwuma, Product Manager, Acme", ["Ifeanyi Chukwuma"]),
        ("Ifeanyi Chukwuma will review it", ["Ifeanyi Chukwuma"]),
        # Inside a sentence, a listed surname or a word with letters outside ASCII; not a product name.
        ("a film starring Kowalczyk and", ["Kowalczyk"]),
        ("better than early Dvořák", ["Dvořák"]),
        ("we use Pulumi stacks", []),
        # A speaker in a transcript.
        ("Tariq: I think we should ship it", ["Tariq"]),
        # Lower-case names: written only capitalised in dictionaries, or after a cue; a middle initial.
        ("did you see what ryan posted", ["ryan"]),
        ("the vid was long", []),
        ("kofi o adeyemi will call", ["kofi o adeyemi"]),
        ("thanks svetlana. Next", ["svetlana"]),
    ],
)
def test_person_name_classes(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # Titles and phrases made of words that are also first names.
        ('the song "Bring Me Flowers" played', []),
        ("Sing To Me Softly", []),
        ("You said it twice", []),
        ("the changelog says no", []),
        ("on Friday. Chase\nthe supplier today", []),
        # Real names made of common words stay.
        ("Will Smith and Grace Park", ["Will Smith", "Grace Park"]),
        ("For the check: Maria Costa, +33", ["Maria Costa"]),
        ("the Crown Prince arrived", []),
    ],
)
def test_phrases_are_not_names_but_common_word_names_are(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("What's your last name? Nakamura", ["Nakamura"]),
        ("Kind regards,\nTENDAI MOYO\nAccount Executive", ["TENDAI MOYO"]),
        ("Thanks,\nTHE TEAM\n", []),
        ("MR OKAFOR: Yes.", ["OKAFOR"]),
    ],
)
def test_context_names_after_name_questions_sign_offs_and_capital_honorifics(text: str, expected: list[str]) -> None:
    assert context(text, "PERSON") == expected


@pytest.mark.parametrize(
    "text, ents, expected",
    [
        ("Values like Gratitude matter", [("Gratitude", "PERSON")], []),
        ("Awarded Salesman of the Year", [("Salesman of the Year", "PERSON")], []),
        ("Einstein said so", [("Einstein", "PERSON")], ["Einstein"]),
        ("Grace wrote it", [("Grace", "PERSON")], ["Grace"]),
        ("Author: Jane Doe\nMaintainer: Sam", [("Maintainer", "PERSON"), ("Jane Doe", "PERSON")], ["Jane Doe"]),
        ("Modified by: Sam", [("Modified", "PERSON")], []),
        ("Tariq: Who is on call?", [("Tariq", "PERSON")], ["Tariq"]),
    ],
)
def test_ner_people_that_are_common_words_or_field_labels_are_dropped(
    text: str, ents: list[tuple[str, str]], expected: list[str]
) -> None:
    from transforms.config import NlpConfig
    from transforms.detectors.ner import SpacyNerDetector

    detector = SpacyNerDetector(FakeNlp(ents), NlpConfig(labels={"PERSON": "PERSON"}))
    (found,) = detector.detect([text])
    assert sorted(text[f.start : f.end] for f in found) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # Shouted text is not a run of names; a name in capitals alone on its line is.
        ("THIS IS SO GOOD", []),
        ("Regards,\nMAI LE\n", ["MAI LE"]),
        # A particle-like word can be the surname itself; real particles join the name.
        ("Mai Le, Solutions Architect", ["Mai Le"]),
        ("Anna de la Cruz", ["Anna de la Cruz"]),
        # The first item of a list of names, and two-letter names only after a cue.
        ("Chidera, Maria, Paul and Ruth came", ["Chidera", "Maria", "Paul", "Ruth"]),
        ("Na is sodium, Ho is holmium", []),
        ("ok Mo", ["Mo"]),
    ],
)
def test_capitals_particles_lists_and_short_names(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text, ents, expected",
    [
        ("Awarded Chairperson again", [("Chairperson", "PERSON")], []),
        ("Spokeswoman Ruth Okoro said", [("Ruth Okoro", "PERSON")], ["Ruth Okoro"]),
    ],
)
def test_ner_role_nouns_are_not_people(text: str, ents: list[tuple[str, str]], expected: list[str]) -> None:
    from transforms.config import NlpConfig
    from transforms.detectors.ner import SpacyNerDetector

    detector = SpacyNerDetector(FakeNlp(ents), NlpConfig(labels={"PERSON": "PERSON"}))
    (found,) = detector.detect([text])
    assert [text[f.start : f.end] for f in found] == expected


def test_a_name_after_a_cue_holds_no_function_word() -> None:
    assert context("hi, this is On The Road podcast", "PERSON") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # A street line and its unit on the next line behind any quoting mark, then the rest of the block.
        (
            "| Jan Roe\n| 5120 Hveratun 44\n| Suite 758\n| Reykholt\n| Iceland 320",
            "5120 Hveratun 44\n| Suite 758\n| Reykholt\n| Iceland 320",
        ),
        # An international postal block whose street line has no street word, ending in a country line.
        ("Send it to:\nKaevu 94\nApt. 5\nTartu\nEstonia 50090\nThanks", "Kaevu 94\nApt. 5\nTartu\nEstonia 50090"),
        # A Canadian postcode split by a line break; a "#" unit line; a town with particles.
        (
            "offices at 875 Granville Street, Toronto, ON M5V\n5B8 (the Client)",
            "875 Granville Street, Toronto, ON M5V\n5B8",
        ),
        (
            "Harbor Foods AB\n6761 Hillcrest Drive\n# 16\nSpringfield, IL 62762\n",
            "6761 Hillcrest Drive\n# 16\nSpringfield, IL 62762",
        ),
        (
            "to 50 Point Road Apt. 16, Kostelec nad Orlicí, Czech Republic 51741?",
            "50 Point Road Apt. 16, Kostelec nad Orlicí, Czech Republic 51741",
        ),
    ],
)
def test_address_blocks_quoting_marks_and_split_postcodes(text: str, expected: str) -> None:
    assert max(context(text, "STREET_ADDRESS"), key=len) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Yan Xu left to become head of sales at Quorvo; the", ["Quorvo"]),
        ("send the signed copy to Royal Society\nof Chemistry legal.", ["Royal Society\nof Chemistry"]),
        ("Sales Department of Engineering", []),
    ],
)
def test_organisations_after_a_role_with_its_department_and_wrapped_bodies(text: str, expected: list[str]) -> None:
    assert context(text, "ORGANIZATION") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A surname typed in lower case after a first name: rare, or a census surname that is not too common.
        ("I support Donald trump here", ["Donald trump"]),
        ("Maria kowalczyk joined", ["Maria kowalczyk"]),
        ("thanks emily will call", ["emily"]),
        ("Grace period ends", []),
        # A speaker needs a name, not a word that opens a note.
        ("edit: as mikael pointed out in the comments", ["mikael"]),
        ("Update: we fixed it today", []),
        ("Grace: I think so too", ["Grace"]),
    ],
)
def test_lower_case_surnames_and_speakers(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # Name-only lines: a middle initial, or in capitals; headings in capitals made of words are not names.
        ("> Ifeanyi C Chukwuma\n> Acme", ["Ifeanyi C Chukwuma"]),
        ("IFEANYI CHUKWUMA\nSolutions Architect", ["IFEANYI CHUKWUMA"]),
        ("TABLE OF CONTENTS\nfoo", []),
        ("CONFIDENTIAL DRAFT\n", []),
        # A person addressed before a question, and "was called <name>"; not a product.
        ("Tendai, can you check?", ["Tendai"]),
        ("Kubernetes, can you believe it", []),
        ("my grandmother was called Ljubica Đurković, and", ["Ljubica Đurković"]),
        ("a library called Pulumi", []),
    ],
)
def test_name_lines_vocatives_and_was_called(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A town or a peer's territorial designation is not the organisation a person is "of" or "from".
        ("Anna Berg of Uppsala said", []),
        ("Tom Holm from Uppsala said", []),
        ("Lord Reed of Allermuir gave judgment", []),
        ("the Tartu office is closed", []),
        ("Tom R. Baxter from Zentrova gave the talk", ["Zentrova"]),
    ],
)
def test_organisation_cues_do_not_take_towns_or_peerages(text: str, expected: list[str]) -> None:
    assert context(text, "ORGANIZATION") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("she lives at 12 Main St Springfield today", "12 Main St Springfield"),
        ("at 12 Main St Reading the paper", "12 Main St"),
    ],
)
def test_a_known_town_after_the_street_ends_the_address(text: str, expected: str) -> None:
    assert min(context(text, "STREET_ADDRESS"), key=len) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # Given names that are also vocabulary, only right after a strong cue and not before a number.
        ("Great, thanks Jun.", ["Jun"]),
        ("my colleague April", ["April"]),
        ("this is June 2024", []),
        ("in May we shipped", []),
        ("thanks, may I ask", []),
        # A frequent census first name in lower case needs no cue; English slang does.
        ("tobias kern from legal", ["tobias kern"]),
    ],
)
def test_vocabulary_given_names_and_lower_case_census_names(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A frequent English word opening a sentence is a verb, not a first name; inside a sentence it may be one.
        ("See Kowalski's answer below.", ["Kowalski"]),
        ("Run grafana-cli admin reset", []),
        ("Follow up with Can Çelik at", ["Can Çelik"]),
        ("Will Smith came", ["Will Smith"]),
        # A common word before a colon is a label; a name before a colon is a speaker.
        ("EDIT: Solved it.", []),
        ("Destiny: Remember me, Maria?", ["Destiny", "Maria"]),
    ],
)
def test_sentence_verbs_and_labels_before_names(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # The route number after a highway; the "St." a speaker adds after a street without a street word.
        ("We are at 12345 State Highway 6, Bryan, TX 77807 now", "12345 State Highway 6, Bryan, TX 77807"),
        ("the bus stops at Vrbova 214 St. next", "Vrbova 214 St"),
    ],
)
def test_route_numbers_and_a_trailing_street_word_stay_in_the_address(text: str, expected: str) -> None:
    assert max(context(text, "STREET_ADDRESS"), key=len) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Approved for the Supplier: Can Öztürk, Buyer", ["Can Öztürk"]),
        ("budget. Tobias\nKern joined in May", ["Tobias\nKern"]),
        ("Anna\nDirector of Sales", ["Anna"]),
    ],
)
def test_names_after_labels_and_across_a_line_break(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Dear Dr Al-Rashidi,\n\nCould you", ["Dr Al-Rashidi", "Al-Rashidi"]),
        ("Dear Ms O'Neil,", ["Ms O'Neil", "O'Neil"]),
        ("Thanks Mr McDonald.", ["McDonald"]),
    ],
)
def test_context_name_words_with_inner_capitals_and_apostrophes(text: str, expected: list[str]) -> None:
    assert context(text, "PERSON") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A town of everyday words joins the address only when a region code or a country follows it.
        ("visit 123 Ocean Ave Long Beach, CA 90802 today", "123 Ocean Ave Long Beach, CA 90802"),
        ("Meet at 12 Main St Tomorrow.", "12 Main St"),
        ("at 12 Main St Happy New Year 2024", "12 Main St"),
    ],
)
def test_a_town_of_common_words_needs_a_region_after_it(text: str, expected: str) -> None:
    assert max(context(text, "STREET_ADDRESS"), key=len) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("They are not answering at 71 642 398", ["71 642 398"]),
        ("ring me on 0161 496 0000 later", ["0161 496 0000"]),
        ("text me at 07700 900123", ["07700 900123"]),
        ("helpline: 0800 555 0199", ["0800 555 0199"]),
        ("the ring buffer has 1048576 slots", []),
    ],
)
def test_phone_verbs_before_a_number(text: str, expected: list[str]) -> None:
    assert context(text, "PHONE_NUMBER") == expected


def test_a_label_before_a_number_is_not_a_speaker() -> None:
    assert names("helpline: 0800 555 0199") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # Parties named before their role in a judgment or a contract, in capitals or not.
        ("Between: IFEANYI CHUKWUMA Claimant and WESTSHIRE COUNCIL Defendant", ["IFEANYI CHUKWUMA"]),
        ("BETWEEN:\nTENDAI MOYO\nAppellant", ["TENDAI MOYO"]),
        ("Ifeanyi Chukwuma (Claimant)", ["Ifeanyi Chukwuma"]),
        ("TABLE CONTENTS Claimant", []),
    ],
)
def test_parties_before_their_role(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text, ordinary",
    [
        # Developer tools, frameworks and vendors by category; parties, roles and procedure words of law.
        ("Docker Desktop", True),
        ("Chrome DevTools", True),
        ("Lombok", True),
        ("Terragrunt", True),
        ("Atlassian", True),
        ("the Claimant", True),
        ("Defendants", True),
        ("The Indemnifying Party", True),
        ("Hearing", True),
        # Chat interjections and media genres.
        ("OMFG", True),
        ("Romance & Suspense", True),
        ("Brackenwood Nash LLP", False),
        ("Ostrander Maritime AS", False),
        ("Commissioner of Taxation", False),
    ],
)
def test_developer_tools_and_legal_roles_are_vocabulary(text: str, ordinary: bool) -> None:
    assert is_ordinary_vocabulary(text) is ordinary


_TECH = "With Python, pandas and Kafka on Kubernetes: "


@pytest.mark.parametrize(
    "text, ents, expected",
    [
        # An error message's common word, a word with inner capitals, a scheme or a path around the word.
        (f"{_TECH}the client fails with Connection refused", [("Connection", "ORG")], []),
        ("Next time we fly with Heron again", [("Heron", "ORG")], ["Heron"]),
        (f"{_TECH}StrictMode mounts components twice", [("StrictMode", "ORG")], []),
        (f"{_TECH}profile it in Firefox DevTools first", [("Firefox DevTools", "PERSON")], []),
        ("Thanks BrightLoop for sharing the video", [("BrightLoop", "ORG")], ["BrightLoop"]),
        (f"{_TECH}boost it with XGBoost", [("XGBoost", "ORG")], []),
        ("url=jdbc:postgresql://db:5432/app", [("jdbc", "PERSON")], []),
        ("logs go to /var/log/Kestrel/app.log", [("Kestrel", "ORG")], []),
        # A reporter between a volume and a page is a law-report citation, not a place.
        ("See Harlow v. Pell, 412 U.S. 88, 90 (1971).", [("U.S.", "GPE")], []),
        ("Brant v Ostler [2019] UKSC 12 applied", [("UKSC", "ORG")], []),
        ("as held in 731 F.3d 22 (2d Cir. 2013)", [("F.3d", "ORG")], []),
        ("lives at 2745 Via Garibaldi 58, Torino", [("Via Garibaldi", "PERSON")], ["Via Garibaldi"]),
        ("Write to 30962 P.O. Box 517", [("P.O. Box", "ORG")], ["P.O. Box"]),
        ("under the Working Time Regulations 1998", [("Working Time Regulations", "ORG")], []),
        # An acronym among tools or code is a term; elsewhere it may be an organisation.
        ("call df.read_csv() and x_train=load(), see pkg/io; ask on the LKML", [("LKML", "ORG")], []),
        ("Run Kafka and Redis on the JVM with Gradle; ask on the LKML", [("LKML", "ORG")], []),
        ("She joined NATO in 2019", [("NATO", "ORG")], ["NATO"]),
        # Names keep their shape: prefixes, listed names, brands that are rare words, legal forms.
        (f"{_TECH}ask DeShawn McAllister", [("DeShawn McAllister", "PERSON")], ["DeShawn McAllister"]),
        ("Kent LaRue wrote the post", [("Kent LaRue", "PERSON")], ["Kent LaRue"]),
        ("I got the interview at Deloitte", [("Deloitte", "ORG")], ["Deloitte"]),
        ("QUARRY FREIGHT, INC., and others", [("INC.", "ORG")], ["INC."]),
        (f"{_TECH}signed with Ostrander Maritime A/S", [("Ostrander Maritime A", "ORG")], ["Ostrander Maritime A"]),
        ("Home: 21/208 Gable Street", [("208 Gable Street", "GPE")], ["208 Gable Street"]),
        ("Counsel: Ines Oduya of Oduya & Brandt PLLC", [("Oduya & Brandt PLLC", "ORG")], ["Oduya & Brandt PLLC"]),
    ],
)
def test_ner_technical_and_legal_words_are_not_names(
    text: str, ents: list[tuple[str, str]], expected: list[str]
) -> None:
    from transforms.config import NlpConfig
    from transforms.detectors.ner import SpacyNerDetector

    labels = {"PERSON": "PERSON", "ORG": "ORGANIZATION", "GPE": "LOCATION"}
    detector = SpacyNerDetector(FakeNlp(ents), NlpConfig(labels=labels))
    (found,) = detector.detect([text])
    assert [text[f.start : f.end] for f in found] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # Peers, knights and judicial offices before a name; a peer's territorial designation is part of it.
        ("Lord Hughes gave the leading judgment.", ["Hughes"]),
        ("Lady Black and Lord Kitchin agreed.", ["Black", "Kitchin"]),
        ("Baroness Hale of Richmond agreed.", ["Hale of Richmond"]),
        ("The Lord Chief Justice, Lord Burnett of Maldon, gave guidance.", ["Burnett of Maldon"]),
        ("as Lord Justice Bingham said", ["Bingham"]),
        ("Chief Justice Roberts wrote, joined by Justice Kagan.", ["Roberts", "Kagan"]),
        ("Magistrate Judge Hernandez-Whitfield recommended denial.", ["Hernandez-Whitfield"]),
        ("HHJ Keyser QC and Master Eastman gave directions.", ["Keyser", "Eastman"]),
        ("Recorder Mbeki sat in the county court.", ["Mbeki"]),
        ("LORD SALES (with whom the others agree):", ["SALES"]),
        ("THE HONOURABLE MR JUSTICE HADLEY", ["HADLEY"]),
        ("Defendant O'Brien, a supervisor, denied it.", ["O'Brien"]),
        # Offices, documents and phrases after the same words are not names.
        ("the Lord Mayor of London and the Lord of the Rings", []),
        ("the Master Plan and the Master Key", []),
        ("the Justice Department and the Justice League", []),
        ("Plaintiff's counsel and the Defendant Company", []),
    ],
)
def test_names_after_peerage_and_judicial_titles(text: str, expected: list[str]) -> None:
    assert context(text, "PERSON") == expected


def judges(text: str) -> list[str]:
    (found,) = NAMES.detect([text])
    return sorted(text[f.start : f.end] for f in found if f.detector.endswith(".judicial"))


@pytest.mark.parametrize(
    "text, expected",
    [
        # Judges before their post-nominal letters, alone or in a list, and US "X, Circuit Judges".
        ("Lewison LJ (with whom Males LJ and Nugee LJ agreed) held", ["Lewison", "Males", "Nugee"]),
        ("Eady J and Foxton J disagreed.", ["Eady", "Foxton"]),
        ("KIEFEL CJ, GAGELER, KEANE, GORDON AND EDELMAN JJ", ["EDELMAN", "GAGELER", "GORDON", "KEANE", "KIEFEL"]),
        ("Before: WARDLAW, BYBEE, and MILLER, Circuit Judges.", ["BYBEE", "MILLER", "WARDLAW"]),
        ("(Reinhardt, J., dissenting). Roberts, C.J., delivered it.", ["Reinhardt", "Roberts"]),
        ("SUSAN ILLSTON, United States District Judge:", ["SUSAN ILLSTON"]),
        ("Dame Victoria Sharp P agreed.", ["Victoria Sharp"]),
        # Letters after document words, initials and review requests are not post-nominals.
        ("See Appendix J and Schedule P.", []),
        ("Plan J was approved; Michael J Smith was not.", []),
        ("Open the Gitlab MR and the merge MR today.", []),
        ("the Master Key, Judge Rules", []),
    ],
)
def test_judges_before_post_nominal_letters(text: str, expected: list[str]) -> None:
    assert judges(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # Surnames with an elided prefix in capitals, and a list number between two parties.
        ("NORTHSTAR LOGISTICS, INC., and KEVIN O'BRIEN, Defendants.", ["KEVIN O'BRIEN"]),
        ("(1) BRIGHTWATER HOMES LIMITED (2) DESMOND PRYCE Defendants", ["DESMOND PRYCE"]),
        ("Support tickets look like SUP-2023-0045512.", []),
    ],
)
def test_names_in_capitals_with_apostrophes_and_prefixed_identifiers(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_caps_names_after_an_honorific_keep_an_apostrophe() -> None:
    assert context("(2) MR JONATHAN O'SULLIVAN of Ashford", "PERSON") == ["JONATHAN O'SULLIVAN"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # HTTP status lines (IANA reason phrases) and counts of technical things are not addresses.
        ("nginx returns 502 Bad Gateway with gunicorn", []),
        ("The AWS 2 API Gateway stages have separate throttles.", []),
        ("I have 3 Google Drive folders and 2 Event Loop threads.", []),
        ("Listen on 443 Secure Gateway.", []),
        ("Section 230 Safe Harbor protects platforms.", []),
        # A street word of the same kind with a rare name or a town after it is still an address.
        ("The parcel went to 15 Larkspur Drive.", ["15 Larkspur Drive"]),
        ("15 Lake Drive, Springfield, IL 62704", ["15 Lake Drive, Springfield, IL 62704"]),
    ],
)
def test_status_lines_and_technical_counts_are_not_addresses(text: str, expected: list[str]) -> None:
    assert context(text, "STREET_ADDRESS") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A number glued by a hyphen to a letter prefix, or after "<identifier noun> number", is no phone.
        ("Claim number: CL-2023-4567890", []),
        ("a company incorporated in England (company number 09876543)", []),
        ("phone number: 020 7946 0958", ["020 7946 0958"]),
        ("Tel-0161 496 0123", ["0161 496 0123"]),
    ],
)
def test_identifiers_are_not_phone_numbers_after_a_phone_word(text: str, expected: list[str]) -> None:
    assert context(text, "PHONE_NUMBER") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Case No: QB-2019-001234", []),
        ("Invoice no. INV-20231104-77 and ticket HC-2020-000567", []),
        ("call 0161 496 0123-Office or 0161 496 0124-Fax", ["0161 496 0123", "0161 496 0124"]),
    ],
)
def test_case_and_ticket_numbers_are_not_phone_numbers(text: str, expected: list[str]) -> None:
    from transforms.detectors.presidio import PHONE_REGIONS, MultiRegionPhoneRecognizer

    found = MultiRegionPhoneRecognizer(supported_regions=PHONE_REGIONS).find(text)
    assert [text[s:e] for s, e in sorted(found)] == expected


def test_a_name_in_capitals_does_not_start_at_the_end_of_a_heading() -> None:
    found = names("SOUTHERN DISTRICT OF NEW YORK\nJANE DOE-MARTINEZ, Plaintiff")
    assert "JANE DOE-MARTINEZ" in found
    assert not any("\n" in name for name in found)


@pytest.mark.parametrize("text", ["Hilary Term\n[2021] UKSC 14", "Easter Term 2024", "MICHAELMAS TERM"])
def test_terms_of_the_legal_year_are_not_names(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # A short word in capitals inside lower-case prose is an acronym; cued or on a line of its own, a name.
        ("A: Your redirect URI is wrong in the IDE.", []),
        ("thanks ANA for the help", ["ANA"]),
        ("Regards,\nANA", ["ANA"]),
    ],
)
def test_short_words_in_capitals_in_prose_are_acronyms(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # After a party role, only a name that is no everyday word: "Applicant Tracking" is software.
        ("Applicant Tracking software", []),
        ("Petitioner Quintanilla-Reyes seeks review.", ["Quintanilla-Reyes"]),
        ("Respondent Mrs Okafor replied.", ["Okafor"]),
    ],
)
def test_party_roles_before_names(text: str, expected: list[str]) -> None:
    assert context(text, "PERSON") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A number after "Top", "best" or "worst" ranks things; it is no house number.
        ("Top 10 Park Avenue restaurants you must try", []),
        ("I live at 10 Park Avenue, New York, NY 10016", ["10 Park Avenue, New York, NY 10016"]),
    ],
)
def test_rankings_are_not_house_numbers(text: str, expected: list[str]) -> None:
    assert context(text, "STREET_ADDRESS") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # Initials and double-barrelled surnames after a judicial title.
        ("Justice A.S. Bopanna heard it.", ["A.S. Bopanna"]),
        ("Mr. Justice Chandrachud agreed.", ["Chandrachud"]),
        ("Judge J. Smith-Okoye ruled.", ["J. Smith-Okoye"]),
        ("Lord Justice Long-Term", []),
    ],
)
def test_initials_and_double_barrelled_names_after_judicial_titles(text: str, expected: list[str]) -> None:
    assert context(text, "PERSON") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # After an identifier noun and "No." or "number", digits name a case, claim or index, not a phone.
        ("Case No. 2019-001234 was heard", []),
        ("Index No. 654321/2019", []),
        ("Direct line no.: 020 7946 0958", ["020 7946 0958"]),
        ("phone no. 020 7946 0958", ["020 7946 0958"]),
    ],
)
def test_numbers_after_identifier_nouns_are_not_phones(text: str, expected: list[str]) -> None:
    from transforms.detectors.presidio import PHONE_REGIONS, MultiRegionPhoneRecognizer

    found = MultiRegionPhoneRecognizer(supported_regions=PHONE_REGIONS).find(text)
    assert [text[s:e] for s, e in sorted(found)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A particle between two rare name words before a party role or a verb: "X VAN Y APPELLANT".
        ("TRANH VAN NGUYEN APPELLANT", ["TRANH VAN NGUYEN"]),
        ("Tranh van Nguyen said so.", ["Tranh van Nguyen"]),
    ],
)
def test_particles_inside_a_run_of_name_words(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # The tail of a dotted build or version number is no phone; a phone written with dots still is.
        ("Build 2023.11.04-1234 failed", []),
        ("call 415.555.0142 now", ["415.555.0142"]),
    ],
)
def test_tails_of_dotted_build_numbers_are_not_phones(text: str, expected: list[str]) -> None:
    from transforms.detectors.presidio import PHONE_REGIONS, MultiRegionPhoneRecognizer

    found = MultiRegionPhoneRecognizer(supported_regions=PHONE_REGIONS).find(text)
    assert [text[s:e] for s, e in sorted(found)] == expected
