"""The values of the autofix (`TextEdit`, `Fix`) and what a fix-maker sees (`FixContext`)."""

from __future__ import annotations

import copy
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..issues import Issue, KeyPath
from ..positions import line_starts

if TYPE_CHECKING:
    from pydantic import BaseModel

    from ..positions import Locations
    from ..rules import Context, RuleOptions
    from ..splitter import SplitResult

__all__ = [
    "REMOVED",
    "Fix",
    "FixContext",
    "TextEdit",
    "apply_data_changes",
    "apply_edits",
    "apply_offset_edits",
    "line_starts",
]


class _Removed:
    """The value of a data change that removes the key or list item (`REMOVED`)."""

    _instance: _Removed | None = None

    def __new__(cls) -> _Removed:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "REMOVED"

    def __reduce__(self) -> str:
        return "REMOVED"


REMOVED: Any = _Removed()
"""In `Fix.changes`: the key or list item at the path is removed."""


@dataclass(frozen=True)
class TextEdit:
    """Replace a range of a file's text by ``new_text``.

    Positions are those of issues: 1-based lines (the opening fence is line 1)
    and 1-based columns in characters, in the text the fix was made for (the
    text without a leading BOM); the end is exclusive (just after the last
    character replaced), so an insertion has ``start == end``.  A line break
    (``\\r\\n`` too) ends its line: the position after it is column 1 of the
    next line.  ``start_offset`` and ``end_offset`` are the same positions as
    character offsets in that text.

    Attributes:
        start_line, start_column: where the replaced range starts.
        end_line, end_column: just after it ends.
        new_text: what to write instead ("" deletes the range).
        start_offset, end_offset: the range as character offsets.
    """

    start_line: int
    start_column: int
    end_line: int
    end_column: int
    new_text: str
    start_offset: int = 0
    end_offset: int = 0


@dataclass(frozen=True)
class Fix:
    """A repair of one issue, as a value: apply its edits, or show them.

    Attributes:
        code: the issue's code, e.g. ``"AK401"``.
        issue: the issue it repairs (located in the text it was made for).
        title: what it does, for humans ("set 'width' to 1200").
        edits: the text edits, sorted and not overlapping, all or none to apply.
        safe: whether the result is certainly what was meant (``check --fix``
            applies it): the same data written another way, or a value the file
            itself gives (an image's size from its URL).  Unsafe fixes change
            what the file says in a way a writer should review (a related item
            removed); ``check --unsafe-fixes`` applies them.
        changes: what the fix does to the loaded front matter: ``(path, new
            value)`` pairs, the value `REMOVED` for a key or item that goes;
            empty when the data stay exactly as they are (only how they are
            written changes).  `articlekit.fix` checks the result against it.
    """

    code: str
    issue: Issue
    title: str
    edits: tuple[TextEdit, ...]
    safe: bool
    changes: tuple[tuple[KeyPath, Any], ...] = field(default=(), repr=False, compare=False)

    @property
    def start_offset(self) -> int:
        """Where its first edit starts (a character offset)."""
        return self.edits[0].start_offset if self.edits else 0

    @property
    def end_offset(self) -> int:
        """Where its last edit ends (a character offset)."""
        return self.edits[-1].end_offset if self.edits else 0

    def to_dict(self) -> dict[str, object]:
        """The fix as JSON-ready data."""
        return {
            "code": self.code,
            "title": self.title,
            "safe": self.safe,
            "issue": self.issue.to_dict(),
            "edits": [
                {
                    "start": {"line": e.start_line, "column": e.start_column},
                    "end": {"line": e.end_line, "column": e.end_column},
                    "new_text": e.new_text,
                }
                for e in self.edits
            ],
        }


def _offset(starts: list[int], length: int, line: int, column: int) -> int | None:
    if not 1 <= line <= len(starts) or column < 1:
        return None
    offset = starts[line - 1] + column - 1
    end = starts[line] if line < len(starts) else length
    return offset if offset <= end else None


