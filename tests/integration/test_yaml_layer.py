"""The YAML layer against PyYAML on the cases the YAML test suite found (issue 15).

Each case is read by every path: the event path (``yamlsafe.load_yaml``, with
libyaml's parser and with PyYAML's pure-Python one), the fast path's Python
loop and its C loop (``fastyaml.parse_with``), and ``load_yaml_fast`` end to
end with each loop (``fastyaml.using``).  Data must be
exactly what ``yaml.load(text, Loader=...)`` gives; where PyYAML refuses the
text, articlekit reports an error and never returns an internal object.
Syntax errors are worded in plain words, with PyYAML's text kept at the end.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
import yaml

from articlekit import fastyaml, yamlsafe
from articlekit._same import same
from articlekit.fastyaml import load_yaml_fast
from articlekit.limits import DEFAULT_LIMITS
from articlekit.yamlsafe import load_yaml


@pytest.fixture(params=["libyaml", "pure"])
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The PyYAML loader class whose parser the event path uses in this test."""
    if request.param == "pure":
        monkeypatch.setattr(yamlsafe, "_Loader", yaml.SafeLoader)
        return yaml.SafeLoader
    if not yaml.__with_libyaml__:  # pragma: no cover - depends on how PyYAML was built
        pytest.skip("PyYAML was built without libyaml")
    return yaml.CSafeLoader


def _fast_answers(text: str) -> dict[str, Any]:
    """What each fast loop answers: its data, or ``"fallback"`` (it hands the text to the event path)."""
    answers: dict[str, Any] = {}
    for name in fastyaml.IMPLEMENTATIONS:
        verdict, root, _, _ = fastyaml.parse_with(name, text, DEFAULT_LIMITS)
        answers[name] = root if verdict == "ok" else "fallback"
    return answers


def _end_to_end(text: str) -> list[Any]:
    """``load_yaml_fast`` with each loop (the C one when built)."""
    results = []
    for name in fastyaml.IMPLEMENTATIONS:
        with fastyaml.using(name):
            results.append(load_yaml_fast(text))
    return results


def _plain(value: Any) -> bool:
    """Whether ``value`` holds only the types YAML data is made of (no internal marker object)."""
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_plain(v) for v in value)
    return value is None or isinstance(value, str | int | float | bool | date | datetime)


# -- the non-specific tag "!" and "=" as a key: read as PyYAML reads them -------------------
ACCEPTED = [
    pytest.param("a: ! 12\n", id="bang-int"),
    pytest.param("a: ! ~\n", id="bang-null"),
    pytest.param("a: ! yes\n", id="bang-bool"),
    pytest.param("a: ! 1.5\n", id="bang-float"),
    pytest.param("a: ! 2020-01-01\n", id="bang-date"),
    pytest.param('a: ! "12"\n', id="bang-quoted"),  # PyYAML resolves it too (YAML 1.2 would not)
    pytest.param("a: !\n", id="bang-empty"),  # libyaml: '', PyYAML's own parser: None
    pytest.param("a: [! 12, ! x, ! null]\n", id="bang-in-flow"),
    pytest.param("! a: 1\n", id="bang-key"),
    pytest.param("a: ! [1]\n", id="bang-sequence"),
    pytest.param("=: 1\n", id="equals-key"),
    pytest.param("! =: 1\n", id="bang-equals-key"),
    pytest.param("a:\n  =: x\n  b: =x\n", id="equals-nested-key"),
]


