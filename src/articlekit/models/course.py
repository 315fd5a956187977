"""The course (``type: course``), e.g. a Microsoft Learn module."""

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
from .ratings import Ratings
from .secured import Secured
from .video import _duration

__all__ = ["Course"]


class Course(FrontMatterModel):
    """A course: its front matter.

    `secured` is optional: most courses have it, a few real ones do not.

    Passing:

    ```yaml
    title: "Build user experience in Power Apps portals"
    webUrl: https://docs.microsoft.com/en-us/learn/modules/build-user-experience-portals/
    type: course
    price: Free
    length: PT40M
    ratings:
      count: 16
      average: 4.8125
    levels:
      - Intermediate
    secured: "AAAAAAAAAAAAAAAAAAAAAA==;AAAAAAAAAAAAAAAAAAAAAA=="
    ```
    """

    title: str = Field(
        min_length=1,
        description="The course's title.",
        examples=["Build user experience in Power Apps portals"],
    )
    excerpt: str | None = excerpt_field("course")
    original_url: str | None = url_field(
        "Where the course was first published.",
        "https://docs.microsoft.com/en-us/learn/modules/intro-power-platform/",
    )
    web_url: str | None = url_field(
        "Where the course can be followed.",
        "https://docs.microsoft.com/en-us/learn/modules/intro-power-platform/",
    )
    type: Literal["course"] = Field(description="Always `course`.", examples=["course"])
    price: str | None = price_field()
    length: str | None = length_field()
    ratings: Ratings | None = Field(default=None, description="How learners rated the course.")
    quality: int | None = quality_field()
    heat: int | None = heat_field()
    published: bool | None = bool_field("Whether the course is shown on the site.")
    removed: bool | None = bool_field("Whether the course was taken down.")
    provider: ContentProvider | None = Field(default=None, description="Who offers the course.")
    levels: list[str] | None = levels_field()
    topics: list[str] | None = topics_field()
    images: list[Image] | None = images_field("course")
    secured: Secured | None = secured_field(required=False)

    @property
    def duration(self) -> timedelta | None:
        """``length`` as a `timedelta`; ``None`` when absent or not convertible."""
        return _duration(self.length)
