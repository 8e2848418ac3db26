"""Deterministic generator of realistic uploaded work, for scrubline's benchmarks.

``generate_corpus(root, total_bytes, seed)`` writes a directory tree of the kinds of files people
upload (e-mails as ``.txt`` and ``.eml``, chat exports, Python and JavaScript source, ``*.env``
config files, call transcripts, CVs in Markdown, tickets) in mixed sizes (1 KB to 200 KB, roughly
log-uniform), plus one JSONL batch of short tickets and messages. The text is English prose and code
that carries names, e-mail addresses, phone numbers, postal addresses, IPs, card and bank numbers,
ticket ids, internal hosts, the config's codenames and customers, and some credentials.

``generate_document(path, total_bytes, seed)`` streams one single plain-text document of exactly
``total_bytes`` ASCII bytes (prose with entities), for the scale test.

Everything comes from one ``random.Random(seed)``: the same arguments give byte-identical files.
All values are fake (reserved phone ranges, ``example.*`` domains, documentation IP ranges, test card
numbers, made-up keys). ``.env`` files are written as ``<service>.env`` because scrubline skips
hidden files such as ``.env``.

    python -m benchmarks.gen_uploads OUT_DIR [--mb 4] [--seed 1729] [--single]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import string
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from pathlib import Path

__all__ = ["CorpusStats", "generate_corpus", "generate_document"]

KB = 1000
MIN_FILE = 1 * KB
MAX_FILE = 200 * KB
JSONL_SHARE = 0.10
DEFAULT_SEED = 1729

# --------------------------------------------------------------------------------------------------
# Vocabulary

FIRST = (
    "Ada Aaron Abigail Adeel Aisha Alan Alejandro Alice Amara Ana Andrei Anika Arjun Beatriz Ben Bilal Bruno "
    "Carla Carlos Chen Chloe Chinedu Claire Dana Daniel Deepa Diego Dmitri Elena Emeka Emily Erik Fatima Felix "
    "Fiona Gabriel Giulia Gordon Grace Hannah Hassan Helen Hiroshi Ingrid Isabel Ivan Jack James Jamal Jana "
    "Javier Jessica John Jordan Julia Kamala Karim Kate Kelly Kenji Laura Leila Liam Lucia Luis Maria Marcus "
    "Marta Mateo Mei-Lin Mohammed Nadia Naomi Nikhil Nina Noah Olga Oliver Omar Paolo Patrick Pedro Priya Rachel "
    "Raj Rebecca Rosa Ruth Sam Sara Sebastian Siobhan Sofia Sven Tariq Thomas Tom Tomasz Valentina Victor Wei "
    "Yusuf Zainab Zoe"
).split()
LAST = (
    "Abara Achterberg Adeyemi Ahmed Alvarez Andersson Bauer Becker Bianchi Brandt Brennan Campbell Castillo Chen "
    "Costa Dubois Ellis Eriksen Feld Fernandes Fischer Fitzgerald Garcia Gonzalez Gupta Haddad Hansen Hartmann "
    "Hughes Ibrahim Iyer Jansen Johansson Kaur Kim Kowalski Kruger Larsen Lopez Mbeki Mehta Meyer Moreau Murphy "
    "Nakamura Natarajan Nguyen Novak Nowak O'Brien Okafor Okonkwo Olsen Patel Pereira Petrov Quinn Ramirez Rao "
    "Reyes Richter Rossi Russo Sato Schmidt Schneider Silva Singh Sokolov Svensson Tanaka Thompson Varga Wagner "
    "Walsh Weber Whitaker Williams Wojcik Yamamoto Zhang Zhou"
).split()
STREETS = (
    "Harbor View Drive|Juniper Road|Millbrook Terrace|Elm Street|Station Road|Kingsway|Maple Avenue|Church Lane|"
    "Riverside Walk|Oak Crescent|Victoria Street|Mill Lane|Park Avenue|Cedar Court|Queens Road|Market Square|"
    "Willow Close|High Street|Lakeview Boulevard|Granite Way"
).split("|")
CITIES = (
    ("Springfield", "OR", "US"),
    ("Lakeside", "CA", "US"),
    ("Austin", "TX", "US"),
    ("Denver", "CO", "US"),
    ("Boston", "MA", "US"),
    ("Seattle", "WA", "US"),
    ("Chicago", "IL", "US"),
    ("Manchester", "", "GB"),
    ("Leeds", "", "GB"),
    ("Bristol", "", "GB"),
    ("Edinburgh", "", "GB"),
    ("London", "", "GB"),
    ("Dublin", "", "IE"),
    ("Berlin", "", "DE"),
    ("Munich", "", "DE"),
    ("Lyon", "", "FR"),
    ("Amsterdam", "", "NL"),
    ("Toronto", "ON", "CA"),
    ("Sydney", "NSW", "AU"),
    ("Bangalore", "KA", "IN"),
)
COMPANIES = (
    "Hexacore Logistics|Harbourline Energy|Northwind Traders|Brightpath Analytics|Copperleaf Health|"
    "Meridian Freight|Bluestone Insurance|Orchid Retail Group|Tidewater Bank|Summit Outdoor Co|"
    "Larkspur Media|Ironbridge Manufacturing|Vantage Telecom|Greenfield Farms|Polaris Software"
).split("|")
CODENAMES = ("Bluefin", "Nightjar", "Kestrel", "Halcyon", "Marlin", "Osprey")
PUBLIC_DOMAINS = ("example.com", "example.org", "example.net", "mail.example.co.uk", "example.de", "example.io")
INTERNAL_DOMAIN = "corp.example.net"
HOSTS = ("build01", "db", "cache01", "api-staging", "grafana", "jenkins", "vault", "ldap", "etl-worker-3", "wiki")
TITLES = (
    "Head of Operations|IT lead|Senior Data Engineer|Account Manager|Customer Success Lead|Product Manager|"
    "Site Reliability Engineer|Finance Controller|Support Agent|Engineering Manager|QA Analyst|CTO"
).split("|")
PRODUCTS = (
    "invoice export|billing portal|mobile app|nightly ETL|revenue report|driver dispatch|customer dashboard|"
    "data warehouse|payment gateway|search service|onboarding flow|shipment tracker"
).split("|")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October")
TOPICS = (
    "the migration plan|the Q3 budget|the renewal terms|the outage last night|the new SLA|the data retention policy|"
    "the vendor audit|the hiring plan|the release checklist|the pricing change|the security review|"
    "the warehouse move|the quarterly forecast|the incident postmortem"
).split("|")

# Sentences with slots: {p} person, {f} first name, {c} company, {cn} codename, {city}, {prod} product,
# {topic}, {day}, {n} number, {em} e-mail, {ph} phone, {addr} address, {tk} ticket id, {host} internal host,
# {ip}, {url}, {date}, {month}, {title}.
SENTENCES = (
    "I spoke to {p} from {c} this morning about {topic}.",
    "{p} will take over the {prod} work while {f} is on leave.",
    "Can you loop in {p} ({em}) before we send anything to {c}?",
    "The {cn} rollout is blocked until {c} signs off on {topic}.",
    "We agreed to revisit {topic} on {day}, once {f} has the numbers.",
    "Please call {f} on {ph} if the {prod} is still down after lunch.",
    "{p}, our {title}, raised a concern about {topic} during the review.",
    "The new office is at {addr}; parcels should be marked for {p}.",
    "Latency on {host} went up again after the deploy, see {tk} for the graphs.",
    "According to {p}, the {prod} handled {n} requests per minute at peak.",
    "I have attached the notes from the meeting in {city} with {c}.",
    "Nothing changes for customers in {city} until the {month} release.",
    "{f} mentioned that {c} is unhappy with the turnaround on {tk}.",
    "The dashboard at {url} shows the error rate dropping after {date}.",
    "If anyone from {c} asks, the point of contact is {p} at {em}.",
    "We moved the {prod} behind {ip} so the firewall rules need updating.",
    "{p} and {p2} are pairing on {topic} for the rest of the week.",
    "Honestly I think we are overcomplicating {topic}, but {f} disagrees.",
    "The contract with {c} renews in {month}, and {p} owns the negotiation.",
    "Ticket {tk} was reopened because the fix did not cover {city}.",
    "Thanks again for the quick turnaround, it made a real difference for the team.",
    "Let me know if you need anything else from my side before {day}.",
    "The root cause was a misconfigured retry policy in the {prod}.",
    "We should document this properly so the next person does not trip over it.",
    "Budget for {cn} is approved up to {n} thousand for the first phase.",
    "{f} from the {city} office will present the results on {day}.",
    "The customer asked us not to contact them at {ph} after 6pm.",
    "I reached {p} at {c} by phone; they confirmed the shipment left {city} on {date}.",
    "Our auditors want a copy of {topic} by the end of {month}.",
    "The staging copy of the {prod} lives on {host}, ask {f} for access.",
    "As discussed, {p} will be the escalation contact for {c} going forward.",
    "We saw {n} failed logins from {ip} over the weekend, probably a scanner.",
    "Could someone double-check the figures before they go to {c}?",
    "The {prod} team is short-staffed until {p} joins in {month}.",
    "Happy to jump on a call; my direct line is {ph}.",
)

PLAIN_SETTINGS = (
    "APP_ENV=production",
    "LOG_LEVEL=info",
    "FEATURE_NEW_INVOICE_PDF=true",
    "WORKERS=4",
    "TIMEOUT_SECONDS=30",
    "CACHE_TTL=300",
    "ENABLE_METRICS=1",
    "REGION=eu-west-1",
    "MAX_UPLOAD_MB=25",
    "RETRY_LIMIT=5",
)


# --------------------------------------------------------------------------------------------------
# Entity values


class _Fake:
    """Seeded source of fake entity values and prose."""

    def __init__(self, rng: random.Random) -> None:
        self.r = rng
        self.base = datetime(2024, 1, 8, 8, 30, tzinfo=timezone.utc)

    def pick(self, seq):  # type: ignore[no-untyped-def]
        return seq[self.r.randrange(len(seq))]

    def person(self) -> tuple[str, str]:
        return self.pick(FIRST), self.pick(LAST)

    def name(self) -> str:
        first, last = self.person()
        return f"{first} {last}"

    def email(self, first: str | None = None, last: str | None = None) -> str:
        if first is None or last is None:
            first, last = self.person()
        f, la = first.lower().replace("'", ""), last.lower().replace("'", "")
        local = self.pick((f"{f}.{la}", f"{f[0]}.{la}", f"{f}{la[0]}", f"{f}_{la}", f"{f}.{la}{self.r.randint(1, 99)}"))
        domain = INTERNAL_DOMAIN if self.r.random() < 0.15 else self.pick(PUBLIC_DOMAINS)
        return f"{local}@{domain}"

    def phone(self) -> str:
        r = self.r
        style = r.randrange(7)
        if style == 0:
            return f"+1 (555) 010-{r.randint(100, 199):04d}"
        if style == 1:
            return f"(555) 010-{r.randint(100, 199):04d}"
        if style == 2:
            return f"+44 20 7946 {r.randint(0, 999):04d}"
        if style == 3:
            return f"+44 7700 900{r.randint(0, 999):03d}"
        if style == 4:
            return f"555-01{r.randint(0, 99):02d}"
        if style == 5:
            return f"+49 30 {r.randint(10000000, 99999999)}"
        return f"+1-202-555-{r.randint(100, 199):04d}"

    def address(self) -> str:
        r = self.r
        city, region, country = self.pick(CITIES)
        street = f"{r.randint(1, 2400)} {self.pick(STREETS)}"
        if country == "US":
            return f"{street}, {city}, {region} {r.randint(10000, 99999)}"
        if country == "GB":
            pc = (
                f"{self.pick(('KT', 'M', 'LS', 'BS', 'EH', 'SW'))}{r.randint(1, 99)} {r.randint(1, 9)}{self.letters(2)}"
            )
            return f"{street}, {city} {pc}"
        if country == "CA":
            pc = f"M{r.randint(1, 9)}{self.letters(1)} {r.randint(1, 9)}{self.letters(1)}{r.randint(1, 9)}"
            return f"{street}, {city}, {region} {pc}"
        return f"{street}, {r.randint(10000, 99999)} {city}"

    def letters(self, n: int) -> str:
        return "".join(self.r.choice(string.ascii_uppercase) for _ in range(n))

    def token(self, n: int, alphabet: str = string.ascii_letters + string.digits) -> str:
        return "".join(self.r.choice(alphabet) for _ in range(n))

    def ip(self) -> str:
        return self.pick(("192.0.2", "198.51.100", "203.0.113", "10.20.4")) + f".{self.r.randint(2, 254)}"

    def card(self) -> str:
        digits = [4] + [self.r.randint(0, 9) for _ in range(14)]
        total = 0
        for i, d in enumerate(reversed(digits)):  # Luhn check digit
            if i % 2 == 0:
                d *= 2
                d = d - 9 if d > 9 else d
            total += d
        digits.append((10 - total % 10) % 10)
        s = "".join(map(str, digits))
        return " ".join(s[i : i + 4] for i in range(0, 16, 4)) if self.r.random() < 0.6 else s

    def iban(self) -> str:
        bban = self.letters(4) + "".join(str(self.r.randint(0, 9)) for _ in range(14))
        numeric = "".join(str(int(ch, 36)) for ch in bban + "GB00")
        check = 98 - int(numeric) % 97
        raw = f"GB{check:02d}{bban}"
        return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4)) if self.r.random() < 0.5 else raw

    def ticket(self) -> str:
        return f"OPS-{self.r.randint(10000, 29999)}"

    def host(self) -> str:
        return f"{self.pick(HOSTS)}.{INTERNAL_DOMAIN}"

    def url(self) -> str:
        if self.r.random() < 0.4:
            return f"https://{self.host()}/{self.pick(('dashboards/ops', 'job/nightly', 'wiki/Runbook', 'd/latency'))}"
        return f"https://www.{self.pick(PUBLIC_DOMAINS)}/{self.pick(('docs/api', 'pricing', 'status', 'blog/2024/q1'))}"

    def when(self) -> datetime:
        return self.base + timedelta(minutes=self.r.randint(0, 60 * 24 * 300))

    def date(self) -> str:
        d = self.when()
        return self.pick((d.strftime("%d/%m/%Y"), d.strftime("%Y-%m-%d"), d.strftime("%B %d")))

    def password(self) -> str:
        return self.pick(("Tr0ub4dor", "S3cr3t", "Winter", "P@ssw0rd", "Hunter", "Sunshine")) + (
            f"-{self.token(6)}{self.r.randint(10, 99)}!"
        )

    def named_secret(self) -> tuple[str, str]:
        """A setting name and a fake secret of the kind that name usually holds."""
        r = self.r.randrange(6)
        if r == 0:
            return "AWS_ACCESS_KEY_ID", "AKIA" + self.token(16, string.ascii_uppercase + string.digits)
        if r == 1:
            return "GITHUB_TOKEN", "ghp_" + self.token(36)
        if r == 2:
            return "STRIPE_SECRET_KEY", "sk_live_" + self.token(24)
        if r == 3:
            return "SLACK_BOT_TOKEN", "xoxb-" + "-".join(self.token(n, string.digits) for n in (11, 12)) + "-" + (
                self.token(24)
            )
        if r == 4:
            return "AWS_SECRET_ACCESS_KEY", self.token(40, string.ascii_letters + string.digits + "/+")
        return self.pick(("DB_PASSWORD", "SMTP_PASSWORD", "ADMIN_PASSWORD")), self.password()

    def secret(self) -> str:
        return self.named_secret()[1]

    def sentence(self) -> str:
        first, last = self.person()
        first2, last2 = self.person()
        values = {
            "p": f"{first} {last}",
            "p2": f"{first2} {last2}",
            "f": first2 if self.r.random() < 0.5 else self.pick(FIRST),
            "c": self.pick(COMPANIES),
            "cn": self.pick(CODENAMES),
            "city": self.pick(CITIES)[0],
            "prod": self.pick(PRODUCTS),
            "topic": self.pick(TOPICS),
            "day": self.pick(WEEKDAYS),
            "n": str(self.r.randint(3, 950)),
            "em": self.email(first, last),
            "ph": self.phone(),
            "addr": self.address(),
            "tk": self.ticket(),
            "host": self.host(),
            "ip": self.ip(),
            "url": self.url(),
            "date": self.date(),
            "month": self.pick(MONTHS),
            "title": self.pick(TITLES),
        }
        return self.pick(SENTENCES).format(**values)

    def paragraph(self, lo: int = 2, hi: int = 6) -> str:
        return " ".join(self.sentence() for _ in range(self.r.randint(lo, hi)))

    def signature(self, first: str, last: str) -> str:
        return f"{first} {last}\n{self.pick(TITLES)}, {self.pick(COMPANIES)}\n{self.phone()}\n{self.address()}"


# --------------------------------------------------------------------------------------------------
# File kinds: each returns (relative path, bytes) of at least about ``size`` bytes.


def _fill(size: int, first: str, block: Callable[[], str], sep: str = "\n") -> str:
    parts = [first]
    n = len(first)
    while n < size:
        b = block()
        parts.append(b)
        n += len(b) + len(sep)
    return sep.join(parts)


def _email_txt(g: _Fake, size: int, n: int) -> tuple[str, bytes]:
    frm, to = g.person(), g.person()
    subject = f"{g.pick(('Re: ', 'Fwd: ', ''))}{g.pick(TOPICS).capitalize()} - {g.pick(COMPANIES)}"
    head = (
        f"From: {frm[0]} {frm[1]} <{g.email(*frm)}>\nTo: {to[0]} {to[1]} <{g.email(*to)}>\n"
        f"Date: {format_datetime(g.when())}\nSubject: {subject}\n\nHi {to[0]},\n\n{g.paragraph()}\n"
    )

    def block() -> str:
        if g.r.random() < 0.2:
            who = g.person()
            quoted = "\n".join("> " + line for line in g.paragraph(1, 4).split(". "))
            return f"\nOn {g.when():%a, %d %b %Y at %H:%M}, {who[0]} {who[1]} <{g.email(*who)}> wrote:\n{quoted}\n"
        return g.paragraph() + "\n"

    body = _fill(size - 200, head, block)
    return f"email/{n:04d}_{frm[1].lower()}_thread.txt", (body + f"\nBest,\n{g.signature(*frm)}\n").encode()


def _eml(g: _Fake, size: int, n: int) -> tuple[str, bytes]:
    frm, to, cc = g.person(), g.person(), g.person()
    msg = EmailMessage(policy=SMTP)
    msg["From"] = f"{frm[0]} {frm[1]} <{g.email(*frm)}>"
    msg["To"] = f"{to[0]} {to[1]} <{g.email(*to)}>"
    if g.r.random() < 0.5:
        msg["Cc"] = f"{cc[0]} {cc[1]} <{g.email(*cc)}>"
    msg["Date"] = format_datetime(g.when())
    msg["Subject"] = f"{g.pick(('Re: ', ''))}{g.pick(TOPICS).capitalize()} ({g.pick(CODENAMES)})"
    msg["Message-ID"] = f"<{g.token(20, string.digits + 'ABCDEF')}@mail.example.com>"
    html = g.r.random() < 0.4
    # HTML doubles the text the reader sees (plain + rendered HTML), so aim the plain part lower.
    paragraphs = _fill(size // 2 if html else size - 400, f"Hi {to[0]},", lambda: g.paragraph(), "\n\n")
    if g.r.random() < 0.3:
        paragraphs += f"\n\nThe card on file is {g.card()}, and refunds go to {g.iban()}."
    plain = f"{paragraphs}\n\nThanks,\n{g.signature(*frm)}\n"
    msg.set_content(plain)
    if html:
        body = "".join(f"<p>{p}</p>\n" for p in plain.split("\n\n"))
        msg.add_alternative(f"<html><head><style>p {{margin:0}}</style></head><body>\n{body}</body></html>\n", "html")
        msg.set_boundary(f"=_part_{g.token(16)}")  # the email package would draw it from the global RNG
    return f"email/{n:04d}_{msg['Subject'].split()[-1].strip('()').lower()}.eml", msg.as_bytes()


_CHAT_LINES = (
    "morning all, anyone looking at {tk}?",
    "yep on it",
    "{f} can you check {host}? the disk is nearly full again",
    "lol",
    "the {prod} job failed overnight, log says connection refused from {ip}",
    "here's the connection string it is using: postgres://svc_{prod_id}:{pw}@{host}:5432/reports",
    "please don't paste creds in channel :sweat_smile: rotate that one",
    "I'll ping {p} at {c}, they said their firewall change went in {day}",
    "customer called from {ph}, wants a callback re {tk}",
    "shipping the fix now",
    "{p} is out until {day}, ask {f2} instead",
    "{sentence}",
    "{sentence}",
    "{sentence}",
    "can someone review my PR? it touches the {prod}",
    "fwiw the staging box is {ip}",
    "new dashboard: {url}",
    "thanks {f}!",
    "token for the test tenant is {secret} (expires friday)",
    "meeting moved to 3pm, invite coming from {em}",
)


def _chat(g: _Fake, size: int, n: int) -> tuple[str, bytes]:
    channel = g.pick(
        ("ops-reporting", "eng-backend", "support-escalations", "random", "proj-" + g.pick(CODENAMES).lower())
    )
    users = [g.person() for _ in range(g.r.randint(3, 8))]
    clock = g.when()

    def line() -> str:
        nonlocal clock
        clock += timedelta(seconds=g.r.randint(5, 900))
        u = g.pick(users)
        first, last = g.person()
        msg = g.pick(_CHAT_LINES).format(
            tk=g.ticket(),
            f=first,
            f2=g.pick(FIRST),
            p=f"{first} {last}",
            host=g.host(),
            prod=g.pick(PRODUCTS),
            prod_id=g.pick(PRODUCTS).split()[-1],
            ip=g.ip(),
            pw=g.password(),
            c=g.pick(COMPANIES),
            day=g.pick(WEEKDAYS),
            ph=g.phone(),
            sentence=g.sentence(),
            url=g.url(),
            secret=g.secret(),
            em=g.email(),
        )
        return f"[{clock:%Y-%m-%d %H:%M}] @{u[0].lower()}.{u[1].lower()}: {msg}"

    text = _fill(size, f"#{channel} - export {clock:%Y-%m-%d} (UTC)\n", line)
    return f"chat/{n:04d}_{channel}_export.txt", (text + "\n").encode()


def _python(g: _Fake, size: int, n: int) -> tuple[str, bytes]:
    module = g.pick(PRODUCTS).replace(" ", "_")
    author = g.person()
    head = (
        f'"""{g.pick(PRODUCTS).capitalize()} helpers for the {g.pick(CODENAMES)} project.\n\n'
        f"Maintainer: {author[0]} {author[1]} <{g.email(*author)}>\n"
        f'"""\n\nimport json\nimport logging\nimport os\n\nimport requests\n\n'
        f'log = logging.getLogger(__name__)\n\nBASE_URL = "https://{g.host()}/api/v2"\n'
        f'DB_URL = "postgresql://etl:{g.password()}@{g.host()}:5432/warehouse"\n'
        f'API_KEY = os.environ.get("API_KEY", "{g.secret()}")\n'
    )
    k = 0

    def block() -> str:
        nonlocal k
        k += 1
        who = g.person()
        fn = f"{g.pick(('load', 'sync', 'build', 'fetch', 'export', 'check'))}_{g.pick(PRODUCTS).split()[-1]}_{k}"
        return (
            f"\n\ndef {fn}(session, batch_size=100):\n"
            f'    """{g.sentence()}"""\n'
            f"    # TODO({who[0].lower()}): {g.sentence()}\n"
            f'    resp = session.get(f"{{BASE_URL}}/{fn}", params={{"limit": batch_size}}, timeout=30)\n'
            f"    resp.raise_for_status()\n"
            f"    rows = resp.json()['items']\n"
            f"    for row in rows:\n"
            f"        if row.get('owner') == {who[0] + ' ' + who[1]!r}:\n"
            f'            log.info("skipping %s", row["id"])\n'
            f"            continue\n"
            f'        row["contact"] = {g.email(*who)!r}\n'
            f"    return json.dumps(rows)\n"
        )

    return f"code/{n:04d}_{module}.py", (_fill(size, head, block, "") + "\n").encode()


