"""Inputs: expanding --input into files; reading JSONL, Parquet, raw files, archives and office documents."""
