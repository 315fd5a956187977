"""`check`'s glue: the shared plan of a call without arguments, the issues' order, the model not made.

A call given no configuration and no argument uses one `_Plan` made at import
(`api._DEFAULT_PLAN`) instead of making one; `check` validates without making the
models (`validate.validate_issues`); issues are sorted only when there are two or
more.  None of this may change what any call returns.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

import articlekit
from articlekit import api
from articlekit.limits import DEFAULT_LIMITS
from articlekit.rules import RuleOptions
from articlekit.strategies import documents
from conftest import corpus_files

_PLAN_FIELDS = ("ignored", "kind", "limits", "options", "promote")

# a file with several issues (unknown key, bad URL, duplicate topic), one with one, one with none
_SEVERAL = (
    "---\ncategory: news\ntitle: x\npublishedDateTime: 2021-03-04T05:06:07Z\n"
    "webUrl: not a url\ntype: article\nbogus: 1\ntopics:\n  - a\n  - a\n---\nBody\n"
)
_ONE = "---\ntitle: x\n"
_NONE_TEXT = corpus_files("_news")[0].read_text(encoding="utf-8") if corpus_files("_news") else None


def _fields(plan: api._Plan) -> tuple[Any, ...]:
    return tuple(getattr(plan, name) for name in _PLAN_FIELDS)


def test_the_shared_plan_is_the_plan_made_for_no_argument() -> None:
    made = api._Plan(None, None, None, None, None, None, None)
    assert _fields(api._DEFAULT_PLAN) == _fields(made)
    # a path alone (no configuration to match it against): the shared plan
    assert api._plan(None, "a/b.md", None, None, None, None, None) is api._DEFAULT_PLAN
    for one in (
        {"ignore": ["AK305"]},
        {"kind": "video"},
        {"limits": DEFAULT_LIMITS},
        {"options": RuleOptions()},
    ):
        args: dict[str, Any] = {
            "config": None,
            "path": None,
            "ignore": None,
            "kind": None,
            "limits": None,
            "options": None,
            "secured_key": None,
        }
        args.update(one)
        assert api._plan(**args) is not api._DEFAULT_PLAN


def test_calls_with_arguments_leave_the_shared_plan_as_it_was() -> None:
    before = _fields(api._DEFAULT_PLAN)
    plain = articlekit.check(_SEVERAL)
    articlekit.check(_SEVERAL, ignore={"AK853"}, kind="article")
    articlekit.check(_SEVERAL, config=articlekit.Config.from_dict({"warnings-as-errors": True}))
    assert _fields(api._DEFAULT_PLAN) == before
    assert articlekit.check(_SEVERAL) == plain


@pytest.mark.parametrize("text", [_SEVERAL, _ONE, "", "no front matter\n"])
def test_issues_come_sorted_in_a_list_of_their_own(text: str) -> None:
    first = articlekit.check(text)
    assert first == sorted(first)
    first.append(first[0] if first else None)  # type: ignore[arg-type]
    second = articlekit.check(text)
    assert second == sorted(second)
    assert len(second) == len(first) - 1
    assert api.check_with_suppressed(text)[0] == second
    assert articlekit.check(text, ignore=set()) == second


def test_several_issues_are_sorted_and_ignored_codes_left_out() -> None:
    issues = articlekit.check(_SEVERAL)
    assert len(issues) >= 2
    assert issues == sorted(issues)
    code = issues[0].code
    assert articlekit.check(_SEVERAL, ignore={code}) == [i for i in issues if i.code != code]


def _with_models(text: str | bytes) -> list[articlekit.Issue]:
    """What `check` gives when the models are made (as `loads` makes them)."""
    plan = api._DEFAULT_PLAN
    result = api._analyze(text, kind=None, ignore=plan.ignored, limits=plan.limits, options=plan.options)
    return api._reported(result, plan)


@pytest.mark.parametrize("path", corpus_files()[::9], ids=lambda p: p.name)
def test_check_gives_the_issues_of_the_models_on_real_files(path: Any) -> None:
    text = path.read_text(encoding="utf-8")
    for _ in range(4):  # (the models' validator is made after a kind's first few files)
        assert articlekit.check(text) == _with_models(text)
        broken = text.replace("category:", "category: [", 1).replace("quality:", "quality: x", 1)
        assert articlekit.check(broken) == _with_models(broken)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_check_gives_the_issues_of_the_models_on_generated_files(text: str) -> None:
    assert articlekit.check(text) == _with_models(text)


@pytest.mark.parametrize("empty", [(), [], set(), frozenset()])
def test_an_empty_ignore_is_no_ignore(empty: Any, tmp_path: Any) -> None:
    """``ignore=()`` (what the command line passed for every file) takes the plans kept for no argument."""
    assert api._plan(None, None, empty, None, None, None, None) is api._DEFAULT_PLAN
    config = articlekit.Config.from_dict({"per-file-ignores": {"*.md": ["AK305"]}}, root=tmp_path)
    path = str(tmp_path / "a.md")
    kept = api._plan(config, path, None, None, None, None, None)
    assert api._plan(config, path, empty, None, None, None, None) is kept
    assert _fields(kept) == _fields(api._Plan(config, path, empty, None, None, None, None))
    assert articlekit.check(_SEVERAL, config=config, path=path, ignore=empty) == articlekit.check(
        _SEVERAL, config=config, path=path
    )
    # an iterator may be empty or not: it is read, never taken for no argument
    assert api._plan(None, None, iter(()), None, None, None, None) is not api._DEFAULT_PLAN
