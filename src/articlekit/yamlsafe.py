"""The YAML layer: safe loading with source positions, duplicate keys and limits.

The front matter is read from PyYAML's *event* stream (libyaml's C parser
when ``yaml.__with_libyaml__``, the pure-Python one otherwise) and built into
plain Python data by an iterative loop, so that:

* no tag can construct a Python object: only the standard scalar, mapping and
  sequence tags are accepted, everything else is an issue;
* every mapping key, value and sequence item keeps its position, recorded in a
  `Locations` index keyed by key path;
* duplicate keys, alias bombs, deep nesting, huge mappings and huge strings
  are issues at the place they occur, never a hang, a ``MemoryError`` or a
  ``RecursionError``.

Scalars resolve exactly as PyYAML's ``SafeLoader`` resolves them (YAML 1.1:
``yes`` is ``True``, ``10:00`` is ``600``, unquoted dates are dates):

>>> r = load_yaml("title: x\\nheat: 10:00\\n")
>>> r.data
{'title': 'x', 'heat': 600}
>>> r.locations.get(("heat",)).line   # the opening fence is line 1
3
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from ._dataindex import DataIndex
from .issues import CODES, Issue, KeyPath
from .limits import DEFAULT_LIMITS, Limits
from .positions import YAML_BREAK, Locations, NodeInfo
from .splitter import UNREADABLE, character_issues

__all__ = ["Locations", "NodeInfo", "YamlResult", "load_yaml", "resolve_plain"]
# `Locations` and `NodeInfo` live in `articlekit.positions`; they stay importable from here.

if yaml.__with_libyaml__:
    _Loader: Any = yaml.CSafeLoader
else:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader
# Tests and ``python -m articlekit.fuzz --pure`` set ``_Loader = yaml.SafeLoader``
# to check the pure-Python parser too.

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


@dataclass
class YamlResult:
    """The outcome of `load_yaml`.

    ``data`` is ``None`` when the YAML could not be read far enough to be
    useful (a syntax error or a hard limit); the issues then say why.
    ``index`` is the rules' index of ``data`` when the fast path
    (`articlekit.fastyaml.load_yaml_fast`) built it while parsing, else ``None``.
    """

    data: Any
    locations: Locations
    issues: list[Issue]
    index: DataIndex | None = field(default=None, repr=False, compare=False)


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


class _Frame:
    __slots__ = (
        "anchor",
        "count",
        "full",
        "info",
        "is_map",
        "key",
        "key_info",
        "merges",
        "path",
        "value",
    )

    def __init__(self, value: Any, path: KeyPath, info: NodeInfo, anchor: str | None) -> None:
        self.value = value
        self.is_map = isinstance(value, dict)
        self.path = path
        self.info = info
        self.anchor = anchor
        self.count = 1  # nodes in this subtree, for alias expansion accounting
        self.key: Any = _NO_KEY
        self.key_info: NodeInfo | None = None
        self.merges: list[tuple[Any, NodeInfo]] = []
        self.full = False  # the key limit was reported for this mapping


_NO_KEY: Any = object()
_SKIP: Any = object()


def _value_path(parent: _Frame) -> KeyPath:
    """The path of the value about to be placed under ``parent``'s current key."""
    key = parent.key
    if isinstance(key, str):
        return parent.path + (key,)
    if key is _MERGE_KEY:
        return parent.path + ("<<",)
    return parent.path  # a key that is not read (reported already)


class _Stop(Exception):
    """Raised inside the builder when reading must end (limits, syntax)."""


