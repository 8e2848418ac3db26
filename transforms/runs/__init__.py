"""Across runs: reprocessing with --previous, diffs between runs, run statistics and the HTML report."""
