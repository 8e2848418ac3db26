"""The credential rule pack: every rule and assignment form, the negatives, exact spans, and linear time.

Every token below is fake and assembled from obviously repetitive pieces, so no real-looking secret is
committed verbatim (AKIAIOSFODNN7EXAMPLE and the wJalr... key are AWS's own documentation examples).
"""

from __future__ import annotations

import pytest

from tests.transforms.detectors.linearity import assert_linear
from transforms.detectors.base import DETECTOR_REGISTRY
from transforms.detectors.credentials import CredentialDetector, build_credential_detector
from transforms.records import Finding

API, PW, PK, USER = "API_KEY", "PASSWORD", "PRIVATE_KEY", "USERNAME"

# --- fake values ---------------------------------------------------------------------------------
AWS_ID = "AKIAIOSFODNN7EXAMPLE"
AWS_STS_ID = "ASIA" + "EXAMPLE2" * 2
AWS_SECRET = "q8Vd2LmRt5XwZp0KsNc7/HfJbYe3uGa9iTo+Wr1E"
GOOGLE_KEY = "AIza" + "SyD" + "x1Y2z3" * 5 + "ab"
GOCSPX = "GOCSPX-" + "Fk1Fk2Fk3Fk4" * 2 + "Fk5x"
YA29 = "ya29." + "a0Fake1Token2" * 3
HEX40 = "0123456789abcdef0123456789abcdef01234567"
PEM_BODY = "MIIE" + "FakeKeyMaterial0" * 4
AZURE_KEY = "Ab1Cd2Ef3Gh4" * 7 + "Ij5K=="
SAS_SIG = "AbCd1234EfGh5678IjKl9012MnOp%3D"
STRIPE_LIVE = "sk_" + "live_" + "a1B2c3D4" * 3
STRIPE_RESTRICTED = "rk_" + "live_" + "Z9y8X7w6" * 3
STRIPE_TEST = "sk_" + "test_" + "Q1w2E3r4" * 3
GHP = "ghp_" + "a1B2" * 9
GHO = "gho_" + "c3D4" * 9
GHU = "ghu_" + "e5F6" * 9
GHS = "ghs_" + "g7H8" * 9
GHR = "ghr_" + "i9J0" * 9
GH_PAT = "github_pat_" + "11AAAAAAA0" + "_" + "x9Y8" * 10
GLPAT = "glpat-" + "Ab1Cd2Ef3Gh4Ij5Kl6Mn"
SLACK_BOT = "xoxb-" + "123456789012-1234567890123-" + "aBcD1234" * 3
SLACK_USER = "xoxp-" + "123456789012-" + "eFgH5678" * 3
SLACK_HOOK = "https://hooks.slack.com/services/" + "T0000FAKE/B0000FAKE/" + "XxYyZz12" * 3
DISCORD_BOT = "M" + "TAxMjM0NTY3ODkwMTIzNDU2" + "." + "Gh1Jk2" + "." + "aBcD1234" * 4
DISCORD_HOOK = "https://discord.com/api/webhooks/123456789012345678/" + "Fake-Hook_Token1" * 3
TELEGRAM = "123456789:AA" + "Fk3" * 11
OPENAI = "sk-" + "Ab12Cd34" * 6
OPENAI_PROJ = "sk-proj-" + "Ab12_Cd34-" * 8
ANTHROPIC = "sk-ant-api03-" + "Ab12Cd34" * 10
NPM = "npm_" + "a1B2c3" * 6
PYPI = "pypi-AgEIcHlwaS5vcmc" + "Ab1_Cd2-" * 7
SENDGRID = "SG." + "Ab1Cd2Ef3Gh4Ij5Kl6Mn7O" + "." + "Pq8Rs9Tu0Vw1" * 3 + "Xy2Z3ab"
TWILIO_SK = "SK" + "0123456789abcdef" * 2
TWILIO_AC = "AC" + "fedcba9876543210" * 2
MAILGUN = "key-" + "0a1b2c3d" * 4
SHOPIFY = "shpat_" + "0123456789abcdef" * 2
HF = "hf_" + "aB3dE6gH9j" * 3 + "kLmN"
JWT = "eyJhbGciOiJIUzI1NiJ9" + "." + "eyJzdWIiOiIxMjM0NTY3ODkwIn0" + "." + "c2lnbmF0dXJlLWZha2U"
BEARER = "abcDEF123456ghiJKL"
BASIC = "dXNlcjpwYXNzd29yZA=="
GENERIC = "f3a9c1e7b2d8" + "4a6c" * 3
UUID = "123e4567-e89b-12d3-a456-426614174000"
GLRT = "glrt-" + "Ab1_Cd2-Ef3Gh4Ij5Kl6"
GLDT = "gldt-" + "Zy9Xw8Vu7Ts6Rq5Po4Nm"
SLACK_APP = "xapp-1-" + "A0FAKE12345-1234567890123-" + "0123456789abcdef" * 4
SLACK_REFRESH = "xoxe.xoxp-" + "1-Mi0yLTEyMzQ1Njc4OTA" + "aB3dE6" * 4
DYNATRACE = "dt0c01." + "ABCDEFGHIJ1234567890KLMN" + "." + "ABCD1234EFGH5678" * 4
LINEAR = "lin_api_" + "aB3dE6gH9j" * 4
POSTMAN = "PMAK-" + "0123456789abcdef01234567" + "-" + "0123456789abcdef0123456789abcdef01"
GRAFANA_CLOUD = "glc_" + "eyJvIjoiMTIzNDU2IiwibiI6ImZha2Ui" + "=="
GRAFANA_SA = "glsa_" + "aB3dE6gH9j" * 3 + "kL" + "_" + "0a1b2c3d"
ATLASSIAN = "ATATT3xFfGF0" + "aB3dE6gH9j_-" * 6
SQUARE = "sq0atp-" + "aB3dE6gH9j_-aB3dE6gH9j"
AGE = "AGE-SECRET-KEY-1" + "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L" + "QPZRY9X8GF2TVDW0S3JN54KHCE"
ALIBABA = "LTAI" + "5tFake1Key2Id3Q"
FACEBOOK = "EAAC" + "EdEose0cBAaB3dE6gH9j" * 6
BREVO = "xkeysib-" + "0123456789abcdef" * 4 + "-" + "aB3dE6gH9jKlMnOp"
VAULT = "hvs." + "CAESIFake1Token2Vault3" * 3
MD5_CRYPT = "$1$" + "saltsalt" + "$" + "aB3dE6gH9j./aB3dE6gH9j"
SHA512_CRYPT = "$6$" + "rounds=5000$" + "FakeSalt1234" + "$" + "aB3dE6gH9j./" * 7 + "aB"
BCRYPT = "$2b$12$" + "aB3dE6gH9j./" * 4 + "aB3dE"
APR1 = "$apr1$" + "x1y2z3" + "$" + "aB3dE6gH9j./aB3dE6gH9j"
ARGON2 = "$argon2id$v=19$m=65536,t=3,p=4$" + "c2FsdHNhbHQ" + "$" + "aB3dE6gH9j+/" * 3


