"""A deterministic, labelled corpus of realistic "uploaded work" for the detection-quality benchmark.

``generate(n_docs, seed)`` returns ``n_docs`` documents (e-mails with headers and signatures, Slack and
WhatsApp exports, meeting notes, call-centre transcripts, CVs, support tickets, contracts, Python and
JavaScript source, ``.env``/YAML/credential files, SQL dumps, CSV exports, lock files, git logs and HR
forms). Every planted entity is recorded as a ``Span`` with its exact character offsets and one label
from ``SENSITIVE_LABELS``; ordinary vocabulary that must survive redaction (programming languages,
products, months, weekdays, quarters, job titles, name-like common words, UUIDs in code, digests,
lock-file integrity hashes, version numbers) is recorded with the label ``KEEP``.

Everything comes from one ``random.Random(seed)`` and the word lists below: no network, no data files.
All values are fake: card numbers are Luhn-valid, IBANs have valid check digits, SSNs have valid-looking
area numbers (never 000, 666 or 9xx), other countries' national identity numbers (NHS, Aadhaar, DNI,
PESEL, personnummer, South African ID, TFN) have valid check digits, and keys and tokens are random
characters in each provider's shape. Text outside the labels is unlabelled; redacting it counts against precision.

Labelling conventions (the benchmark's recall needs every non-whitespace character of a span redacted):

- an @handle, ``TODO(name)`` or ``/home/name`` is labelled without the ``@``, the brackets or the path;
- a proprietary term is labelled without a possessive ``'s``; a private key is labelled as its
  base64 body, without the ``-----BEGIN/END ...-----`` lines;
- a phone number with an extension includes the extension (``+1 415-823-4410 ext. 214``), as
  ``phonenumbers`` matches it;
- a street address includes the city, region and postcode; a connection string is split into its
  user name, password and host;
- bcrypt hashes in SQL dumps and base64-encoded values in Kubernetes secrets are ``PASSWORD``; a JWT
  or a Slack webhook URL is ``API_KEY``; a git commit id, UUID, sha256 digest or lock-file integrity
  hash is ``KEEP``;
- plain-text e-mail bodies are sometimes wrapped at 72 columns, which can split a name, an address or a
  customer name across lines (the span then contains a line break).
"""

from __future__ import annotations

import base64
import itertools
import json
import random
import re
import string
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

__all__ = [
    "CODENAMES",
    "CUSTOMERS",
    "INTERNAL_DOMAIN",
    "KEEP",
    "SENSITIVE_LABELS",
    "LabelledDoc",
    "Span",
    "generate",
    "iban_is_valid",
    "luhn_is_valid",
]

# The label set shared by every corpus in the benchmark.
SENSITIVE_LABELS: tuple[str, ...] = (
    "PERSON",
    "EMAIL_ADDRESS",
    "PHONE_NUMBER",
    "CREDIT_CARD",
    "IBAN_CODE",
    "US_SSN",
    "NATIONAL_ID",
    "IP_ADDRESS",
    "URL",
    "DATE_OF_BIRTH",
    "STREET_ADDRESS",
    "USERNAME",
    "API_KEY",
    "PASSWORD",
    "PRIVATE_KEY",
    "ORGANIZATION",
    "CODENAME",
    "CUSTOMER",
    "INTERNAL_HOST",
)
KEEP = "KEEP"
NATID = "NATIONAL_ID"

# The proprietary terms and internal domain of configs/default.yaml (the benchmark warns if they drift).
CODENAMES: tuple[str, ...] = ("Bluefin", "Nightjar")
CUSTOMERS: tuple[str, ...] = ("Hexacore Logistics",)
INTERNAL_DOMAIN = "corp.example.net"

DEFAULT_SEED = 20240917


@dataclass(frozen=True)
class Span:
    """``text[start:end] == value`` is an entity of type ``label`` (or ``KEEP`` vocabulary)."""

    start: int
    end: int
    label: str
    value: str


@dataclass(frozen=True)
class LabelledDoc:
    """One document with its labels, sorted by start and never overlapping."""

    doc_id: str
    kind: str
    text: str
    spans: tuple[Span, ...]


# ----------------------------------------------------------------------------------------------
# Marked-up text: m(LABEL, value) embeds a label in a string; _parse turns it into text + spans.

_OPEN, _MID, _CLOSE = "\x01", "\x02", "\x03"
_MARK = re.compile("\x01([A-Z_]+)\x02(.*?)\x03", re.DOTALL)
_ALL_LABELS = frozenset((*SENSITIVE_LABELS, KEEP))

PER, EMAIL, PHONE, CARD, IBAN, SSN, IP, URL, DOB, ADDR = (
    "PERSON",
    "EMAIL_ADDRESS",
    "PHONE_NUMBER",
    "CREDIT_CARD",
    "IBAN_CODE",
    "US_SSN",
    "IP_ADDRESS",
    "URL",
    "DATE_OF_BIRTH",
    "STREET_ADDRESS",
)
USER, KEY, PW, PKEY, ORG, CODE, CUST, HOST = (
    "USERNAME",
    "API_KEY",
    "PASSWORD",
    "PRIVATE_KEY",
    "ORGANIZATION",
    "CODENAME",
    "CUSTOMER",
    "INTERNAL_HOST",
)


def m(label: str, value: str) -> str:
    """Mark ``value`` as an entity of ``label`` inside a template string."""
    if label not in _ALL_LABELS:
        raise ValueError(f"unknown label {label}")
    if not value or value != value.strip():
        raise ValueError(f"label value must be non-empty and trimmed: {value!r}")
    return f"{_OPEN}{label}{_MID}{value}{_CLOSE}"


def kw(value: str) -> str:
    """Mark ``value`` as vocabulary that must be kept."""
    return m(KEEP, value)


def _parse(marked: str) -> tuple[str, list[tuple[int, int, str]]]:
    out: list[str] = []
    spans: list[tuple[int, int, str]] = []
    pos = 0
    length = 0
    for match in _MARK.finditer(marked):
        plain = marked[pos : match.start()]
        out.append(plain)
        length += len(plain)
        label, value = match.group(1), match.group(2)
        spans.append((length, length + len(value), label))
        out.append(value)
        length += len(value)
        pos = match.end()
    out.append(marked[pos:])
    text = "".join(out)
    if any(c in text for c in (_OPEN, _MID, _CLOSE)):
        raise ValueError("unbalanced entity markup")
    return text, spans


def _wrap(text: str, width: int) -> str:
    """Greedy word wrap that only turns spaces into line breaks (offsets are unchanged)."""
    chars = list(text)
    line_start = 0
    last_space = -1
    for i, c in enumerate(chars):
        if c == "\n":
            line_start, last_space = i + 1, -1
            continue
        if c == " ":
            last_space = i
        if i - line_start >= width and last_space > line_start:
            chars[last_space] = "\n"
            line_start, last_space = last_space + 1, -1
    return "".join(chars)


