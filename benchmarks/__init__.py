"""scrubline benchmarks: detection quality against Presidio (``quality``) and generated uploads (``gen_uploads``)."""
