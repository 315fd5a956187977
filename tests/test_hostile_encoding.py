"""Hostile and broken input, file level: encodings, odd characters, newlines.

Every character a file may not hold gives an issue at its own line and
column, through :func:`articlekit.check` and :func:`articlekit.loads`, with
both YAML parsers, and never a foreign exception.
"""

from __future__ import annotations

import pytest
import yaml

import articlekit
from articlekit import splitter, yamlsafe

GOOD = (
    "---\n"
    'title: "Hello"\n'
    "publishedDateTime: 2020-08-11T13:41:00Z\n"
    'originalUrl: "https://example.com/a"\n'
    'secured: "AAAAAAAAAAAAAAAAAAAAAA==;AAAAAAAAAAAAAAAAAAAAAA=="\n'
    "---\n"
    "Body line.\n"
)


@pytest.fixture(params=["libyaml", "pure"])
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test with libyaml's parser and again with PyYAML's pure-Python one."""
    if request.param == "pure":
        monkeypatch.setattr(yamlsafe, "_Loader", yaml.SafeLoader)
    elif not yaml.__with_libyaml__:  # pragma: no cover
        pytest.skip("PyYAML was built without libyaml")
    return str(request.param)


def _with(char: str, where: str) -> tuple[str, int, int]:
    """GOOD with ``char`` put in the title value or the body; the expected line and column."""
    if where == "front matter":
        return GOOD.replace('"Hello"', f'"He{char}llo"'), 2, 11
    return GOOD.replace("Body line.", f"Body{char} line."), 7, 5


def _only(issues: list[articlekit.Issue], code: str) -> list[articlekit.Issue]:
    return [i for i in issues if i.code == code]


def test_the_clean_file_has_no_file_level_issues(loader: str) -> None:
    assert [i for i in articlekit.check(GOOD) if i.code[:3] in ("AK1", "AK2")] == []


@pytest.mark.parametrize("where", ["front matter", "body"])
@pytest.mark.parametrize(
    ("char", "code"),
    [
        ("\x00", "AK106"),
        ("\ud800", "AK107"),
        ("\ufeff", "AK108"),
        ("\x1b", "AK109"),
        ("\x7f", "AK109"),
        ("\x9b", "AK109"),
        ("\x0c", "AK109"),
        ("\ufffe", "AK109"),
    ],
)
def test_a_bad_character_is_reported_at_its_position(loader: str, char: str, code: str, where: str) -> None:
    text, line, column = _with(char, where)
    issues = articlekit.check(text)
    found = _only(issues, code)
    assert [(i.line, i.column) for i in found] == [(line, column)]
    severe = code in ("AK106", "AK107") or where == "front matter"
    assert found[0].severity == ("error" if severe else "warning")
    # the YAML layer reads U+FFFD in its place: no second, vaguer syntax error
    assert _only(issues, "AK201") == []
    if severe:
        with pytest.raises(articlekit.ParseError) as info:
            articlekit.loads(text)
        assert any(i.code == code for i in info.value.issues)
        str(info.value)  # renders without raising
    else:
        doc = articlekit.loads(text)
        assert any(i.code == code for i in doc.issues)


def test_bytes_input_reports_the_same_positions(loader: str) -> None:
    text, line, column = _with("\x00", "front matter")
    issue = _only(articlekit.check(text.encode("utf-8")), "AK106")[0]
    assert (issue.line, issue.column) == (line, column)


def test_a_bom_at_the_start_is_fine_but_a_second_one_is_not() -> None:
    assert _only(articlekit.check("\ufeff" + GOOD), "AK108") == []
    issues = _only(articlekit.check("\ufeff\ufeff" + GOOD), "AK108")
    assert [(i.line, i.column, i.severity) for i in issues] == [(1, 1, "error")]


def test_invalid_utf8_is_reported_at_each_position() -> None:
    data = GOOD.encode().replace(b"Hello", b"He\xffl\xc3lo")
    issues = _only(articlekit.check(data), "AK101")
    assert [(i.line, i.column) for i in issues] == [(2, 11), (2, 13)]
    assert "0xff" in issues[0].message
    assert "0xc3" in issues[1].message


def test_invalid_utf8_positions_count_characters_not_bytes() -> None:
    data = '---\ntitle: "é€😀\xff"\n---\n'.encode().replace(b"\xc3\xbf", b"\xff")
    (issue,) = _only(articlekit.check(data), "AK101")
    assert (issue.line, issue.column) == (2, 12)


def test_a_megabyte_of_invalid_utf8_lists_fifty_and_counts_the_rest() -> None:
    data = b'---\nx: "' + b"\xff" * (1024 * 1024 - 20) + b'"\n---\n'
    issues = _only(articlekit.check(data, limits=articlekit.Limits(max_bytes=2 * 1024 * 1024)), "AK101")
    assert len(issues) == 51
    assert [i.column for i in issues[:3]] == [5, 6, 7]
    assert f"{1024 * 1024 - 20 - 50:,} more" in issues[-1].message


def test_many_nul_characters_are_capped_with_a_count() -> None:
    text = GOOD + "\x00" * 500
    issues = _only(articlekit.check(text), "AK106")
    assert len(issues) == 51
    assert "450 more" in issues[-1].message


def test_mixed_newlines_warn_at_each_odd_line_end() -> None:
    text = GOOD.replace("\n", "\r\n").replace('"Hello"\r\n', '"Hello"\n').replace("line.\r\n", "line.\r")
    issues = _only(articlekit.check(text), "AK110")
    assert [(i.line, i.column, i.severity) for i in issues] == [(2, 15, "warning"), (7, 11, "warning")]
    assert "LF" in issues[0].message
    assert "CRLF" in issues[0].message
    assert "CR " in issues[1].message
    articlekit.loads(text)  # a warning only


def test_one_newline_style_throughout_gives_no_warning() -> None:
    for newline in ("\n", "\r\n", "\r"):
        assert _only(articlekit.check(GOOD.replace("\n", newline)), "AK110") == []


def test_character_issues_report_nothing_for_clean_text() -> None:
    assert splitter.character_issues("title: é😀\ttab\n") == []


def test_load_yaml_alone_reports_and_survives_bad_characters(loader: str) -> None:
    result = yamlsafe.load_yaml('title: "a\x00b"\nother: "\ud800"\n')
    assert [(i.code, i.line, i.column) for i in result.issues] == [("AK106", 2, 10), ("AK107", 3, 9)]
    assert result.data == {"title": "a\ufffdb", "other": "\ufffd"}


def test_lone_surrogates_never_reach_the_c_parser_as_an_encode_error(loader: str) -> None:
    for text in ("---\n\ud800: x\n---\n", "---\nx: [\udc80\n---\n", "---\n\udfff"):
        issues = articlekit.check(text)
        assert any(i.code == "AK107" for i in issues)
        with pytest.raises(articlekit.ParseError):
            articlekit.loads(text)
        with pytest.raises(articlekit.ParseError):
            articlekit.parse(text)


@pytest.mark.parametrize("bad", ["\x85", "\u2028", "\u2029"])
def test_yaml_line_breaks_inside_values_keep_positions(loader: str, bad: str) -> None:
    text = f'---\ntitle: "a{bad}b"\nquality: x\n---\n'
    issue = next(i for i in articlekit.check(text) if i.path == ("quality",))
    assert (issue.line, issue.column) == (3, 10)