def _javascript(g: _Fake, size: int, n: int) -> tuple[str, bytes]:
    author = g.person()
    head = (
        f"// {g.pick(PRODUCTS)} client - (c) {g.pick(COMPANIES)}\n// Author: {author[0]} {author[1]} "
        f"<{g.email(*author)}>\n'use strict';\n\nconst axios = require('axios');\n\n"
        f"const config = {{\n  baseUrl: 'https://{g.host()}/v1',\n  apiKey: process.env.API_KEY || '{g.secret()}',\n"
        f"  supportPhone: '{g.phone()}',\n}};\n"
    )
    k = 0

    def block() -> str:
        nonlocal k
        k += 1
        who = g.person()
        verb, noun = g.pick(("get", "post", "render", "update", "validate")), g.pick(("Invoice", "Order", "User"))
        fn = f"{verb}{noun}{k}"
        return (
            f"\n/**\n * {g.sentence()}\n * @author {who[0]} {who[1]}\n */\n"
            f"async function {fn}(id, opts = {{}}) {{\n"
            f"  const res = await axios.get(`${{config.baseUrl}}/{fn.lower()}/${{id}}`, {{\n"
            f"    headers: {{ Authorization: `Bearer ${{config.apiKey}}` }},\n"
            f"    timeout: opts.timeout || 5000,\n  }});\n"
            f"  if (res.status !== 200) {{\n    console.error('failed for', id, '{g.email(*who)}');\n"
            f"    return null;\n  }}\n"
            f"  return res.data.items.map((x) => ({{ ...x, region: '{g.pick(CITIES)[0]}' }}));\n}}\n"
            f"module.exports.{fn} = {fn};\n"
        )

    return f"code/{n:04d}_{g.pick(PRODUCTS).split()[-1]}.js", _fill(size, head, block, "").encode()


