"""Reading a config and the rule files it names through Beam's ``FileSystems`` (local, gs://, s3://...).

The launcher reads them once, before the pipeline is built; workers get the values inside the config.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from apache_beam.io.filesystem import CompressionTypes
from apache_beam.io.filesystems import FileSystems
from apache_beam.options.pipeline_options import PipelineOptions

__all__ = ["config_file_reader"]


def config_file_reader(beam_args: Sequence[str] = ()) -> Callable[[str], bytes]:
    """A ``read(path) -> bytes`` for ``load_config``; ``beam_args`` carry the object-store settings
    (``--s3_endpoint_url``, credentials, project...) that ``FileSystems`` needs for remote paths."""
    FileSystems.set_options(PipelineOptions(list(beam_args)))

    def read(path: str) -> bytes:
        # Uncompressed: a rule file is read as it is stored (its name does not decide a codec).
        with FileSystems.open(path, compression_type=CompressionTypes.UNCOMPRESSED) as handle:
            return handle.read()

    return read
