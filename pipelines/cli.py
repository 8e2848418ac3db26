"""The ``scrubline`` command: ``run`` and ``validate-config``.

Everything that can be checked before a pipeline exists is checked first (config, keys, model,
inputs, output folder), and a failure exits non-zero with one line that says what was wrong.
Exit status: 0 success, 1 the pipeline failed (one line: where, never the exception's message),
2 invalid config / inputs / usage, 3 quarantined share over the limit.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pipelines.arguments import add_run_arguments
from transforms import storage
from transforms.config import (
    ConfigError,
    LoadedConfig,
    ScrublineConfig,
    check_keys,
    load_layered,
    ruleset_hash,
    state_key,
)
from transforms.logsafety import describe_failure, install_log_safety
from transforms.output.keyed import StateKeyRef, state_key_id
from transforms.output.manifest import MANIFEST_NAME, component_versions
from transforms.readers.inputs import InputError, absolute_inputs, expand_inputs
from transforms.runs.diff import RunDiffError
from transforms.runs.folder import OutputFolderError, check_separate, prepare_output
from transforms.runs.previous import PreviousRunError, load_previous_run
from transforms.runs.report import write_report
from transforms.runs.reprocess import plan_reuse
from transforms.runs.sanitize import sanitized_config

if TYPE_CHECKING:
    from pipelines.pipeline import PreviousRun

__all__ = ["main"]

EXIT_OK = 0
EXIT_PIPELINE = 1
EXIT_USAGE = 2
EXIT_QUARANTINE = 3


class UsageError(Exception):
    """A problem the user can fix before anything runs; printed as one line."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scrubline",
        description="Redact personal and proprietary data from uploaded work into clean Parquet shards.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser(
        "run",
        help="run the redaction pipeline",
        description=(
            "Read uploads (JSONL, Parquet, trees of raw text files, .eml, .msg, .docx, .pptx, .xlsx, .pdf, "
            ".html, and .zip archives of these; gzip too; binary files are quarantined as unsupported_type), "
            "redact them and write "
            "DIR/records/*.parquet, DIR/quarantine/*.parquet and DIR/manifest.json (last). Any option not "
            "listed here is passed to Apache Beam's PipelineOptions, e.g. --runner DirectRunner, "
            "--direct_num_workers 2 --direct_running_mode multi_processing, or Dataflow/Flink/Spark flags."
        ),
    )
    add_run_arguments(run, required=True)
    diff = sub.add_parser(
        "diff",
        help="what changed between two runs",
        description="Records added, removed and changed, entity counts per type, the rule changes that account "
        "for them and example record ids (ids and counts only, never values).",
    )
    diff.add_argument("old", metavar="OLD_DIR", help="the earlier run's output directory")
    diff.add_argument("new", metavar="NEW_DIR", help="the later run's output directory")
    diff.add_argument("--json", action="store_true", help="print JSON for machines instead of text")
    diff.add_argument("--examples", type=int, default=5, metavar="N", help="example ids per kind of change (5)")
    sub.add_parser(
        "rules",
        help="list every detection rule: the id its findings carry, entity type, pack file",
        description="Every rule of the shipped rule packs and every name cue, as the redaction log names them.",
    )
    check = sub.add_parser(
        "validate-config",
        help="validate a config file and print its ruleset hash",
        description="Check a config the way run does. Options not listed here are Beam options; only the "
        "object-store ones matter (e.g. --s3_endpoint_url), for a config or rule files at gs:// or s3://.",
    )
    check.add_argument("--config", metavar="FILE", default=None, help="policy YAML laid over the packaged defaults")
    check.add_argument(
        "--show", action="store_true", help="print the effective config as YAML (the OK line goes to stderr)"
    )
    return parser


def _check_model(config: ScrublineConfig) -> None:
    model = config.nlp.model
    if "spacy_ner" in config.detectors and not Path(model).is_dir() and importlib.util.find_spec(model) is None:
        raise UsageError(f"spaCy model {model!r} (nlp.model) is not installed; scrubline never downloads models")