def _env(g: _Fake, size: int, n: int) -> tuple[str, bytes]:
    service = g.pick(PRODUCTS).replace(" ", "-")
    lines = [f"# {service} - {g.pick(('production', 'staging', 'dev'))} settings, owner {g.name()}"]

    def line() -> str:
        r = g.r.random()
        if r < 0.3:
            return "=".join(g.named_secret())
        if r < 0.45:
            return f"DATABASE_URL=postgres://svc_{service.split('-')[-1]}:{g.password()}@{g.host()}:5432/{service}"
        if r < 0.55:
            return f"SUPPORT_EMAIL={g.email()}"
        if r < 0.62:
            return f"ONCALL_PHONE={g.phone()}"
        if r < 0.7:
            return f"UPSTREAM_HOST={g.ip()}"
        return g.pick(PLAIN_SETTINGS)

    return f"config/{n:04d}_{service}.env", (_fill(min(size, 6 * KB), lines[0], line) + "\n").encode()


def _transcript(g: _Fake, size: int, n: int) -> tuple[str, bytes]:
    agent, cust = g.pick(FIRST), g.person()
    company = g.pick(COMPANIES)
    head = (
        f"CALL TRANSCRIPT - {company} Customer Care\nCall ID: CC-{g.r.randint(1000, 9999)}-{g.when():%Y-%m-%d-%H%M}   "
        f"Queue: {g.pick(('Billing', 'Technical', 'Sales', 'Complaints'))}\n"
        "Recorded for quality and training purposes. Auto-transcribed, lightly corrected.\n\n"
        f"Agent: Thank you for calling {company}, this is {agent}. Can I start with your name, please?\n"
        f"Customer: Hi, my name is {cust[0]} {cust[1]}.\n"
        "Agent: Thank you. For security, can you confirm your date of birth and the first line of your address?\n"
        f"Customer: {g.date()}, and it's {g.address()}.\n"
    )
    turns = (
        lambda: f"Agent: {g.sentence()}",
        lambda: f"Customer: {g.sentence()}",
        lambda: f"Customer: Sure, the best number is {g.phone()}, or e-mail me at {g.email(*cust)}.",
        lambda: f"Customer: The card is {g.card()}, expiry {g.r.randint(1, 12):02d}/{g.r.randint(25, 30)}.",
        lambda: "Agent: Let me just pull that up, bear with me a moment.",
        lambda: "Customer: Okay, no problem.",
        lambda: f"Agent: I can see the payment to {g.iban()} bounced on {g.date()}.",
        lambda: f"Customer: {g.pick(('Yeah', 'Right', 'Honestly', 'Look'))}, {g.sentence().lower()}",
    )
    text = _fill(size - 100, head, lambda: g.pick(turns)())
    return f"transcripts/{n:04d}_call.txt", (text + f"\nAgent: Thanks for calling, {cust[0]}. Goodbye.\n").encode()


