"""An image: ``{url, width, height}`` plus optional ``isCached``, ``title``, ``attribution``."""

from __future__ import annotations

from pydantic import Field

from ._base import FrontMatterModel
from ._fields import IMAGE_URL_SCHEMA

__all__ = ["Image"]


class Image(FrontMatterModel):
    """A picture of an article, a related item or a provider's logo.

    >>> Image(url="/assets/logo-50x50.png", width=50, height=50).width
    50
    """

    url: str = Field(
        description="Absolute http(s) URL of the image, or a site-relative path starting with `/`.",
        examples=["https://example.com/images/example.com-50x50.jpg"],
        json_schema_extra=dict(IMAGE_URL_SCHEMA),
    )
    width: int = Field(
        ge=1,
        le=100_000,
        description="Width in pixels. When the file name ends in `-<W>x<H>.<ext>` it must equal W.",
        examples=[1200],
    )
    height: int = Field(
        ge=1,
        le=100_000,
        description="Height in pixels. When the file name ends in `-<W>x<H>.<ext>` it must equal H.",
        examples=[600],
    )
    is_cached: bool | None = Field(
        default=None,
        description="Whether the site keeps its own copy of the image.",
        examples=[True],
    )
    title: str | None = Field(
        default=None, description="Caption of the image.", examples=["A prison library"]
    )
    attribution: str | None = Field(
        default=None, description="Credit line for the image.", examples=["Photo: Jane Doe"]
    )
