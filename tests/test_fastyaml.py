"""The fast YAML path: each construct it reads, each thing it leaves to the full loader.

Each test runs against both implementations of its loop (the `fast_loop` fixture).
"""

from __future__ import annotations

import string
from datetime import date, datetime, timedelta, timezone

import pytest
import yaml

import articlekit
from articlekit import fastyaml
from articlekit._same import same
from articlekit.fastyaml import LazyLocations, load_yaml_fast, parse_subset
from articlekit.limits import Limits
from articlekit.yamlsafe import load_yaml

# every test runs with the Python loop and with the C loop (tests/conftest.py)
pytestmark = pytest.mark.usefixtures("fast_loop")


def _safe(text: str) -> object:
    return yaml.load(text, Loader=yaml.SafeLoader)


# (front matter, the data PyYAML's SafeLoader gives)
ACCEPTED = [
    pytest.param("title: Hello world\n", {"title": "Hello world"}, id="plain"),
    pytest.param('title: "A: b # c"\n', {"title": "A: b # c"}, id="double-quoted"),
    pytest.param(
        't: "say \\"hi\\" \\\\ \\/ \\n\\t\\x41\\u00e9"\n', {"t": 'say "hi" \\ / \n\tAé'}, id="escapes"
    ),
    pytest.param("t: 'it''s'\n", {"t": "it's"}, id="single-quoted"),
    pytest.param('t: ""\n', {"t": ""}, id="empty-quoted"),
    pytest.param("a: 66\nb: 0\nc: -3\nd: +7\n", {"a": 66, "b": 0, "c": -3, "d": 7}, id="ints"),
    pytest.param(
        "a: 0x1f\nb: 0o17\nc: 012\nd: 1_000\n", {"a": 31, "b": "0o17", "c": 10, "d": 1000}, id="int-bases"
    ),
    pytest.param("heat: 10:00\n", {"heat": 600}, id="sexagesimal"),
    pytest.param("a: 1.5\nb: 1e3\nc: .5\n", {"a": 1.5, "b": "1e3", "c": 0.5}, id="floats"),
    pytest.param("a: .inf\nb: -.Inf\n", {"a": float("inf"), "b": float("-inf")}, id="infinities"),
    pytest.param(
        "a: yes\nb: No\nc: on\nd: OFF\ne: true\nf: False\ng: y\n",
        {"a": True, "b": False, "c": True, "d": False, "e": True, "f": False, "g": "y"},
        id="yaml11-booleans",
    ),
    pytest.param(
        "a: null\nb: ~\nc:\nd: Nothing\n", {"a": None, "b": None, "c": None, "d": "Nothing"}, id="nulls"
    ),
    pytest.param(
        "a: 2020-08-11T13:41:00Z\nb: 2020-08-11 13:41:00+02:00\nc: 2020-08-11\n",
        {
            "a": datetime(2020, 8, 11, 13, 41, tzinfo=timezone.utc),
            "b": datetime(2020, 8, 11, 13, 41, tzinfo=timezone(timedelta(hours=2))),
            "c": date(2020, 8, 11),
        },
        id="timestamps",
    ),
    pytest.param("u: https://x.com/a?b=1#frag\n", {"u": "https://x.com/a?b=1#frag"}, id="url"),
    pytest.param(
        "p:\n  name: X\n  domain: x.com\n", {"p": {"name": "X", "domain": "x.com"}}, id="nested-mapping"
    ),
    pytest.param("topics:\n  - AI\n  - 12\n", {"topics": ["AI", 12]}, id="sequence-of-scalars"),
    pytest.param(
        "images:\n  - url: a\n    width: 5\n  - url: b\n",
        {"images": [{"url": "a", "width": 5}, {"url": "b"}]},
        id="sequence-of-mappings",
    ),
    pytest.param("topics:\n- AI\n- ML\nx: 1\n", {"topics": ["AI", "ML"], "x": 1}, id="indentless-sequence"),
    pytest.param(
        "r:\n  - p:\n      n: 1\n    i:\n    - u: 2\n",
        {"r": [{"p": {"n": 1}, "i": [{"u": 2}]}]},
        id="deep",
    ),
    pytest.param(
        "# c\na: 1\n\n   \n  # indented comment\nb: 2\n", {"a": 1, "b": 2}, id="blank-and-comment-lines"
    ),
    pytest.param("a: 1\r\nb:\r\n  - x\r\n", {"a": 1, "b": ["x"]}, id="crlf"),
    pytest.param('a: x   \nb: "y"  \n', {"a": "x", "b": "y"}, id="trailing-spaces"),
    pytest.param("t: é中文😀 ok\n", {"t": "é中文😀 ok"}, id="unicode"),
    pytest.param("a_b.c-d: 1\n", {"a_b.c-d": 1}, id="key-characters"),
    pytest.param("a: x\nb:\n", {"a": "x", "b": None}, id="empty-value-at-end"),
    pytest.param("a: []\nb: {}  \nc: 1\n", {"a": [], "b": {}, "c": 1}, id="empty-flow-collections"),
    pytest.param("a:\n  - []\n  - {}\n  - x\n", {"a": [[], {}, "x"]}, id="empty-flow-items"),
    pytest.param("a:\n  b: []\nc: 1\n", {"a": {"b": []}, "c": 1}, id="nested-empty-flow"),
    pytest.param(
        "a: [x, 'it''s', \"q, \\\"r\\\"\", 12, yes, ~]\nb: [a b,c ]\n",
        {"a": ["x", "it's", 'q, "r"', 12, True, None], "b": ["a b", "c"]},
        id="flow-sequence-of-scalars",
    ),
    pytest.param("a:\n  - [x, 2020-08-11]\n", {"a": [["x", date(2020, 8, 11)]]}, id="flow-sequence-item"),
]