def pem(kind: str, block: str = "PRIVATE KEY") -> str:
    label = f"{kind} {block}".strip()
    return f"-----BEGIN {label}-----\n{PEM_BODY}\n{PEM_BODY}\n-----END {label}-----"


# (text, expected [(entity_type, exact secret substring)]) -- the whole finding list, in span order.
POSITIVE: list[tuple[str, list[tuple[str, str]]]] = [
    # cloud providers
    (f"aws_access_key_id = {AWS_ID}", [(API, AWS_ID)]),
    (f"creds: {AWS_STS_ID} expires soon", [(API, AWS_STS_ID)]),
    (f"AWS_SECRET_ACCESS_KEY={AWS_SECRET}", [(API, AWS_SECRET)]),
    (f'{{"AccessKeyId": "{AWS_ID}", "SecretAccessKey": "{AWS_SECRET}"}}', [(API, AWS_ID), (API, AWS_SECRET)]),
    (f"aws_secret_access_key = {AWS_SECRET}\n", [(API, AWS_SECRET)]),
    (f"const key = '{GOOGLE_KEY}';", [(API, GOOGLE_KEY)]),
    (f"GOOGLE_CLIENT: {GOCSPX}", [(API, GOCSPX)]),
    (f"curl -H 'X-Goog: {YA29}'", [(API, YA29)]),
    (
        f'{{"type": "service_account", "private_key_id": "{HEX40}", '
        f'"private_key": "-----BEGIN PRIVATE KEY-----\\n{PEM_BODY}\\n-----END PRIVATE KEY-----\\n"}}',
        [
            (API, HEX40),
            (PK, f"-----BEGIN PRIVATE KEY-----\\n{PEM_BODY}\\n-----END PRIVATE KEY-----"),
            (API, f"-----BEGIN PRIVATE KEY-----\\n{PEM_BODY}\\n-----END PRIVATE KEY-----\\n"),
        ],
    ),
    (
        f"DefaultEndpointsProtocol=https;AccountName=acct;AccountKey={AZURE_KEY};EndpointSuffix=core.windows.net",
        [(API, AZURE_KEY)],
    ),
    (f"https://acct.blob.core.windows.net/c/f.txt?sv=2022-11-02&sig={SAS_SIG}", [(API, SAS_SIG)]),
    # developer platforms
    (f"stripe.api_key = '{STRIPE_LIVE}'", [(API, STRIPE_LIVE)]),
    (f"restricted {STRIPE_RESTRICTED} and test {STRIPE_TEST}", [(API, STRIPE_RESTRICTED), (API, STRIPE_TEST)]),
    (f"git clone https://{GHP}@github.com/org/repo", [(API, GHP)]),
    (f"{GHO} {GHU} {GHS} {GHR}", [(API, GHO), (API, GHU), (API, GHS), (API, GHR)]),
    (f"export GH={GH_PAT}", [(API, GH_PAT)]),
    (f"glab auth login --stdin <<< {GLPAT}", [(API, GLPAT)]),
    (f"bot = {SLACK_BOT}, user = {SLACK_USER}", [(API, SLACK_BOT), (API, SLACK_USER)]),
    (f"webhook: {SLACK_HOOK}", [(API, SLACK_HOOK)]),
    (f"client.run({DISCORD_BOT!r})", [(API, DISCORD_BOT)]),
    (f"post to {DISCORD_HOOK} now", [(API, DISCORD_HOOK)]),
    (f"bot = Bot({TELEGRAM!r})", [(API, TELEGRAM)]),
    (f"OPENAI: {OPENAI}", [(API, OPENAI)]),
    (f"client = OpenAI(key={OPENAI_PROJ!r})", [(API, OPENAI_PROJ)]),
    (f"ANTHROPIC: {ANTHROPIC}", [(API, ANTHROPIC)]),
    (f"//registry.npmjs.org/:_authToken={NPM}", [(API, NPM)]),
    (f"[pypi]\n  username = __token__\n  pw-holder {PYPI}\n", [(API, PYPI)]),
    (f"sg = SendGridAPIClient('{SENDGRID}')", [(API, SENDGRID)]),
    (f"TWILIO_API_KEY={TWILIO_SK}", [(API, TWILIO_SK)]),
    (f'{{"account_sid": "{TWILIO_AC}"}}', [(API, TWILIO_AC)]),
    (f"mailgun {MAILGUN} here", [(API, MAILGUN)]),
    (f"Shopify admin {SHOPIFY}.", [(API, SHOPIFY)]),
    (f"huggingface-cli login --with {HF}", [(API, HF)]),
    (f"cookie session={JWT}; Path=/", [(API, JWT)]),
    # HTTP authorization
    (f"Authorization: Bearer {BEARER}", [(API, BEARER)]),
    (f'headers = {{"Authorization": "Bearer {BEARER}"}}', [(API, BEARER)]),
    (f'curl -H "Authorization: Bearer {JWT}" https://api', [(API, JWT)]),
    (f"Authorization: Basic {BASIC}", [(PW, BASIC)]),
    (f"Authorization: token {GHP}", [(API, GHP)]),
    (f"log: sent Bearer {BEARER} upstream", [(API, BEARER)]),
    # generic secrets by name: .env, YAML, JSON, Python, CLI, XML
    (f"API_KEY={GENERIC}", [(API, GENERIC)]),
    (f"export AUTH_TOKEN={GENERIC}\n", [(API, GENERIC)]),
    (f'api_key: "{GENERIC}"', [(API, GENERIC)]),
    (f"service:\n  client_secret: {GENERIC}\n", [(API, GENERIC)]),
    (f'{{"client_secret": "{GENERIC}", "client_id": "abc"}}', [(API, GENERIC)]),
    (f"self.access_token = '{GENERIC}'", [(API, GENERIC)]),
    (f"const apiKey = `{GENERIC}`;", [(API, GENERIC)]),
    (f"tool --api-key {GENERIC} --verbose", [(API, GENERIC)]),
    (f"tool --api-key={GENERIC}", [(API, GENERIC)]),
    (f"<apiKey>{GENERIC}</apiKey>", [(API, GENERIC)]),
    (f'ENV["SECRET_KEY"] = "{GENERIC}"', [(API, GENERIC)]),
    (f'encryption_key := "{GENERIC}"', [(API, GENERIC)]),
    (f"session_token = '{UUID}'", [(API, UUID)]),
    (f"webhook_secret = '{'Ab/Cd+Ef/Gh+Ij/Kl+Mn/Op+'}'", [(API, "Ab/Cd+Ef/Gh+Ij/Kl+Mn/Op+")]),
    # passwords in assignments
    ('password = "hunter2!"', [(PW, "hunter2!")]),
    ("DB_PASSWORD=s3cr3t", [(PW, "s3cr3t")]),
    ('{"user": "bob", "password": "changeme"}', [(PW, "changeme")]),
    ("database:\n  password: changeme\n", [(PW, "changeme")]),
    ("db_passwd='pa55'", [(PW, "pa55")]),
    ("userPass = 'abcd'", [(PW, "abcd")]),
    ("mysql --password=hunter22 -u root", [(PW, "hunter22")]),
    ('mysql --password "two words" db', [(PW, "two words")]),
    ("PGPASSWORD=abcd1234 psql -h db", [(PW, "abcd1234")]),
    ("MYSQL_PWD=abcd1234 mysql", [(PW, "abcd1234")]),
    ("passphrase: correct horse battery staple  # from the vault\n", [(PW, "correct horse battery staple")]),
    ("[db]\npassword = my secret phrase\n", [(PW, "my secret phrase")]),
    ('password: str = "typed1234"', [(PW, "typed1234")]),
    ('connect(host="db", password="kw4rgs!", port=1)', [(PW, "kw4rgs!")]),
    ("<password>xml-secret</password>", [(PW, "xml-secret")]),
    ("connect(password=abcd1234)", [(PW, "abcd1234")]),
    (
        'env:\n  - name: DB_PASSWORD\n    value: "k8s-s3cret"\n  - name: API_TOKEN\n    value: abc123def456\n',
        [(PW, "k8s-s3cret"), (API, "abc123def456")],
    ),
    ('{"name": "DB_PASSWORD", "value": "ecs-s3cret"}', [(PW, "ecs-s3cret")]),
    ('log("{\\"password\\": \\"esc4ped\\"}")', [(PW, "esc4ped")]),
    ("if password == 'letmein1':", [(PW, "letmein1")]),
    ("CREATE USER app IDENTIFIED BY 'Tr0ub4dor&3';", [(PW, "Tr0ub4dor&3")]),
    ("ALTER ROLE app WITH PASSWORD 'n3w-r0le';", [(PW, "n3w-r0le")]),
    ("The password is Summer2024! Don't share it.", [(PW, "Summer2024!")]),
    ("fyi the password for the VPN is xyz123.", [(PW, "xyz123")]),
    ("wifi password for the office is Winter2007?\n", [(PW, "Winter2007?")]),
    ("the password is now hunter2x?", [(PW, "hunter2x")]),  # a question mark after letters ends the sentence
    # connection strings and URLs
    ("Server=db;Database=app;User Id=sa;Password=P@ss w0rd;", [(USER, "sa"), (PW, "P@ss w0rd")]),
    ('"Driver={ODBC Driver 18};Server=db;UID=bob;PWD={a;b c};"', [(USER, "bob"), (PW, "a;b c")]),
    ("Host=db;Username=app_rw;Password=pg-Secret9", [(USER, "app_rw"), (PW, "pg-Secret9")]),
    ("postgres://bob:p%40ss@db.internal:5432/app", [(USER, "bob"), (PW, "p%40ss")]),
    ("mongodb+srv://svc:un3nc@ded@cluster0.example.net/x", [(USER, "svc"), (PW, "un3nc@ded")]),
    ("REDIS_URL=redis://:r3dispass@cache:6379/0", [(PW, "r3dispass")]),
    ("jdbc:mysql://db/app?user=bob&password=hunter22", [(USER, "bob"), (PW, "hunter22")]),
    ("curl -u admin:s3cret https://api", [(USER, "admin"), (PW, "s3cret")]),
    # private keys
    (pem("RSA"), [(PK, pem("RSA"))]),
    (f"key:\n{pem('OPENSSH')}\nrest", [(PK, pem("OPENSSH"))]),
    (pem("EC"), [(PK, pem("EC"))]),
    (pem("DSA"), [(PK, pem("DSA"))]),
    (pem("ENCRYPTED"), [(PK, pem("ENCRYPTED"))]),
    (pem(""), [(PK, pem(""))]),
    (pem("PGP", "PRIVATE KEY BLOCK"), [(PK, pem("PGP", "PRIVATE KEY BLOCK"))]),
    (
        f"before\n-----BEGIN RSA PRIVATE KEY-----\n{PEM_BODY}\n(truncated",
        [(PK, f"-----BEGIN RSA PRIVATE KEY-----\n{PEM_BODY}\n(truncated")],
    ),
    (
        "PuTTY-User-Key-File-3: ssh-ed25519\nPrivate-Lines: 1\nFakeLine\nPrivate-MAC: 0123abcd\nnext",
        [(PK, "PuTTY-User-Key-File-3: ssh-ed25519\nPrivate-Lines: 1\nFakeLine\nPrivate-MAC: 0123abcd")],
    ),
]

