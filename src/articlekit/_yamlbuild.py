"""The event walk of the YAML layer (`articlekit.yamlsafe`).

`_Builder` turns PyYAML's event stream into plain Python data with positions,
in an iterative loop, checking keys, tags, aliases, anchors, merges and limits.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

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

from ._yamlerrors import (
    _depth_message,
    _number_too_big,
    _preview,
)
from ._yamltags import (
    _MAP,
    _MAX_NUMBER_BITS,
    _MERGE,
    _PARSER_MAX_DEPTH,
    _SCALAR_TAGS,
    _SEQ,
    _STR,
    _VALUE,
    BAD_ALIAS,
    BAD_KEY,
    BAD_SCALAR,
    DUPLICATE_ANCHOR,
    DUPLICATE_KEY,
    LIMIT,
    MULTI_DOC,
    SYNTAX,
    TAG,
    _describe,
    _Mapper,
    _short_tag,
)
from .issues import Issue, KeyPath
from .limits import Limits
from .positions import NodeInfo

_resolver = Resolver()
_constructor = SafeConstructor()


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


def _placement(parent: _Frame | None) -> tuple[KeyPath, bool]:
    """Where the next node goes under ``parent``: its path, and whether it is a key."""
    if parent is None:
        return (), False
    if parent.is_map:
        if parent.key is _NO_KEY:
            return parent.path, True
        return _value_path(parent), False
    return parent.path + (len(parent.value),), False


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
            self._disallowed_tag(tag, path, info)
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
            self.issues.append(BAD_SCALAR.issue(f"{_preview(value)} {too_big}", path, info.line, info.column))
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

    def _disallowed_tag(self, tag: str, path: KeyPath, info: NodeInfo) -> None:
        self.issues.append(
            TAG.issue(
                f"the tag {_short_tag(tag)!r} is not allowed: articlekit reads plain data only",
                path,
                info.line,
                info.column,
            )
        )

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
                path, is_key = _placement(parent)

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
                    self._disallowed_tag(tag, path, info)
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
                path, is_key = _placement(parent)
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
                    self.issues.append(BAD_KEY.issue("a key must be text, not a collection", path, line, col))
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
