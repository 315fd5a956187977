"""Positions in a file: line breaks, line starts, and where each YAML value sits.

The one place for what a "line" is and for the source map of a front matter.
The YAML parsers produce positions (`articlekit.yamlsafe` a `Locations`,
`articlekit.fastyaml` a `LazyLocations` that runs the full parser on first
use); validation, the rules, the writer, suppressions, fixes and the language
server consume them.  This module imports no parser, so the consumers do not
depend on the YAML layer for a type.

Lines end at LF, CRLF or CR (`BREAK`), as in the splitter; YAML itself also
breaks lines at NEL, LS and PS (`YAML_BREAK`), which is why the YAML layer
maps PyYAML's marks back to file lines.  Lines and columns are 1-based in the
original file (the opening fence is line 1); offsets are 0-based.

>>> line_starts("a\\r\\nb\\rc\\n")
[0, 3, 5, 7]
>>> OffsetIndex("a\\nbc", first_line=2)(3)
(3, 2)
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

from .issues import KeyPath

__all__ = ["BREAK", "YAML_BREAK", "LazyLocations", "Locations", "NodeInfo", "OffsetIndex", "line_starts"]

BREAK = re.compile(r"\r\n|\r|\n")
"""A line break in a file: CRLF, LF or CR (form feeds and Unicode separators do not end lines)."""

YAML_BREAK = re.compile("\r\n|\r|\n|\x85|\u2028|\u2029")
"""A line break as PyYAML counts them (its marks): `BREAK`, NEL, LS and PS."""


def line_starts(text: str) -> list[int]:
    """The offset where each line of `text` starts (lines end at LF, CRLF or CR)."""
    return [0] + [m.end() for m in BREAK.finditer(text)]


class OffsetIndex:
    """Line and column of character offsets in a text (lines end at LF, CRLF or CR).

    `text` starts at line `first_line`, column 1; calling the index with an
    offset gives its `(line, column)`, both 1-based.
    """

    __slots__ = ("_starts",)

    def __init__(self, text: str, first_line: int = 1) -> None:
        """Index the line starts of `text`."""
        self._starts = [0] * first_line + [m.end() for m in BREAK.finditer(text)]

    def __call__(self, offset: int) -> tuple[int, int]:
        """The 1-based `(line, column)` of `offset`."""
        i = bisect_right(self._starts, offset) - 1
        return i + 1, offset - self._starts[i] + 1


@dataclass(slots=True)
class NodeInfo:
    """Where one value sits in the file (1-based lines and columns).

    Attributes:
        line, column: where the value starts.
        end_line, end_column: just after the value ends.
        key_line, key_column: where its mapping key starts (the item's
            `-` indicator for a sequence item is not tracked; for items these
            equal `line`/`column`).
        kind: `"scalar"`, `"mapping"` or `"sequence"`.
        style: a scalar's style (`""` plain, `'"'`, `"'"`, `"|"`, `">"`),
            or `"flow"` / `"block"` for a collection.
        raw: a scalar's text as written, before type resolution (`None` for
            collections).
        start_index, end_index: character offsets of the value in the front
            matter text.
    """

    line: int
    column: int
    end_line: int
    end_column: int
    key_line: int
    key_column: int
    kind: str
    style: str
    raw: str | None
    start_index: int = 0
    end_index: int = 0


@dataclass
class Locations:
    """Positions of every key and value of a front matter, by key path.

    Paths are tuples of keys and list indexes; `()` is the front matter
    mapping itself.  `source` is the YAML text the positions index (`""`
    when not known): `NodeInfo.start_index` and `end_index` are offsets in it.
    """

    nodes: dict[KeyPath, NodeInfo] = field(default_factory=dict)
    default_line: int = 1
    default_column: int = 1
    source: str = field(default="", repr=False, compare=False)

    def get(self, path: KeyPath) -> NodeInfo | None:
        """The exact entry for `path`, or `None`."""
        return self.nodes.get(path)

    def nearest(self, path: KeyPath) -> tuple[KeyPath, NodeInfo | None]:
        """The entry for `path` or, failing that, for its nearest ancestor."""
        p = tuple(path)
        while True:
            info = self.nodes.get(p)
            if info is not None or not p:
                return p, info
            p = p[:-1]

    def position(self, path: KeyPath, *, at_key: bool = False) -> tuple[int, int]:
        """Line and column for an issue about `path`.

        For a path that is absent (a missing key) this is the position of the
        nearest ancestor that exists: the parent mapping.  With `at_key` the
        position of the key rather than the value.
        """
        found, info = self.nearest(path)
        if info is None:
            return self.default_line, self.default_column
        if found != tuple(path):
            # a missing key: point at the parent mapping itself
            return info.line, info.column
        if at_key:
            return info.key_line, info.key_column
        return info.line, info.column


class LazyLocations(Locations):
    """`Locations` computed on first use.

    Holds the front matter text and a function that computes its positions
    (the full YAML parser); the first call of `get`, `nearest`, `position` or
    any read of `nodes` runs it once and keeps its answer.  A parser that
    reads text without positions (`articlekit.fastyaml`) gives these.
    """

    def __init__(self, source: str, first_line: int, compute: Callable[[], dict[KeyPath, NodeInfo]]) -> None:
        """Remember how to compute the positions of `source` (from line `first_line`); nothing runs yet."""
        self.source = source
        self._compute: Callable[[], dict[KeyPath, NodeInfo]] | None = compute
        self._nodes: dict[KeyPath, NodeInfo] | None = None
        self.default_line = max(first_line - 1, 1)
        self.default_column = 1

    @property
    def nodes(self) -> dict[KeyPath, NodeInfo]:
        """Every position, by key path (computed on first access)."""
        if self._nodes is None:
            assert self._compute is not None
            self._nodes = self._compute()
            self._compute = None
        return self._nodes

    @nodes.setter
    def nodes(self, value: dict[KeyPath, NodeInfo]) -> None:
        self._nodes = value

    @property
    def computed(self) -> bool:
        """Whether the positions have been computed yet."""
        return self._nodes is not None

    def __repr__(self) -> str:
        """Say whether the positions were computed, without computing them."""
        state = f"{len(self._nodes)} nodes" if self._nodes is not None else "not computed"
        return f"LazyLocations({state})"
