"""Golden pairs for the kinds of document: ``tests/golden/kinds/x.md`` + ``x.result.json``.

Each result holds the kind the file is detected as, the issues
``articlekit.check`` reports (code, severity, position, key path, message)
and, for files without errors, the front matter as ``model_dump(mode="json")``
gives it.  Regenerate after a deliberate change with
``ARTICLEKIT_UPDATE_GOLDEN=1 python -m pytest tests/models/test_kinds_golden.py`` and
review the diff: the files are the specification.  Their format and the
loader: `tests/goldens.py`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import articlekit
from goldens import GOLDEN, OPTIONS, assert_result, issue_records, read_result

CASES = sorted((GOLDEN / "kinds").glob("*.md"))


def _result(data: bytes) -> dict[str, Any]:
    front, _ = articlekit.parse(data)
    kind = articlekit.detect_kind(front)
    issues = articlekit.check(data, options=OPTIONS)
    result: dict[str, Any] = {
        "kind": kind.__name__ if kind is not None else None,
        "issues": issue_records(issues),
    }
    if not any(i.is_error for i in issues):
        doc = articlekit.loads(data, options=OPTIONS)
        assert type(doc.meta) is kind
        result["meta"] = doc.meta.model_dump(mode="json", by_alias=True, exclude_none=True)
    return result


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_golden(case: Path) -> None:
    assert_result(case.with_suffix(".result.json"), _result(case.read_bytes()))


def test_every_golden_input_has_a_result() -> None:
    assert CASES, "no golden inputs found"
    missing = [c.name for c in CASES if not c.with_suffix(".result.json").exists()]
    assert missing == []


def test_every_kind_has_a_valid_and_a_failing_golden_case() -> None:
    """Each kind is covered by a clean file and by one with errors or warnings."""
    clean: set[str] = set()
    failing: set[str] = set()
    for case in CASES:
        result = read_result(case.with_suffix(".result.json"))
        if result["kind"] is None:
            continue
        (failing if result["issues"] else clean).add(result["kind"])
    names = {k.model.__name__ for k in articlekit.KINDS}
    assert names <= clean
    assert names - {"Article"} <= failing
