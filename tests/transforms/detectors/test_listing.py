"""``scrubline rules``: every shipped rule and name cue, listed by the id its findings carry."""

from __future__ import annotations

import json
from pathlib import Path

from pipelines.cli import main
from transforms.detectors.credentials import log_id
from transforms.detectors.listing import ListedRule, list_rules, render_rules

RULE_IDS = json.loads((Path(__file__).with_name("rule_ids.json")).read_text(encoding="utf-8"))


def test_every_pack_rule_is_listed_once_by_its_logged_id() -> None:
    listed = list_rules()
    assert {r.logged_as for r in listed if not r.logged_as.startswith("person_names.")} == {log_id(i) for i in RULE_IDS}
    assert listed == sorted(set(listed), key=lambda r: (r.logged_as, r.entity_type, r.pack_file))


def test_name_cues_are_listed() -> None:
    cues = [r for r in list_rules() if r.pack_file == "person_names.cues.yaml"]
    assert ListedRule("person_names.greeting_before", "PERSON", "person_names.cues.yaml", 0) in cues


def test_render_aligns_and_counts() -> None:
    rules = [ListedRule("a.x", "PERSON", "p.yaml", 2), ListedRule("a.long_id", "USERNAME", "q.yaml", 0)]
    assert render_rules(rules).splitlines() == [
        "a.x        PERSON            p.yaml  (2 keywords)",
        "a.long_id  USERNAME          q.yaml  (0 keywords)",
        "2 rules",
    ]


def test_cli_lists_rules(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["rules"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == f"{len(list_rules())} rules"
    assert any(line.startswith("credentials.url_credentials ") for line in out)
