"""Generators of broken YAML (AK2xx)."""

from __future__ import annotations

from typing import Any

from hypothesis import assume
from hypothesis import strategies as st

from ...issues import KeyPath
from ...limits import DEFAULT_LIMITS
from ...models import (
    Article,
    Collection,
    Course,
    Download,
    Forum,
    Organization,
    Profile,
    Video,
)
from .._render import Raw, Rendered, double_quoted
from ._base import _TEXT, Draw, _at, _choose, _Doc, _doc, _get, _join, _paths, _render, _set

# -- YAML (AK2xx) -----------------------------------------------------------------------------


def _scalar_entry(path: KeyPath, value: Any) -> bool:
    return isinstance(path[-1], str) and not isinstance(value, dict | list)


def _ak201(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw)
    path = _choose(draw, doc, _scalar_entry)
    assert path is not None
    bad = draw(st.sampled_from(["a: b", "key: value", "x: 1"]))
    _set(doc.data, path, Raw(bad))
    return _at(draw, doc, path)


def _ak202(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw)
    rendered = _render(draw, doc)
    lines = rendered.lines
    candidates = [
        line
        for path, (line, value_line) in rendered.where.items()
        if isinstance(path[-1], str) and line == value_line and not lines[line - 2].lstrip().startswith("- ")
    ]
    line = draw(st.sampled_from(sorted(set(candidates))))
    lines.insert(line - 1, lines[line - 2])
    return _join(doc, lines), line + 1


_SAFE_TEXT = frozenset({"title", "excerpt", "bio", "location", "description", "price", "attribution"})


def _safe_text(path: KeyPath, value: Any) -> bool:
    return isinstance(value, str) and path[-1] in _SAFE_TEXT and not (path[-1] == "title" and len(path) > 2)


def _safe_target(draw: Draw, doc: _Doc) -> KeyPath:
    path = _choose(draw, doc, _safe_text)
    if path is None:
        key = "bio" if doc.kind is Profile else "description" if doc.kind is Organization else "excerpt"
        doc.data[key] = draw(_TEXT)
        path = (key,)
    return path


def _ak203(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw)
    path = _safe_target(draw, doc)
    tag = draw(st.sampled_from(["!custom", "!!python/str", "!!python/object:os.system", "!x"]))
    _set(doc.data, path, Raw(f"{tag} {double_quoted(_get(doc.data, path))}"))
    return _at(draw, doc, path)


def _ak204(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw)
    lines = draw(
        st.sampled_from([["- a", "- b"], ["just some text"], ["[1, 2]"], ['"quoted"'], ["- title: x"]])
    )
    return _join(doc, list(lines)), 2


_BAD_KEYS = ("1", "2020", "null", "~", "true", "yes", "No", "on", "3.5", "0x1F")


def _top_insert(draw: Draw, rendered: Rendered) -> int:
    """An index into the lines where a new top-level key may go."""
    starts = [line - 2 for path, (line, _) in rendered.where.items() if len(path) == 1]
    return int(draw(st.sampled_from([*starts, len(rendered.lines)])))


def _ak205(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw)
    rendered = _render(draw, doc)
    at = _top_insert(draw, rendered)
    rendered.lines.insert(at, f"{draw(st.sampled_from(_BAD_KEYS))}: x")
    return _join(doc, rendered.lines), at + 2


def _ak206(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw)
    path = _safe_target(draw, doc)
    _set(doc.data, path, Raw("*" + draw(st.sampled_from(["a", "anchor", "nope", "x1"]))))
    return _at(draw, doc, path)


def _ak207(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw)
    if draw(st.booleans()):
        path = _safe_target(draw, doc)
        length = DEFAULT_LIMITS.max_string_length + draw(st.integers(1, 100))
        _set(doc.data, path, Raw(double_quoted("x" * length)))
        return _at(draw, doc, path)
    rendered = _render(draw, doc)
    at = _top_insert(draw, rendered)
    depth = DEFAULT_LIMITS.max_depth + draw(st.integers(1, 30))
    rendered.lines.insert(at, "nested: " + "[" * depth + "]" * depth)
    return _join(doc, rendered.lines), at + 2


def _ak208(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Article,))
    ints = list(_paths(doc.data, lambda p, v: type(v) is int and isinstance(p[-1], str)))
    dates = list(_paths(doc.data, lambda p, v: isinstance(p[-1], str) and p[-1].endswith("DateTime")))
    path = draw(st.sampled_from(ints + dates))
    if path in dates:
        bad = draw(st.sampled_from(["2021-02-29T13:41:00Z", "2020-13-11T13:41:00Z", "2020-04-31T00:00:00Z"]))
    else:
        bad = draw(st.sampled_from(["!!int abc", "!!int 1.5", "!!float x", "!!bool maybe"]))
    _set(doc.data, path, Raw(bad))
    return _at(draw, doc, path)


def _ak209(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw)
    lines = _render(draw, doc).lines
    lines.append(draw(st.sampled_from(["--- x", '--- "second"', "--- {}", "--- [1]"])))
    return _join(doc, lines), len(lines) + 1


def _anchorable(path: KeyPath, value: Any) -> bool:
    return isinstance(value, str) and isinstance(path[-1], str) and path[-1] != "secured"


def _ak210(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw)
    found = list(_paths(doc.data, _anchorable))
    assume(len(found) >= 2)  # (a forum may have a single text value besides its type)
    first = draw(st.sampled_from(found))
    second = draw(st.sampled_from([p for p in found if p != first]))
    name = draw(st.sampled_from(["a", "x", "anchor", "p1"]))
    for path in (first, second):
        _set(doc.data, path, Raw(f"&{name} {double_quoted(_get(doc.data, path))}"))
    rendered = _render(draw, doc)
    return _join(doc, rendered.lines), max(rendered.where[first][1], rendered.where[second][1])


# what YAML 1.1 (PyYAML) reads as a boolean or a number but YAML 1.2 as text (or another number);
# a base-60 number starts with 1-9 ("0:45" is text in both, so it is not a surprise)
_YAML11_SURPRISES = {
    "published": ("yes", "no", "on", "off", "Yes", "NO", "Off", "ON"),
    "heat": ("10:00", "1:30", "2:45", "012", "-017", "1_000", "+1_0"),
}


def _ak211(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Article, Video, Course, Collection, Download, Profile, Forum))
    key = draw(st.sampled_from(sorted(_YAML11_SURPRISES)))
    doc.data[key] = Raw(draw(st.sampled_from(_YAML11_SURPRISES[key])))
    return _at(draw, doc, (key,))