class _Doc:
    """Collects marked-up chunks (optionally word-wrapped) and builds a ``LabelledDoc``."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._chunks: list[tuple[str, int | None]] = []

    def add(self, marked: str, wrap: int | None = None) -> _Doc:
        self._chunks.append((marked, wrap))
        return self

    def build(self, doc_id: str) -> LabelledDoc:
        texts: list[str] = []
        spans: list[Span] = []
        offset = 0
        for marked, wrap in self._chunks:
            text, local = _parse(marked)
            if wrap:
                text = _wrap(text, wrap)
            for start, end, label in local:
                spans.append(Span(offset + start, offset + end, label, text[start:end]))
            texts.append(text)
            offset += len(text)
        full = "".join(texts)
        spans.sort(key=lambda s: (s.start, s.end))
        for a, b in itertools.pairwise(spans):
            if b.start < a.end:
                raise ValueError(f"overlapping labels in {doc_id}: {a} / {b}")
        return LabelledDoc(doc_id, self.kind, full, tuple(spans))


# ----------------------------------------------------------------------------------------------
# Word lists (Latin script; names keep their usual diacritics).

# culture -> (first names, last names), space-separated.
_NAME_LISTS: dict[str, tuple[str, str]] = {
    "english": (
        (
            "James Olivia Michael Emma William Sophie Daniel Charlotte Thomas Hannah Oliver Jack Amelia Ryan "
            "Chloe Matthew Lucy Jordan Megan Nathan"
        ),
        (
            "Smith Johnson Williams Brown Taylor Davies Evans Wilson Thompson Wright Walker Robinson Hughes "
            "Edwards Green Hall Clarke Jackson Harris Lewis"
        ),
    ),
    "spanish": (
        (
            "José María Alejandro Lucía Javier Carmen Diego Sofía Pablo Isabel Andrés Valentina Miguel Elena "
            "Sergio Marisol"
        ),
        (
            "García Fernández González Rodríguez López Martínez Sánchez Pérez Gómez Ruiz Hernández Díaz Moreno "
            "Álvarez Romero Castillo"
        ),
    ),
    "indian": (
        (
            "Priya Rahul Ananya Arjun Sneha Vikram Aditi Rohan Kavya Siddharth Neha Karthik Pooja Aarav Divya "
            "Harish Lakshmi Venkatesh"
        ),
        (
            "Sharma Patel Iyer Reddy Gupta Nair Singh Krishnan Mehta Chatterjee Desai Rao Banerjee Kulkarni Menon "
            "Subramanian"
        ),
    ),
    "chinese": (
        "Wei Xiaoling Jun Mei Hao Yan Lei Jing Zhiwei Xinyi Yu Tao Ying Jiahui Zihan Bo",
        "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo Lin",
    ),
    "arabic": (
        ("Mohammed Fatima Ahmed Layla Omar Aisha Youssef Noor Khalid Mariam Hassan Zainab Tariq Salma Karim Rania"),
        (
            "Al-Sayed Haddad Mansour Khalil Nasser Saleh Hamdan Farouk Aziz El-Amin Rahman Abdullah Darwish Habib "
            "Al-Masri"
        ),
    ),
    "nigerian": (
        (
            "Chinedu Ngozi Oluwaseun Adaeze Emeka Funmilayo Tunde Chiamaka Obinna Yetunde Babatunde Ifeoma "
            "Kelechi Folake Segun Amaka"
        ),
        ("Okafor Adeyemi Okonkwo Balogun Eze Nwosu Adebayo Ogunleye Chukwu Olawale Obi Afolabi Ibrahim Onyeka Bello"),
    ),
    "german": (
        (
            "Lukas Anna Jonas Lena Felix Marie Maximilian Katharina Tobias Florian Johanna Matthias Julia Stefan "
            "Jürgen Sabine"
        ),
        (
            "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter Wolf "
            "Schröder Neumann Krüger"
        ),
    ),
    "polish": (
        (
            "Jakub Zofia Kacper Agnieszka Łukasz Katarzyna Piotr Małgorzata Tomasz Magdalena Paweł Joanna "
            "Krzysztof Aleksandra Wojciech"
        ),
        (
            "Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański Woźniak "
            "Dąbrowski Kozłowski Jankowski Mazur Krawczyk"
        ),
    ),
    "japanese": (
        "Haruto Yui Sota Aoi Ren Hina Yuto Sakura Kenji Yuki Takashi Emi Daiki Naoko Hiroshi",
        (
            "Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada Sasaki "
            "Matsumoto Inoue"
        ),
    ),
    "vietnamese": (
        "Minh Linh Anh Huong Duc Thao Quang Lan Tuan Mai Hieu Ngoc Khanh Trang Phuong Thanh",
        "Nguyen Tran Le Pham Hoang Phan Vu Dang Bui Do Ngo Duong Nguyễn Trần Lê Phạm",
    ),
    "korean": (
        "Min-jun Seo-yeon Ji-ho Ha-eun Do-yun Ji-woo Seung-hyun Eun-ji",
        "Kim Lee Park Choi Jung Kang Cho Yoon",
    ),
    "french": (
        "Camille Louis Chloé Hugo Manon Théo Léa Mathieu Élodie Antoine",
        "Martin Bernard Dubois Lefèvre Moreau Laurent Girard Rousseau Fontaine",
    ),
    "turkish": (
        "Emre Zeynep Mehmet Elif Burak Ayşe Can Deniz",
        "Yılmaz Kaya Demir Şahin Çelik Öztürk Aydın Arslan",
    ),
    "brazilian": (
        "João Ana Gabriel Beatriz Rafael Juliana Thiago Fernanda",
        "Silva Santos Oliveira Souza Costa Ferreira Almeida Carvalho",
    ),
    "russian": (
        "Dmitri Olga Sergei Natalia Alexei Irina Mikhail Svetlana",
        "Ivanov Petrova Smirnov Volkova Kuznetsov Sokolova Popov Morozova",
    ),
    "kenyan": (
        "Wanjiru Kamau Achieng Otieno Njeri Kiprop Akinyi Mwangi",
        "Odhiambo Kariuki Wambui Kipchoge Omondi Chebet Mutua Njoroge",
    ),
}
NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    culture: (tuple(firsts.split()), tuple(lasts.split())) for culture, (firsts, lasts) in _NAME_LISTS.items()
}
CULTURES = tuple(NAMES)

LANGUAGES = ("Python", "JavaScript", "TypeScript", "Go", "Rust", "Java", "Kotlin", "C#", "SQL", "Bash", "Scala", "Ruby")
PRODUCTS = (
    "Excel",
    "Kubernetes",
    "Docker",
    "PostgreSQL",
    "Jira",
    "Confluence",
    "Terraform",
    "Grafana",
    "Tableau",
    "PowerPoint",
    "Zoom",
    "Airflow",
    "Snowflake",
    "Salesforce",
    "Outlook",
    "SharePoint",
    "Figma",
    "Redis",
    "Kafka",
    "Datadog",
    "Looker",
    "Power BI",
)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October")
MONTHS = (*MONTHS, "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
QUARTERS = ("Q1", "Q2", "Q3", "Q4")
TITLES = (
    "Senior Software Engineer",
    "Product Manager",
    "Data Analyst",
    "Account Executive",
    "Engineering Manager",
    "Customer Success Manager",
    "Head of Finance",
    "DevOps Engineer",
    "QA Lead",
    "Solutions Architect",
    "HR Business Partner",
    "Marketing Director",
    "Operations Coordinator",
    "Staff Data Scientist",
)
# Common words that are also first names or look like entities; they must be kept.
TRICKY_STARTS = ("Will do", "Mark it as resolved", "Bill the remaining hours", "Hope this helps", "Chase the vendor")

ORG_HEADS = (
    "Brightwater",
    "Northwind",
    "Bluepeak",
    "Ironbridge",
    "Silverline",
    "Redwood",
    "Crescent",
    "Summit",
    "Harborview",
    "Evergreen",
    "Granite",
    "Lakeside",
    "Kestrel",
    "Copperfield",
    "Pinnacle",
    "Aldergate",
    "Sunmore",
    "Veridian",
)
ORG_KINDS = (
    "Analytics",
    "Capital",
    "Health",
    "Software",
    "Robotics",
    "Foods",
    "Energy",
    "Consulting",
    "Media",
    "Insurance",
    "Labs",
    "Systems",
    "Pharma",
    "Retail",
)
ORG_SUFFIXES = ("Ltd", "LLC", "Inc.", "GmbH", "S.A.", "Pvt Ltd", "plc", "Pty Ltd", "K.K.", "")
# Legal forms of more countries: Germany/Switzerland, Italy, the Netherlands/Belgium, Finland, Sweden,
# Denmark/Norway, the EU, the UK and US.
ORG_SUFFIXES = (*ORG_SUFFIXES, "AG", "S.p.A.", "B.V.", "N.V.", "Oy", "AB", "A/S", "SE", "LLP", "Corp.")
ORG_PEOPLE_STYLE = ("{last} & Partners LLP", "{last} Holdings", "{last} Consulting Group", "{last} und Söhne GmbH")
# Firms named after partners or a family, and public bodies.
ORG_PEOPLE_STYLE = (*ORG_PEOPLE_STYLE, "{last} and Sons", "{last} & Co.", "{last}, {last2} and {last3}")
ORG_PEOPLE_STYLE = (*ORG_PEOPLE_STYLE, "{last} & {last2}", "{last} Brothers Ltd")
# One-word brand names (invented): an employer named only by its brand, cued by a role ("CTO at Quorvo").
ORG_BRANDS = ("Quorvo", "Zentrix", "Plentiq", "Fintora", "Brandlo", "Nuvexa", "Kortiva", "Lumagen")
PUBLIC_BODIES = ("Ministry of Health", "Bank of England", "Department of Justice", "Council of Europe")
PUBLIC_BODIES = (*PUBLIC_BODIES, "Ministerio de Hacienda", "Royal Society of Chemistry", "Embassy of Brazil")
UNIVERSITIES = (
    "University of Lagos",
    "Technische Universität München",
    "IIT Bombay",
    "Universidad Complutense de Madrid",
    "University of Leeds",
    "Tsinghua University",
    "Uniwersytet Warszawski",
    "Keio University",
    "Cairo University",
    "Vietnam National University",
    "University of Toronto",
    "Sorbonne Université",
)

PERSONAL_DOMAINS = (
    "gmail.com",
    "outlook.com",
    "yahoo.com",
    "hotmail.co.uk",
    "web.de",
    "gmx.de",
    "orange.fr",
    "yahoo.co.in",
    "rediffmail.com",
    "qq.com",
    "icloud.com",
    "proton.me",
    "wp.pl",
    "yahoo.co.jp",
    "libero.it",
)
COMPANY_TLDS = (".com", ".co.uk", ".de", ".fr", ".in", ".com.au", ".io", ".es")
INTERNAL_HOSTS = (
    "jenkins",
    "git",
    "wiki",
    "vault",
    "grafana",
    "db-prod-03",
    "db-staging-01",
    "vpn",
    "jira",
    "build-agent-07",
    "k8s-api",
    "sftp",
)

_B64 = string.ascii_letters + string.digits + "+/"
_B64URL = string.ascii_letters + string.digits + "-_"
_ALNUM = string.ascii_letters + string.digits
_LOWER_DIGITS = string.ascii_lowercase + string.digits
_UPPER_DIGITS = string.ascii_uppercase + string.digits


# ----------------------------------------------------------------------------------------------
# Validated identifiers.


def luhn_is_valid(number: str) -> bool:
    """True when the digits of ``number`` pass the Luhn check."""
    digits = [int(c) for c in number if c.isdigit()]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return bool(digits) and total % 10 == 0


def _iban_numeric(s: str) -> int:
    return int("".join(str(int(c, 36)) for c in s))


def iban_is_valid(iban: str) -> bool:
    """True when ``iban`` (spaces allowed) has valid ISO 13616 check digits."""
    s = iban.replace(" ", "").upper()
    return len(s) > 4 and _iban_numeric(s[4:] + s[:4]) % 97 == 1


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def _chars(rng: random.Random, alphabet: str, n: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def _card(rng: random.Random) -> str:
    kind = rng.choice(("visa", "visa", "mc", "amex", "discover"))
    prefix, length = {
        "visa": ("4" + _digits(rng, 5), 16),
        "mc": (str(rng.randint(51, 55)) + _digits(rng, 4), 16),
        "amex": (rng.choice(("34", "37")) + _digits(rng, 4), 15),
        "discover": ("6011" + _digits(rng, 2), 16),
    }[kind]
    body = prefix + _digits(rng, length - len(prefix) - 1)
    for check in string.digits:
        if luhn_is_valid(body + check):
            number = body + check
            break
    style = rng.choice(("space", "space", "dash", "plain"))
    if style == "plain":
        return number
    sep = " " if style == "space" else "-"
    groups = (4, 6, 5) if length == 15 else (4, 4, 4, 4)
    out, i = [], 0
    for g in groups:
        out.append(number[i : i + g])
        i += g
    return sep.join(out)


_IBAN_BBAN: dict[str, Callable[[random.Random], str]] = {
    "DE": lambda r: _digits(r, 18),
    "GB": lambda r: r.choice(("NWBK", "BARC", "HBUK", "LOYD", "MIDL")) + _digits(r, 14),
    "FR": lambda r: _digits(r, 23),
    "ES": lambda r: _digits(r, 20),
    "NL": lambda r: r.choice(("ABNA", "INGB", "RABO")) + _digits(r, 10),
    "IT": lambda r: r.choice(string.ascii_uppercase) + _digits(r, 22),
    "PL": lambda r: _digits(r, 24),
}


def _iban(rng: random.Random) -> str:
    country = rng.choice(tuple(_IBAN_BBAN))
    bban = _IBAN_BBAN[country](rng)
    check = 98 - _iban_numeric(bban + country + "00") % 97
    iban = f"{country}{check:02d}{bban}"
    if rng.random() < 0.3:
        return iban
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))


def _ssn(rng: random.Random) -> str:
    area = rng.choice([a for a in range(1, 900) if a != 666])
    group, serial = rng.randint(1, 99), rng.randint(1, 9999)
    sep = rng.choice(("-", "-", "-", " "))
    return f"{area:03d}{sep}{group:02d}{sep}{serial:04d}"


def _dihedral(j: int, k: int) -> int:
    """The product j·k in the dihedral group D5 (0-4 rotations, 5-9 reflections), as Verhoeff numbers it."""
    if j < 5:
        return (j + k) % 5 + (5 if k >= 5 else 0)
    return (j - k) % 5 + (0 if k >= 5 else 5)


_VERHOEFF_P1 = (1, 5, 7, 6, 2, 8, 3, 0, 9, 4)
_VERHOEFF_P = [tuple(range(10))]
for _ in range(7):
    _VERHOEFF_P.append(tuple(_VERHOEFF_P1[x] for x in _VERHOEFF_P[-1]))
_VERHOEFF_INV = (0, 4, 3, 2, 1, 5, 6, 7, 8, 9)


def _verhoeff_digit(digits: str) -> str:
    c = 0
    for i, d in enumerate(reversed(digits)):
        c = _dihedral(c, _VERHOEFF_P[(i + 1) % 8][int(d)])
    return str(_VERHOEFF_INV[c])


def _luhn_digit(digits: str) -> str:
    total = 0
    for i, d in enumerate(reversed(digits)):
        n = int(d) * (2 if i % 2 == 0 else 1)
        total += n - 9 if n > 9 else n
    return str((10 - total % 10) % 10)


def _birth_digits(rng: random.Random) -> str:
    return f"{rng.randint(50, 99):02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"


def _national_id(rng: random.Random) -> tuple[str, str]:
    """(the label a form writes before it, the number) of a national identity or tax number of one country,
    its check digit valid: NHS number (mod 11), Aadhaar (Verhoeff), DNI (mod 23 letter), PESEL (weighted),
    Swedish personnummer and South African ID (Luhn), Australian TFN (weighted mod 11)."""
    kind = rng.choice(("NHS", "AADHAAR", "DNI", "PESEL", "PERSONNUMMER", "ZA", "TFN"))
    if kind == "NHS":
        while True:
            body = _digits(rng, 9)
            check = 11 - sum(int(d) * (10 - i) for i, d in enumerate(body)) % 11
            if check != 10:
                number = body + str(check % 11)
                return "NHS number", f"{number[:3]} {number[3:6]} {number[6:]}"
    if kind == "AADHAAR":
        body = str(rng.randint(2, 9)) + _digits(rng, 10)
        number = body + _verhoeff_digit(body)
        return "Aadhaar", " ".join(number[i : i + 4] for i in range(0, 12, 4))
    if kind == "DNI":
        n = rng.randint(10_000_000, 99_999_999)
        return "DNI", f"{n}{'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23]}"
    if kind == "PESEL":
        body = _birth_digits(rng) + _digits(rng, 4)
        check = (10 - sum(int(d) * w for d, w in zip(body, (1, 3, 7, 9, 1, 3, 7, 9, 1, 3), strict=True)) % 10) % 10
        return "PESEL", body + str(check)
    if kind == "PERSONNUMMER":
        body = _birth_digits(rng) + _digits(rng, 3)
        return "Personnummer", f"{body[:6]}-{body[6:]}{_luhn_digit(body)}"
    if kind == "ZA":
        body = _birth_digits(rng) + _digits(rng, 4) + rng.choice("01") + "8"
        return "SA ID number", body + _luhn_digit(body)
    while True:
        body = _digits(rng, 8)
        for last in range(10):
            number = body + str(last)
            if sum(int(d) * w for d, w in zip(number, (1, 4, 3, 7, 5, 8, 6, 9, 10), strict=True)) % 11 == 0:
                return "TFN", f"{number[:3]} {number[3:6]} {number[6:]}"


def _ipv4(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.25:
        return f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    if kind < 0.4:
        return f"192.168.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    first = rng.choice((23, 31, 45, 62, 81, 89, 91, 103, 109, 145, 151, 176, 185, 188, 203, 212))
    return f"{first}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def _ip(rng: random.Random) -> str:
    if rng.random() < 0.12:
        groups = [f"{rng.randint(0x2400, 0x2A0F):x}", f"{rng.randint(0, 0xFFFF):x}"]
        groups += [f"{rng.randint(1, 0xFFFF):x}" for _ in range(6)]
        if rng.random() < 0.5:
            return ":".join(groups[:3]) + "::" + ":".join(groups[6:])
        return ":".join(groups)
    return _ipv4(rng)


_US_AREAS = ("212", "213", "305", "312", "404", "415", "503", "512", "602", "617", "646", "702", "206", "303")


def _phone(rng: random.Random, country: str | None = None) -> str:
    """A valid-looking phone number of one country, in one of that country's usual formats."""
    country = country or rng.choice(("US", "US", "GB", "DE", "FR", "IN", "AU", "ES", "JP", "NG", "BR"))
    d = lambda n: _digits(rng, n)  # noqa: E731
    if country == "US":
        area = rng.choice(_US_AREAS)
        exch = str(rng.randint(2, 9)) + d(2)
        while exch == "555" or exch[1:] == "11":
            exch = str(rng.randint(2, 9)) + d(2)
        line = d(4)
        fmt = rng.choice(
            (
                f"({area}) {exch}-{line}",
                f"{area}-{exch}-{line}",
                f"{area}.{exch}.{line}",
                f"+1 {area} {exch} {line}",
                f"+1{area}{exch}{line}",
                f"1-{area}-{exch}-{line}",
                f"+1 ({area}) {exch}-{line}",
                f"+1 {area}-{exch}-{line}",
            )
        )
        if rng.random() < 0.25:
            fmt += rng.choice((f" ext. {d(3)}", f" x{d(4)}", f" ext {d(2)}", f" Ext. {d(3)}"))
        return fmt
    if country == "GB":
        kind = rng.random()
        if kind < 0.4:
            a, b = "7" + d(3), d(4)
            return rng.choice((f"+44 20 {a} {b}", f"020 {a} {b}", f"(020) {a} {b}", f"+44 (0)20 {a} {b}"))
        if kind < 0.55:
            return rng.choice((f"0161 {rng.randint(2, 9)}{d(2)} {d(4)}", f"+44 161 {rng.randint(2, 9)}{d(2)} {d(4)}"))
        mob = f"7{rng.choice('45789')}{d(2)}"
        rest = d(6)
        return rng.choice((f"0{mob} {rest}", f"+44 {mob} {rest}", f"+44{mob}{rest}", f"0{mob} {rest[:3]} {rest[3:]}"))
    if country == "DE":
        if rng.random() < 0.5:
            n = d(8)
            return rng.choice((f"030 {n}", f"+49 30 {n}", f"+49 (0)30 {n[:4]} {n[4:]}", f"030/{n}", f"030-{n}"))
        pre = rng.choice(("151", "152", "157", "160", "162", "176", "179"))
        n = d(8)
        return rng.choice((f"0{pre} {n}", f"+49 {pre} {n}", f"+49 {pre} {n[:4]} {n[4:]}", f"0{pre}/{n}"))
    if country == "FR":
        first = rng.choice(("1", "2", "3", "4", "5", "6", "6", "7"))
        lead = {"5": "12345678", "6": "1245678", "7": "345678"}.get(first, "123456789")
        pairs = [rng.choice(lead) + d(1)] + [d(2) for _ in range(3)]
        return rng.choice(
            (
                f"0{first} " + " ".join(pairs),
                f"+33 {first} " + " ".join(pairs),
                f"0{first}." + ".".join(pairs),
                f"+33{first}" + "".join(pairs),
            )
        )
    if country == "IN":
        if rng.random() < 0.7:
            n = str(rng.randint(6, 9)) + d(9)
            return rng.choice((f"+91 {n[:5]} {n[5:]}", f"0{n[:5]} {n[5:]}", f"+91-{n}", f"+91{n}", f"{n[:5]} {n[5:]}"))
        n = d(8)
        return rng.choice((f"+91 80 {n[:4]} {n[4:]}", f"080 {n[:4]} {n[4:]}", f"080-{n}"))
    if country == "AU":
        if rng.random() < 0.5:
            n = rng.choice("89") + d(7)
            return rng.choice((f"(02) {n[:4]} {n[4:]}", f"+61 2 {n[:4]} {n[4:]}", f"02 {n[:4]} {n[4:]}"))
        n = rng.choice("0123") + d(7)
        return rng.choice((f"04{n[:2]} {n[2:5]} {n[5:]}", f"+61 4{n[:2]} {n[2:5]} {n[5:]}", f"+614{n}"))
    if country == "ES":
        if rng.random() < 0.6:
            n = "6" + d(8)
            return rng.choice((f"+34 {n[:3]} {n[3:6]} {n[6:]}", f"{n[:3]} {n[3:5]} {n[5:7]} {n[7:]}", f"+34{n}"))
        n = "91" + d(7)
        return rng.choice((f"{n[:3]} {n[3:6]} {n[6:]}", f"+34 {n[:3]} {n[3:6]} {n[6:]}"))
    if country == "JP":
        if rng.random() < 0.5:
            a, b = str(rng.randint(1, 9)) + d(3), d(4)
            return rng.choice((f"03-{a}-{b}", f"+81 3-{a}-{b}", f"+81 3 {a} {b}"))
        pre = rng.choice(("90", "80", "70"))
        a, b = str(rng.randint(1, 9)) + d(3), d(4)
        return rng.choice((f"0{pre}-{a}-{b}", f"+81 {pre}-{a}-{b}", f"+81{pre}{a}{b}"))
    if country == "NG":
        pre = rng.choice(("803", "806", "813", "816", "703", "706", "805", "807", "802", "808"))
        a, b = d(3), d(4)
        return rng.choice((f"0{pre} {a} {b}", f"+234 {pre} {a} {b}", f"+234{pre}{a}{b}", f"0{pre}-{a}-{b}"))
    # BR
    a, b = d(4), d(4)
    return rng.choice((f"+55 11 9{a}-{b}", f"(11) 9{a}-{b}", f"+55 21 9{a} {b}"))