class _Builder:
    def __init__(self, text: str, first_line: int, limits: Limits) -> None:
        self.text = text
        self.limits = limits
        self.pos = _Mapper(text, first_line)
        self.issues: list[Issue] = []
        self.nodes: dict[KeyPath, NodeInfo] = {}
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.open_anchors: set[str] = set()
        self.anchor_at: dict[str, tuple[int, int]] = {}
        self.aliases = 0
        self.expansion = 0
        self.first_line = first_line
        self.max_depth = min(limits.max_depth, _PARSER_MAX_DEPTH)

    def _info(self, event: Any, kind: str, style: str, raw: str | None) -> NodeInfo:
        line, col = self.pos(event.start_mark)
        end_line, end_col = self.pos(event.end_mark)
        return NodeInfo(
            line,
            col,
            end_line,
            end_col,
            line,
            col,
            kind,
            style,
            raw,
            event.start_mark.index,
            event.end_mark.index,
        )

    # -- scalars ----------------------------------------------------------
    def scalar(self, event: Any, info: NodeInfo, path: KeyPath, is_key: bool) -> Any:
        value: str = event.value
        if len(value) > self.limits.max_string_length:
            self.issues.append(
                LIMIT.issue(
                    f"a string of {len(value):,} characters, above the limit of "
                    f"{self.limits.max_string_length:,} (Limits.max_string_length)",
                    path,
                    info.line,
                    info.column,
                )
            )
        tag = event.tag
        if tag is None or tag == "!":
            if tag is None and event.style:
                return value  # quoted and untagged: text
            # untagged plain, or the non-specific tag "!": PyYAML resolves both by the
            # scalar's text, as its parser says (libyaml and PyYAML differ on an empty "! ")
            tag = _resolver.resolve(ScalarNode, value, event.implicit)  # type: ignore[no-untyped-call]
            if tag == _STR:
                return value
        elif tag not in _SCALAR_TAGS:
            self.issues.append(
                TAG.issue(
                    f"the tag {_short_tag(tag)!r} is not allowed: articlekit reads plain data only",
                    path,
                    info.line,
                    info.column,
                )
            )
            return value
        if tag == _STR:
            return value
        if tag == _MERGE:
            return _MERGE_KEY  # an error unless it is a key: see _not_a_value
        if tag == _VALUE:
            if is_key:
                return value  # PyYAML reads a "=" key as the text "="
            self.issues.append(
                BAD_SCALAR.issue(
                    "'=' unquoted is YAML 1.1's value key, which is only read as a key, never "
                    'as a value: quote it ("=") to write the text',
                    path,
                    info.line,
                    info.column,
                )
            )
            return value
        too_big = _number_too_big(tag, value)
        if too_big:
            self.issues.append(
                BAD_SCALAR.issue(f"{_preview(value)} {too_big}", path, info.line, info.column)
            )
            return value
        try:
            node = ScalarNode(tag, value, event.start_mark, event.end_mark, event.style)
            result = SafeConstructor.yaml_constructors[tag](_constructor, node)
        except Exception as exc:  # a third-party constructor on untrusted text
            self.issues.append(
                BAD_SCALAR.issue(
                    f"{_preview(value)} is not a valid {_short_tag(tag)} value "
                    f"({_preview(str(exc), 120, quote=False)})",
                    path,
                    info.line,
                    info.column,
                )
            )
            return value
        if isinstance(result, int) and result.bit_length() > _MAX_NUMBER_BITS:
            self.issues.append(
                BAD_SCALAR.issue(
                    f"{_preview(value)} is a number too large to use (over {_MAX_NUMBER_BITS:,} bits); "
                    "quote it if it is text",
                    path,
                    info.line,
                    info.column,
                )
            )
            return value
        return result

    # -- main loop --------------------------------------------------------
    def run(self, events: Iterator[Any]) -> Any:
        stack: list[_Frame] = []
        root: Any = None
        seen_document = False
        limits = self.limits
        nodes = self.nodes
        for event in events:
            cls = event.__class__
            if cls is ScalarEvent or cls is MappingStartEvent or cls is SequenceStartEvent:
                parent = stack[-1] if stack else None
                # where does this node go?
                if parent is None:
                    path: KeyPath = ()
                    is_key = False
                elif parent.is_map:
                    is_key = parent.key is _NO_KEY
                    path = parent.path if is_key else _value_path(parent)
                else:
                    is_key = False
                    path = parent.path + (len(parent.value),)

                if cls is ScalarEvent:
                    info = self._info(event, "scalar", event.style or "", event.value)
                    value = self.scalar(event, info, path, is_key)
                    size = 1
                    if event.anchor is not None:
                        self._anchor(event.anchor, info, path)
                        self.anchors[event.anchor] = (value, 1)
                    if value is _MERGE_KEY and not is_key:
                        value = self._not_a_value(info, path)
                    self._place(parent, value, info, is_key, size)
                    if parent is None:
                        root = value
                        nodes[()] = info
                    continue

                # a collection starts
                is_map = cls is MappingStartEvent
                info = self._info(
                    event, "mapping" if is_map else "sequence", "flow" if event.flow_style else "block", None
                )
                tag = event.tag
                if tag is not None and tag != "!" and tag != (_MAP if is_map else _SEQ):
                    self.issues.append(
                        TAG.issue(
                            f"the tag {_short_tag(tag)!r} is not allowed: articlekit reads plain data only",
                            path,
                            info.line,
                            info.column,
                        )
                    )
                if len(stack) >= self.max_depth:
                    self.issues.append(
                        LIMIT.issue(
                            _depth_message(limits.max_depth),
                            path,
                            info.line,
                            info.column,
                        )
                    )
                    raise _Stop
                if is_key:
                    self.issues.append(
                        BAD_KEY.issue(
                            f"a key must be text, not {'a mapping' if is_map else 'a list'}",
                            parent.path if parent else (),
                            info.line,
                            info.column,
                        )
                    )
                frame = _Frame({} if is_map else [], path, info, event.anchor)
                if event.anchor is not None:
                    self._anchor(event.anchor, info, path)
                    self.open_anchors.add(event.anchor)
                if is_key:
                    frame.path = path + ("?",)
                stack.append(frame)
                continue

            if cls is MappingEndEvent or cls is SequenceEndEvent:
                frame = stack.pop()
                info = frame.info
                info.end_line, info.end_column = self.pos(event.end_mark)
                info.end_index = event.end_mark.index
                if frame.merges:
                    self._merge(frame)
                if frame.anchor is not None:
                    self.open_anchors.discard(frame.anchor)
                    self.anchors[frame.anchor] = (frame.value, frame.count)
                parent = stack[-1] if stack else None
                if parent is None:
                    root = frame.value
                    nodes[()] = info
                    continue
                is_key = parent.is_map and parent.key is _NO_KEY
                if is_key:
                    # unhashable key: already reported; drop the entry
                    parent.key = _SKIP
                    parent.key_info = info
                    parent.count += frame.count
                    continue
                self._place(parent, frame.value, info, False, frame.count)
                continue

            if cls is AliasEvent:
                parent = stack[-1] if stack else None
                line, col = self.pos(event.start_mark)
                if parent is None:
                    path = ()
                    is_key = False
                elif parent.is_map:
                    is_key = parent.key is _NO_KEY
                    path = parent.path if is_key else _value_path(parent)
                else:
                    is_key = False
                    path = parent.path + (len(parent.value),)
                anchor = event.anchor
                self.aliases += 1
                if self.aliases > limits.max_aliases:
                    self.issues.append(
                        LIMIT.issue(
                            f"more than {limits.max_aliases:,} aliases, the limit (Limits.max_aliases): "
                            "nothing after this one is read",
                            path,
                            line,
                            col,
                        )
                    )
                    raise _Stop
                if anchor in self.open_anchors:
                    self.issues.append(
                        BAD_ALIAS.issue(
                            f"the alias *{anchor} refers to a collection that contains it",
                            path,
                            line,
                            col,
                        )
                    )
                    raise _Stop
                target = self.anchors.get(anchor)
                if target is None:
                    self.issues.append(
                        BAD_ALIAS.issue(
                            f"the alias *{anchor} refers to no anchor &{anchor} before it",
                            path,
                            line,
                            col,
                        )
                    )
                    value, size = None, 1
                else:
                    value, size = target
                self.expansion += size
                if self.expansion > limits.max_alias_expansion:
                    self.issues.append(
                        LIMIT.issue(
                            f"aliases expand to more than {limits.max_alias_expansion:,} values, the limit "
                            "(Limits.max_alias_expansion), as in a 'billion laughs' attack: "
                            "nothing after this alias is read",
                            path,
                            line,
                            col,
                        )
                    )
                    raise _Stop
                kind = (
                    "mapping"
                    if isinstance(value, dict)
                    else "sequence"
                    if isinstance(value, list)
                    else "scalar"
                )
                info = NodeInfo(
                    line,
                    col,
                    *self.pos(event.end_mark),
                    line,
                    col,
                    kind,
                    "alias",
                    None,
                    event.start_mark.index,
                    event.end_mark.index,
                )
                if value is _MERGE_KEY and not is_key:
                    value = self._not_a_value(info, path)
                if parent is None:
                    root = value
                    nodes[()] = info
                    continue
                if is_key and isinstance(value, dict | list):
                    self.issues.append(
                        BAD_KEY.issue("a key must be text, not a collection", path, line, col)
                    )
                    parent.key = _SKIP
                    parent.key_info = info
                    continue
                self._place(parent, value, info, is_key, size)
                continue

            if cls is DocumentStartEvent:
                if seen_document:
                    line, col = self.pos(event.start_mark)
                    self.issues.append(
                        MULTI_DOC.issue(
                            "a second YAML document starts here; the front matter holds one mapping",
                            (),
                            line,
                            col,
                        )
                    )
                    raise _Stop
                seen_document = True
                continue
        return root

    def _anchor(self, anchor: str, info: NodeInfo, path: KeyPath) -> None:
        """Note where ``&anchor`` is defined; a second definition is an error, as in PyYAML."""
        first = self.anchor_at.get(anchor)
        if first is not None:
            self.issues.append(
                DUPLICATE_ANCHOR.issue(
                    f"the anchor &{anchor} is defined a second time (first on line {first[0]}, "
                    f"column {first[1]}): give each anchor its own name",
                    path,
                    info.line,
                    info.column,
                )
            )
            return
        self.anchor_at[anchor] = (info.line, info.column)

    def _not_a_value(self, info: NodeInfo, path: KeyPath) -> str:
        """Report a plain ``<<`` (YAML's merge key) used as a value; the text ``"<<"`` stands in."""
        self.issues.append(
            BAD_SCALAR.issue(
                "'<<' unquoted is YAML's merge key, which is only read as a key (as in "
                "'<<: *defaults'), never as a value: quote it (\"<<\") to write the text",
                path,
                info.line,
                info.column,
            )
        )
        return "<<"

    def _place(self, parent: _Frame | None, value: Any, info: NodeInfo, is_key: bool, size: int) -> None:
        if parent is None:
            return
        parent.count += size
        if not parent.is_map:
            path = parent.path + (len(parent.value),)
            parent.value.append(value)
            self.nodes[path] = info
            return
        if is_key:
            if value is _MERGE_KEY:
                parent.key = _MERGE_KEY
            elif isinstance(value, str):
                parent.key = value
            else:
                try:
                    hash(value)
                except TypeError:  # pragma: no cover - collections handled by caller
                    value = _SKIP
                shown = info.raw if info.raw is not None else str(value)
                self.issues.append(
                    BAD_KEY.issue(
                        f"the key {_preview(shown)} is read by YAML as {_describe(value)}, "
                        "not text: quote it",
                        parent.path + (shown,),
                        info.line,
                        info.column,
                    )
                )
                parent.key = shown
            parent.key_info = info
            mapping = parent.value
            if parent.key is not _SKIP and parent.key is not _MERGE_KEY and parent.key in mapping:
                self.issues.append(
                    DUPLICATE_KEY.issue(
                        f"duplicate key {_preview(parent.key)}: it was already given on line "
                        f"{self.nodes[parent.path + (parent.key,)].key_line}",
                        parent.path + (parent.key,),
                        info.line,
                        info.column,
                    )
                )
            elif (
                parent.key is not _SKIP
                and parent.key is not _MERGE_KEY
                and len(mapping) >= self.limits.max_keys
            ):
                if not parent.full:
                    parent.full = True
                    self.issues.append(
                        LIMIT.issue(
                            f"more than {self.limits.max_keys:,} keys in one mapping, the limit "
                            "(Limits.max_keys): this key and those after it are not read",
                            parent.path + (parent.key,),
                            info.line,
                            info.column,
                        )
                    )
                parent.key = _SKIP
            return
        key = parent.key
        key_info = parent.key_info
        parent.key = _NO_KEY
        parent.key_info = None
        if key is _SKIP:
            return
        assert key_info is not None
        if key is _MERGE_KEY:
            parent.merges.append((value, info))
            return
        info.key_line = key_info.line
        info.key_column = key_info.column
        parent.value[key] = value
        self.nodes[parent.path + (key,)] = info

    def _merge(self, frame: _Frame) -> None:
        mapping: dict[Any, Any] = frame.value
        for value, info in frame.merges:
            sources = value if isinstance(value, list) else [value]
            for source in sources:
                if not isinstance(source, dict):
                    self.issues.append(
                        SYNTAX.issue(
                            "a merge key '<<' must be given a mapping or a list of mappings",
                            frame.path,
                            info.line,
                            info.column,
                        )
                    )
                    return
        # PyYAML: explicit keys win; among merged mappings the earlier wins
        merged: dict[Any, Any] = {}
        for value, info in frame.merges:
            sources = value if isinstance(value, list) else [value]
            for source in sources:
                for k, v in source.items():
                    if k not in merged:
                        merged[k] = (v, info)
        for k, (v, info) in merged.items():
            if k not in mapping:
                mapping[k] = v
                self.nodes.setdefault(frame.path + (k,), info)