def apply_edits(text: str, edits: Sequence[TextEdit]) -> str:
    """``text`` with ``edits`` applied (located by their lines and columns).

    Edits are applied in position order; one that overlaps an earlier one,
    or lies outside the text, is left out (a later round of fixing makes it
    again).  A leading BOM of ``text`` is kept and not counted in columns.

    >>> apply_edits("---\\nwidth: 10\\n---\\n", [TextEdit(2, 8, 2, 10, "1200")])
    '---\\nwidth: 1200\\n---\\n'
    """
    bom = text.startswith("\ufeff")
    body = text[1:] if bom else text
    starts = line_starts(body)
    located: list[tuple[int, int, int, str]] = []
    for n, edit in enumerate(edits):
        start = _offset(starts, len(body), edit.start_line, edit.start_column)
        end = _offset(starts, len(body), edit.end_line, edit.end_column)
        if start is None or end is None or end < start:
            continue
        located.append((start, end, n, edit.new_text))
    located.sort()
    out: list[str] = ["\ufeff"] if bom else []
    pos = 0
    for start, end, _, new_text in located:
        if start < pos:
            continue
        out.append(body[pos:start])
        out.append(new_text)
        pos = end
    out.append(body[pos:])
    return "".join(out)


def apply_offset_edits(text: str, edits: Iterable[tuple[int, int, str]]) -> str:
    """``text`` with edits ``(start, end, new text)`` made: offsets in ``text``, in order, not overlapping.

    >>> apply_offset_edits("title:   x", [(6, 9, " ")])
    'title: x'
    """
    out: list[str] = []
    pos = 0
    for start, end, new_text in edits:
        out.append(text[pos:start])
        out.append(new_text)
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _parent_and_key(data: Any, path: KeyPath) -> tuple[Any, str | int] | None:
    node = data
    for part in path[:-1]:
        if isinstance(node, dict) and part in node:  # noqa: SIM114 (mypy narrows a list index only alone)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            return None
    if not path:
        return None
    return node, path[-1]


def apply_data_changes(data: Any, changes: Sequence[tuple[KeyPath, Any]]) -> Any:
    """A copy of ``data`` with ``changes`` made: new values first, then removals, last items first.

    Paths are those of ``data`` before any change.
    """
    out = copy.deepcopy(data)
    removals: list[KeyPath] = []
    for path, value in changes:
        if value is REMOVED:
            removals.append(path)
            continue
        found = _parent_and_key(out, path)
        if found is None:
            continue
        parent, key = found
        if isinstance(parent, dict):  # noqa: SIM114 (mypy narrows a list index only alone)
            parent[key] = copy.deepcopy(value)
        elif isinstance(parent, list) and isinstance(key, int) and 0 <= key < len(parent):
            parent[key] = copy.deepcopy(value)
    order = sorted(set(removals), key=lambda p: tuple((1, x) if isinstance(x, int) else (0, x) for x in p))
    for path in reversed(order):
        found = _parent_and_key(out, path)
        if found is None:
            continue
        parent, key = found
        if isinstance(parent, dict) and key in parent:  # noqa: SIM114 (mypy narrows a list index only alone)
            del parent[key]
        elif isinstance(parent, list) and isinstance(key, int) and 0 <= key < len(parent):
            del parent[key]
    return out


