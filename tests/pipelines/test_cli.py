"""End to end: the CLI on temporary inputs, Parquet read back, exact contents checked."""

from __future__ import annotations

import datetime
import hashlib
import json
import logging
import os
import sys
import types
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import yaml

from pipelines.cli import main
from transforms.readers.inputs import InputFile, expand_inputs, file_record_id
from transforms.runs.report import PEOPLE_ONLY_OUTPUTS

NO_NER = {
    "detectors": ["presidio", "credentials", "proprietary_terms", "internal_domains", "patterns"],
    "input": {"keep_fields": ["language"]},
    "proprietary": {"terms": {"CODENAME": ["Bluefin"]}, "internal_domains": ["corp.example.net"]},
    "limits": {"max_quarantine_ratio": 0.5},
    "output": {"num_shards": 2},
}


def write_config(tmp_path: Path, **overrides) -> str:
    cfg = {**NO_NER, **overrides}
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(cfg), encoding="utf-8")
    return str(path)


def make_inputs(root: Path) -> Path:
    src = root / "uploads"
    (src / "mail").mkdir(parents=True)
    (src / "batch.jsonl").write_text(
        json.dumps({"id": "t1", "text": "Ping ada@example.com re Bluefin", "language": "en", "uploader": "u9"})
        + "\n"
        + json.dumps({"id": "t2", "text": "Card 4111 1111 1111 1111, host build01.corp.example.net", "language": 7})
        + "\n",
        encoding="utf-8",
    )
    (src / "mail" / "note.md").write_text("Nothing to see.\n", encoding="utf-8")
    (src / "blob.bin").write_bytes(b"\x00\x01\x02binary")
    return src


def listed(root: Path, relpath: str) -> InputFile:
    """The file at ``relpath`` under the input ``root`` as a run given ``--input root`` lists it (numbered:
    without a state key its derived ids are its ordinal in that listing)."""
    return next(f for f in expand_inputs([str(root)]) if f.relpath == relpath)


def read_rows(out: Path, kind: str) -> list[dict]:
    rows = []
    for f in sorted((out / kind).glob("*.parquet")):
        rows.extend(pq.read_table(f).to_pylist())
    return sorted(rows, key=lambda r: r["id"])


def test_end_to_end_exact_contents(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = make_inputs(tmp_path)
    out = tmp_path / "out"
    assert main(["run", "--input", str(src), "--output", str(out), "--config", write_config(tmp_path)]) == 0

    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        "fingerprints/part-00000-of-00002.parquet",
        "fingerprints/part-00001-of-00002.parquet",
        "manifest.json",
        "quarantine/part-00000-of-00002.parquet",
        "quarantine/part-00001-of-00002.parquet",
        "records/part-00000-of-00002.parquet",
        "records/part-00001-of-00002.parquet",
        "report.html",
        "run_stats.json",
    ]
    records = read_rows(out, "records")
    manifest = json.loads((out / "manifest.json").read_text())
    ruleset = manifest["ruleset"]
    note_id = file_record_id(listed(src, "mail/note.md"))
    assert [(r["id"], r["text"], r["source"], r["language"], r["ruleset"]) for r in records] == sorted(
        [
            (note_id, "Nothing to see.\n", "mail/note.md", None, ruleset),
            ("t1", "Ping <EMAIL_ADDRESS> re <CODENAME>", "batch.jsonl#L1", "en", ruleset),
            ("t2", "Card <CREDIT_CARD>, host <INTERNAL_HOST>", "batch.jsonl#L2", "7", ruleset),
        ]
    )
    assert "uploader" not in pq.read_schema(out / "records/part-00000-of-00002.parquet").names
    originals = {
        "t1": "Ping ada@example.com re Bluefin",
        "t2": "Card 4111 1111 1111 1111, host build01.corp.example.net",
    }
    by_id = {r["id"]: r for r in records}
    assert [
        (x["entity_type"], x["start"], x["end"], x["out_start"], x["out_end"], x["operator"])
        for x in by_id["t1"]["redactions"]
    ] == [
        ("EMAIL_ADDRESS", 5, 20, 5, 20, "replace"),
        ("CODENAME", 24, 31, 24, 34, "replace"),
    ]
    for rid, original in originals.items():
        row = by_id[rid]
        for x in row["redactions"]:
            assert original[x["start"] : x["end"]] not in row["text"]
            assert row["text"][x["out_start"] : x["out_end"]] == f"<{x['entity_type']}>"

    (quarantined,) = read_rows(out, "quarantine")
    assert quarantined["reason"] == "unsupported_type" and quarantined["error_class"] == "BinaryContent"
    assert "blob" not in json.dumps(quarantined)

    assert manifest["counts"]["read"] == 4
    assert manifest["counts"]["written"] == 3 and manifest["counts"]["quarantined"] == 1
    assert manifest["counts"]["entities"] == {"CODENAME": 1, "CREDIT_CARD": 1, "EMAIL_ADDRESS": 1, "INTERNAL_HOST": 1}
    for entry in manifest["files"]:
        assert hashlib.sha256((out / entry["path"]).read_bytes()).hexdigest() == entry["sha256"]
    printed = capsys.readouterr().out
    assert "written 3, quarantined 1" in printed and "EMAIL_ADDRESS=1" in printed


