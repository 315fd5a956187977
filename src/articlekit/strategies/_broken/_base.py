"""The broken document, and the valid documents the generators break."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from hypothesis import strategies as st
from pydantic import BaseModel

from ...issues import Issue, KeyPath
from ...models import (
    Article,
    Collection,
    Course,
    Download,
    Forum,
    Organization,
    Profile,
    Video,
)
from .._models import (
    actions,
    articles,
    collections,
    courses,
    downloads,
    forums,
    images,
    organizations,
    profiles,
    providers,
    related_items,
    videos,
)
from .._primitives import amp_pairs, domains, handles, line_text, secured_values, slugs, urls
from .._render import Layout, Rendered, bodies, layouts, model_data, render

Draw = Callable[[st.SearchStrategy[Any]], Any]


@dataclass(frozen=True, repr=False)
class BrokenDocument:
    """A file with exactly one problem: ``check()`` reports one issue, of ``code``, on ``line``.

    Attributes:
        text: the whole file.  ``str``, except for AK101 (invalid UTF-8) and
            AK111 (UTF-16, UTF-32 or binary), which only ``bytes`` can hold.
        code: the issue code of the problem, e.g. ``"AK401"``.
        line: the 1-based line the issue is reported on (the opening fence is line 1).
        kind: pass it to [`articlekit.check`][articlekit.check] as ``kind=`` (only AK855 needs
            one: a category other than ``news`` is otherwise an unknown kind).
        secured_key: pass it as ``secured_key=`` (only AK510 needs one).
    """

    text: str | bytes
    code: str
    line: int
    kind: type[BaseModel] | None = None
    secured_key: bytes | None = field(default=None, compare=False)

    def check(self) -> list[Issue]:
        """``articlekit.check(text, kind=kind, secured_key=secured_key)``.

        For a broken document this is exactly one issue, of ``code``, on ``line``.
        """
        from ...api import check

        return check(self.text, kind=self.kind, secured_key=self.secured_key)

    def __repr__(self) -> str:
        text = self.text
        shown = repr(text) if len(text) <= 2000 else f"{text[:1000]!r}... ({len(text):,} long)"
        extra = f", kind={self.kind.__name__}" if self.kind is not None else ""
        extra += ", secured_key=<hidden>" if self.secured_key is not None else ""
        return f"BrokenDocument(code={self.code!r}, line={self.line}{extra}, text={shown})"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """Hypothesis (and IPython) print falsifying examples with this: the short ``repr()``."""
        printer.text(repr(self))


def crypto_available() -> bool:
    """Whether ``cryptography`` can be imported (AK510 documents need it)."""
    try:
        import cryptography.hazmat.primitives.ciphers  # noqa: F401
    except ImportError:
        return False
    return True


# -- a valid document to break ------------------------------------------------------------

_STRATEGIES: dict[type[BaseModel], st.SearchStrategy[Any]] = {
    Article: articles(),
    Video: videos(),
    Course: courses(),
    Collection: collections(),
    Download: downloads(),
    Profile: profiles(),
    Forum: forums(),
    Organization: organizations(),
}
_ALL = tuple(_STRATEGIES)
_TITLED = (Article, Video, Course, Collection, Download)
_PROVIDED = (Article, Video, Course, Collection, Download, Forum, Profile)
_SECURED = (Article, Video, Course, Collection, Download, Profile, Forum)
_TOPICAL = (Article, Video, Course, Collection, Download, Profile, Forum)


@dataclass
class _Doc:
    kind: type[BaseModel]
    data: dict[str, Any]
    layout: Layout
    body: list[str]


def _doc(draw: Draw, kinds: tuple[type[BaseModel], ...] = _ALL) -> _Doc:
    kind = draw(st.sampled_from(kinds))
    model = draw(_STRATEGIES[kind])
    return _Doc(kind, model_data(model), draw(layouts()), draw(bodies()))


def _render(draw: Draw, doc: _Doc) -> Rendered:
    return render(draw, doc.data, doc.layout, doc.kind)


def _join(
    doc: _Doc,
    lines: list[str],
    *,
    open_fence: str = "---",
    close_fence: str | None = "---",
    body: list[str] | None = None,
) -> str:
    parts = [open_fence, *lines]
    if close_fence is not None:
        parts.append(close_fence)
        parts.extend(doc.body if body is None else body)
    return ("\ufeff" if doc.layout.bom else "") + doc.layout.newline.join(parts) + doc.layout.newline


def _at(draw: Draw, doc: _Doc, path: KeyPath, *, key: bool = False) -> tuple[str, int]:
    """Render ``doc``; the text and the line of the value (or key) at ``path``."""
    rendered = _render(draw, doc)
    key_line, value_line = rendered.where[path]
    return _join(doc, rendered.lines), key_line if key else value_line


def _paths(data: Any, pred: Callable[[KeyPath, Any], bool], path: KeyPath = ()) -> Iterator[KeyPath]:
    if path and pred(path, data):
        yield path
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _paths(v, pred, (*path, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _paths(v, pred, (*path, i))


def _parent(data: Any, path: KeyPath) -> Any:
    for step in path[:-1]:
        data = data[step]
    return data


def _set(data: Any, path: KeyPath, value: Any) -> None:
    _parent(data, path)[path[-1]] = value


def _get(data: Any, path: KeyPath) -> Any:
    return _parent(data, path)[path[-1]]


def _choose(draw: Draw, doc: _Doc, pred: Callable[[KeyPath, Any], bool]) -> KeyPath | None:
    found = list(_paths(doc.data, pred))
    return draw(st.sampled_from(found)) if found else None


def _ensure(draw: Draw, data: dict[str, Any], key: str, strategy: st.SearchStrategy[Any]) -> Any:
    if key not in data:
        data[key] = draw(strategy)
    return data[key]


def _dicts(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return strategy.map(model_data)


# strategies made once: making them inside a draw is slow
_IMAGE = _dicts(images())
_PROVIDER = _dicts(providers())
_TITLE_TEXT = line_text(1, 20)
_RELATED = _dicts(related_items())
_ACTION = _dicts(actions())
_SECURED_VALUE = secured_values()
_SHORT_TEXT = line_text(0, 10)
_TEXT = line_text(0, 20)
_HANDLE = handles()
_SLUG = slugs()
_DOMAIN = domains()
_URL = urls()
_AMP_PAIR = amp_pairs()