class FixContext:
    """What a fix-maker sees: the file's text, its parts, the loaded front matter and helpers.

    Attributes:
        text: the whole file as text, without a leading BOM (what positions index).
        split: the file cut into fences, front matter and body.
        data: the front matter as plain data (YAML keys).
        locations: where every key and value is (offsets into ``split.front_matter``).
        kind: the model class the document is validated as (``None`` when unknown).
        options: the rule options of the check.
    """

    def __init__(
        self,
        split: SplitResult,
        data: dict[str, Any],
        locations: Locations,
        kind: type[BaseModel] | None,
        options: RuleOptions,
    ) -> None:
        """Make the context of one file's analysis."""
        self.split = split
        self.text = split.text
        self.data = data
        self.locations = locations
        self.kind = kind
        self.options = options
        self._starts: list[int] | None = None
        self._context: Context | None = None

    @property
    def front_matter_offset(self) -> int:
        """Where the front matter starts in `text`."""
        return self.split.front_matter_offset

    @property
    def rule_context(self) -> Context:
        """The rules' `articlekit.rules.Context` of the same document (made on first use)."""
        if self._context is None:
            from ..rules import Context

            assert self.kind is not None
            self._context = Context(self.data, self.locations, self.kind, self.options)
        return self._context

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of the character offset ``offset`` of `text`."""
        if self._starts is None:
            self._starts = line_starts(self.text)
        index = bisect_right(self._starts, offset) - 1
        return index + 1, offset - self._starts[index] + 1

    def edit(self, start: int, end: int, new_text: str) -> TextEdit:
        """A `TextEdit` replacing the characters ``start:end`` of `text`."""
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return TextEdit(line, column, end_line, end_column, new_text, start, end)

    def get(self, path: KeyPath) -> Any:
        """The value at ``path`` in `data`, or ``None`` when there is none."""
        found = _parent_and_key(self.data, path)
        if found is None:
            return self.data if not path else None
        parent, key = found
        if isinstance(parent, dict):
            return parent.get(key)
        if isinstance(parent, list) and isinstance(key, int) and 0 <= key < len(parent):
            return parent[key]
        return None

    def value_span(self, path: KeyPath) -> tuple[int, int] | None:
        """Where the value at ``path`` is written in `text` (a tag or anchor before it included)."""
        info = self.locations.get(path)
        if info is None:
            return None
        base = self.front_matter_offset
        return base + info.start_index, base + info.end_index

    def make(
        self,
        issue: Issue,
        title: str,
        edits: Sequence[TextEdit],
        *,
        safe: bool,
        changes: Sequence[tuple[KeyPath, Any]] = (),
    ) -> Fix:
        """A `Fix` of ``issue`` from edits of `text`."""
        ordered = tuple(sorted(edits, key=lambda e: (e.start_offset, e.end_offset)))
        return Fix(issue.code, issue, title, ordered, safe, tuple(changes))

    def change(
        self, issue: Issue, title: str, changes: Sequence[tuple[KeyPath, Any]], *, safe: bool
    ) -> Fix | None:
        """A `Fix` that makes ``changes`` to the data, written by the lossless writer.

        Changed scalars are rewritten in place in their own style, removed keys
        and list items take their lines (see `articlekit.writer`); ``None``
        when the writer cannot make the change by editing the text.
        """
        from ..writer._scalars import UnrepresentableError
        from ..writer._splice import Fallback, splice_edits

        front_matter = self.split.front_matter
        if front_matter is None:
            return None
        new = apply_data_changes(self.data, changes)
        try:
            spliced = splice_edits(
                front_matter, self.locations, self.data, new, self.kind, self.split.newline
            )
        except (Fallback, UnrepresentableError, TypeError, ValueError):
            return None
        if not spliced:
            return None
        base = self.front_matter_offset
        edits = [self.edit(base + start, base + end, text) for start, end, text in spliced]
        return self.make(issue, title, edits, safe=safe, changes=changes)

    def set_value(self, issue: Issue, title: str, path: KeyPath, value: Any, *, safe: bool) -> Fix | None:
        """A `Fix` that sets the value at ``path`` (see `change`)."""
        return self.change(issue, title, [(path, value)], safe=safe)

    def remove(self, issue: Issue, title: str, path: KeyPath, *, safe: bool) -> Fix | None:
        """A `Fix` that removes the key or list item at ``path`` with its lines (see `change`)."""
        return self.change(issue, title, [(path, REMOVED)], safe=safe)
