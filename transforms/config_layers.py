"""Config layers and rule files: what ``load_config`` reads before the schema sees anything.

A config is built from layers. The packaged defaults (``transforms/default.yaml``) are the bottom
layer and a user's ``--config FILE`` is laid over them with ``merge_layers``:

- a mapping merges key by key, recursively, so a file that sets ``input.text_fields`` keeps the
  defaults' ``input.keep_fields``;
- a list or a scalar replaces the lower layer's value (``allow: [Foo]`` is the whole allow list),
  and so does an operator entry (``operators.PERSON``): operators of different types share no keys;
- ``null`` removes the key from the lower layers, so it takes the schema default (``terms: null``: no
  terms); ``!replace {...}`` (a YAML tag on a mapping) replaces instead of merging, and ``!append
  [...]`` (on a list) extends the lower layer's list;
- a top-level ``extends: none`` skips the packaged defaults (``extends: default`` is the default).

Some lists may name files instead of, or beside, inline values (``resolve_sources``): the terms of
``proprietary.terms.<ENTITY>``, ``proprietary.internal_domains`` and ``allow``. An item
``{file: PATH}`` stands for one value per line of the file (blank lines and lines starting with ``#``
skipped); ``{file: PATH, column: NAME}`` for the non-empty cells of a CSV file's column, the first row
being the header. A relative PATH is relative to the config file that names it. Files are read once,
on the launcher, through the ``read`` function given (Beam's ``FileSystems`` in ``scrubline``, so
``gs://`` and ``s3://`` work), and their values become plain items of the list: workers, the ruleset
hash and ``--previous`` see the values, never the path.

Everything here works on plain mappings; the schema (``transforms.config``) validates the result.
"""

from __future__ import annotations

import copy
import csv
import errno
import hashlib
import io
import posixpath
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

__all__ = [
    "ConfigError",
    "Loaded",
    "ReadFile",
    "SourceFile",
    "Sources",
    "load_layers",
    "merge_layers",
    "read_local",
    "render_effective",
    "resolve_sources",
]

ReadFile = Callable[[str], bytes]

EXTENDS_KEY = "extends"
_EXTENDS = ("default", "none")
_OPERATORS = "operators"
# Errors in a config are reported by path; these locations hold lists that may name files.
_ALLOW = ("allow",)
_DOMAINS = ("proprietary", "internal_domains")
_TERMS = ("proprietary", "terms")


class ConfigError(ValueError):
    """The configuration is invalid; the message names the offending path."""


class _Replace(dict):
    """A mapping tagged ``!replace``: it replaces the lower layer's mapping instead of merging into it."""


class _Append(list):
    """A list tagged ``!append``: it extends the lower layer's list instead of replacing it."""


class _LayerLoader(yaml.SafeLoader):
    """``yaml.SafeLoader`` plus the two layering tags."""


def _construct_replace(loader: yaml.SafeLoader, node: yaml.Node) -> _Replace:
    if not isinstance(node, yaml.MappingNode):
        raise yaml.constructor.ConstructorError(None, None, "!replace takes a mapping", node.start_mark)
    return _Replace(loader.construct_mapping(node, deep=True))


def _construct_append(loader: yaml.SafeLoader, node: yaml.Node) -> _Append:
    if not isinstance(node, yaml.SequenceNode):
        raise yaml.constructor.ConstructorError(None, None, "!append takes a list", node.start_mark)
    return _Append(loader.construct_sequence(node, deep=True))


_LayerLoader.add_constructor("!replace", _construct_replace)
_LayerLoader.add_constructor("!append", _construct_append)


def read_local(path: str) -> bytes:
    """Read a local file (the default ``read`` when no object-store reader is given)."""
    if "://" in path:
        raise OSError(errno.EINVAL, f"{path.split('://', 1)[0]}:// paths are read through Beam's FileSystems")
    return Path(path).read_bytes()


def _read_error(exc: BaseException) -> str:
    """Why a file could not be read, without any text of the file: the OS reason or the exception class."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return type(exc).__name__


def _read_yaml(path: str, read: ReadFile) -> Any:
    try:
        raw = read(path)
    except Exception as exc:
        raise ConfigError(f"cannot read config {path}: {_read_error(exc)}") from None
    try:
        return yaml.load(raw.decode("utf-8-sig"), Loader=_LayerLoader)
    except UnicodeDecodeError:
        raise ConfigError(f"invalid config {path}: not UTF-8 text") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise ConfigError(f"invalid config {path}: not valid YAML{where}") from None


def _is_url(path: str) -> bool:
    return "://" in path


def _beside(config_path: str, file: str) -> str:
    """``file`` as named in the config at ``config_path``: relative to that config's folder."""
    if _is_url(file) or Path(file).is_absolute():
        return file
    if _is_url(config_path):
        return posixpath.join(posixpath.dirname(config_path), file)
    return str((Path(config_path).resolve().parent / file).resolve())