POSITIVE += [
    # more developer platforms and SaaS providers
    (f"CI_RUNNER_TOKEN={GLRT}", [(API, GLRT)]),
    (f"deploy token {GLDT}", [(API, GLDT)]),
    (f"SLACK_APP_TOKEN={SLACK_APP}", [(API, SLACK_APP)]),
    (f"refresh: {SLACK_REFRESH}", [(API, SLACK_REFRESH)]),
    (f"Api-Token {DYNATRACE}", [(API, DYNATRACE)]),
    (f"const linear = '{LINEAR}'", [(API, LINEAR)]),
    (f"postman key {POSTMAN}", [(API, POSTMAN)]),
    (f"grafana: {GRAFANA_CLOUD}", [(API, GRAFANA_CLOUD)]),
    (f"GRAFANA_SA {GRAFANA_SA}\n", [(API, GRAFANA_SA)]),
    (f"jira {ATLASSIAN} ok", [(API, ATLASSIAN)]),
    (f"square: {SQUARE}", [(API, SQUARE)]),
    (f"# age key\n{AGE}\n", [(API, AGE)]),
    (f"accessKeyId: {ALIBABA}", [(API, ALIBABA)]),
    (f"fb {FACEBOOK}", [(API, FACEBOOK)]),
    (f"BREVO {BREVO}", [(API, BREVO)]),
    (f"vault login {VAULT}", [(API, VAULT)]),
    # secret-looking names
    ("SECRET_KEY_BASE=" + "0123456789abcdef" * 4, [(API, "0123456789abcdef" * 4)]),
    ("    client-key-data: " + "LS0tLS1CRUdJTi" * 4 + "==", [(API, "LS0tLS1CRUdJTi" * 4 + "==")]),
    # command lines, netrc, cookies
    ("sshpass -p 'Fake pw 12' ssh deploy@host", [(PW, "Fake pw 12")]),
    ("sshpass -pHunter2x scp a b", [(PW, "Hunter2x")]),
    ("mysql -u root -pS3cretPw! app < dump.sql", [(PW, "S3cretPw!")]),
    ("mysqldump -h db -u app -p'S3cret Pw' app", [(PW, "S3cret Pw")]),
    ("redis-cli -h cache -a Fake-Redis-9 ping", [(PW, "Fake-Redis-9")]),
    ("vault login --password Fake.Pass-77", [(PW, "Fake.Pass-77")]),
    ("app --password hunter", [(PW, "hunter")]),
    ("machine api.example.com login alice password Fake1Pass", [(USER, "alice"), (PW, "Fake1Pass")]),
    ("machine git.example.com\n  login bob\n  password Fake2Pass", [(USER, "bob"), (PW, "Fake2Pass")]),
    ("Cookie: theme=dark; sessionid=" + "a1b2c3d4e5f6" * 2 + "; lang=en", [(API, "a1b2c3d4e5f6" * 2)]),
    ("Set-Cookie: AUTH_TOKEN=" + "Zx9Yw8Vu7" * 3 + "; Path=/; HttpOnly", [(API, "Zx9Yw8Vu7" * 3)]),
    # password hashes (crypt formats)
    (f"admin:{APR1}", [(PW, APR1)]),
    (f"root:{SHA512_CRYPT}:19000:0:99999:7:::", [(PW, SHA512_CRYPT)]),
    (f"user:{MD5_CRYPT}:1", [(PW, MD5_CRYPT)]),
    (f"hashed = '{BCRYPT}'", [(PW, BCRYPT)]),
    (f"stored {ARGON2}", [(PW, ARGON2)]),
]

