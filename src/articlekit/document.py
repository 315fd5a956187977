"""A loaded file: its front matter as a model, its body, and what the writer needs."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Generic

from pydantic import BaseModel
from typing_extensions import TypeVar

from .issues import Issue
from .positions import Locations

__all__ = ["Document", "SourceInfo"]

M = TypeVar("M", bound=BaseModel, default=BaseModel, covariant=True)
"""The model class of a [`Document`][articlekit.Document]'s ``meta`` (by default any pydantic model)."""


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
        locations: positions of every key and value (`articlekit.positions.Locations`).
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
    locations: Locations = field(repr=False, compare=False)


@dataclass(frozen=True)
class Document(Generic[M]):
    """A front-matter file: ``meta`` (the model) and ``body`` (the text after the fence).

    >>> import articlekit
    >>> doc = articlekit.loads(EXAMPLE)  # doctest: +SKIP
    >>> doc.meta.title, doc.body  # doctest: +SKIP
    ('Hello', 'Hi.\\n')

    Documents are immutable: [`edit`][articlekit.Document.edit] makes a copy with changed
    front-matter values, [`replace`][articlekit.Document.replace] one with another body.  A
    document made by [`articlekit.loads`][articlekit.loads] remembers its source so that
    writing it back changes only what changed.

    `Document` is generic over its model: [`load`][articlekit.load] and
    [`loads`][articlekit.loads] with ``kind=Article`` return a ``Document[Article]``,
    so type checkers know ``doc.meta.title`` is a ``str`` (and report a misspelt
    attribute).  A plain ``Document`` is a ``Document[BaseModel]``: any kind.

    Attributes:
        meta: the front matter as a model (an [`Article`][articlekit.Article] for news items).
        body: everything after the closing fence, unchanged.
        issues: the warnings (and ignored-nothing errors) found when loading.
    """

    meta: M
    body: str = ""
    issues: tuple[Issue, ...] = field(default=(), compare=False)
    source: SourceInfo | None = field(default=None, repr=False, compare=False)

    def edit(self, changes: Mapping[str, Any] | None = None, /, **values: Any) -> Document[M]:
        """A copy with some front-matter values changed, validated; the one way to edit a document.

        Name each value by its Python name or by its YAML key, as keyword
        arguments or in a mapping:

        ```python
        doc = articlekit.load("post.md")
        doc = doc.edit(web_url="https://example.com/new", heat=80)
        doc = doc.edit({"webUrl": "https://example.com/new", "heat": 80})  # the same
        doc = doc.edit(amp_web_url=None)  # None removes an optional key
        doc = doc.edit(provider={"name": "Example", "domain": "example.com"})  # nested: YAML keys
        articlekit.dump(doc, "post.md")  # only the changed lines change
        ```

        The whole front matter is validated again like a file's, so the new
        model and the written file always agree (`doc.meta.web_url` is the
        new URL).  A nested value is a model (e.g. an `Image`) or plain data
        with YAML keys.  A key that is neither a field's name nor its YAML key
        is added as an unknown key (kept when the file is written).  Cross-field
        rules are checked when the file is loaded again
        (`articlekit.check(articlekit.dumps(doc))`).  The body and the source
        are kept, so that writing changes only what changed.

        Raises:
            ValidationError: a new value breaks the schema (its issues name the YAML keys).
            TypeError: a value is given twice (by its Python name and its YAML key).
        """
        from .errors import ValidationError
        from .validate import validate_model
        from .writer._data import model_data

        kind = type(self.meta)
        keys = {name: str(f.serialization_alias or f.alias or name) for name, f in kind.model_fields.items()}
        merged: dict[str, Any] = {}
        for name, value in [*(changes or {}).items(), *values.items()]:
            if not isinstance(name, str):
                raise TypeError(f"Document.edit() takes text keys, not {type(name).__name__}")
            key = keys.get(name, name)
            if key in merged:
                raise TypeError(f"Document.edit() got '{key}' twice")
            merged[key] = value
        data = model_data(self.meta, self.source.data if self.source is not None else None)
        for key, value in merged.items():
            if value is None:
                data.pop(key, None)
            else:
                data[key] = _plain(value)
        locations = Locations()
        if self.source is not None:
            # issues point at the edited key where the file has it, and describe the new value
            locations.nodes = {
                path: dataclasses.replace(info, raw=None, style="") if path and path[0] in merged else info
                for path, info in self.source.locations.nodes.items()
            }
        model, issues = validate_model(data, kind, locations)
        errors = [i for i in issues if i.is_error]
        if model is None or errors:
            count = len(errors)
            message = f"{count} error{'s' if count != 1 else ''} in the edited front matter"
            raise ValidationError(message, errors)
        assert isinstance(model, kind)  # validated as the same model class: still a Document[M]
        return dataclasses.replace(self, meta=model, issues=tuple(issues))

    def replace(self, **changes: Any) -> Document[M]:
        """A copy with some of ``meta``, ``body`` changed; the source is kept for the writer.

        To change front-matter values, use [`edit`][articlekit.Document.edit];
        `replace` swaps the whole model or the body:

        >>> new = doc.replace(body="New body.\\n")  # doctest: +SKIP
        """
        allowed = {"meta", "body"}
        unknown = set(changes) - allowed
        if unknown:
            raise TypeError(f"Document.replace() takes meta and body, not {', '.join(sorted(unknown))}")
        return dataclasses.replace(self, **changes)


def _made(meta: BaseModel, body: str, issues: tuple[Issue, ...], source: SourceInfo) -> Document[Any]:
    """``Document(meta=meta, body=body, issues=issues, source=source)``, made without its `__init__`.

    What `articlekit.loads` returns for every file: a frozen dataclass's `__init__` sets each
    field through `object.__setattr__`, which costs more than the rest of making the document.
    The fields (and so `==`, `hash` and `repr`) are exactly those of the constructor's result
    (tests/test_document_fast.py proves it).  As `articlekit._frozen.made`, written out, with
    the class's own ``__dict__`` setter.
    """
    document: Document[Any] = _new(Document)
    _set_document_dict(document, {"meta": meta, "body": body, "issues": issues, "source": source})
    return document


def _source_of(split: Any, data: dict[str, Any], locations: Locations) -> SourceInfo:
    """The `SourceInfo` of a file split as ``split`` (a `SplitResult` with a front matter), made
    as `_made` makes documents: the fields the constructor would set, without its `__init__`."""
    source: SourceInfo = _new(SourceInfo)
    _set_source_dict(
        source,
        {
            "text": split.text,
            "bom": split.bom,
            "newline": split.newline,
            "open_fence": split.open_fence,
            "open_newline": split.open_newline,
            "front_matter": split.front_matter,
            "close_fence": split.close_fence,
            "close_newline": split.close_newline,
            "data": data,
            "locations": locations,
        },
    )
    return source


_new = object.__new__
# ``object.__setattr__(obj, "__dict__", fields)`` as ``_set_..._dict(obj, fields)``: each class's own
# ``__dict__`` descriptor, without looking the attribute up (what `object.__setattr__` finds)
_set_document_dict: Any = Document.__dict__["__dict__"].__set__
_set_source_dict: Any = SourceInfo.__dict__["__dict__"].__set__


def _plain(value: Any) -> Any:
    """A value for the front matter's data: models as plain data with YAML keys."""
    if isinstance(value, BaseModel):
        from .writer._data import model_data

        return model_data(value)
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value
