"""Failures are reported by where they happened, never by what they said.

An exception message can quote a record: a ``KeyError`` on a value, a decoder's bytes, pyarrow's
"could not convert 'value'". Beam logs a failing bundle's exception with its traceback at ERROR, in
the worker and again in the launcher (the worker's log lines travel to it), and folds the worker's
whole traceback, messages included, into the message of the exception the launcher finally raises.

``describe_failure`` turns an exception (or such a folded text) into one line of exception class
names, scrubline's transform names and code locations (file, line, function): code, not data.
``install_log_safety`` adds a filter to the root logger's handlers that rewrites every log record
carrying an exception, and every ERROR record from Beam or the root logger (through which the
PortableRunner relays a Flink or Spark job's errors), into that line. The CLI installs it in the
launcher; scrubline's DoFns install it in each worker process from ``setup``, where it also wraps
``sys.stderr`` so the traceback Beam's worker prints there is rewritten the same way.
"""

from __future__ import annotations

import logging
import re
import sys
import traceback
from pathlib import PurePath
from typing import Any, TextIO

__all__ = ["SafeFailureFilter", "describe_failure", "install_log_safety"]

_FRAME = re.compile(r'File "([^"\n]+)", line (\d+), in ([A-Za-z_][A-Za-z0-9_<>]*)')
_EXCEPTION_NAME = re.compile(
    r"(?m)^[ \t]*(?:[A-Za-z_][A-Za-z0-9_]*\.)*([A-Za-z_][A-Za-z0-9_]*(?:Error|Exception|Exit))\b"
)
_TRANSFORM = re.compile(r"while running '([A-Za-z0-9_/ .()\-]+)'")
# Frames under these paths are library machinery, present in every failure.
_LIBRARY_PATHS = ("site-packages", "dist-packages", "apache_beam/", "/lib/python3")


def describe_failure(exc: BaseException | None = None, text: str = "") -> str:
    """Exception classes, the transform and the last code locations of a failure; no message."""
    chain: list[BaseException] = []
    current = exc
    while current is not None and len(chain) < 8:
        chain.append(current)
        current = current.__cause__ or current.__context__
    names = [type(e).__name__ for e in chain]
    # Outermost first, so the last frames are where it failed first.
    frames = [(f.filename, f.lineno or 0, f.name) for e in chain for f in traceback.extract_tb(e.__traceback__)]
    text += "".join(f"\n{e}" for e in chain)
    # Worker log lines relayed by the local job service arrive as escaped protobuf text.
    text = text.replace("\\n", "\n").replace('\\"', '"')
    names += _EXCEPTION_NAME.findall(text)
    frames += _FRAME.findall(text)  # a worker's traceback, folded into the message by Beam
    # Prefer frames of scrubline (and the user's code) over Beam's and the standard library's.
    ours = [f for f in frames if not any(p in f[0] for p in _LIBRARY_PATHS)]
    where = [f"{PurePath(f).name}:{line} in {fn}" for f, line, fn in (ours or frames)]
    summary = "(" + " <- ".join(dict.fromkeys(names)) + ")" if names else "(no exception class)"
    transforms = list(dict.fromkeys(_TRANSFORM.findall(text)))
    if transforms:
        summary += f" while running {transforms[-1]!r}"
    if where:
        summary += "; last frames: " + ", ".join(list(dict.fromkeys(where))[-3:])
    return summary


class SafeFailureFilter(logging.Filter):
    """Rewrites records that carry an exception, and ERROR records from Beam or the root logger, to
    ``describe_failure``."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Always keep the record (True); rewrite it first if it could quote input."""
        # The PortableRunner (Flink, Spark) relays job messages, a worker's traceback included, through
        # the root logger.
        beam_error = record.levelno >= logging.ERROR and (
            record.name == "root" or record.name.startswith("apache_beam")
        )
        if record.exc_info or beam_error:
            exc = record.exc_info[1] if record.exc_info else None
            try:
                text = record.getMessage()
            except Exception:  # a bad format string: the class names and frames still say enough
                text = str(record.msg)
            if record.exc_text:
                text += "\n" + record.exc_text
            record.msg = "failure " + describe_failure(exc, text) + " [message withheld: it may quote a record]"
            record.args = ()
            record.exc_info = None
            record.exc_text = None
            record.stack_info = None
        return True


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
