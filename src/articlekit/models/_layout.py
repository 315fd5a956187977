"""The publisher's style: key order, blank-line groups, quoting, for the writer.

Each kind's `Layout` is part of its record (`articlekit.models.kinds`, given to
`register_kind`); this module holds the `Layout` type and the layouts of the
parts (the mappings a kind holds: images, providers, related items...).

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

from collections.abc import Sequence
from typing import NamedTuple

from pydantic import BaseModel

from .action import Action
from .article import RelatedItem
from .author import Author, ContentProvider
from .image import Image
from .provider import Provider
from .ratings import Ratings
from .social import LinkedIn, Twitter

__all__ = ["PART_LAYOUTS", "Layout"]


class Layout(NamedTuple):
    """One kind's (or part's) style, as `register_key_order` takes it.

    Attributes:
        order: its YAML keys in order.
        groups: further groups of keys, each after a blank line at the top of a file.
        quoted: for a kind, every path whose text is double-quoted (`title`,
            `images[].url`); for a part, its own keys whose text is quoted
            under a kind that does not list its own paths.  `None`: URL fields
            and `title`, `excerpt`, `featuredContent`, `secured`, `url`.
        blank_line_at_end: whether the front matter ends with a blank line.
    """

    order: Sequence[str]
    groups: Sequence[Sequence[str]] = ()
    quoted: Sequence[str] | None = None
    blank_line_at_end: bool = False


# the sample article's part layouts, under a news item or a related item
_IMAGE_QUOTED = ["url", "title"]

PART_LAYOUTS: dict[type[BaseModel], Layout] = {
    RelatedItem: Layout(
        ["title", "excerpt", "publishedDateTime", "webUrl", "type", "provider", "quality", "images"],
        [],
        ["title", "excerpt", "webUrl"],
    ),
    Provider: Layout(["name", "domain", "images"], [], []),
    Image: Layout(["url", "width", "height", "isCached", "title", "attribution"], [], _IMAGE_QUOTED),
    ContentProvider: Layout(["name", "domain", "images", "authors"], [], []),
    Author: Layout(["name"], [], []),
    Action: Layout(["url", "type", "title", "attribution"], [], ["url", "type", "title", "attribution"]),
    Ratings: Layout(["count", "average"], [], []),
    Twitter: Layout(["username", "url", "followers"], [], []),
    LinkedIn: Layout(["url"], [], []),
}
"""Each part's `Layout` (the kinds' are in their records, `articlekit.models.kinds.KINDS`)."""
