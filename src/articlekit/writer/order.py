"""The canonical key order, blank-line groups and quoting of each kind of mapping.

The writer puts added keys at their canonical place and [`articlekit.format`][articlekit.format]
writes whole files in this order.  Each model class has a `KeyOrder`;
the news item's is:

```text
category, title, excerpt, publishedDateTime, originalUrl, webUrl, ampWebUrl,
cdnAmpWebUrl, type, quality, heat, published
<blank line> featuredContent
<blank line> provider
<blank line> topics
<blank line> images
<blank line> related
<blank line> secured
```

A kind's layout is part of its record: the `layout=` given to
[`register_kind`][articlekit.register_kind] (see `articlekit.models.kinds`).  A
kind registered without one writes like the kind it `replaces`, or like its
nearest base class (`class MyArticle(Article)` writes like a news item, its own
keys after the known ones).  `register_key_order` sets the layout of any model
directly (it wins over the kind's).

A model with no layout at all gets its fields' order, one group for each run
of scalar fields and one for each nested mapping or list, and double quotes on
URL fields (``json_schema_extra={"format": "uri"}``) and on ``title``,
``excerpt``, ``featuredContent`` and ``secured``.
"""

from __future__ import annotations

import threading
import typing
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from .._introspect import child_model_of
from .._introspect import field_key as _field_key
from .._introspect import fields_by_key as model_fields_by_key
from .._introspect import strip_optional as _strip_optional

__all__ = [
    "DEFAULT_QUOTED",
    "KeyOrder",
    "canonical_quote",
    "child_model",
    "child_model_of",
    "key_order_for",
    "layout_generation",
    "model_fields_by_key",
    "path_pattern",
    "register_key_order",
]

DEFAULT_QUOTED = frozenset({"title", "excerpt", "featuredContent", "secured", "url"})
"""Keys double-quoted in the canonical style when nothing more specific is known."""

_URL_FORMATS = frozenset({"uri", "uri-reference", "url"})

Pattern = tuple[str, ...]
"""A path with every list index written ``"[]"``: ``("images", "[]", "url")``."""


def path_pattern(path: Iterable[str | int]) -> Pattern:
    """``path`` (YAML keys and list indexes) with every index as ``"[]"``.

    >>> path_pattern(("images", 0, "url"))
    ('images', '[]', 'url')
    """
    return tuple("[]" if isinstance(part, int) else part for part in path)


def _parse_pattern(text: str) -> Pattern:
    """``"affiliation.images[].url"`` -> ``("affiliation", "images", "[]", "url")``."""
    out: list[str] = []
    for part in text.split("."):
        name = part.rstrip("[]")
        if name:
            out.append(name)
        out.extend("[]" for _ in range(part[len(name) :].count("[]")))
    return tuple(out)


@dataclass(frozen=True)
class KeyOrder:
    """How one kind of mapping is laid out in the canonical style.

    Attributes:
        order: the YAML keys in canonical order; keys not listed come after, in
            their own order.
        group_starts: keys that begin a new group; at the top level of a file a
            blank line separates groups.
        quoted: keys whose text values are double-quoted (others are plain when
            YAML allows); with ``paths``, paths such as ``images[].url``.
        paths: whether ``quoted`` lists every quoted path of a whole document of
            this kind (a registered layout); otherwise, at the top of a
            document, each nested part quotes its own ``quoted`` keys.
        blank_line_at_end: whether a document of this kind ends its front matter
            with a blank line.
    """

    order: tuple[str, ...]
    group_starts: frozenset[str] = frozenset()
    quoted: frozenset[str] = DEFAULT_QUOTED
    paths: bool = False
    blank_line_at_end: bool = False

    def quotes(self, path: Iterable[str | int]) -> bool:
        """Whether a text value at ``path`` (from the top of a document of this kind) is double-quoted.

        Only meaningful with ``paths``.

        >>> layout = KeyOrder(("name",), quoted=frozenset({"name", "images[].url"}), paths=True)
        >>> layout.quotes(("images", 0, "url")), layout.quotes(("images", 0, "width"))
        (True, False)
        """
        key = path if isinstance(path, tuple) else tuple(path)
        memo: dict[tuple[str | int, ...], bool] | None = self.__dict__.get("_quotes_memo")
        if memo is None:
            memo = {}
            object.__setattr__(self, "_quotes_memo", memo)
        found = memo.get(key)
        if found is None:
            patterns = self.__dict__.get("_patterns")
            if patterns is None:
                patterns = frozenset(_parse_pattern(p) for p in self.quoted)
                object.__setattr__(self, "_patterns", patterns)
            found = path_pattern(key) in patterns
            if len(memo) >= _MEMO_SIZE:
                memo.clear()  # paths repeat from document to document; a bound keeps odd ones from piling up
            memo[key] = found
        return found

    def _rank_of(self) -> dict[str, int]:
        ranks: dict[str, int] | None = self.__dict__.get("_ranks")
        if ranks is None:
            ranks = {k: i for i, k in enumerate(self.order)}
            object.__setattr__(self, "_ranks", ranks)
        return ranks

    def rank(self, key: str) -> int:
        """Position of ``key`` in the canonical order (unknown keys: after all known ones)."""
        return self._rank_of().get(key, len(self.order))

    def sort(self, keys: Iterable[str]) -> list[str]:
        """``keys`` in canonical order; unknown keys last, in their given order."""
        get = self._rank_of().get
        last = len(self.order)
        listed = list(keys)
        ranks = [get(k, last) for k in listed]
        if ranks == sorted(ranks):
            return listed  # already in order (a file in the canonical style)
        return sorted(listed, key=lambda k: get(k, last))  # stable: unknown keys keep their order

    def group_of(self, key: str) -> int:
        """The group number of ``key``; unknown keys share one group after the known ones."""
        groups = self.__dict__.get("_groups")
        if groups is None:
            groups = {}
            number = 0
            for i, k in enumerate(self.order):
                if i and k in self.group_starts:
                    number += 1
                groups[k] = number
            object.__setattr__(self, "_groups", groups)
        found = groups.get(key)
        return int(found) if found is not None else len(self.order) + 1


