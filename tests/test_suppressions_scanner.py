"""Finding suppression comments fast: libyaml's scanner and leading comments decide as PyYAML's did."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import articlekit
from articlekit import suppressions
from articlekit.suppressions import find_suppressions

from .conftest import corpus_files

needs_libyaml = pytest.mark.skipif(suppressions._C_LOADER is None, reason="PyYAML was built without libyaml")

_COMMENT = "# articlekit: ignore[AK305]"

# pieces of front matter where a '#' may or may not be a comment: quoted and block
# scalars (one or several lines), flow collections, tags, anchors, directives, errors
_LINES = [
    _COMMENT,
    "# articlekit: ignore-file[AK853]",
    "# plain comment",
    "title: x",
    "foo: 1",
    'a: "one # two',
    '  three # four"',
    "b: 'it''s # not",
    "  a comment'",
    'c: "x\\ud800 # y"',
    'c: "\\x41 # \\u00e9"',
    "d: |",
    "d: >-",
    "d: |2+",
    "  # inside a block scalar",
    "    # deeper",
    "  text # more",
    "e: [1, 'x # y',",
    "  # articlekit: ignore[AK305]",
    "]",
    'f: {a: 1, b: "# c"}',
    "- item # c",
    '- "quoted # item"',
    "? k # c",
    ": v",
    "g: !tag x",
    "h: &anchor v",
    "i: *anchor",
    "%YAML 1.1",
    "---",
    "...",
    "\t# tab then comment",
    "o:\tp # c",
    "q: [r,\ts] # c",
    "t: |\t",
    "u: 'v'\t# c",
    "w: x\ty # c",
    "d: |#x",
    "d: >-2 # c",
    "d: |0",
    "d: | x",
    "%TAG !e! tag:x,2000:#",
    "%YAML 1.1#x",
    "}",
    "x: [a:b, c]",
    "y: {a:b, c: d}",
    "z: [http://e.com # c]",
    "? [a]: b",
    "gg: a: b",
    "hh: !<tag:x> v # c",
    "jj: &a [*a, !!str b]",
    "ll: [a, {b: c}, [d]] # c",
    '"x"y # c',
    "'a' 'b'",
    "- - x # c",
    "mm: '''",
    'nn: "\\',
    "-",
    ":",
    "?",
    "{",
    "[",
    "\ufeff# bom",
    "j: \x00 # nul",
    "k: a#b",
    "l: @x",
    "m: `x",
    "n: 'unclosed",
    '"key # k": v',
    "",
    "   ",
]
_TAILS = [
    "",
    "",
    f"  {_COMMENT}",
    f" {_COMMENT} and a reason",
    "#articlekit:ignore[AK305]",
    " # x # articlekit: ignore[ak305]",
]
_BREAKS = ["\n", "\n", "\r\n", "\r", "\x85", "\u2028"]


@st.composite
def _front_matters(draw: st.DrawFn) -> str:
    lines = draw(st.lists(st.sampled_from(_LINES), max_size=14))
    out = []
    for line in lines:
        indent = " " * draw(st.sampled_from([0, 0, 0, 2, 4]))
        out.append(indent + line + draw(st.sampled_from(_TAILS)) + draw(st.sampled_from(_BREAKS)))
    return "".join(out)


def _fields(found: suppressions.Suppressions) -> tuple[object, ...]:
    return (found.items, tuple((i.code, i.line, i.column, i.message) for i in found.problems))


@settings(max_examples=600, deadline=None)
@given(_front_matters())
def test_the_fast_path_finds_what_the_pure_scanner_finds(front: str) -> None:
    assert _fields(find_suppressions(front)) == _fields(suppressions._find(front, 2, pure=True))


@settings(max_examples=400, deadline=None)
@given(_front_matters())
def test_each_hash_is_a_comment_for_both_scanners_or_neither(front: str) -> None:
    fast, pure = suppressions._Tokens(front), suppressions._Tokens(front, pure=True)
    hashes = [i for i, ch in enumerate(front) if ch == "#"]
    assert [fast.is_comment(i) for i in hashes] == [pure.is_comment(i) for i in hashes]


def test_the_real_corpus_with_a_comment_after_every_line() -> None:
    files = corpus_files()
    if not files:
        pytest.skip("../shared/corpus is absent")
    for path in files:
        front = path.read_text(encoding="utf-8").split("---\n")[1]
        marked = "".join(line + f"  {_COMMENT}\n" for line in front.splitlines())
        fast = find_suppressions(marked)
        assert _fields(fast) == _fields(suppressions._find(marked, 2, pure=True)), path


def test_comments_before_the_first_key_need_no_scanner(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_scanner(*args: object, **kwargs: object) -> None:
        raise AssertionError("scanned")

    monkeypatch.setattr(suppressions, "_Tokens", no_scanner)
    front = f"\n  # a note\r\n{_COMMENT}\n# articlekit: ignore-file[AK853]\ntitle: 'x'\n"
    items = find_suppressions(front).items
    assert [(s.line, s.codes, s.target, s.whole_file) for s in items] == [
        (4, ("AK305",), 6, False),
        (5, ("AK853",), None, True),
    ]


@needs_libyaml
def test_readable_yaml_is_scanned_by_libyaml_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pure_scan(self: object, text: str) -> None:
        raise AssertionError("the pure-Python scanner ran")

    monkeypatch.setattr(suppressions._Tokens, "_scan_pure", no_pure_scan)
    front = f'title: "a # b"  {_COMMENT}\nbody: |\n  {_COMMENT}\nfoo: 1\n'
    assert [(s.line, s.target) for s in find_suppressions(front).items] == [(2, 2)]


@needs_libyaml
def test_where_libyaml_stops_the_pure_scanner_decides(monkeypatch: pytest.MonkeyPatch) -> None:
    ran: list[str] = []
    pure_scan = suppressions._Tokens._scan_pure

    def counting(self: suppressions._Tokens, text: str) -> None:
        ran.append(text)
        pure_scan(self, text)

    monkeypatch.setattr(suppressions._Tokens, "_scan_pure", counting)
    front = f'foo: 1  {_COMMENT}\nbar: "unclosed\n{_COMMENT}\n'
    assert [s.line for s in find_suppressions(front).items] == [2]
    assert len(ran) == 1


def test_check_with_a_configuration_and_suppressions_is_unchanged() -> None:
    text = "---\n# articlekit: ignore[AK305]\nfoo: 1\ntitle: 'a # b'  # articlekit: ignore[AK999]\n---\n"
    config = articlekit.Config.from_dict({"per-file-ignores": {"drafts/**": ["AK901"]}}, root=".")
    codes = [(i.line, i.code) for i in articlekit.check(text, config=config, path="drafts/a.md")]
    assert (4, "AK001") in codes
    assert not any(code == "AK305" and line == 3 for line, code in codes)
    assert yaml.safe_load(text.split("---\n")[1])["title"] == "a # b"
