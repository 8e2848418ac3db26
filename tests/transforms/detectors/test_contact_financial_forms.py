"""E-mail addresses, phone numbers, card numbers and IBANs in the forms people write them (issue 14).

Every value is generated here from a fixed seed, with a valid checksum (IBAN mod 97 in each country's format,
Luhn for the card networks' prefixes and lengths) or, for phones, a number ``phonenumbers`` says is valid in its
region; the texts around them are invented. Each positive must come out as exactly its value, with its type;
each negative must keep every contact and payment shape it holds. No spaCy model.
"""

from __future__ import annotations

import random
import re

import phonenumbers
import pytest

from transforms.config import parse_config
from transforms.detectors import build_detectors
from transforms.operators import build_operators
from transforms.records import Document
from transforms.redaction.engine import RedactionEngine

CFG = parse_config({"detectors": ["presidio", "credentials", "provider_tokens", "context", "labelled_values"]})
ENGINE = RedactionEngine(CFG, build_detectors(CFG), build_operators(CFG, {}))
CONTACT_AND_PAYMENT = frozenset({"EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "ACCOUNT_NUMBER"})

_RNG = random.Random(1414)


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def _card(prefix: str, length: int) -> str:
    body = prefix + "".join(str(_RNG.randrange(10)) for _ in range(length - len(prefix) - 1))
    return next(body + d for d in "0123456789" if _luhn_ok(body + d))


def _group(value: str, sizes: tuple[int, ...], sep: str) -> str:
    out, i = [], 0
    for n in sizes:
        out.append(value[i : i + n])
        i += n
    return sep.join(out)


# Each country's BBAN: n digits, a capitals, c capitals or digits (ISO 13616 registry formats).
_BBAN = {
    "DE": "n8n10", "FR": "n5n5c11n2", "GB": "a4n6n8", "ES": "n4n4n1n1n10", "IT": "a1n5n5c12", "NL": "a4n10",
    "PL": "n8n16", "PT": "n4n4n11n2", "BE": "n3n7n2", "CH": "n5c12", "AT": "n5n11", "IE": "a4n6n8",
    "SE": "n3n16n1", "NO": "n4n6n1", "DK": "n4n9n1", "FI": "n3n11", "LU": "n3c13", "SA": "n2c18",
    "AE": "n3n16", "TR": "n5n1c16", "BR": "n8n5n10a1c1",
}  # fmt: skip


def _iban(country: str) -> str:
    pools = {"n": "0123456789", "a": "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "c": "0123456789" * 3 + "ABCDEFGHJKLMNPQRSTUVWXYZ"}
    bban = "".join(
        "".join(_RNG.choice(pools[kind]) for _ in range(int(n)))
        for kind, n in re.findall(r"([nac])(\d+)", _BBAN[country])
    )
    check = 98 - int("".join(str(int(c, 36)) for c in bban + country + "00")) % 97
    return f"{country}{check:02d}{bban}"


def _fours(value: str, sep: str = " ") -> str:
    return sep.join(value[i : i + 4] for i in range(0, len(value), 4))


def _phone(region: str, kind: phonenumbers.PhoneNumberType) -> phonenumbers.PhoneNumber:
    example = phonenumbers.example_number_for_type(region, kind)
    nsn = phonenumbers.national_significant_number(example)  # with Italy's leading zero
    keep = 3 if len(nsn) > 8 else 2
    for _ in range(1000):
        digits = nsn[:keep] + "".join(str(_RNG.randrange(10)) for _ in range(len(nsn) - keep))
        number = phonenumbers.parse(f"+{example.country_code}{digits}", None)
        if digits != nsn and phonenumbers.is_valid_number(number):
            return number
    raise AssertionError(f"no valid {region} number drawn")


def _format(number: phonenumbers.PhoneNumber, style: int) -> str:
    return phonenumbers.format_number(number, style)


INTL, NATIONAL, E164 = (
    phonenumbers.PhoneNumberFormat.INTERNATIONAL,
    phonenumbers.PhoneNumberFormat.NATIONAL,
    phonenumbers.PhoneNumberFormat.E164,
)
MOBILE, FIXED = phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE


def _case(case_id: str, template: str, value: str, entity: str) -> tuple[str, str, str, str]:
    return (case_id, template.replace("{}", value), value, entity)


def _iban_cases() -> list[tuple[str, str, str, str]]:
    out = []
    for cc in _BBAN:
        v = _iban(cc)
        g = _fours(v)
        out += [
            _case(f"{cc}-compact-in-prose", "Please transfer the deposit to {} by Friday.", v, "IBAN_CODE"),
            _case(f"{cc}-groups-after-label", "IBAN: {}", g, "IBAN_CODE"),
            _case(f"{cc}-lower-case", "hey my iban is {} thx", v.lower(), "IBAN_CODE"),
            _case(f"{cc}-lower-case-groups", "iban {} ok?", g.lower(), "IBAN_CODE"),
            _case(f"{cc}-dashes", "Überweisung an {} bitte", _fours(v, "-"), "IBAN_CODE"),
            _case(f"{cc}-bic-beside", "IBAN {} BIC ABCDDEFFXXX", g, "IBAN_CODE"),
            _case(f"{cc}-bic-after-slash", "{} / ABCDDEFF", v, "IBAN_CODE"),
            _case(f"{cc}-xml", "<DbtrAcct><Id><IBAN>{}</IBAN></Id></DbtrAcct>", v, "IBAN_CODE"),
            _case(f"{cc}-table-cell", "| Lieferant | IBAN |\n|---|---|\n| Nordlicht | {} |", g, "IBAN_CODE"),
            _case(
                f"{cc}-over-a-line", "Please pay into {}\nThanks!", _fours(v[:12]) + "\n" + _fours(v[12:]), "IBAN_CODE"
            ),
            _case(f"{cc}-compact-over-a-line", "bitte auf\n{}\nüberweisen", v[:12] + "\n" + v[12:], "IBAN_CODE"),
        ]
    return out


# network: (prefix, length, groups as written)
CARDS = {
    "visa-16": ("4", 16, (4, 4, 4, 4)),
    "visa-19": ("4", 19, (4, 4, 4, 4, 3)),
    "mastercard-51": ("51", 16, (4, 4, 4, 4)),
    "mastercard-2221": ("2221", 16, (4, 4, 4, 4)),
    "mastercard-2720": ("2720", 16, (4, 4, 4, 4)),
    "amex": ("37", 15, (4, 6, 5)),
    "discover": ("6011", 16, (4, 4, 4, 4)),
    "jcb": ("3530", 16, (4, 4, 4, 4)),
    "diners": ("36", 14, (4, 6, 4)),
    "unionpay-19": ("62", 19, (4, 4, 4, 4, 3)),
    "maestro-19": ("5018", 19, (4, 4, 4, 4, 3)),
}


def _card_cases() -> list[tuple[str, str, str, str]]:
    out = []
    for net, (prefix, length, groups) in CARDS.items():
        v = _card(prefix, length)
        spaced, dashed = _group(v, groups, " "), _group(v, groups, "-")
        out += [
            _case(f"{net}-spaced", "Paid with {}.", spaced, "CREDIT_CARD"),
            _case(f"{net}-dashed", "{}", dashed, "CREDIT_CARD"),
            _case(f"{net}-compact-after-word", "Kreditkarte {} gültig bis 11/28", v, "CREDIT_CARD"),
            _case(f"{net}-over-a-line", "card number {}", spaced.replace(" ", "\n", 1), "CREDIT_CARD"),
        ]
        if length < 19:
            out.append(_case(f"{net}-compact", "charged to {} yesterday", v, "CREDIT_CARD"))
    return out


_SECURITY_CODES = [
    ("cvv", "exp 04/27 cvv {}", "318"),
    ("cvc-colon", "CVC: {}", "7042"),
    ("json", '{"number": "on file", "cvv": "{}"}', "274"),
    ("de", "Kartenprüfnummer {}", "552"),
    ("fr", "cryptogramme visuel : {}", "961"),
    ("es", "código de seguridad: {}", "408"),
    ("it", "codice di sicurezza {}", "735"),
    ("prose", "the security code is {}.", "883"),
]


def _phone_cases() -> list[tuple[str, str, str, str]]:
    out = []
    for region in ("GB", "DE", "FR", "PL", "PT", "IT", "US", "ES", "NL", "SE", "CH", "BR", "IN", "AU", "JP", "AE"):
        for kind in (MOBILE, FIXED):
            n = _phone(region, kind)
            tag = f"{region}-{'mobile' if kind == MOBILE else 'fixed'}"
            out += [
                _case(
                    f"{tag}-international", "You can reach me at {} most evenings.", _format(n, INTL), "PHONE_NUMBER"
                ),
                _case(f"{tag}-e164", "contact={}", _format(n, E164), "PHONE_NUMBER"),
                _case(f"{tag}-00", "Tel {}", "00" + _format(n, INTL)[1:], "PHONE_NUMBER"),
                _case(f"{tag}-tel-url", '<a href="tel:{}">call us</a>', _format(n, E164), "PHONE_NUMBER"),
                _case(f"{tag}-national-after-label", "Tel.: {}", _format(n, NATIONAL), "PHONE_NUMBER"),
            ]
    labels = {
        "de-handy": ("Handy:", "DE", MOBILE),
        "de-mobil": ("Mobil", "DE", MOBILE),
        "fr-portable": ("portable :", "FR", MOBILE),
        "es-movil": ("móvil:", "ES", MOBILE),
        "pt-telemovel": ("telemóvel:", "PT", MOBILE),
        "it-cellulare": ("cellulare:", "IT", MOBILE),
        "nl-telefoon": ("telefoon:", "NL", MOBILE),
        "pl-tel-kom": ("tel. kom.:", "PL", MOBILE),
        "no-mobil": ("mobil:", "NO", MOBILE),
        "dk-mobil": ("Mobil:", "DK", MOBILE),
    }
    for case_id, (label, region, kind) in labels.items():
        out.append(_case(case_id, label + " {}", _format(_phone(region, kind), NATIONAL), "PHONE_NUMBER"))
    us = phonenumbers.national_significant_number(_phone("US", FIXED))
    gb = phonenumbers.national_significant_number(_phone("GB", FIXED))
    fr = "0" + phonenumbers.national_significant_number(_phone("FR", MOBILE))
    out += [
        _case("us-extension", "call {}", f"({us[:3]}) {us[3:6]}-{us[6:]} ext. 89", "PHONE_NUMBER"),
        _case("us-plus-dashes", "{}", f"+1-{us[:3]}-{us[3:6]}-{us[6:]}", "PHONE_NUMBER"),
        _case("us-dots", "Reach Dana at {}", f"{us[:3]}.{us[3:6]}.{us[6:]}", "PHONE_NUMBER"),
        _case("gb-trunk-zero", "Office: {}", f"+44 (0){gb[:2]} {gb[2:6]} {gb[6:]}", "PHONE_NUMBER"),
        _case("fr-dots", "Mon portable : {}", ".".join(fr[i : i + 2] for i in range(0, 10, 2)), "PHONE_NUMBER"),
        _case(
            "fr-0033",
            "joignable au {}",
            "0033 " + fr[1] + " " + " ".join(fr[i : i + 2] for i in range(2, 10, 2)),
            "PHONE_NUMBER",
        ),
    ]
    for region in ("GB", "DE", "BR"):
        n = _phone(region, MOBILE)
        out += [
            _case(f"{region}-sms-url", "[text us](sms:{}?body=hi)", _format(n, E164), "PHONE_NUMBER"),
            _case(
                f"{region}-whatsapp-export", "[07/12/2026, 14:03:11] {}: see you at 8", _format(n, INTL), "PHONE_NUMBER"
            ),
        ]
    return out


EMAILS = [
    ("upper-case", "Contact {} today", "MARTA.NOWICKA@BIURO-FIRMOWE.PL"),
    ("plus-addressing", "{}", "j.lindgren+newsletter@mail.fjordhus.se"),
    ("subdomains", "send to {}", "r.adeyemi@eu.mail.lagos-cables.co.uk"),
    ("idn-domain", "Schreiben Sie an {}", "jörg.weiß@müller-bau.de"),
    ("punycode", "{}", "anna@xn--mller-bau-q9a.de"),
    ("spelled-out", "write to {}", "hanna dot berg at fjellpost dot no"),
    ("brackets", "{}", "pietro[at]vinicola-rossi[.]it"),
    ("parentheses", "mail me: {}", "leo (at) kestrel-lab.org"),
    ("blanks-around-at", "{} for invoices", "marek.wisniak @ biuro-wisniak.pl"),
    ("html-reference", "<p>{}</p>", "lena&#64;wolff-praxis.de"),
    ("mailto", '<a href="mailto:{}?subject=Oferta">napisz</a>', "k.nowicki@biuro-nowicki.pl"),
    ("header-angle-brackets", "From: Greta Holm <{}>", "greta.holm@holm-arkitekter.dk"),
]

POSITIVES = (
    _iban_cases()
    + _card_cases()
    + [_case(f"security-code-{i}", t, v, "CREDIT_CARD") for i, t, v in _SECURITY_CODES]
    + _phone_cases()
    + [_case(f"email-{i}", t, v, "EMAIL_ADDRESS") for i, t, v in EMAILS]
    # A URL that carries an address is redacted whole.
    + [
        _case(
            "email-in-url-query",
            "open {} to join",
            "https://app.shiftboard.io/invite?email=dara.quinn@quinnvet.ie&role=admin",
            "URL",
        )
    ]
)


def test_the_generated_values_pass_their_checks() -> None:
    for case_id, _, value, entity in POSITIVES:
        alnum = "".join(c for c in value if c.isalnum()).upper()
        if entity == "IBAN_CODE":
            assert int("".join(str(int(c, 36)) for c in alnum[4:] + alnum[:4])) % 97 == 1, case_id
        if entity == "CREDIT_CARD" and len(alnum) > 4:
            assert _luhn_ok(alnum), case_id


@pytest.mark.parametrize("case_id, text, value, entity", POSITIVES, ids=[c[0] for c in POSITIVES])
def test_value_is_redacted_whole_with_its_type(case_id: str, text: str, value: str, entity: str) -> None:
    (out,) = ENGINE.redact([Document("1", text, "s")])
    start = text.index(value)
    found = [(r.entity_type, r.start, r.end) for r in out.redactions if r.end > start and r.start < start + len(value)]
    assert found == [(entity, start, start + len(value))], case_id


def _amounts_row() -> str:
    return " | ".join(f"{_RNG.randrange(1000, 9999)},{_RNG.randrange(10, 99)}.00" for _ in range(4))


NEGATIVES = [
    ("order-number", "Order #ORD-2026-448812 shipped on 2026-12-07 14:03:11.123456 UTC"),
    ("epoch-times", "epoch 1765116191 and 1765116191123 ms"),
    ("git-sha", "built at 20261207T140311Z from commit 9f3c2a7e4b1d8f06a5c3e2d1b0a9f8e7d6c5b4a3"),
    ("versions", "Upgrade to v2.14.3 or 1.2.3-rc.4; Windows build 10.0.19045.3693; Python 3.11.7"),
    ("dated-version", "Version 2026.12.07.1403 released"),
    ("tracking", "UPS tracking 1Z999AA10123456784, FedEx 7749 1234 5678"),
    ("isbn", "ISBN 978-3-16-148410-0 and ISBN 0-306-40615-2 (paperback)"),
    ("amount-table", f"| Q1 | {_amounts_row()} |\n| Q2 | {_amounts_row()} |"),
    ("thousands-with-blanks", "Total: 12 345 678,90 EUR; area 357 592 km²"),
    ("uuid", "request id 3f2b8c1e-9d4a-4e7b-b1c2-7a8d9e0f1a2b failed"),
    ("shell-prompt", "jdoe@build-07:~/src/app$ make test"),
    ("decorators", "@app.route('/users/<int:uid>')\n@login_required\ndef show(uid): ..."),
    ("package-versions", "npm install lodash@4.17.21 react@18.2.0 @types/node@20.10.5"),
    ("git-remote-login", "ssh -T git@github.com"),
    ("netmask", "mask 255.255.255.0 on eth0"),
    ("coordinates", "coords -33.8688197, 151.2092955"),
    ("lot-number", "Lot 2026-11-4471, expiry 2028-05"),
    ("year-range-after-phone-word", "Handy-Vertrag 2024-2026"),
    ("five-at-price", "5 @ 3.99 each"),
    ("cvv-without-digits", "CVV: *** (never stored)"),
    ("iban-explained", "IBAN format: two letters, two check digits, up to 30 characters"),
]


@pytest.mark.parametrize("case_id, text", NEGATIVES, ids=[c[0] for c in NEGATIVES])
def test_look_alikes_are_kept(case_id: str, text: str) -> None:
    (out,) = ENGINE.redact([Document("1", text, "s")])
    assert [
        (r.entity_type, text[r.start : r.end]) for r in out.redactions if r.entity_type in CONTACT_AND_PAYMENT
    ] == []
