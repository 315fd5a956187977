"""Golden files for the cross-field rules: ``tests/golden/rules/<rule module>/``.

Each rule module has a directory with ``pass.md`` (a whole article that must
give no issue at all), ``fail.md`` (the same kind of article, broken in every
way the rule catches) and ``fail.json``, the issues ``fail.md`` must give:
code, severity, line, column and key path exactly, and a part of the message.

To regenerate ``fail.json`` after a deliberate change, run
``ARTICLEKIT_UPDATE_GOLDEN=1 python -m pytest tests/test_rules_golden.py`` and
review the diff: the files are the specification.  An optional ``args.json``
gives arguments for ``check``: ``{"kind": "Article"}`` validates as that kind
instead of detecting it.
"""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

import articlekit
from articlekit.rules import all_rules

GOLDEN = Path(__file__).parent / "golden" / "rules"
UPDATE = os.environ.get("ARTICLEKIT_UPDATE_GOLDEN") == "1"
# a fixed clock so that the date rules give the same answer every day
OPTIONS = articlekit.RuleOptions(now=datetime(2026, 1, 1, tzinfo=timezone.utc))


def _own_rules() -> dict[str, tuple[str, ...]]:
    """Rule module short name -> its codes, for the rules that have a golden directory."""
    out: dict[str, tuple[str, ...]] = {}
    for rule in all_rules():
        name = rule.check.__module__.rsplit(".", 1)[-1]
        if (GOLDEN / name).is_dir():
            out[name] = tuple(c.code for c in rule.codes)
    return out


RULES = _own_rules()
CASES = sorted(RULES)


def _check(rule: str, name: str, **extra: Any) -> list[articlekit.Issue]:
    directory = GOLDEN / rule
    kwargs: dict[str, Any] = {"options": OPTIONS, **extra}
    args = directory / "args.json"
    if args.exists():
        for key, value in json.loads(args.read_text(encoding="utf-8")).items():
            kwargs[key] = getattr(articlekit, value) if key == "kind" else value
    return articlekit.check((directory / name).read_bytes(), **kwargs)


def _as_json(issue: articlekit.Issue) -> dict[str, Any]:
    return {
        "code": issue.code,
        "severity": issue.severity,
        "line": issue.line,
        "column": issue.column,
        "path": list(issue.path),
        "message": issue.message,
    }


def test_golden_directories_found() -> None:
    # every rule written for issue 3 has golden files; the list must not be empty
    assert len(CASES) >= 19
    on_disk = sorted(p.name for p in GOLDEN.iterdir() if p.is_dir())
    assert on_disk == CASES, "a golden directory names no rule module"


@pytest.mark.parametrize("rule", CASES)
def test_passing_file_has_no_issue(rule: str) -> None:
    assert _check(rule, "pass.md") == []


@pytest.mark.parametrize("rule", CASES)
def test_failing_file_gives_the_expected_issues(rule: str) -> None:
    actual = [_as_json(i) for i in _check(rule, "fail.md")]
    expected_path = GOLDEN / rule / "fail.json"
    if UPDATE:
        expected_path.write_text(json.dumps(actual, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert len(actual) == len(expected), json.dumps(actual, indent=1)
    for got, want in zip(actual, expected, strict=True):
        assert {k: got[k] for k in ("code", "severity", "line", "column", "path")} == {
            k: want[k] for k in ("code", "severity", "line", "column", "path")
        }
        assert want["message"] in got["message"]


@pytest.mark.parametrize("rule", CASES)
def test_failing_file_shows_every_code_of_its_rule(rule: str) -> None:
    expected = json.loads((GOLDEN / rule / "fail.json").read_text(encoding="utf-8"))
    assert set(RULES[rule]) <= {e["code"] for e in expected}


@pytest.mark.parametrize("rule", CASES)
def test_ignoring_the_rule_silences_it(rule: str) -> None:
    codes = set(RULES[rule])
    before = _check(rule, "fail.md")
    after = _check(rule, "fail.md", ignore=codes)
    assert {i.code for i in before} & codes
    assert not {i.code for i in after} & codes
    assert after == [i for i in before if i.code not in codes]