def _source_lists(data: Mapping[str, Any]) -> Iterator[tuple[tuple[str, ...], list[Any]]]:
    """(path, list) of every list in ``data`` whose items may name files."""
    proprietary = data.get("proprietary")
    if isinstance(proprietary, Mapping):
        terms = proprietary.get("terms")
        if isinstance(terms, Mapping):
            for entity, items in terms.items():
                if isinstance(items, list):
                    yield (*_TERMS, str(entity)), items
        if isinstance(proprietary.get("internal_domains"), list):
            yield _DOMAINS, proprietary["internal_domains"]
    if isinstance(data.get("allow"), list):
        yield _ALLOW, data["allow"]


def _anchor_files(data: Any, config_path: str) -> None:
    """Rewrite, in place, every relative ``file:`` of ``data`` relative to the config at ``config_path``."""
    if not isinstance(data, Mapping):
        return
    for _, items in _source_lists(data):
        for item in items:
            if isinstance(item, dict) and isinstance(item.get("file"), str):
                item["file"] = _beside(config_path, item["file"])


def merge_layers(lower: Any, upper: Any, path: tuple[str, ...] = ()) -> Any:
    """``upper`` laid over ``lower``: mappings merge key by key (``null`` removes a key, ``!replace``
    replaces), lists and scalars replace (``!append`` extends a list), operator entries replace whole."""
    if isinstance(upper, _Append):
        return [*(lower if isinstance(lower, list) else []), *(_plain(v) for v in upper)]
    if isinstance(upper, _Replace) or not isinstance(upper, Mapping) or not isinstance(lower, Mapping):
        return _plain(upper)
    if path[:1] == (_OPERATORS,) and len(path) == 2:
        return _plain(upper)
    merged = _plain(lower)
    for key, value in upper.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = merge_layers(merged.get(key), value, (*path, str(key)))
    return merged


def _plain(value: Any) -> Any:
    """A copy of ``value`` without layering tags and without ``null`` keys (a key set to null takes the
    schema default, which is what leaving it out does)."""
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


@dataclass(frozen=True)
class Loaded:
    """The merged mapping of every layer, and where it came from (for messages and ``--show``)."""

    data: Any
    origin: str
    layers: tuple[str, ...]


def load_layers(path: str | None, defaults: str, read: ReadFile) -> Loaded:
    """The packaged defaults with the config at ``path`` laid over them (``extends: none``: without).

    Relative ``file:`` items are made absolute against the file that names them before merging.
    """
    base = _read_yaml(defaults, read_local)
    if path is None:
        return Loaded(base, defaults, ("packaged defaults",))
    user = _read_yaml(path, read)
    if user is None:
        user = {}
    if not isinstance(user, Mapping):
        raise ConfigError(f"invalid config {path}: the top level must be a mapping")
    user = dict(user)
    extends = user.pop(EXTENDS_KEY, "default")
    if extends not in _EXTENDS:
        raise ConfigError(f"invalid config {path}: {EXTENDS_KEY}: must be one of {', '.join(_EXTENDS)}")
    _anchor_files(user, path)
    if extends == "none":
        return Loaded(_plain(user), path, (path,))
    return Loaded(merge_layers(base, user), path, ("packaged defaults", path))


# ---------------------------------------------------------------------------------------------------
# Rule files: {file: PATH[, column: NAME][, entities: [...]]} items of the lists that may name files


class _TermFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    file: str = Field(min_length=1)
    column: str | None = Field(None, min_length=1)


class _AllowFile(_TermFile):
    entities: list[Annotated[str, Field(pattern=r"^[A-Z][A-Z0-9_]{0,63}$")]] | None = Field(None, min_length=1)


@dataclass(frozen=True)
class SourceFile:
    """One file a config list named: where (the list's path and the item's index), what it held."""

    path: tuple[str, ...]
    index: int
    item: Mapping[str, Any]
    count: int
    sha256: str


@dataclass(frozen=True)
class Sources:
    """Every file loaded, and for each list that named one, where each resolved item came from."""

    files: tuple[SourceFile, ...] = ()
    # list path -> per resolved item: (index of the item in the config as written, line in the file or None)
    origins: Mapping[tuple[str, ...], tuple[tuple[int, int | None], ...]] = field(default_factory=dict)

    def locate(self, loc: tuple[str | int, ...]) -> tuple[tuple[str | int, ...], int | None]:
        """The config-as-written location of a resolved location, and the file line its value came from
        (None for inline items, and for errors in what the file item itself says, such as its entities)."""
        for path, origins in self.origins.items():
            n = len(path)
            at = loc[n] if len(loc) > n else None
            if tuple(str(p) for p in loc[:n]) == path and isinstance(at, int):
                index, line = origins[at]
                return (*loc[:n], index, *loc[n + 1 :]), (None if "entities" in loc[n + 1 :] else line)
        return loc, None


def _lines(text: str) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(text.splitlines(), start=1):
        value = line.strip()
        if value and not value.startswith("#"):
            yield number, value


