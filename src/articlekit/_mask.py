"""Keep `secured` values out of what articlekit shows: reprs, source lines in errors.

A `secured` value is shown as its first 8 characters and `…` (in a repr) or
with the rest of its characters replaced by `*` (in a source line, so that
columns and carets stay right).  This module imports nothing heavy: the
exceptions use it too.

- `masked(value)` stands in for a value held under a `secured` key;
- `mask_extra(value)` is `value` with every `secured` inside it masked;
- `secured_in(data, locations)` finds the `secured` values of loaded data
  and where they are written;
- `mask_source(text, values, spans)` is `text` with those values, and any
  `secured: ...` written on one line, masked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from .positions import line_starts

__all__ = ["PREVIEW", "Masked", "mask_extra", "mask_source", "masked", "preview", "secured_in"]

PREVIEW = 8
"""How many leading characters of a `secured` value may be shown."""

KEY = "secured"

Span = tuple[int, int, int, int]
"""`(line, column, end_line, end_column)`, 1-based, the end just after the value."""


def preview(text: str) -> str:
    """`text` cut to its first 8 characters and `…`."""
    return text[:PREVIEW] + "…" if len(text) > PREVIEW else text


class Masked:
    """Stands in for a `secured` text in a repr: `'yUdXMcbh…'`."""

    __slots__ = ("_text",)

    def __init__(self, text: str) -> None:
        self._text = text

    def __repr__(self) -> str:
        return repr(preview(self._text))


def masked(value: Any, _depth: int = 0) -> Any:
    """What a repr shows for `value` held under a `secured` key: every text in it masked."""
    if isinstance(value, str):
        return Masked(value) if len(value) > PREVIEW else value
    if _depth > 100:
        return ...
    if isinstance(value, list | tuple):
        return [masked(v, _depth + 1) for v in value]
    if isinstance(value, dict):
        return {k: masked(v, _depth + 1) for k, v in value.items()}
    return value


def _holds_key(value: Any, depth: int = 0) -> bool:
    if depth > 100:
        return True
    if isinstance(value, dict):
        return KEY in value or any(_holds_key(v, depth + 1) for v in value.values())
    if isinstance(value, list | tuple):
        return any(_holds_key(v, depth + 1) for v in value)
    return False


def mask_extra(value: Any, _depth: int = 0) -> Any:
    """`value` (plain data: an unknown key's value) with the value of every `secured` key in it masked.

    `value` itself is returned when it holds no `secured` key.
    """
    if _depth == 0 and not _holds_key(value):
        return value
    if _depth > 100:
        return ...
    if isinstance(value, dict):
        return {k: masked(v) if k == KEY else mask_extra(v, _depth + 1) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [mask_extra(v, _depth + 1) for v in value]
    return value


def _strings(value: Any, out: set[str], deep: bool, depth: int = 0) -> None:
    if isinstance(value, str):
        if len(value) > PREVIEW:
            out.add(value)
    elif depth < 100 and isinstance(value, list | tuple):
        for v in value:
            if deep or isinstance(v, str):
                _strings(v, out, deep, depth + 1)
    elif deep and depth < 100 and isinstance(value, dict):
        for v in value.values():
            _strings(v, out, deep, depth + 1)


def _walk(data: Any, found: set[str], seen: set[int], deep: bool, depth: int = 0) -> None:
    """Add to `found` the texts held under a `secured` key of `data`, at any depth."""
    if depth > 100 or id(data) in seen:
        return
    if isinstance(data, dict):
        seen.add(id(data))
        for key, value in data.items():
            if key == KEY:
                _strings(value, found, deep)
            elif isinstance(value, dict | list):
                _walk(value, found, seen, deep, depth + 1)
    elif isinstance(data, list):
        seen.add(id(data))
        for value in data:
            if isinstance(value, dict | list):
                _walk(value, found, seen, deep, depth + 1)


def secured_in(data: Any, locations: Any = None, *, deep: bool = True) -> tuple[list[str], list[Span]]:
    """The `secured` texts of loaded `data` (at any depth), and the spans of the values in the file.

    A `secured` text is the value of a `secured` key, an item of a list
    that is, and with `deep` any text inside a mapping or list that is.
    `locations` is an `articlekit.positions.Locations` (or `None`): every
    value at a key path ending in `secured` gives its span.
    """
    found: set[str] = set()
    if data is not None:
        _walk(data, found, set(), deep)
    spans: list[Span] = []
    nodes = getattr(locations, "nodes", None)
    if isinstance(nodes, dict):
        for path, info in nodes.items():
            if path and path[-1] == KEY:
                spans.append((info.line, info.column, info.end_line, info.end_column))
    return sorted(found, key=len, reverse=True), spans


# `secured:` and the start of its value on the same line; the value is masked after 8 characters
_ON_LINE = re.compile(
    r"""secured["']?[ \t]*:(?:[ \t]+(?:[\[{][ \t]*)?|(?=["'\[{])(?:[\[{][ \t]*)?)"""
    r"""(?:"(?P<double>(?:[^"\\\r\n]|\\.)*)|'(?P<single>(?:[^'\r\n]|'')*)"""
    r"""|(?P<plain>[^"'\s,{}\[\]#](?:[^\s,}\]]|[ \t]+(?![ \t#]))*))"""
)
_HIDDEN = re.compile(r"\S")


def _star(text: str) -> str:
    return _HIDDEN.sub("*", text)


def mask_source(text: str, values: Iterable[str] = (), spans: Iterable[Span] = ()) -> str:
    """`text` with `secured` values masked: the same length, line breaks and columns.

    Masked are: every occurrence of each of `values`; every span of `spans`
    (after the value's first 8 characters); and any value written on the
    line of a `secured:` key.  Whitespace is kept, other characters become `*`.
    """
    chars: list[str] | None = None

    def hide(start: int, end: int) -> None:
        nonlocal chars
        if end <= start:
            return
        if chars is None:
            chars = list(text)
        chars[start:end] = _star(text[start:end])

    for value in values:
        if len(value) <= PREVIEW:
            continue
        at = text.find(value)
        while at >= 0:
            hide(at + PREVIEW, at + len(value))
            at = text.find(value, at + 1)
    starts: list[int] | None = None
    for line, column, end_line, end_column in spans:
        if starts is None:
            starts = line_starts(text)
        if not (1 <= line <= end_line <= len(starts)):
            continue
        begin = starts[line - 1] + column - 1
        stop = min(starts[end_line - 1] + end_column - 1, len(text))
        if begin < len(text) and text[begin] in "\"'":
            begin += 1
        hide(begin + PREVIEW, stop)
    if KEY in text:
        for match in _ON_LINE.finditer(text):
            for group in ("double", "single", "plain"):
                if match.group(group) is not None:
                    hide(match.start(group) + PREVIEW, match.end(group))
    return text if chars is None else "".join(chars)


def mask_line(line: str) -> str:
    """`mask_source` of one line with nothing known of its values."""
    return mask_source(line) if KEY in line else line


def iter_masked_args(args: Iterable[tuple[str | None, Any]], extra: Any) -> Iterator[tuple[str | None, Any]]:
    """A model's repr arguments with `secured` values masked.

    A `secured` field holds a `Secured`, whose repr is already short; an
    unknown key (in `extra`, a dict) may hold plain text, here masked.
    """
    for name, value in args:
        if isinstance(extra, dict) and name in extra and extra[name] is value:
            yield name, masked(value) if name == KEY else mask_extra(value)
        elif name == KEY and isinstance(value, str | list | dict):
            yield name, masked(value)
        else:
            yield name, value
