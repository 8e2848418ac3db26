"""transforms.runs.folder on an object store (an S3 API on localhost) and on local names that look like
patterns: what ``--overwrite`` may delete and which inputs and outputs overlap. The local rules are
tested end to end in tests/pipelines/test_output_safety.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.objectstore import S3
from transforms.runs.folder import OutputFolderError, check_separate, prepare_output

MANIFEST = json.dumps(
    {
        "manifest_version": 2,
        "ruleset": "r",
        "counts": {"read": 1, "written": 1, "quarantined": 0},
        "files": [],
        "versions": {"scrubline": "0.1.0"},
    }
).encode()
RUN = {
    "manifest.json": MANIFEST,
    "records/part-00000-of-00001.parquet": b"p",
    "records/.part-00000-of-00001.parquet.tmp": b"partial",
    "fingerprints/part-00000-of-00001.parquet": b"f",
    "run_stats.json": b"{}",
    ".manifest.json.77.tmp": b"{}",
}
NOT_OURS = (
    "--output holds files scrubline did not write, and --overwrite replaces only a scrubline run; "
    "choose an empty folder or clear it yourself"
)


def put_all(s3: S3, base: str, files: dict[str, bytes]) -> None:
    for key, data in files.items():
        s3.put(f"{base}/{key}", data)


def test_overwrite_replaces_a_run_on_an_object_store_and_nothing_beside_it(s3: S3) -> None:
    base = f"s3://{s3.buckets['out']}/run"
    put_all(s3, base, RUN)
    s3.put(f"{base}-2/manifest.json", b"a sibling run, not under the folder")
    prepare_output(base, overwrite=True)
    assert s3.objects(f"s3://{s3.buckets['out']}") == {"run-2/manifest.json": b"a sibling run, not under the folder"}


@pytest.mark.parametrize(
    "extra",
    [
        {"notes.txt": b"mine"},
        {"records/notes.txt": b"mine"},
        {"quarantine/sub/part-00000-of-00001.parquet": b"deeper"},
        {"manifest.json": b'{"name": "my-app"}'},
    ],
    ids=["file", "file-in-records", "deeper-shard", "someone-elses-manifest"],
)
def test_overwrite_refuses_an_object_store_folder_with_user_files(s3: S3, extra: dict[str, bytes]) -> None:
    base = f"s3://{s3.buckets['out']}/run"
    put_all(s3, base, {**RUN, **extra})
    before = s3.objects(base)
    with pytest.raises(OutputFolderError) as info:
        prepare_output(base, overwrite=True)
    assert str(info.value) == NOT_OURS
    assert s3.objects(base) == before


def test_without_overwrite_an_object_store_run_is_refused(s3: S3) -> None:
    base = f"s3://{s3.buckets['out']}/run"
    put_all(s3, base, RUN)
    with pytest.raises(OutputFolderError) as info:
        prepare_output(base + "/", overwrite=False)
    assert str(info.value) == "--output already holds a scrubline run; pass --overwrite to replace it"


def test_an_object_store_output_that_is_an_object_is_refused(s3: S3) -> None:
    s3.put(f"s3://{s3.buckets['out']}/run", b"a file")
    with pytest.raises(OutputFolderError) as info:
        prepare_output(f"s3://{s3.buckets['out']}/run", overwrite=True)
    assert str(info.value) == "--output exists and is not a directory"


def test_an_empty_or_missing_object_store_folder_is_ready(s3: S3) -> None:
    prepare_output(f"s3://{s3.buckets['out']}/new", overwrite=False)
    prepare_output(f"s3://{s3.buckets['out']}", overwrite=True)
    assert s3.objects(f"s3://{s3.buckets['out']}") == {}


@pytest.mark.parametrize(
    "inputs, output, message",
    [
        (["s3://b/in"], "s3://b/in/out", "--output is inside an --input"),
        (["s3://b/in/*.jsonl"], "s3://b/in/sub/out", "--output is inside an --input"),
        (["s3://b/in/x.jsonl"], "s3://b/in", "an --input is inside --output"),
        (["s3://b/in"], "s3://b", "an --input is inside --output"),
        (["s3://b/in"], "s3://b/in/", "an --input is inside --output"),
    ],
)
def test_object_store_inputs_and_output_must_not_overlap(inputs: list[str], output: str, message: str) -> None:
    with pytest.raises(OutputFolderError) as info:
        check_separate(inputs, output)
    assert str(info.value).startswith(message)


@pytest.mark.parametrize(
    "inputs, output",
    [(["s3://b/in"], "s3://b/in-out"), (["s3://b/in"], "s3://c/in/out"), (["/data/in"], "s3://b/data/in/out")],
)
def test_separate_object_store_locations_pass(inputs: list[str], output: str, tmp_path: Path) -> None:
    check_separate(inputs, output)
    check_separate(["s3://b/in"], tmp_path)


def test_overwrite_deletes_a_local_run_whose_folder_name_looks_like_a_pattern(tmp_path: Path) -> None:
    out = tmp_path / "run[1]"
    for key, data in RUN.items():
        (out / key).parent.mkdir(parents=True, exist_ok=True)
        (out / key).write_bytes(data)
    (tmp_path / "run1").write_text("not ours")
    prepare_output(out, overwrite=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["run1", "run[1]"]
    assert list(out.iterdir()) == []