def _cv(g: _Fake, size: int, n: int) -> tuple[str, bytes]:
    first, last = g.person()
    city = g.pick(CITIES)[0]
    head = (
        f"# {first} {last}\n\n{g.pick(TITLES)} | {city}\n\n- Email: {g.email(first, last)}\n- Phone: {g.phone()}\n"
        f"- Address: {g.address()}\n- LinkedIn: https://www.linkedin.com/in/{first.lower()}-{last.lower()}\n\n"
        f"## Summary\n\n{g.paragraph(3, 5)}\n\n## Experience\n"
    )

    def job() -> str:
        start = g.r.randint(2005, 2021)
        bullets = "\n".join(f"- {g.sentence()}" for _ in range(g.r.randint(3, 6)))
        years = f"{start}-{start + g.r.randint(1, 4)}"
        return f"\n### {g.pick(TITLES)}, {g.pick(COMPANIES)} ({g.pick(CITIES)[0]}), {years}\n\n{bullets}\n"

    body = _fill(min(size, 30 * KB) - 400, head, job, "")
    refs = f"\n## References\n\n- {g.name()}, {g.pick(TITLES)}, {g.phone()}\n- {g.name()}, {g.email()}\n"
    return f"cv/{n:04d}_cv_{first.lower()}_{last.lower()}.md", (body + refs).encode()


