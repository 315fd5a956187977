"""docs/rules.md: generated from the code registry, complete, fresh, and its examples true."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

import articlekit
from articlekit.docgen import code_examples, render_rules_markdown
from articlekit.issues import CODES, CodeInfo
from articlekit.rules import RuleOptions, all_rules
from conftest import DOCS

PAGE = DOCS / "rules.md"
RENDERED = render_rules_markdown()
ALL_CODES = sorted(CODES)
OPTIONS = RuleOptions(max_related=1, now=datetime(2026, 1, 1, tzinfo=timezone.utc))

# Codes whose examples are front-matter snippets that can be checked on their own.
# Left out: AK1xx (whole files and bytes), AK207 (needs a Limits), AK301 (a lone
# snippet always misses some other required key), AK51x (need a key) and the
# AK9xx codes of other kinds (their examples are not news items).
_NOT_RUNNABLE = {"AK207", "AK301"}


def _runnable(code: str) -> bool:
    return code[2] in "2345678" and code not in _NOT_RUNNABLE and not code.startswith("AK51")


RUNNABLE = [c for c in ALL_CODES if _runnable(c)]


def _wrap(snippet: str) -> str:
    return "---\n" + snippet + ("" if snippet.endswith("\n") else "\n") + "---\n"


def test_docs_are_fresh() -> None:
    assert PAGE.exists(), "docs/rules.md is missing: python -m articlekit.docgen"
    assert PAGE.read_text(encoding="utf-8") == RENDERED, "docs/rules.md is stale: python -m articlekit.docgen"


def test_rendering_is_deterministic() -> None:
    assert render_rules_markdown() == RENDERED


@pytest.mark.parametrize("code", ALL_CODES)
def test_every_code_is_documented_with_both_examples(code: str) -> None:
    info = CODES[code]
    passing, failing = code_examples(info)
    assert passing, f"{code} has no passing example"
    assert failing, f"{code} has no failing example"
    assert f"### {code} {info.name}" in RENDERED
    section = RENDERED.split(f"### {code} {info.name}", 1)[1].split("\n### ", 1)[0]
    for example in passing + failing:
        assert example in section


@pytest.mark.parametrize("code", RUNNABLE)
def test_examples_do_what_they_say(code: str) -> None:
    passing, failing = code_examples(CODES[code])
    for example in passing:
        found = {i.code for i in articlekit.check(_wrap(example), kind=articlekit.Article, options=OPTIONS)}
        assert code not in found, f"the passing example of {code} gives {code}:\n{example}"
    for example in failing:
        found = {i.code for i in articlekit.check(_wrap(example), kind=articlekit.Article, options=OPTIONS)}
        assert code in found, f"the failing example of {code} does not give {code}:\n{example}"


def test_rules_are_named_and_documented_by_their_codes() -> None:
    names = [rule.name for rule in all_rules()]
    assert len(set(names)) == len(names)
    for rule in all_rules():
        assert f"Rule `{rule.name}` (module `{rule.check.__module__}`)" in RENDERED
        for info in rule.codes:
            assert info.doc
            assert info.doc in rule.doc
            assert info.summary in rule.doc


def test_code_examples_reads_labels_with_notes() -> None:
    info = CodeInfo(
        "AK999",
        "x",
        "warning",
        "x",
        "Text. Passing:\n\n```yaml\na: 1\n```\n\nFailing (warning):\n\n```\nb: 2\n```",
    )
    assert code_examples(info) == (["a: 1\n"], ["b: 2\n"])
    nested = CodeInfo("AK997", "z", "error", "z", "Failing (with `Limits(max_depth=2)`):\n\n```\nc: 3\n```")
    assert code_examples(nested) == ([], ["c: 3\n"])
    assert code_examples(CodeInfo("AK998", "y", "error", "y", "No examples here.")) == ([], [])


def test_every_code_appears_once_in_the_table() -> None:
    for code in ALL_CODES:
        assert RENDERED.count(f"| [{code}](#") == 1
