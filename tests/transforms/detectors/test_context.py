"""Context rules: usernames, dates of birth, addresses, phones after a phone word, names after cues."""

from __future__ import annotations

import pytest

from tests.transforms.detectors.matches import at
from transforms.detectors.context import ContextDetector
from transforms.detectors.rules.checks import trim_value

DETECTOR = ContextDetector()


def spans(text: str) -> list[tuple[str, str]]:
    (found,) = DETECTOR.detect([text])
    return [(f.entity_type, text[f.start : f.end]) for f in found]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("[09:12] @dana.kowalski: ping @tom_o", [("USERNAME", "@dana.kowalski"), ("USERNAME", "@tom_o")]),
        ("mail ada@example.com", []),
        ("@dataclass\nclass X:", []),
        ("    @app.route('/x')", []),
        ('import "@angular/core"', []),
        ("# TODO(mgarcia): fix", [("USERNAME", "mgarcia")]),
        ("cd /home/jdoe/src && ls /Users/Ada.L/x", [("USERNAME", "jdoe"), ("USERNAME", "Ada.L")]),
        ("C:\\Users\\kwame.mensah\\Desktop", [("USERNAME", "kwame.mensah")]),
        ("username: jsmith42", [("USERNAME", "jsmith42")]),
        ("DOB: 14/02/1979", [("DATE_OF_BIRTH", "14/02/1979")]),
        ("born on February 14, 1979.", [("DATE_OF_BIRTH", "February 14, 1979")]),
        ("date of birth 3rd of March 1990", [("DATE_OF_BIRTH", "3rd of March 1990")]),
        ("released on 14/02/1979", []),
        (
            "He lives at 912 Juniper Road, Springfield, OR 97403.",
            [("STREET_ADDRESS", "912 Juniper Road, Springfield, OR 97403")],
        ),
        (
            "Ship to 1600 Pennsylvania Ave NW, Washington, DC 20500",
            [("STREET_ADDRESS", "1600 Pennsylvania Ave NW, Washington, DC 20500")],
        ),
        ("Hauptstraße 5, 10115 Berlin", [("STREET_ADDRESS", "Hauptstraße 5, 10115 Berlin")]),
        ("au 12 rue de la Paix, 75002 Paris.", [("STREET_ADDRESS", "12 rue de la Paix, 75002 Paris")]),
        ("12 Smith Street, Surry Hills NSW 2010", [("STREET_ADDRESS", "12 Smith Street, Surry Hills NSW 2010")]),
        ("postcode KT9 4QZ", [("STREET_ADDRESS", "KT9 4QZ")]),
        ("call me on 555-0177 tomorrow", [("PHONE_NUMBER", "555-0177")]),
        ("phone: +44 20 7946 0958 ext. 12", [("PHONE_NUMBER", "+44 20 7946 0958 ext. 12")]),
        ("number is 42", []),
        ("Hi, my name is Gordon Achterberg and", [("PERSON", "Gordon Achterberg")]),
        ("Kind regards,\nHelen Brandt\n", [("PERSON", "Helen Brandt")]),
        ("To: Raj Mehta <raj@example.com>", [("PERSON", "Raj Mehta")]),
        ("Dear Ms Nguyen", [("PERSON", "Ms Nguyen"), ("PERSON", "Nguyen")]),
    ],
)
def test_context_rules(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "confirm your date of birth?\nCustomer: Fourteenth of February 1979. So 14/02/1979.",
            [("DATE_OF_BIRTH", "14/02/1979")],
        ),
        ("Mobile's better, 555-0172. Or", [("PHONE_NUMBER", "555-0172")]),
    ],
)
def test_context_across_a_few_words_or_a_line(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("[13:05] achebet: heyy", [("USERNAME", "achebet")]),
        ("[01/03/2024, 18:19] lucia.g: ok", [("USERNAME", "lucia.g")]),
        ("<nick> hello there", [("USERNAME", "nick")]),
        ("Assignee: hugo71\n", [("USERNAME", "hugo71")]),
        ("reports a 403 when logging in as adaeze_okafor from", [("USERNAME", "adaeze_okafor")]),
        ("DB_USER=katarzyna_rw\n", [("USERNAME", "katarzyna_rw")]),
        ("CREATE USER 'nathan'@'%' IDENTIFIED", [("USERNAME", "nathan")]),
        ("machine vault.corp login zeynep_rw password 9ZoZ+LfM", [("USERNAME", "zeynep_rw"), ("PASSWORD", "9ZoZ+LfM")]),
        ("use aedwards / Summer2024* for the demo", [("USERNAME", "aedwards"), ("PASSWORD", "Summer2024*")]),
        (
            "'$2b$12$B71cAU5/cGl6P1RnNGFe1ka7Kp3QSCXgX7DtH5AOnH5YKfXCae2Jq'",
            [("PASSWORD", "$2b$12$B71cAU5/cGl6P1RnNGFe1ka7Kp3QSCXgX7DtH5AOnH5YKfXCae2Jq")],
        ),
        ("Date of birth: 6-May-2001\n", [("DATE_OF_BIRTH", "6-May-2001")]),
    ],
)
def test_usernames_passwords_and_more_dates(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ida borg lives at 312 toftevej 27, odense c", [("STREET_ADDRESS", "312 toftevej 27, odense c")]),
        (
            "send a new one to 418 P.O. Box 272 Apt. 33, OBER-KELBING, Austria? I am",
            [("STREET_ADDRESS", "418 P.O. Box 272 Apt. 33, OBER-KELBING, Austria")],
        ),
        ("The server lives at port 8080.", []),
        (
            "2 Church Road\nEdinburgh\nEH3 2XU\n\nHello",
            [("STREET_ADDRESS", "2 Church Road\nEdinburgh\nEH3 2XU"), ("STREET_ADDRESS", "EH3 2XU")],
        ),
    ],
)
def test_addresses_after_cues_and_over_lines(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "with Aldergate Health Ltd and Summit Pharma S.A. today",
            [("ORGANIZATION", "Aldergate Health Ltd"), ("ORGANIZATION", "Summit Pharma S.A.")],
        ),
        ("Kang & Partners LLP", [("ORGANIZATION", "Kang & Partners LLP")]),
        ("Keio University.", [("ORGANIZATION", "Keio University")]),
        ("The University is closed", []),
    ],
)
def test_organisations_with_a_legal_form(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Please move the billing day of my card 2720991433881054", [("CREDIT_CARD", "2720991433881054")]),
        ("How high is the cap on card 503712884504?", [("CREDIT_CARD", "503712884504")]),
        ("my card 2720991433881055 (not Luhn)", []),
        ("account number: 41029384", [("ACCOUNT_NUMBER", "41029384"), ("PHONE_NUMBER", "41029384")]),
    ],
)
def test_cards_and_accounts_after_a_word(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text) == expected


