"""Unit tests for transforms.logsafety: failures described by classes, transforms and frames only.

The end-to-end checks (a failing worker process, a relayed worker traceback) are in
tests/pipelines/test_failures.py.
"""

from __future__ import annotations

import io
import logging
import sys
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

import pytest

from transforms.logsafety import (
    CountsFailure,
    SafeFailureFilter,
    StepFailure,
    describe_failure,
    install_log_safety,
    safe_step,
)
from transforms.output.manifest import ManifestError

SECRET = "ines.duarte@example.org"


def _fail(exc: BaseException) -> BaseException:
    try:
        raise exc
    except BaseException as caught:  # any exception, caught to be described
        return caught


RAISED_AT = f"test_logsafety.py:{_fail.__code__.co_firstlineno + 2} in _fail"


def test_nothing_to_describe() -> None:
    assert describe_failure() == "(no exception class)"
    assert describe_failure(text="worker stopped") == "(no exception class)"


def test_library_frames_give_way_to_ours_and_only_the_last_three_are_kept() -> None:
    text = (
        'File "/usr/lib/python3.11/site-packages/apache_beam/runners/worker.py", line 10, in process\n'
        'File "/srv/app/transforms/beam/io.py", line 20, in _read\n'
        'File "/srv/app/transforms/readers/jsonl.py", line 30, in read_jsonl\n'
        'File "/srv/app/transforms/readers/rows.py", line 40, in record_from_row\n'
        'File "/srv/app/transforms/readers/rows.py", line 40, in record_from_row\n'
        'File "/srv/app/transforms/readers/rows.py", line 50, in _record_id\n'
        f"ValueError: bad id {SECRET}\n"
    )
    assert describe_failure(text=text) == (
        "(ValueError); last frames: jsonl.py:30 in read_jsonl, rows.py:40 in record_from_row, rows.py:50 in _record_id"
    )
    only_library = 'File "/usr/lib/python3.11/site-packages/pyarrow/lib.py", line 5, in convert\nArrowInvalid: x'
    assert describe_failure(text=only_library) == "(no exception class); last frames: lib.py:5 in convert"


def test_exception_chain_names_are_listed_once_outermost_first_with_the_last_transform() -> None:
    inner = _fail(KeyError(SECRET))
    outer = _fail(RuntimeError(f"{SECRET} [while running 'ReadUploads/Read'] [while running 'Redact/Detect']"))
    outer.__cause__ = inner
    line = describe_failure(outer)
    assert line.startswith("(RuntimeError <- KeyError) while running 'Redact/Detect'; last frames: ")
    assert line.endswith("; last frames: " + RAISED_AT)
    assert SECRET not in line


def test_a_long_chain_is_cut_at_eight_exceptions() -> None:
    exc: BaseException = _fail(OSError("root"))
    for n in range(12):
        nxt = _fail(ValueError(str(n)) if n % 2 else LookupError(str(n)))
        nxt.__cause__ = exc
        exc = nxt
    # 13 exceptions, the OSError at the root: only the 8 outermost are read
    assert describe_failure(exc) == "(ValueError <- LookupError); last frames: " + RAISED_AT


def test_filter_withholds_a_badly_formatted_message_and_its_exc_text() -> None:
    record = logging.LogRecord("scrubline", logging.WARNING, "f", 1, "%s and %s " + SECRET, ("one",), None)
    record.exc_info = (KeyError, KeyError(SECRET), None)
    record.exc_text = f'Traceback (most recent call last):\n  File "/srv/x.py", line 3, in f\nKeyError: {SECRET}'
    record.stack_info = "Stack (most recent call last)"
    assert SafeFailureFilter().filter(record)
    assert record.getMessage() == (
        "failure (KeyError); last frames: x.py:3 in f [message withheld: it may quote a record]"
    )
    assert (record.args, record.exc_info, record.exc_text, record.stack_info) == ((), None, None, None)


def test_filter_rewrites_job_messages_relayed_through_the_root_logger() -> None:
    # How the PortableRunner's launcher logs a Flink or Spark job's error: root logger, "%s", the text.
    relayed = (
        "java.lang.RuntimeException: Error received from SDK harness for instruction 17: Traceback (most recent"
        ' call last):\n  File "/srv/app/transforms/io.py", line 88, in _write\n'
        f"KeyError: \"{SECRET} [while running 'WriteRecords/WriteShard']\""
    )
    record = logging.LogRecord("root", logging.ERROR, "f", 1, "%s", (relayed,), None)
    assert SafeFailureFilter().filter(record)
    assert record.getMessage() == (
        "failure (RuntimeException <- KeyError) while running 'WriteRecords/WriteShard'; last frames: io.py:88 in"
        " _write [message withheld: it may quote a record]"
    )