def _ticket(g: _Fake, size: int, n: int) -> tuple[str, bytes]:
    tk, reporter = g.ticket(), g.person()
    head = (
        f"# {tk}: {g.pick(PRODUCTS).capitalize()} {g.pick(('fails for', 'is slow for', 'shows wrong totals for'))} "
        f"{g.pick(COMPANIES)}\n\n**Reporter:** {reporter[0]} {reporter[1]} ({g.email(*reporter)})  \n"
        f"**Priority:** {g.pick(('P1', 'P2', 'P3'))}  \n**Component:** {g.pick(PRODUCTS)}\n\n"
        f"## Description\n\n{g.paragraph(3, 6)}\n\nSteps to reproduce:\n\n1. Log in as {g.email()}\n"
        f"2. Open {g.url()}\n3. Export the report for {g.pick(CITIES)[0]}\n\n## Comments\n"
    )

    def comment() -> str:
        who = g.person()
        extra = ""
        r = g.r.random()
        if r < 0.1:
            extra = f"\n\n```\ncurl -u {who[0].lower()}:{g.password()} https://{g.host()}/api/health\n```"
        elif r < 0.2:
            user = f"svc_{g.pick(PRODUCTS).split()[-1]}"
            extra = f"\n\n```\nERROR {g.when():%Y-%m-%dT%H:%M:%S} connect to {g.ip()}:5432 failed for user {user}\n```"
        return f"\n**{who[0]} {who[1]}** commented on {g.date()}:\n\n{g.paragraph(1, 4)}{extra}\n"

    return f"tickets/{n:04d}_{tk}.md", _fill(size, head, comment, "").encode()


