"""The publisher's style of each kind: key order, blank-line groups, quoting, for the writer.

Read off the real files of each kind (``../shared/corpus/smartable-power-apps``),
where the style is perfectly consistent per kind and per key, and differs
between kinds:

* key order: the order the keys of each mapping come in;
* groups: at the top level, a blank line before each group (organizations
  have none; forums also end their front matter with a blank line);
* quoting: which text values are double-quoted, by path from the top of the
  document (``images[].url``: the ``url`` of every item of ``images``); every
  other text is plain (quoted only when YAML would misread it).  In news, every
  URL is quoted; in videos, courses, collections, downloads and organizations,
  URLs are plain; in profiles, ``affiliation.images[].url`` is quoted but
  ``images[].url`` is not; in downloads every ``actions[]`` value is quoted.

Lists are indented two spaces under their key (``- `` items) in every kind.
Keys no real file has yet (``webUrl`` on a video, ``removed``, ``published``,
``quality``, ``otherNames``) are placed where a reader would look for them and
quoted like the kind's other keys of the same sort.  The writer registers
these layouts the first time it needs one (`articlekit.writer.order.key_order_for`),
so that checking files never imports the writer.
"""

from __future__ import annotations

from typing import NamedTuple

from pydantic import BaseModel

from .action import Action
from .article import Article, RelatedItem
from .author import Author, ContentProvider
from .collection import Collection
from .course import Course
from .download import Download
from .forum import Forum
from .image import Image
from .organization import Organization
from .profile import Profile
from .provider import Provider
from .ratings import Ratings
from .social import LinkedIn, Twitter
from .video import Video

__all__ = ["LAYOUTS", "Layout"]


class Layout(NamedTuple):
    """One kind's (or part's) style, as `register_key_order` takes it.

    Attributes:
        model: the model class.
        order: its YAML keys in order.
        groups: further groups of keys, each after a blank line at the top of a file.
        quoted: for a kind, every path whose text is double-quoted (``title``,
            ``images[].url``); for a part, its own keys whose text is quoted
            under a kind that does not list its own paths.
        blank_line_at_end: whether the front matter ends with a blank line.
    """

    model: type[BaseModel]
    order: list[str]
    groups: list[list[str]]
    quoted: list[str]
    blank_line_at_end: bool = False


_STATE = ["quality", "heat", "published", "removed"]

# the sample article's part layouts, under a news item or a related item
_IMAGE_QUOTED = ["url", "title"]


def _under(prefix: str, keys: list[str]) -> list[str]:
    return [f"{prefix}.{k}" for k in keys]


LAYOUTS: tuple[Layout, ...] = (
    Layout(
        Article,
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
    Layout(
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
        ["title", "excerpt", "featuredContent", "secured", "images[].title", "provider.images[].title"],
    ),
    Layout(
        Course,
        ["title", "excerpt", "originalUrl", "webUrl", "type", "price", "length", "ratings", *_STATE],
        [["provider"], ["levels"], ["topics"], ["images"], ["secured"]],
        ["title", "excerpt", "secured", "images[].title", "provider.images[].title"],
    ),
    Layout(
        Collection,
        ["title", "excerpt", "originalUrl", "webUrl", "type", "price", "length", *_STATE],
        [["provider"], ["levels"], ["items"], ["topics"], ["images"], ["secured"]],
        ["title", "excerpt", "secured", "images[].title", "provider.images[].title"],
    ),
    Layout(
        Download,
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
    Layout(
        Profile,
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
    Layout(
        Forum,
        ["name", "excerpt", "originalUrl", "webUrl", "type", "members", *_STATE],
        [["provider"], ["topics"], ["images"], ["secured"]],
        ["name", "excerpt", "secured", "images[].title", "provider.images[].title"],
        blank_line_at_end=True,
    ),
    Layout(
        Organization,
        ["taxonomy", "_id", "name", "otherNames", "domain", "description", "images"],
        [],
        [],
    ),
    Layout(
        RelatedItem,
        ["title", "excerpt", "publishedDateTime", "webUrl", "type", "provider", "quality", "images"],
        [],
        ["title", "excerpt", "webUrl"],
    ),
    Layout(Provider, ["name", "domain", "images"], [], []),
    Layout(Image, ["url", "width", "height", "isCached", "title", "attribution"], [], _IMAGE_QUOTED),
    Layout(ContentProvider, ["name", "domain", "images", "authors"], [], []),
    Layout(Author, ["name"], [], []),
    Layout(Action, ["url", "type", "title", "attribution"], [], ["url", "type", "title", "attribution"]),
    Layout(Ratings, ["count", "average"], [], []),
    Layout(Twitter, ["username", "url", "followers"], [], []),
    Layout(LinkedIn, ["url"], [], []),
)
"""Each kind's and part's `Layout`, as `register_key_order` takes them."""
