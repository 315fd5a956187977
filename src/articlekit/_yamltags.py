"""Shared pieces of the YAML layer (`articlekit.yamlsafe`).

The issue codes it reports, tag names and plain-scalar resolution (`resolve_plain`,
as PyYAML's `SafeLoader` resolves), the mark-to-position mapper and the words
for values in messages.
"""

from __future__ import annotations

from typing import Any

from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

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
_resolver = Resolver()
_constructor = SafeConstructor()


def resolve_plain(text: str) -> str:
    """The tag YAML 1.1 (as PyYAML's SafeLoader) gives ``text`` written as a plain scalar.

    >>> resolve_plain("yes"), resolve_plain("10:00"), resolve_plain("hello")
    ('tag:yaml.org,2002:bool', 'tag:yaml.org,2002:int', 'tag:yaml.org,2002:str')
    """
    tag: str = _resolver.resolve(ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    return tag


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
