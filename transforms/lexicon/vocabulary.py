"""Ordinary technical and business vocabulary that spaCy's NER often mistakes for names or places.

Used only to veto statistical (NER) findings: a pattern, dictionary or credential finding is never
vetoed by this list. Everything is lower case; matching is on the casefolded entity text, and an
entity made only of these words, identifiers (tokens with digits or underscores, dotted names such
as ``config.yaml``) and punctuation is vetoed too. The lists are general categories (programming
languages, products, SQL words, months and quarters, job titles, document and form words), not the
words of any one corpus.
"""

from __future__ import annotations

import re

__all__ = [
    "EDGE_WORDS",
    "TECHNICAL_VOCABULARY",
    "TOOL_WORDS",
    "VENDORS",
    "imperative",
    "is_chat_word",
    "is_common_word_phrase",
    "is_identifier",
    "is_ordinary_vocabulary",
]

_LANGUAGES = """python java javascript typescript go golang rust ruby php perl scala kotlin swift c c++ c# f# r julia
matlab haskell elixir erlang clojure lua dart bash shell powershell sql nosql graphql html css sass less json yaml
toml xml markdown latex cobol fortran assembly groovy objective-c solidity terraform hcl"""
_TOOLS = """kubernetes k8s docker podman helm terraform ansible puppet chef jenkins gitlab github bitbucket jira
confluence slack teams zoom excel word powerpoint outlook onenote sharepoint tableau looker power bi powerbi
salesforce hubspot zendesk servicenow sap oracle mysql postgres postgresql sqlite mongodb redis kafka spark
hadoop hive presto trino snowflake bigquery redshift databricks airflow dbt flink beam dataflow pandas numpy
scipy pytorch tensorflow keras sklearn scikit-learn spacy presidio pyarrow parquet avro protobuf grpc rest
api apis sdk cli ui ux aws azure gcp s3 ec2 lambda iam vpc rds dynamodb cloudwatch cloudfront eks ecs gke
linux ubuntu debian centos rhel windows macos ios android chrome firefox safari edge node nodejs npm yarn pip
conda poetry react angular vue django flask fastapi rails spring express nginx apache tomcat graphana grafana
prometheus datadog splunk sentry pagerduty okta auth0 oauth saml sso ldap vpn ssh ssl tls https http dns tcp
udp ip cdn ci cd ci/cd devops sre mlops qa uat prod staging dev git svn vim emacs vscode intellij pycharm
xcode figma sketch miro notion trello asana monday.com dropbox box gmail gsuite g suite workspace office 365
office365 chatgpt gpt copilot llm ml ai nlp etl elt crm erp hr
kpi okr roi sla slo sli poc mvp b2b b2c saas paas iaas faas pdf csv tsv xlsx docx pptx txt zip gzip tar
utf-8 ascii unicode regex uuid sha sha256 md5 base64 jwt cron webhook webhooks vault consul nomad circleci
maven gradle cargo homebrew pypi rubygems webpack vite babel eslint prettier pytest junit selenium cypress
playwright postman swagger openapi kibana elasticsearch opensearch logstash rabbitmq celery nats etcd istio
envoy traefik haproxy cloudflare heroku vercel netlify digitalocean linode github actions gitlab ci bitbucket
pipelines argo argocd flux spinnaker sonarqube snyk dependabot renovate x86_64 amd64 arm64 aarch64 x64 x86
win32 win64 macos linux-gnu mysqldump mariadb innodb myisam utf8 utf8mb4 varchar nvarchar char int integer bigint
smallint tinyint decimal numeric float double real bool boolean text blob clob date datetime timestamp
timestamptz uuid json jsonb serial null not primary foreign key unique index constraint default table tables
view views insert into values select update delete from where join create alter drop engine
charset collate auto_increment distrib dump schema database db dbs kubectl kubeadm minikube kind k3s pnpm brew apt
apt-get yum dnf curl wget grep sed awk jq make cmake gcc clang rustc tox nox ruff mypy flake8 pylint isort
pytest black nginx systemd systemctl journalctl crontab sudo chmod chown""".replace("\n", " ")
_TIME = """january february march april may june july august september october november december jan feb mar
apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday mon tue tues wed
thu thur thurs fri sat sun q1 q2 q3 q4 h1 h2 fy fy23 fy24 fy25 fy26 quarterly monthly weekly daily annual
yearly today tomorrow yesterday eod eow eom ytd qtd mtd am pm utc gmt bst cet cest pst pdt est edt ist jst
aest"""
_TITLES = """ceo cto cfo coo cio ciso cmo vp svp evp director manager engineer developer analyst architect
consultant intern lead head principal staff senior junior associate partner president chairman founder
co-founder owner admin administrator agent customer caller client user team support sales marketing
finance legal hr ops operations engineering product design research recruiter executive executives scientist
scientists coordinator specialist officer assistant representative rep technician designer programmer
accountant auditor controller strategist advisor adviser clerk receptionist secretary trainee apprentice
contractor freelancer success business people talent acquisition payroll procurement purchasing compliance
risk security infrastructure platform data software hardware network systems cloud solutions services
service accounts relations development growth strategy communications content digital technical
chief deputy managing regional scrum agile coach program programme project portfolio delivery quality
assurance tester site reliability machine learning full-stack fullstack frontend backend front-end back-end
mobile web embedded analytics devsecops dba sysadmin helpdesk desk it"""
_COMMON = """agenda notes summary action items todo fixme note ticket issue bug feature release version
update meeting call email phone address account invoice order payment refund report dashboard deadline
budget forecast roadmap sprint backlog standup retro review approval hi hello hey thanks thank regards dear
the a an and or of for to in on at by with from id ids no number call calls queue billing claims status
priority subject cc bcc date time attendees skills experience education references profile objective
description excerpt internal signed bearer token tokens secret secrets key keys password passwords username
usernames login logins dob ssn iban bic swift sort code visa mastercard amex maestro card cards cheers
best kind warm mr mrs ms mx miss dr prof sir madam all yes ok okay please morning afternoon evening tbd fyi
asap eta re fwd fw lol etc ps nb confidential draft final attachment attachments agreement contract client
contractor services term fees notices confidentiality schedule appendix exhibit section clause page personal
direct tel mobile office work home bank social commit merge branch require import export module package class function
method stripe paypal braintree adyen twilio sendgrid mailchimp computer science sciences mathematics maths physics
chemistry biology economics statistics informatics humanities bsc msc phd mba ba ma beng meng llb job
title file files folder directory path host hosts hostname config configuration checksum settings identityfile
proxyjump proxycommand nhs aadhaar pesel tfn dni nie nif nric hetu personnummer kimlik tckn steuer-id medicare
nino itin ein tin"""

