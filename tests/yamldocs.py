"""YAML documents in and around the fast path's subset, for the differential and fast-path tests.

`documents()` draws a front matter (no fences) of nested mappings, sequences
and one-line flow sequences, with scalars chosen to hit YAML 1.1 resolution
(``yes``, ``012``, ``10:00``, dates, ``~``), in several indentation styles and
newlines.  A shared helper module (not a test module): tests import it.
"""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import strategies as st

_TRICKY = [
    "yes", "No", "ON", "off", "y", "n", "true", "FALSE", "null", "Null", "~", "",
    "0", "012", "08", "0x1F", "0b101", "0o17", "1_000", "+5", "-0", "10:00", "1:20:30", "190:20",
    "1.5", "1e3", "1.0e+3", "-.inf", ".NaN", ".5", "5.", "1_0.5", "12:30.5",
    "2020-08-11T13:41:00Z", "2020-08-11", "2020-8-1", "2020-08-11 13:41:00 +02:00",
    "2020-08-11t13:41:00.5-05:30", "2020-02-30T00:00:00Z", "2020-13-01", "9999-12-31T23:59:59Z",
    "<<", "=", "-", "-x", "--", "---", "...", "?", "?x", ":x", "a:b", "a: b", "a #b", "a#b", "a:",
    "#x", "&a", "*a", "!t", "|", ">", "%x", "@x", "`x", "[x]", "{x}", "x]", "x,y",
    "[]", "{}", "[ ]", "[]x", "{} #c", "[[]]", "[a, 'b']", '[a,"b"]', "[a, ]",
    'say "hi"', "it's", "\\", "\\n", "é中文😀", "\u00a0x\u00a0", "x\u2028y", "tab\there",
    "https://example.com/a?b=1&c=2#d", "Power Apps", "trailing ", " leading",
]  # fmt: skip
_KEYS = ["title", "url", "width", "a", "a_b", "x.y", "k-1", "_", "URL", "id2"]
_ODD_KEYS = ["yes", "on", "null", "1", '"q"', "a b", "<<"]
keys = st.sampled_from(_KEYS * 6 + _ODD_KEYS)  # an odd key sends the whole document to the full loader


def _dq(s: str) -> str:
    out = s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{out}"'


def _sq(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def _plain_ok(s: str) -> bool:
    try:
        yaml.load(f"a: {s}\n", Loader=yaml.SafeLoader)
    except (yaml.YAMLError, ValueError):
        return False
    return s.strip(" ") == s and "\n" not in s


_PLAIN_OK = [s for s in _TRICKY if s and _plain_ok(s)]
scalar_text = st.one_of(
    st.sampled_from(_TRICKY),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")), max_size=12),
    st.from_regex(r"[0-9+\-.:_eExXoObB]{1,8}", fullmatch=True),
)
_NUMBER_OR_DATE = r"[1-9][0-9]{0,3}|[0-9]{4}-[01][0-9]-[0-3][0-9](T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z)?"
clean_plain = st.one_of(
    st.sampled_from(_PLAIN_OK),
    st.from_regex(_NUMBER_OR_DATE, fullmatch=True),
    st.from_regex(r"[A-Za-z][A-Za-z0-9 ./:?=&-]{0,15}[A-Za-z0-9]", fullmatch=True).filter(_plain_ok),
)


@st.composite
def rendered_scalar(draw: st.DrawFn) -> str:
    style = draw(st.sampled_from(["plain", "plain", "clean", "clean", "dq", "sq"]))
    if style == "clean":
        return draw(clean_plain)
    s = draw(scalar_text)
    if style == "dq":
        return _dq(s)
    if style == "sq":
        return _sq(s)
    return s


def _tree(depth: int) -> st.SearchStrategy[Any]:
    leaf = rendered_scalar()
    if depth == 0:
        return leaf
    sub = _tree(depth - 1)
    return st.one_of(
        leaf,
        st.lists(st.tuples(keys, sub), min_size=1, max_size=4).map(lambda kv: ("map", kv)),
        st.lists(sub, min_size=1, max_size=3).map(lambda items: ("seq", items)),
        st.tuples(st.lists(leaf, max_size=4), st.sampled_from([", ", ",", " , "])).map(
            lambda items: ("flow", items)
        ),
    )


def _render(node: Any, indent: int, step: int, indentless: bool, out: list[str]) -> None:
    kind, items = node
    pad = " " * indent
    if kind == "flow":  # a one-line flow sequence of scalars, after "key: " or "- "
        out.append(pad + "[" + items[1].join(items[0]) + "]")
        return
    if kind == "map":
        for key, value in items:
            if isinstance(value, str):
                out.append(f"{pad}{key}: {value}".rstrip(" ") if value == "" else f"{pad}{key}: {value}")
            elif value[0] == "flow":
                flow: list[str] = []
                _render(value, 0, step, indentless, flow)
                out.append(f"{pad}{key}: {flow[0]}")
            else:
                out.append(f"{pad}{key}:")
                child = indent if (value[0] == "seq" and indentless) else indent + step
                _render(value, child, step, indentless, out)
        return
    for value in items:
        if isinstance(value, str):
            out.append(f"{pad}- {value}")
        elif value[0] == "flow":
            flow_item: list[str] = []
            _render(value, 0, step, indentless, flow_item)
            out.append(f"{pad}- {flow_item[0]}")
        elif value[0] == "map":
            inner: list[str] = []
            _render(value, indent + 2, step, indentless, inner)
            out.append(pad + "- " + inner[0][indent + 2 :])
            out.extend(inner[1:])
        else:
            out.append(f"{pad}-")
            _render(value, indent + step, step, indentless, out)


@st.composite
def documents(draw: st.DrawFn) -> str:
    pairs = draw(st.lists(st.tuples(keys, _tree(3)), min_size=1, max_size=6))
    lines: list[str] = []
    _render(("map", pairs), 0, draw(st.sampled_from([2, 2, 4, 1])), draw(st.booleans()), lines)
    if draw(st.booleans()):
        at = draw(st.integers(0, len(lines)))
        lines.insert(at, draw(st.sampled_from(["", "   ", "# comment", "  # indented"])))
    newline = draw(st.sampled_from(["\n", "\n", "\r\n"]))
    return newline.join(lines) + newline