NEGATIVE: list[str] = [
    f'request_id = "{UUID}"',
    f"for item in items: cache[{UUID!r}] = item",
    '"integrity": "sha512-' + "Zm9vYmFyYmF6" * 7 + '==",',
    '"resolved": "https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz"',
    "image: app@sha256:" + "0123456789abcdef" * 4,
    "commit 9fceb02d0ae598e95dc970b74767f19372d61af8\nAuthor: someone",
    'password = os.environ["DB_PASSWORD"]',
    'password = os.getenv("DB_PASSWORD")',
    "token = None",
    "token: null",
    "secret = true",
    'password = ""',
    "the password policy requires 12 characters",
    "Your password must be at least 12 characters. The password is required.",
    'password = "${DB_PASSWORD}"',
    "password: $DB_PASSWORD",
    'password: "{{ vault_db_password }}"',
    'dsn = "host=%(host)s password=%(password)s"',
    "password: <password>",
    "password: <PASSWORD>",
    "password=***",
    "connect(user=user, password=password)",
    "self.password = password",
    "password = self.password",
    "token = get_token()",
    "password: str",
    "def f(password: Optional[str] = None):",
    ":param password: the database password",
    "    password: Password for authentication. Defaults to None.",
    "PWD=/home/bob/project",
    'bypass = "something"',
    "max_tokens = 4096",
    'tokenizer = "bert-base-uncased"',
    'next_page_token = "next_range_start"',
    'author = "Jane Roe"',
    'password_hash = "$2b$12$' + "abcdefghijklmnopqrstuv" + '"',
    'headers["Authorization"] = f"Bearer {token}"',
    "Authorization: Bearer $TOKEN",
    'password = f"{prefix}"',
    "https://example.com/path?q=a:b",
    "git@github.com:org/repo.git",
    "see task-runner-configuration-helper",
    "SK" + "0123456789abcdef" * 2 + " appears in prose, unassigned",
    "I am the bearer of good news",
    'echo "$1$HOME/some/long/path/to/a/file/name"',
    "cp $1$2$3 /tmp/abcdefghijklmnopqrstuvwxyz0123",
    "Pass the --password option to prompt for it.",
    "Use --password flag or --token argument",
    "mysql -u root -p app",
    "Cookie: theme=dark; sessionid=; lang=en",
    "Cookie: session=expired",
    "data:image/png;base64,AAAA" + "EAAg" + "AbCdEfGh" * 6 + "+/" + "A" * 30 + "BcDe" * 10 + "/x",
    "LTAI is an acronym, LTAIFORMAT too",
]


