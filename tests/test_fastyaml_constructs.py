"""The fast path on the constructs foreign front matter uses, against the full loader.

Comments everywhere (full-line and trailing), keys with spaces and
punctuation, quoted keys, multi-line plain scalars and block scalars (``|``,
``>``, chomping and indentation indicators): generated documents must load to
exactly PyYAML's data (and the full loader's issues and data), or fall back.
Every test runs with the Python loop and with the C loop (`fast_loop`).
"""

from __future__ import annotations

import importlib.util

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articlekit import fastyaml
from articlekit._same import same
from articlekit.fastyaml import load_yaml_fast, parse_subset
from articlekit.yamlsafe import load_yaml
from conftest import ROOT

pytestmark = pytest.mark.usefixtures("fast_loop")

# The benchmark's generated foreign corpus (benchmarks/foreign.py; read by path, so that the
# tests run without the repository root on sys.path, and skip where benchmarks/ is absent).
_FOREIGN_PY = ROOT / "benchmarks" / "foreign.py"


def foreign_corpus(count: int, seed: int) -> list[tuple[tuple[str, ...], str]]:
    if not _FOREIGN_PY.is_file():
        pytest.skip("benchmarks/foreign.py is not here")
    spec = importlib.util.spec_from_file_location("_foreign_corpus", _FOREIGN_PY)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    corpus: list[tuple[tuple[str, ...], str]] = module.foreign_corpus(count, seed=seed)
    return corpus


_SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _agrees(text: str) -> bool:
    """The fast path gives SafeLoader's data and the full loader's result, or falls back.

    Answers whether the fast path took the text.
    """
    got = parse_subset(text)
    try:
        expected = yaml.load(text, Loader=yaml.SafeLoader)
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, KeyError, RecursionError):
        assert got is None, f"fast path accepted text that PyYAML rejects: {text!r}"
        return False
    full = load_yaml(text)
    fast = load_yaml_fast(text)
    assert fast.issues == full.issues, text
    assert same(fast.data, full.data, ordered=True), text
    if got is None:
        return False
    assert same(got, expected, ordered=True), f"{text!r}: fast {got!r} != SafeLoader {expected!r}"
    assert full.issues == [], text
    return True


# -- generated documents with the constructs --------------------------------------------------

_WORDS = ["docs", "a b", "x-1", "yes", "No", "12", "012", "1.5", "~", "null", "2020-08-11", "10:00",
          "https://e.org/a#b", "it's", "a:b", "-x", "é中", "2020-08-11T13:41:00Z", "on", "y"]  # fmt: skip
_KEYS = ["title", "a", "x.y", "k-1", "Last updated", "page title", "og:image", "a b c", "x-robots",
         "sidebar_label.short", "2fa", "C++", "a?b", "(x)", "yes", "null", "1", "a  b"]  # fmt: skip
_COMMENTS = ["", "", "", " # c", "  # note: x", " #", " #x # y", "#not"]


@st.composite
def _key(draw: st.DrawFn) -> str:
    key = draw(st.sampled_from(_KEYS))
    style = draw(st.sampled_from(["plain"] * 4 + ["double", "single", "spaced"]))
    if style == "double":
        return f'"{key}"'
    if style == "single":
        return f"'{key}'"
    if style == "spaced":
        return key + " "  # "key :" is a key the fast path leaves alone
    return key


@st.composite
def _plain(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3))
    return " ".join(words)


_FLOW_SCALARS = ["a", "b c", "1", "1.5", "yes", "~", "https://e.org/x", "x:y", "'q'", '"d q"', "'it''s'",
                 '"\\t"', "-1", "a#b", "?x", "", "webUrl", "x y ", "é"]  # fmt: skip


@st.composite
def _flow_text(draw: st.DrawFn, depth: int = 0) -> str:
    """A one-line flow collection, sometimes irregular (empty entries, odd spacing, "key:value")."""
    size = draw(st.integers(0, 3))
    comma = draw(st.sampled_from([", ", ", ", ",", " , ", ", , "]))

    def item() -> str:
        if depth < 3 and draw(st.integers(0, 3)) == 0:
            return str(draw(_flow_text(depth + 1)))
        return draw(st.sampled_from(_FLOW_SCALARS))

    if draw(st.booleans()):
        return "[" + comma.join(item() for _ in range(size)) + draw(st.sampled_from(["]", "]", " ]", ",]"]))
    colon = draw(st.sampled_from([": ", ": ", ":", " : "]))
    pairs = [draw(st.sampled_from(_FLOW_SCALARS[:9] + ["a", "a"])) + colon + item() for _ in range(size)]
    return "{" + comma.join(pairs) + draw(st.sampled_from(["}", "}", " }"]))


