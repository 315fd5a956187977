"""The kinds of document: one record per kind, registered with `register_kind`.

A kind is one `KindInfo` record: its name, its model, how a front matter of
that kind is recognised (`detect`, or the simple `named_by` form the built-in
kinds use), the publisher's layout for the writer, an example document and a
Hypothesis strategy.  Everything else derives from the registry: detection,
`kind_named`, AK901's message and documentation, the command line's `--kind`,
the configuration's `kinds` table, `articlekit schema`, the generated docs,
the writer's layout and `st.from_type`.  The eight built-in kinds register
through [`register_kind`][articlekit.register_kind] at the bottom of this
module, as a plugin's kinds do.

| kind | recognised by |
|---|---|
| Article | `category: news` (whatever its `type`), or `type: article` |
| Video | `type: video` without `category: news` |
| Course | `type: course` |
| Collection | `type: collection` |
| Download | `type: download` |
| Profile | `type: profile` |
| Forum | `type: forum`, or no `type`/`category`/`taxonomy` with a `name` and no `title` |
| Organization | `taxonomy: organization` |

The keys that name a kind are looked at in the order `category`, `taxonomy`,
`type`: the first one present decides.  A front matter with none of them (and
not shaped like a forum) matches no kind, and neither does any other value of
those keys: AK901, one error and no schema or rule issues (a documentation
page is not an article with seven mistakes).  A `kinds` entry in the
configuration, `--kind` or `kind=` says what such a file is.  A kind
registered with `detect=` is asked first (the latest registered first).

>>> detect_kind({"category": "news", "type": "video"}).__name__
'Article'
>>> detect_kind({"type": "video"}).__name__
'Video'
>>> detect_kind({"type": "podcast"}) is None
True
>>> detect_kind({"title": "Installing"}) is None
True
>>> detect_kind({"name": "Power Apps community"}).__name__
'Forum'
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, overload

from .._mask import mask_extra
from ..issues import CODES, Issue
from ..positions import Locations
from ._base import FrontMatterModel
from ._layout import Layout

__all__ = [
    "KINDS",
    "NAMING_KEYS",
    "UNKNOWN_KIND",
    "KindInfo",
    "Layout",
    "detect_kind",
    "kind_info",
    "kind_named",
    "kind_of_model",
    "register_kind",
    "unknown_kind_issue",
]

Detect = Callable[[Mapping[str, Any]], bool]
"""How a kind recognises its front matter: a function of the data (plain, YAML keys) to a bool."""

NAMING_KEYS: tuple[str, ...] = ("category", "taxonomy", "type")
"""The keys that name a kind, in the order detection looks at them (the first present decides)."""

_NAME = re.compile(r"[a-z][a-z0-9_-]*")


@dataclass(frozen=True, eq=False)
class KindInfo:
    """One kind of document, as [`register_kind`][articlekit.register_kind] recorded it.

    Attributes:
        name: the kind's name in lower case, e.g. `"course"`.
        model: its model class (a `FrontMatterModel` subclass).
        named_by: the simple form of detection: YAML key -> the value that names
            this kind (`{"type": "course"}`); the keys in `NAMING_KEYS` are looked
            at in that order, and the first present decides.
        detect: a function of the front matter that says whether it is of this
            kind, asked before the `named_by` table; `None` for none.
        recognised_by: how a file of this kind is recognised, in words (for the
            docs and AK901's message).
        layout: the publisher's key order, blank-line groups and quoting, for
            the writer; `None`: that of the kind it `replaces`, else that of the
            nearest registered base class, else one derived from the fields.
        example: a short document of this kind (front matter between fences).
        strategy: a Hypothesis strategy of valid models, a function that makes
            one (keyword arguments pin fields), or `"module:function"` naming
            such a function; `None`: derived from the fields (and from the
            strategy of the kind the model subclasses).
        replaces: the name of the kind whose detection this one took over.
        aliases: other names that `kind_named` accepts (`news` for `article`).
    """

    name: str
    model: type[FrontMatterModel]
    named_by: Mapping[str, str] = field(default_factory=dict)
    detect: Detect | None = None
    recognised_by: str = ""
    layout: Layout | None = None
    example: str | None = None
    strategy: Any = None
    replaces: str | None = None
    aliases: tuple[str, ...] = ()

    @property
    def key(self) -> str | None:
        """The first key of `named_by` (`type`, `category` or `taxonomy`), or `None`."""
        return next(iter(self.named_by), None)

    @property
    def value(self) -> str | None:
        """The value of `key` that names this kind, or `None`."""
        key = self.key
        return None if key is None else self.named_by[key]


# -- the registry --------------------------------------------------------------------------------

_LOCK = threading.RLock()
_RECORDS: dict[str, KindInfo] = {}  # by name, in registration order
_REPLACED_BY: dict[str, str] = {}  # name of a replaced kind -> the kind that took over its detection
_listeners: list[Callable[[KindInfo], None]] = []
generation = 0
"""Bumped by every registration and removal (caches elsewhere, e.g. the writer's layouts, compare it)."""


class _Table:
    """Detection compiled from the registry: rebuilt after each change."""

    __slots__ = ("by_key", "custom", "keys")

    def __init__(self) -> None:
        self.custom: list[tuple[Detect, type[FrontMatterModel]]] = []
        self.by_key: dict[str, dict[str, type[FrontMatterModel]]] = {}
        self.keys: tuple[str, ...] = ()
        detecting = [info for info in _RECORDS.values() if info.name not in _REPLACED_BY]
        keys = list(NAMING_KEYS)
        for info in reversed(detecting):  # the latest registered is asked first
            for source in _chain(info):
                if source.detect is not None:
                    self.custom.append((source.detect, info.model))
        for info in detecting:
            for source in _chain(info):
                for key, value in source.named_by.items():
                    if key not in keys:
                        keys.append(key)
                    self.by_key.setdefault(key, {}).setdefault(value, info.model)
        self.keys = tuple(k for k in keys if k in self.by_key)


_table: _Table | None = None


def _chain(info: KindInfo) -> list[KindInfo]:
    """``info``, then the kind it replaces, and so on: whose detection (and style) it takes over."""
    out = [info]
    while info.replaces is not None:
        replaced = _RECORDS.get(info.replaces)
        if replaced is None or replaced in out:
            break
        out.append(replaced)
        info = replaced
    return out


def _changed() -> None:
    global _table, generation
    _table = None
    generation += 1


class _Kinds(Sequence[KindInfo]):
    """Every registered kind, in registration order (news items first); a live view of the registry."""

    def __len__(self) -> int:
        return len(_RECORDS)

    @overload
    def __getitem__(self, index: int) -> KindInfo: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[KindInfo]: ...
    def __getitem__(self, index: int | slice) -> KindInfo | Sequence[KindInfo]:
        return tuple(_RECORDS.values())[index]

    def __iter__(self) -> Iterator[KindInfo]:
        return iter(tuple(_RECORDS.values()))

    def __repr__(self) -> str:
        return f"KINDS({', '.join(_RECORDS)})"


KINDS: Sequence[KindInfo] = _Kinds()
"""Every kind of document, built-in ones first (news items first), then those registered since."""


def register_kind(
    name: str,
    model: type[FrontMatterModel],
    *,
    detect: Detect | None = None,
    replaces: str | None = None,
    named_by: Mapping[str, str] | None = None,
    recognised_by: str | None = None,
    layout: Layout | None = None,
    example: str | None = None,
    strategy: Any = None,
    aliases: Iterable[str] = (),
) -> None:
    """Register a kind of document: everything articlekit does with kinds then knows it.

    A registered kind works everywhere a built-in one does: `loads(..., kind="name")`
    and `kind=Model`, detection, the configuration's `kinds` table, `--kind` and
    `articlekit schema --kind name`, the writer and `format`, and `st.from_type(Model)`.

    Args:
        name: the kind's name: lower case letters, digits, `-` and `_`, e.g. `"recipe"`.
        model: its model, a subclass of [`FrontMatterModel`][articlekit.FrontMatterModel]
            (or of a built-in kind, e.g. `class MyArticle(articlekit.Article)`).
        detect: receives the front matter as plain data (YAML keys) and says
            whether it is of this kind; asked before the built-in detection.
        replaces: the name of a kind whose detection this one takes over (and,
            unless `layout` is given, its writer style): `replaces="article"`
            makes news items load as `model`.
        named_by: detection in its simple form: `{"type": "recipe"}`; a key
            other than `category`, `taxonomy` and `type` is looked at after those.
        recognised_by: how the kind is recognised, in words, for the docs and
            AK901's message (default: from `named_by`).
        layout: the writer's key order, groups and quoting (default: that of
            the replaced kind or of the nearest registered base class, else
            the fields' order).
        example: a short document of this kind.
        strategy: a Hypothesis strategy of valid models, a function making one,
            or `"module:function"`; registered for `st.from_type(model)`.
        aliases: other names `kind_named` accepts.

    Registering the same name with the same model again does nothing.

    Raises:
        TypeError: `model` is not a `FrontMatterModel` subclass, or `detect` is not callable.
        ValueError: the name is malformed or taken by another model, the model
            is registered under another name, or `replaces` names no kind (or
            one already replaced).
    """
    if not (isinstance(model, type) and issubclass(model, FrontMatterModel)):
        raise TypeError(
            f"register_kind({name!r}, ...): the model must be a subclass of articlekit.FrontMatterModel, "
            f"not {model!r}"
        )
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise ValueError(
            f"register_kind({name!r}, ...): a kind's name is lower case letters, digits, '-' and '_', "
            "starting with a letter (e.g. 'recipe')"
        )
    if detect is not None and not callable(detect):
        raise TypeError(
            f"register_kind({name!r}, ...): detect must be a function of the data, not {detect!r}"
        )
    named = dict(named_by or {})
    for key, value in named.items():
        if not (isinstance(key, str) and isinstance(value, str)):
            raise TypeError(f"register_kind({name!r}, ...): named_by maps YAML keys to text values")
    info = KindInfo(
        name=name,
        model=model,
        named_by=MappingProxyType(named),
        detect=detect,
        recognised_by=recognised_by or "",
        layout=layout,
        example=example,
        strategy=strategy,
        replaces=replaces,
        aliases=tuple(a.lower() for a in aliases),
    )
    with _LOCK:
        existing = _RECORDS.get(name)
        if existing is not None:
            if existing.model is model:
                return
            raise ValueError(
                f"register_kind({name!r}, {model.__name__}): the kind {name!r} is already registered "
                f"with the model {existing.model.__module__}.{existing.model.__qualname__}"
            )
        for other in _RECORDS.values():
            if other.model is model:
                raise ValueError(
                    f"register_kind({name!r}, {model.__name__}): {model.__name__} is already registered "
                    f"as the kind {other.name!r}"
                )
            if name in other.aliases or set(info.aliases) & ({other.name} | set(other.aliases)):
                raise ValueError(
                    f"register_kind({name!r}, ...): the name or an alias is taken by {other.name!r}"
                )
        if replaces is not None:
            if replaces not in _RECORDS:
                known = ", ".join(_RECORDS)
                raise ValueError(
                    f"register_kind({name!r}, ...): replaces={replaces!r} is not a kind; known: {known}"
                )
            if replaces in _REPLACED_BY:
                raise ValueError(
                    f"register_kind({name!r}, ...): the kind {replaces!r} is already replaced by "
                    f"{_REPLACED_BY[replaces]!r}"
                )
        if not info.recognised_by:
            object.__setattr__(info, "recognised_by", _in_words(info))
        _RECORDS[name] = info
        if replaces is not None:
            _REPLACED_BY[replaces] = name
        _changed()
        listeners = list(_listeners)
    for listener in listeners:
        listener(info)


def _in_words(info: KindInfo) -> str:
    said: list[str] = []
    for source in _chain(info):
        if source is not info and source.recognised_by:
            said.append(source.recognised_by)
            break
        said += [f"'{key}: {value}'" for key, value in source.named_by.items()]
        if source.detect is not None:
            said.append(f"its own detection ({getattr(source.detect, '__qualname__', 'detect')})")
    said = [*dict.fromkeys(said)]
    return ", or ".join(said) or "only when named (--kind, kind=, or the configuration's 'kinds')"


def _unregister_kind(name: str) -> None:
    """Remove a registered kind (for tests); a kind it replaced gets its detection back."""
    with _LOCK:
        info = _RECORDS.pop(name)
        if info.replaces is not None and _REPLACED_BY.get(info.replaces) == name:
            del _REPLACED_BY[info.replaces]
        _changed()


def _on_register(listener: Callable[[KindInfo], None]) -> None:
    """Call ``listener(info)`` for each kind registered from now on (`articlekit._hypothesis` uses it)."""
    with _LOCK:
        _listeners.append(listener)


def kind_info(name: str) -> KindInfo:
    """The record of the kind called ``name`` (any case; aliases and model class names too).

    Raises:
        KeyError: no kind has that name.
    """
    wanted = name.strip().lower()
    found = _RECORDS.get(wanted)
    if found is not None:
        return found
    for info in _RECORDS.values():
        if wanted in info.aliases or info.model.__name__.lower() == wanted:
            return info
    raise KeyError(name)


def kind_named(name: str) -> type[FrontMatterModel]:
    """The model of the kind called ``name`` (`"video"`, `"Video"`, `"news"`...).

    Raises:
        KeyError: no kind has that name.
    """
    return kind_info(name).model


def kind_of_model(model: type[Any]) -> KindInfo | None:
    """The record of the kind whose model is exactly ``model``, or `None`."""
    for info in _RECORDS.values():
        if info.model is model:
            return info
    return None


def replaced_by(name: str) -> str | None:
    """The name of the kind that took over the detection of the kind ``name``, or `None`."""
    return _REPLACED_BY.get(name)


def detect_kind(data: Mapping[str, Any]) -> type[FrontMatterModel] | None:
    """The model class ``data`` is validated as, or `None` when it matches no kind."""
    table = _table
    if table is None:
        table = _compile()
    for detect, model in table.custom:
        if detect(data):
            return model
    for key in table.keys:
        value = data.get(key)
        if value is not None:
            return table.by_key[key].get(value) if isinstance(value, str) else None
    return None


def _compile() -> _Table:
    global _table
    with _LOCK:
        table = _Table()
        _table = table
    return table


def _why(data: Mapping[str, Any]) -> str:
    table = _table or _compile()
    for key in table.keys:
        if data.get(key) is None:
            continue
        value = data[key]
        if not isinstance(value, str):
            text = repr(mask_extra(value))  # a `secured` inside is masked; a long value is cut
            text = text if len(text) <= 60 else text[:57] + "..."
            return f"'{key}' is {type(value).__name__} {text}, not text"
        import difflib  # only for a message about a mistake

        close = difflib.get_close_matches(value.lower(), sorted(table.by_key[key]), n=1, cutoff=0.6)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return f"'{key}: {value}' is not a known {key}{hint}"
    shown: list[str] = [k for k in ("category", "type", "taxonomy") if k in table.keys]
    shown += [k for k in table.keys if k not in shown]
    named = ", ".join(f"'{k}'" for k in shown[:-1])
    last = f" and '{shown[-1]}'" if len(shown) > 1 else f"'{shown[-1]}'"
    return f"it has none of the keys that name a kind ({named}{last})"


def _known() -> str:
    return "; ".join(
        f"{k.model.__name__} by {k.recognised_by}" for k in _RECORDS.values() if k.name not in _REPLACED_BY
    )


def unknown_kind_issue(data: Mapping[str, Any], locations: Locations) -> Issue:
    """The AK901 issue for a front matter that matches no kind, placed at the root mapping."""
    message = (
        f"this front matter matches no known kind: {_why(data)}. Known kinds: {_known()}. "
        "To validate it as one of them, add a 'kinds' entry to the configuration, or pass --kind "
        "(kind= from Python)"
    )
    line, column = locations.position(())
    return UNKNOWN_KIND.issue(message, (), line, column)


# -- the built-in kinds --------------------------------------------------------------------------

_STATE = ["quality", "heat", "published", "removed"]
_IMAGE_QUOTED = ["url", "title"]  # the sample article's image keys, under a news item or a related item
_SECURED = 'secured: "AAAAAAAAAAAAAAAAAAAAAA==;AAAAAAAAAAAAAAAAAAAAAA=="'


def _under(prefix: str, keys: list[str]) -> list[str]:
    return [f"{prefix}.{k}" for k in keys]


def _example(*lines: str) -> str:
    return "\n".join(["---", *lines, "---", ""])


def _forum_by_name(data: Mapping[str, Any]) -> bool:
    """A forum names no kind: no `category`, `taxonomy` or `type`, a `name` and no `title`."""
    return (
        "name" in data
        and "title" not in data
        and data.get("category") is None
        and data.get("taxonomy") is None
        and data.get("type") is None
    )


def _register_builtins() -> None:
    """The eight built-in kinds, news items first (the order of the docs and of AK901's list).

    The layouts were read off the real files of each kind (`../shared/corpus`),
    where the style is consistent per kind and per key and differs between
    kinds; see `articlekit.models._layout` for the parts'.
    """
    from .article import Article
    from .collection import Collection
    from .course import Course
    from .download import Download
    from .forum import Forum
    from .organization import Organization
    from .profile import Profile
    from .video import Video

    strategies = "articlekit.strategies._models:"
    register_kind(
        "article",
        Article,
        named_by={"category": "news", "type": "article"},
        recognised_by="'category: news' (any type), or 'type: article'",
        aliases=("news",),
        layout=Layout(
            [
                "category",
                "title",
                "excerpt",
                "publishedDateTime",
                "originalUrl",
                "webUrl",
                "ampWebUrl",
                "cdnAmpWebUrl",
                "type",
                "quality",
                "heat",
                "published",
            ],
            [["featuredContent"], ["provider"], ["topics"], ["images"], ["related"], ["secured"]],
            [
                "title",
                "excerpt",
                "originalUrl",
                "webUrl",
                "ampWebUrl",
                "cdnAmpWebUrl",
                "featuredContent",
                "secured",
                *_under("images[]", _IMAGE_QUOTED),
                *_under("provider.images[]", _IMAGE_QUOTED),
                "related[].title",
                "related[].excerpt",
                "related[].webUrl",
                *_under("related[].images[]", _IMAGE_QUOTED),
                *_under("related[].provider.images[]", _IMAGE_QUOTED),
            ],
        ),
        example=_example(
            "category: news",
            'title: "Key ALM updates"',
            "publishedDateTime: 2021-03-25T08:00:00Z",
            'webUrl: "https://example.com/news/key-alm-updates"',
            "type: article",
            "",
            _SECURED,
        ),
        strategy=strategies + "articles",
    )
    register_kind(
        "video",
        Video,
        named_by={"type": "video"},
        recognised_by="'type: video' without 'category: news'",
        layout=Layout(
            [
                "title",
                "excerpt",
                "originalUrl",
                "webUrl",
                "type",
                "price",
                "length",
                "publishedDateTime",
                *_STATE,
            ],
            [["featuredContent"], ["provider"], ["topics"], ["images"], ["secured"]],
            ["title", "excerpt", "featuredContent", "secured", "images[].title", "provider.images[].title"],
        ),
        example=_example('title: "Build your first app"', "type: video", "length: PT12M30S", "", _SECURED),
        strategy=strategies + "videos",
    )
    register_kind(
        "course",
        Course,
        named_by={"type": "course"},
        layout=Layout(
            ["title", "excerpt", "originalUrl", "webUrl", "type", "price", "length", "ratings", *_STATE],
            [["provider"], ["levels"], ["topics"], ["images"], ["secured"]],
            ["title", "excerpt", "secured", "images[].title", "provider.images[].title"],
        ),
        example=_example('title: "Intro"', "type: course", "", "levels:", "  - Beginner"),
        strategy=strategies + "courses",
    )
    register_kind(
        "collection",
        Collection,
        named_by={"type": "collection"},
        layout=Layout(
            ["title", "excerpt", "originalUrl", "webUrl", "type", "price", "length", *_STATE],
            [["provider"], ["levels"], ["items"], ["topics"], ["images"], ["secured"]],
            ["title", "excerpt", "secured", "images[].title", "provider.images[].title"],
        ),
        example=_example(
            'title: "Getting started"',
            "type: collection",
            "",
            "items:",
            "  - videos/build-your-first-app",
            "",
            _SECURED,
        ),
        strategy=strategies + "collections",
    )
    register_kind(
        "download",
        Download,
        named_by={"type": "download"},
        layout=Layout(
            ["title", "excerpt", "originalUrl", "webUrl", "type", "price", "publishedDateTime", *_STATE],
            [["actions"], ["provider"], ["topics"], ["images"], ["secured"]],
            [
                "title",
                "excerpt",
                "secured",
                *_under("actions[]", ["url", "type", "title", "attribution"]),
                "images[].title",
                "provider.images[].title",
            ],
        ),
        example=_example('title: "AppSweeper v0.1"', "type: download", "", _SECURED),
        strategy=strategies + "downloads",
    )
    register_kind(
        "profile",
        Profile,
        named_by={"type": "profile"},
        layout=Layout(
            ["name", "bio", "location", "type", *_STATE],
            [["affiliation"], ["website"], ["twitter"], ["linkedin"], ["topics"], ["images"], ["secured"]],
            [
                "name",
                "bio",
                "type",
                "secured",
                "images[].title",
                *_under("affiliation.images[]", _IMAGE_QUOTED),
            ],
        ),
        example=_example('name: "Ryan Cunningham"', 'bio: "Product Lead"', 'type: "profile"'),
        strategy=strategies + "profiles",
    )
    register_kind(
        "forum",
        Forum,
        named_by={"type": "forum"},
        detect=_forum_by_name,
        recognised_by="'type: forum', or a 'name' and no 'title', 'type' or 'category'",
        layout=Layout(
            ["name", "excerpt", "originalUrl", "webUrl", "type", "members", *_STATE],
            [["provider"], ["topics"], ["images"], ["secured"]],
            ["name", "excerpt", "secured", "images[].title", "provider.images[].title"],
            blank_line_at_end=True,
        ),
        example=_example('name: "Power Apps in Stack Overflow"', "type: forum", "members: 1200", ""),
        strategy=strategies + "forums",
    )
    register_kind(
        "organization",
        Organization,
        named_by={"taxonomy": "organization"},
        layout=Layout(["taxonomy", "_id", "name", "otherNames", "domain", "description", "images"], [], []),
        example=_example(
            "taxonomy: organization", "_id: example.com", "name: Example", "domain: example.com"
        ),
        strategy=strategies + "organizations",
    )


_register_builtins()


UNKNOWN_KIND = CODES["AK901"]
"""AK901: the front matter matches no known kind."""