def longest_address(text: str) -> str | None:
    found = [v for entity, v in spans(text) if entity == "STREET_ADDRESS"]
    return max(found, key=len, default=None)


@pytest.mark.parametrize(
    "text, expected",
    [
        # A region that is one letter, digits or a code, on its own line or the town's; a town ends a street.
        ("Meet me at 0412 18 Larch Road\nBrenmoor, Q 40512", "0412 18 Larch Road\nBrenmoor, Q 40512"),
        ("Send it to 77 Olmo Street Apt. 4\nVARDEN, 27 30411 please", "77 Olmo Street Apt. 4\nVARDEN, 27 30411"),
        ("ship to 5 Cedar Lane Suite 8\nHolmvik, VT 05401 after lunch", "5 Cedar Lane Suite 8\nHolmvik, VT 05401"),
        ("The office is at 812 Kuusetie 9 Suite 3 Paldora", "812 Kuusetie 9 Suite 3 Paldora"),
        # Blocks whose street has no street word: the block's shape is the evidence, down to its postcode or
        # country, also when the street ends a sentence and the sentence goes on after the block.
        (
            "Please return to 4410 Vaskemaa 17\nKurevere\n61523 if anything goes wrong.",
            "4410 Vaskemaa 17\nKurevere\n61523",
        ),
        ("it is 812 Orvala 6\nLindmark, MN 40417", "812 Orvala 6\nLindmark, MN 40417"),
        ("it is Orvala 6\n40417 Lindmark", "Orvala 6\n40417 Lindmark"),
        (
            "address with Corvina Sela 88 Brask Rapids\n Apt. 12\n Tovemark\n Belgium 40211 for the card",
            "Corvina Sela 88 Brask Rapids\n Apt. 12\n Tovemark\n Belgium 40211",
        ),
        (
            "Ana Lind\n2211 Kase-Mäe 25 Apt. 9\nOrvika Laas, PA 73010\nMobile: 1",
            "2211 Kase-Mäe 25 Apt. 9\nOrvika Laas, PA 73010",
        ),
        (
            "the same: Kaselepa põik 8 van Dorn Summit\n Suite 3\n Melvik\n Estonia 10111",
            "Kaselepa põik 8 van Dorn Summit\n Suite 3\n Melvik\n Estonia 10111",
        ),
        # All in lower case behind a quoting mark, ending in a country.
        (
            "??? 41 rue des tilleuls 12\n??? apt. 3\n??? vellore\n??? belgium 40322",
            "41 rue des tilleuls 12\n??? apt. 3\n??? vellore\n??? belgium 40322",
        ),
        # A town in Greek capitals.
        ("to 14 Hill Street\n Apt. 2\n ΔΑΛΙ\n Cyprus 2540", "14 Hill Street\n Apt. 2\n ΔΑΛΙ\n Cyprus 2540"),
        # A street name that starts with a letter outside ASCII.
        ("Bréf til Þórsgata 14", "Þórsgata 14"),
        ("στη Λεωφόρος Κηφισίας 44", "Λεωφόρος Κηφισίας 44"),
        # French street words with the number after the name (Belgium, Switzerland, Luxembourg).
        ("Rue des Moines 21, 4000 Liège", "Rue des Moines 21, 4000 Liège"),
        # The rest of USPS Publication 28's suffixes.
        (
            "P.O. Box 41 Varga Union\n Apt. 7\n Nuuk\n Greenland 3900",
            "P.O. Box 41 Varga Union\n Apt. 7\n Nuuk\n Greenland 3900",
        ),
        ("we met at 12 Kessler Rapids yesterday", "12 Kessler Rapids"),
        ("we met at 4 Odum Summit yesterday", "4 Odum Summit"),
        ("we met at 9 Vessberg Islands yesterday", "9 Vessberg Islands"),
        ("we met at 77 Lorne Falls yesterday", "77 Lorne Falls"),
        ("we met at 18 Brixby Mountain yesterday", "18 Brixby Mountain"),
        ("we met at 3 Okonkwo Station yesterday", "3 Okonkwo Station"),
    ],
)
def test_postal_blocks_regions_and_street_words(text: str, expected: str) -> None:
    assert longest_address(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # Technical lists and counts with the shape of a block or a street are not addresses.
        ("Redis 7\nCache\n 6379", None),
        ("Results\nTable 5\nRows\n, 12\n 40000", None),
        ("version: Kafka 3\nBrokers, 3 9092", None),
        ("estimate: 5 Story Points.", None),
        ("add 4 Custom Fields to Jira", None),
        ("it has 3 USB Ports and", None),
        ("we run 2 Data Center sites", None),
        # After the postcode only a country may follow; lower-case lines after a capitalised street are prose.
        ("14 Pine Street\nGreyfield, CO 80123\nThanks", "14 Pine Street\nGreyfield, CO 80123"),
        ("61 Oak Avenue\nsee you there", "61 Oak Avenue"),
        ("KALMORA, NV 89012, and the rest", None),
        # A block's street starts after the sentence words, and a country the sentence goes on after without a
        # postcode needs a town line between it and the street.
        ("It is in Kaevu 94\nTartu\n50090", "Kaevu 94\nTartu\n50090"),
        ("Release notes\nAcmeflux 12\nIndia and Brazil launch next", None),
    ],
)
def test_address_blocks_stop_at_technical_text(text: str, expected: str | None) -> None:
    assert longest_address(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # Hungarian names keep lower-case words, and the house number is an ordinal with its full stop.
        ("The shop is at Kelemen hadnagy útja 7. in Pécs", "Kelemen hadnagy útja 7."),
        ("you must enter on kiskert út 41. st. first", "kiskert út 41. st"),
        ("It is at Szilvás u. 15.", "Szilvás u. 15."),
        ("the car park sor 2. is full", None),
        ("We visited Kossuth tér 2. and then the museum", "Kossuth tér 2."),
        # Intersections: a cross street's name before "and" and a street with a number.
        ("Please return to Ilse and Vorrabakki 31 today", "Ilse and Vorrabakki 31"),
        ("User: Greta and ul. Polna 12", "Greta and ul. Polna 12"),
        ("to the corner of ul. Brzozowa 86 and Kessler Trail?", "the corner of ul. Brzozowa 86 and Kessler Trail"),
        (
            "owens\n\nthe corner of lindenallee 77 and vessberg courts",
            "the corner of lindenallee 77 and vessberg courts",
        ),
        ("offices in Berlin and Hauptstraße 5", "Hauptstraße 5"),
        ("Tom and Jerry 2 is on", None),
        ("Kubernetes and Terraform 1.5 docs", None),
        ("Sales and Marketing 2024.", None),
        ("Q3 revenue: Acme and Globex 12 percent growth", None),
        ("at the corner of the room 2 and the big park", None),
        # Addresses written all in lower case, with a town, postcode or country after them.
        ("see you at 5183 lehtotie 9, sé, portugal", "5183 lehtotie 9, sé, portugal"),
        ("address:\n218 rúa olmos 61, durban, south africa.", "218 rúa olmos 61, durban, south africa"),
        (
            "to the same: 7314 avenida serra 3 suite 52, mohács, hungary 51390",
            "7314 avenida serra 3 suite 52, mohács, hungary 51390",
        ),
        ("the bus drops us off at 58213 kvernvollen 130 st.", "58213 kvernvollen 130 st"),
        ("naomi\n52 4187 fourth avenue suite 208 calgary alberta", "52 4187 fourth avenue suite 208 calgary alberta"),
        ("we walked 5 blocks down main street, london", None),
        ("i have 2 cats and 3 dogs in london, uk", None),
        ("i bought 3 apples, paris, france", None),
        ("wait 5 seconds then drive", None),
        # French street words that are also English take an article after them; a country's note in brackets.
        ("It's in 12 40 Avenue des Ormes Apt. 8 VALMONT LI", "12 40 Avenue des Ormes Apt. 8 VALMONT LI"),
        ("we have 2 Place holders.", None),
        (
            "The letter arrived at 65 Rue Haute 11, GENT, Belgium (Belgique) on Monday.",
            "65 Rue Haute 11, GENT, Belgium (Belgique)",
        ),
        # Estonian, Latvian and Lithuanian street words after the name.
        ("Office: Kalda maantee 22, 10141 Tallinn", "Kalda maantee 22, 10141 Tallinn"),
        ("at Liepu iela 5 today", "Liepu iela 5"),
        ("Vytauto g. 12", "Vytauto g. 12"),
        ("Kaselepa põik 87", "Kaselepa põik 87"),
        ("see Fig. 3 and Table g. 4", None),
        ("Golf tee 3", None),
        # Streets without a street word: a house number first after a place cue, or before a town with a particle.
        ("The restaurant is at 4410 218 Vasilou Kastrini", "4410 218 Vasilou Kastrini"),
        ("The party is at 8 Pm Tonight.", None),
        ("it is at 5 Microsoft Teams.", None),
        ("See you at Kavarna, 12 Hradecká 31, Kostelec nad Orlicí", "12 Hradecká 31, Kostelec nad Orlicí"),
        ("see Release 2, Frankfurt am Main", None),
        # A postcode before the town closes a block.
        ("Mine is Lindbacken 91\n34012 Valstad", "Lindbacken 91\n34012 Valstad"),
    ],
)
def test_hungarian_streets_intersections_and_lower_case_addresses(text: str, expected: str | None) -> None:
    assert longest_address(text) == expected