_MERGE_KEY: Any = object()


def _preview(text: str, limit: int = 60, *, quote: bool = True) -> str:
    """``text`` (quoted with ``repr``), cut to ``limit`` characters for a message."""
    shown = text if len(text) <= limit else text[: limit - 1] + "…"
    if not quote:
        return shown
    suffix = f" ({len(text):,} characters)" if len(text) > limit else ""
    return repr(shown) + suffix


def _depth_message(max_depth: int) -> str:
    if max_depth > _PARSER_MAX_DEPTH:
        return (
            f"nesting deeper than {_PARSER_MAX_DEPTH:,} levels, the most the YAML parser reads "
            f"(Limits.max_depth is {max_depth:,})"
        )
    return f"nesting deeper than the limit of {max_depth} levels (Limits.max_depth)"


def _number_too_big(tag: str, value: str) -> str:
    """Why ``value`` is not read as a number of type ``tag`` at all, or ``""``.

    Guards the constructors whose cost grows faster than the text: Python's
    int() refuses more than 4,300 digits, and PyYAML's base-60 reading is
    quadratic in the number of parts.
    """
    if tag == _YAML_NS + "int" and len(value) > _MAX_NUMBER_TEXT:
        return (
            f"is too long to read as a number (over {_MAX_NUMBER_TEXT:,} characters); "
            "quote it if it is text"
        )
    if (tag == _YAML_NS + "int" or tag == _YAML_NS + "float") and value.count(":") >= _MAX_SEXAGESIMAL_PARTS:
        return (
            f"reads as a base-60 number of more than {_MAX_SEXAGESIMAL_PARTS} ':'-separated parts; "
            "quote it if it is text"
        )
    return ""


