"""Files with exactly one known problem: one generator per issue code.

Each generator draws a valid document (a model of some kind, rendered in a
drawn style), breaks it in one place and says on which line
[`articlekit.check`][articlekit.check] reports the problem.
"""

from __future__ import annotations

import base64
import string
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from hypothesis import strategies as st
from pydantic import BaseModel

from ..issues import Issue, KeyPath
from ..limits import DEFAULT_LIMITS
from ..models import (
    Action,
    Article,
    Author,
    Collection,
    ContentProvider,
    Course,
    Download,
    Forum,
    Image,
    LinkedIn,
    Organization,
    Profile,
    Provider,
    Ratings,
    RelatedItem,
    Twitter,
    Video,
)
from ..models._fields import HEAT_MAX, HEAT_MIN
from ..rules._common import amp_cache_url, normalize_url
from ..rules.image_size import size_in_name
from ..rules.kind_levels import KNOWN_LEVELS
from ..splitter import UNREADABLE
from ._models import (
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
from ._primitives import amp_pairs, domains, handles, line_text, secured_values, slugs, urls
from ._render import Layout, Raw, Rendered, bodies, double_quoted, layouts, model_data, render

__all__ = ["GENERATORS", "BrokenDocument", "broken", "crypto_available"]

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
        from ..api import check

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


# -- the file: encoding, fences, size, characters (AK1xx) ----------------------------------

_BAD_BYTES = (b"\xff", b"\xfe", b"\xe9", b"\xc3", b"\x80", b"\xa0", b"\xc0")
_MARK = "\x00"


def _with_line(draw: Draw, doc: _Doc, text_line: str, *, body_ok: bool = True) -> tuple[str, int]:
    """Render ``doc`` with ``text_line`` added as a front-matter comment or a body line; text and line.

    ``body_ok=False``: always in the front matter (a stray BOM or a control
    character in the body is only a warning, AK108/AK109).
    """
    rendered = _render(draw, doc)
    lines = rendered.lines
    if not body_ok or draw(st.booleans()):
        at = draw(st.integers(0, len(lines)))
        lines.insert(at, "# " + text_line)
        return _join(doc, lines), at + 2
    body = list(doc.body)
    at = draw(st.integers(0, len(body)))
    body.insert(at, text_line)
    return _join(doc, lines, body=body), len(lines) + 3 + at


def _ak101(draw: Draw) -> tuple[str | bytes, int]:
    doc = _doc(draw)
    text, line = _with_line(draw, doc, draw(_SHORT_TEXT) + _MARK + draw(_SHORT_TEXT))
    return text.encode("utf-8").replace(_MARK.encode(), draw(st.sampled_from(_BAD_BYTES))), line


def _ak102(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw)
    lines = _render(draw, doc).lines
    how = draw(st.sampled_from(["no fence", "text first", "blank first", "indented fence", "short fence"]))
    if how == "no fence":
        return _join(doc, lines)[len("\ufeff" * doc.layout.bom) + 3 + len(doc.layout.newline) :], 1
    fence = {"text first": "---", "blank first": "---", "indented fence": " ---", "short fence": "--"}[how]
    text = _join(doc, lines, open_fence=fence).lstrip("\ufeff")
    if how == "text first":
        text = "Notes" + doc.layout.newline + text
    elif how == "blank first":
        text = doc.layout.newline + text
    return ("\ufeff" if doc.layout.bom else "") + text, 1


def _ak103(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw)
    return _join(doc, _render(draw, doc).lines, close_fence=None), 1


def _ak104(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw)
    lines = _render(draw, doc).lines
    fence = "-" * draw(st.integers(4, 8)) + " " * draw(st.integers(0, 2))
    if draw(st.booleans()):
        return _join(doc, lines, open_fence=fence), 1
    return _join(doc, lines, close_fence=fence), len(lines) + 2


def _ak105(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw)
    lines = _render(draw, doc).lines
    size = len(_join(doc, lines, body=[]).encode("utf-8"))
    filler = DEFAULT_LIMITS.max_bytes - size + draw(st.integers(1, 64))
    row = "lorem ipsum dolor sit amet " * 3
    body = [row] * (filler // (len(row) + len(doc.layout.newline)) + 1)
    return _join(doc, lines, body=body), 1


def _character(code: str) -> st.SearchStrategy[str]:
    if code == "AK106":
        return st.just("\x00")
    if code == "AK107":
        return st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
    if code == "AK108":
        return st.just("\ufeff")
    controls = [chr(c) for c in range(0x20) if chr(c) not in "\x00\t\n\r"]
    controls += [chr(c) for c in range(0x7F, 0xA0) if c != 0x85] + ["\ufffe", "\uffff"]
    return st.sampled_from(controls)


_WARNING_IN_BODY = frozenset({"AK108", "AK109"})
"""Codes of characters that are errors in the front matter but only warnings in the body."""


def _bad_character(code: str) -> Callable[[Draw], tuple[str, int]]:
    characters = _character(code)

    def generate(draw: Draw) -> tuple[str, int]:
        doc = _doc(draw)
        char = draw(characters)
        assert UNREADABLE.match(char)
        text = draw(_SHORT_TEXT) + char + draw(_SHORT_TEXT)
        return _with_line(draw, doc, text, body_ok=code not in _WARNING_IN_BODY)

    return generate


def _ak110(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw)
    lines = ["---", *_render(draw, doc).lines, "---", *doc.body]
    at = draw(st.integers(1, len(lines) - 1))
    newline = doc.layout.newline
    other = "\n" if newline == "\r\n" else "\r\n"
    text = "".join(line + (other if i == at else newline) for i, line in enumerate(lines))
    return ("\ufeff" if doc.layout.bom else "") + text, at + 1


def _ak111(draw: Draw) -> tuple[bytes, int]:
    """A good file saved as UTF-16 or UTF-32 (with or without a BOM), or inside a binary format."""
    import gzip

    doc = _doc(draw)
    text = _join(doc, _render(draw, doc).lines).lstrip("\ufeff")
    how = draw(st.sampled_from(["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "png", "gzip"]))
    if how == "png":
        return b"\x89PNG\r\n\x1a\n" + text.encode("utf-8"), 1
    if how == "gzip":
        return gzip.compress(text.encode("utf-8"), mtime=0), 1
    return (("\ufeff" + text) if draw(st.booleans()) else text).encode(how), 1


# -- YAML (AK2xx) -----------------------------------------------------------------------------


def _scalar_entry(path: KeyPath, value: Any) -> bool:
    return isinstance(path[-1], str) and not isinstance(value, dict | list)


def _ak201(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw)
    path = _choose(draw, doc, _scalar_entry)
    assert path is not None
    bad = draw(st.sampled_from(["a: b", "key: value", "x: 1"]))
    _set(doc.data, path, Raw(bad))
    return _at(draw, doc, path)


def _ak202(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw)
    rendered = _render(draw, doc)
    lines = rendered.lines
    candidates = [
        line
        for path, (line, value_line) in rendered.where.items()
        if isinstance(path[-1], str) and line == value_line and not lines[line - 2].lstrip().startswith("- ")
    ]
    line = draw(st.sampled_from(sorted(set(candidates))))
    lines.insert(line - 1, lines[line - 2])
    return _join(doc, lines), line + 1


_SAFE_TEXT = frozenset({"title", "excerpt", "bio", "location", "description", "price", "attribution"})


def _safe_text(path: KeyPath, value: Any) -> bool:
    return isinstance(value, str) and path[-1] in _SAFE_TEXT and not (path[-1] == "title" and len(path) > 2)


def _safe_target(draw: Draw, doc: _Doc) -> KeyPath:
    path = _choose(draw, doc, _safe_text)
    if path is None:
        key = "bio" if doc.kind is Profile else "description" if doc.kind is Organization else "excerpt"
        doc.data[key] = draw(_TEXT)
        path = (key,)
    return path


def _ak203(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw)
    path = _safe_target(draw, doc)
    tag = draw(st.sampled_from(["!custom", "!!python/str", "!!python/object:os.system", "!x"]))
    _set(doc.data, path, Raw(f"{tag} {double_quoted(_get(doc.data, path))}"))
    return _at(draw, doc, path)


def _ak204(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw)
    lines = draw(
        st.sampled_from([["- a", "- b"], ["just some text"], ["[1, 2]"], ['"quoted"'], ["- title: x"]])
    )
    return _join(doc, list(lines)), 2


_BAD_KEYS = ("1", "2020", "null", "~", "true", "yes", "No", "on", "3.5", "0x1F")


def _top_insert(draw: Draw, rendered: Rendered) -> int:
    """An index into the lines where a new top-level key may go."""
    starts = [line - 2 for path, (line, _) in rendered.where.items() if len(path) == 1]
    return int(draw(st.sampled_from([*starts, len(rendered.lines)])))


def _ak205(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw)
    rendered = _render(draw, doc)
    at = _top_insert(draw, rendered)
    rendered.lines.insert(at, f"{draw(st.sampled_from(_BAD_KEYS))}: x")
    return _join(doc, rendered.lines), at + 2


def _ak206(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw)
    path = _safe_target(draw, doc)
    _set(doc.data, path, Raw("*" + draw(st.sampled_from(["a", "anchor", "nope", "x1"]))))
    return _at(draw, doc, path)


def _ak207(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw)
    if draw(st.booleans()):
        path = _safe_target(draw, doc)
        length = DEFAULT_LIMITS.max_string_length + draw(st.integers(1, 100))
        _set(doc.data, path, Raw(double_quoted("x" * length)))
        return _at(draw, doc, path)
    rendered = _render(draw, doc)
    at = _top_insert(draw, rendered)
    depth = DEFAULT_LIMITS.max_depth + draw(st.integers(1, 30))
    rendered.lines.insert(at, "nested: " + "[" * depth + "]" * depth)
    return _join(doc, rendered.lines), at + 2


def _ak208(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Article,))
    ints = list(_paths(doc.data, lambda p, v: type(v) is int and isinstance(p[-1], str)))
    dates = list(_paths(doc.data, lambda p, v: isinstance(p[-1], str) and p[-1].endswith("DateTime")))
    path = draw(st.sampled_from(ints + dates))
    if path in dates:
        bad = draw(st.sampled_from(["2021-02-29T13:41:00Z", "2020-13-11T13:41:00Z", "2020-04-31T00:00:00Z"]))
    else:
        bad = draw(st.sampled_from(["!!int abc", "!!int 1.5", "!!float x", "!!bool maybe"]))
    _set(doc.data, path, Raw(bad))
    return _at(draw, doc, path)


def _ak209(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw)
    lines = _render(draw, doc).lines
    lines.append(draw(st.sampled_from(["--- x", '--- "second"', "--- {}", "--- [1]"])))
    return _join(doc, lines), len(lines) + 1


def _anchorable(path: KeyPath, value: Any) -> bool:
    return isinstance(value, str) and isinstance(path[-1], str) and path[-1] != "secured"


def _ak210(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw)
    found = list(_paths(doc.data, _anchorable))
    first = draw(st.sampled_from(found))
    second = draw(st.sampled_from([p for p in found if p != first]))
    name = draw(st.sampled_from(["a", "x", "anchor", "p1"]))
    for path in (first, second):
        _set(doc.data, path, Raw(f"&{name} {double_quoted(_get(doc.data, path))}"))
    rendered = _render(draw, doc)
    return _join(doc, rendered.lines), max(rendered.where[first][1], rendered.where[second][1])


_YAML11_SURPRISES = {
    "published": ("yes", "no", "on", "off", "Yes", "NO", "Off", "ON"),
    "heat": ("10:00", "1:30", "0:45", "012", "-017", "1_000", "+1_0"),
}


def _ak211(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Article, Video, Course, Collection, Download, Profile, Forum))
    key = draw(st.sampled_from(sorted(_YAML11_SURPRISES)))
    doc.data[key] = Raw(draw(st.sampled_from(_YAML11_SURPRISES[key])))
    return _at(draw, doc, (key,))


# -- schema (AK3xx) ----------------------------------------------------------------------------

_REQUIRED: dict[type[BaseModel], tuple[str, ...]] = {
    Article: ("title", "publishedDateTime", "secured"),
    Video: ("title", "secured"),
    Course: ("title",),  # `secured` is optional on courses and profiles
    Collection: ("title", "items", "secured"),
    Download: ("title", "secured"),
    Profile: ("name",),
    Forum: (),
    Organization: ("_id", "name", "domain"),
}
_NESTED_REQUIRED = {
    "images": ("url", "width", "height"),
    "related": ("title", "webUrl"),
    "authors": ("name",),
    "actions": ("url",),
}


def _ak301(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw)
    candidates: list[KeyPath] = [(k,) for k in _REQUIRED[doc.kind] if k in doc.data]
    if doc.kind is Forum:
        doc.data["type"] = "forum"  # without it, a forum without a name is not a forum
        candidates.append(("name",))
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


_PARTS: tuple[type[BaseModel], ...] = (
    Action,
    Author,
    ContentProvider,
    Image,
    LinkedIn,
    Provider,
    Ratings,
    RelatedItem,
    Twitter,
)
_KNOWN_KEYS = (
    frozenset(field.alias or name for model in (*_ALL, *_PARTS) for name, field in model.model_fields.items())
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
    from ..secured import encrypt

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


# -- related items (AK6xx) ----------------------------------------------------------------------


def _own_urls(data: dict[str, Any]) -> set[str]:
    return {normalize_url(data[k]) for k in ("webUrl", "originalUrl") if isinstance(data.get(k), str)}


def _related(draw: Draw, doc: _Doc, minimum: int) -> list[dict[str, Any]]:
    related: list[dict[str, Any]] = doc.data.setdefault("related", [])
    seen = _own_urls(doc.data) | {normalize_url(r["webUrl"]) for r in related}
    while len(related) < minimum:
        item = draw(_RELATED)
        n = len(related)
        while normalize_url(item["webUrl"]) in seen:
            n += 1
            item["webUrl"] = f"https://related.example/{n}"
        seen.add(normalize_url(item["webUrl"]))
        related.append(item)
    return related


def _ak601(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Article,))
    related = _related(draw, doc, 1)
    i = draw(st.integers(0, len(related) - 1))
    related[i]["related"] = [draw(_RELATED)]
    return _at(draw, doc, ("related", i, "related"), key=True)


def _ak602(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Article,))
    related = _related(draw, doc, 1)
    i = draw(st.integers(0, len(related) - 1))
    related[i]["secured"] = str(draw(_SECURED_VALUE))
    return _at(draw, doc, ("related", i, "secured"), key=True)


def _ak603(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Article,))
    related = _related(draw, doc, 1)
    i = draw(st.integers(0, len(related) - 1))
    own = draw(st.sampled_from([doc.data[k] for k in ("webUrl", "originalUrl") if k in doc.data]))
    if draw(st.booleans()):
        scheme, rest = own.split("://", 1)
        host, _, path = rest.partition("/")
        own = f"{scheme.upper()}://{host.upper()}/{path}"
    related[i]["webUrl"] = own
    return _at(draw, doc, ("related", i, "webUrl"))


def _ak604(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Article,))
    related = _related(draw, doc, 2)
    j = draw(st.integers(1, len(related) - 1))
    i = draw(st.integers(0, j - 1))
    related[j]["webUrl"] = related[i]["webUrl"]
    return _at(draw, doc, ("related", j, "webUrl"))


