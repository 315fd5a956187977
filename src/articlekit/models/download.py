"""The download (``type: download``), e.g. a sample app with its source code."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ._base import FrontMatterModel, Timestamp
from ._fields import (
    bool_field,
    excerpt_field,
    heat_field,
    images_field,
    price_field,
    quality_field,
    secured_field,
    topics_field,
    url_field,
)
from .action import Action
from .author import ContentProvider
from .image import Image
from .secured import Secured

__all__ = ["Download"]


class Download(FrontMatterModel):
    """A download: a sample, template or tool, with its ``actions``.

    Passing:

    ```yaml
    title: "CanteenApp"
    originalUrl: https://powerusers.microsoft.com/t5/Community-App-Samples/CanteenApp/td-p/606412
    type: download
    publishedDateTime: 2020-06-24T15:54:00Z
    actions:
      - url: "https://powerusers.microsoft.com/attachments/CanteenApp.msapp"
        type: "download"
        title: "Download Source Code"
    provider:
      name: Power Apps Community
      authors:
        - name: lugi
    secured: "AAAAAAAAAAAAAAAAAAAAAA==;AAAAAAAAAAAAAAAAAAAAAA=="
    ```
    """

    title: str = Field(min_length=1, description="The download's title.", examples=["CanteenApp"])
    excerpt: str | None = excerpt_field("download")
    original_url: str | None = url_field(
        "Where the download is described.",
        "https://powerusers.microsoft.com/t5/Community-App-Samples/CanteenApp/td-p/606412",
    )
    web_url: str | None = url_field(
        "Where the download can be found.",
        "https://powerusers.microsoft.com/t5/Community-App-Samples/CanteenApp/td-p/606412",
    )
    type: Literal["download"] = Field(description="Always `download`.", examples=["download"])
    price: str | None = price_field()
    published_date_time: Timestamp | None = Field(
        default=None,
        description="When the download was published: a timezone-aware date and time.",
        examples=["2020-06-24T15:54:00Z"],
    )
    quality: int | None = quality_field()
    heat: int | None = heat_field()
    published: bool | None = bool_field("Whether the download is shown on the site.")
    removed: bool | None = bool_field("Whether the download was taken down.")
    actions: list[Action] | None = Field(default=None, description="What a reader can do: download links.")
    provider: ContentProvider | None = Field(
        default=None, description="Who offers the download, with its authors."
    )
    topics: list[str] | None = topics_field()
    images: list[Image] | None = images_field("download")
    secured: Secured = secured_field()
