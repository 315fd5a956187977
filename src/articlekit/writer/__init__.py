"""The lossless writer: `dumps`, `dump` and the canonical formatter `format`.

An unchanged document is written back byte for byte: BOM, newline style,
fences, blank lines, quoting, key order, comments, unknown keys and body:

>>> import articlekit
>>> doc = articlekit.loads(text)  # doctest: +SKIP
>>> articlekit.dumps(doc) == text  # doctest: +SKIP
True

A changed document is written by editing only what changed (see
``_splice``): change one scalar and one line changes:

>>> articlekit.dumps(doc.edit(heat=80))  # doctest: +SKIP

A document without a source (``Document(meta=Article(...))``) and the output
of [`format`][articlekit.format] use the canonical style of the document's kind, which is
the publisher's own (`articlekit.models._layout`): per kind, its key order and
blank-line groups, which values are double-quoted (by path: news quotes every
URL, videos and courses quote none, profiles quote `affiliation.images[].url`
but not `images[].url`, ...), plain scalars elsewhere, lists indented two
spaces, strings never folded.  [`format`][articlekit.format] keeps every comment in place.

Every text is loaded back before it is returned; if it would not give the
same model, [`WriteError`][articlekit.WriteError] is raised instead.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable
from typing import IO, Any

import pydantic
from pydantic import BaseModel

from .._same import same
from ..document import Document, SourceInfo
from ..errors import ArticleKitError
from ..fastyaml import load_yaml_fast
from ..issues import Issue
from ..splitter import split_front_matter
from ._comments import Comments, CommentsError, find_comments, may_have_comments
from ._data import extra_key_clashes, model_data
from ._render import Renderer
from ._scalars import UnrepresentableError
from ._splice import Fallback, splice
from .order import KeyOrder, key_order_for, register_key_order

__all__ = [
    "KeyOrder",
    "WriteError",
    "dump",
    "dumps",
    "format",
    "key_order_for",
    "register_key_order",
]

Target = str | os.PathLike[str] | IO[bytes] | IO[str]
"""What [`dump`][articlekit.dump] writes to: a path, or an open binary or text file."""


class WriteError(ArticleKitError):
    """A document cannot be written so that it loads back to an equal model.

    Typically a model changed with ``model_copy(update=...)`` (which does not
    validate) to hold a value of the wrong type; ``issues`` says which key.
    """


def _fence_parts(source: SourceInfo) -> tuple[str, str, str, str]:
    return source.open_fence, source.open_newline, source.close_fence, source.close_newline


def _assemble(
    bom: bool, fences: tuple[str, str, str, str], front_matter: str, body: str, newline: str
) -> str:
    open_fence, open_newline, close_fence, close_newline = fences
    if not open_newline:
        open_newline = newline
    if front_matter and not front_matter.endswith(("\n", "\r")):
        front_matter += newline
    if body and not close_newline:
        close_newline = newline
    return (
        ("\ufeff" if bom else "")
        + open_fence
        + open_newline
        + front_matter
        + close_fence
        + close_newline
        + body
    )


def _canonical_front_matter(meta: BaseModel, newline: str, source: SourceInfo | None = None) -> str:
    """``meta`` in its kind's canonical style, with the comments of ``source`` kept in place."""
    data = _model_data(meta, source)
    return _render_front_matter(meta, data, newline, _comments_of(source))


def _model_data(meta: BaseModel, source: SourceInfo | None) -> dict[str, Any]:
    try:
        return model_data(meta, source.data if source is not None else None)
    except UnrepresentableError as exc:
        raise WriteError(f"the document cannot be written: {exc}") from None


def _comments_of(source: SourceInfo | None) -> Comments | None:
    """The comments of ``source``'s front matter (``None``: it has none)."""
    if source is None or not may_have_comments(source.front_matter):
        return None
    try:
        found = find_comments(source.front_matter, source.locations.nodes)
    except CommentsError:
        raise WriteError("the comments of the front matter could not be located") from None
    return found if found else None  # none found: the renderer's fast path writes the same lines


