"""``--overwrite`` deletes only scrubline's own runs, and an output never overlaps an input: exact exit
codes and messages, and the user's files left byte for byte."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipelines.cli import main
from tests.pipelines.test_cli import make_inputs, write_config

NOT_OURS = (
    "scrubline: error: --output holds files scrubline did not write, and --overwrite replaces only a scrubline run; "
    "choose an empty folder or clear it yourself"
)
OUTPUT_IN_INPUT = (
    "scrubline: error: --output is inside an --input (a run would read its own outputs); "
    "use a folder outside the inputs"
)
INPUT_IN_OUTPUT = "scrubline: error: an --input is inside --output (--overwrite would delete it); use another folder"


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes (directories are implied by the paths)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def run(src: Path | str, out: Path | str, cfg: str, *extra: str) -> int:
    return main(["run", "--input", str(src), "--output", str(out), "--config", cfg, *extra])


def assert_refused(capsys: pytest.CaptureFixture[str], status: int, message: str) -> None:
    assert status == 2
    assert capsys.readouterr().err.strip().splitlines() == [message]


def user_files(folder: Path, *, manifest: str | None = None) -> None:
    """A user's folder: notes, a nested file, a folder named like ours, maybe a manifest of their own."""
    (folder / "records").mkdir(parents=True)
    (folder / "notes.txt").write_text("my own notes\n", encoding="utf-8")
    (folder / "records" / "2023-tax.csv").write_text("year,amount\n2023,1\n", encoding="utf-8")
    if manifest is not None:
        (folder / "manifest.json").write_text(manifest, encoding="utf-8")


@pytest.mark.parametrize(
    "manifest",
    [None, '{"name": "my-app", "version": "1.0"}', "not json at all"],
    ids=["no-manifest", "someone-elses-manifest", "unparseable-manifest"],
)
def test_overwrite_refuses_a_folder_of_user_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], manifest: str | None
) -> None:
    src, out, cfg = make_inputs(tmp_path), tmp_path / "mine", write_config(tmp_path)
    user_files(out, manifest=manifest)
    before = snapshot(out)
    assert_refused(capsys, run(src, out, cfg, "--overwrite"), NOT_OURS)
    assert snapshot(out) == before


@pytest.mark.parametrize("extra", ["notes.txt", "records/notes.txt", "quarantine/sub/part-00000-of-00001.parquet"])
def test_overwrite_refuses_a_run_with_user_files_added(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: str
) -> None:
    src, out, cfg = make_inputs(tmp_path), tmp_path / "out", write_config(tmp_path)
    assert run(src, out, cfg) == 0
    (out / extra).parent.mkdir(parents=True, exist_ok=True)
    (out / extra).write_text("mine\n", encoding="utf-8")
    before = snapshot(out)
    capsys.readouterr()
    assert_refused(capsys, run(src, out, cfg, "--overwrite"), NOT_OURS)
    assert snapshot(out) == before


def test_overwrite_replaces_a_run_and_its_temp_files(tmp_path: Path) -> None:
    src, out = make_inputs(tmp_path), tmp_path / "out"
    assert run(src, out, write_config(tmp_path, output={"num_shards": 3})) == 0
    assert json.loads((out / "manifest.json").read_text())["num_shards"] == 3
    (out / ".manifest.json.4242.tmp").write_text("{}", encoding="utf-8")
    (out / "records" / ".part-00001-of-00003.parquet.tmp").write_bytes(b"partial")
    assert run(src, out, write_config(tmp_path, output={"num_shards": 1}), "--overwrite") == 0
    assert sorted(p.name for p in (out / "records").iterdir()) == ["part-00000-of-00001.parquet"]
    assert not (out / ".manifest.json.4242.tmp").exists()


def test_overwrite_replaces_the_leftovers_of_a_failed_run(tmp_path: Path) -> None:
    src, out, cfg = make_inputs(tmp_path), tmp_path / "out", write_config(tmp_path)
    assert run(src, out, cfg) == 0
    (out / "manifest.json").unlink()  # what a run that failed before publishing leaves
    (out / "report.html").unlink()
    assert run(src, out, cfg, "--overwrite") == 0
    assert json.loads((out / "manifest.json").read_text())["counts"]["read"] == 4


def test_overwrite_of_an_empty_or_missing_folder_runs(tmp_path: Path) -> None:
    src, cfg = make_inputs(tmp_path), write_config(tmp_path)
    (tmp_path / "empty").mkdir()
    assert run(src, tmp_path / "empty", cfg, "--overwrite") == 0
    assert run(src, tmp_path / "missing", cfg, "--overwrite") == 0


@pytest.mark.parametrize("overwrite", [(), ("--overwrite",)], ids=["plain", "overwrite"])
@pytest.mark.parametrize(
    "input_arg, output_arg, message",
    [
        ("{src}", "{src}/out", OUTPUT_IN_INPUT),
        ("{src}", "{src}", INPUT_IN_OUTPUT),
        ("{src}/*.jsonl", "{src}/mail/out", OUTPUT_IN_INPUT),
        ("{link}", "{src}/out", OUTPUT_IN_INPUT),  # the input reached through a symbolic link
        ("{src}", "{link}/out", OUTPUT_IN_INPUT),  # the output reached through one
        ("{src}/mail", "{src}", INPUT_IN_OUTPUT),
        ("{src}/batch.jsonl", "{src}", INPUT_IN_OUTPUT),
        (".", "..", INPUT_IN_OUTPUT),  # relative paths (the working directory is {src}/mail)
    ],
)
def test_output_and_input_must_not_overlap(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    input_arg: str,
    output_arg: str,
    message: str,
    overwrite: tuple[str, ...],
) -> None:
    src, cfg = make_inputs(tmp_path), write_config(tmp_path)
    (tmp_path / "link").symlink_to(src, target_is_directory=True)
    monkeypatch.chdir(src / "mail")
    values = {"src": src, "link": tmp_path / "link"}
    before = snapshot(tmp_path)
    status = run(input_arg.format(**values), output_arg.format(**values), cfg, *overwrite)
    assert_refused(capsys, status, message)
    assert snapshot(tmp_path) == before
    assert not (src / "out").exists()