# Developer tools, frameworks and libraries by stack; vendors of developer products; developer communities.
_DEV_TOOLS = """lombok hibernate junit mockito gradle kotlin jetpack compose hilt dagger retrofit okhttp glide coil
firebase crashlytics swiftui uikit swiftdata alamofire cocoapods testflight xcode simulator emulator
react redux zustand mobx recoil next.js nextjs nuxt nuxt.js svelte sveltekit remix gatsby vite webpack rollup
esbuild turbopack parcel storybook tailwind tailwindcss bootstrap jquery lodash axios jest vitest mocha
typeorm prisma sequelize mongoose drizzle nestjs express.js koa deno pnpm npx nvm ts-node tsc
serde axum actix sqlx diesel clippy rustup rust-analyzer rustonomicon
django flask celery gunicorn uvicorn pydantic sqlalchemy alembic jupyter jupyterlab ipython conda anaconda
polars duckdb dask xgboost lightgbm catboost optuna mlflow kubeflow sagemaker vertex dataproc emr
dagster prefect metabase superset redash iceberg hudi metastore
terragrunt atlantis pulumi opentofu spacelift calico cilium coredns karpenter k9s lens loki tempo
openshift rancher buildkit hadolint podman containerd cri-o firewalld selinux apparmor iptables nftables
paramiko mitogen fabric vagrant virtualbox vmware hyper-v wsl wsl2
arch alpine almalinux opensuse manjaro freebsd openbsd
devtools desktop studio toolkit inspector profiler debugger
vscode vscodium neovim sublime eclipse netbeans webstorm goland clion
atlassian hashicorp jetbrains mirantis canonical mozilla
lkml stackoverflow overflow reddit discord hackernews
pipenv virtualenv venv pyenv sidekiq resque rabbitmq zigbee zwave z-wave mqtt homebridge sentinel
dockerfile makefile jenkinsfile gemfile procfile vagrantfile readme changelog"""
# Parties and roles in litigation, contracts and deeds; court officers; procedure and document words of
# judgments and contracts (common-law jurisdictions).
_LEGAL = """claimant claimants plaintiff plaintiffs defendant defendants appellant appellants respondent respondents
petitioner petitioners applicant applicants intervener interveners intervenor intervenors appellee appellees
complainant complainants prosecutor prosecution accused witness witnesses affiant deponent declarant counsel
solicitor solicitors barrister barristers attorney attorneys registrar magistrate arbitrator arbitrators
tribunal judges justices juror jurors bailiff notary commissioner party parties licensor licensee
licensors licensees guarantor guarantors assignee assignees assignor assignors transferee transferor lessor
lessee landlord tenant tenants employer employee buyer seller vendor purchaser supplier subcontractor
indemnifying indemnified discloser recipient mortgagor mortgagee trustee trustees beneficiary executor
hearing trial judgment judgement judgments opinion reasons appeal appeals motion affidavit affidavits
declaration deposition discovery examination summons writ claim claims counterclaim pleadings particulars
petition conference directions costs damages injunction verdict ruling decree recital recitals definitions
deliverables charges losses liabilities indemnity catchwords legislation docket registry citation
effective commencement initial renewal third majeure governing arbitration rules management"""
# Chat and social-media abbreviations, interjections and spellings of speech ("imma", "kinda", "dat"); genres of
# film, TV and books ("Comedy", "Mystery & Suspense"); banking words spaCy takes for organisations.
_CHAT_WORDS = """omg omfg wtf wth af lol lmao lmaoo lmfao rofl smh tbh idk idc ikr imo imho btw ffs irl dm dms
ngl istg stfu gtfo nvm jk omw rn tmrw wyd hbu fomo yolo bff plz pls thx tho altho thru gonna gotta wanna kinda
sorta gon imma lemme gimme dunno vid vids ya yah yea yeah yep yup nope nah dat dis dem dey wat bruh bro fam yall
y'all ppl hmm hmmm ugh meh welp oof yikes yay yass yasss woah whoa wow ayy aww awww ew eww rip"""
_CHAT = (
    _CHAT_WORDS
    + """ comedy drama thriller horror romance documentary documentaries animation sci-fi mystery suspense atm"""
)