def test_binary_and_list_metadata_are_redacted_element_by_element(tmp_path: Path) -> None:
    src = tmp_path / "uploads"
    src.mkdir()
    names = ["Olwen Brackley", "Ruairi Tansey", "Ysolde Merrow", "Casimir Oddny"]
    pq.write_table(
        pa.table(
            {
                "id": pa.array(["p1", "p2"]),
                "text": pa.array(["Nothing here.", "Nothing here."]),
                "author": pa.array(["Björn Tallqvist".encode(), b"\xc3\x28"], pa.binary()),
                "people": pa.array([names, None], pa.list_(pa.string())),
            }
        ),
        src / "rows.parquet",
    )
    mails = ["olwen.b@example.org", "r.tansey@example.net", "ymerrow@example.com"]
    line = {"id": "j1", "text": "Nothing here.", "people": [*names[::-1], *mails]}
    (src / "rows.jsonl").write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    cfg = write_config(
        tmp_path,
        detectors=[*NO_NER["detectors"], "person_names"],
        input={"keep_fields": ["author", "people"]},
    )
    assert main(["run", "--input", str(src), "--output", str(out), "--config", cfg]) == 0
    assert [(r["id"], r["author"], r["people"]) for r in read_rows(out, "records")] == [
        ("j1", None, [*["<PERSON>"] * 4, *["<EMAIL_ADDRESS>"] * 3]),
        ("p1", "<PERSON>", ["<PERSON>"] * 4),
    ]
    for shard in sorted((out / "records").glob("*.parquet")):  # every shard, the empty one too
        schema = pq.read_schema(shard)
        assert (schema.field("author").type, schema.field("people").type) == (pa.string(), pa.list_(pa.string()))
    assert [(r["id"], r["reason"], r["error_class"]) for r in read_rows(out, "quarantine")] == [
        ("p2", "decode_error", "UnicodeDecodeError")
    ]