_KINDS: tuple[tuple[str, Callable[[_Fake, int, int], tuple[str, bytes]], float], ...] = (
    ("email_txt", _email_txt, 1.0),
    ("eml", _eml, 1.5),
    ("chat", _chat, 1.5),
    ("python", _python, 1.0),
    ("javascript", _javascript, 0.7),
    ("env", _env, 0.6),
    ("transcript", _transcript, 1.2),
    ("cv", _cv, 0.8),
    ("ticket", _ticket, 1.2),
)


def _jsonl_record(g: _Fake, i: int) -> str:
    r = g.r.random()
    if r < 0.4:
        first, last = g.person()
        text = (
            f"{g.pick(('Hi', 'Hello', 'Dear support'))},\n\n{g.paragraph(1, 4)} You can reach me at "
            f"{g.email(first, last)} or {g.phone()}. - {first}"
        )
    elif r < 0.6:
        order = f"#{g.r.randint(10, 99)}-{g.r.randint(10000, 99999)}"
        text = f"Order {order}: ship the replacement to {g.name()}, {g.address()}."
    elif r < 0.7:
        text = f"Please update my card to {g.card()}, name on card {g.name()}. {g.sentence()}"
    else:
        text = g.paragraph(2, 8)
    obj = {
        "id": f"T-{100000 + i}",
        "text": text,
        "language": "en",
        "license": "cc-by-4.0",
        "uploader": f"u{g.r.randint(1, 500)}",
    }
    return json.dumps(obj, ensure_ascii=False)