def _ak605(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Article,))
    count = draw(st.integers(21, 24))
    host = draw(_DOMAIN)
    doc.data["related"] = [
        {"title": f"Related {n}", "webUrl": f"https://{host}/related/{n}"} for n in range(count)
    ]
    if _own_urls(doc.data) & {normalize_url(r["webUrl"]) for r in doc.data["related"]}:
        doc.data["webUrl"] = f"https://{host}/self"
        doc.data.pop("originalUrl", None)
    return _at(draw, doc, ("related",), key=True)


# -- URLs, hosts (AK7xx) -------------------------------------------------------------------------

_BAD_URLS = (
    "www.example.com/a",
    "ftp://example.com/a",
    "https:///a",
    "example.com",
    "https://exa mple.com/a",
    "mailto:someone@example.com",
    "https://-bad-.com/a",
    "http//example.com/a",
)


def _ak701(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Article, Video, Course, Collection, Download, Forum))
    keys = ("webUrl", "originalUrl", "ampWebUrl", "cdnAmpWebUrl")
    found = [p for p in _paths(doc.data, lambda p, v: p[-1] in keys) if len(p) == 1 or p[0] == "related"]
    if not found:
        doc.data["webUrl"] = draw(_URL)
        found = [("webUrl",)]
    path = draw(st.sampled_from(found))
    _set(doc.data, path, draw(st.sampled_from(_BAD_URLS)))
    return _at(draw, doc, path)


