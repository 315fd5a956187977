"""A loaded file: its front matter as a model, its body, and what the writer needs."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from .issues import Issue

__all__ = ["Document", "SourceInfo"]


@dataclass(frozen=True)
class SourceInfo:
    """How a document looked in its file, kept so the writer can change only what changed.

    Attributes:
        text: the whole original text, without the BOM.
        bom: whether the file began with a UTF-8 BOM.
        newline: the newline style (``"\\n"``, ``"\\r\\n"`` or ``"\\r"``).
        open_fence, open_newline: the opening fence line and its newline.
        front_matter: the YAML text between the fences.
        close_fence, close_newline: the closing fence line and its newline.
        data: the front matter as loaded (plain data, YAML keys).
        locations: positions of every key and value (a ``Locations``).
    """

    text: str = field(repr=False)  # may hold a `secured` value: never shown whole
    bom: bool
    newline: str
    open_fence: str
    open_newline: str
    front_matter: str = field(repr=False)
    close_fence: str
    close_newline: str
    data: dict[str, Any] = field(repr=False)
    locations: Any = field(repr=False, compare=False)


@dataclass(frozen=True)
class Document:
    """A front-matter file: ``meta`` (the model) and ``body`` (the text after the fence).

    >>> import articlekit
    >>> doc = articlekit.loads(EXAMPLE)  # doctest: +SKIP
    >>> doc.meta.title, doc.body  # doctest: +SKIP
    ('Hello', 'Hi.\\n')

    Documents are immutable; :meth:`replace` makes a changed copy.  A
    document made by :func:`articlekit.loads` remembers its source so that
    writing it back changes only what changed.

    Attributes:
        meta: the front matter as a model (an :class:`~articlekit.Article` for news items).
        body: everything after the closing fence, unchanged.
        issues: the warnings (and ignored-nothing errors) found when loading.
    """

    meta: BaseModel
    body: str = ""
    issues: tuple[Issue, ...] = field(default=(), compare=False)
    source: SourceInfo | None = field(default=None, repr=False, compare=False)

    def replace(self, **changes: Any) -> Document:
        """A copy with some of ``meta``, ``body`` changed; the source is kept for the writer.

        >>> new = doc.replace(meta=doc.meta.model_copy(update={"heat": 80}))  # doctest: +SKIP
        """
        allowed = {"meta", "body"}
        unknown = set(changes) - allowed
        if unknown:
            raise TypeError(f"Document.replace() takes meta and body, not {', '.join(sorted(unknown))}")
        return dataclasses.replace(self, **changes)
