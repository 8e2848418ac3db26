"""Failures are reported by where they happened, never by what they said.

An exception message can quote a record: a ``KeyError`` on a value, a decoder's bytes, pyarrow's
"could not convert 'value'". Beam logs a failing bundle's exception with its traceback at ERROR, in
the worker and again in the launcher (the worker's log lines travel to it), and folds the worker's
whole traceback, messages included, into the message of the exception the launcher finally raises.

``describe_failure`` turns an exception (or such a folded text) into one line of exception class
names, scrubline's transform names and code locations (file, line, function): code, not data.

Worker side, no failure leaves a worker with a message in it: every scrubline step that handles
records or files is wrapped in ``safe_step``, which replaces an escaping exception by a
``StepFailure`` that carries only that line (and the record id), so the traceback a worker prints,
logs and sends back to its runner (which relays it to the launcher as a job message and as the
error it raises) is code and ids only.

One kind of message is shown: a ``CountsFailure``'s (``ManifestError``, "counts do not add up: read=5
written=3 ..."), made only of a phrase its class declares and integers, never of input. It appears in
the line as ``[phrase: name=N ...]`` and is read back from a relayed text only in that form, with a
declared phrase and exactly its declared names; anything else in brackets is dropped like any message.

``install_log_safety`` adds a filter to the root logger's handlers that rewrites every log record
carrying an exception, every ERROR record from Beam, and every record Beam's code logs through a
logger outside ``apache_beam`` (the launcher re-logs a portable job's messages, worker errors
included, through the root logger) into that line. The CLI installs it in the launcher; scrubline's
DoFns install it in each worker process from ``setup``, where it also wraps ``sys.stderr`` so the
traceback Beam's worker prints there is rewritten the same way.
"""

from __future__ import annotations

import functools
import inspect
import logging
import operator
import re
import sys
import traceback
from collections.abc import Callable, Iterator
from pathlib import PurePath
from typing import Any, ClassVar, TextIO, TypeVar, cast

__all__ = [
    "CountsFailure",
    "SafeFailureFilter",
    "StepFailure",
    "describe_failure",
    "install_log_safety",
    "safe_step",
]

_FRAME = re.compile(r'File "([^"\n]+)", line (\d+), in ([A-Za-z_][A-Za-z0-9_<>]*)')
_EXCEPTION_NAME = re.compile(
    r"(?m)^[ \t]*(?:[A-Za-z_][A-Za-z0-9_]*\.)*([A-Za-z_][A-Za-z0-9_]*(?:Error|Exception|Exit))\b"
)
_TRANSFORM = re.compile(r"while running '([A-Za-z0-9_/ .()\-]+)'")
# Frames under these paths are library machinery, present in every failure; this module's own frames
# (``safe_step``'s wrapper) are plumbing.
_LIBRARY_PATHS = ("site-packages", "dist-packages", "apache_beam/", "/lib/python3", "transforms/logsafety.py")
# A failure already described: a StepFailure in a traceback (what ``safe_step`` recorded) or a log line
# this module rewrote, as a job service relays them to the launcher.
_STEP_FAILURE = re.compile(
    r"(?:StepFailure: |failure )\(((?:[A-Za-z_][A-Za-z0-9_]*)(?: <- [A-Za-z_][A-Za-z0-9_]*)*|no exception class)\)"
    r"([^\n]*)"
)
_WHERE = re.compile(r"\b([A-Za-z0-9_.\-]+\.py):(\d+) in ([A-Za-z_][A-Za-z0-9_<>]*)")
_RECORD = re.compile(r"; record ([A-Za-z0-9_.:~#\-]{1,100}|<withheld>)")
# Record ids named in failures: ids of this shape only (derived ids, opaque upstream ids); others withheld.
_SAFE_ID = re.compile(r"[A-Za-z0-9_.:~#\-]{1,100}", re.ASCII)
# A CountsFailure's message as describe_failure writes it; what it says is checked against COUNT_MESSAGES.
_COUNTS = re.compile(r"\[([a-z][a-z ]{0,58}[a-z]): ([a-z_]{1,30}=\d{1,20}(?: [a-z_]{1,30}=\d{1,20}){0,9})\]")
# Every CountsFailure subclass's phrases and the names of their counts, in order.
COUNT_MESSAGES: dict[str, tuple[str, ...]] = {}


