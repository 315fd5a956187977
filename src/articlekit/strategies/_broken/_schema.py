"""Generators of schema problems (AK3xx), images and `secured` (AK4xx, AK5xx)."""

from __future__ import annotations

import base64
import string
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st
from pydantic import BaseModel

from ..._introspect import field_key
from ...issues import KeyPath
from ...models import Action, Article, Author, Forum, Image, RelatedItem
from ...models._fields import HEAT_MAX, HEAT_MIN
from ...models.kinds import KINDS
from ...rules.image_size import size_in_name
from .._parts import PART_MODELS
from .._render import Raw, double_quoted
from ._base import (
    _ALL,
    _IMAGE,
    _SECURED,
    _TEXT,
    Draw,
    _at,
    _choose,
    _Doc,
    _doc,
    _get,
    _join,
    _parent,
    _paths,
    _render,
    _set,
)

# -- schema (AK3xx) ----------------------------------------------------------------------------


def _required_keys(model: type[BaseModel]) -> tuple[str, ...]:
    """The YAML keys of ``model``'s required fields, in its fields' order."""
    return tuple(field_key(name, field) for name, field in model.model_fields.items() if field.is_required())


# each kind's required keys, less those that name the kind (without them it is another kind, AK901)
_REQUIRED: dict[type[BaseModel], tuple[str, ...]] = {
    info.model: tuple(k for k in _required_keys(info.model) if k not in info.named_by)
    for info in KINDS
    if info.model in _ALL
}
_NESTED_REQUIRED = {
    key: _required_keys(model)
    for key, model in (("images", Image), ("related", RelatedItem), ("authors", Author), ("actions", Action))
}


def _ak301(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw)
    candidates: list[KeyPath] = [(k,) for k in _REQUIRED[doc.kind] if k in doc.data]
    if doc.kind is Forum:
        doc.data["type"] = "forum"  # without it, a forum without a name is not a forum
    for path in _paths(doc.data, lambda p, v: isinstance(v, dict)):
        owner = next((p for p in reversed(path) if isinstance(p, str)), None)
        if isinstance(path[-1], int) and owner in _NESTED_REQUIRED:
            candidates += [(*path, k) for k in _NESTED_REQUIRED[owner]]
        elif path[-1] in ("provider", "affiliation"):
            candidates.append((*path, "name"))
        elif path[-1] == "ratings":
            candidates += [(*path, "count"), (*path, "average")]
        elif path[-1] == "linkedin":
            candidates.append((*path, "url"))
    path = draw(st.sampled_from(candidates))
    del _parent(doc.data, path)[path[-1]]
    rendered = _render(draw, doc)
    line = rendered.where[path[:-1]][1] if len(path) > 1 else 2
    return _join(doc, rendered.lines), line


_DETECTING = frozenset({"type", "category", "taxonomy"})


def _ak302(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw)

    def target(path: KeyPath, value: Any) -> bool:
        if len(path) == 1 and path[0] in _DETECTING:
            return False
        if isinstance(path[-1], str) and path[-1].endswith("DateTime"):
            return False
        return not isinstance(value, dict | list) or bool(value)

    path = _choose(draw, doc, target)
    assert path is not None
    value = _get(doc.data, path)
    if isinstance(value, bool):
        bad = draw(st.sampled_from(['"true"', '"false"', '"yes"', "1", "0"]))
    elif isinstance(value, int | float):
        bad = double_quoted(str(value))
    elif isinstance(value, str):
        bad = draw(st.sampled_from(["12", "true", "1.5", "[]", "{}"]))
    else:
        bad = draw(st.sampled_from(['"x"', "12", "true"]))
    _set(doc.data, path, Raw(bad))
    return _at(draw, doc, path)