@pytest.mark.parametrize(("text", "expected"), ACCEPTED)
def test_accepted_constructs_give_safeloader_data(text: str, expected: object) -> None:
    got = parse_subset(text)
    assert got is not None, "this construct should be on the fast path"
    assert same(got, expected, ordered=True)
    assert same(got, _safe(text), ordered=True)


# (flow mappings, nested flow collections, comments, block scalars, multi-line plain scalars and
# quoted keys are on the fast path now: tests/test_fastyaml_constructs.py)
REFUSED = [
    pytest.param("a: &x 1\nb: *x\n", id="anchor-alias"),
    pytest.param("a: !!str 1\n", id="tag"),
    pytest.param("a: !custom x\n", id="local-tag"),
    pytest.param("a: [x, ]\n", id="flow-trailing-comma"),
    pytest.param("a: ['a'', 'b']\n", id="flow-bad-single-quote"),
    pytest.param("a: []\n  b: 1\n", id="empty-flow-then-indented"),
    pytest.param("a: []x\n", id="empty-flow-then-text"),
    pytest.param('a: "one\n  two"\n', id="multi-line-double-quoted"),
    pytest.param('a: "one\\\n  two"\n', id="escaped-line-break"),
    pytest.param("a:\tx\n", id="tab"),
    pytest.param("a: 1\rb: 2\n", id="lone-cr"),
    pytest.param("a: x\x85y\n", id="nel"),
    pytest.param("a: x\u2028y\n", id="line-separator"),
    pytest.param('a: "x\u2029y"\n', id="paragraph-separator"),
    pytest.param("a: 1\na: 2\n", id="duplicate-key"),
    pytest.param("yes: 1\n", id="boolean-key"),
    pytest.param("null: 1\n", id="null-key"),
    pytest.param("<<: {a: 1}\n", id="merge-key"),
    pytest.param("- a\n- b\n", id="top-level-list"),
    pytest.param("", id="empty"),
    pytest.param("# only a comment\n", id="only-comment"),
    pytest.param("a: b: c\n", id="colon-space-in-plain"),
    pytest.param("a: b:\n", id="trailing-colon"),
    pytest.param("a: 2020-02-30T00:00:00Z\n", id="impossible-date"),
    pytest.param("a: =\n", id="value-indicator"),
    pytest.param("a:\n  b: 1\n c: 2\n", id="bad-indentation"),
    pytest.param("  a: 1\n", id="indented-root"),
    pytest.param("a:\n  -\n    b: 1\n", id="dash-alone"),
    pytest.param("a: @x\n", id="reserved-indicator"),
    pytest.param('a: "\\ud800"\n', id="surrogate-escape"),
    pytest.param('a: "\\q"\n', id="unknown-escape"),
    pytest.param("--- x\n", id="document-marker"),
    pytest.param("a: 'it's'\n", id="bad-single-quote"),
]


