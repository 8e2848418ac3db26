"""transforms.storage: locations checked before a run, bytes read once and digested, files listed, renamed
and deleted, on local paths and on an S3 API on localhost (moto) through Beam's S3 file system."""

from __future__ import annotations

import hashlib
import io
import itertools
from pathlib import Path

import pytest

from tests.objectstore import S3
from transforms import storage
from transforms.storage import ReadOnce, StorageError, check_location

# --- check_location -----------------------------------------------------------------------------------


@pytest.mark.parametrize("location", ["uploads", "/data/in", "./s3", "s3://bucket/x", "s3://bucket"])
def test_local_paths_and_reachable_schemes_pass(location: str) -> None:
    check_location(location, "--input")


@pytest.mark.parametrize(
    "location, message",
    [
        (
            "s4://bucket/x",
            "--output: unsupported storage scheme s4:// (use a local path or gs://, s3://, azfs://, hdfs://)",
        ),
        (
            "gcs://bucket/x",
            "--output: unsupported storage scheme gcs:// (use a local path or gs://, s3://, azfs://, hdfs://)",
        ),
        (
            "S3://bucket/x",
            "--output: unsupported storage scheme S3:// (use a local path or gs://, s3://, azfs://, hdfs://)",
        ),
        ("s3:/bucket/x", "--output looks like a URL with a slash missing (write scheme://bucket/path)"),
        (
            "s3://bucket/run*",
            "--output: an object-store location cannot hold *, ? or [ (they would be read as a pattern)",
        ),
    ],
)
def test_unsupported_and_malformed_locations_are_refused(location: str, message: str) -> None:
    with pytest.raises(StorageError) as info:
        check_location(location, "--output")
    assert str(info.value) == message


def test_a_pattern_is_allowed_where_asked_for() -> None:
    check_location("s3://bucket/in/*.jsonl", "--input", pattern=True)


def test_a_known_scheme_without_its_client_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(storage.SCHEMES, "gs", storage.Scheme("gs", "Google Cloud Storage", "no_such_module.x", "gcp"))
    with pytest.raises(StorageError) as info:
        check_location("gs://bucket/x", "--input")
    assert str(info.value) == (
        "--input: gs:// needs Google Cloud Storage support, which is not installed: "
        "pip install 'scrubline[gcp]' (Beam's apache-beam[gcp] extra)"
    )


@pytest.mark.parametrize(
    "location, expected",
    [("s3://b/k", True), ("s3://b/k/", True), ("s3://b/", False), ("s3://b", False), ("gs://b/a/b", True)],
)
def test_has_key(location: str, expected: bool) -> None:
    assert storage.has_key(location) is expected


# --- local files --------------------------------------------------------------------------------------


def test_local_create_rename_read_and_delete(tmp_path: Path) -> None:
    tmp, final = str(tmp_path / "a" / "b" / ".x.tmp"), str(tmp_path / "a" / "b" / "x")
    with storage.create(tmp) as fh:
        fh.write(b"payload")
    storage.rename(tmp, final)
    assert storage.read_text(final) == "payload"
    assert storage.size(final) == 7 and storage.exists(final) and not storage.exists(tmp)
    storage.delete([str(tmp_path / "a")])
    assert list(tmp_path.iterdir()) == []


def test_local_delete_takes_names_literally(tmp_path: Path) -> None:
    """Beam's local file system would read ``run[1]`` as a pattern (matching ``run1``)."""
    (tmp_path / "run[1]").mkdir()
    (tmp_path / "run[1]" / "f").write_text("x")
    (tmp_path / "run1").write_text("keep")
    storage.delete([str(tmp_path / "run[1]")])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["run1"]


def digest(data: bytes) -> tuple[int, str]:
    return len(data), hashlib.sha256(data).hexdigest()


DATA = bytes(range(256)) * 4096  # 1 MiB, more than one buffer


def test_read_once_digests_what_the_reader_reads_in_order(tmp_path: Path) -> None:
    path = str(tmp_path / "f.bin")
    (tmp_path / "f.bin").write_bytes(DATA)
    once = ReadOnce(path, hashlib.sha256())
    with once.open(path) as fh:
        assert fh.read() == DATA
    assert once.finish() == digest(DATA)


@pytest.mark.parametrize("read", [0, 10, 300_000], ids=["nothing", "a little", "a part"])
def test_read_once_finishes_what_the_reader_left(tmp_path: Path, read: int) -> None:
    path = str(tmp_path / "f.bin")
    (tmp_path / "f.bin").write_bytes(DATA)
    once = ReadOnce(path)
    with once.open(path) as fh:
        assert fh.read(read) == DATA[:read]
    assert once.finish() == digest(DATA)


def test_read_once_after_random_access(tmp_path: Path) -> None:
    """As a Parquet reader does: the end first, then the middle."""
    path = str(tmp_path / "f.bin")
    (tmp_path / "f.bin").write_bytes(DATA)
    once = ReadOnce(path)
    with once.open(path) as fh:
        fh.seek(-8, io.SEEK_END)
        assert fh.read() == DATA[-8:]
        fh.seek(1000)
        assert fh.read(5) == DATA[1000:1005]
    assert once.finish() == digest(DATA)


def test_read_once_of_a_file_the_reader_never_opened(tmp_path: Path) -> None:
    (tmp_path / "f.bin").write_bytes(b"abc")
    assert ReadOnce(str(tmp_path / "f.bin")).finish() == digest(b"abc")