class CountsFailure(Exception):
    """A failure whose message says counts only: one of its class's ``MESSAGES`` phrases and integers.

    ``describe_failure`` shows it (``[phrase: name=N ...]``) where it withholds every other message.
    ``MESSAGES`` maps each phrase (lowercase words) to the names of its counts; constructing one with
    another phrase, other names or a value that is not an ``int`` is a ``TypeError``.
    """

    MESSAGES: ClassVar[dict[str, tuple[str, ...]]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for phrase, names in cls.MESSAGES.items():
            if not _COUNTS.fullmatch(f"[{phrase}: " + " ".join(f"{n}=0" for n in names) + "]"):
                raise TypeError(f"{cls.__name__}: a phrase of lowercase words and up to 10 lowercase names")
            COUNT_MESSAGES[phrase] = names

    def __init__(self, phrase: str, **counts: int) -> None:
        if self.MESSAGES.get(phrase) != tuple(counts):
            raise TypeError(f"{type(self).__name__}: not one of its count messages")
        self.phrase = phrase
        self.counts = {k: operator.index(v) for k, v in counts.items()}  # integers only (TypeError otherwise)
        super().__init__(self.counts_text())

    def counts_text(self) -> str:
        """``phrase: name=N ...``: the message."""
        return f"{self.phrase}: " + " ".join(f"{k}={v:d}" for k, v in self.counts.items())


def _counts_in(text: str) -> list[str]:
    """The ``[phrase: name=N ...]`` messages in ``text`` whose phrase and names a ``CountsFailure`` declares."""
    found = []
    for phrase, pairs in _COUNTS.findall(text):
        names = tuple(pair.split("=", 1)[0] for pair in pairs.split(" "))
        if COUNT_MESSAGES.get(phrase) == names:
            found.append(f"{phrase}: {pairs}")
    return found


class StepFailure(Exception):
    """Raised by a ``safe_step`` in place of any exception that escaped it.

    Its message is ``describe_failure`` of the original (exception classes and code locations, never
    its message) and, when the step was given a record, ``; record <id>``: nothing a worker prints, logs
    or reports to its runner about the failure can quote input.
    """


def _chain(exc: BaseException | None) -> list[BaseException]:
    """``exc`` and its causes, outermost first, at most 8; a StepFailure already describes what it replaced."""
    chain: list[BaseException] = []
    while exc is not None and len(chain) < 8:
        chain.append(exc)
        exc = None if isinstance(exc, StepFailure) else exc.__cause__ or exc.__context__
    return chain


def _step_failures(text: str) -> tuple[list[str], list[str], list[str]]:
    """Exception names, code locations (``file.py:N in f``) and record ids of the failures in ``text`` that
    were described already (StepFailures, rewritten log lines)."""
    names: list[str] = []
    where: list[str] = []
    records: list[str] = []
    for match in _STEP_FAILURE.finditer(text):
        names += [n for n in match.group(1).split(" <- ") if n and n != "no exception class"]
        where += [f"{f}:{line} in {fn}" for f, line, fn in _WHERE.findall(match.group(2))]
        records += _RECORD.findall(match.group(2))
    return names, where, records


def describe_failure(exc: BaseException | None = None, text: str = "", *, messages: bool = True) -> str:
    """Exception classes, the transform, the record (for a ``StepFailure``) and the last code locations of
    a failure; no message. With ``messages=False`` the exceptions' messages are not read at all (only
    their classes and tracebacks), as for a failure whose message may quote a record."""
    chain = _chain(exc)
    names = [type(e).__name__ for e in chain if not isinstance(e, StepFailure)]
    counts = [e.counts_text() for e in chain if isinstance(e, CountsFailure)]
    # Outermost first, so the last frames are where it failed first.
    frames = [(f.filename, f.lineno or 0, f.name) for e in chain for f in traceback.extract_tb(e.__traceback__)]
    if messages:
        text += "".join(f"\n{'StepFailure: ' if isinstance(e, StepFailure) else ''}{e}" for e in chain)
    # Worker log lines relayed by the local job service arrive as escaped protobuf text.
    text = text.replace("\\n", "\n").replace('\\"', '"')
    names += _EXCEPTION_NAME.findall(text)
    frames += _FRAME.findall(text)  # a worker's traceback, folded into the message by Beam
    step_names, step_where, records = _step_failures(text)
    counts += _counts_in(text)
    # Prefer frames of scrubline (and the user's code) over Beam's and the standard library's.
    ours = [f for f in frames if not any(p in f[0] for p in _LIBRARY_PATHS)]
    shown = ours or ([] if step_where else frames)  # library frames only when nothing else says where
    where = [f"{PurePath(f).name}:{line} in {fn}" for f, line, fn in shown] + step_where
    names += step_names
    summary = "(" + " <- ".join(dict.fromkeys(names)) + ")" if names else "(no exception class)"
    if counts:
        summary += f" [{counts[-1]}]"
    transforms = list(dict.fromkeys(_TRANSFORM.findall(text)))
    if transforms:
        summary += f" while running {transforms[-1]!r}"
    if records:
        summary += f" on record {records[-1]}"
    if where:
        summary += "; last frames: " + ", ".join(list(dict.fromkeys(where))[-3:])
    return summary


def _record_id(args: tuple[Any, ...]) -> str:
    """The id of the first record among a step's arguments (withheld unless it has a safe shape), or ""."""
    for arg in args:
        record_id = getattr(arg, "id", None)
        if isinstance(record_id, str):
            return record_id if _SAFE_ID.fullmatch(record_id) else "<withheld>"
    return ""


def _step_failure(exc: Exception, args: tuple[Any, ...]) -> StepFailure:
    record_id = _record_id(args)
    return StepFailure(describe_failure(exc, messages=False) + (f"; record {record_id}" if record_id else ""))


_Step = TypeVar("_Step", bound=Callable[..., Any])


def safe_step(fn: _Step) -> _Step:
    """``fn`` (a DoFn's ``process``, a ``Map`` or ``FlatMap`` callable, generator or not), except that an
    exception escaping it is replaced by a ``StepFailure`` naming its classes, code locations and the
    record it was given, with the original's message and traceback suppressed (``from None``)."""
    from transforms.beam import memprobe

    label = getattr(fn, "__qualname__", "step").replace(" ", "_")
    if inspect.isgeneratorfunction(fn):

        @functools.wraps(fn)
        def steps(*args: Any, **kwargs: Any) -> Iterator[Any]:
            if memprobe.ENABLED:
                memprobe.tick(label)
            try:
                yield from fn(*args, **kwargs)
            except StepFailure:
                raise
            except Exception as exc:
                raise _step_failure(exc, args) from None

        return cast(_Step, steps)

    @functools.wraps(fn)
    def step(*args: Any, **kwargs: Any) -> Any:
        if memprobe.ENABLED:
            memprobe.tick(label)
        try:
            return fn(*args, **kwargs)
        except StepFailure:
            raise
        except Exception as exc:
            raise _step_failure(exc, args) from None

    return cast(_Step, step)


def _relayed_by_beam(record: logging.LogRecord) -> bool:
    """Whether Beam's code logged ``record`` through a logger outside ``apache_beam``: the launcher re-logs
    a portable job's messages (worker errors and log lines included) through the root logger."""
    path = "/" + record.pathname.replace("\\", "/")  # compiled Beam modules log with a relative path
    return not record.name.startswith("apache_beam") and "/apache_beam/" in path


class SafeFailureFilter(logging.Filter):
    """Rewrites records that carry an exception, and ERROR records from Beam (its loggers or its code), to
    ``describe_failure``; withholds every other record Beam's code logs through a logger outside
    ``apache_beam`` (the job messages a portable launcher relays). Nothing they said is kept."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Always keep the record (True); rewrite it first if it could quote input."""
        relayed = _relayed_by_beam(record)
        # The root logger too: a portable launcher (Flink, Spark) re-logs a worker's traceback through it.
        from_beam = relayed or record.name == "root" or record.name.startswith("apache_beam")
        if record.exc_info or (record.levelno >= logging.ERROR and from_beam):
            record.msg = "failure " + describe_failure(*_exception_and_text(record))
            record.msg += " [message withheld: it may quote a record]"
        elif relayed:
            record.msg = "runner message withheld [it may quote a record]"
        else:
            return True
        record.args = ()
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return True


def _exception_and_text(record: logging.LogRecord) -> tuple[BaseException | None, str]:
    exc = record.exc_info[1] if record.exc_info else None
    try:
        text = record.getMessage()
    except Exception:  # a bad format string: the class names and frames still say enough
        text = str(record.msg)
    if record.exc_text:
        text += "\n" + record.exc_text
    return exc, text


class _TracebackScrubbingStream:
    """Wraps ``sys.stderr``: a write that holds a traceback becomes its ``describe_failure`` line.

    Beam's SDK worker prints a failing instruction's traceback straight to stderr (``print``, not a
    logger), and worker processes share the launcher's stderr.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        if "Traceback (most recent call last)" in text:
            text = "failure " + describe_failure(text=text) + " [traceback withheld: it may quote a record]\n"
        return self._stream.write(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


_FILTER = SafeFailureFilter()


def install_log_safety() -> None:
    """Add the filter to every handler of the root logger and wrap ``sys.stderr`` (idempotent)."""
    for handler in logging.getLogger().handlers:
        if _FILTER not in handler.filters:
            handler.addFilter(_FILTER)
    if not isinstance(sys.stderr, _TracebackScrubbingStream):
        sys.stderr = _TracebackScrubbingStream(sys.stderr)