_COMMON_SET = frozenset((_TITLES + " " + _COMMON).split())
TECHNICAL_VOCABULARY: frozenset[str] = frozenset(
    w for block in (_LANGUAGES, _TOOLS, _DEV_TOOLS, _TIME, _TITLES, _COMMON, _LEGAL, _CHAT) for w in block.split()
) | frozenset(
    {
        "power bi",
        "g suite",
        "office 365",
        "ci/cd",
        "scikit-learn",
        "stack overflow",
        "hacker news",
        "red hat",
        "force majeure",
        "governing law",
        "case law",
    }
)
# Companies whose names are also their products: organisations outside technical prose ("I work at Google",
# "Apple products"), products inside it (``ner._not_a_name`` drops them there), and a sign of technical prose.
_VENDORS = "microsoft google amazon apple meta openai"
VENDORS: frozenset[str] = frozenset(_VENDORS.split())
_VENDOR_SET = VENDORS
# Product and tool names of software development: with several of them near a word, the text is technical.
TOOL_WORDS: frozenset[str] = frozenset((_LANGUAGES + " " + _TOOLS + " " + _DEV_TOOLS + " " + _VENDORS).split())
# Departments: the name of a function inside any organisation, not of an organisation.
TECHNICAL_VOCABULARY |= frozenset(
    {
        "human resources",
        "accounts payable",
        "accounts receivable",
        "customer service",
        "customer services",
        "customer success",
        "public relations",
        "research and development",
        "facilities management",
    }
)


# Words that open or close an NER span without being part of the name: "Hi Thiago", "Mr Do",
# "Pooja Banerjee, Solutions Architect". Only these are trimmed from a span's edges (never months or
# products: "June Carter" and "Apple Inc" are names).
_ROLES = """ceo cto cfo coo cio ciso cmo vp svp evp director manager engineer developer analyst architect
consultant intern lead head principal staff senior junior associate president chairman founder co-founder
owner admin administrator agent recruiter executive scientist coordinator specialist officer assistant
representative rep technician designer programmer accountant auditor controller strategist advisor adviser
clerk receptionist secretary trainee apprentice freelancer tester dba sysadmin"""
EDGE_WORDS: frozenset[str] = frozenset(
    (
        _ROLES
        + """ hi hello hey dear thanks thank cheers regards best kind warm mr mrs ms mx miss dr prof sir madam
        attendees signed subject cc bcc re fwd fw"""
    ).split()
)
# Words that end an organisation's name: "Tableau Software" and "Amazon Web Services" are companies even
# though each word alone is ordinary vocabulary.
_ORG_ENDINGS = frozenset(
    """software services research systems solutions technologies technology labs group inc ltd llc corp
    corporation company foundation institute university bank capital ventures partners holdings""".split()
)