# --------------------------------------------------------------------------------------------------
# Entry points


@dataclass
class CorpusStats:
    """What ``generate_corpus`` wrote."""

    root: str
    seed: int
    files: int = 0
    bytes: int = 0
    jsonl_records: int = 0
    jsonl_bytes: int = 0
    by_kind: dict[str, list[int]] = field(default_factory=dict)  # kind -> [files, bytes]
    smallest: int = 0
    largest: int = 0

    def describe(self) -> str:
        kinds = ", ".join(f"{k} {v[0]}" for k, v in sorted(self.by_kind.items()))
        return (
            f"{self.files} raw files ({kinds}; {self.smallest / KB:.1f}-{self.largest / KB:.1f} KB) plus one JSONL "
            f"batch of {self.jsonl_records} records ({self.jsonl_bytes / KB:.0f} KB); {self.bytes / 1e6:.2f} MB on disk"
        )


def generate_corpus(root: str | Path, total_bytes: int = 4_000_000, seed: int = DEFAULT_SEED) -> CorpusStats:
    """Write about ``total_bytes`` of mixed uploads under ``root`` (created); deterministic in ``seed``."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    g = _Fake(rng)
    stats = CorpusStats(root=str(root), seed=seed)
    sizes: list[int] = []

    # The JSONL batch: about JSONL_SHARE of the bytes, in short records.
    jsonl_target = int(total_bytes * JSONL_SHARE)
    lines: list[str] = []
    n = 0
    while n < jsonl_target:
        line = _jsonl_record(g, len(lines))
        lines.append(line)
        n += len(line.encode()) + 1
    (root / "batch").mkdir(exist_ok=True)
    data = ("\n".join(lines) + "\n").encode()
    (root / "batch" / "support_tickets.jsonl").write_bytes(data)
    stats.jsonl_records, stats.jsonl_bytes = len(lines), len(data)
    written = len(data)

    weights = [w for _, _, w in _KINDS]
    counter: Counter[str] = Counter()
    i = 0
    while written < total_bytes:
        kind, make, _ = rng.choices(_KINDS, weights=weights)[0]
        size = int(math.exp(rng.uniform(math.log(MIN_FILE), math.log(MAX_FILE))))
        size = max(MIN_FILE, min(size, total_bytes - written))
        rel, data = make(g, size, i)
        i += 1
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written += len(data)
        sizes.append(len(data))
        counter[kind] += 1
        entry = stats.by_kind.setdefault(kind, [0, 0])
        entry[0] += 1
        entry[1] += len(data)
    stats.files = len(sizes)
    stats.bytes = written
    stats.smallest = min(sizes, default=0)
    stats.largest = max(sizes, default=0)
    return stats


def generate_document(path: str | Path, total_bytes: int = 50_000_000, seed: int = DEFAULT_SEED) -> int:
    """Stream one plain-text document of exactly ``total_bytes`` ASCII bytes (prose with entities)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    g = _Fake(random.Random(seed))
    written = 0
    section = 0
    with path.open("w", encoding="ascii", newline="\n") as fh:
        while written < total_bytes:
            section += 1
            first, last = g.person()
            block = (
                f"\n## {section}. {g.pick(TOPICS).capitalize()}\n\n{g.paragraph(4, 9)}\n\n{g.paragraph(3, 7)} "
                f"Contact {first} {last} at {g.email(first, last)} or {g.phone()}; post to {g.address()}. "
                f"Refunds go to {g.iban()}.\n"
            )
            block = block.encode("ascii", "replace").decode("ascii")[: total_bytes - written]
            fh.write(block)
            written += len(block)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", help="directory to write (created)")
    parser.add_argument("--mb", type=float, default=4.0, help="approximate size in MB (10^6 bytes); default 4")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--single", action="store_true", help="write one plain-text document of exactly --mb MB")
    args = parser.parse_args(argv)
    total = int(args.mb * 1_000_000)
    if args.single:
        n = generate_document(Path(args.out) / "document.txt", total, args.seed)
        print(f"wrote {n} bytes to {Path(args.out) / 'document.txt'}")
    else:
        print(generate_corpus(args.out, total, args.seed).describe())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