@pytest.fixture(scope="module")
def detector() -> CredentialDetector:
    return CredentialDetector()


def _pairs(text: str, findings: list[Finding]) -> list[tuple[str, str]]:
    return [(f.entity_type, text[f.start : f.end]) for f in findings]


POSITIVE += [
    # a label and its value in every syntax (issue 14): each value below is invented here
    ('MAPS_KEY = "Wd4rNq8zKt2vLp6x"', [(API, "Wd4rNq8zKt2vLp6x")]),
    ("access_token: 'Hs5mYq1wPz7cRv3b'", [(API, "Hs5mYq1wPz7cRv3b")]),
    ('$opts["apiKey"] => "Jt8nCv2xQm6pLw4z",', [(API, "Jt8nCv2xQm6pLw4z")]),
    ("    'secret_key' => 'Ry3kFb7nWq1tZm9d',", [(API, "Ry3kFb7nWq1tZm9d")]),
    ('webhook = os.getenv("HOOK_TOKEN", "Gc6vNx2rLq8mTz4k")', [(API, "Gc6vNx2rLq8mTz4k")]),
    ("pw = ENV.fetch('SMTP_PASSWORD', 'Quill9#Ferry')", [(PW, "Quill9#Ferry")]),
    ("<pwd>Marble4!Dune</pwd>", [(PW, "Marble4!Dune")]),
    ("DB_PASSWD:=Kx27fWq9", [(PW, "Kx27fWq9")]),
    ('client.setPassword("Lantern8$Reef");', [(PW, "Lantern8$Reef")]),
]

