"""End to end on an object store: ``scrubline run`` reading and writing ``s3://`` buckets on an S3 API on
localhost (moto's server, through Beam's S3 file system), on the DirectRunner, compared byte for byte
with a local run of the same input; ``--previous s3://...``; misspelt schemes refused before anything
runs. Nothing but the loopback is reached (``tests.objectstore``).

Record ids and opaque sources that scrubline derives from a file's place are keyed over the input
root's name, not its location (``transforms.readers.inputs.derived_id``), so a run of a local copy of
the uploads (in a folder of the same name) publishes what a run of the bucket does."""

from __future__ import annotations

import gzip
import json
import zipfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipelines.cli import main
from tests.objectstore import S3
from tests.pipelines.test_cli import write_config
from transforms.runs.report import PEOPLE_ONLY_OUTPUTS


def make_uploads(root: Path) -> Path:
    """JSONL, Parquet, a tree of raw files, a zip and a gzipped JSONL, with something to quarantine."""
    src = root / "uploads"
    (src / "notes" / "deep").mkdir(parents=True)
    (src / "batch.jsonl").write_text(
        json.dumps({"id": "j1", "text": "Mail wren@example.org about Bluefin", "language": "en"})
        + "\n"
        + json.dumps({"id": "j2", "text": "Deploy to build07.corp.example.net tonight", "language": "de"})
        + "\n{not json\n",
        encoding="utf-8",
    )
    pq.write_table(
        pa.table({"id": ["p1", "p2"], "text": ["Card 4111 1111 1111 1111", "Nothing here"], "language": ["en", "fr"]}),
        src / "rows.parquet",
    )
    (src / "notes" / "todo.md").write_text("Ask kestrel@example.net for the Bluefin deck.\n", encoding="utf-8")
    (src / "notes" / "deep" / "plain.txt").write_text("Just a plain line.\n", encoding="utf-8")
    (src / "notes" / ".hidden.txt").write_text("never read\n", encoding="utf-8")
    with zipfile.ZipFile(src / "bundle.zip", "w") as zf:
        zf.writestr("inside/memo.txt", "Memo for heron@example.com\n")
        zf.writestr("inside/more.jsonl", json.dumps({"id": "z1", "text": "Bluefin again"}) + "\n")
    (src / "late.jsonl.gz").write_bytes(
        gzip.compress((json.dumps({"id": "g1", "text": "From gz: plover@example.org"}) + "\n").encode(), mtime=0)
    )
    (src / "image.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    return src


def local_files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def published(files: dict[str, bytes]) -> dict[str, bytes]:
    """The byte-identical part of a run: everything but the outputs for people (timings)."""
    return {k: v for k, v in files.items() if k not in PEOPLE_ONLY_OUTPUTS}


def run(cfg: str, inputs: list[str], output: str, *extra: str) -> int:
    return main(["run", *(a for i in inputs for a in ("--input", i)), "--output", output, "--config", cfg, *extra])


@pytest.fixture
def uploads(tmp_path: Path, s3: S3, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    """The same uploads on the local disk and in ``s3://<in bucket>/uploads``; runs keyed with a state key
    (``--previous`` and ``diff`` need one, and the manifest's input digests are keyed with it)."""
    monkeypatch.setenv("SCRUBLINE_STATE_KEY", "state-key-for-object-store-tests")
    src = make_uploads(tmp_path)
    location = f"s3://{s3.buckets['in']}/uploads"
    s3.upload(src, location)
    return src, location


@pytest.mark.slow  # a few runs of the pipeline
def test_a_run_on_s3_writes_what_a_local_run_writes_byte_for_byte(
    tmp_path: Path, s3: S3, uploads: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    src, location = uploads
    cfg = write_config(tmp_path)
    assert run(cfg, [location], str(tmp_path / "local"), *s3.beam_args) == 0
    out = f"s3://{s3.buckets['out']}/scrubbed"
    assert run(cfg, [location], out, *s3.beam_args) == 0
    assert f"scrubline: output in {out}, report in {out}/report.html" in capsys.readouterr().out

    local, remote = local_files(tmp_path / "local"), s3.objects(out)
    assert sorted(remote) == sorted(local)  # report.html and run_stats.json too, and no temporary object
    assert published(remote) == published(local)
    manifest = json.loads(remote["manifest.json"])
    assert manifest["counts"]["read"] == 11 and manifest["counts"]["quarantined"] == 2
    assert len(manifest["inputs"]) == 7 and all(i["hmac"] for i in manifest["inputs"])

    # The local copy of the uploads (a folder named like the bucket's): the same output, derived ids too.
    assert run(cfg, [str(src)], str(tmp_path / "copy")) == 0
    assert published(local_files(tmp_path / "copy")) == published(local)


@pytest.mark.slow  # a few runs of the pipeline
def test_a_glob_on_s3_and_a_mix_of_local_and_s3_inputs(tmp_path: Path, s3: S3, uploads: tuple[Path, str]) -> None:
    src, location = uploads
    cfg = write_config(tmp_path)
    inputs = [f"{location}/*.jsonl", str(src / "notes")]
    assert run(cfg, inputs, str(tmp_path / "local"), *s3.beam_args) == 0
    out = f"s3://{s3.buckets['out']}/mixed"
    assert run(cfg, inputs, out, *s3.beam_args) == 0
    assert published(s3.objects(out)) == published(local_files(tmp_path / "local"))


@pytest.mark.slow  # a few runs of the pipeline
def test_previous_and_diff_on_s3_match_their_local_runs(
    tmp_path: Path,
    s3: S3,
    uploads: tuple[Path, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, location = uploads
    (tmp_path / "first").mkdir()
    (tmp_path / "second").mkdir()
    first = write_config(tmp_path / "first")
    terms = {"terms": {"CODENAME": ["Bluefin", "Osprey"]}, "internal_domains": ["corp.example.net"]}
    second = write_config(tmp_path / "second", proprietary=terms)
    local1, local2 = str(tmp_path / "local1"), str(tmp_path / "local2")
    assert run(first, [location], local1, *s3.beam_args) == 0
    assert run(second, [location], local2, "--previous", local1, *s3.beam_args) == 0
    out1, out2 = f"s3://{s3.buckets['out']}/run1", f"s3://{s3.buckets['other']}/run2"
    assert run(first, [location], out1, *s3.beam_args) == 0
    assert run(second, [location], out2, "--previous", out1, *s3.beam_args) == 0

    remote = s3.objects(out2)
    assert published(remote) == published(local_files(tmp_path / "local2"))
    reuse = json.loads(remote["manifest.json"])["reuse"]
    assert reuse["mode"] == "incremental" and reuse["carried_over"] > 0

    # scrubline diff takes no Beam options: it reaches the store with what the environment says.
    monkeypatch.setenv("AWS_ENDPOINT_URL", s3.server.endpoint)
    capsys.readouterr()
    assert main(["diff", local1, local2, "--json"]) == 0
    local_diff = capsys.readouterr().out
    assert main(["diff", out1, out2, "--json"]) == 0
    assert capsys.readouterr().out == local_diff


@pytest.mark.slow  # a few runs of the pipeline
def test_overwrite_replaces_an_s3_run_and_refuses_user_objects(
    tmp_path: Path, s3: S3, uploads: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    _, location = uploads
    (tmp_path / "three").mkdir()
    cfg = write_config(tmp_path / "three", output={"num_shards": 3})
    out = f"s3://{s3.buckets['out']}/again"
    assert run(cfg, [location], out, *s3.beam_args) == 0
    capsys.readouterr()
    assert run(cfg, [location], out, *s3.beam_args) == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        "scrubline: error: --output already holds a scrubline run; pass --overwrite to replace it"
    ]
    assert run(write_config(tmp_path), [location], out, "--overwrite", *s3.beam_args) == 0
    assert sorted(k for k in s3.objects(out) if k.startswith("records/")) == [
        "records/part-00000-of-00002.parquet",
        "records/part-00001-of-00002.parquet",
    ]


@pytest.mark.parametrize(
    "flag, value, message",
    [
        ("--output", "s4://{out}/x", "--output: unsupported storage scheme s4://"),
        ("--input", "gcs://{in}/uploads", "--input: unsupported storage scheme gcs://"),
        ("--output", "s3:/{out}/x", "--output looks like a URL with a slash missing (write scheme://bucket/path)"),
        ("--previous", "sd3://{out}/x", "--previous: unsupported storage scheme sd3://"),
    ],
)
def test_a_misspelt_scheme_fails_before_anything_runs(
    tmp_path: Path,
    s3: S3,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    flag: str,
    value: str,
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    args = {"--input": f"s3://{s3.buckets['in']}/uploads", "--output": f"s3://{s3.buckets['out']}/run"}
    args[flag] = value.format(**{"in": s3.buckets["in"], "out": s3.buckets["out"]})
    argv = ["run", "--config", str(tmp_path / "not-read-either.yaml"), *s3.beam_args]
    assert main([*argv, *(a for kv in args.items() for a in kv)]) == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line.startswith(f"scrubline: error: {message}")
    assert s3.objects(f"s3://{s3.buckets['out']}") == {}
    assert list(tmp_path.iterdir()) == []
