"""Hostile input, YAML level: limits, alias bombs, deep nesting, code-executing tags.

Each limit of :class:`articlekit.Limits` is reported as AK207 at the place it
was hit, can be changed, and has a safe default.  Growth is checked with work
counts (function calls) and sizes, never with wall-clock time.
"""

from __future__ import annotations

import os
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

import articlekit
from articlekit import yamlsafe
from conftest import ROOT

HEAD = (
    "---\n"
    'title: "t"\n'
    "publishedDateTime: 2020-01-01T00:00:00Z\n"
    'originalUrl: "https://example.com/a"\n'
    'secured: "AAAAAAAAAAAAAAAAAAAAAA==;AAAAAAAAAAAAAAAAAAAAAA=="\n'
)
MIB = 1024 * 1024


def _limit_issues(text: str | bytes, limits: articlekit.Limits | None = None) -> list[articlekit.Issue]:
    return [i for i in articlekit.check(text, limits=limits) if i.code in ("AK207", "AK105")]


# -- defaults ------------------------------------------------------------------


def test_defaults_are_the_documented_safe_values() -> None:
    limits = articlekit.DEFAULT_LIMITS
    assert limits == articlekit.Limits()
    assert (
        limits.max_bytes,
        limits.max_depth,
        limits.max_aliases,
        limits.max_alias_expansion,
        limits.max_keys,
        limits.max_string_length,
    ) == (MIB, 64, 100, 10_000, 1_000, 256 * 1024)
    security = ROOT / "SECURITY.md"
    text = security.read_text(encoding="utf-8")
    for name in (
        "max_bytes",
        "max_depth",
        "max_aliases",
        "max_alias_expansion",
        "max_keys",
        "max_string_length",
    ):
        assert f"`{name}`" in text


@pytest.mark.parametrize("bad", [-1, 1.5, True, "10"])
def test_limits_must_be_non_negative_integers(bad: Any) -> None:
    with pytest.raises(ValueError, match="max_keys"):
        articlekit.Limits(max_keys=bad)


# -- each limit, where it is hit -----------------------------------------------------


def test_max_bytes_counts_utf8_bytes_for_text_and_bytes() -> None:
    body = "é" * 600  # 1,200 bytes, 600 characters
    text = HEAD + "---\n" + body
    size = len(text.encode())
    for data in (text, text.encode()):
        assert _limit_issues(data, articlekit.Limits(max_bytes=size)) == []
        (issue,) = _limit_issues(data, articlekit.Limits(max_bytes=size - 1))
        assert issue.code == "AK105"
        assert f"{size:,} bytes" in issue.message


def test_max_depth_is_reported_at_the_first_bracket_too_deep(pyyaml_parser: str) -> None:
    text = HEAD + "topics: [[[[a]]]]\n---\n"
    (issue,) = _limit_issues(text, articlekit.Limits(max_depth=3))
    assert (issue.line, issue.column) == (6, 11)  # the third '[': the front matter is level 1
    assert "max_depth" in issue.message
    assert "3 levels" in issue.message
    assert _limit_issues(text, articlekit.Limits(max_depth=5)) == []


def test_block_nesting_is_limited_too(pyyaml_parser: str) -> None:
    text = "---\n" + "".join(" " * i + "a:\n" for i in range(100)) + "---\n"
    (issue,) = _limit_issues(text)
    assert issue.line == 2 + 64
    assert issue.column == 65


@pytest.mark.parametrize("opener", ["[", "{a: ", "[ ", "- "])
def test_100000_levels_of_nesting_give_a_limit_issue_not_a_recursion_error(
    pyyaml_parser: str, opener: str
) -> None:
    text = "---\nx: " + opener * 100_000 + "\n---\n"
    issues = articlekit.check(text, limits=articlekit.Limits(max_bytes=2 * MIB))
    if opener == "- ":  # '- - -' after a key is not YAML at all
        assert [i.code for i in issues if i.code[:3] == "AK2"] == ["AK201"]
        return
    (issue,) = [i for i in issues if i.code == "AK207"]
    assert "nesting deeper than the limit of 64 levels" in issue.message
    assert issue.line == 2
    assert issue.column == 4 + 63 * len(opener)
    with pytest.raises(articlekit.ParseError):
        articlekit.parse(text, limits=articlekit.Limits(max_bytes=2 * MIB))


def test_nesting_beyond_the_parsers_own_limit_is_still_our_issue(pyyaml_parser: str) -> None:
    text = "---\nx: " + "[ " * 1500 + "\n---\n"
    (issue,) = _limit_issues(text, articlekit.Limits(max_depth=100_000))
    assert issue.column == 4 + 2 * (1000 - 1)  # the 1,001st level counting the front matter
    assert "1,000 levels" in issue.message
    assert "max_depth is 100,000" in issue.message


def test_max_aliases_is_reported_at_the_first_alias_over(pyyaml_parser: str) -> None:
    text = HEAD + "a: &a x\n" + "".join(f"b{i}: *a\n" for i in range(5)) + "---\n"
    (issue,) = _limit_issues(text, articlekit.Limits(max_aliases=3))
    assert (issue.line, issue.column) == (6 + 4, 5)
    assert "max_aliases" in issue.message
    assert _limit_issues(text, articlekit.Limits(max_aliases=5)) == []


