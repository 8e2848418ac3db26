"""Record ids end to end: they cannot collide across input roots, cannot be chosen by an uploader, do not
depend on the order of ``--input`` arguments or on the number of workers, and, under a state key, stay
the same when the inputs move to another place (issue 15.8).

Without a state key derived ids are ordinals in the run's listing (``~f-000000``); with one they are an
HMAC under it (``transforms.readers.inputs.derived_id``): expected ids here come from the listing the
launcher makes (``expand_inputs``) and, keyed, from the key a run reads from its environment.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from pipelines.cli import main
from tests.pipelines.test_cli import read_rows, write_config
from transforms.output.keyed import StateKeyRef, state_key_id
from transforms.readers.inputs import expand_inputs, file_record_id, opaque_source, with_state_key
from transforms.runs.report import PEOPLE_ONLY_OUTPUTS

STATE_KEY = "state-key-for-record-id-tests-1"
KEYED = StateKeyRef("SCRUBLINE_STATE_KEY", state_key_id(STATE_KEY.encode()) or "")
MULTI = ["--direct_num_workers", "2", "--direct_running_mode", "multi_processing"]


@pytest.fixture(params=["no key", "keyed"])
def key(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> StateKeyRef | None:
    """Each test runs without a state key (ordinal ids) and with one (keyed ids)."""
    if request.param == "keyed":
        monkeypatch.setenv("SCRUBLINE_STATE_KEY", STATE_KEY)
        return KEYED
    monkeypatch.delenv("SCRUBLINE_STATE_KEY", raising=False)
    return None


def _run(tmp_path: Path, out: str, *inputs: Path, extra: tuple[str, ...] = (), previous: Path | None = None) -> Path:
    argv = ["run", "--output", str(tmp_path / out), "--config", write_config(tmp_path), *extra]
    if previous is not None:
        argv += ["--previous", str(previous)]
    assert main([*argv, *(x for i in inputs for x in ("--input", str(i)))]) == 0
    return tmp_path / out


def _ids(key: StateKeyRef | None, *inputs: Path) -> dict[str, str]:
    """``relpath under its root's name`` -> the id a run of ``inputs`` derives for that file."""
    return {
        f"{f.namespace}/{f.relpath}": file_record_id(f) for f in with_state_key(expand_inputs(map(str, inputs)), key)
    }


def _published(out: Path) -> dict[str, bytes]:
    """Every file of a run that is byte-identical between equal runs (all but the outputs for people)."""
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.name not in PEOPLE_ONLY_OUTPUTS
    }