def _syntax_issue(exc: yaml.YAMLError, builder: _Builder, first_line: int) -> Issue:
    """The AK201 issue for a YAML syntax error: plain words first, PyYAML's own text at the end."""
    mapper = builder.pos
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    problem_mark = getattr(exc, "problem_mark", None)
    context_mark = getattr(exc, "context_mark", None)
    mark = problem_mark or context_mark
    if mark is not None:
        line, col = mapper(mark)
    else:  # pragma: no cover - reader errors; load_yaml replaces what they report
        line, col = first_line, 1
    original = problem
    if context:
        original = f"{problem} ({context}"
        if context_mark is not None and problem_mark is not None:
            cline, ccol = mapper(context_mark)
            original += f" at line {cline}, column {ccol}"
        original += ")"
    explained = _explain_syntax(problem, context, problem_mark, context_mark, builder)
    if explained is None:
        return SYNTAX.issue(original, (), line, col)
    message, line, col = explained
    return SYNTAX.issue(f"{message} (PyYAML: {original})", (), line, col)


def _line_bounds(text: str, index: int) -> tuple[int, int]:
    """Start and end offsets of the line of ``text`` that holds offset ``index``."""
    start = max(text.rfind("\n", 0, index), text.rfind("\r", 0, index)) + 1
    ends = [e for e in (text.find("\n", index), text.find("\r", index)) if e >= 0]
    return start, min(ends) if ends else len(text)