_US_CITIES = (
    ("Portland", "OR", "972"),
    ("Austin", "TX", "787"),
    ("Denver", "CO", "802"),
    ("Columbus", "OH", "432"),
    ("Raleigh", "NC", "276"),
    ("Madison", "WI", "537"),
    ("Tucson", "AZ", "857"),
    ("Boise", "ID", "837"),
    ("Springfield", "IL", "627"),
    ("Albany", "NY", "122"),
)
_US_STREETS = ("Maple Avenue", "Juniper Road", "Oak Street", "Cedar Lane", "Pine Street", "Elm Drive")
_US_STREETS = (*_US_STREETS, "Lakeview Boulevard", "Washington Avenue", "Hillcrest Drive", "Willow Court")
_UK_TOWNS = (
    ("London", "W2"),
    ("London", "SE15"),
    ("Manchester", "M1"),
    ("Leeds", "LS6"),
    ("Bristol", "BS8"),
    ("Cambridge", "CB2"),
    ("Edinburgh", "EH3"),
    ("Cardiff", "CF10"),
)
_UK_STREETS = ("Harrow Road", "Victoria Street", "Mill Lane", "Church Road", "Station Road", "Kings Road")
_UK_STREETS = (*_UK_STREETS, "Queensway", "Elm Grove", "Albert Terrace")
_DE_CITIES = (
    ("Berlin", "10"),
    ("München", "80"),
    ("Hamburg", "20"),
    ("Köln", "50"),
    ("Frankfurt am Main", "60"),
    ("Leipzig", "04"),
    ("Stuttgart", "70"),
)
_DE_STREETS = ("Lindenstraße", "Hauptstraße", "Bahnhofstraße", "Goethestraße", "Schillerstraße", "Am Waldrand")
_DE_STREETS = (*_DE_STREETS, "Gartenweg", "Kirchplatz", "Bergstraße", "Rosenweg")
_FR_CITIES = (
    ("Paris", "750"),
    ("Lyon", "6900"),
    ("Marseille", "130"),
    ("Toulouse", "310"),
    ("Lille", "590"),
    ("Nantes", "440"),
    ("Bordeaux", "330"),
)
_FR_STREETS = ("rue des Lilas", "rue de la République", "avenue Jean Jaurès", "boulevard Voltaire")
_FR_STREETS = (*_FR_STREETS, "rue du Faubourg Saint-Antoine", "place Bellecour", "rue Victor Hugo")
_IN_PLACES = (
    ("Indiranagar", "Bengaluru", "Karnataka", "5600"),
    ("Koramangala", "Bengaluru", "Karnataka", "5600"),
    ("Bandra West", "Mumbai", "Maharashtra", "4000"),
    ("T. Nagar", "Chennai", "Tamil Nadu", "6000"),
    ("Banjara Hills", "Hyderabad", "Telangana", "5000"),
    ("Salt Lake", "Kolkata", "West Bengal", "7000"),
)
_IN_BUILDINGS = ("Sai Krupa Apartments", "Lakeview Residency", "Shanti Nivas", "Green Glen Towers", "Sunrise Enclave")
_IN_STREETS = ("MG Road", "14th Cross Road", "100 Feet Road", "Linking Road", "Anna Salai", "2nd Main Road")
_AU_PLACES = (
    ("Fitzroy", "VIC", "3065"),
    ("Surry Hills", "NSW", "2010"),
    ("Fortitude Valley", "QLD", "4006"),
    ("Subiaco", "WA", "6008"),
    ("Glenelg", "SA", "5045"),
    ("Newtown", "NSW", "2042"),
)
_AU_STREETS = ("Smith Street", "George Street", "Collins Street", "Chapel Street", "Beach Road", "Victoria Parade")


