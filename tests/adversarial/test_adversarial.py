"""The adversarial suite (issue 15): hostile inputs with unique canaries, end to end through the CLI.

Every case plants one made-up value (card, IBAN, phone, e-mail, AWS-style key, code name or person
from the config's term lists, internal host), unique to the case, in one carrier (see
``cases.py``). Each class is one ``scrubline run`` on the DirectRunner; the error-path class runs
again on Beam's PortableRunner (in-process job server, LOOPBACK workers, offline). Then, per case:

- no form of its canary (as written, NFKC, lower case, digits only, stripped to letters and digits,
  its unique part, and for non-ASCII values its bytes as mojibake, bytes literal or JSON escapes) is
  in any output file (decoded Parquet cells and raw bytes, manifest, report, run statistics, file
  names), in the logs (root logger at DEBUG) or on the console;
- it came out as required: a clean row whose field shows the entity's tag, or quarantine rows with
  the required reason; per class, every record read is written or quarantined.

The ``crash`` cases make a reader raise outside its guard, quoting the record or the file's path, so
the job fails: each runs alone, on both runners, and must exit 1, publish nothing and quote nothing.
"""

from __future__ import annotations

from collections import Counter

import pytest

from tests.adversarial.cases import CASES, CLASSES, Case
from tests.adversarial.harness import PORTABLE_ARGS, ClassRun, expected_reasons, run_class

RUNS: dict[tuple[str, ...], ClassRun] = {}
# Error-path and crash cases that leak on the PortableRunner today, by test id (each a strict xfail).
# The crash cases leaked here until the launcher's re-logged job messages were rewritten (ids-logs).
PORTABLE_XFAIL: dict[str, str] = {}
RUN_CLASSES = tuple(k for k in CLASSES if k != "crash")  # a crash publishes nothing: tested on its own


def _cases(klass: str) -> list[Case]:
    return [case for case in CASES if case.klass == klass]


@pytest.fixture(scope="session")
def class_run(tmp_path_factory: pytest.TempPathFactory):
    """``class_run(klass, runner, case)``: the run of one class (or of one case alone), once per session."""

    def get(klass: str, runner: str = "direct", case: Case | None = None) -> ClassRun:
        key = (klass, runner, case.cid if case else "")
        if key not in RUNS:
            work = tmp_path_factory.mktemp(f"adversarial-{klass}-{runner}")
            args = PORTABLE_ARGS if runner == "portable" else ()
            cases = [case] if case else _cases(klass)
            RUNS[key] = run_class(cases, work, args, hostile=klass in ("errors", "crash"))
        return RUNS[key]

    return get


def _param(case: Case, xfail: str) -> object:
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(case, id=case.cid, marks=marks)


def test_the_suite_has_at_least_400_cases_with_unique_ids_and_canaries() -> None:
    assert len(CASES) >= 400
    assert len({case.cid for case in CASES}) == len(CASES)
    values = [c.value for case in CASES for c in (case.canary, *case.also)]
    assert len(set(values)) == len({(case.n, c.kind) for case in CASES for c in (case.canary, *case.also)})
    assert len({case.canary.core for case in CASES}) == len(CASES)
    assert {case.klass for case in CASES} == set(CLASSES)


@pytest.mark.parametrize("klass", RUN_CLASSES)
def test_every_record_is_written_or_quarantined(class_run, klass: str) -> None:
    _check_counts(class_run(klass), _cases(klass))


def _check_counts(run: ClassRun, cases: list[Case]) -> None:
    assert run.exit_code == 0
    counts = run.counts
    assert counts["read"] == sum(case.records for case in cases)
    assert counts["read"] == counts["written"] + counts["quarantined"]
    assert counts.get("excluded", 0) == 0
    assert Counter(counts["quarantine_reasons"]) == expected_reasons(cases)
    assert len(run.records) == counts["written"] and len(run.quarantine) == counts["quarantined"]
    assert run.console_chars > 0


def _check_outcome(run: ClassRun, case: Case) -> None:
    if case.expect == "record":
        rows = [r for r in run.records if (r["id"] == case.record_id if case.record_id else case.marker in r["text"])]
        assert len(rows) == case.records
        value = rows[0][case.where]
        # A bare run of digits can be two things at once (an 11-digit phone number that also passes the
        # Turkish identity number's checksum): either type is a redaction of it.
        types = {case.entity, "NATIONAL_ID"} if case.entity == "PHONE_NUMBER" else {case.entity}
        assert (case.nullable and value is None) or any(f"<{t}>" in str(value) for t in types)
    elif case.record_id is not None:
        rows = [r for r in run.quarantine if r["id"] == case.record_id]
        assert [r["reason"] for r in rows] == [case.expect] * case.records
    assert not any(case.marker in r["text"] for r in run.records if case.expect != "record")


@pytest.mark.parametrize("case", [_param(case, case.xfail) for case in CASES if case.klass != "crash"])
def test_case_is_redacted_or_quarantined_and_leaves_no_trace(class_run, case: Case) -> None:
    run = class_run(case.klass)
    assert [f"{leak.form} in {leak.surface}" for leak in run.leaks.get(case.cid, [])] == []
    _check_outcome(run, case)


ERROR_CASES = _cases("errors")


@pytest.mark.slow
def test_error_paths_account_for_every_record_on_the_portable_runner(class_run) -> None:
    _check_counts(class_run("errors", "portable"), ERROR_CASES)


@pytest.mark.slow
@pytest.mark.parametrize("case", [_param(case, PORTABLE_XFAIL.get(case.cid, "")) for case in ERROR_CASES])
def test_error_path_leaves_no_trace_on_the_portable_runner(class_run, case: Case) -> None:
    run = class_run("errors", "portable")
    assert [f"{leak.form} in {leak.surface}" for leak in run.leaks.get(case.cid, [])] == []
    _check_outcome(run, case)


CRASH_CASES = _cases("crash")


def _check_crash(run: ClassRun, case: Case) -> None:
    assert [f"{leak.form} in {leak.surface}" for leak in run.leaks.get(case.cid, [])] == []
    assert (run.exit_code, run.published, run.records, run.quarantine) == (1, False, [], [])
    assert run.last_error_line.startswith("scrubline: error: the pipeline failed (")
    assert run.last_error_line.endswith("; nothing was published (no manifest.json)")


@pytest.mark.parametrize("case", [pytest.param(case, id=case.cid) for case in CRASH_CASES])
def test_a_crashing_worker_publishes_nothing_and_quotes_nothing(class_run, case: Case) -> None:
    _check_crash(class_run("crash", "direct", case), case)


@pytest.mark.slow
@pytest.mark.parametrize("case", [_param(case, PORTABLE_XFAIL.get(case.cid, "")) for case in CRASH_CASES])
def test_a_crashing_worker_publishes_nothing_and_quotes_nothing_on_the_portable_runner(class_run, case: Case) -> None:
    _check_crash(class_run("crash", "portable", case), case)