def _explain_syntax(
    problem: str, context: str | None, problem_mark: Any, context_mark: Any, builder: _Builder
) -> tuple[str, int, int] | None:
    """The common syntax errors in plain words, with where to point: ``(message, line, column)``.

    ``None`` for the others (their PyYAML text is then the whole message).
    """
    text = builder.text
    mapper = builder.pos
    if problem_mark is None or not 0 <= problem_mark.index <= len(text):
        return None
    index = problem_mark.index
    line, col = mapper(problem_mark)
    start, end = _line_bounds(text, index)
    # a tab: PyYAML words it four ways, and libyaml does not always name the character
    on_tab = index < len(text) and text[index] == "\t"
    if "tab character" in problem or (on_tab and "cannot start any token" in problem):
        tab = index if on_tab else text.find("\t", start, end)
        if tab >= 0:
            where = mapper(_Offset(text, tab))
            if text[start:tab].strip(" \t") == "":
                return "tabs cannot indent YAML; use spaces", *where
            return "a tab where YAML takes only spaces; use spaces", *where
    # an unclosed quote: PyYAML points at the end of the text; say where the quote opened
    if context and "quoted scalar" in context and context_mark is not None:
        if "end of stream" in problem or "document" in problem:
            qline, qcol = mapper(context_mark)
            quote = text[context_mark.index] if context_mark.index < len(text) else '"'
            return (
                f"unclosed quote: the {quote} opened on line {qline}, column {qcol} is never closed",
                qline,
                qcol,
            )
        return None
    last = next(reversed(builder.nodes.items()), None)
    last_path, last_info = last if last is not None else ((), None)
    key = last_path[-1] if last_path and isinstance(last_path[-1], str) else None
    at_line_start = text[start:index].strip(" ") == ""
    if problem.startswith("mapping values are not allowed"):
        if last_info is not None and last_info.style == "" and last_info.end_line == line and key is not None:
            if last_info.line < line:
                return (
                    f"wrong indentation: this line is indented more than the key {_preview(key)} "
                    f"on line {last_info.key_line}, so YAML reads it as more of that key's value; "
                    f"start it in column {last_info.key_column} to make it a key of the same mapping",
                    line,
                    col,
                )
            return (
                f"the value of {_preview(key)} holds ': ', which YAML reads as the start of a "
                "mapping inside the value: put the whole value in quotes",
                line,
                col,
            )
        return None
    if context is None or context_mark is None:
        return None
    cline, ccol = mapper(context_mark)
    if last_info is not None and last_info.style in ('"', "'") and last_info.end_line == line:
        quote = last_info.style
        if last_info.line < line:
            return (
                f"unclosed quote: the {quote} opened on line {last_info.line}, column "
                f"{last_info.column} runs on to line {line}, where the next {quote} closes it; "
                "close the quote on its own line",
                last_info.line,
                last_info.column,
            )
        return (
            f"text after the closing {quote} of a quoted value: put the whole value in quotes, "
            "or remove what follows",
            line,
            col,
        )
    if not at_line_start:
        return None
    if "block mapping" in context and (
        problem.startswith("did not find expected key") or problem.startswith("expected <block end>")
    ):
        return (
            f"wrong indentation: this line starts in column {col}, but the keys of the mapping "
            f"it belongs to start in column {ccol} (line {cline}): line it up with the keys of "
            "its mapping",
            line,
            col,
        )
    if "block collection" in context and (
        problem.startswith("did not find expected '-'") or problem.startswith("expected <block end>")
    ):
        return (
            f"wrong indentation: the list on line {cline} has its items ('- ') in column {ccol}, and "
            f"this line (column {col}) is not an item: make it one ('- ...'), or start it in the "
            "column of the key that holds the list to end the list",
            line,
            col,
        )
    return None


