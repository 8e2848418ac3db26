"""Unit tests for transforms.readers.formats.base: the failure guard and the text layout helpers."""

from __future__ import annotations

import pytest

from tests.transforms.readers.office import LIMITS
from transforms.config import LimitsConfig
from transforms.readers.errors import CorruptDocument, DocumentTooLarge
from transforms.readers.formats.base import guarded, join_blocks, natural_key, property_lines, section


def test_guarded_keeps_only_the_class_name_of_a_library_failure() -> None:
    @guarded
    def broken(data: bytes, limits: LimitsConfig) -> str:
        raise KeyError(data.decode())

    with pytest.raises(CorruptDocument) as info:
        broken(b"Ines Duarte", LIMITS)
    assert (info.value.error_class, info.value.args) == ("KeyError", ("KeyError",))
    assert info.value.__cause__ is None and info.value.__suppress_context__
    assert broken.__name__ == "broken"


@pytest.mark.parametrize("exc", [DocumentTooLarge("MemberTooLarge"), MemoryError()])
def test_guarded_lets_document_errors_and_memory_errors_through(exc: BaseException) -> None:
    @guarded
    def failing(data: bytes, limits: LimitsConfig) -> str:
        raise exc

    with pytest.raises(type(exc)) as info:
        failing(b"", LIMITS)
    assert info.value is exc


def test_layout_helpers() -> None:
    assert join_blocks("a", "", "b\nc", "") == "a\n\nb\nc"
    assert join_blocks() == ""
    assert section("Notes", ["one", "", "two"]) == "Notes:\none\ntwo"
    assert section("Notes", ["", ""]) == ""
    assert property_lines([("Title", " Plan "), ("Empty", "  "), ("Count", 3), ("None", None), ("By", "Ines")]) == (
        "Title: Plan\nBy: Ines"
    )


def test_natural_key_orders_numbers_by_value() -> None:
    names = ["/word/header10.xml", "/word/header2.xml", "/word/footer1.xml", "/word/header1.xml"]
    assert sorted(names, key=natural_key) == [
        "/word/footer1.xml",
        "/word/header1.xml",
        "/word/header2.xml",
        "/word/header10.xml",
    ]