def _previous_run(
    directory: str,
    output: str,
    config: ScrublineConfig,
    versions: dict[str, str],
    key_ids: dict[str, str],
    skey: bytes | None,
) -> PreviousRun:
    from pipelines.pipeline import PreviousRun

    if _absolute(directory) == output:
        raise UsageError("--previous must not be the --output directory (the new run replaces it)")
    # Verified under the state key before anything is written; refused (exit 2) otherwise.
    manifest, fingerprint_files, record_files = load_previous_run(directory, skey, config.output.state_key_env)
    assert skey is not None  # load_previous_run refuses a run without a key
    plan = plan_reuse(manifest, config, versions, key_ids, skey)
    if plan.incremental:
        what = "; ".join(plan.changes) or "no rule changes"
        print(f"scrubline: --previous: re-detecting only new, changed and affected records ({what})")
    else:
        print(f"scrubline: --previous: full rerun, {plan.full_rerun_reason}")
    return PreviousRun(plan, str(manifest.get("ruleset", "")), tuple(fingerprint_files), tuple(record_files))


_NO_STATE_KEY = (
    "scrubline: note: {env} is not set, so no content digests were written (fingerprints, quarantine and "
    "manifest input digests are empty, rule digests left out); --previous and diff need runs made with it"
)


def _state_key_ref(config: ScrublineConfig, skey: bytes | None) -> StateKeyRef | None:
    """What the job carries about the state key: the variable's name and the key's id, never the key."""
    key_id = state_key_id(skey)
    return None if key_id is None else StateKeyRef(config.output.state_key_env, key_id)


def _size(path: str) -> int:
    try:
        return storage.size(path)
    except OSError:
        return 0  # unreadable: the reader quarantines it


def _absolute(location: str) -> str:
    """A local path resolved (symbolic links, relative parts); an object-store location as written."""
    return str(Path(location).resolve()) if storage.is_local(location) else location.rstrip("/")


def _check_locations(args: argparse.Namespace) -> None:
    """Every location the run reads or writes names a storage scrubline reaches, before anything runs."""
    for arg in args.input:
        storage.check_location(arg, "--input", pattern=True)
    storage.check_location(args.output, "--output")
    if args.previous:
        storage.check_location(args.previous, "--previous")


_Resolved = tuple[ScrublineConfig, str, dict[str, str], dict[str, str], bytes | None]


def _read_bytes(location: str) -> bytes:
    with storage.open_read(location) as handle:  # as stored: a rule file's name decides no codec
        return handle.read()


def _load(config_path: str | None, beam_args: Sequence[str]) -> LoadedConfig:
    """The config laid over the defaults, its rule files read through Beam's FileSystems (``beam_args``
    carry the object-store settings: ``--s3_endpoint_url``, credentials, project...)."""
    from apache_beam.options.pipeline_options import PipelineOptions

    storage.use_options(PipelineOptions(list(beam_args)))
    return load_layered(config_path, _read_bytes)


def _resolve(config_path: str | None, beam_args: Sequence[str] = ()) -> _Resolved:
    return _settle(_load(config_path, beam_args))


def _settle(loaded: LoadedConfig) -> _Resolved:
    """The config as the run uses it (a relative model directory made absolute), its ruleset, the
    component versions, the key fingerprints and the state key."""
    config = loaded.config
    model = Path(config.nlp.model)
    if model.is_dir() and not model.is_absolute():
        # Workers load the model from their own working directory: hand them an absolute path.
        config = config.model_copy(update={"nlp": config.nlp.model_copy(update={"model": str(model.resolve())})})
    key_ids = check_keys(config)
    skey = state_key(config)  # None when unset; a short key is a ConfigError
    versions = component_versions(config.nlp.model)
    ruleset = ruleset_hash(sanitized_config(config, skey), {"versions": versions, "key_ids": key_ids})
    return config, ruleset, versions, key_ids, skey


