"""The video (``type: video`` without ``category: news``), e.g. a YouTube tutorial.

A news item about a video (``category: news`` with ``type: video``) is an
[`Article`][articlekit.Article], not a [`Video`][articlekit.Video].
"""

from __future__ import annotations

from datetime import timedelta
from typing import Literal

from pydantic import Field

from ._base import FrontMatterModel, Timestamp
from ._fields import (
    bool_field,
    excerpt_field,
    heat_field,
    images_field,
    length_field,
    price_field,
    quality_field,
    secured_field,
    topics_field,
    url_field,
)
from .author import ContentProvider
from .duration import parse_duration
from .image import Image
from .secured import Secured

__all__ = ["Video"]


class Video(FrontMatterModel):
    """A video to learn from: its front matter.

    Passing:

    ```yaml
    title: "3 Uses for Power Apps Timer Controls"
    originalUrl: https://youtube.com/watch?v=OKPNjXh-6Vk
    type: video
    price: Free
    length: PT13M34S
    publishedDateTime: 2020-07-09T03:56:40Z
    secured: "AAAAAAAAAAAAAAAAAAAAAA==;AAAAAAAAAAAAAAAAAAAAAA=="
    ```

    >>> Video(title="Intro", type="video", length="PT1M5S",
    ...       secured="AAAAAAAAAAAAAAAAAAAAAA==;AAAAAAAAAAAAAAAAAAAAAA==").duration
    datetime.timedelta(seconds=65)
    """

    title: str = Field(
        min_length=1, description="The video's title.", examples=["3 Uses for Power Apps Timer Controls"]
    )
    excerpt: str | None = excerpt_field("video")
    original_url: str | None = url_field(
        "Where the video is published.", "https://youtube.com/watch?v=OKPNjXh-6Vk"
    )
    web_url: str | None = url_field(
        "Where the video can be watched.", "https://youtube.com/watch?v=OKPNjXh-6Vk"
    )
    type: Literal["video"] = Field(description="Always `video`.", examples=["video"])
    price: str | None = price_field()
    length: str | None = length_field()
    published_date_time: Timestamp | None = Field(
        default=None,
        description="When the video was published: a timezone-aware date and time.",
        examples=["2020-07-09T03:56:40Z"],
    )
    quality: int | None = quality_field()
    heat: int | None = heat_field()
    published: bool | None = bool_field("Whether the video is shown on the site.")
    removed: bool | None = bool_field("Whether the video was taken down.")
    featured_content: str | None = Field(
        default=None,
        description="HTML that embeds the video, usually an `<iframe>`.",
        examples=['<iframe src="https://www.youtube.com/embed/OKPNjXh-6Vk"></iframe>'],
    )
    provider: ContentProvider | None = Field(default=None, description="Who made the video.")
    topics: list[str] | None = topics_field()
    images: list[Image] | None = images_field("video (thumbnails)")
    secured: Secured = secured_field()

    @property
    def duration(self) -> timedelta | None:
        """``length`` as a `timedelta`; ``None`` when absent or not convertible."""
        return _duration(self.length)


def _duration(length: str | None) -> timedelta | None:
    if length is None:
        return None
    try:
        return parse_duration(length)
    except ValueError:
        return None
