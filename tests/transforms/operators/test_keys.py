"""The keyed operators' keys: read from the environment when the operators are built."""

from __future__ import annotations

import pytest

from transforms.config import ConfigError, parse_config
from transforms.operators import build_operators


@pytest.mark.parametrize("environ, message", [({}, "is not set"), ({"SCRUB_KEY": "short"}, "at least 16 bytes")])
def test_missing_or_short_key_is_a_config_error(environ: dict, message: str) -> None:
    cfg = parse_config({"operators": {"default": {"type": "pseudonymize", "key_env": "SCRUB_KEY"}}})
    with pytest.raises(ConfigError, match=message):
        build_operators(cfg, environ)