@st.composite
def _value_lines(draw: st.DrawFn, indent: int) -> list[str]:
    """The rest of a "key:" line and the lines after it (their indent from `indent`)."""
    kind = draw(
        st.sampled_from(["plain", "plain", "quoted", "multi", "block", "list", "map", "empty", "flow"])
    )
    comment = draw(st.sampled_from(_COMMENTS))
    pad = " " * indent
    if kind == "plain":
        return [" " + draw(_plain()) + comment]
    if kind == "quoted":
        text = draw(_plain())
        quoted = draw(st.sampled_from([f'"{text}"', "'" + text.replace("'", "''") + "'", f'"{text}\\t"']))
        return [" " + quoted + comment]
    if kind == "flow":
        return [" " + draw(_flow_text()) + comment]
    if kind == "multi":
        more = draw(st.integers(1, 3))
        lines = [" " + draw(_plain())]
        for _ in range(draw(st.integers(1, 3))):
            if draw(st.integers(0, 9)) == 0:
                lines.append(draw(st.sampled_from(["", pad + "  # c", pad + " "])))
            lines.append(pad + " " * more + draw(_plain()) + draw(st.sampled_from(["", "", " ", " # c"])))
        return lines
    if kind == "block":
        style = draw(st.sampled_from(["|", ">"]))
        chomp = draw(st.sampled_from(["", "", "-", "+"]))
        inc = draw(st.sampled_from(["", "", "", "1", "2", "3"]))
        header = style + (inc + chomp if draw(st.booleans()) else chomp + inc)
        step = draw(st.integers(1, 3))
        lines = [" " + header + draw(st.sampled_from(["", "", " ", "  # c", "x", " x", "#c"]))]
        for _ in range(draw(st.integers(0, 5))):
            extra = draw(st.sampled_from([0, 0, 0, 0, 1, 2, -1]))
            body = draw(st.sampled_from([draw(_plain()), "# not a comment", "x  ", "", "", "  "]))
            lines.append(" " * max(0, indent + step + extra) + body if body else "")
        return lines
    if kind == "list":
        lines = [comment]
        for _ in range(draw(st.integers(1, 3))):
            item = draw(st.sampled_from(["plain", "plain", "multi", "comment", "map", "flow"]))
            dash = pad + draw(st.sampled_from(["", "  "])) + "- "
            if item == "comment":
                lines.append(pad + draw(st.sampled_from(["", " ", "  "])) + "# between")
            elif item == "multi":
                lines += [dash + draw(_plain()), " " * (len(dash) - 1) + draw(_plain())]
            elif item == "flow":
                lines.append(dash + draw(_flow_text()))
            elif item == "map":
                lines.append(dash + draw(_key()) + ":" + draw(_value_lines(len(dash)))[0])
            else:
                lines.append(dash + draw(_plain()) + draw(st.sampled_from(_COMMENTS)))
        return lines
    if kind == "map":
        lines = [comment]
        for _ in range(draw(st.integers(1, 2))):
            sub = draw(_value_lines(indent + 2))
            lines += [pad + "  " + draw(_key()) + ":" + sub[0], *sub[1:]]
        return lines
    return [comment]


@st.composite
def foreign_documents(draw: st.DrawFn) -> str:
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 5))):
        if draw(st.integers(0, 4)) == 0:
            lines.append(draw(st.sampled_from(["# a comment", "  # indented", "", "#"])))
        value = draw(_value_lines(0))
        lines += [draw(_key()) + ":" + value[0], *value[1:]]
    end = draw(st.sampled_from(["\n", "\n", "", "\n\n"]))
    text = "\n".join(lines) + end
    return text.replace("\n", "\r\n") if draw(st.integers(0, 9)) == 0 else text


@_SETTINGS
@given(foreign_documents())
def test_foreign_constructs_match_the_full_loader(text: str) -> None:
    _agrees(text)


# -- each construct is on the fast path --------------------------------------------------------