def _run(args: argparse.Namespace, beam_args: list[str]) -> int:
    from pipelines.options import RunnerError, balance_workers, make_options, make_pipeline
    from pipelines.pipeline import RunSpec, build_pipeline

    _check_locations(args)
    options = make_options(beam_args)
    storage.use_options(options)  # the launcher lists, reads and writes with the run's storage options
    config, ruleset, versions, key_ids, skey = _resolve(args.config, beam_args)
    _check_model(config)
    files = expand_inputs(args.input)  # for the checks here; workers list the inputs again, in the job
    inputs = absolute_inputs(args.input)  # what the job carries: the arguments, never the file list
    output = _absolute(args.output)
    check_separate(args.input, output)
    previous = _previous_run(args.previous, output, config, versions, key_ids, skey) if args.previous else None
    try:
        pipeline = make_pipeline(options)  # a runner that cannot start says so before anything is written
    except RunnerError as exc:
        raise UsageError(str(exc)) from None
    prepare_output(output, overwrite=args.overwrite)
    # Sizes only where balancing is possible at all: on an object store each one is a request.
    bins = balance_workers(options, 0) and balance_workers(options, sum(_size(f.path) for f in files))
    run = RunSpec(
        inputs,
        output,
        config,
        ruleset,
        versions,
        key_ids,
        progress_seconds=args.progress_seconds,
        previous=previous,
        balance_workers=bins,
        state_key=_state_key_ref(config, skey),
    )
    try:
        with pipeline as p:
            build_pipeline(p, run)
    except Exception as exc:  # a worker failed: say where, never what (messages can quote records)
        print(
            f"scrubline: error: the pipeline failed {describe_failure(exc)}; nothing was published (no manifest.json)",
            file=sys.stderr,
        )
        return EXIT_PIPELINE
    manifest = json.loads(storage.read_text(storage.join(output, MANIFEST_NAME)))  # as workers published it
    report = write_report(output)
    counts = manifest["counts"]
    entities = ", ".join(f"{k}={v}" for k, v in counts["entities"].items()) or "none"
    print(f"scrubline: output in {output}, report in {report}")
    print(
        f"scrubline: read {counts['read']}, written {counts['written']}, quarantined {counts['quarantined']}; "
        f"entities: {entities}"
    )
    if skey is None:
        print(_NO_STATE_KEY.format(env=config.output.state_key_env))
    ratio = counts["quarantined"] / counts["read"] if counts["read"] else 0.0
    if ratio > config.limits.max_quarantine_ratio:
        print(
            f"scrubline: error: quarantined share {ratio:.4f} exceeds limits.max_quarantine_ratio "
            f"{config.limits.max_quarantine_ratio}",
            file=sys.stderr,
        )
        return EXIT_QUARANTINE
    return EXIT_OK


def _validate(args: argparse.Namespace, beam_args: list[str]) -> int:
    loaded = _load(args.config, beam_args)
    config, ruleset, _, _, _ = _settle(loaded)
    _check_model(config)
    if args.show:  # stdout stays YAML that loads as a config
        print(loaded.show(), end="")
    print(f"scrubline: config OK (ruleset {ruleset})", file=sys.stderr if args.show else sys.stdout)
    return EXIT_OK


def _drop_gcp_import_notice(record: logging.LogRecord) -> bool:
    # Beam warns at import time that optional GCP client libraries are absent; irrelevant locally.
    return not str(record.msg).startswith("apitools not found")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``scrubline`` console script; returns the exit status."""
    parser = _parser()
    args, rest = parser.parse_known_args(argv)
    if args.command not in ("run", "validate-config") and rest:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    logging.basicConfig(level=getattr(args, "log_level", "WARNING"), format="%(levelname)s %(name)s: %(message)s")
    for handler in logging.getLogger().handlers:
        handler.addFilter(_drop_gcp_import_notice)
    install_log_safety()  # exceptions are logged by where they happened, never by their messages
    # Beam's workers log whole elements at DEBUG ("Processing [...]"): never below INFO for Beam.
    logging.getLogger("apache_beam").setLevel(max(logging.INFO, logging.getLogger().level))
    try:
        if args.command == "validate-config":
            return _validate(args, rest)
        if args.command == "rules":
            from transforms.detectors.listing import list_rules, render_rules

            print(render_rules(list_rules()))
            return EXIT_OK
        if args.command == "diff":
            from transforms.runs.diff import diff_runs, render_diff

            storage.check_location(args.old, "OLD_DIR")
            storage.check_location(args.new, "NEW_DIR")
            if not (storage.is_local(args.old) and storage.is_local(args.new)):
                from pipelines.options import make_options

                storage.use_options(make_options([]))  # object stores: credentials from the environment
            result = diff_runs(args.old, args.new, examples=args.examples)
            print(json.dumps(result, indent=2, sort_keys=True) if args.json else render_diff(result))
            return EXIT_OK
        return _run(args, rest)
    except (
        ConfigError,
        InputError,
        UsageError,
        OutputFolderError,
        PreviousRunError,
        RunDiffError,
        storage.StorageError,
    ) as exc:
        print(f"scrubline: error: {exc}", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
