"""Golden files (``tests/golden/``): their one format, and the one loader every golden test uses.

A *result* file (``core/<name>.result.json``, ``kinds/<name>.result.json``,
``rules/<rule module>/fail.json``) is a JSON object:

* ``issues``: what `articlekit.check` reports, each issue as `Issue.to_dict()`
  gives it, with exactly these keys in this order: ``line``, ``column``,
  ``code``, ``severity``, ``message``, ``key_path``;
* optionally ``kind`` (the detected kind's class name), ``meta`` (the front
  matter as ``model_dump(mode="json")`` gives it) and ``body``.

Reading a result checks its format, so a golden file in another shape fails
its test.  Other golden files are inputs (``*.md``, ``args.json``, the writer's
``*.edit.json``) or expected text (the writer's ``*.out.md``).

To regenerate after a deliberate change, run the golden tests with
``ARTICLEKIT_UPDATE_GOLDEN=1`` and review the diff: the files are the specification.
"""

from __future__ import annotations

import difflib
import json
import os
from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import articlekit

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("ARTICLEKIT_UPDATE_GOLDEN") == "1"
OPTIONS = articlekit.RuleOptions(now=datetime(2026, 1, 1, tzinfo=timezone.utc))
"""Rule options with a fixed clock, so that the date rules give the same answer every day."""

ISSUE_KEYS = ("line", "column", "code", "severity", "message", "key_path")
RESULT_KEYS = frozenset({"issues", "kind", "meta", "body"})


class GoldenFormatError(AssertionError):
    """A golden result file is not in the one format."""


def issue_records(issues: Iterable[articlekit.Issue]) -> list[dict[str, Any]]:
    """Issues as a result file holds them."""
    return [issue.to_dict() for issue in issues]


def _problem(data: Any) -> str | None:
    """What is wrong with ``data`` as a result, or ``None``."""
    if not isinstance(data, dict):
        return f"a result is a JSON object, not {type(data).__name__}"
    if "issues" not in data:
        return "a result has 'issues'"
    unknown = sorted(set(data) - RESULT_KEYS)
    if unknown:
        return f"unknown keys {unknown}; a result has {sorted(RESULT_KEYS)}"
    if not isinstance(data["issues"], list):
        return "'issues' is a list"
    for n, issue in enumerate(data["issues"]):
        if not isinstance(issue, dict) or tuple(issue) != ISSUE_KEYS:
            shown = list(issue) if isinstance(issue, dict) else type(issue).__name__
            return f"issue {n} has {shown}, not the keys {list(ISSUE_KEYS)} in that order"
    return None


def check_result_format(data: Any, where: Path | str = "result") -> None:
    """Raise `GoldenFormatError` unless ``data`` is a result in the one format."""
    problem = _problem(data)
    if problem is not None:
        raise GoldenFormatError(f"{where}: {problem}")


def read_json(path: Path) -> Any:
    """A golden JSON file's data."""
    return json.loads(path.read_text(encoding="utf-8"))


def read_result(path: Path) -> dict[str, Any]:
    """A result file's data, its format checked."""
    data = read_json(path)
    check_result_format(data, path)
    return dict(data)


def write_result(path: Path, result: dict[str, Any]) -> None:
    """Write ``result`` in the one format (2-space JSON, UTF-8, a final newline)."""
    check_result_format(result, path)
    path.write_text(_dumps(result), encoding="utf-8")


def assert_result(path: Path, actual: dict[str, Any]) -> None:
    """``actual`` equals the result file ``path`` (rewritten first with ``ARTICLEKIT_UPDATE_GOLDEN=1``)."""
    if UPDATE:
        write_result(path, actual)
    expected = read_result(path)
    if actual != expected:
        lines = [_dumps(expected).splitlines(), _dumps(actual).splitlines()]
        diff = difflib.unified_diff(*lines, f"{path.name} (expected)", "actual", lineterm="", n=2)
        raise AssertionError("\n".join(["the result differs from its golden file:", *diff]))


def _dumps(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def read_text(path: Path) -> str:
    """A golden text file exactly as written (no newline translation)."""
    return path.read_bytes().decode("utf-8")


def assert_text(path: Path, actual: str, transform: Callable[[str], str] = lambda text: text) -> None:
    """``actual`` equals ``transform`` of the text file ``path`` (rewritten, with LF, on update)."""
    if UPDATE:
        path.write_bytes(actual.replace("\r\n", "\n").encode("utf-8"))
        return
    assert actual == transform(read_text(path))
