"""The publisher of an article: ``name``, ``domain`` and optional logo ``images``."""

from __future__ import annotations

from pydantic import Field

from ._base import FrontMatterModel
from .image import Image

__all__ = ["Provider"]


class Provider(FrontMatterModel):
    """Who published the item.

    >>> Provider(name="Business Insider", domain="businessinsider.com").domain
    'businessinsider.com'
    """

    name: str = Field(min_length=1, description="The publisher's name.", examples=["Business Insider"])
    domain: str | None = Field(
        default=None,
        description="The publisher's host name, without scheme or path (IDNA allowed).",
        examples=["businessinsider.com"],
        json_schema_extra={"format": "hostname"},
    )
    images: list[Image] | None = Field(
        default=None,
        description="The publisher's logos, usually one 50x50 image.",
        examples=[[{"url": "/assets/images/organizations/example.com-50x50.jpg", "width": 50, "height": 50}]],
    )
