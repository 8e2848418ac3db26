"""``LocalRunner``: the FnApiRunner's runs send bundle inputs without the timer flush that loses records."""

from __future__ import annotations

import threading

import apache_beam as beam
from apache_beam.options.pipeline_options import PipelineOptions
from apache_beam.runners.portability.fn_api_runner import worker_handlers
from apache_beam.runners.worker.data_plane import ClosableOutputStream
from apache_beam.testing.util import assert_that, equal_to

from pipelines.local_runner import no_time_flush
from pipelines.options import make_runner

BEAM_LIMIT_MS = worker_handlers.DATA_BUFFER_TIME_LIMIT_MS


def _limit_seen(_: object) -> int:
    return worker_handlers.DATA_BUFFER_TIME_LIMIT_MS


def test_beams_timer_flush_drops_what_is_written_while_it_sends() -> None:
    """Why LocalRunner exists: if Beam fixes this (the test fails), the workaround can go."""
    sent: list[bytes] = []
    sending, queue_drained = threading.Event(), threading.Event()

    def send(data: bytes) -> None:  # the data channel's send queue, full until drained
        sent.append(data)
        if data == b"first record;":
            sending.set()
            queue_drained.wait()

    stream = ClosableOutputStream.create(sent.append, send, 1)  # a timer flush every millisecond
    stream.write(b"first record;")
    sending.wait()  # the timer thread took the first record and waits on the full queue
    stream.write(b"second record;")  # the runner writes on
    queue_drained.set()
    stream.close()
    assert b"".join(sent) == b"first record;"  # the second record is gone, and nothing says so


def test_local_runs_start_their_data_channels_without_a_timer_flush() -> None:
    options = PipelineOptions([])
    with beam.Pipeline(runner=make_runner(options), options=options) as p:
        assert_that(p | beam.Create(["a", "b"]) | beam.Map(_limit_seen), equal_to([0, 0]))
    assert worker_handlers.DATA_BUFFER_TIME_LIMIT_MS == BEAM_LIMIT_MS  # Beam's value once the run is over


def test_the_limit_comes_back_when_the_last_open_run_ends() -> None:
    with no_time_flush():
        with no_time_flush():
            assert worker_handlers.DATA_BUFFER_TIME_LIMIT_MS == 0
        assert worker_handlers.DATA_BUFFER_TIME_LIMIT_MS == 0
    assert worker_handlers.DATA_BUFFER_TIME_LIMIT_MS == BEAM_LIMIT_MS


def test_a_stream_made_with_the_runs_limit_sends_everything_once_on_close() -> None:
    sent: list[bytes] = []
    with no_time_flush():
        stream = ClosableOutputStream.create(sent.append, sent.append, worker_handlers.DATA_BUFFER_TIME_LIMIT_MS)
    for i in range(1000):
        stream.write(b"record %d;" % i)
    stream.close()
    assert sent == [b"".join(b"record %d;" % i for i in range(1000))]