_MEMO_SIZE = 4096
_REGISTRY: dict[type[BaseModel], KeyOrder] = {}
_LOCK = threading.Lock()
_defaults_done = False
_registrations = 0


def register_key_order(
    model: type[BaseModel],
    order: Iterable[str],
    groups: Iterable[Iterable[str]] = (),
    quoted: Iterable[str] | None = None,
    *,
    blank_line_at_end: bool = False,
) -> KeyOrder:
    """Register the canonical layout of ``model``'s mappings; returns the `KeyOrder`.

    Args:
        model: the pydantic model class (a kind such as ``Video``, or a part such as ``Image``).
        order: YAML keys in canonical order.  Keys of ``groups`` missing here are
            appended, group by group.
        groups: further groups of keys, each written after a blank line at the
            top level of a file.  The keys of ``order`` before any group key form
            the first group.
        quoted: the paths whose text values are double-quoted in a document of
            this kind: keys (``title``) and paths into nested values
            (``images[].url``, ``affiliation.images[].url``; ``[]`` stands for
            every list item).  Every other text is plain (quoted only when YAML
            would misread it).  For a part (such as ``Image``), its keys quoted
            under a kind that lists no paths of its own.  Default: URL fields and
            ``title``, ``excerpt``, ``featuredContent``, ``secured``, ``url``,
            and each part's own quoted keys below.
        blank_line_at_end: end the front matter with a blank line (before the
            closing fence).

    Registering a model again replaces its layout.
    """
    global _registrations
    layout = _make(model, order, groups, quoted, blank_line_at_end)
    with _LOCK:
        _REGISTRY[model] = layout
        _registrations += 1
    return layout


def layout_generation() -> tuple[int, int]:
    """A value that changes whenever a layout may have changed (a registration, a kind added or removed).

    For what is worked out from the layouts and kept (`articlekit.writer._canonical`'s plans).
    """
    if not _defaults_done:
        _register_defaults()
    return _registrations, _kinds().generation


def _make(
    model: type[BaseModel],
    order: Iterable[str],
    groups: Iterable[Iterable[str]],
    quoted: Iterable[str] | None,
    blank_line_at_end: bool,
) -> KeyOrder:
    keys = list(order)
    starts: set[str] = set()
    for group in groups:
        members = list(group)
        if not members:
            continue
        starts.add(members[0])
        keys.extend(k for k in members if k not in keys)
    if len(set(keys)) != len(keys):
        raise ValueError(f"register_key_order: duplicate keys in the order of {model.__name__}")
    return KeyOrder(
        tuple(keys),
        frozenset(starts),
        frozenset(quoted) if quoted is not None else _default_quoted(model),
        paths=quoted is not None,
        blank_line_at_end=blank_line_at_end,
    )


def _default_quoted(model: type[BaseModel]) -> frozenset[str]:
    quoted = set(DEFAULT_QUOTED)
    for name, field in model.model_fields.items():
        extra = field.json_schema_extra
        if isinstance(extra, dict) and extra.get("format") in _URL_FORMATS:
            quoted.add(_field_key(name, field))
    return frozenset(quoted)


