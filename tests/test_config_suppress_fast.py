"""The shortcuts of `check` with a configuration, a path and a suppression comment give the plain results.

- `suppressions._leading_ignore` (a lone ``# articlekit: ignore[CODE]`` before any content) gives
  what `suppressions._find` gives, with either scanner;
- `suppressions._applied_one` (one ``ignore``) applies it as `apply_suppressions` does;
- `Config.relative` makes a normal absolute path relative without `os.path.abspath`, as it did with it;
- `api._plan` keeps plans by path only where the path alone decides (a relative path depends on the
  current folder, even with a `root`).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import articlekit
from articlekit import Config, api, suppressions
from articlekit.issues import CODES, Issue

_KNOWN = sorted(CODES)[:12]
_CODES = [
    *_KNOWN,
    "AK305",
    "AK001",
    "AK002",
    "ak305",
    "AK999",
    "AK30",
    "AK3050",
    " AK305",
    "AK305 ",
    "\tAK305",
]
_DIRECTIVES = [
    "# articlekit: ignore[{code}]",
    "#articlekit:ignore[{code}]",
    "# articlekit : ignore [ {code} ]",
    "#\tarticlekit:\tignore\t[{code}]\t",
    "# articlekit: ignore[{code}]  ",
    "# articlekit: ignore[{code}] trailing words",
    "# articlekit: ignore[{code}, AK401]",
    "# articlekit: ignore-file[{code}]",
    "# articlekit: ignorex[{code}]",
    "# articlekit: ignore[{code}]]",
    "# articlekit: ignore[[{code}]",
    "# articlekit: ignore",
    "title: x  # articlekit: ignore[{code}]",
    "'# articlekit: ignore[{code}]'",
]
_OTHER = [
    "",
    " ",
    "  ",
    "\t",
    "# a comment",
    "#",
    "  # indented comment",
    "title: x",
    "title: '#x'",
    "- a",
    "x: |",
    "  # in a block",
    "\u3000",
    "\x85",
    "a\u2028b",
    "# articlekit: ignore[AK401]",
    "# mentions articlekit",
    "k: v # articlekit: ignore[AK853]",
    "[",
    "\ufeff# c",
]
_INDENTS = ["", " ", "  ", "\t"]


@st.composite
def _front_matters(draw: st.DrawFn) -> str:
    before = draw(st.lists(st.sampled_from(_OTHER), max_size=4))
    directive = draw(st.sampled_from(_DIRECTIVES)).format(code=draw(st.sampled_from(_CODES)))
    indent = draw(st.sampled_from(_INDENTS))
    after = draw(st.lists(st.sampled_from(_OTHER), max_size=5))
    newline = draw(st.sampled_from(["\n", "\n", "\n", "\r\n", "\r"]))
    lines = [*before, indent + directive, *after]
    return newline.join(lines) + draw(st.sampled_from([newline, "", "\n"]))


def _fields(found: suppressions.Suppressions) -> tuple[object, ...]:
    return (found, [i.__dict__ for i in found.items], [p.__dict__ for p in found.problems])


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_front_matters(), st.sampled_from([2, 1, 5]))
def test_a_leading_ignore_is_read_as_find_reads_it(front: str, first_line: int) -> None:
    expected = suppressions._find(front, first_line, pure=False)
    assert _fields(suppressions.find_suppressions(front, first_line=first_line)) == _fields(expected)
    assert expected == suppressions._find(front, first_line, pure=True)
    fast = suppressions._leading_ignore(front, first_line)
    if fast is not None:
        assert _fields(fast) == _fields(expected)
        assert suppressions._leading_ignore(front, first_line) is fast  # (kept: the same again)


@pytest.mark.parametrize(
    "front",
    [
        "# articlekit: ignore[AK305]\ntitle: x\n",  # the plain line
        "# c\n\n  # articlekit: ignore[AK305]\n\n# d\ntitle: x\n",  # the match
        "# articlekit: ignore[AK305]\n",  # nothing after it: no target
        "# articlekit: ignore[AK305]\n# c\n  \ntitle: x\n",
    ],
)
def test_the_shortcut_is_taken_where_it_should_be(front: str) -> None:
    fast = suppressions._leading_ignore(front, 2)
    assert fast is not None
    assert _fields(fast) == _fields(suppressions._find(front, 2, pure=False))


@pytest.mark.parametrize(
    "front",
    [
        "# articlekit: ignore[AK305]\r\ntitle: x\r\n",  # CR: the general reading
        "# articlekit: ignore[AK305]\ntitle: x  # articlekit: ignore[AK401]\n",  # a second mention
        "# articlekit: bad\n# articlekit: ignore[AK305]\ntitle: x\n",  # an earlier mention
        "# articlekit: ignore[AK001]\ntitle: x\n",  # a code a comment cannot suppress
        "# articlekit: ignore[AK999]\ntitle: x\n",  # no such code
        "title: x\n# articlekit: ignore[AK305]\nk: v\n",  # after content
        "# articlekit: ignore[AK305]\x85title: x\n",  # a break LF-only reading does not see
    ],
)
def test_the_shortcut_leaves_the_rest_to_find(front: str) -> None:
    assert suppressions._leading_ignore(front, 2) is None
    assert _fields(suppressions.find_suppressions(front)) == _fields(suppressions._find(front, 2, pure=True))


def test_a_code_unregistered_since_is_not_taken_from_what_was_kept() -> None:
    articlekit.register_code("RX951", name="rx-fast-one", severity="warning", doc="A test code.")
    front = "# articlekit: ignore[RX951]\ntitle: x\n"
    try:
        assert suppressions.find_suppressions(front).items[0].codes == ("RX951",)
    finally:
        from articlekit.issues import _unregister

        _unregister("RX951")
    found = suppressions.find_suppressions(front)
    assert not found.items
    assert found.problems  # AK001: not an issue code
    assert found == suppressions._find(front, 2, pure=False)


_ISSUE_CODES = ["AK305", "AK401", "AK853", "AK002", "AK301"]


@st.composite
def _issues(draw: st.DrawFn) -> list[Issue]:
    found = [
        CODES[code].issue("m", (), line, column)
        for code, line, column in draw(
            st.lists(
                st.tuples(st.sampled_from(_ISSUE_CODES), st.integers(1, 6), st.integers(1, 3)), max_size=6
            )
        )
    ]
    return sorted(found)


@settings(max_examples=800, deadline=None)
@given(
    _issues(),
    st.lists(st.sampled_from(_ISSUE_CODES[:3]), min_size=1, max_size=3, unique=True),
    st.one_of(st.none(), st.integers(1, 6)),
    st.frozensets(st.sampled_from(_ISSUE_CODES)),
    st.booleans(),
)
def test_one_ignore_is_applied_as_apply_suppressions_applies_it(
    issues: list[Issue], codes: list[str], target: int | None, ignored: frozenset[str], keep: bool
) -> None:
    item = suppressions._made(2, 1, tuple(codes), target, False, f"# articlekit: ignore[{', '.join(codes)}]")
    found = suppressions._found((item,), ())
    expected_silenced: list[Issue] = []
    expected = suppressions.apply_suppressions(
        [*issues], found, lambda code: code not in ignored, expected_silenced if keep else None
    )
    for _ in range(2):  # the second time, the AK002 warning kept from the first
        silenced: list[Issue] = []
        got = suppressions._applied_one([*issues], item, ignored, silenced if keep else None)
        assert got == expected
        assert [i.__dict__ for i in got] == [i.__dict__ for i in expected]
        assert silenced == (expected_silenced if keep else [])


def test_the_kept_warning_is_about_its_own_comment() -> None:
    one = "# articlekit: ignore[AK305]\ntitle: x\n"
    two = "# articlekit: ignore[AK401]\ntitle: x\n"
    for front in (one, two, one, "\n" + one):
        got = suppressions._suppressed([], front, frozenset(), None)
        found = suppressions._find(front, 2, pure=False)
        assert got == suppressions.apply_suppressions([], found, lambda code: True)


_SEGMENTS = ["a", "b", ".", "..", "", "_news", ".hidden", "x.md", "..md"]


@settings(max_examples=800, deadline=None)
@given(
    st.lists(st.sampled_from(_SEGMENTS), max_size=6),
    st.sampled_from(["/", "/tmp/root", "/tmp/root/", "/tmp", "/tmp/root/_news"]),
    st.booleans(),
)
def test_a_normal_absolute_path_is_made_relative_as_abspath_makes_it(
    segments: list[str], root: str, trailing: bool
) -> None:
    config = Config.from_dict({}, root=root)
    fixed = config.root
    assert fixed is not None
    path = "/" + "/".join(["tmp", "root", *segments]) + ("/" if trailing else "")
    full = os.path.abspath(path)
    base = str(fixed)
    prefix = os.path.join(base, "")
    expected = "." if full == base else (full[len(prefix) :] if full.startswith(prefix) else None)
    assert config.relative(path) == expected
    assert config.relative(Path(path)) == config.relative(os.fspath(Path(path)))


def test_a_relative_path_is_matched_from_the_current_folder_each_time(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # fails with plans and relative paths kept by the path alone when there is a root
    noisy = (
        '---\ntitle: "Hello"\ncategory: news\ntype: article\nlegacyId: 7\n'
        'excerpt: "x"\npublishedDateTime: 2024-01-01T00:00:00Z\n---\n'
    )
    config = Config.from_dict({"per-file-ignores": {"_news/**": ["AK305"]}}, root=tmp_path)
    (tmp_path / "other" / "_news").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    codes = [i.code for i in articlekit.check(noisy, config=config, path="_news/a.md")]
    assert "AK305" not in codes
    assert config.relative("_news/a.md") == "_news/a.md"
    monkeypatch.chdir(tmp_path / "other")  # now 'other/_news/a.md' below the root: '_news/**' misses it
    assert config.relative("_news/a.md") == "other/_news/a.md"
    codes = [i.code for i in articlekit.check(noisy, config=config, path="_news/a.md")]
    assert "AK305" in codes
    assert config.ignored_codes("_news/a.md") == config._for_path("_news/a.md")[0]


def test_plans_by_path_follow_the_configuration_given(tmp_path: Path) -> None:
    first = Config.from_dict({"per-file-ignores": {"_news/**": ["AK305"]}}, root=tmp_path)
    second = Config.from_dict({"per-file-ignores": {"_news/**": ["AK401"]}}, root=tmp_path)
    path = str(tmp_path / "_news" / "a.md")
    for _ in range(2):
        for config in (first, second, Config.from_dict({}, root=tmp_path)):
            plan = api._plan(config, path, None, None, None, None, None)
            fresh = api._Plan(config, path, None, None, None, None, None)
            assert (plan.ignored, plan.kind, plan.limits, plan.options, plan.promote) == (
                fresh.ignored,
                fresh.kind,
                fresh.limits,
                fresh.options,
                fresh.promote,
            )
    articlekit.register_code("RX952", name="rx-fast-two", severity="warning", doc="A test code.")
    try:  # a code registered since: the plan is worked out again
        plan = api._plan(first, path, None, None, None, None, None)
        assert plan.ignored == first.ignored_codes(path)
    finally:
        from articlekit.issues import _unregister

        _unregister("RX952")