def _ak702(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Article,))
    doc.data.pop("webUrl", None)
    doc.data.pop("originalUrl", None)
    return _join(doc, _render(draw, doc).lines), 2


def _ak703(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Article,))
    if "cdnAmpWebUrl" not in doc.data:
        doc.data["cdnAmpWebUrl"] = draw(_AMP_PAIR)[1]
    doc.data.pop("ampWebUrl", None)
    return _at(draw, doc, ("cdnAmpWebUrl",))


def _ak704(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Article,))
    amp = doc.data.setdefault("ampWebUrl", draw(_URL))
    expected = amp_cache_url(str(amp))
    assert expected is not None
    how = draw(st.sampled_from(["path", "prefix", "host"]))
    if how == "path":
        wrong = expected.rstrip("/") + "/x"
    elif how == "prefix":
        wrong = (
            expected.replace("/c/s/", "/c/", 1)
            if "/c/s/" in expected
            else expected.replace("/c/", "/c/s/", 1)
        )
    else:
        wrong = expected.replace(".cdn.ampproject.org", "-x.cdn.ampproject.org", 1)
    doc.data["cdnAmpWebUrl"] = wrong
    return _at(draw, doc, ("cdnAmpWebUrl",))


_BAD_HOSTS = (
    "https://example.com/",
    "example.com/news",
    "exa mple.com",
    "example..com",
    "-example.com",
    "example.com:8080",
    "user@example.com",
    ".example.com",
)