def _cells(text: str, column: str, where: str) -> Iterator[tuple[int, str]]:
    rows = csv.reader(io.StringIO(text, newline=""))
    header = next(rows, [])
    if column not in [h.strip() for h in header]:
        raise ConfigError(f"{where}.column: no column {column!r} in the file's header row")
    index = [h.strip() for h in header].index(column)
    for row in rows:
        if index < len(row) and (value := row[index].strip()):
            yield rows.line_num, value


def _load_file(ref: _TermFile, where: str, read: ReadFile) -> tuple[list[tuple[int, str]], str]:
    """The values of one rule file with their line numbers, and the sha256 of its bytes."""
    try:
        raw = read(ref.file)
    except Exception as exc:
        raise ConfigError(f"{where}.file: cannot read {ref.file}: {_read_error(exc)}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError(f"{where}.file: {ref.file} is not UTF-8 text") from None
    values = list(_cells(text, ref.column, where) if ref.column else _lines(text))
    return values, hashlib.sha256(raw).hexdigest()


def _file_ref(item: Mapping[str, Any], path: tuple[str, ...], where: str) -> _TermFile:
    model = _AllowFile if path == _ALLOW else _TermFile
    try:
        return model.model_validate(item)
    except ValidationError as exc:
        problems = [f"{where}.{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()]
        raise ConfigError("; ".join(problems)) from None


def _expand(path: tuple[str, ...], items: list[Any], read: ReadFile) -> tuple[list[Any], list[Any], list[SourceFile]]:
    """The list with every file item replaced by its values, each resolved item's origin, the files."""
    out: list[Any] = []
    origins: list[tuple[int, int | None]] = []
    files: list[SourceFile] = []
    for i, item in enumerate(items):
        if not (isinstance(item, Mapping) and "file" in item):
            out.append(item)
            origins.append((i, None))
            continue
        where = ".".join((*path, str(i)))
        ref = _file_ref(item, path, where)
        values, digest = _load_file(ref, where, read)
        entities = getattr(ref, "entities", None)
        out.extend({"value": v, "entities": list(entities)} if entities else v for _, v in values)
        origins.extend((i, line) for line, _ in values)
        files.append(SourceFile(path, i, ref.model_dump(exclude_none=True), len(values), digest))
    return out, origins, files


def resolve_sources(data: Any, read: ReadFile = read_local) -> tuple[Any, Sources]:
    """``data`` with every ``{file: ...}`` item of the lists that may name files replaced by the file's
    values, and where each value came from. ``data`` itself is not changed."""
    if not isinstance(data, Mapping):
        return data, Sources(origins={})
    lists = list(_source_lists(data))
    if not any(isinstance(item, Mapping) and "file" in item for _, items in lists for item in items):
        return data, Sources(origins={})
    resolved = copy.deepcopy(dict(data))
    origins: dict[tuple[str, ...], tuple[tuple[int, int | None], ...]] = {}
    files: list[SourceFile] = []
    for path, items in lists:
        if not any(isinstance(item, Mapping) and "file" in item for item in items):
            continue
        expanded, item_origins, loaded = _expand(path, items, read)
        node = resolved
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = expanded
        origins[path] = tuple(item_origins)
        files.extend(loaded)
    return resolved, Sources(tuple(files), origins)


class _ShowDumper(yaml.SafeDumper):
    """Mappings in block style, lists of plain values on one line (``keep_fields: [language, license]``)."""

    def represent_list(self, data: Any) -> yaml.Node:
        flow = all(isinstance(v, (str, int, float, bool)) for v in data)
        return self.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


_ShowDumper.add_representer(list, _ShowDumper.represent_list)


def _as_written(path: tuple[str, ...], items: list[Any], sources: Sources) -> list[Any]:
    """The list at ``path`` with the values its files gave folded back into their ``{file: ...}`` items."""
    origins = sources.origins[path]
    inline = {index: item for item, (index, line) in zip(items, origins, strict=True) if line is None}
    refs = {f.index: dict(f.item) for f in sources.files if f.path == path}
    return [inline[i] if i in inline else refs[i] for i in sorted(inline.keys() | refs.keys())]


def render_effective(dump: Mapping[str, Any], layers: tuple[str, ...], sources: Sources) -> str:
    """The effective config (``dump``, every key filled in) as YAML, file items shown as written, with a
    comment naming the layers and, for each file, how many entries it held and the sha256 of its bytes."""
    # Complete as it stands: loaded again it must not be laid over the defaults a second time.
    shown = {EXTENDS_KEY: "none", **copy.deepcopy(dict(dump))}
    for path in sources.origins:
        node = shown
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = _as_written(path, node[path[-1]], sources)
    header = [f"# effective config: {' + '.join(layers)}"]
    header += [
        f"# {'.'.join((*f.path, str(f.index)))}: {f.count} entries from {f.item['file']} (sha256 {f.sha256})"
        for f in sources.files
    ]
    body = yaml.dump(shown, Dumper=_ShowDumper, sort_keys=False, allow_unicode=True, width=120)
    return "\n".join(header) + "\n" + body
