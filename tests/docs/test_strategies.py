"""The Python examples of docs/strategies.md run, and their property tests pass."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from conftest import DOCS

DOC = DOCS / "strategies.md"
_BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)
_SHORT = settings(max_examples=15, deadline=None, database=None, suppress_health_check=list(HealthCheck))


def _blocks() -> list[str]:
    return _BLOCK.findall(DOC.read_text(encoding="utf-8"))


def test_the_page_has_examples() -> None:
    assert len(_blocks()) >= 3


@pytest.mark.parametrize("index", range(len(_blocks())))
def test_example_runs_and_its_tests_pass(index: int) -> None:
    """Each block runs after the blocks before it (as a reader would run them); its tests pass."""
    blocks = _blocks()
    namespace: dict[str, Any] = {"__name__": "strategies_doc"}
    for i, block in enumerate(blocks[: index + 1]):
        before = set(namespace)
        exec(compile(block, f"{DOC.name}[{i}]", "exec"), namespace)
    new_tests = sorted(n for n in set(namespace) - before if n.startswith("test_"))
    for name in new_tests:
        _SHORT(namespace[name])()
