"""The canonical style of a whole front matter without comments, from plans made once per kind.

`Renderer.document` writes a document value by value, working out for each
one its key's text, its model, its order and its quoting from the layouts
(`articlekit.writer.order`).  Those decisions depend only on the kind and on
where the value is (its path with every list index as ``[]``), so this module
makes them once per kind and place: a `_MapPlan` for each mapping (its model,
its key order, and per key the key's text, the quoting of a text value and the
plans below it) and a `_SeqPlan` for each list.  `document_lines` then only
walks the data.

It gives exactly the lines of ``Renderer(comments=None).document(data, model)``
with the default policy and indentation (`tests/writer/test_canonical_fast.py`
compares the two); `Renderer.document` uses it for those.  The plans are
dropped when a layout changes (`order.layout_generation`).
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

from ._scalars import double_quoted, plain_ok, render_key, render_scalar, render_string
from .order import KeyOrder, canonical_quote, child_model, key_order_for, layout_generation

__all__ = ["document_lines"]

_MAX_KEY_PLANS = 20_000  # key plans kept in all (unknown mappings may hold any keys): past it, made each time
_kept = [0]
_PADS = [" " * n for n in range(64)]


def _pad(indent: int) -> str:
    return _PADS[indent] if indent < len(_PADS) else " " * indent


class _KeyPlan:
    """One key of a mapping: its text (``key:``), its value's model, quoting, group and plans below."""

    __slots__ = ("_map", "_seq", "group", "head", "key", "owner", "quote", "sub")

    def __init__(self, owner: _MapPlan, key: str) -> None:
        self.owner = owner
        self.key = key
        self.head = render_key(key) + ":"
        self.sub = child_model(owner.model, key)
        self.quote = canonical_quote(owner.root, (*owner.pattern, key), owner.model, key)
        self.group = owner.order.group_of(key)
        self._map: _MapPlan | None = None
        self._seq: _SeqPlan | None = None

    def mapping(self) -> _MapPlan:
        """The plan of a mapping under this key."""
        if self._map is None:
            owner = self.owner
            self._map = _MapPlan(owner.root, self.sub, (*owner.pattern, self.key))
        return self._map

    def sequence(self) -> _SeqPlan:
        """The plan of a list under this key."""
        if self._seq is None:
            owner = self.owner
            items = (*owner.pattern, self.key, "[]")
            self._seq = _SeqPlan(owner.root, self.sub, self.key, owner.model, items)
        return self._seq


class _MapPlan:
    """A mapping of ``model`` at ``pattern`` in a document of kind ``root``: its order and keys' plans."""

    __slots__ = ("keys", "lock", "model", "order", "pattern", "root")

    def __init__(
        self, root: type[BaseModel] | None, model: type[BaseModel] | None, pattern: tuple[str, ...]
    ) -> None:
        self.root = root
        self.model = model
        self.pattern = pattern
        self.order: KeyOrder = key_order_for(model)
        self.keys: dict[str, _KeyPlan] = {}
        self.lock = threading.Lock()

    def key(self, key: str) -> _KeyPlan:
        """The plan of ``key`` (made on first use)."""
        found = self.keys.get(key)
        if found is None:
            found = _KeyPlan(self, key)
            if _kept[0] < _MAX_KEY_PLANS and type(key) is str:
                with self.lock:
                    found = self.keys.setdefault(key, found)
                    _kept[0] += 1
        return found


class _SeqPlan:
    """A list under ``key`` of a ``parent`` mapping, whose items are ``model`` (or ``None``)."""

    __slots__ = ("_map", "_seq", "key", "model", "parent", "pattern", "quote", "root")

    def __init__(
        self,
        root: type[BaseModel] | None,
        model: type[BaseModel] | None,
        key: str,
        parent: type[BaseModel] | None,
        pattern: tuple[str, ...],
    ) -> None:
        self.root = root
        self.model = model
        self.key = key
        self.parent = parent
        self.pattern = pattern  # of the items
        self.quote = canonical_quote(root, pattern, parent if model is None else model, key)
        self._map: _MapPlan | None = None
        self._seq: _SeqPlan | None = None

    def mapping(self) -> _MapPlan:
        """The plan of an item that is a mapping."""
        if self._map is None:
            self._map = _MapPlan(self.root, self.model, self.pattern)
        return self._map

    def sequence(self) -> _SeqPlan:
        """The plan of an item that is a list."""
        if self._seq is None:
            self._seq = _SeqPlan(self.root, self.model, self.key, self.parent, (*self.pattern, "[]"))
        return self._seq