def load_yaml(
    text: str, *, first_line: int = 2, limits: Limits = DEFAULT_LIMITS, report_characters: bool = True
) -> YamlResult:
    """Read a front matter's YAML text into plain data with positions.

    Args:
        text: the YAML text (what lies between the fences).
        first_line: the file line on which ``text`` starts (2 after a fence).
        limits: resource limits; hitting one is an issue.
        report_characters: whether to report the characters YAML cannot hold
            (below).  `articlekit.check` passes `False`: the splitter has
            already reported them for the whole file.

    Never raises for any content.  An empty front matter gives ``{}``.
    Characters YAML cannot hold (NUL, other control characters, lone
    surrogates, a BOM) are reported as the splitter reports them (AK106 to
    AK109) and read as U+FFFD, so that the rest of the YAML is still checked.
    """
    if len(text) > limits.max_bytes:  # each character is at least one byte
        message = (
            f"the front matter is {len(text):,} characters, above the limit of "
            f"{limits.max_bytes:,} bytes (Limits.max_bytes)"
        )
        return YamlResult(None, Locations(), [LIMIT.issue(message, (), first_line, 1)])
    reported: list[Issue] = []
    if UNREADABLE.search(text) is not None:
        if report_characters:
            reported = character_issues(text, first_line=first_line)
        text = UNREADABLE.sub("\ufffd", text)  # one character for one: positions hold
    result = _load(text, first_line, limits, _Loader)
    if isinstance(result, int):
        result = _load_too_deep(text, result, first_line, limits)
    if reported:
        result.issues[:0] = reported
    return result