def _ak705(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, _PROVIDED)
    key = "affiliation" if doc.kind is Profile else "provider"
    _ensure(draw, doc.data, key, _PROVIDER)
    owners = list(_paths(doc.data, lambda p, v: p[-1] in ("provider", "affiliation") and isinstance(v, dict)))
    path = draw(st.sampled_from(owners))
    _get(doc.data, path)["domain"] = draw(st.sampled_from(_BAD_HOSTS))
    return _at(draw, doc, (*path, "domain"))


# -- dates, text (AK8xx) -------------------------------------------------------------------------


def _ak801(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Article,))
    path = draw(st.sampled_from(_date_paths(doc)))
    when = _get(doc.data, path)
    forms = [
        double_quoted(f"{when:%Y-%m-%dT%H:%M:%S}+00:00"),
        double_quoted(f"{when:%Y-%m-%dT%H:%M:%S}.000Z"),
        f"{when:%Y-%m-%dT%H:%M}+00:00",
        f"'{when:%Y-%m-%d %H:%M:%S}Z'",
    ]
    _set(doc.data, path, Raw(draw(st.sampled_from(forms))))
    return _at(draw, doc, path)


def _ak802(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Article,))
    path = draw(st.sampled_from(_date_paths(doc)))
    year = draw(st.integers(2100, 2999))
    _set(
        doc.data, path, Raw(f"{year}-{draw(st.integers(1, 12)):02d}-{draw(st.integers(1, 28)):02d}T00:00:00Z")
    )
    return _at(draw, doc, path)