UNSIGNED_JWT = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ0ZXN0LXVzZXIifQ"  # a header and claims, no signature part
# Keyword-assigned secrets in every syntax: qualified names, punctuation-heavy literals, comparisons with the
# literal first, Java equals, Objective-C and Python string prefixes, C arrays, passphrases (invented here).
POSITIVE += [
    ('mail_password_backup = "Tern5!Gale"', [(PW, "Tern5!Gale")]),
    ("REDIS_PASS_RO=Vk3mQ9zL", [(PW, "Vk3mQ9zL")]),
    ('if ("Sleet4#Quay" == old_password) {', [(PW, "Sleet4#Quay")]),
    ("elif 'Pylon7&Moss' != pwd:", [(PW, "Pylon7&Moss")]),
    ('if (input.password.equalsIgnoreCase("Cobalt2^Wren")) {', [(PW, "Cobalt2^Wren")]),
    ('[request setPassword:nil]; self.pass = @"Fjord8~Kiln";', [(PW, "Fjord8~Kiln")]),
    ('char admin_pwd[] = "Rune6*Vale";', [(PW, "Rune6*Vale")]),
    ("    'apiKey' => 'k7#Lw}Zq(2Rv)m$[x',", [(API, "k7#Lw}Zq(2Rv)m$[x")]),
    ('apikey_reports: "Tz8%qW{m4}Xp!Lr2"', [(API, "Tz8%qW{m4}Xp!Lr2")]),
    ('if ("Hv3]nP{q7}wQ(k" === private_key) {', [(API, "Hv3]nP{q7}wQ(k")]),
    ("const SIGNING_KEY = `Gx5{Rq8]Tm2(Wz`;", [(API, "Gx5{Rq8]Tm2(Wz")]),
    ('session_secret = "amber lanterns drift slowly"', [(API, "amber lanterns drift slowly")]),
    ("  aws_secret_access_key: copper fox jumps high", [(API, "copper fox jumps high")]),
    ("claims: " + UNSIGNED_JWT, [(API, UNSIGNED_JWT)]),
]
NEGATIVE += [
    "password_min_length = 12",
    'PASSWORD_FILE="/run/secrets/db_password"',
    'token_endpoint: "https://auth.example.org/oauth2/token"',
    'secretName: "orders-db-credentials"',
    'api_key_header = "X-Orders-Key"',
    'secret = "amber lanterns drift slowly"',  # a lone word name: a phrase may be a label
    '"apiKey": "the api key of the reports service"',  # names the secret: a description
    'secret: "Secret used to sign the cookies"',
    "secret = m_table[idx](seed);",  # brackets ending a statement: code
    'password = "-.,;:*!?"',  # no letter or digit
    'api_key = "${REPORTS_API_KEY}"',
    'if ("admin" == username) {',
    "eyJhbGciOiJub25lIn.eyJzdWIiOiJ0ZXN0LXVzZXIifQ.c2lnbmF0dXJlLXBhcnQ",  # header is no JSON object
    "PRIVATE-TOKEN: glpat-XXXXXXXXXXXXXXXXXXXXXXXX",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_positive(detector: CredentialDetector, text: str, expected: list[tuple[str, str]]) -> None:
    findings = detector.detect([text])[0]
    assert _pairs(text, findings) == expected


@pytest.mark.parametrize("text", NEGATIVE)
def test_negative(detector: CredentialDetector, text: str) -> None:
    assert _pairs(text, detector.detect([text])[0]) == []


def test_every_rule_has_a_positive_case(detector: CredentialDetector) -> None:
    seen = {f.detector for text, _ in POSITIVE + ASSIGNED_MORE for f in detector.detect([text])[0]}
    assert seen == {f"credentials.{name}" for name in detector.rule_names}


def test_scores_and_detector_names(detector: CredentialDetector) -> None:
    text = f"k={GHP}\nAuthorization: Bearer {BEARER}\napi_key: {GENERIC}\n{pem('RSA')}"
    by_value = {text[f.start : f.end]: f for f in detector.detect([text])[0]}
    assert (by_value[GHP].score, by_value[GHP].detector) == (0.95, "credentials.github_token")
    assert (by_value[BEARER].score, by_value[BEARER].detector) == (0.9, "credentials.authorization_header")
    assert (by_value[GENERIC].score, by_value[GENERIC].detector) == (0.8, "credentials.secret_assignment")
    assert by_value[pem("RSA")].score == 1.0


def test_same_span_from_two_rules_is_reported_once_with_the_best_score(detector: CredentialDetector) -> None:
    text = f"GITHUB_TOKEN={GHP}"  # the provider rule and the name-based rule both match the value
    assert detector.detect([text])[0] == [Finding(API, 13, 13 + len(GHP), 0.95, "credentials.github_token")]


def test_batch_order_and_sorting(detector: CredentialDetector) -> None:
    texts = [f"password=abcd1234 {AWS_ID}", "", "nothing here", f"{AWS_ID} password=abcd1234"]
    results = detector.detect(texts)
    assert len(results) == 4
    assert _pairs(texts[0], results[0]) == [(PW, "abcd1234"), (API, AWS_ID)]
    assert results[1] == [] and results[2] == []
    assert _pairs(texts[3], results[3]) == [(API, AWS_ID), (PW, "abcd1234")]
    for findings in results:
        assert findings == sorted(findings, key=lambda f: (f.start, f.end, f.entity_type, f.detector))
    assert detector.detect(texts) == results


def test_offsets_are_str_indices_with_non_ascii_and_surrogates(detector: CredentialDetector) -> None:
    text = "Grüße 🙂 — passwort? nein: password = 'hünter2é' and key \udcff " + AWS_ID
    text += " — the password is Sömmer2024’ and f(password=pässwörd1)"
    pairs = _pairs(text, detector.detect([text])[0])
    assert pairs == [(PW, "hünter2é"), (API, AWS_ID), (PW, "Sömmer2024"), (PW, "pässwörd1")]


def test_factory_is_registered() -> None:
    assert DETECTOR_REGISTRY["credentials"] is build_credential_detector
    built = build_credential_detector(None)  # type: ignore[arg-type]  # it reads nothing from the config
    assert isinstance(built, CredentialDetector) and built.name == "credentials"


def test_two_megabytes_of_a(detector: CredentialDetector) -> None:
    assert detector.detect(["a" * 2_000_000]) == [[]]
    assert_linear(detector, "a", 2_000_000)


def test_two_megabytes_of_password_assignments(detector: CredentialDetector) -> None:
    unit = "password="
    text = unit * (2_000_000 // len(unit))
    findings = detector.detect([text])[0]
    # The first assignment's bare value runs to the next whitespace: the rest of the text.
    assert findings == [Finding(PW, len(unit), len(text), 0.8, "credentials.password_assignment")]
    assert_linear(detector, unit, 2_000_000)


@pytest.mark.parametrize("unit", ["x password:a b ", "x token:ab1 c ", "a://b:c@d ", ";user=a b ", "password=a)"])
def test_adversarial_repetitions_stay_linear(detector: CredentialDetector, unit: str) -> None:
    # Each of these once made a rule rescan the rest of the line after every match (or would have).
    text = unit * (500_000 // len(unit))
    for finding in detector.detect([text])[0]:
        assert 0 <= finding.start < finding.end <= len(text)
    assert_linear(detector, unit, 500_000)


def test_unterminated_private_key_after_two_megabytes(detector: CredentialDetector) -> None:
    text = "x " * 1_000_000 + "-----BEGIN PRIVATE KEY-----\n" + "A" * 1000
    findings = detector.detect([text])[0]
    assert findings == [Finding(PK, 2_000_000, len(text), 1.0, "credentials.private_key")]


# Issue 14, secrets: keyword-assigned values in more syntaxes and languages, secrets stated in prose,
# user:password@host without a scheme, and the false-positive classes that must stay clean. Every value
# below is invented here.
ASSIGNED_MORE: list[tuple[str, list[tuple[str, str]]]] = [
    # other languages' words for secret and key, a personal access token's short name
    ('secreto = "Vq8Lz2Wx5RmT"', [(API, "Vq8Lz2Wx5RmT")]),
    ("segreto_app: Kp3Xw9Lq7Zm2", [(API, "Kp3Xw9Lq7Zm2")]),
    ('chave_secreta: "Tq3Lm8Zx2WpR7Kv5"', [(API, "Tq3Lm8Zx2WpR7Kv5")]),
    ("geheimnis = 'Bz6Lq2Xw8RmP'", [(API, "Bz6Lq2Xw8RmP")]),
    ("sekret=Mw4Tq9Zr2Lx7", [(API, "Mw4Tq9Zr2Lx7")]),
    ('clave = "Rn7Lq2Xz9WpK4Tm8"', [(API, "Rn7Lq2Xz9WpK4Tm8")]),
    ("set -e; export GH_PAT=Lq2Zm8Xp4Wt6Rk9V", [(API, "Lq2Zm8Xp4Wt6Rk9V")]),
    # symbol-heavy literals under a strong secret name, quoted or not, with "=" or ":="
    ("secrete = Q,.:-@*?!", [(API, "Q,.:-@*?!")]),
    ('token := "k;.:-@*?!"', [(API, "k;.:-@*?!")]),
    # Makefile := and ?=, R <-, Visual Basic As String =
    ("DEPLOY_TOKEN := Hw5Lq8Xz2Rm6Tk9V", [(API, "Hw5Lq8Xz2Rm6Tk9V")]),
    ("REGISTRY_SECRET ?= Jr3Wq7Lz9Xm2Tp5K", [(API, "Jr3Wq7Lz9Xm2Tp5K")]),
    ('api_key <- "Qz8Lm2Xw5Rt9Kp3V"', [(API, "Qz8Lm2Xw5Rt9Kp3V")]),
    ('Dim password As String = "Rz5!Lq8Xm"', [(PW, "Rz5!Lq8Xm")]),
    # a Terraform variable's default, a BIND key's secret, Java XML properties
    ('variable "admin_password" {\n  type    = string\n  default = "Tz4!Lq8mWp"\n}', [(PW, "Tz4!Lq8mWp")]),
    ('variable "api_token" {\n  sensitive = true\n  default = "Kc7{Wq2]Lz9"\n}', [(API, "Kc7{Wq2]Lz9")]),
    (
        'key "xfr" {\n  algorithm hmac-sha256;\n  secret "Ym9ndXNWYWx1ZUZvclRzaWcx";\n};',
        [(API, "Ym9ndXNWYWx1ZUZvclRzaWcx")],
    ),
    ('<entry key="jdbc.password">Vn6#Lq2Zx</entry>', [(PW, "Vn6#Lq2Zx")]),
    ('<entry key="api.secret">Pm3Xq8Lz2Wr7Tk4N</entry>', [(API, "Pm3Xq8Lz2Wr7Tk4N")]),
    # a key or token stated in a sentence, chat or ticket
    (
        "Hi team, the new API key for the vendor portal is Rm4Xq8Lz2Wp6Tk9V, please vault it.",
        [(API, "Rm4Xq8Lz2Wp6Tk9V")],
    ),
    ("The token is Nz4Lq8Xm2Wp6Rt9V, it expires tomorrow.", [(API, "Nz4Lq8Xm2Wp6Rt9V")]),
    ("Use API key Wm3Zq7Lx2Rp9Tk5V for the staging account.", [(API, "Wm3Zq7Lx2Rp9Tk5V")]),
    ("Here's my personal access token: Gb7Lq2Xz9Wm4Rt6Vp", [(API, "Gb7Lq2Xz9Wm4Rt6Vp")]),
    ("El token para el entorno de pruebas es Xv5Lq9Zm2Wr7Tk3P.", [(API, "Xv5Lq9Zm2Wr7Tk3P")]),
    # user:password@host without a scheme (an IP address or a single host name)
    ("ssh in as ops:Hk8Zq3Lp5W@192.0.2.77 then restart", [(USER, "ops"), (PW, "Hk8Zq3Lp5W")]),
    ('"backup:Wq5Lz8Xm2R@nas02:2222"', [(USER, "backup"), (PW, "Wq5Lz8Xm2R")]),
    # AWS key id prefixes beside AKIA/ASIA: bearer (ABIA), context-specific (ACCA), A3T
    ("id=ABIA" + "FAKE4BRR5FAKE6BR", [(API, "ABIAFAKE4BRR5FAKE6BR")]),
    ("ACCA" + "FAKE7CTX8FAKE9CT in the trace", [(API, "ACCAFAKE7CTX8FAKE9CT")]),
]
NOT_SECRETS: list[str] = [
    # a value that repeats its own name: a test fixture
    'password = "password"',
    "PASSWORD: Password",
    'token = "token"',
    "<secret>SECRET</secret>",
    # public keys are published by design
    '"publicKey": "BNq4Lz8Xm2WpQz7Lm2Xw9RpKq4Lz8Xm2Wp"',
    "VAPID_PUBLIC_KEY=BNq4Lz8Xm2WpQz7Lm2Xw9RpKq4Lz8Xm2Wp",
    "ssh_pubkey: Xq7Lm2Pz9Wr4Tk6VbN3c",
    # lockfile and package hashes, image digests, UUID ids, git SHAs in logs, versions
    '"integrity": "sha512-Vq8Lz2Wx5RmTQz7Lm2Xw9RpKq4Lz8Xm2WpLq2Zm8Xp4Wt6Rk9Vb3NcTq6Lz2Xm==",',
    "certifi==2024.8.30 --hash=sha256:" + "bec941d2aac8ee1b" * 4,
    'checksum = "sha256:' + "3f9a2c1e8b7d6a5f" * 4 + '"',
    "image: registry.example.org/app@sha256:" + "3f9a2c1e8b7d6a5f" * 4,
    "request_id: 6f1c2b9e-4d3a-4b7e-9c1f-2a8d5e6b7c40",
    "commit 4f8e2a1b9c7d4e3f8a6b5c4d3e2f1a0b9c8d7e6f\nMerge: 4f8e2a1 9c7d4e3",
    "* 4f8e2a1 fix token refresh",
    "version: 3.14.159",
    # a base64 image
    '<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA'
    '60e6kgAAAABJRU5ErkJggg==">',
    # placeholders, masks, references, settings about the secret
    'password = "<your password>"',
    "api_key: YOUR_API_KEY_HERE",
    "token: xxxxxxxxxxxxxxxxxxxxxxxx",
    'password: "********"',
    "API_KEY=${API_KEY}",
    'secret = os.environ.get("APP_SECRET")',
    "password: process.env.DB_PASSWORD",
    "password=$(cat /run/secrets/db)",
    'api_key = "<REDACTED>"',
    "token_type: Bearer",
    "secret_name: prod-db-credentials",
    "api_key_env: BILLING_API_KEY",
    'variable "db_password_length" {\n  default = "24"\n}',
    '<entry key="token.ttl">3600</entry>',
    # prose about keys and tokens, without one
    "The token is valid for twenty-four hours.",
    "Your API key is shown on the settings page.",
    "We rotated the API key yesterday.",
    "Use token authentication for the staging account.",
    "the deploy token is xxxxxxxxxxxxxxxxxxxxxxxx",
    # words that contain a short name, and e-mail addresses after a header word
    'compat = "Zq8Xr2Wp4Vn6Ut1Sm3"',
    "Cc:jane42@example.org",
    "at 10:42@home",
    'cells secrete = "a hormone"',
]


@pytest.mark.parametrize(("text", "expected"), ASSIGNED_MORE)
def test_assigned_and_stated_secrets(detector: CredentialDetector, text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(text, detector.detect([text])[0]) == expected


@pytest.mark.parametrize("text", NOT_SECRETS)
def test_not_secrets(detector: CredentialDetector, text: str) -> None:
    assert _pairs(text, detector.detect([text])[0]) == []
