"""articlekit._tomlkeys: where each key of a TOML text is written."""

from __future__ import annotations

import sys

import pytest

from articlekit._tomlkeys import key_positions, locate

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

TRICKY = '''\
# a comment = with an equals sign
title = """
[not.a.table]
x = 1
"""
[tool . "article kit".rules]   # a comment
max-related = 3
a.b."c.d" = { x = 1, y = [1, 2,
  3] }
'lit' = \'\'\'[no] = 2\'\'\'
d = 1979-05-27 07:32:00Z
arr = [
  "a", # comment ]
  'b',
]
esc = "a\\"b # no"
"é" = 1
[[arr2]]
k = true
'''


def _where(text: str, needle: str, occurrence: int = 1) -> tuple[int, int]:
    """The 1-based line and column of the n-th occurrence of ``needle`` in ``text``."""
    index = -1
    for _ in range(occurrence):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def test_the_tricky_text_is_valid_toml() -> None:
    assert tomllib.loads(TRICKY)["tool"]["article kit"]["rules"]["max-related"] == 3


@pytest.mark.parametrize(
    ("path", "needle", "occurrence"),
    [
        (("title",), "title", 1),
        (("tool",), "tool", 1),
        (("tool", "article kit"), '"article kit"', 1),
        (("tool", "article kit", "rules"), "rules", 1),
        (("tool", "article kit", "rules", "max-related"), "max-related", 1),
        (("tool", "article kit", "rules", "a", "b", "c.d"), '"c.d"', 1),
        (("tool", "article kit", "rules", "a", "b", "c.d", "y"), "y =", 1),
        (("tool", "article kit", "rules", "a", "b", "c.d", "y", 2), "3]", 1),
        (("tool", "article kit", "rules", "lit"), "'lit'", 1),
        (("tool", "article kit", "rules", "d"), "d = 1979", 1),
        (("tool", "article kit", "rules", "arr", 1), "'b'", 1),
        (("tool", "article kit", "rules", "esc"), "esc", 1),
        (("tool", "article kit", "rules", "é"), '"é"', 1),
        (("arr2", "k"), "k = true", 1),
    ],
)
def test_every_key_is_found_where_it_is_written(
    path: tuple[str | int, ...], needle: str, occurrence: int
) -> None:
    assert key_positions(TRICKY)[path] == _where(TRICKY, needle, occurrence)


def test_text_inside_strings_is_not_taken_for_keys() -> None:
    found = key_positions(TRICKY)
    assert ("not",) not in found
    assert ("x",) not in found
    assert not any("no" in path for path in found)


def test_locate_falls_back_to_the_longest_known_prefix() -> None:
    found = key_positions('[limits]\nmax-bytes = "x"\n')
    assert locate(found, ("limits", "max-bytes", 0)) == (2, 1)
    assert locate(found, ("limits", "nothing")) == (1, 2)
    assert locate(found, ("elsewhere",)) is None


def test_crlf_lines() -> None:
    text = "a = 1\r\n[t]\r\nkey = 2\r\n"
    assert key_positions(text)[("t", "key")] == (3, 1)


def test_something_it_does_not_understand_keeps_what_was_found() -> None:
    found = key_positions("a = 1\nb = ?\nc = 3\n")  # not TOML: the scan stops, nothing raises
    assert found[("a",)] == (1, 1)