def _mapping(plan: _MapPlan, mapping: Mapping[str, Any], indent: int, out: list[str], groups: bool) -> None:
    """The entries of ``mapping`` (`Renderer.mapping`; `Renderer.entry` inlined), keys at ``indent``.

    With ``groups`` (the top of a document), a blank line between the groups of the layout.
    """
    pad = _pad(indent)
    keys = plan.keys
    previous: int | None = None
    for key in plan.order.sort(mapping):
        value = mapping[key]
        entry = keys.get(key) or plan.key(key)
        if groups:
            if previous is not None and entry.group != previous:
                out.append("")
            previous = entry.group
        kind = type(value)
        if kind is str:  # render_string(value, entry.quote): most values are text
            if entry.quote or not plain_ok(value):
                out.append(pad + entry.head + " " + double_quoted(value))
            else:
                out.append(pad + entry.head + " " + value)
        elif kind is int:
            out.append(pad + entry.head + " " + str(value))
        elif isinstance(value, dict):
            if value:
                out.append(pad + entry.head)
                _mapping(entry.mapping(), value, indent + 2, out, False)
            else:
                out.append(pad + entry.head + " {}")
        elif isinstance(value, list):
            if value:
                out.append(pad + entry.head)
                _sequence(entry.sequence(), value, indent + 2, out)
            else:
                out.append(pad + entry.head + " []")
        elif isinstance(value, str):
            out.append(pad + entry.head + " " + render_string(value, entry.quote))
        else:
            out.append(pad + entry.head + " " + render_scalar(value))


def _sequence(plan: _SeqPlan, items: list[Any], indent: int, out: list[str]) -> None:
    pad = _pad(indent)
    inner = indent + 2
    for value in items:
        if type(value) is str:  # render_string(value, plan.quote), inlined
            if plan.quote or not plain_ok(value):
                out.append(pad + "- " + double_quoted(value))
            else:
                out.append(pad + "- " + value)
        elif isinstance(value, dict) and value:
            first = len(out)
            _mapping(plan.mapping(), value, inner, out, False)
            out[first] = pad + "- " + out[first][inner:]
        elif isinstance(value, list) and value:
            first = len(out)
            _sequence(plan.sequence(), value, inner, out)
            out[first] = pad + "- " + out[first][inner:]
        elif isinstance(value, dict | list):
            out.append(pad + ("- {}" if isinstance(value, dict) else "- []"))
        elif isinstance(value, str):
            out.append(pad + "- " + render_string(value, plan.quote))
        else:
            out.append(pad + "- " + render_scalar(value))


_PLANS: dict[type[BaseModel] | None, _MapPlan] = {}
_PLANS_GENERATION: list[object] = [None]
_LOCK = threading.Lock()


def _plan_of(model: type[BaseModel] | None) -> _MapPlan:
    generation = layout_generation()
    if _PLANS_GENERATION[0] != generation:
        with _LOCK:
            _PLANS.clear()
            _PLANS_GENERATION[0] = generation
            _kept[0] = 0
    found = _PLANS.get(model)
    if found is None:
        found = _MapPlan(model, model, ())
        with _LOCK:
            found = _PLANS.setdefault(model, found)
    return found


def document_lines(data: Mapping[str, Any], model: type[BaseModel] | None) -> list[str]:
    """The lines of a whole front matter in the canonical style of ``model``, without comments.

    Raises:
        UnrepresentableError: a key or value cannot be written as YAML.
    """
    plan = _plan_of(model)
    out: list[str] = []
    _mapping(plan, data, 0, out, True)
    if plan.order.blank_line_at_end and out and out[-1] != "":
        out.append("")
    return out
