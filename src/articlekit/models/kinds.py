"""The kinds of document and how a front matter's kind is recognised.

==============  =================================================================
kind            recognised by
==============  =================================================================
Article         ``category: news`` (whatever its ``type``), or ``type: article``
Video           ``type: video`` without ``category: news``
Course          ``type: course``
Collection      ``type: collection``
Download        ``type: download``
Profile         ``type: profile``
Forum           ``type: forum``, or no ``type``/``category``/``taxonomy`` with a
                ``name`` and no ``title``
Organization    ``taxonomy: organization``
==============  =================================================================

A front matter with none of ``category``, ``type`` and ``taxonomy`` (and not
shaped like a forum) matches no kind, and neither does any other value of
those keys: AK901, one error and no schema or rule issues (a documentation
page is not an article with seven mistakes).  A ``kinds`` entry in the
configuration, ``--kind`` or ``kind=`` says what such a file is.

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

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._mask import mask_extra
from ..issues import Issue, register_code
from ..yamlsafe import Locations
from ._base import FrontMatterModel
from .article import Article
from .collection import Collection
from .course import Course
from .download import Download
from .forum import Forum
from .organization import Organization
from .profile import Profile
from .video import Video

__all__ = ["KINDS", "UNKNOWN_KIND", "KindInfo", "detect_kind", "kind_named", "unknown_kind_issue"]


@dataclass(frozen=True)
class KindInfo:
    """One kind of document.

    Attributes:
        name: the kind's name in lower case, e.g. ``"course"``.
        model: its model class.
        key: the YAML key that names the kind (``type``, ``category`` or ``taxonomy``).
        value: the value of ``key`` that marks the kind.
        recognised_by: how a file of this kind is recognised, in words.
    """

    name: str
    model: type[FrontMatterModel]
    key: str
    value: str
    recognised_by: str


KINDS: tuple[KindInfo, ...] = (
    KindInfo("article", Article, "category", "news", "'category: news' (any type), or 'type: article'"),
    KindInfo("video", Video, "type", "video", "'type: video' without 'category: news'"),
    KindInfo("course", Course, "type", "course", "'type: course'"),
    KindInfo("collection", Collection, "type", "collection", "'type: collection'"),
    KindInfo("download", Download, "type", "download", "'type: download'"),
    KindInfo("profile", Profile, "type", "profile", "'type: profile'"),
    KindInfo(
        "forum", Forum, "type", "forum", "'type: forum', or a 'name' and no 'title', 'type' or 'category'"
    ),
    KindInfo("organization", Organization, "taxonomy", "organization", "'taxonomy: organization'"),
)
"""Every kind of document, news items first."""

_BY_TYPE: dict[str, type[FrontMatterModel]] = {k.value: k.model for k in KINDS if k.key == "type"}
_BY_TYPE["article"] = Article
_BY_TAXONOMY: dict[str, type[FrontMatterModel]] = {k.value: k.model for k in KINDS if k.key == "taxonomy"}

UNKNOWN_KIND = register_code(
    "AK901",
    "unknown-kind",
    "error",
    "The front matter matches no known kind of document: it has none of `category`, `type` and "
    "`taxonomy`, or a value of them that articlekit does not know.",
    "Kinds are recognised by `category: news` (Article), `type: video|course|collection|download|"
    "profile|forum|article` and `taxonomy: organization`; a file with none of these keys is a "
    "Forum when it has a `name` and no `title`, and otherwise of no known kind. Such a file (a "
    "documentation page, say) gets this one error and no schema or rule issues. The issue is "
    "placed at the root mapping, names the keys looked at and lists every kind; a `kinds` entry "
    "in the configuration, `--kind` or `kind=` validates a file as a given kind. Passing:"
    '\n\n```\ntype: course\ntitle: "Intro"\n```\n\nFailing:\n\n```\ntype: podcast\n'
    'title: "Episode 1"\n```\n\nFailing too (no kind is named):\n\n```\ntitle: "Installing"\n'
    'nav_order: 2\n```',
)


def kind_named(name: str) -> type[FrontMatterModel]:
    """The model of the kind called ``name`` (``"video"``, ``"Video"``...).

    Raises:
        KeyError: no kind has that name.
    """
    wanted = name.lower()
    for info in KINDS:
        if info.name == wanted:
            return info.model
    raise KeyError(name)


def detect_kind(data: Mapping[str, Any]) -> type[FrontMatterModel] | None:
    """The model class ``data`` is validated as, or ``None`` when it matches no kind."""
    category = data.get("category")
    if category == "news":
        return Article
    if category is not None:
        return None
    taxonomy = data.get("taxonomy")
    if taxonomy is not None:
        return _BY_TAXONOMY.get(taxonomy) if isinstance(taxonomy, str) else None
    kind_type = data.get("type")
    if kind_type is not None:
        return _BY_TYPE.get(kind_type) if isinstance(kind_type, str) else None
    if "name" in data and "title" not in data:
        return Forum
    return None


def _why(data: Mapping[str, Any]) -> str:
    for key, known in (
        ("category", ["news"]),
        ("taxonomy", sorted(_BY_TAXONOMY)),
        ("type", sorted(_BY_TYPE)),
    ):
        if data.get(key) is None:
            continue
        value = data[key]
        if not isinstance(value, str):
            shown = repr(mask_extra(value))  # a `secured` inside is masked; a long value is cut
            shown = shown if len(shown) <= 60 else shown[:57] + "..."
            return f"'{key}' is {type(value).__name__} {shown}, not text"
        close = difflib.get_close_matches(value.lower(), known, n=1, cutoff=0.6)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return f"'{key}: {value}' is not a known {key}{hint}"
    return "it has none of the keys that name a kind ('category', 'type' and 'taxonomy')"


def unknown_kind_issue(data: Mapping[str, Any], locations: Locations) -> Issue:
    """The AK901 issue for a front matter that matches no kind, placed at the root mapping."""
    known = "; ".join(f"{k.model.__name__} by {k.recognised_by}" for k in KINDS)
    message = (
        f"this front matter matches no known kind: {_why(data)}. Known kinds: {known}. "
        "To validate it as one of them, add a 'kinds' entry to the configuration, or pass --kind "
        "(kind= from Python)"
    )
    line, column = locations.position(())
    return Issue(UNKNOWN_KIND.code, UNKNOWN_KIND.severity, message, (), line, column)