def _is_scalar_annotation(annotation: Any) -> bool:
    return child_model_of(annotation)[0] is None and typing.get_origin(annotation) not in (list, dict)


def _fallback(model: type[BaseModel]) -> KeyOrder:
    keys: list[str] = []
    starts: set[str] = set()
    previous_scalar = True
    for name, field in model.model_fields.items():
        key = _field_key(name, field)
        scalar = _is_scalar_annotation(_strip_optional(field.annotation))
        if keys and (not scalar or not previous_scalar):
            starts.add(key)
        previous_scalar = scalar
        keys.append(key)
    return KeyOrder(tuple(keys), frozenset(starts), _default_quoted(model))


def _register_defaults() -> None:
    """The parts' built-in layouts (`articlekit.models._layout.PART_LAYOUTS`), registered on first use.

    Not at import time: the models do not import the writer, and checking
    files never needs it.  A layout registered before this runs is kept.
    The kinds' layouts come from their records (`articlekit.models.kinds`), see `key_order_for`.
    """
    global _defaults_done
    from ..models._layout import PART_LAYOUTS

    for model, layout in PART_LAYOUTS.items():
        if model not in _REGISTRY:
            _register_layout(model, layout)
    _defaults_done = True


def _register_layout(model: type[BaseModel], layout: Any) -> KeyOrder:
    """`register_key_order` for a `articlekit.models._layout.Layout`."""
    return register_key_order(
        model, layout.order, layout.groups, layout.quoted, blank_line_at_end=layout.blank_line_at_end
    )


_KINDS: list[Any] = []  # the module articlekit.models.kinds, imported on first use


def _kinds() -> Any:
    if not _KINDS:
        from ..models import kinds

        _KINDS.append(kinds)
    return _KINDS[0]


_DERIVED: dict[type[BaseModel], KeyOrder] = {}  # from the kinds' records; dropped when they change
_derived_generation = -1


def _derive(model: type[BaseModel]) -> KeyOrder:
    """A layout for a model nobody registered with `register_key_order`.

    A registered kind's `layout`; else that of the kind it replaces; else
    that of its nearest base class with a layout (so `class MyArticle(Article)`
    writes like a news item, its own keys after the known ones); else one
    derived from its fields.
    """
    kinds = _kinds()
    info = kinds.kind_of_model(model)
    if info is not None:
        for source in kinds._chain(info):
            layout = source.layout
            if layout is not None:
                return _make(model, layout.order, layout.groups, layout.quoted, layout.blank_line_at_end)
    for base in model.__mro__[1:]:
        if isinstance(base, type) and issubclass(base, BaseModel) and base is not BaseModel:
            found = _REGISTRY.get(base)
            if found is None and (kinds.kind_of_model(base) is not None or base in _DERIVED):
                found = key_order_for(base)
            if found is not None:
                return found
    return _fallback(model)


def canonical_quote(
    root: type[BaseModel] | None, path: Iterable[str | int] | None, model: type[BaseModel] | None, key: str
) -> str:
    """The canonical style of a text value: ``'"'`` (double-quoted) or ``""`` (plain when possible).

    ``root`` is the document's kind and ``path`` the value's path in it; a kind
    with a registered layout decides by path (``images[].url``; list indexes may
    be given as ``"[]"``).  Otherwise
    ``model`` (the mapping holding ``key``) decides by its own quoted keys.
    """
    if root is not None and path is not None:
        layout = key_order_for(root)
        if layout.paths:
            return '"' if layout.quotes(path) else ""
    return '"' if key in key_order_for(model).quoted else ""


def key_order_for(model: type[BaseModel] | None) -> KeyOrder:
    """The layout of ``model``'s mappings: registered, its kind's, inherited, or derived from its fields.

    ``None`` (a mapping no model describes, under an unknown key) keeps its own order.
    """
    global _derived_generation
    if not _defaults_done:
        _register_defaults()
    if model is None:
        return _UNKNOWN
    found = _REGISTRY.get(model)
    if found is not None:
        return found
    kinds = _KINDS[0] if _KINDS else _kinds()
    if _derived_generation != kinds.generation:
        with _LOCK:
            _DERIVED.clear()
            _derived_generation = kinds.generation
    found = _DERIVED.get(model)
    if found is None:
        found = _derive(model)
        with _LOCK:
            found = _DERIVED.setdefault(model, found)
    return found


_UNKNOWN = KeyOrder(())


def child_model(model: type[BaseModel] | None, key: str) -> type[BaseModel] | None:
    """The model of the value under ``key`` (of each item, for a list), or ``None``."""
    if model is None:
        return None
    return model_fields_by_key(model).get(key, (None, False))[0]
