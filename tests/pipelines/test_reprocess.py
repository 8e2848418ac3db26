"""``scrubline run --previous``: for every kind of rule change, the incremental run re-detects exactly
the records the change can affect and its output is byte-identical to a full rerun with the new rules;
a previous run that does not verify under the state key is refused before anything is written."""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
import yaml

from pipelines.cli import main
from transforms.output.keyed import seal_manifest

BASE: dict[str, Any] = {
    "extends": "none",  # the whole policy is here: a change below is exactly the change the test names
    "detectors": ["presidio", "credentials", "context", "proprietary_terms", "internal_domains", "patterns"],
    "input": {"keep_fields": ["uploader"]},
    "proprietary": {"terms": {"CODENAME": ["Bluefin"]}, "internal_domains": ["corp.example.net"]},
    "patterns": [{"entity": "TICKET_ID", "regex": r"\bOPS-\d{4,}\b", "score": 0.9}],
    "allow": ["Excel"],
    "output": {"num_shards": 2},
}

RECORDS = [
    ("r01", "Ping ada@example.com about Bluefin", "u1"),
    ("r02", "Nightjar's launch moved to Q3", "u1"),
    ("r03", "call me on +1 415 555 2671 tomorrow", "u2"),
    ("r04", "ticket OPS-12345 is blocked", "u2"),
    ("r05", "We use Python and Excel daily", "u3"),
    ("r06", "deploy to build01.corp.example.net tonight", "u3"),
    ("r07", "meeting notes: nothing sensitive here", "u4"),
    ("r08", "the nightjar flew past the window", "u4"),
    ("r09", "REQ-778 needs review by bob@example.org", "u5"),
    ("r10", "IBAN GB82 WEST 1234 5698 7654 32 on file", "u5"),
    ("r11", "My card is 4111 1111 1111 1111", "u7"),
    ("r12", "Plain text about quarterly planning", "u6"),
]
OUTPUT_KINDS = ("records", "quarantine", "fingerprints")
STATE_KEY = "state-key-for-reprocess-tests-01"


