"""Ordinary technical and business vocabulary that spaCy's NER often mistakes for names or places.

Used only to veto statistical (NER) findings: a pattern, dictionary or credential finding is never
vetoed by this list. Everything is lower case; matching is on the casefolded entity text, and an
entity made only of these words (and punctuation or digits) is vetoed too.
"""

from __future__ import annotations

__all__ = ["TECHNICAL_VOCABULARY", "is_ordinary_vocabulary"]

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
office365 microsoft google amazon apple meta openai chatgpt gpt copilot llm ml ai nlp etl elt crm erp hr
kpi okr roi sla slo sli poc mvp b2b b2c saas paas iaas faas pdf csv tsv xlsx docx pptx txt zip gzip tar
utf-8 ascii unicode regex uuid sha sha256 md5 base64 jwt cron webhook webhooks""".replace("\n", " ")
_TIME = """january february march april may june july august september october november december jan feb mar
apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday mon tue tues wed
thu thur thurs fri sat sun q1 q2 q3 q4 h1 h2 fy fy23 fy24 fy25 fy26 quarterly monthly weekly daily annual
yearly today tomorrow yesterday eod eow eom ytd qtd mtd"""
_TITLES = """ceo cto cfo coo cio ciso cmo vp svp evp director manager engineer developer analyst architect
consultant intern lead head principal staff senior junior associate partner president chairman founder
co-founder owner admin administrator agent customer caller client user team support sales marketing
finance legal hr ops operations engineering product design research recruiter"""
_COMMON = """agenda notes summary action items todo fixme note ticket issue bug feature release version
update meeting call email phone address account invoice order payment refund report dashboard deadline
budget forecast roadmap sprint backlog standup retro review approval hi hello thanks regards dear
the a an and or of for to in on at by with from"""

TECHNICAL_VOCABULARY: frozenset[str] = frozenset(
    w for block in (_LANGUAGES, _TOOLS, _TIME, _TITLES, _COMMON) for w in block.split()
) | frozenset({"power bi", "g suite", "office 365", "ci/cd", "scikit-learn"})


def is_ordinary_vocabulary(entity_text: str) -> bool:
    """True if the text is a listed word or phrase, or made only of listed words, digits and punctuation."""
    folded = " ".join(entity_text.casefold().split())
    if not folded or folded in TECHNICAL_VOCABULARY:
        return True
    words = [w.strip(".,:;!?()[]{}'\"") for w in folded.split()]
    return all(not w or w in TECHNICAL_VOCABULARY or not any(c.isalpha() for c in w) for w in words)