def _ak851(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, _TITLED)
    found = [
        p
        for p in _paths(doc.data, lambda p, v: p[-1] == "title")
        if len(p) == 1 or (p[:1] == ("related",) and len(p) == 3)
    ]
    path = draw(st.sampled_from(found))
    first = draw(_TITLE_TEXT)
    rest = draw(st.sampled_from(["", "second line", "\n"]))
    _set(doc.data, path, Raw(double_quoted(first + "\n" + rest)))
    return _at(draw, doc, path)


def _topics(draw: Draw, doc: _Doc, minimum: int) -> list[str]:
    topics: list[str] = doc.data.setdefault("topics", [])
    if len(topics) < minimum:
        seen = {t.strip().casefold() for t in topics}
        topic = draw(st.sampled_from(["AI", "Power Apps", "Cloud", "Data"]))
        n = 0
        while topic.casefold() in seen:
            n += 1
            topic = f"Topic {n}"
        topics.append(topic)
    return topics


def _ak852(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, _TOPICAL)
    topics = _topics(draw, doc, 0)
    i = draw(st.integers(0, len(topics)))
    topics.insert(i, draw(st.sampled_from(["", " ", "   "])))
    return _at(draw, doc, ("topics", i))


def _ak853(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, _TOPICAL)
    topics = _topics(draw, doc, 1)
    i = draw(st.integers(0, len(topics) - 1))
    j = draw(st.integers(i + 1, len(topics)))
    copy = topics[i]
    copy = draw(st.sampled_from([copy, f" {copy}", f"{copy} "]))
    topics.insert(j, copy)
    return _at(draw, doc, ("topics", j))


