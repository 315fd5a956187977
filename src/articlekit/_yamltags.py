"""Shared pieces of the YAML layer (`articlekit.yamlsafe`).

The issue codes it reports, tag names and plain-scalar resolution (`resolve_plain`,
as PyYAML's `SafeLoader` resolves), the mark-to-position mapper and the words
for values in messages.
"""

from __future__ import annotations

import re
from typing import Any

from .issues import CODES
from .positions import YAML_BREAK

_PARSER_MAX_DEPTH = 1000
"""libyaml stops at 1,000 levels of flow nesting; no document may nest deeper than this."""
_MAX_NUMBER_TEXT = 4300
"""Longest text read as an integer: Python cannot show a longer one (``sys.int_info``)."""
_MAX_NUMBER_BITS = 14_000
"""Largest integer (in bits) read from hexadecimal, octal or binary text (~4,200 digits)."""
_MAX_SEXAGESIMAL_PARTS = 32
"""Most ``:``-separated parts of a base-60 number (``1:30:00``); PyYAML's cost is quadratic."""

SYNTAX = CODES["AK201"]
DUPLICATE_KEY = CODES["AK202"]
TAG = CODES["AK203"]
NOT_A_MAPPING = CODES["AK204"]
BAD_KEY = CODES["AK205"]
BAD_ALIAS = CODES["AK206"]
LIMIT = CODES["AK207"]
BAD_SCALAR = CODES["AK208"]
DUPLICATE_ANCHOR = CODES["AK210"]
MULTI_DOC = CODES["AK209"]

