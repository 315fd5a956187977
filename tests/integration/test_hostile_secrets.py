"""A ``secured`` value never appears whole in a repr, an issue message or an exception's text."""

from __future__ import annotations

import pytest

import articlekit

SECRET = (
    "yUdXMcbhJtVMwf0WPhGWGvPqbgqzPPSnD6iIC5k1NW+jFV3iGqb5i4LFZ3XYYbn2o9p4BrZzcoQIVK3L1CQc3Q==;"
    "AAECAwQFBgcICQoLDA0ODw=="
)
GOOD = (
    "---\n"
    "category: news\n"
    'title: "Hello"\n'
    "publishedDateTime: 2020-08-11T13:41:00Z\n"
    'originalUrl: "https://example.com/a"\n'
    f'secured: "{SECRET}"\n'
    "---\n"
)


def _error_text(text: str) -> str:
    with pytest.raises(articlekit.ArticleKitError) as info:
        articlekit.loads(text)
    return str(info.value) + repr(info.value)


def test_a_loaded_document_never_shows_the_secret() -> None:
    doc = articlekit.loads(GOOD)
    assert SECRET not in repr(doc)
    assert SECRET not in repr(doc.meta)
    assert doc.source is not None
    assert SECRET not in repr(doc.source)
    assert SECRET[:8] in repr(doc.meta)  # a prefix, so that people can tell values apart


@pytest.mark.parametrize(
    ("line", "code"),
    [
        (f'secured: "{SECRET[:-2]}"', "AK502"),  # bad padding
        (f'secured: "{SECRET.replace(";", ";;")}"', "AK501"),
        (f'secured: "{SECRET} "', "AK502"),
        (f'secured: "{SECRET}', "AK201"),  # never closed: the YAML error shows the line
        (f"secured: {SECRET} # a comment", "AK301"),
        (f'secured: "{SECRET}"\nsecured: "{SECRET}"', "AK202"),
        (f'related:\n  - {{title: x, secured: "{SECRET}"}}', "AK301"),
    ],
)
def test_issues_and_errors_about_the_line_never_show_the_secret(line: str, code: str) -> None:
    text = GOOD.replace(f'secured: "{SECRET}"', line)
    if code == "AK301":  # make some other error so that loads() raises and renders lines
        text = text.replace('title: "Hello"\n', "")
    issues = articlekit.check(text)
    assert any(i.code == code for i in issues), issues
    assert all(SECRET not in i.message for i in issues)
    rendered = _error_text(text)
    assert SECRET not in rendered
    assert "yUdXMcbh" in rendered or code == "AK301"


def test_the_masked_line_keeps_its_columns() -> None:
    text = GOOD.replace(f'secured: "{SECRET}"', f'secured: "{SECRET}')
    rendered = _error_text(text)
    line = next(x for x in rendered.splitlines() if "secured:" in x)
    assert len(line) == len("    " + f'secured: "{SECRET}')


@pytest.mark.parametrize("value", [f'!!binary "{SECRET}"', f'"{SECRET}" trailing', f"[{SECRET}, *b]"])
def test_parse_errors_never_show_the_secret(value: str) -> None:
    text = GOOD.replace(f'"{SECRET}"', value)
    with pytest.raises(articlekit.ParseError) as info:
        articlekit.parse(text)
    assert any(i.line == 6 for i in info.value.issues)  # the `secured` line
    assert SECRET not in str(info.value)