def _ak854(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Article,))
    doc.data["category"] = "news"
    bad = draw(st.sampled_from(["podcast", "blog", "Article", "VIDEO", "course", "news"]))
    related = doc.data.get("related")
    if related and draw(st.booleans()):
        i = draw(st.integers(0, len(related) - 1))
        related[i]["type"] = bad
        return _at(draw, doc, ("related", i, "type"))
    doc.data["type"] = bad
    return _at(draw, doc, ("type",))


def _ak855(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Article,))
    doc.data["category"] = draw(st.sampled_from(["blog", "News", "sports", "tech", ""]))
    return _at(draw, doc, ("category",))


# -- other kinds (AK9xx) -----------------------------------------------------------------------


def _ak901(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw)
    how = draw(st.sampled_from(["type", "category", "taxonomy"]))
    for key in ("type", "category", "taxonomy"):
        doc.data.pop(key, None)
    doc.data[how] = draw(
        st.sampled_from(
            {
                "type": ["podcast", "Video", "news", "event"],
                "category": ["blog", "News", "sports"],
                "taxonomy": ["person", "Organization", "topic"],
            }[how]
        )
    )
    return _join(doc, _render(draw, doc).lines), 2


_BAD_LENGTHS = ("13:34", "13 min", "pt13m34s", "PT", "P", "PT1.5H30M", "1 hour", "PT13M34")


def _ak902(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Video, Course, Collection))
    doc.data["length"] = Raw(double_quoted(draw(st.sampled_from(_BAD_LENGTHS))))
    return _at(draw, doc, ("length",))


def _ak903(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Course, Collection))
    levels: list[str] = doc.data.setdefault("levels", [])
    i = draw(st.integers(0, len(levels)))
    bad = draw(st.sampled_from(["Expert", "beginner", "All levels", "ADVANCED", "Beginner "]))
    assert bad not in KNOWN_LEVELS
    levels.insert(i, bad)
    return _at(draw, doc, ("levels", i))


_BAD_ITEMS = (
    "/videos/intro",
    "videos/intro.md",
    "https://example.com/videos/intro",
    "videos",
    "Videos/intro",
    "videos/intro/",
    "videos/a b",
    "videos/a/b",
    "",
)


def _ak904(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Collection,))
    items: list[str] = doc.data["items"]
    i = draw(st.integers(0, len(items) - 1))
    bad = draw(st.sampled_from(_BAD_ITEMS))
    items[i] = bad
    return _at(draw, doc, ("items", i))


def _ak905(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Collection,))
    items: list[str] = doc.data["items"]
    i = draw(st.integers(0, len(items) - 1))
    j = draw(st.integers(i + 1, len(items)))
    items.insert(j, items[i])
    return _at(draw, doc, ("items", j))


def _ak906(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Profile,))
    handle = draw(_HANDLE)
    if draw(st.booleans()):
        other = draw(_HANDLE.filter(lambda h: h.lower() != handle.lower()))
        doc.data["twitter"] = {"username": handle, "url": f"https://twitter.com/{other}"}
        return _at(draw, doc, ("twitter", "url"))
    bad = draw(st.sampled_from([f"@{handle}", handle + "!", "x" * 16]))
    doc.data["twitter"] = {"username": bad}
    return _at(draw, doc, ("twitter", "username"))


def _ak907(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Profile,))
    slug = draw(_SLUG)
    bad = draw(
        st.sampled_from(
            [
                f"https://www.example.com/in/{slug}",
                "https://www.linkedin.com/",
                f"linkedin.com/in/{slug}",
                f"https://linkedin.com.evil.example/in/{slug}",
            ]
        )
    )
    doc.data["linkedin"] = {"url": bad}
    return _at(draw, doc, ("linkedin", "url"))


def _ak908(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Organization,))
    domain = doc.data["domain"]
    doc.data["_id"] = draw(
        st.sampled_from([f"www.{domain}", domain.upper(), domain.split(".")[0] + "-id", "x" + domain])
    )
    return _at(draw, doc, ("_id",))


def _ak909(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Download, Profile))
    bad = draw(
        st.sampled_from(["files/app.msapp", "ftp://example.com/app.msapp", "www.example.com", "https:///x"])
    )
    if doc.kind is Profile:
        doc.data["website"] = bad
        return _at(draw, doc, ("website",))
    acts = doc.data.setdefault("actions", [])
    if not acts:
        acts.append(draw(_ACTION))
    i = draw(st.integers(0, len(acts) - 1))
    acts[i]["url"] = bad
    return _at(draw, doc, ("actions", i, "url"))