def _ak303(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw)

    def target(path: KeyPath, value: Any) -> bool:
        key = path[-1]
        if key in ("quality", "heat", "members", "followers", "count", "width", "height", "average"):
            return type(value) in (int, float)
        if key == "title":
            return len(path) == 1 or (path[0] == "related" and len(path) == 3)
        if key == "name":
            return len(path) == 1 or path[-2] in ("provider", "affiliation") or isinstance(path[-2], int)
        return key in ("price", "items")

    path = _choose(draw, doc, target)
    if path is None:
        doc.data["quality"] = 0
        path = ("quality",)
    key = path[-1]
    if key in ("width", "height"):
        image = _parent(doc.data, path)
        if size_in_name(image["url"]) is not None:
            image["url"] = "/assets/images/photo.jpg"  # a size in the name would be a second problem (AK401)
        bad = str(draw(st.sampled_from([0, -1, 100_001, 1_000_000])))
    elif key == "average":
        bad = draw(st.sampled_from(["5.5", "-0.5", "10", "-1"]))
    elif key in ("title", "name", "price"):
        bad = draw(st.sampled_from(['""', "''"]))
    elif key == "items":
        bad = "[]"
    elif key == "heat":  # a signed 32-bit integer: negative heat is valid
        bad = str(draw(st.sampled_from([HEAT_MAX + 1, HEAT_MIN - 1, 10**12, -(10**12)])))
    else:
        bad = str(-draw(st.integers(1, 1000)))
    _set(doc.data, path, Raw(bad))
    return _at(draw, doc, path)


def _date_paths(doc: _Doc) -> list[KeyPath]:
    return list(_paths(doc.data, lambda p, v: isinstance(p[-1], str) and p[-1].endswith("DateTime")))


def _ak304(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Article,))
    path = draw(st.sampled_from(_date_paths(doc)))
    when = _get(doc.data, path)
    bad = draw(
        st.sampled_from(
            [
                f"{when:%Y-%m-%d}",
                f"{when:%Y-%m-%dT%H:%M:%S}",
                double_quoted(f"{when:%Y-%m-%dT%H:%M:%S}"),
                '"yesterday"',
                double_quoted(f"{when:%Y}-13-45T00:00:00Z"),
            ]
        )
    )
    _set(doc.data, path, Raw(bad))
    return _at(draw, doc, path)


_KNOWN_KEYS = (
    frozenset(
        field.alias or name for model in (*_ALL, *PART_MODELS) for name, field in model.model_fields.items()
    )
    | _DETECTING
    | {"related", "secured", "name", "title"}
)


def _unknown_key() -> st.SearchStrategy[str]:
    typos = st.sampled_from(["webURL", "publishDate", "tags", "author", "summary", "Title", "x_note", "URL"])
    made = st.builds(
        lambda a, b: "x" + a + b,
        st.sampled_from(string.ascii_uppercase),
        st.text(string.ascii_lowercase, max_size=8),
    )
    return st.one_of(typos, made).filter(lambda k: k not in _KNOWN_KEYS)


def _ak305(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw)
    mappings = [(), *_paths(doc.data, lambda p, v: isinstance(v, dict))]
    path = draw(st.sampled_from(mappings))
    key = draw(_unknown_key())
    owner = _get(doc.data, path) if path else doc.data
    owner[key] = draw(_TEXT)
    return _at(draw, doc, (*path, key), key=True)


# -- images, secured (AK4xx, AK5xx) ----------------------------------------------------------


def _image_path(draw: Draw, doc: _Doc) -> KeyPath:
    found = list(_paths(doc.data, lambda p, v: isinstance(p[-1], int) and len(p) > 1 and p[-2] == "images"))
    if found and draw(st.booleans()):
        return draw(st.sampled_from(found))  # type: ignore[no-any-return]
    doc.data.setdefault("images", []).insert(0, draw(_IMAGE))
    return ("images", 0)