def _two_roots(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "team_a", tmp_path / "team_b"
    for root, words in ((a, "first notes\n"), (b, "second notes\n")):
        (root / "docs").mkdir(parents=True)
        (root / "docs" / "notes.txt").write_text(words, encoding="utf-8")
    return a, b


def test_the_same_relative_path_under_two_roots_gives_two_records(tmp_path: Path, key: StateKeyRef | None) -> None:
    a, b = _two_roots(tmp_path)
    out = _run(tmp_path, "out", a, b)
    assert read_rows(out, "quarantine") == []
    ids = _ids(key, a, b)
    assert len(set(ids.values())) == 2
    if key is None:  # ordinals in the listing, sorted by root name then path
        assert ids == {"team_a/docs/notes.txt": "~f-000000", "team_b/docs/notes.txt": "~f-000001"}
    else:
        assert all(len(i) == len("~f-") + 32 for i in ids.values())
    assert sorted((r["id"], r["text"], r["source"]) for r in read_rows(out, "records")) == sorted(
        [
            (ids["team_a/docs/notes.txt"], "first notes\n", "docs/notes.txt"),
            (ids["team_b/docs/notes.txt"], "second notes\n", "docs/notes.txt"),
        ]
    )


def test_the_order_of_inputs_changes_nothing(tmp_path: Path, key: StateKeyRef | None) -> None:
    a, b = _two_roots(tmp_path)
    (b / "rows.jsonl").write_text(json.dumps({"text": "no id here"}) + "\n", encoding="utf-8")
    one = _run(tmp_path, "one", a, b)
    two = _run(tmp_path, "two", b, a)
    assert _published(one) == _published(two)
    assert [q["reason"] for q in read_rows(one, "quarantine")] == ["invalid_record"]


def test_overlapping_roots_in_either_order_give_byte_identical_output(tmp_path: Path) -> None:
    src = tmp_path / "uploads"
    (src / "sub").mkdir(parents=True)
    (src / "top.md").write_text("Top level.\n", encoding="utf-8")
    (src / "sub" / "inner.md").write_text("Inner file.\n", encoding="utf-8")
    (src / "sub" / "rows.jsonl").write_text(json.dumps({"text": "no id here"}) + "\n", encoding="utf-8")
    one = _run(tmp_path, "one", src, src / "sub")
    two = _run(tmp_path, "two", src / "sub", src)
    assert _published(one) == _published(two)
    # The file under both roots is listed under the outer one.
    assert sorted(r["source"] for r in read_rows(one, "records")) == ["sub/inner.md", "top.md"]
    assert [q["reason"] for q in read_rows(one, "quarantine")] == ["invalid_record"]


def test_a_record_cannot_take_the_id_of_a_raw_file(tmp_path: Path, key: StateKeyRef | None) -> None:
    src = tmp_path / "uploads"
    src.mkdir()
    (src / "notes.txt").write_text("A raw upload.\n", encoding="utf-8")
    (src / "batch.jsonl").write_text("", encoding="utf-8")  # listed first: the raw file is ~f-000001 without a key
    raw_id = _ids(key, src)["uploads/notes.txt"]
    assert key is not None or raw_id == "~f-000001"
    # Ids a raw file used to get (f-<hash of its path>, then ~f-<hash of root and path>): a record may
    # carry them, and they are written as given or escaped, never confused with the raw file's.
    old = hashlib.sha256(b"scrubline-derived-id")
    for part in (b"f", str(src).encode(), b"notes.txt", b""):
        old.update(len(part).to_bytes(8, "big") + part)
    legacy_id, old_id = "f-" + hashlib.sha256(b"notes.txt").hexdigest()[:32], "~f-" + old.hexdigest()[:32]
    lines = [{"id": raw_id, "text": "claims the raw file's id"}, {"id": legacy_id, "text": "claims the legacy one"}]
    lines.append({"id": old_id, "text": "claims the unkeyed one"})
    (src / "batch.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    out = _run(tmp_path, "out", src)
    assert read_rows(out, "quarantine") == []
    assert sorted((r["id"], r["source"]) for r in read_rows(out, "records")) == sorted(
        [
            (raw_id, "notes.txt"),
            ("~" + raw_id, "batch.jsonl#L1"),
            (legacy_id, "batch.jsonl#L2"),
            ("~" + old_id, "batch.jsonl#L3"),
        ]
    )


@pytest.mark.slow  # two worker processes; keyed runs are compared across worker counts in test_cli
def test_ordinal_ids_do_not_depend_on_the_number_of_workers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SCRUBLINE_STATE_KEY", raising=False)
    a, b = _two_roots(tmp_path)
    for i in range(6):
        (a / f"extra_{i}.md").write_text(f"Extra file {i}.\n", encoding="utf-8")
    (b / "rows.jsonl").write_text("".join(json.dumps({"text": f"row {i}"}) + "\n" for i in range(4)), encoding="utf-8")
    one = _run(tmp_path, "one", a, b)
    two = _run(tmp_path, "two", b, a, extra=tuple(MULTI))
    assert _published(one) == _published(two)
    assert len(read_rows(one, "records")) == 8 and len(read_rows(one, "quarantine")) == 4


def test_ids_and_sources_stay_when_the_inputs_move(tmp_path: Path, key: StateKeyRef | None) -> None:
    src = tmp_path / "first" / "uploads"
    (src / "hr").mkdir(parents=True)
    (src / "hr" / "payslip.txt").write_text("Net pay this month.\n", encoding="utf-8")
    (src / "rows.jsonl").write_text(json.dumps({"id": "k1", "text": "kept"}) + "\n{broken\n", encoding="utf-8")
    before = _run(tmp_path, "before", src)
    moved = tmp_path / "elsewhere" / "deeper" / "uploads"
    shutil.copytree(src, moved)
    shutil.rmtree(src)
    after = _run(tmp_path, "after", moved)
    # The root keeps its name, so nothing a run publishes changes: ids, sources, digests, the manifest.
    assert _published(after) == _published(before)
    (f,) = (f for f in with_state_key(expand_inputs([str(moved)]), key) if f.relpath == "rows.jsonl")
    assert {q["source"].split("#")[0] for q in read_rows(after, "quarantine")} == {opaque_source(f)}
    if key is not None:  # and --previous carries every record over from the run made before the move
        again = _run(tmp_path, "again", moved, previous=before)
        reuse = json.loads((again / "manifest.json").read_text(encoding="utf-8"))["reuse"]
        assert (reuse["mode"], reuse["carried_over"]) == ("incremental", 2)