def _render_front_matter(
    meta: BaseModel, data: dict[str, Any], newline: str, comments: Comments | None
) -> str:
    try:
        lines = Renderer(comments=comments).document(data, type(meta))
    except UnrepresentableError as exc:
        raise WriteError(f"the document cannot be written: {exc}") from None
    return newline.join(lines) + newline if lines else ""


def _check_extra_keys(meta: BaseModel) -> None:
    """Raise `WriteError` when an unknown key of ``meta`` is also the YAML key of one of its fields."""
    clashes = extra_key_clashes(meta)
    if clashes:
        where = ", ".join(f"'{key}'" for key in clashes)
        raise WriteError(
            f"the document cannot be written: {where} is both a field and an unknown key of the model "
            "(was it changed with model_copy(update=...) by YAML key? use Document.edit(...) instead)"
        )


def _old_data(model: type[BaseModel], source: SourceInfo) -> dict[str, Any]:
    """The loaded data as the model sees it (so that e.g. a quoted timestamp counts as unchanged)."""
    try:
        old = model.model_validate(source.data, by_alias=True)
    except pydantic.ValidationError:
        return source.data
    return model_data(old, source.data)


def _verify(text: str, doc: Document) -> None:
    """Load ``text`` back and check it gives ``doc``; raise `WriteError` otherwise."""
    split = split_front_matter(text)
    problems: list[Issue] = [i for i in split.issues if i.is_error]
    if split.front_matter is None or problems:
        raise WriteError("the written text would not load back", problems, source=split.text)
    loaded = load_yaml_fast(split.front_matter, first_line=2)
    problems = [i for i in loaded.issues if i.is_error]
    if loaded.data is None or problems:
        raise WriteError("the written front matter would not load back", problems, source=split.text)
    kind = type(doc.meta)
    try:
        again = kind.model_validate(loaded.data, by_alias=True)
    except pydantic.ValidationError:
        from ..validate import validate_model

        _, issues = validate_model(loaded.data, kind, loaded.locations)
        errors = [i for i in issues if i.is_error]
        count = len(errors)
        raise WriteError(
            f"the document cannot be written: {count} value{'s' if count != 1 else ''} "
            "would not load back (was the model changed with model_copy(update=...) without validation?)",
            errors,
            source=split.text,
        ) from None
    if split.body != doc.body:
        raise WriteError("the body would not load back unchanged")
    if again != doc.meta and not same(model_data(again), model_data(doc.meta)):
        raise WriteError("the written front matter would load back to different data")


def dumps(doc: Document) -> str:
    """The text of ``doc``: its source with only the changed values rewritten, or the canonical style.

    * A document from [`articlekit.loads`][articlekit.loads] that was not changed comes back
      byte-identical (BOM, newlines, fences, quoting, comments, body).
    * A changed one keeps everything that did not change: changed scalars are
      rewritten in place in their own style, added keys go to their canonical
      position styled like their neighbours, removed keys take their lines.
    * A document without a source is written in the canonical style.

    Raises:
        WriteError: the document cannot be written so that it loads back to an
            equal model (e.g. a value of the wrong type set with ``model_copy``).
    """
    if not isinstance(doc, Document):
        raise TypeError(f"dumps() takes a Document, not {type(doc).__name__}")
    if not isinstance(doc.body, str):
        raise TypeError(f"Document.body must be str, not {type(doc.body).__name__}")
    meta = doc.meta
    _check_extra_keys(meta)
    source = doc.source
    if source is None:
        text = _assemble(
            False, ("---", "\n", "---", "\n"), _canonical_front_matter(meta, "\n"), doc.body, "\n"
        )
        _verify(text, doc)
        return text

    prefix = source.open_fence + source.open_newline + source.front_matter + source.close_fence
    original_body = source.text[len(prefix) + len(source.close_newline) :]
    try:
        new = model_data(meta, source.data)
    except UnrepresentableError as exc:
        raise WriteError(f"the document cannot be written: {exc}") from None
    old = _old_data(type(meta), source)
    if same(old, new):
        if doc.body == original_body:
            return ("\ufeff" if source.bom else "") + source.text
        text = _assemble(source.bom, _fence_parts(source), source.front_matter, doc.body, source.newline)
        _verify(text, doc)
        return text
    try:
        front_matter = splice(
            source.front_matter, source.locations, source.data, old, new, type(meta), source.newline
        )
    except (Fallback, UnrepresentableError):
        front_matter = None
    if front_matter is not None:
        text = _assemble(source.bom, _fence_parts(source), front_matter, doc.body, source.newline)
        try:
            _verify(text, doc)
            return text
        except WriteError:
            pass  # e.g. an anchor that other values referred to: write the canonical style instead
    canonical = _canonical_front_matter(meta, source.newline, source)
    text = _assemble(source.bom, _fence_parts(source), canonical, doc.body, source.newline)
    _verify(text, doc)
    return text


