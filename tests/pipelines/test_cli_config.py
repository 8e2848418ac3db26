"""The CLI with a layered config and rule files: ``validate-config --show``, a run, object storage."""

from __future__ import annotations

import errno
import json
import os
import socket
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipelines.cli import main

KEY = "layered-config-test-key-0123456789"

POLICY = r"""
detectors: [context, proprietary_terms, internal_domains, patterns]
proprietary:
  terms: !replace {CUSTOMER: [{file: lists/customers.csv, column: name}]}
  internal_domains: [{file: lists/domains.txt}]
allow: !append
  - {pattern: '^build-\d+$', entities: [USERNAME]}
  - {value: Orrin Vale, entities: [CUSTOMER]}
operators:
  USERNAME: {type: pseudonymize, key_env: SCRUBLINE_LAYER_KEY}
limits: {max_quarantine_ratio: 0.5}
output: {num_shards: 1}
"""


def write_policy(root: Path) -> Path:
    (root / "lists").mkdir(parents=True)
    (root / "lists" / "customers.csv").write_text(
        'id,name\n1,"Quillon, Barrow & Sons"\n2,Orrin Vale\n', encoding="utf-8"
    )
    (root / "lists" / "domains.txt").write_text("# internal zones\nint.example.org\n", encoding="utf-8")
    path = root / "policy.yaml"
    path.write_text(POLICY, encoding="utf-8")
    return path


@pytest.fixture
def key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCRUBLINE_LAYER_KEY", KEY)


def test_show_prints_the_effective_config_without_secrets(
    tmp_path: Path, key: None, capsys: pytest.CaptureFixture[str]
) -> None:
    policy = write_policy(tmp_path)
    assert main(["validate-config", "--config", str(policy)]) == 0
    plain = capsys.readouterr()
    assert main(["validate-config", "--config", str(policy), "--show"]) == 0
    shown = capsys.readouterr()
    assert shown.err == plain.out  # the OK line (with the ruleset), on stderr so stdout stays YAML
    assert plain.out.startswith("scrubline: config OK (ruleset ")
    lines = shown.out.splitlines()
    assert lines[0] == f"# effective config: packaged defaults + {policy}"
    assert lines[1].startswith(
        f"# proprietary.terms.CUSTOMER.0: 2 entries from {tmp_path / 'lists' / 'customers.csv'} (sha256 "
    )
    assert lines[2].startswith(f"# proprietary.internal_domains.0: 1 entries from {tmp_path / 'lists' / 'domains.txt'}")
    assert lines[3:5] == ["extends: none", "nlp:"]  # complete: loaded again, it is not laid over the defaults
    assert "  keep_fields: [language, license]\n" in shown.out  # kept from the defaults
    assert "  USERNAME:\n    type: pseudonymize\n    key_env: SCRUBLINE_LAYER_KEY\n" in shown.out
    assert "- pattern: ^build-\\d+$\n  entities: [USERNAME]\n- value: Orrin Vale\n  entities: [CUSTOMER]\n" in shown.out
    assert f"    CUSTOMER:\n    - file: {tmp_path / 'lists' / 'customers.csv'}\n      column: name\n" in shown.out
    assert KEY not in shown.out + shown.err
    again = tmp_path / "shown.yaml"
    again.write_text(shown.out, encoding="utf-8")
    assert main(["validate-config", "--config", str(again)]) == 0
    assert capsys.readouterr().out == plain.out  # the shown config is the same ruleset


def test_validate_config_names_a_bad_allow_pattern_and_a_missing_rule_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("allow: [Jira, {pattern: '(x', entities: [USERNAME]}]\n", encoding="utf-8")
    assert main(["validate-config", "--config", str(bad)]) == 2
    assert capsys.readouterr().err == (
        f"scrubline: error: invalid config {bad}: allow.1.pattern: Value error, "
        "not a valid RE2 regular expression (b'missing ): (x')\n"
    )
    missing = tmp_path / "missing.yaml"
    missing.write_text("proprietary: {internal_domains: [{file: zones.txt}]}\n", encoding="utf-8")
    assert main(["validate-config", "--config", str(missing)]) == 2
    assert capsys.readouterr().err == (
        f"scrubline: error: invalid config {missing}: proprietary.internal_domains.0.file: "
        f"cannot read {tmp_path / 'zones.txt'}: {os.strerror(errno.ENOENT)}\n"
    )


def test_a_run_with_rule_files_and_typed_allow_entries(tmp_path: Path, key: None) -> None:
    policy = write_policy(tmp_path / "conf")
    src = tmp_path / "uploads"
    src.mkdir()
    rows = [
        {"id": "a", "text": "Quillon, Barrow & Sons renewed; Orrin Vale did not.", "language": "en"},
        {"id": "b", "text": "deploy on ci.int.example.org by @build-42, reviewed by @jdoe77", "license": "cc-by"},
        {"id": "c", "text": "Bluefin is public now"},
    ]
    (src / "batch.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", "--input", str(src), "--output", str(out), "--config", str(policy)]) == 0
    table = pq.read_table(out / "records" / "part-00000-of-00001.parquet")
    assert table.column_names[:5] == ["id", "text", "source", "language", "license"]
    got = [(r["id"], r["text"], r["language"], r["license"]) for r in table.to_pylist()]
    pseudonym = next(r["text"] for r in table.to_pylist() if r["id"] == "b").split("reviewed by ")[1]
    assert got == [
        ("a", "<CUSTOMER> renewed; Orrin Vale did not.", "en", None),
        ("b", f"deploy on <INTERNAL_HOST> by @build-42, reviewed by {pseudonym}", None, "cc-by"),
        ("c", "Bluefin is public now", None, None),
    ]
    assert pseudonym.startswith("<USERNAME:") and len(pseudonym) == len("<USERNAME:>") + 32
    manifest = (out / "manifest.json").read_text(encoding="utf-8")
    for value in ("Quillon", "int.example.org", "customers.csv", KEY):
        assert value not in manifest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_config_and_rule_files_on_s3_read_through_beam_filesystems(
    tmp_path: Path, key: None, capsys: pytest.CaptureFixture[str]
) -> None:
    server_module = pytest.importorskip("moto.server")
    boto3 = pytest.importorskip("boto3")
    local = write_policy(tmp_path)
    port = _free_port()
    server = server_module.ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        endpoint = f"http://127.0.0.1:{port}"
        s3 = boto3.client(
            "s3", endpoint_url=endpoint, aws_access_key_id="k", aws_secret_access_key="s", region_name="us-east-1"
        )
        s3.create_bucket(Bucket="rules")
        for path in (local, tmp_path / "lists" / "customers.csv", tmp_path / "lists" / "domains.txt"):
            s3.put_object(Bucket="rules", Key=f"team/{path.relative_to(tmp_path).as_posix()}", Body=path.read_bytes())
        s3_args = [
            f"--s3_endpoint_url={endpoint}",
            "--s3_access_key_id=k",
            "--s3_secret_access_key=s",
            "--s3_region_name=us-east-1",
        ]
        assert main(["validate-config", "--config", str(local)]) == 0
        local_ok = capsys.readouterr().out
        assert main(["validate-config", "--config", "s3://rules/team/policy.yaml", "--show", *s3_args]) == 0
        shown = capsys.readouterr()
    finally:
        server.stop()
    assert shown.err == local_ok  # the same ruleset: the content counts, not where it was read from
    assert shown.out.splitlines()[0] == "# effective config: packaged defaults + s3://rules/team/policy.yaml"
    assert "    - file: s3://rules/team/lists/customers.csv\n      column: name\n" in shown.out
