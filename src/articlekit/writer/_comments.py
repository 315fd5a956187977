"""The comments of a front matter, attached to the values they belong to, for the formatter.

`articlekit.format` rewrites a whole front matter; to keep every comment in
its place, each comment is attached to a value (by its path) before, and
written back with that value after:

* comment lines above the first key are a header: they stay at the top;
* a comment line goes *above* the next key or list item, at that item's
  indentation; a comment line indented deeper than the next item (the last
  lines of a nested block) goes at the *end* of the innermost block it is
  indented into; comment lines after every key go at the end;
* a comment after a value on the same line (``heat: 3  # why``) stays after
  that value, with the same spacing; after a key whose value is a nested block
  (``provider:  # why``), after that key;
* a blank line right after a comment line is kept (a header comment stays
  apart from the first key).

Nothing is ever dropped: a comment that cannot be attached goes above the
next item, or at the end of the front matter.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..issues import KeyPath
from ..positions import BREAK, line_starts

__all__ = ["Comments", "CommentsError", "find_comments", "may_have_comments"]

_BLOCK_HEADER = re.compile(r"[|>][0-9+-]*([ \t]+)(#[^\r\n]*)")
# A comment's "#" follows the start of the text, a space, a tab, a line break, a BOM, or the
# last character of a token that can be followed directly by one: a closing quote, a flow
# indicator, a key or value indicator.  (A plain scalar, an anchor, an alias or a tag takes
# a "#" right after it into itself or must be followed by a space; a block scalar's header
# comment needs a space, see _BLOCK_HEADER.)
_MAY_BE_COMMENT = re.compile("(?:^|[ \t\r\n\x85\u2028\u2029\ufeff\"',\\[\\]{}?:])#")


class CommentsError(ValueError):
    """The comments of a front matter could not be located (the text does not scan as YAML)."""


@dataclass
class Comments:
    """Comments by the path of the value they belong to.

    Attributes:
        before: comment lines (``"# ..."``, ``""`` for a blank line after one)
            above the key or list item at a path (``()``: the header, at the top).
        trailing: the comment after the value at a path on its line, with the
            spaces before it (``"  # why"``).
        end: comment lines at the end of the mapping or list at a path (``()``:
            the end of the front matter).
    """

    before: dict[KeyPath, list[str]] = field(default_factory=dict)
    trailing: dict[KeyPath, str] = field(default_factory=dict)
    end: dict[KeyPath, list[str]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.before or self.trailing or self.end)

    def take_before(self, path: KeyPath) -> list[str]:
        """The lines above ``path`` (once: they are removed)."""
        return self.before.pop(path, [])

    def take_trailing(self, path: KeyPath) -> str:
        """The comment after ``path`` on its line, or ``""`` (once)."""
        return self.trailing.pop(path, "")

    def take_end(self, path: KeyPath) -> list[str]:
        """The lines at the end of the block at ``path``, without a blank line last (once)."""
        lines = self.end.pop(path, [])
        while lines and not lines[-1]:
            lines.pop()
        return lines

    def leftovers(self) -> list[str]:
        """Every comment not yet written, as lines for the end of the front matter (and forget them)."""
        out: list[str] = []
        for lines in (*self.before.values(), *self.end.values()):
            out.extend(line for line in lines if line)
        out.extend(text.lstrip(" \t") for text in self.trailing.values())
        self.before.clear()
        self.trailing.clear()
        self.end.clear()
        return out


@dataclass(frozen=True)
class _Comment:
    start: int  # offset of "#"
    text: str  # from "#" to the end of the line
    gap: str  # the spaces before "#" (a trailing comment)
    own_line: bool


# libyaml's scanner when there is one (it reads what the loader read; marks count characters)
_SCANNERS: tuple[Any, ...] = tuple(
    loader for loader in (getattr(yaml, "CSafeLoader", None), yaml.SafeLoader) if loader is not None
)


def _scan(text: str) -> tuple[list[tuple[int, int]], list[int], list[_Comment]]:
    """Token spans, the offsets of block ``-`` indicators and the comments of ``text``."""
    for loader in _SCANNERS[:-1]:
        try:
            return _scan_with(text, loader)
        except CommentsError:
            continue
    return _scan_with(text, _SCANNERS[-1])


def _scan_with(text: str, loader: Any) -> tuple[list[tuple[int, int]], list[int], list[_Comment]]:
    spans: list[tuple[int, int]] = []
    dashes: list[int] = []
    headers: list[_Comment] = []
    try:
        for token in yaml.scan(text, Loader=loader):
            start, end = token.start_mark.index, token.end_mark.index
            if isinstance(token, yaml.BlockEntryToken):
                dashes.append(start)
            if isinstance(token, yaml.ScalarToken) and token.style in ("|", ">"):
                match = _BLOCK_HEADER.match(text, start)
                if match:
                    headers.append(_Comment(match.start(2), match.group(2), match.group(1), False))
            if end > start:
                spans.append((start, end))
    except yaml.YAMLError as exc:
        raise CommentsError(str(exc)) from None
    spans.sort()
    comments: list[_Comment] = []
    pos = 0
    for start, end in [*spans, (len(text), len(text))]:
        comments.extend(_gap_comments(text, pos, start))
        pos = max(pos, end)
    comments.extend(headers)
    comments.sort(key=lambda c: c.start)
    return spans, dashes, comments


def _gap_comments(text: str, start: int, end: int) -> Iterator[_Comment]:
    """The comments that begin between two tokens."""
    pos = start
    while True:
        hash_at = text.find("#", pos, end)
        if hash_at < 0:
            return
        stop = BREAK.search(text, hash_at)
        line_end = stop.start() if stop else len(text)
        line_start = max(text.rfind("\n", 0, hash_at), text.rfind("\r", 0, hash_at)) + 1
        before = text[line_start:hash_at]
        spaces = len(before) - len(before.rstrip(" \t"))
        yield _Comment(
            hash_at, text[hash_at:line_end], before[len(before) - spaces :], not before.strip(" \t")
        )
        pos = line_end


@dataclass(frozen=True)
class _Entry:
    path: KeyPath
    start: int  # offset of the key, or of the item's "-"
    column: int
    head_line: int  # the line of ``start``
    end_line: int | None  # for a value on one or more lines that ends on a line: that line
    end: int
    block: bool  # a block mapping or list: its value starts on a later line


class _Geometry:
    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = line_starts(text)

    def line_of(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1

    def offset(self, line: int, column: int) -> int:
        i = line - 2  # the front matter starts on line 2 (after the opening fence)
        return self.starts[i] + column - 1 if 0 <= i < len(self.starts) else -1

    def column_of(self, offset: int) -> int:
        return offset - self.starts[self.line_of(offset)]

    def blank_line(self, line: int) -> bool:
        if not 0 <= line < len(self.starts):
            return False
        end = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.text)
        return end > self.starts[line] and not self.text[self.starts[line] : end].strip(" \t\r\n")


def _entries(nodes: dict[KeyPath, Any], geo: _Geometry, dashes: list[int]) -> list[_Entry]:
    out: list[_Entry] = []
    seen: set[int] = set()
    for path, info in nodes.items():
        if not path:
            continue
        parent = nodes.get(path[:-1])
        if isinstance(path[-1], int) and parent is not None and parent.style == "block":
            i = bisect_left(dashes, info.start_index) - 1
            if i < 0:
                continue
            start = dashes[i]
        elif isinstance(path[-1], int):
            start = int(info.start_index)
        else:
            start = geo.offset(info.key_line, info.key_column)
        if start < 0 or (start in seen and isinstance(path[-1], str)):
            continue  # a key merged in with "<<" sits where its source is: keep the first
        seen.add(start)
        leaf = info.kind == "scalar" or info.style in ("flow", "alias")
        end = int(info.end_index)
        if info.style in ("|", ">"):
            end = int(info.start_index)  # a block scalar's header line
        out.append(
            _Entry(
                path=path,
                start=start,
                column=geo.column_of(start),
                head_line=geo.line_of(start),
                end_line=geo.line_of(max(end - 1, info.start_index)) if leaf else None,
                end=end,
                block=not leaf,
            )
        )
    out.sort(key=lambda e: (e.start, len(e.path)))
    return out


def may_have_comments(text: str) -> bool:
    """Whether the YAML ``text`` may hold a comment: a cheap test, ``False`` only when it holds none.

    Lets the writer skip locating comments (which needs every position) in text
    whose every ``#`` is inside a value, such as ``C#`` or ``page#part``.

    >>> may_have_comments("title: C# and F#"), may_have_comments("heat: 3  # why")
    (False, True)
    """
    return "#" in text and _MAY_BE_COMMENT.search(text) is not None


def find_comments(text: str, nodes: dict[KeyPath, Any]) -> Comments:
    """The comments of the front matter ``text``, attached to the paths of ``nodes`` (its positions).

    Raises:
        CommentsError: ``text`` does not scan as YAML.
    """
    found = Comments()
    if not may_have_comments(text):
        return found
    _, dashes, comments = _scan(text)
    if not comments:
        return found
    geo = _Geometry(text)
    entries = _entries(nodes, geo, dashes)
    starts = [e.start for e in entries]
    by_path = {e.path: e for e in entries}
    for comment in comments:
        line = geo.line_of(comment.start)
        if not comment.own_line and _attach_trailing(found, comment, line, entries, geo):
            continue
        where = bisect_right(starts, comment.start)
        following = entries[where] if where < len(entries) else None
        previous = entries[where - 1] if where > 0 else None
        column = geo.column_of(comment.start) if comment.own_line else 0
        blank_after = comment.own_line and geo.blank_line(line + 1)
        lines = [comment.text, *([""] if blank_after else [])]
        if previous is None and comment.own_line:
            found.before.setdefault((), []).extend(lines)  # a header: it stays at the top
            continue
        if following is not None and (column <= following.column or previous is None):
            found.before.setdefault(following.path, []).extend(lines)
            continue
        container: KeyPath = ()
        entry = previous
        while entry is not None:
            if entry.column <= column:
                container = entry.path[:-1]
                break
            entry = by_path.get(entry.path[:-1])
        found.end.setdefault(container, []).extend(lines)
    return found


def _attach_trailing(
    found: Comments, comment: _Comment, line: int, entries: list[_Entry], geo: _Geometry
) -> bool:
    """Attach a comment after something on its line to the value it follows; False if none."""
    leaves = [e for e in entries if e.end_line == line and e.end <= comment.start]
    if leaves:
        best = min(leaves, key=lambda e: (len(e.path), -e.end))
    else:
        heads = [e for e in entries if e.block and e.head_line == line and e.start < comment.start]
        if not heads:
            return False
        best = max(heads, key=lambda e: (e.start, len(e.path)))
        if geo.text[best.start : comment.start].rstrip(" \t").endswith("-"):
            return False  # "- # why" above an item's content: the comment goes above the item
    if best.path in found.trailing:
        return False
    found.trailing[best.path] = comment.gap + comment.text
    return True