_PUNCT = ".,:;!?()[]{}'\"`*#"

CHAT_WORDS: frozenset[str] = frozenset(_CHAT_WORDS.split())
# Laughter, elongated words and letters held ("hahaha", "ahahah", "lololol", "Aaawww", "YASSSS", "sooo"): no
# name repeats a letter three times or is a run of "ha" syllables.
_INTERJECTION = re.compile(
    r"(?i)[^\W\d_]*([^\W\d_])\1\1[^\W\d_]*|b?w?a?(?:h+[aeiou]+){2,}h*|l+o+l+(?:o+l+)*|l+m+f*a+o+|x+o+x+o+"
)


def is_chat_word(word: str) -> bool:
    """A chat abbreviation or spelling of speech ("lol", "imma", "dat"), laughter ("hahaha") or an elongated
    word ("Aaawww", "YASSSS"): never a name."""
    core = word.strip(_PUNCT).casefold()
    return bool(core) and (core in CHAT_WORDS or _INTERJECTION.fullmatch(core) is not None)


def is_identifier(word: str) -> bool:
    """A token that is code or a number, not a word of a name: it holds a digit or an underscore, or is a
    dotted name such as ``config.yaml`` or ``lukasz.mazur`` (letters on both sides of an inner dot)."""
    if not any(c.isalpha() for c in word):
        return True
    if any(c.isdigit() or c == "_" for c in word):
        return True
    inner = word.strip(_PUNCT)
    parts = inner.split(".")
    return len(parts) > 1 and sum(len(p) >= 2 for p in parts) >= 2


def is_ordinary_vocabulary(entity_text: str) -> bool:
    """True if the text is a listed word or phrase, or made only of listed words, identifiers and punctuation."""
    folded = " ".join(entity_text.casefold().split())
    if not folded or folded in TECHNICAL_VOCABULARY:
        return True
    words = [w for w in (w.strip(_PUNCT) for w in folded.split()) if w]
    if (
        len(words) > 1
        and words[-1] in _ORG_ENDINGS
        and any(w not in _ORG_ENDINGS and w not in _COMMON_SET for w in words[:-1])
    ):
        return False
    # A vendor's name before product words is a product ("Microsoft Teams", "Google Cloud"); alone, a company.
    vendor_ok = len(words) > 1 and not all(w in _VENDOR_SET for w in words)
    return all(w in TECHNICAL_VOCABULARY or is_identifier(w) or (vendor_ok and w in _VENDOR_SET) for w in words)


# After a capitalised word at the start of a sentence, these make it an imperative verb:
# "Chase the vendor", "Mark it as resolved", "Bill them for it".
IMPERATIVE_OBJECTS = frozenset("it the a an them this that these those".split())
_SENTENCE_LEAD = re.compile(r"(?:^|[.!?:;—–\-\]>*]|\[[ x]\])[ \t]*$")


def imperative(text: str, start: int, end: int) -> bool:
    """True if the word at ``start:end`` opens a sentence or list item and is followed by an object such as
    "the" or "it": then it is a verb ("Chase the vendor"), not a name."""
    line_start = text.rfind("\n", 0, start) + 1
    if not _SENTENCE_LEAD.search(text[max(line_start, start - 40) : start]):
        return False
    nxt = text[end : end + 8]
    if nxt[:1] not in (" ", "\n"):  # "Chase the vendor", or wrapped: "Chase\nthe vendor"
        return False
    word = nxt[1:].split(" ", 1)[0].split("\n", 1)[0]
    return word in IMPERATIVE_OBJECTS


_COMMON_AND_TIME = frozenset((_TITLES + " " + _COMMON + " " + _TIME).split())


def is_common_word_phrase(text: str) -> bool:
    """True if every word is a common business, title or calendar word ("Monday", "Head Office"); product
    and company names do not count, so "I work for Microsoft" keeps its employer."""
    words = [w.strip(_PUNCT).casefold() for w in text.split()]
    return all(not w or w in _COMMON_AND_TIME or is_identifier(w) for w in words)
