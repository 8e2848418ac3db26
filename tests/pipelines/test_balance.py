"""Local runs with several workers deal records into equal-work bins; the output never depends on it."""

from __future__ import annotations

from pathlib import Path

import apache_beam as beam
import pytest
import yaml

from pipelines.options import BALANCE_MAX_INPUT_BYTES, balance_workers, make_options, make_runner
from pipelines.pipeline import RunSpec, build_pipeline
from tests.pipelines.test_cli import NO_NER, make_inputs
from transforms.beam.redact import _AssignWorkerFn, document_cost
from transforms.config import check_keys, load_config
from transforms.records import Document
from transforms.runs.report import PEOPLE_ONLY_OUTPUTS

MULTI = ["--direct_num_workers", "2", "--direct_running_mode", "multi_processing"]


def _doc(n: int, chars: int) -> Document:
    return Document(id=f"d{n}", text="x" * chars, source=f"s{n}")


def test_each_document_goes_to_the_bin_with_the_least_work_so_far() -> None:
    fn = _AssignWorkerFn(2)
    fn.setup()
    docs = [_doc(0, 1000), _doc(1, 300), _doc(2, 300), _doc(3, 10), _doc(4, 10)]
    # costs 1256, 556, 556, 266, 266: bin 1 takes records until it has more work than bin 0
    assert [bin_ for d in docs for bin_, _ in fn.process(d)] == [0, 1, 1, 1, 0]
    assert fn._loads == [1522, 1378]
    assert [document_cost(d) for d in docs] == [1256, 556, 556, 266, 266]


@pytest.mark.parametrize(
    ("args", "input_bytes", "expected"),
    [
        ([], 1000, 0),  # one worker
        (MULTI, 1000, 2),
        (["--direct_num_workers", "3", "--direct_running_mode", "multi_threading"], 1000, 3),
        (["--direct_num_workers", "2"], 1000, 0),  # in_memory: one process
        (MULTI, BALANCE_MAX_INPUT_BYTES + 1, 0),  # big input: spread at random, memory flat
        (["--runner", "DataflowRunner", *MULTI], 1000, 0),  # runners balance work themselves
    ],
)
def test_balance_only_for_bounded_local_runs_with_several_workers(args, input_bytes, expected) -> None:
    assert balance_workers(make_options(args), input_bytes) == expected


def test_zero_workers_means_one_per_cpu(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("pipelines.options.os.cpu_count", lambda: 6)
    options = make_options(["--direct_num_workers", "0", "--direct_running_mode", "multi_processing"])
    assert balance_workers(options, 1000) == 6


def _run(tmp_path: Path, name: str, src: Path, args: list[str], balance: int) -> Path:
    cfg_path = tmp_path / "config.yaml"
    cfg_path.write_text(yaml.safe_dump({**NO_NER, "limits": {"max_quarantine_ratio": 1.0}}), encoding="utf-8")
    config = load_config(str(cfg_path))
    out = tmp_path / name
    out.mkdir()
    run = RunSpec((str(src),), str(out), config, "r", {}, check_keys(config), balance_workers=balance)
    options = make_options(args)
    with beam.Pipeline(runner=make_runner(options), options=options) as p:
        build_pipeline(p, run)
    return out


@pytest.mark.slow
def test_balanced_and_random_spreading_give_the_same_bytes_as_one_worker(tmp_path: Path) -> None:
    src = make_inputs(tmp_path)
    for i in range(12):  # records of very different sizes, so the bins differ from a random split
        (src / "mail" / f"m{i}.txt").write_text(f"Mail {i} from ada{i}@example.com\n" * (1 + 40 * (i % 3)))
    threads = ["--direct_num_workers", "2", "--direct_running_mode", "multi_threading"]
    outs = [
        _run(tmp_path, "one", src, [], 0),
        _run(tmp_path, "balanced", src, threads, 2),
        _run(tmp_path, "random", src, threads, 0),
    ]
    files = sorted(f.relative_to(outs[0]) for f in outs[0].rglob("*") if f.is_file())
    compared = [rel for rel in files if rel.name not in PEOPLE_ONLY_OUTPUTS]
    assert len(compared) == 7  # 2 + 2 + 2 shards and the manifest
    for out in outs[1:]:
        assert sorted(f.relative_to(out) for f in out.rglob("*") if f.is_file()) == files
        for rel in compared:
            assert (out / rel).read_bytes() == (outs[0] / rel).read_bytes(), rel
