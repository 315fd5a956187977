"""A `secured` value is masked wherever it appears, also where no model field expects it.

An organization or forum carrying `secured`, or a `secured` key nested in a
provider, an image, a related item or any unknown mapping, is kept as an
unknown key (or reported as an error): its value must still never appear whole
in a model's `repr` or `str`, a document's `repr`, an issue message, or an
exception's text (`str`, `repr`, also after pickling).  The fuzzer found three
such cases (seed 7, cases 152227, 213129 and 222697); they are replayed here,
with and without the C accelerator.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
from typing import Any

import pytest
from pydantic import BaseModel

import articlekit
from articlekit import _mask, fuzz
from articlekit.models._base import FrontMatterModel

SECRET = (
    "yUdXMcbhJtVMwf0WPhGWGvPqbgqzPPSnD6iIC5k1NW+jFV3iGqb5i4LFZ3XYYbn2o9p4BrZzcoQIVK3L1CQc3Q==;"
    "AAECAwQFBgcICQoLDA0ODw=="
)
OWN = "AAAAAAAAAAAAAAAAAAAAAA==;AAAAAAAAAAAAAAAAAAAAAA=="
NEWS = (
    "---\n"
    "category: news\n"
    'title: "Hello"\n'
    "publishedDateTime: 2020-08-11T13:41:00Z\n"
    'webUrl: "https://example.com/a"\n'
    "{extra}"
    f'secured: "{OWN}"\n'
    "---\n"
)
ORGANIZATION = "---\ntaxonomy: organization\n_id: a.com\nname: A\ndomain: a.com\n{extra}---\n"
FORUM = '---\ntype: forum\nname: "A forum"\n{extra}---\n'

LOADING = {  # files that load: the secret is an unknown key somewhere
    "organization": ORGANIZATION.format(extra=f'secured: "{SECRET}"\n'),
    "organization-plain": ORGANIZATION.format(extra=f"secured: {SECRET}\n"),
    "forum": FORUM.format(extra=f'secured: "{SECRET}"\n'),
    "provider": NEWS.format(extra=f'provider:\n  name: X\n  domain: x.com\n  secured: "{SECRET}"\n'),
    "image": NEWS.format(
        extra="images:\n  - url: https://x.com/a-10x20.jpg\n    width: 10\n    height: 20\n"
        f"    secured: {SECRET}\n"
    ),
    "unknown-mapping": NEWS.format(extra=f"notes:\n  inner:\n    - secured: {SECRET}\n"),
    "unknown-list": ORGANIZATION.format(extra=f"secured: [{SECRET}, {SECRET[::-1]}]\n"),
}

FAILING = {  # files that raise: the line holding the secret is shown under an error
    "related": NEWS.format(
        extra=f"related:\n  - title: R\n    webUrl: https://x.com/r\n    secured: {SECRET}\n"
    ),
    "related-flow": NEWS.format(
        extra=f'related:\n  - {{title: R, webUrl: "https://x.com/r", secured: "{SECRET}"}}\n'
    ),
    # a `#` inside a plain value is no comment (fuzzer case 222697)
    "hash-inside": "---\nsecured: " + SECRET[:5] + "#" + SECRET[6:] + "\npublishedDateTime: true\n---\n",
    # the value on the line after its key (fuzzer case 213129)
    "next-line": f"---\nsecured:\n  x{SECRET}\n---\n",
    # written under another key, used through an alias
    "alias": NEWS.format(extra="")
    .replace('title: "Hello"\n', f'title: "Hello"\nquality: &s "{SECRET}"\n')
    .replace(f'secured: "{OWN}"', "secured: *s"),
    # a plain value folded over two lines
    "folded": NEWS.format(
        extra=f"provider:\n  name: X\n  domain: 5\n  secured: {SECRET[:40]}\n    {SECRET[40:]}\n"
    ).replace("domain: 5", "domain: [5]"),
    "organization-error": ORGANIZATION.format(extra=f"secured: {SECRET}\n").replace("name: A", "name: [A]"),
}


HASHED = SECRET[:5] + "#" + SECRET[6:]


def _pieces(name: str) -> list[str]:
    """What of the value must not be shown: the value, or each line of a folded one."""
    if name == "folded":
        return [SECRET[:40], SECRET[40:]]
    return [HASHED if name == "hash-inside" else SECRET]


@pytest.mark.parametrize("name", sorted(LOADING))
def test_a_loaded_model_never_shows_an_unknown_secured_value(name: str, fast_loop: str) -> None:
    doc = articlekit.loads(LOADING[name])
    assert SECRET in str(doc.meta.model_dump(by_alias=True))  # it is kept, as every unknown key
    for shown in (repr(doc), repr(doc.meta), str(doc.meta), repr(doc.issues)):
        assert SECRET not in shown
        assert SECRET[::-1] not in shown
    assert repr(SECRET[:8] + "…") in repr(doc.meta)  # a prefix tells values apart
    assert all(SECRET not in issue.message for issue in articlekit.check(LOADING[name]))


@pytest.mark.parametrize("name", sorted(FAILING))
def test_an_error_never_shows_a_secured_value(name: str, fast_loop: str) -> None:
    text = FAILING[name]
    pieces = _pieces(name)
    assert all(text.count(piece) == 1 for piece in pieces)
    issues = articlekit.check(text)
    assert any(i.is_error for i in issues)
    assert all(piece[8:] not in issue.message for issue in issues for piece in pieces)
    with pytest.raises(articlekit.ArticleKitError) as info:
        articlekit.loads(text)
    error = info.value
    shown = str(error) + repr(error) + str(pickle.loads(pickle.dumps(error)))
    assert error.source is not None
    for piece in pieces:
        assert piece[8:] not in shown
        assert piece[8:] not in error.source  # the exception does not even hold it
    on_its_line = {text[: text.index(piece)].count("\n") + 1 for piece in pieces}
    if any(i.line in on_its_line for i in error.issues):  # the line is shown, masked
        assert "********" in str(error)


def test_an_error_keeps_the_columns_of_a_masked_line(fast_loop: str) -> None:
    text = FAILING["related"]
    with pytest.raises(articlekit.ValidationError) as info:
        articlekit.loads(text)
    assert info.value.source is not None
    assert len(info.value.source) == len(text)
    assert info.value.source.splitlines() != text.splitlines()
    for original, masked in zip(text.splitlines(), info.value.source.splitlines(), strict=True):
        assert len(original) == len(masked)
        if SECRET in original:
            assert masked.startswith(original[: original.index(SECRET) + 8])
            assert SECRET[8:] not in masked


def test_parse_errors_never_show_a_nested_secured_value() -> None:
    text = f'---\nprovider:\n  name: X\n  secured: "{SECRET}\n---\n'  # never closed: no data
    with pytest.raises(articlekit.ParseError) as info:
        articlekit.parse(text)
    assert any(i.line == 4 for i in info.value.issues)
    assert SECRET not in str(info.value)
    assert SECRET[:8] in str(info.value)


def test_mask_source_keeps_length_lines_and_whitespace() -> None:
    text = f"a: 1\nsecured: {SECRET[:30]} {SECRET[30:]} # note\nb: 2\r\nsecured:\n  {SECRET}\n"
    masked = _mask.mask_source(text, [SECRET], [])
    assert len(masked) == len(text)
    assert SECRET not in masked
    assert SECRET[:30] not in masked
    assert masked.split("\n")[0] == "a: 1"
    assert masked.split("\n")[1].endswith(" # note")  # a comment is not the value
    assert masked.split("\n")[2] == "b: 2\r"
    # without the values, only what is written on the key's line is masked
    assert SECRET[:8] + "*" * 22 + " " in _mask.mask_source(text)


@pytest.mark.parametrize(
    "line",
    [
        f"secured: {SECRET}",
        f'secured: "{SECRET}"',
        f"secured: '{SECRET}'",
        f'"secured": "{SECRET}"',
        f"- secured: {SECRET}",
        f"{{a: 1, secured: {SECRET}}}",
        f"secured: [{SECRET}]",
        f"secured: {SECRET[:5]}#{SECRET[6:]}",
        f'secured: "{SECRET[:20]}\\"{SECRET[21:]}"',
    ],
)
def test_a_value_on_its_key_line_is_masked_without_data(line: str) -> None:
    masked = _mask.mask_line(line)
    assert len(masked) == len(line)
    assert SECRET[8:30] not in masked


def test_the_fuzzer_cases_no_longer_leak(fast_loop: str) -> None:
    for index in (152227, 213129, 222697, 113049):
        data, limits = fuzz.case(7, index)
        assert fuzz.check_input(data, limits) is None, index


def test_the_fuzzer_cases_no_longer_leak_in_a_fresh_pure_process() -> None:
    """``ARTICLEKIT_PURE_PYTHON=1`` is read at import: replay the cases in a fresh process."""
    env = {"ARTICLEKIT_PURE_PYTHON": "1", "PYTHONWARNINGS": "error"}
    command = [sys.executable, "-m", "articlekit.fuzz", "--seed", "7", "--index", "213129", "222697"]
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("no failure") == 2


def test_the_fuzzer_sees_a_leak_of_a_nested_value(monkeypatch: pytest.MonkeyPatch) -> None:
    """The leak check looks at nested and unknown `secured` values and at `str()` of the model."""
    monkeypatch.setattr(FrontMatterModel, "__repr_args__", BaseModel.__repr_args__)
    failure = fuzz.check_input(LOADING["provider"])
    assert failure is not None
    assert failure.kind == "secret leaked"
    assert "repr" in failure.detail


def test_the_fuzzer_replays_several_cases(capsys: pytest.CaptureFixture[str]) -> None:
    assert fuzz.main(["--seed", "7", "--index", "213129", "222697"]) == 0
    out = capsys.readouterr().out
    assert "case 213129:" in out
    assert "case 222697:" in out
    assert out.count("no failure") == 2


def test_masked_values_inside_unknown_keys() -> None:
    value: Any = {"a": [{"secured": SECRET}], "secured": {"x": SECRET}, "b": SECRET}
    shown = repr(_mask.mask_extra(value))
    assert SECRET not in shown.replace(repr(SECRET), "")  # only "b" is shown whole: it is not `secured`
    assert shown.count(repr(SECRET[:8] + "…")) == 2
    assert _mask.mask_extra([1, "x"]) == [1, "x"]


@pytest.mark.parametrize("key", ["type", "category", "taxonomy"])
def test_the_unknown_kind_message_masks_and_cuts_a_mapping(key: str) -> None:
    """AK901 shows a non-text `type` (fuzzer seed 7, case 19446): never a `secured` inside it."""
    text = f"---\n{key}:\n  secured: {SECRET}\n  other: {SECRET[::-1]}\n---\n"
    issues = [i for i in articlekit.check(text) if i.code == "AK901"]
    assert len(issues) == 1
    assert SECRET[8:] not in issues[0].message
    assert SECRET[::-1] not in issues[0].message  # a long value is cut
    assert f"'{key}' is dict {{'secured': {SECRET[:8]!r}" in issues[0].message.replace("…", "")
