"""Rendering plain data as block YAML lines: whole documents (the canonical style) and parts of them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from ._scalars import literal_block, render_key, render_scalar, render_string
from .order import DEFAULT_QUOTED, child_model, key_order_for

__all__ = ["CanonicalStyle", "FileStyle", "Renderer", "StylePolicy"]


class StylePolicy:
    """Decides how a *new* string is quoted: ``""`` (plain when possible), ``'"'`` or ``"'"``."""

    def string_style(self, model: type[BaseModel] | None, key: str) -> str:
        """The canonical choice: double quotes for the model's quoted keys, plain elsewhere."""
        return '"' if key in key_order_for(model).quoted else ""


class CanonicalStyle(StylePolicy):
    """The canonical style of the sample article."""


def _quoted_class(key: str) -> bool:
    return key in DEFAULT_QUOTED or key.endswith("Url")


@dataclass
class FileStyle(StylePolicy):
    """Quote new strings the way the file quotes the same key (or keys of the same sort)."""

    by_key: dict[str, Counter[str]] = field(default_factory=dict)
    by_class: dict[bool, Counter[str]] = field(default_factory=dict)

    def observe(self, key: str, style: str) -> None:
        """Record that a string under ``key`` was written in ``style``."""
        self.by_key.setdefault(key, Counter())[style] += 1
        self.by_class.setdefault(_quoted_class(key), Counter())[style] += 1

    def string_style(self, model: type[BaseModel] | None, key: str) -> str:
        """The file's usual style for ``key``, else for its sort of key, else the canonical one."""
        seen = self.by_key.get(key)
        if seen:
            return seen.most_common(1)[0][0]
        canonical = super().string_style(model, key)
        seen = self.by_class.get(canonical == '"' or _quoted_class(key))
        if seen:
            return seen.most_common(1)[0][0]
        return canonical


@dataclass
class Renderer:
    """Writes values as block YAML lines (no newlines), with the given indentation steps.

    Attributes:
        policy: how new strings are quoted.
        map_indent: how much deeper a nested mapping's keys sit than their parent key.
        seq_indent: how much deeper a list's ``-`` sits than its key (0 is allowed).
        item_offset: from the ``-`` to the item's content (``- `` is 2).
    """

    policy: StylePolicy = field(default_factory=CanonicalStyle)
    map_indent: int = 2
    seq_indent: int = 2
    item_offset: int = 2

    # -- scalars -----------------------------------------------------------
    def scalar(self, value: Any, model: type[BaseModel] | None, key: str, style: str | None = None) -> str:
        """One scalar; a string in ``style`` or the policy's style for ``key``."""
        if isinstance(value, str):
            return render_string(value, self.policy.string_style(model, key) if style is None else style)
        return render_scalar(value)

    def flow(self, value: Any, model: type[BaseModel] | None, key: str) -> str:
        """``value`` (under ``key`` of a ``model`` mapping) in flow style on one line: ``[a, {k: v}]``."""
        if isinstance(value, dict):
            own = child_model(model, key)
            parts = [f"{render_key(k)}: {self.flow(v, own, k)}" for k, v in self._ordered(value, own)]
            return "{" + ", ".join(parts) + "}"
        if isinstance(value, list):
            return "[" + ", ".join(self.flow(v, model, key) for v in value) + "]"
        if isinstance(value, str):
            return render_string(value, self.policy.string_style(model, key), flow=True)
        return render_scalar(value)

    # -- blocks --------------------------------------------------------------
    def _ordered(self, mapping: Mapping[str, Any], model: type[BaseModel] | None) -> list[tuple[str, Any]]:
        order = key_order_for(model)
        return [(k, mapping[k]) for k in order.sort(mapping)]

    def entry(
        self,
        key: str,
        value: Any,
        indent: int,
        parent: type[BaseModel] | None,
        style: str | None = None,
    ) -> list[str]:
        """``key: value`` at ``indent``, with nested blocks below it.

        ``parent`` is the model of the mapping that holds ``key``; ``style``
        forces a string style (``"|"`` asks for a literal block when possible).
        """
        pad = " " * indent
        head = pad + render_key(key) + ":"
        sub = child_model(parent, key)
        if isinstance(value, dict):
            if not value:
                return [head + " {}"]
            return [head, *self.mapping(value, indent + self.map_indent, sub)]
        if isinstance(value, list):
            if not value:
                return [head + " []"]
            return [head, *self.sequence(value, indent + self.seq_indent, sub, key, parent)]
        if isinstance(value, str) and style in ("|", ">"):
            block = literal_block(value, " " * (indent + self.map_indent), self.map_indent)
            if block is not None:
                return [head + " " + block[0], *block[1:]]
            style = '"'
        return [head + " " + self.scalar(value, parent, key, style)]

    def mapping(self, mapping: Mapping[str, Any], indent: int, model: type[BaseModel] | None) -> list[str]:
        """The entries of ``mapping`` in ``model``'s canonical order."""
        out: list[str] = []
        for key, value in self._ordered(mapping, model):
            out.extend(self.entry(key, value, indent, model))
        return out

    def item(
        self,
        value: Any,
        indent: int,
        model: type[BaseModel] | None,
        key: str,
        parent: type[BaseModel] | None,
    ) -> list[str]:
        """One list item (``- ...``) with its ``-`` at ``indent``; ``model`` is the items' model."""
        pad = " " * indent
        dash = "-" + " " * (self.item_offset - 1)
        inner = indent + self.item_offset
        if isinstance(value, dict) and value:
            lines = self.mapping(value, inner, model)
        elif isinstance(value, list) and value:
            lines = self.sequence(value, inner, model, key, parent)
        elif isinstance(value, dict | list):
            return [pad + "- " + ("{}" if isinstance(value, dict) else "[]")]
        else:
            item_model = parent if model is None else model
            return [pad + "- " + self.scalar(value, item_model, key)]
        return [pad + dash + lines[0][inner:], *lines[1:]]

    def sequence(
        self,
        items: list[Any],
        indent: int,
        model: type[BaseModel] | None,
        key: str,
        parent: type[BaseModel] | None,
    ) -> list[str]:
        """A block list with its ``-`` at ``indent``."""
        out: list[str] = []
        for value in items:
            out.extend(self.item(value, indent, model, key, parent))
        return out

    def document(self, data: Mapping[str, Any], model: type[BaseModel] | None) -> list[str]:
        """A whole front matter: canonical key order, a blank line between groups."""
        order = key_order_for(model)
        out: list[str] = []
        previous: int | None = None
        for key, value in self._ordered(data, model):
            group = order.group_of(key)
            if previous is not None and group != previous:
                out.append("")
            previous = group
            out.extend(self.entry(key, value, 0, model))
        return out