def test_read_once_of_a_missing_file_is_none(tmp_path: Path) -> None:
    path = str(tmp_path / "missing")
    once = ReadOnce(path)
    with pytest.raises(FileNotFoundError):
        once.open(path)
    assert once.finish() is None


def test_a_second_open_is_not_digested(tmp_path: Path) -> None:
    path = str(tmp_path / "f.bin")
    (tmp_path / "f.bin").write_bytes(b"abcdef")
    once = ReadOnce(path)
    with once.open(path) as first, once.open(path) as second:
        assert second.read() == b"abcdef"
        assert first.read(2) == b"ab"
    assert once.finish() == digest(b"abcdef")


# --- an S3 API on localhost -----------------------------------------------------------------------------


def test_s3_create_rename_read_list_and_delete(s3: S3) -> None:
    base = f"s3://{s3.buckets['out']}/run"
    with storage.create(f"{base}/records/.p.tmp") as fh:
        fh.write(b"shard")
    storage.rename(f"{base}/records/.p.tmp", f"{base}/records/p")
    s3.put(f"{base}/records/marker/", b"")  # a folder marker some tools write
    s3.put(f"{base}-sibling/x", b"not under the folder")
    assert storage.read_text(f"{base}/records/p") == "shard"
    assert storage.list_tree(base) == [(f"{base}/records/p", 5)]
    assert storage.exists(f"{base}/records/p") and not storage.exists(f"{base}/records")
    assert storage.size(f"{base}/records/p") == 5
    assert storage.exists(f"s3://{s3.buckets['out']}") is False  # a bucket is no object (and no retries)
    storage.delete([f"{base}/records/p"])
    assert sorted(s3.objects(f"s3://{s3.buckets['out']}")) == ["run-sibling/x", "run/records/marker/"]


def test_s3_match_follows_beams_pattern_rules(s3: S3) -> None:
    base = f"s3://{s3.buckets['in']}/up"
    for key in ("a.jsonl", "b.txt", "sub/c.jsonl"):
        s3.put(f"{base}/{key}", b"x")
    assert [p for p, _ in storage.match(f"{base}/*.jsonl")] == [f"{base}/a.jsonl"]
    assert [p for p, _ in storage.match(f"{base}/**.jsonl")] == [f"{base}/a.jsonl", f"{base}/sub/c.jsonl"]


def test_s3_read_once(s3: S3) -> None:
    location = f"s3://{s3.buckets['in']}/f.bin"
    s3.put(location, DATA)
    once = ReadOnce(location)
    with once.open(location) as fh:
        fh.seek(-8, io.SEEK_END)
        assert fh.read() == DATA[-8:]
    assert once.finish() == digest(DATA)
    missing = ReadOnce(f"s3://{s3.buckets['in']}/missing")
    with pytest.raises(FileNotFoundError):
        missing.open(f"s3://{s3.buckets['in']}/missing")
    assert missing.finish() is None


# --- ReadRanges: byte ranges digested while a reader skips around ----------------------------------------


def _counting_open(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Patch ``storage.open_read`` so every byte read from a stored file is counted (one entry per read)."""
    counted: list[int] = []
    real = storage.open_read

    class Counting(io.RawIOBase):
        def __init__(self, source: io.BufferedIOBase) -> None:
            self._source = source

        def readable(self) -> bool:
            return True

        def seekable(self) -> bool:
            return True

        def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
            return self._source.seek(offset, whence)

        def tell(self) -> int:
            return self._source.tell()

        def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
            data = self._source.read(len(buffer))
            buffer[: len(data)] = data
            counted.append(len(data))
            return len(data)

        def close(self) -> None:
            self._source.close()
            super().close()

    monkeypatch.setattr(storage, "open_read", lambda location: Counting(real(location)))
    return counted


def test_read_ranges_digests_every_range_reading_each_byte_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = str(tmp_path / "f.bin")
    (tmp_path / "f.bin").write_bytes(DATA)
    counted = _counting_open(monkeypatch)
    cuts = [100, 5000, 5000, 300_000, 700_000]  # an empty range too
    ranges = storage.ReadRanges(path, cuts)
    with ranges.open(path) as fh:
        fh.seek(-8, io.SEEK_END)
        assert fh.read() == DATA[-8:]  # outside the ranges: passed through
        fh.seek(200_000)
        assert fh.read(1000) == DATA[200_000:201_000]  # ahead: [100, 200000) read once for the digest first
        fh.seek(6000)
        assert fh.read(10) == DATA[6000:6010]  # behind: read again, not digested again
    assert ranges.finish() == [hashlib.sha256(DATA[a:b]).hexdigest() for a, b in itertools.pairwise(cuts)]
    assert sum(counted) == (700_000 - 100) + 8 + 10


def test_read_ranges_of_a_file_shorter_than_its_ranges_is_none(tmp_path: Path) -> None:
    (tmp_path / "f.bin").write_bytes(b"abcdef")
    assert storage.ReadRanges(str(tmp_path / "f.bin"), [0, 2, 6]).finish() == [sha(b"ab"), sha(b"cdef")]
    assert storage.ReadRanges(str(tmp_path / "f.bin"), [0, 2, 7]).finish() is None
    assert storage.ReadRanges(str(tmp_path / "missing"), [0, 2]).finish() is None


def test_digest_ranges_of_an_open_stream() -> None:
    stream = io.BytesIO(b"PAR1-body-footer")
    assert storage.digest_ranges(stream, [0, 4]) == [sha(b"PAR1")]
    assert storage.digest_ranges(stream, [10, 16]) == [sha(b"footer")]
    assert storage.digest_ranges(stream, [10, 17]) is None


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
