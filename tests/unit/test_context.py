"""Context rules: usernames, dates of birth, addresses, phones after a phone word, names after cues."""

from __future__ import annotations

import pytest

from transforms.detectors.context import ContextDetector

DETECTOR = ContextDetector()


def spans(text: str) -> list[tuple[str, str]]:
    (found,) = DETECTOR.detect([text])
    return [(f.entity_type, text[f.start : f.end]) for f in found]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("[09:12] @dana.kowalski: ping @tom_o", [("USERNAME", "dana.kowalski"), ("USERNAME", "tom_o")]),
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
        ("eva kleist lives at 255 hersnapvej 18, københavn k", [("STREET_ADDRESS", "255 hersnapvej 18, københavn k")]),
        (
            "send a new one to 609 P.O. Box 186 Apt. 561, ALT-DIETMANNS, Austria? I am",
            [("STREET_ADDRESS", "609 P.O. Box 186 Apt. 561, ALT-DIETMANNS, Austria")],
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
        ("Need to change billing date of my card 2623322164608847", [("CREDIT_CARD", "2623322164608847")]),
        ("What is the limit for card 501864667909?", [("CREDIT_CARD", "501864667909")]),
        ("my card 2623322164608848 (not Luhn)", []),
        ("account number: 41029384", [("ACCOUNT_NUMBER", "41029384"), ("PHONE_NUMBER", "41029384")]),
    ],
)
def test_cards_and_accounts_after_a_word(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text) == expected
