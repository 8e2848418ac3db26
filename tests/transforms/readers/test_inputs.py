"""Unit tests for transforms.readers.inputs: ids, opaque references, input expansion, quarantine rows, opening."""

from __future__ import annotations

import gzip
import hashlib
import os
from pathlib import Path

import pytest

from transforms.readers.inputs import (
    DECOMPRESS_ERRORS,
    InputError,
    InputFile,
    expand_inputs,
    file_record_id,
    opaque_source,
    open_input,
    quarantine_record,
)
from transforms.records import QuarantineReason, QuarantineRecord

# --- identifiers --------------------------------------------------------------------------------------


def test_file_record_id_and_opaque_source() -> None:
    f = InputFile(3, "/data", "/data/hr/payroll.csv", "hr/payroll.csv")
    digest = hashlib.sha256(b"hr/payroll.csv").hexdigest()
    assert file_record_id("hr/payroll.csv") == "f-" + digest[:32]
    assert opaque_source(f) == f"src-{digest[:16]}"
    assert opaque_source(f, "#L7") == f"src-{digest[:16]}#L7"
    assert "payroll" not in opaque_source(f, "#L7")


# --- expand_inputs ------------------------------------------------------------------------------------


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A small upload tree with hidden entries and symbolic links inside and outside it."""
    root = tmp_path / "up"
    for rel in ["b.txt", "a.jsonl", "sub/z.md", "sub/deep/c.txt", ".env", ".git/config", "sub/.hidden/x.txt"]:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(rel)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("s")
    (root / "link_out.txt").symlink_to(outside / "secret.txt")
    (root / "link_in.txt").symlink_to(root / "b.txt")
    (root / "dirlink").symlink_to(outside, target_is_directory=True)
    (root / "dirlink_in").symlink_to(root / "sub", target_is_directory=True)
    return root


def test_expand_directory_walks_sorted_skipping_hidden_and_outside_links(tree: Path) -> None:
    root = str(tree)
    assert expand_inputs([root]) == [
        InputFile(0, root, f"{root}/a.jsonl", "a.jsonl"),
        InputFile(0, root, f"{root}/b.txt", "b.txt"),
        InputFile(0, root, f"{root}/link_in.txt", "link_in.txt"),
        InputFile(0, root, f"{root}/sub/deep/c.txt", "sub/deep/c.txt"),
        InputFile(0, root, f"{root}/sub/z.md", "sub/z.md"),
    ]


def test_expand_single_file_uses_its_directory_and_base_name(tree: Path) -> None:
    assert expand_inputs([str(tree / "sub" / "z.md")]) == [
        InputFile(0, str(tree / "sub"), str(tree / "sub" / "z.md"), "z.md")
    ]


def test_expand_relative_paths_become_absolute(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tree)
    assert expand_inputs(["sub"]) == [
        InputFile(0, str(tree / "sub"), str(tree / "sub/deep/c.txt"), "deep/c.txt"),
        InputFile(0, str(tree / "sub"), str(tree / "sub/z.md"), "z.md"),
    ]


@pytest.mark.parametrize(
    "pattern, root_rel, relpaths",
    [
        ("**/*.txt", ".", ["b.txt", "link_in.txt", "sub/deep/c.txt"]),
        ("*.txt", ".", ["b.txt", "link_in.txt"]),
        ("sub/**/*.txt", "sub", ["deep/c.txt"]),
        ("s*/*", ".", ["sub/deep/c.txt", "sub/z.md"]),  # a matched directory is walked
        ("sub/deep/c.t?t", "sub/deep", ["c.txt"]),
        ("*.[jm]*", ".", ["a.jsonl"]),
    ],
)
def test_expand_glob_root_and_order(
    tree: Path, monkeypatch: pytest.MonkeyPatch, pattern: str, root_rel: str, relpaths: list[str]
) -> None:
    monkeypatch.chdir(tree)
    root = os.path.normpath(os.path.join(str(tree), root_rel))
    expected = [InputFile(0, root, os.path.join(root, r), r) for r in relpaths]
    assert expand_inputs([pattern]) == expected
    # Absolute patterns give the same files.
    assert expand_inputs([os.path.join(str(tree), pattern)]) == expected


def test_expand_orders_by_input_then_relpath_and_removes_duplicates(tree: Path) -> None:
    root = str(tree)
    result = expand_inputs([f"{root}/sub", root, f"{root}/b.txt", f"{root}/sub/**/*.txt"])
    assert [(f.root_index, f.relpath) for f in result] == [
        (0, "deep/c.txt"),
        (0, "z.md"),
        (1, "a.jsonl"),
        (1, "b.txt"),
        (1, "link_in.txt"),
    ]
    assert len({f.path for f in result}) == len(result)


@pytest.mark.parametrize("arg", ["missing.txt", "missing_dir/", "nothing/**/*.jsonl", "*.nomatch", ""])
def test_expand_missing_input_raises_with_the_argument(tree: Path, monkeypatch: pytest.MonkeyPatch, arg: str) -> None:
    monkeypatch.chdir(tree)
    with pytest.raises(InputError) as info:
        expand_inputs([str(tree), arg])
    assert str(info.value) == f"input not found: {arg}"


def test_expand_empty_directory_gives_no_files(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert expand_inputs([str(tmp_path / "empty")]) == []


def test_expand_broken_link_named_directly_is_not_found(tmp_path: Path) -> None:
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    with pytest.raises(InputError) as info:
        expand_inputs([str(tmp_path / "dangling.txt")])
    assert str(info.value) == f"input not found: {tmp_path / 'dangling.txt'}"


def test_expand_keeps_a_broken_link_inside_a_walked_root(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    root = str(tmp_path)
    assert expand_inputs([root]) == [
        InputFile(0, root, f"{root}/a.txt", "a.txt"),
        InputFile(0, root, f"{root}/dangling.txt", "dangling.txt"),  # read later as a READ_ERROR record
    ]


# --- quarantine rows and opening -----------------------------------------------------------------------


def test_quarantine_record_names_the_file_only_by_its_opaque_reference() -> None:
    f = InputFile(0, "/up", "/up/hr/staff.jsonl", "hr/staff.jsonl")
    digest = hashlib.sha256(b"hr/staff.jsonl").hexdigest()
    assert quarantine_record(f, QuarantineReason.TOO_LARGE, "LineTooLarge", suffix="#L4", sha="ab", size=9) == (
        QuarantineRecord(
            id="f-" + digest[:32] + "#L4",
            source=f"src-{digest[:16]}#L4",
            reason=QuarantineReason.TOO_LARGE,
            error_class="LineTooLarge",
            input_sha256="ab",
            size_bytes=9,
        )
    )
    # A record whose own id is known keeps it; the source stays the opaque reference.
    own = quarantine_record(f, QuarantineReason.INVALID_RECORD, "MissingText", suffix="#L2", record_id="r-17")
    assert (own.id, own.source, own.input_sha256, own.size_bytes) == ("r-17", f"src-{digest[:16]}#L2", "", 0)


def test_open_input_reads_plain_and_gzip_streams(tmp_path: Path) -> None:
    (tmp_path / "plain.txt").write_bytes(b"one\ntwo\n")
    (tmp_path / "packed.txt.gz").write_bytes(gzip.compress(b"one\ntwo\n", mtime=0))
    with open_input(str(tmp_path / "plain.txt"), False) as fh:
        assert fh.read() == b"one\ntwo\n"
    with open_input(str(tmp_path / "packed.txt.gz"), True) as fh:
        assert fh.read() == b"one\ntwo\n"
    with open_input(str(tmp_path / "plain.txt"), True) as fh, pytest.raises(DECOMPRESS_ERRORS) as info:
        fh.read()
    assert type(info.value).__name__ == "BadGzipFile"
    with pytest.raises(FileNotFoundError):
        open_input(str(tmp_path / "missing.txt"), False)