def test_max_alias_expansion_counts_what_aliases_stand_for(pyyaml_parser: str) -> None:
    text = HEAD + "a: &a [1, 2, 3, 4]\nb: *a\nc: *a\n---\n"
    (issue,) = _limit_issues(text, articlekit.Limits(max_alias_expansion=9))
    assert (issue.line, issue.column) == (8, 4)
    assert "max_alias_expansion" in issue.message
    assert _limit_issues(text, articlekit.Limits(max_alias_expansion=10)) == []


def test_max_keys_is_reported_once_at_the_first_key_over(pyyaml_parser: str) -> None:
    text = "---\n" + "".join(f"k{i}: {i}\n" for i in range(50)) + "---\n"
    (issue,) = _limit_issues(text, articlekit.Limits(max_keys=10))
    assert (issue.line, issue.column, issue.path) == (12, 1, ("k10",))
    assert "max_keys" in issue.message
    data, _ = articlekit.parse(text, limits=articlekit.Limits(max_keys=50))
    assert len(data) == 50


def test_max_string_length_is_reported_at_the_string(pyyaml_parser: str) -> None:
    text = HEAD + 'excerpt: "' + "x" * 100 + '"\n---\n'
    (issue,) = _limit_issues(text, articlekit.Limits(max_string_length=99))
    assert (issue.line, issue.column, issue.path) == (6, 10, ("excerpt",))
    assert "100 characters" in issue.message
    assert "max_string_length" in issue.message
    assert _limit_issues(text, articlekit.Limits(max_string_length=100)) == []


def test_load_yaml_alone_enforces_max_bytes() -> None:
    result = yamlsafe.load_yaml("a: b\n" * 100, limits=articlekit.Limits(max_bytes=100))
    assert result.data is None
    assert [i.code for i in result.issues] == ["AK207"]


# -- alias bombs -----------------------------------------------------------------


def _billion_laughs() -> str:
    lines = ['lol0: &l0 "lol"']
    lines += [f"lol{k}: &l{k} [" + ", ".join([f"*l{k - 1}"] * 10) + "]" for k in range(1, 10)]
    return "---\n" + "\n".join(lines) + "\n---\n"