_YAML_NS = "tag:yaml.org,2002:"
_STR = _YAML_NS + "str"
_MAP = _YAML_NS + "map"
_SEQ = _YAML_NS + "seq"
_MERGE = _YAML_NS + "merge"
_VALUE = _YAML_NS + "value"
_SCALAR_TAGS = {
    _STR,
    _YAML_NS + "int",
    _YAML_NS + "float",
    _YAML_NS + "bool",
    _YAML_NS + "null",
    _YAML_NS + "timestamp",
}
# PyYAML's implicit resolvers (`yaml.resolver.Resolver`), copied so that resolving a plain
# scalar does not import PyYAML (a tenth of a check's start-up; the fast path resolves every
# key): (tag, pattern, flags, the first characters it is tried for), in PyYAML's order.
# A test holds the table equal to PyYAML's, pattern for pattern.
_IMPLICIT: tuple[tuple[str, str, int, tuple[str, ...]], ...] = (
    (
        _YAML_NS + "bool",
        r"""^(?:yes|Yes|YES|no|No|NO
                    |true|True|TRUE|false|False|FALSE
                    |on|On|ON|off|Off|OFF)$""",
        re.X,
        tuple("yYnNtTfFoO"),
    ),
    (
        _YAML_NS + "float",
        r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?
                    |\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?
                    |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
                    |[-+]?\.(?:inf|Inf|INF)
                    |\.(?:nan|NaN|NAN))$""",
        re.X,
        tuple("-+0123456789."),
    ),
    (
        _YAML_NS + "int",
        r"""^(?:[-+]?0b[0-1_]+
                    |[-+]?0[0-7_]+
                    |[-+]?(?:0|[1-9][0-9_]*)
                    |[-+]?0x[0-9a-fA-F_]+
                    |[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$""",
        re.X,
        tuple("-+0123456789"),
    ),
    (_YAML_NS + "merge", r"^(?:<<)$", 0, ("<",)),
    (
        _YAML_NS + "null",
        r"""^(?: ~
                    |null|Null|NULL
                    | )$""",
        re.X,
        ("~", "n", "N", ""),
    ),
    (
        _YAML_NS + "timestamp",
        r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
                    |[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?
                     (?:[Tt]|[ \t]+)[0-9][0-9]?
                     :[0-9][0-9] :[0-9][0-9] (?:\.[0-9]*)?
                     (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""",
        re.X,
        tuple("0123456789"),
    ),
    (_YAML_NS + "value", r"^(?:=)$", 0, ("=",)),
    (_YAML_NS + "yaml", r"^(?:!|&|\*)$", 0, tuple("!&*")),
)
_FIRST: dict[str, tuple[int, ...]] = {
    first: tuple(index for index, entry in enumerate(_IMPLICIT) if first in entry[3])
    for first in dict.fromkeys(first for entry in _IMPLICIT for first in entry[3])
}
"""The indexes of the `_IMPLICIT` entries tried for a text, by its first character (``""``: empty)."""
_COMPILED: dict[int, re.Pattern[str]] = {}
"""The patterns of `_IMPLICIT` compiled so far (on first use: most texts need one or two)."""


def resolve_plain(text: str) -> str:
    """The tag YAML 1.1 (as PyYAML's SafeLoader) gives ``text`` written as a plain scalar.

    What ``yaml.resolver.Resolver().resolve(ScalarNode, text, (True, False))``
    answers, without importing PyYAML.

    >>> resolve_plain("yes"), resolve_plain("10:00"), resolve_plain("hello")
    ('tag:yaml.org,2002:bool', 'tag:yaml.org,2002:int', 'tag:yaml.org,2002:str')
    """
    for index in _FIRST.get(text[:1], ()):
        pattern = _COMPILED.get(index)
        if pattern is None:
            _, source, flags, _ = _IMPLICIT[index]
            pattern = _COMPILED[index] = re.compile(source, flags)
        if pattern.match(text):
            return _IMPLICIT[index][0]
    return _STR


class _Mapper:
    """Maps PyYAML marks (which also break lines at NEL, LS and PS) to file positions."""

    __slots__ = ("_first_line", "_table")

    def __init__(self, text: str, first_line: int) -> None:
        self._first_line = first_line
        self._table: list[tuple[int, int]] | None = None
        if "\x85" in text or "\u2028" in text or "\u2029" in text:
            table: list[tuple[int, int]] = [(first_line, 0)]
            file_line = first_line
            file_line_start = 0
            for m in YAML_BREAK.finditer(text):
                if m.group() in ("\r\n", "\r", "\n"):
                    file_line += 1
                    file_line_start = m.end()
                table.append((file_line, m.end() - file_line_start))
            self._table = table

    def __call__(self, mark: Any) -> tuple[int, int]:
        if self._table is None:
            return self._first_line + mark.line, mark.column + 1
        line, offset = self._table[min(mark.line, len(self._table) - 1)]
        return line, offset + mark.column + 1


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_YAML_NS) :] if tag.startswith(_YAML_NS) else tag


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "text"
    return "a " + type(value).__name__


class _Offset:
    """A stand-in for a PyYAML mark at a character offset (line and column counted as YAML does)."""

    __slots__ = ("column", "line")

    def __init__(self, text: str, index: int) -> None:
        head = text[:index]
        breaks = list(YAML_BREAK.finditer(head))
        self.line = len(breaks)
        self.column = index - (breaks[-1].end() if breaks else 0)


_constructing: tuple[Any, Any] | None = None
"""PyYAML's ``SafeConstructor()`` and ``ScalarNode``, imported by the first `construct_plain`."""


def construct_plain(tag: str, text: str) -> Any:
    """The value PyYAML's ``SafeConstructor`` makes of the plain scalar ``text`` resolved as ``tag``.

    PyYAML is imported on the first call: the fast path reads most front
    matter without it, and needs it only for the scalars it does not read itself.

    >>> construct_plain("tag:yaml.org,2002:int", "0x1F"), construct_plain("tag:yaml.org,2002:bool", "on")
    (31, True)

    Raises:
        KeyError: ``tag`` has no constructor.
        Exception: whatever PyYAML's constructor raises for ``text``.
    """
    global _constructing
    if _constructing is None:
        from yaml.constructor import SafeConstructor
        from yaml.nodes import ScalarNode

        _constructing = (SafeConstructor(), ScalarNode)
    constructor, node = _constructing
    return type(constructor).yaml_constructors[tag](constructor, node(tag, text))