# USPS Publication 28: street suffixes (C1) and secondary unit designators (C2) beyond the common ones.
_US_STREETS_MORE = ("Fifth Avenue", "5th Avenue", "W 42nd Street", "Hunters Point", "Mill Creek Crossing")
_US_STREETS_MORE = (*_US_STREETS_MORE, "Ridge View Terrace", "Harbor Plaza", "Old Mill Pike", "Infinite Loop")
_US_UNITS = ("Apt", "Ste", "Unit", "Bldg", "Fl", "Rm", "#")
_US_STATE_NAMES = {"OR": "Oregon", "TX": "Texas", "CO": "Colorado", "OH": "Ohio", "NC": "North Carolina"}
_CA_PLACES = (("Toronto", "ON", "M5V"), ("Ottawa", "ON", "K1A"), ("Vancouver", "BC", "V6B"), ("Calgary", "AB", "T2P"))
_CA_STREETS = ("Queen St W", "King Street East", "Rue Sainte-Catherine", "Granville Street", "Bank Street")
_IT_PLACES = (("Roma", "001"), ("Milano", "201"), ("Torino", "101"), ("Bologna", "401"))
_IT_STREETS = ("Via Roma", "Via Giuseppe Garibaldi", "Corso Vittorio Emanuele", "Piazza della Signoria", "Viale Monza")
_ES_PLACES = (("Madrid", "280"), ("Barcelona", "080"), ("Sevilla", "410"), ("Valencia", "460"))
_ES_STREETS = ("Calle de Alcalá", "C/ Mayor", "Avenida de la Constitución", "Paseo de Gracia", "Calle Serrano")
_NL_PLACES = ("Amsterdam", "Utrecht", "Rotterdam", "Eindhoven")
_NL_STREETS = ("Keizersgracht", "Stationsplein", "Lange Voorhout", "Kerkstraat", "Oudegracht")
_NORDIC_PLACES = (("Stockholm", "SE"), ("Göteborg", "SE"), ("Oslo", "NO"), ("København", "DK"), ("Helsinki", "FI"))
_NORDIC_STREETS = {
    "SE": ("Drottninggatan", "Storgatan", "Kungsvägen"),
    "NO": ("Karl Johans gate", "Storgata", "Bygdøy allé"),
    "DK": ("Nørregade", "Strandvejen", "Vesterbrogade"),
    "FI": ("Mannerheimintie", "Aleksanterinkatu", "Hämeentie"),
}
_PL_PLACES = (("Warszawa", "00"), ("Kraków", "31"), ("Gdańsk", "80"), ("Wrocław", "50"))
_PL_STREETS = ("ul. Marszałkowska", "ul. Długa", "al. Jerozolimskie", "ul. Piotrkowska")


def _address_more(rng: random.Random, country: str, sep: str) -> str:
    """Addresses in the formats of Canada Post, the US Postal Service's boxes and rural routes, and of Italy,
    Spain, the Netherlands, the Nordic countries and Poland (street word before or after the name)."""
    if country == "CA":
        city, prov, fsa = rng.choice(_CA_PLACES)
        code = f"{fsa} {rng.randint(0, 9)}{rng.choice('ABCEGHJKLMNPRSTVWXYZ')}{rng.randint(0, 9)}"
        unit = rng.choice(("", f"Suite {rng.randint(100, 2400)}, ", f"{rng.randint(1, 40)}-"))
        return f"{unit}{rng.randint(10, 999)} {rng.choice(_CA_STREETS)}{sep}{city}, {prov} {code}"
    if country == "US_BOX":
        city, state, zip3 = rng.choice(_US_CITIES)
        box = rng.choice(
            (
                f"P.O. Box {rng.randint(10, 99999)}",
                f"PO Box {rng.randint(10, 9999)}",
                f"RR {rng.randint(1, 9)} Box {rng.randint(10, 999)}",
                f"HC {rng.randint(1, 80)} Box {rng.randint(10, 999)}",
            )
        )
        return f"{box}{sep}{city}, {state} {zip3}{_digits(rng, 2)}"
    if country == "IT":
        city, cap3 = rng.choice(_IT_PLACES)
        return f"{rng.choice(_IT_STREETS)} {rng.randint(1, 200)}{sep}{cap3}{_digits(rng, 2)} {city}"
    if country == "ES":
        city, cp3 = rng.choice(_ES_PLACES)
        floor = rng.choice(("", f", {rng.randint(1, 8)}º"))
        return f"{rng.choice(_ES_STREETS)} {rng.randint(1, 150)}{floor}{sep}{cp3}{_digits(rng, 2)} {city}"
    if country == "NL":
        code = f"{rng.randint(1000, 9999)} {_chars(rng, 'ABCEGHJKLNPRSTVWXZ', 2)}"
        return f"{rng.choice(_NL_STREETS)} {rng.randint(1, 400)}{sep}{code} {rng.choice(_NL_PLACES)}"
    if country == "NORDIC":
        city, cc = rng.choice(_NORDIC_PLACES)
        code = f"{rng.randint(100, 999)} {rng.randint(10, 99)}" if cc == "SE" else f"{rng.randint(1000, 9999)}"
        if cc == "FI":
            code = f"{rng.randint(0, 99):02d}{rng.randint(100, 999)}"
        return f"{rng.choice(_NORDIC_STREETS[cc])} {rng.randint(1, 90)}{rng.choice(('', '', 'B'))}{sep}{code} {city}"
    city, pc2 = rng.choice(_PL_PLACES)
    flat = rng.choice(("", f"/{rng.randint(1, 60)}"))
    return f"{rng.choice(_PL_STREETS)} {rng.randint(1, 150)}{flat}{sep}{pc2}-{_digits(rng, 3)} {city}"


def _address(rng: random.Random, country: str | None = None, multiline: bool = False) -> str:
    """A street address with city and postcode, in one of twelve countries' formats or a US box."""
    country = country or rng.choice(
        ("US", "UK", "DE", "FR", "IN", "AU", "US", "CA", "US_BOX", "IT", "ES", "NL", "NORDIC", "PL")
    )
    sep = "\n" if multiline else ", "
    if country not in ("US", "UK", "DE", "FR", "IN", "AU"):
        return _address_more(rng, country, sep)
    if country == "US":
        city, state, zip3 = rng.choice(_US_CITIES)
        streets = _US_STREETS if rng.random() < 0.6 else _US_STREETS_MORE
        street = f"{rng.randint(10, 9899)} {rng.choice(streets)}"
        if rng.random() < 0.2:
            street = street.replace("Avenue", "Ave.").replace("Street", "St.").replace("Road", "Rd.")
        unit = rng.choice(("", "", f"Apt {rng.randint(1, 40)}{rng.choice('ABCD')}", f"Suite {rng.randint(100, 900)}"))
        if rng.random() < 0.3:
            unit = f"{rng.choice(_US_UNITS)} {rng.randint(1, 40)}"
        zip_code = f"{zip3}{_digits(rng, 2)}" + (f"-{_digits(rng, 4)}" if rng.random() < 0.3 else "")
        state_name = _US_STATE_NAMES.get(state, state) if rng.random() < 0.3 else state
        if unit and rng.random() < 0.3:  # the unit before the number: "Suite 210, 55 Hunters Point"
            street, unit = f"{unit}, {street}", ""
        parts = [street, *([unit] if unit else []), f"{city}, {state_name} {zip_code}"]
        return sep.join(parts)
    if country == "UK":
        town, area = rng.choice(_UK_TOWNS)
        postcode = f"{area} {rng.randint(1, 9)}{_chars(rng, 'ABDEFGHJLNPQRSTUWXYZ', 2)}"
        street = f"{rng.randint(1, 240)} {rng.choice(_UK_STREETS)}"
        if rng.random() < 0.3:
            street = f"Flat {rng.randint(1, 12)}{sep}{street}"
        return f"{street}{sep}{town}{sep if multiline else ' '}{postcode}"
    if country == "DE":
        city, plz2 = rng.choice(_DE_CITIES)
        street = f"{rng.choice(_DE_STREETS)} {rng.randint(1, 120)}{rng.choice(('', '', 'a'))}"
        return f"{street}{sep}{plz2}{_digits(rng, 3)} {city}"
    if country == "FR":
        city, prefix = rng.choice(_FR_CITIES)
        code = prefix + (f"{rng.randint(1, 20):02d}" if len(prefix) == 3 and city == "Paris" else "")
        code = code + _digits(rng, 5 - len(code))
        number = f"{rng.randint(1, 180)}{rng.choice(('', '', ' bis'))}"
        return f"{number} {rng.choice(_FR_STREETS)}{sep}{code} {city}"
    if country == "IN":
        locality, city, state, pin4 = rng.choice(_IN_PLACES)
        flat = f"Flat {rng.randint(1, 12)}0{rng.randint(1, 9)}, {rng.choice(_IN_BUILDINGS)}"
        return f"{flat}{sep}{rng.choice(_IN_STREETS)}, {locality}{sep}{city}, {state} {pin4}{_digits(rng, 2)}"
    suburb, state, pc = rng.choice(_AU_PLACES)
    unit = rng.choice(("", f"Unit {rng.randint(1, 30)}, ", f"{rng.randint(1, 30)}/"))
    return f"{unit}{rng.randint(1, 300)} {rng.choice(_AU_STREETS)}{sep}{suburb} {state} {pc}"


def _dob(rng: random.Random) -> str:
    year, month, day = rng.randint(1946, 2004), rng.randint(1, 12), rng.randint(1, 28)
    name = MONTHS[month - 1]
    return rng.choice(
        (
            f"{month:02d}/{day:02d}/{year}",
            f"{day:02d}/{month:02d}/{year}",
            f"{year}-{month:02d}-{day:02d}",
            f"{day} {name} {year}",
            f"{name} {day}, {year}",
            f"{day:02d}.{month:02d}.{year}",
            f"{day}-{name[:3]}-{year}",
        )
    )


def _uuid(rng: random.Random) -> str:
    h = _chars(rng, "0123456789abcdef", 32)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{rng.choice('89ab')}{h[17:20]}-{h[20:]}"


def _hex(rng: random.Random, n: int) -> str:
    return _chars(rng, "0123456789abcdef", n)


def _version(rng: random.Random) -> str:
    return f"{rng.randint(0, 18)}.{rng.randint(0, 40)}.{rng.randint(0, 30)}"


def _password(rng: random.Random, url_safe: bool = False) -> str:
    style = rng.random()
    if style < 0.45:
        word = rng.choice(("Summer", "Winter", "Bluebird", "Monkey", "Dragon", "Sunshine", "Football", "Welcome"))
        word = word if rng.random() < 0.7 else word.replace("o", "0").replace("e", "3")
        sym = rng.choice("!*.-_") if url_safe else rng.choice("!#$%&*?")
        return f"{word}{rng.randint(1970, 2025)}{sym}"
    if style < 0.55:
        return "-".join(
            rng.choice(("correct", "horse", "battery", "staple", "purple", "tiger", "lamp")) for _ in range(4)
        )
    alphabet = _ALNUM + ("!*-_." if url_safe else "!#%^*-_+=.?")
    pw = _chars(rng, alphabet, rng.randint(12, 24))
    return rng.choice(_ALNUM) + pw[1:-1] + rng.choice(_ALNUM)


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _jwt(rng: random.Random, person: _Person | None = None) -> str:
    header = _b64url(json.dumps({"alg": rng.choice(("HS256", "RS256")), "typ": "JWT"}, separators=(",", ":")).encode())
    claims: dict[str, object] = {"sub": _digits(rng, 10), "iat": 1700000000 + rng.randint(0, 30000000)}
    if person is not None:
        claims["name"] = _ascii(person.full)
    claims["role"] = rng.choice(("admin", "user", "service"))
    payload = _b64url(json.dumps(claims, separators=(",", ":")).encode())
    return f"{header}.{payload}.{_chars(rng, _B64URL, 43)}"


def _api_key(rng: random.Random) -> tuple[str, str]:
    """A provider-shaped key and a variable name it is typically assigned to."""
    kind = rng.choice(
        ("aws", "github", "github_pat", "slack", "stripe", "google", "openai", "sendgrid", "npm", "twilio", "generic")
    )
    if kind == "aws":
        return "AKIA" + _chars(rng, string.ascii_uppercase + "234567", 16), "AWS_ACCESS_KEY_ID"
    if kind == "github":
        return "ghp_" + _chars(rng, _ALNUM, 36), "GITHUB_TOKEN"
    if kind == "github_pat":
        return f"github_pat_{_chars(rng, _ALNUM, 22)}_{_chars(rng, _ALNUM, 59)}", "GH_PAT"
    if kind == "slack":
        return f"xoxb-{_digits(rng, 12)}-{_digits(rng, 13)}-{_chars(rng, _ALNUM, 24)}", "SLACK_BOT_TOKEN"
    if kind == "stripe":
        return rng.choice(("sk_live_", "rk_live_")) + _chars(rng, _ALNUM, rng.choice((24, 99))), "STRIPE_SECRET_KEY"
    if kind == "google":
        return "AIza" + _chars(rng, _B64URL, 35), "GOOGLE_MAPS_API_KEY"
    if kind == "openai":
        return "sk-proj-" + _chars(rng, _B64URL, 48), "OPENAI_API_KEY"
    if kind == "sendgrid":
        return f"SG.{_chars(rng, _B64URL, 22)}.{_chars(rng, _B64URL, 43)}", "SENDGRID_API_KEY"
    if kind == "npm":
        return "npm_" + _chars(rng, _ALNUM, 36), "NPM_TOKEN"
    if kind == "twilio":
        return "SK" + _hex(rng, 32), "TWILIO_API_KEY"
    return _hex(rng, 32), rng.choice(("API_KEY", "PAYMENTS_API_SECRET", "MAPBOX_SECRET", "INTERNAL_API_TOKEN"))