def _typed_inputs(tmp_path: Path) -> list[str]:
    src = tmp_path / "uploads"
    for day in ("day=2024-05-06", "day=2024-05-07"):
        (src / day).mkdir(parents=True)
    info = pa.struct([("who", pa.string()), ("phone", pa.int64())])
    pq.write_table(
        pa.table(
            {
                "id": ["a"],
                "text": ["t"],
                "n": pa.array([1], pa.int32()),
                "at": pa.array([datetime.datetime(2024, 1, 1, 10)], pa.timestamp("ms")),
                "tags": pa.array([["Bluefin", "ok"]], pa.list_(pa.string())),
            }
        ),
        src / "day=2024-05-06" / "a.parquet",
    )
    pq.write_table(
        pa.table(
            {
                "id": ["b"],
                "text": ["t"],
                "n": pa.array([2**40], pa.int64()),
                "at": pa.array([datetime.datetime(2024, 1, 2, 11, 0, 0, 5)], pa.timestamp("us")),
                "info": pa.array([{"who": "ping ada@example.com", "phone": 4111111111111111}], info),
            }
        ),
        src / "day=2024-05-07" / "b.parquet",
    )
    lines = [
        {"id": "j1", "text": "t", "n": 3, "tags": ["x", "Bluefin"], "flag": True, "code": 5},
        {"id": "j2", "text": "t", "code": "A5"},
    ]
    (src / "c.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return [str(src / "day=*" / "*.parquet"), str(src / "c.jsonl")]


def test_kept_metadata_keeps_its_type_across_files_and_shards(tmp_path: Path) -> None:
    inputs = _typed_inputs(tmp_path)
    keep = {"keep_fields": ["tags", "n", "info", "flag", "day", "code", "at"], "partition_types": {"day": "date"}}
    cfg = write_config(tmp_path, input=keep, output={"num_shards": 3})
    a, b = tmp_path / "a", tmp_path / "b"
    assert main(["run", "--output", str(a), "--config", cfg, *(x for i in inputs for x in ("--input", i))]) == 0
    assert main(["run", "--output", str(b), "--config", cfg, *(x for i in inputs[::-1] for x in ("--input", i))]) == 0
    expected_types = {
        "at": pa.timestamp("us"),  # ms and us: the finer unit
        "code": pa.string(),  # an int in one record, a string in another: text
        "day": pa.date32(),  # a partition key typed by input.partition_types
        "flag": pa.bool_(),
        "info": pa.struct([("who", pa.string()), ("phone", pa.int64())]),
        "n": pa.int64(),  # int32 and int64 (and JSON numbers): int64
        "tags": pa.list_(pa.string()),
    }
    shards = sorted((a / "records").glob("*.parquet"))
    assert len(shards) == 3
    for shard in shards:
        schema = pq.read_schema(shard)
        assert {name: schema.field(name).type for name in expected_types} == expected_types
        assert (shard.read_bytes(), shard.name) == ((b / "records" / shard.name).read_bytes(), shard.name)
    rows = {r["id"]: {k: r[k] for k in expected_types} for r in read_rows(a, "records")}
    assert rows == {
        "a": {
            "at": datetime.datetime(2024, 1, 1, 10),
            "code": None,
            "day": datetime.date(2024, 5, 6),
            "flag": None,
            "info": None,
            "n": 1,
            "tags": ["<CODENAME>", "ok"],
        },
        "b": {
            "at": datetime.datetime(2024, 1, 2, 11, 0, 0, 5),
            "code": None,
            "day": datetime.date(2024, 5, 7),
            "flag": None,
            "info": {"who": "ping <EMAIL_ADDRESS>", "phone": None},  # a card number cannot hold a tag
            "n": 2**40,
            "tags": None,
        },
        "j1": {"at": None, "code": "5", "day": None, "flag": True, "info": None, "n": 3, "tags": ["x", "<CODENAME>"]},
        "j2": {"at": None, "code": "A5", "day": None, "flag": None, "info": None, "n": None, "tags": None},
    }
    manifest = json.loads((a / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["entities"] == {"CODENAME": 2, "CREDIT_CARD": 1, "EMAIL_ADDRESS": 1}


def test_rerun_refuses_then_overwrite_replaces_everything(tmp_path: Path) -> None:
    src = make_inputs(tmp_path)
    out = tmp_path / "out"
    cfg = write_config(tmp_path, output={"num_shards": 3})
    assert main(["run", "--input", str(src), "--output", str(out), "--config", cfg]) == 0
    assert main(["run", "--input", str(src), "--output", str(out), "--config", cfg]) == 2
    cfg = write_config(tmp_path, output={"num_shards": 1})
    assert main(["run", "--input", str(src), "--output", str(out), "--config", cfg, "--overwrite"]) == 0
    assert sorted(p.name for p in (out / "records").iterdir()) == ["part-00000-of-00001.parquet"]


STATE_KEY = "state-key-for-cli-tests-000001"


def test_same_input_gives_byte_identical_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCRUBLINE_STATE_KEY", STATE_KEY)  # keyed digests are deterministic too
    src = make_inputs(tmp_path)
    cfg = write_config(tmp_path)
    a, b = tmp_path / "a", tmp_path / "b"
    inputs = [str(src / "mail"), str(src / "batch.jsonl"), str(src / "blob.bin")]
    argv = ["run", "--output", str(a), "--config", cfg]
    assert main([*argv, *(x for i in inputs for x in ("--input", i))]) == 0
    # The same inputs in the other order, another hash seed for any set iteration in this process.
    argv[2] = str(b)
    assert main([*argv, *(x for i in reversed(inputs) for x in ("--input", i))]) == 0
    files = sorted(f.relative_to(a) for f in a.rglob("*") if f.is_file())
    assert files == sorted(f.relative_to(b) for f in b.rglob("*") if f.is_file())
    for rel in files:
        if rel.name in PEOPLE_ONLY_OUTPUTS:
            continue  # timings: for people, not byte-identical
        assert (a / rel).read_bytes() == (b / rel).read_bytes(), rel
    assert json.loads((a / "manifest.json").read_text())["state_key"] is not None


@pytest.mark.parametrize(
    "argv, message",
    [
        (["run", "--input", "{missing}", "--output", "{out}", "--config", "{cfg}"], "input not found"),
        (["run", "--input", "{src}", "--output", "{out}", "--config", "{bad}"], "nlp.modle"),
        (["validate-config", "--config", "{bad}"], "nlp.modle"),
        (["run", "--input", "{src}", "--output", "{out}", "--config", "{keyed}"], "SCRUBLINE_TEST_KEY is not set"),
        (["run", "--input", "{src}", "--output", "{out}", "--config", "{nomodel}"], "is not installed"),
    ],
)
def test_errors_before_anything_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, argv: list[str], message: str
) -> None:
    monkeypatch.delenv("SCRUBLINE_TEST_KEY", raising=False)
    src = make_inputs(tmp_path)
    bad = tmp_path / "bad.yaml"
    bad.write_text("nlp: {modle: x}\n")
    keyed = tmp_path / "keyed.yaml"
    keyed.write_text(
        yaml.safe_dump({**NO_NER, "operators": {"default": {"type": "pseudonymize", "key_env": "SCRUBLINE_TEST_KEY"}}})
    )
    nomodel = tmp_path / "nomodel.yaml"
    nomodel.write_text(yaml.safe_dump({"nlp": {"model": "no_such_model_pkg"}}))
    values = {
        "missing": str(tmp_path / "nope"),
        "out": str(tmp_path / "out"),
        "cfg": write_config(tmp_path),
        "bad": str(bad),
        "src": str(src),
        "keyed": str(keyed),
        "nomodel": str(nomodel),
    }
    assert main([a.format(**values) for a in argv]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0]
    assert not (tmp_path / "out").exists()


def test_a_short_state_key_stops_the_run_before_anything_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SCRUBLINE_STATE_KEY", "fifteen-bytes!!")
    src = make_inputs(tmp_path)
    assert (
        main(["run", "--input", str(src), "--output", str(tmp_path / "out"), "--config", write_config(tmp_path)]) == 2
    )
    assert capsys.readouterr().err.strip() == (
        "scrubline: error: state key too short: SCRUBLINE_STATE_KEY must hold at least 16 bytes (128 bits)"
    )
    assert not (tmp_path / "out").exists()


def test_a_worker_with_another_state_key_fails_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workers check the key they read against the launcher's key id: nothing is keyed under another key."""
    from transforms.output.keyed import StateKeyRef

    monkeypatch.setenv("SCRUBLINE_STATE_KEY", STATE_KEY)
    monkeypatch.setattr(
        "pipelines.cli._state_key_ref", lambda config, key: StateKeyRef("SCRUBLINE_STATE_KEY", "0" * 16)
    )
    src = make_inputs(tmp_path)
    argv = ["run", "--input", str(src), "--output", str(tmp_path / "out"), "--config", write_config(tmp_path)]
    assert main([*argv, "--progress-seconds", "0"]) == 1
    err = capsys.readouterr().err
    assert "StateKeyError" in err and STATE_KEY not in err
    assert not (tmp_path / "out" / "manifest.json").exists()


APICLIENT = "apache_beam.runners.dataflow.internal.apiclient"  # what the DataflowRunner imports on submit


@pytest.mark.parametrize(
    "runner_args, apiclient, message",
    [
        (
            ["--runner", "DataflowRunner"],
            None,  # apache-beam[gcp] not installed
            "scrubline: error: --runner DataflowRunner needs Beam's gcp extra, which is not installed "
            f"(ModuleNotFoundError: import of {APICLIENT} halted; None in sys.modules): "
            "pip install 'apache-beam[gcp]==",
        ),
        (
            ["--runner", "DataflowRunner", "--region", "europe-west1"],
            types.ModuleType(APICLIENT),  # installed, but the options are incomplete
            "scrubline: error: --runner DataflowRunner: Pipeline has validations errors: "
            "Missing GCS path option: temp_location.",
        ),
        (["--runner", "NoSuchRunner"], None, "scrubline: error: --runner NoSuchRunner: ValueError: Unexpected"),
        (["--runner", "PortableRunner"], None, "scrubline: error: --runner PortableRunner needs --job_endpoint"),
    ],
)
def test_a_runner_that_cannot_start_says_what_to_install_or_pass(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    runner_args: list[str],
    apiclient: types.ModuleType | None,
    message: str,
) -> None:
    monkeypatch.setitem(sys.modules, APICLIENT, apiclient)
    src = make_inputs(tmp_path)
    argv = ["run", "--input", str(src), "--output", str(tmp_path / "out"), "--config", write_config(tmp_path)]
    assert main([*argv, *runner_args]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(message), err
    assert not (tmp_path / "out").exists()


def test_quarantine_ratio_over_limit_exits_3(tmp_path: Path) -> None:
    src = make_inputs(tmp_path)
    cfg = write_config(tmp_path, limits={"max_quarantine_ratio": 0.1})
    assert main(["run", "--input", str(src), "--output", str(tmp_path / "out"), "--config", cfg]) == 3
    assert (tmp_path / "out" / "manifest.json").exists()


def test_pseudonyms_are_stable_across_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCRUBLINE_TEST_KEY", "0123456789abcdef-test-key")
    src = make_inputs(tmp_path)
    cfg = write_config(
        tmp_path,
        operators={
            "default": {"type": "replace"},
            "EMAIL_ADDRESS": {"type": "pseudonymize", "key_env": "SCRUBLINE_TEST_KEY"},
        },
    )
    for name in ("a", "b"):
        assert main(["run", "--input", str(src), "--output", str(tmp_path / name), "--config", cfg]) == 0
    texts = [[r["text"] for r in read_rows(tmp_path / n, "records")] for n in ("a", "b")]
    assert texts[0] == texts[1]
    assert any(t.startswith("Ping <EMAIL_ADDRESS:") for t in texts[0])
    manifest = (tmp_path / "a" / "manifest.json").read_text()
    assert "0123456789abcdef-test-key" not in manifest and '"SCRUBLINE_TEST_KEY"' in manifest


def test_no_network_during_a_run(tmp_path: Path, no_network: list) -> None:
    src = make_inputs(tmp_path)
    assert (
        main(["run", "--input", str(src), "--output", str(tmp_path / "out"), "--config", write_config(tmp_path)]) == 0
    )
    assert no_network == []


@pytest.mark.slow
def test_two_worker_processes_give_the_same_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCRUBLINE_STATE_KEY", STATE_KEY)  # worker processes inherit it and key the same
    src = make_inputs(tmp_path)
    cfg = write_config(tmp_path)
    one, two = tmp_path / "one", tmp_path / "two"
    assert main(["run", "--input", str(src), "--output", str(one), "--config", cfg]) == 0
    assert (
        main(
            [
                "run",
                "--input",
                str(src),
                "--output",
                str(two),
                "--config",
                cfg,
                "--runner",
                "DirectRunner",
                "--direct_num_workers",
                "2",
                "--direct_running_mode",
                "multi_processing",
            ]
        )
        == 0
    )
    for f in sorted(one.rglob("*")):
        if f.is_file() and f.name not in PEOPLE_ONLY_OUTPUTS:
            assert f.read_bytes() == (two / f.relative_to(one)).read_bytes(), f.relative_to(one)
    assert all(r["output_hmac"] for r in read_rows(two, "fingerprints") if r["status"] == "written")


@pytest.mark.model
def test_default_config_on_bundled_samples(tmp_path: Path, no_network: list) -> None:
    samples = Path(__file__).resolve().parents[2] / "samples"
    out = tmp_path / "out"
    assert main(["run", "--input", str(samples), "--output", str(out)]) == 0
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["counts"]["quarantined"] == 0 and manifest["counts"]["written"] == manifest["counts"]["read"]
    text = "\n".join(r["text"] for r in read_rows(out, "records"))
    for leaked in [
        "AKIAIOSFODNN7EXAMPLE",
        "4111 1111 1111 1111",
        "GB82WEST12345698765432",
        "hunter2-prod",
        "S3cr3t-Pass",
        "Hexacore Logistics",
        "Bluefin",
        "build01.corp.example.net",
    ]:
        assert leaked not in text, leaked
    for kept in ["Kubernetes", "Python"]:
        assert kept in text
    assert no_network == []


def test_key_never_reaches_outputs_logs_options_or_display_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture
) -> None:
    import logging

    import apache_beam as beam

    from pipelines.pipeline import RunSpec, build_pipeline
    from transforms.config import check_keys, key_id, parse_config
    from transforms.output.keyed import StateKeyRef

    secret = "k3y-Material-That-Must-Never-Leak-0042"
    state_secret = "st4te-Key-Material-That-Must-Never-Leak-0043"
    monkeypatch.setenv("SCRUBLINE_TEST_KEY", secret)
    monkeypatch.setenv("SCRUBLINE_STATE_KEY", state_secret)
    src = make_inputs(tmp_path)
    spec = {**NO_NER, "operators": {"default": {"type": "pseudonymize", "key_env": "SCRUBLINE_TEST_KEY"}}}
    cfg_path = tmp_path / "keyed.yaml"
    cfg_path.write_text(yaml.safe_dump(spec))
    caplog.set_level(logging.DEBUG)
    assert (
        main(
            [
                "run",
                "--input",
                str(src),
                "--output",
                str(tmp_path / "out"),
                "--config",
                str(cfg_path),
                "--log-level",
                "DEBUG",
            ]
        )
        == 0
    )
    seen = [caplog.text, *capfd.readouterr()]
    for f in (tmp_path / "out").rglob("*"):
        if f.is_file():
            seen.append(f.read_bytes().decode("latin-1"))
            if f.suffix == ".parquet":
                seen.append(json.dumps(pq.read_table(f).to_pylist()))
    # Pipeline options and display data of every transform of the same pipeline, built by hand.
    config = parse_config(spec)
    state = StateKeyRef("SCRUBLINE_STATE_KEY", str(key_id(state_secret)))
    run = RunSpec((str(src),), str(tmp_path / "o2"), config, "r", {}, check_keys(config), state_key=state)
    p = beam.Pipeline()
    build_pipeline(p, run)
    seen.append(json.dumps(p.options.get_all_options(), default=str))
    seen.append(repr(p.to_runner_api()))

    class Collect(beam.pipeline.PipelineVisitor):
        def visit_transform(self, node) -> None:
            if node.transform is not None:
                seen.append(repr(node.transform.display_data()))
                fn = getattr(node.transform, "fn", None)
                if hasattr(fn, "display_data"):
                    seen.append(repr(fn.display_data()))

        enter_composite_transform = visit_transform

    p.visit(Collect())
    assert not [s for s in seen if secret in s or state_secret in s]
    assert json.loads((tmp_path / "out" / "manifest.json").read_text())["state_key"] == key_id(state_secret)


@pytest.mark.slow
def test_byte_identical_across_hash_seeds_and_worker_counts(tmp_path: Path) -> None:
    import subprocess
    import sys

    from tests import hostile_corpus

    src = tmp_path / "in"
    hostile_corpus.build(src)
    make_inputs(src / "extra")
    cfg = write_config(tmp_path, limits={"max_quarantine_ratio": 1.0}, output={"num_shards": 3})
    runs = {
        "seed1_one_worker": ("1", []),
        "seed2_two_processes": ("2", ["--direct_num_workers", "2", "--direct_running_mode", "multi_processing"]),
    }
    for name, (seed, extra) in runs.items():
        env = {**os.environ, "PYTHONHASHSEED": seed, "SCRUBLINE_STATE_KEY": STATE_KEY}
        cmd = [
            sys.executable,
            "-m",
            "pipelines.cli",
            "run",
            "--input",
            str(src),
            "--output",
            str(tmp_path / name),
            "--config",
            cfg,
            *extra,
        ]
        subprocess.run(cmd, check=True, env=env, capture_output=True)
    a, b = (tmp_path / n for n in runs)
    files = sorted(f.relative_to(a) for f in a.rglob("*") if f.is_file())
    assert files == sorted(f.relative_to(b) for f in b.rglob("*") if f.is_file())
    assert len([f for f in files if f.name not in PEOPLE_ONLY_OUTPUTS]) == 10  # 3 + 3 + 3 shards, manifest
    for rel in files:
        if rel.name in PEOPLE_ONLY_OUTPUTS:
            continue  # timings: for people, not byte-identical
        assert (a / rel).read_bytes() == (b / rel).read_bytes(), rel
    assert json.loads((a / "manifest.json").read_text())["state_key"] is not None  # keyed digests included


def test_a_failing_worker_exits_1_with_one_line_that_quotes_no_data(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    src = make_inputs(tmp_path)

    def broken_write_shard(*args, **kwargs):
        raise KeyError("ada@example.com Bluefin")  # an exception message that quotes a record

    monkeypatch.setattr("transforms.beam.io.write_shard", broken_write_shard)
    out = tmp_path / "out"
    assert main(["run", "--input", str(src), "--output", str(out), "--config", write_config(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("scrubline: error: the pipeline failed (KeyError")
    # Beam logged the failing bundle at ERROR with its traceback: rewritten the same way.
    failures = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert failures and all(r.getMessage().startswith("failure (") and not r.exc_info for r in failures)
    assert "ada@" not in caplog.text and "Bluefin" not in caplog.text
    assert "while running 'Write" in err and "in broken_write_shard" in err
    assert err.rstrip().endswith("; nothing was published (no manifest.json)")
    assert "ada@" not in err and "Bluefin" not in err
    assert not (out / "manifest.json").exists()
