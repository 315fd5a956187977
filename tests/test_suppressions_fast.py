"""Suppressions read and applied cheaply give what the plain reading gives.

`suppressions._find` makes its `Suppression`, `Suppressions` and AK001/AK002 issues
without their dataclass `__init__` (`_made`, `_found`, and `CodeInfo.issue` for the
AK001/AK002 issues: `articlekit._frozen`), reads a list of one
code without the general loop of `_parse`, and finds the line an own-line ``ignore``
applies to with one regex (`_content_line`) instead of stripping the lines after it.
`check` with a configuration and a path reuses the configuration's plan for the
ignored codes and kind of the path (`api._new_path_plan`).  None of it may change a result.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import articlekit
from articlekit import api, suppressions
from articlekit.issues import CODES, Issue
from articlekit.suppressions import Suppression, Suppressions, find_suppressions
from conftest import CORPUS, corpus_files


def _same(made: Any, built: Any) -> None:
    assert type(made) is type(built)
    assert made == built
    assert hash(made) == hash(built)
    assert repr(made) == repr(built)
    assert list(made.__dict__) == list(built.__dict__)  # the constructor's fields, in its order


@pytest.mark.parametrize("target", [None, 3])
@pytest.mark.parametrize("whole_file", [False, True])
def test_made_objects_are_those_the_constructors_make(target: int | None, whole_file: bool) -> None:
    args = (2, 1, ("AK305", "AK401"), target, whole_file, "# articlekit: ignore[AK305, AK401]")
    made = suppressions._made(*args)
    _same(made, Suppression(*args))
    issue = suppressions.UNUSED_SUPPRESSION.issue("m", (), 4, 5)
    _same(issue, Issue("AK002", "warning", "m", (), 4, 5))
    _same(
        suppressions.BAD_SUPPRESSION.issue("m", (), 4, 5, severity="error"),
        Issue("AK001", "error", "m", (), 4, 5),
    )
    _same(suppressions._found((made,), (issue,)), Suppressions((made,), (issue,)))
    with pytest.raises(AttributeError):  # still frozen
        made.line = 3  # type: ignore[misc]
    with pytest.raises(AttributeError):
        issue.line = 3  # type: ignore[misc]


_SPACES = ["", " ", "\t", "\xa0", "\x0c", "\x0b", "\x1c", "\x85", "\u2028", "\u3000"]
_REST = ["", "# c", "#", "title: x", "- a", "x", "\u2028# c", "a # b", "'#'"]


def _reference(lines: list[str], number: int) -> int | None:
    """The line after ``number`` that is neither blank nor a comment, as the lines were read before."""
    for later in range(number + 1, len(lines)):
        stripped = lines[later].strip()
        if stripped and not stripped.startswith("#"):
            return later
    return None


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(st.sampled_from(_SPACES), st.sampled_from(_REST)), min_size=1, max_size=8),
    st.sampled_from(["\n", "\r\n", "\r"]),
    st.booleans(),
    st.data(),
)
def test_the_line_an_own_line_ignore_applies_to(
    parts: list[tuple[str, str]], newline: str, final_break: bool, data: st.DataObject
) -> None:
    lines = [a + b for a, b in parts]
    text = newline.join(lines) + (newline if final_break else "")
    number = data.draw(st.integers(0, len(lines) - 1))
    starts = None if newline == "\n" else [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    end = sum(len(line) + len(newline) for line in lines[:number]) + len(lines[number])
    if starts is not None:  # (the caller gives the start of the next line)
        end = starts[number + 1] if number + 1 < len(starts) else len(text)
    assert suppressions._content_line(text, end, number, starts) == _reference(lines, number)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(["ignore", "ignore-file", "ignorex", "ignore-", "Ignore", ""]),
    st.sampled_from(["", " ", "\t"]),
    st.sampled_from(
        [*sorted(CODES)[:40], "AK001", "AK002", "ak305", "AK999", "AK30", "X", "", " ", "\xa0AK305"]
    ),
    st.sampled_from(["", " ", "\t", "\u3000"]),
    st.booleans(),
)
def test_one_code_is_read_as_the_general_loop_reads_it(
    form: str, space: str, code: str, pad: str, own_line: bool
) -> None:
    def parse(listed: str) -> tuple[Any, int]:
        text = f"# articlekit: {form}{space}[{listed}]"
        directive = suppressions._DIRECTIVE.search(text)
        assert directive is not None
        problems: list[Issue] = []
        return suppressions._parse(directive, 2, 1, problems, own_line), len(problems)

    # a trailing comma makes the same list (empty parts are dropped) that only the loop reads
    assert parse(pad + code + pad) == parse(pad + code + pad + ",")


def _config(root: Path) -> articlekit.Config:
    return articlekit.Config.from_dict(
        {
            "per-file-ignores": {"_news/**": ["AK305"], "_people/**": ["AK901"]},
            "kinds": {"_learning/courses/**": "course"},
        },
        root=root,
    )


_PLAN_FIELDS = ("ignored", "kind", "limits", "options", "promote")


def _fields(plan: api._Plan) -> tuple[Any, ...]:
    return tuple(getattr(plan, name) for name in _PLAN_FIELDS)


def test_a_configuration_keeps_one_plan_per_ignored_codes_and_kind(tmp_path: Path) -> None:
    config = _config(tmp_path)
    paths = ["_news/a.md", "_news/b.md", "_people/p.md", "_learning/courses/c.md", "other.md"]
    plans = [api._plan(config, tmp_path / p, None, None, None, None, None) for p in paths]
    for path, plan in zip(paths, plans, strict=True):
        assert _fields(plan) == _fields(api._Plan(config, tmp_path / path, None, None, None, None, None))
    assert plans[0] is plans[1]  # same ignored codes, same kind
    assert len({id(p) for p in plans}) == 4
    # any other argument: a plan of its own, as before
    assert api._plan(config, tmp_path / paths[0], {"AK853"}, None, None, None, None) is not plans[0]
    # another configuration has its own plans
    assert api._plan(_config(tmp_path), tmp_path / paths[0], None, None, None, None, None) is not plans[0]


@pytest.mark.skipif(not corpus_files(), reason="the shared corpus is absent")
def test_check_with_configuration_and_suppressions_on_the_corpus() -> None:
    config = _config(CORPUS)
    for number, path in enumerate(corpus_files()):
        text = path.read_text(encoding="utf-8")
        if number % 4 == 0:
            text = text.replace(
                "---\n", "---\n# articlekit: ignore[AK305]\n# articlekit: ignore[AK853,]\n", 1
            )
        got = articlekit.check(text, config=config, path=path)
        # the same configuration's plan made afresh for each file: what every call did before
        plan = api._Plan(config, path, None, None, None, None, None)
        result = api._analyze(
            text, kind=plan.kind, ignore=plan.ignored, limits=plan.limits, options=plan.options, model=False
        )
        assert got == api._reported(result, plan), path
        if number % 4 == 0 and "articlekit" in text:
            assert find_suppressions(text.split("---\n")[1]).items
