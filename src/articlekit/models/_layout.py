"""The canonical key order, blank-line groups and quoting of each kind, for the writer.

Read off the real files of each kind (``../shared/corpus/smartable-power-apps``):
the order their keys come in, where a blank line starts a group and which
values are double-quoted.  Keys no real file has yet (``webUrl`` on a video,
``removed``, ``published``, ``quality``, ``otherNames``) are placed where a
reader would look for them.  The writer registers these layouts the first
time it needs one (:func:`articlekit.writer.order.key_order_for`), so that
checking files never imports the writer.
"""

from __future__ import annotations

from pydantic import BaseModel

from .action import Action
from .author import Author, ContentProvider
from .collection import Collection
from .course import Course
from .download import Download
from .forum import Forum
from .organization import Organization
from .profile import Profile
from .ratings import Ratings
from .social import LinkedIn, Twitter
from .video import Video

__all__ = ["LAYOUTS"]

_STATE = ["quality", "heat", "published", "removed"]

LAYOUTS: tuple[tuple[type[BaseModel], list[str], list[list[str]], list[str]], ...] = (
    (
        Video,
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
        ["title", "excerpt", "featuredContent", "secured"],
    ),
    (
        Course,
        ["title", "excerpt", "originalUrl", "webUrl", "type", "price", "length", "ratings", *_STATE],
        [["provider"], ["levels"], ["topics"], ["images"], ["secured"]],
        ["title", "excerpt", "secured"],
    ),
    (
        Collection,
        ["title", "excerpt", "originalUrl", "webUrl", "type", "price", "length", *_STATE],
        [["provider"], ["levels"], ["items"], ["topics"], ["images"], ["secured"]],
        ["title", "excerpt", "secured"],
    ),
    (
        Download,
        ["title", "excerpt", "originalUrl", "webUrl", "type", "price", "publishedDateTime", *_STATE],
        [["actions"], ["provider"], ["topics"], ["images"], ["secured"]],
        ["title", "excerpt", "secured"],
    ),
    (
        Profile,
        ["name", "bio", "location", "type", *_STATE],
        [["affiliation"], ["website"], ["twitter"], ["linkedin"], ["topics"], ["images"], ["secured"]],
        ["name", "bio", "type", "secured"],
    ),
    (
        Forum,
        ["name", "excerpt", "originalUrl", "webUrl", "type", "members", *_STATE],
        [["provider"], ["topics"], ["images"], ["secured"]],
        ["name", "excerpt", "secured"],
    ),
    (
        Organization,
        ["taxonomy", "_id", "name", "otherNames", "domain", "description", "images"],
        [],
        [],
    ),
    (ContentProvider, ["name", "domain", "images", "authors"], [], []),
    (Author, ["name"], [], []),
    (Action, ["url", "type", "title", "attribution"], [], ["url", "type", "title", "attribution"]),
    (Ratings, ["count", "average"], [], []),
    (Twitter, ["username", "url", "followers"], [], []),
    (LinkedIn, ["url"], [], []),
)
"""``(model, key order, groups, quoted keys)`` of each kind and part, as ``register_key_order`` takes them."""