def _ak910(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Organization,))
    bad = draw(st.sampled_from(_BAD_HOSTS))
    doc.data["domain"] = doc.data["_id"] = bad
    return _at(draw, doc, ("domain",))


# -- suppression comments (AK0xx) -------------------------------------------------------------


def _ak001(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw)
    bad = draw(st.sampled_from(["ignore", "ignore[]", "ignore[XX1]", "ignor[AK305]", "ignore[AK002]"]))
    return _join(doc, [f"# articlekit: {bad}", *_render(draw, doc).lines]), 2


def _ak002(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw)  # a valid document: whatever the comment names, nothing is there to suppress
    form = draw(st.sampled_from(["ignore", "ignore-file"]))
    code = draw(st.sampled_from(["AK305", "AK401", "AK702", "AK853"]))
    return _join(doc, [f"# articlekit: {form}[{code}]", *_render(draw, doc).lines]), 2


# -- the registry ---------------------------------------------------------------------------

Generator = Callable[[Draw], tuple[Any, ...]]

GENERATORS: dict[str, tuple[Generator, type[BaseModel] | None]] = {
    "AK001": (_ak001, None),
    "AK002": (_ak002, None),
    "AK101": (_ak101, None),
    "AK102": (_ak102, None),
    "AK103": (_ak103, None),
    "AK104": (_ak104, None),
    "AK105": (_ak105, None),
    "AK106": (_bad_character("AK106"), None),
    "AK107": (_bad_character("AK107"), None),
    "AK108": (_bad_character("AK108"), None),
    "AK109": (_bad_character("AK109"), None),
    "AK110": (_ak110, None),
    "AK111": (_ak111, None),
    "AK201": (_ak201, None),
    "AK202": (_ak202, None),
    "AK203": (_ak203, None),
    "AK204": (_ak204, None),
    "AK205": (_ak205, None),
    "AK206": (_ak206, None),
    "AK207": (_ak207, None),
    "AK208": (_ak208, None),
    "AK209": (_ak209, None),
    "AK210": (_ak210, None),
    "AK211": (_ak211, None),
    "AK301": (_ak301, None),
    "AK302": (_ak302, None),
    "AK303": (_ak303, None),
    "AK304": (_ak304, None),
    "AK305": (_ak305, None),
    "AK401": (_ak401, None),
    "AK402": (_ak402, None),
    "AK501": (_bad_secured("AK501"), None),
    "AK502": (_bad_secured("AK502"), None),
    "AK503": (_bad_secured("AK503"), None),
    "AK504": (_bad_secured("AK504"), None),
    "AK510": (_ak510, None),
    "AK601": (_ak601, None),
    "AK602": (_ak602, None),
    "AK603": (_ak603, None),
    "AK604": (_ak604, None),
    "AK605": (_ak605, None),
    "AK701": (_ak701, None),
    "AK702": (_ak702, None),
    "AK703": (_ak703, None),
    "AK704": (_ak704, None),
    "AK705": (_ak705, None),
    "AK801": (_ak801, None),
    "AK802": (_ak802, None),
    "AK851": (_ak851, None),
    "AK852": (_ak852, None),
    "AK853": (_ak853, None),
    "AK854": (_ak854, None),
    "AK855": (_ak855, Article),
    "AK901": (_ak901, None),
    "AK902": (_ak902, None),
    "AK903": (_ak903, None),
    "AK904": (_ak904, None),
    "AK905": (_ak905, None),
    "AK906": (_ak906, None),
    "AK907": (_ak907, None),
    "AK908": (_ak908, None),
    "AK909": (_ak909, None),
    "AK910": (_ak910, None),
}
"""For each code: the generator of ``(text, line)`` (or ``(text, line, key)``) and the ``kind`` to check with.
"""


def broken(code: str) -> st.SearchStrategy[BrokenDocument]:
    """The broken documents of one code."""
    generate, kind = GENERATORS[code]

    @st.composite
    def build(draw: st.DrawFn) -> BrokenDocument:
        made = generate(draw)
        key = made[2] if len(made) > 2 else None
        return BrokenDocument(made[0], code, made[1], kind=kind, secured_key=key)

    return build()
