"""The range an issue covers: the offending value or key, not just the column it starts at.

Issues carry one position (``line``, ``column``) and the key ``path``; the
YAML layer's `Locations` say where each value starts and ends and where its
key is.  An issue at a value covers the value (a multi-line scalar up to its
end); an issue at a key covers the key; a missing key covers its parent's key
(the opening fence for a key missing at the top level); anything else covers
the rest of its line.  Spans are articlekit positions: ``((line, column),
(line, column))``, 1-based, the end exclusive.
"""

from __future__ import annotations

from ..issues import Issue, KeyPath
from ..positions import Locations, NodeInfo
from .positions import LineIndex

__all__ = ["Span", "issue_span", "key_span", "rest_of_line"]

Span = tuple[tuple[int, int], tuple[int, int]]
"""A range in articlekit positions: (start line, start column), (end line, end column), end exclusive."""


def rest_of_line(index: LineIndex, line: int, column: int) -> Span:
    """From ``column`` to the end of the line's text (without trailing blanks).

    At or past the end of the text, the whole text of the line; an empty line
    gives an empty span at ``column``.
    """
    text = index.line(line - 1)
    shift = 1 if index.bom and line == 1 else 0
    text = text[shift:]
    content_end = len(text.rstrip()) + 1
    start = min(max(column, 1), len(text) + 1)
    if start < content_end:
        return (line, start), (line, content_end)
    first = len(text) - len(text.lstrip()) + 1
    if first < content_end:
        return (line, first), (line, content_end)
    return (line, start), (line, start)


def _quoted_end(text: str, start: int) -> int:
    """The index just after the quoted scalar that opens at ``start`` (or the end of the text)."""
    quote = text[start]
    at = start + 1
    while at < len(text):
        char = text[at]
        if quote == '"' and char == "\\":
            at += 2
            continue
        if char == quote:
            if quote == "'" and text[at + 1 : at + 2] == "'":
                at += 2
                continue
            return at + 1
        at += 1
    return len(text)


def key_span(index: LineIndex, line: int, column: int) -> Span:
    """The key written at ``line``, ``column``: up to its ``:`` (a quoted key: its quotes included)."""
    text = index.line(line - 1)
    shift = 1 if index.bom and line == 1 else 0
    start = column - 1 + shift
    if start >= len(text):
        return rest_of_line(index, line, column)
    if text[start] in "\"'":
        end = _quoted_end(text, start)
    else:
        end = start
        while end < len(text):
            if text[end] == ":" and (end + 1 == len(text) or text[end + 1] in " \t"):
                break
            if text[end] == "#" and end > start and text[end - 1] in " \t":
                break
            end += 1
        while end > start and text[end - 1] in " \t":
            end -= 1
    if end <= start:
        return rest_of_line(index, line, column)
    return (line, column), (line, end - shift + 1)


def _value_span(index: LineIndex, info: NodeInfo) -> Span | None:
    start = (info.line, info.column)
    end_line, end_column = info.end_line, info.end_column
    # a block scalar's (or a multi-line value's) end mark may sit at the start of the next line
    while end_line > info.line and end_column == 1:
        end_line -= 1
        end_column = len(index.line(end_line - 1).rstrip()) + 1
    if (end_line, end_column) <= start:
        return None  # an empty value (``key:`` alone)
    return start, (end_line, end_column)


def issue_span(issue: Issue, index: LineIndex, locations: Locations | None) -> Span:
    """The span of ``issue`` in the text indexed by ``index`` (see the module's docstring)."""
    at = (issue.line, issue.column)
    if locations is not None and issue.path:
        span = _located_span(issue.path, at, index, locations)
        if span is not None:
            return span
    return rest_of_line(index, issue.line, issue.column)


def _located_span(path: KeyPath, at: tuple[int, int], index: LineIndex, locations: Locations) -> Span | None:
    info = locations.get(path)
    if info is not None:
        has_key = isinstance(path[-1], str) and (info.key_line, info.key_column) != (info.line, info.column)
        if at == (info.line, info.column):
            if info.kind == "scalar" or info.style == "flow":
                span = _value_span(index, info)
                if span is not None:
                    return span
            if has_key:
                return key_span(index, info.key_line, info.key_column)
            return None
        if at == (info.key_line, info.key_column):
            return key_span(index, info.key_line, info.key_column)
        return None
    # a missing key: the issue points at the parent mapping
    parent, found = locations.nearest(path)
    if found is None or at != (found.line, found.column):
        return None
    if not parent:
        return rest_of_line(index, 1, 1)  # the opening fence: the front matter lacks the key
    if isinstance(parent[-1], str) and (found.key_line, found.key_column) != (found.line, found.column):
        return key_span(index, found.key_line, found.key_column)
    return None
