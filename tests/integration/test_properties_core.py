"""Hypothesis properties of the core: check() never raises, loads() raises only
ArticleKitError, and every issue points inside the file."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import articlekit

_BREAKS = re.compile(r"\r\n|\r|\n")
_YAMLISH = st.sampled_from(
    [
        "---",
        "...",
        "----",
        "\n",
        "\r\n",
        "\r",
        ":",
        ": ",
        "- ",
        "  ",
        "\t",
        "'",
        '"',
        "[",
        "]",
        "{",
        "}",
        ",",
        "&a ",
        "*a",
        "!!python/object:os.system ",
        "!!int ",
        "<<: ",
        "? ",
        "|",
        ">",
        "#",
        "yes",
        "10:00",
        "2020-01-01",
        "title",
        "images",
        "width",
        "\ufeff",
        "\x85",
        "\u2028",
        "\x00",
        "é",
        "😀",
        "null",
        "~",
    ]
)
_DOCS = st.lists(st.one_of(_YAMLISH, st.text(max_size=5)), max_size=40).map("".join)


def _assert_inside(data: str | bytes, issues: list[articlekit.Issue]) -> None:
    text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
    line_count = len(_BREAKS.split(text))
    for issue in issues:
        assert 1 <= issue.line <= line_count, issue
        assert issue.column >= 1, issue
        assert issue.severity in ("error", "warning")
        assert issue.code in articlekit.CODES, issue


def _loads_raises_only_our_errors(data: str | bytes) -> None:
    try:
        articlekit.loads(data)
    except articlekit.ArticleKitError as exc:
        assert exc.issues
        assert str(exc)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_DOCS, _DOCS.map(lambda s: "---\n" + s + "\n---\n"), st.text()))
def test_check_never_raises_on_text(data: str) -> None:
    _assert_inside(data, articlekit.check(data))
    _loads_raises_only_our_errors(data)


@settings(max_examples=200)
@given(
    st.one_of(st.binary(), _DOCS.map(lambda s: ("---\n" + s + "\n---\n").encode("utf-8", "surrogatepass")))
)
def test_check_never_raises_on_bytes(data: bytes) -> None:
    _assert_inside(data, articlekit.check(data))
    _loads_raises_only_our_errors(data)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutating_the_sample_never_crashes(sample_text: str, data: st.DataObject) -> None:
    text = sample_text
    for _ in range(data.draw(st.integers(1, 4), label="mutations")):
        at = data.draw(st.integers(0, len(text)), label="at")
        cut = data.draw(st.integers(0, 20), label="cut")
        insert = data.draw(st.one_of(_YAMLISH, st.text(max_size=3)), label="insert")
        text = text[:at] + insert + text[at + cut :]
    issues = articlekit.check(text)
    _assert_inside(text, issues)
    _loads_raises_only_our_errors(text)
