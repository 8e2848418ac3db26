"""Inputs: expanding --input into files; reading JSONL, Parquet, raw files, archives and office documents.

In data-flow order: ``inputs`` (``--input`` -> ``InputFile``, ids, opaque refs, opening), ``kinds``
(file name -> reader), ``dispatch`` (``read_input_file``, the entry point), the record readers
``jsonl``, ``parquet`` and ``archives`` (zip uploads; ``zipsafe`` opens zips within the limits),
``rows`` (a JSON object or Parquet row -> record, exclusion), ``files`` (a file read whole -> one
record) with ``formats/`` (one text extractor per format), and ``errors`` (fixed failure codes).
"""