def _write_inputs(root: Path, records: list[tuple[str, str, str]]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    path = root / "batch.jsonl"
    path.write_text(
        "".join(json.dumps({"id": i, "text": t, "uploader": u}) + "\n" for i, t, u in records), encoding="utf-8"
    )
    return root


def _run(tmp: Path, name: str, cfg: dict[str, Any], inputs: Path, previous: Path | None = None) -> Path:
    config = tmp / f"{name}.yaml"
    config.write_text(yaml.safe_dump(cfg), encoding="utf-8")
    out = tmp / name
    argv = ["run", "--input", str(inputs), "--output", str(out), "--config", str(config), "--progress-seconds", "0"]
    if previous is not None:
        argv += ["--previous", str(previous)]
    assert main(argv) == 0
    return out


def _manifest(out: Path) -> dict[str, Any]:
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def assert_same_output(full: Path, incremental: Path) -> None:
    for kind in OUTPUT_KINDS:
        names = sorted(p.name for p in (full / kind).iterdir())
        assert names == sorted(p.name for p in (incremental / kind).iterdir())
        for name in names:
            assert (full / kind / name).read_bytes() == (incremental / kind / name).read_bytes(), f"{kind}/{name}"
    a, b = _manifest(full), _manifest(incremental)
    assert a.pop("reuse") is None
    assert b.pop("reuse") is not None
    assert a == b


def run_both_ways(tmp: Path, cfg: dict[str, Any], inputs: Path, previous: Path) -> tuple[Path, dict[str, Any]]:
    """A full rerun and a --previous run with ``cfg``: check they agree; the incremental run and its reuse."""
    tmp.mkdir(parents=True, exist_ok=True)
    full = _run(tmp, "full", cfg, inputs)
    incremental = _run(tmp, "incremental", cfg, inputs, previous=previous)
    assert_same_output(full, incremental)
    return incremental, _manifest(incremental)["reuse"]


@pytest.fixture(scope="module", autouse=True)
def fixed_code_fingerprint() -> Any:
    """Pin the code fingerprint: the tree may be edited while the suite runs (a code change between two
    runs rightly forces a full rerun; tests/transforms/runs/test_reprocess.py checks that). Every run
    here has the state key, which --previous needs."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("transforms.output.manifest.code_fingerprint", lambda: "pinned-for-tests")
        mp.setenv("SCRUBLINE_STATE_KEY", STATE_KEY)
        yield


@pytest.fixture(scope="module")
def base_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("reprocess")
    inputs = _write_inputs(tmp / "uploads", RECORDS)
    return inputs, _run(tmp, "base", BASE, inputs)


def _changed(**changes: Any) -> dict[str, Any]:
    cfg = copy.deepcopy(BASE)
    for dotted, value in changes.items():
        *parents, leaf = dotted.split("__")
        node = cfg
        for key in parents:
            node = node.setdefault(key, {})
        node[leaf] = value
    return cfg


# (name, new config, expected records re-detected, expected changes reported)
CHANGES = [
    (
        "term_added",  # possessive and lower case both count
        _changed(proprietary__terms={"CODENAME": ["Bluefin", "Nightjar"]}),
        2,
        ["proprietary.terms.CODENAME: 1 added"],
    ),
    ("term_removed", _changed(proprietary__terms={}), 1, ["proprietary.terms.CODENAME: 1 removed"]),
    ("allow_added", _changed(allow=["Excel", "Python"]), 1, ["allow: 1 added, 0 removed"]),
    (
        "pattern_added",
        _changed(
            patterns=[
                {"entity": "TICKET_ID", "regex": r"\bOPS-\d{4,}\b", "score": 0.9},
                {"entity": "REQUEST_ID", "regex": r"\bREQ-\d+\b", "score": 0.9, "name": "req"},
            ]
        ),
        1,
        ["patterns: req added or changed"],
    ),
    (
        "operator_changed",
        _changed(operators={"default": {"type": "replace"}, "EMAIL_ADDRESS": {"type": "redact"}}),
        2,
        ["operators: EMAIL_ADDRESS changed"],
    ),
    (
        "type_switched_off",
        _changed(entities={"disabled": ["PHONE_NUMBER"]}),
        1,
        ["entities.disabled: PHONE_NUMBER switched off"],
    ),
    (
        "domain_added",
        _changed(proprietary__internal_domains=["corp.example.net", "example.org"]),
        1,
        ["proprietary.internal_domains: 1 added"],
    ),
    (
        "consent_withdrawn",
        _changed(input__exclude=[{"field": "uploader", "values": ["u7"]}]),
        0,
        ["input.exclude changed"],
    ),
]


@pytest.mark.parametrize("name, cfg, redetected, changes", CHANGES, ids=[c[0] for c in CHANGES])
def test_incremental_run_equals_full_rerun(
    base_run: tuple[Path, Path], tmp_path: Path, name: str, cfg: dict, redetected: int, changes: list[str]
) -> None:
    inputs, base = base_run
    incremental, reuse = run_both_ways(tmp_path, cfg, inputs, base)
    assert reuse["mode"] == "incremental" and reuse["full_rerun_reason"] is None
    assert reuse["changes"] == changes
    excluded = _manifest(incremental)["counts"]["excluded"]
    assert (reuse["redetected"], reuse["carried_over"]) == (redetected, len(RECORDS) - redetected - excluded)


def test_same_rules_carry_everything_over_and_detect_only_new_or_changed(
    base_run: tuple[Path, Path], tmp_path: Path
) -> None:
    _, base = base_run
    grown = [*RECORDS[:-1], ("r12", "Plain text about quarterly planning, call 020 7946 0958", "u6")]
    grown += [("r13", "New upload from carol@example.net", "u8"), ("r14", "Another Bluefin note", "u8")]
    inputs = _write_inputs(tmp_path / "grown", grown)
    _, reuse = run_both_ways(tmp_path, BASE, inputs, base)
    assert reuse["changes"] == [] and (reuse["redetected"], reuse["carried_over"]) == (3, 11)


def test_a_previous_run_with_another_shard_count_is_carried_over_whole(
    base_run: tuple[Path, Path], tmp_path: Path
) -> None:
    inputs, base = base_run
    smaller = _changed(output__num_shards=1, output__max_shard_bytes=1000)  # more, smaller shards than base's 2
    incremental, reuse = run_both_ways(tmp_path, smaller, inputs, base)
    assert (reuse["redetected"], reuse["carried_over"]) == (0, len(RECORDS))
    shards = {kind: len(list((incremental / kind).iterdir())) for kind in OUTPUT_KINDS}
    assert shards == {"records": 2, "quarantine": 1, "fingerprints": 4}
    assert _manifest(incremental)["num_shards"] == 2


def test_typed_metadata_is_carried_over_only_as_it_was_written(tmp_path: Path) -> None:
    def write(name: str, rows: list[dict[str, Any]]) -> Path:
        (tmp_path / name).mkdir()
        (tmp_path / name / "m.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        return tmp_path / name

    rows = [
        {"id": "m1", "text": "a", "n": 1},
        {"id": "m2", "text": "b", "n": 2},
        {"id": "m4", "text": "d"},
        {"id": "m5", "text": "e", "tags": ["Bluefin", "x"]},
        {"id": "m3", "text": "c", "n": 2.5},  # last, so the other lines keep their numbers (their source)
    ]
    cfg = _changed(input={"keep_fields": ["n", "tags"]})
    base = _run(tmp_path, "base", cfg, write("before", rows))
    # Without m3 the column is int64 again: m1 and m2 were written as 1.0 and 2.0 in a double column,
    # so their earlier rows are not what a full rerun writes and they are detected again.
    _, reuse = run_both_ways(tmp_path, cfg, write("after", [r for r in rows if r["id"] != "m3"]), base)
    assert (reuse["redetected"], reuse["carried_over"]) == (2, 2)


@pytest.mark.parametrize(
    "cfg, reason",
    [
        (
            _changed(detectors=["presidio", "credentials", "proprietary_terms", "internal_domains", "patterns"]),
            "detectors",
        ),
        (_changed(entities={"min_score": 0.6}), "entities.min_score"),
        (_changed(nlp={"model": "some_other_model", "labels": {"PERSON": "PERSON"}}), "nlp.labels"),
    ],
    ids=["detector_removed", "threshold_changed", "nlp_changed"],
)
def test_unscoped_changes_fall_back_to_a_full_rerun_and_say_so(
    base_run: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str], cfg: dict, reason: str
) -> None:
    inputs, base = base_run
    _, reuse = run_both_ways(tmp_path, cfg, inputs, base)
    assert reuse["mode"] == "full" and reason in reuse["full_rerun_reason"]
    assert (reuse["redetected"], reuse["carried_over"]) == (len(RECORDS), 0)
    assert "--previous: full rerun, cannot be scoped to records" in capsys.readouterr().out


def _copy_run(base: Path, dest: Path) -> Path:
    """A byte-for-byte copy of a published run (its listed shards and manifest)."""
    for entry in _manifest(base)["files"]:
        (dest / entry["path"]).parent.mkdir(parents=True, exist_ok=True)
        (dest / entry["path"]).write_bytes((base / entry["path"]).read_bytes())
    (dest / "manifest.json").write_bytes((base / "manifest.json").read_bytes())
    return dest


def _rewrite_row(shard: Path, record_id: str, **changes: Any) -> None:
    """Rewrite one row of a Parquet shard in place, keeping its schema."""
    table = pq.read_table(shard)
    rows = [{**r, **changes} if r["id"] == record_id else r for r in table.to_pylist()]
    pq.write_table(type(table).from_pylist(rows, schema=table.schema), shard)


def _shard_of(run: Path, kind: str, record_id: str) -> Path:
    for path in sorted((run / kind).glob("*.parquet")):
        if record_id in pq.read_table(path, columns=["id"]).column("id").to_pylist():
            return path
    raise AssertionError(record_id)


def _rehash(run: Path, *, reseal: bool = False) -> None:
    """Recompute the manifest's file hashes as plain sha256, as someone without the key can; ``reseal``
    seals it again under the real key, as only a key holder could."""
    manifest = _manifest(run)
    for entry in manifest["files"]:
        target = run / entry["path"]
        if target.is_file():
            entry["sha256"] = hashlib.sha256(target.read_bytes()).hexdigest()
    if reseal:
        manifest = seal_manifest(manifest, STATE_KEY.encode())
    (run / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def _edit_record_text(run: Path) -> None:
    _rewrite_row(_shard_of(run, "records", "r11"), "r11", text="My card is 4111 1111 1111 1111")
    _rehash(run)


def _edit_fingerprint(run: Path) -> None:
    _rewrite_row(_shard_of(run, "fingerprints", "r11"), "r11", rules=[], entity_counts=[])
    _rehash(run)


def _unseal(run: Path) -> None:
    manifest = _manifest(run)
    manifest.update(state_key=None, hmac=None)
    (run / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


def _list_path(path: str) -> Any:
    def tamper(run: Path) -> None:
        manifest = _manifest(run)
        manifest["files"][0]["path"] = path.format(run=run)
        (run / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
        _rehash(run, reseal=True)

    return tamper


def _link_out(run: Path) -> None:
    shard = run / "records" / "part-00000-of-00002.parquet"
    outside = run.parent / "outside.parquet"
    outside.write_bytes(shard.read_bytes())
    shard.unlink()
    shard.symlink_to(outside)


# (name, tamper the copied run, the state key of the new run, the one line on stderr)
TAMPERED = [
    ("record_text_edited", _edit_record_text, STATE_KEY, "does not verify under the state key (changed since)"),
    ("fingerprint_edited", _edit_fingerprint, STATE_KEY, "does not verify under the state key (changed since)"),
    ("seal_removed", _unseal, STATE_KEY, "was made without a state key, so it cannot be verified"),
    ("dotdot_path", _list_path("records/../../x"), STATE_KEY, "lists a file that is not a shard inside the run"),
    ("absolute_path", _list_path("{run}/records/part-00000-of-00002.parquet"), STATE_KEY, "not a shard inside"),
    ("shard_linked_out", _link_out, STATE_KEY, "is a symbolic link; a run's shards are plain files"),
    ("another_key", lambda run: None, "another-state-key-for-tests-02", "made with another state key"),
    ("no_key", lambda run: None, "", "--previous needs the state key to verify the earlier run"),
]


@pytest.mark.parametrize("name, tamper, key, message", TAMPERED, ids=[t[0] for t in TAMPERED])
def test_a_previous_run_that_does_not_verify_is_refused_before_anything_is_written(
    base_run: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    tamper: Any,
    key: str,
    message: str,
) -> None:
    inputs, base = base_run
    previous = _copy_run(base, tmp_path / "previous")
    tamper(previous)
    monkeypatch.setenv("SCRUBLINE_STATE_KEY", key)
    config = tmp_path / "c.yaml"
    config.write_text(yaml.safe_dump(BASE), encoding="utf-8")
    out = tmp_path / "out"
    argv = ["run", "--input", str(inputs), "--config", str(config), "--output", str(out), "--previous", str(previous)]
    capsys.readouterr()
    assert main(argv) == 2
    console = capsys.readouterr()
    (line,) = console.err.splitlines()
    assert line.startswith("scrubline: error: --previous") and message in line
    assert console.out == "" and "4111" not in line and str(tmp_path) not in line
    assert not out.exists()


def test_previous_run_must_be_published_intact_and_not_the_output(base_run: tuple[Path, Path], tmp_path: Path) -> None:
    inputs, base = base_run
    config = tmp_path / "c.yaml"
    config.write_text(yaml.safe_dump(BASE), encoding="utf-8")
    argv = ["run", "--input", str(inputs), "--config", str(config)]
    assert main([*argv, "--output", str(tmp_path / "o1"), "--previous", str(tmp_path / "nothing")]) == 2
    assert main([*argv, "--output", str(base), "--previous", str(base), "--overwrite"]) == 2
    copy_dir = _copy_run(base, tmp_path / "tampered")
    shard = copy_dir / "records" / "part-00000-of-00002.parquet"
    shard.write_bytes(shard.read_bytes() + b"x")
    assert main([*argv, "--output", str(tmp_path / "o2"), "--previous", str(copy_dir)]) == 2
    assert not (tmp_path / "o1").exists() and not (tmp_path / "o2").exists()


def test_a_row_changed_while_the_run_reads_it_fails_the_run_and_publishes_nothing(
    base_run: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The shards verify when the run starts; a row edited after that is caught as it is carried over."""
    from transforms.runs import previous as previous_module

    inputs, base = base_run
    previous = _copy_run(base, tmp_path / "previous")

    def load_then_tamper(*args: Any) -> Any:
        loaded = previous_module.load_previous_run(*args)
        _rewrite_row(_shard_of(previous, "records", "r11"), "r11", text="My card is 4111 1111 1111 1111")
        return loaded

    monkeypatch.setattr("pipelines.cli.load_previous_run", load_then_tamper)
    config = tmp_path / "c.yaml"
    config.write_text(yaml.safe_dump(BASE), encoding="utf-8")
    out = tmp_path / "out"
    argv = ["run", "--input", str(inputs), "--config", str(config), "--output", str(out), "--previous", str(previous)]
    assert main([*argv, "--progress-seconds", "0"]) == 1
    err = capsys.readouterr().err
    assert "PreviousRunError" in err and "4111" not in err
    assert not (out / "manifest.json").exists()


def test_diff_explains_a_term_added_and_a_withdrawal_without_values(
    base_run: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs, base = base_run
    cfg = _changed(
        proprietary__terms={"CODENAME": ["Bluefin", "Nightjar"]},
        input__exclude=[{"field": "uploader", "values": ["u7"]}],
    )
    new = _run(tmp_path, "new", cfg, inputs, previous=base)
    capsys.readouterr()
    assert main(["diff", str(base), str(new), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["records"] == {"added": 0, "removed": 1, "changed": 2, "unchanged": 9}
    assert result["status_changes"] == {"written -> excluded": 1}
    assert result["entities"]["CODENAME"] == {"old": 1, "new": 3}
    assert result["entities"]["CREDIT_CARD"] == {"old": 1, "new": 0}
    assert result["rule_changes"] == ["proprietary.terms.CODENAME: +1 -0", "input.exclude.uploader: +1 -0"]
    assert result["accounted_for_by"] == {"+proprietary_terms.CODENAME (CODENAME)": 2, "input.exclude": 1}
    assert result["examples"] == {
        "changed": ["r02", "r08"],
        "removed": ["r11"],
        "because +proprietary_terms.CODENAME (CODENAME)": ["r02", "r08"],
        "because input.exclude": ["r11"],
    }

    assert main(["diff", str(base), str(new)]) == 0
    text = capsys.readouterr().out
    assert "records: 0 added, 1 removed, 2 changed, 9 unchanged" in text
    assert "+proprietary_terms.CODENAME (CODENAME): 2" in text
    for value in ("Nightjar", "nightjar", "u7", "4111"):
        assert value not in text and value not in json.dumps(result)
    manifest = (new / "manifest.json").read_text(encoding="utf-8")
    for value in ("Nightjar", "Bluefin", "u7", "corp.example.net", "OPS-"):
        assert value not in manifest


def test_terms_from_a_file_are_compared_by_value(base_run: tuple[Path, Path], tmp_path: Path) -> None:
    inputs, base = base_run
    terms = tmp_path / "lists" / "codenames.txt"
    terms.parent.mkdir()
    terms.write_text("Bluefin\n", encoding="utf-8")
    cfg = _changed(proprietary__terms={"CODENAME": [{"file": str(terms)}]})
    _, reuse = run_both_ways(tmp_path / "same", cfg, inputs, base)  # the same term, from a file: no change
    assert reuse["changes"] == [] and (reuse["redetected"], reuse["carried_over"]) == (0, len(RECORDS))
    terms.write_text("# code names\nBluefin\nNightjar\n", encoding="utf-8")
    _, reuse = run_both_ways(tmp_path / "grown", cfg, inputs, base)
    assert reuse["changes"] == ["proprietary.terms.CODENAME: 1 added"] and reuse["redetected"] == 2


def test_allow_patterns_added_then_removed(base_run: tuple[Path, Path], tmp_path: Path) -> None:
    inputs, base = base_run
    cfg = _changed(allow=["Excel", {"pattern": "^OPS-1", "entities": ["TICKET_ID"]}])
    added, reuse = run_both_ways(tmp_path / "added", cfg, inputs, base)
    assert reuse["changes"] == ["allow: 1 added, 0 removed"]
    assert (reuse["redetected"], reuse["carried_over"]) == (1, len(RECORDS) - 1)  # the one ticket record
    texts = {
        r["id"]: r["text"]
        for f in sorted((added / "records").glob("*.parquet"))
        for r in pq.read_table(f, columns=["id", "text"]).to_pylist()
    }
    assert texts["r04"] == "ticket OPS-12345 is blocked"
    _, reuse = run_both_ways(tmp_path / "removed", BASE, inputs, added)
    assert reuse["full_rerun_reason"] == "cannot be scoped to records: allow: a pattern entry removed or changed"


def test_diff_needs_two_runs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(tmp_path / "a"), str(tmp_path / "b")]) == 2
    assert capsys.readouterr().err.strip() == "scrubline: error: OLD_DIR holds no published run (no manifest.json)"


def test_diff_refuses_runs_made_without_the_state_key(
    base_run: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs, base = base_run
    monkeypatch.delenv("SCRUBLINE_STATE_KEY")
    keyless = _run(tmp_path, "keyless", BASE, inputs)
    assert _manifest(keyless)["state_key"] is None
    capsys.readouterr()
    assert main(["diff", str(base), str(keyless)]) == 2
    assert capsys.readouterr().err.strip() == (
        "scrubline: error: NEW_DIR was made without a state key, so its records cannot be compared; "
        "set SCRUBLINE_STATE_KEY for the runs to diff"
    )
