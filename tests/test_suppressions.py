"""Suppression comments in the front matter: every form, unused and malformed ones, real comments only."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import articlekit
from articlekit.docgen import code_examples
from articlekit.issues import CODES, Issue
from articlekit.suppressions import find_suppressions
from conftest import EXAMPLES

EXAMPLE = (EXAMPLES / "hello-article.md").read_text(encoding="utf-8")
_AFTER_LINE_2 = EXAMPLE.index("\n", 4) + 1


def article(*lines: str) -> str:
    """The clean example article with ``lines`` inserted after its first key: they are lines 3, 4, ..."""
    return EXAMPLE[:_AFTER_LINE_2] + "".join(line + "\n" for line in lines) + EXAMPLE[_AFTER_LINE_2:]


def found(text: str, **kwargs: object) -> list[tuple[int, str]]:
    return [(i.line, i.code) for i in articlekit.check(text, **kwargs)]  # type: ignore[arg-type]


def issues_of(text: str, code: str) -> list[Issue]:
    return [i for i in articlekit.check(text) if i.code == code]


def test_the_example_is_clean() -> None:
    assert articlekit.check(EXAMPLE) == []
    assert found(article("foo: 1")) == [(3, "AK305")]


def test_a_trailing_comment_suppresses_its_line_only() -> None:
    assert found(article("foo: 1  # articlekit: ignore[AK305]", "bar: 2")) == [(4, "AK305")]


def test_a_comment_on_its_own_line_applies_to_the_next_content_line() -> None:
    text = article("# articlekit: ignore[AK305]", "", "# an ordinary comment", "foo: 1", "bar: 2")
    assert found(text) == [(7, "AK305")]


def test_several_comments_in_a_row_apply_to_the_same_line() -> None:
    text = article("# articlekit: ignore[AK305]", "# articlekit: ignore[AK305]", "foo: 1")
    assert found(text) == []


def test_several_codes_any_case_and_spacing() -> None:
    text = article('topics2: ["a"]  #   articlekit:ignore[ ak305 ,  AK853 ]')
    assert found(text) == [(3, "AK002")]  # AK305 used, AK853 not: reported as unused
    (unused,) = issues_of(text, "AK002")
    assert "no AK853 issue on line 3 to suppress; remove AK853 from it" in unused.message


def test_ignore_file_applies_everywhere() -> None:
    text = article("foo: 1", "# articlekit: ignore-file[AK305]", "bar: 2")
    assert found(text) == []
    at_the_end = EXAMPLE.replace("\n---\n", "\nfoo: 1\n# articlekit: ignore-file[AK305]\n---\n", 1)
    at_the_end = at_the_end.replace("---\n", "---\nbaz: 3\n", 1)
    assert at_the_end != EXAMPLE
    assert found(at_the_end) == []


def test_ignore_file_must_stand_alone() -> None:
    text = article("foo: 1  # articlekit: ignore-file[AK305]")
    assert found(text) == [(3, "AK305"), (3, "AK001")]  # by column: the key, then the comment
    (bad,) = issues_of(text, "AK001")
    assert "must be on a line of its own" in bad.message
    assert bad.column == text.splitlines()[2].index("#") + 1


@pytest.mark.parametrize(
    ("comment", "fragment"),
    [
        ("# articlekit: ignore", "names no code"),
        ("# articlekit: ignore[]", "names no code"),
        ("# articlekit: ignore[ , ]", "names no code"),
        ("# articlekit: ignore[AK305", "names no code"),
        ("# articlekit: ignor[AK305]", "is not a suppression"),
        ("# articlekit: noqa", "is not a suppression"),
        ("# articlekit: ignore[AK9999]", "is not an issue code"),
        ("# articlekit: ignore[AK3]", "is not an issue code"),  # prefixes are not allowed
        ("# articlekit: ignore[AK002]", "cannot be suppressed by a comment"),
    ],
)
def test_malformed_suppressions_are_warnings_at_the_comment(comment: str, fragment: str) -> None:
    text = article(f"foo: 1  {comment}")
    (bad,) = issues_of(text, "AK001")
    assert fragment in bad.message
    assert (bad.line, bad.column, bad.severity) == (3, 9, "warning")
    assert issues_of(text, "AK305")  # nothing was suppressed


def test_an_unknown_code_beside_a_known_one() -> None:
    text = article("foo: 1  # articlekit: ignore[AK305, XX1]")
    assert found(text) == [(3, "AK001")]


def test_unused_suppressions_are_reported_at_the_comment() -> None:
    text = article("foo: 1", "bar: 2  # articlekit: ignore[AK401]", "# articlekit: ignore-file[AK853]")
    assert found(text) == [(3, "AK305"), (4, "AK305"), (4, "AK002"), (5, "AK002")]
    line_one, file_one = issues_of(text, "AK002")
    assert line_one.message == (
        "'# articlekit: ignore[AK401]' suppressed nothing: no AK401 issue on line 4; remove it"
    )
    assert (line_one.column, line_one.severity) == (9, "warning")
    assert "no AK853 issue in this file" in file_one.message


def test_a_suppression_with_no_line_after_it_is_unused() -> None:
    text = EXAMPLE.replace("\n---\n", "\n# articlekit: ignore[AK305]\n---\n", 1)
    (unused,) = issues_of(text, "AK002")
    assert "no line follows it" in unused.message


def test_codes_that_are_not_checked_are_not_reported_unused() -> None:
    text = article("bar: 2  # articlekit: ignore[AK401]")
    assert found(text) == [(3, "AK305"), (3, "AK002")]
    assert found(text, ignore={"AK401"}) == [(3, "AK305")]
    assert found(text, ignore={"AK002"}) == [(3, "AK305")]
    assert found(article("foo: 1  # articlekit: ignore"), ignore={"AK001"}) == [(3, "AK305")]


@pytest.mark.parametrize(
    "lines",
    [
        ['title2: "a # articlekit: ignore[AK305]"'],
        ["title2: 'a # articlekit: ignore[AK305]'"],
        ['title2: "first line', '  # articlekit: ignore[AK305]"'],
        ["title2: |", "  # articlekit: ignore[AK305]", "  more text"],
        ["title2: >-", "  text", "", "  # articlekit: ignore[AK305]"],
        ["title2: a#articlekit:ignore[AK305]"],  # no space before '#': not a comment
        ["title2: [a, 'b # articlekit: ignore[AK305]']"],
    ],
)
def test_text_that_only_looks_like_a_comment_suppresses_nothing(lines: list[str]) -> None:
    text = article(*lines, "foo: 1")
    assert find_suppressions(text.split("---\n")[1]).items == ()
    assert [c for _, c in found(text)] == ["AK305", "AK305"]


def test_a_comment_after_a_block_scalar_is_a_comment() -> None:
    text = article("title2: |", "  # not a comment", "# articlekit: ignore[AK305]", "foo: 1")
    assert found(text) == [(3, "AK305")]


def test_comments_in_flow_collections_count() -> None:
    text = article("foo: [", "  1,  # articlekit: ignore[AK305]", "]")
    assert found(text) == [(3, "AK305"), (4, "AK002")]


def test_a_reason_may_follow_and_another_comment_may_precede() -> None:
    text = article("foo: 1  # legacy key # articlekit: ignore[AK305] until the 2027 migration")
    assert found(text) == []


def test_crlf_files() -> None:
    text = article("foo: 1  # articlekit: ignore[AK305]", "bar: 2").replace("\n", "\r\n")
    assert found(text) == [(4, "AK305")]


def test_comments_in_the_body_do_not_count() -> None:
    text = article("foo: 1") + "\n# articlekit: ignore-file[AK305]\n"
    assert found(text) == [(3, "AK305")]


def test_in_unreadable_yaml_only_comments_before_the_error_count() -> None:
    # the quote opened before the last line never closes: that line is inside it, as far as YAML can tell
    lines = ["foo: 1  # articlekit: ignore[AK999]", 'bar: "unclosed', "# articlekit: ignore[AK777]"]
    text = EXAMPLE.replace("\n---\n", "\n" + "\n".join(lines) + "\n---\n", 1)
    last = text.split("\n---\n", 1)[0].count("\n") + 1
    codes = found(text)
    assert any(code.startswith("AK2") for _, code in codes)
    assert [line for line, code in codes if code == "AK001"] == [last - 2]  # the one before the error


def test_an_error_can_be_suppressed_and_loads_then_succeeds() -> None:
    text = article('topics2: ["a"]')
    broken = text.replace('webUrl: "https://example.com', 'webUrl: "ftp://example.com', 1)
    assert "AK701" in [c for _, c in found(broken)]
    with pytest.raises(articlekit.ValidationError):
        articlekit.loads(broken)
    suppressed = broken.replace('webUrl: "ftp://', '# articlekit: ignore[AK701]\nwebUrl: "ftp://', 1)
    doc = articlekit.loads(suppressed)
    assert [i.code for i in doc.issues] == ["AK305"]


def test_find_suppressions_gives_lines_targets_and_codes() -> None:
    front = "a: 1  # articlekit: ignore[AK305]\n# articlekit: ignore[ak401, AK402]\n\nb: 2\n"
    front += "# articlekit: ignore-file[AK853]\n"
    items = find_suppressions(front, first_line=2).items
    assert [(s.line, s.column, s.codes, s.target, s.whole_file) for s in items] == [
        (2, 7, ("AK305",), 2, False),
        (3, 1, ("AK401", "AK402"), 5, False),
        (6, 1, ("AK853",), None, True),
    ]


@pytest.mark.parametrize("code", ["AK001", "AK002"])
def test_the_documented_examples_do_what_they_say(code: str) -> None:
    passing, failing = code_examples(CODES[code])
    assert passing
    assert failing
    for example in passing:
        assert code not in [c for _, c in found(f"---\n{example}---\n", kind=articlekit.Article)]
    for example in failing:
        assert code in [c for _, c in found(f"---\n{example}---\n", kind=articlekit.Article)]


_PIECES = [
    "# articlekit: ignore[AK305]",
    "# articlekit: ignore-file[AK853]",
    "# articlekit: ignore[",
    "#articlekit:ignore[ak305,]",
    "articlekit",
    "title: x",
    "foo: 1",
    'a: "',
    "b: '",
    "c: |",
    "  text",
    "d: [1,",
    "]",
    "- e",
    "\t",
    "\x00",
    "é",
    "&a",
    "*a",
    "!!str",
    "? k",
    ": v",
    "---",
    "...",
    "",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12), st.lists(st.sampled_from(_PIECES), max_size=3))
def test_suppression_scanning_never_crashes(lines: list[str], tails: list[str]) -> None:
    padded = (tails + [""] * len(lines))[: len(lines)]
    front = [line + (" " + tail if tail else "") for line, tail in zip(lines, padded, strict=True)]
    text = "---\n" + "\n".join(front) + "\n---\n"
    issues = articlekit.check(text)
    last = len(front) + 1
    for issue in issues:
        if issue.code in ("AK001", "AK002"):
            assert 2 <= issue.line <= last
