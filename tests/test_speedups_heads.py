"""The pure-Python loop reads a line whose head it has read before without its regex, with the same answers.

`articlekit._speedups_py` keeps the heads of the ``key: value`` lines it has read
(``"  key"``, ``"  - key"``, and whole ``"  key:"`` lines) process-wide, and
reads a later line with that head from the table instead of matching `_LINE`.
The reference here is the same loop with the table out of use (every line read
by the regex, as before the table), on tables warmed by other texts: a head must
mean the same thing whatever text put it there, in whatever state the loop is.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articlekit import _speedups_py, fastyaml
from articlekit._same import same
from yamldocs import documents

_SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Texts whose lines share heads in different roles: a key and a "- key", a "key:" and a
# "key:: x", the same key at other indents, in and out of a pending value, a sequence,
# quoted keys (one with ": " inside), keys with spaces, "key:  value" (more spaces).
_TEXTS = [
    "a: 1\nb:\n  a: 2\n  b:\n    - a: 3\n      b: x\nc: y\n",
    "a:\n  - a: 1\n  - a\n  - b: 2\n    a: 3\n",
    "key:\nnext: 1\n",
    "key:: x\n",
    "key:: x\nother: 1\n",
    "other: 1\nkey:: x\n",
    "key:\n  key:: x\n",
    "key: x\nkey:: y\n",
    "a:  b\n",
    "a: 1\nb:  2\n",
    "a:  # comment\n  b: 1\n",
    "a: # comment\nb: 1\n",
    "a: # comment\n  b: 1\n",
    "a: b:  c\n",
    "a:   \nb: 1\n",
    "a: \nb: 1\n",
    '"a: b": c\n"a: b": d\n',
    '"a: b": c\n"a: x": d\n',
    "a:\n  - b: 1\n    c: 2\n  - d\n    c: 3\n",
    "a:\n  - b: 1\n    c: 2\n- d\nc: 3\n",
    '"a": 1\n"a b": 2\n\'a\': 3\n',
    "a b: 1\nc d:\n  a b: 2\n",
    "a:b: 1\na:b:\n  x: 1\n",
    "  a: 1\n",
    "a:\n  b: 1\n c: 2\n",
    "a: 1\n  b: 2\n",
    "- a: 1\n",
    "a:\n- b: 1\n- c\n",
    "a:\n  -   b: 1\n      c: 2\n",
    "a:\n  - - x\n  - -  y\n",
    "a:\n  - x: 1\n    - y\n",
    "a: b\n  continued\nc: d\n",
    "a:\n  - b\n    continued\n",
    "a: |\n  a: 1\n  b: 2\nb: 1\n",
    "yes: 1\n",
    "a:\n  yes: 1\n",
    "-key: 1\n",
    "- \n",
    "a:\n  - #x\n",
    "a:\n  -x\n",
    "a:\n  - b:\n  - c: d\n  - e:f\n  -  g\n",
    "a:\n  - b\n  - c:\n",
    "a: 1\n# a: 2\n#a: 3\n",
    "a: 1\na: 2\n",
    "a: 50\nb: 50 # c\nc: 50  \nd: 050\ne: 1_000\nf: -50\ng: 5e3\nh: 0\ni: 00\n",
    "a: 123456789012345678\nb: 1234567890123456789\nc:\n  - 50\n  - [50, 51]\n",
    "a: 50\na: 50\n",
]


class _Forgetful(dict[str, Any]):
    """A table of heads that keeps none: every line is read by the regex."""

    def __setitem__(self, key: str, value: Any) -> None:
        pass


def _answer(text: str) -> tuple[Any, ...]:
    verdict, data, mappings, special = fastyaml.parse_with("python", text)
    return verdict, data, [list(m) for m in mappings], [(i, p, k, list(m)) for i, p, k, m in special]


def _by_regex(text: str) -> tuple[Any, ...]:
    """The answer with every line read by `_LINE`: no table of heads, no "- item" read by
    partition()."""
    kept = _speedups_py._HEADS, _speedups_py._OPENERS, _speedups_py._SPACES
    _speedups_py._HEADS, _speedups_py._OPENERS = _Forgetful(), _Forgetful()
    _speedups_py._SPACES = frozenset()
    try:
        return _answer(text)
    finally:
        _speedups_py._HEADS, _speedups_py._OPENERS, _speedups_py._SPACES = kept


def _assert_same_as_regex(text: str) -> None:
    want, got = _by_regex(text), _answer(text)
    assert want[0] == got[0], f"{text!r}: by regex {want[0]}, from the table {got[0]}"
    if want[0] == "ok":
        assert same(want[1], got[1], ordered=True), f"{text!r}: {want[1]!r} != {got[1]!r}"
        assert want[2:] == got[2:]


def _warm(texts: list[str]) -> None:
    for text in texts:
        fastyaml.parse_with("python", text)


@pytest.mark.parametrize("text", _TEXTS)
def test_each_text_warm_and_cold(text: str) -> None:
    _speedups_py._HEADS.clear()
    _speedups_py._OPENERS.clear()
    _assert_same_as_regex(text)  # the table filled by this text alone
    _warm(_TEXTS)
    _assert_same_as_regex(text)  # filled by every text


def test_a_key_line_does_not_stand_for_a_line_that_only_starts_like_it() -> None:
    """``key:`` is in the table as a whole line: ``key:: x`` (same partition head) is not a key."""
    _warm(["key:\nnext: 1\n", "other: 1\nkey:\n"])
    assert "key:" in _speedups_py._OPENERS
    assert fastyaml.parse_with("python", "other: 1\nkey:: x\n").verdict == "fallback"
    assert fastyaml.parse_with("python", "other: 1\nkey:\n").data == {"other": 1, "key": None}


def test_a_value_after_more_spaces_is_read_without_them() -> None:
    _warm(["title: x\nheat: 1\n"])
    assert fastyaml.parse_with("python", "title:  x\nheat:   2\n").data == {"title": "x", "heat": 2}
    assert fastyaml.parse_with("python", "title: a:  b\n").verdict == "fallback"


def test_the_table_is_emptied_when_full(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_speedups_py, "_HEADS_SIZE", 8)
    _speedups_py._HEADS.clear()
    text = "".join(f"k{i}: {i}\n" for i in range(20))
    assert fastyaml.parse_with("python", text).data == {f"k{i}": i for i in range(20)}
    assert len(_speedups_py._HEADS) <= 8
    assert fastyaml.parse_with("python", text).data == {f"k{i}": i for i in range(20)}


@_SETTINGS
@given(st.lists(documents(), min_size=1, max_size=4), st.data())
def test_generated_documents_after_others(texts: list[str], data: st.DataObject) -> None:
    """Each of several documents, read after the others filled the table, then re-indented or cut."""
    _warm(texts)
    for text in texts:
        _assert_same_as_regex(text)
    text = data.draw(st.sampled_from(texts))
    lines = text.split("\n")
    at = data.draw(st.integers(0, len(lines) - 1))
    change = data.draw(st.sampled_from(["  ", "- ", "  - ", "", "#"]))
    changed = "\n".join([*lines[:at], change + lines[at], *lines[at + 1 :]])
    _assert_same_as_regex(changed)
    _assert_same_as_regex("\n".join(line.replace(": ", ":", 1) for line in lines))


@pytest.mark.parametrize(
    ("text", "spaced"),
    [
        ("a:  b", True),
        ("a: b:  c", False),
        ("x\na:  b", True),
        ("a: b:  c\nd:  e", True),
        ("a: b:  c:  d\ne: f:  g", False),
        ('"a: b":  c', False),
        ("a::  b", True),
        ("a: b\n  c::  d", True),
    ],
)
def test_spaced_finds_a_space_after_a_line_s_first_colon_space(text: str, spaced: bool) -> None:
    assert _speedups_py._spaced(text) is spaced
    assert _speedups_py._spaced(text) is any(
        line.partition(": ")[2].startswith(" ") for line in text.split("\n")
    )


def test_long_heads_are_not_kept() -> None:
    _speedups_py._HEADS.clear()
    long_key = "k" * (_speedups_py._HEAD_MAX + 1)
    text = f"a: 1\n{long_key}: x\n{' ' * 300}\n"
    _assert_same_as_regex(text)
    assert long_key not in _speedups_py._HEADS
    assert "a" in _speedups_py._HEADS
