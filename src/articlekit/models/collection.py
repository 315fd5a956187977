"""The collection (``type: collection``): a playlist of videos or a learning path of courses."""

from __future__ import annotations

from datetime import timedelta
from typing import Literal

from pydantic import Field

from ._base import FrontMatterModel
from ._fields import (
    bool_field,
    excerpt_field,
    heat_field,
    images_field,
    length_field,
    levels_field,
    price_field,
    quality_field,
    secured_field,
    topics_field,
    url_field,
)
from .author import ContentProvider
from .image import Image
from .secured import Secured
from .video import _duration

__all__ = ["Collection"]


class Collection(FrontMatterModel):
    """A collection: an ordered list of other items of the site.

    ``items`` are site paths ``<section>/<slug>`` such as
    ``videos/april-dunnam-power-apps-launch-function`` (rule AK904).

    Passing:

    ```yaml
    title: "Administer Power Apps portals"
    type: collection
    items:
      - courses/microsoft-learn-portals-administration
      - courses/microsoft-learn-portals-integration
    secured: "AAAAAAAAAAAAAAAAAAAAAA==;AAAAAAAAAAAAAAAAAAAAAA=="
    ```
    """

    title: str = Field(
        min_length=1, description="The collection's title.", examples=["Administer Power Apps portals"]
    )
    excerpt: str | None = excerpt_field("collection")
    original_url: str | None = url_field(
        "Where the collection was first published.", "https://www.youtube.com/playlist?list=PL0000"
    )
    web_url: str | None = url_field(
        "Where the collection can be followed.",
        "https://docs.microsoft.com/en-us/learn/paths/administer-portals/",
    )
    type: Literal["collection"] = Field(description="Always `collection`.", examples=["collection"])
    price: str | None = price_field()
    length: str | None = length_field()
    quality: int | None = quality_field()
    heat: int | None = heat_field()
    published: bool | None = bool_field("Whether the collection is shown on the site.")
    removed: bool | None = bool_field("Whether the collection was taken down.")
    provider: ContentProvider | None = Field(default=None, description="Who put the collection together.")
    levels: list[str] | None = levels_field()
    items: list[str] = Field(
        min_length=1,
        description="The items, in order: site paths `<section>/<slug>` such as `videos/<slug>` "
        "or `courses/<slug>`.",
        examples=[["videos/april-dunnam-power-apps-launch-function"]],
    )
    topics: list[str] | None = topics_field()
    images: list[Image] | None = images_field("collection")
    secured: Secured = secured_field()

    @property
    def duration(self) -> timedelta | None:
        """``length`` as a `timedelta`; ``None`` when absent or not convertible."""
        return _duration(self.length)
