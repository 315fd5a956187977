"""`invalid_documents()`'s AK211 case (a YAML 1.1 surprise) uses only values that are surprises."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

import articlekit
from articlekit.strategies._broken import _yaml as broken_yaml

_SAMPLE = (Path(__file__).parents[1] / "data" / "finland-prisons-ai.md").read_text(encoding="utf-8")

_CASES = [(key, value) for key, values in sorted(broken_yaml._YAML11_SURPRISES.items()) for value in values]


@pytest.mark.parametrize(("key", "value"), _CASES)
def test_each_listed_value_is_a_yaml11_surprise(key: str, value: str) -> None:
    """PyYAML reads the value as something other than the text YAML 1.2 keeps, and articlekit
    reports AK211 for it (the strategy once listed "0:45", which both read as text: AK302)."""
    assert not isinstance(yaml.safe_load(f"k: {value}")["k"], str)
    text, count = re.subn(rf"^{key}: .*$", f"{key}: {value}", _SAMPLE, count=1, flags=re.MULTILINE)
    assert count == 1
    assert [i.code for i in articlekit.check(text)] == ["AK211"]