def _load_too_deep(text: str, stop: int, first_line: int, limits: Limits) -> YamlResult:
    """Read a text that libyaml refused at offset ``stop`` for nesting past 1,000 flow levels.

    libyaml scans ahead, so it can refuse before the builder has seen the
    events of the first levels.  Up to ``stop`` it reads, and the builder's
    depth limit (never above 1,000) is then reported where it is reached;
    failing that, the refusal itself is the limit issue.
    """
    result = _load(text[:stop], first_line, limits, _Loader)
    if isinstance(result, YamlResult) and any(i.code == LIMIT.code for i in result.issues):
        return result
    line, col = _Mapper(text, first_line)(_Offset(text, stop))
    message = _depth_message(max(limits.max_depth, _PARSER_MAX_DEPTH))
    issue = LIMIT.issue(message, (), line, col)
    return YamlResult(None, Locations(), [issue])


class _Offset:
    """A stand-in for a PyYAML mark at a character offset (line and column counted as YAML does)."""

    __slots__ = ("column", "line")

    def __init__(self, text: str, index: int) -> None:
        head = text[:index]
        breaks = list(YAML_BREAK.finditer(head))
        self.line = len(breaks)
        self.column = index - (breaks[-1].end() if breaks else 0)


def _load(text: str, first_line: int, limits: Limits, loader: Any) -> YamlResult | int:
    """Parse with ``loader``; the offset where libyaml refused to nest deeper, if it did."""
    builder = _Builder(text, first_line, limits)
    locations = Locations(builder.nodes, default_line=max(first_line - 1, 1), default_column=1, source=text)
    data: Any = None
    try:
        data = builder.run(yaml.parse(text, Loader=loader))
    except _Stop:
        return YamlResult(None, locations, builder.issues)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        if "maximum nesting depth" in str(getattr(exc, "problem", "")) and mark is not None:
            return int(mark.index)
        builder.issues.append(_syntax_issue(exc, builder, first_line))
        return YamlResult(None, locations, builder.issues)
    except RecursionError:  # pragma: no cover - the depth limit stops this first
        builder.issues.append(
            LIMIT.issue("the front matter nests too deeply", (), first_line, 1)
        )
        return YamlResult(None, locations, builder.issues)
    if data is None and () not in builder.nodes:
        data = {}
    elif not isinstance(data, dict):
        line, col = locations.position(())
        builder.issues.append(
            NOT_A_MAPPING.issue(
                f"the front matter must be a mapping of keys to values, not {_describe(data)}",
                (),
                line,
                col,
            )
        )
        return YamlResult(None, locations, builder.issues)
    return YamlResult(data, locations, builder.issues)
