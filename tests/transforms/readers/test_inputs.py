"""Unit tests for transforms.readers.inputs: ids, opaque references, input expansion, quarantine rows, opening."""

from __future__ import annotations

import gzip
import hashlib
import hmac
import os
from dataclasses import replace
from pathlib import Path

import pytest

from tests.objectstore import S3
from transforms.output.keyed import StateKeyError, StateKeyRef, state_key_id
from transforms.readers.archives import member_file
from transforms.readers.inputs import (
    DECOMPRESS_ERRORS,
    InputError,
    InputFile,
    absolute_inputs,
    expand_inputs,
    file_record_id,
    number_inputs,
    opaque_source,
    open_input,
    position_id,
    quarantine_record,
    root_names,
    stored_size,
)
from transforms.records import QuarantineReason, QuarantineRecord

# --- identifiers --------------------------------------------------------------------------------------

KEY = "state-key-for-input-id-tests-01"
REF = StateKeyRef("SCRUBLINE_TEST_IDS_KEY", state_key_id(KEY.encode()) or "")


@pytest.fixture
def keyed(monkeypatch: pytest.MonkeyPatch) -> StateKeyRef:
    """The state key in the environment variable ``REF`` names, as a worker reads it."""
    monkeypatch.setenv(REF.env, KEY)
    return REF


def _hmac(kind: str, namespace: str, relpath: str, member: str = "") -> str:
    """HMAC-SHA256 under the key's ``derived-id`` subkey of the length-prefixed parts, computed here."""
    subkey = hmac.new(KEY.encode(), b"scrubline-state\x00derived-id", hashlib.sha256).digest()
    parts = [p.encode() for p in (kind, namespace, relpath, member)]
    return hmac.new(subkey, b"".join(len(p).to_bytes(8, "big") + p for p in parts), hashlib.sha256).hexdigest()


def _old_digest(kind: str, root: str, relpath: str, member: str = "") -> str:
    """The unkeyed sha256 that derived ids were before they were keyed: anyone could compute it."""
    parts = [p.encode() for p in (kind, root, relpath, member)]
    return hashlib.sha256(b"scrubline-derived-id" + b"".join(len(p).to_bytes(8, "big") + p for p in parts)).hexdigest()


def test_keyed_ids_are_an_hmac_of_the_root_name_and_path(keyed: StateKeyRef, monkeypatch: pytest.MonkeyPatch) -> None:
    f = InputFile(3, "/data", "/data/hr/payroll.csv", "hr/payroll.csv", namespace="data", ordinal=4, state_key=keyed)
    assert file_record_id(f) == "~f-" + _hmac("f", "data", "hr/payroll.csv")[:32]
    assert position_id(f, "#L7") == "~r-" + _hmac("r", "data", "hr/payroll.csv")[:32] + "#L7"
    assert opaque_source(f) == "src-" + _hmac("src", "data", "hr/payroll.csv")[:16]
    assert opaque_source(f, "#L7") == opaque_source(f) + "#L7"
    old = {_old_digest(k, "/data", "hr/payroll.csv")[:n] for k, n in (("f", 32), ("r", 32), ("src", 16))}
    assert not any(o in file_record_id(f) + position_id(f, "#L7") + opaque_source(f) for o in old)
    # Another key, other ids: a run keyed under one key cannot be matched by id under another.
    monkeypatch.setenv("SCRUBLINE_TEST_OTHER_KEY", "another-state-key-for-id-tests")
    other = StateKeyRef("SCRUBLINE_TEST_OTHER_KEY", state_key_id(b"another-state-key-for-id-tests") or "")
    assert file_record_id(replace(f, state_key=other)) != file_record_id(f)


def test_without_a_key_ids_are_ordinals_in_the_listing() -> None:
    f = InputFile(3, "/data", "/data/hr/payroll.csv", "hr/payroll.csv", namespace="data", ordinal=41)
    assert (file_record_id(f), position_id(f, "#L7"), opaque_source(f, "#L7")) == (
        "~f-000041",
        "~r-000041#L7",
        "src-000041#L7",
    )
    m = member_file(f, "Ada Lovelace.txt", 3)
    assert (file_record_id(m), position_id(m, "#L2"), opaque_source(m)) == (
        "~m-000041.3",
        "~r-000041.3#L2",
        "src-000041.3",
    )
    assert file_record_id(replace(f, ordinal=1234567)) == "~f-1234567"