def _aws_secret(rng: random.Random) -> str:
    return _chars(rng, _ALNUM + "/+", 40)


def _private_key(rng: random.Random) -> tuple[str, str, str]:
    """(BEGIN line, base64 body, END line) of a PEM or OpenSSH private key."""
    kind = rng.choice(("RSA PRIVATE KEY", "OPENSSH PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY"))
    n_lines = rng.randint(5, 14) if kind != "EC PRIVATE KEY" else 3
    width = 70 if kind == "OPENSSH PRIVATE KEY" else 64
    first = "b3BlbnNzaC1rZXktdjEAAAAA" if kind == "OPENSSH PRIVATE KEY" else "MII"
    raw = first + _chars(rng, _B64, width * n_lines - len(first) + rng.randint(4, width - 4))
    lines = [raw[i : i + width] for i in range(0, len(raw), width)]
    body = "\n".join(lines)
    if kind != "OPENSSH PRIVATE KEY":
        body += rng.choice(("=", "==", ""))
    return f"-----BEGIN {kind}-----", body, f"-----END {kind}-----"


_FOLD = str.maketrans({"ł": "l", "Ł": "L", "ß": "ss", "ı": "i", "đ": "d", "Đ": "D"})


def _ascii(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.translate(_FOLD))
    return "".join(c for c in s if not unicodedata.combining(c))


def _slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", _ascii(s).lower())


@dataclass(frozen=True)
class _Person:
    first: str
    last: str
    culture: str
    email: str
    handle: str
    phone: str
    address: str
    title: str

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"


@dataclass(frozen=True)
class _Org:
    name: str
    domain: str


