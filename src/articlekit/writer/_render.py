"""Rendering plain data as block YAML lines: whole documents (the canonical style) and parts of them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from ..issues import KeyPath
from ._canonical import document_lines
from ._comments import Comments
from ._scalars import literal_block, render_key, render_scalar, render_string
from .order import DEFAULT_QUOTED, canonical_quote, child_model, key_order_for

__all__ = ["CanonicalStyle", "FileStyle", "Renderer", "StylePolicy"]


class StylePolicy:
    """Decides how a *new* string is quoted: ``""`` (plain when possible), ``'"'`` or ``"'"``."""

    def string_style(self, key: str, canonical: str) -> str:
        """The style for a text under ``key`` whose canonical style is ``canonical``: the canonical one."""
        return canonical


class CanonicalStyle(StylePolicy):
    """The canonical style of each kind (the publisher's own)."""


def _is_url_key(key: str) -> bool:
    return key.endswith("Url") or key in ("url", "website")


def _quoted_class(key: str) -> bool:
    return key in DEFAULT_QUOTED or key.endswith("Url")


@dataclass
class FileStyle(StylePolicy):
    """Quote new strings the way the file quotes the same key, or keys of the same sort.

    For a URL, the file's other URLs; for other text, the keys of its sort (text a kind
    usually quotes, such as ``title``, ``excerpt`` and URLs; or the rest).
    """

    by_key: dict[str, Counter[str]] = field(default_factory=dict)
    urls: Counter[str] = field(default_factory=Counter)
    by_class: dict[bool, Counter[str]] = field(default_factory=dict)

    def observe(self, key: str, style: str) -> None:
        """Record that a string under ``key`` was written in ``style``."""
        self.by_key.setdefault(key, Counter())[style] += 1
        if _is_url_key(key):
            self.urls[style] += 1
        self.by_class.setdefault(_quoted_class(key), Counter())[style] += 1

    def string_style(self, key: str, canonical: str) -> str:
        """The file's usual style for ``key``, else for its sort of key, else the canonical one."""
        seen = self.by_key.get(key)
        if not seen:
            quoted_sort = canonical == '"' or _quoted_class(key)
            seen = self.urls if _is_url_key(key) else self.by_class.get(quoted_sort)
        if seen:
            return seen.most_common(1)[0][0]
        return canonical


def _child(path: KeyPath | None, part: str | int) -> KeyPath | None:
    return None if path is None else (*path, part)


@dataclass
class Renderer:
    """Writes values as block YAML lines (no newlines), with the given indentation steps.

    Attributes:
        policy: how new strings are quoted.
        map_indent: how much deeper a nested mapping's keys sit than their parent key.
        seq_indent: how much deeper a list's ``-`` sits than its key (0 is allowed).
        item_offset: from the ``-`` to the item's content (``- `` is 2).
        root: the document's kind, whose layout decides quoting by path.
        comments: comments to write back, by the path of the value they belong to.

    Methods take the ``path`` of what they write (YAML keys and list indexes
    from the top of the document), or ``None`` when it is not known.
    """

    policy: StylePolicy = field(default_factory=CanonicalStyle)
    map_indent: int = 2
    seq_indent: int = 2
    item_offset: int = 2
    root: type[BaseModel] | None = None
    comments: Comments | None = None

    # -- scalars -----------------------------------------------------------
    def string_style(self, model: type[BaseModel] | None, key: str, path: KeyPath | None) -> str:
        """The style for a new text value under ``key`` of a ``model`` mapping, at ``path``."""
        return self.policy.string_style(key, canonical_quote(self.root, path, model, key))

    def scalar(
        self,
        value: Any,
        model: type[BaseModel] | None,
        key: str,
        style: str | None = None,
        path: KeyPath | None = None,
    ) -> str:
        """One scalar; a string in ``style`` or the policy's style for ``key``."""
        if isinstance(value, str):
            return render_string(value, self.string_style(model, key, path) if style is None else style)
        return render_scalar(value)

    def flow(self, value: Any, model: type[BaseModel] | None, key: str, path: KeyPath | None = None) -> str:
        """``value`` (under ``key`` of a ``model`` mapping) in flow style on one line: ``[a, {k: v}]``."""
        if isinstance(value, dict):
            own = child_model(model, key)
            parts = [
                f"{render_key(k)}: {self.flow(v, own, k, _child(path, k))}"
                for k, v in self._ordered(value, own)
            ]
            return "{" + ", ".join(parts) + "}"
        if isinstance(value, list):
            return (
                "[" + ", ".join(self.flow(v, model, key, _child(path, i)) for i, v in enumerate(value)) + "]"
            )
        if isinstance(value, str):
            return render_string(value, self.string_style(model, key, path), flow=True)
        return render_scalar(value)

    # -- comments ----------------------------------------------------------
    def _before(self, path: KeyPath | None, pad: str) -> list[str]:
        if self.comments is None or path is None:
            return []
        return [pad + line if line else "" for line in self.comments.take_before(path)]

    def _trailing(self, path: KeyPath | None) -> str:
        if self.comments is None or path is None:
            return ""
        return self.comments.take_trailing(path)

    def _end(self, path: KeyPath | None, pad: str) -> list[str]:
        if self.comments is None or path is None:
            return []
        return [pad + line if line else "" for line in self.comments.take_end(path)]

    def _plain_layout(self) -> bool:
        """Whether this renderer writes the canonical style: `_canonical.document_lines` gives its lines."""
        return (
            type(self.policy) is CanonicalStyle
            and self.map_indent == 2
            and self.seq_indent == 2
            and self.item_offset == 2
        )

    # -- blocks --------------------------------------------------------------
    def _ordered(self, mapping: Mapping[str, Any], model: type[BaseModel] | None) -> list[tuple[str, Any]]:
        keys = key_order_for(model).sort(mapping)
        return [(k, mapping[k]) for k in keys]

    def entry(
        self,
        key: str,
        value: Any,
        indent: int,
        parent: type[BaseModel] | None,
        style: str | None = None,
        path: KeyPath | None = None,
        *,
        lead: bool = True,
    ) -> list[str]:
        """``key: value`` at ``indent``, with nested blocks below it.

        ``parent`` is the model of the mapping that holds ``key``; ``style``
        forces a string style (``"|"`` asks for a literal block when possible).
        ``path`` is the path of the value; its comments are written with it
        (those above it only with ``lead``).
        """
        pad = " " * indent
        head = pad + render_key(key) + ":"
        if style is None and type(value) is str and (self.comments is None or path is None):
            return [head + " " + render_string(value, self.string_style(parent, key, path))]  # the usual case
        before = self._before(path, pad) if lead else []
        sub = child_model(parent, key)
        if isinstance(value, dict):
            if not value:
                return [
                    *before,
                    head + " {}" + self._trailing(path),
                    *self._end(path, pad + " " * self.map_indent),
                ]
            return [
                *before,
                head + self._trailing(path),
                *self.mapping(value, indent + self.map_indent, sub, path),
            ]
        if isinstance(value, list):
            if not value:
                return [
                    *before,
                    head + " []" + self._trailing(path),
                    *self._end(path, pad + " " * self.seq_indent),
                ]
            return [
                *before,
                head + self._trailing(path),
                *self.sequence(value, indent + self.seq_indent, sub, key, parent, path),
            ]
        if isinstance(value, str) and style in ("|", ">"):
            block = literal_block(value, " " * (indent + self.map_indent), self.map_indent)
            if block is not None:
                return [*before, head + " " + block[0] + self._trailing(path), *block[1:]]
            style = '"'
        return [*before, head + " " + self.scalar(value, parent, key, style, path) + self._trailing(path)]

    def mapping(
        self,
        mapping: Mapping[str, Any],
        indent: int,
        model: type[BaseModel] | None,
        path: KeyPath | None = None,
        *,
        lead: bool = True,
    ) -> list[str]:
        """The entries of ``mapping`` in ``model``'s canonical order.

        The comments above the first entry are written only with ``lead``.
        """
        out: list[str] = []
        for n, (key, value) in enumerate(self._ordered(mapping, model)):
            out.extend(self.entry(key, value, indent, model, path=_child(path, key), lead=lead or n > 0))
        out.extend(self._end(path, " " * indent))
        return out

    def _first_lead(
        self, value: Any, path: KeyPath | None, model: type[BaseModel] | None, pad: str
    ) -> list[str]:
        """The comments above the first line of a list item's content, to go above its ``-`` instead."""
        if not isinstance(value, dict | list) or not value or path is None or self.comments is None:
            return []
        if isinstance(value, dict):
            return self._before(_child(path, self._ordered(value, model)[0][0]), pad)
        first = _child(path, 0)
        return [*self._before(first, pad), *self._first_lead(value[0], first, model, pad)]

    def item(
        self,
        value: Any,
        indent: int,
        model: type[BaseModel] | None,
        key: str,
        parent: type[BaseModel] | None,
        path: KeyPath | None = None,
        *,
        lead: bool = True,
    ) -> list[str]:
        """One list item (``- ...``) with its ``-`` at ``indent``; ``model`` is the items' model."""
        pad = " " * indent
        before = self._before(path, pad) if lead else []
        dash = "-" + " " * (self.item_offset - 1)
        inner = indent + self.item_offset
        if isinstance(value, dict) and value:
            hoisted = self._first_lead(value, path, model, pad)
            lines = self.mapping(value, inner, model, path, lead=False)
        elif isinstance(value, list) and value:
            hoisted = self._first_lead(value, path, model, pad)
            lines = self.sequence(value, inner, model, key, parent, path, lead=False)
        elif isinstance(value, dict | list):
            empty = "{}" if isinstance(value, dict) else "[]"
            return [*before, pad + "- " + empty + self._trailing(path), *self._end(path, " " * inner)]
        else:
            item_model = parent if model is None else model
            return [
                *before,
                pad + "- " + self.scalar(value, item_model, key, path=path) + self._trailing(path),
            ]
        return [*before, *hoisted, pad + dash + lines[0][inner:] + self._trailing(path), *lines[1:]]

    def sequence(
        self,
        items: list[Any],
        indent: int,
        model: type[BaseModel] | None,
        key: str,
        parent: type[BaseModel] | None,
        path: KeyPath | None = None,
        *,
        lead: bool = True,
    ) -> list[str]:
        """A block list with its ``-`` at ``indent``."""
        out: list[str] = []
        for i, value in enumerate(items):
            out.extend(self.item(value, indent, model, key, parent, _child(path, i), lead=lead or i > 0))
        out.extend(self._end(path, " " * indent))
        return out

    def document(self, data: Mapping[str, Any], model: type[BaseModel] | None) -> list[str]:
        """A whole front matter: canonical key order, a blank line between groups, every comment kept."""
        self.root = model
        if self.comments is None and self._plain_layout():
            return document_lines(data, model)  # the same lines, from decisions made once per kind
        order = key_order_for(model)
        out: list[str] = self._before((), "")
        previous: int | None = None
        for key, value in self._ordered(data, model):
            group = order.group_of(key)
            if previous is not None and group != previous:
                out.append("")
            previous = group
            out.extend(self.entry(key, value, 0, model, path=(key,)))
        out.extend(self._end((), ""))
        if self.comments is not None:
            out.extend(self.comments.leftovers())
        if order.blank_line_at_end and out and out[-1] != "":
            out.append("")
        return out