@pytest.mark.parametrize("text", ACCEPTED)
def test_every_path_reads_what_pyyaml_reads(text: str, loader: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = yaml.load(text, Loader=loader)
    full = load_yaml(text)
    assert full.issues == []
    assert same(full.data, expected, ordered=True), f"event path {full.data!r} != PyYAML {expected!r}"
    for name, answer in _fast_answers(text).items():
        assert answer == "fallback" or same(answer, expected, ordered=True), f"{name} loop: {answer!r}"
    for result in _end_to_end(text):
        assert result.issues == []
        assert same(result.data, expected, ordered=True)


def test_the_bang_tag_resolves_by_the_text() -> None:
    assert load_yaml("a: ! 12\nb: ! ~\nc: ! x\n").data == {"a": 12, "b": None, "c": "x"}


# -- what PyYAML refuses is an error, never data -------------------------------------------
REFUSED = [
    pytest.param("a: <<\n", "AK208", (2, 4), id="merge-as-value"),
    pytest.param("a: [<<]\n", "AK208", (2, 5), id="merge-in-flow-list"),
    pytest.param("a:\n  - <<\n", "AK208", (3, 5), id="merge-in-block-list"),
    pytest.param("a: ! <<\n", "AK208", (2, 4), id="bang-merge-as-value"),
    pytest.param("&m <<: {x: 1}\nb: *m\n", "AK208", (3, 4), id="merge-through-alias"),
    pytest.param("a: =\n", "AK208", (2, 4), id="equals-as-value"),
    pytest.param("a: [=]\n", "AK208", (2, 5), id="equals-in-list"),
    pytest.param("a: &x 1\nb: &x 2\n", "AK210", (3, 4), id="duplicate-anchor"),
    pytest.param("a: &x 1\nb: &x 2\nc: *x\n", "AK210", (3, 4), id="duplicate-anchor-used"),
    pytest.param("a: &x [1]\nb:\n  c: &x {d: 1}\n", "AK210", (4, 6), id="duplicate-collection-anchor"),
    pytest.param("a: &x\n  b: &x 1\n", "AK210", (3, 6), id="anchor-redefined-inside-itself"),
]


@pytest.mark.parametrize(("text", "code", "where"), REFUSED)
def test_what_pyyaml_refuses_is_an_error_on_every_path(
    text: str, code: str, where: tuple[int, int], loader: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(yaml.YAMLError):
        yaml.load(text, Loader=loader)
    _assert_error_everywhere(text, code, where, monkeypatch)


@pytest.mark.parametrize("text", ["! 1: x\n", "1: x\n", "! yes: x\n"])
def test_a_bang_key_that_resolves_to_a_number_is_not_text(
    text: str, loader: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PyYAML makes ``! 1`` the number 1, as ``1``: a key that is not text, an error here."""
    (key,) = yaml.load(text, Loader=loader)
    assert not isinstance(key, str)
    _assert_error_everywhere(text, "AK205", (2, 1), monkeypatch)


def _assert_error_everywhere(
    text: str, code: str, where: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    full = load_yaml(text)
    assert [(i.code, i.severity, i.line, i.column) for i in full.issues] == [(code, "error", *where)]
    assert _plain(full.data), f"internal object in {full.data!r}"
    for name, answer in _fast_answers(text).items():
        assert answer == "fallback", f"the {name} loop accepted {text!r}: {answer!r}"
    for result in _end_to_end(text):
        assert result.issues == full.issues
        assert same(result.data, full.data, ordered=True)


def test_merge_key_as_a_value_says_what_to_write() -> None:
    (issue,) = load_yaml("a: <<\n").issues
    assert "merge key" in issue.message
    assert '"<<"' in issue.message
    assert load_yaml("a: <<\n").data == {"a": "<<"}
    assert load_yaml('a: "<<"\n').issues == []


def test_duplicate_anchor_names_the_first_definition() -> None:
    (issue,) = load_yaml("a: &x 1\nb: &x 2\n").issues
    assert issue.path == ("b",)
    assert "&x" in issue.message
    assert "line 2, column 4" in issue.message


def test_a_merge_key_still_merges() -> None:
    result = load_yaml("base: &b {x: 1}\nc:\n  <<: *b\n  y: 2\n")
    assert result.issues == []
    assert result.data["c"] == {"y": 2, "x": 1}


@pytest.mark.parametrize("key", ["x", "title"])
def test_merged_mappings_earlier_wins(key: str) -> None:
    """YAML's merge order: of several merged mappings, the earlier one wins (docs/format.md).

    PyYAML 6.0.3 and later let the later mapping win for keys longer than one
    character (it compares keys by object identity); articlekit keeps the
    documented order for every key.
    """
    text = f"a: &a {{{key}: 1}}\nb: &b {{{key}: 2}}\nc:\n  <<: [*a, *b]\n"
    assert load_yaml(text).data["c"] == {key: 1}


# -- syntax errors in plain words -----------------------------------------------------------
def _syntax(text: str) -> Any:
    (issue,) = load_yaml(text).issues
    assert issue.code == "AK201"
    return issue


@pytest.mark.parametrize(
    ("text", "where"),
    [
        pytest.param("a: 1\n\tb: 2\n", (3, 1), id="tab-at-line-start"),
        pytest.param("a:\n\tb: 2\n", (3, 1), id="tab-under-a-key"),
        pytest.param("a:\n  b: 1\n  \tc: 2\n", (4, 3), id="tab-after-spaces"),
        pytest.param("topics:\n\t- AI\n", (3, 1), id="tab-before-an-item"),
        pytest.param("a: 1\r\n\tb: 2\r\n", (3, 1), id="tab-crlf"),
    ],
)
def test_a_tab_used_for_indentation(text: str, where: tuple[int, int], loader: Any) -> None:
    issue = _syntax(text)
    assert issue.message.startswith("tabs cannot indent YAML; use spaces (PyYAML: ")
    assert (issue.line, issue.column) == where
    # PyYAML's own words close the message
    with pytest.raises(yaml.MarkedYAMLError) as raised:
        yaml.load(text, Loader=loader)
    assert issue.message.endswith(")")
    assert str(raised.value.problem) in issue.message


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        pytest.param(
            "title: x\n  excerpt: y\n",
            (3, 10),
            "this line is indented more than the key 'title' on line 2",
            id="line-indented-under-a-value",
        ),
        pytest.param(
            "a:\n  b: 1\n    c: 2\n",
            (4, 6),
            "this line is indented more than the key 'b' on line 3",
            id="nested-line-indented-too-far",
        ),
        pytest.param(
            "a:\n  b: 1\n c: 2\n",
            (4, 2),
            "this line starts in column 2, but the keys of the mapping it belongs to start in column 1",
            id="key-between-two-levels",
        ),
        pytest.param(
            "a:\n  - x\n - y\n",
            (4, 2),
            "this line starts in column 2",
            id="item-between-two-levels",
        ),
        pytest.param(
            "key:\n  - a\n  b: 1\n",
            (4, 3),
            "the list on line 3 has its items ('- ') in column 3, and this line (column 3) is not an item",
            id="key-in-a-list",
        ),
    ],
)
def test_a_value_at_the_wrong_indentation(text: str, where: tuple[int, int], words: str, loader: Any) -> None:
    issue = _syntax(text)
    assert issue.message.startswith("wrong indentation: ")
    assert words in issue.message
    assert (issue.line, issue.column) == where
    with pytest.raises(yaml.MarkedYAMLError) as raised:
        yaml.load(text, Loader=loader)
    assert f"(PyYAML: {raised.value.problem}" in issue.message
    assert issue.message.endswith(")")


def test_a_colon_space_inside_a_plain_value(loader: Any) -> None:
    issue = _syntax("title: Power Apps: a guide\n")
    assert issue.message.startswith("the value of 'title' holds ': '")
    assert "put the whole value in quotes" in issue.message
    assert "(PyYAML: mapping values are not allowed" in issue.message
    assert (issue.line, issue.column) == (2, 18)


@pytest.mark.parametrize("quote", ['"', "'"])
def test_an_unclosed_quote_says_where_it_opened(quote: str, loader: Any) -> None:
    text = f"title: x\nexcerpt: {quote}never closed\nheat: 3\n"
    issue = _syntax(text)
    assert issue.message.startswith(
        f"unclosed quote: the {quote} opened on line 3, column 10 is never closed (PyYAML: "
    )
    assert "found unexpected end of stream" in issue.message
    assert (issue.line, issue.column) == (3, 10)


def test_a_quote_closed_only_by_the_next_value(loader: Any) -> None:
    text = 'title: "abc\nexcerpt: "def"\nheat: 1\n'
    issue = _syntax(text)
    assert issue.message.startswith(
        'unclosed quote: the " opened on line 2, column 8 runs on to line 3, where the next " closes it'
    )
    assert (issue.line, issue.column) == (2, 8)


def test_text_after_a_closing_quote(loader: Any) -> None:
    issue = _syntax('title: "A" title\n')
    assert issue.message.startswith('text after the closing " of a quoted value')
    assert (issue.line, issue.column) == (2, 12)


def test_a_bad_escape_is_not_called_an_unclosed_quote(loader: Any) -> None:
    issue = _syntax('title: "a \\q b"\n')
    assert "unclosed" not in issue.message
    assert "escape" in issue.message


def test_other_syntax_errors_keep_pyyaml_words(loader: Any) -> None:
    issue = _syntax("a: [1, 2\nb: 3\n")
    assert "PyYAML" not in issue.message
    assert "',' or ']'" in issue.message


def test_characters_yaml_cannot_hold_are_reported_by_the_yaml_layer_only_when_asked() -> None:
    """`check` asks it not to: the splitter has reported them for the whole file (once)."""
    text = "title: a\x00b\nexcerpt: c\x07\n"
    assert [i.code for i in load_yaml(text).issues] == ["AK106", "AK109"]
    for quiet in (load_yaml(text, report_characters=False), load_yaml_fast(text, report_characters=False)):
        assert quiet.issues == []
        assert quiet.data == {"title": "a\ufffdb", "excerpt": "c\ufffd"}


def test_check_reports_each_character_yaml_cannot_hold_once() -> None:
    """Once, from the splitter, at its place in the file: in the front matter and in the body."""
    import articlekit

    issues = articlekit.check("---\ncategory: news\ntitle: a\x00b\nexcerpt: c\x07\n---\nbody\x00\n")
    found = [(i.code, i.line, i.column) for i in issues if i.code.startswith("AK1")]
    assert found == [("AK106", 3, 9), ("AK109", 4, 11), ("AK106", 6, 5)]
