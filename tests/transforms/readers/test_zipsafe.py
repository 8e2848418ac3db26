"""Unit tests for transforms.readers.zipsafe: zip containers opened within the archive limits."""

from __future__ import annotations

import zipfile

import pytest

from tests.transforms.readers.helpers import LIMITS, make_zip
from tests.transforms.readers.office import fixture
from transforms.config import LimitsConfig
from transforms.readers.errors import CorruptDocument, DocumentTooLarge, UnsupportedDocument
from transforms.readers.zipsafe import ARCHIVE_RATIO_MIN_BYTES, archive_members, check_archive, open_zip, read_member

SMALL = [(f"m{i}.txt", b"x" * 10) for i in range(4)]


@pytest.mark.parametrize(
    "members, limits, code",
    [
        (SMALL, LimitsConfig(max_archive_members=3), "TooManyMembers"),
        (SMALL, LimitsConfig(max_archive_member_bytes=9), "MemberTooLarge"),
        (SMALL, LimitsConfig(max_archive_total_bytes=39), "ArchiveTooLarge"),
        ([("bomb.txt", b"0" * (2 << 20))], LIMITS, "CompressionRatioTooHigh"),
    ],
)
def test_archive_limits_reject_the_whole_archive(members: list, limits: LimitsConfig, code: str) -> None:
    with pytest.raises(DocumentTooLarge) as info:
        archive_members(make_zip(members), limits)
    assert info.value.error_class == code


def test_archive_limits_are_inclusive_and_ratio_spares_small_members() -> None:
    limits = LimitsConfig(max_archive_members=4, max_archive_member_bytes=10, max_archive_total_bytes=40)
    zf, members = archive_members(make_zip(SMALL), limits)
    assert [(m.name, m.file_size, m.encrypted) for m in members] == [(f"m{i}.txt", 10, False) for i in range(4)]
    assert [read_member(zf, m, limits) for m in members] == [b"x" * 10] * 4
    zf, members = archive_members(make_zip([("zeros.txt", b"0" * (1 << 20))]), LIMITS)  # ratio ~1000, 1 MiB
    assert read_member(zf, members[0], LIMITS) == b"0" * (1 << 20)


def test_committed_bomb_and_member_flood_fixtures() -> None:
    for name, code in (("bomb.zip", "CompressionRatioTooHigh"), ("many-members.zip", "TooManyMembers")):
        with pytest.raises(DocumentTooLarge) as info:
            archive_members(fixture(name), LimitsConfig(max_archive_members=100))
        assert info.value.error_class == code


def test_archive_members_skip_directories_and_hidden_entries_and_flag_encryption() -> None:
    zf, members = archive_members(fixture("bundle.zip"), LIMITS)
    assert [(m.name, m.encrypted) for m in members] == [
        ("bundle/review.docx", False),
        ("bundle/reference.pdf", False),
        ("bundle/team.html", False),
        ("bundle/minutes.txt", False),
        ("bundle/rows.jsonl", False),
        ("bundle/inner.zip", False),
        ("bundle/locked.txt", True),
    ]
    with pytest.raises(UnsupportedDocument) as info:
        read_member(zf, members[-1], LIMITS)
    assert info.value.error_class == "EncryptedMember"


def test_damaged_member_is_corrupt() -> None:
    data = bytearray(make_zip([("a.txt", b"hello world " * 50)]))
    data[40:44] = b"\x00\x00\x00\x00"  # inside the deflated data of the only member
    zf, members = archive_members(bytes(data), LIMITS)
    with pytest.raises(CorruptDocument) as info:
        read_member(zf, members[0], LIMITS)
    assert info.value.error_class in ("BadZipFile", "error")  # CRC mismatch, or zlib.error on the stream


def test_not_a_zip_is_corrupt() -> None:
    with pytest.raises(CorruptDocument) as info:
        archive_members(b"PK\x03\x04 not really", LIMITS)
    assert info.value.error_class == "BadZipFile"


def test_check_archive_lists_every_entry_hidden_ones_included() -> None:
    data = make_zip([("a.txt", b"1"), (".hidden", b"2"), ("__MACOSX/a.txt", b"3"), ("d/", b"")])
    with open_zip(data) as zf:
        assert [i.filename for i in check_archive(zf, LIMITS)] == ["a.txt", ".hidden", "__MACOSX/a.txt", "d/"]
    assert [m.name for m in archive_members(data, LIMITS)[1]] == ["a.txt"]


def test_ratio_is_checked_only_past_the_size_threshold() -> None:
    just_over = make_zip([("z.txt", b"0" * (ARCHIVE_RATIO_MIN_BYTES + 1))])
    with pytest.raises(DocumentTooLarge) as info:
        archive_members(just_over, LIMITS)
    assert info.value.error_class == "CompressionRatioTooHigh"
    zf, members = archive_members(make_zip([("z.txt", b"0" * ARCHIVE_RATIO_MIN_BYTES)]), LIMITS)
    assert [m.file_size for m in members] == [ARCHIVE_RATIO_MIN_BYTES]
    zf.close()


def test_stored_members_read_back_exactly() -> None:
    zf, members = archive_members(make_zip([("s.bin", bytes(range(256)))], zipfile.ZIP_STORED), LIMITS)
    assert [(m.file_size, m.compress_size) for m in members] == [(256, 256)]
    assert read_member(zf, members[0], LIMITS) == bytes(range(256))


def _unflagged(names: list[tuple[str, bytes]]) -> bytes:
    """A zip whose member names are the given raw bytes, stored without the UTF-8 flag."""
    placeholders = [(f"p{i}_".ljust(len(raw), "x"), raw) for i, (_, raw) in enumerate(names)]
    data = make_zip([(p, f"body {i}".encode()) for i, (p, _) in enumerate(placeholders)])
    for placeholder, raw in placeholders:
        assert data.count(placeholder.encode()) == 2  # local header and central directory
        data = data.replace(placeholder.encode(), raw)
    return data


def test_a_utf8_name_without_the_utf8_flag_is_read_as_utf8() -> None:
    data = _unflagged([("utf8", "Jürgen_Vëx_CV.txt".encode()), ("cp437", "café.txt".encode("cp437"))])
    zf, members = archive_members(data, LIMITS)
    assert [i.flag_bits & 0x800 for i in zf.infolist()] == [0, 0]
    assert [m.name for m in members] == ["Jürgen_Vëx_CV.txt", "café.txt"]  # not J├╝rgen_V├½x_CV.txt
    assert [read_member(zf, m, LIMITS) for m in members] == [b"body 0", b"body 1"]
    flagged, flagged_members = archive_members(make_zip([("Zoë.txt", b"z")]), LIMITS)
    assert [m.name for m in flagged_members] == ["Zoë.txt"] and flagged.infolist()[0].flag_bits & 0x800
