#!/usr/bin/env bash
# A scheduled scrubline run: incremental on the last published run, diffed, then published.
#
#   pipelines/scheduled_run.sh INPUT RUNS_DIR CONFIG [scrubline run options...]
#
# RUNS_DIR/current is a symlink to the published run that downstream jobs read. Each call:
#   1. takes a lock (RUNS_DIR/.lock), so overlapping cron firings never run twice at once;
#   2. runs `scrubline run` into RUNS_DIR/runs/<run id>, with `--previous RUNS_DIR/current` when a run
#      is published, so only new, changed and rule-affected records are detected again;
#   3. writes `scrubline diff` of the published run and the new one to RUNS_DIR/diffs/<run id>.{txt,json};
#   4. publishes (atomically repoints RUNS_DIR/current) unless the share of records added, removed or
#      changed exceeds SCRUBLINE_MAX_CHANGED_SHARE (unset: no limit); then it exits 4 and leaves the run
#      unpublished for a person to read the diff and publish by hand:
#         ln -sfn runs/<run id> RUNS_DIR/current.new && mv -T RUNS_DIR/current.new RUNS_DIR/current
#
# Environment: SCRUBLINE (the command, default `scrubline`), SCRUBLINE_RUN_ID (default: UTC timestamp),
# SCRUBLINE_MAX_CHANGED_SHARE (e.g. 0.05), the state key (SCRUBLINE_STATE_KEY, or the variable
# output.state_key_env names: --previous and diff refuse runs without it) and the pseudonymization key
# variables the config names.
# Exit status: scrubline's (2 usage, 3 too much quarantined), 4 held back for review, 5 already running.
set -euo pipefail

if [ $# -lt 3 ]; then
  echo "usage: $0 INPUT RUNS_DIR CONFIG [scrubline run options...]" >&2
  exit 2
fi
input=$1 runs=$2 config=$3
shift 3
scrubline=${SCRUBLINE:-scrubline}
run_id=${SCRUBLINE_RUN_ID:-$(date -u +%Y%m%dT%H%M%SZ)}

mkdir -p "$runs/runs" "$runs/diffs"
exec 9>"$runs/.lock"
if ! flock -n 9; then
  echo "scheduled_run: another run holds $runs/.lock" >&2
  exit 5
fi

new="$runs/runs/$run_id"
previous=()
if [ -L "$runs/current" ]; then
  previous=(--previous "$(readlink -f "$runs/current")")
fi
"$scrubline" run --input "$input" --output "$new" --config "$config" "${previous[@]}" "$@"

if [ -L "$runs/current" ]; then
  "$scrubline" diff "$runs/current" "$new" >"$runs/diffs/$run_id.txt"
  "$scrubline" diff "$runs/current" "$new" --json >"$runs/diffs/$run_id.json"
  if [ -n "${SCRUBLINE_MAX_CHANGED_SHARE:-}" ]; then
    if ! python3 - "$runs/diffs/$run_id.json" "$SCRUBLINE_MAX_CHANGED_SHARE" <<'PY'
import json, sys
diff = json.load(open(sys.argv[1]))
r = diff["records"]
total = max(1, r["added"] + r["removed"] + r["changed"] + r["unchanged"])
share = (r["added"] + r["removed"] + r["changed"]) / total
print(f"scheduled_run: {share:.2%} of records added, removed or changed (limit {float(sys.argv[2]):.2%})")
sys.exit(0 if share <= float(sys.argv[2]) else 1)
PY
    then
      echo "scheduled_run: held back for review: read $runs/diffs/$run_id.txt, then publish by hand" >&2
      exit 4
    fi
  fi
fi

ln -sfn "runs/$run_id" "$runs/current.new"
mv -T "$runs/current.new" "$runs/current"
echo "scheduled_run: published $run_id"