_TAKEN = [
    "a: x  # c\nb:  # c\n  - yes  # c\n  # between\n  - 5 # x\n  - \"q\" # z\n  - 'r'  # s\n",
    '# top\nc: no # c\nd: 12 # c\ne: 2020-08-11 # c\nf: "x # y" # c\n',
    "og:image: /x.png\nLast updated: 3 days ago\nx-robots: noindex\nsidebar_label.short: s\n",
    '"description": "A b"\n\'slug\': x-1\n',
    "items:\n- \"name\": a\n  'url': b\n- page title: c\n",
    "a: foo\n  bar baz\n  qux\nb:\n- x\n  y\n- z\nc: 1\n  2\n",
    "a: |\n  x\n  y\n\nb: >-\n  p\n  q\n\n  r\nc: |+\n  k\n\n\nd: 1\n",
    "e: >2\n  x\n  y\nf: |1-\n   a\n  b\ng: |  # c\n  # kept\n    more\nh: |\n  last",
    "n:\n  m: >\n\n    x\n    y\n  k: 1\n",
    # flow collections: mappings, nesting, comments after them
    "author: {name: docs, url: https://example.org/docs}\nmenu: {main: {weight: 3}}\n",
    "a: [1, [2]]\nb: [https://x.com/]\nc: [x] # note\nd: [ ]\ne: [] # note\n",
    "f:\n  - {g: 'h', \"i\": [1.5, yes]}\n",
    # once in test_fastyaml.py's REFUSED
    "a: |\n  text\n",
    "a: >\n  text\n",
    "a: one\n  two\n",
    "a: x # note\n",
    '"a": 1\n',
]


@pytest.mark.parametrize("text", _TAKEN)
def test_constructs_are_taken_by_the_fast_path(text: str) -> None:
    assert _agrees(text), text


_DECLINED = [
    "a: x\n\n  y\n",  # a blank line inside a multi-line plain scalar
    "a: x # c\n  y\n",  # a comment ends the scalar: PyYAML's error
    'a: "x"\n  y\n',  # multi-line quoted
    "a: >\n  x\n    more\n  y\n",  # a more-indented line in a folded scalar
    "a: |\n  x\n   \n  y\n",  # a line of spaces
    "a: |\nb: 1\n",  # an empty block scalar
    "- |\n  x\n",  # at the top, a sequence
    '"yes": 1\n',  # a quoted key the fast path does not resolve
    "a: {webUrl: x}\n",  # a key the rules' index lists, in a flow mapping
    "a: {b: 1, b: 2}\n",
    "a: {b : 1}\n",
    "a: {b:1}\n",
    "a: [b: 1]\n",
    "a: [x, ]\n",
    "a: [[[[[1]]]]]\n",  # deeper than the fast path reads
]


@pytest.mark.parametrize("text", _DECLINED)
def test_irregular_forms_fall_back(text: str) -> None:
    assert not _agrees(text)


def test_the_foreign_corpus_is_on_the_fast_path() -> None:
    """Every document of the benchmark's foreign corpus is taken, whatever its constructs."""
    for used, text in foreign_corpus(160, seed=7):
        assert _agrees(text.split("---\n")[1]), used


_FOREIGN = (
    [text.split("---\n")[1] for _, text in foreign_corpus(40, seed=11)] if _FOREIGN_PY.is_file() else []
)
_INSERTS = [" ", "  ", ":", ": ", "-", "- ", "#", " #", '"', "'", "|", ">", "|-", ">+", "|2", "[", "{",
            "}", "]", ",", "\n", "\n  ", "&a ", "!!str ", "?", "yes", "~", "é"]  # fmt: skip


@st.composite
def _mutated_foreign(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(_FOREIGN or _TAKEN))
    for _ in range(draw(st.integers(1, 3))):
        lines = text.split("\n")
        i = draw(st.integers(0, len(lines) - 1))
        line = lines[i]
        op = draw(st.sampled_from(["insert", "delete", "indent", "dedent", "swap", "drop", "blank"]))
        j = draw(st.integers(0, len(line)))
        if op == "insert":
            lines[i] = line[:j] + draw(st.sampled_from(_INSERTS)) + line[j:]
        elif op == "delete":
            lines[i] = line[:j] + line[j + 1 :]
        elif op == "indent":
            lines[i] = " " + line
        elif op == "dedent":
            lines[i] = line[1:] if line.startswith(" ") else line
        elif op == "swap" and i + 1 < len(lines):
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
        elif op == "drop":
            del lines[i]
        elif op == "blank":
            lines.insert(i, draw(st.sampled_from(["", " ", "  # c"])))
        text = "\n".join(lines)
    return text


@_SETTINGS
@given(_mutated_foreign())
def test_mutated_foreign_front_matter_matches_the_full_loader(text: str) -> None:
    _agrees(text)


def test_c_and_python_loops_agree_on_the_foreign_corpus() -> None:
    if "c" not in fastyaml.IMPLEMENTATIONS:
        pytest.skip("the C loop is not built")
    for _, text in foreign_corpus(200, seed=3):
        front = text.split("---\n")[1]
        c = fastyaml.parse_with("c", front)
        py = fastyaml.parse_with("python", front)
        assert c.verdict == py.verdict, front
        assert same(c.data, py.data, ordered=True), front
        assert c.special == py.special