def test_billion_laughs_is_rejected_in_little_memory(pyyaml_parser: str) -> None:
    text = _billion_laughs()
    tracemalloc.start()
    try:
        issues = articlekit.check(text, limits=articlekit.Limits(max_aliases=10**6))
        with pytest.raises(articlekit.ParseError):
            articlekit.loads(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    (issue,) = [i for i in issues if i.code == "AK207"]
    assert "billion laughs" in issue.message
    assert issue.line == 6  # lol4: 10 + 110 + 1,210 + 13,310 values passes 10,000
    assert peak < 50 * 10**6


def test_an_alias_to_its_own_collection_is_an_issue(pyyaml_parser: str) -> None:
    issues = articlekit.check("---\na: &a [*a]\n---\n")
    assert [(i.code, i.line, i.column) for i in issues if i.code[:3] == "AK2"] == [("AK206", 2, 8)]


# -- no code execution ----------------------------------------------------------------


_DANGEROUS = [
    "!!python/object/apply:os.system ['touch {marker}']",
    "!!python/object/apply:builtins.exec [\"open(r'{marker}', 'w').close()\"]",
    "!!python/object/new:builtins.exec [\"open(r'{marker}', 'w').close()\"]",
    "!!python/object/apply:subprocess.check_call [[touch, '{marker}']]",
    "!!python/name:os.system",
    "!!python/module:os",
    "!!python/object:builtins.object {{}}",
]


@pytest.mark.parametrize("tag", _DANGEROUS)
def test_python_tags_construct_nothing(
    pyyaml_parser: str, tag: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    marker = tmp_path / "pwned"
    calls: list[object] = []

    def _recorder(*args: object, **kwargs: object) -> int:
        calls.append(args)
        return 0

    monkeypatch.setattr(os, "system", _recorder)
    text = HEAD + "featuredContent: " + tag.format(marker=marker) + "\n---\n"
    issues = articlekit.check(text)
    with pytest.raises(articlekit.ParseError):
        articlekit.loads(text)
    with pytest.raises(articlekit.ParseError):
        articlekit.parse(text)
    assert not marker.exists()
    assert calls == []
    (issue,) = [i for i in issues if i.code == "AK203"]
    assert (issue.line, issue.column, issue.path) == (6, 18, ("featuredContent",))
    assert "!!python/" in issue.message


def test_the_harmless_side_effect_does_run_under_an_unsafe_loader(tmp_path: Path) -> None:
    """The proof above is meaningful: the same tag does run code under yaml.unsafe_load."""
    marker = tmp_path / "pwned"
    yaml.unsafe_load(f"x: !!python/object/apply:builtins.exec [\"open(r'{marker}', 'w').close()\"]")
    assert marker.exists()


@pytest.mark.parametrize("tag", ["!foo", "!!binary", "!!set", "!!omap", "!<tag:example.com,2000:x>"])
def test_unknown_and_unsupported_tags_are_errors(pyyaml_parser: str, tag: str) -> None:
    issues = articlekit.check(HEAD + f"featuredContent: {tag} aGk=\n---\n")
    assert [i.code for i in issues if i.code[:3] == "AK2"] == ["AK203"]


# -- numbers whose cost grows faster than their text ----------------------------------


@pytest.mark.parametrize(
    "value",
    ["1" * 5000, "0b" + "1" * 20_000, "0x" + "f" * 5000, ":".join(["1"] * 40), ":".join(["1"] * 40) + ".5"],
)
def test_huge_numbers_are_issues_not_slow_or_unprintable_ints(pyyaml_parser: str, value: str) -> None:
    issues = articlekit.check(HEAD + f"heat: {value}\n---\n")
    (issue,) = [i for i in issues if i.code == "AK208"]
    assert issue.path == ("heat",)
    assert len(issue.message) < 300  # the value is shown cut short


def test_a_short_base_60_number_still_reads_as_yaml_1_1_says() -> None:
    data, _ = articlekit.parse("---\nheat: 1:30:00\n---\n")
    assert data == {"heat": 5400}


# -- bounded work on big inputs --------------------------------------------------------


def _calls(fn: Callable[[], object]) -> int:
    """Function calls (Python and C) made by ``fn``: a measure of work that ignores the clock."""
    count = 0

    def _profile(frame: object, event: str, arg: object) -> None:
        nonlocal count
        count += 1

    sys.setprofile(_profile)
    try:
        fn()
    finally:
        sys.setprofile(None)
    return count


_SHAPES: dict[str, Callable[[int], str | bytes]] = {
    "many keys": lambda n: HEAD + "".join(f"k{i}: {i}\n" for i in range(n // 12)) + "---\n",
    "many block items": lambda n: (
        HEAD + "topics:\n" + "".join(f"  - t{i}\n" for i in range(n // 10)) + "---\n"
    ),
    "many flow items": lambda n: HEAD + "topics: [" + "a," * (n // 2) + "]\n---\n",
    "many images": lambda n: (
        HEAD
        + "images:\n"
        + "".join(f'  - {{url: "/a-1x1.png", width: 1, height: {i}}}\n' for i in range(n // 50))
        + "---\n"
    ),
    "long string": lambda n: HEAD + 'excerpt: "' + "a" * n + '"\n---\n',
    "long body line": lambda n: HEAD + "---\n" + "b" * n + "\n",
    "invalid utf-8": lambda n: HEAD.encode() + b'excerpt: "' + b"\xff" * n + b'"\n---\n',
    "control characters": lambda n: HEAD + "---\n" + "\x00a\r\n" * (n // 4),
    "duplicate keys": lambda n: HEAD + "title: x\n" * (n // 9) + "---\n",
}


@pytest.mark.parametrize("shape", list(_SHAPES))
def test_work_grows_linearly_with_the_input(shape: str) -> None:
    make = _SHAPES[shape]
    small, large = (_calls(lambda n=n: articlekit.check(make(n))) for n in (16 * 1024, 32 * 1024))
    assert large <= 2.3 * small + 1000


def _filled(head: str, line: Callable[[int], str], tail: str, size: int) -> str:
    """``head``, then ``line(0)``, ``line(1)``, ... while the whole stays within ``size`` bytes."""
    parts = [head]
    total = len(head) + len(tail)
    i = 0
    while total + len(line(i)) <= size:
        parts.append(line(i))
        total += len(parts[-1])
        i += 1
    return "".join(parts) + tail


_MEBIBYTE_FILES: dict[str, Callable[[], str]] = {
    "long string": lambda: HEAD + 'excerpt: "' + "a" * (MIB - 300) + '"\ncategory: news\n---\n',
    "long body line": lambda: HEAD + "category: news\n---\n" + "b" * (MIB - 300) + "\n",
    "many keys": lambda: _filled(HEAD, lambda i: f"k{i}: {i}\n", "---\n", MIB),
    "many block items": lambda: _filled(
        HEAD + "topics:\n", lambda i: f"  - t{i}\n", "category: news\n---\n", MIB
    ),
}


@pytest.mark.parametrize("shape", list(_MEBIBYTE_FILES))
def test_one_mebibyte_inputs_are_handled(shape: str) -> None:
    data = _MEBIBYTE_FILES[shape]()
    assert MIB - 300 < len(data) <= MIB
    issues = articlekit.check(data)
    assert all(i.line >= 1 and i.column >= 1 for i in issues)
    if shape == "long string":
        assert [(i.code, i.line) for i in issues] == [("AK207", 6)]
    elif shape == "many keys":
        limit = [i for i in issues if i.code == "AK207"]
        assert [i.path for i in limit] == [("k996",)]  # the 1,001st key: four come first
    else:
        assert issues == []
