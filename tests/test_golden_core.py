"""Golden pairs for the parser: ``tests/golden/core/x.md`` + ``x.result.json``.

Each result file holds the issues ``articlekit.check`` must report for the
input (code, severity, line, column, key path and message) and, for files that
load, the front matter as ``model_dump(mode="json")`` gives it.

To regenerate after a deliberate change, run
``ARTICLEKIT_UPDATE_GOLDEN=1 python -m pytest tests/test_golden_core.py`` and
review the diff: the files are the specification.
"""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

import articlekit

GOLDEN = Path(__file__).parent / "golden" / "core"
CASES = sorted(GOLDEN.glob("*.md"))
UPDATE = os.environ.get("ARTICLEKIT_UPDATE_GOLDEN") == "1"
# a fixed clock so that date rules give the same answer every day
OPTIONS = articlekit.RuleOptions(now=datetime(2026, 1, 1, tzinfo=timezone.utc))


def _result(data: bytes) -> dict[str, Any]:
    issues = articlekit.check(data, options=OPTIONS)
    result: dict[str, Any] = {"issues": [i.to_dict() for i in issues]}
    if not any(i.is_error for i in issues):
        doc = articlekit.loads(data, options=OPTIONS)
        result["meta"] = doc.meta.model_dump(mode="json", by_alias=True, exclude_none=True)
        result["body"] = doc.body
    return result


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_golden(case: Path) -> None:
    expected_path = case.with_suffix(".result.json")
    actual = _result(case.read_bytes())
    if UPDATE:
        expected_path.write_text(json.dumps(actual, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert actual == expected


def test_every_golden_input_has_a_result() -> None:
    assert CASES, "no golden inputs found"
    missing = [c.name for c in CASES if not c.with_suffix(".result.json").exists()]
    assert missing == []
