"""The forum or community (``type: forum``, or no ``type`` with a ``name`` and no ``title``)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ._base import FrontMatterModel
from ._fields import (
    bool_field,
    excerpt_field,
    heat_field,
    images_field,
    quality_field,
    secured_field,
    topics_field,
    url_field,
)
from .author import ContentProvider
from .image import Image
from .secured import Secured

__all__ = ["Forum"]


class Forum(FrontMatterModel):
    """A community: a forum, group or Q&A tag where people meet.

    No real forum has `secured`; it is optional and absent by default.

    Passing:

    ```yaml
    name: "Power Apps in Stack Overflow"
    originalUrl: https://stackoverflow.com/questions/tagged/powerapps
    type: forum
    members: 3000
    ```
    """

    name: str = Field(
        min_length=1, description="The community's name.", examples=["Power Apps in Stack Overflow"]
    )
    excerpt: str | None = excerpt_field("community")
    original_url: str | None = url_field(
        "The community's address.", "https://stackoverflow.com/questions/tagged/powerapps"
    )
    web_url: str | None = url_field(
        "Where to join or read the community.", "https://stackoverflow.com/questions/tagged/powerapps"
    )
    type: Literal["forum"] | None = Field(default=None, description="`forum`, or absent.", examples=["forum"])
    members: int | None = Field(
        default=None, ge=0, description="How many members (0 or more).", examples=[3000]
    )
    quality: int | None = quality_field()
    heat: int | None = heat_field()
    published: bool | None = bool_field("Whether the community is shown on the site.")
    removed: bool | None = bool_field("Whether the community was taken down.")
    provider: ContentProvider | None = Field(default=None, description="The site that hosts the community.")
    topics: list[str] | None = topics_field()
    images: list[Image] | None = images_field("community")
    secured: Secured | None = secured_field(required=False)
