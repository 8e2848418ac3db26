"""What a run publishes: the Parquet schemas, deterministic shards, and the manifest written last."""
