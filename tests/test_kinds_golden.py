"""Golden pairs for the kinds of document: ``tests/golden/kinds/x.md`` + ``x.result.json``.

Each result holds the kind the file is detected as, the issues
``articlekit.check`` reports (code, severity, position, key path, message)
and, for files without errors, the front matter as ``model_dump(mode="json")``
gives it.  Regenerate after a deliberate change with
``ARTICLEKIT_UPDATE_GOLDEN=1 python -m pytest tests/test_kinds_golden.py`` and
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

GOLDEN = Path(__file__).parent / "golden" / "kinds"
CASES = sorted(GOLDEN.glob("*.md"))
UPDATE = os.environ.get("ARTICLEKIT_UPDATE_GOLDEN") == "1"
OPTIONS = articlekit.RuleOptions(now=datetime(2026, 1, 1, tzinfo=timezone.utc))


def _result(data: bytes) -> dict[str, Any]:
    front, _ = articlekit.parse(data)
    kind = articlekit.detect_kind(front)
    issues = articlekit.check(data, options=OPTIONS)
    result: dict[str, Any] = {
        "kind": kind.__name__ if kind is not None else None,
        "issues": [i.to_dict() for i in issues],
    }
    if not any(i.is_error for i in issues):
        doc = articlekit.loads(data, options=OPTIONS)
        assert type(doc.meta) is kind
        result["meta"] = doc.meta.model_dump(mode="json", by_alias=True, exclude_none=True)
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


def test_every_kind_has_a_valid_and_a_failing_golden_case() -> None:
    """Each kind is covered by a clean file and by one with errors or warnings."""
    clean: set[str] = set()
    failing: set[str] = set()
    for case in CASES:
        result = json.loads(case.with_suffix(".result.json").read_text(encoding="utf-8"))
        if result["kind"] is None:
            continue
        (failing if result["issues"] else clean).add(result["kind"])
    names = {k.model.__name__ for k in articlekit.KINDS}
    assert names <= clean
    assert names - {"Article"} <= failing