class _World:
    """The random source plus helpers that draw people, organisations and entity mentions."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    # -- people and organisations
    def person(self, culture: str | None = None, email_domain: str | None = None) -> _Person:
        rng = self.rng
        culture = culture or rng.choice(CULTURES)
        firsts, lasts = NAMES[culture]
        first, last = rng.choice(firsts), rng.choice(lasts)
        f, la = _slug(first), _slug(last)
        local = rng.choice((f"{f}.{la}", f"{f[0]}{la}", f"{f}{la[0]}", f"{f}_{la}", f"{f}.{la}{rng.randint(1, 99)}"))
        domain = email_domain or rng.choice(PERSONAL_DOMAINS)
        handle = rng.choice((f"{f}.{la}", f"{f[0]}{la}", f"{f}_{la[0]}", f"{f}{rng.randint(7, 99)}", f"{f}.{la[0]}"))
        return _Person(
            first, last, culture, f"{local}@{domain}", handle, _phone(rng), _address(rng), rng.choice(TITLES)
        )

    def org(self) -> _Org:
        rng = self.rng
        if rng.random() < 0.04:
            name = rng.choice(PUBLIC_BODIES)
            head = _slug(name.split()[-1])
        elif rng.random() < 0.2:
            lasts = NAMES[rng.choice(CULTURES)][1]
            last, last2, last3 = rng.choice(lasts), rng.choice(lasts), rng.choice(lasts)
            name = rng.choice(ORG_PEOPLE_STYLE).format(last=last, last2=last2, last3=last3)
            head = _slug(last)
        else:
            head_word, kind = rng.choice(ORG_HEADS), rng.choice(ORG_KINDS)
            suffix = rng.choice(ORG_SUFFIXES)
            name = f"{head_word} {kind}" + (f" {suffix}" if suffix else "")
            head = f"{_slug(head_word)}-{_slug(kind)}" if rng.random() < 0.5 else _slug(head_word + kind)
        return _Org(name, head + rng.choice(COMPANY_TLDS))

    def colleague(self, org: _Org) -> _Person:
        return self.person(email_domain=org.domain if self.rng.random() < 0.7 else INTERNAL_DOMAIN)

    # -- marked mentions
    def name(self, p: _Person, style: str | None = None) -> str:
        style = style or self.rng.choice(("full", "full", "full", "first", "full_lower", "first_lower", "middle"))
        middle = self.rng.choice("ABCDEFGHJKLMNPRSTW") + self.rng.choice((".", ""))
        value = {
            "full": p.full,
            "first": p.first,
            "full_lower": p.full.lower(),
            "first_lower": p.first.lower(),
            "last_first": f"{p.last}, {p.first}",
            "upper": p.full.upper(),
            "initial": f"{p.first[0]}. {p.last}",
            "middle": f"{p.first} {middle} {p.last}",  # US forms: a middle initial, often without its stop
        }[style]
        return m(PER, value)

    def codename(self) -> str:
        rng = self.rng
        term = rng.choice(CODENAMES)
        variant = rng.choice((term, term, term.lower(), term.upper(), term))
        suffix = rng.choice(("", "", "", "'s", "’s"))
        return m(CODE, variant) + suffix

    def customer(self) -> str:
        rng = self.rng
        term = rng.choice(CUSTOMERS)
        variant = rng.choice((term, term, term.lower(), term.upper()))
        suffix = rng.choice(("", "", "", "'s", "'"))
        return m(CUST, variant) + suffix

    def host(self) -> str:
        rng = self.rng
        h = f"{rng.choice(INTERNAL_HOSTS)}.{INTERNAL_DOMAIN}"
        return h.upper() if rng.random() < 0.05 else h

    def internal_url(self) -> str:
        rng = self.rng
        path = rng.choice(
            (
                "/display/ENG/Runbooks",
                "/job/deploy-prod/1432/console",
                "/browse/OPS-2231",
                "/d/abc123/latency?orgId=1",
                "/ui/vault/secrets/kv/list",
                "/projects/data-platform/merge_requests/88",
                "",
            )
        )
        return m(HOST, f"https://{self.host()}{path}")

    def personal_url(self, p: _Person) -> str:
        rng = self.rng
        f, la = _slug(p.first), _slug(p.last)
        return m(
            URL,
            rng.choice(
                (
                    f"https://www.linkedin.com/in/{f}-{la}-{rng.randint(1000, 99999)}",
                    f"linkedin.com/in/{f}{la}",
                    f"https://github.com/{p.handle.replace('.', '-')}",
                    f"github.com/{f}{la[0]}",
                    f"https://twitter.com/{f}_{la}",
                    f"https://drive.google.com/file/d/1{_chars(rng, _B64URL, 32)}/view",
                    f"https://www.dropbox.com/s/{_chars(rng, _LOWER_DIGITS, 15)}/{f}_passport.pdf",
                    f"https://{f}{la}.dev/about",
                    f"https://calendly.com/{f}-{la}/30min",
                )
            ),
        )

    def keep(self, pool: tuple[str, ...]) -> str:
        return kw(self.rng.choice(pool))

    def date_plain(self) -> str:
        """A non-sensitive date (not a DOB): weekday and month names are vocabulary to keep."""
        rng = self.rng
        return rng.choice(
            (
                f"{self.keep(WEEKDAYS)} {rng.randint(1, 28)} {self.keep(MONTHS)}",
                f"{self.keep(MONTHS)} {rng.randint(1, 28)}",
                f"next {self.keep(WEEKDAYS)}",
                f"end of {self.keep(MONTHS)}",
                f"{self.keep(QUARTERS)}",
            )
        )


# ----------------------------------------------------------------------------------------------
# Prose fragments shared by several kinds of document.


def _sentences(w: _World, people: list[_Person], org: _Org, k: int) -> list[str]:
    """``k`` different sentences of everyday work prose mentioning people, products and projects."""
    rng = w.rng
    p = rng.choice(people)
    q = w.person()
    r = w.person()
    options: list[Callable[[], str]] = [
        lambda: (
            f"The {w.keep(QUARTERS)} numbers for {w.codename()} are in the {w.keep(PRODUCTS)} sheet; can you "
            f"check them before {w.date_plain()}?"
        ),
        lambda: (
            f"{w.name(p, 'first')} is moving the reporting from {kw('Excel')} to {w.keep(PRODUCTS)} so we stop "
            "emailing spreadsheets around."
        ),
        lambda: (
            f"I spoke with {w.name(q, 'full')} from {m(ORG, w.org().name)} yesterday and they are keen to start "
            f"a pilot in {w.keep(QUARTERS)}."
        ),
        lambda: f"{w.customer()} renewal is due {w.date_plain()} and the account team wants the usage report first.",
        lambda: f"The runbook is at {w.internal_url()} if anyone needs it.",
        lambda: (
            f"Our {w.keep(TITLES)} asked whether the {w.keep(LANGUAGES)} service can be moved onto "
            f"{kw('Kubernetes')} before the freeze."
        ),
        lambda: f"If it is urgent, call me on {m(PHONE, w.rng.choice((p.phone, _phone(rng))))}.",
        lambda: f"Please loop in {w.name(q)} ({m(EMAIL, q.email)}) as she owns the vendor contract.",
        lambda: f"The {w.codename()} demo went well and {w.customer()} asked for a follow-up on {w.date_plain()}.",
        lambda: f"{kw(rng.choice(TRICKY_STARTS))} once the {w.keep(PRODUCTS)} dashboard is back.",
        lambda: f"We agreed to deprecate the old {w.keep(LANGUAGES)} client by {w.keep(MONTHS)}.",
        lambda: f"{w.name(q, 'full')} will send the signed copy to {m(ORG, org.name)} legal.",
        lambda: f"The staging box at {m(HOST, w.host())} is out of disk again.",
        lambda: (
            f"I've attached the slides from {w.keep(WEEKDAYS)}; {w.name(p, 'first')} has the {kw('PowerPoint')} source."
        ),
        lambda: (
            f"Nothing urgent, but the {w.keep(PRODUCTS)} licence for the {w.keep(TITLES)} role expires in "
            f"{w.keep(MONTHS)}."
        ),
        lambda: f"{w.name(r, 'full')} shared her portfolio: {w.personal_url(r)}",
        lambda: f"Sorry for the delay, I was out on {w.keep(WEEKDAYS)} and most of {w.keep(WEEKDAYS)}.",
        lambda: (
            f"{w.name(p, 'first')} and {w.name(r, 'first')} are pairing on the {w.keep(LANGUAGES)} rewrite this sprint."
        ),
        lambda: (
            f"The contract with {m(ORG, w.org().name)} is signed; {w.name(r, 'full')} is our point of contact there."
        ),
        lambda: f"Can you send the {w.keep(QUARTERS)} forecast to {m(EMAIL, r.email)} before the board pack goes out?",
        lambda: (
            f"{w.name(q, 'full')} left to become {rng.choice(('CTO', 'CEO', 'an engineer', 'head of sales'))} at "
            f"{m(ORG, rng.choice(ORG_BRANDS))}; the {kw('Director of Human Resources')} has the handover notes."
        ),
    ]
    return [f() for f in rng.sample(options, k)]


def _signature(w: _World, p: _Person, org: _Org) -> str:
    rng = w.rng
    lines = [w.name(p, rng.choice(("full", "full", "first", "upper")))]
    if rng.random() < 0.8:
        lines.append(f"{kw(p.title)} | {m(ORG, org.name)}" if rng.random() < 0.6 else kw(p.title))
        if "|" not in lines[-1]:
            lines.append(m(ORG, org.name))
    if rng.random() < 0.85:
        label = rng.choice(("", "T: ", "Tel: ", "Mobile: ", "M ", "Direct: "))
        lines.append(f"{label}{m(PHONE, p.phone)}")
    if rng.random() < 0.5:
        lines.append(m(EMAIL, p.email))
    if rng.random() < 0.45:
        lines.append(m(ADDR, _address(rng, multiline=rng.random() < 0.4)))
    if rng.random() < 0.3:
        lines.append(w.personal_url(p))
    return "\n".join(lines)


def _date_header(rng: random.Random) -> str:
    day = rng.choice(("Mon", "Tue", "Wed", "Thu", "Fri"))
    month = rng.choice(("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"))
    date = f"{day}, {rng.randint(1, 28)} {month} 2024"
    return f"{date} {rng.randint(7, 19):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d} +0{rng.randint(0, 5)}00"


# ----------------------------------------------------------------------------------------------
# Document kinds.


def _email(w: _World) -> _Doc:
    rng = w.rng
    org = w.org()
    sender = w.colleague(org)
    to = w.person()
    cc = [w.person() for _ in range(rng.randint(0, 2))]
    doc = _Doc("email")
    subject = rng.choice(
        (
            f"Re: {w.codename()} rollout — {w.keep(QUARTERS)} plan",
            f"{w.customer()} renewal",
            f"Fwd: {w.keep(PRODUCTS)} access for the new {w.keep(TITLES)}",
            f"Notes from {w.keep(WEEKDAYS)}",
            "Quick question about the invoice",
            f"RE: {w.keep(MONTHS)} budget",
        )
    )
    header = (
        f"From: {w.name(sender, 'full')} <{m(EMAIL, sender.email)}>\nTo: {w.name(to, 'full')} <{m(EMAIL, to.email)}>\n"
    )
    if cc:
        header += "Cc: " + ", ".join(f"{w.name(c, 'full')} <{m(EMAIL, c.email)}>" for c in cc) + "\n"
    header += f"Date: {_date_header(rng)}\nSubject: {subject}\n\n"
    doc.add(header)
    greeting = rng.choice(
        (
            f"Hi {w.name(to, 'first')},",
            f"Dear {rng.choice(('Mr', 'Ms', 'Dr'))} {m(PER, to.last)},",
            f"Hello {w.name(to, 'first')} and {w.name(cc[0], 'first')}," if cc else f"Hello {w.name(to, 'first')},",
            f"{w.name(to, 'first')} -",
            "Hi all,",
        )
    )
    people = [sender, to, *cc]
    sentences = _sentences(w, people, org, rng.randint(4, 8))
    half = len(sentences) // 2
    paragraphs = [" ".join(sentences[:half]), " ".join(sentences[half:])]
    if rng.random() < 0.3:
        q = w.person()
        paragraphs.append(
            f"For the reference check: {w.name(q, 'full')}, {m(PHONE, q.phone)}, lives at {m(ADDR, q.address)}."
        )
    body = "\n\n".join([greeting, *paragraphs, rng.choice(("Best regards,", "Thanks,", "Cheers,", "Kind regards,"))])
    doc.add(body + "\n", wrap=72 if rng.random() < 0.5 else None)
    doc.add(_signature(w, sender, org) + "\n")
    if rng.random() < 0.35:
        doc.add(
            f"\nOn {_date_header(rng)}, {w.name(to, 'full')} <{m(EMAIL, to.email)}> wrote:\n> "
            + "\n> ".join(_sentences(w, people, org, 2))
            + "\n"
        )
    return doc


def _chat(w: _World) -> _Doc:
    rng = w.rng
    org = w.org()
    people = [w.colleague(org) for _ in range(rng.randint(3, 5))]
    doc = _Doc("chat")
    style = rng.choice(("slack", "slack", "whatsapp"))
    if style == "slack":
        doc.add(f"#proj-{m(CODE, rng.choice(CODENAMES).lower())} — exported from Slack\n\n")

    def lower_first(x: _Person) -> str:
        return m(PER, x.first.lower())

    templates: list[Callable[[_Person, _Person], str]] = [
        lambda p, o: f"morning! @{m(USER, o.handle)} did the {w.keep(PRODUCTS)} upgrade go through?",
        lambda p, o: f"yep, finished last night. {lower_first(o)} said the alerts are quiet",
        lambda p, o: f"thanks {lower_first(o)} 🙏",
        lambda p, o: f"can someone ping {lower_first(o)}? need the {w.keep(QUARTERS)} numbers for {w.codename()}",
        lambda p, o: f"lol {lower_first(o)} that's exactly what {lower_first(rng.choice(people))} said",
        lambda p, o: f"wifi password for the office is {m(PW, _password(rng))}",
        lambda p, o: f"my number is {m(PHONE, p.phone)} if the bridge drops",
        lambda p, o: f"@{m(USER, o.handle)} the {w.keep(LANGUAGES)} job failed on {m(HOST, w.host())} again",
        lambda p, o: f"{kw('Will do')}, after standup",
        lambda p, o: f"who owns {w.customer()}? {lower_first(o)} or {m(PER, rng.choice(people).first)}?",
        lambda p, o: (
            f"use {m(USER, p.handle)} / {m(PW, _password(rng))} for the demo account, rotate after {w.keep(WEEKDAYS)}"
        ),
        lambda p, o: f"sending the deck to {m(EMAIL, o.email)} now",
        lambda p, o: f"pushed the fix, see {w.internal_url()}",
        lambda p, o: f"ok {m(PER, o.first)} — {kw('Mark it as resolved')} when the {w.keep(PRODUCTS)} alert clears",
        lambda p, o: f"new hire starts {w.keep(WEEKDAYS)}: {w.name(w.person(), 'full')}, {kw(rng.choice(TITLES))}",
        lambda p, o: f"ip of the bastion is {m(IP, _ipv4(rng))}",
        lambda p, o: f"heyy {lower_first(o)}!! are you joining the {kw('Zoom')}?",
        lambda p, o: f"can you post the parcel to my place? {m(ADDR, p.address)}",
        lambda p, o: f"{m(PER, o.full.lower())} from finance is asking about the {w.keep(MONTHS)} invoices",
        lambda p, o: f"my profile if you need it {w.personal_url(p)}",
        lambda p, o: f"{kw('Hope this helps')} — the {w.keep(PRODUCTS)} export is on the shared drive",
        lambda p, o: f"@{m(USER, o.handle)} +1, {w.codename()} freeze starts {w.keep(WEEKDAYS)}",
    ]
    hour, minute = rng.randint(8, 17), rng.randint(0, 50)
    day, month = rng.randint(1, 28), rng.randint(1, 9)
    for index in rng.sample(range(len(templates)), rng.randint(6, 14)):
        p, other = rng.sample(people, 2)
        minute += rng.randint(1, 6)
        if minute > 59:
            hour, minute = hour + 1, minute - 60
        if style == "slack":
            prefix = f"[{hour:02d}:{minute:02d}] {m(USER, p.handle)}: "
        else:
            prefix = f"[{day:02d}/0{month}/2024, {hour:02d}:{minute:02d}] {w.name(p, 'full')}: "
        doc.add(prefix + templates[index](p, other) + "\n")
    return doc


def _meeting(w: _World) -> _Doc:
    rng = w.rng
    org = w.org()
    people = [w.colleague(org) for _ in range(rng.randint(3, 6))]
    doc = _Doc("meeting_notes")
    doc.add(f"# Weekly sync — {w.codename()} — {w.date_plain()}\n\n")
    attendees = ", ".join(
        f"{w.name(p, rng.choice(('full', 'full', 'first', 'initial')))}"
        + (f" ({kw(p.title)})" if rng.random() < 0.3 else "")
        for p in people
    )
    doc.add(f"Attendees: {attendees}\n\n", wrap=60 if rng.random() < 0.5 else None)
    doc.add("## Agenda\n")
    for i, sentence in enumerate(_sentences(w, people, org, rng.randint(2, 4))):
        doc.add(f"{i + 1}. {sentence}\n")
    doc.add("\n## Notes\n")
    doc.add(" ".join(_sentences(w, people, org, rng.randint(2, 4))) + "\n", wrap=80)
    doc.add("\n## Action items\n")
    for _ in range(rng.randint(2, 4)):
        p = rng.choice(people)
        item = rng.choice(
            (
                f"- [ ] {w.name(p, 'first')} to migrate the {kw('Excel')} tracker to {kw('Jira')} by "
                f"{w.keep(WEEKDAYS)}",
                f"- [ ] TODO({m(USER, p.handle)}): send {w.customer()} the {w.keep(QUARTERS)} usage report",
                f"- [x] {w.name(p, 'full')} shared the {w.keep(PRODUCTS)} dashboard",
                f"- [ ] {w.name(p, 'first_lower')} to book the room for the {w.keep(MONTHS)} offsite",
                f"- [ ] Follow up with {w.name(w.person(), 'full')} at {m(ORG, w.org().name)} "
                f"({m(PHONE, _phone(rng))})",
            )
        )
        doc.add(item + "\n")
    return doc


def _transcript(w: _World) -> _Doc:
    rng = w.rng
    org = w.org()
    agent, agent2 = w.person(), w.person()
    cust = w.person()
    doc = _Doc("call_transcript")
    lower = rng.random() < 0.3  # ASR style: lower case, no punctuation

    def say(who: str, line: str) -> None:
        doc.add(f"{who}: {line}\n")

    doc.add(
        f"Call ID {_digits(rng, 6)} | Queue: {rng.choice(('Billing', 'Support', 'Claims'))} | Duration "
        f"{rng.randint(2, 19):02d}:{rng.randint(0, 59):02d}\n\n"
    )
    a_first = m(PER, agent.first.lower() if lower else agent.first)
    c_full = m(PER, cust.full.lower() if lower else cust.full)
    if lower:
        say("Agent", f"thank you for calling {m(ORG, org.name)} this is {a_first} how can i help")
        say("Customer", f"hi {a_first} yeah my name is {c_full} i'm calling about a charge on my account")
        say("Agent", "sure can you confirm your date of birth for me")
        say("Customer", f"it's {m(DOB, _dob(rng))}")
        say("Agent", "and the phone number on the account")
        say("Customer", m(PHONE, cust.phone))
    else:
        say("Agent", f"Thank you for calling {m(ORG, org.name)}, this is {a_first}, how can I help you today?")
        say("Customer", f"Hi {a_first}. Yes, my name is {c_full}, I'm calling about a charge on my account.")
        say("Agent", "I can help with that. Can you confirm your date of birth, please?")
        say("Customer", f"It's {m(DOB, _dob(rng))}.")
        say(
            "Agent",
            f"Thank you, {rng.choice(('Mr', 'Ms', 'Mrs'))} {m(PER, cust.last)}. And the best number to reach you?",
        )
        say("Customer", f"{m(PHONE, cust.phone)}.")
    say("Agent", "And the address we have on file?" if not lower else "and your address")
    say("Customer", m(ADDR, cust.address))
    if rng.random() < 0.6:
        say("Agent", "Which card was the payment taken from?")
        say("Customer", f"The {rng.choice(('Visa', 'Mastercard'))}, the number is {m(CARD, _card(rng))}.")
    if rng.random() < 0.3:
        say("Customer", f"Can you refund it to my bank account instead? The IBAN is {m(IBAN, _iban(rng))}.")
    if rng.random() < 0.3:
        say("Customer", f"You can also email me at {m(EMAIL, cust.email)}.")
    if rng.random() < 0.25:
        say("Customer", f"For the tax form my social security number is {m(SSN, _ssn(rng))}.")
    elif rng.random() < 0.2:
        id_label, number = _national_id(rng)
        say("Customer", f"If you need it, my {id_label} is {m(NATID, number)}.")
    say(
        "Agent",
        f"I've raised a ticket and my colleague {w.name(agent2, 'first')} from the {w.keep(TITLES)} team will "
        f"call you back by {w.keep(WEEKDAYS)}.",
    )
    say("Customer", f"Great, thanks {a_first}.")
    return doc


def _cv(w: _World) -> _Doc:
    rng = w.rng
    p = w.person()
    doc = _Doc("cv")
    name = w.name(p, rng.choice(("full", "upper")))
    if rng.random() < 0.2:
        name = m(PER, f"{p.first}\n{p.last}")  # name split across lines in a two-column layout
    doc.add(f"{name}\n{kw(p.title)}\n\n")
    contact = [m(ADDR, p.address), m(PHONE, p.phone), m(EMAIL, p.email), w.personal_url(p)]
    rng.shuffle(contact)
    doc.add(" · ".join(contact) + "\n")
    if rng.random() < 0.5:
        doc.add(f"{rng.choice(('Date of birth', 'DOB', 'Born'))}: {m(DOB, _dob(rng))}\n")
    doc.add("\n## Experience\n")
    for _ in range(rng.randint(2, 3)):
        org = w.org()
        years = f"{rng.randint(2008, 2018)}–{rng.choice(('present', str(rng.randint(2019, 2024))))}"
        doc.add(f"**{w.keep(TITLES)}**, {m(ORG, org.name)} ({years})\n")
        doc.add(
            f"- Built and ran {w.keep(LANGUAGES)} services on {kw('Kubernetes')}, cutting costs by "
            f"{rng.randint(10, 60)}%\n"
            f"- Migrated reporting from {kw('Excel')} to {w.keep(PRODUCTS)} for {rng.randint(3, 40)} teams\n"
        )
    doc.add(
        f"\n## Education\nBSc Computer Science, {m(ORG, rng.choice(UNIVERSITIES))}\n\n## Skills\n"
        + ", ".join(kw(s) for s in rng.sample(LANGUAGES + PRODUCTS, 6))
        + "\n"
    )
    if rng.random() < 0.6:
        ref = w.person()
        doc.add(
            f"\n## References\n{w.name(ref, 'full')}, {kw(ref.title)}, {m(ORG, w.org().name)} — "
            f"{m(EMAIL, ref.email)}, {m(PHONE, ref.phone)}\n"
        )
    return doc


_TICKET_SUBJECTS = (
    "Cannot log in after password reset",
    "Export to Excel times out",
    "API returns 500",
    "Invoice shows wrong address",
)


def _ticket(w: _World) -> _Doc:
    rng = w.rng
    reporter, assignee = w.person(), w.person()
    doc = _Doc("support_ticket")
    doc.add(
        f"Ticket #{_digits(rng, 5)} — Priority: {rng.choice(('Low', 'Medium', 'High'))} — Status: Open\n"
        f"Reporter: {w.name(reporter, 'full')} <{m(EMAIL, reporter.email)}>\nAssignee: {m(USER, assignee.handle)}\n"
        f"Customer: {w.customer()}\nSubject: "
        f"{rng.choice(_TICKET_SUBJECTS)}\n\n"
    )
    ip = _ip(rng)
    user = _slug(reporter.first) + rng.choice(("_", ".", "")) + _slug(reporter.last)
    body = [
        f"{m(PER, reporter.first) if rng.random() < 0.5 else 'The customer'} reports a 403 when logging in as "
        f"{m(USER, user)} from {m(IP, ip)}.",
        f"Started after the {w.keep(WEEKDAYS)} deploy of {w.codename()} ({kw('v' + _version(rng))}).",
        f"Call back on {m(PHONE, reporter.phone)} — {w.name(reporter, 'first')} prefers mornings.",
    ]
    rng.shuffle(body)
    doc.add("Description:\n" + " ".join(body) + "\n\n")
    home = rng.choice(
        (
            f"/home/{m(USER, _slug(assignee.first))}/dev/portal/auth.py",
            f"/Users/{m(USER, assignee.handle)}/src/portal/auth.py",
            f"C:\\Users\\{m(USER, assignee.handle)}\\portal\\auth.py",
        )
    )
    doc.add(
        "Log excerpt:\n"
        f"  2024-0{rng.randint(1, 9)}-{rng.randint(10, 28)}T09:12:44Z WARN auth failed user={m(USER, user)} "
        f"ip={m(IP, ip)} request_id={kw(_uuid(rng))}\n"
        f'  File "{home}", line {rng.randint(20, 400)}, in check_password\n\n'
    )
    if rng.random() < 0.4:
        doc.add(
            f"Internal note: {w.name(assignee, 'first')} reproduced it on {m(HOST, w.host())}; see "
            f"{w.internal_url()}.\n"
        )
    if rng.random() < 0.3:
        doc.add(f"Customer's shipping address: {m(ADDR, _address(rng))}\n")
    return doc


def _contract(w: _World) -> _Doc:
    rng = w.rng
    client, contractor = w.org(), w.org()
    a, b = w.person(), w.person()
    doc = _Doc("contract")
    doc.add(
        'SERVICES AGREEMENT\n\nThis Services Agreement (the "Agreement") is entered into on '
        f"{rng.randint(1, 28)} {kw(rng.choice(MONTHS))} 2024 "
        f'between {m(ORG, client.name)}, with offices at {m(ADDR, _address(rng))} (the "Client"), and '
        f'{m(ORG, contractor.name)}, {m(ADDR, _address(rng))} (the "Contractor").\n\n',
        wrap=90,
    )
    doc.add(
        f"1. Services. The Contractor shall provide data engineering services for project {w.codename()}, including "
        f"migration of legacy {kw('Excel')} workbooks to {w.keep(PRODUCTS)} and support for {w.keep(LANGUAGES)} "
        "pipelines.\n"
        f"2. Term. The Agreement runs from the start of {w.keep(QUARTERS)} for twelve months.\n"
        f"3. Fees. Invoices are payable within 30 days to IBAN {m(IBAN, _iban(rng))}.\n"
        f"4. Notices. Notices to the Client go to {w.name(a, 'full')} at {m(EMAIL, a.email)}.\n"
        f"5. Confidentiality. The terms of the {w.customer()} engagement are confidential.\n\n",
        wrap=90,
    )
    doc.add(
        f"Signed for the Client: {w.name(a, 'full')}, {kw(a.title)}\n"
        f"Signed for the Contractor: {w.name(b, 'full')}, {kw(b.title)}\n"
    )
    return doc


def _python(w: _World) -> _Doc:
    rng = w.rng
    org = w.org()
    author = w.colleague(org)
    dev = w.person()
    doc = _Doc("python")
    key, var = _api_key(rng)
    user, pw = _slug(dev.first)[0] + _slug(dev.last), _password(rng, url_safe=True)
    host = rng.choice((lambda: m(HOST, w.host()), lambda: m(IP, _ipv4(rng))))()
    doc.add(
        f'"""Order sync job for {w.codename()}.\n\nAuthor: {w.name(author, "full")} <{m(EMAIL, author.email)}>\n"""\n\n'
        "import os\nimport uuid\n\nimport boto3\nimport psycopg2\n\n"
    )
    lines = [
        f'{var} = "{m(KEY, key)}"\n',
        f'DATABASE_URL = "postgresql://{m(USER, user)}:{m(PW, pw)}@{host}:5432/orders"\n',
        f'ORDERS_TABLE_ID = uuid.UUID("{kw(_uuid(rng))}")\n',
        f'EXPECTED_SHA256 = "{kw(_hex(rng, 64))}"  # of the nightly export\n',
        f'SCHEMA_VERSION = "{kw(_version(rng))}"\n',
    ]
    if rng.random() < 0.5:
        lines.append(f'AWS_SECRET_ACCESS_KEY = "{m(KEY, _aws_secret(rng))}"\n')
    if rng.random() < 0.4:
        lines.append(f'SMTP_PASSWORD = "{m(PW, _password(rng))}"\n')
    rng.shuffle(lines)
    doc.add("".join(lines) + "\n\n")
    doc.add(
        "def connect():\n"
        f"    # TODO({m(USER, dev.handle)}): move the credentials to Vault before the {w.codename()} launch\n"
        f'    conn = psycopg2.connect(host="{m(HOST, w.host())}", user="{m(USER, user)}", '
        f'password="{m(PW, _password(rng))}")\n'
        "    return conn\n\n\n"
        "def notify(client):\n"
        f'    headers = {{"Authorization": "Bearer {m(KEY, _jwt(rng, dev))}"}}\n'
        f'    request_id = "{kw(_uuid(rng))}"\n'
        f'    return client.post("https://api.{org.domain}/v2/orders", headers=headers, params={{"rid": request_id}})\n'
    )
    if rng.random() < 0.4:
        p = w.person()
        doc.add(
            "\n\ndef test_customer_fixture():\n"
            f'    customer = {{"name": "{w.name(p, "full")}", "email": "{m(EMAIL, p.email)}", "phone": '
            f'"{m(PHONE, p.phone)}"}}\n'
            f'    assert customer["name"].startswith("{m(PER, p.first)}")\n'
        )
    return doc


def _javascript(w: _World) -> _Doc:
    rng = w.rng
    dev = w.person()
    doc = _Doc("javascript")
    key, var = _api_key(rng)
    doc.add(
        f"// server.js — {w.codename()} webhook relay\n// Maintainer: {w.name(dev, 'full')} ({m(EMAIL, dev.email)})\n"
        "const express = require('express');\n"
        f"const stripe = require('stripe')('{m(KEY, 'sk_live_' + _chars(rng, _ALNUM, 24))}');\n"
    )
    team, channel = _chars(rng, _UPPER_DIGITS, 8), _chars(rng, _UPPER_DIGITS, 10)
    webhook = f"https://hooks.slack.com/services/T{team}/B{channel}/{_chars(rng, _ALNUM, 24)}"
    doc.add(
        f"const {var} = '{m(KEY, key)}';\n"
        f"const SESSION_ID = '{kw(_uuid(rng))}';\n"
        "const SLACK_WEBHOOK = "
        f"'{m(KEY, webhook)}';\n"
        f"const db = {{ host: '{m(HOST, w.host())}', user: '{m(USER, dev.handle)}', password: "
        f"'{m(PW, _password(rng))}' }};\n\n"
        "const app = express();\n"
        "app.post('/hook', async (req, res) => {\n"
        f"  // TODO({m(USER, _slug(dev.first))}): verify the signature before {w.keep(QUARTERS)}\n"
        f"  const token = 'Bearer {m(KEY, _jwt(rng))}';\n"
        f"  console.log('relay ok', '{kw('v' + _version(rng))}');\n"
        "  res.sendStatus(204);\n});\n\n"
        "app.listen(8080);\n"
    )
    return doc


def _config(w: _World) -> _Doc:
    rng = w.rng
    p = w.person()
    doc = _Doc("config")
    kind = rng.choice(("env", "env", "compose", "aws", "netrc", "k8s", "ssh", "pem", "pem", "pem"))
    user = rng.choice((p.handle, _slug(p.first), f"{_slug(p.first)}_{rng.choice(('admin', 'rw', 'svc'))}"))
    if kind == "env":
        key, var = _api_key(rng)
        key2, var2 = _api_key(rng)
        if var2 == var:
            var2 += "_SECONDARY"
        lines = [
            "# production settings — do not commit",
            "APP_ENV=production",
            f"APP_VERSION={kw(_version(rng))}",
            f"DB_HOST={m(HOST, w.host())}",
            f"DB_USER={m(USER, user)}",
            f"DB_PASSWORD={m(PW, _password(rng))}",
            f"{var}={m(KEY, key)}",
            f"{var2}={m(KEY, key2)}",
            f"SENTRY_DSN=https://{m(KEY, _hex(rng, 32))}@o{_digits(rng, 6)}.ingest.sentry.io/{_digits(rng, 7)}",
            f"REDIS_URL=redis://:{m(PW, _password(rng, url_safe=True))}@{m(IP, _ipv4(rng))}:6379/0",
            f"BUILD_SHA={kw(_hex(rng, 40))}",
            f"FEATURE_FLAGS_ID={kw(_uuid(rng))}",
            f"ADMIN_EMAIL={m(EMAIL, p.email)}",
            f"JWT_SECRET={m(KEY, _chars(rng, _ALNUM, 48))}",
        ]
        head, rest = lines[:3], lines[3:]
        rng.shuffle(rest)
        doc.add("\n".join(head + rest) + "\n")
    elif kind == "compose":
        doc.add(
            "services:\n  db:\n"
            f"    image: postgres:{kw(str(rng.randint(12, 17)) + '.' + str(rng.randint(0, 6)))}\n"
            "    environment:\n"
            f"      POSTGRES_USER: {m(USER, user)}\n"
            f'      POSTGRES_PASSWORD: "{m(PW, _password(rng))}"\n'
            "  api:\n"
            f"    image: {m(HOST, 'registry.' + INTERNAL_DOMAIN)}/orders-api@sha256:{kw(_hex(rng, 64))}\n"
            "    environment:\n"
            f"      DATABASE_URL: postgres://{m(USER, user)}:{m(PW, _password(rng, url_safe=True))}@db:5432/orders\n"
            f"      STRIPE_KEY: {m(KEY, 'sk_live_' + _chars(rng, _ALNUM, 24))}\n"
            f"      OWNER: {m(EMAIL, p.email)}\n"
        )
    elif kind == "aws":
        doc.add(
            "[default]\n"
            f"aws_access_key_id = {m(KEY, 'AKIA' + _chars(rng, string.ascii_uppercase + '234567', 16))}\n"
            f"aws_secret_access_key = {m(KEY, _aws_secret(rng))}\n"
            "region = eu-west-1\n\n"
            f"[profile {m(USER, user)}-admin]\n"
            f"aws_access_key_id = {m(KEY, 'AKIA' + _chars(rng, string.ascii_uppercase + '234567', 16))}\n"
            f"aws_secret_access_key = {m(KEY, _aws_secret(rng))}\n"
        )
    elif kind == "netrc":
        key, _ = _api_key(rng)
        doc.add(
            f"machine api.github.com login {m(USER, user)} password {m(KEY, key)}\n"
            f"machine {m(HOST, w.host())} login {m(USER, user)} password {m(PW, _password(rng))}\n"
            f"# {m(HOST, w.host())}:5432:orders:{m(USER, user)}:{m(PW, _password(rng, url_safe=True))}\n"
        )
    elif kind == "k8s":
        secret = _password(rng)
        doc.add(
            "apiVersion: v1\nkind: Secret\nmetadata:\n  name: orders-db\n  annotations:\n"
            f"    owner: {m(EMAIL, p.email)}\ntype: Opaque\ndata:\n"
            f"  password: {m(PW, base64.b64encode(secret.encode()).decode())}\n"
            f"stringData:\n  api-key: {m(KEY, _api_key(rng)[0])}\n"
            f"# checksum/config: {kw(_hex(rng, 64))}\n"
        )
    elif kind == "ssh":
        doc.add(
            f"Host bastion\n  HostName {m(IP, _ipv4(rng))}\n  User {m(USER, user)}\n  IdentityFile "
            "~/.ssh/id_ed25519\n\n"
            f"Host build\n  HostName {m(HOST, w.host())}\n  User {m(USER, p.handle)}\n  ProxyJump bastion\n"
        )
    else:
        begin, body, end = _private_key(rng)
        doc.add(f"# deploy key for {m(HOST, w.host())} — added by {m(USER, user)}\n{begin}\n{m(PKEY, body)}\n{end}\n")
    if kind != "pem" and rng.random() < 0.3:
        begin, body, end = _private_key(rng)
        doc.add(f"\n# TLS key\n{begin}\n{m(PKEY, body)}\n{end}\n")
    return doc


def _sql(w: _World) -> _Doc:
    rng = w.rng
    doc = _Doc("sql_dump")
    doc.add(
        f"-- MySQL dump 10.13  Distrib {kw('8.0.' + str(rng.randint(20, 39)))}, for Linux (x86_64)\n"
        f"-- Host: {m(HOST, w.host())}    Database: crm\n\n"
        "CREATE TABLE `customers` (\n  `id` int NOT NULL AUTO_INCREMENT,\n  `first_name` varchar(64),\n"
        "  `last_name` varchar(64),\n  `email` varchar(255),\n  `phone` varchar(32),\n  `dob` date,\n"
        "  `address` text,\n  `card` varchar(32),\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB;\n\n"
        "INSERT INTO `customers` VALUES "
    )
    rows = []
    for i in range(rng.randint(3, 7)):
        p = w.person()
        dob = f"{rng.randint(1950, 2003)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        card = m(CARD, _card(rng)) if rng.random() < 0.5 else "NULL"
        rows.append(
            f"({i + 1},'{m(PER, p.first)}','{m(PER, p.last)}','{m(EMAIL, p.email)}','{m(PHONE, p.phone)}',"
            f"'{m(DOB, dob)}','{m(ADDR, p.address)}',{card if card == 'NULL' else chr(39) + card + chr(39)})"
        )
    doc.add(",\n".join(rows) + ";\n\n")
    doc.add(
        "CREATE TABLE `users` (`id` int, `username` varchar(64), `password_hash` varchar(72), `last_ip` varchar(45));\n"
    )
    for i in range(rng.randint(2, 4)):
        p = w.person()
        bcrypt = "$2b$12$" + _chars(rng, _ALNUM + "./", 53)
        doc.add(
            f"INSERT INTO `users` VALUES ({i + 1},'{m(USER, p.handle)}','{m(PW, bcrypt)}','{m(IP, _ipv4(rng))}');\n"
        )
    if rng.random() < 0.4:
        doc.add(f"\nCREATE USER '{m(USER, _slug(w.person().first))}'@'%' IDENTIFIED BY '{m(PW, _password(rng))}';\n")
    if rng.random() < 0.4:
        doc.add("\nINSERT INTO `payroll` (`employee`, `ssn`, `iban`, `salary`) VALUES\n")
        rows = []
        for _ in range(rng.randint(2, 4)):
            p = w.person()
            rows.append(
                f"  ('{m(PER, p.full)}', '{m(SSN, _ssn(rng))}', '{m(IBAN, _iban(rng))}', {rng.randint(40, 190)}000)"
            )
        doc.add(",\n".join(rows) + ";\n")
    return doc


def _csv(w: _World) -> _Doc:
    rng = w.rng
    doc = _Doc("csv_export")
    doc.add("name,email,phone,company,role,signed_up\n")
    for _ in range(rng.randint(4, 10)):
        p = w.person()
        org = w.org()
        name = m(PER, p.full)
        doc.add(
            f'"{name}",{m(EMAIL, p.email)},{m(PHONE, p.phone)},"{m(ORG, org.name)}",{kw(p.title)},'
            f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n"
        )
    return doc


def _lockfile(w: _World) -> _Doc:
    rng = w.rng
    author = w.person()
    doc = _Doc("lockfile")
    if rng.random() < 0.5:
        doc.add(
            '{\n  "name": "orders-web",\n'
            f'  "version": "{kw(_version(rng))}",\n'
            f'  "author": "{w.name(author, "full")} <{m(EMAIL, author.email)}>",\n'
            '  "lockfileVersion": 3,\n  "packages": {\n'
        )
        for pkg in rng.sample(("lodash", "express", "react", "axios", "chalk", "debug", "uuid", "zod", "ms"), 4):
            v = _version(rng)
            doc.add(
                f'    "node_modules/{pkg}": {{\n'
                f'      "version": "{kw(v)}",\n'
                f'      "resolved": "https://registry.npmjs.org/{pkg}/-/{pkg}-{v}.tgz",\n'
                f'      "integrity": "{kw("sha512-" + _chars(rng, _B64, 86) + "==")}"\n'
                "    },\n"
            )
        doc.add("  }\n}\n")
    else:
        doc.add(f"# requirements.txt, generated by pip-compile for {w.codename()}\n")
        for pkg in rng.sample(("requests", "boto3", "pydantic", "numpy", "pandas", "sqlalchemy", "httpx", "rich"), 4):
            doc.add(
                f"{pkg}=={kw(_version(rng))} \\\n"
                f"    --hash=sha256:{kw(_hex(rng, 64))} \\\n"
                f"    --hash=sha256:{kw(_hex(rng, 64))}\n"
            )
    return doc


def _gitlog(w: _World) -> _Doc:
    rng = w.rng
    org = w.org()
    doc = _Doc("git_log")
    for _ in range(rng.randint(3, 5)):
        p = w.colleague(org)
        doc.add(
            f"commit {kw(_hex(rng, 40))}\nAuthor: {w.name(p, 'full')} <{m(EMAIL, p.email)}>\n"
            f"Date:   {_date_header(rng)}\n\n"
            f"    {rng.choice(('Fix', 'Add', 'Refactor', 'Bump'))} "
            f"{rng.choice(('retry logic', 'export job', 'auth middleware', 'schema'))} for {w.codename()}"
            f" ({kw('v' + _version(rng))})\n\n"
        )
        if rng.random() < 0.3:
            q = w.person()
            doc.add(f"    Co-authored-by: {w.name(q, 'full')} <{m(EMAIL, q.email)}>\n\n")
    return doc


def _hr_form(w: _World) -> _Doc:
    rng = w.rng
    p = w.person()
    org = w.org()
    doc = _Doc("hr_form")
    emergency = w.person()
    fields = [
        f"Employee: {w.name(p, rng.choice(('full', 'last_first')))}",
        f"Job title: {kw(p.title)}",
        f"Start date: {w.keep(MONTHS)} {rng.randint(1, 28)}, 2024",
        f"Date of birth: {m(DOB, _dob(rng))}",
        f"Home address: {m(ADDR, p.address)}",
        f"Personal phone: {m(PHONE, p.phone)}",
        f"Personal email: {m(EMAIL, p.email)}",
        f"Bank (IBAN): {m(IBAN, _iban(rng))}",
        f"Emergency contact: {w.name(emergency, 'full')}, {m(PHONE, emergency.phone)}",
    ]
    if rng.random() < 0.6:
        fields.append(f"SSN: {m(SSN, _ssn(rng))}")
    else:
        id_label, number = _national_id(rng)
        fields.append(f"{id_label}: {m(NATID, number)}")
    if rng.random() < 0.5:
        fields.append(f"Corporate card: {m(CARD, _card(rng))} (exp {rng.randint(1, 12):02d}/{rng.randint(26, 30)})")
    doc.add(f"{m(ORG, org.name)} — New starter form\n\n" + "\n".join(fields) + "\n")
    if rng.random() < 0.5:
        doc.add(
            f"\nNotes: {w.name(p, 'first')} will join the {w.codename()} team on {w.keep(WEEKDAYS)}; laptop to "
            "ship to the home address above.\n"
        )
    return doc


_KINDS: tuple[tuple[Callable[[_World], _Doc], int], ...] = (
    (_email, 14),
    (_chat, 11),
    (_meeting, 8),
    (_transcript, 8),
    (_cv, 7),
    (_ticket, 9),
    (_contract, 5),
    (_python, 7),
    (_javascript, 5),
    (_config, 8),
    (_sql, 5),
    (_csv, 4),
    (_lockfile, 3),
    (_gitlog, 3),
    (_hr_form, 5),
)


def generate(n_docs: int = 600, seed: int = DEFAULT_SEED) -> list[LabelledDoc]:
    """Generate ``n_docs`` labelled documents; the same arguments always give the same corpus.

    The kinds are interleaved in a fixed weighted cycle, so any prefix of the corpus mixes every
    kind; ``generate(n)[:k] == generate(k)`` holds for every ``k <= n``.
    """
    rng = random.Random(seed)
    cycle = [kind for kind, weight in _KINDS for _ in range(weight)]
    random.Random(seed ^ 0x5EED).shuffle(cycle)
    docs = []
    world = _World(rng)
    for i in range(n_docs):
        maker = cycle[i % len(cycle)]
        docs.append(maker(world).build(f"gen-{i:04d}-{maker.__name__.strip('_')}"))
    return docs