def organisations(text: str) -> list[str]:
    return [v for entity, v in spans(text) if entity == "ORGANIZATION"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # Between a name with its job title and the address, any short line is the employer, even an everyday word.
        ("Ivo Marsh\nCrane driver\nBeacon\n12 Birch Lane\nGreyfield, IL 62704", ["Beacon"]),
        # Signatures written all in lower case, with or without a job title, behind a quoting mark.
        (
            "mira kalnins\nplant manager\nvesto-lindgren\n18 rua das flores 7\nvelmora, ab\n portugal 4000",
            ["vesto-lindgren"],
        ),
        (
            "??? anja petersen\n??? kestrel care\n??? 41 rue des tilleuls 12\n??? apt. 3\n??? vellore\n"
            "??? belgium 40322",
            ["kestrel care"],
        ),
        # A letterhead above a blank line and a postal block; a firm named after its partners in lower case.
        ("Quillfern\n\nKaevu 94\nApt. 5\nTartu\nEstonia 50090", ["Quillfern"]),
        ("hale, moreno and price\n\nthe corner of lindenallee 77 and vessberg courts", ["hale, moreno and price"]),
        # Not organisations: a common phrase under a title, a surname or a word of thanks above a blank line.
        ("Jane Roe\nSales Manager\nHead Office\n12 Main Street\nSpringfield, IL 62704", []),
        ("Kowalczyk\n\n12 Main Street\nSpringfield, IL 62704", []),
        ("Thanks\n\n12 Main Street\nSpringfield, IL 62704", []),
        ("Tomasz Nowak\nSenior Data Engineer\nBerlin Office\n12 Main Street\nSpringfield, IL 62704", []),
        ("Tomasz Nowak\nSenior Data Engineer\nHQ\n12 Main Street\nSpringfield, IL 62704", []),
        # A line between two copies of the name in a quoted signature, even one that ends like a role.
        (
            ">Ivo Marsh\n>Kelvara Data Explorer\n>Ivo Marsh\n>12 Clarke Avenue\n>Apt. 5\n>Holmvik",
            ["Kelvara Data Explorer"],
        ),
        (">Ivo Marsh\n>Senior Software Engineer\n>Ivo Marsh\n>12 Clarke Avenue\n>Apt. 5\n>Holmvik", []),
    ],
)
def test_organisation_lines_in_signature_blocks(text: str, expected: list[str]) -> None:
    assert organisations(text) == expected


@pytest.mark.parametrize(
    ("text", "keep_dot", "expected"),
    [
        ("Acme Inc., ", False, "Acme Inc"),
        ("Acme Inc., ", True, "Acme Inc."),
        ("Sunmore K.K. -", True, "Sunmore K.K."),
        ("Main St; ", True, "Main St"),  # no full stop after the abbreviation: nothing is kept
    ],
)
def test_trim_value(text: str, keep_dot: bool, expected: str) -> None:
    start, end = trim_value(at(text, text), keep_abbreviation_dot=keep_dot)
    assert text[start:end] == expected
