"""scrubline entry points: the CLI, its options and build_pipeline(). Wiring only."""