def dump(doc: Document, target: Target) -> None:
    """Write ``doc`` (see [`dumps`][articlekit.dumps]) to a path or an open file.

    A path or a binary file gets the exact bytes (UTF-8, the BOM if the
    source had one, its newlines untouched).  A text file gets the text; open
    it with ``newline=""`` so that Python does not translate newlines.
    """
    text = dumps(doc)
    if isinstance(target, str | os.PathLike):
        with open(target, "wb") as out:
            out.write(text.encode("utf-8"))
        return
    if not hasattr(target, "write"):
        raise TypeError(f"dump() takes a path or an open file, not {type(target).__name__}")
    handle: Any = target
    if isinstance(handle, io.TextIOBase):
        handle.write(text)
        return
    mode = getattr(handle, "mode", None)
    if isinstance(handle, io.RawIOBase | io.BufferedIOBase) or (isinstance(mode, str) and "b" in mode):
        handle.write(text.encode("utf-8"))
        return
    handle.write(text)


def format(
    text: str | bytes,
    *,
    kind: type[BaseModel] | None = None,
    ignore: Iterable[str] | None = None,
) -> str:
    """Rewrite a file in the canonical style of its kind (the publisher's own style).

    Each kind's key order, blank-line groups and quoting (`articlekit.models._layout`):
    e.g. news double-quotes titles, excerpts, every URL, ``featuredContent``
    and ``secured``, while videos, courses, collections and organizations
    write URLs plain; plain scalars elsewhere (quoted when YAML would misread
    them); two-space indentation; ``- `` list items; strings never folded;
    ``---`` fences; LF newlines unless the input used CRLF.  A file the
    publisher wrote comes back byte-identical.  The body and a BOM are kept.

    Every comment is kept in place: a comment line stays above the key or
    list item below it (at its indentation), or at the end of the block it
    is indented into; a comment after a value stays after that value.

    ``format(format(x)) == format(x)`` and the data are unchanged:
    ``loads(format(x)).meta == loads(x).meta``.  ``kind`` and ``ignore`` are
    passed to [`articlekit.loads`][articlekit.loads] (e.g. ``ignore`` rule codes to format a
    file that breaks a cross-field rule).

    Raises:
        ParseError, ValidationError: ``text`` cannot be loaded (see [`articlekit.loads`][articlekit.loads]).
    """
    from ..api import loads

    doc = loads(text, kind=kind, ignore=ignore)
    source = doc.source
    assert source is not None
    newline = "\r\n" if source.newline == "\r\n" else "\n"
    fences = ("---", newline, "---", newline)
    original = ("\ufeff" if source.bom else "") + source.text
    meta = doc.meta
    data = _model_data(meta, source)
    if may_have_comments(source.front_matter):
        # Locating comments needs every position (the full YAML parser).  A front matter whose
        # "#"s may start one, but which is exactly its canonical rendering without comments, holds
        # none (a rendering never writes a comment): it is already canonical, as it is.
        bare = _render_front_matter(meta, data, newline, None)
        if _assemble(source.bom, fences, bare, doc.body, newline) == original:
            return original
    front_matter = _render_front_matter(meta, data, newline, _comments_of(source))
    out = _assemble(source.bom, fences, front_matter, doc.body, newline)
    if out == original:
        return out  # already canonical: the very text ``doc`` was loaded from needs no load-back check
    _verify(out, doc)
    return out