@pytest.mark.parametrize("text", REFUSED)
def test_outside_the_subset_falls_back(text: str) -> None:
    assert parse_subset(text) is None
    fast = load_yaml_fast(text)
    full = load_yaml(text)
    assert same(fast.data, full.data, ordered=True)
    assert fast.issues == full.issues
    assert not isinstance(fast.locations, LazyLocations)


@pytest.mark.parametrize(
    ("text", "limits"),
    [
        ("a: 1\nb: 2\nc: 3\n", Limits(max_keys=2)),
        ("a:\n  b:\n    c: 1\n", Limits(max_depth=2)),
        ("a: " + "x" * 300 + "\n", Limits(max_string_length=299)),
    ],
)
def test_limits_near_fall_back_and_are_reported(text: str, limits: Limits) -> None:
    assert parse_subset(text, limits) is None
    result = load_yaml_fast(text, limits=limits)
    assert [i.code for i in result.issues] == ["AK207"]


def test_keys_up_to_the_limit_stay_on_the_fast_path() -> None:
    assert parse_subset("a: 1\nb: 2\n", Limits(max_keys=2)) == {"a": 1, "b": 2}


def _keys(count: int, indent: str = "") -> str:
    return "".join(f"{indent}{key}:\n" for key in string.ascii_letters[:count])  # short lines, no values


@pytest.mark.parametrize("where", ["root", "nested", "item", "last line unbroken"])
def test_more_keys_than_a_limit_above_a_flow_mapping_s_fall_back(where: str) -> None:
    """The key count is checked however the loop is chosen and however short the lines are."""
    limits = Limits(max_keys=40)
    make = {
        "root": lambda n: _keys(n),
        "nested": lambda n: "a:\n" + _keys(n, "  "),
        "item": lambda n: "a:\n  - " + _keys(n, "    ")[4:],
        "last line unbroken": lambda n: _keys(n)[:-1],
    }[where]
    assert parse_subset(make(41), limits) is None
    fits = parse_subset(make(40), limits)
    assert fits is not None
    assert fits == yaml.load(make(40), Loader=yaml.SafeLoader)


def test_locations_are_computed_only_when_asked_and_match_the_full_loader(sample_text: str) -> None:
    front = sample_text.split("---\n", 2)[1]
    fast = load_yaml_fast(front)
    assert isinstance(fast.locations, LazyLocations)
    assert not fast.locations.computed
    assert "not computed" in repr(fast.locations)
    full = load_yaml(front)
    assert fast.data == full.data
    path = ("related", 0, "provider", "domain")
    assert fast.locations.get(path) == full.locations.get(path)
    assert fast.locations.computed
    assert fast.locations.nodes == full.locations.nodes
    assert fast.locations.position(("images", 0, "nope")) == full.locations.position(("images", 0, "nope"))
    assert fast.locations.nearest(("provider", "x")) == full.locations.nearest(("provider", "x"))
    assert fast.locations.position(("title",), at_key=True) == (3, 1)


def test_check_places_issues_with_lazy_locations() -> None:
    text = "---\ntitle: x\nexcerpt: y\npublishedDateTime: 2020-01-01T00:00:00Z\nquality: high\n"
    text += "category: news\n---\n"
    issues = [i for i in articlekit.check(text) if i.path == ("quality",)]
    assert issues
    assert (issues[0].line, issues[0].column) == (5, 10)


def test_crlf_and_lf_give_the_same_data(sample_text: str) -> None:
    front = sample_text.split("---\n", 2)[1]
    lf = parse_subset(front)
    assert lf is not None
    assert parse_subset(front.replace("\n", "\r\n")) == lf


def test_a_file_of_many_odd_keys_does_not_fill_the_key_cache_for_good() -> None:
    """The cache of key verdicts stays bounded, and keeps taking the keys of later files."""
    fastyaml._key_info.clear()
    odd = "".join(f"odd_{i}: 1\n" for i in range(900))
    assert parse_subset(odd) == {f"odd_{i}": 1 for i in range(900)}
    for i in range(fastyaml._KEY_CACHE_SIZE + 10):
        assert fastyaml._key_info_of(f"other_{i}") == 0
        assert len(fastyaml._key_info) <= fastyaml._KEY_CACHE_SIZE
    assert fastyaml._key_info_of("title") == 0
    assert fastyaml._key_info_of("yes") == -1  # a key YAML reads as a boolean
    assert "title" in fastyaml._key_info
    assert fastyaml._key_info["yes"] == -1
