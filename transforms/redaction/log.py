"""``RedactionLog``: a record's redactions as parallel arrays instead of one object per redaction.

A 50 MB document can carry a million redactions. As ``Redaction`` objects they take about 230 bytes
each, and every copy Beam makes between steps (pickled, then unpickled) pays that again; here they
take 52 bytes each (four int64 offsets, a float64 score and three indexes into a table of the few
distinct entity type, detector and operator names), pickle as a few byte strings, and become an
Arrow column without a Python object per redaction.

A log reads as an immutable sequence of ``Redaction``, in the order they were appended, and compares
equal to any tuple or list of equal ``Redaction``s.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, overload

import pyarrow as pa

from transforms.records import Redaction

__all__ = ["RedactionLog", "RedactionLogBuilder"]

# Column typecodes in ``Redaction`` field order; names are stored as indexes into the name table.
_FIELDS = ("entity_type", "start", "end", "out_start", "out_end", "detector", "score", "operator")
_NAME_FIELDS = frozenset({"entity_type", "detector", "operator"})
_TYPECODES = tuple("I" if f in _NAME_FIELDS else "d" if f == "score" else "q" for f in _FIELDS)
_ARROW_TYPES = {"I": pa.uint32(), "q": pa.int64(), "d": pa.float64()}
if array("I").itemsize != 4 or array("q").itemsize != 8 or array("d").itemsize != 8:  # pragma: no cover
    raise ImportError("RedactionLog needs 4-byte 'I' and 8-byte 'q'/'d' arrays")


# Logs at least this long are pickled compressed: they cross several Beam steps.
_PACK_ROWS = 4096


def _new_columns() -> list[array]:
    return [array(code) for code in _TYPECODES]


class RedactionLogBuilder:
    """Collects redactions one at a time; ``build()`` hands them over as a ``RedactionLog``."""

    __slots__ = ("_codes", "_columns")

    def __init__(self) -> None:
        self._codes: dict[str, int] = {}
        self._columns = _new_columns()

    def _code(self, name: str) -> int:
        code = self._codes.get(name)
        if code is None:
            code = self._codes[name] = len(self._codes)
        return code

    def append(
        self,
        entity_type: str,
        start: int,
        end: int,
        out_start: int,
        out_end: int,
        detector: str,
        score: float,
        operator: str,
    ) -> None:
        """Add one redaction (the fields of ``Redaction``, in its order)."""
        c = self._columns
        c[0].append(self._code(entity_type))
        c[1].append(start)
        c[2].append(end)
        c[3].append(out_start)
        c[4].append(out_end)
        c[5].append(self._code(detector))
        c[6].append(score)
        c[7].append(self._code(operator))

    def build(self) -> RedactionLog:
        """Everything appended so far, as a log; the builder starts empty again."""
        log = RedactionLog._from_columns(tuple(self._codes), self._columns)
        self._codes = {}
        self._columns = _new_columns()
        return log


class RedactionLog(Sequence[Redaction]):
    """An immutable sequence of ``Redaction``, stored as parallel arrays (see the module docstring)."""

    __slots__ = ("_columns", "_names")

    _names: tuple[str, ...]
    _columns: tuple[array, ...]

    def __init__(self, redactions: Iterable[Redaction] = ()) -> None:
        builder = RedactionLogBuilder()
        for r in redactions:
            builder.append(r.entity_type, r.start, r.end, r.out_start, r.out_end, r.detector, r.score, r.operator)
        built = builder.build()
        object.__setattr__(self, "_names", built._names)
        object.__setattr__(self, "_columns", built._columns)

    @classmethod
    def _from_columns(cls, names: tuple[str, ...], columns: Sequence[array]) -> RedactionLog:
        if tuple(c.typecode for c in columns) != _TYPECODES:
            raise ValueError("redaction log columns have the wrong types")
        n = len(columns[0])
        if any(len(c) != n for c in columns):
            raise ValueError("redaction log columns differ in length")
        if n and max(max(columns[i]) for i, f in enumerate(_FIELDS) if f in _NAME_FIELDS) >= len(names):
            raise ValueError("redaction log name index out of range")
        log = object.__new__(cls)
        object.__setattr__(log, "_names", tuple(names))
        object.__setattr__(log, "_columns", tuple(columns))
        return log

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("RedactionLog is immutable")

    def __reduce__(self) -> tuple[Any, ...]:
        if len(self) < _PACK_ROWS:
            return (RedactionLog._from_columns, (self._names, self._columns))
        packed = tuple(pa.compress(c.tobytes(), codec="zstd", asbytes=True) for c in self._columns)
        return (RedactionLog._unpack, (self._names, len(self), packed))

    @classmethod
    def _unpack(cls, names: tuple[str, ...], n: int, packed: tuple[bytes, ...]) -> RedactionLog:
        columns = []
        for code, data in zip(_TYPECODES, packed, strict=True):
            column = array(code)
            column.frombytes(pa.decompress(data, decompressed_size=n * column.itemsize, codec="zstd", asbytes=True))
            columns.append(column)
        return cls._from_columns(names, columns)

    def __len__(self) -> int:
        return len(self._columns[0])

    @overload
    def __getitem__(self, index: int) -> Redaction: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Redaction, ...]: ...

    def __getitem__(self, index: int | slice) -> Redaction | tuple[Redaction, ...]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        et, s, e, os_, oe, det, score, op = (c[index] for c in self._columns)  # IndexError past either end
        names = self._names
        return Redaction(names[et], s, e, os_, oe, names[det], score, names[op])

    def __iter__(self) -> Iterator[Redaction]:
        names = self._names
        for et, s, e, os_, oe, det, score, op in zip(*self._columns, strict=True):
            yield Redaction(names[et], s, e, os_, oe, names[det], score, names[op])

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, (RedactionLog, tuple, list)):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    def __hash__(self) -> int:
        return hash(tuple(self))  # the hash of the equal tuple of Redactions

    def __repr__(self) -> str:
        return f"RedactionLog({list(self)!r})"

    def to_arrow(self, value_type: pa.StructType) -> pa.StructArray:
        """The redactions as one Arrow struct array of ``value_type``, whose fields are named after
        ``Redaction``'s (any order, any subset) and typed as the values are (strings, int64, float64)."""
        n = len(self)
        names = pa.array(self._names, type=pa.string())
        arrays = []
        for field in value_type:
            if field.name not in _FIELDS:
                raise ValueError(f"no redaction field named {field.name!r}")
            i = _FIELDS.index(field.name)
            column = pa.Array.from_buffers(_ARROW_TYPES[_TYPECODES[i]], n, [None, pa.py_buffer(self._columns[i])])
            if field.name in _NAME_FIELDS:
                column = pa.DictionaryArray.from_arrays(column, names).dictionary_decode()
            if column.type != field.type:
                raise ValueError(f"redaction field {field.name!r} is {column.type}, not {field.type}")
            arrays.append(column)
        return pa.StructArray.from_arrays(arrays, fields=list(value_type))