def test_filter_leaves_other_records_alone() -> None:
    for name, level in (("scrubline", logging.ERROR), ("apache_beam.io", logging.WARNING)):
        record = logging.LogRecord(name, level, "f", 1, "stage %s done", ("3",), None)
        assert SafeFailureFilter().filter(record) and record.getMessage() == "stage 3 done"


def test_install_log_safety_filters_root_handlers_and_scrubs_stderr_once(monkeypatch: pytest.MonkeyPatch) -> None:
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    handler = logging.StreamHandler(io.StringIO())
    root = logging.getLogger()
    saved = root.handlers
    root.handlers = [handler]  # only this handler gets the filter, not pytest's own
    try:
        install_log_safety()
        install_log_safety()
        assert len([f for f in handler.filters if isinstance(f, SafeFailureFilter)]) == 1
        wrapped = sys.stderr
        assert wrapped is not err and wrapped.getvalue == err.getvalue  # other attributes pass through
        wrapped.write("progress: 10 records\n")
        wrapped.write(f'Traceback (most recent call last):\n  File "/srv/y.py", line 7, in g\nKeyError: {SECRET}\n')
        assert err.getvalue() == (
            "progress: 10 records\n"
            "failure (KeyError); last frames: y.py:7 in g [traceback withheld: it may quote a record]\n"
        )
    finally:
        root.handlers = saved


# --- safe_step: what leaves a worker -------------------------------------------------------------------


@dataclass(frozen=True)
class _Record:
    id: str
    text: str


@safe_step
def _convert(record: _Record, ruleset: str) -> str:
    raise ValueError(f"could not convert {record.text!r} under {ruleset}")


@safe_step
def _rows(record: _Record) -> Iterator[str]:
    yield record.id
    raise KeyError(record.text)


CONVERT_AT = f"test_logsafety.py:{_convert.__wrapped__.__code__.co_firstlineno + 2} in _convert"
ROWS_AT = f"test_logsafety.py:{_rows.__wrapped__.__code__.co_firstlineno + 3} in _rows"


def test_safe_step_raises_classes_frames_and_record_id_only() -> None:
    with pytest.raises(StepFailure) as info:
        _convert(_Record("~f-0a1b", SECRET), "r1")
    assert str(info.value) == f"(ValueError); last frames: {CONVERT_AT}; record ~f-0a1b"
    assert info.value.__suppress_context__ and info.value.__cause__ is None
    printed = "".join(traceback.format_exception(info.value))
    assert SECRET not in printed and "could not convert" not in printed


def test_safe_step_covers_generators_and_withholds_ids_of_other_shapes() -> None:
    out = _rows(_Record(SECRET, "t"))
    assert next(out) == SECRET
    with pytest.raises(StepFailure) as info:
        next(out)
    assert str(info.value) == f"(KeyError); last frames: {ROWS_AT}; record <withheld>"
    assert safe_step(lambda x: x + 1)(1) == 2


def test_a_step_failure_passes_through_other_steps_unchanged() -> None:
    failure = StepFailure("(KeyError); last frames: io.py:9 in _write")

    @safe_step
    def outer() -> None:
        raise failure

    with pytest.raises(StepFailure) as info:
        outer()
    assert info.value is failure


def test_describe_failure_reads_step_failures_in_relayed_tracebacks_and_in_objects() -> None:
    relayed = (
        'Traceback (most recent call last):\\n  File \\"/srv/app/transforms/logsafety.py\\", line 150, in step\\n'
        "transforms.logsafety.StepFailure: (KeyError <- ValueError); last frames: io.py:88 in _write, "
        "schemas.py:40 in record_row; record t7 [while running 'WriteRecords/WriteShard']"
    )
    assert describe_failure(text=relayed) == (
        "(KeyError <- ValueError) while running 'WriteRecords/WriteShard' on record t7; "
        "last frames: io.py:88 in _write, schemas.py:40 in record_row"
    )
    # A log line this module already rewrote, relayed again as a job message, keeps what it said.
    again = "failure (RuntimeError <- KeyError) while running 'Redact'; last frames: engine.py:5 in redact [message"
    assert (
        describe_failure(text=again)
        == "(RuntimeError <- KeyError) while running 'Redact'; last frames: engine.py:5 in redact"
    )
    with pytest.raises(StepFailure) as info:
        _convert(_Record("a1", SECRET), "r1")
    assert describe_failure(info.value).startswith("(ValueError) on record a1; last frames: ")
    assert describe_failure(info.value).endswith(CONVERT_AT)