def test_a_worker_without_the_key_fails_rather_than_deriving_other_ids(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(REF.env, raising=False)
    with pytest.raises(StateKeyError):
        file_record_id(
            InputFile(0, "/up", "/up/a.txt", "a.txt", namespace="up", state_key=StateKeyRef(REF.env, "0" * 16))
        )


def test_keyed_ids_are_namespaced_by_root_and_kind_not_by_location_or_index(keyed: StateKeyRef) -> None:
    a = InputFile(0, "/up/a", "/up/a/notes.txt", "notes.txt", namespace="a", state_key=keyed)
    b = InputFile(1, "/up/b", "/up/b/notes.txt", "notes.txt", namespace="b", state_key=keyed)
    assert file_record_id(a) != file_record_id(b) and opaque_source(a) != opaque_source(b)
    moved = InputFile(
        5, "s3://bucket/a", "s3://bucket/a/notes.txt", "notes.txt", namespace="a", ordinal=9, state_key=keyed
    )
    assert (file_record_id(moved), opaque_source(moved)) == (file_record_id(a), opaque_source(a))
    # A file literally named like a member, and the member itself: different kinds, different ids.
    zipped = member_file(InputFile(0, "/up/a", "/up/a/x.zip", "x.zip", namespace="a", state_key=keyed), "notes.txt", 1)
    named = InputFile(0, "/up/a", "/up/a/x.zip!notes.txt", "x.zip!notes.txt", namespace="a", state_key=keyed)
    assert zipped.relpath == named.relpath
    assert file_record_id(zipped) == "~m-" + _hmac("m", "a", "x.zip!notes.txt", "notes.txt")[:32]
    assert file_record_id(named).startswith("~f-") and file_record_id(zipped) != file_record_id(named)


@pytest.mark.parametrize(
    "roots, names",
    [
        (["/data/uploads"], ["uploads"]),
        (["/data/team_a", "/data/team_b"], ["team_a", "team_b"]),
        (["s3://in/uploads", "/data/notes"], ["uploads", "notes"]),
        (["s3://bucket"], ["bucket"]),
        # Two roots of one name are told apart by where they are; a third keeps its name.
        (["/a/data", "/b/data", "/c/other"], ["/a/data", "/b/data", "other"]),
        (["/mnt/x/data", "s3://in/data"], ["/mnt/x/data", "s3://in/data"]),
        (["/"], ["/"]),
    ],
)
def test_root_names(roots: list[str], names: list[str]) -> None:
    assert root_names(roots) == dict(zip(roots, names, strict=True))
    assert root_names(reversed(roots)) == root_names(roots)


def test_number_inputs_sorts_by_root_name_and_path_whatever_the_order_given() -> None:
    files = [
        InputFile(0, "/z/alpha", "/z/alpha/b.txt", "b.txt"),
        InputFile(1, "/a/beta", "/a/beta/a.txt", "a.txt"),
        InputFile(2, "/z/alpha", "/z/alpha/a.txt", "a.txt"),
    ]
    expected = [("alpha", "a.txt", 0), ("alpha", "b.txt", 1), ("beta", "a.txt", 2)]
    for order in (files, files[::-1], [files[1], files[0], files[2]]):
        assert [(f.namespace, f.relpath, f.ordinal) for f in number_inputs(order)] == expected


def _numbered(name: str, files: list[InputFile]) -> list[InputFile]:
    """``files`` (already in listing order, under one root named ``name``) as the listing numbers them."""
    return [replace(f, namespace=name, ordinal=i) for i, f in enumerate(files)]


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
    assert expand_inputs([root]) == _numbered(
        "up",
        [
            InputFile(0, root, f"{root}/a.jsonl", "a.jsonl"),
            InputFile(0, root, f"{root}/b.txt", "b.txt"),
            InputFile(0, root, f"{root}/link_in.txt", "link_in.txt"),
            InputFile(0, root, f"{root}/sub/deep/c.txt", "sub/deep/c.txt"),
            InputFile(0, root, f"{root}/sub/z.md", "sub/z.md"),
        ],
    )


def test_expand_single_file_uses_its_directory_and_base_name(tree: Path) -> None:
    assert expand_inputs([str(tree / "sub" / "z.md")]) == [
        InputFile(0, str(tree / "sub"), str(tree / "sub" / "z.md"), "z.md", namespace="sub")
    ]


def test_expand_relative_paths_become_absolute(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tree)
    assert expand_inputs(["sub"]) == _numbered(
        "sub",
        [
            InputFile(0, str(tree / "sub"), str(tree / "sub/deep/c.txt"), "deep/c.txt"),
            InputFile(0, str(tree / "sub"), str(tree / "sub/z.md"), "z.md"),
        ],
    )


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
    expected = _numbered(os.path.basename(root), [InputFile(0, root, os.path.join(root, r), r) for r in relpaths])
    assert expand_inputs([pattern]) == expected
    # Absolute patterns give the same files.
    assert expand_inputs([os.path.join(str(tree), pattern)]) == expected


@pytest.mark.parametrize("args", [["sub"], ["**/*.txt"], ["sub/", "b.txt"], ["s*/*"], ["sub/deep/c.t?t", "."]])
def test_absolute_inputs_list_what_the_arguments_list_from_anywhere(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    monkeypatch.chdir(tree)
    absolute = absolute_inputs(args)
    listed = expand_inputs(args)
    assert all(os.path.isabs(a) for a in absolute) and listed
    monkeypatch.chdir(tmp_path)  # a worker's working folder is not the launcher's
    assert expand_inputs(absolute) == listed


def test_absolute_inputs_keep_object_store_locations_and_refuse_ambiguous_patterns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert absolute_inputs(["s3://b/up/", "s3://b/x/*.jsonl", "/abs/p"]) == ("s3://b/up/", "s3://b/x/*.jsonl", "/abs/p")
    odd = tmp_path / "run[1]"
    (odd / "in").mkdir(parents=True)
    monkeypatch.chdir(odd)
    assert absolute_inputs(["in"]) == (str(odd / "in"),)  # an existing path is a path, never a pattern
    with pytest.raises(InputError) as info:
        absolute_inputs(["*.txt"])
    assert str(info.value) == "give this pattern as an absolute path (the working folder holds *, ? or [): *.txt"


def test_expand_lists_each_file_once_under_its_outermost_root_whatever_the_order(tree: Path) -> None:
    root = str(tree)
    args = [f"{root}/sub", root, f"{root}/b.txt", f"{root}/sub/**/*.txt"]
    result = expand_inputs(args)
    assert [(f.root, f.relpath) for f in result] == [
        (root, "a.jsonl"),
        (root, "b.txt"),
        (root, "link_in.txt"),
        (root, "sub/deep/c.txt"),
        (root, "sub/z.md"),
    ]
    assert all(f.path == os.path.join(f.root, f.relpath) for f in result)
    for order in (args[::-1], args[1:] + args[:1], [args[3], args[0], args[2], args[1]]):
        assert [(f.root, f.path, f.relpath) for f in expand_inputs(order)] == [
            (f.root, f.path, f.relpath) for f in result
        ]


def test_expand_keeps_nested_roots_apart_only_when_no_outer_root_is_given(tree: Path) -> None:
    root = str(tree)
    inner = expand_inputs([f"{root}/sub", f"{root}/b.txt"])
    assert [(f.root, f.relpath, f.namespace, f.ordinal) for f in inner] == [
        (f"{root}/sub", "deep/c.txt", "sub", 0),
        (f"{root}/sub", "z.md", "sub", 1),
        (root, "b.txt", "up", 2),
    ]


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
    assert expand_inputs([root]) == _numbered(
        tmp_path.name,
        [
            InputFile(0, root, f"{root}/a.txt", "a.txt"),
            InputFile(0, root, f"{root}/dangling.txt", "dangling.txt"),  # read later as a READ_ERROR record
        ],
    )


# --- expand_inputs on an object store (an S3 API on localhost) ----------------------------------------


@pytest.fixture
def bucket(s3: S3) -> str:
    """``s3://<bucket>/up`` holding files, hidden ones, a folder marker and a sibling prefix."""
    base = f"s3://{s3.buckets['in']}/up"
    for key in ["b.txt", "a.jsonl", "sub/z.md", "sub/deep/c.txt", ".env", ".git/config", "sub/.hidden/x.txt"]:
        s3.put(f"{base}/{key}", key.encode())
    s3.put(f"{base}/sub/", b"")  # a folder marker
    s3.put(f"{base}-not-under/n.txt", b"n")
    return base


def test_expand_object_store_folder_lists_every_object_under_it_skipping_hidden(bucket: str) -> None:
    assert (
        expand_inputs([bucket])
        == expand_inputs([bucket + "/"])
        == _numbered(
            "up",
            [
                InputFile(0, bucket, f"{bucket}/a.jsonl", "a.jsonl"),
                InputFile(0, bucket, f"{bucket}/b.txt", "b.txt"),
                InputFile(0, bucket, f"{bucket}/sub/deep/c.txt", "sub/deep/c.txt"),
                InputFile(0, bucket, f"{bucket}/sub/z.md", "sub/z.md"),
            ],
        )
    )


def test_expand_object_store_object_uses_its_folder_and_name(bucket: str) -> None:
    assert expand_inputs([f"{bucket}/sub/z.md"]) == [
        InputFile(0, f"{bucket}/sub", f"{bucket}/sub/z.md", "z.md", namespace="sub")
    ]


@pytest.mark.parametrize(
    "pattern, root, relpaths",
    [
        ("*.jsonl", "", ["a.jsonl"]),
        ("s*", "", ["sub/deep/c.txt", "sub/z.md"]),  # a matched folder is walked
        ("**.txt", "", ["b.txt", "sub/deep/c.txt"]),
        ("sub/*/c.txt", "/sub", ["deep/c.txt"]),  # the root: the longest prefix without a pattern character
    ],
)
def test_expand_object_store_pattern(bucket: str, pattern: str, root: str, relpaths: list[str]) -> None:
    result = expand_inputs([f"{bucket}/{pattern}"])
    assert [(f.root, f.relpath) for f in result] == [(bucket + root, r) for r in relpaths]


@pytest.mark.parametrize("arg", ["{b}/missing.txt", "{b}/missing/", "{b}/*.nomatch", "{b}-missing"])
def test_expand_object_store_missing_input_raises_with_the_argument(bucket: str, arg: str) -> None:
    with pytest.raises(InputError) as info:
        expand_inputs([arg.format(b=bucket)])
    assert str(info.value) == f"input not found: {arg.format(b=bucket)}"


def test_open_input_from_an_object_store(s3: S3) -> None:
    location = f"s3://{s3.buckets['in']}/packed.txt.gz"
    packed = gzip.compress(b"one\ntwo\n", mtime=0)
    s3.put(location, packed)
    with open_input(location, True) as fh:
        assert stored_size(fh) == len(packed)
        assert fh.read() == b"one\ntwo\n"


# --- quarantine rows and opening -----------------------------------------------------------------------


def test_quarantine_record_names_the_file_only_by_its_opaque_reference() -> None:
    f = InputFile(0, "/up", "/up/hr/staff.jsonl", "hr/staff.jsonl")
    assert quarantine_record(f, QuarantineReason.TOO_LARGE, "LineTooLarge", suffix="#L4", sha="ab", size=9) == (
        QuarantineRecord(
            id=position_id(f, "#L4"),
            source=opaque_source(f, "#L4"),
            reason=QuarantineReason.TOO_LARGE,
            error_class="LineTooLarge",
            input_sha256="ab",
            size_bytes=9,
        )
    )
    # A record whose own id is known keeps it; the source stays the opaque reference.
    own = quarantine_record(f, QuarantineReason.INVALID_RECORD, "MissingText", suffix="#L2", record_id="r-17")
    assert (own.id, own.source, own.input_sha256, own.size_bytes) == ("r-17", opaque_source(f, "#L2"), "", 0)
    # The file as a whole (no position) carries the file's id.
    assert quarantine_record(f, QuarantineReason.READ_ERROR, "PermissionError").id == file_record_id(f)


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


def test_stored_size_is_the_size_before_decompression(tmp_path: Path) -> None:
    packed = gzip.compress(b"x" * 1000, mtime=0)
    (tmp_path / "p.gz").write_bytes(packed)
    with open_input(str(tmp_path / "p.gz"), True) as fh:
        assert stored_size(fh) == len(packed)
        assert fh.read() == b"x" * 1000
