"""Golden files for the cross-field rules: ``tests/golden/rules/<rule module>/``.

Every rule module has a directory (a module without one is a failure, not a
skip) with ``pass.md`` (a whole document that must give no issue at all),
``fail.md`` (the same kind of document, broken in every way the rule
catches) and ``fail.json``, the result ``fail.md`` must give: every issue as
`Issue.to_dict()` gives it (code, severity, line, column, key path and
message), in the one golden format of `tests/goldens.py`.

To regenerate ``fail.json`` after a deliberate change, run
``ARTICLEKIT_UPDATE_GOLDEN=1 python -m pytest tests/rules/test_golden.py`` and
review the diff: the files are the specification.  An optional ``args.json``
gives arguments for ``check``: ``{"kind": "Article"}`` validates as that kind
instead of detecting it, ``{"secured_key": "<hex>"}`` checks with that key.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

import pytest

import articlekit
import articlekit.rules
from articlekit.rules import all_rules
from goldens import GOLDEN, OPTIONS, assert_result, issue_records, read_json, read_result

RULES_GOLDEN = GOLDEN / "rules"


def _rule_modules() -> list[str]:
    """The short names of the rule modules: the public modules of `articlekit.rules` with a ``RULE``."""
    names = [m.name for m in pkgutil.iter_modules(articlekit.rules.__path__) if not m.name.startswith("_")]
    return sorted(n for n in names if hasattr(importlib.import_module(f"articlekit.rules.{n}"), "RULE"))


def _codes() -> dict[str, tuple[str, ...]]:
    """Rule module short name -> the codes of its rule."""
    return {
        rule.check.__module__.rsplit(".", 1)[-1]: tuple(c.code for c in rule.codes) for rule in all_rules()
    }


RULES = _codes()
CASES = _rule_modules()


def _check(rule: str, name: str, **extra: Any) -> list[articlekit.Issue]:
    directory = RULES_GOLDEN / rule
    kwargs: dict[str, Any] = {"options": OPTIONS, **extra}
    args = directory / "args.json"
    if args.exists():
        for key, value in read_json(args).items():
            if key == "kind":
                kwargs[key] = getattr(articlekit, value)
            elif key == "secured_key":
                pytest.importorskip("cryptography")
                kwargs[key] = bytes.fromhex(value)
            else:
                kwargs[key] = value
    return articlekit.check((directory / name).read_bytes(), **kwargs)


def test_every_rule_module_has_golden_files() -> None:
    assert len(CASES) >= 29
    assert set(CASES) == set(RULES), "a rule module without a RULE, or a RULE outside a rule module"
    missing = [
        (n, f)
        for n in CASES
        for f in ("pass.md", "fail.md", "fail.json")
        if not (RULES_GOLDEN / n / f).exists()
    ]
    assert missing == [], "rule modules without golden files"
    on_disk = sorted(p.name for p in RULES_GOLDEN.iterdir() if p.is_dir())
    assert on_disk == CASES, "a golden directory names no rule module"


@pytest.mark.parametrize("rule", CASES)
def test_passing_file_has_no_issue(rule: str) -> None:
    assert _check(rule, "pass.md") == []


@pytest.mark.parametrize("rule", CASES)
def test_failing_file_gives_the_expected_issues(rule: str) -> None:
    assert_result(RULES_GOLDEN / rule / "fail.json", {"issues": issue_records(_check(rule, "fail.md"))})


@pytest.mark.parametrize("rule", CASES)
def test_failing_file_shows_every_code_of_its_rule(rule: str) -> None:
    expected = read_result(RULES_GOLDEN / rule / "fail.json")
    assert set(RULES[rule]) <= {e["code"] for e in expected["issues"]}


@pytest.mark.parametrize("rule", CASES)
def test_ignoring_the_rule_silences_it(rule: str) -> None:
    codes = set(RULES[rule])
    before = _check(rule, "fail.md")
    after = _check(rule, "fail.md", ignore=codes)
    assert {i.code for i in before} & codes
    assert not {i.code for i in after} & codes
    assert after == [i for i in before if i.code not in codes]