def test_filter_rewrites_what_beam_relays_through_the_root_logger() -> None:
    # The PortableRunner's launcher re-logs job messages with logging.log(level, "%s", text): root logger,
    # Beam's file as pathname.
    relay = "/venv/lib/python3.11/site-packages/apache_beam/runners/portability/portable_runner.py"
    worker_error = f'Traceback (most recent call last):\n  File "/srv/x.py", line 3, in f\nKeyError: {SECRET}'
    error = logging.LogRecord("root", logging.ERROR, relay, 540, "%s", (worker_error,), None)
    info = logging.LogRecord("root", logging.INFO, relay, 540, "%s", (f"Worker: processing {SECRET}",), None)
    ours = logging.LogRecord("root", logging.INFO, "/srv/app/pipelines/cli.py", 9, "%s", ("stage 3",), None)
    for record in (error, info, ours):
        assert SafeFailureFilter().filter(record)
    assert (
        error.getMessage() == "failure (KeyError); last frames: x.py:3 in f [message withheld: it may quote a record]"
    )
    assert info.getMessage() == "runner message withheld [it may quote a record]"
    assert ours.getMessage() == "stage 3"


@safe_step
def _publish_counts(read: int, written: int) -> None:
    raise ManifestError("counts do not add up", read=read, written=written, quarantined=0, excluded=0)


def test_counts_only_messages_are_shown_from_the_exception_and_from_a_relayed_line() -> None:
    with pytest.raises(StepFailure) as info:
        _publish_counts(7, 5)
    line = str(info.value)
    assert line.startswith("(ManifestError) [counts do not add up: read=7 written=5 quarantined=0 excluded=0]; ")
    # The launcher gets the worker's traceback as text: the counts come back from it.
    relayed = "".join(traceback.format_exception(info.value)) + "\n[while running 'PublishManifest/Publish']"
    again = describe_failure(text=relayed)
    assert again.startswith(
        "(ManifestError) [counts do not add up: read=7 written=5 quarantined=0 excluded=0]"
        " while running 'PublishManifest/Publish'; last frames: "
    )
    assert again.endswith(line.split("; last frames: ")[1])
    assert describe_failure(_fail(ManifestError("fingerprints do not add up", read=3, fingerprinted=2))).startswith(
        "(ManifestError) [fingerprints do not add up: read=3 fingerprinted=2]; last frames: "
    )


@pytest.mark.parametrize(
    "fake",
    [
        "[counts do not add up: read=7 written=5 quarantined=0]",  # names other than the declared ones
        "[counts do not add up: read=7 written=5 quarantined=0 excluded=0 card=4111]",
        "[ines duarte lives here: read=7]",  # a phrase no CountsFailure declares
        f"[counts do not add up: read={SECRET} written=5 quarantined=0 excluded=0]",
        "[counts do not add up: read=7 written=five quarantined=0 excluded=0]",
    ],
)
def test_bracketed_text_that_is_not_a_declared_counts_message_is_dropped(fake: str) -> None:
    assert describe_failure(text=f"StepFailure: (KeyError) {fake}; last frames: io.py:9 in _write") == (
        "(KeyError); last frames: io.py:9 in _write"
    )
    assert describe_failure(_fail(KeyError(fake))) == f"(KeyError); last frames: {RAISED_AT}"


def test_a_counts_failure_takes_only_its_declared_phrases_names_and_integers() -> None:
    with pytest.raises(TypeError):
        ManifestError(f"counts do not add up for {SECRET}", read=1, written=1, quarantined=0, excluded=0)
    with pytest.raises(TypeError):
        ManifestError("counts do not add up", read=1, written=1, quarantined=0, excluded=0, extra=1)
    with pytest.raises(TypeError):
        ManifestError("counts do not add up", read=SECRET, written=1, quarantined=0, excluded=0)  # type: ignore[arg-type]
    with pytest.raises(TypeError):

        class _Loose(CountsFailure):
            MESSAGES: ClassVar[dict[str, tuple[str, ...]]] = {"Free Text: {x}": ("n",)}