def _ak401(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw)
    path = _image_path(draw, doc)
    image = _get(doc.data, path)
    width, height = draw(st.integers(1, 5000)), draw(st.integers(1, 5000))
    name = draw(st.sampled_from(["logo", "example.com", "photo_1"]))
    image["url"] = f"{draw(st.sampled_from(['', 'https://cdn.example.com/img']))}/{name}-{width}x{height}.jpg"
    key = draw(st.sampled_from(["width", "height"]))
    image["width"], image["height"] = width, height
    image[key] += draw(st.integers(1, 100))
    return _at(draw, doc, (*path, key))


_BAD_IMAGE_URLS = (
    "images/photo.jpg",
    "//cdn.example.com/photo.jpg",
    "ftp://example.com/photo.jpg",
    "data:image/png;base64,AAAA",
    "https://exa mple.com/a.jpg",
    "photo.png",
)


def _ak402(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw)
    path = _image_path(draw, doc)
    _get(doc.data, path)["url"] = draw(st.sampled_from(_BAD_IMAGE_URLS))
    return _at(draw, doc, (*path, "url"))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unpadded(parts: tuple[str, str]) -> str:
    """The two parts with the ``=`` padding of one of them dropped (not canonical base64)."""
    ciphertext, iv = parts
    if ciphertext.endswith("="):
        return f"{ciphertext.rstrip('=')};{iv}"
    return f"{ciphertext};{iv.rstrip('=')}"


def _secured_text(code: str) -> st.SearchStrategy[str]:
    iv = st.binary(min_size=16, max_size=16).map(_b64)
    blocks = st.integers(1, 4).flatmap(lambda n: st.binary(min_size=16 * n, max_size=16 * n)).map(_b64)
    if code == "AK501":
        return st.one_of(
            blocks,
            st.tuples(blocks, iv, iv).map(";".join),
            st.tuples(blocks, iv).map(lambda p: f"{p[0]} {p[1]}"),
        )
    if code == "AK502":
        return st.one_of(
            st.tuples(blocks, iv).map(_unpadded),
            st.tuples(blocks, iv).map(lambda p: f"{p[0]};{p[1][:4]}-{p[1][5:]}"),
            st.tuples(blocks, iv).map(lambda p: f"{p[0][:4]} {p[0][4:]};{p[1]}"),
        )
    if code == "AK503":
        odd = st.integers(1, 100).filter(lambda n: n % 16 != 0)
        return st.tuples(odd.flatmap(lambda n: st.binary(min_size=n, max_size=n)).map(_b64), iv).map(";".join)
    bad_iv = st.integers(1, 40).filter(lambda n: n != 16).flatmap(lambda n: st.binary(min_size=n, max_size=n))
    return st.tuples(blocks, bad_iv.map(_b64)).map(";".join)


def _bad_secured(code: str) -> Callable[[Draw], tuple[str, int]]:
    texts = _secured_text(code)

    def generate(draw: Draw) -> tuple[str, int]:
        doc = _doc(draw, _SECURED)
        doc.data["secured"] = Raw(double_quoted(draw(texts)))
        return _at(draw, doc, ("secured",))

    return generate


def _ak510(draw: Draw) -> tuple[str, int, bytes]:
    from ...secured import encrypt

    doc = _doc(draw, _SECURED)
    key = draw(st.sampled_from([16, 24, 32]).flatmap(lambda n: st.binary(min_size=n, max_size=n)))
    blocks = draw(st.integers(1, 4))
    plaintext = bytearray(draw(st.binary(min_size=16 * blocks, max_size=16 * blocks)))
    plaintext[-1] = 0  # a last byte of 0 is never valid PKCS#7 padding
    value = encrypt(bytes(plaintext), key, iv=draw(st.binary(min_size=16, max_size=16)))
    # drop the block of padding: what is left decrypts to `plaintext`, whose padding is invalid
    doc.data["secured"] = f"{_b64(value.ciphertext[:-16])};{_b64(value.iv)}"
    text, line = _at(draw, doc, ("secured",), key=True)
    return text, line, key
