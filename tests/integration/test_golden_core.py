"""Golden pairs for the parser: ``tests/golden/core/x.md`` + ``x.result.json``.

Each result file holds the issues ``articlekit.check`` must report for the
input (code, severity, line, column, key path and message) and, for files that
load, the front matter as ``model_dump(mode="json")`` gives it.

To regenerate after a deliberate change, run
``ARTICLEKIT_UPDATE_GOLDEN=1 python -m pytest tests/integration/test_golden_core.py`` and
review the diff: the files are the specification.  Their format and the
loader: `tests/goldens.py`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import articlekit
from goldens import GOLDEN, OPTIONS, assert_result, issue_records

CASES = sorted((GOLDEN / "core").glob("*.md"))


def _result(data: bytes) -> dict[str, Any]:
    issues = articlekit.check(data, options=OPTIONS)
    result: dict[str, Any] = {"issues": issue_records(issues)}
    if not any(i.is_error for i in issues):
        doc = articlekit.loads(data, options=OPTIONS)
        result["meta"] = doc.meta.model_dump(mode="json", by_alias=True, exclude_none=True)
        result["body"] = doc.body
    return result


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_golden(case: Path) -> None:
    assert_result(case.with_suffix(".result.json"), _result(case.read_bytes()))


def test_every_golden_input_has_a_result() -> None:
    assert CASES, "no golden inputs found"
    missing = [c.name for c in CASES if not c.with_suffix(".result.json").exists()]
    assert missing == []
